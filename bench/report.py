#!/usr/bin/env python3
"""Summarise the measurements bench/bench.sh collected: a table on stdout, the same as Markdown.

    python3 bench/report.py --work DIR --markdown FILE --date YYYY-MM-DD [--pathway EXE]
                            [--duckdb-version V] [--data DIR] [--as-of D] [--seed S]

Reads DIR/sets.tsv (label, status, bytes, rows, cat seconds, compare verdict) and DIR/runs.tsv
(label, tool, run, wall s, user s, system s, peak RSS KiB). A label is a set's folder in the cache:
N children as generated, or shuffled-N for the same set with every file's rows in random order.
Exit 3 when a target of the issue is missed on the 1,000,000-children set as generated (bench.sh
turns that into a failure under BENCH_STRICT=1).

Targets (issue "benchmark"), checked on every set but binding on 1,000,000 children as generated:
  wall       pathway median ≤ 1.5 × cat median + 1 s
  vs DuckDB  DuckDB median / pathway median ≥ 2
  memory     pathway peak RSS ≤ 1 GB (10^9 bytes; the largest of the runs)
  cores      pathway (user + system) / wall ≥ 1.5 on the median run, i.e. both cores busy for most
             of the run (a heuristic for "both cores used where the work allows")
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys

TARGET_SIZE = 1_000_000
SHUFFLED = "shuffled-"


def parse_label(label):
    """(children, shuffled) of a set's label: "1000000" or "shuffled-1000000"."""
    shuffled = label.startswith(SHUFFLED)
    return int(label[len(SHUFFLED):] if shuffled else label), shuffled



def median(xs):
    return statistics.median(xs) if xs else float("nan")


def read_tsv(path):
    with open(path) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=30).stdout.strip()
    except Exception:  # noqa: BLE001 - best-effort machine description
        return ""


def mem_gib():
    try:
        with open("/proc/meminfo") as f:
            kib = int(next(l for l in f if l.startswith("MemTotal:")).split()[1])
        return f"{kib / 2**20:.0f}"
    except (OSError, StopIteration, ValueError):
        return "?"


