// test-cfi-js.js: the reader's cfi.js against the cases the C core is tested
// with (cfi-cases.json), so both sides read and write the same CFIs.
// Runs under Node with a small DOM of its own (no network, no packages).
//
// Copyright 2026 Urok developers
// SPDX-License-Identifier: GPL-3.0-or-later
'use strict';

const fs = require('fs');
const vm = require('vm');

const [cfiJs, casesPath] = process.argv.slice(2);
const context = {};
vm.createContext(context);
vm.runInContext(fs.readFileSync(cfiJs, 'utf8'), context, { filename: cfiJs });
const UrokCfi = context.UrokCfi;
const cases = JSON.parse(fs.readFileSync(casesPath, 'utf8'));

// A DOM of what the tests touch, from XML without entities or a DTD.
class Node {
  constructor (type, props) {
    Object.assign(this, { nodeType: type, parentNode: null, firstChild: null, lastChild: null,
                          nextSibling: null, previousSibling: null }, props);
  }

  append (child) {
    child.parentNode = this;
    child.previousSibling = this.lastChild;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
    return child;
  }

  getAttribute (name) {
    return this.attributes && name in this.attributes ? this.attributes[name] : null;
  }
}

function parseXml (text) {
  const doc = new Node(9, {});
  let cur = doc;
  const re = /<\?[\s\S]*?\?>|<!--([\s\S]*?)-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^>\s]+)\s*>|<([^>\s/]+)([^>]*?)(\/?)>|([^<]+)/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) cur.append(new Node(8, { data: m[1] }));
    else if (m[2] !== undefined) cur.append(new Node(4, { data: m[2] }));
    else if (m[3] !== undefined) cur = cur.parentNode;
    else if (m[4] !== undefined) {
      const attributes = {};
      for (const a of m[5].matchAll(/([^\s=]+)="([^"]*)"/g)) attributes[a[1]] = a[2];
      const element = cur.append(new Node(1, { localName: m[4], attributes }));
      if (m[6] !== '/') cur = element;
    } else if (m[7] !== undefined && cur !== doc) cur.append(new Node(3, { data: m[7] }));
  }
  doc.documentElement = doc.firstChild;
  while (doc.documentElement && doc.documentElement.nodeType !== 1)
    doc.documentElement = doc.documentElement.nextSibling;
  return doc;
}

let n = 0, failed = 0;
function check (name, fn) {
  n++;
  try {
    fn();
    console.log(`ok ${n} ${name}`);
  } catch (error) {
    failed++;
    console.log(`not ok ${n} ${name}`);
    console.log('# ' + String(error && error.stack || error).split('\n').join('\n# '));
  }
}
function equal (a, b, what) {
  if (a !== b) throw new Error(`${what}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
}

const docs = {};
for (const name in cases.documents) docs[name] = parseXml(cases.documents[name]);

check('/js/epub-cfi/canonical', () => {
  for (const [input, expected] of cases.canonical) {
    const text = UrokCfi.serialize(input);
    equal(text, expected, input);
    equal(UrokCfi.serialize(text), text, 'fixed point');
    equal(UrokCfi.compare(input, text), 0, 'compare');
  }
});

check('/js/epub-cfi/invalid', () => {
  for (const input of cases.invalid) {
    let threw = false;
    try { UrokCfi.parse(input); } catch (error) { threw = error.name === 'SyntaxError'; }
    if (!threw) throw new Error(`“${input}” was accepted`);
  }
});

check('/js/epub-cfi/order', () => {
  const order = cases.order;
  for (let i = 0; i < order.length; i++)
    for (let j = 0; j < order.length; j++)
      equal(UrokCfi.compare(order[i], order[j]), i < j ? -1 : i > j ? 1 : 0, `${order[i]} vs ${order[j]}`);
});

check('/js/epub-cfi/points', () => {
  for (const c of cases.points) {
    const doc = docs[c.doc];
    const cfi = UrokCfi.parse(c.cfi);
    const found = UrokCfi.resolve(cfi, doc, false);
    if ('text' in c) {
      equal(found.node.data, c.text, c.cfi);
      equal(found.offset, c.offset, c.cfi);
    } else {
      equal(found.node.localName, c.element, c.cfi);
      equal(found.offset, c.child, c.cfi);
    }
    const spine = cfi.parent.steps[1];
    equal(UrokCfi.fromPoint(spine.index / 2 - 1, spine.id, found.node, found.offset), c.cfi, 'made');
  }
});

check('/js/epub-cfi/ranges', () => {
  for (const c of cases.ranges) {
    const doc = docs[c.doc];
    const cfi = UrokCfi.parse(c.cfi);
    const start = UrokCfi.resolve(cfi, doc, false);
    const end = UrokCfi.resolve(cfi, doc, true);
    const spine = cfi.parent.steps[1];
    const loc = UrokCfi.location(spine.index / 2 - 1, spine.id, doc, start.node, start.offset, end.node, end.offset);
    equal(loc.cfi, c.cfi, 'made');
    equal(loc.exact, c.string, 'exact');
    const found = UrokCfi.anchor(loc, doc);
    equal(found.anchor, 'exact', 'anchor');
  }
});

check('/js/book-location/paragraph-inserted', () => {
  const head = '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>';
  const p2 = '<p>The quick brown fox jumps over the lazy dog. The fox was happy.</p>';
  const first = parseXml(head + '<h1>One</h1>' + p2 + '</body></html>');
  const second = parseXml(head + '<p>New fox.</p><h1>One</h1>' + p2 + '</body></html>');
  const text = first.documentElement.lastChild.lastChild.firstChild;
  const at = text.data.indexOf('fox was');
  const loc = UrokCfi.location(2, 'c', first, text, at, text, at + 3);
  equal(loc.exact, 'fox', 'exact');
  const found = UrokCfi.anchor(loc, second);
  equal(found.anchor, 'moved', 'anchor');
  equal(found.start.node.data.slice(found.start.offset, found.end.offset), 'fox', 'text');
  equal(found.start.offset, at, 'the second fox');
});

console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
