"""Reading articles: titles, sections and their parents, anchors, and clear problems for unusable files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.corpus import CorpusError, corpus_hash, load_corpus, parse_article, scan_corpus_hash

DATA = Path(__file__).resolve().parent / "data"
ARTICLES = DATA / "articles"
SEED_TXT = DATA / "seed" / "does-lupus-cause-nerve-pain.txt"
SEED_MD = DATA.parents[1] / "corpus" / "does-lupus-cause-nerve-pain.md"
MANAGING = "Managing Neuropathic Pain in Lupus"


def section_of(article, sentence):
    return article.sections[sentence.section]


def assert_well_formed(article):
    anchors = [s.anchor for s in article.sections]
    assert len(anchors) == len(set(anchors)), anchors
    assert len({s.id for s in article.sentences}) == len(article.sentences)
    for position, sentence in enumerate(article.sentences):
        assert sentence.position == position
        assert article.text[sentence.start : sentence.end] == sentence.text
        section = article.sections[sentence.section]
        assert section.start <= sentence.start and sentence.end <= section.end


# --- well-formed articles ---------------------------------------------------------------------


def test_markdown_with_nested_headings_and_a_list():
    article, problems = parse_article(ARTICLES / "living-with-fatigue.md")
    assert problems == []
    assert article.doc_id == "living-with-fatigue"
    assert article.title == "Living With Lupus Fatigue"
    assert [(s.title, s.path, s.anchor) for s in article.sections] == [
        ("Living With Lupus Fatigue", (), "introduction"),
        ("What Causes It?", (), "what-causes-it"),
        ("Sleep", ("What Causes It?",), "sleep"),
        ("Anaemia", ("What Causes It?",), "anaemia"),
        ("Coping Day to Day", (), "coping-day-to-day"),
        ("Sleep", ("Coping Day to Day",), "sleep-2"),  # same title again: its own anchor
    ]
    coping = [s.text for s in article.sentences if section_of(article, s).title == "Coping Day to Day"]
    assert coping == [
        "Try these steps:",
        "Pace your day and plan rest breaks.",
        "Ask about a referral, e.g. to an occupational therapist (OT).",
        "Keep a fatigue diary.",
    ]
    assert_well_formed(article)


def test_text_file_with_question_headings():
    article, problems = parse_article(ARTICLES / "nerve-tests.txt")
    assert problems == []
    assert article.title == "Tests for Nerve Pain"
    assert [s.title for s in article.sections] == [
        "Tests for Nerve Pain",
        "What is a nerve conduction study?",
        "Why was my test normal?",
        "What should I bring?",
    ]
    by_section = {}
    for s in article.sentences:
        by_section.setdefault(section_of(article, s).title, []).append(s.text)
    assert by_section["Why was my test normal?"] == [
        "Small-fiber neuropathy does not show up on an NCS.",
        "Dr. Lee may suggest a skin biopsy instead.",
    ]
    assert by_section["What should I bring?"] == [
        "Bring a list of your medicines:",
        "tablets you take every day",
        "creams or patches",
    ]
    assert_well_formed(article)


def test_seed_markdown_sections_and_parents():
    article, problems = parse_article(SEED_MD)
    assert problems == []
    assert article.title == "Does Lupus Cause Nerve Pain?"
    intro = article.sections[0]
    assert (intro.title, intro.anchor, intro.path) == ("Does Lupus Cause Nerve Pain?", "introduction", ())
    assert [s.title for s in article.sections[1:]] == [
        "The Direct Link Between Lupus and Nerve Damage",
        "Specific Types of Nerve Involvement",
        "Confirming the Diagnosis",
        MANAGING,
        "Pharmacological Management",
        "Supportive Therapies",
    ]
    parents = {s.title: s.path for s in article.sections}
    assert parents["Pharmacological Management"] == (MANAGING,)
    assert parents["Supportive Therapies"] == (MANAGING,)
    assert parents[MANAGING] == ()
    for section in article.sections[1:]:  # a section starts at its heading line
        assert article.text[section.start :].startswith("#" * section.level + " " + section.title)
    assert_well_formed(article)


def test_seed_text_and_markdown_give_identical_sentences():
    md, _ = parse_article(SEED_MD)
    txt, _ = parse_article(SEED_TXT)
    assert [s.text for s in txt.sentences] == [s.text for s in md.sentences]
    assert [section_of(txt, s).title for s in txt.sentences] == [section_of(md, s).title for s in md.sentences]
    assert txt.title == md.title and txt.doc_id == md.doc_id
    assert_well_formed(txt)


@pytest.mark.parametrize("source", [SEED_MD, ARTICLES / "nerve-tests.txt", ARTICLES / "living-with-fatigue.md"], ids=lambda p: p.name)
def test_windows_line_endings_and_a_byte_order_mark_change_nothing(tmp_path, source):
    windows_file = tmp_path / source.name
    windows_file.write_bytes(b"\xef\xbb\xbf" + source.read_bytes().replace(b"\n", b"\r\n"))
    unix, _ = parse_article(source)
    windows, problems = parse_article(windows_file)
    assert problems == []
    assert windows.title == unix.title
    assert [(s.title, s.path) for s in windows.sections] == [(s.title, s.path) for s in unix.sections]
    assert [s.text for s in windows.sentences] == [s.text for s in unix.sentences]


def test_folder_of_articles_loads_in_name_order_and_the_scan_hash_matches():
    articles, problems = load_corpus(ARTICLES)
    assert problems == []
    assert [a.doc_id for a in articles] == ["living-with-fatigue", "nerve-tests"]
    # `bot index status` hashes files without parsing them; it must agree with what a build records.
    assert scan_corpus_hash(ARTICLES) == corpus_hash(articles)


# --- warnings: the article is still used --------------------------------------------------------


def test_markdown_without_headings_is_one_section_with_a_warning(tmp_path):
    (tmp_path / "pacing-tips.md").write_text("Pace yourself. Rest before you are exhausted.\n", encoding="utf-8")
    articles, problems = load_corpus(tmp_path)
    [article] = articles
    assert article.title == "Pacing tips"
    assert [s.text for s in article.sentences] == ["Pace yourself.", "Rest before you are exhausted."]
    assert len(article.sections) == 1
    assert problems and all(p.severity == "warning" for p in problems)
    assert all(p.path == str(tmp_path / "pacing-tips.md") for p in problems)
    assert any("heading" in p.message for p in problems)


def test_text_file_that_starts_with_body_text_keeps_that_text(tmp_path):
    (tmp_path / "pacing-tips.txt").write_text(
        "Pace yourself through the day. Rest before you are exhausted.\n\nA diary helps you spot patterns.\n",
        encoding="utf-8",
    )
    articles, problems = load_corpus(tmp_path)
    [article] = articles
    assert [s.text for s in article.sentences] == [
        "Pace yourself through the day.",
        "Rest before you are exhausted.",
        "A diary helps you spot patterns.",
    ]
    assert article.title == "Pacing tips"
    assert problems and all(p.severity == "warning" and "pacing-tips.txt" in p.path for p in problems)


def test_a_file_that_is_not_an_article_is_skipped_with_a_warning(tmp_path):
    shutil.copy(ARTICLES / "nerve-tests.txt", tmp_path)
    (tmp_path / "leaflet.pdf").write_bytes(b"%PDF-1.4\x00\x01")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00")  # hidden files are not the author's concern
    articles, problems = load_corpus(tmp_path)
    assert [a.doc_id for a in articles] == ["nerve-tests"]
    assert [(p.severity, Path(p.path).name) for p in problems] == [("warning", "leaflet.pdf")]


# --- errors: nothing is built, every bad file is named --------------------------------------------


def corpus_errors(folder: Path) -> list:
    with pytest.raises(CorpusError) as caught:
        load_corpus(folder)
    problems = caught.value.problems
    assert problems and all(p.severity == "error" for p in problems)
    for p in problems:
        assert p.path in str(caught.value)
    return problems


def test_missing_folder(tmp_path):
    [problem] = corpus_errors(tmp_path / "nope")
    assert problem.path == str(tmp_path / "nope")
    assert "does not exist" in problem.message


def test_empty_folder(tmp_path):
    [problem] = corpus_errors(tmp_path)
    assert problem.path == str(tmp_path)
    assert "no articles" in problem.message


def test_folder_with_only_non_articles_is_an_error(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    [problem] = corpus_errors(tmp_path)
    assert "no articles" in problem.message


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("empty.md", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "empty"),
        ("picture.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("windows-unicode.txt", "Lupus\n\nLupus can affect the nerves.\n".encode("utf-16"), "UTF-16"),
        ("latin1.txt", "Caf\u00e9 au lait\n\nLupus can affect the nerves.\n".encode("latin-1"), "UTF-8"),
        ("title-only.txt", b"Just a Title\n", "no sentences"),
    ],
)
def test_unusable_file_is_named_and_stops_the_build(tmp_path, name, content, words):
    shutil.copy(ARTICLES / "nerve-tests.txt", tmp_path)  # a good article does not hide the bad one
    (tmp_path / name).write_bytes(content)
    [problem] = corpus_errors(tmp_path)
    assert problem.path == str(tmp_path / name)
    assert words in problem.message


def test_every_bad_file_is_reported_at_once(tmp_path):
    (tmp_path / "a.md").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "c.md").write_bytes("# T\n\nCaf\u00e9.\n".encode("cp1252"))
    problems = corpus_errors(tmp_path)
    assert sorted(Path(p.path).name for p in problems) == ["a.md", "b.txt", "c.md"]


def test_duplicate_article_ids_name_both_files(tmp_path):
    (tmp_path / "a-b.md").write_text("# One\n\nFirst article.\n", encoding="utf-8")
    (tmp_path / "a_b.txt").write_text("Two\n\nSecond article.\n", encoding="utf-8")
    [problem] = corpus_errors(tmp_path)
    assert Path(problem.path).name == "a_b.txt"
    assert "a-b.md" in problem.message and "a-b" in problem.message


def test_unreadable_file_is_named_instead_of_crashing(tmp_path):
    shutil.copy(ARTICLES / "nerve-tests.txt", tmp_path)
    (tmp_path / "moved-away.md").symlink_to(tmp_path / "does-not-exist.md")
    [problem] = corpus_errors(tmp_path)
    assert problem.path == str(tmp_path / "moved-away.md")
    assert "cannot be read" in problem.message
