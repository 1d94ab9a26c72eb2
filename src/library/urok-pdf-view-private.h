/* urok-pdf-view-private.h: what the PDF view's files share.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-pdf-tiles.h"
#include "urok-pdf-view.h"

G_BEGIN_DECLS

/* 100 % shows a point as a CSS point: 96 pixels to 72 points. */
#define PX_PER_PT (96.0 / 72.0)
#define GAP 12.0
#define ZOOM_STEP 1.2

struct _UrokPdfView
{
  GtkWidget        parent_instance;

  UrokPdf         *pdf;
  UrokPdfTiles    *tiles;
  GtkAdjustment   *hadjustment;
  GtkAdjustment   *vadjustment;
  guint            hscroll_policy : 1;
  guint            vscroll_policy : 1;

  double           zoom;
  UrokPdfZoomMode  zoom_mode;
  guint            n_pages;
  double          *page_width;  /* points */
  double          *page_height;
  double          *page_y;      /* logical pixels at the zoom, from the top */
  double           max_width;   /* points */
  double           content_width;
  double           content_height;
  guint            page;
  int              wanted_page; /* to show once laid out; -1: none */

  GCancellable    *find_cancellable;
  GArray          *matches;     /* UrokPdfRect */
  int              match;       /* -1: none */

  gboolean         has_selection;
  UrokPdfRect      selection;   /* from where the drag began to where it is */
  GArray          *selection_rects;

  double           pointer_x;
  double           pointer_y;
  double           pinch_zoom;
};

double   _urok_pdf_view_px_per_pt        (UrokPdfView       *self);
gboolean _urok_pdf_view_view_to_page     (UrokPdfView       *self,
                                          double             x,
                                          double             y,
                                          gboolean           clamp,
                                          guint             *page,
                                          double            *px,
                                          double            *py);
void     _urok_pdf_view_apply_zoom       (UrokPdfView       *self,
                                          double             zoom,
                                          double             ax,
                                          double             ay);
void     _urok_pdf_view_show_rect        (UrokPdfView       *self,
                                          const UrokPdfRect *rect);
void     _urok_pdf_view_notify_matches   (UrokPdfView       *self);
void     _urok_pdf_view_update_actions   (UrokPdfView       *self);
void     _urok_pdf_view_class_init_input (GtkWidgetClass    *widget_class);
void     _urok_pdf_view_init_input       (UrokPdfView       *self);
void     _urok_pdf_view_dispose_input    (UrokPdfView       *self);

G_END_DECLS
