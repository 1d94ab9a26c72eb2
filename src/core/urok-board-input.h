/* urok-board-input.h: what the hands at the board mean.  Abstract pointer
 * events (no GTK) go in; strokes on the page, erasing and changes of the
 * view (zoom and pan) come out.
 *
 * Each touch sequence, the stylus and the mouse is routed on its own: two
 * students write at once.  Two touches that begin together and close by are
 * one person's pinch (zoom about its centre and pan); touches while a
 * stylus is near are a palm and are ignored.  Tools plug in through
 * urok-board-input-private.h (one handler per tool).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-page.h"

G_BEGIN_DECLS

typedef enum
{
  UROK_BOARD_DEVICE_MOUSE,
  UROK_BOARD_DEVICE_TOUCH,
  UROK_BOARD_DEVICE_PEN,
  UROK_BOARD_DEVICE_ERASER, /* the eraser end of a stylus */
} UrokBoardDevice;

typedef enum
{
  UROK_BOARD_PHASE_BEGIN,
  UROK_BOARD_PHASE_UPDATE,
  UROK_BOARD_PHASE_END,
  UROK_BOARD_PHASE_CANCEL,
  /* A stylus came near the screen or went away (sequence is ignored). */
  UROK_BOARD_PHASE_PROXIMITY_IN,
  UROK_BOARD_PHASE_PROXIMITY_OUT,
} UrokBoardPhase;

/* What a sequence of pen, mouse or single touch does. */
typedef enum
{
  UROK_BOARD_TOOL_KIND_PEN,
  UROK_BOARD_TOOL_KIND_HIGHLIGHTER,
  UROK_BOARD_TOOL_KIND_ERASER,      /* whole strokes along the swept path */
  UROK_BOARD_TOOL_KIND_AREA_ERASER, /* the parts of strokes under it */
  /* Select, move, resize, rotate (urok-board-input-select.c) */
  UROK_BOARD_TOOL_KIND_SELECT,
  /* Shapes (urok-board-input-shape.c): a drag from corner to corner (line
   * and arrow: end to end); the polygon is tapped vertex by vertex. */
  UROK_BOARD_TOOL_KIND_LINE,
  UROK_BOARD_TOOL_KIND_ARROW,
  UROK_BOARD_TOOL_KIND_RECTANGLE,
  UROK_BOARD_TOOL_KIND_ELLIPSE,
  UROK_BOARD_TOOL_KIND_POLYGON,
  UROK_BOARD_TOOL_KIND_TEXT,        /* a tap asks for a text box ("text-requested") */
  UROK_BOARD_N_TOOL_KINDS,
} UrokBoardToolKind;

const char *urok_board_tool_kind_to_string   (UrokBoardToolKind  kind);
gboolean    urok_board_tool_kind_from_string (const char        *name,
                                              UrokBoardToolKind *kind);

/* One event.  x and y are view coordinates (widget px); pressure is 0..1,
 * or negative when the device has none; time is in milliseconds on any
 * monotonic clock the caller keeps (tests script it). */
typedef struct
{
  guint64         sequence;
  UrokBoardDevice device;
  UrokBoardPhase  phase;
  double          x;
  double          y;
  double          pressure;
  guint32         time_ms;
} UrokBoardEvent;

/* How a sequence was routed (for tests and the canvas's cursor). */
typedef enum
{
  UROK_BOARD_ROUTE_NONE,    /* no such sequence (or it ended) */
  UROK_BOARD_ROUTE_DRAW,    /* its own live stroke, or erasing */
  UROK_BOARD_ROUTE_GESTURE, /* part of a pinch/pan */
  UROK_BOARD_ROUTE_IGNORED, /* a palm, or a third finger */
} UrokBoardRoute;

/* Two touches are one hand's pinch when the second begins within this
 * time of the first ... */
#define UROK_BOARD_GESTURE_WINDOW_MS 150
/* ... and within a hand's span: thumb to index finger spread wide is
 * 17-20 cm for most adults, and two pupils writing side by side rarely
 * start closer than that. */
#define UROK_BOARD_GESTURE_SPAN_MM 200.0
/* A palm lands just after the stylus leaves too (the hand lifts late). */
#define UROK_BOARD_PALM_AFTER_MS 500

