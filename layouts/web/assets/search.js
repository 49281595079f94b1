// Client-side search over search.json, built by Bantin. Matching ignores tones and đ:
// "viet nam" finds "Việt Nam". The folding below is the same as the one that built the index.
"use strict";
(function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var status = document.getElementById("status");
  var index = [];
  function show(query) {
    list.textContent = "";
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) { status.textContent = ""; return; }
    var hits = index.filter(function (a) {
      return words.every(function (w) { return a.k.indexOf(w) !== -1; });
    });
    status.textContent = hits.length ? hits.length + " bài viết" : "Không tìm thấy bài nào.";
    hits.slice(0, 50).forEach(function (a) {
      var li = document.createElement("li"); li.className = "card";
      var div = document.createElement("div");
      var h = document.createElement("h2"); var link = document.createElement("a");
      link.href = "../" + a.u; link.textContent = a.t; h.appendChild(link);
      var meta = document.createElement("p"); meta.className = "byline"; meta.textContent = a.l + " · " + a.d;
      var p = document.createElement("p"); p.textContent = a.s;
      div.appendChild(h); div.appendChild(meta); div.appendChild(p); li.appendChild(div); list.appendChild(li);
    });
  }
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) input.value = params.get("q");
  fetch("../search.json").then(function (r) { return r.json(); }).then(function (data) {
    index = data;
    show(input.value);
  }).catch(function () { status.textContent = "Không tải được chỉ mục tìm kiếm."; });
  input.addEventListener("input", function () { show(input.value); });
})();
