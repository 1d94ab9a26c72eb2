/* test-board-canvas.c: the whiteboard canvas with real input (XTest), the
 * router's entry point for stylus and touch, its actions and its picture.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gdk/x11/gdkx.h>

#include "ui-test-util.h"
#include "urok-board-canvas.h"
#include "urok-board-render.h"

typedef struct
{
  GtkWindow       *window;
  UrokBoardCanvas *canvas;
  UrokBoardPage   *page;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (fx->window, FALSE);
  gtk_window_set_title (fx->window, "urok-board-test");
  gtk_window_set_default_size (fx->window, 800, 600);
  fx->canvas = UROK_BOARD_CANVAS (urok_board_canvas_new ());
  fx->page = urok_board_page_new ();
  urok_board_page_set_size (fx->page, 1600, 900);
  urok_board_canvas_set_page (fx->canvas, fx->page);
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->canvas));
  gtk_window_present (fx->window);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 3);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fx->canvas)), ==, 800);
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

static gboolean
feed (Fixture         *fx,
      guint64          sequence,
      UrokBoardDevice  device,
      UrokBoardPhase   phase,
      double           x,
      double           y,
      guint32          time_ms)
{
  UrokBoardEvent event = { sequence, device, phase, x, y, device == UROK_BOARD_DEVICE_PEN ? 0.7 : -1, time_ms };

  return urok_board_canvas_feed_event (fx->canvas, &event);
}

static void
feed_drag (Fixture         *fx,
           guint64          sequence,
           UrokBoardDevice  device,
           double           x0,
           double           y0,
           double           x1,
           double           y1,
           guint32          t0)
{
  feed (fx, sequence, device, UROK_BOARD_PHASE_BEGIN, x0, y0, t0);
  for (guint i = 1; i <= 20; i++)
    feed (fx, sequence, device, UROK_BOARD_PHASE_UPDATE, x0 + (x1 - x0) * i / 20, y0 + (y1 - y0) * i / 20, t0 + 8 * i);
  feed (fx, sequence, device, UROK_BOARD_PHASE_END, x1, y1, t0 + 200);
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

/* Lets the X server deliver what xdotool sent and GTK handle it. */
static void
settle (Fixture *fx)
{
  for (guint i = 0; i < 3; i++)
    {
      g_usleep (20000);
      ui_test_iterate ();
    }
}

/* A real mouse drag through XTest: the page gets one stroke along it. */
static void
test_xtest_draw (Fixture       *fx,
                 gconstpointer  data)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (fx->canvas));
  GdkSurface *surface = gtk_native_get_surface (native);
  double nx, ny, wx, wy;
  g_autoptr(GPtrArray) items = NULL;
  gsize n;
  const UrokBoardPoint *p;
  double scale;
  guint32 xid;

  if (XDOTOOL[0] == '\0' || !GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("needs xdotool and X11");
      return;
    }
  xid = (guint32)gdk_x11_surface_get_xid (surface);
  gtk_native_get_surface_transform (native, &nx, &ny);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (fx->canvas), GTK_WIDGET (native), 0, 0, &wx, &wy));
  wx += nx;
  wy += ny;

  {
    g_autofree char *move = g_strdup_printf ("mousemove --window %u %d %d", xid, (int)wx + 100, (int)wy + 100);

    xdotool (move);
  }
  settle (fx);
  xdotool ("mousedown 1");
  settle (fx);
  for (guint i = 1; i <= 30; i++)
    {
      g_autofree char *move = g_strdup_printf ("mousemove --window %u %d %d", xid, (int)wx + 100 + 10 * i,
                                               (int)wy + 100 + 5 * i);

      xdotool (move);
      if (i % 5 == 0)
        settle (fx);
    }
  settle (fx);
  /* Live while the button is down. */
  g_assert_cmpuint (urok_board_input_get_n_live (input (fx)), ==, 1);
  xdotool ("mouseup 1");
  settle (fx);

  g_assert_cmpuint (urok_board_input_get_n_live (input (fx)), ==, 0);
  items = urok_board_page_get_items (fx->page);
  g_assert_cmpuint (items->len, ==, 1);
  p = urok_board_item_get_points (items->pdata[0], &n);
  g_assert_cmpuint (n, >=, 5);
  /* The page is fitted: 1600 board units in 800 px. */
  scale = urok_board_input_get_scale (input (fx));
  g_assert_cmpfloat_with_epsilon (scale, 0.5, 1e-9);
  {
    double bx, by;

    urok_board_input_view_to_board (input (fx), 100, 100, &bx, &by);
    g_assert_cmpfloat (fabs (p[0].x - bx), <=, 2.5);
    g_assert_cmpfloat (fabs (p[0].y - by), <=, 2.5);
    urok_board_input_view_to_board (input (fx), 400, 250, &bx, &by);
    g_assert_cmpfloat (fabs (p[n - 1].x - bx), <=, 2.5);
    g_assert_cmpfloat (fabs (p[n - 1].y - by), <=, 2.5);
    /* Every point on the line y = y0 + (x - x0) / 2. */
    for (gsize i = 0; i < n; i++)
      {
        urok_board_input_view_to_board (input (fx), 100, 100, &bx, &by);
        g_assert_cmpfloat (fabs ((p[i].y - by) - (p[i].x - bx) / 2), <=, 4);
      }
  }
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
}

