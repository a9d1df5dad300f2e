#!/usr/bin/env python3
"""Page load to first graph, in headless Chromium, on a geokg database.

  /usr/bin/python3 bench/page_load.py --geokg build/cli/geokg --db out/demo.db [--runs 10] [--actor NAME]

Starts `geokg serve --port 0` and one Chromium, then loads the explorer
--runs times (a new tab each time), reading the page's own mark: the time
from navigation start to the first graph drawn (document.body.dataset.
firstGraphMs, performance.now() when the first neighbourhood is in the DOM).
The first load of a fresh browser is reported apart (cold), then the
median, min and max of the others. Prints one JSON line.
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "browser"))
import explorer_test as b  # noqa: E402  (the browser test's helpers)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--geokg", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--actor", default="", help="center the view on this actor (else the most mentioned)")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="geokg-pageload-")
    served = b.Served(args.geokg, args.db, os.path.join(tmp, "serve.log"))
    driver = None
    try:
        url = served.url
        if args.actor:
            found = served.api("/api/search?q=" + urllib.parse.quote(args.actor))
            url += "#a=" + found["actor"]["id"]
        driver = b.start_chromium(os.path.join(tmp, "profile"))
        times = []
        for i in range(args.runs + 1):
            if i > 0:
                driver.switch_to.new_window("tab")
            driver.get(url)
            b.wait(driver, "the first graph", lambda d: b.body(d, "firstGraphMs") is not None)
            times.append(float(b.body(driver, "firstGraphMs")))
            nodes = int(b.body(driver, "nodes") or 0)
        warm = times[1:]
        print(json.dumps({"system": "geokg-serve", "query": "_page_first_graph", "db": args.db,
                          "cold_ms": times[0], "p50_ms": statistics.median(warm), "min_ms": min(warm),
                          "max_ms": max(warm), "n": len(warm), "nodes": nodes}))
    finally:
        if driver is not None:
            driver.quit()
        served.stop()


if __name__ == "__main__":
    main()
