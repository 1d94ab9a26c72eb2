#!/usr/bin/env python3
"""Writes seed inputs for a fuzz target into the given folder, chosen by the
folder's name (.ci/run passes build-fuzz/seeds/<target>): for epub-info (the
default) a minimal valid EPUB and variants broken in the ways real files
break; for lesson-json our lesson templates, a minimal lesson and broken
variants of it; for lesson-package a minimal .urok package and broken
variants of it."""
import hashlib
import io
import json
import pathlib
import sys
import zipfile

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
root = pathlib.Path(__file__).resolve().parents[2]


def lesson_json_seeds():
    seeds = {}
    for path in sorted((root / 'data' / 'templates').glob('*.json')):
        seeds['template-' + path.name] = path.read_bytes()
    minimal = {'format': 'urok-lesson', 'version': 1, 'topic': 'Дроби',
               'stages': [{'title': 'Этап', 'duration_minutes': 5, 'resources': [
                   {'kind': 'link', 'target': 'https://example.org/'},
                   {'kind': 'board_page', 'board': '{"background":"squares"}'},
                   {'kind': 'media', 'target': '0123456789abcdef0123456789abcdef.png', 'media_type': 'image/png'}]}]}
    text = json.dumps(minimal, ensure_ascii=False).encode()
    seeds['minimal.json'] = text
    seeds['truncated.json'] = text[:len(text) // 2]
    seeds['newer.json'] = text.replace(b'"version": 1', b'"version": 2')
    seeds['unknown-member.json'] = text.replace(b'"topic"', b'"topik"')
    seeds['bad-link.json'] = text.replace(b'https://example.org/', b'javascript:alert(1)')
    seeds['traversal.json'] = text.replace(b'0123456789abcdef0123456789abcdef.png', b'../../.bashrc')
    seeds['deep.json'] = b'[' * 5000 + b']' * 5000
    return seeds


def lesson_package_seeds():
    png = b'\x89PNG\r\n\x1a\n' + bytes(range(16))
    test_uuid = '6f1c7a52-0000-4000-8000-000000000003'
    lesson = {'format': 'urok-lesson', 'version': 1, 'uuid': '6f1c7a52-0000-4000-8000-000000000002',
              'topic': 'Проба', 'stages': [{'title': 'Этап', 'duration_minutes': 5, 'resources': [
                  {'kind': 'media', 'target': 'a.png', 'media_type': 'image/png'},
                  {'kind': 'board_page', 'board': '{"background":"squares"}'},
                  {'kind': 'test', 'target': test_uuid}]}]}
    test = {'uuid': test_uuid, 'title': 'Тест', 'questions': [
        {'kind': 'single_choice', 'text': '?', 'points': 1, 'data': {'choices': ['a', 'b'], 'answer': [0]}}]}

    def manifest(**changes):
        m = {'format': 'urok-lesson-package', 'version': 1, 'generator': 'make-seeds', 'lesson': lesson,
             'media': [{'name': 'a.png', 'sha256': hashlib.sha256(png).hexdigest(), 'size': len(png),
                        'media-type': 'image/png'}],
             'tests': [test]}
        m.update(changes)
        return json.dumps(m, ensure_ascii=False, indent=1)

    def package(parts):
        # As Urok writes it: the manifest first and stored, media after it.
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, 'w') as z:
            for name, data in parts:
                z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data,
                           zipfile.ZIP_STORED if name == 'manifest.json' else zipfile.ZIP_DEFLATED)
        return buf.getvalue()

    good = [('manifest.json', manifest()), ('media/a.png', png)]
    return {
        'valid.urok': package(good),
        'version2.urok': package([('manifest.json', manifest(version=2))]),
        'missing-media.urok': package(good[:1]),
        'traversal.urok': package(good + [('media/../x', b'x')]),
        'truncated.urok': package(good)[:300],
    }