/* Stylus and touch through the same entry point the gesture handlers
 * use: two pupils at once, a pinch, a palm. */
static void
test_hands (Fixture       *fx,
            gconstpointer  data)
{
  double scale = urok_board_input_get_scale (input (fx));

  /* A 65" 1080p panel: 700 px are 52 cm. */
  urok_board_input_set_px_per_mm (input (fx), 1920 / 1439.0);
  /* Two fingers far apart, together: two strokes. */
  feed (fx, 101, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 50, 100, 0);
  feed (fx, 102, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 750, 100, 5);
  for (guint i = 1; i <= 10; i++)
    {
      feed (fx, 101, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 50 + 10 * i, 100, 5 + 10 * i);
      feed (fx, 102, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 750 - 10 * i, 100, 8 + 10 * i);
    }
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 1);
  g_assert_cmpuint (urok_board_input_get_n_live (input (fx)), ==, 2);
  feed (fx, 101, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 150, 100, 200);
  feed (fx, 102, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 650, 100, 200);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);

  /* A pinch: zoom, no ink. */
  feed (fx, 103, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 380, 300, 1000);
  feed (fx, 104, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 420, 300, 1030);
  for (guint i = 1; i <= 10; i++)
    {
      feed (fx, 103, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 380 - 4 * i, 300, 1030 + 10 * i);
      feed (fx, 104, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 420 + 4 * i, 300, 1030 + 10 * i);
    }
  feed (fx, 103, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 340, 300, 1200);
  feed (fx, 104, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 460, 300, 1200);
  g_assert_cmpfloat_with_epsilon (urok_board_input_get_scale (input (fx)), scale * 3, 1e-9);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);

  /* The stylus hovers; the palm under it draws nothing; the pen does. */
  feed (fx, 200, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_PROXIMITY_IN, 300, 300, 2000);
  g_assert_false (feed (fx, 105, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_BEGIN, 350, 450, 2010));
  feed_drag (fx, 200, UROK_BOARD_DEVICE_PEN, 300, 300, 360, 330, 2020);
  feed (fx, 105, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_UPDATE, 380, 470, 2100);
  feed (fx, 105, UROK_BOARD_DEVICE_TOUCH, UROK_BOARD_PHASE_END, 380, 470, 2300);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 3);

  /* The eraser end over the pen's stroke. */
  feed_drag (fx, 201, UROK_BOARD_DEVICE_ERASER, 330, 280, 330, 350, 3000);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
}

