// The copy buttons of "Zet deze agenda op je eigen site" (embed_snippet.md.j2) and of the feed
// address on "Volg per e-mail" (follow.md.j2); data-rv-melding says what was copied.
// Without JavaScript the button stays hidden and the code can be selected by hand.
(function () {
  "use strict";

  function copyText(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    field.focus();
    field.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function setUp(button) {
    var field = document.getElementById(button.getAttribute("data-rv-insluiten"));
    if (!field || button.hasAttribute("data-rv-klaar")) {
      return;
    }
    button.setAttribute("data-rv-klaar", "");
    var message = button.parentNode.querySelector(".rv-insluiten__melding");
    button.hidden = false;
    field.addEventListener("focus", function () { field.select(); });
    button.addEventListener("click", function () {
      copyText(field).then(function () {
        if (message) {
          message.textContent = button.getAttribute("data-rv-melding") || "De code is gekopieerd. Plak hem in je website.";
        }
      }, function () {
        field.focus();
        field.select();
        if (message) { message.textContent = "Kopiëren lukte niet. De tekst is geselecteerd: kopieer hem zelf."; }
      });
    });
  }

  function start() {
    var buttons = document.querySelectorAll("[data-rv-insluiten]");
    for (var i = 0; i < buttons.length; i++) {
      setUp(buttons[i]);
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);  // Material's instant navigation swaps pages in place
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
