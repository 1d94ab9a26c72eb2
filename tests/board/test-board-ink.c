/* test-board-ink.c: smoothing, shape recognition (hand-drawn shapes with
 * noise, and strokes that are not shapes), and rendering: strokes land in
 * pixels, backgrounds are drawn (left as PNGs to look at).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdlib.h>
#include <pango/pangocairo.h>

#include "core-test-util.h"
#include "urok-board-ink.h"
#include "urok-board-render.h"

static const UrokBoardColor ink = { 0.1f, 0.1f, 0.5f, 1 };

/* A stroke through @n (x, y) pairs, with Gaussian-ish noise of @noise. */
static UrokBoardItem *
stroke_from (const double *xy,
             gsize         n,
             double        noise,
             GRand        *rand)
{
  g_autofree UrokBoardPoint *p = g_new (UrokBoardPoint, n);

  for (gsize i = 0; i < n; i++)
    {
      double nx = (g_rand_double (rand) + g_rand_double (rand) - 1) * noise;
      double ny = (g_rand_double (rand) + g_rand_double (rand) - 1) * noise;

      p[i] = (UrokBoardPoint) { xy[2 * i] + nx, xy[2 * i + 1] + ny, 0.5f, (guint32)(i * 8) };
    }
  return urok_board_item_new_stroke (1, 0, UROK_BOARD_TOOL_PEN, &ink, 3, p, n);
}

/* Points along a polyline of corners, @per_side points per side; @closed
 * adds the way back to the start, @overshoot a little past it as hands do. */
static GArray *
along (const double *corners,
       gsize         n_corners,
       gboolean      closed,
       int           per_side)
{
  GArray *xy = g_array_new (FALSE, FALSE, sizeof (double));
  gsize sides = closed ? n_corners : n_corners - 1;

  for (gsize s = 0; s < sides; s++)
    {
      const double *a = corners + 2 * s, *b = corners + 2 * ((s + 1) % n_corners);

      for (int k = 0; k < per_side; k++)
        {
          double t = (double)k / per_side;
          double x = a[0] + t * (b[0] - a[0]), y = a[1] + t * (b[1] - a[1]);

          g_array_append_val (xy, x);
          g_array_append_val (xy, y);
        }
    }
  g_array_append_vals (xy, corners + 2 * (closed ? 0 : n_corners - 1), 2);
  return xy;
}

static UrokBoardItem *
recognise (GArray *xy,
           double  noise,
           guint32 seed)
{
  GRand *rand = g_rand_new_with_seed (seed);
  g_autoptr(UrokBoardItem) stroke = stroke_from ((const double *)(gpointer)xy->data, xy->len / 2, noise, rand);

  g_rand_free (rand);
  return urok_board_ink_recognize_shape (stroke, 99);
}

