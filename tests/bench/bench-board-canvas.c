/* bench-board-canvas.c: the whiteboard canvas on a page of 50,000 strokes
 * of 20 points: handling one pen motion, producing a frame while a stroke
 * is drawn (tiles warm), the first frame after a zoom (stretched tiles),
 * and re-rendering the sharp tiles of the view on the thread pool against
 * the naive floor of stroking every point in one thread.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "bench-board-page.h"
#include "urok-board-canvas.h"
#include "urok-board-render.h"
#include "urok-board-tiles.h"

#define VIEW_W    1920
#define VIEW_H    1080

/* CPU time of the whole process (every thread), in milliseconds. */
static double
process_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Milliseconds, to the nanosecond: one event takes microseconds. */
static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
percentile (double *times,
            guint   n,
            double  p)
{
  qsort (times, n, sizeof (double), compare_doubles);
  return times[MIN (n - 1, (guint)(n * p))];
}

static double
snapshot_ms (GtkWidget *canvas)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  double t0 = now_ms ();

  /* The widget's own snapshot (a GtkWidgetPaintable would hand back the
   * picture of the last frame drawn). */
  GTK_WIDGET_GET_CLASS (canvas)->snapshot (canvas, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return now_ms () - t0;
}

/* Single-threaded, every point of every stroke in the view, one cairo
 * stroke each: the floor a tiled renderer must beat. */
/* The core renderer (outlines, LOD) over the same view in one thread:
 * how much of the ratio is the renderer and how much the threads. */
static double
renderer_ms (UrokBoardPage       *page,
             const UrokBoardRect *view,
             double               scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_W, VIEW_H);
  cairo_t *cr = cairo_create (surface);
  double t0 = now_ms (), ms;

  urok_board_render_page (cr, page, view, scale, UROK_BOARD_RENDER_DEFAULT);
  cairo_surface_flush (surface);
  ms = now_ms () - t0;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return ms;
}

/* The canvas's tiles over the same view, one after another in this
 * thread: the tiling's own cost, apart from the threads. */
static double
tiles_ms (UrokBoardPage       *page,
          const UrokBoardRect *view,
          double               scale)
{
  double size = UROK_BOARD_TILE_SIZE / scale, t0 = now_ms ();
  int tx0 = (int)floor (view->x / size), tx1 = (int)floor ((view->x + view->width - 1e-6) / size);
  int ty0 = (int)floor (view->y / size), ty1 = (int)floor ((view->y + view->height - 1e-6) / size);

  for (int ty = ty0; ty <= ty1; ty++)
    for (int tx = tx0; tx <= tx1; tx++)
      {
        UrokBoardRect rect = { tx * size, ty * size, size, size };
        g_autoptr(GPtrArray) items = urok_board_page_items_in_rect (page, &rect);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, UROK_BOARD_TILE_SIZE,
                                                               UROK_BOARD_TILE_SIZE);
        cairo_t *cr = cairo_create (surface);

        urok_board_render_background (cr, urok_board_page_get_background (page), urok_board_page_get_width (page),
                                      urok_board_page_get_height (page), NULL, &rect, scale);
        urok_board_render_item_list (cr, items, &rect, scale, UROK_BOARD_RENDER_DEFAULT);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        cairo_surface_destroy (surface);
      }
  return now_ms () - t0;
}

