/* test-rtree.c: the R-tree against brute force on random rectangles:
 * inserts, removes, moves and queries, one by one and bulk-loaded.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"
#include "urok-rtree.h"

static UrokBoardRect
random_rect (GRand *rand)
{
  /* Mostly small (strokes), some large (pictures), some degenerate. */
  double w = g_rand_int_range (rand, 0, 10) == 0 ? g_rand_double_range (rand, 100, 800)
                                                 : g_rand_double_range (rand, 0, 60);
  double h = g_rand_int_range (rand, 0, 20) == 0 ? 0 : g_rand_double_range (rand, 0, 60);

  return (UrokBoardRect) { g_rand_double_range (rand, -2000, 4000), g_rand_double_range (rand, -1000, 3000), w, h };
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

  return (x > y) - (x < y);
}

static void
check_query (UrokRTree           *tree,
             GHashTable          *truth,
             const UrokBoardRect *query)
{
  g_autoptr(GArray) found = urok_rtree_query_ids (tree, query);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint64));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, truth);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (urok_board_rect_intersects (value, query))
      g_array_append_val (expected, *(guint64 *)key);
  g_array_sort (found, compare_ids);
  g_array_sort (expected, compare_ids);
  g_assert_cmpuint (found->len, ==, expected->len);
  g_assert_cmpmem (found->data, found->len * sizeof (guint64), expected->data, expected->len * sizeof (guint64));
}

static void
run_random (guint32  seed,
            gboolean bulk)
{
  g_autoptr(UrokRTree) tree = urok_rtree_new ();
  g_autoptr(GHashTable) truth = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GRand *rand = g_rand_new_with_seed (seed);
  guint64 next = 1;

  if (bulk)
    {
      g_autofree UrokRTreeEntry *entries = g_new (UrokRTreeEntry, 5000);

      for (int i = 0; i < 5000; i++)
        {
          entries[i] = (UrokRTreeEntry) { next++, random_rect (rand) };
          g_hash_table_insert (truth, g_memdup2 (&entries[i].id, 8), urok_board_rect_copy (&entries[i].rect));
        }
      urok_rtree_bulk_load (tree, entries, 5000);
      g_assert_cmpuint (urok_rtree_get_size (tree), ==, 5000);
      g_assert_cmpuint (urok_rtree_get_height (tree), <=, 4);
    }
  for (int op = 0; op < 6000; op++)
    {
      int what = g_rand_int_range (rand, 0, 10);

      if (what < 5 || g_hash_table_size (truth) == 0)
        {
          UrokBoardRect r = random_rect (rand);
          guint64 id = next++;

          urok_rtree_insert (tree, id, &r);
          g_hash_table_insert (truth, g_memdup2 (&id, 8), urok_board_rect_copy (&r));
        }
      else
        {
          /* A random present id: some ids were removed already. */
          guint64 id;
          UrokBoardRect r;

          do
            id = g_rand_int_range (rand, 1, next);
          while (!g_hash_table_contains (truth, &id) && g_rand_int_range (rand, 0, 4) != 0);
          if (what < 8)
            {
              g_assert_cmpint (urok_rtree_remove (tree, id), ==, g_hash_table_remove (truth, &id));
            }
          else
            {
              r = random_rect (rand);
              urok_rtree_update (tree, id, &r);
              g_hash_table_insert (truth, g_memdup2 (&id, 8), urok_board_rect_copy (&r));
            }
        }
      g_assert_cmpuint (urok_rtree_get_size (tree), ==, g_hash_table_size (truth));
      if (op % 20 == 0)
        {
          UrokBoardRect q = random_rect (rand);

          q.width *= 4;
          q.height *= 4;
          check_query (tree, truth, &q);
        }
    }
  /* Every id is found where it is; then remove everything. */
  {
    GHashTableIter iter;
    gpointer key, value;
    UrokBoardRect world = { -1e6, -1e6, 2e6, 2e6 };

    check_query (tree, truth, &world);
    g_hash_table_iter_init (&iter, truth);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        UrokBoardRect r;

        const UrokBoardRect *want = value;

        /* Kept as corners: the size may differ in the last bit. */
        g_assert_true (urok_rtree_lookup (tree, *(guint64 *)key, &r));
        g_assert_cmpfloat_with_epsilon (r.x, want->x, 1e-9);
        g_assert_cmpfloat_with_epsilon (r.y, want->y, 1e-9);
        g_assert_cmpfloat_with_epsilon (r.width, want->width, 1e-9);
        g_assert_cmpfloat_with_epsilon (r.height, want->height, 1e-9);
      }
    g_hash_table_iter_init (&iter, truth);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        g_assert_true (urok_rtree_remove (tree, *(guint64 *)key));
        g_hash_table_iter_remove (&iter);
        if (g_hash_table_size (truth) % 97 == 0)
          check_query (tree, truth, &world);
      }
    g_assert_cmpuint (urok_rtree_get_size (tree), ==, 0);
    g_assert_cmpuint (urok_rtree_get_height (tree), ==, 1);
  }
  g_rand_free (rand);
}

static void
test_random_inserts (void)
{
  for (guint32 seed = 1; seed <= 4; seed++)
    run_random (seed, FALSE);
}

static void
test_random_bulk (void)
{
  for (guint32 seed = 11; seed <= 13; seed++)
    run_random (seed, TRUE);
}

static gboolean
stop_after_three (guint64              id,
                  const UrokBoardRect *rect,
                  gpointer             user_data)
{
  return ++*(int *)user_data < 3;
}

static void
test_query_stops (void)
{
  g_autoptr(UrokRTree) tree = urok_rtree_new ();
  UrokBoardRect r = { 0, 0, 10, 10 };
  int count = 0;

  for (guint64 id = 1; id <= 100; id++)
    urok_rtree_insert (tree, id, &r);
  urok_rtree_query (tree, &r, stop_after_three, &count);
  g_assert_cmpint (count, ==, 3);
  /* Inserting an id again moves it instead of adding it twice. */
  r.x = 500;
  urok_rtree_insert (tree, 1, &r);
  g_assert_cmpuint (urok_rtree_get_size (tree), ==, 100);
  g_assert_false (urok_rtree_remove (tree, 1000));
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/board/rtree/random-inserts", test_random_inserts);
  g_test_add_func ("/core/board/rtree/random-bulk", test_random_bulk);
  g_test_add_func ("/core/board/rtree/query-stops", test_query_stops);
  return core_test_run ();
}
