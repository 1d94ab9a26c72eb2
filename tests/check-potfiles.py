#!/usr/bin/env python3
"""po/POTFILES.in lists every file with translatable strings, and only existing files."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = set()
for line in (root / 'po' / 'POTFILES.in').read_text(encoding='utf-8').splitlines():
    line = line.strip()
    if line and not line.startswith('#'):
        listed.add(line)

marker = re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(|translatable="yes"|<_?(?:name|summary|p|li|caption)>')
needed = set()
for path in sorted(root.glob('src/**/*')) + sorted(root.glob('resources/*')) + sorted(root.glob('data/*.in')):
    if path.suffix not in ('.c', '.ui', '.in') or not path.is_file():
        continue
    rel = path.relative_to(root).as_posix()
    text = path.read_text(encoding='utf-8')
    if path.suffix == '.in' or marker.search(text):
        needed.add(rel)

missing = sorted(needed - listed)
stale = sorted(p for p in listed if not (root / p).is_file())
for p in missing:
    print(f'not in po/POTFILES.in: {p}')
for p in stale:
    print(f'listed in po/POTFILES.in but missing: {p}')
print(f'{len(needed)} files with translatable strings, {len(listed)} listed')
sys.exit(1 if missing or stale else 0)