def yes(ok):
    return "yes" if ok else "**NO**"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--markdown", required=True)
    ap.add_argument("--date", required=True)
    ap.add_argument("--pathway", default="")
    ap.add_argument("--duckdb-version", default="")
    ap.add_argument("--data", default="")
    ap.add_argument("--as-of", default="")
    ap.add_argument("--seed", default="")
    a = ap.parse_args()

    runs = {}
    for label, tool, i, wall, user, system, rss in read_tsv(os.path.join(a.work, "runs.tsv")):
        runs.setdefault((label, tool), []).append(
            {"run": int(i), "wall": float(wall), "cpu": float(user) + float(system), "rss": int(rss) * 1024})

    rows_out, notes, per_run, missed = [], [], [], False
    for label, status, nbytes, nrows, cats, verdict in read_tsv(os.path.join(a.work, "sets.tsv")):
        size, shuffled = parse_label(label)
        name = f"{size:,} shuffled" if shuffled else f"{size:,}"
        if status != "ok":
            notes.append(f"{size:,} children{', rows shuffled' if shuffled else ''}: {status}")
            continue
        nbytes, nrows = int(nbytes), int(nrows)
        cat = median([float(x) for x in cats.split(",")])
        pw, dk = runs[(label, "pathway")], runs[(label, "duckdb")]
        pw_s, dk_s = median([r["wall"] for r in pw]), median([r["wall"] for r in dk])
        pw_rss, dk_rss = max(r["rss"] for r in pw), max(r["rss"] for r in dk)
        pw_cores = median([r["cpu"] / r["wall"] for r in pw])
        ratio = dk_s / pw_s
        t_wall = pw_s <= 1.5 * cat + 1.0
        t_ratio = ratio >= 2.0
        t_rss = pw_rss <= 1_000_000_000
        t_cores = pw_cores >= 1.5
        if size == TARGET_SIZE and not shuffled and not (t_wall and t_ratio and t_rss and t_cores and verdict == "equal"):
            missed = True
        rows_out.append({
            "size": name, "MB": f"{nbytes / 1e6:,.1f}", "rows": f"{nrows:,}", "cat s": f"{cat:.3f}",
            "pathway s": f"{pw_s:.2f}", "DuckDB s": f"{dk_s:.2f}", "DuckDB/pathway": f"{ratio:.2f}",
            "pathway CPU s": f"{median([r['cpu'] for r in pw]):.2f}",
            "DuckDB CPU s": f"{median([r['cpu'] for r in dk]):.2f}",
            "MB/s": f"{nbytes / 1e6 / pw_s:,.0f}", "rows/s": f"{nrows / pw_s:,.0f}",
            "pathway RSS MB": f"{pw_rss / 1e6:,.0f}", "DuckDB RSS MB": f"{dk_rss / 1e6:,.0f}",
            "pathway cores": f"{pw_cores:.2f}", "KPIs equal": "yes" if verdict == "equal" else "**NO**",
            "≤1.5·cat+1 s": f"{yes(t_wall)} ({1.5 * cat + 1:.2f})", "≥2× DuckDB": yes(t_ratio),
            "RSS ≤1 GB": yes(t_rss), "both cores": yes(t_cores),
        })
        for tool, rs in (("pathway", pw), ("DuckDB", dk)):
            per_run.append(f"- {name} {tool}: " + ", ".join(
                f"{r['wall']:.2f} s ({r['cpu']:.2f} s CPU, {r['rss'] / 1e6:,.0f} MB)" for r in sorted(rs, key=lambda r: r["run"])))

    headers = list(rows_out[0].keys()) if rows_out else ["size"]
    widths = {h: max([len(h)] + [len(r[h]) for r in rows_out]) for h in headers}
    print()
    print("  ".join(h.rjust(widths[h]) for h in headers))
    for r in rows_out:
        print("  ".join(r[h].rjust(widths[h]) for h in headers))
    for n in notes:
        print(n)
    print()

    md = [f"# pathway benchmark, {a.date}", ""]
    md += ["Generated by `make bench` (bench/bench.sh); see bench/README.md for what is measured.", ""]
    md += ["| " + " | ".join(headers) + " |", "|" + "|".join("---:" for _ in headers) + "|"]
    md += ["| " + " | ".join(r[h] for h in headers) + " |" for r in rows_out]
    md += [""]
    md += [f"- {n}" for n in notes]
    if notes:
        md += [""]
    md += ["Targets of the issue apply to the 1,000,000-children set as generated; the other sizes show the "
           "scaling. A \"shuffled\" set is the same set with every file's rows in random order "
           "(bench/shuffle_rows.py): exports need not be in id order, and pathway's duplicate-id check is "
           "quickest on ids in order. "
           "Times are medians of the runs below (wall clock, page cache warm); RSS is the largest peak "
           "of the runs (GNU time `Maximum resident set size`); MB = 10^6 bytes; rows = data records of "
           "the four files (pathway's `inputs[].rows`); MB/s and rows/s are pathway's; \"pathway cores\" "
           "is (user + system CPU) / wall of pathway's median run; CPU s are medians of user + system time, "
           "less sensitive than wall time to other work on the machine.", ""]
    md += ["## Runs", ""] + per_run + [""]
    cpu = sh("lscpu | sed -n 's/^Model name: *//p'") or platform.processor()
    md += ["## Machine and versions", "",
           f"- CPU: {cpu}; {os.cpu_count()} logical cores; memory: {mem_gib()} GiB; kernel {platform.release()}",
           f"- load average when the report was written: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
           "(other work on the machine makes the times noisy)",
           f"- pathway: `{a.pathway}`, {sh(f'{a.pathway} --version') if a.pathway else '?'}; repository at "
           f"git {sh('git rev-parse --short HEAD 2>/dev/null') or '?'}"
           f"{' with uncommitted changes' if sh('git status --porcelain --untracked-files=no 2>/dev/null') else ''}",
           f"- {sh('swift --version 2>/dev/null | head -1')}",
           f"- DuckDB {a.duckdb_version} (Python package), Python {platform.python_version()}",
           f"- data: `pathway sample --children N --seed {a.seed} --as-of {a.as_of}` in {a.data}", ""]
    with open(a.markdown, "w") as f:
        f.write("\n".join(md).rstrip("\n") + "\n")
    return 3 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
