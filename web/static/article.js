// Article pages: bring the sentence a chat citation quoted into view and give it focus, so a screen
// reader starts there too. The highlight itself is plain CSS on the server-marked sentence.
(function () {
  "use strict";

  function showCited() {
    var cited = document.querySelector("[data-cited]");
    if (!cited) return;
    cited.scrollIntoView({ block: "center" });
    cited.focus({ preventScroll: true });
    document.documentElement.setAttribute("data-cited-shown", "true");
  }

  // After "load" the browser has finished its own jump to the #section anchor; ours comes last.
  if (document.readyState === "complete") showCited();
  else window.addEventListener("load", showCited);
})();
