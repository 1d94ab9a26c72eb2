/* test-board-shapes-ui.c: the canvas's select and shape tools, shape
 * recognition and the drawing instruments' snapping, under Xvfb: a real
 * XTest drag moves the selection; scripted strokes go through the canvas's
 * own entry point (the one its gestures use, where snapping happens).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <gdk/x11/gdkx.h>

#include "ui-test-util.h"
#include "urok-board-canvas.h"
#include "urok-board-instrument-view.h"

typedef struct
{
  GtkWindow               *window;
  UrokBoardCanvas         *canvas;
  UrokBoardInstrumentView *instruments;
  UrokBoardPage           *page;
  guint32                  t;
} Fixture;

/* As in the presentation: the instruments overlaid on the canvas. */
static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  GtkWidget *overlay = gtk_overlay_new ();

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (fx->window, FALSE);
  gtk_window_set_title (fx->window, "urok-board-shapes-test");
  gtk_window_set_default_size (fx->window, 960, 720);
  fx->canvas = UROK_BOARD_CANVAS (urok_board_canvas_new ());
  fx->instruments = UROK_BOARD_INSTRUMENT_VIEW (urok_board_instrument_view_new ());
  gtk_widget_set_visible (GTK_WIDGET (fx->instruments), FALSE);
  fx->page = urok_board_page_new ();
  urok_board_page_set_size (fx->page, 1920, 1440);
  urok_board_canvas_set_page (fx->canvas, fx->page);
  urok_board_canvas_set_instruments (fx->canvas, fx->instruments);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (fx->canvas));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (fx->instruments));
  gtk_window_set_child (fx->window, overlay);
  gtk_window_present (fx->window);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 3);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fx->canvas)), ==, 960);
  fx->t = 1000;
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  gtk_window_destroy (fx->window);
  ui_test_iterate ();
  g_clear_object (&fx->page);
}

static UrokBoardInput *
input (Fixture *fx)
{
  return urok_board_canvas_get_input (fx->canvas);
}

static void
feed (Fixture        *fx,
      UrokBoardPhase  phase,
      double          x,
      double          y)
{
  UrokBoardEvent event = { 7, UROK_BOARD_DEVICE_PEN, phase, x, y, 0.6, fx->t };

  fx->t += 8;
  urok_board_canvas_feed_event (fx->canvas, &event);
}

/* Through the view points of @xy (n pairs), a sample every 4 px. */
static void
feed_path (Fixture      *fx,
           const double *xy,
           gsize         n)
{
  feed (fx, UROK_BOARD_PHASE_BEGIN, xy[0], xy[1]);
  for (gsize i = 1; i < n; i++)
    {
      double ax = xy[2 * i - 2], ay = xy[2 * i - 1], bx = xy[2 * i], by = xy[2 * i + 1];
      int steps = MAX (1, (int)ceil (hypot (bx - ax, by - ay) / 4));

      for (int k = 1; k <= steps; k++)
        feed (fx, UROK_BOARD_PHASE_UPDATE, ax + (bx - ax) * k / steps, ay + (by - ay) * k / steps);
    }
  feed (fx, UROK_BOARD_PHASE_END, xy[2 * n - 2], xy[2 * n - 1]);
}

static void
feed_drag (Fixture *fx,
           double   x0,
           double   y0,
           double   x1,
           double   y1)
{
  double xy[] = { x0, y0, x1, y1 };

  feed_path (fx, xy, 2);
}

static void
activate (Fixture    *fx,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), action, NULL));
}

static UrokBoardItem *
last_item (Fixture *fx)
{
  g_autoptr(GPtrArray) items = urok_board_page_get_items (fx->page);

  g_assert_cmpuint (items->len, >, 0);
  return urok_board_item_ref (items->pdata[items->len - 1]);
}

static void
board_to_view (Fixture *fx,
               double   bx,
               double   by,
               double  *vx,
               double  *vy)
{
  double scale = urok_board_input_get_scale (input (fx));

  *vx = bx * scale + urok_board_input_get_offset_x (input (fx));
  *vy = by * scale + urok_board_input_get_offset_y (input (fx));
}

static void
xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("%s %s", XDOTOOL, args);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
settle (void)
{
  for (guint i = 0; i < 3; i++)
    {
      g_usleep (20000);
      ui_test_iterate ();
    }
}

