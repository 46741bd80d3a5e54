// The copy button next to a calendar address. Without JavaScript the button stays hidden and
// the address is a read-only text field that people select and copy themselves.
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
    var field = document.getElementById(button.getAttribute("data-rv-kopieer"));
    if (!field || button.hasAttribute("data-rv-klaar")) {
      return;
    }
    button.setAttribute("data-rv-klaar", "");
    var message = button.parentNode.parentNode.querySelector(".rv-abonneren__melding");
    button.hidden = false;
    field.addEventListener("focus", function () { field.select(); });
    button.addEventListener("click", function () {
      copyText(field).then(function () {
        if (message) { message.textContent = "Het adres is gekopieerd. Plak het in je agenda-app."; }
      }, function () {
        field.focus();
        field.select();
        if (message) { message.textContent = "Kopiëren lukte niet. Het adres is geselecteerd: kopieer het zelf."; }
      });
    });
  }

  function start() {
    var buttons = document.querySelectorAll("[data-rv-kopieer]");
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
