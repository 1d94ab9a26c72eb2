/* cfi.js: EPUB CFI 1.1 and book locations in the reader's web view.
 *
 * The same rules as src/core/urok-epub-cfi*.c and urok-book-location.c,
 * so a CFI made on either side resolves to the same place on the other:
 * even steps name child elements, odd steps the runs of character data
 * around them, character offsets count UTF-16 code units through a run;
 * a location adds the quote with 32 characters (code points) of context
 * on each side and UTF-16 positions in the body's text.  Checked against
 * tests/annotations/cfi-cases.json by tests/annotations/test-cfi-js.js.
 *
 * Self-contained, no network; meant for an isolated script world.  Uses
 * only parentNode, firstChild, nextSibling, previousSibling, nodeType,
 * data, localName and getAttribute of the DOM.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
(function (global) {
  'use strict';

  const ELEMENT = 1, TEXT = 3, CDATA = 4;
  const SPECIAL = '^[](),;=';
  const CONTEXT = 32;
  const MAX_STEPS = 512;

  function isText (node) {
    return node.nodeType === TEXT || node.nodeType === CDATA;
  }

  function isElement (node) {
    return node.nodeType === ELEMENT;
  }

  function fail (text, at, what) {
    throw new SyntaxError('Not an EPUB CFI: ' + what + ' at character ' + at + ' of “' + text + '”');
  }

  /* Parsing */

  function parse (text) {
    let p = 0;
    const wrapped = text.startsWith('epubcfi(');

    function integer () {
      const m = /^[0-9]+/.exec(text.slice(p));
      if (!m) fail(text, p, 'a number expected');
      if (m[0].length > 1 && m[0][0] === '0') fail(text, p, 'a number with a leading zero');
      const v = Number(m[0]);
      if (v > 2147483647) fail(text, p, 'a number too large');
      p += m[0].length;
      return v;
    }

    function number () {
      const start = p;
      integer();
      if (text[p] === '.') {
        p++;
        if (!/[0-9]/.test(text[p] || '')) fail(text, p, 'digits expected after the decimal point');
        while (/[0-9]/.test(text[p] || '')) p++;
        if (p - start > 32) fail(text, p, 'a number too long');
      }
      return text.slice(start, p);
    }

    function value (stops) {
      let out = '';
      while (p < text.length && !stops.includes(text[p])) {
        if (text[p] === '^') {
          p++;
          if (p >= text.length) fail(text, p, '“^” at the end');
          out += text[p];
        } else if (SPECIAL.includes(text[p])) {
          fail(text, p, 'an unescaped special character');
        } else {
          out += text[p];
        }
        p++;
      }
      if (p >= text.length) fail(text, p, 'an unclosed “[”');
      return out;
    }

    function parameters (path) {
      while (text[p] === ';') {
        p++;
        const name = value('=]');
        if (text[p] !== '=') fail(text, p, '“=” expected in a parameter');
        p++;
        const v = value(';]');
        if (name === '') fail(text, p, 'a parameter without a name');
        if (path && name === 's') {
          if (v !== 'a' && v !== 'b') fail(text, p, 'a side bias other than “a” or “b”');
          path.side = v;
        }
      }
    }

    function stepAssertion () {
      p++;
      const id = value(';]');
      parameters(null);
      if (text[p] !== ']') fail(text, p, '“]” expected');
      p++;
      return id === '' ? null : id;
    }

    function textAssertion (path) {
      p++;
      path.before = value(',;]');
      if (text[p] === ',') {
        p++;
        path.after = value(';]');
      }
      parameters(path);
      if (text[p] !== ']') fail(text, p, '“]” expected');
      p++;
      if (path.before === '') path.before = null;
      if (path.after === '') path.after = null;
    }

    function offset (path) {
      if (text[p] === ':') {
        p++;
        path.charOffset = integer();
        if (text[p] === '[') textAssertion(path);
        return;
      }
      if (text[p] === '~') {
        p++;
        path.temporal = number();
      }
      if (text[p] === '@') {
        p++;
        const x = number();
        if (text[p] !== ':') fail(text, p, '“:” expected in a spatial offset');
        p++;
        path.spatial = x + ':' + number();
      }
      if (text[p] === '[') stepAssertion();
    }

    function path (needStep) {
      const result = newPath();
      let redirect = false;
      while (text[p] === '/' || text[p] === '!') {
        if (text[p] === '!') {
          if (redirect) fail(text, p, '“!!”');
          redirect = true;
          p++;
          continue;
        }
        p++;
        const step = { index: integer(), id: null, redirect: redirect };
        if (text[p] === '[') step.id = stepAssertion();
        redirect = false;
        if (result.steps.length >= MAX_STEPS) fail(text, p, 'too many steps');
        result.steps.push(step);
      }
      if (redirect) fail(text, p, '“!” without a step after it');
      if (needStep && result.steps.length === 0) fail(text, p, 'a step expected');
      if (text[p] === ':' || text[p] === '~' || text[p] === '@') offset(result);
      return result;
    }

    if (wrapped) p = 'epubcfi('.length;
    const cfi = { parent: path(true), range: false, start: newPath(), end: newPath() };
    if (text[p] === ',') {
      if (hasOffset(cfi.parent)) fail(text, p, 'an offset before a range');
      cfi.range = true;
      p++;
      cfi.start = path(false);
      if (text[p] !== ',') fail(text, p, '“,” expected before the end of a range');
      p++;
      cfi.end = path(false);
      if ((cfi.start.steps.length === 0 && !hasOffset(cfi.start)) ||
          (cfi.end.steps.length === 0 && !hasOffset(cfi.end)))
        fail(text, p, 'an empty end of a range');
    }
    if (wrapped) {
      if (text[p] !== ')') fail(text, p, '“)” expected');
      p++;
    }
    if (p !== text.length) fail(text, p, 'unexpected text');
    return cfi;
  }

  function newPath () {
    return { steps: [], charOffset: null, before: null, after: null, side: null,
             temporal: null, spatial: null };
  }

  function hasOffset (path) {
    return path.charOffset !== null || path.temporal !== null || path.spatial !== null;
  }

  /* The canonical string */

  function escape (value) {
    let out = '';
    for (const c of value) out += (SPECIAL.includes(c) ? '^' : '') + c;
    return out;
  }

  function pathString (path) {
    let out = '';
    for (const step of path.steps) {
      out += (step.redirect ? '!' : '') + '/' + step.index;
      if (step.id !== null) out += '[' + escape(step.id) + ']';
    }
    if (path.charOffset !== null) {
      out += ':' + path.charOffset;
      if (path.before !== null || path.after !== null || path.side !== null) {
        out += '[' + (path.before !== null ? escape(path.before) : '');
        if (path.after !== null) out += ',' + escape(path.after);
        if (path.side !== null) out += ';s=' + path.side;
        out += ']';
      }
    }
    if (path.temporal !== null) out += '~' + path.temporal;
    if (path.spatial !== null) out += '@' + path.spatial;
    return out;
  }

  function serialize (cfi) {
    let out = 'epubcfi(' + pathString(cfi.parent);
    if (cfi.range) out += ',' + pathString(cfi.start) + ',' + pathString(cfi.end);
    return out + ')';
  }

  function asCfi (cfi) {
    return typeof cfi === 'string' ? parse(cfi) : cfi;
  }

  /* Ordering */

  function point (cfi, end) {
    const local = end ? cfi.end : cfi.start;
    if (!cfi.range) return { steps: cfi.parent.steps, terminal: cfi.parent };
    return { steps: cfi.parent.steps.concat(local.steps), terminal: local };
  }

  function comparePoints (a, b, end) {
    const pa = point(a, end), pb = point(b, end);
    for (let i = 0; i < pa.steps.length && i < pb.steps.length; i++)
      if (pa.steps[i].index !== pb.steps[i].index)
        return pa.steps[i].index < pb.steps[i].index ? -1 : 1;
    if (pa.steps.length !== pb.steps.length) return pa.steps.length < pb.steps.length ? -1 : 1;
    const oa = pa.terminal.charOffset || 0, ob = pb.terminal.charOffset || 0;
    return oa === ob ? 0 : oa < ob ? -1 : 1;
  }

  function compare (a, b) {
    a = asCfi(a);
    b = asCfi(b);
    const order = comparePoints(a, b, false);
    if (order !== 0) return order;
    if (a.range !== b.range) return a.range ? 1 : -1;
    return a.range ? comparePoints(a, b, true) : 0;
  }

  /* Positions */

  function elementId (element) {
    const id = element.getAttribute ? element.getAttribute('id') : null;
    return id ? id : null;
  }

  function elementStep (element) {
    let n = 1;
    for (let c = element.previousSibling; c; c = c.previousSibling)
      if (isElement(c)) n++;
    return 2 * n;
  }

  function contentPath (node, offset) {
    let parent, stop, run;
    if (isText(node)) {
      if (offset < 0 || offset > node.data.length) throw new RangeError('Offset beyond the end of the text');
      parent = node.parentNode;
      stop = node;
      run = offset;
    } else if (isElement(node)) {
      parent = node;
      stop = node.firstChild;
      for (let n = 0; n < offset; n++) {
        if (!stop) throw new RangeError('The element has no child ' + offset);
        stop = stop.nextSibling;
      }
      run = 0;
    } else {
      throw new RangeError('A position must be in a text node or an element');
    }
    if (!parent || !isElement(parent)) throw new RangeError('The position is not inside the root element');

    let elements = 0;
    for (let c = parent.firstChild; c !== stop; c = c.nextSibling) {
      if (isElement(c)) {
        elements++;
        run = isText(node) ? offset : 0;
      } else if (isText(c)) {
        run += c.data.length;
      }
    }
    const path = newPath();
    path.charOffset = run;
    path.steps.unshift({ index: 2 * elements + 1, id: null, redirect: false });
    let top = parent;
    for (; top.parentNode && isElement(top.parentNode); top = top.parentNode)
      path.steps.unshift({ index: elementStep(top), id: elementId(top), redirect: false });
    if (!top.parentNode || top.parentNode.nodeType !== 9)
      throw new RangeError('The position is not in a document');
    path.steps[0].redirect = true;
    return path;
  }

  function spineSteps (spineIndex, idref) {
    return [{ index: 6, id: null, redirect: false },
            { index: 2 * (spineIndex + 1), id: idref || null, redirect: false }];
  }

  function pointCfi (spineIndex, idref, node, offset) {
    const path = contentPath(node, offset);
    path.steps = spineSteps(spineIndex, idref).concat(path.steps);
    return { parent: path, range: false, start: newPath(), end: newPath() };
  }

  function fromPoint (spineIndex, idref, node, offset) {
    return serialize(pointCfi(spineIndex, idref, node, offset));
  }

  function rangeCfi (spineIndex, idref, startNode, startOffset, endNode, endOffset) {
    const a = pointCfi(spineIndex, idref, startNode, startOffset);
    const b = pointCfi(spineIndex, idref, endNode, endOffset);
    if (compare(a, b) > 0) throw new RangeError('The range ends before it starts');
    const sa = a.parent.steps, sb = b.parent.steps;
    let common = 0;
    while (common < sa.length && common < sb.length &&
           sa[common].index === sb[common].index && sa[common].id === sb[common].id)
      common++;
    const cfi = { parent: newPath(), range: true, start: newPath(), end: newPath() };
    cfi.parent.steps = sa.slice(0, common);
    cfi.start.steps = sa.slice(common);
    cfi.end.steps = sb.slice(common);
    cfi.start.charOffset = a.parent.charOffset;
    cfi.end.charOffset = b.parent.charOffset;
    return cfi;
  }

  function fromRange (spineIndex, idref, startNode, startOffset, endNode, endOffset) {
    if (startNode && startNode.startContainer) {
      const range = startNode;
      return fromRange(spineIndex, idref, range.startContainer, range.startOffset,
                       range.endContainer, range.endOffset);
    }
    return serialize(rangeCfi(spineIndex, idref, startNode, startOffset, endNode, endOffset));
  }

  function findById (root, id) {
    let node = root;
    while (node) {
      if (isElement(node) && elementId(node) === id) return node;
      if (isElement(node) && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      while (node && node !== root && !node.nextSibling) node = node.parentNode;
      if (!node || node === root) return null;
      node = node.nextSibling;
    }
    return null;
  }

  function resolveRun (parent, index, charOffset) {
    const before = (index - 1) / 2;
    let elements = 0, childIndex = 0, c = parent.firstChild;
    for (; c && elements < before; c = c.nextSibling, childIndex++)
      if (isElement(c)) elements++;
    if (elements < before) throw new RangeError('Step /' + index + ' is past the last child');
    let run = 0, sawText = false;
    for (let t = c; t && !isElement(t); t = t.nextSibling) {
      if (!isText(t)) continue;
      if (charOffset <= run + t.data.length) return { node: t, offset: charOffset - run };
      run += t.data.length;
      sawText = true;
    }
    if (!sawText && charOffset === 0) return { node: parent, offset: childIndex };
    throw new RangeError('Character offset ' + charOffset + ' is beyond the text of step /' + index);
  }

  /* { node, offset } of the point (or a range's start, or with @end its end)
   * in @doc; throws RangeError when the path leads nowhere. */
  function resolve (cfi, doc, end) {
    cfi = asCfi(cfi);
    const { steps, terminal } = point(cfi, !!end);
    let first = 0;
    steps.forEach(function (step, i) { if (step.redirect) first = i; });
    const root = doc.documentElement;
    if (!root) throw new RangeError('The document is empty');
    let cur = root;
    for (let i = first; i < steps.length; i++) {
      const step = steps[i];
      if (step.index % 2 === 1) {
        if (i + 1 !== steps.length) throw new RangeError('Step /' + step.index + ' names text but is not the last step');
        return resolveRun(cur, step.index, terminal.charOffset || 0);
      }
      let child = null, n = 0;
      for (child = cur.firstChild; child; child = child.nextSibling)
        if (isElement(child) && ++n === step.index / 2) break;
      if (step.id !== null && (!child || elementId(child) !== step.id)) {
        const found = findById(root, step.id);
        if (found) child = found;
      }
      if (!child) throw new RangeError('No element at step /' + step.index + (step.id !== null ? '[' + step.id + ']' : ''));
      cur = child;
    }
    return { node: cur, offset: 0 };
  }

  function toRange (cfi, doc) {
    cfi = asCfi(cfi);
    const start = resolve(cfi, doc, false);
    const end = cfi.range ? resolve(cfi, doc, true) : start;
    const range = doc.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    return range;
  }

  /* Locations: the body's text, as quotes and positions count it */

  function bodyText (doc) {
    const root = doc.documentElement;
    let top = root;
    for (let c = root ? root.firstChild : null; c; c = c.nextSibling)
      if (isElement(c) && c.localName === 'body') { top = c; break; }
    const segments = [];
    let text = '';
    for (let n = top ? top.firstChild : null; n;) {
      if (isText(n) && n.data.length > 0) {
        segments.push({ node: n, start: text.length });
        text += n.data;
      }
      if (isElement(n) && n.firstChild) { n = n.firstChild; continue; }
      while (n && n !== top && !n.nextSibling) n = n.parentNode;
      n = n && n !== top ? n.nextSibling : null;
    }
    return { text: text, segments: segments, top: top };
  }

  function nextInOrder (node) {
    if (isElement(node) && node.firstChild) return node.firstChild;
    while (node && !node.nextSibling) node = node.parentNode;
    return node ? node.nextSibling : null;
  }

  function textOffsetOf (body, node, offset) {
    const segment = body.segments.find(function (s) { return s.node === node; });
    if (segment) return segment.start + offset;
    let n;
    if (isText(node)) {
      n = nextInOrder(node);
    } else {
      n = node.firstChild;
      for (let k = 0; n && k < offset; k++) n = n.nextSibling;
      if (!n) {
        n = node;
        while (n && !n.nextSibling) n = n.parentNode;
        n = n ? n.nextSibling : null;
      }
    }
    for (; n; n = nextInOrder(n)) {
      const s = body.segments.find(function (x) { return x.node === n; });
      if (s) return s.start;
    }
    return body.text.length;
  }

  function nodeAt (body, position, preferNext) {
    let index = -1;
    for (let i = 0; i < body.segments.length && body.segments[i].start <= position; i++) index = i;
    if (index < 0) return null;
    if (!preferNext && index > 0 && body.segments[index].start === position) index--;
    const segment = body.segments[index];
    return { node: segment.node, offset: position - segment.start };
  }

  /* Up to CONTEXT code points before @at (or after it, with @forward). */
  function context (text, at, forward) {
    let p = at;
    for (let i = 0; i < CONTEXT; i++) {
      if (forward ? p >= text.length : p <= 0) break;
      const code = forward ? text.charCodeAt(p) : text.charCodeAt(p - 1);
      const pair = forward ? code >= 0xd800 && code < 0xdc00 : code >= 0xdc00 && code < 0xe000;
      p += (forward ? 1 : -1) * (pair ? 2 : 1);
    }
    return forward ? text.slice(at, p) : text.slice(p, at);
  }

  function cssSelector (node) {
    for (let e = node; e; e = e.parentNode) {
      if (!isElement(e)) continue;
      const id = elementId(e);
      if (id && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(id)) return '#' + id;
    }
    return null;
  }

  /* The stored form of urok-book-location-json.c for a range (or point). */
  function location (spineIndex, idref, doc, startNode, startOffset, endNode, endOffset) {
    const isPoint = startNode === endNode && startOffset === endOffset;
    const cfi = isPoint ? fromPoint(spineIndex, idref, startNode, startOffset)
                        : fromRange(spineIndex, idref, startNode, startOffset, endNode, endOffset);
    const body = bodyText(doc);
    const start = textOffsetOf(body, startNode, startOffset);
    const end = Math.max(start, textOffsetOf(body, endNode, endOffset));
    const result = { cfi: cfi, start: start, end: end,
                     exact: body.text.slice(start, end),
                     prefix: context(body.text, start, false),
                     suffix: context(body.text, end, true) };
    const css = cssSelector(startNode);
    if (css) result.css = css;
    return result;
  }

  function commonSuffix (a, b) {
    let n = 0;
    while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
    return n;
  }

  function commonPrefix (a, b) {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  }

  function bestMatch (loc, text, needle, lead, trail, hint) {
    let best = null;
    if (needle === '') return null;
    for (let p = text.indexOf(needle); p >= 0; p = text.indexOf(needle, p + 1)) {
      const s = p + lead, e = p + needle.length - trail;
      const score = commonSuffix(loc.prefix || '', text.slice(0, s)) + commonPrefix(loc.suffix || '', text.slice(e));
      const distance = Math.abs(s - hint);
      if (!best || score > best.score || (score === best.score && distance < best.distance))
        best = { start: s, end: e, score: score, distance: distance };
    }
    return best;
  }

  /* Finds @loc (as location() gives) in @doc: { anchor: 'exact' | 'moved' |
   * 'approximate', start: {node, offset}, end: {node, offset} }, or null. */
  function anchor (loc, doc) {
    const body = bodyText(doc);
    const exact = loc.exact || '', prefix = loc.prefix || '', suffix = loc.suffix || '';
    let viaCfi = null, start = 0, end = 0;
    try {
      const cfi = parse(loc.cfi);
      const s = resolve(cfi, doc, false);
      const e = cfi.range ? resolve(cfi, doc, true) : s;
      start = textOffsetOf(body, s.node, s.offset);
      end = textOffsetOf(body, e.node, e.offset);
      if (start <= end) viaCfi = { start: s, end: e };
    } catch (error) {
      if (!(error instanceof RangeError) && !(error instanceof SyntaxError)) throw error;
    }
    if (viaCfi) {
      const matches = exact !== ''
        ? body.text.slice(start, end) === exact
        : commonSuffix(prefix, body.text.slice(0, start)) === prefix.length &&
          commonPrefix(suffix, body.text.slice(end)) === suffix.length;
      if (matches) return { anchor: 'exact', start: viaCfi.start, end: viaCfi.end };
    }
    const hint = viaCfi ? start : (loc.start >= 0 ? loc.start : 0);
    const match = exact !== ''
      ? bestMatch(loc, body.text, exact, 0, 0, hint)
      : bestMatch(loc, body.text, prefix + suffix, prefix.length, suffix.length, hint) ||
        bestMatch(loc, body.text, suffix, 0, suffix.length, hint) ||
        bestMatch(loc, body.text, prefix, prefix.length, 0, hint);
    if (match) {
      const s = nodeAt(body, match.start, true);
      const e = nodeAt(body, match.end, match.start === match.end);
      if (s && e) return { anchor: 'moved', start: s, end: e };
    }
    if (viaCfi) return { anchor: 'approximate', start: viaCfi.start, end: viaCfi.end };
    return null;
  }

  global.UrokCfi = {
    parse: parse,
    serialize: function (cfi) { return serialize(asCfi(cfi)); },
    compare: compare,
    fromPoint: fromPoint,
    fromRange: fromRange,
    resolve: resolve,
    toRange: toRange,
    location: location,
    anchor: anchor,
    documentText: function (doc) { return bodyText(doc).text; },
  };
})(typeof globalThis !== 'undefined' ? globalThis : this);
