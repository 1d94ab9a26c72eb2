#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Pack an unzipped EPUB tree into a reproducible .epub file.

Usage: make-epub.py SRCDIR OUTPUT.epub

The OCF container rules are followed: the first entry is "mimetype",
stored uncompressed, with no extra field and the exact content
"application/epub+zip".  Every other regular file under SRCDIR follows,
deflated, in sorted order of its path.  All entries carry the same fixed
timestamp (1980-01-01 00:00:00) and the same permissions, so packing the
same tree twice gives the same bytes.

Hidden files (any path component starting with ".") and editor backups
("*~") are skipped.  Only the Python standard library is used.
"""

import os
import sys
import tempfile
import zipfile

MIMETYPE = b"application/epub+zip"
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644  # regular file, rw-r--r--


def entry(name, compress_type):
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = compress_type
    info.create_system = 3  # Unix, whatever the build host is
    info.external_attr = FILE_MODE << 16
    return info


def collect(srcdir):
    names = []
    for dirpath, dirnames, filenames in os.walk(srcdir):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for fn in filenames:
            if fn.startswith(".") or fn.endswith("~"):
                continue
            path = os.path.join(dirpath, fn)
            if not os.path.isfile(path):
                continue
            rel = os.path.relpath(path, srcdir).replace(os.sep, "/")
            if rel == "mimetype":
                continue
            names.append(rel)
    names.sort()
    return names


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: make-epub.py SRCDIR OUTPUT.epub\n")
        return 2
    srcdir, output = argv[1], argv[2]

    mimetype_path = os.path.join(srcdir, "mimetype")
    if os.path.exists(mimetype_path):
        with open(mimetype_path, "rb") as fh:
            if fh.read() != MIMETYPE:
                sys.stderr.write("%s: must hold exactly %r with no newline\n"
                                 % (mimetype_path, MIMETYPE.decode()))
                return 1

    container = os.path.join(srcdir, "META-INF", "container.xml")
    if not os.path.isfile(container):
        sys.stderr.write("%s: missing\n" % container)
        return 1

    names = collect(srcdir)
    for name in names:
        try:
            name.encode("ascii")
        except UnicodeEncodeError:
            sys.stderr.write("%s: use ASCII file names only\n" % name)
            return 1

    outdir = os.path.dirname(os.path.abspath(output))
    fd, tmp = tempfile.mkstemp(prefix=".make-epub-", suffix=".tmp", dir=outdir)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w") as zf:
            zf.writestr(entry("mimetype", zipfile.ZIP_STORED), MIMETYPE)
            for name in names:
                with open(os.path.join(srcdir, *name.split("/")), "rb") as fh:
                    data = fh.read()
                zf.writestr(entry(name, zipfile.ZIP_DEFLATED), data,
                            compresslevel=9)
        os.chmod(tmp, 0o644)
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
