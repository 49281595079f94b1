#!/usr/bin/env python3
"""`make webcheck`: loads every page of out/web in headless Chromium at 390 px and 1280 px wide
and fails if any scrolls horizontally; saves screenshots of a few pages to look at.

    webcheck.py OUT_WEB_DIR REPORT_DIR"""
import json, os, subprocess, sys

web, report = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
os.makedirs(report, exist_ok=True)
pages = sorted(os.path.relpath(os.path.join(d, f), web) for d, _, fs in os.walk(web) for f in fs if f.endswith(".html"))
chromium = next((c for c in ("chromium", "chromium-browser", "google-chrome") if subprocess.run(["which", c], capture_output=True).returncode == 0), None)
if not chromium:
    sys.exit("webcheck: no Chromium found (make webcheck installs Debian's chromium)")

# A harness page loads each page in an iframe of the given width and measures its scroll width.
harness = os.path.join(report, "harness.html")
with open(harness, "w", encoding="utf-8") as f:
    f.write("""<!doctype html><meta charset="utf-8"><body><pre id="out"></pre><script>
const pages = %s, base = %s, widths = [390, 1280], results = [];
function next(i) {
  if (i >= pages.length * widths.length) { document.getElementById("out").textContent = "RESULT " + JSON.stringify(results); return; }
  const page = pages[i %% pages.length], width = widths[Math.floor(i / pages.length)];
  const frame = document.createElement("iframe");
  frame.style.width = width + "px"; frame.style.height = "900px"; frame.style.border = "0";
  frame.onload = () => {
    const d = frame.contentDocument.documentElement;
    results.push({page, width, scrollWidth: d.scrollWidth, clientWidth: d.clientWidth});
    frame.remove(); next(i + 1);
  };
  frame.src = base + page;
  document.body.appendChild(frame);
}
next(0);
</script>""" % (json.dumps(pages), json.dumps("file://" + web + "/")))

flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files"]
dom = subprocess.run([chromium, *flags, "--virtual-time-budget=60000", "--dump-dom", "file://" + harness],
                     capture_output=True, text=True, timeout=300).stdout
start = dom.find("RESULT ")
if start < 0:
    sys.exit("webcheck: the harness did not finish")
results = json.loads(dom[start + 7:dom.index("</pre>", start)].replace("&quot;", '"'))
bad = [r for r in results if r["scrollWidth"] > r["clientWidth"] + 1]
for r in results:
    mark = "SCROLLS" if r in bad else "ok"
    print(f"{mark:8} {r['width']:5} px  {r['page']}  (content {r['scrollWidth']} px)")

# Screenshots to look at: the archive, an issue page and one article, at both widths.
article = next((p for p in pages if p.count("/") == 2), pages[0])
for page in ["index.html", next((p for p in pages if p.endswith("/index.html") and p.count("/") == 1 and not p.startswith("search")), "index.html"), article]:
    for width, height in ((390, 844), (1280, 900)):
        name = page.replace("/", "_").replace(".html", "") + f"-{width}.png"
        subprocess.run([chromium, *flags, f"--window-size={width},{height}", f"--screenshot={os.path.join(report, name)}",
                        "file://" + os.path.join(web, page)], capture_output=True, timeout=120)
print(f"{len(results)} page loads, {len(bad)} with horizontal scrolling; screenshots in {report}")
sys.exit(1 if bad else 0)
