// The search engine of the web edition without the page: how a query is read, which index
// files it needs, which articles match and in what order, and the snippet to show. search.js
// runs it in the page; the tests run it under node on a built site. The index is described in
// Sources/Web/SearchIndex.swift; words and folding here are the ones that built it.
(function (root) {
  "use strict";
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  var ENDS_IN_WORD = /[\p{L}\p{M}\p{N}]$/u;

  /** Lowercase, tones and other marks dropped, đ → d: "Nguyễn" → "nguyen". */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  /** A word as written, lowercase: the form the index keeps beside the folded term. */
  function lower(text) {
    return text.normalize("NFC").toLowerCase();
  }

  /** The words of `text` with where they are: runs of letters, marks and digits. */
  function words(text) {
    var out = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    return out;
  }

  /** The shard key of a folded term: a–z and 0–9 as they are, anything else `_`. */
  function key(term) {
    return Array.from(term).map(function (c) { return /[a-z0-9]/.test(c) ? c : "_"; }).join("");
  }

  function queryWord(w) {
    var form = lower(w.text), folded = fold(form);
    return { fold: folded, form: form, toned: form !== folded, prefix: false };
  }

  /**
   * A query as clauses, each words that must stand in a row: a quoted phrase, a word, or
   * "380.000" typed as one piece. While the reader is `typing`, the last word, if the query
   * ends in it and it has two letters or more, also matches the words it begins; a last word
   * of one letter is left out until the next letter comes.
   */
  function parse(query, typing) {
    var clauses = [];
    // Phones type “curly” quotes for ": either kind marks a phrase.
    var text = query.normalize("NFC").replace(/[“”„«»]/g, '"');
    text.split('"').forEach(function (part, n) {
      var pieces = n % 2 === 1 ? [part] : part.split(/\s+/);
      pieces.forEach(function (piece) {
        var ws = words(piece).map(queryWord).filter(function (w) { return w.fold; });
        if (ws.length) clauses.push({ words: ws, quoted: n % 2 === 1 });
      });
    });
    if (typing && clauses.length && ENDS_IN_WORD.test(text)) {
      var last = clauses[clauses.length - 1].words;
      if (Array.from(last[last.length - 1].fold).length >= 2) last[last.length - 1].prefix = true;
      // One letter begins too many words to ask for: the query waits for the next.
      else last.pop();
      if (!last.length) clauses.pop();
    }
    return clauses;
  }

  /** The shard keys (of `keys`, the index's) that hold the terms the query can match. */
  function shardsFor(clauses, keys) {
    var need = {};
    clauses.forEach(function (c) {
      c.words.forEach(function (w) {
        var k = key(w.fold), best = "";
        keys.forEach(function (s) {
          if (k.indexOf(s) === 0 && s.length > best.length) best = s;
          if (w.prefix && s.indexOf(k) === 0) need[s] = true;
        });
        if (best) need[best] = true;
      });
    });
    return Object.keys(need).sort();
  }

  /**
   * Where one query word occurs: per article, position → 2 if in the form typed (always, for a
   * word typed without tones) plus 1 if the whole word (not a longer word it begins).
   */
  function places(w, terms) {
    // Asked for again by the pairing and the ranking of one search: kept on the word.
    if (w.places && w.places.terms === terms) return w.places.byDoc;
    var byDoc = {};
    w.places = { terms: terms, byDoc: byDoc };
    var folds = w.prefix
      ? Object.keys(terms).filter(function (t) { return t.indexOf(w.fold) === 0; })
      : (Object.prototype.hasOwnProperty.call(terms, w.fold) ? [w.fold] : []);
    folds.forEach(function (t) {
      var whole = t === w.fold;
      Object.keys(terms[t]).forEach(function (form) {
        var exact = !w.toned || (whole ? form === w.form : form.indexOf(w.form) === 0);
        terms[t][form].forEach(function (posting) {
          var at = byDoc[posting[0]] || (byDoc[posting[0]] = {}), p = 0;
          for (var i = 1; i < posting.length; i++) {
            p += posting[i];
            at[p] = (exact ? 2 : 0) + (whole ? 1 : 0);
          }
        });
      });
    });
    return byDoc;
  }

  /** Per article, the clause's occurrences: its first word's position, and exact and whole flags. */
  function occurrences(clause, terms) {
    var maps = clause.words.map(function (w) { return places(w, terms); });
    var out = {};
    Object.keys(maps[0]).forEach(function (doc) {
      var list = [];
      Object.keys(maps[0][doc]).forEach(function (start) {
        var p = +start, flags = 3;
        for (var i = 0; i < maps.length; i++) {
          var f = maps[i][doc] && maps[i][doc][p + i];
          if (f === undefined) return;
          flags &= f;
        }
        list.push({ pos: p, exact: (flags & 2) !== 0, whole: (flags & 1) !== 0 });
      });
      if (list.length) out[doc] = list;
    });
    return out;
  }

  /**
   * Vietnamese writes a word as syllables apart ("hội nghị", "sạt lở"), so two query words side
   * by side that stand side by side in some article are read as one: "hoi nghi" asks for
   * "hội nghị", not for "hội" anywhere and "nghị" anywhere. Pairs are taken strongest first
   * (in most articles); a quoted phrase or a piece like "380.000" stays as it is. The word
   * being typed pairs by the words it begins: "hoi ngh" already asks for "hội nghị".
   */
  function group(clauses, terms) {
    var single = function (c) { return c && !c.quoted && c.words.length === 1; };
    var pairs = [];
    for (var i = 0; i + 1 < clauses.length; i++) {
      if (!single(clauses[i]) || !single(clauses[i + 1])) continue;
      var n = Object.keys(occurrences({ words: [clauses[i].words[0], clauses[i + 1].words[0]] }, terms)).length;
      if (n > 0) pairs.push({ at: i, docs: n });
    }
    pairs.sort(function (a, b) { return b.docs - a.docs || a.at - b.at; });
    var taken = {};
    pairs.forEach(function (pair) {
      if (taken[pair.at] || taken[pair.at + 1]) return;
      taken[pair.at] = taken[pair.at + 1] = true;
      clauses[pair.at] = { words: [clauses[pair.at].words[0], clauses[pair.at + 1].words[0]], quoted: false, grouped: true };
      clauses[pair.at + 1] = null;
    });
    return clauses.filter(Boolean);
  }

  /** Weights of a clause found in the title, in the lead (subtitle, summary, tags), in the body. */
  var TITLE = 6, LEAD = 2.5, BODY = 1.5, NEAR = 4;

  function saturate(x, k) { return x / (x + k); }

  /** How near the clauses come in the article: 1 when side by side in one place, less apart. */
  function nearness(lists, clauses) {
    if (lists.length < 2) return 0;
    var all = [], need = 0;
    lists.forEach(function (list, c) {
      need += clauses[c].words.length;
      list.forEach(function (o) { all.push({ pos: o.pos, end: o.pos + clauses[c].words.length - 1, c: c }); });
    });
    all.sort(function (a, b) { return a.pos - b.pos; });
    var count = {}, covered = 0, from = 0, best = Infinity;
    for (var to = 0; to < all.length; to++) {
      count[all[to].c] = (count[all[to].c] || 0) + 1;
      if (count[all[to].c] === 1) covered++;
      while (covered === lists.length) {
        // Sorted by start, so the window ends with its last clause (or a longer first one).
        best = Math.min(best, Math.max(all[to].end, all[from].end) - all[from].pos + 1);
        if (--count[all[from].c] === 0) covered--;
        from++;
      }
    }
    return Math.min(1, need / best);
  }

  /**
   * The articles matching every clause, best first: those with more clauses found as typed
   * (when typed with tones: "Nguyễn" before "nguyên"), then with more found as whole words
   * (while typing "hoi nghi", "hội nghị" before "hội nghiên"), then by score — each clause by where it
   * is (title, lead, body; more occurrences count, less and less) and how rare it is across
   * articles, plus how near the clauses are — then newest, then in the site's order.
   * `index` is `{ docs, terms }`: the articles of docs.json and the terms of the loaded shards.
   */
  function search(query, index, options) {
    var typing = !!(options && options.typing);
    var asked = parse(query, typing);
    if (!asked.length) return { clauses: [], results: [] };
    var clauses = group(asked.slice(), index.terms);
    var results = rank(clauses, index);
    if (!results.length && clauses.length !== asked.length) {
      clauses = asked;
      results = rank(clauses, index);
    }
    return { clauses: clauses, results: results };
  }

  function rank(clauses, index) {
    var found = clauses.map(function (c) { return occurrences(c, index.terms); });
    var docs = Object.keys(found[0]).filter(function (d) {
      return found.every(function (f) { return f[d]; });
    });
    var n = index.docs.length;
    var results = docs.map(function (d) {
      var doc = index.docs[d], score = 0, exact = 0, whole = 0;
      found.forEach(function (f, c) {
        var title = 0, lead = 0, body = 0, typed = false, complete = false;
        f[d].forEach(function (o) {
          var w = (o.exact ? 1 : 0.4) * (o.whole ? 1 : 0.5);
          if (o.pos < doc.f[0]) title = Math.max(title, w);
          else if (o.pos < doc.f[1]) lead += w;
          else body += w;
          typed = typed || o.exact;
          complete = complete || o.whole;
        });
        var idf = Math.log(1 + n / Object.keys(f).length);
        score += idf * (TITLE * title + LEAD * saturate(lead, 1) + BODY * saturate(body, 3));
        if (typed && clauses[c].words.some(function (w) { return w.toned; })) exact++;
        if (complete) whole++;
      });
      score += NEAR * nearness(found.map(function (f) { return f[d]; }), clauses);
      return { doc: +d, score: score, exact: exact, whole: whole };
    });
    results.sort(function (a, b) {
      var x = index.docs[a.doc], y = index.docs[b.doc];
      return b.exact - a.exact || b.whole - a.whole || b.score - a.score || (x.n < y.n ? 1 : x.n > y.n ? -1 : 0) || a.doc - b.doc;
    });
    return results;
  }

  function matchesWord(w, folded) {
    return w.prefix ? folded.indexOf(w.fold) === 0 : folded === w.fold;
  }

  /** Where the clauses occur in `text`: character ranges, and how many clauses and occurrences. */
  function find(text, clauses) {
    var ws = words(text), folds = ws.map(function (w) { return fold(w.text); });
    var ranges = [], distinct = 0;
    clauses.forEach(function (c) {
      var seen = false;
      for (var i = 0; i + c.words.length <= ws.length; i++) {
        var all = true;
        for (var j = 0; j < c.words.length && all; j++) all = matchesWord(c.words[j], folds[i + j]);
        if (all) {
          ranges.push([ws[i].start, ws[i + c.words.length - 1].end]);
          seen = true;
        }
      }
      if (seen) distinct++;
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    return { ranges: ranges, distinct: distinct, count: ranges.length };
  }

  /** `text` as parts, `{ text, mark }`, the clauses' words marked. */
  function highlight(text, clauses) {
    var parts = [], at = 0;
    find(text, clauses).ranges.forEach(function (r) {
      if (r[0] < at) return;
      if (r[0] > at) parts.push({ text: text.slice(at, r[0]), mark: false });
      parts.push({ text: text.slice(r[0], r[1]), mark: true });
      at = r[1];
    });
    if (at < text.length) parts.push({ text: text.slice(at), mark: false });
    return parts;
  }

  /**
   * The snippet: of an article's passages, the one where most clauses occur, then most
   * occurrences (the first among equals), marked; the first passage when none has a match
   * (the query found the title or a tag).
   */
  function snippet(passages, clauses) {
    var best = 0, bestScore = 0;
    passages.forEach(function (text, i) {
      var f = find(text, clauses), s = f.distinct * 1000 + f.count;
      if (s > bestScore) { best = i; bestScore = s; }
    });
    return passages.length ? highlight(passages[best], clauses) : [];
  }

  var api = { fold: fold, lower: lower, words: words, key: key, parse: parse, shardsFor: shardsFor,
              search: search, highlight: highlight, snippet: snippet };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.BantinSearch = api;
})(this);
