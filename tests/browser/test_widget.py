"""The chat page, article pages and the embeddable widget in headless Chromium, against the real server.

Every wait is on a condition (Playwright's auto-waiting ``expect``), never on a fixed delay.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from bot.feedback import FeedbackStore

pytestmark = pytest.mark.browser

ANSWERABLE = "Why might my nerve test be normal?"
UNANSWERABLE = "Does lupus cause kidney failure?"
ARTICLE = "does-lupus-cause-nerve-pain"

NO_OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > width + 1)
    .map(e => e.tagName + '.' + e.className);
  const scrollers = [...document.querySelectorAll('body *')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'hidden'
                 && getComputedStyle(e).overflowX !== 'visible')
    .map(e => e.tagName + '.' + e.className);
  return {width, scrollWidth: document.documentElement.scrollWidth, wide, scrollers};
}"""


def open_chat(page, bot_url):
    page.goto(bot_url + "/")
    expect(page.locator("#chat[data-ready]")).to_have_count(1)


def ask(page, text):
    """Type a question, press Enter, and return the reply that appears for it."""
    count = page.locator(".msg-bot").count()
    page.fill("#chat-input", text)
    page.press("#chat-input", "Enter")
    expect(page.locator(".msg-bot")).to_have_count(count + 1)
    return page.locator(".msg-bot").nth(count)


def assert_no_horizontal_overflow(target):
    result = target.evaluate(NO_OVERFLOW_JS)
    assert result["scrollWidth"] <= result["width"], result
    assert result["wide"] == [] and result["scrollers"] == [], result


def test_ask_and_see_a_cited_answer_with_typing_indicator(page, bot_url):
    open_chat(page, bot_url)
    expect(page.get_by_role("heading", name=re.compile("start with one of these"))).to_be_visible()
    expect(page.get_by_text("not medical advice")).to_be_visible()
    expect(page.get_by_role("link", name="Contact your care team")).to_have_attribute("href", "https://clinic.example/contact")

    seen = {}

    def while_pending(route):  # runs while the request is in flight: the indicator must be showing
        seen["typing"] = page.locator("#typing").is_visible()
        seen["busy"] = page.locator("#ask").get_attribute("aria-busy")
        route.continue_()

    page.route("**/api/chat", while_pending)
    reply = ask(page, ANSWERABLE)
    assert seen == {"typing": True, "busy": "true"}
    expect(page.locator("#typing")).to_be_hidden()
    expect(page.locator("#starters")).to_be_hidden()
    expect(page.locator(".msg-user .bubble")).to_have_text(ANSWERABLE)
    expect(reply).to_contain_text("may appear normal")
    chips = reply.locator("button.cite")
    expect(chips.first).to_be_visible()
    assert chips.count() >= 2
    # The reply is announced in the live region, without the [n] markers.
    expect(page.locator("#announce-polite")).to_contain_text("may appear normal")
    expect(page.locator("#announce-polite")).not_to_contain_text("[1]")

    chips.first.click()
    expect(chips.first).to_have_attribute("aria-expanded", "true")
    source = page.locator("#" + chips.first.get_attribute("aria-controls"))
    expect(source).to_be_visible()
    expect(source.locator("blockquote")).not_to_be_empty()
    expect(source.get_by_role("link", name=re.compile("Read in article"))).to_be_visible()
    chips.first.click()
    expect(source).to_be_hidden()


def test_a_citation_opens_the_article_on_the_highlighted_sentence(page, bot_url):
    page.set_viewport_size({"width": 1024, "height": 500})
    open_chat(page, bot_url)
    reply = ask(page, ANSWERABLE)
    chip = reply.locator("button.cite").last
    chip.click()
    source = page.locator("#" + chip.get_attribute("aria-controls"))
    passage = source.locator("blockquote").inner_text()
    source.get_by_role("link", name=re.compile("Read in article")).click()

    expect(page).to_have_url(re.compile(rf"/articles/{ARTICLE}\?cite=.+#[a-z0-9-]+$"))
    expect(page.locator("html[data-cited-shown]")).to_have_count(1)
    cited = page.locator("mark.cited")
    expect(cited).to_have_count(1)
    expect(cited).to_contain_text(passage)
    expect(cited).to_be_focused()
    expect(cited).to_be_in_viewport()
    assert page.evaluate("scrollY") > 0  # it really scrolled: the sentence is below the first screen
    assert cited.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    anchor = page.url.rsplit("#", 1)[1]
    assert cited.evaluate("e => e.closest('section').id") == anchor  # the #anchor is the sentence's section

    page.go_back()
    expect(page.locator(".msg-bot")).to_have_count(1)  # the conversation is still there


