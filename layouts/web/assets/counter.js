// The view counters of `bantin serve --site`: reports this page to the site's own counting API
// (same origin: the pages' CSP allows `connect-src 'self'` only) and shows what it answers —
// "Lượt xem" under an article's date, the three visit figures in the footer. On a static host
// (no API: 404, 405, an error or no network) the counters stay hidden and nothing else changes.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) return;
  // The site's root is the folder above this script's `assets/`, wherever the site is mounted.
  var root = new URL(".", new URL("..", script.src));
  var path = location.pathname.replace(/index\.html$/, "");
  if (path.indexOf(root.pathname) !== 0) return;
  var page = decodeURIComponent(path.slice(root.pathname.length));

  // 18124 → "18.124", as Vietnamese writes thousands.
  function format(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function fill(name, value) {
    var spans = document.querySelectorAll('[data-count="' + name + '"]');
    for (var i = 0; i < spans.length; i++) spans[i].textContent = format(value);
  }

  function show(selector) {
    var line = document.querySelector(selector);
    if (line) line.hidden = false;
  }

  fetch(new URL("api/views", root).href, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ page: page }),
    credentials: "omit",
    cache: "no-store"
  }).then(function (response) {
    if (!response.ok) return null;
    return response.json();
  }).then(function (counts) {
    if (!counts || typeof counts.total !== "number") return;
    if (typeof counts.views === "number") {
      fill("views", counts.views);
      show("p.views");
    }
    fill("today", counts.today);
    fill("week", counts.week);
    fill("total", counts.total);
    show("p.counters");
  }).catch(function () {});
})();
