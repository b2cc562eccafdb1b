"""A benchmark set with more history: contacts.csv with two extra copies of every row, dated 8 and 4
years earlier (ids A… and B…, which come before the C… ids, so the file stays in id order). No period
reads the extra rows, so every KPI must come out as for the original set, and peak memory must not
grow with them (issue 6: memory grows with children, not rows).

    python3 bench/history_set.py ~/.cache/pathway-bench/1000000/contacts.csv HISTORY/contacts.csv

and copy the other three files of the set next to it. Synthetic data only, like the set it copies.
"""
import csv, sys
src, dst = sys.argv[1], sys.argv[2]
dates = ["contact_date", "marf_requested_date", "marf_received_date", "police_incident_date", "decision_date", "referral_date"]
with open(src, newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
cols = [header.index(c) for c in dates]
with open(dst, "w", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for years, prefix in ((8, "A"), (4, "B")):
        for r in body:
            r = list(r)
            r[0] = prefix + r[0][1:]
            for c in cols:
                if r[c]:
                    r[c] = str(int(r[c][:4]) - years) + r[c][4:]
            w.writerow(r)
    w.writerows(body)