/* The selection's grips (four corners that scale keeping the aspect, and
 * a turn grip above the top edge) are this big on the screen whatever the
 * zoom: a finger on a panel needs 48 px. */
#define UROK_BOARD_HANDLE_SIZE_PX 48.0

typedef enum
{
  UROK_BOARD_HANDLE_NONE,
  UROK_BOARD_HANDLE_TOP_LEFT,
  UROK_BOARD_HANDLE_TOP_RIGHT,
  UROK_BOARD_HANDLE_BOTTOM_RIGHT,
  UROK_BOARD_HANDLE_BOTTOM_LEFT,
  UROK_BOARD_HANDLE_ROTATE,
  UROK_BOARD_N_HANDLES,
} UrokBoardHandle;

#define UROK_BOARD_MIN_SCALE 0.1
#define UROK_BOARD_MAX_SCALE 8.0

#define UROK_TYPE_BOARD_INPUT (urok_board_input_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardInput, urok_board_input, UROK, BOARD_INPUT, GObject)

UrokBoardInput   *urok_board_input_new            (UrokBoardPage         *page);

/* Properties: "page", "tool", "width" (base width in board units),
 * "eraser-radius" (board units), "px-per-mm" (of the screen, for the
 * hand's span), "zoom-locked", "scale", "offset-x", "offset-y".  The ink
 * colour has a getter and a setter only.
 *
 * Signals: "live-changed" (UrokBoardRect: the board area of live ink or
 * previews that changed), "stroke-finished" (UrokBoardItem: just added to the page, one
 * undo step), "view-changed", "text-requested" (double x, double y,
 * guint64 id: a tap of the text tool at board point x, y, on the text
 * item id or 0 for a new one; the canvas opens its editor there). */
UrokBoardPage    *urok_board_input_get_page       (UrokBoardInput        *self);
/* Cancels live strokes of the old page. */
void              urok_board_input_set_page       (UrokBoardInput        *self,
                                                   UrokBoardPage         *page);
UrokBoardToolKind urok_board_input_get_tool       (UrokBoardInput        *self);
void              urok_board_input_set_tool       (UrokBoardInput        *self,
                                                   UrokBoardToolKind      tool);
const UrokBoardColor *urok_board_input_get_color  (UrokBoardInput        *self);
void              urok_board_input_set_color      (UrokBoardInput        *self,
                                                   const UrokBoardColor  *color);
double            urok_board_input_get_width      (UrokBoardInput        *self);
void              urok_board_input_set_width      (UrokBoardInput        *self,
                                                   double                 width);
double            urok_board_input_get_eraser_radius (UrokBoardInput     *self);
void              urok_board_input_set_eraser_radius (UrokBoardInput     *self,
                                                      double              radius);
double            urok_board_input_get_px_per_mm  (UrokBoardInput        *self);
void              urok_board_input_set_px_per_mm  (UrokBoardInput        *self,
                                                   double                 px_per_mm);
gboolean          urok_board_input_get_zoom_locked (UrokBoardInput       *self);
/* Locked: no pinch; two touches are two pens (group work). */
void              urok_board_input_set_zoom_locked (UrokBoardInput       *self,
                                                    gboolean              locked);

/* The view: view = board × scale + offset. */
double            urok_board_input_get_scale      (UrokBoardInput        *self);
double            urok_board_input_get_offset_x   (UrokBoardInput        *self);
double            urok_board_input_get_offset_y   (UrokBoardInput        *self);
/* @scale is clamped to [MIN_SCALE, MAX_SCALE]; emits "view-changed". */
void              urok_board_input_set_view       (UrokBoardInput        *self,
                                                   double                 scale,
                                                   double                 offset_x,
                                                   double                 offset_y);
/* Zooms by @factor keeping the board point under view point (cx, cy). */
void              urok_board_input_zoom_at        (UrokBoardInput        *self,
                                                   double                 factor,
                                                   double                 cx,
                                                   double                 cy);
void              urok_board_input_pan            (UrokBoardInput        *self,
                                                   double                 dx,
                                                   double                 dy);
