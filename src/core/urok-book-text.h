/* urok-book-text.h: the text of one book document (an EPUB content
 * document, XHTML or HTML) in reading order, as blocks that a reader can
 * jump to.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* Where the block is: "#ID" when its element has an id, else the path of
   * element positions from <body>, each step twice the 1-based position
   * among element children as in EPUB CFI ("/4/2/6": body's second
   * element child, its first, that one's third); "/" is <body> itself. */
  char *locator;
  /* Its text, whitespace collapsed to single spaces, never empty. */
  char *text;
} UrokBookTextBlock;

void       urok_book_text_block_free (UrokBookTextBlock  *block);

/* The blocks of @document (paragraphs, headings, list items, table cells,
 * captions ...) in reading order, a GPtrArray of UrokBookTextBlock that
 * frees them.  script, style, head, template and noscript are skipped; a
 * MathML formula gives its alttext.  Read with libxml2 with no network and
 * no entity expansion; what is not well-formed XML is read as HTML. */
GPtrArray *urok_book_text_extract    (GBytes              *document,
                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokBookTextBlock, urok_book_text_block_free)

G_END_DECLS
