/* test-board-page.c: the board page: adding, removing and finding items,
 * both erasers, undo and redo, the journal, the page's JSON.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core-test-util.h"
#include "urok-board-page.h"

static const UrokBoardColor black = { 0, 0, 0, 1 };

/* A horizontal stroke from (x, y) of @n points @step apart. */
static UrokBoardItem *
hstroke (UrokBoardPage *page,
         double         x,
         double         y,
         int            n,
         double         step)
{
  g_autofree UrokBoardPoint *p = g_new (UrokBoardPoint, n);

  for (int i = 0; i < n; i++)
    p[i] = (UrokBoardPoint) { x + i * step, y, 0.5f, (guint32)i * 8 };
  return urok_board_item_new_stroke (urok_board_page_next_id (page), 0, UROK_BOARD_TOOL_PEN, &black, 2, p, n);
}

static void
add (UrokBoardPage *page,
     UrokBoardItem *item)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (urok_board_page_add_item (page, item, &error));
  g_assert_no_error (error);
  urok_board_item_unref (item);
}

/* The page's items as one comparable string (binary of each, in z-order). */
static char *
snapshot (UrokBoardPage *page)
{
  g_autoptr(GPtrArray) items = urok_board_page_get_items (page);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GBytes) bytes = urok_board_item_serialize (items->pdata[i]);
      g_autofree char *b64 = g_base64_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      g_string_append_printf (s, "%s\n", b64);
    }
  return g_string_free (s, FALSE);
}

static void
count_changed (UrokBoardPage       *page,
               const UrokBoardRect *dirty,
               gpointer             user_data)
{
  UrokBoardRect *all = user_data;

  urok_board_rect_union (all, dirty, all);
}

static void
test_add_remove_query (void)
{
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(UrokBoardItem) dup = NULL;
  UrokBoardRect dirty = { 0 };
  UrokBoardRect left = { 0, 0, 500, 1080 };
  guint64 first;

  g_signal_connect (page, "changed", G_CALLBACK (count_changed), &dirty);
  for (int i = 0; i < 100; i++)
    add (page, hstroke (page, (i % 10) * 100 + 10, (i / 10) * 100 + 10, 10, 5));
  g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 100);
  /* The dirty rectangles covered every stroke. */
  g_assert_cmpfloat (dirty.x, <=, 10);
  g_assert_cmpfloat (dirty.x + dirty.width, >=, 955);

  found = urok_board_page_items_in_rect (page, &left);
  /* Columns 0..4 start at 10..410 and end 45 later; column 5 starts at 510. */
  g_assert_cmpuint (found->len, ==, 50);
  for (guint i = 1; i < found->len; i++)
    g_assert_cmpuint (urok_board_item_get_id (found->pdata[i - 1]), <, urok_board_item_get_id (found->pdata[i]));

  first = urok_board_item_get_id (found->pdata[0]);
  dup = urok_board_item_with_id (found->pdata[1], first);
  g_assert_false (urok_board_page_add_item (page, dup, &error));
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (urok_board_page_remove_item (page, first, &error));
  g_assert_no_error (error);
  g_assert_null (urok_board_page_lookup (page, first));
  g_assert_false (urok_board_page_remove_item (page, first, &error));
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Hit tests find the topmost; raising changes which. */
  {
    g_autoptr(UrokBoardItem) over = hstroke (page, 10, 110, 10, 5);
    guint64 over_id = urok_board_item_get_id (over);
    UrokBoardItem *hit;

    add (page, g_steal_pointer (&over));
    hit = urok_board_page_hit_test (page, 20, 111, 2);
    g_assert_nonnull (hit);
    g_assert_cmpuint (urok_board_item_get_id (hit), ==, over_id);
    g_assert_true (urok_board_page_raise_item (page, first + 10, NULL));
    hit = urok_board_page_hit_test (page, 20, 111, 2);
    g_assert_cmpuint (urok_board_item_get_id (hit), ==, first + 10);
    g_assert_null (urok_board_page_hit_test (page, 20, 150, 2));
    /* Hidden layers are not hit. */
    urok_board_page_set_layer_visible (page, 0, FALSE);
    g_assert_null (urok_board_page_hit_test (page, 20, 111, 2));
  }
}