/* A real mouse (XTest) picks a rectangle with the select tool and drags
 * it: it moves by the drag's distance, as one undo step. */
static void
test_xtest_move (Fixture       *fx,
                 gconstpointer  data)
{
  static const UrokBoardColor blue = { 0.1f, 0.3f, 0.85f, 1 };
  UrokBoardPoint corners[2] = { { 400, 400, 0.5f, 0 }, { 800, 700, 0.5f, 0 } };
  g_autoptr(UrokBoardItem) rect = urok_board_item_new_shape (1, 0, UROK_BOARD_SHAPE_RECTANGLE, &blue, 6, NULL, corners, 2);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (fx->canvas));
  GdkSurface *surface = gtk_native_get_surface (native);
  double nx, ny, wx, wy, vx, vy, x, y, scale;
  g_autoptr(GError) error = NULL;
  gsize n_sel;
  guint32 xid;

  if (XDOTOOL[0] == '\0' || !GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("needs xdotool and X11");
      return;
    }
  g_assert_true (urok_board_page_add_item (fx->page, rect, &error));
  urok_board_page_clear_history (fx->page);
  activate (fx, "board.tool-select");
  xid = (guint32)gdk_x11_surface_get_xid (surface);
  gtk_native_get_surface_transform (native, &nx, &ny);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (fx->canvas), GTK_WIDGET (native), 0, 0, &wx, &wy));
  wx += nx;
  wy += ny;
  scale = urok_board_input_get_scale (input (fx));

  /* Press on the rectangle's left edge, drag by (150, 90) px. */
  board_to_view (fx, 400, 550, &vx, &vy);
  vx = round (vx);
  vy = round (vy);
  {
    g_autofree char *move = g_strdup_printf ("mousemove --window %u %d %d", xid, (int)(wx + vx), (int)(wy + vy));

    xdotool (move);
  }
  settle ();
  xdotool ("mousedown 1");
  settle ();
  for (guint i = 1; i <= 15; i++)
    {
      g_autofree char *move = g_strdup_printf ("mousemove --window %u %d %d", xid, (int)(wx + vx + 10 * i),
                                               (int)(wy + vy + 6 * i));

      xdotool (move);
      if (i % 5 == 0)
        settle ();
    }
  settle ();
  /* Shown moving, not moved yet. */
  g_assert_cmpuint (urok_board_input_get_n_previews (input (fx)), ==, 1);
  g_assert_true (urok_board_item_equal (urok_board_page_lookup (fx->page, 1), rect));
  xdotool ("mouseup 1");
  settle ();

  urok_board_input_get_selection (input (fx), &n_sel);
  g_assert_cmpuint (n_sel, ==, 1);
  g_assert_cmpuint (urok_board_input_get_n_previews (input (fx)), ==, 0);
  x = 400;
  y = 400;
  cairo_matrix_transform_point (urok_board_item_get_transform (urok_board_page_lookup (fx->page, 1)), &x, &y);
  g_assert_cmpfloat_with_epsilon (x - 400, 150 / scale, 0.5 / scale + 1e-6);
  g_assert_cmpfloat_with_epsilon (y - 400, 90 / scale, 0.5 / scale + 1e-6);

  activate (fx, "board.undo");
  g_assert_false (urok_board_page_can_undo (fx->page));
  g_assert_true (urok_board_item_equal (urok_board_page_lookup (fx->page, 1), rect));
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
}

/* The shape tools from the palette's actions; the rectangle lands where
 * it was dragged. */
