/* bench-board-store.c: saving and loading a board page of 50,000 strokes
 * of 20 points (a million points) through the store: a page new to the
 * store, the same page saved again over its rows, loading it, and the
 * saver's commit of one new stroke on that page.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <time.h>

#include "bench-board-page.h"
#include "urok-board-saver.h"
#include "urok-store-private.h"

#define RUNS 5

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* CPU time of this thread, in milliseconds: under a loaded machine it
 * varies much less than the wall time. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static UrokBoardItem *
random_stroke (GRand   *rand,
               guint64  id)
{
  UrokBoardPoint points[BENCH_BOARD_N_POINTS];
  UrokBoardColor ink = { 0.1f, 0.1f, 0.4f, 1 };
  double x = g_rand_double_range (rand, 0, 1900), y = g_rand_double_range (rand, 0, 1060);

  for (guint p = 0; p < BENCH_BOARD_N_POINTS; p++)
    {
      x += g_rand_double_range (rand, -3, 5);
      y += g_rand_double_range (rand, -3, 3);
      points[p] = (UrokBoardPoint) { (float)x, (float)y, (float)g_rand_double_range (rand, 0.3, 0.7), p * 8 };
    }
  return urok_board_item_new_stroke (id, 0, UROK_BOARD_TOOL_PEN, &ink, 3, points, BENCH_BOARD_N_POINTS);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("urok-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "urok.db", NULL);
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(UrokBoardPage) page = bench_board_page_new ();
  g_autoptr(UrokBoardSaver) saver = NULL;
  GRand *rand = g_rand_new_with_seed (42);
  double save[RUNS], checkpoint[RUNS], resave[RUNS], load[RUNS], one[RUNS], save_cpu[RUNS], load_cpu[RUNS];

  g_assert_no_error (error);
  store = urok_store_open (path, &error);
  g_assert_no_error (error);

  /* board.save: a page new to the store (every row written);
   * board.save_unchanged: the same page saved again over its rows. */
  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(UrokBoardPage) back = NULL;
      g_autofree char *uuid = g_uuid_string_random ();
      gint64 t0;
      double c0;

      urok_board_page_set_uuid (page, uuid);
      t0 = g_get_monotonic_time ();
      c0 = thread_cpu_ms ();
      if (!urok_store_save_board_page (store, page, NULL, &error))
        g_error ("%s", error->message);
      save[run] = (g_get_monotonic_time () - t0) / 1000.0;
      save_cpu[run] = thread_cpu_ms () - c0;
      /* The store copies the WAL into the database on a thread of its
       * own after a large commit: that is measured apart, and each figure
       * starts with it done (as a save after a lesson's drawing would). */
      t0 = g_get_monotonic_time ();
      _urok_store_wait_checkpoint (store);
      checkpoint[run] = (g_get_monotonic_time () - t0) / 1000.0;
      t0 = g_get_monotonic_time ();
      if (!urok_store_save_board_page (store, page, NULL, &error))
        g_error ("%s", error->message);
      resave[run] = (g_get_monotonic_time () - t0) / 1000.0;
      _urok_store_wait_checkpoint (store);
      t0 = g_get_monotonic_time ();
      c0 = thread_cpu_ms ();
      back = urok_store_load_board_page (store, urok_board_page_get_uuid (page), &error);
      if (back == NULL)
        g_error ("%s", error->message);
      load[run] = (g_get_monotonic_time () - t0) / 1000.0;
      load_cpu[run] = thread_cpu_ms () - c0;
      g_assert_cmpuint (urok_board_page_get_n_items (back), ==, BENCH_BOARD_N_STROKES);
      /* The next run's page is new to the store, which stays the size of
       * one page. */
      if (run < RUNS - 1 && !urok_store_delete_board_page (store, uuid, &error))
        g_error ("%s", error->message);
    }

  /* One finished stroke on the full page: what the saver commits. */
  saver = urok_board_saver_new (store, page);
  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(UrokBoardItem) stroke = random_stroke (rand, BENCH_BOARD_N_STROKES + 1 + run);
      gint64 t0;

      urok_board_page_add_item (page, stroke, NULL);
      t0 = g_get_monotonic_time ();
      if (!urok_board_saver_flush (saver, &error))
        g_error ("%s", error->message);
      one[run] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  qsort (save, RUNS, sizeof (double), compare_doubles);
  qsort (save_cpu, RUNS, sizeof (double), compare_doubles);
  qsort (load_cpu, RUNS, sizeof (double), compare_doubles);
  qsort (checkpoint, RUNS, sizeof (double), compare_doubles);
  qsort (resave, RUNS, sizeof (double), compare_doubles);
  qsort (load, RUNS, sizeof (double), compare_doubles);
  qsort (one, RUNS, sizeof (double), compare_doubles);
  g_print ("BENCH board.save %.1f ms\n", save[RUNS / 2]);
  g_print ("BENCH board.save.cpu %.1f ms\n", save_cpu[RUNS / 2]);
  g_print ("BENCH board.save.checkpoint_after %.1f ms\n", checkpoint[RUNS / 2]);
  g_print ("BENCH board.save_unchanged %.1f ms\n", resave[RUNS / 2]);
  g_print ("BENCH board.load %.1f ms\n", load[RUNS / 2]);
  g_print ("BENCH board.load.cpu %.1f ms\n", load_cpu[RUNS / 2]);
  g_print ("BENCH board.save_one_stroke %.2f ms\n", one[RUNS / 2]);

  g_clear_object (&saver);
  g_clear_object (&store);
  g_rand_free (rand);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return 0;
}
