// Embeddable chat widget. A clinic adds one tag to its page:
//   <script src="https://BOT-HOST/widget.js" data-label="Questions about lupus nerve pain?" async></script>
// Optional: data-title (panel name for screen readers), data-position="left" | "right".
//
// Isolation: the launcher button lives in a closed Shadow DOM whose styles reset everything the host
// page could inherit or override; the chat itself runs in an iframe from the bot's own origin, so the
// host page's CSS and scripts cannot reach it, and it cannot read the host page (cross-origin). This
// script reads nothing from the page but its own data- attributes.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src, window.location.href).origin;
  var label = script.getAttribute("data-label") || "Questions about lupus nerve pain?";
  var title = script.getAttribute("data-title") || "Lupus nerve-pain questions";
  var side = script.getAttribute("data-position") === "left" ? "left" : "right";

  var css = [
    ":host { all: initial !important; display: block !important; position: fixed !important; z-index: 2147483646 !important;",
    "  bottom: 16px !important; " + side + ": 16px !important; top: auto !important; width: auto !important; height: auto !important;",
    "  visibility: visible !important; opacity: 1 !important; transform: none !important; }",
    "* { box-sizing: border-box; }",
    ".launcher { all: initial; box-sizing: border-box; display: inline-flex; align-items: center; gap: 8px; cursor: pointer;",
    "  font: 600 16px/1.25 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; color: #fff; background: #1f5f8b;",
    "  border-radius: 999px; padding: 12px 18px; min-height: 48px; max-width: calc(100vw - 32px);",
    "  box-shadow: 0 4px 14px rgba(0,0,0,.25); }",
    ".launcher:hover { background: #174a6c; }",
    ".launcher:focus-visible { outline: 3px solid #c2410c; outline-offset: 3px; }",
    ".bubble { width: 20px; height: 20px; flex: none; fill: currentColor; }",
    ".panel { all: initial; display: block; position: fixed; bottom: 80px; " + side + ": 16px; width: 400px; height: min(720px, calc(100vh - 112px));",
    "  max-width: calc(100vw - 32px); border-radius: 14px; overflow: hidden; background: #fff; box-shadow: 0 10px 40px rgba(0,0,0,.3); }",
    ".panel[hidden] { display: none; }",
    "iframe { all: initial; display: block; width: 100%; height: 100%; border: 0; background: #fff; }",
    "@media (max-width: 480px) { .panel { inset: 0; width: 100vw; height: 100%; max-width: none; border-radius: 0; bottom: 0; }",
    "  :host([data-open]) .launcher { display: none; } }"
  ].join("\n");

  var host = document.createElement("lupus-bot-widget");
  var shadow = host.attachShadow({ mode: "closed" });
  try {
    // A constructed sheet is not an inline <style>, so a strict CSP on the host page does not block it.
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch (e) {
    var style = document.createElement("style");
    style.textContent = css;
    shadow.appendChild(style);
  }

  var button = document.createElement("button");
  button.type = "button";
  button.className = "launcher";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "lupus-bot-panel");
  var ns = "http://www.w3.org/2000/svg";
  var icon = document.createElementNS(ns, "svg");
  icon.setAttribute("viewBox", "0 0 24 24");
  icon.setAttribute("aria-hidden", "true");
  icon.setAttribute("class", "bubble");
  var path = document.createElementNS(ns, "path");
  path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z");
  icon.appendChild(path);
  button.appendChild(icon);
  button.appendChild(document.createTextNode(label));

  var panel = document.createElement("div");
  panel.className = "panel";
  panel.id = "lupus-bot-panel";
  panel.hidden = true;
  var frame = null;

  function open() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.src = origin + "/embed";
      frame.title = title;
      frame.setAttribute("referrerpolicy", "no-referrer");
      frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox");
      frame.addEventListener("load", function () { focusChat(); });
      panel.appendChild(frame);
    }
    panel.hidden = false;
    host.setAttribute("data-open", "");
    button.setAttribute("aria-expanded", "true");
    focusChat();
  }

  function focusChat() {
    if (!frame || panel.hidden) return;
    frame.focus();
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: "lupus-bot:open" }, origin);
  }

  function close() {
    panel.hidden = true;
    host.removeAttribute("data-open");
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }

  button.addEventListener("click", function () { if (panel.hidden) open(); else close(); });
  window.addEventListener("message", function (event) {
    // Only the panel's own iframe may close it.
    if (!frame || event.source !== frame.contentWindow || event.origin !== origin) return;
    if (event.data && event.data.type === "lupus-bot:close") close();
  });

  shadow.appendChild(panel);
  shadow.appendChild(button);

  function mount() { document.body.appendChild(host); }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