static void
test_erase_fast_swipe (void)
{
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  g_autoptr(GArray) ids = NULL;
  /* A swipe sampled only at its two ends, 1500 units apart. */
  double swipe[] = { 100, 50, 1600, 1050 };
  guint crossed = 0;

  /* Strokes everywhere along the diagonal and beside it. */
  for (int i = 0; i < 30; i++)
    {
      double t = i / 29.0;
      double cx = 100 + t * 1500, cy = 50 + t * 1000;

      /* Crosses the swipe: vertical, centred on it. */
      {
        UrokBoardPoint p[2] = { { cx, cy - 15, 0.5f, 0 }, { cx, cy + 15, 0.5f, 8 } };

        add (page, urok_board_item_new_stroke (urok_board_page_next_id (page), 0, UROK_BOARD_TOOL_PEN, &black, 2, p, 2));
        crossed++;
      }
      /* Beside it: 60 units off the line (the eraser's radius is 10). */
      {
        UrokBoardPoint p[2] = { { cx + 60 * 0.55, cy - 60 * 0.83, 0.5f, 0 }, { cx + 60 * 0.55 + 5, cy - 60 * 0.83, 0.5f, 8 } };

        add (page, urok_board_item_new_stroke (urok_board_page_next_id (page), 0, UROK_BOARD_TOOL_PEN, &black, 2, p, 2));
      }
    }
  ids = urok_board_page_strokes_along_path (page, swipe, 2, 10);
  g_assert_cmpuint (ids->len, ==, crossed);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpuint (g_array_index (ids, guint64, i) % 2, ==, 1);
  g_assert_cmpuint (urok_board_page_erase_strokes (page, swipe, 2, 10), ==, crossed);
  g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 30);
  /* One step. */
  g_assert_true (urok_board_page_undo (page));
  g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 60);

  /* A stroke passing between two far-apart samples of a bent path. */
  {
    double bent[] = { 0, 600, 800, 600, 800, 0 };
    g_autoptr(GArray) hit = NULL;
    g_autoptr(UrokBoardItem) s = hstroke (page, 400, 598, 2, 1);
    guint64 id = urok_board_item_get_id (s);

    add (page, g_steal_pointer (&s));
    hit = urok_board_page_strokes_along_path (page, bent, 3, 4);
    g_assert_cmpuint (hit->len, >=, 1);
    g_assert_cmpuint (g_array_index (hit, guint64, 0), ==, id);
  }
}

static void
test_erase_area_splits (void)
{
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  /* A vertical eraser path across the middle of a 200-long stroke whose
   * points are 50 apart: the cut must land near x = 100 ± 10 anyway. */
  double cut[] = { 100, 0, 100, 200 };
  gsize n;
  const UrokBoardPoint *p;

  add (page, hstroke (page, 0, 100, 5, 50));
  add (page, hstroke (page, 0, 300, 5, 50));
  before = snapshot (page);
  g_assert_cmpuint (urok_board_page_erase_area (page, cut, 2, 10), ==, 1);
  items = urok_board_page_get_items (page);
  g_assert_cmpuint (items->len, ==, 3);
  /* The pieces keep the cut stroke's place: under the second stroke. */
  p = urok_board_item_get_points (items->pdata[0], &n);
  g_assert_cmpfloat (p[0].x, ==, 0);
  g_assert_cmpfloat (p[n - 1].x, >=, 86);
  g_assert_cmpfloat (p[n - 1].x, <=, 90);
  p = urok_board_item_get_points (items->pdata[1], &n);
  g_assert_cmpfloat (p[0].x, >=, 110);
  g_assert_cmpfloat (p[0].x, <=, 114);
  g_assert_cmpfloat (p[n - 1].x, ==, 200);
  g_assert_cmpfloat (urok_board_item_get_bounds (items->pdata[2])->y, >, 250);

  /* One undo restores exactly what was there. */
  g_assert_true (urok_board_page_undo (page));
  after_undo = snapshot (page);
  g_assert_cmpstr (before, ==, after_undo);

  /* Erasing all of a stroke leaves nothing of it. */
  {
    double over[] = { -20, 100, 220, 100 };

    g_assert_cmpuint (urok_board_page_erase_area (page, over, 2, 10), ==, 1);
    g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 1);
  }
}

