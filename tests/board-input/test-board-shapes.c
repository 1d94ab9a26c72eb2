/* test-board-shapes.c: the select and shape tools and shape recognition
 * with scripted events, no display: what is picked, what a lasso takes,
 * the geometry of a move, a resize and a turn, each one undo step, and
 * that the store sees the result.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core-test-util.h"
#include "urok-board-input.h"
#include "urok-board-saver.h"
#include "urok-store.h"

typedef struct
{
  UrokBoardPage  *page;
  UrokBoardInput *input;
  guint           selection_changes;
  guint           finished;
  guint32         t;
} Fixture;

static void
on_selection_changed (UrokBoardInput *input,
                      Fixture        *fx)
{
  fx->selection_changes++;
}

static void
on_finished (UrokBoardInput *input,
             UrokBoardItem  *item,
             Fixture        *fx)
{
  g_assert_nonnull (urok_board_page_lookup (fx->page, urok_board_item_get_id (item)));
  fx->finished++;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  fx->page = urok_board_page_new ();
  fx->input = urok_board_input_new (fx->page);
  fx->t = 1000;
  g_signal_connect (fx->input, "selection-changed", G_CALLBACK (on_selection_changed), fx);
  g_signal_connect (fx->input, "stroke-finished", G_CALLBACK (on_finished), fx);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->input);
  g_clear_object (&fx->page);
}

static void
send (Fixture        *fx,
      UrokBoardPhase  phase,
      double          x,
      double          y)
{
  UrokBoardEvent event = { 1, UROK_BOARD_DEVICE_MOUSE, phase, x, y, -1, fx->t };

  fx->t += 8;
  urok_board_input_handle_event (fx->input, &event);
}

/* Through the points of @xy (n pairs), a motion every 4 px. */
static void
trace (Fixture      *fx,
       const double *xy,
       gsize         n)
{
  send (fx, UROK_BOARD_PHASE_BEGIN, xy[0], xy[1]);
  for (gsize i = 1; i < n; i++)
    {
      double ax = xy[2 * i - 2], ay = xy[2 * i - 1], bx = xy[2 * i], by = xy[2 * i + 1];
      int steps = MAX (1, (int)ceil (hypot (bx - ax, by - ay) / 4));

      for (int k = 1; k <= steps; k++)
        send (fx, UROK_BOARD_PHASE_UPDATE, ax + (bx - ax) * k / steps, ay + (by - ay) * k / steps);
    }
  send (fx, UROK_BOARD_PHASE_END, xy[2 * n - 2], xy[2 * n - 1]);
}

static void
drag (Fixture *fx,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  double xy[] = { x0, y0, x1, y1 };

  trace (fx, xy, 2);
}

static void
tap (Fixture *fx,
     double   x,
     double   y)
{
  send (fx, UROK_BOARD_PHASE_BEGIN, x, y);
  send (fx, UROK_BOARD_PHASE_END, x, y);
}

/* A shape on the page without the tools, its history cleared. */
static guint64
add_shape (Fixture            *fx,
           UrokBoardShapeKind  kind,
           double              x0,
           double              y0,
           double              x1,
           double              y1)
{
  static const UrokBoardColor black = { 0, 0, 0, 1 };
  UrokBoardPoint p[2] = { { x0, y0, 0.5f, 0 }, { x1, y1, 0.5f, 0 } };
  guint64 id = urok_board_page_next_id (fx->page);
  g_autoptr(UrokBoardItem) item = urok_board_item_new_shape (id, 0, kind, &black, 2, NULL, p, 2);
  g_autoptr(GError) error = NULL;

  g_assert_true (urok_board_page_add_item (fx->page, item, &error));
  g_assert_no_error (error);
  urok_board_page_clear_history (fx->page);
  return id;
}

static void
assert_selection (Fixture *fx,
                  gsize    n,
                  ...)
{
  gsize n_ids;
  const guint64 *ids = urok_board_input_get_selection (fx->input, &n_ids);
  va_list args;

  g_assert_cmpuint (n_ids, ==, n);
  va_start (args, n);
  for (gsize i = 0; i < n; i++)
    {
      guint64 want = va_arg (args, guint64);
      gboolean found = FALSE;

      for (gsize k = 0; k < n_ids; k++)
        found = found || ids[k] == want;
      g_assert_true (found);
    }
  va_end (args);
}

