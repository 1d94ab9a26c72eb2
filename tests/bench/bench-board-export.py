#!/usr/bin/env python3
# board.export_pdf_vs_xournalpp.ratio: the same 10,000 strokes exported to
# PDF by whole processes: our urok-board-export (reading the .xopp) against
# `xournalpp --create-pdf`.  The bench writes the .xopp itself.  Xournal++
# is not a dependency of Urok: install it for the bench (apt-get install
# xournalpp); without it the bench prints a SKIP line.
#
# Usage: bench-board-export.py URK_BOARD_EXPORT
#
# Copyright 2026 Urok developers
# SPDX-License-Identifier: GPL-3.0-or-later

import gzip
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

N_STROKES = 10000
N_POINTS = 20
RUNS = 3


def write_xopp(path):
    rnd = random.Random(42)
    parts = ['<?xml version="1.0" standalone="no"?>\n'
             '<xournal creator="Xournal++ 1.1.3" fileversion="4">\n'
             '<title>Xournal++ document - see https://github.com/xournalpp/xournalpp</title>\n'
             '<page width="1440.00" height="810.00">\n'
             '<background type="solid" color="#ffffffff" style="plain"/>\n<layer>\n']
    for _ in range(N_STROKES):
        x, y = rnd.uniform(0, 1400), rnd.uniform(0, 790)
        coords, widths = [], ['2.26']
        for _ in range(N_POINTS):
            x += rnd.uniform(-2, 4)
            y += rnd.uniform(-2, 2)
            coords.append('%.2f %.2f' % (x, y))
            widths.append('%.2f' % (2.26 * (0.4 + 1.2 * rnd.uniform(0.3, 0.7))))
        parts.append('<stroke tool="pen" ts="0" fn="" color="#1a1a66ff" width="%s">%s</stroke>\n'
                     % (' '.join(widths[:-1]), ' '.join(coords)))
    parts.append('</layer>\n</page>\n</xournal>\n')
    with gzip.open(path, 'wt', encoding='utf-8') as f:
        f.write(''.join(parts))


def best_time(argv, out):
    times = []
    for _ in range(RUNS):
        if os.path.exists(out):
            os.unlink(out)
        t0 = time.monotonic()
        result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
        elapsed = time.monotonic() - t0
        if result.returncode != 0 or not os.path.exists(out) or os.path.getsize(out) == 0:
            raise RuntimeError('%s failed: %s' % (argv[0], result.stderr.decode(errors='replace')[-500:]))
        times.append(elapsed)
    return sorted(times)[len(times) // 2]


def main():
    ours = sys.argv[1]
    xournalpp = shutil.which('xournalpp')
    with tempfile.TemporaryDirectory(prefix='urok-bench-') as tmp:
        xopp = os.path.join(tmp, 'strokes.xopp')
        write_xopp(xopp)
        ours_pdf = os.path.join(tmp, 'ours.pdf')
        t_ours = best_time([ours, xopp, ours_pdf], ours_pdf)
        print('BENCH board.export_pdf.urok %.0f ms' % (t_ours * 1000))
        if xournalpp is None:
            print('SKIP board.export_pdf_vs_xournalpp.ratio: xournalpp is not installed '
                  '(apt-get install xournalpp)')
            return 0
        theirs_pdf = os.path.join(tmp, 'theirs.pdf')
        t_theirs = best_time([xournalpp, '--create-pdf=' + theirs_pdf, xopp], theirs_pdf)
        print('BENCH board.export_pdf.xournalpp %.0f ms' % (t_theirs * 1000))
        print('BENCH board.export_pdf_vs_xournalpp.ratio %.3f ratio' % (t_ours / t_theirs))
    return 0


if __name__ == '__main__':
    sys.exit(main())
