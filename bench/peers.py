#!/usr/bin/python3
"""The peers: the same graph loaded into NetworkX or SQLite, answering the
same queries on the same samples as bench/query_bench.cpp.

usage: /usr/bin/python3 bench/peers.py --system networkx|sqlite --prefix PREFIX
                                       [--budget SECONDS] [--limit N] [--dot-nodes N]
                                       [--sqlite-db FILE] [--timeout SECONDS]

Reads PREFIX.actors.tsv, PREFIX.edges.tsv and PREFIX.samples.tsv (gen_graph).
Negated / hypothetical events (flagged=1) are left out, as geokg's queries
leave them out by default. Prints one JSON object per (query, group), in the
shape query_bench prints, plus a "_load" line (load time, peak RSS).

What each peer computes (the same questions, answered the way a competent
user of that tool would):
  neighbors1     counterparts of an actor, most events first, top --limit
  neighbors2     nodes within 2 hops, nearest first (NetworkX also ranks by
                 events to nearer nodes like geokg; SQLite: recursive CTE,
                 depth then id), top --limit
  timeline_year  an actor's events in one calendar year, by date, with names
  timeline_pair  the events between two actors, by date, with names
  path           shortest undirected path, at most 4 hops (NetworkX: the
                 path; SQLite: recursive-CTE BFS, the distance only)
  dot2           2-hop ego network capped at --dot-nodes nodes, written as DOT
"""

import argparse
import json
import os
import resource
import sqlite3
import sys
import time
from collections import Counter, deque


def percentile(values, p):
    if not values:
        return 0.0
    v = sorted(values)
    rank = max(1, min(len(v), int(p / 100.0 * len(v) + 0.999999)))
    return v[rank - 1]


def emit(system, query, group, ms, rows, errors=0, extra=None):
    out = {"system": system, "query": query, "group": group, "n": len(ms),
           "p50_ms": round(percentile(ms, 50), 4), "p99_ms": round(percentile(ms, 99), 4),
           "mean_ms": round(sum(ms) / len(ms), 4) if ms else 0.0,
           "rows": round(rows / len(ms), 1) if ms else 0.0, "errors": errors}
    if extra:
        out.update(extra)
    print(json.dumps(out), flush=True)


def run(system, query, group, samples, budget, fn):
    if not samples:
        return
    ms, rows, errors, timeouts = [], 0, 0, 0
    start = time.perf_counter()
    for s in samples:
        t0 = time.perf_counter()
        try:
            r = fn(s)
        except TimeoutError:
            r, timeouts = 0, timeouts + 1
        except Exception as e:  # a failed query is counted, not fatal
            print(f"peers: {system} {query}: {e}", file=sys.stderr)
            r, errors = 0, errors + 1
        ms.append((time.perf_counter() - t0) * 1000.0)
        rows += r
        if time.perf_counter() - start > budget:
            break
    emit(system, query, group, ms, rows, errors, {"timeouts": timeouts} if timeouts else None)


def read_inputs(prefix):
    names, kinds = [], []
    with open(prefix + ".actors.tsv", encoding="utf-8") as f:
        for line in f:
            idx, _hex, kind, name = line.rstrip("\n").split("\t")
            names.append(name)
            kinds.append(kind)
    samples = {"hub": [], "tail": [], "pair": [], "path": []}
    with open(prefix + ".samples.tsv", encoding="utf-8") as f:
        for line in f:
            kind, a, b, year = line.split()
            samples[kind].append((int(a), int(b), int(year)))
    return names, kinds, samples


def edge_rows(prefix):
    with open(prefix + ".edges.tsv", encoding="utf-8") as f:
        for i, line in enumerate(f):
            src, dst, date, cameo, _hex, flagged = line.rstrip("\n").split("\t")
            if flagged == "1":
                continue
            yield i, int(src), int(dst), int(date), cameo


