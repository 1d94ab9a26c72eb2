/* test-board-input.c: the input router with scripted event sequences: who
 * draws, who pinches, what is a palm.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-input.h"

typedef struct
{
  UrokBoardPage  *page;
  UrokBoardInput *input;
  guint           live_changes;
  guint           finished;
  guint           view_changes;
} Fixture;

static void
on_live_changed (UrokBoardInput      *input,
                 const UrokBoardRect *dirty,
                 Fixture             *fx)
{
  fx->live_changes++;
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
on_view_changed (UrokBoardInput *input,
                 Fixture        *fx)
{
  fx->view_changes++;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  fx->page = urok_board_page_new ();
  fx->input = urok_board_input_new (fx->page);
  /* A 65" 1080p panel: 1920 px over 1439 mm. */
  urok_board_input_set_px_per_mm (fx->input, 1920 / 1439.0);
  g_signal_connect (fx->input, "live-changed", G_CALLBACK (on_live_changed), fx);
  g_signal_connect (fx->input, "stroke-finished", G_CALLBACK (on_finished), fx);
  g_signal_connect (fx->input, "view-changed", G_CALLBACK (on_view_changed), fx);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->input);
  g_clear_object (&fx->page);
}

static gboolean
send (Fixture         *fx,
      guint64          sequence,
      UrokBoardDevice  device,
      UrokBoardPhase   phase,
      double           x,
      double           y,
      guint32          time_ms)
{
  UrokBoardEvent event = { sequence, device, phase, x, y, -1, time_ms };

  return urok_board_input_handle_event (fx->input, &event);
}

/* A straight drag from (x0, y0) by (dx, dy) in @steps motions of 8 ms. */
static void
drag (Fixture         *fx,
      guint64          sequence,
      UrokBoardDevice  device,
      double           x0,
      double           y0,
      double           dx,
      double           dy,
      guint            steps,
      guint32          t0)
{
  g_assert_true (send (fx, sequence, device, UROK_BOARD_PHASE_BEGIN, x0, y0, t0));
  for (guint i = 1; i <= steps; i++)
    send (fx, sequence, device, UROK_BOARD_PHASE_UPDATE, x0 + dx * i / steps, y0 + dy * i / steps, t0 + 8 * i);
  send (fx, sequence, device, UROK_BOARD_PHASE_END, x0 + dx, y0 + dy, t0 + 8 * steps + 8);
}

static UrokBoardItem *
item_at (Fixture *fx,
         guint    index)
{
  g_autoptr(GPtrArray) items = urok_board_page_get_items (fx->page);

  g_assert_cmpuint (index, <, items->len);
  return urok_board_item_ref (items->pdata[index]);
}

/* The stroke runs from the first touch to where the pen lifted. */
static void
assert_stroke_spans (UrokBoardItem *item,
                     double         x0,
                     double         y0,
                     double         x1,
                     double         y1)
{
  gsize n;
  const UrokBoardPoint *p = urok_board_item_get_points (item, &n);

  g_assert_cmpuint (urok_board_item_get_kind (item), ==, UROK_BOARD_ITEM_STROKE);
  g_assert_cmpuint (n, >=, 5);
  g_assert_cmpfloat_with_epsilon (p[0].x, x0, 0.01);
  g_assert_cmpfloat_with_epsilon (p[0].y, y0, 0.01);
  g_assert_cmpfloat_with_epsilon (p[n - 1].x, x1, 0.01);
  g_assert_cmpfloat_with_epsilon (p[n - 1].y, y1, 0.01);
}

