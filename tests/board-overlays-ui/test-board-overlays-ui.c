/* test-board-overlays-ui.c: the classroom tools over content: the shade
 * dragged through its gesture (and by the real pointer) reveals what it
 * says and the pixels agree; the spotlight darkens outside and not inside;
 * the laser's trail fades to nothing and its tick goes; the ruler's and the
 * protractor's marks are where px-per-mm puts them; the presentation.*
 * toggles show and hide them in the class's window.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "core-test-util.h"
#include "ui-test-util.h"
#include "urok-board-instrument-view.h"
#include "urok-board-laser.h"
#include "urok-board-shade.h"
#include "urok-board-spotlight.h"
#include "urok-presentation-page.h"

#define WIDTH 1000
#define HEIGHT 700

static UrokApplication *app;
static char *demo_uuid;

/* A window of white "content" with @tool over it, shown and drawn. */
typedef struct
{
  GtkWindow *window;
  GtkWidget *overlay;
  GtkWidget *content;
} Stage;

static void
stage_open (Stage     *stage,
            GtkWidget *tool)
{
  stage->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (stage->window, FALSE);
  gtk_window_set_default_size (stage->window, WIDTH, HEIGHT);
  stage->content = gtk_button_new_with_label ("content");
  stage->overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (stage->overlay), stage->content);
  gtk_overlay_add_overlay (GTK_OVERLAY (stage->overlay), tool);
  /* White content, so darkening shows as numbers. */
  gtk_widget_add_css_class (stage->overlay, "board-test-white");
  gtk_window_set_child (stage->window, stage->overlay);
  gtk_window_present (stage->window);
  ui_test_wait_frames (GTK_WIDGET (stage->window), 3);
  g_assert_cmpint (gtk_widget_get_width (stage->overlay), ==, WIDTH);
  g_assert_cmpint (gtk_widget_get_height (stage->overlay), ==, HEIGHT);
}

static void
stage_close (Stage *stage)
{
  gtk_window_destroy (stage->window);
  ui_test_iterate ();
}

/* The widget as drawn now, as 32-bit pixels (premultiplied ARGB, native
 * endian). */
typedef struct
{
  guchar *data;
  int     width, height;
  gsize   stride;
} Pixels;

static Pixels
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  Pixels pixels;

  pixels.width = gtk_widget_get_width (widget);
  pixels.height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, pixels.width, pixels.height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, pixels.width, pixels.height));
  pixels.stride = pixels.width * 4;
  pixels.data = g_malloc (pixels.stride * pixels.height);
  gdk_texture_download (texture, pixels.data, pixels.stride);
  return pixels;
}

/* Brightness 0..255 of a pixel (the mean of its channels). */
static int
brightness (const Pixels *p,
            int           x,
            int           y)
{
  guint32 v;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, p->width);
  g_assert_cmpint (y, <, p->height);
  v = *(guint32 *)(void *)(p->data + y * p->stride + x * 4);
  return (((v >> 16) & 0xff) + ((v >> 8) & 0xff) + (v & 0xff)) / 3;
}

static gboolean
is_red (const Pixels *p,
        int           x,
        int           y)
{
  guint32 v = *(guint32 *)(void *)(p->data + y * p->stride + x * 4);

  return ((v >> 16) & 0xff) > 180 && ((v >> 8) & 0xff) < 120 && (v & 0xff) < 120;
}

static GtkGesture *
find_gesture (GtkWidget *widget,
              GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}

/* Drives @widget's drag gesture as a press at (x, y) and moves by (dx, dy). */
static void
drag (GtkWidget *widget,
      double     x,
      double     y,
      double     dx,
      double     dy)
{
  GtkGesture *gesture = find_gesture (widget, GTK_TYPE_GESTURE_DRAG);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-update", dx / 2, dy / 2);
  g_signal_emit_by_name (gesture, "drag-update", dx, dy);
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
}

