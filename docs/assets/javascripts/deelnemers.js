/* Filters of the directory (/deelnemers/): beweging, provincie, sector and rol.
 *
 * Progressive enhancement: without JavaScript the page is one complete list and CSS hides the
 * form (html.rv-js is set in the head, so the form has its place from the first paint). With
 * it, items whose data-* attributes do not match are hidden,
 * and the choice is kept in the address (?provincie=utrecht&beweging=zorg) so that a filtered
 * view can be shared and restored. Pages without the form are left alone.
 */
(function () {
  "use strict";

  function start() {
    var form = document.querySelector("[data-rv-filter]");
    if (!form || form.getAttribute("data-rv-ready")) return;
    form.setAttribute("data-rv-ready", "1");
    var fields = ["beweging", "provincie", "sector", "rol"];
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-rv-org]"));
    var groups = Array.prototype.slice.call(document.querySelectorAll("[data-rv-group]"));
    var count = document.querySelector("[data-rv-count]");
    var empty = document.querySelector("[data-rv-empty]");
    var unknown = document.querySelector("[data-rv-unknown]"); // shown while a province is chosen

    function select(name) { return form.elements.namedItem(name); }

    function hasOption(sel, value) {
      for (var i = 0; i < sel.options.length; i++) {
        if (sel.options[i].value === value) return true;
      }
      return false;
    }

    function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      fields.forEach(function (name) {
        var sel = select(name);
        var value = params.get(name) || "";
        sel.value = hasOption(sel, value) ? value : "";
      });
    }

    function toAddress(chosen) {
      var params = new URLSearchParams(window.location.search);
      fields.forEach(function (name) {
        if (chosen[name]) params.set(name, chosen[name]); else params.delete(name);
      });
      var query = params.toString();
      var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (address !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.replaceState(null, "", address);
      }
    }

    function matches(item, chosen) {
      return fields.every(function (name) {
        if (!chosen[name]) return true;
        var values = (item.getAttribute("data-" + name) || "").split(" ");
        return values.indexOf(chosen[name]) !== -1;
      });
    }

    function apply() {
      var chosen = {};
      var active = false;
      fields.forEach(function (name) {
        chosen[name] = select(name).value;
        if (chosen[name]) active = true;
      });
      var shown = 0;
      items.forEach(function (item) {
        var keep = matches(item, chosen);
        item.hidden = !keep;
        if (keep) shown += 1;
      });
      groups.forEach(function (group) {
        var visible = group.querySelector("[data-rv-org]:not([hidden])") !== null;
        group.hidden = !visible;
        var heading = group.querySelector("h3[id]");
        var link = heading && document.querySelector('.rv-az a[href="#' + heading.id + '"]');
        if (link) link.parentNode.hidden = !visible;
      });
      if (empty) empty.hidden = shown !== 0;
      if (unknown) unknown.hidden = !chosen.provincie;
      if (count) {
        // Only the result of a choice: the page's own totals are in its opening line.
        count.textContent = active
          ? (shown === 1 ? "1 organisatie past" : shown + " organisaties passen") + " bij je keuze."
          : "";
      }
      toAddress(chosen);
    }

    form.hidden = false;
    fromAddress();
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    window.addEventListener("popstate", function () { fromAddress(); apply(); });
    apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