static void
test_mouse_draws_stroke (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(UrokBoardItem) item = NULL;

  urok_board_input_set_view (fx->input, 2, 100, 50);
  drag (fx, 1, UROK_BOARD_DEVICE_MOUSE, 300, 250, 400, 200, 20, 0);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);
  g_assert_cmpuint (fx->finished, ==, 1);
  g_assert_cmpuint (fx->live_changes, >=, 20);
  g_assert_cmpuint (urok_board_input_get_n_live (fx->input), ==, 0);
  item = item_at (fx, 0);
  /* View (300, 250) at scale 2 offset (100, 50) is board (100, 100). */
  assert_stroke_spans (item, 100, 100, 300, 200);
  g_assert_true (urok_board_page_can_undo (fx->page));
  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 0);
}

/* Smoothing removes jitter from the live points. */
static void
test_live_smoothed (Fixture       *fx,
                    gconstpointer  data)
{
  gsize n;
  const UrokBoardPoint *p;
  double raw_dev = 0, smooth_dev = 0;

  send (fx, 1, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_BEGIN, 100, 100, 0);
  for (guint i = 1; i <= 60; i++)
    {
      double jitter = (i % 2 ? 1.5 : -1.5);

      send (fx, 1, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_UPDATE, 100 + i * 2, 100 + jitter, i * 8);
      raw_dev += fabs (jitter);
    }
  g_assert_cmpuint (urok_board_input_get_n_live (fx->input), ==, 1);
  p = urok_board_input_get_live (fx->input, 0, &n, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (n, ==, 61);
  for (gsize i = 1; i < n; i++)
    smooth_dev += fabs (p[i].y - 100);
  g_assert_cmpfloat (smooth_dev, <, raw_dev * 0.6);
  send (fx, 1, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_END, 220, 100, 500);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);
}

/* Two pupils: two touches far apart draw two strokes at once. */
static void
test_two_pens (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(UrokBoardItem) a = NULL;
  g_autoptr(UrokBoardItem) b = NULL;

  g_assert_true (send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 200, 300, 0));
  g_assert_true (send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 1500, 300, 10));
  g_assert_cmpint (urok_board_input_get_route (fx->input, 1), ==, UROK_BOARD_ROUTE_DRAW);
  g_assert_cmpint (urok_board_input_get_route (fx->input, 2), ==, UROK_BOARD_ROUTE_DRAW);
  for (guint i = 1; i <= 20; i++)
    {
      send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 200 + 5 * i, 300 + 5 * i, 10 * i);
      send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 1500 - 5 * i, 300, 10 * i + 5);
    }
  g_assert_cmpuint (urok_board_input_get_n_live (fx->input), ==, 2);
  send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 1400, 300, 300);
  g_assert_cmpuint (urok_board_input_get_n_live (fx->input), ==, 1);
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 300, 400, 310);

  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);
  a = item_at (fx, 0);
  b = item_at (fx, 1);
  assert_stroke_spans (a, 1500, 300, 1400, 300);
  assert_stroke_spans (b, 200, 300, 300, 400);
  g_assert_cmpfloat (fx->view_changes, ==, 0);
  g_assert_cmpfloat (urok_board_input_get_scale (fx->input), ==, 1);
}

/* A stylus and a finger together: both draw. */
static void
test_stylus_and_mouse (Fixture       *fx,
                       gconstpointer  data)
{
  send (fx, 7, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_BEGIN, 100, 100, 0);
  send (fx, 8, UROK_BOARD_DEVICE_MOUSE, UROK_BOARD_PHASE_BEGIN, 150, 100, 5);
  for (guint i = 1; i <= 10; i++)
    {
      send (fx, 7, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_UPDATE, 100, 100 + 10 * i, 10 * i);
      send (fx, 8, UROK_BOARD_DEVICE_MOUSE, UROK_BOARD_PHASE_UPDATE, 150, 100 + 10 * i, 10 * i);
    }
  send (fx, 7, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_END, 100, 200, 200);
  send (fx, 8, UROK_BOARD_DEVICE_MOUSE, UROK_BOARD_PHASE_END, 150, 200, 200);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);
}