def test_suggestions_on_an_unanswerable_question_and_following_one(page, bot_url, web_settings):
    open_chat(page, bot_url)
    reply = ask(page, UNANSWERABLE)
    suggestions = reply.locator(".suggestions button.chip")
    expect(suggestions.first).to_be_visible()
    assert reply.locator("button.cite").count() == 0
    first = suggestions.first.inner_text()
    suggestions.first.click()
    expect(page.locator(".msg-bot")).to_have_count(2)
    expect(page.locator(".msg-user .bubble").last).to_have_text(first)
    expect(page.locator(".msg-bot").last.locator("button.cite").first).to_be_visible()
    # The server records the unanswered question (recording is on for this server).
    assert UNANSWERABLE in [g.question for g in FeedbackStore(web_settings.db_path).top_gaps(100)]


def test_safety_notice_comes_first_and_stands_out(page, bot_url):
    open_chat(page, bot_url)
    reply = ask(page, "I have sudden chest pain and can't breathe")
    notice = reply.locator(".safety")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("emergency")
    assert reply.locator(".bubble > *").first.evaluate("e => e.classList.contains('safety')")
    colours = notice.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e.closest('.bubble')).backgroundColor]")
    assert colours[0] != colours[1]
    expect(page.locator("#announce-urgent")).to_contain_text("emergency")


def test_reload_keeps_the_conversation_and_clear_empties_it(page, bot_url):
    open_chat(page, bot_url)
    ask(page, "what is small fiber neuropathy")
    follow = ask(page, "How is it diagnosed?")
    expect(follow).to_contain_text("biopsy")
    before = page.locator("#log").inner_text()
    page.reload()
    expect(page.locator("#chat[data-ready]")).to_have_count(1)
    expect(page.locator(".msg-user")).to_have_count(2)
    expect(page.locator(".msg-bot")).to_have_count(2)
    assert page.locator("#log").inner_text() == before
    expect(page.locator("#starters")).to_be_hidden()

    page.get_by_role("button", name="Clear conversation").click()
    expect(page.locator(".msg")).to_have_count(0)
    expect(page.locator("#starters")).to_be_visible()
    expect(page.locator("#chat-input")).to_be_focused()
    page.reload()
    expect(page.locator("#chat[data-ready]")).to_have_count(1)
    expect(page.locator(".msg")).to_have_count(0)


def test_thumbs_down_is_sent_and_stored(page, bot_url, web_settings):
    open_chat(page, bot_url)
    reply = ask(page, ANSWERABLE)
    down = reply.get_by_role("button", name="No, this was not helpful")
    with page.expect_response("**/api/feedback") as response:
        down.click()
    assert response.value.status == 201
    expect(down).to_have_attribute("aria-pressed", "true")
    expect(reply.get_by_role("button", name="Yes, this was helpful")).to_have_attribute("aria-pressed", "false")
    rows = FeedbackStore(web_settings.db_path).thumbs_down(100)
    assert any(r.question == ANSWERABLE and "may appear normal" in r.reply for r in rows)


def test_a_script_in_a_question_shows_as_text(page, bot_url):
    evil = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><b>bold?</b>'
    open_chat(page, bot_url)
    ask(page, evil)
    for _ in range(2):  # as typed, and as re-rendered from sessionStorage after a reload
        expect(page.locator(".msg-user .bubble")).to_have_text(evil)
        expect(page.locator("#log script, #log img, #log b")).to_have_count(0)
        assert page.evaluate("window.__pwned === undefined")
        page.reload()
        expect(page.locator("#chat[data-ready]")).to_have_count(1)


