#!/usr/bin/env python3
"""Throwaway generator of clean canonical CSV with many KPI edge cases, for cross-checking
bench/duckdb_kpis.py against pathway (not the benchmark set: that is `pathway sample`).

    python3 bench/gen_edge_cases.py --output DIR --children N [--seed S] [--as-of YYYY-MM-DD]

Edge cases it produces on purpose: decisions before contacts and after as_of, pending decisions,
weekends and bank holidays, same-day and tied conferences (ids of different lengths, so code-point
order differs from numeric order), month-end due dates, ended plans, blank outcomes, unknown s47_ids,
enquiries that end before their strategy date, referrals without referral_date, 12-month look-backs
landing exactly on the boundary.
"""
import argparse
import csv
import datetime as dt
import os
import random


def add_months(d, n):
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--output", required=True)
    ap.add_argument("--children", type=int, required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--as-of", default="2026-03-31")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    as_of = dt.date.fromisoformat(a.as_of)
    start = add_months(as_of, -36)
    span = (as_of - start).days + 20
    os.makedirs(a.output, exist_ok=True)
    day = lambda d: d.isoformat() if d else ""  # noqa: E731

    def pick(*pairs):
        r, acc = rng.random(), 0.0
        for weight, value in pairs:
            acc += weight
            if r < acc:
                return value
        return pairs[-1][1]

    teams = ["North", "South", "East", "West", "CPAT East", "Équipe", ""]
    files = {n: open(os.path.join(a.output, n + ".csv"), "w", newline="") for n in
             ("contacts", "s47_enquiries", "conferences", "audits")}
    w = {n: csv.writer(f, lineterminator="\n") for n, f in files.items()}
    w["contacts"].writerow(["contact_id", "child_id", "contact_date", "source", "marf", "marf_requested_date",
                            "marf_received_date", "police_incident_date", "decision_date", "outcome",
                            "referral_date", "team"])
    w["s47_enquiries"].writerow(["s47_id", "child_id", "contact_id", "strategy_date", "police_attended",
                                 "health_attended", "education_attended", "s47_end_date", "outcome", "team"])
    w["conferences"].writerow(["conference_id", "child_id", "type", "conference_date", "s47_id", "outcome",
                               "category", "parents_participated", "team"])
    w["audits"].writerow(["audit_id", "child_id", "audit_date", "grade", "moderated_grade", "actions_due_date",
                          "actions_completed_date", "team", "auditor", "audit_type"])
    nc = ns = ncf = na = 0
    yn = lambda: pick((0.45, "yes"), (0.4, "no"), (0.1, ""), (0.05, "Y"))  # noqa: E731
    for k in range(a.children):
        child = f"K{k}"
        team = rng.choice(teams)
        base = start + dt.timedelta(days=rng.randrange(span))
        dates = sorted(base + dt.timedelta(days=rng.choice([0, 0, 1, 30, 200, 365, 366, rng.randrange(700)]))
                       for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 5])))
        for cd in dates:
            nc += 1
            cid = f"C{nc}"
            police = rng.random() < 0.25
            source = pick((0.5, "Police"), (0.2, "6: Police"), (0.3, "British Transport Police")) if police else \
                pick((0.4, "School"), (0.3, "Health"), (0.2, "Policeman"), (0.1, "Individual"))
            incident = cd - dt.timedelta(days=rng.choice([0, 1, 1, 2, 5, -1])) if police and rng.random() < 0.9 else None
            dd = pick((0.1, None), (0.03, cd - dt.timedelta(days=1)),
                      (0.87, cd + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3, 4, 6]))))
            outcome = pick((0.3, "referral"), (0.05, "Referral to children's social care"), (0.2, "early_help"),
                           (0.05, "Early help assessment"), (0.15, "nfa"), (0.1, "advice"), (0.05, "open case"),
                           (0.05, ""), (0.05, "something else"))
            rd = (dd + dt.timedelta(days=rng.choice([0, 1])) if dd and rng.random() < 0.6 else None)
            req = cd if rng.random() < 0.2 else None
            rec = pick((0.2, None), (0.05, req - dt.timedelta(days=1) if req else None),
                       (0.75, req + dt.timedelta(days=rng.choice([0, 3, 5, 7, 8, 12])) if req else None)) if req else None
            w["contacts"].writerow([cid, child, day(cd), source, yn(), day(req), day(rec), day(incident), day(dd),
                                    outcome, day(rd), team])
            if outcome.lower().startswith("referral") and rng.random() < 0.5:
                ns += 1
                sid = f"S{ns}"
                sd = (dd or cd) + dt.timedelta(days=rng.choice([0, 1, 2, 5]))
                ed = pick((0.15, None), (0.85, sd + dt.timedelta(days=rng.randrange(0, 40))))
                so = pick((0.4, "icpc"), (0.1, "Proceed to ICPC"), (0.2, "cin"), (0.1, "nfa"), (0.1, ""), (0.1, "other"))
                w["s47_enquiries"].writerow([sid, child, cid, day(sd), yn(), yn(), yn(), day(ed), so, team])
                if "icpc" in so.lower() and rng.random() < 0.9:
                    ncf += 1
                    ref = pick((0.85, sid), (0.05, ""), (0.05, "S-unknown"), (0.05, f"S{max(1, ns - 1)}"))
                    icd = sd + dt.timedelta(days=rng.choice([-2, 10, 15, 19, 20, 21, 22, 25, 30]))
                    io = pick((0.75, "plan"), (0.1, "no_plan"), (0.05, ""), (0.1, "CP plan"))
                    ctype = pick((0.9, "initial"), (0.1, "transfer_in"))
                    w["conferences"].writerow([f"CF{ncf}", child, ctype, day(icd), ref if ctype == "initial" else "",
                                               io, "neglect", yn(), team])
                    prev, months = icd, 3
                    if io in ("plan", "CP plan"):
                        for _ in range(rng.choice([0, 1, 2, 3, 4])):
                            due = add_months(prev, months)
                            rdate = due + dt.timedelta(days=rng.choice([-30, -1, 0, 0, 1, 10]))
                            ncf += 1
                            ro = pick((0.6, "continue"), (0.1, ""), (0.2, "end"), (0.1, "no_plan"))
                            w["conferences"].writerow([f"CF{ncf}", child, "review", day(rdate), "", ro, "",
                                                       yn(), team])
                            if rng.random() < 0.1:  # a same-day conference: ties on the greatest id
                                ncf += 1
                                w["conferences"].writerow([f"CF{ncf}", child, pick((0.5, "review"), (0.5, "initial")),
                                                           day(rdate), "", pick((0.5, "end"), (0.5, "plan")), "",
                                                           yn(), team])
                            prev, months = rdate, 6
                            if ro in ("end", "no_plan") and rng.random() < 0.7:
                                break
        if rng.random() < 0.15:
            na += 1
            ad = start + dt.timedelta(days=rng.randrange(span))
            due = ad + dt.timedelta(days=rng.choice([10, 30, 60])) if rng.random() < 0.7 else None
            done = due + dt.timedelta(days=rng.choice([-5, 0, 3])) if due and rng.random() < 0.6 else None
            g = rng.choice(["outstanding", "good", "requires improvement", "inadequate", "RI"])
            mg = rng.choice(["", "", "good", "inadequate", "requires_improvement"])
            w["audits"].writerow([f"A{na}", child, day(ad), g, mg, day(due), day(done), team, "J Smith", "random"])
    for f in files.values():
        f.close()


if __name__ == "__main__":
    main()
