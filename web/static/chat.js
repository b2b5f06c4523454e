// The chat panel (full page at / and the widget's iframe at /embed). Vanilla JS, no dependencies.
// Everything typed by the user, and every string from the server, goes into the page as text
// (textContent / createTextNode), never as HTML.
(function () {
  "use strict";

  var STORE_KEY = "lupus-bot:conversation:v1";
  var root = document.getElementById("chat");
  var config = JSON.parse(root.getAttribute("data-config") || "{}");
  var embedded = config.mode === "embed";
  var log = document.getElementById("log");
  var form = document.getElementById("ask");
  var input = document.getElementById("chat-input");
  var starters = document.getElementById("starters");
  var typing = document.getElementById("typing");
  var errorBox = document.getElementById("error");
  var main = document.getElementById("chat-main");
  var politeRegion = document.getElementById("announce-polite");
  var urgentRegion = document.getElementById("announce-urgent");
  var turns = load();
  var busy = false;

  // ---- storage: the conversation lives in this tab's sessionStorage, nowhere else ----

  function load() {
    try {
      var data = JSON.parse(window.sessionStorage.getItem(STORE_KEY) || "null");
      return data && Array.isArray(data.turns) ? data.turns : [];
    } catch (e) {
      return [];
    }
  }

  function save() {
    try {
      window.sessionStorage.setItem(STORE_KEY, JSON.stringify({ turns: turns }));
    } catch (e) {
      /* storage full or disabled: the chat still works, it just won't survive a reload */
    }
  }

  function newId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // ---- small DOM helpers ----

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "className") node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function announce(text, urgent) {
    var region = urgent ? urgentRegion : politeRegion;
    region.textContent = "";
    // A fresh text node after clearing makes screen readers announce repeats of the same text too.
    window.requestAnimationFrame(function () { region.textContent = text; });
  }

  function scrollToEnd() {
    main.scrollTop = main.scrollHeight;
  }

  var THUMB = "M2 21h4V9H2v12zm20-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L13.17 1 " +
    "6.59 7.59C6.22 7.95 6 8.45 6 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z";

  function thumbIcon(down) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    if (down) svg.setAttribute("transform", "rotate(180)");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", THUMB);
    svg.appendChild(path);
    return svg;
  }

  // ---- rendering one reply (the Reply object of POST /api/chat, shown as it is) ----

  function withCitations(text, turn, chips) {
    // "sentence. [1]" → the sentence, then a button that opens source 1.
    var nodes = [];
    var known = {};
    (turn.reply.citations || []).forEach(function (c) { known[c.id] = c; });
    text.split(/(\s*\[\d+\])/).forEach(function (part) {
      var m = /^\s*\[(\d+)\]$/.exec(part);
      if (m && known[m[1]]) {
        var c = known[m[1]];
        var chip = el("button", {
          type: "button", className: "cite", "aria-expanded": "false",
          "aria-controls": "src-" + turn.id + "-" + c.id,
          "aria-label": "Source " + c.id + ": " + c.doc_title + ", " + c.section,
          "data-source": String(c.id), text: String(c.id)
        });
        chips.push(chip);
        nodes.push(" ", chip);
      } else if (part) {
        nodes.push(part);
      }
    });
    return nodes;
  }

  function suggestionChips(list) {
    return el("ul", { className: "chips suggestions" }, list.map(function (q) {
      return el("li", {}, [el("button", { type: "button", className: "chip", "data-question": q, text: q })]);
    }));
  }

  function articleHref(c) {
    return "/articles/" + encodeURIComponent(c.doc_id) + "?cite=" + encodeURIComponent(c.passage) +
      "#" + encodeURIComponent(c.anchor);
  }

  function renderBot(turn) {
    var reply = turn.reply;
    var bubble = el("div", { className: "bubble" });
    var body = reply.reply || "";
    if (reply.safety) {
      var urgent = reply.safety.kind === "emergency";
      bubble.appendChild(el("div", { className: "safety" + (urgent ? " safety-emergency" : ""), role: "note" }, [
        el("span", { className: "safety-icon", "aria-hidden": "true" }),
        el("div", {}, [
          el("strong", { className: "safety-label", text: urgent ? "Urgent" : "Please note" }),
          reply.safety.message
        ])
      ]));
      if (body.indexOf(reply.safety.message) === 0) body = body.slice(reply.safety.message.length).trim();
    }
    var chips = [];
    var suggestions = reply.suggestions || [];
    var suggestionsShown = false;
    // Paragraphs are separated by blank lines; "- " lines are a list (the suggestions, when they match).
    var BULLET = /^\s*[-•]\s+/;
    body.split(/\n{2,}/).forEach(function (para) {
      var runs = [];
      para.split("\n").forEach(function (line) {
        if (!line.trim()) return;
        var bullet = BULLET.test(line);
        var last = runs[runs.length - 1];
        if (last && last.bullet === bullet) last.lines.push(line);
        else runs.push({ bullet: bullet, lines: [line] });
      });
      runs.forEach(function (run) {
        if (!run.bullet) {
          bubble.appendChild(el("p", {}, withCitations(run.lines.join(" "), turn, chips)));
          return;
        }
        var items = run.lines.map(function (l) { return l.replace(BULLET, "").trim(); });
        if (suggestions.length && items.every(function (i) { return suggestions.indexOf(i) >= 0; })) {
          bubble.appendChild(suggestionChips(items));
          suggestionsShown = true;
        } else {
          bubble.appendChild(el("ul", {}, items.map(function (i) { return el("li", {}, withCitations(i, turn, chips)); })));
        }
      });
    });
    if (suggestions.length && !suggestionsShown) {
      bubble.appendChild(el("p", { className: "suggest-title", text: "You could ask:" }));
      bubble.appendChild(suggestionChips(suggestions));
    }
    if ((reply.citations || []).length) {
      bubble.appendChild(el("ol", { className: "sources", "aria-label": "Sources" }, reply.citations.map(function (c) {
        var where = [c.doc_title].concat(c.section_path && c.section_path.length ? c.section_path : [c.section]).join(" › ");
        var link = el("a", { href: articleHref(c) }, [
          "Read in article", el("span", { className: "visually-hidden", text: " (" + c.doc_title + ", " + c.section + ")" })
        ]);
        if (embedded) { link.setAttribute("target", "_blank"); link.setAttribute("rel", "noopener noreferrer"); }
        return el("li", { className: "source", id: "src-" + turn.id + "-" + c.id, hidden: "" }, [
          el("p", { className: "source-where", text: "[" + c.id + "] " + where }),
          el("blockquote", { text: c.passage }),
          link
        ]);
      })));
    }
    bubble.appendChild(rating(turn));
    return el("li", { className: "msg msg-bot", "data-turn": turn.id }, [
      el("span", { className: "visually-hidden", text: "Answer: " }), bubble
    ]);
  }

  function rating(turn) {
    var group = el("div", { className: "rate", role: "group", "aria-label": "Was this answer helpful?" }, [
      el("span", { text: "Helpful?", "aria-hidden": "true" })
    ]);
    [["up", "Yes, this was helpful"], ["down", "No, this was not helpful"]].forEach(function (pair) {
      var button = el("button", {
        type: "button", "data-vote": pair[0], "aria-label": pair[1],
        "aria-pressed": String(turn.vote === pair[0])
      }, [thumbIcon(pair[0] === "down")]);
      group.appendChild(button);
    });
    if (turn.vote) group.appendChild(el("span", { className: "rate-thanks", text: "Thanks for the feedback." }));
    return group;
  }

  function renderUser(turn) {
    return el("li", { className: "msg msg-user" }, [
      el("span", { className: "visually-hidden", text: "You asked: " }),
      el("div", { className: "bubble", text: turn.content })
    ]);
  }

  function renderTurn(turn) {
    return turn.role === "user" ? renderUser(turn) : renderBot(turn);
  }

  function renderAll() {
    log.textContent = "";
    turns.forEach(function (turn) { log.appendChild(renderTurn(turn)); });
    starters.hidden = turns.length > 0;
  }

  function spoken(reply) {
    var parts = [];
    var body = reply.reply || "";
    if (reply.safety) {
      parts.push((reply.safety.kind === "emergency" ? "Urgent: " : "Please note: ") + reply.safety.message);
      if (body.indexOf(reply.safety.message) === 0) body = body.slice(reply.safety.message.length);
    }
    parts.push(body.replace(/\s*\[\d+\]/g, "").replace(/\n+- /g, "\n").trim());
    if ((reply.citations || []).length) parts.push(reply.citations.length + " sources follow.");
    if ((reply.suggestions || []).length) parts.push("Suggested questions follow.");
    return parts.join(" ");
  }

  // ---- asking ----

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = !text;
  }

  function requestBody() {
    // The server bounds message count and body size; older turns go first (follow-ups only need recent ones).
    var messages = turns.map(function (t) { return { role: t.role, content: t.content }; })
      .slice(-(config.maxMessages || 50));
    var budget = (config.maxBodyBytes || 64000) * 0.9;
    var body = JSON.stringify({ messages: messages });
    while (messages.length > 1 && new Blob([body]).size > budget) {
      messages.shift();
      body = JSON.stringify({ messages: messages });
    }
    return body;
  }

  function ask(text) {
    text = (text || "").trim();
    if (!text || busy) return;
    if (text.length > (config.maxChars || 2000)) {
      showError("Please shorten your question to " + config.maxChars + " characters or fewer.");
      return;
    }
    showError("");
    var userTurn = { role: "user", content: text, id: newId() };
    turns.push(userTurn);
    save();
    log.appendChild(renderUser(userTurn));
    starters.hidden = true;
    input.value = "";
    busy = true;
    form.setAttribute("aria-busy", "true");
    typing.hidden = false;
    scrollToEnd();
    fetch("/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: requestBody(),
      credentials: "same-origin"
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (res.ok) return data;
        var message = res.status === 429
          ? "Too many questions in a short time. Please try again in " + (res.headers.get("retry-after") || "a few") + " seconds."
          : (data && typeof data.detail === "string" ? "Sorry, that could not be answered: " + data.detail : "Sorry, something went wrong. Please try again.");
        throw new Error(message);
      });
    }).then(function (reply) {
      var turn = { role: "assistant", content: reply.reply, reply: reply, id: newId(), question: text };
      turns.push(turn);
      save();
      var shown = log.appendChild(renderBot(turn));
      main.scrollTop += shown.getBoundingClientRect().top - main.getBoundingClientRect().top - 8;
      announce(spoken(reply), !!(reply.safety && reply.safety.kind === "emergency"));
    }).catch(function (err) {
      // The question was not answered: take it back out so a retry does not send it twice.
      turns = turns.filter(function (t) { return t !== userTurn; });
      save();
      renderAll();
      input.value = text;
      var message = err && err.message && !(err instanceof TypeError) ? err.message
        : "Could not reach the server. Check your connection and try again.";
      showError(message);
    }).then(function () {
      busy = false;
      form.removeAttribute("aria-busy");
      typing.hidden = true;
    });
  }

  function vote(turnId, which, button) {
    var turn = turns.filter(function (t) { return t.id === turnId; })[0];
    if (!turn) return;
    turn.vote = which;
    save();
    var group = button.parentNode;
    Array.prototype.forEach.call(group.querySelectorAll("button"), function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-vote") === which));
    });
    if (!group.querySelector(".rate-thanks")) group.appendChild(el("span", { className: "rate-thanks", text: "Thanks for the feedback." }));
    announce("Thanks for the feedback.");
    fetch("/api/feedback", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        reply_id: turn.id, helpful: which === "up", reply: turn.content.slice(0, 10000),
        question: (turn.question || "").slice(0, 2000) || null, abstained: !!turn.reply.abstained
      })
    }).catch(function () { /* feedback is best effort */ });
  }

  function toggleSource(chip) {
    var panel = document.getElementById(chip.getAttribute("aria-controls"));
    if (!panel) return;
    var open = chip.getAttribute("aria-expanded") !== "true";
    // Every chip for this source (a source may be cited twice) shows the same state.
    var bubble = chip.closest(".bubble");
    Array.prototype.forEach.call(bubble.querySelectorAll('.cite[aria-controls="' + panel.id + '"]'), function (c) {
      c.setAttribute("aria-expanded", String(open));
    });
    panel.hidden = !open;
  }

  function clearConversation() {
    turns = [];
    save();
    renderAll();
    showError("");
    input.value = "";
    announce("Conversation cleared.");
    input.focus();
  }

  // ---- events ----

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    ask(input.value);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ask(input.value);
    }
  });

  root.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("button") : null;
    if (!target || !root.contains(target)) return;
    if (target.hasAttribute("data-question")) {
      ask(target.getAttribute("data-question"));
      input.focus();
    } else if (target.classList.contains("cite")) {
      toggleSource(target);
    } else if (target.hasAttribute("data-vote")) {
      var li = target.closest(".msg-bot");
      vote(li.getAttribute("data-turn"), target.getAttribute("data-vote"), target);
    } else if (target.id === "clear") {
      clearConversation();
    } else if (target.id === "close") {
      window.parent.postMessage({ type: "lupus-bot:close" }, "*");
    }
  });

  if (embedded) {
    // The widget's launcher (on the clinic's page) asks for focus when it opens the panel.
    window.addEventListener("message", function (event) {
      if (event.source === window.parent && event.data && event.data.type === "lupus-bot:open") input.focus();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") window.parent.postMessage({ type: "lupus-bot:close" }, "*");
    });
  }

  renderAll();
  scrollToEnd();
  root.setAttribute("data-ready", "true");
})();
