#!/usr/bin/env python3
"""Compare pathway's kpis.json headline figures with bench/duckdb_kpis.py's output.

    python3 bench/compare.py PATHWAY_KPIS_JSON DUCKDB_JSON [--only id,id,...] [--quiet]

For every KPI the DuckDB output carries (or only those given), rates must agree on numerator,
denominator and excluded, counts on value. The six KPIs of the benchmark issue must be present
on both sides. Exit 0 when everything agrees, 1 on any mismatch or missing KPI (each printed),
2 on unreadable input.
"""
import argparse
import json
import sys

REQUIRED = ["contacts", "contact_decision_1wd", "re_referrals_12m", "s47_to_icpc", "icpc_within_15wd",
            "rcpc_on_time"]


def pathway_headlines(doc):
    out = {}
    for kpi in doc["kpis"]:
        if kpi["kind"] == "count":
            out[kpi["id"]] = {"value": kpi["value"]}
        else:
            out[kpi["id"]] = {k: kpi[k] for k in ("numerator", "denominator", "excluded")}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pathway")
    ap.add_argument("duckdb")
    ap.add_argument("--only", help="comma-separated KPI ids")
    ap.add_argument("--quiet", action="store_true", help="print mismatches only")
    a = ap.parse_args()
    try:
        with open(a.pathway) as f:
            pw = pathway_headlines(json.load(f))
        with open(a.duckdb) as f:
            dk = json.load(f)
    except (OSError, ValueError, KeyError) as e:
        print(f"compare: {e}", file=sys.stderr)
        return 2
    ids = a.only.split(",") if a.only else sorted(set(dk) | set(REQUIRED))
    bad = 0
    for kpi in ids:
        p, d = pw.get(kpi), dk.get(kpi)
        if p is None or d is None:
            print(f"MISSING  {kpi}: pathway={p} duckdb={d}")
            bad += 1
            continue
        if p != d:
            diffs = ", ".join(f"{k} pathway={p.get(k)} duckdb={d.get(k)}" for k in sorted(set(p) | set(d))
                              if p.get(k) != d.get(k))
            print(f"MISMATCH {kpi}: {diffs}")
            bad += 1
        elif not a.quiet:
            print(f"ok       {kpi}: {json.dumps(p, sort_keys=True)}")
    print(f"compare: {len(ids) - bad}/{len(ids)} KPIs agree" + ("" if not bad else f", {bad} differ"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
