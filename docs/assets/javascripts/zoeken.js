/* A site search that forgives: Dutch word forms and accents.
 *
 * Material adds a trailing wildcard to every query word ("bijeenkomst" finds "bijeenkomsten"),
 * but lunr does not stem wildcard words, so Material leaves the stemmer out and
 * "bijeenkomsten" never finds "bijeenkomst". And lunr compares letters exactly: "clientenraad"
 * does not find "cliëntenraad", nor the other way round.
 *
 * Only what Material's own files do not do is here. The Dutch stemmer is lunr-languages' one,
 * which Material ships (assets/javascripts/lunr/min/): this script loads those two files, not
 * a copy of them. Before a query reaches Material's search worker, each plain word is
 *   1. folded to letters without accents ("cliënt" → "client"),
 *   2. stemmed when the stem is the start of the word ("budgetplafonds" → "budgetplafond"),
 *   3. joined by the accented words of the site's own search index that start with the same
 *      letters ("client" → "client cliënt").
 * So "clientenraad" and "cliëntenraad" become the same query and find the same pages.
 */
(function () {
  "use strict";

  var QUERY = 2; // Material's SearchMessageType.QUERY
  var MAX_VARIANTS = 6;
  var config = JSON.parse((document.getElementById("__config") || {}).textContent || "{}");
  var base = new URL((config.base || ".") + "/", window.location.href);
  var stemmer = null; // lunr.nl.stemmer once loaded
  var accented = []; // [folded, word] for the index words that carry accents, sorted

  function fold(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function load(path) {
    return fetch(new URL(path, base)).then(function (response) {
      if (!response.ok) throw new Error(path + ": " + response.status);
      return response.text();
    });
  }

  // Nothing is fetched before the visitor opens the search (overrides/theme/main.html holds the
  // index back until then and hands over Material's download of it: no second one). Without
  // that page head (another engine's theme), the index is fetched here.
  var search = window.rvZoekIndex || { geopend: Promise.resolve(),
    index: fetch(new URL("search/search_index.json", base)).then(function (r) { return r.blob(); }) };
  // lunr-languages' files are UMD modules that register themselves on `this.lunr`. They get
  // a small stand-in for lunr (they only call these three) instead of a global.
  var stemmerReady = search.geopend.then(function () { return Promise.all([
    load("assets/javascripts/lunr/min/lunr.stemmer.support.min.js"),
    load("assets/javascripts/lunr/min/lunr.nl.min.js")
  ]); }).then(function (sources) {
    var holder = { lunr: {
      Pipeline: { registerFunction: function () {} },
      generateStopWordFilter: function () { return function (token) { return token; }; }
    } };
    sources.forEach(function (source) { new Function(source).call(holder); });
    stemmer = holder.lunr.nl.stemmer;
  });

  // An engine whose search does not ask for the index this way (Zensical's own bundle) leaves
  // no download to share: then the index is fetched here, once the search is open.
  var indexReady = search.geopend
    .then(function () {
      return search.gevraagd ? search.index
        : fetch(new URL("search/search_index.json", base)).then(function (r) { return r.blob(); });
    })
    .then(function (blob) { return blob.text(); })
    .then(function (text) {
      var index = JSON.parse(text);
      var seen = {};
      (index.docs || []).forEach(function (doc) {
        var text = (doc.title + " " + doc.text).replace(/<[^>]+>/g, " ").toLowerCase();
        (text.match(/[\p{L}\p{N}]+/gu) || []).forEach(function (word) {
          var plain = fold(word);
          if (plain !== word && !seen[word]) { seen[word] = true; accented.push([plain, word]); }
        });
      });
      accented.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1; });
    });

  function root(plain) {
    if (!stemmer) return plain;
    var stem = stemmer(plain);
    return stem.length >= 3 && stem.length < plain.length && plain.indexOf(stem) === 0 ? stem : plain;
  }

  // The accented words of the index that start with `start` (folded); a word whose shorter
  // form is already in the list is left out: the wildcard finds it.
  function variants(start) {
    var found = [];
    for (var i = 0; i < accented.length && found.length < MAX_VARIANTS; i++) {
      var pair = accented[i];
      if (pair[0].indexOf(start) !== 0) continue;
      if (found.some(function (word) { return pair[1].indexOf(word) === 0; })) continue;
      found.push(pair[1]);
    }
    return found;
  }

  function expand(query) {
    if (query.indexOf('"') !== -1) return query; // phrases stay as typed
    return query.split(/(\s+)/).map(function (word) {
      if (!/^\p{L}+$/u.test(word)) return word; // operators, numbers, wildcards: as typed
      var start = root(fold(word.toLowerCase()));
      return [start].concat(variants(start)).join(" ");
    }).join("");
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var args = Array.prototype.slice.call(arguments);
      args[0] = { type: message.type, data: expand(message.data) };
      return post.apply(this, args);
    }
    return post.apply(this, arguments);
  };

  window.rvZoeken = { // for the tests
    fold: fold, expand: expand,
    ready: Promise.all([stemmerReady, indexReady]).then(function () { return true; })
  };
})();
