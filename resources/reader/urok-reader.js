/* urok-reader.js: the reader's side of a book page.
 *
 * Runs in the reader's own script world: the book's scripts share the DOM
 * with it but not its globals, so they can neither call urokReader nor
 * post to the app.  It lays the page out (columns or scrolling, the
 * reader's settings as a style sheet), turns pages by translating the
 * document element, and reports what the app must act on: where the
 * reader is, links, footnotes, and requests the page's policy refused.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
(function () {
  'use strict';

  if (location.protocol !== 'urok-book:')
    return;

  const OPS = 'http://www.idpf.org/2007/ops';
  const THEMES = {
    light: { bg: '#ffffff', fg: '#1b1b1b', link: '#1c5fb0' },
    sepia: { bg: '#f4ecd8', fg: '#4a3b2a', link: '#8a4b14' },
    dark: { bg: '#1e1e1e', fg: '#dcdcdc', link: '#8cb4ff' },
  };
  const root = document.documentElement;
  const post = (message) => window.webkit.messageHandlers.urok.postMessage(message);
  let settings = null;
  let page = 0;
  let pages = 1;
  let pageWidth = 1;
  let style = null;
  /* Right-to-left text: the columns run leftwards from the first page. */
  let direction = -1;

  function epubType (element) {
    return (element.getAttributeNS(OPS, 'type') || element.getAttribute('epub:type') || '').split(/\s+/);
  }

  function viewportSize () {
    const meta = document.querySelector('meta[name="viewport"]');
    const size = { width: 0, height: 0 };
    if (meta !== null)
      for (const part of (meta.getAttribute('content') || '').split(/[,;]/)) {
        const [key, value] = part.split('=').map((s) => s.trim());
        if (key === 'width' || key === 'height')
          size[key] = parseFloat(value) || 0;
      }
    if (size.width <= 0 || size.height <= 0) {
      const svg = document.querySelector('svg[viewBox]');
      const box = svg !== null ? svg.viewBox.baseVal : null;
      size.width = box !== null && box.width > 0 ? box.width : root.scrollWidth;
      size.height = box !== null && box.height > 0 ? box.height : root.scrollHeight;
    }
    return size;
  }

  function themeCss (s) {
    const theme = THEMES[s.theme] || THEMES.light;
    let css = `html, body { background: ${theme.bg} !important; color: ${theme.fg} !important; }\n`;
    if (s.theme !== 'light')
      /* Text takes the theme's colours; pictures keep theirs. */
      css += `body *:not(svg):not(svg *):not(img):not(video):not(math):not(math *) {
  color: inherit !important; background-color: transparent !important; border-color: currentColor !important; }
a, a * { color: ${theme.link} !important; }\n`;
    return css;
  }

  function textCss (s) {
    let css = `html { font-size: ${100 * s.scale}% !important; -webkit-text-size-adjust: none; }\n`;
    if (s.fontFamily !== '')
      css += `body, body p, body li, body div, body span, body td, body th, body blockquote, body h1, body h2,
body h3, body h4, body h5, body h6 { font-family: "${s.fontFamily}" !important; }\n`;
    if (s.lineHeight > 0)
      css += `body, body p, body li, body div, body td, body blockquote { line-height: ${s.lineHeight} !important; }\n`;
    return css;
  }

  function layoutCss (s) {
    const width = window.innerWidth;
    const height = window.innerHeight;
    const m = s.margin;
    if (s.fixed) {
      const size = viewportSize();
      const fit = Math.min(width / size.width, height / size.height);
      const scale = fit * s.zoom;
      const x = Math.max(0, (width - size.width * scale) / 2);
      const y = Math.max(0, (height - size.height * scale) / 2);
      return `html { width: ${size.width}px !important; height: ${size.height}px !important; margin: 0 !important;
  overflow: ${s.zoom > 1 ? 'visible' : 'hidden'} !important; transform-origin: 0 0 !important;
  transform: translate(${x}px, ${y}px) scale(${scale}) !important; }\n`;
    }
    if (s.layout === 'scrolled')
      return `html { margin: 0 !important; padding: ${m}px ${m}px !important; overflow-x: hidden !important;
  overflow-y: auto !important; columns: auto !important; height: auto !important; transform: none !important; }
body { margin: 0 auto !important; max-width: 40em; }
img, svg, video { max-width: 100% !important; }\n`;
    /* Two columns when each would still hold a comfortable line. */
    const columns = width - 2 * m >= 2 * 420 + 2 * m ? 2 : 1;
    /* An explicit width too: WebKit makes no columns of column-count 1 alone. */
    const columnWidth = Math.floor((width - 2 * m - (columns - 1) * 2 * m) / columns);
    return `html { margin: 0 !important; width: ${width}px !important; height: ${height}px !important;
  max-width: none !important; max-height: none !important; box-sizing: border-box !important;
  padding: ${m}px ${m}px !important; column-count: ${columns} !important;
  column-width: ${columnWidth}px !important; column-gap: ${2 * m}px !important;
  column-fill: auto !important; overflow: hidden !important; }
body { margin: 0 !important; padding: 0 !important; max-width: none !important; }
img, svg, video, table, figure { max-width: 100% !important; max-height: ${height - 2 * m}px !important;
  break-inside: avoid; object-fit: contain; }\n`;
  }

  function ensureStyle () {
    if (style === null || !style.isConnected) {
      style = document.createElementNS('http://www.w3.org/1999/xhtml', 'style');
      (document.head || root).appendChild(style);
    }
    return style;
  }

  function paginated () {
    return settings !== null && !settings.fixed && settings.layout !== 'scrolled';
  }

  function progression () {
    if (settings !== null && settings.layout === 'scrolled' && !settings.fixed) {
      const range = root.scrollHeight - window.innerHeight;
      return range > 0 ? Math.min(1, window.scrollY / range) : 0;
    }
    return pages > 1 ? page / (pages - 1) : 0;
  }

  function where () {
    return { page: page, pages: pages, progression: progression() };
  }

  function report () {
    const location = where();
    location.type = 'relocated';
    post(location);
  }

  function show (n) {
    page = Math.max(0, Math.min(pages - 1, n));
    if (paginated())
      root.style.setProperty('transform', `translateX(${direction * page * pageWidth}px)`, 'important');
    report();
  }

  function measure () {
    root.style.removeProperty('transform');
    window.scrollTo(0, 0);
    if (!paginated()) {
      pages = 1;
      page = 0;
      return;
    }
    pageWidth = window.innerWidth;
    direction = getComputedStyle(root).direction === 'rtl' ? 1 : -1;
    pages = Math.max(1, Math.round((root.scrollWidth + settings.margin) / pageWidth));
  }

  function apply (newSettings) {
    const before = progression();
    settings = newSettings;
    /* A fixed-layout page is a picture made by its designer: only scaled. */
    ensureStyle().textContent = settings.fixed ? layoutCss(settings)
      : themeCss(settings) + textCss(settings) + layoutCss(settings);
    measure();
    return before;
  }

  function elementPage (element) {
    if (!paginated())
      return 0;
    root.style.removeProperty('transform');
    const rect = element.getBoundingClientRect();
    const offset = direction < 0 ? rect.left : pageWidth - rect.right;
    return Math.floor(Math.max(0, offset) / pageWidth);
  }

  function goToFragment (id) {
    const element = id !== '' ? document.getElementById(id) : null;
    if (element === null)
      return false;
    if (paginated())
      show(elementPage(element));
    else {
      element.scrollIntoView();
      report();
    }
    return true;
  }

  function goToProgression (fraction) {
    if (paginated())
      show(Math.round(fraction * (pages - 1)));
    else {
      window.scrollTo(0, fraction * (root.scrollHeight - window.innerHeight));
      report();
    }
  }

  /* Turns a page; at either end of the chapter says so instead. */
  function turn (delta) {
    if (settings === null)
      return 'busy';
    if (paginated()) {
      if (page + delta < 0)
        return 'start';
      if (page + delta >= pages)
        return 'end';
      show(page + delta);
      return 'moved';
    }
    if (settings.fixed)
      return delta < 0 ? 'start' : 'end';
    const range = root.scrollHeight - window.innerHeight;
    if (delta > 0 && window.scrollY >= range - 1)
      return 'end';
    if (delta < 0 && window.scrollY <= 0)
      return 'start';
    window.scrollBy(0, delta * window.innerHeight * 0.9);
    report();
    return 'moved';
  }

  function start (newSettings, target) {
    apply(newSettings);
    const go = () => {
      if (target.fragment !== undefined && goToFragment(target.fragment))
        return;
      if (target.end)
        goToProgression(1);
      else
        goToProgression(target.progression || 0);
    };
    if (document.fonts !== undefined)
      document.fonts.ready.then(() => { measure(); go(); });
    else
      go();
    return 'started';
  }

  function relayout (newSettings) {
    const before = apply(newSettings);
    goToProgression(before);
    return where();
  }

  window.urokReader = {
    start: start,
    relayout: relayout,
    next: () => turn(1),
    previous: () => turn(-1),
    goToPage: (n) => { show(n); return where(); },
    goToFragment: goToFragment,
    goToProgression: (f) => { goToProgression(f); return where(); },
    where: where,
  };

  window.addEventListener('resize', () => {
    if (settings !== null)
      relayout(settings);
  });
  /* A book's script scrolling the page would shift every page turn. */
  window.addEventListener('scroll', () => {
    if (paginated() && (window.scrollX !== 0 || window.scrollY !== 0))
      window.scrollTo(0, 0);
  });

  document.addEventListener('securitypolicyviolation', (event) => {
    post({ type: 'blocked', uri: event.blockedURI, directive: event.effectiveDirective });
  }, true);

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0)
      return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (link === null)
      return;
    const url = new URL(link.getAttribute('href'), document.baseURI);
    event.preventDefault();
    event.stopPropagation();
    if (url.protocol !== location.protocol || url.host !== location.host) {
      post({ type: 'external', uri: url.href });
      return;
    }
    const fragment = decodeURIComponent(url.hash.replace(/^#/, ''));
    if (epubType(link).includes('noteref') && fragment !== '' &&
        url.pathname === location.pathname) {
      const note = document.getElementById(fragment);
      if (note !== null) {
        const rect = link.getBoundingClientRect();
        post({ type: 'footnote', text: note.textContent.trim().replace(/\s+/g, ' '),
               x: rect.left, y: rect.top, width: rect.width, height: rect.height });
        return;
      }
    }
    if (url.pathname === location.pathname) {
      goToFragment(fragment);
      return;
    }
    post({ type: 'link', path: decodeURIComponent(url.pathname.replace(/^\//, '')) + (fragment !== '' ? '#' + fragment : '') });
  }, true);
})();