static void
test_recognise_shapes (void)
{
  for (guint32 seed = 1; seed <= 5; seed++)
    {
      /* A line, slightly wobbly. */
      {
        double c[] = { 100, 100, 600, 300 };
        g_autoptr(GArray) xy = along (c, 2, FALSE, 40);
        g_autoptr(UrokBoardItem) shape = recognise (xy, 3, seed);

        g_assert_nonnull (shape);
        g_assert_cmpint (urok_board_item_get_shape (shape), ==, UROK_BOARD_SHAPE_LINE);
        g_assert_cmpuint (urok_board_item_get_id (shape), ==, 99);
      }
      /* A rectangle, level, started mid-side. */
      {
        double c[] = { 250, 100, 400, 100, 400, 300, 100, 300, 100, 100 };
        g_autoptr(GArray) xy = along (c, 5, TRUE, 20);
        g_autoptr(UrokBoardItem) shape = recognise (xy, 3, seed);
        const UrokBoardRect *b;

        g_assert_nonnull (shape);
        g_assert_cmpint (urok_board_item_get_shape (shape), ==, UROK_BOARD_SHAPE_RECTANGLE);
        b = urok_board_item_get_bounds (shape);
        g_assert_cmpfloat_with_epsilon (b->x + b->width / 2, 250, 8);
        g_assert_cmpfloat_with_epsilon (b->width, 300, 20);
        g_assert_cmpfloat_with_epsilon (b->height, 200, 20);
      }
      /* A rectangle turned by 30°. */
      {
        double c[8];
        g_autoptr(GArray) xy = NULL;
        g_autoptr(UrokBoardItem) shape = NULL;
        double w[4][2] = { { -150, -80 }, { 150, -80 }, { 150, 80 }, { -150, 80 } };

        for (int i = 0; i < 4; i++)
          {
            c[2 * i] = 500 + w[i][0] * cos (0.52) - w[i][1] * sin (0.52);
            c[2 * i + 1] = 400 + w[i][0] * sin (0.52) + w[i][1] * cos (0.52);
          }
        xy = along (c, 4, TRUE, 25);
        shape = recognise (xy, 2, seed);
        g_assert_nonnull (shape);
        g_assert_cmpint (urok_board_item_get_shape (shape), ==, UROK_BOARD_SHAPE_RECTANGLE);
      }
      /* A triangle. */
      {
        double c[] = { 300, 100, 500, 400, 100, 400 };
        g_autoptr(GArray) xy = along (c, 3, TRUE, 30);
        g_autoptr(UrokBoardItem) shape = recognise (xy, 3, seed);
        gsize n;

        g_assert_nonnull (shape);
        g_assert_cmpint (urok_board_item_get_shape (shape), ==, UROK_BOARD_SHAPE_POLYGON);
        urok_board_item_get_points (shape, &n);
        g_assert_cmpuint (n, ==, 3);
      }
      /* A circle and an ellipse, a little past the start. */
      for (int e = 0; e < 2; e++)
        {
          g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(UrokBoardItem) shape = NULL;
          double ry = e == 0 ? 120 : 60;
          const UrokBoardRect *b;

          for (int i = 0; i <= 80; i++)
            {
              double a = 2 * G_PI * i / 76;
              double x = 400 + 120 * cos (a), y = 300 + ry * sin (a);

              g_array_append_val (xy, x);
              g_array_append_val (xy, y);
            }
          shape = recognise (xy, 3, seed);
          g_assert_nonnull (shape);
          g_assert_cmpint (urok_board_item_get_shape (shape), ==, UROK_BOARD_SHAPE_ELLIPSE);
          b = urok_board_item_get_bounds (shape);
          g_assert_cmpfloat_with_epsilon (b->width, 240, 16);
          g_assert_cmpfloat_with_epsilon (b->height, 2 * ry, 16);
        }
    }
}

static void
test_not_shapes (void)
{
  for (guint32 seed = 1; seed <= 5; seed++)
    {
      GRand *rand = g_rand_new_with_seed (seed);
      g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(UrokBoardItem) shape = NULL;
      double x = 300, y = 300;

      /* A scribble: a random walk that comes back near its start. */
      for (int i = 0; i < 120; i++)
        {
          x += g_rand_double_range (rand, -25, 25) + (300 - x) * 0.05;
          y += g_rand_double_range (rand, -25, 25) + (300 - y) * 0.05;
          g_array_append_val (xy, x);
          g_array_append_val (xy, y);
        }
      g_array_append_val (xy, g_array_index (xy, double, 0));
      g_array_append_val (xy, g_array_index (xy, double, 1));
      shape = recognise (xy, 0, seed);
      g_assert_null (shape);
      g_rand_free (rand);
    }
  /* Letters: «S», «м» (a zigzag), «в» with its loops, «8», a spiral. */
  {
    g_autoptr(GArray) s = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) eight = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) spiral = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) ve = g_array_new (FALSE, FALSE, sizeof (double));
    double m[] = { 100, 300, 130, 100, 170, 250, 210, 100, 240, 300 };
    g_autoptr(GArray) zigzag = along (m, 5, FALSE, 12);
    g_autoptr(UrokBoardItem) r1 = NULL;
    g_autoptr(UrokBoardItem) r2 = NULL;
    g_autoptr(UrokBoardItem) r3 = NULL;
    g_autoptr(UrokBoardItem) r4 = NULL;
    g_autoptr(UrokBoardItem) r5 = NULL;

    for (int i = 0; i <= 60; i++)
      {
        double t = G_PI * 1.5 * i / 60 - G_PI / 4;
        double x = 200 + 50 * cos (t) * (i < 30 ? -1 : 1), y = (i < 30 ? 150 : 250) + 50 * sin (t) * (i < 30 ? 1 : -1);

        g_array_append_val (s, x);
        g_array_append_val (s, y);
      }
    for (int i = 0; i <= 80; i++)
      {
        double t = 2 * G_PI * i / 80;
        double x = 200 + 60 * sin (2 * t), y = 200 + 120 * sin (t);

        g_array_append_val (eight, x);
        g_array_append_val (eight, y);
      }
    for (int i = 0; i <= 100; i++)
      {
        double t = 4 * G_PI * i / 100, r = 20 + 60 * i / 100.0;
        double x = 200 + r * cos (t), y = 200 + r * sin (t);

        g_array_append_val (spiral, x);
        g_array_append_val (spiral, y);
      }
    /* «в»: a stem up, then two bowls on the right, ending at the stem's
     * foot. */
    {
      double pts[] = { 100, 300, 100, 200, 100, 100, 150, 100, 180, 125, 150, 150, 100, 150,
                       160, 150, 195, 190, 190, 250, 160, 300, 100, 300 };

      g_array_append_vals (ve, pts, G_N_ELEMENTS (pts));
      {
        g_autoptr(GArray) dense = along ((const double *)(gpointer)ve->data, ve->len / 2, FALSE, 8);

        g_array_set_size (ve, 0);
        g_array_append_vals (ve, dense->data, dense->len);
      }
    }
    r1 = recognise (s, 2, 1);
    r2 = recognise (zigzag, 2, 1);
    r3 = recognise (eight, 2, 1);
    r4 = recognise (spiral, 2, 1);
    r5 = recognise (ve, 2, 1);
    g_assert_null (r1);
    g_assert_null (r2);
    g_assert_null (r3);
    g_assert_null (r4);
    g_assert_null (r5);
  }
}