def dot_text(names, nodes, edges):
    out = ["digraph geokg {"]
    for n in nodes:
        out.append('  n%d [label="%s"];' % (n, names[n].replace('"', '\\"')))
    for s, t, date, cameo in edges:
        out.append('  n%d -> n%d [label="%s\\n%d"];' % (s, t, cameo, date))
    out.append("}")
    return "\n".join(out)


# ---- NetworkX -------------------------------------------------------------------

def bench_networkx(args, names, samples):
    import networkx as nx
    t0 = time.perf_counter()
    g = nx.MultiDiGraph()
    g.add_nodes_from(range(len(names)))
    g.add_edges_from((s, d, i, {"date": date, "cameo": cameo})
                     for i, s, d, date, cameo in edge_rows(args.prefix))
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    ug = nx.Graph(g)  # simple undirected copy for paths and ego networks
    undirected_s = time.perf_counter() - t0
    print(json.dumps({"system": "networkx", "query": "_load", "seconds": round(load_s, 2),
                      "undirected_copy_seconds": round(undirected_s, 2),
                      "edges": g.number_of_edges(), "nodes": g.number_of_nodes(),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}),
          flush=True)

    def counterparts(a):
        c = Counter()
        for _, t in g.out_edges(a):
            c[t] += 1
        for s, _ in g.in_edges(a):
            c[s] += 1
        c.pop(a, None)
        return c

    def neighbors1(s):
        c = counterparts(s[0])
        ranked = sorted(c.items(), key=lambda kv: (-kv[1], names[kv[0]]))[:args.limit]
        return len([(names[n], k) for n, k in ranked])

    def neighbors2(s):
        a = s[0]
        d1 = counterparts(a)
        w2 = Counter()
        for n in d1:
            for m, k in counterparts(n).items():
                if m != a and m not in d1:
                    w2[m] += k
        ranked = sorted(d1.items(), key=lambda kv: (-kv[1], names[kv[0]]))
        ranked += sorted(w2.items(), key=lambda kv: (-kv[1], names[kv[0]]))
        return len([(names[n], k) for n, k in ranked[:args.limit]])

    def events_of(a, lo, hi):
        rows = []
        for s, t, k, d in g.out_edges(a, keys=True, data=True):
            if lo <= d["date"] <= hi:
                rows.append((d["date"], k, names[s], d["cameo"], names[t]))
        for s, t, k, d in g.in_edges(a, keys=True, data=True):
            if lo <= d["date"] <= hi and s != a:
                rows.append((d["date"], k, names[s], d["cameo"], names[t]))
        rows.sort()
        return rows

    def timeline_year(s):
        y = s[2]
        return len(events_of(s[0], y * 10000 + 101, y * 10000 + 1231))

    def timeline_pair(s):
        a, b = s[0], s[1]
        rows = []
        for x, y in ((a, b), (b, a)):
            if g.has_edge(x, y):
                for k, d in g[x][y].items():
                    rows.append((d["date"], k, names[x], d["cameo"], names[y]))
        rows.sort()
        return len(rows)

    def path(s):
        try:
            p = nx.bidirectional_shortest_path(ug, s[0], s[1])
        except nx.NetworkXNoPath:
            return 0
        return len(p) - 1 if len(p) - 1 <= 4 else 0

    def dot2(s):
        a = s[0]
        depth = {a: 0}
        q = deque([a])
        while q and len(depth) < args.dot_nodes:
            n = q.popleft()
            if depth[n] == 2:
                continue
            for m in ug.adj[n]:
                if m not in depth:
                    depth[m] = depth[n] + 1
                    q.append(m)
                    if len(depth) >= args.dot_nodes:
                        break
        edges = [(u, v, d["date"], d["cameo"]) for u, v, d in g.out_edges(depth, data=True)
                 if v in depth]
        dot_text(names, list(depth), edges)
        return len(depth)

    for depth, fn in ((1, neighbors1), (2, neighbors2)):
        for group in ("hub", "tail"):
            run("networkx", f"neighbors{depth}", group, samples[group], args.budget, fn)
    for group in ("hub", "tail"):
        run("networkx", "timeline_year", group, samples[group], args.budget, timeline_year)
    run("networkx", "timeline_pair", "pair", samples["pair"], args.budget, timeline_pair)
    run("networkx", "path", "random", samples["path"], args.budget, path)
    for group in ("hub", "tail"):
        run("networkx", "dot2", group, samples[group], args.budget, dot2)


