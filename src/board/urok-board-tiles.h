/* urok-board-tiles.h: the canvas's cache of rendered page tiles.
 *
 * Finished items are drawn by the core renderer into 256×256 device-pixel
 * tiles on a pool of worker threads, keyed by scale and tile position,
 * invalidated by the page's "changed" rectangle and bounded in memory
 * (least recently used go first).  While the scale changes, the tiles of
 * the last complete scale are drawn stretched at once and sharp tiles
 * replace them as they come.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "urok-board-page.h"

G_BEGIN_DECLS

#define UROK_BOARD_TILE_SIZE 256

typedef struct _UrokBoardTiles UrokBoardTiles;

/* Called on the main thread when tiles arrived (draw again). */
typedef void (*UrokBoardTilesReadyFunc) (gpointer user_data);

/* @n_threads 0: one per processor, at most 8. */
UrokBoardTiles *urok_board_tiles_new          (guint                    n_threads,
                                               gsize                    max_bytes,
                                               UrokBoardTilesReadyFunc  ready,
                                               gpointer                 user_data);
void            urok_board_tiles_free         (UrokBoardTiles          *self);
/* Forgets every tile; NULL shows nothing. */
void            urok_board_tiles_set_page     (UrokBoardTiles          *self,
                                               UrokBoardPage           *page);
/* Transparent: tiles hold the items alone, no paper (ink over other
 * content). */
void            urok_board_tiles_set_transparent (UrokBoardTiles       *self,
                                                  gboolean              transparent);
/* Marks the tiles meeting @dirty (board units) for drawing again; they
 * show their old picture until the new one is there. */
void            urok_board_tiles_invalidate   (UrokBoardTiles          *self,
                                               const UrokBoardRect     *dirty);
/* Draws the tiles for a view of @width × @height device px at @scale
 * device px per board unit, the board's origin at (@ox, @oy) device px
 * (whole pixels keep tiles sharp), requesting those missing or stale
 * when @request; else only what is cached (while the scale moves). */
void            urok_board_tiles_snapshot     (UrokBoardTiles          *self,
                                               GtkSnapshot             *snapshot,
                                               double                   scale,
                                               double                   ox,
                                               double                   oy,
                                               int                      width,
                                               int                      height,
                                               gboolean                 request);
/* Whether every tile meeting @rect at @scale is drawn and up to date
 * (then ink drawn over it until now can go). */
gboolean        urok_board_tiles_is_current   (UrokBoardTiles          *self,
                                               double                   scale,
                                               const UrokBoardRect     *rect);
/* Tiles requested and not yet delivered. */
guint           urok_board_tiles_get_n_pending (UrokBoardTiles         *self);
/* Delivers what the workers finished (tests and benchmarks that wait
 * without a main loop). */
void            urok_board_tiles_deliver      (UrokBoardTiles          *self);
/* Blocks until every pending tile is back and delivered (tests and
 * benchmarks; the app is told by the ready callback). */
void            urok_board_tiles_wait         (UrokBoardTiles          *self);
guint           urok_board_tiles_get_n_cached (UrokBoardTiles          *self);
gsize           urok_board_tiles_get_memory   (UrokBoardTiles          *self);

G_END_DECLS