/* Tools, undo, zoom and the lock through the board.* actions. */
static void
test_actions (Fixture       *fx,
              gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (fx->canvas);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *tool = NULL;
  double scale = urok_board_input_get_scale (input (fx));

  g_assert_true (gtk_widget_activate_action (canvas, "board.tool-highlighter", NULL));
  g_object_get (canvas, "tool", &tool, NULL);
  g_assert_cmpstr (tool, ==, "highlighter");
  g_assert_true (gtk_widget_activate_action (canvas, "board.color", "s", "#ffd400"));
  feed_drag (fx, 1, UROK_BOARD_DEVICE_MOUSE, 100, 100, 300, 100, 0);
  items = urok_board_page_get_items (fx->page);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (urok_board_item_get_tool (items->pdata[0]), ==, UROK_BOARD_TOOL_HIGHLIGHTER);
  g_assert_cmpfloat_with_epsilon (urok_board_item_get_color (items->pdata[0])->green, 0xd4 / 255.0, 1e-6);

  g_assert_true (gtk_widget_activate_action (canvas, "board.tool-eraser", NULL));
  feed_drag (fx, 1, UROK_BOARD_DEVICE_MOUSE, 200, 60, 200, 140, 1000);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 0);
  g_assert_true (gtk_widget_activate_action (canvas, "board.undo", NULL));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);
  g_assert_true (gtk_widget_activate_action (canvas, "board.redo", NULL));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 0);

  g_assert_true (gtk_widget_activate_action (canvas, "board.tool", "s", "pen"));
  g_assert_cmpint (urok_board_input_get_tool (input (fx)), ==, UROK_BOARD_TOOL_KIND_PEN);
  g_assert_true (gtk_widget_activate_action (canvas, "board.width", "d", 8.0));
  g_assert_cmpfloat (urok_board_input_get_width (input (fx)), ==, 8.0);

  g_assert_true (gtk_widget_activate_action (canvas, "board.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (urok_board_input_get_scale (input (fx)), scale * 1.25, 1e-9);
  g_assert_true (gtk_widget_activate_action (canvas, "board.pan-right", NULL));
  g_assert_true (gtk_widget_activate_action (canvas, "board.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (urok_board_input_get_scale (input (fx)), scale, 1e-9);

  g_assert_false (urok_board_input_get_zoom_locked (input (fx)));
  g_assert_true (gtk_widget_activate_action (canvas, "board.lock-zoom", NULL));
  g_assert_true (urok_board_input_get_zoom_locked (input (fx)));

  /* A key through the widget's bindings. */
  gtk_widget_grab_focus (canvas);
  ui_test_iterate ();
  g_assert_true (gtk_widget_has_focus (canvas));
}

/* Average the colours of a texture's pixels and compare with a cairo
 * surface of the same size. */
static void
compare_with_reference (GdkTexture      *texture,
                        cairo_surface_t *reference,
                        double          *mean_diff,
                        double          *bad_fraction)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  gsize stride = width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  const guchar *ref = cairo_image_surface_get_data (reference);
  int ref_stride = cairo_image_surface_get_stride (reference);
  double total = 0;
  guint bad = 0;

  g_assert_cmpint (cairo_image_surface_get_width (reference), ==, width);
  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        int worst = 0;

        for (int c = 0; c < 3; c++)
          {
            int d = abs ((int)pixels[y * stride + x * 4 + c] - (int)ref[y * ref_stride + x * 4 + c]);

            total += d;
            worst = MAX (worst, d);
          }
        if (worst > 40)
          bad++;
      }
  *mean_diff = total / (3.0 * width * height);
  *bad_fraction = (double)bad / (width * height);
}

static void
add_demo_ink (UrokBoardPage *page)
{
  UrokBoardColor colors[] = { { 0.1f, 0.1f, 0.1f, 1 }, { 0.11f, 0.31f, 0.85f, 1 }, { 0.82f, 0.17f, 0.17f, 1 } };

  for (guint s = 0; s < 24; s++)
    {
      UrokBoardPoint p[40];
      g_autoptr(UrokBoardItem) item = NULL;

      for (guint i = 0; i < 40; i++)
        p[i] = (UrokBoardPoint) { 120 + 55 * (s % 8) + 40 * sin (i * 0.3 + s), 150 + 200 * (s / 8) + 8 * i + 20 * cos (i * 0.5),
                                  0.3f + 0.015f * i, i * 8 };
      item = urok_board_item_new_stroke (urok_board_page_next_id (page), 0,
                                         s % 5 == 4 ? UROK_BOARD_TOOL_HIGHLIGHTER : UROK_BOARD_TOOL_PEN,
                                         &colors[s % 3], s % 5 == 4 ? 16 : 4, p, 40);
      urok_board_page_add_item (page, item, NULL);
    }
  {
    UrokBoardPoint corners[] = { { 700, 200, 0.5f, 0 }, { 1400, 700, 0.5f, 0 } };
    UrokBoardColor fill = { 1, 0.85f, 0.2f, 0.5f };
    g_autoptr(UrokBoardItem) shape = urok_board_item_new_shape (urok_board_page_next_id (page), 0,
                                                                UROK_BOARD_SHAPE_ELLIPSE, &colors[1], 6, &fill,
                                                                corners, 2);
    urok_board_page_add_item (page, shape, NULL);
  }
}

/* The canvas shows what the core renderer draws (tiles stitched without
 * seams), and a zoom shows the old tiles stretched at once. */
static void
test_screenshot (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) zoomed = NULL;
  cairo_surface_t *reference;
  cairo_t *cr;
  double scale, ox, oy, mean, bad;
  int width = gtk_widget_get_width (GTK_WIDGET (fx->canvas)), height = gtk_widget_get_height (GTK_WIDGET (fx->canvas));
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *canvas_png = g_build_filename (dir, "board-canvas.png", NULL);
  g_autofree char *reference_png = g_build_filename (dir, "board-canvas-reference.png", NULL);
  g_autofree char *zoomed_png = g_build_filename (dir, "board-canvas-zooming.png", NULL);

  g_mkdir_with_parents (dir, 0755);
  urok_board_page_set_background (fx->page, UROK_BOARD_BACKGROUND_SQUARES);
  add_demo_ink (fx->page);
  urok_board_canvas_set_show_palette (fx->canvas, FALSE);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  urok_board_canvas_request_tiles (fx->canvas);
  urok_board_canvas_wait_tiles (fx->canvas);
  texture = urok_board_canvas_render_texture (fx->canvas);
  g_assert_true (gdk_texture_save_to_png (texture, canvas_png));

  scale = urok_board_input_get_scale (input (fx));
  ox = round (urok_board_input_get_offset_x (input (fx)));
  oy = round (urok_board_input_get_offset_y (input (fx)));
  reference = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (reference);
  cairo_set_source_rgb (cr, 0.36, 0.38, 0.40);
  cairo_paint (cr);
  {
    UrokBoardRect view = { -ox / scale, -oy / scale, width / scale, height / scale };

    cairo_translate (cr, ox + view.x * scale, oy + view.y * scale);
    urok_board_render_page (cr, fx->page, &view, scale, UROK_BOARD_RENDER_DEFAULT);
  }
  cairo_destroy (cr);
  cairo_surface_flush (reference);
  g_assert_cmpint (cairo_surface_write_to_png (reference, reference_png), ==, CAIRO_STATUS_SUCCESS);
  compare_with_reference (texture, reference, &mean, &bad);
  g_test_message ("canvas vs renderer: mean difference %.3f, %.4f%% of pixels off", mean, bad * 100);
  g_assert_cmpfloat (mean, <, 1.5);
  g_assert_cmpfloat (bad, <, 0.002);
  cairo_surface_destroy (reference);

  /* Zoom in: before any new tile, the old ones stretched fill the view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.zoom-in", NULL));
  zoomed = urok_board_canvas_render_texture (fx->canvas);
  g_assert_true (gdk_texture_save_to_png (zoomed, zoomed_png));
  {
    gsize stride = width * 4;
    g_autofree guchar *pixels = g_malloc (stride * height);
    guint holes = 0;

    gdk_texture_download (zoomed, pixels, stride);
    /* The page now spans the width and rows 19..581. */
    for (int y = 30; y < height - 30; y++)
      for (int x = 0; x < width; x++)
        {
          const guchar *px = pixels + y * stride + x * 4;

          holes += abs (px[0] - 102) + abs (px[1] - 97) + abs (px[2] - 92) < 6;
        }
    /* A missing tile would be thousands of desk-grey pixels; a few dark
     * ink pixels may happen to be that grey. */
    g_assert_cmpuint (holes, <, 100);
  }
  g_assert_cmpuint (urok_board_canvas_get_n_pending_tiles (fx->canvas), ==, 0);
  urok_board_canvas_request_tiles (fx->canvas);
  g_assert_cmpuint (urok_board_canvas_get_n_pending_tiles (fx->canvas), >, 0);
  urok_board_canvas_wait_tiles (fx->canvas);

  /* With the palette, a stylus and the mouse still writing, as the class
   * sees it (a touch would be a palm next to the stylus). */
  urok_board_canvas_set_show_palette (fx->canvas, TRUE);
  urok_board_input_set_px_per_mm (input (fx), 1920 / 1439.0);
  feed (fx, 301, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_BEGIN, 120, 420, 0);
  feed (fx, 302, UROK_BOARD_DEVICE_MOUSE, UROK_BOARD_PHASE_BEGIN, 560, 80, 0);
  for (guint i = 1; i <= 80; i++)
    {
      UrokBoardEvent e = { 301, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_UPDATE, 120 + 3 * i, 420 - 40 * sin (i * 0.15),
                           0.2 + 0.8 * i / 80.0, 8 * i };

      urok_board_canvas_feed_event (fx->canvas, &e);
      feed (fx, 302, UROK_BOARD_DEVICE_MOUSE, UROK_BOARD_PHASE_UPDATE, 560 + 50 * cos (i * 0.08), 80 + 30 * sin (i * 0.08) + i,
            8 * i);
    }
  g_assert_cmpuint (urok_board_input_get_n_live (input (fx)), ==, 2);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 3);
  urok_board_canvas_wait_tiles (fx->canvas);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  ui_test_save_png (GTK_WIDGET (fx->window), "board-canvas-live");
}