static void
install_css (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_data (css, ".board-test-white, .board-test-white button "
                                   "{ background: white; background-image: none; border: none; "
                                   "box-shadow: none; color: white; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

static void
test_shade_gesture (void)
{
  GtkWidget *shade = urok_board_shade_new ();
  Stage stage;
  Pixels p;

  stage_open (&stage, shade);
  /* All covered: dark everywhere but the grip at the top. */
  p = render (stage.overlay);
  g_assert_cmpint (brightness (&p, 500, 300), <, 60);
  g_assert_cmpint (brightness (&p, 500, 650), <, 60);
  g_free (p.data);

  /* Pulled down 280 of 700 pixels from a press on the grip. */
  drag (shade, 500, 20, 3, 280);
  g_assert_cmpfloat_with_epsilon (urok_board_shade_get_revealed (UROK_BOARD_SHADE (shade)), 0.4, 1e-9);
  ui_test_wait_frames (GTK_WIDGET (stage.window), 2);
  p = render (stage.overlay);
  g_assert_cmpint (brightness (&p, 500, 100), >, 240);
  g_assert_cmpint (brightness (&p, 20, 270), >, 240);
  g_assert_cmpint (brightness (&p, 500, 500), <, 60);
  /* The grip is at the edge, 56 px high, lighter than the sheet. */
  g_assert_cmpint (brightness (&p, 20, 280 + 20), >, brightness (&p, 20, 500));
  g_assert_cmpint (brightness (&p, 20, 280 + UROK_BOARD_SHADE_HANDLE_SIZE + 4), ==, brightness (&p, 20, 500));
  g_free (p.data);
  /* The revealed part is the content's to click. */
  g_assert_true (gtk_widget_pick (stage.overlay, 500, 100, GTK_PICK_DEFAULT) != shade);
  g_assert_true (gtk_widget_pick (stage.overlay, 500, 500, GTK_PICK_DEFAULT) == shade);

  /* Keys and the stepping action go by tenths. */
  urok_board_shade_step (UROK_BOARD_SHADE (shade), 1);
  g_assert_cmpfloat_with_epsilon (urok_board_shade_get_revealed (UROK_BOARD_SHADE (shade)), 0.5, 1e-9);
  g_assert_true (gtk_widget_activate_action (shade, "shade.step", "i", -2));
  g_assert_cmpfloat_with_epsilon (urok_board_shade_get_revealed (UROK_BOARD_SHADE (shade)), 0.3, 1e-9);
  /* Never past either end. */
  drag (shade, 500, 300, 0, 5000);
  g_assert_cmpfloat (urok_board_shade_get_revealed (UROK_BOARD_SHADE (shade)), ==, 1);
  urok_board_shade_step (UROK_BOARD_SHADE (shade), -20);
  g_assert_cmpfloat (urok_board_shade_get_revealed (UROK_BOARD_SHADE (shade)), ==, 0);

  /* From the side: a quarter pulled across. */
  urok_board_shade_set_side (UROK_BOARD_SHADE (shade), GTK_POS_LEFT);
  drag (shade, 10, 300, 250, -40);
  g_assert_cmpfloat_with_epsilon (urok_board_shade_get_revealed (UROK_BOARD_SHADE (shade)), 0.25, 1e-9);
  ui_test_wait_frames (GTK_WIDGET (stage.window), 2);
  p = render (stage.overlay);
  g_assert_cmpint (brightness (&p, 200, 350), >, 240);
  g_assert_cmpint (brightness (&p, 700, 350), <, 60);
  g_free (p.data);
  stage_close (&stage);
}

/* The real pointer: xdotool presses on the grip and pulls, through X. */
static void
test_shade_pointer (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GtkWidget *shade;
  Stage stage;
  g_autoptr(GError) error = NULL;
  int status;
  gint64 until;
  const char *argv[] = { "xdotool", "mousemove", "--sync", "500", "20", "mousedown", "1",
                         "mousemove", "500", "200", "mousemove", "500", "370", "mouseup", "1", NULL };

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool is not installed");
      return;
    }
  shade = urok_board_shade_new ();
  stage_open (&stage, shade);
  argv[0] = xdotool;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* The events are queued: let GTK take them. */
  until = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < until && urok_board_shade_get_revealed (UROK_BOARD_SHADE (shade)) < 0.5)
    g_main_context_iteration (NULL, FALSE);
  ui_test_iterate ();
  /* Undecorated and alone on the Xvfb screen, the window is at (0, 0):
   * 350 pixels of 700. */
  g_assert_cmpfloat_with_epsilon (urok_board_shade_get_revealed (UROK_BOARD_SHADE (shade)), 0.5, 0.01);
  stage_close (&stage);
}

