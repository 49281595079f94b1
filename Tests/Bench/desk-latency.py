#!/usr/bin/env python3
"""How long the desk takes to show a change (issue 13): `bantin serve` on a copy of the sample
issue, its event stream read as a browser reads it; an article is saved, then a layout value,
and each time the clock runs from the save to the build event that follows, which the server
sends once the new page images are drawn. Prints the medians. A benchmark, not a test.

usage: desk-latency.py BANTIN SITE_ROOT ISSUE_ID [RUNS]
"""
import http.client
import os
import queue
import re
import signal
import statistics
import subprocess
import sys
import threading
import time

bantin, root, issue = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5

server = subprocess.Popen([bantin, "serve", os.path.join(root, "issues", issue), "--port", "0", "--root", root,
                           "--out", os.path.join(root, "out")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
port = None
for line in server.stdout:
    match = re.match(r"serving http://127\.0\.0\.1:(\d+)/", line)
    if match:
        port = int(match.group(1))
        break
if port is None:
    sys.exit("bantin serve did not start")
threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()

events = queue.Queue()


def listen():
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/desk/events")
    response = connection.getresponse()
    while True:
        line = response.readline()
        if not line:
            return
        if line.startswith(b"data: "):
            events.put((time.monotonic(), line[6:].decode()))


threading.Thread(target=listen, daemon=True).start()
time.sleep(0.5)


def timed(change):
    """Seconds from the save to the next build event that redrew pages."""
    while not events.empty():
        events.get()
    start = time.monotonic()
    change()
    while True:
        at, data = events.get(timeout=60)
        if '"changed":[]' not in data:
            return at - start


article = os.path.join(root, "issues", issue, "articles", "09-tin-ngan.md")
layout = os.path.join(root, "layouts", "a4-two-column.yaml")


def edit_article(n):
    def change():
        with open(article, "a", encoding="utf-8") as f:
            f.write(f"\nCâu thử số {n} của bàn biên tập.\n")
    return change


def edit_layout(n):
    def change():
        text = open(layout, encoding="utf-8").read()
        old, new = ("gutter: 6mm", "gutter: 7mm") if n % 2 == 0 else ("gutter: 7mm", "gutter: 6mm")
        with open(layout, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new, 1))
    return change


try:
    articles = [timed(edit_article(n)) for n in range(runs)]
    layouts = [timed(edit_layout(n)) for n in range(runs)]
finally:
    server.send_signal(signal.SIGINT)
    server.wait(timeout=30)
print(f"desk, from saving an article to its new page image: median {statistics.median(articles):.3f} s "
      f"(min {min(articles):.3f}, max {max(articles):.3f})")
print(f"desk, from saving a layout value to every page image anew: median {statistics.median(layouts):.3f} s "
      f"(min {min(layouts):.3f}, max {max(layouts):.3f})")