/* The first point of a shape, in page coordinates. */
static void
shape_point (UrokBoardPage *page,
             guint64        id,
             gsize          index,
             double        *x,
             double        *y)
{
  UrokBoardItem *item = urok_board_page_lookup (page, id);
  gsize n;
  const UrokBoardPoint *p = urok_board_item_get_points (item, &n);

  g_assert_cmpuint (index, <, n);
  *x = p[index].x;
  *y = p[index].y;
  cairo_matrix_transform_point (urok_board_item_get_transform (item), x, y);
}

static void
test_tool_names (Fixture       *fx,
                 gconstpointer  data)
{
  const char *names[] = { "select", "line", "arrow", "rectangle", "ellipse", "polygon" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      UrokBoardToolKind kind;

      g_assert_true (urok_board_tool_kind_from_string (names[i], &kind));
      g_assert_cmpstr (urok_board_tool_kind_to_string (kind), ==, names[i]);
    }
}

/* A tap picks the topmost item under it; a tap on nothing clears. */
static void
test_select_tap (Fixture       *fx,
                 gconstpointer  data)
{
  guint64 below = add_shape (fx, UROK_BOARD_SHAPE_LINE, 100, 200, 500, 200);
  guint64 above = add_shape (fx, UROK_BOARD_SHAPE_LINE, 300, 100, 300, 300);
  guint64 apart = add_shape (fx, UROK_BOARD_SHAPE_RECTANGLE, 700, 100, 800, 200);

  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_SELECT);
  tap (fx, 300, 201); /* where the two lines cross */
  assert_selection (fx, 1, above);
  tap (fx, 150, 203);
  assert_selection (fx, 1, below);
  tap (fx, 800, 150); /* on the rectangle's right edge */
  assert_selection (fx, 1, apart);
  tap (fx, 600, 600);
  assert_selection (fx, 0);
  g_assert_cmpuint (fx->selection_changes, >=, 4);
  /* Tapping changed nothing on the page. */
  g_assert_false (urok_board_page_can_undo (fx->page));
}

/* A loop takes what it encloses wholly; a straight drag the rectangle
 * it spans. */
static void
test_lasso (Fixture       *fx,
            gconstpointer  data)
{
  guint64 a = add_shape (fx, UROK_BOARD_SHAPE_RECTANGLE, 100, 100, 200, 200);
  guint64 b = add_shape (fx, UROK_BOARD_SHAPE_ELLIPSE, 300, 120, 400, 180);
  guint64 c = add_shape (fx, UROK_BOARD_SHAPE_LINE, 150, 400, 600, 400); /* only partly inside */
  double loop[] = { 50, 50, 450, 40, 460, 250, 60, 260, 50, 60 };

  (void)c;
  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_SELECT);
  trace (fx, loop, G_N_ELEMENTS (loop) / 2);
  assert_selection (fx, 2, a, b);
  /* The lasso was shown while drawn, and is gone. */
  g_assert_cmpuint (urok_board_input_get_n_previews (fx->input), ==, 0);

  /* A diagonal drag over a and half of b: a only. */
  drag (fx, 80, 80, 350, 220);
  assert_selection (fx, 1, a);

  /* A loop around the line's left half takes nothing. */
  {
    double half[] = { 100, 350, 300, 350, 300, 450, 100, 450, 100, 350 };

    trace (fx, half, G_N_ELEMENTS (half) / 2);
    assert_selection (fx, 0);
  }
}