static void
test_spotlight (void)
{
  GtkWidget *spot = urok_board_spotlight_new ();
  UrokBoardSpotlight *s = UROK_BOARD_SPOTLIGHT (spot);
  Stage stage;
  Pixels p;
  double x, y, r;

  stage_open (&stage, spot);
  /* It starts in the middle, a fifth of the shorter side. */
  urok_board_spotlight_get_spot (s, &x, &y, &r);
  g_assert_cmpfloat_with_epsilon (x, WIDTH / 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, HEIGHT / 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (r, HEIGHT / 5.0, 1e-9);

  urok_board_spotlight_set_spot (s, 400, 300, 100);
  ui_test_wait_frames (GTK_WIDGET (stage.window), 2);
  p = render (stage.overlay);
  g_assert_cmpint (brightness (&p, 400, 300), >, 240);
  g_assert_cmpint (brightness (&p, 400, 300 - 95), >, 240);
  g_assert_cmpint (brightness (&p, 400 - 95, 300), >, 240);
  g_assert_cmpint (brightness (&p, 400, 300 - 106), <, 50);
  g_assert_cmpint (brightness (&p, 50, 50), <, 50);
  g_assert_cmpint (brightness (&p, 950, 650), <, 50);
  /* Corners of the circle's box are outside the circle. */
  g_assert_cmpint (brightness (&p, 400 - 90, 300 - 90), <, 50);
  g_free (p.data);
  ui_test_save_png (stage.overlay, "board-spotlight-plain");
  /* Inside, the content takes clicks; outside, the spotlight does. */
  g_assert_true (gtk_widget_pick (stage.overlay, 400, 300, GTK_PICK_DEFAULT) != spot);
  g_assert_true (gtk_widget_pick (stage.overlay, 50, 50, GTK_PICK_DEFAULT) == spot);

  /* A drag in the dark moves the spot; the rim's grip resizes it. */
  drag (spot, 50, 50, 100, -40);
  urok_board_spotlight_get_spot (s, &x, &y, &r);
  g_assert_cmpfloat_with_epsilon (x, 500, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 260, 1e-9);
  drag (spot, 500 + 100 * G_SQRT2 / 2, 260 + 100 * G_SQRT2 / 2, 50 * G_SQRT2 / 2, 50 * G_SQRT2 / 2);
  urok_board_spotlight_get_spot (s, &x, &y, &r);
  g_assert_cmpfloat_with_epsilon (x, 500, 1e-9);
  g_assert_cmpfloat_with_epsilon (r, 150, 1e-6);

  /* A rectangle is 4 radii by 2: a line of text. */
  urok_board_spotlight_set_shape (s, UROK_BOARD_SPOTLIGHT_RECTANGLE);
  urok_board_spotlight_set_spot (s, 500, 350, 60);
  ui_test_wait_frames (GTK_WIDGET (stage.window), 2);
  p = render (stage.overlay);
  g_assert_cmpint (brightness (&p, 500 + 110, 350 + 50), >, 240);
  g_assert_cmpint (brightness (&p, 500 - 110, 350 - 50), >, 240);
  g_assert_cmpint (brightness (&p, 500, 350 + 70), <, 50);
  g_assert_cmpint (brightness (&p, 500 + 130, 350), <, 50);
  g_free (p.data);
  stage_close (&stage);
}

static gboolean
any_red (GtkWidget *widget)
{
  Pixels p = render (widget);
  gboolean red = FALSE;

  for (int y = 0; y < p.height && !red; y += 2)
    for (int x = 0; x < p.width && !red; x += 2)
      red = is_red (&p, x, y);
  g_free (p.data);
  return red;
}

static void
test_laser (void)
{
  GtkWidget *laser = urok_board_laser_new ();
  UrokBoardLaser *l = UROK_BOARD_LASER (laser);
  Stage stage;
  gint64 started, until;

  stage_open (&stage, laser);
  g_assert_false (urok_board_laser_get_animating (l));
  g_assert_false (any_red (stage.overlay));

  /* The default fade is a second; a long one while the trail is looked at,
   * so a slow (sanitized) run sees it as fresh. */
  g_assert_cmpuint (urok_board_laser_get_fade_time (l), ==, 1000);
  urok_board_laser_set_fade_time (l, 60000);
  for (int i = 0; i < 20; i++)
    urok_board_laser_add_point (l, 200 + 20 * i, 300 + 5 * i);
  started = g_get_monotonic_time ();
  g_assert_cmpuint (urok_board_laser_get_n_points (l), ==, 20);
  g_assert_true (urok_board_laser_get_animating (l));
  ui_test_wait_frames (GTK_WIDGET (stage.window), 1);
  {
    Pixels p = render (stage.overlay);

    /* The dot at the last point, the trail along the way. */
    g_assert_true (is_red (&p, 200 + 20 * 19, 300 + 5 * 19));
    g_assert_true (is_red (&p, 300, 325));
    g_free (p.data);
  }
  ui_test_save_png (stage.overlay, "board-laser");
  urok_board_laser_release (l);
  urok_board_laser_set_fade_time (l, 1000);

  /* The frame clock fades it out; nothing here pushes. */
  until = started + 4 * G_USEC_PER_SEC;
  while (urok_board_laser_get_animating (l) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (urok_board_laser_get_animating (l));
  g_assert_cmpuint (urok_board_laser_get_n_points (l), ==, 0);
  /* Gone after the fade time, not before. */
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 950 * 1000);
  ui_test_wait_frames (GTK_WIDGET (stage.window), 2);
  g_assert_false (any_red (stage.overlay));
  /* No ink: the content under it is as it was. */
  g_assert_true (gtk_widget_pick (stage.overlay, 500, 300, GTK_PICK_DEFAULT) == laser);
  stage_close (&stage);
}

/* Positions of the dark columns along row @y from x0 to x1: the first
 * column of each dark run. */
static GArray *
dark_runs (const Pixels *p,
           int           y,
           int           x0,
           int           x1)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean in_run = FALSE;

  for (int x = x0; x < x1; x++)
    {
      gboolean dark = brightness (p, x, y) < 128;

      if (dark && !in_run)
        g_array_append_val (runs, x);
      in_run = dark;
    }
  return runs;
}

