"""A benchmark set with more rows inside the periods: one file with two extra copies of every row,
dated as the original. The same children have three times the rows in the periods, so the figures
change; what must not grow with them is peak memory, beyond what the outputs list (issue 6: memory
grows with children, not rows; a run keeps each dated referral and each S47 enquiry's id and
strategy date, 24 bytes each, and the contacts and audits that may go on a list).

    python3 bench/dense_set.py ~/.cache/pathway-bench/1000000/contacts.csv DENSE/contacts.csv

and copy the other files of the set next to it. Synthetic data only, like the set it copies.

The copies' ids (the first column) keep the ids' shape, a letter and a fixed number of digits: they
are numbered on from the file's last id, so the file stays in id order and its ids of one shape (as
an export's are; ids of another shape would be kept as texts by the duplicate check, and measure
that instead). The forty-first pass's copies were named A… and B… instead of C…; see
docs/PERFORMANCE.md.
"""
import csv, sys
src, dst = sys.argv[1], sys.argv[2]
with open(src, newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
prefix, width = body[0][0][0], len(body[0][0]) - 1
last = max(int(r[0][1:]) for r in body)
if len(str(last * 3)) > width:
    sys.exit(f"{src}: the copies' ids would need more than {width} digits")
with open(dst, "w", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(body)
    for copy in (1, 2):
        for r in body:
            r = list(r)
            r[0] = prefix + str(int(r[0][1:]) + copy * last).zfill(width)
            w.writerow(r)