static void
test_move (Fixture       *fx,
           gconstpointer  data)
{
  guint64 a = add_shape (fx, UROK_BOARD_SHAPE_RECTANGLE, 100, 100, 200, 200);
  guint64 b = add_shape (fx, UROK_BOARD_SHAPE_LINE, 300, 100, 400, 150);
  g_autoptr(UrokBoardItem) before = urok_board_item_ref (urok_board_page_lookup (fx->page, a));
  guint64 ids[] = { a, b };
  UrokBoardRect r0, r1;
  guint previews_seen = 0;
  double x, y;

  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_SELECT);
  urok_board_input_set_selection (fx->input, ids, 2);
  g_assert_true (urok_board_input_get_selection_bounds (fx->input, &r0));

  /* Grab a's edge and drag by (120, 80): both move, shown as previews
   * until the hand lifts. */
  send (fx, UROK_BOARD_PHASE_BEGIN, 200, 150);
  for (int i = 1; i <= 20; i++)
    {
      send (fx, UROK_BOARD_PHASE_UPDATE, 200 + 6 * i, 150 + 4 * i);
      previews_seen = MAX (previews_seen, urok_board_input_get_n_previews (fx->input));
    }
  g_assert_true (urok_board_page_lookup (fx->page, a) == before); /* not yet */
  send (fx, UROK_BOARD_PHASE_END, 320, 230);
  g_assert_cmpuint (previews_seen, ==, 2);
  g_assert_cmpuint (urok_board_input_get_n_previews (fx->input), ==, 0);

  assert_selection (fx, 2, a, b);
  g_assert_true (urok_board_input_get_selection_bounds (fx->input, &r1));
  g_assert_cmpfloat_with_epsilon (r1.x - r0.x, 120, 1e-3);
  g_assert_cmpfloat_with_epsilon (r1.y - r0.y, 80, 1e-3);
  g_assert_cmpfloat_with_epsilon (r1.width, r0.width, 1e-3);
  shape_point (fx->page, b, 1, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 520, 1e-3);
  g_assert_cmpfloat_with_epsilon (y, 230, 1e-3);

  /* One undo step puts both back. */
  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_false (urok_board_page_can_undo (fx->page));
  g_assert_true (urok_board_item_equal (urok_board_page_lookup (fx->page, a), before));
  shape_point (fx->page, b, 1, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 400, 1e-3);
  g_assert_cmpfloat_with_epsilon (y, 150, 1e-3);
  g_assert_true (urok_board_page_redo (fx->page));
  shape_point (fx->page, b, 1, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 520, 1e-3);

  /* A tap on the selection is no edit. */
  tap (fx, 320, 230);
  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_false (urok_board_page_can_undo (fx->page));
}

/* The corner grip scales about the opposite corner, keeping the aspect
 * whichever way the hand goes. */
static void
test_resize (Fixture       *fx,
             gconstpointer  data)
{
  guint64 a = add_shape (fx, UROK_BOARD_SHAPE_RECTANGLE, 100, 100, 300, 200);
  UrokBoardRect r0, r1;
  double hx, hy, x, y;

  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_SELECT);
  urok_board_input_set_selection (fx->input, &a, 1);
  g_assert_true (urok_board_input_get_selection_bounds (fx->input, &r0));
  g_assert_true (urok_board_input_get_handle (fx->input, UROK_BOARD_HANDLE_BOTTOM_RIGHT, &hx, &hy));
  g_assert_cmpfloat_with_epsilon (hx, r0.x + r0.width, 1e-9);
  g_assert_cmpfloat_with_epsilon (hy, r0.y + r0.height, 1e-9);

  /* Grab near (not on) the grip, pull it to twice the diagonal and 20
   * units off it, across: the scale is the projection, 2, both ways. */
  {
    double d = hypot (r0.width, r0.height);
    double ex = r0.x + 2 * r0.width + 20 * r0.height / d, ey = r0.y + 2 * r0.height - 20 * r0.width / d;

    drag (fx, hx - 5, hy + 5, ex - 5, ey + 5);
  }
  g_assert_true (urok_board_input_get_selection_bounds (fx->input, &r1));
  /* The top-left corner stays (within the outline's width). */
  g_assert_cmpfloat_with_epsilon (r1.x, r0.x, 2);
  g_assert_cmpfloat_with_epsilon (r1.y, r0.y, 2);
  g_assert_cmpfloat_with_epsilon (r1.width / r1.height, r0.width / r0.height, 0.03);
  {
    double x0, y0;

    shape_point (fx->page, a, 0, &x0, &y0);
    shape_point (fx->page, a, 1, &x, &y);
    g_assert_cmpfloat_with_epsilon (x - x0, 400, 1e-3);
    g_assert_cmpfloat_with_epsilon (y - y0, 200, 1e-3);
    g_assert_cmpfloat_with_epsilon (x0, r0.x + 2 * (100 - r0.x), 1e-3);
  }

  /* From the top-left grip inwards: about the bottom-right corner. */
  {
    UrokBoardRect r2;

    g_assert_true (urok_board_input_get_handle (fx->input, UROK_BOARD_HANDLE_TOP_LEFT, &hx, &hy));
    drag (fx, hx, hy, hx + r1.width / 2, hy + r1.height / 2);
    g_assert_true (urok_board_input_get_selection_bounds (fx->input, &r2));
    g_assert_cmpfloat_with_epsilon (r2.x + r2.width, r1.x + r1.width, 2);
    g_assert_cmpfloat_with_epsilon (r2.y + r2.height, r1.y + r1.height, 2);
    g_assert_cmpfloat_with_epsilon (r2.width, r1.width / 2, 2);
  }

  /* Two edits, two steps. */
  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_false (urok_board_page_can_undo (fx->page));
  shape_point (fx->page, a, 1, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 300, 1e-3);
}

