/* The contribution forms (/meedoen/, /insturen/bijeenkomst/, /insturen/bericht/).
 *
 * Everything this script knows comes from the page, written at build time by
 * scripts/pages/forms.py from the JSON Schemas and the validator itself: the fields, their
 * limits and patterns, the validator's own Dutch messages (as templates with {v}), and the
 * card of each kind rendered by the site's real card macro with placeholder slots (U+E000 name
 * U+E001). The script checks each field as a person types, composes the same file a person
 * would write (YAML front matter + text), fills the card for the preview, and offers three ways
 * to send that one file: e-mail, the repository host's new-file editor, and a download.
 * Values reach the page only as escaped text. Without JavaScript the form stays hidden and the
 * page explains the e-mail way (CSS: html.rv-js).
 */
(function () {
  "use strict";

  var SLOT = /\uE000([a-z]+)\uE001/g;

  // As Python's html.escape(" ".join(text.split()), quote=True): the |h filter of the templates.
  function h(text) {
    return String(text).split(/\s+/).filter(Boolean).join(" ")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  }

  // The |hm filter: |h plus Markdown's inline characters as character references.
  function hm(text) {
    return h(text).replace(/[\\`*_{}\[\]|]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  // As scripts/model/slugs.py.
  function slugify(text) {
    var ascii = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    var slug = ascii.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return slug.slice(0, 120).replace(/^-+|-+$/g, "");
  }

  function fill(template, values) {
    return template.replace(SLOT, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // A message template of the validator with its {names} filled by escaped values: HTML.
  function say(template, values) {
    if (!template) return null;
    var put = function (text) {
      return esc(text).replace(/\{([a-z]+)\}/g, function (whole, name) {
        return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
      });
    };
    return {message: put(template.message), hint: put(template.hint)};
  }

  function chars(text) { return Array.from(text); }

  var DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[ T](\d{1,2})[:.](\d{2})(?: ?([+-]\d{2}:\d{2}))?)?$/;

  function parts(text) {
    var m = DATE.exec(text);
    if (!m) return null;
    return {y: +m[1], mo: +m[2], d: m[3] ? +m[3] : 0, hour: m[4] !== undefined ? +m[4] : null,
            minute: m[5] !== undefined ? +m[5] : null, date: m[1] + "-" + m[2] + (m[3] ? "-" + m[3] : "")};
  }

  function daysIn(y, mo) { return new Date(Date.UTC(y, mo, 0)).getUTCDate(); }

  function Form(root) {
    this.root = root;
    this.data = JSON.parse(root.querySelector("[data-rv-gegevens]").textContent);
    this.cards = JSON.parse(root.querySelector("[data-rv-kaarten]").textContent);
    this.form = root.querySelector("[data-rv-form]");
    this.preview = root.querySelector("[data-rv-voorbeeld]");
    this.fields = {};
    var self = this;
    this.data.fields.forEach(function (field) { self.fields[field.key] = field; });
    this.shown = {};
    this.start();
  }

  Form.prototype.controls = function (key) {
    return Array.prototype.slice.call(this.form.querySelectorAll('[name="' + key + '"]'));
  };

  // The value as the file will hold it: text (spaces collapsed), or a list.
  Form.prototype.value = function (field) {
    var controls = this.controls(field.key);
    if (field.control === "checkboxes") {
      return controls.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
    }
    var text = controls[0].value.split(/\s+/).filter(Boolean).join(" ");
    if (field.control === "list") {
      return text ? text.split(",").map(function (t) { return t.trim(); }).filter(Boolean) : [];
    }
    return text;
  };

  Form.prototype.empty = function (value) {
    return Array.isArray(value) ? value.length === 0 : value === "";
  };

  // The validator's message for one field, or null (the same order as the validator: the
  // schema first, then what only the parsers can tell).
  Form.prototype.problem = function (field) {
    var value = this.value(field), m = field.messages;
    if (this.empty(value)) return field.required ? say(m.required, {}) : null;
    if (Array.isArray(value)) return null;
    var shown = h(chars(value).slice(0, this.data.trim).join(""));
    if (field.maxLength && chars(value).length > field.maxLength) {
      return say(m.maxLength, {n: String(chars(value).length)});
    }
    if (field.pattern && !new RegExp(field.pattern).test(value)) return say(m.pattern, {v: shown});
    if (m.host) {
      // As the check reads a web address (urlsplit's hostname): a domain name with a dot.
      var host = value.replace(/^[a-z]+:\/\//i, "").split(/[\/?#]/)[0].replace(/^.*@/, "")
        .replace(/:\d*$/, "").toLowerCase();
      if (host.indexOf(".") < 0 || !/^[\p{L}\p{N}_.-]+$/u.test(host) || host.indexOf("..") >= 0 ||
          /^[.-]|[.-]$/.test(host)) {
        return say(m.host, {v: shown, host: h(host || "(leeg)")});
      }
    }
    if (field.date) {
      var p = parts(value);
      if (p && (p.mo < 1 || p.mo > 12)) return say(m.month, {v: shown, maand: String(p.mo)});
      if (p && p.d && p.d > daysIn(p.y, p.mo)) {
        return say(m.day, {v: shown, maandnaam: this.data.names.maanden[p.mo - 1], jaar: String(p.y),
                           dag: String(p.d)});
      }
    }
    return null;
  };

  // Checks across fields (meetings), with the validator's words; {key: problem}.
  Form.prototype.crossProblems = function () {
    var found = {}, cross = this.data.cross || {};
    if (this.data.kind !== "bijeenkomst") return found;
    var startText = this.value(this.fields.start), endText = this.value(this.fields.eind);
    var start = parts(startText), end = parts(endText);
    if (start && !this.problem(this.fields.start) && !this.problem(this.fields.eind)) {
      var startTime = start.hour !== null, endTime = end && end.hour !== null;
      if (startTime && !end) found.eind = say(cross.missingEnd, {});
      else if (end && startTime && !endTime) found.eind = say(cross.startHasTime, {});
      else if (end && !startTime && endTime) found.eind = say(cross.endHasTime, {});
      else if (end) {
        var key = function (p) { return [p.y, p.mo, p.d, p.hour || 0, p.minute || 0]; };
        var ka = key(start), kb = key(end), later = false, same = true;
        for (var i = 0; i < ka.length && same; i++) { if (ka[i] !== kb[i]) { later = kb[i] > ka[i]; same = false; } }
        if ((!later && !same) || (same && startTime)) {
          found.eind = say(cross.endBeforeStart, {start: h(startText), eind: h(endText)});
        }
      }
    }
    var place = ["locatie.naam", "locatie.adres", "locatie.postcode", "locatie.plaats"];
    var self = this;
    var any = place.some(function (k) { return self.fields[k] && self.value(self.fields[k]); });
    if (any && !this.value(this.fields["locatie.naam"]) && !this.value(this.fields["locatie.plaats"])) {
      found["locatie.plaats"] = say(cross.placeEmpty, {});
    }
    return found;
  };

  Form.prototype.show = function (field, problem) {
    var box = this.root.querySelector("#" + field.id + "-fout");
    var controls = this.controls(field.key);
    if (problem) {
      // The validator's hint is often the field's description, which already stands above.
      var hint = problem.hint && problem.hint !== esc(field.help) ? problem.hint : "";
      box.innerHTML = "<span class=\"rv-veld__melding\">" + problem.message + "</span>" +
        (hint ? " <span class=\"rv-veld__tip\">" + hint + "</span>" : "");
      box.hidden = false;
    } else {
      box.textContent = "";
      box.hidden = true;
    }
    var target = field.control === "checkboxes" ? [this.root.querySelector("#" + field.id)] : controls;
    target.forEach(function (c) {
      if (problem) c.setAttribute("aria-invalid", "true"); else c.removeAttribute("aria-invalid");
    });
    this.shown[field.key] = !!problem;
  };

  Form.prototype.checkField = function (field) {
    var problem = this.problem(field) || this.crossProblems()[field.key] || null;
    this.show(field, problem);
    return problem;
  };

  Form.prototype.checkAll = function () {
    var list = [], self = this, cross = this.crossProblems();
    this.data.fields.forEach(function (field) {
      var problem = self.problem(field) || cross[field.key] || null;
      self.show(field, problem);
      if (problem) list.push([field, problem]);
    });
    return list;
  };

  Form.prototype.summary = function (list) {
    var box = this.root.querySelector("[data-rv-fouten]");
    var ul = box.querySelector("[data-rv-foutlijst]");
    ul.innerHTML = list.map(function (item) {
      var target = item[0].control === "checkboxes" ? item[0].id + "-1" : item[0].id;
      return "<li><a href=\"#" + target + "\">" + h(item[0].label) + ": " + item[1].message + "</a></li>";
    }).join("");
    box.hidden = list.length === 0;
    if (list.length) box.focus();
  };

  // ---- the file ----------------------------------------------------------------------------

  function yamlText(text) { return JSON.stringify(text); } // a YAML double-quoted scalar

  var PLAIN = /^[a-z0-9-]+$|^\d{4}(-\d{2}){0,2}( \d{1,2}[:.]\d{2})?$/;

  function yamlValue(field, value) {
    if (Array.isArray(value)) {
      return "[" + value.map(function (v) { return PLAIN.test(v) ? v : yamlText(v); }).join(", ") + "]";
    }
    if (field.control === "select" || (field.date && PLAIN.test(value))) return value;
    return yamlText(value);
  }

  Form.prototype.slug = function () {
    var name = slugify(this.value(this.fields[this.data.nameField]));
    if (this.data.datePrefix) {
      var start = parts(this.value(this.fields[this.data.datePrefix]));
      name = (start ? start.date : "") + "-" + name;
    }
    return name;
  };

  Form.prototype.compose = function () {
    var lines = ["---"], groups = {}, self = this;
    this.data.fields.forEach(function (field) {
      var value = self.value(field);
      if (self.empty(value)) return;
      var dot = field.key.indexOf(".");
      if (dot < 0) {
        lines.push(field.key + ": " + yamlValue(field, value));
        if (field.key === self.data.nameField && self.data.kind === "bijeenkomst") {
          lines.push("uid: " + self.slug() + "@" + self.data.uidDomain);
        }
        return;
      }
      var group = field.key.slice(0, dot);
      if (!groups[group]) { groups[group] = true; lines.push(group + ":"); }
      lines.push("  " + field.key.slice(dot + 1) + ": " + yamlValue(field, value));
    });
    // The fields of a group (locatie.*) are next to each other in the form, so its lines are too.
    lines.push("---");
    var body = this.form.querySelector('[name="tekst"]').value.replace(/\r\n?/g, "\n").trim();
    return lines.join("\n") + "\n" + (body ? "\n" + body + "\n" : "");
  };

  Form.prototype.fileName = function () { return this.slug() + ".md"; };

  // ---- the preview card --------------------------------------------------------------------

  Form.prototype.href = function (section, slug) {
    return h(this.data.base + section + "/" + slug + "/");
  };

  // Each link to an item's page points at its published address (the template's links were
  // written relative to the page the form stands on).
  function pointLinks(template, slotName, address) {
    return template.replace(new RegExp('href="[^"]*\\uE000' + slotName + '\\uE001[^"]*"', "g"),
                            'href="' + address + '"');
  }

  function weekdayDay(data, p) {
    var weekday = (new Date(Date.UTC(p.y, p.mo - 1, p.d)).getUTCDay() + 6) % 7; // Monday = 0
    return data.names.dagen[weekday] + " " + p.d + " " + data.names.maanden[p.mo - 1] + " " + p.y;
  }

  function clock(p) { return (p.hour < 10 ? "0" : "") + p.hour + "." + (p.minute < 10 ? "0" : "") + p.minute; }

  function day(data, p) { return p.d + " " + data.names.maanden[p.mo - 1] + " " + p.y; }

  // As dutch.meeting_when (scripts/render/dutch.py).
  function when(data, start, end) {
    if (start.hour !== null) {
      if (end && end.hour !== null && end.date !== start.date) {
        return weekdayDay(data, start) + ", " + clock(start) + " uur t/m " + weekdayDay(data, end) + ", " + clock(end) + " uur";
      }
      if (end && end.hour !== null) return weekdayDay(data, start) + ", " + clock(start) + "\u2013" + clock(end) + " uur";
      return weekdayDay(data, start) + ", " + clock(start) + " uur";
    }
    if (end && end.date > start.date) {
      if (start.y === end.y && start.mo === end.mo) return start.d + " t/m " + day(data, end);
      if (start.y === end.y) return start.d + " " + data.names.maanden[start.mo - 1] + " t/m " + day(data, end);
      return day(data, start) + " t/m " + day(data, end);
    }
    return weekdayDay(data, start);
  }

  Form.prototype.card = function () {
    var data = this.data, cards = this.cards, self = this, slug = this.slug();
    var v = function (key) { return self.fields[key] ? self.value(self.fields[key]) : ""; };
    var html;
    if (data.kind === "deelnemer") {
      var sectors = v("sector"), labels = {};
      this.fields.sector.choices.forEach(function (c) { labels[c[0]] = c[1]; });
      var details = [[v("plaats"), v("provincie")].filter(Boolean).join(", "),
                     sectors.map(function (s) { return labels[s]; }).join(", "),
                     v("rol") !== "deelnemer" ? (data.roles[v("rol")] || v("rol")) : ""].filter(Boolean);
      html = pointLinks(cards.deelnemer, "slug", this.href("deelnemers", slug));
      html = html.replace(" \u00b7 \uE000details\uE001", details.map(function (d) { return " \u00b7 " + h(d); }).join(""));
      html = "<ul class=\"rv-gids__lijst\">\n" + fill(html, {
        slug: h(slug), naam: h(v("naam")), bewegingen: h(v("bewegingen").join(" ")),
        provincie: h(slugify(v("provincie"))), sector: h(sectors.join(" ")), rol: h(v("rol"))
      }) + "\n</ul>";
    } else if (data.kind === "bijeenkomst") {
      var start = parts(v("start")), end = parts(v("eind"));
      html = pointLinks(cards.bijeenkomst[v("status") || "gepland"], "slug", this.href("bijeenkomsten", slug));
      var hasPlace = ["locatie.naam", "locatie.adres", "locatie.postcode", "locatie.plaats"].some(v);
      var online = v("online.link") || v("online.toelichting");
      if (!hasPlace) html = html.replace(" \u00b7 \uE000plaats\uE001", "");
      if (!online) html = html.replace(" \u00b7 online</p>", "</p>");
      if (!v("samenvatting")) html = html.replace("<p>\uE000samenvatting\uE001</p>\n", "");
      html = "<div class=\"rv-voorbeeld__lijst\">\n" + fill(html, {
        slug: h(slug), titel: h(v("titel")), iso: h(start.date), wanneer: h(when(data, start, end)),
        plaats: h(v("locatie.plaats")), samenvatting: h(v("samenvatting"))
      }) + "\n</div>";
    } else {
      // Theme names come from content: the page has them as the choices' labels, not as data.
      var date = parts(v("datum")), titles = {};
      this.controls("themas").forEach(function (c) { titles[c.value] = c.labels[0].textContent; });
      var link = pointLinks(cards.themalink, "thema", "\uE000adres\uE001");
      var links = v("themas").map(function (t) {
        return fill(link, {adres: self.href("themas", t), thema: h(t), themanaam: hm(titles[t])});
      }).join(", ");
      // Movement names likewise: each chosen movement is " · " and its link, as the list writes it.
      var movementNames = {};
      this.controls("bewegingen").forEach(function (c) { movementNames[c.value] = c.labels[0].textContent; });
      var movementLink = pointLinks(cards.bewegingslink, "beweging", "\uE000adres\uE001");
      var movementLinks = v("bewegingen").map(function (m) {
        return " \u00b7 " + fill(movementLink, {adres: self.href("bewegingen", m), beweging: h(m),
                                                bewegingsnaam: hm(movementNames[m])});
      }).join("");
      html = pointLinks(cards.artikel, "slug", this.href("actueel", slug));
      html = html.replace(" \u00b7 " + cards.bewegingslink, "\uE000bewegingen\uE001");
      html = html.replace(cards.themalink, "\uE000themas\uE001");
      if (!links) html = html.replace(" \u00b7 \uE000themas\uE001", "");
      html = "<div class=\"rv-voorbeeld__lijst\">\n" + fill(html, {
        slug: h(slug), titel: h(v("titel")), iso: h(date.date), dag: h(day(data, date)),
        themas: links, bewegingen: movementLinks, samenvatting: h(v("samenvatting"))
      }) + "\n</div>";
    }
    return html;
  };

  // ---- sending -----------------------------------------------------------------------------

  Form.prototype.send = function (text) {
    var data = this.data, name = this.fileName(), path = data.folder + "/" + name;
    var mail = this.root.querySelector("[data-rv-mail]");
    var subject = "Voor de site: " + path;
    var body = "Hallo,\n\nHierbij stuur ik een bestand voor de site. Het hoort in " + path + ".\n\n" + text;
    mail.href = "mailto:" + data.email + "?subject=" + encodeURIComponent(subject) +
      "&body=" + encodeURIComponent(body);
    var github = this.root.querySelector("[data-rv-github]");
    var url = data.repository + "/new/" + data.branch + "/" + data.folder + "?filename=" +
      encodeURIComponent(name) + "&value=" + encodeURIComponent(text);
    // No repository set (mkdocs.yml extra.repository): only e-mail and the download.
    var tooLong = !data.repository || url.length > data.maxUrl;
    github.href = tooLong ? data.repository : url;
    github.hidden = tooLong;
    this.root.querySelector("[data-rv-github-uitleg]").hidden = tooLong;
    this.root.querySelector("[data-rv-github-te-lang]").hidden = !tooLong;
    var download = this.root.querySelector("[data-rv-download]");
    if (this.blob) URL.revokeObjectURL(this.blob);
    this.blob = URL.createObjectURL(new Blob([text], {type: "text/markdown;charset=utf-8"}));
    download.href = this.blob;
    download.setAttribute("download", name);
    this.root.querySelector("[data-rv-bestand]").textContent = text;
    this.root.querySelector("[data-rv-bestandsnaam]").textContent = path;
  };

  Form.prototype.start = function () {
    var self = this;
    this.data.fields.forEach(function (field) {
      self.controls(field.key).forEach(function (control) {
        control.addEventListener("input", function () { if (self.shown[field.key]) self.checkField(field); });
        control.addEventListener("change", function () { self.checkField(field); });
        control.addEventListener("blur", function () {
          if (field.control !== "checkboxes" && !self.empty(self.value(field))) self.checkField(field);
        });
      });
    });
    var date = this.fields.datum;
    if (date && !this.controls("datum")[0].value) {
      var now = new Date();
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      this.controls("datum")[0].value = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    }
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var list = self.checkAll();
      self.summary(list);
      if (list.length) { self.preview.hidden = true; return; }
      var text = self.compose();
      self.root.querySelector("[data-rv-kaart]").innerHTML = self.card();
      self.send(text);
      self.preview.hidden = false;
      self.preview.focus();
      self.root.setAttribute("data-rv-state", "voorbeeld");
    });
    this.root.querySelector("[data-rv-terug]").addEventListener("click", function () {
      self.preview.hidden = true;
      self.root.removeAttribute("data-rv-state");
      self.form.querySelector("input, select, textarea").focus();
    });
    this.root.setAttribute("data-rv-ready", "1");
  };

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-rv-formulier]"), function (root) {
      if (!root.getAttribute("data-rv-ready")) new Form(root);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
