"""Hybrid retrieval over the real model and the seed index: the passages a patient's question should reach."""

from __future__ import annotations

import pytest

from bot.retrieval import HybridRetriever, RetrieverConfig

STOCKING = "It usually starts in the feet and hands in a classic “stocking-and-glove” distribution."
SMALL_FIBER = "A specific, often under-recognized form is Small-Fiber Neuropathy"


def top(retriever, query, k=3) -> list[str]:
    return [h.sentence.text for h in retriever.search(query, k)]


def test_why_is_my_nerve_test_normal_puts_a_nerve_conduction_sentence_first(retriever):
    first = top(retriever, "why is my nerve test normal", 1)[0]
    assert "nerve conduction studies" in first.lower() and "normal" in first, first


def test_nerve_test_reaches_the_nerve_conduction_sentences(retriever):
    found = top(retriever, "nerve test")
    assert sum("nerve conduction studies" in t.lower() for t in found) >= 2, found


def test_numb_feet_reaches_the_stocking_and_glove_sentence(retriever):
    assert STOCKING in top(retriever, "numb feet")


def test_misspelled_neuropathy_still_finds_small_fiber_neuropathy(retriever):
    query = retriever.analyze("nueropathy")
    assert query.corrected == "neuropathy"
    assert any(t.startswith(SMALL_FIBER) for t in top(retriever, "nueropathy")), top(retriever, "nueropathy")


@pytest.mark.parametrize("typed, meant", [("fisical therapy", "physical therapy"), ("sezures", "seizures"),
                                           ("vaskulitis", "vasculitis")])
def test_words_spelled_as_they_sound_are_repaired_to_corpus_words(retriever, typed, meant):
    assert retriever.analyze(typed).corrected == meant


@pytest.mark.parametrize("typed, meant", [
    ("wait whats the mylan sheeth", "myelin sheath"),  # one slip from "dylan", two from "myelin" beside "sheath"
    ("should i up my predni sone", "prednisone"),  # a lay word split as heard
    ("lupus brainfog real bad", "brain fog"),  # two known words run together
    ("I thought MRIs were for the brain", "mri"),  # an acronym's plural, not "iris"
])
def test_slips_read_with_their_neighbours_splits_and_plurals_reach_the_words_meant(retriever, typed, meant):
    assert meant in retriever.analyze(typed).corrected


def test_one_slip_from_a_lay_word_is_that_word_not_a_corpus_word_that_sounds_alike(retriever):
    assert retriever.analyze("do sterods help").corrected == "do steroids help"  # not "starts"


@pytest.mark.parametrize("typed, meant", [("specialised tests", "specialized tests"), ("characterised", "characterized"),
                                           ("recognised", "recognized")])
def test_british_spellings_find_the_articles_american_ones(retriever, typed, meant):
    assert retriever.analyze(typed).corrected == meant


@pytest.mark.parametrize("typed, meant", [("electric shock feelin", "electric shock feeling"), ("burnin feet", "burning feet"),
                                           ("can lupus paralize", "can lupus paralyze")])
def test_a_dropped_g_and_one_slip_of_a_rarer_word_are_repaired(retriever, typed, meant):
    assert retriever.analyze(typed).corrected == meant  # "paralize" is not two slips from the commoner "paradise"


def test_real_words_are_never_corrected_even_when_they_sound_like_a_corpus_word(retriever):
    assert retriever.analyze("fiscal year").corrected == "fiscal year"
    assert retriever.analyze("nerves gone haywire").corrected == "nerves gone haywire"  # not "hayward"
    assert retriever.analyze("seems like overkill").corrected == "seems like overkill"  # not "overall"
    assert retriever.analyze("the nastier kind").corrected == "the nastier kind"  # a comparative the word list lacks
    assert retriever.analyze("my neve pain").corrected == "my nerve pain"  # one slip in a rare word is still a slip
    assert retriever.analyze("my cousin has lupus").corrected == "my cousin has lupus"  # no dropped g in "cousin"


def test_hits_are_ranked_and_carry_each_retrievers_evidence(retriever, loaded_index):
    hits = retriever.search("what causes nerve pain in lupus", 5)
    assert [h.rank for h in hits] == [1, 2, 3, 4, 5]
    assert [h.fused for h in hits] == sorted((h.fused for h in hits), reverse=True)
    for h in hits:
        assert h.dense_score is not None and -1.0 <= h.dense_score <= 1.0 + 1e-5
        assert h.bm25_score is not None and h.dense_rank >= 1 and h.bm25_rank >= 1
        assert h.article_title == "Does Lupus Cause Nerve Pain?"
        assert h.section == loaded_index.section_of(h.sentence)


