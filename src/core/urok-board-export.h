/* urok-board-export.h: whiteboard pages to PDF, SVG and PNG files, and PDF
 * pages into board pages (as their backgrounds).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-page.h"

G_BEGIN_DECLS

typedef enum
{
  UROK_BOARD_EXPORT_PDF, /* vector, one PDF page per board page */
  UROK_BOARD_EXPORT_SVG, /* vector, one page */
  UROK_BOARD_EXPORT_PNG, /* pixels, one page */
} UrokBoardExportFormat;

/* The format named by @path's extension (".pdf", ".svg", ".png"). */
gboolean       urok_board_export_format_for_path (const char            *path,
                                                  UrokBoardExportFormat *format);

/* What an export covers of @page: the page, or for an infinite page the
 * bounds of its items with a margin (a blank infinite page: 1920×1080). */
void           urok_board_export_get_extent      (UrokBoardPage         *page,
                                                  UrokBoardRect         *extent);

/* Writes @pages (UrokBoardPage) to @path atomically (a temporary file
 * renamed into place; nothing is left on failure).  SVG and PNG take
 * exactly one page.  @scale is PNG pixels per board unit (1: the page's
 * size at 96 dpi); PDF and SVG are vector at 72 points per 96 units.
 * Every point of every stroke is drawn; PDF backgrounds are drawn from
 * the PDF (poppler). */
gboolean       urok_board_export                 (GPtrArray             *pages,
                                                  UrokBoardExportFormat  format,
                                                  const char            *path,
                                                  double                 scale,
                                                  GError               **error);

/* PDF import: one new board page per page of @pdf, the page's size in
 * board units, background UROK_BOARD_BACKGROUND_PDF holding a one-page PDF
 * of that page alone (vector, re-written by cairo) with parameter "1".
 * @max_pages guards against absurd documents (0: 500).  A file that is
 * not a PDF, is encrypted or has absurd page sizes gives
 * UROK_BOARD_ERROR_INVALID. */
GPtrArray     *urok_board_import_pdf             (GBytes                *pdf,
                                                  guint                  max_pages,
                                                  GError               **error);

/* Draws a PDF background (@data: a PDF, @parameter: its page number, from
 * 1) over @width × @height board units at the context's current matrix;
 * FALSE if it cannot be read. */
gboolean       urok_board_render_pdf_background  (cairo_t               *cr,
                                                  GBytes                *data,
                                                  const char            *parameter,
                                                  double                 width,
                                                  double                 height);

G_END_DECLS
