/* bench-board.c: a board page of 50,000 handwritten strokes of 20 points
 * (a million points): the eraser's hit test of one motion segment, the
 * page's memory, and drawing a 1920×1080 view naively and with culling
 * and level of detail.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "bench-board-page.h"
#include "urok-board-render.h"

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : 0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (void)
{
  g_autoptr(UrokBoardPage) page = NULL;
  GRand *rand = g_rand_new_with_seed (42);
  UrokBoardRect view = { 0, 0, 1920, 1080 };
  double times[1000];
  long before_kb, after_kb;
  gint64 t0;
  guint hits = 0;

  before_kb = rss_kb ();
  t0 = g_get_monotonic_time ();
  page = bench_board_page_new ();
  after_kb = rss_kb ();
  g_print ("BENCH board.build %.1f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  g_print ("BENCH board.memory %.1f MB\n", (after_kb - before_kb) / 1024.0);
  g_print ("BENCH board.memory_counted %.1f MB\n", urok_board_page_get_memory_size (page) / 1048576.0);

  /* The eraser: one motion segment of 30 units, radius 12. */
  for (int i = 0; i < 1000; i++)
    {
      double x = g_rand_double_range (rand, 50, 7600), y = g_rand_double_range (rand, 50, 4260);
      double angle = g_rand_double_range (rand, 0, 2 * G_PI);
      double seg[4] = { x, y, x + 30 * cos (angle), y + 30 * sin (angle) };
      g_autoptr(GArray) ids = NULL;

      t0 = g_get_monotonic_time ();
      ids = urok_board_page_strokes_along_path (page, seg, 2, 12);
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
      hits += ids->len;
    }
  qsort (times, 1000, sizeof (double), compare_doubles);
  g_print ("BENCH board.erase_hit.p50 %.4f ms\n", times[500]);
  g_print ("BENCH board.erase_hit.p99 %.4f ms\n", times[990]);
  g_print ("# %.1f strokes touched per segment on average\n", hits / 1000.0);

  /* The floor: every point of every stroke in the view, one cairo stroke
   * each, at 1:1 onto 1920×1080, single-threaded, no culling. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
    cairo_t *cr = cairo_create (surface);
    g_autoptr(GPtrArray) items = urok_board_page_get_items (page);

    for (int round = 0; round < 3; round++)
      {
        t0 = g_get_monotonic_time ();
        cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
        cairo_paint (cr);
        cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
        cairo_set_line_width (cr, 3);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.4);
        for (guint i = 0; i < items->len; i++)
          {
            gsize n;
            const UrokBoardPoint *p = urok_board_item_get_points (items->pdata[i], &n);

            cairo_move_to (cr, p[0].x, p[0].y);
            for (gsize k = 1; k < n; k++)
              cairo_line_to (cr, p[k].x, p[k].y);
            cairo_stroke (cr);
          }
        cairo_surface_flush (surface);
        times[round] = (g_get_monotonic_time () - t0) / 1000.0;
      }
    qsort (times, 3, sizeof (double), compare_doubles);
    g_print ("BENCH board.naive_render %.1f ms\n", times[1]);

    /* Ours: culled through the R-tree, points under 0.5 px skipped,
     * pressure-varying outlines. */
    for (int round = 0; round < 3; round++)
      {
        t0 = g_get_monotonic_time ();
        cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
        cairo_paint (cr);
        cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
        urok_board_render_items (cr, page, &view, 1, UROK_BOARD_RENDER_DEFAULT);
        cairo_surface_flush (surface);
        times[round] = (g_get_monotonic_time () - t0) / 1000.0;
      }
    qsort (times, 3, sizeof (double), compare_doubles);
    g_print ("BENCH board.lod_render %.1f ms\n", times[1]);

    /* The whole board zoomed out to fit the same 1920×1080 (scale 1/4). */
    {
      UrokBoardRect all = { 0, 0, 7680, 4320 };

      for (int round = 0; round < 3; round++)
        {
          t0 = g_get_monotonic_time ();
          cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
          cairo_paint (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
          urok_board_render_items (cr, page, &all, 0.25, UROK_BOARD_RENDER_DEFAULT);
          cairo_surface_flush (surface);
          times[round] = (g_get_monotonic_time () - t0) / 1000.0;
        }
      qsort (times, 3, sizeof (double), compare_doubles);
      g_print ("BENCH board.lod_render_overview %.1f ms\n", times[1]);
    }
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  g_rand_free (rand);
  return 0;
}