static void
test_undo_redo_sequences (void)
{
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  GRand *rand = g_rand_new_with_seed (3);
  int steps = 0;

  g_ptr_array_add (states, snapshot (page));
  for (int i = 0; i < 200; i++)
    {
      g_autoptr(GPtrArray) items = urok_board_page_get_items (page);
      int what = g_rand_int_range (rand, 0, 6);

      if (what <= 1 || items->len == 0)
        add (page, hstroke (page, g_rand_int_range (rand, 0, 1000), g_rand_int_range (rand, 0, 1000), 4, 10));
      else if (what == 2)
        g_assert_true (urok_board_page_remove_item (page, urok_board_item_get_id (items->pdata[g_rand_int_range (rand, 0, items->len)]), NULL));
      else if (what == 3)
        {
          cairo_matrix_t m;
          g_autoptr(UrokBoardItem) moved = NULL;

          cairo_matrix_init_translate (&m, 30, -20);
          cairo_matrix_rotate (&m, 0.3);
          moved = urok_board_item_transformed (items->pdata[g_rand_int_range (rand, 0, items->len)], &m);
          g_assert_true (urok_board_page_replace_item (page, moved, NULL));
        }
      else if (what == 4)
        {
          /* A group: two adds and a raise, one step. */
          urok_board_page_begin_group (page);
          add (page, hstroke (page, 10, 10, 3, 10));
          add (page, hstroke (page, 20, 20, 3, 10));
          urok_board_page_raise_item (page, urok_board_item_get_id (items->pdata[0]), NULL);
          urok_board_page_end_group (page);
        }
      else
        {
          double path[] = { g_rand_int_range (rand, 0, 1000), 0, g_rand_int_range (rand, 0, 1000), 1000 };

          if (urok_board_page_erase_area (page, path, 2, 15) == 0)
            continue;
        }
      steps++;
      g_ptr_array_add (states, snapshot (page));
    }
  /* Undo all the way, checking each state; redo all the way. */
  for (int i = steps; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (urok_board_page_undo (page));
      now = snapshot (page);
      g_assert_cmpstr (now, ==, states->pdata[i - 1]);
    }
  g_assert_false (urok_board_page_undo (page));
  for (int i = 1; i <= steps; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (urok_board_page_redo (page));
      now = snapshot (page);
      g_assert_cmpstr (now, ==, states->pdata[i]);
    }
  g_assert_false (urok_board_page_redo (page));
  /* A new edit after undo drops the redo steps. */
  urok_board_page_undo (page);
  add (page, hstroke (page, 5, 5, 2, 1));
  g_assert_false (urok_board_page_can_redo (page));
  g_rand_free (rand);
}

static void
test_journal (void)
{
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  g_autoptr(GArray) changed = NULL;
  g_autoptr(GArray) removed = NULL;
  g_autoptr(UrokBoardItem) a = hstroke (page, 0, 0, 3, 10);
  g_autoptr(UrokBoardItem) b = hstroke (page, 0, 50, 3, 10);
  guint64 ida = urok_board_item_get_id (a), idb = urok_board_item_get_id (b);
  guint64 saved;

  add (page, urok_board_item_ref (a));
  add (page, urok_board_item_ref (b));
  saved = urok_board_page_get_sequence (page);
  urok_board_page_changes_since (page, saved, &changed, &removed);
  g_assert_cmpuint (changed->len + removed->len, ==, 0);
  g_clear_pointer (&changed, g_array_unref);
  g_clear_pointer (&removed, g_array_unref);

  urok_board_page_remove_item (page, ida, NULL);
  {
    cairo_matrix_t m;
    g_autoptr(UrokBoardItem) moved = NULL;

    cairo_matrix_init_translate (&m, 5, 5);
    moved = urok_board_item_transformed (b, &m);
    urok_board_page_replace_item (page, moved, NULL);
  }
  urok_board_page_changes_since (page, saved, &changed, &removed);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpuint (g_array_index (changed, guint64, 0), ==, idb);
  g_assert_cmpuint (removed->len, ==, 1);
  g_assert_cmpuint (g_array_index (removed, guint64, 0), ==, ida);
  g_clear_pointer (&changed, g_array_unref);
  g_clear_pointer (&removed, g_array_unref);

  /* Undoing the removal: a is to be written again, not deleted. */
  urok_board_page_undo (page);
  urok_board_page_undo (page);
  urok_board_page_changes_since (page, saved, &changed, &removed);
  g_assert_cmpuint (changed->len, ==, 2);
  g_assert_cmpuint (removed->len, ==, 0);
}