/* One hand's pinch: zooms about its centre, pans with it, leaves no ink. */
static void
test_pinch_zooms (Fixture       *fx,
                  gconstpointer  data)
{
  double bx0, by0, bx1, by1;

  urok_board_input_view_to_board (fx->input, 550, 400, &bx0, &by0);
  g_assert_true (send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 500, 400, 1000));
  /* The first finger moved a little before the second came: that ink is
   * taken back. */
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 502, 400, 1030);
  g_assert_cmpuint (urok_board_input_get_n_live (fx->input), ==, 1);
  g_assert_true (send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 600, 400, 1060));
  g_assert_cmpint (urok_board_input_get_route (fx->input, 1), ==, UROK_BOARD_ROUTE_GESTURE);
  g_assert_cmpint (urok_board_input_get_route (fx->input, 2), ==, UROK_BOARD_ROUTE_GESTURE);
  g_assert_cmpuint (urok_board_input_get_n_live (fx->input), ==, 0);

  for (guint i = 1; i <= 10; i++)
    {
      send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 502 - 5.2 * i, 400, 1060 + 10 * i);
      send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 600 + 5 * i, 400, 1065 + 10 * i);
    }
  /* Fingers 98 px apart at the pinch's start, now 200: twice... almost. */
  g_assert_cmpfloat_with_epsilon (urok_board_input_get_scale (fx->input), 200.0 / 98.0, 1e-9);
  /* The board point under the first centre (551, 400; the view was 1:1)
   * is under the new centre ((450 + 650) / 2, 400). */
  {
    double bx, by;

    urok_board_input_view_to_board (fx->input, 550, 400, &bx, &by);
    g_assert_cmpfloat_with_epsilon (bx, 551, 1e-9);
    g_assert_cmpfloat_with_epsilon (by, 400, 1e-9);
  }
  send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 650, 400, 1200);
  /* The finger left pans. */
  urok_board_input_view_to_board (fx->input, 450, 400, &bx0, &by0);
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 450, 430, 1210);
  urok_board_input_view_to_board (fx->input, 450, 430, &bx1, &by1);
  g_assert_cmpfloat_with_epsilon (bx0, bx1, 1e-9);
  g_assert_cmpfloat_with_epsilon (by0, by1, 1e-9);
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 450, 430, 1220);

  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 0);
  g_assert_cmpuint (fx->finished, ==, 0);
  g_assert_false (urok_board_page_can_undo (fx->page));
  g_assert_cmpuint (fx->view_changes, >, 10);
}

/* Close together but staggered: two pens, no zoom. */
static void
test_staggered_touches (Fixture       *fx,
                        gconstpointer  data)
{
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 500, 400, 0);
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 520, 410, 100);
  send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 600, 400, UROK_BOARD_GESTURE_WINDOW_MS + 50);
  g_assert_cmpint (urok_board_input_get_route (fx->input, 1), ==, UROK_BOARD_ROUTE_DRAW);
  g_assert_cmpint (urok_board_input_get_route (fx->input, 2), ==, UROK_BOARD_ROUTE_DRAW);
  send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 650, 450, 300);
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 540, 420, 310);
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 540, 420, 320);
  send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 650, 450, 330);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);
  g_assert_cmpfloat (urok_board_input_get_scale (fx->input), ==, 1);
  g_assert_cmpuint (fx->view_changes, ==, 0);
}

/* Together but farther apart than a hand: two pens. */
static void
test_apart_touches (Fixture       *fx,
                    gconstpointer  data)
{
  /* 300 px on this panel is 225 mm: beyond a hand's span. */
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 500, 400, 0);
  send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 800, 400, 20);
  g_assert_cmpint (urok_board_input_get_route (fx->input, 2), ==, UROK_BOARD_ROUTE_DRAW);
  /* 250 px, 187 mm: within. */
  send (fx, 3, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 1300, 400, 1000);
  send (fx, 4, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 1550, 400, 1020);
  g_assert_cmpint (urok_board_input_get_route (fx->input, 3), ==, UROK_BOARD_ROUTE_GESTURE);
  g_assert_cmpint (urok_board_input_get_route (fx->input, 4), ==, UROK_BOARD_ROUTE_GESTURE);
  /* A third finger during the pinch neither draws nor zooms. */
  g_assert_false (send (fx, 5, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 1400, 600, 1025));
  g_assert_cmpint (urok_board_input_get_route (fx->input, 5), ==, UROK_BOARD_ROUTE_IGNORED);
}

