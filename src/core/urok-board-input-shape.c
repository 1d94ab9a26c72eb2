/* urok-board-input-shape.c: the shape tools.  Line, arrow, rectangle and
 * ellipse are dragged from one end (corner) to the other; the polygon is
 * tapped (or dragged) vertex by vertex and closed by a tap on its first
 * vertex or a second tap on its last.  The shape follows the hand as a
 * preview and is one undo step on the page when done.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-input-private.h"

/* A drag shorter than this (screen px) was a tap, not a shape. */
#define MIN_SHAPE_PX 4.0

static UrokBoardShapeKind
shape_kind (UrokBoardToolKind tool)
{
  switch (tool)
    {
    case UROK_BOARD_TOOL_KIND_LINE: return UROK_BOARD_SHAPE_LINE;
    case UROK_BOARD_TOOL_KIND_ARROW: return UROK_BOARD_SHAPE_ARROW;
    case UROK_BOARD_TOOL_KIND_RECTANGLE: return UROK_BOARD_SHAPE_RECTANGLE;
    case UROK_BOARD_TOOL_KIND_ELLIPSE: return UROK_BOARD_SHAPE_ELLIPSE;
    case UROK_BOARD_TOOL_KIND_POLYGON: return UROK_BOARD_SHAPE_POLYGON;
    case UROK_BOARD_TOOL_KIND_PEN:
    case UROK_BOARD_TOOL_KIND_HIGHLIGHTER:
    case UROK_BOARD_TOOL_KIND_ERASER:
    case UROK_BOARD_TOOL_KIND_AREA_ERASER:
    case UROK_BOARD_TOOL_KIND_SELECT:
    case UROK_BOARD_N_TOOL_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* The shape through @points (n ≥ 2; a polygon of two is shown as a line). */
static UrokBoardItem *
make_shape (UrokBoardSequence    *seq,
            guint64               id,
            UrokBoardShapeKind    kind,
            const UrokBoardPoint *points,
            gsize                 n)
{
  if (kind == UROK_BOARD_SHAPE_POLYGON && n < 3)
    kind = UROK_BOARD_SHAPE_LINE;
  return urok_board_item_new_shape (id, 0, kind, &seq->color, seq->width, NULL, points, n);
}

/* The polygon's vertices so far, and the edge to the hand when it is down. */
static void
show_polygon (UrokBoardInput    *input,
              UrokBoardSequence *seq,
              gboolean           with_hand)
{
  g_autoptr(GArray) points = g_array_copy (input->polygon);
  GPtrArray *previews = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_board_item_unref);

  if (with_hand)
    {
      UrokBoardPoint hand = { seq->bx, seq->by, 0.5f, 0 };

      g_array_append_val (points, hand);
    }
  if (points->len >= 2)
    g_ptr_array_add (previews, make_shape (seq, G_MAXUINT64, UROK_BOARD_SHAPE_POLYGON,
                                           (const UrokBoardPoint *)(gpointer)points->data, points->len));
  _urok_board_input_set_previews (input, previews);
}

static void
show_drag (UrokBoardInput    *input,
           UrokBoardSequence *seq)
{
  UrokBoardPoint p[2] = { { seq->ax, seq->ay, 0.5f, 0 }, { seq->bx, seq->by, 0.5f, 0 } };
  GPtrArray *previews = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_board_item_unref);

  if (p[0].x != p[1].x || p[0].y != p[1].y)
    g_ptr_array_add (previews, make_shape (seq, G_MAXUINT64, shape_kind (seq->tool), p, 2));
  _urok_board_input_set_previews (input, previews);
}

void
_urok_board_input_drop_polygon (UrokBoardInput *self)
{
  if (self->polygon->len == 0)
    return;
  g_array_set_size (self->polygon, 0);
  _urok_board_input_set_previews (self, NULL);
}

