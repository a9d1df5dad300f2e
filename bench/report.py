#!/usr/bin/python3
"""Turns bench/out/results.jsonl (written by bench/run.sh) into the Markdown
tables printed at the end of a run and pasted into bench/README.md.

usage: /usr/bin/python3 bench/report.py RESULTS.jsonl
"""
import json
import statistics
import sys

QUERIES = [  # (query, group, target p50 ms or None, label)
    ("neighbors1", "tail", 1.0, "neighbours depth 1, tail actors"),
    ("neighbors1", "hub", 20.0, "neighbours depth 1, hubs (1,000 rows)"),
    ("neighbors2", "tail", None, "neighbours depth 2, tail actors (1,000 rows)"),
    ("neighbors2", "hub", None, "neighbours depth 2, hubs (1,000 rows)"),
    ("timeline_year", "tail", 5.0, "one-year timeline, tail actors"),
    ("timeline_year", "hub", 5.0, "one-year timeline, hubs"),
    ("timeline_pair", "pair", None, "pair timeline (pairs with events)"),
    ("path", "random", 50.0, "shortest path, random pairs (<= 4 hops)"),
    ("dot2", "tail", None, "2-hop DOT export, tail (<= 2,000 nodes)"),
    ("dot2", "hub", None, "2-hop DOT export, hubs (<= 2,000 nodes)"),
]


def fmt(x, digits=2):
    if x is None:
        return "-"
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.{digits}f}" if x >= 0.1 else f"{x:.3f}"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "-"
    return f"{a / b:.2f}"