/* The top grip turns the selection about its centre. */
static void
test_rotate (Fixture       *fx,
             gconstpointer  data)
{
  guint64 a = add_shape (fx, UROK_BOARD_SHAPE_LINE, 200, 300, 400, 300);
  UrokBoardRect r0;
  double hx, hy, cx, cy, x0, y0, x1, y1;

  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_SELECT);
  urok_board_input_set_selection (fx->input, &a, 1);
  g_assert_true (urok_board_input_get_selection_bounds (fx->input, &r0));
  cx = r0.x + r0.width / 2;
  cy = r0.y + r0.height / 2;
  g_assert_true (urok_board_input_get_handle (fx->input, UROK_BOARD_HANDLE_ROTATE, &hx, &hy));
  g_assert_cmpfloat_with_epsilon (hx, cx, 1e-9);
  g_assert_cmpfloat (hy, <, r0.y - UROK_BOARD_HANDLE_SIZE_PX / 2);

  /* A quarter turn clockwise: from above the centre to its right, on an arc. */
  {
    double r = cy - hy, arc[2 * 17];

    for (int i = 0; i <= 16; i++)
      {
        double t = -G_PI / 2 + (G_PI / 2) * i / 16;

        arc[2 * i] = cx + r * cos (t);
        arc[2 * i + 1] = cy + r * sin (t);
      }
    trace (fx, arc, 17);
  }
  shape_point (fx->page, a, 0, &x0, &y0);
  shape_point (fx->page, a, 1, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x0, 300, 1e-3);
  g_assert_cmpfloat_with_epsilon (x1, 300, 1e-3);
  g_assert_cmpfloat_with_epsilon (y0, 200, 1e-3);
  g_assert_cmpfloat_with_epsilon (y1, 400, 1e-3);
  /* Still a line shape, turned by its transform. */
  g_assert_cmpint (urok_board_item_get_shape (urok_board_page_lookup (fx->page, a)), ==, UROK_BOARD_SHAPE_LINE);

  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_false (urok_board_page_can_undo (fx->page));
  shape_point (fx->page, a, 1, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1, 400, 1e-3);
  g_assert_cmpfloat_with_epsilon (y1, 300, 1e-3);
}

/* What the canvas does on every change of the page: it asks for the
 * selection, which drops what is gone, in the middle of a delete. */
static void
on_page_changed_read_selection (UrokBoardPage       *page,
                                const UrokBoardRect *dirty,
                                Fixture             *fx)
{
  gsize n;

  urok_board_input_get_selection (fx->input, &n);
}

static void
test_delete_duplicate (Fixture       *fx,
                       gconstpointer  data)
{
  guint64 a = add_shape (fx, UROK_BOARD_SHAPE_RECTANGLE, 100, 100, 200, 200);
  guint64 b = add_shape (fx, UROK_BOARD_SHAPE_LINE, 300, 100, 400, 150);
  guint64 ids[] = { a, b };
  gsize n;
  const guint64 *copies;

  g_signal_connect (fx->page, "changed", G_CALLBACK (on_page_changed_read_selection), fx);
  g_assert_false (urok_board_input_delete_selection (fx->input));
  urok_board_input_set_selection (fx->input, ids, 2);
  g_assert_true (urok_board_input_duplicate_selection (fx->input));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 4);
  copies = urok_board_input_get_selection (fx->input, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (copies[0] != a && copies[0] != b && copies[1] != a && copies[1] != b);

  g_assert_true (urok_board_input_delete_selection (fx->input));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);
  g_assert_false (urok_board_input_delete_selection (fx->input)); /* nothing selected now */

  urok_board_input_set_selection (fx->input, ids, 2);
  g_assert_true (urok_board_input_delete_selection (fx->input));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 0);
  /* Each one step. */
  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);
  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 4);
  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);
  g_assert_false (urok_board_page_can_undo (fx->page));

  /* Undone items leave the selection. */
  urok_board_input_set_selection (fx->input, ids, 2);
  urok_board_page_remove_item (fx->page, b, NULL);
  assert_selection (fx, 1, a);
}

