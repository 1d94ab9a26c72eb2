/* urok-pdf-view.h: the pages of a PDF textbook, one under another, in tiles.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "urok-pdf.h"

G_BEGIN_DECLS

typedef enum
{
  UROK_PDF_ZOOM_FREE,
  UROK_PDF_ZOOM_FIT_WIDTH,
  UROK_PDF_ZOOM_FIT_PAGE,
} UrokPdfZoomMode;

#define UROK_PDF_VIEW_MIN_ZOOM 0.25
#define UROK_PDF_VIEW_MAX_ZOOM 4.0

#define UROK_TYPE_PDF_VIEW (urok_pdf_view_get_type ())

G_DECLARE_FINAL_TYPE (UrokPdfView, urok_pdf_view, UROK, PDF_VIEW, GtkWidget)

GtkWidget      *urok_pdf_view_new                (void);
UrokPdf        *urok_pdf_view_get_document       (UrokPdfView     *self);
gboolean        urok_pdf_view_set_document       (UrokPdfView     *self,
                                                  UrokPdf         *pdf,
                                                  GError         **error);
double          urok_pdf_view_get_zoom           (UrokPdfView     *self);
void            urok_pdf_view_set_zoom           (UrokPdfView     *self,
                                                  double           zoom);
UrokPdfZoomMode urok_pdf_view_get_zoom_mode      (UrokPdfView     *self);
void            urok_pdf_view_set_zoom_mode      (UrokPdfView     *self,
                                                  UrokPdfZoomMode  mode);
guint           urok_pdf_view_get_page           (UrokPdfView     *self);
void            urok_pdf_view_set_page           (UrokPdfView     *self,
                                                  guint            page);
GListModel     *urok_pdf_view_get_outline        (UrokPdfView     *self);
void            urok_pdf_view_find               (UrokPdfView     *self,
                                                  const char      *text);
guint           urok_pdf_view_get_n_matches      (UrokPdfView     *self);
int             urok_pdf_view_get_match          (UrokPdfView     *self);
gboolean        urok_pdf_view_get_match_rect     (UrokPdfView     *self,
                                                  UrokPdfRect     *rect);
void            urok_pdf_view_select             (UrokPdfView       *self,
                                                  const UrokPdfRect *area);
char           *urok_pdf_view_dup_selected_text  (UrokPdfView     *self);
gboolean        urok_pdf_view_page_to_view       (UrokPdfView     *self,
                                                  guint            page,
                                                  double           px,
                                                  double           py,
                                                  double          *x,
                                                  double          *y);
guint           urok_pdf_view_get_n_pending_tiles  (UrokPdfView     *self);
guint           urok_pdf_view_get_n_rendered_tiles (UrokPdfView     *self);

G_END_DECLS