/* Group work: with the zoom locked, a pinch is two pens. */
static void
test_zoom_lock (Fixture       *fx,
                gconstpointer  data)
{
  urok_board_input_set_zoom_locked (fx->input, TRUE);
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 500, 400, 0);
  send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 600, 400, 20);
  g_assert_cmpint (urok_board_input_get_route (fx->input, 1), ==, UROK_BOARD_ROUTE_DRAW);
  g_assert_cmpint (urok_board_input_get_route (fx->input, 2), ==, UROK_BOARD_ROUTE_DRAW);
  for (guint i = 1; i <= 10; i++)
    {
      send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 500 - 5 * i, 400, 20 + 10 * i);
      send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 600 + 5 * i, 400, 25 + 10 * i);
    }
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 450, 400, 200);
  send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 650, 400, 200);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);
  g_assert_cmpfloat (urok_board_input_get_scale (fx->input), ==, 1);
  g_assert_cmpuint (fx->view_changes, ==, 0);
}

/* Palm rejection: touches while the stylus hovers, and just after it
 * left, do not draw; the stylus does. */
static void
test_palm_rejected (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(UrokBoardItem) item = NULL;

  g_assert_true (send (fx, 9, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_PROXIMITY_IN, 300, 300, 0));
  g_assert_true (urok_board_input_get_stylus_near (fx->input));
  g_assert_false (send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 400, 500, 10));
  g_assert_cmpint (urok_board_input_get_route (fx->input, 1), ==, UROK_BOARD_ROUTE_IGNORED);
  drag (fx, 9, UROK_BOARD_DEVICE_PEN, 300, 300, 100, 0, 10, 20);
  g_assert_false (send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 450, 520, 50));
  g_assert_false (send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 450, 520, 150));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);
  item = item_at (fx, 0);
  assert_stroke_spans (item, 300, 300, 400, 300);

  send (fx, 9, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_PROXIMITY_OUT, 400, 300, 1000);
  g_assert_false (urok_board_input_get_stylus_near (fx->input));
  g_assert_false (send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 400, 500, 1000 + UROK_BOARD_PALM_AFTER_MS - 10));
  send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 400, 500, 1000 + UROK_BOARD_PALM_AFTER_MS);
  drag (fx, 3, UROK_BOARD_DEVICE_TOUCH, 400, 500, 50, 50, 10, 1000 + UROK_BOARD_PALM_AFTER_MS + 10);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);
}

/* A palm that landed just before the stylus came near is taken back; a
 * finger that was writing for a while goes on. */
static void
test_palm_before_stylus (Fixture       *fx,
                         gconstpointer  data)
{
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 100, 100, 0);
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 150, 100, 900);
  send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 1200, 600, 1000);
  send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 1210, 610, 1010);
  g_assert_cmpuint (urok_board_input_get_n_live (fx->input), ==, 2);
  send (fx, 9, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_PROXIMITY_IN, 1250, 500, 1100);
  g_assert_cmpint (urok_board_input_get_route (fx->input, 2), ==, UROK_BOARD_ROUTE_IGNORED);
  g_assert_cmpint (urok_board_input_get_route (fx->input, 1), ==, UROK_BOARD_ROUTE_DRAW);
  g_assert_cmpuint (urok_board_input_get_n_live (fx->input), ==, 1);
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 150, 150, 1200);
  send (fx, 2, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 1210, 610, 1200);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);
}