static void
test_smoothing (void)
{
  UrokBoardPoint in[200], out[200];
  GRand *rand = g_rand_new_with_seed (5);
  double raw_jitter = 0, smooth_jitter = 0;

  /* A slow straight line with jitter. */
  for (int i = 0; i < 200; i++)
    in[i] = (UrokBoardPoint) { 100 + i * 2, 300 + g_rand_double_range (rand, -2, 2), 0.5f, (guint32)i * 8 };
  urok_board_ink_smooth (in, 200, out, 1.0, 0.02);
  g_assert_cmpmem (&out[0], sizeof out[0], &in[0], sizeof in[0]);
  g_assert_cmpmem (&out[199], sizeof out[199], &in[199], sizeof in[199]);
  for (int i = 20; i < 180; i++)
    {
      raw_jitter += fabs (in[i].y - 300);
      smooth_jitter += fabs (out[i].y - 300);
    }
  g_assert_cmpfloat (smooth_jitter, <, raw_jitter / 2);
  /* Pressure and time pass through. */
  g_assert_cmpfloat (out[50].pressure, ==, in[50].pressure);
  g_assert_cmpuint (out[50].time_ms, ==, in[50].time_ms);
  g_rand_free (rand);

  g_assert_cmpfloat (urok_board_ink_width (UROK_BOARD_TOOL_PEN, 4, 0.5f), ==, 4);
  g_assert_cmpfloat (urok_board_ink_width (UROK_BOARD_TOOL_PEN, 4, 1), >, urok_board_ink_width (UROK_BOARD_TOOL_PEN, 4, 0));
  g_assert_cmpfloat (urok_board_ink_width (UROK_BOARD_TOOL_HIGHLIGHTER, 20, 0), ==, 20);
}

/* Adds an item the caller made and no longer needs. */
static void
add_owned (UrokBoardPage *page,
           UrokBoardItem *item)
{
  g_autoptr(UrokBoardItem) owned = item;
  g_autoptr(GError) error = NULL;

  g_assert_true (urok_board_page_add_item (page, owned, &error));
  g_assert_no_error (error);
}

static guint8
alpha_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  guint32 *row = (guint32 *)(gpointer)(cairo_image_surface_get_data (surface)
                                       + y * cairo_image_surface_get_stride (surface));

  return row[x] >> 24;
}