static void
assert_spacing (GArray *runs,
                int     spacing,
                guint   at_least)
{
  g_assert_cmpuint (runs->len, >=, at_least);
  for (guint i = 1; i < runs->len; i++)
    {
      int d = g_array_index (runs, int, i) - g_array_index (runs, int, i - 1);

      /* Marks sit on whole pixels: at most one off from rounding. */
      g_assert_cmpint (abs (d - spacing), <=, 1);
    }
}

static void
test_ruler_marks (void)
{
  GtkWidget *view = urok_board_instrument_view_new ();
  UrokBoardInstrumentView *v = UROK_BOARD_INSTRUMENT_VIEW (view);
  UrokBoardInstrument *ruler;
  Stage stage;
  Pixels p;
  double w, sx, sy;

  stage_open (&stage, view);
  urok_board_instrument_view_set_px_per_mm (v, 3);
  urok_board_instrument_view_set_shown (v, UROK_BOARD_INSTRUMENT_RULER, TRUE);
  ruler = urok_board_instrument_view_get_instrument (v, UROK_BOARD_INSTRUMENT_RULER);
  /* 30 cm at 3 px a millimetre. */
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_get_size (ruler), 900, 1e-9);
  urok_board_instrument_set_angle (ruler, 0);
  urok_board_instrument_set_position (ruler, 40, 200);
  w = urok_board_instrument_get_width (ruler);
  ui_test_wait_frames (GTK_WIDGET (stage.window), 2);
  p = render (stage.overlay);
  {
    g_autoptr(GArray) cm = dark_runs (&p, 200 + (int)(0.4 * w), 45, 40 + 895);
    g_autoptr(GArray) half = dark_runs (&p, 200 + (int)(0.25 * w), 45, 40 + 895);
    g_autoptr(GArray) mm = dark_runs (&p, 200 + (int)(0.1 * w), 45, 40 + 895);

    assert_spacing (cm, 30, 29);
    assert_spacing (half, 15, 58);
    assert_spacing (mm, 3, 290);
  }
  g_free (p.data);
  ui_test_save_png (stage.overlay, "board-ruler");

  /* A pen near the measuring edge follows it. */
  g_assert_true (urok_board_instrument_view_snap (v, 300, 190, &sx, &sy));
  g_assert_cmpfloat_with_epsilon (sy, 200, 1e-6);
  g_assert_cmpfloat_with_epsilon (sx, 300, 1e-6);
  g_assert_false (urok_board_instrument_view_snap (v, 300, 150, &sx, &sy));

  /* The body drags; the round grip past the end turns it about its middle. */
  g_assert_true (gtk_widget_pick (stage.overlay, 300, 230, GTK_PICK_DEFAULT) == view);
  g_assert_true (gtk_widget_pick (stage.overlay, 300, 400, GTK_PICK_DEFAULT) != view);
  drag (view, 300, 230, 20, 100);
  urok_board_instrument_get_position (ruler, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (sy, 300, 1e-9);
  {
    double hx = 60 + 900 + UROK_BOARD_INSTRUMENT_HANDLE_SIZE / 2.0 + 6, hy = 300 + w / 2;
    double px = 60 + 450, py = 300 + w / 2;

    /* Press on the grip, move it a quarter turn round the pivot. */
    drag (view, hx, hy, (px - hx) + 0, (py - hy) + (hx - px));
    g_assert_cmpfloat_with_epsilon (urok_board_instrument_get_angle (ruler), G_PI / 2, 1e-9);
  }
  stage_close (&stage);
}