# ---- SQLite -----------------------------------------------------------------------

def bench_sqlite(args, names, samples):
    path = args.sqlite_db
    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    t0 = time.perf_counter()
    db = sqlite3.connect(path)
    db.executescript("""
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        PRAGMA cache_size = -65536;
        CREATE TABLE actors (idx INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL);
        CREATE TABLE edges (id INTEGER PRIMARY KEY, src INTEGER NOT NULL, dst INTEGER NOT NULL,
                            date INTEGER NOT NULL, cameo TEXT NOT NULL);
    """)
    with open(args.prefix + ".actors.tsv", encoding="utf-8") as f:
        db.executemany("INSERT INTO actors VALUES (?, ?, ?)",
                       ((int(i), n, k) for i, _h, k, n in (l.rstrip("\n").split("\t") for l in f)))
    db.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?)", edge_rows(args.prefix))
    db.executescript("""
        CREATE INDEX edges_src_date ON edges (src, date);
        CREATE INDEX edges_dst_date ON edges (dst, date);
        CREATE INDEX edges_date ON edges (date);
        ANALYZE;
    """)
    db.commit()
    load_s = time.perf_counter() - t0
    print(json.dumps({"system": "sqlite", "query": "_load", "seconds": round(load_s, 2),
                      "db_mb": round(os.path.getsize(path) / 1e6, 1),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}),
          flush=True)

    deadline = [0.0]

    def progress():
        return 1 if time.perf_counter() > deadline[0] else 0

    db.set_progress_handler(progress, 10000)

    def q(sql, params):
        deadline[0] = time.perf_counter() + args.timeout
        try:
            return db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as e:
            if "interrupted" in str(e):
                raise TimeoutError() from e
            raise

    nb1_sql = """
        SELECT a.name, c.n FROM (
          SELECT other, count(*) AS n FROM (
            SELECT dst AS other FROM edges WHERE src = ?1
            UNION ALL SELECT src FROM edges WHERE dst = ?1)
          WHERE other != ?1 GROUP BY other) AS c
        JOIN actors a ON a.idx = c.other ORDER BY c.n DESC, a.name LIMIT ?2"""
    khop_sql = """
        WITH RECURSIVE hop(node, depth) AS (
          SELECT ?1, 0
          UNION SELECT e.dst, hop.depth + 1 FROM hop JOIN edges e ON e.src = hop.node
                WHERE hop.depth < ?2
          UNION SELECT e.src, hop.depth + 1 FROM hop JOIN edges e ON e.dst = hop.node
                WHERE hop.depth < ?2)
        SELECT a.name, h.d FROM (SELECT node, min(depth) AS d FROM hop GROUP BY node) AS h
        JOIN actors a ON a.idx = h.node WHERE h.node != ?1 ORDER BY h.d, h.node LIMIT ?3"""
    year_sql = """
        SELECT e.date, e.id, s.name, e.cameo, t.name FROM (
          SELECT * FROM edges WHERE src = ?1 AND date BETWEEN ?2 AND ?3
          UNION ALL
          SELECT * FROM edges WHERE dst = ?1 AND src != ?1 AND date BETWEEN ?2 AND ?3) AS e
        JOIN actors s ON s.idx = e.src JOIN actors t ON t.idx = e.dst ORDER BY e.date, e.id"""
    pair_sql = """
        SELECT e.date, e.id, s.name, e.cameo, t.name FROM (
          SELECT * FROM edges WHERE src = ?1 AND dst = ?2
          UNION ALL SELECT * FROM edges WHERE src = ?2 AND dst = ?1) AS e
        JOIN actors s ON s.idx = e.src JOIN actors t ON t.idx = e.dst ORDER BY e.date, e.id"""
    # Breadth-first (SQLite's recursive queue is FIFO); the outer LIMIT stops
    # the recursion as soon as the target comes out of the queue.
    path_sql = """
        WITH RECURSIVE bfs(node, depth) AS (
          SELECT ?1, 0
          UNION SELECT e.dst, bfs.depth + 1 FROM bfs JOIN edges e ON e.src = bfs.node
                WHERE bfs.depth < 4
          UNION SELECT e.src, bfs.depth + 1 FROM bfs JOIN edges e ON e.dst = bfs.node
                WHERE bfs.depth < 4)
        SELECT depth FROM bfs WHERE node = ?2 LIMIT 1"""
    dot_nodes_sql = """
        WITH RECURSIVE hop(node, depth) AS (
          SELECT ?1, 0
          UNION SELECT e.dst, hop.depth + 1 FROM hop JOIN edges e ON e.src = hop.node
                WHERE hop.depth < 2
          UNION SELECT e.src, hop.depth + 1 FROM hop JOIN edges e ON e.dst = hop.node
                WHERE hop.depth < 2)
        SELECT node FROM hop GROUP BY node ORDER BY min(depth), node LIMIT ?2"""
    db.execute("CREATE TEMP TABLE ego (node INTEGER PRIMARY KEY)")

    def dot2(s):
        nodes = [r[0] for r in q(dot_nodes_sql, (s[0], args.dot_nodes))]
        db.execute("DELETE FROM ego")
        db.executemany("INSERT INTO ego VALUES (?)", ((n,) for n in nodes))
        edges = q("""SELECT e.src, e.dst, e.date, e.cameo FROM ego JOIN edges e ON e.src = ego.node
                     WHERE e.dst IN ego""", ())
        dot_text(names, nodes, edges)
        return len(nodes)

    for group in ("hub", "tail"):
        run("sqlite", "neighbors1", group, samples[group], args.budget,
            lambda s: len(q(nb1_sql, (s[0], args.limit))))
    for group in ("hub", "tail"):
        run("sqlite", "neighbors2", group, samples[group], args.budget,
            lambda s: len(q(khop_sql, (s[0], 2, args.limit))))
    for group in ("hub", "tail"):
        run("sqlite", "timeline_year", group, samples[group], args.budget,
            lambda s: len(q(year_sql, (s[0], s[2] * 10000 + 101, s[2] * 10000 + 1231))))
    run("sqlite", "timeline_pair", "pair", samples["pair"], args.budget,
        lambda s: len(q(pair_sql, (s[0], s[1]))))

    def path(s):
        r = q(path_sql, (s[0], s[1]))
        return r[0][0] if r else 0
    run("sqlite", "path", "random", samples["path"], args.budget, path)
    for group in ("hub", "tail"):
        run("sqlite", "dot2", group, samples[group], args.budget, dot2)
    db.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--system", choices=("networkx", "sqlite"), required=True)
    ap.add_argument("--prefix", required=True)
    ap.add_argument("--budget", type=float, default=30.0,
                    help="seconds per (query, group) before stopping early (default 30)")
    ap.add_argument("--timeout", type=float, default=10.0,
                    help="SQLite: seconds before one query is interrupted (default 10)")
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--dot-nodes", type=int, default=2000)
    ap.add_argument("--sqlite-db", default=None)
    args = ap.parse_args()
    if args.sqlite_db is None:
        args.sqlite_db = args.prefix + ".sqlite"
    names, _kinds, samples = read_inputs(args.prefix)
    if args.system == "networkx":
        bench_networkx(args, names, samples)
    else:
        bench_sqlite(args, names, samples)
    print(json.dumps({"system": args.system, "query": "_process",
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}),
          flush=True)


if __name__ == "__main__":
    main()
