/* urok-board-content.h: preparing what a teacher puts on a board page:
 * texts measured for their box, pictures checked and brought to a sane
 * size, one page taken out of a PDF for a background.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-item.h"

G_BEGIN_DECLS

/* Pictures larger than this on a side are scaled down: a 4K screen shows
 * no more, and a page stays small enough to save at once. */
#define UROK_BOARD_IMAGE_MAX_SIDE 4096
/* Files larger than this are refused before decoding. */
#define UROK_BOARD_IMAGE_MAX_BYTES ((gsize)48 * 1024 * 1024)
/* ... and so are pictures of more pixels than this (a decoded 20000×20000
 * PNG would take 1.6 GB). */
#define UROK_BOARD_IMAGE_MAX_PIXELS ((guint64)256 * 1024 * 1024)

/* The size of the box a TEXT item of @font_size needs (board units),
 * measured as the renderer lays it out; lines break only at newlines. */
void     urok_board_text_measure      (const char  *text,
                                       float        font_size,
                                       double      *width,
                                       double      *height);

/* Checks that @bytes are a PNG that decodes, and scales it down to fit
 * UROK_BOARD_IMAGE_MAX_SIDE when larger.  Returns PNG bytes for an IMAGE
 * item (@bytes themselves when unchanged) and their size in pixels, or
 * UROK_BOARD_ERROR_INVALID naming the problem.  (The UI turns JPEG into
 * PNG first: the core decodes PNG with cairo and nothing else.) */
GBytes  *urok_board_image_prepare     (GBytes      *bytes,
                                       int         *width,
                                       int         *height,
                                       GError     **error);

/* Page @number (from 1) of @pdf alone, as a one-page vector PDF re-written
 * by cairo, and its size in board units: a page background that does not
 * carry the whole book.  UROK_BOARD_ERROR_INVALID for a file that is not
 * a PDF, is encrypted or has no such page. */
GBytes  *urok_board_pdf_extract_page  (GBytes      *pdf,
                                       guint        number,
                                       double      *width,
                                       double      *height,
                                       GError     **error);
/* The number of pages of @pdf, or 0 with an error. */
guint    urok_board_pdf_count_pages   (GBytes      *pdf,
                                       GError     **error);

G_END_DECLS
