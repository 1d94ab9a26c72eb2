#!/usr/bin/env python3
"""Writes seed inputs for fuzz-epub-info into the given folder: a minimal
valid EPUB and variants broken in the ways real files break."""
import io
import pathlib
import sys
import zipfile

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)

CONTAINER = ('<?xml version="1.0"?><container version="1.0" '
             'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
             '<rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/>'
             '</rootfiles></container>')
OPF = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
       'unique-identifier="uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
       '<dc:identifier id="uid">urn:uuid:00000000-0000-4000-8000-000000000000</dc:identifier>'
       '<dc:title>Проба</dc:title><dc:creator>Автор</dc:creator><dc:language>ru</dc:language>'
       '<meta property="schema:educationalLevel">7</meta></metadata><manifest/><spine/></package>')


def epub(parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        for name, data in parts:
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data,
                       zipfile.ZIP_STORED if name == 'mimetype' else zipfile.ZIP_DEFLATED)
    return buf.getvalue()


good = [('mimetype', 'application/epub+zip'), ('META-INF/container.xml', CONTAINER), ('OEBPS/book.opf', OPF)]
seeds = {
    'valid.epub': epub(good),
    'no-mimetype.epub': epub(good[1:]),
    'no-package.epub': epub(good[:2]),
    'broken-xml.epub': epub(good[:2] + [('OEBPS/book.opf', OPF[:120])]),
    'entity.epub': epub(good[:2] + [('OEBPS/book.opf', OPF.replace('<?xml version="1.0"?>',
                       '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY e "&#38;e;">]>'))]),
    'truncated.epub': epub(good)[:200],
}
for name, data in seeds.items():
    (out / name).write_bytes(data)
print(f'{len(seeds)} seeds in {out}')
