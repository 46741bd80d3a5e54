// The copy button next to a calendar address. Without JavaScript the button stays hidden and
// the address is a read-only text field that people select and copy themselves.
// On Apple devices the webcal:// button (Apple Agenda) becomes the main one; everywhere else
// Google's subscribe link stays the main one (webcal:// goes nowhere on Android).
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

  function preferApple() {
    var apple = /iPhone|iPad|iPod|Macintosh/.test(navigator.userAgent);
    if (!apple) { return; }
    var rows = document.querySelectorAll(".rv-abonneren__knoppen");
    for (var i = 0; i < rows.length; i++) {
      var google = rows[i].querySelector(".rv-abonneren__google");
      var webcal = rows[i].querySelector(".rv-abonneren__webcal");
      if (google && webcal) {
        google.classList.remove("md-button--primary");
        webcal.classList.add("md-button--primary");
        rows[i].insertBefore(webcal, google);
      }
    }
  }

  function start() {
    preferApple();
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
