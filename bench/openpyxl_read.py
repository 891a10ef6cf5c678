#!/usr/bin/python3
"""What an office would hand-write to merge the returned sheets in Python.

Reads every .xlsx under the given folders (recursively) with
openpyxl.load_workbook(path, read_only=True, data_only=True), iterates all
rows of the first sheet as values, collects them into one list (a minimal
"merge") and reports the counts. The benchmark's comparison point for
taizhang merge; run with /usr/bin/python3 (Debian: apt-get install
python3-openpyxl).

Usage: /usr/bin/python3 bench/openpyxl_read.py DIR|FILE...
"""

import os
import sys
import time

import openpyxl


def files(args):
    for a in args:
        if os.path.isfile(a):
            yield a
            continue
        for root, dirs, names in os.walk(a):
            dirs.sort()
            for n in sorted(names):
                if n.lower().endswith(".xlsx") and not n.startswith("~$"):
                    yield os.path.join(root, n)


def main(args):
    start = time.monotonic()
    merged = []
    nfiles = 0
    for path in files(args):
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        ws = wb.worksheets[0]
        name = os.path.basename(path)
        for row in ws.iter_rows(values_only=True):
            if any(v is not None for v in row):
                merged.append((name,) + tuple(row))
        wb.close()
        nfiles += 1
    cells = sum(1 for row in merged for v in row[1:] if v is not None)
    print("openpyxl %s: %d files, %d rows, %d cells, %.2fs"
          % (openpyxl.__version__, nfiles, len(merged), cells, time.monotonic() - start))


if __name__ == "__main__":
    main(sys.argv[1:])