static double
naive_floor_ms (UrokBoardPage       *page,
                const UrokBoardRect *view,
                double               scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_W, VIEW_H);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GPtrArray) items = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double ms;

  items = urok_board_page_items_in_rect (page, view);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -view->x, -view->y);
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
  ms = (g_get_monotonic_time () - t0) / 1000.0;
  g_print ("# naive floor: %u strokes in the view\n", items->len);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UrokBoardPage) page = NULL;
  GtkWindow *window;
  GtkWidget *canvas;
  UrokBoardInput *input;
  double times[4000];
  guint n = 0;
  guint64 seq = 10;
  guint32 t = 0;

  gtk_init ();
  page = bench_board_page_new ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, VIEW_W, VIEW_H);
  canvas = urok_board_canvas_new ();
  urok_board_canvas_set_show_palette (UROK_BOARD_CANVAS (canvas), FALSE);
  gtk_window_set_child (window, canvas);
  gtk_window_present (window);
  for (guint i = 0; i < 200 && gtk_widget_get_width (canvas) != VIEW_W; i++)
    {
      g_usleep (5000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_print ("# canvas %d×%d\n", gtk_widget_get_width (canvas), gtk_widget_get_height (canvas));
  urok_board_canvas_set_page (UROK_BOARD_CANVAS (canvas), page);
  input = urok_board_canvas_get_input (UROK_BOARD_CANVAS (canvas));
  /* A view of a quarter of the board (at 1:2): a lesson's worth of
   * writing, ~12,000 strokes on screen. */
  urok_board_input_set_view (input, 0.5, -960, -540);
  urok_board_canvas_request_tiles (UROK_BOARD_CANVAS (canvas));
  g_print ("# %u tiles for the first view\n", urok_board_canvas_get_n_pending_tiles (UROK_BOARD_CANVAS (canvas)));
  urok_board_canvas_wait_tiles (UROK_BOARD_CANVAS (canvas));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* One pen motion: route, smooth, append, signal, queue a draw. */
  for (guint s = 0; s < 20; s++)
    {
      UrokBoardEvent e = { seq, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_BEGIN, 200 + 40 * s, 300, 0.5, t };

      urok_board_canvas_feed_event (UROK_BOARD_CANVAS (canvas), &e);
      for (guint i = 1; i <= 200; i++)
        {
          double t0;

          e.phase = UROK_BOARD_PHASE_UPDATE;
          e.x = 200 + 40 * s + 20 * sin (i * 0.2);
          e.y = 300 + 3 * i;
          e.pressure = 0.4 + 0.2 * sin (i * 0.1);
          e.time_ms = t + 4 * i;
          t0 = now_ms ();
          urok_board_canvas_feed_event (UROK_BOARD_CANVAS (canvas), &e);
          times[n++] = now_ms () - t0;
        }
      e.phase = UROK_BOARD_PHASE_END;
      urok_board_canvas_feed_event (UROK_BOARD_CANVAS (canvas), &e);
      seq++;
      t += 2000;
    }
  g_print ("BENCH board.input_event.p50 %.4f ms\n", percentile (times, n, 0.5));
  g_print ("BENCH board.input_event.p99 %.4f ms\n", percentile (times, n, 0.99));
  urok_board_canvas_request_tiles (UROK_BOARD_CANVAS (canvas));
  urok_board_canvas_wait_tiles (UROK_BOARD_CANVAS (canvas));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* Frames while a stroke of 600 points is drawn: the snapshot after each
   * motion, tiles warm. */
  {
    UrokBoardEvent e = { seq++, UROK_BOARD_DEVICE_PEN, UROK_BOARD_PHASE_BEGIN, 300, 200, 0.5, t };

    urok_board_canvas_feed_event (UROK_BOARD_CANVAS (canvas), &e);
    snapshot_ms (canvas);
    n = 0;
    for (guint i = 1; i <= 600; i++)
      {
        e.phase = UROK_BOARD_PHASE_UPDATE;
        e.x = 300 + 2 * i;
        e.y = 200 + 150 * sin (i * 0.05);
        e.pressure = 0.5 + 0.3 * sin (i * 0.07);
        e.time_ms = t + 4 * i;
        urok_board_canvas_feed_event (UROK_BOARD_CANVAS (canvas), &e);
        times[n++] = snapshot_ms (canvas);
      }
    g_print ("BENCH board.frame_drawing.p50 %.3f ms\n", percentile (times, n, 0.5));
    g_print ("BENCH board.frame_drawing.p99 %.3f ms\n", percentile (times, n, 0.99));
    e.phase = UROK_BOARD_PHASE_END;
    urok_board_canvas_feed_event (UROK_BOARD_CANVAS (canvas), &e);
    urok_board_canvas_request_tiles (UROK_BOARD_CANVAS (canvas));
    urok_board_canvas_wait_tiles (UROK_BOARD_CANVAS (canvas));
    while (g_main_context_iteration (NULL, FALSE))
      ;
  }

  /* No frame is drawn from here on: the software GL of Xvfb would
   * compete with the workers for the cores, which a board's GPU does not. */
  g_usleep (G_USEC_PER_SEC / 2);

  /* Zoom by one step about the centre, five times over: the first
   * frame (old tiles stretched), then the sharp tiles of the whole view
   * on the pool against the naive floor at the same scale. */
  {
    double first[5], ratio[5], rerender[5], request[5], floor_ms[5], one_thread[5], tiles_one_thread[5], cpu[5];

    for (guint round = 0; round < 5; round++)
      {
        double scale, c0;
        gint64 t0;
        UrokBoardRect view;

        /* Each round a scale not seen before: nothing cached. */
        urok_board_input_zoom_at (input, round == 0 ? 1 / 1.25 : 1.25, VIEW_W / 2.0, VIEW_H / 2.0);
        if (round == 1)
          urok_board_input_zoom_at (input, 1.1, VIEW_W / 2.0, VIEW_H / 2.0);
        first[round] = snapshot_ms (canvas);
        scale = urok_board_input_get_scale (input);
        t0 = g_get_monotonic_time ();
        c0 = process_cpu_ms ();
        urok_board_canvas_request_tiles (UROK_BOARD_CANVAS (canvas));
        request[round] = (g_get_monotonic_time () - t0) / 1000.0;
        urok_board_canvas_wait_tiles (UROK_BOARD_CANVAS (canvas));
        rerender[round] = (g_get_monotonic_time () - t0) / 1000.0;
        cpu[round] = process_cpu_ms () - c0;
        view = (UrokBoardRect) { -urok_board_input_get_offset_x (input) / scale,
                                 -urok_board_input_get_offset_y (input) / scale,
                                 VIEW_W / scale, VIEW_H / scale };
        floor_ms[round] = naive_floor_ms (page, &view, scale);
        one_thread[round] = renderer_ms (page, &view, scale) / floor_ms[round];
        tiles_one_thread[round] = tiles_ms (page, &view, scale) / floor_ms[round];
        ratio[round] = rerender[round] / floor_ms[round];
        g_print ("# round %u: scale %.3f, re-render %.1f ms (cpu %.1f, request %.1f), floor %.1f ms, ratio %.3f, "
                 "one thread: renderer %.3f, tiles %.3f\n", round, scale, rerender[round], cpu[round], request[round],
                 floor_ms[round], ratio[round], one_thread[round], tiles_one_thread[round]);
        g_print ("# round %u: scale %.3f, re-render %.1f ms (cpu %.1f, request %.1f), floor %.1f ms, ratio %.3f, "
                 "one thread: renderer %.3f, tiles %.3f\n", round, scale, rerender[round], cpu[round], request[round],
                 floor_ms[round], ratio[round], one_thread[round], tiles_one_thread[round]);
      }
    g_print ("BENCH board.zoom_first_frame %.3f ms\n", percentile (first, 5, 0.5));
    g_print ("BENCH board.zoom_rerender %.1f ms\n", percentile (rerender, 5, 0.5));
    /* The main thread's part: culling each tile's items and queueing it. */
    /* CPU time of all threads while re-rendering: about the wall time
     * × the cores the workers actually got. */
    g_print ("BENCH board.zoom_rerender.cpu %.1f ms\n", percentile (cpu, 5, 0.5));
    g_print ("BENCH board.zoom_rerender.request %.1f ms\n", percentile (request, 5, 0.5));
    g_print ("BENCH board.zoom_rerender.floor %.1f ms\n", percentile (floor_ms, 5, 0.5));
    g_print ("BENCH board.zoom_rerender.ratio %.3f\n", percentile (ratio, 5, 0.5));
    g_print ("BENCH board.zoom_rerender.renderer_one_thread_ratio %.3f\n", percentile (one_thread, 5, 0.5));
    g_print ("BENCH board.zoom_rerender.tiles_one_thread_ratio %.3f\n", percentile (tiles_one_thread, 5, 0.5));
    g_print ("# %u processors\n", g_get_num_processors ());
  }

  gtk_window_destroy (window);
  return 0;
}