/* The stylus's eraser end erases whatever the tool is; one undo step
 * brings every stroke it took back. */
static void
test_eraser_end (Fixture       *fx,
                 gconstpointer  data)
{
  drag (fx, 1, UROK_BOARD_DEVICE_PEN, 100, 100, 200, 0, 10, 0);
  drag (fx, 1, UROK_BOARD_DEVICE_PEN, 100, 200, 200, 0, 10, 200);
  drag (fx, 1, UROK_BOARD_DEVICE_PEN, 100, 600, 200, 0, 10, 400);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 3);
  g_assert_cmpint (urok_board_input_get_tool (fx->input), ==, UROK_BOARD_TOOL_KIND_PEN);

  /* A fast vertical swipe: only two samples, across both top strokes. */
  send (fx, 2, UROK_BOARD_DEVICE_ERASER, UROK_BOARD_PHASE_BEGIN, 200, 50, 1000);
  send (fx, 2, UROK_BOARD_DEVICE_ERASER, UROK_BOARD_PHASE_UPDATE, 200, 250, 1008);
  send (fx, 2, UROK_BOARD_DEVICE_ERASER, UROK_BOARD_PHASE_END, 200, 250, 1016);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);
  g_assert_cmpuint (fx->finished, ==, 3);
  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 3);
}

/* A pupil's stroke finished while the teacher erases is its own undo
 * step, not part of the swipe. */
static void
test_pen_during_eraser (Fixture       *fx,
                        gconstpointer  data)
{
  drag (fx, 1, UROK_BOARD_DEVICE_MOUSE, 100, 100, 200, 0, 10, 0);
  send (fx, 2, UROK_BOARD_DEVICE_ERASER, UROK_BOARD_PHASE_BEGIN, 150, 50, 1000);
  drag (fx, 3, UROK_BOARD_DEVICE_MOUSE, 1000, 600, 100, 0, 10, 1010);
  /* Finished but waiting: still live, not on the page. */
  g_assert_cmpuint (urok_board_input_get_n_live (fx->input), ==, 1);
  send (fx, 2, UROK_BOARD_DEVICE_ERASER, UROK_BOARD_PHASE_UPDATE, 150, 150, 1200);
  send (fx, 2, UROK_BOARD_DEVICE_ERASER, UROK_BOARD_PHASE_END, 150, 150, 1210);
  g_assert_cmpuint (urok_board_input_get_n_live (fx->input), ==, 0);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);
  /* Undo takes the pupil's stroke, then the swipe. */
  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 0);
  g_assert_true (urok_board_page_undo (fx->page));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);
}

/* The area eraser cuts a gap: the stroke becomes two. */
static void
test_area_eraser (Fixture       *fx,
                  gconstpointer  data)
{
  drag (fx, 1, UROK_BOARD_DEVICE_MOUSE, 100, 100, 400, 0, 40, 0);
  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_AREA_ERASER);
  drag (fx, 2, UROK_BOARD_DEVICE_MOUSE, 300, 50, 0, 100, 4, 1000);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);
  g_assert_null (urok_board_page_hit_test (fx->page, 300, 100, 2));
  g_assert_nonnull (urok_board_page_hit_test (fx->page, 150, 100, 2));
  g_assert_nonnull (urok_board_page_hit_test (fx->page, 450, 100, 2));
  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_ERASER);
  drag (fx, 2, UROK_BOARD_DEVICE_MOUSE, 150, 50, 0, 100, 2, 2000);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);
}

