/* Filters of the directory (/deelnemers/): beweging, provincie, sector and rol.
 *
 * Progressive enhancement: without JavaScript every page of the directory is a plain list (A to
 * Z, on pages) and CSS hides the form (html.rv-js is set in the head, so the form has its place
 * from the first paint). With it, a choice filters ALL organisations, not only the page shown:
 * the script reads the directory's compact data (deelnemers/gids.json, same site, named by the
 * form's data-rv-bron) once, on the first choice, and shows the matching organisations in
 * [data-rv-results], 60 at a time ('Toon meer'), while the page's own list ([data-rv-static]) and
 * its pager are hidden. The choice is kept in the address (?provincie=utrecht&beweging=zorg) so
 * that a filtered view can be shared and restored. Names and details are inserted as text, never
 * as HTML. If the data cannot be read, the items on this page are filtered instead. Pages
 * without the form are left alone.
 *
 * While the data is being read the form carries data-rv-state="laden"; once a choice is shown,
 * "klaar" (the browser tests wait for it).
 */
(function () {
  "use strict";

  var STEP = 60; // organisations shown at a time, as many as on a page of the directory

  function start() {
    var form = document.querySelector("[data-rv-filter]");
    if (!form || form.getAttribute("data-rv-ready")) return;
    form.setAttribute("data-rv-ready", "1");
    var fields = ["beweging", "provincie", "sector", "rol"];
    var pageItems = Array.prototype.slice.call(document.querySelectorAll("[data-rv-static] [data-rv-org]"));
    var statics = Array.prototype.slice.call(document.querySelectorAll("[data-rv-static], .rv-pager"));
    var results = document.querySelector("[data-rv-results]");
    var more = document.querySelector("[data-rv-more]");
    var count = document.querySelector("[data-rv-count]");
    var empty = document.querySelector("[data-rv-empty]");
    var unknown = document.querySelector("[data-rv-unknown]"); // shown while a province is chosen
    var source = form.getAttribute("data-rv-bron");
    var data = null; // [{slug, naam, details, beweging, …, oud}] once read
    var failed = !source || !results || !window.fetch;
    var loading = false;
    var limit = STEP;

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

    function fits(value, wanted) {
      return !wanted || (value || "").split(" ").indexOf(wanted) !== -1;
    }

    function matches(values, chosen) {
      return fields.every(function (name) { return fits(values[name], chosen[name]); });
    }

    function load() {
      if (data || failed || loading) return;
      loading = true;
      form.setAttribute("data-rv-state", "laden");
      window.fetch(new URL(source, window.location.href).href, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (json) {
          var names = json.velden;
          data = json.deelnemers.map(function (row) {
            var item = {};
            names.forEach(function (name, i) { item[name] = row[i]; });
            return item;
          });
        })
        .catch(function () { failed = true; })
        .then(function () { loading = false; apply(); });
    }

    function itemElement(item, base) {
      var li = document.createElement("li");
      li.setAttribute("data-rv-org", item.slug);
      fields.forEach(function (name) { li.setAttribute("data-" + name, item[name] || ""); });
      var link = document.createElement("a");
      link.href = new URL(encodeURIComponent(item.slug) + "/", base).href;
      link.textContent = item.naam;
      li.appendChild(link);
      if (item.details) li.appendChild(document.createTextNode(" · " + item.details));
      return li;
    }

    function list() {
      var ul = document.createElement("ul");
      ul.className = "rv-gids__lijst";
      return ul;
    }

    function render(found) {
      var base = new URL(source, window.location.href);
      while (results.firstChild) results.removeChild(results.firstChild);
      var ul = null;
      var former = false;
      found.slice(0, limit).forEach(function (item) {
        if (!ul || (item.oud && !former)) {
          if (item.oud) {
            former = true;
            var heading = document.createElement("h3");
            heading.textContent = "Oud-deelnemers";
            results.appendChild(heading);
          }
          ul = list();
          results.appendChild(ul);
        }
        ul.appendChild(itemElement(item, base));
      });
      results.hidden = found.length === 0;
      if (more) {
        var rest = found.length - limit;
        more.hidden = rest <= 0;
        var button = more.querySelector("button");
        if (button && rest > 0) {
          button.textContent = "Toon meer (nog " + rest + ")";
        }
      }
    }

    function showPage(visible) {
      statics.forEach(function (element) { element.hidden = !visible; });
    }

    function filterPage(chosen) {
      var shown = 0;
      pageItems.forEach(function (item) {
        var values = {};
        fields.forEach(function (name) { values[name] = item.getAttribute("data-" + name); });
        var keep = matches(values, chosen);
        item.hidden = !keep;
        if (keep) shown += 1;
      });
      return shown;
    }

    function apply(keepLimit) {
      var chosen = {};
      var active = false;
      fields.forEach(function (name) {
        chosen[name] = select(name).value;
        if (chosen[name]) active = true;
      });
      if (!keepLimit) limit = STEP;
      if (unknown) unknown.hidden = !chosen.provincie;
      toAddress(chosen);
      var shown = 0;
      var where = "";
      if (!active) {
        filterPage(chosen);
        showPage(true);
        if (results) results.hidden = true;
        if (more) more.hidden = true;
        if (empty) empty.hidden = true;
        if (count) count.textContent = "";
        form.setAttribute("data-rv-state", "klaar");
        return;
      }
      if (data) {
        var found = data.filter(function (item) { return matches(item, chosen); });
        shown = found.length;
        showPage(false);
        render(found);
      } else if (failed) {
        shown = filterPage(chosen); // only this page's items: better than nothing
        where = " op deze pagina";
        showPage(true);
      } else {
        load(); // apply() runs again when the data is in
        return;
      }
      if (empty) empty.hidden = shown !== 0;
      if (count) {
        // Only the result of a choice: the page's own totals are in its opening line.
        count.textContent = (shown === 1 ? "1 organisatie past" : shown + " organisaties passen") +
          " bij je keuze" + where + ".";
      }
      form.setAttribute("data-rv-state", "klaar");
    }

    if (more) {
      var button = more.querySelector("button");
      if (button) {
        button.addEventListener("click", function () {
          var first = limit;
          limit += STEP;
          apply(true);
          // Keyboard and screen reader users continue at the first new organisation.
          var next = results.querySelectorAll("[data-rv-org] a")[first];
          if (next) next.focus();
        });
      }
    }

    form.hidden = false;
    fromAddress();
    form.addEventListener("change", function () { apply(false); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(false); });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(false); }, 0); });
    window.addEventListener("popstate", function () { fromAddress(); apply(false); });
    apply(false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
