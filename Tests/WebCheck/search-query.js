// Runs the web edition's search engine — the built site's assets/search-core.js, the file the
// search page loads — on the site's index as the page does: docs.json, then only the shards a
// query needs, then the passages of the results it shows. For the tests:
//
//   node search-query.js WEB_DIR '[{"q": "hoi nghi", "typing": false}, …]'
//
// prints, per query, the results in order ({u, t, exact, score}), the shards loaded and the bytes
// a first query fetches (docs.json and those shards), and the first result's title and snippet
// as parts ({text, mark}).
"use strict";
const fs = require("fs");
const path = require("path");

const web = process.argv[2];
// The engine by the (hashed) name the search page gives it: assets/search-core.<hex>.js.
const page = fs.readFileSync(path.join(web, "search/index.html"), "utf8");
const named = page.match(/<script src="\.\.\/(assets\/search-core[^"]*\.js)"/);
if (!named) throw new Error("search/index.html names no assets/search-core script");
const core = require(path.resolve(web, named[1]));
const read = (file) => fs.readFileSync(path.join(web, "search", file));
const docsBytes = read("docs.json");
const manifest = JSON.parse(docsBytes);
const queries = JSON.parse(process.argv[3]);

const out = queries.map(({ q, typing }) => {
  const keys = core.shardsFor(core.parse(q, !!typing), manifest.shards);
  let bytes = docsBytes.length;
  const terms = {};
  for (const key of keys) {
    const data = read(`terms/${key}.json`);
    bytes += data.length;
    Object.assign(terms, JSON.parse(data));
  }
  const found = core.search(q, { docs: manifest.docs, terms }, { typing: !!typing });
  const results = found.results.map((r) => ({ u: manifest.docs[r.doc].u + "index.html", t: manifest.docs[r.doc].t, exact: r.exact, score: r.score }));
  const first = found.results[0];
  return {
    q, results, shards: keys, bytes,
    title: first ? core.highlight(manifest.docs[first.doc].t, found.clauses) : [],
    snippet: first ? core.snippet(JSON.parse(read(`text/${first.doc}.json`)), found.clauses) : [],
  };
});
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
