/* urok-board-content-private.h: what the board's PDF import and PDF
 * backgrounds share.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <poppler.h>

G_BEGIN_DECLS

/* Page @ppage (@width × @height points) alone as a one-page PDF, so a
 * board page does not carry the whole document.  NULL, with @status set,
 * when cairo fails. */
GBytes *_urok_board_pdf_page_alone (PopplerPage    *ppage,
                                    double          width,
                                    double          height,
                                    cairo_status_t *status);

G_END_DECLS