/* Bad requests change nothing. */
static void
test_transform_errors (Fixture       *fx,
                       gconstpointer  data)
{
  guint64 a = add_shape (fx, UROK_BOARD_SHAPE_RECTANGLE, 100, 100, 200, 200);
  guint64 ids[] = { a, 999 };
  guint64 seq = urok_board_page_get_sequence (fx->page);
  cairo_matrix_t m;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) none = NULL;

  cairo_matrix_init_translate (&m, 10, 10);
  g_assert_false (urok_board_page_transform_items (fx->page, ids, 2, &m, &error));
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (urok_board_page_remove_items (fx->page, ids, 2, &error));
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = urok_board_page_duplicate_items (fx->page, ids, 2, 1, 1, &error);
  g_assert_null (none);
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  cairo_matrix_init_scale (&m, 0, 1);
  g_assert_false (urok_board_page_transform_items (fx->page, ids, 1, &m, &error));
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
  g_clear_error (&error);
  cairo_matrix_init_translate (&m, NAN, 0);
  g_assert_false (urok_board_page_transform_items (fx->page, ids, 1, &m, &error));
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
  g_clear_error (&error);
  /* Beyond the range of doubles. */
  cairo_matrix_init_scale (&m, 1e307, 1e307);
  g_assert_false (urok_board_page_transform_items (fx->page, ids, 1, &m, &error));
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);

  g_assert_cmpuint (urok_board_page_get_sequence (fx->page), ==, seq);
  g_assert_false (urok_board_page_can_undo (fx->page));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);
}

static void
test_draw_shapes (Fixture       *fx,
                  gconstpointer  data)
{
  static const struct { UrokBoardToolKind tool; UrokBoardShapeKind shape; } kinds[] = {
    { UROK_BOARD_TOOL_KIND_LINE, UROK_BOARD_SHAPE_LINE },
    { UROK_BOARD_TOOL_KIND_ARROW, UROK_BOARD_SHAPE_ARROW },
    { UROK_BOARD_TOOL_KIND_RECTANGLE, UROK_BOARD_SHAPE_RECTANGLE },
    { UROK_BOARD_TOOL_KIND_ELLIPSE, UROK_BOARD_SHAPE_ELLIPSE },
  };
  UrokBoardColor red = { 0.9f, 0.1f, 0.1f, 1 };

  urok_board_input_set_color (fx->input, &red);
  urok_board_input_set_width (fx->input, 6);
  urok_board_input_set_view (fx->input, 2, 10, 20); /* view = board × 2 + (10, 20) */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GPtrArray) items = NULL;
      UrokBoardItem *item;
      const UrokBoardPoint *p;
      gsize n;
      double y = 100 + 200 * i;
      guint max_previews = 0;

      urok_board_input_set_tool (fx->input, kinds[i].tool);
      send (fx, UROK_BOARD_PHASE_BEGIN, 110, y);
      for (int k = 1; k <= 10; k++)
        {
          send (fx, UROK_BOARD_PHASE_UPDATE, 110 + 30 * k, y + 15 * k);
          max_previews = MAX (max_previews, urok_board_input_get_n_previews (fx->input));
          if (k == 5)
            {
              gsize m;
              const UrokBoardPoint *q;

              /* The preview follows the hand. */
              g_assert_cmpuint (urok_board_input_get_n_previews (fx->input), ==, 1);
              q = urok_board_item_get_points (urok_board_input_get_preview (fx->input, 0), &m);
              g_assert_cmpfloat_with_epsilon (q[1].x, (110 + 150 - 10) / 2.0, 1e-3);
            }
        }
      g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, i);
      send (fx, UROK_BOARD_PHASE_END, 410, y + 150);
      g_assert_cmpuint (max_previews, ==, 1);
      g_assert_cmpuint (urok_board_input_get_n_previews (fx->input), ==, 0);

      items = urok_board_page_get_items (fx->page);
      g_assert_cmpuint (items->len, ==, i + 1);
      item = items->pdata[i];
      g_assert_cmpint (urok_board_item_get_kind (item), ==, UROK_BOARD_ITEM_SHAPE);
      g_assert_cmpint (urok_board_item_get_shape (item), ==, kinds[i].shape);
      g_assert_cmpfloat (urok_board_item_get_width (item), ==, 6);
      g_assert_cmpfloat (urok_board_item_get_color (item)->red, ==, red.red);
      g_assert_null (urok_board_item_get_fill (item));
      p = urok_board_item_get_points (item, &n);
      g_assert_cmpuint (n, ==, 2);
      g_assert_cmpfloat_with_epsilon (p[0].x, 50, 1e-3);
      g_assert_cmpfloat_with_epsilon (p[0].y, (y - 20) / 2, 1e-3);
      g_assert_cmpfloat_with_epsilon (p[1].x, 200, 1e-3);
      g_assert_cmpfloat_with_epsilon (p[1].y, (y + 150 - 20) / 2, 1e-3);
    }
  g_assert_cmpuint (fx->finished, ==, G_N_ELEMENTS (kinds));

  /* A tap is no shape. */
  tap (fx, 500, 500);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, G_N_ELEMENTS (kinds));
  /* Each shape one step. */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_true (urok_board_page_undo (fx->page));
  g_assert_false (urok_board_page_can_undo (fx->page));
}

