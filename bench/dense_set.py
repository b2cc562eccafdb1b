"""A benchmark set with more rows inside the periods: contacts.csv with two extra copies of every row,
dated as the original (ids A… and B…, which come before the C… ids, so the file stays in id order).
The same children have three times the contacts in the window, so the figures change; what must not
grow with them is peak memory, beyond what the outputs list (issue 6: memory grows with children, not
rows; a run keeps each dated referral, 24 bytes, and the contacts that may go on a list).

    python3 bench/dense_set.py ~/.cache/pathway-bench/1000000/contacts.csv DENSE/contacts.csv

and copy the other three files of the set next to it. Synthetic data only, like the set it copies.
"""
import csv, sys
src, dst = sys.argv[1], sys.argv[2]
with open(src, newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
with open(dst, "w", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for prefix in ("A", "B"):
        for r in body:
            r = list(r)
            r[0] = prefix + r[0][1:]
            w.writerow(r)
    w.writerows(body)