static void
add_shape (UrokBoardInput       *input,
           UrokBoardSequence    *seq,
           const UrokBoardPoint *points,
           gsize                 n)
{
  g_autoptr(UrokBoardItem) item = NULL;
  g_autoptr(GError) error = NULL;

  _urok_board_input_set_previews (input, NULL);
  item = make_shape (seq, urok_board_page_next_id (input->page), shape_kind (seq->tool), points, n);
  if (!urok_board_page_add_item (input->page, item, &error))
    {
      g_warning ("A shape could not be added to the board: %s", error->message);
      return;
    }
  _urok_board_input_finished (input, item);
}

static void
shape_begin (UrokBoardInput    *input,
             UrokBoardSequence *seq,
             double             bx,
             double             by,
             double             pressure,
             guint32            time_ms)
{
  _urok_board_input_fill_style (input, seq);
  seq->ax = bx;
  seq->ay = by;
  if (seq->tool != UROK_BOARD_TOOL_KIND_POLYGON)
    return;
  if (input->polygon->len == 0)
    {
      UrokBoardPoint first = { bx, by, 0.5f, 0 };

      g_array_append_val (input->polygon, first);
    }
  show_polygon (input, seq, TRUE);
}

static void
shape_motion (UrokBoardInput    *input,
              UrokBoardSequence *seq,
              double             bx,
              double             by,
              double             pressure,
              guint32            time_ms)
{
  /* The router stores the position after the handler: take it now. */
  seq->bx = bx;
  seq->by = by;
  if (seq->tool == UROK_BOARD_TOOL_KIND_POLYGON)
    show_polygon (input, seq, TRUE);
  else
    show_drag (input, seq);
}

static void
polygon_end (UrokBoardInput    *input,
             UrokBoardSequence *seq)
{
  double near = UROK_BOARD_HANDLE_SIZE_PX / 2 / input->scale;
  const UrokBoardPoint *first = &g_array_index (input->polygon, UrokBoardPoint, 0);
  const UrokBoardPoint *last = &g_array_index (input->polygon, UrokBoardPoint, input->polygon->len - 1);
  gboolean on_first = hypot (seq->bx - first->x, seq->by - first->y) <= near;
  gboolean on_last = hypot (seq->bx - last->x, seq->by - last->y) <= near;

  if (input->polygon->len >= 3 && (on_first || on_last))
    {
      g_autoptr(GArray) vertices = g_steal_pointer (&input->polygon);

      input->polygon = g_array_new (FALSE, FALSE, sizeof (UrokBoardPoint));
      add_shape (input, seq, (const UrokBoardPoint *)(gpointer)vertices->data, vertices->len);
      return;
    }
  if (!on_last && !on_first)
    {
      UrokBoardPoint vertex = { seq->bx, seq->by, 0.5f, 0 };

      g_array_append_val (input->polygon, vertex);
    }
  show_polygon (input, seq, FALSE);
}

static void
shape_end (UrokBoardInput    *input,
           UrokBoardSequence *seq)
{
  UrokBoardPoint p[2] = { { seq->ax, seq->ay, 0.5f, 0 }, { seq->bx, seq->by, 0.5f, 0 } };

  if (seq->tool == UROK_BOARD_TOOL_KIND_POLYGON)
    {
      polygon_end (input, seq);
      return;
    }
  if (hypot (p[1].x - p[0].x, p[1].y - p[0].y) * input->scale < MIN_SHAPE_PX)
    {
      _urok_board_input_set_previews (input, NULL);
      return;
    }
  add_shape (input, seq, p, 2);
}

static void
shape_cancel (UrokBoardInput    *input,
              UrokBoardSequence *seq)
{
  if (seq->tool == UROK_BOARD_TOOL_KIND_POLYGON)
    show_polygon (input, seq, FALSE);
  else
    _urok_board_input_set_previews (input, NULL);
}

const UrokBoardToolHandler _urok_board_shape_handler = {
  shape_begin,
  shape_motion,
  shape_end,
  shape_cancel,
};