static void
test_polygon (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  const UrokBoardPoint *p;
  gsize n;

  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_POLYGON);
  /* A triangle closed by a tap on its first vertex. */
  tap (fx, 100, 100);
  g_assert_cmpuint (urok_board_input_get_n_previews (fx->input), ==, 0);
  tap (fx, 400, 100);
  g_assert_cmpuint (urok_board_input_get_n_previews (fx->input), ==, 1);
  drag (fx, 300, 300, 250, 350); /* a drag puts the vertex where it ends */
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 0);
  tap (fx, 105, 98);
  g_assert_cmpuint (urok_board_input_get_n_previews (fx->input), ==, 0);
  items = urok_board_page_get_items (fx->page);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (urok_board_item_get_shape (items->pdata[0]), ==, UROK_BOARD_SHAPE_POLYGON);
  p = urok_board_item_get_points (items->pdata[0], &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (p[2].x, ==, 250);
  g_assert_cmpfloat (p[2].y, ==, 350);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A quadrilateral closed by a double tap on its last vertex. */
  tap (fx, 600, 100);
  tap (fx, 900, 100);
  tap (fx, 900, 400);
  tap (fx, 600, 400);
  tap (fx, 601, 401);
  items = urok_board_page_get_items (fx->page);
  g_assert_cmpuint (items->len, ==, 2);
  urok_board_item_get_points (items->pdata[1], &n);
  g_assert_cmpuint (n, ==, 4);

  /* Two vertices and a change of tool: nothing. */
  tap (fx, 100, 600);
  tap (fx, 300, 600);
  g_assert_cmpuint (urok_board_input_get_n_previews (fx->input), ==, 1);
  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_PEN);
  g_assert_cmpuint (urok_board_input_get_n_previews (fx->input), ==, 0);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);
}

/* A rough rectangle drawn by hand, its corners not quite met. */
static void
draw_rough_rectangle (Fixture *fx)
{
  double xy[] = { 200, 104, 500, 98, 503, 300, 197, 305, 202, 110 };

  trace (fx, xy, G_N_ELEMENTS (xy) / 2);
}

