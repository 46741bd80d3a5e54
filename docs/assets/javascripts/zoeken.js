/* Dutch word forms in the site search.
 *
 * Material's search adds a trailing wildcard to every word ("bijeenkomst" finds
 * "bijeenkomsten"), but lunr does not stem wildcard words, so Material leaves the stemmer out
 * and "bijeenkomsten" never finds "bijeenkomst". This script stems each plain word of the query
 * with the Dutch Snowball stemmer (the one lunr-languages uses) before the query reaches the
 * search worker: "budgetplafonds" is searched as "budgetplafond*", which finds both forms.
 * A stem that is not the start of the word (accents, doubled vowels) leaves the word as it is.
 */
(function () {
  "use strict";

  var VOWELS = "aeiouyè";
  var QUERY = 2; // Material's SearchMessageType.QUERY

  function isVowel(c) { return c !== undefined && VOWELS.indexOf(c) !== -1; }
  function nonVowel(c) { return c !== undefined && !isVowel(c); }

  function stem(input) {
    var w = input.toLowerCase()
      .replace(/[äá]/g, "a").replace(/[ëé]/g, "e").replace(/[ïí]/g, "i")
      .replace(/[öó]/g, "o").replace(/[üú]/g, "u").split("");
    // Consonant i and y (between or after vowels) become I and Y: not vowels from here on.
    if (w[0] === "y") w[0] = "Y";
    for (var p = 0; p < w.length; p++) {
      if (isVowel(w[p]) && w[p + 1] === "i" && isVowel(w[p + 2])) w[p + 1] = "I";
      else if (isVowel(w[p]) && w[p + 1] === "y") w[p + 1] = "Y";
    }
    w = w.join("");

    // R1 and R2: after the first non-vowel that follows a vowel; R1 leaves at least 3 letters.
    function regionAfter(start) {
      for (var i = start; i < w.length - 1; i++)
        if (isVowel(w[i]) && nonVowel(w[i + 1])) return i + 2;
      return w.length;
    }
    var r1 = w.length, r2 = w.length;
    if (w.length >= 3) {
      r1 = Math.max(regionAfter(0), 3);
      r2 = regionAfter(regionAfter(0));
    }
    function ends(s) { return w.length >= s.length && w.slice(-s.length) === s; }
    function at(s) { return w.length - s.length; } // where suffix s starts
    function before(s) { return w[at(s) - 1]; }
    function cut(n) { w = w.slice(0, w.length - n); }
    function undouble() { if (ends("kk") || ends("dd") || ends("tt")) cut(1); }
    function enEnding(s) {
      if (at(s) >= r1 && nonVowel(before(s)) && w.slice(at(s) - 3, at(s)) !== "gem") {
        cut(s.length); undouble();
      }
    }
    var eFound = false;
    function eEnding() {
      eFound = false;
      if (ends("e") && at("e") >= r1 && nonVowel(before("e"))) { cut(1); eFound = true; undouble(); }
    }

    // Step 1
    if (ends("heden")) { if (at("heden") >= r1) w = w.slice(0, at("heden")) + "heid"; }
    else if (ends("ene")) enEnding("ene");
    else if (ends("en")) enEnding("en");
    else if (ends("se") || ends("s")) {
      var s = ends("se") ? "se" : "s";
      if (at(s) >= r1 && nonVowel(before(s)) && before(s) !== "j") cut(s.length);
    }
    // Step 2
    eEnding();
    // Step 3a
    if (ends("heid") && at("heid") >= r2 && before("heid") !== "c") {
      cut(4);
      if (ends("en")) enEnding("en");
    }
    // Step 3b
    if (ends("end") || ends("ing")) {
      if (at("ing") >= r2) {
        cut(3);
        if (ends("ig") && at("ig") >= r2 && before("ig") !== "e") cut(2);
        else undouble();
      }
    } else if (ends("ig")) {
      if (at("ig") >= r2 && before("ig") !== "e") cut(2);
    } else if (ends("lijk")) {
      if (at("lijk") >= r2) { cut(4); eEnding(); }
    } else if (ends("baar")) {
      if (at("baar") >= r2) cut(4);
    } else if (ends("bar")) {
      if (at("bar") >= r2 && eFound) cut(3);
    }
    // Step 4: undouble a vowel in a final consonant-vowel-vowel-consonant ("maan" → "man")
    var n = w.length;
    if (n >= 4 && nonVowel(w[n - 1]) && w[n - 1] !== "I" && /^(aa|ee|oo|uu)$/.test(w.slice(n - 3, n - 1))
        && nonVowel(w[n - 4])) {
      w = w.slice(0, n - 2) + w[n - 1];
    }
    return w.replace(/I/g, "i").replace(/Y/g, "y");
  }

  function expand(query) {
    if (query.indexOf('"') !== -1) return query; // phrases stay as typed
    return query.split(/(\s+)/).map(function (word) {
      if (!/^\p{L}+$/u.test(word)) return word; // operators, numbers, wildcards: as typed
      var lower = word.toLowerCase(), root = stem(word);
      return root.length >= 3 && root.length < lower.length && lower.indexOf(root) === 0 ? root : word;
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

  window.rvZoeken = { stem: stem, expand: expand }; // for the tests
})();
