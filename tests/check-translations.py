#!/usr/bin/env python3
"""Every language in po/LINGUAS is translated completely: nothing fuzzy or
untranslated, and the catalogue covers every string in the sources."""
import os
import pathlib
import subprocess
import sys
import tempfile

po_dir = pathlib.Path(sys.argv[1])
root = po_dir.parent
failed = False

with tempfile.TemporaryDirectory() as tmp:
    pot = pathlib.Path(tmp) / 'urok.pot'
    files = [l.strip() for l in (po_dir / 'POTFILES.in').read_text(encoding='utf-8').splitlines()
             if l.strip() and not l.startswith('#')]
    # The same keywords meson's glib preset passes to xgettext.
    cmd = ['xgettext', '--from-code=UTF-8', '--add-comments', '-o', str(pot),
           '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
           '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
           '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
           '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
           '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
           '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
           ] + files
    subprocess.run(cmd, cwd=root, check=True)

    for lang in (po_dir / 'LINGUAS').read_text().split():
        po = po_dir / f'{lang}.po'
        merged = pathlib.Path(tmp) / f'{lang}.po'
        subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', str(merged), str(po), str(pot)], check=True)
        stats = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, str(merged)],
                               capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        print(f'{lang}: {stats.stderr.strip()}')
        if stats.returncode != 0 or 'untranslated' in stats.stderr or 'fuzzy' in stats.stderr:
            failed = True
            untranslated = subprocess.run(['msgattrib', '--untranslated', '--no-obsolete', str(merged)],
                                          capture_output=True, text=True).stdout
            print(untranslated[:4000])
sys.exit(1 if failed else 0)
