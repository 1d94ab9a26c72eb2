/* urok-board-canvas-private.h: the canvas's state, shared between its
 * drawing and actions (urok-board-canvas.c) and its event handlers
 * (urok-board-canvas-events.c).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-canvas.h"
#include "urok-board-tiles.h"

G_BEGIN_DECLS

struct _UrokBoardCanvas
{
  GtkWidget       parent_instance;

  UrokBoardPage  *page;
  UrokBoardInput *input;
  UrokBoardTiles *tiles;
  GtkWidget      *palette;
  gboolean        palette_fits;
  /* Ink alone, no desk or paper: the layer over other content. */
  gboolean        transparent;

  /* Sharp tiles are requested once the scale has been still a moment;
   * until then the cached ones are drawn stretched. */
  guint           settle_id;
  gboolean        settled;
  double          last_scale;
  /* The view follows the widget's size until the user moves it. */
  gboolean        fitted;

  /* Strokes just added to the page, drawn over the tiles until the tiles
   * show them (no flicker while a worker renders). */
  GPtrArray      *overlay;
  /* Per live stroke: render nodes of its finished chunks. */
  GPtrArray      *live_cache;
};

/* urok-board-canvas-events.c */
void _urok_board_canvas_add_controllers (UrokBoardCanvas *self);

G_END_DECLS
