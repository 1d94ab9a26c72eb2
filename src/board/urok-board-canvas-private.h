/* urok-board-canvas-private.h: the canvas's state, shared between its
 * drawing and actions (urok-board-canvas.c) and its event handlers
 * (urok-board-canvas-events.c).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-canvas.h"
#include "urok-board-instrument-view.h"
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

  /* urok-board-canvas-tools.c: the instruments pens snap to (weak), and
   * the sequences snapped to one: guint64 → UrokBoardInstrument. */
  UrokBoardInstrumentView *instruments;
  GHashTable     *snapped;
  /* The text tool's editor, open while not NULL (urok-board-canvas-text.c):
   * a real GtkTextView, so input methods and on-screen keyboards work. */
  GtkWidget      *text_view;
  GtkCssProvider *text_css;
  guint64         text_id;      /* the TEXT item edited, 0 for a new one */
  double          text_x;       /* board position of its top-left corner */
  double          text_y;
  float           text_size;    /* board units */
  double          text_scale;   /* the scale its font size was set for */
};

/* urok-board-canvas.c: a node drawing @item at the device view. */
GskRenderNode *_urok_board_canvas_item_node (const UrokBoardItem *item,
                                             double               scale,
                                             double               ox,
                                             double               oy);

/* urok-board-canvas-tools.c */
/* urok-board-canvas.c: the board.tool-* actions' handler. */
void     _urok_board_canvas_tool_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
void     _urok_board_canvas_tools_class_init (GtkWidgetClass  *widget_class);
void     _urok_board_canvas_tools_init     (UrokBoardCanvas *self);
void     _urok_board_canvas_tools_dispose  (UrokBoardCanvas *self);
void     _urok_board_canvas_tools_set_page (UrokBoardCanvas *self,
                                            UrokBoardPage   *page);
/* The selection and the tools' previews, in device pixels. */
void     _urok_board_canvas_snapshot_tools (UrokBoardCanvas *self,
                                            GtkSnapshot     *snapshot,
                                            double           scale,
                                            double           ox,
                                            double           oy);
/* Moves @event onto an instrument's edge when its pen follows one;
 * returns whether it did. */
gboolean _urok_board_canvas_snap_event     (UrokBoardCanvas *self,
                                            UrokBoardEvent  *event);

/* urok-board-canvas-events.c */
void _urok_board_canvas_add_controllers (UrokBoardCanvas *self);

/* urok-board-canvas-text.c */
void     _urok_board_canvas_text_init     (UrokBoardCanvas *self);
void     _urok_board_canvas_text_allocate (UrokBoardCanvas *self);
void     _urok_board_canvas_text_snapshot (UrokBoardCanvas *self,
                                           GtkSnapshot     *snapshot);
/* Commits an open editor's text; FALSE when none was open. */
gboolean _urok_board_canvas_text_commit   (UrokBoardCanvas *self);
void     _urok_board_canvas_text_dispose  (UrokBoardCanvas *self);

/* urok-board-canvas-content.c: images, backgrounds, drops, paste */
void     _urok_board_canvas_content_class_init (GtkWidgetClass  *widget_class);
void     _urok_board_canvas_content_init       (UrokBoardCanvas *self);
/* Shows @message in the nearest toast overlay. */
void     _urok_board_canvas_toast              (UrokBoardCanvas *self,
                                                const char      *message);

G_END_DECLS