void              urok_board_input_view_to_board  (UrokBoardInput        *self,
                                                   double                 vx,
                                                   double                 vy,
                                                   double                *bx,
                                                   double                *by);

/* Routes one event.  Returns whether it was used (drawing, erasing or a
 * gesture); FALSE for palms and unknown sequences. */
gboolean          urok_board_input_handle_event   (UrokBoardInput        *self,
                                                   const UrokBoardEvent  *event);
/* Cancels every live stroke and gesture (the widget lost its grab). */
void              urok_board_input_cancel_all     (UrokBoardInput        *self);
UrokBoardRoute    urok_board_input_get_route      (UrokBoardInput        *self,
                                                   guint64                sequence);
gboolean          urok_board_input_get_stylus_near (UrokBoardInput       *self);

/* The live strokes, oldest first: ink not yet on the page (n_points
 * grows as the pen moves; a stroke finished while an eraser is working
 * waits here until the eraser lifts). */
guint             urok_board_input_get_n_live     (UrokBoardInput        *self);
/* The points of live stroke @index (smoothed, board units), its
 * sequence, tool and colour; NULL when out of range. */
const UrokBoardPoint *urok_board_input_get_live   (UrokBoardInput        *self,
                                                   guint                  index,
                                                   gsize                 *n_points,
                                                   guint64               *sequence,
                                                   UrokBoardTool         *tool,
                                                   UrokBoardColor        *color,
                                                   float                 *width);

/* Settings of the shape tools.  "recognize-shapes" (property): a pen
 * stroke that urok_board_ink_recognize_shape() takes for a line,
 * rectangle, triangle or ellipse is replaced by that clean shape, as a
 * second undo step: one undo gives back the hand-drawn stroke (the
 * recogniser guessed wrong), two remove it. */
gboolean          urok_board_input_get_recognize_shapes (UrokBoardInput  *self);
void              urok_board_input_set_recognize_shapes (UrokBoardInput  *self,
                                                         gboolean         recognize);

/* The selection (select tool): item ids, in the order chosen.  Signal
 * "selection-changed" when it changes (also when its items moved). */
const guint64    *urok_board_input_get_selection  (UrokBoardInput        *self,
                                                   gsize                 *n_ids);
/* Ids not on the page are left out. */
void              urok_board_input_set_selection  (UrokBoardInput        *self,
                                                   const guint64         *ids,
                                                   gsize                  n_ids);
void              urok_board_input_clear_selection (UrokBoardInput       *self);
/* The union of the selected items' bounds (page coordinates); FALSE when
 * nothing is selected. */
gboolean          urok_board_input_get_selection_bounds (UrokBoardInput  *self,
                                                         UrokBoardRect   *bounds);
/* Where grip @handle of the selection is, in board units; FALSE when
 * nothing is selected. */
gboolean          urok_board_input_get_handle     (UrokBoardInput        *self,
                                                   UrokBoardHandle        handle,
                                                   double                *bx,
                                                   double                *by);
/* Each one undo step; FALSE (changing nothing) when nothing is selected. */
gboolean          urok_board_input_delete_selection (UrokBoardInput      *self);
/* The copies (shifted a little down and right) become the selection. */
gboolean          urok_board_input_duplicate_selection (UrokBoardInput   *self);

/* What a tool shows before it changes the page: the shape being drawn,
 * the polygon's vertices so far, the lasso, and the selection as it is
 * moved, resized or turned.  Items not on the page (transfer none), drawn
 * over it. */
guint             urok_board_input_get_n_previews (UrokBoardInput        *self);
UrokBoardItem    *urok_board_input_get_preview    (UrokBoardInput        *self,
                                                   guint                  index);
/* The text tool's result: @text becomes a TEXT item at @x, @y (board
 * units; the top-left corner of its box) in the router's colour and
 * @font_size (board units), or replaces the text of item @id (keeping its
 * place, transform, size and colour).  One undo step; empty text adds
 * nothing and removes item @id.  Returns the item's id, or 0 when there
 * is none. */
guint64           urok_board_input_commit_text    (UrokBoardInput        *self,
                                                   guint64                id,
                                                   double                 x,
                                                   double                 y,
                                                   float                  font_size,
                                                   const char            *text);

G_END_DECLS