def test_a_long_conversation_stays_within_the_server_bounds(page, bot_url):
    open_chat(page, bot_url)
    page.evaluate("""() => {
      const empty = {reply: 'y', claims: [], citations: [], abstained: false, safety: null, suggestions: []};
      const turns = [];
      for (let i = 0; i < 80; i++) {
        turns.push({role: 'user', content: 'why ' + 'x'.repeat(1900), id: 'u' + i});
        turns.push({role: 'assistant', content: 'y'.repeat(1900), id: 'a' + i, reply: empty});
      }
      sessionStorage.setItem('lupus-bot:conversation:v1', JSON.stringify({turns}));
    }""")
    page.reload()
    expect(page.locator(".msg-user")).to_have_count(80)
    with page.expect_response("**/api/chat") as response:
        page.fill("#chat-input", ANSWERABLE)
        page.press("#chat-input", "Enter")
    assert response.value.status == 200
    expect(page.locator(".msg-bot").last).to_contain_text("may appear normal")
    expect(page.locator("#error")).to_be_hidden()


def test_a_refused_request_says_why_and_keeps_the_question(page, bot_url):
    open_chat(page, bot_url)
    page.route("**/api/chat", lambda route: route.fulfill(
        status=429, headers={"retry-after": "7"}, content_type="application/json",
        body='{"detail": "too many requests; try again in 7 seconds"}'))
    page.fill("#chat-input", ANSWERABLE)
    page.press("#chat-input", "Enter")
    expect(page.locator("#error")).to_contain_text("try again in 7 seconds")
    expect(page.locator("#chat-input")).to_have_value(ANSWERABLE)
    expect(page.locator(".msg")).to_have_count(0)
    expect(page.locator("#typing")).to_be_hidden()


def _press_until(page, key, predicate, limit=40):
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(predicate):
            return
    raise AssertionError(f"pressing {key} {limit} times never reached: {predicate}")


