#!/usr/bin/env python3
"""The MIME type of lesson packages, installed into a private database, is
what GIO finds for a .urok file and, by its magic, for a package whose name
lost its extension; a ZIP that merely starts with a manifest.json is not one.
(A name with another extension, "lesson.urok.zip", is a ZIP: an unambiguous
glob wins over magic.)

Usage: check-mime.py MIME_XML"""
import io
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import zipfile

mime_xml = pathlib.Path(sys.argv[1])
update = shutil.which('update-mime-database')
gio = shutil.which('gio')
if update is None or gio is None:
    print('update-mime-database or gio not found: skipped')
    sys.exit(77)


def package(manifest):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        # As Urok writes it: the manifest first, stored.
        z.writestr('manifest.json', manifest, zipfile.ZIP_STORED)
        z.writestr('media/a.png', b'\x89PNG\r\n\x1a\n', zipfile.ZIP_STORED)
    return buf.getvalue()


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    packages = tmp / 'mime' / 'packages'
    packages.mkdir(parents=True)
    shutil.copy(mime_xml, packages / 'ru.urok.Urok.xml')
    env = dict(os.environ, XDG_DATA_HOME=str(tmp), XDG_DATA_DIRS='/usr/local/share:/usr/share')
    # Warnings about the file (unknown elements, bad magic) go to stderr.
    result = subprocess.run([update, str(tmp / 'mime')], capture_output=True, text=True, env=env)
    if result.returncode != 0 or result.stderr.strip():
        print(result.stderr)
        sys.exit(1)

    files = {
        'lesson.urok': (b'anything', 'application/x-urok-lesson'),
        'lesson-from-a-messenger': (package('{\n  "format" : "urok-lesson-package",\n  "version" : 1\n}'),
                                    'application/x-urok-lesson'),
        # Not ours, though it starts alike: a web extension.
        'extension-from-a-messenger': (package('{"manifest_version": 3, "name": "x"}'), 'application/zip'),
    }
    failed = False
    for name, (data, expected) in files.items():
        path = tmp / name
        path.write_bytes(data)
        out = subprocess.run([gio, 'info', '-a', 'standard::content-type', str(path)],
                             capture_output=True, text=True, env=env, check=True).stdout
        found = [line.split('standard::content-type:', 1)[1].strip() for line in out.splitlines()
                 if 'standard::content-type:' in line]
        print(f'{name}: {found} (expected {expected})')
        failed |= found != [expected]
sys.exit(1 if failed else 0)
