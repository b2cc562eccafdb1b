#!/usr/bin/env python3
"""Copy a benchmark set with every file's data rows in a random (seeded) order.

    python3 bench/shuffle_rows.py SOURCE_DIR DEST_DIR [--seed S]

`pathway sample` writes each file in id order, and pathway's duplicate-id check has a shortcut for
ids in order; real exports need not be in any order. The copy has the same header and the same rows,
so the same KPIs, with only the order (and so the line numbers in the exception lists) changed.

A record is one physical line: the generator writes no line ends inside quotes, and a line with an odd
number of quotes (which would be one) stops the copy with exit 1 rather than cut a record in two. The
order depends only on the seed and the file's name, so a set is shuffled the same way on any machine.
"""
import argparse
import os
import random
import sys

FILES = ("contacts.csv", "s47_enquiries.csv", "conferences.csv", "audits.csv")


def shuffled(data, seed, name):
    """The file's bytes with the data rows shuffled; the header stays first and the last line keeps
    (or lacks) its line end as before."""
    lines = data.split(b"\n")
    ends_with_newline = lines[-1] == b""
    if ends_with_newline:
        lines.pop()
    for number, line in enumerate(lines, start=1):
        if line.count(b'"') % 2:
            raise ValueError(f"{name}: line {number} has an odd number of quotes (a line end inside "
                             "quotes?); this script shuffles physical lines only")
    header, rows = lines[:1], lines[1:]
    random.Random(f"{seed}:{name}").shuffle(rows)
    return b"\n".join(header + rows) + (b"\n" if ends_with_newline else b"")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("dest")
    ap.add_argument("--seed", default="7")
    a = ap.parse_args()
    os.makedirs(a.dest, exist_ok=True)
    for name in FILES:
        with open(os.path.join(a.source, name), "rb") as f:
            data = f.read()
        try:
            out = shuffled(data, a.seed, name)
        except ValueError as error:
            print(f"shuffle_rows.py: {error}", file=sys.stderr)
            return 1
        with open(os.path.join(a.dest, name), "wb") as f:
            f.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