def test_results_are_deterministic(retriever, loaded_index, embedder):
    query = "burning pain in my hands"
    first = [(h.sentence.id, h.fused) for h in retriever.search(query, 10)]
    assert [(h.sentence.id, h.fused) for h in retriever.search(query, 10)] == first
    again = HybridRetriever(loaded_index, embedder, retriever.config)
    assert [(h.sentence.id, h.fused) for h in again.search(query, 10)] == first


def test_dense_only(loaded_index, embedder):
    dense = HybridRetriever(loaded_index, embedder, RetrieverConfig(use_bm25=False))
    hits = dense.search("numb feet", 3)
    assert STOCKING in [h.sentence.text for h in hits]
    assert all(h.bm25_score is None and h.bm25_rank is None and h.dense_score is not None for h in hits)
    assert [h.dense_score for h in hits] == sorted((h.dense_score for h in hits), reverse=True)


def test_bm25_only_needs_no_model(loaded_index):
    lexical = HybridRetriever(loaded_index, None, RetrieverConfig(use_dense=False))
    hits = lexical.search("numb feet", 3)
    assert hits[0].sentence.text == STOCKING
    assert all(h.dense_score is None and h.bm25_score > 0 for h in hits)
    # with no word in common there is no lexical evidence, so nothing is returned
    assert lexical.search("qwertyuiop", 3) == []


@pytest.mark.parametrize(
    "kwargs",
    [dict(candidates=0), dict(candidates=-5), dict(rrf_k=0), dict(rrf_k=-60), dict(use_dense=False, use_bm25=False)],
)
def test_retriever_config_rejects_bad_values(kwargs):
    with pytest.raises(ValueError):
        RetrieverConfig(**kwargs)


def test_dense_retrieval_without_an_embedder_is_refused(loaded_index):
    with pytest.raises(ValueError, match="embedder"):
        HybridRetriever(loaded_index, None, RetrieverConfig())


def test_a_query_without_words_finds_nothing(retriever):
    assert retriever.search("???  !!", k=5) == []


def test_caching_embedder_encodes_a_repeated_question_once(fake_embedder):
    from bot.embedder import CachingEmbedder

    calls = []

    class Counting:
        name, dim = fake_embedder.name, fake_embedder.dim

        def encode(self, texts):
            calls.append(list(texts))
            return fake_embedder.encode(texts)

    cached = CachingEmbedder(Counting(), size=2)
    first = cached.encode(["numb feet"])
    again = cached.encode(["numb feet"])
    assert (first == again).all() and calls == [["numb feet"]]
    cached.encode(["a"]), cached.encode(["b"])  # evicts "numb feet"
    cached.encode(["numb feet"])
    assert calls[-1] == ["numb feet"] and len(calls) == 4
    cached.encode(["x", "y"])  # batches pass straight through
    assert calls[-1] == ["x", "y"]


@pytest.mark.parametrize("question, answer", [
    ("why does small fiber neuropathy get missed so often", "It is sometimes overlooked because"),
    ("does small fiber neuropathy mostly hit the legs and feet", STOCKING),
    # Not retrieved by either ranker (its own words match nothing asked); it carries on from one that is.
    ("what does mononeuritis multiplex do to a person", "This condition often results in localized"),
])
def test_reranking_puts_the_sentence_covering_the_question_in_the_top_three(reranker, question, answer):
    hits = reranker.search(question, 3)
    assert any(h.sentence.text.startswith(answer) for h in hits), [h.sentence.text for h in hits]


def test_reranked_hits_are_ordered_by_relevance_and_keep_each_retrievers_evidence(reranker):
    hits = reranker.search("what medicines help lupus nerve pain", 5)
    assert [h.rank for h in hits] == [1, 2, 3, 4, 5]
    assert [h.relevance for h in hits] == sorted((h.relevance for h in hits), reverse=True)
    assert all(h.dense_rank and h.bm25_rank and h.fused > 0 for h in hits)


def test_reranking_a_question_without_content_words_keeps_the_fused_order(reranker, retriever):
    assert [h.sentence.id for h in reranker.search("what is it", 3)] == [h.sentence.id for h in retriever.search("what is it", 3)]


def test_two_lay_words_a_few_words_apart_match_their_clinical_phrase():
    from bot.text import all_stems, lexicon

    found = lexicon().matches(all_stems("the test where they zap your arm with little shocks"))
    assert any("conduct" in phrase for phrases in found.values() for phrase in phrases)
    symptom = lexicon().matches(all_stems("little shocks in my feet at night"))
    assert not any("conduct" in phrase for phrases in symptom.values() for phrase in phrases)


def test_a_general_word_is_covered_by_its_kinds_but_not_expanded_into_them():
    from bot.text import all_stems, lexicon

    stems = all_stems("what meds help the pain")
    found = {phrase for phrases in lexicon().matches(stems).values() for phrase in phrases}
    assert ("antidepress",) in found  # "Tricyclic antidepressants… are also used" answers "what meds…"
    assert "antidepress" not in lexicon().expand(stems)  # nine kinds as search words would drown "pain"