static void
test_protractor_marks (void)
{
  GtkWidget *view = urok_board_instrument_view_new ();
  UrokBoardInstrumentView *v = UROK_BOARD_INSTRUMENT_VIEW (view);
  UrokBoardInstrument *tool;
  Stage stage;
  Pixels p;
  double r;
  guint dark_on = 0, light_between = 0;

  stage_open (&stage, view);
  urok_board_instrument_view_set_px_per_mm (v, 3);
  urok_board_instrument_view_set_shown (v, UROK_BOARD_INSTRUMENT_PROTRACTOR, TRUE);
  tool = urok_board_instrument_view_get_instrument (v, UROK_BOARD_INSTRUMENT_PROTRACTOR);
  r = urok_board_instrument_get_size (tool);
  g_assert_cmpfloat_with_epsilon (r, 300, 1e-9);
  urok_board_instrument_set_position (tool, 500, 450);
  ui_test_wait_frames (GTK_WIDGET (stage.window), 2);
  p = render (stage.overlay);
  /* A mark at every degree near the rim; none half-way between. */
  for (int d = 10; d < 170; d++)
    {
      double a = d * G_PI / 180, b = (d + 0.5) * G_PI / 180, rr = r - 0.025 * r;

      dark_on += brightness (&p, (int)floor (500 + rr * cos (a)), (int)floor (450 - rr * sin (a))) < 180;
      light_between += brightness (&p, (int)floor (500 + rr * cos (b)), (int)floor (450 - rr * sin (b))) > 180;
    }
  /* Anti-aliasing can blur a few of 160; most must hold. */
  g_assert_cmpuint (dark_on, >=, 150);
  g_assert_cmpuint (light_between, >=, 150);
  g_free (p.data);
  ui_test_save_png (stage.overlay, "board-protractor");
  stage_close (&stage);
}

