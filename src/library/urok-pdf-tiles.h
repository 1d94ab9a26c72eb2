/* urok-pdf-tiles.h: rendered tiles of PDF pages, made on a worker thread
 * and kept in a memory-capped least-recently-used cache.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "urok-pdf.h"

G_BEGIN_DECLS

/* Device pixels on a side. */
#define UROK_PDF_TILE_SIZE 256

typedef struct _UrokPdfTiles UrokPdfTiles;

typedef void (*UrokPdfTilesReadyFunc) (gpointer user_data);

typedef void (*UrokPdfTilesFunc) (int         tx,
                                  int         ty,
                                  GdkTexture *texture,
                                  gpointer    user_data);

UrokPdfTiles *urok_pdf_tiles_new            (UrokPdf               *render_pdf,
                                             gsize                  max_bytes,
                                             UrokPdfTilesReadyFunc  ready,
                                             gpointer               user_data);
void          urok_pdf_tiles_free           (UrokPdfTiles          *self);
GdkTexture   *urok_pdf_tiles_lookup         (UrokPdfTiles          *self,
                                             guint                  page,
                                             double                 scale,
                                             int                    tx,
                                             int                    ty);
void          urok_pdf_tiles_request        (UrokPdfTiles          *self,
                                             guint                  page,
                                             double                 scale,
                                             int                    tx,
                                             int                    ty,
                                             int                    width,
                                             int                    height);
void          urok_pdf_tiles_drop_requests  (UrokPdfTiles          *self);
double        urok_pdf_tiles_nearest_scale  (UrokPdfTiles          *self,
                                             guint                  page,
                                             double                 scale);
void          urok_pdf_tiles_foreach        (UrokPdfTiles          *self,
                                             guint                  page,
                                             double                 scale,
                                             UrokPdfTilesFunc       func,
                                             gpointer               user_data);
guint         urok_pdf_tiles_get_n_pending  (UrokPdfTiles          *self);
guint         urok_pdf_tiles_get_n_rendered (UrokPdfTiles          *self);
gsize         urok_pdf_tiles_get_bytes      (UrokPdfTiles          *self);

G_END_DECLS