static void
test_json (void)
{
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  g_autoptr(UrokBoardPage) back = NULL;
  g_autoptr(UrokBoardPage) blank = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  UrokBoardRect box = { 10, 10, 200, 50 };
  guint layer;
  const char *bad[] = {
    "[]", "{\"format\":\"other\"}", "{\"width\":-5,\"height\":5}", "{\"background\":\"wallpaper\"}",
    "{\"layers\":[]}", "{\"items\":{}}", "{\"uuid\":\"nope\"}",
    "{\"items\":[{\"id\":\"1\",\"kind\":\"media\",\"layer\":3,\"box\":[0,0,1,1],\"reference\":\"a\"}]}",
    "{\"items\":[{\"id\":\"1\",\"kind\":\"media\",\"box\":[0,0,1,1],\"reference\":\"a\"},"
    "{\"id\":\"1\",\"kind\":\"media\",\"box\":[0,0,1,1],\"reference\":\"b\"}]}",
    "{\"format\":\"urok-board\",\"version\":1", "",
  };

  urok_board_page_set_background (page, UROK_BOARD_BACKGROUND_SLANTED);
  layer = urok_board_page_add_layer (page, "Ответы");
  urok_board_page_set_layer_visible (page, layer, FALSE);
  add (page, hstroke (page, 0, 0, 5, 10));
  add (page, urok_board_item_new_text (urok_board_page_next_id (page), layer, "x = 5", 24, &black, &box));
  add (page, hstroke (page, 0, 40, 5, 10));
  urok_board_page_raise_item (page, 1, NULL);
  text = urok_board_page_to_string (page);
  back = urok_board_page_new_from_string (text, &error);
  g_assert_no_error (error);
  before = snapshot (page);
  after = snapshot (back);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (urok_board_page_get_uuid (back), ==, urok_board_page_get_uuid (page));
  g_assert_cmpint (urok_board_page_get_background (back), ==, UROK_BOARD_BACKGROUND_SLANTED);
  g_assert_cmpuint (urok_board_page_get_n_layers (back), ==, 2);
  g_assert_cmpstr (urok_board_page_get_layer_name (back, 1), ==, "Ответы");
  g_assert_false (urok_board_page_get_layer_visible (back, 1));
  /* New ids on the loaded page do not collide. */
  g_assert_cmpuint (urok_board_page_next_id (back), >, 3);

  /* What lessons hold today: "{}" and a bare background. */
  blank = urok_board_page_new_from_string ("{}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (urok_board_page_get_n_items (blank), ==, 0);
  g_clear_object (&blank);
  blank = urok_board_page_new_from_string ("{\"background\":\"squares\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpint (urok_board_page_get_background (blank), ==, UROK_BOARD_BACKGROUND_SQUARES);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(UrokBoardPage) none = NULL;

      if (*bad[i] == '\0')
        continue;
      none = urok_board_page_new_from_string (bad[i], &error);
      g_test_message ("%s", bad[i]);
      g_assert_null (none);
      g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
      g_clear_error (&error);
    }
  {
    g_autoptr(UrokBoardPage) none = urok_board_page_new_from_string ("{\"version\":2}", &error);

    g_assert_null (none);
    g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_VERSION);
  }
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/board/page/add-remove-query", test_add_remove_query);
  g_test_add_func ("/core/board/page/erase-fast-swipe", test_erase_fast_swipe);
  g_test_add_func ("/core/board/page/erase-area-splits", test_erase_area_splits);
  g_test_add_func ("/core/board/page/undo-redo-sequences", test_undo_redo_sequences);
  g_test_add_func ("/core/board/page/journal", test_journal);
  g_test_add_func ("/core/board/page/json", test_json);
  return core_test_run ();
}