typedef struct
{
  guint  n;
  double start, sweep;
} ArcSeen;

static void
arc_cb (UrokBoardInstrumentView *view,
        UrokBoardInstrument     *tool,
        double                   start,
        double                   sweep,
        ArcSeen                 *seen)
{
  seen->n++;
  seen->start = start;
  seen->sweep = sweep;
}

static void
test_compass_arc (void)
{
  GtkWidget *view = urok_board_instrument_view_new ();
  UrokBoardInstrumentView *v = UROK_BOARD_INSTRUMENT_VIEW (view);
  UrokBoardInstrument *compass;
  GtkGesture *gesture;
  Stage stage;
  ArcSeen seen = { 0 };
  double r;

  stage_open (&stage, view);
  urok_board_instrument_view_set_px_per_mm (v, 3);
  urok_board_instrument_view_set_shown (v, UROK_BOARD_INSTRUMENT_COMPASS, TRUE);
  compass = urok_board_instrument_view_get_instrument (v, UROK_BOARD_INSTRUMENT_COMPASS);
  urok_board_instrument_set_position (compass, 400, 350);
  urok_board_instrument_set_angle (compass, 0);
  r = urok_board_instrument_get_size (compass);
  g_assert_cmpfloat_with_epsilon (r, 240, 1e-9);
  g_signal_connect (view, "arc", G_CALLBACK (arc_cb), &seen);

  /* The pencil's grip carried a quarter turn round the needle. */
  gesture = find_gesture (view, GTK_TYPE_GESTURE_DRAG);
  g_signal_emit_by_name (gesture, "drag-begin", 400 + r, 350.0);
  for (int i = 1; i <= 10; i++)
    {
      double a = G_PI / 2 * i / 10;

      g_signal_emit_by_name (gesture, "drag-update", r * cos (a) - r, r * sin (a));
    }
  ui_test_wait_frames (GTK_WIDGET (stage.window), 2);
  ui_test_save_png (stage.overlay, "board-compass");
  g_signal_emit_by_name (gesture, "drag-end", -r, r);
  g_assert_cmpuint (seen.n, ==, 1);
  g_assert_cmpfloat_with_epsilon (seen.start, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (seen.sweep, G_PI / 2, 1e-9);
  {
    guint n;
    g_autofree UrokBoardVec2 *arc = urok_board_instrument_compass_arc (compass, seen.start, seen.sweep, 4, &n);

    g_assert_cmpfloat_with_epsilon (arc[0].x, 400 + r, 1e-9);
    g_assert_cmpfloat_with_epsilon (arc[n - 1].y, 350 + r, 1e-9);
  }

  /* The radius grip beyond the pencil opens it by what it is pulled. */
  urok_board_instrument_set_angle (compass, 0);
  drag (view, 400 + r + UROK_BOARD_INSTRUMENT_HANDLE_SIZE + 6, 350, 30, 0);
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_get_size (compass), r + 30, 1e-9);
  g_assert_cmpuint (seen.n, ==, 1);
  stage_close (&stage);
}

