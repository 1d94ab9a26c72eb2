/* urok-board-render.h: drawing board pages with cairo: for the canvas's
 * cached tiles and for export (PDF, SVG, PNG).
 *
 * All functions draw @rect of the board (board units) so that its top-left
 * corner lands at the cairo context's origin, at @scale device units per
 * board unit.  The *_list and background functions touch only immutable
 * data and may run on a worker thread with a context of its own.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-page.h"

G_BEGIN_DECLS

typedef enum
{
  UROK_BOARD_RENDER_DEFAULT = 0,
  /* Every point of every stroke (for print and export at high resolution). */
  UROK_BOARD_RENDER_NO_LOD  = 1 << 0,
} UrokBoardRenderFlags;

/* Points of a stroke closer than this many device pixels to the last one
 * drawn are skipped: invisible at that zoom, and most of the work. */
#define UROK_BOARD_RENDER_LOD_PX 0.5
/* Below this scale, the level of detail includes coarser antialiasing. */
#define UROK_BOARD_RENDER_FAST_BELOW 1.0

/* The page's background and then its visible items that meet @rect. */
void urok_board_render_page       (cairo_t              *cr,
                                   UrokBoardPage        *page,
                                   const UrokBoardRect  *rect,
                                   double                scale,
                                   UrokBoardRenderFlags  flags);
/* Only the items (on a transparent or already painted surface). */
void urok_board_render_items      (cairo_t              *cr,
                                   UrokBoardPage        *page,
                                   const UrokBoardRect  *rect,
                                   double                scale,
                                   UrokBoardRenderFlags  flags);
/* @items (UrokBoardItem, bottom first, e.g. from
 * urok_board_page_items_in_rect() on the main thread), culled to @rect. */
void urok_board_render_item_list  (cairo_t              *cr,
                                   GPtrArray            *items,
                                   const UrokBoardRect  *rect,
                                   double                scale,
                                   UrokBoardRenderFlags  flags);
/* One item in board coordinates (the context's matrix already maps board
 * units); @min_distance (board units) is the level of detail, 0 for all. */
void urok_board_render_item       (cairo_t              *cr,
                                   const UrokBoardItem  *item,
                                   double                min_distance);
/* A background of a page @page_width × @page_height (0 × 0: infinite);
 * @data is the image for UROK_BOARD_BACKGROUND_IMAGE (PNG) or the PDF
 * for UROK_BOARD_BACKGROUND_PDF (its first page, drawn by poppler and
 * kept rendered per scale; urok_board_render_page () honours the page's
 * number) and may be NULL. */
void urok_board_render_background (cairo_t              *cr,
                                   UrokBoardBackground   background,
                                   double                page_width,
                                   double                page_height,
                                   GBytes               *data,
                                   const UrokBoardRect  *rect,
                                   double                scale);

G_END_DECLS
