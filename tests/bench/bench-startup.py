#!/usr/bin/env python3
"""startup.first_frame: urok on the demo store beside a minimal libadwaita
window (the floor), each started RUNS times; medians and their ratio."""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

urok, floor = sys.argv[1], sys.argv[2]
RUNS = int(os.environ.get('UROK_BENCH_RUNS', '15'))


def first_frame(cmd, env):
    """From just before the process is spawned to the end of its first paint:
    the program prints the CLOCK_MONOTONIC time of that paint in µs, the same
    clock as time.monotonic()."""
    spawned = time.monotonic()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    m = re.search(r'first-frame [0-9.]+ ms at ([0-9]+)', out.stdout)
    if not m:
        sys.exit(f'{cmd[0]} printed no first-frame line:\n{out.stdout}\n{out.stderr}')
    return (int(m.group(1)) / 1e6 - spawned) * 1000.0


with tempfile.TemporaryDirectory() as home:
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_CONFIG_HOME=os.path.join(home, 'config'), XDG_CACHE_HOME=os.path.join(home, 'cache'))
    # The first run loads the demo; measured runs start on the demo store.
    first_frame([urok, '--exit-after-first-frame'], env)
    ours, theirs = [], []
    for _ in range(RUNS):
        ours.append(first_frame([urok, '--exit-after-first-frame'], env))
        theirs.append(first_frame([floor], env))

o, t = statistics.median(ours), statistics.median(theirs)
print(f'BENCH startup.first_frame {o:.1f} ms')
print(f'BENCH startup.first_frame.floor {t:.1f} ms')
print(f'BENCH startup.first_frame.ratio {o / t:.2f} x')