static void
test_set_square_screenshot (void)
{
  GtkWidget *view = urok_board_instrument_view_new ();
  UrokBoardInstrumentView *v = UROK_BOARD_INSTRUMENT_VIEW (view);
  UrokBoardInstrument *tool;
  Stage stage;
  double sx, sy;

  stage_open (&stage, view);
  urok_board_instrument_view_set_px_per_mm (v, 2);
  urok_board_instrument_view_set_shown (v, UROK_BOARD_INSTRUMENT_SET_SQUARE_30_60, TRUE);
  urok_board_instrument_view_set_shown (v, UROK_BOARD_INSTRUMENT_SET_SQUARE_45, TRUE);
  tool = urok_board_instrument_view_get_instrument (v, UROK_BOARD_INSTRUMENT_SET_SQUARE_30_60);
  urok_board_instrument_set_angle (tool, 0);
  urok_board_instrument_set_position (tool, 40, 640);
  tool = urok_board_instrument_view_get_instrument (v, UROK_BOARD_INSTRUMENT_SET_SQUARE_45);
  urok_board_instrument_set_angle (tool, 0);
  urok_board_instrument_set_position (tool, 520, 640);
  /* Each pulls a pen near its own edges: the long legs at y = 640, the
   * 45° square's upright leg at x = 520. */
  g_assert_true (urok_board_instrument_view_snap (v, 300, 650, &sx, &sy));
  g_assert_cmpfloat_with_epsilon (sy, 640, 1e-6);
  g_assert_true (urok_board_instrument_view_snap (v, 510, 400, &sx, &sy));
  g_assert_cmpfloat_with_epsilon (sx, 520, 1e-6);
  g_assert_cmpfloat_with_epsilon (sy, 400, 1e-6);
  ui_test_wait_frames (GTK_WIDGET (stage.window), 2);
  ui_test_save_png (stage.overlay, "board-set-squares");
  stage_close (&stage);
}

