/* urok-board-input-private.h: the router's state, shared with the tool
 * handlers (urok-board-input-ink.c, urok-board-input-erase.c).  A new tool
 * (select, shapes, laser) is one more UrokBoardToolHandler.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-ink.h"
#include "urok-board-input.h"

G_BEGIN_DECLS

typedef struct
{
  guint64           sequence;
  UrokBoardDevice   device;
  UrokBoardRoute    route;
  UrokBoardToolKind tool;
  guint32           begin_ms;
  double            vx, vy;         /* last view position */
  double            bx, by;         /* last board position */

  /* Ink */
  UrokBoardSmoother *smoother;
  GArray            *points;        /* UrokBoardPoint, smoothed */
  UrokBoardTool      ink;
  UrokBoardColor     color;
  float              width;
  gboolean           finished;      /* waiting for the erasers to lift */

  /* Erasers */
  gboolean           grouped;       /* holds one of the page's undo groups */

  /* Select and shapes */
  int                mode;          /* the handler's own */
  UrokBoardHandle    handle;
  double             ax, ay;        /* board position of the press */
  double             ox, oy;        /* a fixed point: the opposite corner, the centre */
  cairo_matrix_t     matrix;        /* the move so far */
  GArray            *path;          /* double x,y pairs: the lasso */
} UrokBoardSequence;

/* The router's state (urok-board-input.c: settings, view, live strokes;
 * urok-board-input-route.c: who does what). */
struct _UrokBoardInput
{
  GObject            parent_instance;

  UrokBoardPage     *page;
  UrokBoardToolKind  tool;
  UrokBoardColor     color;
  double             width;
  double             eraser_radius;
  double             px_per_mm;
  gboolean           zoom_locked;
  double             scale;
  double             offset_x;
  double             offset_y;

  GHashTable        *sequences;     /* guint64 id → UrokBoardSequence (owned) */
  GPtrArray         *live;          /* UrokBoardSequence with ink, oldest first */
  guint              eraser_holds;

  /* Palm rejection */
  gboolean           stylus_near;
  gboolean           stylus_left;   /* stylus_left_ms is valid */
  guint32            stylus_left_ms;
  guint              pens_down;

  /* The pinch: its touches and, at the last change of who is in it, their
   * view positions and the view. */
  UrokBoardSequence *pinch[2];
  double             anchor_x[2];
  double             anchor_y[2];
  double             anchor_scale;
  double             anchor_ox;
  double             anchor_oy;

  /* Select and shapes (urok-board-input-select.c, -shape.c) */
  gboolean           recognize_shapes;
  GArray            *selection;     /* guint64 ids */
  UrokBoardSequence *selecting;     /* the one sequence that edits it */
  GPtrArray         *previews;      /* UrokBoardItem */
  UrokBoardRect      previews_area; /* what they covered when last shown */
  GArray            *polygon;       /* UrokBoardPoint: vertices so far */
};

typedef struct
{
  /* Called with the board position of the event; pressure is 0..1. */
  void (*begin)  (UrokBoardInput    *input,
                  UrokBoardSequence *seq,
                  double             bx,
                  double             by,
                  double             pressure,
                  guint32            time_ms);
  void (*motion) (UrokBoardInput    *input,
                  UrokBoardSequence *seq,
                  double             bx,
                  double             by,
                  double             pressure,
                  guint32            time_ms);
  void (*end)    (UrokBoardInput    *input,
                  UrokBoardSequence *seq);
  /* Undo what the sequence did that is not on the page yet. */
  void (*cancel) (UrokBoardInput    *input,
                  UrokBoardSequence *seq);
} UrokBoardToolHandler;

extern const UrokBoardToolHandler _urok_board_ink_handler;
extern const UrokBoardToolHandler _urok_board_erase_handler;
extern const UrokBoardToolHandler _urok_board_select_handler;
extern const UrokBoardToolHandler _urok_board_shape_handler;
extern const UrokBoardToolHandler _urok_board_text_handler;

/* Shared by the router's files. */
const UrokBoardToolHandler *_urok_board_input_handler_for (UrokBoardToolKind  kind);
void           _urok_board_input_forget          (UrokBoardInput      *self,
                                                  UrokBoardSequence   *seq);

/* For the handlers. */
UrokBoardPage *_urok_board_input_page            (UrokBoardInput      *self);
double         _urok_board_input_eraser_radius   (UrokBoardInput      *self);
void           _urok_board_input_fill_style      (UrokBoardInput      *self,
                                                  UrokBoardSequence   *seq);
void           _urok_board_input_live_changed    (UrokBoardInput      *self,
                                                  const UrokBoardRect *dirty);
/* The page's undo group held by erasers: the first opens it, the last
 * closes it and then commits the strokes that finished meanwhile, so an
 * eraser swipe is one undo step that holds no one else's ink. */
void           _urok_board_input_eraser_hold     (UrokBoardInput      *self);
void           _urok_board_input_eraser_release  (UrokBoardInput      *self);
gboolean       _urok_board_input_erasers_active  (UrokBoardInput      *self);
/* Shows the sequence's ink as a live stroke. */
void           _urok_board_input_add_live        (UrokBoardInput      *self,
                                                  UrokBoardSequence   *seq);
/* Adds the finished live stroke to the page and forgets it. */
void           _urok_board_input_commit          (UrokBoardInput      *self,
                                                  UrokBoardSequence   *seq);
/* Emits "text-requested". */
void           _urok_board_input_text_requested  (UrokBoardInput      *self,
                                                  double               x,
                                                  double               y,
                                                  guint64              id);
/* Forgets a live stroke (cancelled, or too short to keep). */
void           _urok_board_input_drop_live       (UrokBoardInput      *self,
                                                  UrokBoardSequence   *seq);

/* Previews: replaces them all (taking @items, may be NULL) and emits
 * "live-changed" for the area they covered and cover now. */
void           _urok_board_input_set_previews    (UrokBoardInput      *self,
                                                  GPtrArray           *items);
/* Emits "stroke-finished" for an item just added to the page. */
void           _urok_board_input_finished        (UrokBoardInput      *self,
                                                  UrokBoardItem       *item);
/* Selection: emits "selection-changed". */
void           _urok_board_input_selection_changed (UrokBoardInput    *self);
/* The polygon in progress is dropped (tool changed, page changed). */
void           _urok_board_input_drop_polygon    (UrokBoardInput      *self);
/* A recognised shape for a finished pen stroke, or NULL. */
UrokBoardItem *_urok_board_input_recognize       (UrokBoardInput      *self,
                                                  UrokBoardItem       *stroke);

G_END_DECLS
