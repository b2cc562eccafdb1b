"""A benchmark set with more rows per child: one file with two extra copies of every row, for the
same children. By default the copies are dated as the original: the same children have three times
the rows in the periods, so the figures change; what must not grow with them is peak memory, beyond
what the outputs list (issue 6: memory grows with children, not rows; a run keeps each dated referral
and each S47 enquiry's id and strategy date, 24 bytes each, and the contacts and audits that may go
on a list).

    python3 bench/dense_set.py ~/.cache/pathway-bench/1000000/contacts.csv DENSE/contacts.csv

With --years-back Y, every date of the k-th copy is moved k * Y years earlier (29 February to the
28th): years of history before the periods, which a run reads only through each child's latest
conference and first plan, so its memory should not grow at all.

    python3 bench/dense_set.py --years-back 3 SET/conferences.csv HISTORY/conferences.csv

and copy the other files of the set next to it. Synthetic data only, like the set it copies.

The copies' ids (the first column) keep the ids' shape, letters and a fixed number of digits: they
are numbered on from the file's last id, so the file stays in id order and its ids of one shape (as
an export's are; ids of another shape would be kept as texts by the duplicate check, and measure
that instead). The forty-first pass's copies were named A… and B… instead of C…; see
docs/PERFORMANCE.md.
"""
import csv, re, sys
args = sys.argv[1:]
years = 0
if args[:1] == ["--years-back"]:
    years, args = int(args[1]), args[2:]
src, dst = args
with open(src, newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
prefix = re.match(r"\D*", body[0][0]).group()
width = len(body[0][0]) - len(prefix)
last = max(int(r[0][len(prefix):]) for r in body)
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})$")


def earlier(cell, by):
    m = ISO.match(cell)
    if not by or not m:
        return cell
    y, mo, d = int(m[1]) - by, m[2], m[3]
    if (mo, d) == ("02", "29") and not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)):
        d = "28"
    return f"{y:04d}-{mo}-{d}"


if len(str(last * 3)) > width:
    sys.exit(f"{src}: the copies' ids would need more than {width} digits")
with open(dst, "w", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(body)
    for copy in (1, 2):
        for r in body:
            r = [earlier(cell, copy * years) for cell in r]
            r[0] = prefix + str(int(r[0][len(prefix):]) + copy * last).zfill(width)
            w.writerow(r)