static void
test_draw_shapes (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(UrokBoardItem) item = NULL;
  const UrokBoardPoint *p;
  double bx0, by0, bx1, by1;
  gsize n;
  g_autofree char *tool = NULL;

  g_object_set (fx->canvas, "color", "#d22b2b", "width", 8.0, NULL);
  activate (fx, "board.tool-rectangle");
  g_object_get (fx->canvas, "tool", &tool, NULL);
  g_assert_cmpstr (tool, ==, "rectangle");
  feed_drag (fx, 100, 80, 380, 260);
  item = last_item (fx);
  g_assert_cmpint (urok_board_item_get_kind (item), ==, UROK_BOARD_ITEM_SHAPE);
  g_assert_cmpint (urok_board_item_get_shape (item), ==, UROK_BOARD_SHAPE_RECTANGLE);
  p = urok_board_item_get_points (item, &n);
  g_assert_cmpuint (n, ==, 2);
  urok_board_input_view_to_board (input (fx), 100, 80, &bx0, &by0);
  urok_board_input_view_to_board (input (fx), 380, 260, &bx1, &by1);
  g_assert_cmpfloat_with_epsilon (p[0].x, bx0, 1e-3);
  g_assert_cmpfloat_with_epsilon (p[0].y, by0, 1e-3);
  g_assert_cmpfloat_with_epsilon (p[1].x, bx1, 1e-3);
  g_assert_cmpfloat_with_epsilon (p[1].y, by1, 1e-3);
  g_assert_cmpfloat (urok_board_item_get_width (item), ==, 8);
  g_assert_cmpfloat_with_epsilon (urok_board_item_get_color (item)->red, 0xd2 / 255.0, 1e-3);

  g_object_set (fx->canvas, "color", "#1c4fd8", NULL);
  activate (fx, "board.tool-ellipse");
  feed_drag (fx, 450, 80, 700, 260);
  activate (fx, "board.tool-line");
  feed_drag (fx, 100, 320, 380, 420);
  g_object_set (fx->canvas, "color", "#1f8a3a", NULL);
  activate (fx, "board.tool-arrow");
  feed_drag (fx, 450, 420, 700, 300);
  activate (fx, "board.tool-polygon");
  {
    static const double taps[][2] = { { 780, 100 }, { 900, 160 }, { 870, 300 }, { 760, 280 }, { 781, 101 } };

    for (guint i = 0; i < G_N_ELEMENTS (taps); i++)
      {
        feed (fx, UROK_BOARD_PHASE_BEGIN, taps[i][0], taps[i][1]);
        feed (fx, UROK_BOARD_PHASE_END, taps[i][0], taps[i][1]);
      }
  }
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 5);
  g_clear_pointer (&item, urok_board_item_unref);
  item = last_item (fx);
  g_assert_cmpint (urok_board_item_get_shape (item), ==, UROK_BOARD_SHAPE_POLYGON);

  /* A rectangle half drawn: its preview is on the screen. */
  g_object_set (fx->canvas, "color", "#7b3fb5", NULL);
  activate (fx, "board.tool-rectangle");
  feed (fx, UROK_BOARD_PHASE_BEGIN, 120, 480);
  for (int i = 1; i <= 20; i++)
    feed (fx, UROK_BOARD_PHASE_UPDATE, 120 + 12 * i, 480 + 5 * i);
  g_assert_cmpuint (urok_board_input_get_n_previews (input (fx)), ==, 1);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 3);
  urok_board_canvas_wait_tiles (fx->canvas);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  ui_test_save_png (GTK_WIDGET (fx->window), "board-shapes");
  feed (fx, UROK_BOARD_PHASE_END, 360, 580);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 6);
}

/* With board.recognize-shapes on, a rough hand-drawn rectangle becomes a
 * RECTANGLE shape; off again, it stays ink. */
static void
test_recognize (Fixture       *fx,
                gconstpointer  data)
{
  static const double rough[] = { 300, 152, 600, 148, 602, 350, 298, 353, 301, 158 };
  g_autoptr(UrokBoardItem) item = NULL;
  gboolean on = FALSE;

  activate (fx, "board.tool-pen");
  activate (fx, "board.recognize-shapes");
  g_object_get (fx->canvas, "recognize-shapes", &on, NULL);
  g_assert_true (on);
  g_assert_true (urok_board_input_get_recognize_shapes (input (fx)));
  feed_path (fx, rough, G_N_ELEMENTS (rough) / 2);
  item = last_item (fx);
  g_assert_cmpint (urok_board_item_get_kind (item), ==, UROK_BOARD_ITEM_SHAPE);
  g_assert_cmpint (urok_board_item_get_shape (item), ==, UROK_BOARD_SHAPE_RECTANGLE);

  /* One undo: the hand-drawn stroke. */
  activate (fx, "board.undo");
  g_clear_pointer (&item, urok_board_item_unref);
  item = last_item (fx);
  g_assert_cmpint (urok_board_item_get_kind (item), ==, UROK_BOARD_ITEM_STROKE);
  activate (fx, "board.undo");
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 0);

  activate (fx, "board.recognize-shapes");
  g_assert_false (urok_board_input_get_recognize_shapes (input (fx)));
  feed_path (fx, rough, G_N_ELEMENTS (rough) / 2);
  g_clear_pointer (&item, urok_board_item_unref);
  item = last_item (fx);
  g_assert_cmpint (urok_board_item_get_kind (item), ==, UROK_BOARD_ITEM_STROKE);
}