def board_item_seeds():
    # The binary item format of docs/formats/board.md, written here
    # independently of the C encoder.
    import struct

    def item(kind, sub, flags, ident, layer, width, font, color, fill, points, text=b'', data=b''):
        head = b'UBI\x01' + bytes([kind, sub, flags, 0])
        body = struct.pack('<QIff4f4f6d4dI', ident, layer, width, font, *color, *fill,
                           1, 0, 0, 1, 0, 0, 0, 0, 0, 0, len(points))
        if kind >= 2:
            body = body[:-36] + struct.pack('<4dI', 10, 10, 200, 100, len(points))
        pts = b''.join(struct.pack('<fffI', *p) for p in points)
        return head + body + pts + struct.pack('<I', len(text)) + text + struct.pack('<I', len(data)) + data

    ink = (0.1, 0.1, 0.5, 1)
    none = (0, 0, 0, 0)
    stroke = item(0, 0, 0, 1, 0, 3, 0, ink, none, [(10 + i, 20 + i % 3, 0.5, i * 8) for i in range(20)])
    return {
        'stroke.bin': stroke,
        'highlighter.bin': item(0, 1, 0, 2, 0, 20, 0, (1, 0.9, 0, 1), none, [(0, 0, 0.5, 0), (50, 0, 0.5, 9)]),
        'rectangle.bin': item(1, 2, 1, 3, 0, 2, 0, ink, (1, 1, 0, 0.5), [(0, 0, 0.5, 0), (100, 50, 0.5, 0)]),
        'polygon.bin': item(1, 4, 0, 4, 0, 2, 0, ink, none, [(0, 0, 0, 0), (50, 0, 0, 0), (25, 40, 0, 0)]),
        'text.bin': item(2, 0, 0, 5, 0, 0, 24, ink, none, [], 'Дроби'.encode()),
        'image.bin': item(3, 0, 0, 6, 0, 0, 0, none, none, [], b'image/png', b'\x89PNG\r\n\x1a\n'),
        'media.bin': item(4, 0, 0, 7, 1, 0, 0, none, none, [], b'clip.mp4'),
        'truncated.bin': stroke[:100],
        'newer.bin': b'UBI\x02' + stroke[4:],
        'huge-count.bin': stroke[:140] + struct.pack('<I', 0xfffffff0) + stroke[144:],
        # The inputs fuzz-board-item found crashing the JSON round trip, so
        # a run starts next to them: -0 (one value, one encoding), fields
        # a kind does not use, colours outside 0..1, a fill on a non-shape.
        'negative-zero.bin': item(0, 0, 0, 8, 0, 3, 0, ink, none, [(-0.0, 5, 0.5, 0), (10, -0.0, 0.5, 8)]),
        'negative-zero-width.bin': item(0, 0, 0, 8, 0, -0.0, 0, ink, none, [(0, 0, 0.5, 0), (10, 0, 0.5, 8)]),
        'stroke-with-font.bin': item(0, 0, 0, 9, 0, 3, 12, ink, none, [(0, 0, 0.5, 0), (10, 0, 0.5, 8)]),
        'text-with-width.bin': item(2, 0, 0, 10, 0, 3, 24, ink, none, [], 'Дроби'.encode()),
        'image-with-colour.bin': item(3, 0, 0, 11, 0, 0, 0, ink, none, [], b'image/png', b'\x89PNG\r\n\x1a\n'),
        'colour-above-one.bin': item(0, 0, 0, 12, 0, 3, 0, (1.5, 0, 0, 1), none, [(0, 0, 0.5, 0), (9, 9, 0.5, 1)]),
        'colour-below-zero.bin': item(1, 2, 1, 13, 0, 2, 0, ink, (0, -0.25, 0, 1), [(0, 0, 0.5, 0), (9, 9, 0.5, 0)]),
        'fill-on-stroke.bin': item(0, 0, 1, 14, 0, 3, 0, ink, (1, 1, 0, 1), [(0, 0, 0.5, 0), (9, 9, 0.5, 1)]),
        'fill-on-text.bin': item(2, 0, 1, 15, 0, 0, 24, ink, (1, 1, 0, 1), [], b'x'),
    }


