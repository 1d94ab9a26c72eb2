/* urok-reading-system.js: navigator.epubReadingSystem for books' scripts.
 *
 * EPUB 3 books may ask the reading system who it is and what it can do.
 * This runs in the book's own world (it must be visible there) and is
 * plain data: nothing in it reaches the app.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
(function () {
  'use strict';

  if (location.protocol !== 'urok-book:' || 'epubReadingSystem' in navigator)
    return;
  const features = new Set([
    'dom-manipulation', 'layout-changes', 'touch-events', 'mouse-events', 'keyboard-events', 'spine-scripting',
  ]);
  const system = Object.freeze({
    name: 'Urok',
    version: '@VERSION@',
    layoutStyle: 'paginated',
    hasFeature: (feature, version) => features.has(feature),
  });
  Object.defineProperty(navigator, 'epubReadingSystem', { value: system, enumerable: true });
})();
