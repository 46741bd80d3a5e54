/* The filters of the directory (/deelnemers/), the agenda (/bijeenkomsten/) and the news
 * (/actueel/): one script for the one form that scripts/render/templates/_filters.md.j2 writes.
 *
 * Progressive enhancement: without JavaScript every list is plain (the agenda by month, the
 * directory and the news on pages) and CSS hides the form (html.rv-js is set in the head, so the
 * form has its place from the first paint). The fields are the form's <select> elements; each
 * choice is kept in the address (?beweging=jeugdzorg&maand=2027-03) with replaceState, so that a
 * filtered view can be shared, bookmarked and restored, and the number of matches is said in
 * words in a live region ("3 bijeenkomsten passen bij je keuze.").
 *
 * Two ways to find the matches:
 * - In place (the agenda, no data-rv-bron): every item on the page ([data-rv-item]) carries its
 *   values as data-* attributes (space-separated where an item has several); items that do not
 *   match are hidden, and so is a heading [data-rv-kop=X] whose items [data-rv-in=X] are all hidden.
 * - From the whole list (the directory and the news, data-rv-bron): the page shows one page of a
 *   paged list, so a choice must look at every item. The script reads the list's compact JSON
 *   (same site) once, on the first choice, and shows the matches in [data-rv-results],
 *   data-rv-stap at a time ('Toon meer'), while the page's own list ([data-rv-static]) and its
 *   pager are hidden. Without script the pages stay as they are. Text from the data is inserted
 *   as text, never as HTML. If the data cannot be read, the items on this page are filtered.
 *
 * A select's option may name a calendar feed (data-rv-agenda): when that is the only choice, the
 * link [data-rv-abonneer] a subscribes to exactly that selection.
 *
 * While the data is being read the form carries data-rv-state="laden"; once a choice is shown,
 * "klaar" (the browser tests wait for it).
 */