static void
test_recognize (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  UrokBoardItem *item;
  const UrokBoardRect *b;

  /* Off: the stroke as drawn. */
  g_assert_false (urok_board_input_get_recognize_shapes (fx->input));
  draw_rough_rectangle (fx);
  items = urok_board_page_get_items (fx->page);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (urok_board_item_get_kind (items->pdata[0]), ==, UROK_BOARD_ITEM_STROKE);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_assert_true (urok_board_page_undo (fx->page));

  /* On: a rectangle, in one stroke's place. */
  g_object_set (fx->input, "recognize-shapes", TRUE, NULL);
  draw_rough_rectangle (fx);
  items = urok_board_page_get_items (fx->page);
  g_assert_cmpuint (items->len, ==, 1);
  item = items->pdata[0];
  g_assert_cmpint (urok_board_item_get_kind (item), ==, UROK_BOARD_ITEM_SHAPE);
  g_assert_cmpint (urok_board_item_get_shape (item), ==, UROK_BOARD_SHAPE_RECTANGLE);
  b = urok_board_item_get_bounds (item);
  g_assert_cmpfloat_with_epsilon (b->x + b->width / 2, 350, 10);
  g_assert_cmpfloat_with_epsilon (b->width, 300, 25);
  g_assert_cmpfloat_with_epsilon (b->height, 200, 25);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A scribble stays a stroke. */
  {
    double w[] = { 700, 100, 720, 160, 740, 100, 760, 160, 780, 100, 800, 160 };

    trace (fx, w, G_N_ELEMENTS (w) / 2);
    items = urok_board_page_get_items (fx->page);
    g_assert_cmpuint (items->len, ==, 2);
    g_assert_cmpint (urok_board_item_get_kind (items->pdata[1]), ==, UROK_BOARD_ITEM_STROKE);
    g_clear_pointer (&items, g_ptr_array_unref);
    g_assert_true (urok_board_page_undo (fx->page));
  }

  /* One undo: the hand-drawn stroke back; two: nothing. */
  g_assert_true (urok_board_page_undo (fx->page));
  items = urok_board_page_get_items (fx->page);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (urok_board_item_get_kind (items->pdata[0]), ==, UROK_BOARD_ITEM_STROKE);
  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 0);

  /* The highlighter is never straightened. */
  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_HIGHLIGHTER);
  draw_rough_rectangle (fx);
  items = urok_board_page_get_items (fx->page);
  g_assert_cmpint (urok_board_item_get_kind (items->pdata[0]), ==, UROK_BOARD_ITEM_STROKE);
}

static void
on_timeout_flag (gpointer data)
{
  *(gboolean *)data = TRUE;
}

static void
wait_saved (UrokBoardSaver *saver)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_once (3000, on_timeout_flag, &timed_out);

  while (urok_board_saver_has_pending (saver) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* Shapes, moves and recognised strokes reach the store through the
 * journal, undo too. */
static void
test_saved (Fixture       *fx,
            gconstpointer  data)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);
  g_autoptr(UrokBoardSaver) saver = NULL;
  g_autoptr(UrokBoardPage) back = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint64 rect;
  double x, y;

  g_assert_no_error (error);
  g_assert_true (urok_store_save_board_page (store, fx->page, NULL, &error));
  saver = urok_board_saver_new (store, fx->page);

  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_RECTANGLE);
  drag (fx, 100, 100, 300, 200);
  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_PEN);
  g_object_set (fx->input, "recognize-shapes", TRUE, NULL);
  draw_rough_rectangle (fx);
  items = urok_board_page_get_items (fx->page);
  g_assert_cmpuint (items->len, ==, 2);
  rect = urok_board_item_get_id (items->pdata[0]);
  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_SELECT);
  tap (fx, 100, 150);
  assert_selection (fx, 1, rect);
  drag (fx, 100, 150, 150, 650);
  wait_saved (saver);

  back = urok_store_load_board_page (store, urok_board_page_get_uuid (fx->page), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (urok_board_page_get_n_items (back), ==, 2);
  shape_point (back, rect, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 150, 1e-3);
  g_assert_cmpfloat_with_epsilon (y, 600, 1e-3);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = urok_board_page_get_items (back);
  g_assert_cmpint (urok_board_item_get_kind (items->pdata[1]), ==, UROK_BOARD_ITEM_SHAPE);
  g_clear_object (&back);

  /* Undo the move and the recognition. */
  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_true (urok_board_page_undo (fx->page));
  wait_saved (saver);
  back = urok_store_load_board_page (store, urok_board_page_get_uuid (fx->page), &error);
  g_assert_no_error (error);
  shape_point (back, rect, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 100, 1e-3);
  g_assert_cmpfloat_with_epsilon (y, 100, 1e-3);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = urok_board_page_get_items (back);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (urok_board_item_get_kind (items->pdata[1]), ==, UROK_BOARD_ITEM_STROKE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/core/board-shapes/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("tool-names", test_tool_names);
  ADD ("select-tap", test_select_tap);
  ADD ("lasso", test_lasso);
  ADD ("move", test_move);
  ADD ("resize", test_resize);
  ADD ("rotate", test_rotate);
  ADD ("delete-duplicate", test_delete_duplicate);
  ADD ("transform-errors", test_transform_errors);
  ADD ("draw-shapes", test_draw_shapes);
  ADD ("polygon", test_polygon);
  ADD ("recognize", test_recognize);
  ADD ("saved", test_saved);
#undef ADD
  return core_test_run ();
}
