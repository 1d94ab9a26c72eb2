/* urok-board-render-private.h: parts of the renderer shared between its
 * files.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-render.h"

G_BEGIN_DECLS

/* Page @number (from 1) of @pdf stretched over the page (0, 0, @page_width,
 * @page_height; an infinite page takes the PDF page's own size), drawn as
 * urok_board_render_background () draws: @rect at @scale with its corner
 * at the context's origin.  Safe on any thread (poppler is used under a
 * lock); the page is kept rendered per scale.  FALSE if it cannot be
 * read. */
gboolean _urok_board_render_pdf_page        (cairo_t             *cr,
                                             GBytes              *pdf,
                                             guint                number,
                                             double               page_width,
                                             double               page_height,
                                             const UrokBoardRect *rect,
                                             double               scale);
/* Forgets the rendered pages (tests, memory pressure). */
void     _urok_board_render_pdf_clear_cache (void);
/* How many times a PDF page was rasterised (for tests of the cache). */
guint    _urok_board_render_pdf_get_n_rasterised (void);

/* urok_board_render_background () with the page number of a PDF
 * background. */
void     _urok_board_render_background_page (cairo_t             *cr,
                                             UrokBoardBackground  background,
                                             const char          *parameter,
                                             double               page_width,
                                             double               page_height,
                                             GBytes              *data,
                                             const UrokBoardRect *rect,
                                             double               scale);

G_END_DECLS
