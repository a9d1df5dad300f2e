#!/usr/bin/env python3
"""The explorer in a real browser: headless Chromium driven by Selenium.

Builds the examples/ graph with `geokg ingest` and the hostile-article graph
with geokg_fixture_db, starts `geokg serve --port 0` on each, and checks what
a person would: search "Blinken", see Wang Yi among the neighbours, click the
Blinken-Wang Yi edge and read the evidence sentence, move the date slider and
see the 2023 events go, open the permalink in a fresh page and get the same
view; on the hostile graph, every name, sentence, title and URL shows as text
(no alert, no element injected, no javascript: link).

Exit 0 when every check passes, 1 on a failure, 77 (CTest's skip code) with
a message when Chromium, its driver or Selenium cannot start here.
Screenshots go to --out. Waits are explicit (conditions with generous
deadlines), never sleeps, so a loaded machine only makes it slower.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse
import urllib.request

SKIP = 77
WAIT_S = 90   # per condition; generous for a loaded 2-core machine

try:
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException, TimeoutException, WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as e:   # pragma: no cover - depends on the machine
    print("SKIPPED: browser tests need python3-selenium (scripts/setup.sh installs it): %s" % e)
    sys.exit(SKIP)


def skip(why):
    print("SKIPPED: browser tests: " + why)
    sys.exit(SKIP)


# ---- the server ---------------------------------------------------------------------------

class Served:
    """`geokg serve --port 0` on a database; .url once it listens."""

    def __init__(self, geokg, db, log):
        self.log = open(log, "w")
        self.proc = subprocess.Popen([geokg, "serve", "--db", db, "--port", "0", "--verbose"],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()   # "geokg explorer: http://127.0.0.1:PORT/"
        if not line.startswith("geokg explorer: "):
            raise RuntimeError("geokg serve did not start (see %s): %r" % (log, line))
        self.url = line.split(": ", 1)[1].strip()

    def api(self, path):
        with urllib.request.urlopen(self.url.rstrip("/") + path, timeout=60) as r:
            return json.load(r)

    def stop(self):
        self.proc.terminate()
        try:
            code = self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = "killed"
        self.log.close()
        return code


# ---- the browser --------------------------------------------------------------------------

def start_chromium(profile_dir):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    if not chromium or not driver:
        skip("chromium and chromium-driver are not installed (scripts/setup.sh installs them)")
    o = webdriver.ChromeOptions()
    o.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,900", "--user-data-dir=" + profile_dir):
        o.add_argument(flag)
    try:
        d = webdriver.Chrome(service=Service(driver), options=o)
    except WebDriverException as e:
        skip("Chromium cannot start here: %s" % str(e).splitlines()[0])
    d.set_page_load_timeout(WAIT_S)
    d.set_script_timeout(WAIT_S)
    return d


def wait(driver, what, condition, timeout=WAIT_S):
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: condition(d))
    except TimeoutException:
        raise AssertionError("timed out after %ds waiting for %s" % (timeout, what))


def body(driver, key):
    return driver.execute_script("return document.body.dataset[arguments[0]] || null", key)


def renders(driver):
    return int(body(driver, "renders") or 0)


def idle_after(driver, before, what):
    """Waits until the page drew again since `before` renders and no request is pending."""
    wait(driver, what, lambda d: renders(d) > before and body(d, "busy") == "0")


def idle(driver, what):
    wait(driver, what, lambda d: body(d, "busy") == "0" and renders(d) > 0)


def node_names(driver):
    return set(driver.execute_script(
        "return Array.from(document.querySelectorAll('g.node')).map(n => n.dataset.name)"))


def center_name(driver):
    return driver.execute_script(
        "const c = document.querySelector('g.node.center'); return c ? c.dataset.name : null")


def edges(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('g.edge')).map(e => Object.assign({}, e.dataset))")


def no_alert(driver):
    try:
        a = driver.switch_to.alert
        text = a.text
        a.dismiss()
        raise AssertionError("an alert opened: %r" % text)
    except NoAlertPresentException:
        pass


# ---- the checks ---------------------------------------------------------------------------

def check_search_neighbours_evidence_dates_permalink(driver, served, shots):
    driver.get(served.url)
    idle(driver, "the first graph")
    first_ms = body(driver, "firstGraphMs")
    print("page load to first graph: %s ms (examples graph)" % first_ms)

    # Search "Blinken" and take the suggestion.
    box = driver.find_element(By.ID, "search")
    box.send_keys("Blinken")
    wait(driver, "a suggestion for Blinken", lambda d: any(
        li.text.startswith("Antony Blinken") for li in d.find_elements(By.CSS_SELECTOR, "#search-list li")))
    before = renders(driver)
    box.send_keys(Keys.ENTER)
    wait(driver, "Antony Blinken at the center", lambda d: center_name(d) == "Antony Blinken")
    idle_after(driver, before, "Blinken's neighbourhood")
    assert "Wang Yi" in node_names(driver), node_names(driver)
    ids = driver.execute_script(
        "const m = {}; document.querySelectorAll('g.node').forEach(n => m[n.dataset.name] = n.dataset.id); return m")
    blinken, wang = ids["Antony Blinken"], ids["Wang Yi"]

    # Click the Blinken - Wang Yi edge: the evidence sentence shows, actors marked.
    edge = driver.find_element(By.CSS_SELECTOR, 'g.edge[data-key="%s~%s"] line.hit' % tuple(sorted([blinken, wang])))
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", edge)
    wait(driver, "the evidence panel", lambda d: d.find_element(By.ID, "evidence-panel").is_displayed()
         and d.find_elements(By.CSS_SELECTOR, "#evidence .report .sentence"))
    wait(driver, "the evidence loaded", lambda d: body(d, "busy") == "0")
    sentences = [s.text for s in driver.find_elements(By.CSS_SELECTOR, "#evidence .report .sentence")]
    assert any("Wang" in s and "Blinken" in s for s in sentences), sentences
    marks = {m.text for m in driver.find_elements(By.CSS_SELECTOR, "#evidence .sentence mark")}
    assert "Blinken" in marks, marks
    assert driver.find_element(By.ID, "timeline-title").text.startswith("Antony Blinken and Wang Yi"), \
        driver.find_element(By.ID, "timeline-title").text
    driver.save_screenshot(os.path.join(shots, "explorer-evidence.png"))

    # Two hops: the 2023 events (Biden - Xi talks, the balloon) come in.
    before = renders(driver)
    driver.find_element(By.CSS_SELECTOR, "#depth option[value='2']").click()
    idle_after(driver, before, "the depth-2 neighbourhood")
    in_2023 = [e for e in edges(driver) if e["last"].startswith("2023")]
    assert in_2023, edges(driver)
    assert "Joe Biden" in node_names(driver), node_names(driver)
    wait(driver, "the layout settled", lambda d: body(d, "settled") == "1")
    driver.save_screenshot(os.path.join(shots, "explorer-depth2.png"))

    # Move the start of the date range into 2024: the 2023 events go.
    slider = driver.find_element(By.ID, "date-from")
    label = driver.find_element(By.ID, "date-from-label")
    assert label.text < "2024-01", label.text
    before = renders(driver)
    for _ in range(300):
        if label.text >= "2024-01":
            break
        slider.send_keys(Keys.ARROW_RIGHT)
    assert label.text >= "2024-01", label.text
    idle_after(driver, before, "the graph redrawn for 2024")
    wait(driver, "no edge left that ended before 2024",
         lambda d: all(e["last"] >= "2024" for e in edges(d)) and body(d, "busy") == "0")
    assert "Joe Biden" not in node_names(driver), node_names(driver)
    assert "Wang Yi" in node_names(driver)
    view = {"nodes": node_names(driver), "from": label.text,
            "to": driver.find_element(By.ID, "date-to-label").text,
            "depth": driver.find_element(By.ID, "depth").get_attribute("value"),
            "center": center_name(driver),
            "evidence": [s.text for s in driver.find_elements(By.CSS_SELECTOR, "#evidence .report .sentence")]}
    assert view["evidence"], "the evidence panel emptied"
    link = driver.current_url
    assert "#" in link and "f=2024" in link, link

    # The permalink in a fresh page gives the same view.
    first = driver.current_window_handle
    driver.switch_to.new_window("tab")
    driver.get(link)
    idle(driver, "the permalink's graph")
    wait(driver, "the permalink's evidence", lambda d: d.find_elements(By.CSS_SELECTOR, "#evidence .report .sentence")
         and body(d, "busy") == "0")
    again = {"nodes": node_names(driver), "from": driver.find_element(By.ID, "date-from-label").text,
             "to": driver.find_element(By.ID, "date-to-label").text,
             "depth": driver.find_element(By.ID, "depth").get_attribute("value"),
             "center": center_name(driver),
             "evidence": [s.text for s in driver.find_elements(By.CSS_SELECTOR, "#evidence .report .sentence")]}
    assert again == view, "permalink view differs:\n  %r\n  %r" % (view, again)
    driver.save_screenshot(os.path.join(shots, "explorer-permalink.png"))
    driver.close()
    driver.switch_to.window(first)
    no_alert(driver)


def check_path_finder(driver, served, shots):
    driver.get(served.url + "#a=" + served.api("/api/search?q=Blinken")["actor"]["id"])
    idle(driver, "Blinken's graph")
    for field, name in (("path-from", "Sergei Shoigu"), ("path-to", "Antony Blinken")):
        box = driver.find_element(By.ID, field)
        box.clear()
        box.send_keys(name)
    before = renders(driver)
    driver.find_element(By.ID, "path-go").click()
    wait(driver, "a path", lambda d: d.find_elements(By.CSS_SELECTOR, "#path ol li"))
    idle_after(driver, before, "the path drawn")
    hops = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#path ol li")]
    assert hops[0].startswith("Sergei Shoigu"), hops
    on_path = driver.execute_script("return document.querySelectorAll('g.node.on-path').length")
    assert on_path >= 3, on_path


def check_hostile_article(driver, served, shots):
    hostile = served.api("/api/search?resolve=1&q=" + urllib.parse.quote("<script"))
    script = hostile["matches"][0]
    assert script["name"].startswith("<script>"), script
    driver.get(served.url + "#a=" + script["id"])
    idle(driver, "the hostile actor's graph")
    names = node_names(driver)
    expected = {script["name"], "<img src=x onerror=\"document.body.dataset.pwned='img';alert(1)\">",
                "O'Neil \"&amp;\" <b>Bold</b> Front"}
    assert expected <= names, names
    # The labels are text: what the page shows is the name itself, cut to fit.
    labels = driver.execute_script(
        "return Array.from(document.querySelectorAll('g.node text')).map(t => t.textContent)")
    assert any(l.startswith("<script>") for l in labels), labels
    # Evidence of the hostile meeting: sentence, title, publisher as text, no link.
    ids = {n["name"]: n["id"] for n in served.api("/api/neighbors/" + script["id"])["nodes"]}
    img = [i for n, i in ids.items() if n.startswith("<img")][0]
    edge = driver.find_element(By.CSS_SELECTOR, 'g.edge[data-key="%s~%s"] line.hit' % tuple(sorted([script["id"], img])))
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", edge)
    wait(driver, "the hostile evidence", lambda d: d.find_elements(By.CSS_SELECTOR, "#evidence .report .sentence")
         and body(d, "busy") == "0")
    sentence = driver.execute_script(
        "return document.querySelector('#evidence .report .sentence').textContent")
    assert sentence.startswith("<script>document.body.dataset.pwned='script'</script> met <img"), sentence
    source = driver.find_element(By.CSS_SELECTOR, "#evidence .report .source-line").text
    assert "<b onmouseover=alert(1)>Evil Wire</b>" in source and "<img src=x onerror=alert('title')>" in source, source
    # Search suggestions too.
    box = driver.find_element(By.ID, "search")
    box.send_keys("<img")
    wait(driver, "a hostile suggestion", lambda d: any(
        li.text.startswith("<img") for li in d.find_elements(By.CSS_SELECTOR, "#search-list li")))
    driver.save_screenshot(os.path.join(shots, "explorer-hostile.png"))
    # Nothing ran, nothing was injected, nothing links to javascript:.
    no_alert(driver)
    assert body(driver, "pwned") is None, body(driver, "pwned")
    injected = driver.execute_script(
        "return document.querySelectorAll('img, iframe, object, embed, b, i, u, em, #evidence a, "
        "a[href^=\"javascript\" i]').length")
    assert injected == 0, injected
    scripts = driver.execute_script("return Array.from(document.scripts).map(s => s.getAttribute('src'))")
    assert scripts == ["/d3.min.js", "/leaflet.min.js", "/app.js"], scripts


def check_map(driver, served, shots):
    """The map shows one point per place of the United States' events, as /api/places
    counts them, on a 30-degree graticule; the profile lists where it acted."""
    found = served.api("/api/search?q=United%20States&limit=1")["actor"]
    expected = served.api("/api/places?actor=%s" % found["id"])
    assert len(expected["places"]) >= 2, "the examples place too few of the United States' events: %r" % expected
    driver.get(served.url + "#a=" + found["id"])
    idle(driver, "the United States' graph")
    wait(driver, "the map's points", lambda d: len(d.find_elements(By.CSS_SELECTOR, "#map path.map-place"))
         == len(expected["places"]))
    points = driver.execute_script(
        "return Array.from(document.querySelectorAll('#map path.map-place'))"
        ".map(p => [p.dataset.name, Number(p.dataset.events)])")
    assert sorted(map(tuple, points)) == sorted((p["name"], p["events"]) for p in expected["places"]), points
    # 7 parallels (-90..90) and 13 meridians (-180..180), and no tile image: offline.
    lines = driver.execute_script("return document.querySelectorAll('#map path.graticule').length")
    assert lines == 20, lines
    tiles = driver.execute_script("return document.querySelectorAll('#map img').length")
    assert tiles == 0, tiles
    # textContent, not .text: the panel headings are upper-cased by CSS.
    title = driver.find_element(By.ID, "map-title").get_attribute("textContent")
    assert title.startswith("%d place" % expected["total_places"]), title
    # A point sits where its coordinates say: the busiest place's marker lies
    # in the map's pixel for its latitude and longitude.
    top = expected["places"][0]
    spot = driver.execute_script(
        "const p = Array.from(document.querySelectorAll('#map path.map-place')).find(x => x.dataset.name === arguments[0]);"
        "const r = p.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];", top["name"])
    map_box = driver.execute_script(
        "const r = document.getElementById('map').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]")
    assert map_box[0] <= spot[0] <= map_box[0] + map_box[2] and map_box[1] <= spot[1] <= map_box[1] + map_box[3], (spot, map_box)
    # East of the prime meridian is right of the map's centre, north above it.
    centre_x, centre_y = map_box[0] + map_box[2] / 2, map_box[1] + map_box[3] / 2
    assert (spot[0] > centre_x) == (top["lon"] > 0), (spot, map_box, top)
    assert (spot[1] < centre_y) == (top["lat"] > 0), (spot, map_box, top)
    # The profile's "where it acted" lists the same busiest places.
    wait(driver, "the profile's places", lambda d: d.find_elements(By.CSS_SELECTOR, "#profile table.places tr"))
    listed = driver.execute_script(
        "return Array.from(document.querySelectorAll('#profile table.places tr')).map(r => r.dataset.place)")
    assert listed == [p["name"] for p in expected["places"][:len(listed)]], (listed, expected["places"])
    driver.save_screenshot(os.path.join(shots, "map.png"))
    no_alert(driver)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--geokg", required=True)
    ap.add_argument("--fixture", required=True, help="the geokg_fixture_db tool")
    ap.add_argument("--source", required=True, help="the source tree (examples/)")
    ap.add_argument("--out", required=True, help="directory for screenshots and server logs")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="geokg-browser-")
    servers, driver = [], None
    passed = failed = 0
    try:
        examples = os.path.join(tmp, "examples.db")
        articles = sorted(glob.glob(os.path.join(args.source, "examples", "*.txt")))
        subprocess.run([args.geokg, "ingest", "-q", "--db", examples] + articles, check=True)
        hostile = os.path.join(tmp, "hostile.db")
        subprocess.run([args.geokg, "ingest", "-q", "--db", hostile] + articles, check=True)
        subprocess.run([args.fixture, hostile], check=True)
        servers = [Served(args.geokg, examples, os.path.join(args.out, "serve-examples.log")),
                   Served(args.geokg, hostile, os.path.join(args.out, "serve-hostile.log"))]
        driver = start_chromium(os.path.join(tmp, "profile"))
        checks = [(check_search_neighbours_evidence_dates_permalink, servers[0]),
                  (check_path_finder, servers[0]),
                  (check_map, servers[0]),
                  (check_hostile_article, servers[1])]
        for check, served in checks:
            start = time.time()
            try:
                check(driver, served, args.out)
                passed += 1
                print("ok   %s (%.1f s)" % (check.__name__, time.time() - start))
            except Exception:   # one failing check does not hide the others
                failed += 1
                print("FAIL %s (%.1f s)" % (check.__name__, time.time() - start))
                traceback.print_exc()
                try:
                    driver.save_screenshot(os.path.join(args.out, "FAILED-%s.png" % check.__name__))
                except WebDriverException:
                    pass
        print("screenshots in " + args.out)
    finally:
        if driver is not None:
            driver.quit()
        for s in servers:
            code = s.stop()
            if code != 0:
                print("FAIL geokg serve exited %s on SIGTERM" % code)
                failed += 1
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
