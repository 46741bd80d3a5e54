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

  // The live preview: the widget in a small frame, made when its block is first opened
  // (the generated page holds only a link to it, see embed_snippet.md.j2).
  function setUpPreview(holder) {
    var details = holder.closest("details");
    var link = holder.querySelector("a");
    if (!details || !link || holder.hasAttribute("data-rv-klaar")) {
      return;
    }
    holder.setAttribute("data-rv-klaar", "");
    function show() {
      if (!details.open || holder.nextElementSibling && holder.nextElementSibling.tagName === "IFRAME") {
        return;
      }
      var frame = document.createElement("iframe");
      frame.className = "rv-insluiten__frame";
      frame.src = link.href;
      frame.title = "Voorbeeld van de agenda op een andere site";
      frame.width = "320";
      frame.height = holder.getAttribute("data-rv-hoogte") || "420";
      holder.parentNode.insertBefore(frame, holder.nextSibling);
    }
    details.addEventListener("toggle", show);
    show();
  }

  function start() {
    var buttons = document.querySelectorAll("[data-rv-insluiten]");
    for (var i = 0; i < buttons.length; i++) {
      setUp(buttons[i]);
    }
    var previews = document.querySelectorAll("[data-rv-voorbeeld]");
    for (var j = 0; j < previews.length; j++) {
      setUpPreview(previews[j]);
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