def main():
    rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip().startswith("{")]
    by = {}
    for r in rows:
        by.setdefault((r.get("system"), r.get("query"), r.get("group")), []).append(r)

    def one(system, query, group=None):
        v = by.get((system, query, group))
        return v[0] if v else None

    out = []
    m = one("machine", "_machine")
    end = one("machine", "_machine_end")
    if m:
        out.append(f"## geokg benchmarks ({m['mode']} run)\n")
        out.append(f"Machine: {m['nproc']} cores, {m['cpu']}; load average {m['loadavg_start']:.1f} at "
                   f"start, {end['loadavg_end']:.1f} at end" if end else "")
        out.append(f"Graph: {m['events']:,} events among {m['actors']:,} actors, seed {m['seed']}; "
                   f"budget {m['budget_s']:.0f} s per (query, group, system).\n")

    ext = one("geokg", "_extract")
    ingest = [r for r in rows if r.get("query") == "_ingest"]
    if ext:
        out.append("### Extraction alone (one thread, no storage; `bench/extract_bench`)\n")
        out.append("| articles | MB of text | sentences | events | wall s | MB/s (wall) | MB/s per CPU-s "
                   "| articles/s | sentences/s | split: prepare / time / actors / events (s) |")
        out.append("|---|---|---|---|---|---|---|---|---|---|")
        out.append(f"| {ext['articles']:,} | {ext['bytes'] / 1e6:.1f} | {ext['sentences']:,} | "
                   f"{ext['events']:,} | {ext['seconds']:.2f} | {ext['mb_per_s']:.2f} | "
                   f"{ext.get('mb_per_cpu_s', 0):.2f} | {ext['articles_per_s']:,.0f} | "
                   f"{ext['sentences_per_s']:,.0f} | {ext['prepare_s']:.2f} / {ext['time_s']:.2f} / "
                   f"{ext['actors_s']:.2f} / {ext['events_s']:.2f} |")
        out.append("")
    if ingest:
        out.append("### Ingest (`geokg ingest -q -j N --db fresh.db`, end to end)\n")
        out.append("| threads | wall s | CPU s | MB/s | articles/s | sentences/s | events/s | peak RSS MB "
                   "| DB MB | events stored |")
        out.append("|---|---|---|---|---|---|---|---|---|---|")
        for r in sorted(ingest, key=lambda r: r["threads"]):
            w = r["wall_s"]
            mb = ext["bytes"] / 1e6 if ext else None
            ev = r.get("events")
            out.append(f"| {r['threads']} | {w:.1f} | {r['cpu_s']:.1f} | {fmt(mb / w if mb else None)} | "
                       f"{fmt(ext['articles'] / w if ext else None)} | "
                       f"{fmt(ext['sentences'] / w if ext else None)} | {fmt(ev / w if ev else None)} | "
                       f"{r['peak_rss_mb']:.0f} | {r.get('db_bytes', 0) / 1e6:.1f} | "
                       f"{ev if ev is not None else '-'} |")
        out.append("")

    gen = one("geokg", "_generate")
    if gen:
        out.append("### Synthetic graph (`bench/gen_graph`, through GraphStore::commit)\n")
        out.append("| events | actors (active) | articles | reports | top degree | commit s | articles/s "
                   "| reports/s | flush + compact s | peak RSS MB | DB MB |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|")
        out.append(f"| {gen['distinct_events']:,} | {gen['actors']:,} ({gen['active_actors']:,}) | "
                   f"{gen['articles']:,} | {gen['reports']:,} | {gen['top_degree']:,} | "
                   f"{gen['commit_seconds']:.0f} | {gen['articles_per_s']:,.0f} | "
                   f"{gen['reports_per_s']:,.0f} | {gen['flush_seconds'] + gen['compact_seconds']:.0f} | "
                   f"{gen['peak_rss_mb']:.0f} | {gen['db_bytes'] / 1e6:.0f} |")
        out.append("")

    if any(k[1] in {q for q, *_ in QUERIES} for k in by):
        out.append("### Queries: p50 / p99 in ms (ratio = geokg p50 / peer p50; < 1 means geokg is faster)\n")
        out.append("| query | geokg p50 | geokg p99 | NetworkX p50 | NetworkX p99 | SQLite p50 | SQLite p99 "
                   "| geokg/NX | geokg/SQLite | rows g/nx/sq | n g/nx/sq | target p50 |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for q, g, target, label in QUERIES:
            G, N, S = one("geokg", q, g), one("networkx", q, g), one("sqlite", q, g)
            if not G:
                continue
            p = lambda r, k: r[k] if r else None
            t = "-"
            if target is not None:
                t = f"<= {target:g} ({'met' if G['p50_ms'] <= target else 'MISSED'})"
            rows_s = "/".join(fmt(r["rows"], 1) if r else "-" for r in (G, N, S))
            n_s = "/".join(str(r["n"]) + ("t" + str(r["timeouts"]) if r and r.get("timeouts") else "")
                           if r else "-" for r in (G, N, S))
            out.append(f"| {label} | {fmt(G['p50_ms'])} | {fmt(G['p99_ms'])} | {fmt(p(N, 'p50_ms'))} | "
                       f"{fmt(p(N, 'p99_ms'))} | {fmt(p(S, 'p50_ms'))} | {fmt(p(S, 'p99_ms'))} | "
                       f"{ratio(G['p50_ms'], p(N, 'p50_ms'))} | {ratio(G['p50_ms'], p(S, 'p50_ms'))} | "
                       f"{rows_s} | {n_s} | {t} |")
        out.append("")

    cold = [r for r in rows if r.get("query") == "_cold"]
    proc = one("geokg", "_process")
    nl, sl = one("networkx", "_load"), one("sqlite", "_load")
    np_, sp = one("networkx", "_process"), one("sqlite", "_process")
    if cold or proc:
        out.append("### Open, load, memory\n")
        out.append("| figure | value | target |")
        out.append("|---|---|---|")
        for g in ("tail", "hub"):
            c = [r for r in cold if r.get("group") == g]
            if c:
                w = statistics.median(r["wall_s"] for r in c) * 1000
                rss = max(r["peak_rss_mb"] for r in c)
                out.append(f"| cold open + first query (`geokg neighbors NAME --limit 20`, new process), "
                           f"{g}, median of {len(c)} | {w:.0f} ms (peak RSS {rss:.0f} MB) | <= 300 ms "
                           f"({'met' if w <= 300 else 'MISSED'}) |")
        if proc:
            out.append(f"| query process (query_bench, every query above): open | {proc['open_ms']:.1f} ms | |")
            out.append(f"| query process peak RSS | {proc['peak_rss_mb']:.0f} MB | <= 200 MB "
                       f"({'met' if proc['peak_rss_mb'] <= 200 else 'MISSED'}) |")
        if nl:
            out.append(f"| NetworkX load (TSV -> MultiDiGraph) + undirected copy | {nl['seconds']:.1f} s + "
                       f"{nl['undirected_copy_seconds']:.1f} s | |")
        if np_:
            out.append(f"| NetworkX process peak RSS | {np_['peak_rss_mb']:.0f} MB | |")
        if sl:
            out.append(f"| SQLite load (TSV -> table + 3 indexes + ANALYZE) | {sl['seconds']:.1f} s, "
                       f"{sl['db_mb']:.0f} MB file | |")
        if sp:
            out.append(f"| SQLite process peak RSS | {sp['peak_rss_mb']:.0f} MB | |")
        ci = one("geokg", "_cold_stats_ingest")
        if ci:
            out.append(f"| `geokg stats` on the ingested database (new process) | {ci['wall_s'] * 1000:.0f} ms "
                       f"(peak RSS {ci['peak_rss_mb']:.0f} MB) | |")
        out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