/* Cancel (the grab was taken) discards the live stroke. */
static void
test_cancel_discards (Fixture       *fx,
                      gconstpointer  data)
{
  guint before;

  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 100, 100, 0);
  for (guint i = 1; i <= 10; i++)
    send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 100 + 10 * i, 100, 8 * i);
  g_assert_cmpuint (urok_board_input_get_n_live (fx->input), ==, 1);
  before = fx->live_changes;
  send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_CANCEL, 200, 100, 100);
  g_assert_cmpuint (fx->live_changes, ==, before + 1);
  g_assert_cmpuint (urok_board_input_get_n_live (fx->input), ==, 0);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 0);
  g_assert_false (urok_board_page_can_undo (fx->page));
  g_assert_cmpint (urok_board_input_get_route (fx->input, 1), ==, UROK_BOARD_ROUTE_NONE);
  /* Events of the cancelled sequence after it are not used. */
  g_assert_false (send (fx, 1, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 210, 100, 110));

  /* cancel_all too. */
  send (fx, 4, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_BEGIN, 100, 100, 200);
  send (fx, 4, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_UPDATE, 150, 100, 210);
  urok_board_input_cancel_all (fx->input);
  g_assert_cmpuint (urok_board_input_get_n_live (fx->input), ==, 0);
  g_assert_false (urok_board_input_get_stylus_near (fx->input));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 0);
}

/* The highlighter is wide and translucent; tools have names for actions. */
static void
test_tools (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(UrokBoardItem) item = NULL;
  UrokBoardToolKind kind;

  urok_board_input_set_tool (fx->input, UROK_BOARD_TOOL_KIND_HIGHLIGHTER);
  drag (fx, 1, UROK_BOARD_DEVICE_MOUSE, 100, 100, 200, 0, 10, 0);
  item = item_at (fx, 0);
  g_assert_cmpint (urok_board_item_get_tool (item), ==, UROK_BOARD_TOOL_HIGHLIGHTER);
  g_assert_cmpfloat (urok_board_item_get_width (item), >, urok_board_input_get_width (fx->input));
  for (guint i = 0; i < UROK_BOARD_N_TOOL_KINDS; i++)
    {
      g_assert_true (urok_board_tool_kind_from_string (urok_board_tool_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_false (urok_board_tool_kind_from_string ("laser", &kind));
}

/* Wheel and keys zoom about a point; the scale stays within its range. */
static void
test_zoom_at (Fixture       *fx,
              gconstpointer  data)
{
  double bx, by;

  urok_board_input_zoom_at (fx->input, 2, 300, 200);
  urok_board_input_view_to_board (fx->input, 300, 200, &bx, &by);
  g_assert_cmpfloat_with_epsilon (bx, 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (by, 200, 1e-9);
  g_assert_cmpfloat (urok_board_input_get_scale (fx->input), ==, 2);
  for (guint i = 0; i < 20; i++)
    urok_board_input_zoom_at (fx->input, 2, 300, 200);
  g_assert_cmpfloat (urok_board_input_get_scale (fx->input), ==, UROK_BOARD_MAX_SCALE);
  urok_board_input_pan (fx->input, 10, -5);
  urok_board_input_view_to_board (fx->input, 310, 195, &bx, &by);
  g_assert_cmpfloat_with_epsilon (bx, 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (by, 200, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/core/board-input/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("mouse-draws-stroke", test_mouse_draws_stroke);
  ADD ("live-smoothed", test_live_smoothed);
  ADD ("two-pens", test_two_pens);
  ADD ("stylus-and-mouse", test_stylus_and_mouse);
  ADD ("pinch-zooms", test_pinch_zooms);
  ADD ("staggered-touches", test_staggered_touches);
  ADD ("apart-touches", test_apart_touches);
  ADD ("zoom-lock", test_zoom_lock);
  ADD ("palm-rejected", test_palm_rejected);
  ADD ("palm-before-stylus", test_palm_before_stylus);
  ADD ("eraser-end", test_eraser_end);
  ADD ("pen-during-eraser", test_pen_during_eraser);
  ADD ("area-eraser", test_area_eraser);
  ADD ("cancel-discards", test_cancel_discards);
  ADD ("tools", test_tools);
  ADD ("zoom-at", test_zoom_at);
#undef ADD

  return g_test_run ();
}