/* Every key of the canvas is in the shortcuts window's Whiteboard
 * section, names an action the canvas has, and every key listed there is
 * bound. */
static void
test_shortcuts_listed (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (APP_PATH "gtk/help-overlay.ui");
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autoptr(GArray) bound = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autoptr(GHashTable) actions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fx->canvas));
  GSList *objects = gtk_builder_get_objects (builder);
  const char *name, *property;
  const GVariantType *parameter_type;
  GType type;

  /* Shortcuts of the section: every GtkShortcutsShortcut below it. */
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;
        GtkWidget *ancestor = gtk_widget_get_ancestor (l->data, GTK_TYPE_SHORTCUTS_SECTION);
        g_autofree char *section_name = NULL;
        g_auto(GStrv) each = NULL;

        g_assert_nonnull (ancestor);
        g_object_get (ancestor, "section-name", &section_name, NULL);
        if (g_strcmp0 (section_name, "whiteboard") != 0)
          continue;
        g_object_get (l->data, "accelerator", &accelerator, NULL);
        each = g_strsplit (accelerator, " ", -1);
        for (guint k = 0; each[k] != NULL; k++)
          {
            guint key[2];

            g_assert_true (gtk_accelerator_parse (each[k], &key[0], (GdkModifierType *)&key[1]));
            g_array_append_val (listed, key);
          }
      }
  g_slist_free (objects);
  g_assert_cmpuint (listed->len, >=, 15);

  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (fx->canvas), i, &type, &name,
                                                   &parameter_type, &property); i++)
    g_hash_table_add (actions, (gpointer)name);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          guint key[2];
          gboolean found = FALSE;

          if (!GTK_IS_NAMED_ACTION (action) || !GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          g_assert_true (g_hash_table_contains (actions, gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))));
          key[0] = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
          key[1] = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger));
          g_array_append_val (bound, key);
          for (guint k = 0; k < listed->len && !found; k++)
            found = memcmp (&g_array_index (listed, guint, 2 * k), key, sizeof key) == 0;
          if (!found)
            g_test_message ("not listed: %s", gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
          g_assert_true (found);
        }
    }
  g_assert_cmpuint (bound->len, ==, listed->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = ui_test_isolate_dirs ();
  int ret;

  gtk_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/ui/board/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("xtest-draw", test_xtest_draw);
  ADD ("hands", test_hands);
  ADD ("actions", test_actions);
  ADD ("screenshot", test_screenshot);
  ADD ("shortcuts-listed", test_shortcuts_listed);
#undef ADD
  ret = g_test_run ();
  return ret;
}