def board_xopp_seeds():
    # Xournal++ documents written here by hand (no file of theirs copied):
    # gzip'd and plain, every element kind, and broken ones.
    import gzip
    doc = ('<?xml version="1.0" standalone="no"?>\n<xournal creator="seed" fileversion="4">'
           '<page width="612" height="792"><background type="solid" color="#ffffffff" style="lined"/>'
           '<layer><stroke tool="pen" color="#000000ff" width="1.4 1.2 1.6">10 10 20 20 30 15</stroke>'
           '<stroke tool="highlighter" color="#ffff0080" width="8">0 0 100 0</stroke>'
           '<text font="Sans" size="12" x="50" y="60" color="black">Дроби</text>'
           '<image left="0" top="0" right="10" bottom="10">iVBORw0KGgo=</image></layer>'
           '<layer/></page><page width="100" height="100"/></xournal>')
    raw = doc.encode()
    packed = gzip.compress(raw)
    return {
        'document.xopp': packed,
        'plain.xopp': raw,
        'truncated.xopp': packed[:len(packed) // 2],
        'broken.xopp': gzip.compress(raw[:len(raw) // 2]),
        'dtd.xopp': gzip.compress(b'<!DOCTYPE xournal [<!ENTITY a "aaaa">]><xournal>&a;</xournal>'),
    }


def tiny_png():
    # A 2x2 red PNG written from the PNG specification (no image library).
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    raw = b''.join(b'\0' + b'\xff\0\0' * 2 for _ in range(2))
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 2, 2, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def board_iwb_seeds():
    # IWB documents written here by hand from the structure in
    # docs/formats/iwb.md (no vendor's file copied): every element kind,
    # and broken ones.
    head = ('<?xml version="1.0" encoding="UTF-8"?><iwb xmlns="http://www.becta.org.uk/iwb" '
            'xmlns:svg="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">')
    page = ('<svg:image id="bg" width="800" height="600" xlink:href="images/bg.png"/>'
            '<svg:polyline points="10,10 20,20 30,15" stroke="#f00" stroke-width="2" fill="none"/>'
            '<svg:path d="M100 100 L200 100 C 210 110 220 120 230 100 Q 240 90 250 100 S 260 110 270 100 '
            'T 280 100 A 5 5 0 0 1 290 100 H 300 V 200 Z m 5 5 l 10 10 z" style="fill:blue;stroke:none"/>'
            '<svg:line x1="0" y1="0" x2="50" y2="0" stroke="black" stroke-width="3"/>'
            '<svg:g transform="translate(100,50) rotate(30 5 5) scale(2) skewX(10) matrix(1 0 0 1 0 0)" '
            'fill="#00ff00" fill-opacity="0.5"><svg:rect width="40" height="20" stroke="rgb(10%,20%,30%)"/>'
            '<svg:circle cx="10" cy="10" r="5"/><svg:ellipse cx="1" cy="1" rx="3" ry="2"/></svg:g>'
            '<svg:polygon points="0,0 10,0 5,8" fill="red"/>'
            '<svg:switch><svg:text x="10" y="500" font-size="20">Дроби <svg:tspan>и доли</svg:tspan></svg:text></svg:switch>'
            '<svg:textArea x="500" y="50" width="200" height="80">строка<svg:tbreak/>вторая</svg:textArea>'
            '<svg:image x="10" y="20" width="30" height="40" xlink:href="images/a.png"/>')
    content = (head + '<svg:svg width="1600" height="1200" viewBox="0 0 800 600"><svg:pageSet><svg:page>'
               + page + '</svg:page><svg:page/></svg:pageSet></svg:svg>'
               '<iwb:element xmlns:iwb="http://www.becta.org.uk/iwb" ref="bg" background="true"/></iwb>')
    png = tiny_png()

    def iwb(parts):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, 'w') as z:
            for name, data in parts:
                z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
        return buf.getvalue()

    files = [('images/bg.png', png), ('images/a.png', png)]
    whole = iwb([('content.xml', content)] + files)
    single = head + '<svg:svg width="100" height="100"><svg:rect width="1" height="1"/></svg:svg></iwb>'
    return {
        'document.iwb': whole,
        'single-page.iwb': iwb([('content.xml', single)]),
        'truncated.iwb': whole[:len(whole) // 2],
        'broken-xml.iwb': iwb([('content.xml', content[:len(content) // 2])] + files),
        'dtd.iwb': iwb([('content.xml', '<!DOCTYPE iwb [<!ENTITY a "aaaa">]><iwb>&a;</iwb>')]),
        'traversal.iwb': iwb([('content.xml', single), ('../evil.png', png)]),
        'missing-image.iwb': iwb([('content.xml', content)]),
        'bad-jpeg.iwb': iwb([('content.xml', content.replace('images/a.png', 'images/a.jpg')),
                             ('images/a.jpg', b'\xff\xd8\xff\xe0\0\x10JFIF\0\1')] + files),
        'nan.iwb': iwb([('content.xml', single.replace('width="1"', 'width="nan"'))] + files),
        # Bare documents: the target packs them as content.xml itself.
        'document.xml': content.encode(),
        'single-page.xml': single.encode(),
        'transforms.xml': (head + '<svg:svg width="100" height="100"><svg:g transform="matrix(1,0,0,1,5,5) skewY(5)">'
                           '<svg:path d="M0,0 h10 v10 H0 V0 z M 5 5 s 1 1 2 2 t 3 3 a 1 1 0 1 0 4 4 Z"/>'
                           '<svg:text font-size="12px" style="fill:#123;opacity:.5">a<svg:tspan>b</svg:tspan></svg:text>'
                           '</svg:g></svg:svg></iwb>').encode(),
    }


def epub_open_seeds():
    # Books for UrokEpub written here: EPUB 3 with a navigation document,
    # EPUB 2 with an NCX, and the faults reading systems forgive or refuse.
    container = ('<?xml version="1.0"?><container version="1.0" '
                 'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                 '<rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/>'
                 '</rootfiles></container>')
    opf = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
           'unique-identifier="u"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
           '<dc:identifier id="u">urn:x</dc:identifier><dc:title>Книга</dc:title><dc:language>ru</dc:language>'
           '<meta property="rendition:layout">pre-paginated</meta><meta name="cover" content="img"/></metadata>'
           '<manifest><item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/>'
           '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
           '<item id="c1" href="text/c%201.xhtml" media-type="application/xhtml+xml" fallback="c2"/>'
           '<item id="c2" href="text/c2.xhtml" media-type="application/xhtml+xml"/>'
           '<item id="img" href="i.png" media-type="image/png" properties="cover-image"/></manifest>'
           '<spine toc="ncx" page-progression-direction="rtl"><itemref idref="c1" properties="page-spread-left"/>'
           '<itemref idref="c2" linear="no"/></spine></package>')
    nav = ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
           '<body><nav epub:type="toc"><ol><li><a href="text/c%201.xhtml">1</a><ol><li><a href="text/c2.xhtml#a">2</a>'
           '</li></ol></li><li><span>h</span></li></ol></nav><nav epub:type="landmarks"><ol><li>'
           '<a epub:type="bodymatter" href="text/c2.xhtml">b</a></li></ol></nav><nav epub:type="page-list"><ol>'
           '<li><a href="text/c2.xhtml#p1">1</a></li></ol></nav></body></html>')
    ncx = ('<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>'
           '<navPoint id="a"><navLabel><text>1</text></navLabel><content src="text/c2.xhtml"/>'
           '<navPoint id="b"><navLabel><text>2</text></navLabel><content src="../../x"/></navPoint></navPoint>'
           '</navMap></ncx>')
    page = '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>т</p></body></html>'

    def epub(parts):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, 'w') as z:
            for name, data in parts:
                z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data,
                           zipfile.ZIP_STORED if name == 'mimetype' else zipfile.ZIP_DEFLATED)
        return buf.getvalue()

    good = [('mimetype', 'application/epub+zip'), ('META-INF/container.xml', container),
            ('OEBPS/book.opf', opf), ('OEBPS/nav.xhtml', nav), ('OEBPS/toc.ncx', ncx),
            ('OEBPS/text/c 1.xhtml', page), ('OEBPS/text/c2.xhtml', page), ('OEBPS/i.png', b'\x89PNG')]
    whole = epub(good)
    return {
        'valid.epub': whole,
        'ncx-only.epub': epub([p for p in good if p[0] != 'OEBPS/nav.xhtml']),
        'fallback.epub': epub([p for p in good if p[0] != 'OEBPS/text/c 1.xhtml']),
        'wrong-mimetype.epub': epub([('mimetype', 'application/zip')] + good[1:]),
        'traversal.epub': epub(good + [('../../x', 'x')]),
        'duplicate.epub': epub(good + [('OEBPS/./c2.xhtml', page)]),
        'broken-nav.epub': epub(good[:3] + [('OEBPS/nav.xhtml', nav[:100])] + good[4:]),
        'truncated.epub': whole[:len(whole) // 2],
    }


if out.name == 'epub-open':
    seeds = epub_open_seeds()
    for name, data in seeds.items():
        (out / name).write_bytes(data)
    print(f'{len(seeds)} seeds in {out}')
    sys.exit(0)

if out.name == 'board-iwb':
    seeds = board_iwb_seeds()
    for name, data in seeds.items():
        (out / name).write_bytes(data)
    print(f'{len(seeds)} seeds in {out}')
    sys.exit(0)

if out.name == 'board-xopp':
    seeds = board_xopp_seeds()
    for name, data in seeds.items():
        (out / name).write_bytes(data)
    print(f'{len(seeds)} seeds in {out}')
    sys.exit(0)

if out.name == 'board-item':
    seeds = board_item_seeds()
    for name, data in seeds.items():
        (out / name).write_bytes(data)
    print(f'{len(seeds)} seeds in {out}')
    sys.exit(0)

if out.name == 'epub-cfi':
    # The canonical, valid and invalid CFIs of the shared cases file.
    cases = json.loads((root / 'tests' / 'annotations' / 'cfi-cases.json').read_text())
    texts = [c for pair in cases['canonical'] for c in pair] + cases['invalid'] + cases['order']
    texts += [p['cfi'] for p in cases['points'] + cases['ranges']]
    for i, text in enumerate(dict.fromkeys(texts)):
        (out / f'cfi-{i:03}').write_bytes(text.encode())
    print(f'{len(texts)} seeds in {out}')
    sys.exit(0)

if out.name in ('lesson-json', 'lesson-package'):
    seeds = lesson_json_seeds() if out.name == 'lesson-json' else lesson_package_seeds()
    for name, data in seeds.items():
        (out / name).write_bytes(data)
    print(f'{len(seeds)} seeds in {out}')
    sys.exit(0)

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
