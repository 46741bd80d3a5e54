/* Keyboard use of Material's menu and search buttons.
 *
 * Below 1220 px wide (phones, tablets, small laptop windows) Material shows the main menu in a
 * drawer and, below 960 px, the search behind an icon. Both are opened by a <label> for a
 * hidden checkbox, which a mouse or finger can use but a keyboard cannot reach. This puts a
 * real <button> in each label's place (same look; a label may not carry role="button"), which
 * clicks the label, keeps aria-expanded up to date, moves focus into the drawer when it opens
 * and back to the button when it closes (also with Escape). rv.css hides the closed drawer from
 * the keyboard, so Tab no longer walks through links that are off screen. The search dialog
 * gets a Dutch name.
 */
(function () {
  "use strict";

  function makeButton(label, name) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("aria-label", name);
    button.setAttribute("data-rv-knop", label.getAttribute("for"));
    while (label.firstChild) button.appendChild(label.firstChild);
    label.parentNode.insertBefore(button, label);
    label.hidden = true; // stays in the page: clicking it still toggles the checkbox
    button.addEventListener("click", function () { label.click(); });
    return button;
  }

  function start() {
    var drawer = document.getElementById("__drawer");
    var menu = document.querySelector('.md-header label[for="__drawer"]');
    var search = document.querySelector('.md-header label.md-header__button[for="__search"]');
    if (search) makeButton(search, "Zoeken");
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog) dialog.setAttribute("aria-label", "Zoeken op de site");
    if (!drawer || !menu) return;

    // The drawer's own title label holds a link, so it cannot become a button too; Escape, or
    // Shift+Tab back to this button, closes the drawer.
    menu = makeButton(menu, "Menu");

    function update(moveFocus) {
      menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
      if (!moveFocus) return;
      if (drawer.checked) {
        // rv.css makes the drawer visible (and so focusable) as soon as it is checked.
        var first = document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary [tabindex='0']");
        if (first) first.focus();
      } else {
        menu.focus();
      }
    }

    var byKeyboard = false;
    document.addEventListener("keydown", function (event) {
      byKeyboard = true;
      if (event.key === "Escape" && drawer.checked) {
        drawer.checked = false;
        update(true);
      }
    });
    document.addEventListener("pointerdown", function () { byKeyboard = false; });
    drawer.addEventListener("change", function () { update(byKeyboard); });
    update(false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
