// The search page: reads the query, fetches the index files it needs (docs.json once, then the
// term shards the query's words are in, then the passages of the results shown) and shows the
// results with their snippets. Matching and ranking are search-core.js (BantinSearch), loaded
// before this script. Text from the index reaches the page only as textContent.
"use strict";
(function () {
  var core = window.BantinSearch;
  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var status = document.getElementById("status");
  var more = document.getElementById("more");
  var PAGE = 10;
  var manifest = null, shards = {}, texts = {};
  var asked = 0, shown = [], clauses = [], timer = 0;

  function get(path) {
    return fetch(path + "?v=" + (manifest ? manifest.v : "")).then(function (r) {
      if (!r.ok) throw new Error(path + ": " + r.status);
      return r.json();
    });
  }

  /** A shard or passages file, fetched once (the promise is kept, so twice asked is one fetch). */
  function shard(key) {
    return shards[key] || (shards[key] = get("terms/" + key + ".json").catch(function (e) { delete shards[key]; throw e; }));
  }

  function passages(doc) {
    return texts[doc] || (texts[doc] = get("text/" + doc + ".json").catch(function (e) { delete texts[doc]; throw e; }));
  }

  function run(query, typing) {
    var ticket = ++asked;
    var parsed = core.parse(query, typing);
    // Nothing to ask yet (an empty box, or one letter being typed): no results, no message.
    if (!parsed.length) { render("", { clauses: [], results: [] }); return; }
    var keys = core.shardsFor(parsed, manifest.shards);
    Promise.all(keys.map(shard)).then(function (loaded) {
      if (ticket !== asked) return;
      var terms = {};
      loaded.forEach(function (s) { for (var t in s) terms[t] = s[t]; });
      render(query, core.search(query, { docs: manifest.docs, terms: terms }, { typing: typing }));
    }).catch(function () {
      if (ticket === asked) status.textContent = "Không tải được chỉ mục tìm kiếm.";
    });
  }

  function render(query, found) {
    list.textContent = "";
    shown = found.results;
    clauses = found.clauses;
    more.hidden = true;
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = shown.length ? "Tìm thấy " + shown.length + " bài viết." : "Không tìm thấy bài nào.";
    page();
  }

  /** Shows the next PAGE results; each card's snippet comes when its passages arrive. */
  function page() {
    var from = list.children.length;
    shown.slice(from, from + PAGE).forEach(function (r) {
      var doc = manifest.docs[r.doc];
      var li = el("li", "card"), div = el("div"), h = el("h2"), link = el("a");
      link.href = "../" + doc.u + "index.html";
      marked(link, core.highlight(doc.t, clauses));
      h.appendChild(link);
      var meta = el("p", "byline");
      meta.textContent = manifest.issues[doc.i] + " · " + doc.n.split("-").reverse().join("/");
      var text = el("p", "snippet");
      div.appendChild(h); div.appendChild(meta); div.appendChild(text);
      li.appendChild(div); list.appendChild(li);
      var mine = clauses;
      passages(r.doc).then(function (p) { if (mine === clauses) marked(text, core.snippet(p, clauses)); }).catch(function () {});
    });
    more.hidden = list.children.length >= shown.length;
  }

  function el(name, className) {
    var e = document.createElement(name);
    if (className) e.className = className;
    return e;
  }

  /** Appends the parts to `node`: text as text, the matches in <mark>. */
  function marked(node, parts) {
    node.textContent = "";
    parts.forEach(function (part) {
      if (part.mark) {
        var m = el("mark");
        m.textContent = part.text;
        node.appendChild(m);
      } else {
        node.appendChild(document.createTextNode(part.text));
      }
    });
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) input.value = params.get("q");
  fetch("docs.json").then(function (r) {
    if (!r.ok) throw new Error("docs.json: " + r.status);
    return r.json();
  }).then(function (data) {
    manifest = data;
    if (input.value) run(input.value, false);
  }).catch(function () { status.textContent = "Không tải được chỉ mục tìm kiếm."; });

  // While typing the last word matches the words it begins; a pause of 150 ms between keys
  // fetches once for the word, not once a letter.
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { if (manifest) run(input.value, true); }, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    if (manifest) run(input.value, false);
  });
  more.addEventListener("click", page);
})();