/* The presentation.* toggles in the class's window, on the demo lesson. */
static void
test_actions (void)
{
  UrokWindow *main_window;
  UrokPresentationPage *page;
  UrokPresentationSession *session;
  GtkWidget *audience;
  UrokAudienceView *view;
  GtkWidget *shade, *spotlight, *laser, *instruments;

  app = ui_test_start_app ();
  {
    g_autoptr(GListModel) lessons = urok_store_list_lessons (urok_application_get_store (app), NULL);
    g_autoptr(UrokLessonInfo) demo = g_list_model_get_item (lessons, 0);

    demo_uuid = g_strdup (urok_lesson_info_get_uuid (demo));
  }
  main_window = UROK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.section", "s", "presentation"));
  page = UROK_PRESENTATION_PAGE (urok_window_get_page (main_window, "presentation"));
  urok_presentation_page_set_mode (page, UROK_PRESENTATION_MODE_SINGLE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "presentation.start", "s", demo_uuid));
  ui_test_iterate ();
  session = urok_presentation_page_get_session (page);
  g_assert_nonnull (session);
  audience = GTK_WIDGET (urok_presentation_session_get_audience_window (session));
  view = urok_audience_window_get_view (UROK_AUDIENCE_WINDOW (audience));
  shade = urok_audience_view_get_tool (view, UROK_AUDIENCE_TOOL_SHADE);
  spotlight = urok_audience_view_get_tool (view, UROK_AUDIENCE_TOOL_SPOTLIGHT);
  laser = urok_audience_view_get_tool (view, UROK_AUDIENCE_TOOL_LASER);
  instruments = urok_audience_view_get_tool (view, UROK_AUDIENCE_TOOL_INSTRUMENTS);
  ui_test_wait_frames (audience, 3);

  /* Nothing shows until asked for. */
  g_assert_false (gtk_widget_get_visible (shade));
  g_assert_false (gtk_widget_get_visible (spotlight));
  g_assert_false (gtk_widget_get_visible (laser));
  g_assert_false (gtk_widget_get_visible (instruments));

  g_assert_true (gtk_widget_activate_action (audience, "presentation.shade", NULL));
  g_assert_true (gtk_widget_get_visible (shade));
  g_assert_cmpfloat (urok_board_shade_get_revealed (UROK_BOARD_SHADE (shade)), ==, 0);
  for (int i = 0; i < 4; i++)
    g_assert_true (gtk_widget_activate_action (audience, "presentation.shade-reveal", NULL));
  g_assert_true (gtk_widget_activate_action (audience, "presentation.shade-cover", NULL));
  g_assert_cmpfloat_with_epsilon (urok_board_shade_get_revealed (UROK_BOARD_SHADE (shade)), 0.3, 1e-9);
  ui_test_wait_frames (audience, 3);
  ui_test_save_png (GTK_WIDGET (view), "board-shade");
  g_assert_true (gtk_widget_activate_action (audience, "presentation.shade", NULL));
  g_assert_false (gtk_widget_get_visible (shade));

  g_assert_true (gtk_widget_activate_action (audience, "presentation.spotlight", NULL));
  g_assert_true (gtk_widget_get_visible (spotlight));
  ui_test_wait_frames (audience, 3);
  ui_test_save_png (GTK_WIDGET (view), "board-spotlight");
  g_assert_true (gtk_widget_activate_action (audience, "presentation.spotlight", NULL));
  g_assert_false (gtk_widget_get_visible (spotlight));

  g_assert_true (gtk_widget_activate_action (audience, "presentation.laser", NULL));
  g_assert_true (gtk_widget_get_visible (laser));
  g_assert_true (gtk_widget_activate_action (audience, "presentation.laser", NULL));
  g_assert_false (gtk_widget_get_visible (laser));

  /* Instruments: the view shows while any is on. */
  g_assert_true (gtk_widget_activate_action (audience, "presentation.ruler", NULL));
  g_assert_true (gtk_widget_activate_action (audience, "presentation.protractor", NULL));
  g_assert_true (gtk_widget_get_visible (instruments));
  g_assert_true (urok_board_instrument_view_get_shown (UROK_BOARD_INSTRUMENT_VIEW (instruments),
                                                       UROK_BOARD_INSTRUMENT_RULER));
  g_assert_true (urok_board_instrument_view_get_shown (UROK_BOARD_INSTRUMENT_VIEW (instruments),
                                                       UROK_BOARD_INSTRUMENT_PROTRACTOR));
  g_assert_true (gtk_widget_activate_action (audience, "presentation.set-square", NULL));
  g_assert_true (gtk_widget_activate_action (audience, "presentation.compass", NULL));
  g_assert_true (urok_board_instrument_view_get_shown (UROK_BOARD_INSTRUMENT_VIEW (instruments),
                                                       UROK_BOARD_INSTRUMENT_COMPASS));
  ui_test_wait_frames (audience, 3);
  ui_test_save_png (GTK_WIDGET (view), "board-instruments");
  for (guint i = 0; i < 4; i++)
    {
      const char *names[] = { "presentation.ruler", "presentation.protractor", "presentation.set-square",
                              "presentation.compass" };

      g_assert_true (gtk_widget_activate_action (audience, names[i], NULL));
    }
  g_assert_false (gtk_widget_get_visible (instruments));

  /* They go with the class's window. */
  g_object_ref (session);
  g_assert_true (g_action_group_has_action (urok_presentation_session_get_actions (session), "shade"));
  g_assert_true (gtk_widget_activate_action (audience, "presentation.end", NULL));
  ui_test_iterate ();
  g_assert_false (g_action_group_has_action (urok_presentation_session_get_actions (session), "shade"));
  g_object_unref (session);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = ui_test_isolate_dirs ();
  g_autoptr(GFile) root = NULL;
  int ret;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UROK_LOCALEDIR") ? g_getenv ("UROK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  install_css ();

  g_test_add_func ("/ui/board-overlays/shade-gesture", test_shade_gesture);
  g_test_add_func ("/ui/board-overlays/shade-pointer", test_shade_pointer);
  g_test_add_func ("/ui/board-overlays/spotlight", test_spotlight);
  g_test_add_func ("/ui/board-overlays/laser", test_laser);
  g_test_add_func ("/ui/board-overlays/ruler-marks", test_ruler_marks);
  g_test_add_func ("/ui/board-overlays/protractor-marks", test_protractor_marks);
  g_test_add_func ("/ui/board-overlays/compass-arc", test_compass_arc);
  g_test_add_func ("/ui/board-overlays/set-squares", test_set_square_screenshot);
  g_test_add_func ("/ui/board-overlays/actions", test_actions);

  ret = g_test_run ();
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_pointer (&demo_uuid, g_free);
  root = g_file_new_for_path (dirs);
  core_test_remove_tree (root);
  return ret;
}