/* Where an instrument's local point is on the canvas. */
static void
local_to_canvas (Fixture             *fx,
                 UrokBoardInstrument *tool,
                 double               lx,
                 double               ly,
                 double              *x,
                 double              *y)
{
  double ix, iy;

  urok_board_instrument_to_page (tool, lx, ly, &ix, &iy);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (fx->instruments), GTK_WIDGET (fx->canvas), ix, iy,
                                                   x, y));
}

/* A pen begun just off the ruler's edge draws on the edge, straight,
 * however the hand wobbles; one begun far from it draws freely. */
static void
test_ruler_snap (Fixture       *fx,
                 gconstpointer  data)
{
  UrokBoardInstrument *ruler;
  g_autoptr(UrokBoardItem) item = NULL;
  const UrokBoardPoint *p;
  double s, path[2 * 41], x0, y0;
  gsize n;

  gtk_widget_set_visible (GTK_WIDGET (fx->instruments), TRUE);
  urok_board_instrument_view_set_shown (fx->instruments, UROK_BOARD_INSTRUMENT_RULER, TRUE);
  ruler = urok_board_instrument_view_get_instrument (fx->instruments, UROK_BOARD_INSTRUMENT_RULER);
  /* Turned a little, so that "straight" is not merely "level". */
  {
    double px, py;

    urok_board_instrument_get_pivot (ruler, &px, &py);
    urok_board_instrument_rotate (ruler, -0.3, px, py);
  }
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  s = urok_board_instrument_get_size (ruler);
  /* Along the edge local y = 0, 6..18 px off it (outside), wobbling. */
  for (int i = 0; i <= 40; i++)
    local_to_canvas (fx, ruler, s * (0.15 + 0.6 * i / 40), -12 + 6 * sin (i * 0.7), &path[2 * i], &path[2 * i + 1]);
  activate (fx, "board.tool-pen");
  feed_path (fx, path, 41);
  item = last_item (fx);
  p = urok_board_item_get_points (item, &n);
  g_assert_cmpuint (n, >=, 20);
  for (gsize i = 0; i < n; i++)
    {
      double vx, vy, ix, iy, lx, ly;

      board_to_view (fx, p[i].x, p[i].y, &vx, &vy);
      g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (fx->canvas), GTK_WIDGET (fx->instruments), vx, vy,
                                                       &ix, &iy));
      urok_board_instrument_to_local (ruler, ix, iy, &lx, &ly);
      g_assert_cmpfloat (fabs (ly), <, 0.5);
    }
  /* It spans the path's length along the edge. */
  local_to_canvas (fx, ruler, s * 0.15, 0, &x0, &y0);
  {
    double bx, by;

    urok_board_input_view_to_board (input (fx), x0, y0, &bx, &by);
    g_assert_cmpfloat (hypot (p[0].x - bx, p[0].y - by), <, 3);
  }
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  urok_board_canvas_wait_tiles (fx->canvas);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  ui_test_save_png (GTK_WIDGET (fx->window), "board-ruler-snap");

  /* Begun 60 px off: free ink, with its wobble. */
  for (int i = 0; i <= 40; i++)
    local_to_canvas (fx, ruler, s * (0.15 + 0.6 * i / 40), -60 + 6 * sin (i * 0.7), &path[2 * i], &path[2 * i + 1]);
  feed_path (fx, path, 41);
  g_clear_pointer (&item, urok_board_item_unref);
  item = last_item (fx);
  p = urok_board_item_get_points (item, &n);
  {
    double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

    for (gsize i = 0; i < n; i++)
      {
        double vx, vy, ix, iy, lx, ly;

        board_to_view (fx, p[i].x, p[i].y, &vx, &vy);
        gtk_widget_translate_coordinates (GTK_WIDGET (fx->canvas), GTK_WIDGET (fx->instruments), vx, vy, &ix, &iy);
        urok_board_instrument_to_local (ruler, ix, iy, &lx, &ly);
        lo = MIN (lo, ly);
        hi = MAX (hi, ly);
      }
    g_assert_cmpfloat (hi - lo, >, 6);
  }
}