def test_keyboard_only(page, bot_url):
    open_chat(page, bot_url)
    # From the top of the page: a starter question is reachable and works with Enter.
    _press_until(page, "Tab", "document.activeElement.matches('#starters button.chip')")
    page.keyboard.press("Enter")
    expect(page.locator(".msg-bot")).to_have_count(1)
    expect(page.locator("#chat-input")).to_be_focused()

    page.keyboard.type(ANSWERABLE)
    page.keyboard.press("Enter")
    expect(page.locator(".msg-bot")).to_have_count(2)
    expect(page.locator("#chat-input")).to_be_focused()

    # Back into the newest reply: thumbs, then its citation chips; the focus ring is visible.
    _press_until(page, "Shift+Tab", "document.activeElement.getAttribute('aria-label') === 'No, this was not helpful'")
    page.keyboard.press("Space")
    expect(page.locator(".msg-bot").last.get_by_role("button", name="No, this was not helpful")).to_have_attribute("aria-pressed", "true")
    _press_until(page, "Shift+Tab", "document.activeElement.matches('button.cite')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    controls = page.evaluate("document.activeElement.getAttribute('aria-controls')")
    page.keyboard.press("Enter")
    expect(page.locator("#" + controls)).to_be_visible()
    _press_until(page, "Tab", f"document.activeElement.closest('#{controls}') !== null && document.activeElement.tagName === 'A'")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/articles/{ARTICLE}"))
    expect(page.locator("mark.cited")).to_be_focused()


def test_375px_wide_without_sideways_scrolling(page, bot_url):
    page.set_viewport_size({"width": 375, "height": 740})
    open_chat(page, bot_url)
    assert_no_horizontal_overflow(page)
    ask(page, "what about " + "supercalifragilisticexpialidocious" * 3 + " and https://example.com/" + "x" * 80)
    ask(page, UNANSWERABLE)
    reply = ask(page, ANSWERABLE)
    reply.locator("button.cite").first.click()
    ask(page, "I have sudden chest pain and can't breathe")
    assert_no_horizontal_overflow(page)
    input_box = page.locator("#chat-input").bounding_box()
    assert input_box["width"] >= 200  # the question box stays usable
    page.goto(bot_url + f"/articles/{ARTICLE}")
    assert_no_horizontal_overflow(page)


def _axe(page, axe_source):
    page.add_script_tag(content=axe_source)
    violations = page.evaluate("""async () => {
      const r = await axe.run(document, {resultTypes: ['violations']});
      return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                     nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def test_no_serious_or_critical_accessibility_violations(browser, bot_url, axe_source):
    # axe is injected as an inline script, which the pages' CSP rightly forbids: bypass it for this check only.
    ctx = browser.new_context(bypass_csp=True, viewport={"width": 1024, "height": 768})
    try:
        page = ctx.new_page()
        open_chat(page, bot_url)
        assert _axe(page, axe_source) == [], "empty chat"
        ask(page, UNANSWERABLE)
        reply = ask(page, ANSWERABLE)
        reply.locator("button.cite").first.click()
        reply.get_by_role("button", name="Yes, this was helpful").click()
        ask(page, "I have sudden chest pain and can't breathe")
        assert _axe(page, axe_source) == [], "chat with replies"
        page.goto(bot_url + "/embed")
        assert _axe(page, axe_source) == [], "widget panel"
        reply = None
        page.goto(bot_url + "/")
        page.locator(".msg-bot").nth(1).locator("button.cite").first.click()
        page.locator(".source:visible a").first.click()
        expect(page.locator("html[data-cited-shown]")).to_have_count(1)
        assert _axe(page, axe_source) == [], "article with a cited sentence"
    finally:
        ctx.close()


def _open_widget(page, bot_url):
    launcher = page.locator("lupus-bot-widget")
    expect(launcher).to_be_visible()
    box = launcher.bounding_box()
    with page.expect_response(re.compile(r"/embed$")) as response:
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    frame = response.value.frame
    frame.wait_for_url(bot_url + "/embed")
    expect(frame.locator("#chat[data-ready]")).to_have_count(1)
    return frame


def test_the_widget_on_another_origin(page, host_url, bot_url):
    page.goto(host_url + "/")
    launcher = page.locator("lupus-bot-widget")
    expect(launcher).to_be_visible()
    box = launcher.bounding_box()
    assert box["width"] > 120 and box["height"] >= 44  # the host's `button, div {display: none}` did not hide it
    frame = _open_widget(page, bot_url)
    expect(frame.locator("#chat-input")).to_be_focused()  # opening moves focus into the chat

    frame.locator("#chat-input").fill(ANSWERABLE)
    frame.locator("#chat-input").press("Enter")
    reply = frame.locator(".msg-bot").first
    expect(reply.locator("button.cite").first).to_be_visible()  # the host's broken fetch/JSON did not matter
    expect(reply).to_contain_text("may appear normal")
    assert "Comic" not in frame.evaluate("getComputedStyle(document.body).fontFamily")
    expect(frame.get_by_text("not medical advice")).to_be_visible()
    # The widget cannot read the host page, and the host page cannot read the widget.
    assert frame.evaluate("() => { try { return parent.document.getElementById('secret').textContent } catch (e) { return e.name } }") == "SecurityError"
    assert page.evaluate("() => { const f = [...document.querySelectorAll('iframe')]; return f.length }") == 0  # closed shadow root
    # Close from inside the panel: focus returns to the launcher; reopening keeps the conversation.
    frame.get_by_role("button", name="Close chat").click()
    frame.frame_element().wait_for_element_state("hidden")
    assert page.evaluate("document.activeElement.tagName") == "LUPUS-BOT-WIDGET"
    page.keyboard.press("Enter")
    frame.frame_element().wait_for_element_state("visible")
    expect(frame.locator(".msg-bot")).to_have_count(1)
    frame.locator("#chat-input").press("Escape")
    frame.frame_element().wait_for_element_state("hidden")


def test_the_widget_at_375px_fills_the_screen_without_sideways_scrolling(page, host_url, bot_url):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(host_url + "/")
    frame = _open_widget(page, bot_url)
    panel = frame.frame_element().bounding_box()
    assert panel["width"] == 375 and panel["x"] == 0
    frame.locator("#chat-input").fill(UNANSWERABLE)
    frame.locator("#chat-input").press("Enter")
    expect(frame.locator(".msg-bot .suggestions button.chip").first).to_be_visible()
    assert_no_horizontal_overflow(frame)