(function () {
  "use strict";

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function fits(value, wanted) {
    return !wanted || (value || "").split(" ").indexOf(wanted) !== -1;
  }

  // --- drawing an item of the JSON list (text only) ---------------------------------------

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  var DRAW = {
    // The directory: <li> name · details, as on the directory's pages (_directory.md.j2).
    deelnemers: function (item, base, fields) {
      var li = document.createElement("li");
      li.setAttribute("data-rv-org", item.slug);
      fields.forEach(function (name) { li.setAttribute("data-" + name, item[name] || ""); });
      li.appendChild(link(new URL(encodeURIComponent(item.slug) + "/", base).href, item.naam));
      if (item.details) li.appendChild(document.createTextNode(" · " + item.details));
      return li;
    },
    // The news: an item as on the news pages (article_item in _macros.md.j2).
    berichten: function (item, base, fields, names) {
      var article = document.createElement("article");
      article.className = "rv-item rv-item--artikel";
      article.setAttribute("data-rv-bericht", item.slug);
      var heading = document.createElement("h2");
      heading.appendChild(link(new URL(encodeURIComponent(item.slug) + "/", base).href, item.titel));
      article.appendChild(heading);
      var meta = document.createElement("p");
      meta.className = "rv-meta";
      var time = document.createElement("time");
      time.setAttribute("datetime", item.datum);
      time.textContent = item.dag;
      meta.appendChild(time);
      (item.bewegingen ? item.bewegingen.split(" ") : []).forEach(function (slug) {
        if (!names.beweging[slug]) return;
        meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(link(new URL("../bewegingen/" + encodeURIComponent(slug) + "/", base).href,
                              names.beweging[slug]));
      });
      (item.themas ? item.themas.split(" ") : []).forEach(function (slug, i) {
        if (!names.thema[slug]) return;
        meta.appendChild(document.createTextNode(i === 0 ? " · " : ", "));
        meta.appendChild(link(new URL("../themas/" + encodeURIComponent(slug) + "/", base).href,
                              names.thema[slug]));
      });
      article.appendChild(meta);
      var summary = document.createElement("p");
      summary.textContent = item.samenvatting;
      article.appendChild(summary);
      return article;
    }
  };

  // The rule that partials/filters-head.html made from the address before the first paint:
  // once the script has shown the selection itself (or where there is no form), it goes.
  function dropStartRule() {
    var rule = document.getElementById("rv-filter-start");
    if (rule) rule.parentNode.removeChild(rule);
  }

  function start() {
    var form = document.querySelector("[data-rv-filter]");
    if (!form) { dropStartRule(); return; }
    if (form.getAttribute("data-rv-ready")) return;
    form.setAttribute("data-rv-ready", "1");
    var selects = all("select[name]", form);
    var fields = selects.map(function (sel) { return sel.name; });
    var pageItems = all("[data-rv-item]");
    var headings = all("[data-rv-kop]");
    var statics = all("[data-rv-static], .rv-pager");
    var results = document.querySelector("[data-rv-results]");
    var more = document.querySelector("[data-rv-more]");
    var count = document.querySelector("[data-rv-count]");
    var empty = document.querySelector("[data-rv-empty]");
    var unknown = document.querySelector("[data-rv-unknown]"); // shown while a province is chosen
    var subscribe = document.querySelector("[data-rv-abonneer] a");
    var source = form.getAttribute("data-rv-bron");
    var kind = form.getAttribute("data-rv-soort") || "";
    var step = parseInt(form.getAttribute("data-rv-stap"), 10) || 20;
    var one = form.getAttribute("data-rv-een") || "";
    var many = form.getAttribute("data-rv-meer") || "";
    var inPlace = !source;
    var data = null; // [{slug, …}] once read
    var names = { beweging: {}, thema: {} }; // slug → name, for drawing news items
    var failed = !inPlace && (!results || !window.fetch || !DRAW[kind]);
    var loading = false;
    var limit = step;

    function select(name) { return form.elements.namedItem(name); }

    function hasOption(sel, value) {
      for (var i = 0; i < sel.options.length; i++) {
        if (sel.options[i].value === value) return true;
      }
      return false;
    }

    function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (sel) {
        var value = params.get(sel.name) || "";
        sel.value = hasOption(sel, value) ? value : ""; // an unknown value is ignored
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

    function matches(values, chosen) {
      return fields.every(function (name) { return fits(values[name], chosen[name]); });
    }

    var waiting = false; // a choice waits for the data

    function load(forChoice) {
      if (forChoice) {
        waiting = true;
        form.setAttribute("data-rv-state", "laden");
      }
      if (data || failed || loading) return;
      loading = true;
      window.fetch(new URL(source, window.location.href).href, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (json) {
          var columns = json.velden;
          if (json.namen) names = json.namen;
          data = json[kind].map(function (row) {
            var item = {};
            columns.forEach(function (name, i) { item[name] = row[i]; });
            return item;
          });
        })
        .catch(function () { failed = true; })
        .then(function () {
          loading = false;
          if (waiting) { waiting = false; apply(false); }
        });
    }

    function render(found) {
      var base = new URL(source, window.location.href);
      var draw = DRAW[kind];
      while (results.firstChild) results.removeChild(results.firstChild);
      var list = null;
      var former = false;
      found.slice(0, limit).forEach(function (item) {
        if (kind === "deelnemers") {
          // Current organisations first, then the former ones under their own heading.
          if (!list || (item.oud && !former)) {
            if (item.oud) {
              former = true;
              var heading = document.createElement("h3");
              heading.textContent = "Oud-deelnemers";
              results.appendChild(heading);
            }
            list = document.createElement("ul");
            list.className = "rv-gids__lijst";
            results.appendChild(list);
          }
          list.appendChild(draw(item, base, fields, names));
        } else {
          results.appendChild(draw(item, base, fields, names));
        }
      });
      results.hidden = found.length === 0;
      if (more) {
        var rest = found.length - limit;
        more.hidden = rest <= 0;
        var button = more.querySelector("button");
        if (button && rest > 0) button.textContent = "Toon meer (nog " + rest + ")";
      }
    }

    function showPage(visible) {
      statics.forEach(function (element) { element.hidden = !visible; });
    }

    function filterPage(chosen) {
      var shown = 0;
      var groups = {};
      pageItems.forEach(function (item) {
        var values = {};
        fields.forEach(function (name) { values[name] = item.getAttribute("data-" + name); });
        var keep = matches(values, chosen);
        item.hidden = !keep;
        if (keep) {
          shown += 1;
          groups[item.getAttribute("data-rv-in")] = true;
        }
      });
      headings.forEach(function (heading) {
        heading.hidden = !groups[heading.getAttribute("data-rv-kop")];
      });
      return shown;
    }

    function offerFeed(chosen) {
      if (!subscribe) return;
      var active = fields.filter(function (name) { return chosen[name]; });
      var feed = "";
      if (active.length === 1) {
        var sel = select(active[0]);
        feed = sel.options[sel.selectedIndex].getAttribute("data-rv-agenda") || "";
      }
      subscribe.hidden = !feed;
      if (feed) subscribe.href = feed;
    }

    function say(shown, where) {
      if (!count) return;
      // Only the result of a choice: the page's own totals are in its opening line.
      count.textContent = shown + " " + (shown === 1 ? one + " past" : many + " passen") +
        " bij je keuze" + where + ".";
    }

    function apply(keepLimit) {
      var chosen = {};
      var active = false;
      fields.forEach(function (name) {
        chosen[name] = select(name).value;
        if (chosen[name]) active = true;
      });
      if (!keepLimit) limit = step;
      if (unknown) unknown.hidden = !chosen.provincie;
      toAddress(chosen);
      offerFeed(chosen);
      var shown = 0;
      var where = "";
      if (!active) {
        filterPage(chosen);
        showPage(true);
        if (results) results.hidden = true;
        if (more) more.hidden = true;
        if (empty) empty.hidden = true;
        if (count) count.textContent = "";
        done();
        return;
      }
      if (inPlace) {
        shown = filterPage(chosen);
      } else if (data) {
        var found = data.filter(function (item) { return matches(item, chosen); });
        shown = found.length;
        showPage(false);
        render(found);
      } else if (failed) {
        shown = filterPage(chosen); // only this page's items: better than nothing
        where = " op deze pagina";
        showPage(true);
      } else {
        load(true); // apply() runs again when the data is in
        return;
      }
      if (empty) empty.hidden = shown !== 0;
      say(shown, where);
      done();
    }

    function done() {
      form.setAttribute("data-rv-state", "klaar");
      dropStartRule();
    }

    if (more) {
      var button = more.querySelector("button");
      if (button) {
        button.addEventListener("click", function () {
          var first = limit;
          limit += step;
          apply(true);
          // Keyboard and screen reader users continue at the first new item.
          var next = all("[data-rv-org] > a, [data-rv-bericht] h2 a", results)[first];
          if (next) next.focus();
        });
      }
    }

    form.hidden = false;
    fromAddress();
    // Read the data as soon as a visitor reaches for a field, not only after the choice: the
    // matches then show within the moment that follows the choice, and the page does not
    // change later on its own.
    if (!inPlace) form.addEventListener("focusin", function () { load(false); });
    form.addEventListener("change", function () { apply(false); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(false); });
    // The reset event comes before the fields are cleared: apply right after.
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(false); }, 0); });
    window.addEventListener("popstate", function () { fromAddress(); apply(false); });
    apply(false);
  }

  // The script stands at the end of the page, so the form and the items are there already:
  // filtering now, before the first paint where the browser allows, keeps a filtered address
  // from showing the whole list first and then jumping.
  if (document.querySelector("[data-rv-filter]") || document.readyState !== "loading") {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