/* The compass turned and let go: its arc is a stroke on the page, on the
 * compass's circle. */
static void
test_compass_arc (Fixture       *fx,
                  gconstpointer  data)
{
  UrokBoardInstrument *compass;
  g_autoptr(UrokBoardItem) item = NULL;
  g_autofree UrokBoardVec2 *arc = NULL;
  const UrokBoardPoint *p;
  double cx, cy, bcx, bcy, radius = -1;
  guint n_arc = 0;
  gsize n;

  gtk_widget_set_visible (GTK_WIDGET (fx->instruments), TRUE);
  urok_board_instrument_view_set_shown (fx->instruments, UROK_BOARD_INSTRUMENT_COMPASS, TRUE);
  compass = urok_board_instrument_view_get_instrument (fx->instruments, UROK_BOARD_INSTRUMENT_COMPASS);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  g_signal_emit_by_name (fx->instruments, "arc", compass, 0.0, G_PI * 1.5);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);
  item = last_item (fx);
  g_assert_cmpint (urok_board_item_get_kind (item), ==, UROK_BOARD_ITEM_STROKE);
  p = urok_board_item_get_points (item, &n);
  g_assert_cmpuint (n, >=, 20);

  /* On the circle about the compass's needle, as its own arc says. */
  arc = urok_board_instrument_compass_arc (compass, 0, G_PI * 1.5, 2, &n_arc);
  g_assert_cmpuint (n_arc, ==, n);
  urok_board_instrument_get_pivot (compass, &cx, &cy);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (fx->instruments), GTK_WIDGET (fx->canvas), cx, cy,
                                                   &cx, &cy));
  urok_board_input_view_to_board (input (fx), cx, cy, &bcx, &bcy);
  for (gsize i = 0; i < n; i++)
    {
      double r = hypot (p[i].x - bcx, p[i].y - bcy);

      if (radius < 0)
        radius = r;
      g_assert_cmpfloat_with_epsilon (r, radius, 0.5);
    }
  g_assert_cmpfloat (radius, >, 50);
  /* One step. */
  activate (fx, "board.undo");
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 0);
}

/* The selection seen: its frame and grips; delete takes it away. */
static void
test_select_screenshot (Fixture       *fx,
                        gconstpointer  data)
{
  static const double loop[] = { 80, 60, 560, 50, 580, 330, 70, 340, 80, 70 };
  gsize n;

  g_object_set (fx->canvas, "color", "#1c4fd8", "width", 6.0, NULL);
  activate (fx, "board.tool-rectangle");
  feed_drag (fx, 150, 120, 330, 260);
  activate (fx, "board.tool-ellipse");
  feed_drag (fx, 360, 110, 520, 280);
  g_object_set (fx->canvas, "color", "#d22b2b", NULL);
  activate (fx, "board.tool-pen");
  {
    double wave[2 * 30];

    for (int i = 0; i < 30; i++)
      {
        wave[2 * i] = 620 + 8 * i;
        wave[2 * i + 1] = 200 + 40 * sin (i * 0.4);
      }
    feed_path (fx, wave, 30);
  }
  /* Nothing selected: Delete deletes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.delete-selection", NULL);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 3);
  activate (fx, "board.tool-select");
  feed_path (fx, loop, G_N_ELEMENTS (loop) / 2);
  urok_board_input_get_selection (input (fx), &n);
  g_assert_cmpuint (n, ==, 2);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 3);
  urok_board_canvas_wait_tiles (fx->canvas);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  ui_test_save_png (GTK_WIDGET (fx->window), "board-select");

  urok_board_input_get_selection (input (fx), &n);
  g_assert_cmpuint (n, ==, 2);
  activate (fx, "board.delete-selection");
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);
  urok_board_input_get_selection (input (fx), &n);
  g_assert_cmpuint (n, ==, 0);
  activate (fx, "board.undo");
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = ui_test_isolate_dirs ();

  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/ui/board-shapes/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("xtest-move", test_xtest_move);
  ADD ("draw-shapes", test_draw_shapes);
  ADD ("recognize", test_recognize);
  ADD ("ruler-snap", test_ruler_snap);
  ADD ("compass-arc", test_compass_arc);
  ADD ("select-screenshot", test_select_screenshot);
#undef ADD
  return g_test_run ();
}