static void
test_render_strokes (void)
{
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  UrokBoardPoint p[30];
  UrokBoardRect view = { 100, 100, 200, 150 };
  g_autofree char *png = g_build_filename (BOARD_OUTPUT_DIR, "board-strokes.png", NULL);
  UrokBoardColor marker = { 1, 0.85f, 0, 1 };

  /* A pressure-varying stroke across y = 150, a highlighter at y = 200. */
  for (int i = 0; i < 30; i++)
    p[i] = (UrokBoardPoint) { 110 + i * 6, 150, (float)i / 29, (guint32)i * 8 };
  add_owned (page, urok_board_item_new_stroke (1, 0, UROK_BOARD_TOOL_PEN, &ink, 6, p, 30));
  for (int i = 0; i < 30; i++)
    p[i].y = 200;
  add_owned (page, urok_board_item_new_stroke (2, 0, UROK_BOARD_TOOL_HIGHLIGHTER, &marker, 16, p, 30));

  /* The view (100,100)-(300,250) at 2×: board y 150 is device row 100. */
  urok_board_render_items (cr, page, &view, 2, UROK_BOARD_RENDER_DEFAULT);
  cairo_surface_flush (surface);
  g_assert_cmpuint (alpha_at (surface, 40, 100), ==, 255);
  g_assert_cmpuint (alpha_at (surface, 40, 130), ==, 0);
  /* Thin where the pressure is low, wide where it is high. */
  g_assert_cmpuint (alpha_at (surface, 40, 104), ==, 0);
  g_assert_cmpuint (alpha_at (surface, 330, 107), ==, 255);
  /* The highlighter is translucent. */
  g_assert_cmpuint (alpha_at (surface, 100, 200), >, 60);
  g_assert_cmpuint (alpha_at (surface, 100, 200), <, 160);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Level of detail keeps the look: handwriting drawn with LOD (simplified
 * outlines, fewer segments on round ends, coarser antialiasing when zoomed
 * out) against every point with full antialiasing (what export uses), at
 * the scales a board is viewed at.  The images are left as
 * board-lod-*.png and board-no-lod-*.png. */
static void
test_render_lod_look (void)
{
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  GRand *rand = g_rand_new_with_seed (7);
  UrokBoardColor inks[] = { { 0.1f, 0.1f, 0.4f, 1 }, { 0.8f, 0.15f, 0.15f, 1 } };
  const double scales[] = { 0.25, 0.4, 0.7, 1, 2 };

  for (guint s = 0; s < 1500; s++)
    {
      UrokBoardPoint p[20];
      g_autoptr(UrokBoardItem) item = NULL;
      double x = g_rand_double_range (rand, 0, 1900), y = g_rand_double_range (rand, 0, 1060);
      double angle = g_rand_double_range (rand, 0, 2 * G_PI);

      for (guint i = 0; i < 20; i++)
        {
          angle += g_rand_double_range (rand, -0.4, 0.4);
          x += 2 * cos (angle);
          y += 2 * sin (angle);
          p[i] = (UrokBoardPoint) { x, y, 0.3f + 0.02f * i, i * 8 };
        }
      item = urok_board_item_new_stroke (s + 1, 0, UROK_BOARD_TOOL_PEN, &inks[s / 750], 3, p, 20);
      g_assert_true (urok_board_page_add_item (page, item, NULL));
    }
  g_rand_free (rand);

  for (guint k = 0; k < G_N_ELEMENTS (scales); k++)
    {
      int size = 480;
      UrokBoardRect view = { 200, 200, size / scales[k], size / scales[k] };
      cairo_surface_t *lod = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
      cairo_surface_t *all = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
      g_autofree char *name = g_strdup_printf ("board-lod-%.2f.png", scales[k]);
      g_autofree char *png = g_build_filename (BOARD_OUTPUT_DIR, name, NULL);
      g_autofree char *all_name = g_strdup_printf ("board-no-lod-%.2f.png", scales[k]);
      g_autofree char *all_png = g_build_filename (BOARD_OUTPUT_DIR, all_name, NULL);
      const guint8 *a, *b;
      double total = 0, ink_lod = 0, ink_all = 0;
      guint off = 0;

      for (guint pass = 0; pass < 2; pass++)
        {
          cairo_t *cr = cairo_create (pass == 0 ? lod : all);

          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          urok_board_render_items (cr, page, &view, scales[k],
                                   pass == 0 ? UROK_BOARD_RENDER_DEFAULT : UROK_BOARD_RENDER_NO_LOD);
          cairo_destroy (cr);
          cairo_surface_flush (pass == 0 ? lod : all);
        }
      a = cairo_image_surface_get_data (lod);
      b = cairo_image_surface_get_data (all);
      for (int y = 0; y < size; y++)
        for (int x = 0; x < size; x++)
          {
            int worst = 0;

            for (int c = 0; c < 3; c++)
              {
                int d = abs ((int)a[y * cairo_image_surface_get_stride (lod) + 4 * x + c]
                             - (int)b[y * cairo_image_surface_get_stride (all) + 4 * x + c]);

                total += d;
                worst = MAX (worst, d);
                ink_lod += 255 - a[y * cairo_image_surface_get_stride (lod) + 4 * x + c];
                ink_all += 255 - b[y * cairo_image_surface_get_stride (all) + 4 * x + c];
              }
            off += worst > 40;
          }
      g_test_message ("scale %.2f: mean difference %.3f, %.3f%% of pixels off by more than 40, ink %.3f×",
                      scales[k], total / (3.0 * size * size), 100.0 * off / (size * size), ink_lod / ink_all);
      g_assert_cmpint (cairo_surface_write_to_png (lod, png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_surface_write_to_png (all, all_png), ==, CAIRO_STATUS_SUCCESS);
      /* Antialiasing of 4×4 samples moves the edges of one-pixel lines by
       * a few levels (most of the difference); no stroke is lost or
       * thickened: the ink is the same within 3%. */
      g_assert_cmpfloat (total / (3.0 * size * size), <, 4);
      g_assert_cmpfloat ((double)off / (size * size), <, 0.05);
      g_assert_cmpfloat (fabs (ink_lod / ink_all - 1), <, 0.03);
      cairo_surface_destroy (lod);
      cairo_surface_destroy (all);
    }
}

static void
test_render_backgrounds (void)
{
  for (UrokBoardBackground bg = UROK_BOARD_BACKGROUND_PLAIN; bg <= UROK_BOARD_BACKGROUND_COORDINATES; bg++)
    {
      g_autoptr(UrokBoardPage) page = urok_board_page_new ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 960, 540);
      cairo_t *cr = cairo_create (surface);
      UrokBoardRect all = { 0, 0, 1920, 1080 };
      g_autofree char *name = g_strdup_printf ("board-backgrounds-%s.png", urok_board_background_to_string (bg));
      g_autofree char *png = g_build_filename (BOARD_OUTPUT_DIR, name, NULL);
      UrokBoardPoint p[3] = { { 300, 300, 0.3f, 0 }, { 600, 340, 0.7f, 10 }, { 900, 280, 1, 20 } };
      gsize non_white = 0;

      urok_board_page_set_background (page, bg);
      add_owned (page, urok_board_item_new_stroke (1, 0, UROK_BOARD_TOOL_PEN, &ink, 8, p, 3));
      urok_board_render_page (cr, page, &all, 0.5, UROK_BOARD_RENDER_DEFAULT);
      cairo_surface_flush (surface);
      for (int y = 0; y < 540; y += 3)
        for (int x = 0; x < 960; x += 3)
          {
            guint32 px = ((guint32 *)(gpointer)(cairo_image_surface_get_data (surface)
                                                + y * cairo_image_surface_get_stride (surface)))[x];

            non_white += (px & 0xffffff) != 0xffffff;
          }
      /* The paper shows (plain: only the stroke). */
      if (bg == UROK_BOARD_BACKGROUND_PLAIN)
        g_assert_cmpuint (non_white, <, 2000);
      else
        g_assert_cmpuint (non_white, >, 2000);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/board/ink/recognise-shapes", test_recognise_shapes);
  g_test_add_func ("/core/board/ink/not-shapes", test_not_shapes);
  g_test_add_func ("/core/board/ink/smoothing", test_smoothing);
  g_test_add_func ("/core/board/render/strokes", test_render_strokes);
  g_test_add_func ("/core/board/render/backgrounds", test_render_backgrounds);
  g_test_add_func ("/core/board/render/lod-look", test_render_lod_look);
  ret = core_test_run ();

  /* Font caches live as long as the process: freed here, LeakSanitizer
   * sees only what the board leaks. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return ret;
}
