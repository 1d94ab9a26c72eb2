/* test-board-item.c: board items: the binary encoding round trip and
 * hostile bytes, JSON, transforms and hit geometry.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "core-test-util.h"
#include "urok-board-item.h"

static const UrokBoardColor blue = { 0.1f, 0.2f, 0.8f, 1 };
static const UrokBoardColor yellow = { 1, 0.9f, 0, 0.5f };

/* One item of every kind (and both tools, a filled shape, a rotation). */
static GPtrArray *
sample_items (void)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_board_item_unref);
  UrokBoardPoint points[50];
  UrokBoardPoint corners[2] = { { 10, 20, 0.5f, 0 }, { 110, 80, 0.5f, 0 } };
  UrokBoardPoint triangle[3] = { { 0, 0, 0, 0 }, { 50, 0, 0, 0 }, { 25, 40, 0, 0 } };
  UrokBoardRect box = { 5, 6, 300, 100 };
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\nnot really", 18);
  g_autoptr(UrokBoardItem) ellipse = NULL;
  cairo_matrix_t rotate;

  for (int i = 0; i < 50; i++)
    points[i] = (UrokBoardPoint) { 100 + i * 3.5f, 200 + sinf (i / 5.f) * 30, (float)i / 49, (guint32)i * 8 };
  g_ptr_array_add (items, urok_board_item_new_stroke (1, 0, UROK_BOARD_TOOL_PEN, &blue, 3, points, 50));
  g_ptr_array_add (items, urok_board_item_new_stroke (2, 1, UROK_BOARD_TOOL_HIGHLIGHTER, &yellow, 20, points, 1));
  g_ptr_array_add (items, urok_board_item_new_shape (3, 0, UROK_BOARD_SHAPE_RECTANGLE, &blue, 2, &yellow, corners, 2));
  g_ptr_array_add (items, urok_board_item_new_shape (4, 0, UROK_BOARD_SHAPE_ARROW, &blue, 4, NULL, corners, 2));
  g_ptr_array_add (items, urok_board_item_new_shape (5, 0, UROK_BOARD_SHAPE_POLYGON, &blue, 1, NULL, triangle, 3));
  ellipse = urok_board_item_new_shape (6, 0, UROK_BOARD_SHAPE_ELLIPSE, &blue, 2, NULL, corners, 2);
  cairo_matrix_init_rotate (&rotate, G_PI / 6);
  g_ptr_array_add (items, urok_board_item_transformed (ellipse, &rotate));
  g_ptr_array_add (items, urok_board_item_new_text (7, 0, "Дроби: ½ + ⅓", 32, &blue, &box));
  g_ptr_array_add (items, urok_board_item_new_image (8, 0, png, "image/png", &box));
  g_ptr_array_add (items, urok_board_item_new_media (9, 2, "0123456789abcdef.mp4", &box));
  return items;
}

static void
test_binary_round_trip (void)
{
  g_autoptr(GPtrArray) items = sample_items ();

  for (guint i = 0; i < items->len; i++)
    {
      UrokBoardItem *item = items->pdata[i];
      g_autoptr(GBytes) bytes = urok_board_item_serialize (item);
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokBoardItem) back = urok_board_item_deserialize (bytes, &error);

      g_assert_no_error (error);
      g_assert_true (urok_board_item_equal (item, back));
      g_assert_cmpmem (urok_board_item_get_bounds (item), sizeof (UrokBoardRect),
                       urok_board_item_get_bounds (back), sizeof (UrokBoardRect));
    }
}

static void
test_json_round_trip (void)
{
  g_autoptr(GPtrArray) items = sample_items ();

  for (guint i = 0; i < items->len; i++)
    {
      UrokBoardItem *item = items->pdata[i];
      g_autoptr(JsonNode) node = urok_board_item_to_json (item);
      g_autofree char *text = json_to_string (node, FALSE);
      g_autoptr(JsonNode) parsed = json_from_string (text, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokBoardItem) back = urok_board_item_new_from_json (parsed, &error);

      g_assert_no_error (error);
      g_assert_true (urok_board_item_equal (item, back));
    }
}

static void
expect_invalid (GBytes *bytes,
                int     code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBoardItem) item = urok_board_item_deserialize (bytes, &error);

  g_assert_null (item);
  g_assert_error (error, UROK_BOARD_ERROR, code);
}

static GBytes *
patched (GBytes *bytes,
         gsize   offset,
         const void *data,
         gsize   len)
{
  gsize size = g_bytes_get_size (bytes);
  guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

  memcpy (copy + offset, data, len);
  return g_bytes_new_take (copy, size);
}

static void
test_hostile_bytes (void)
{
  g_autoptr(GPtrArray) items = sample_items ();
  guint32 huge = GUINT32_TO_LE (0xfffffff0u);
  float nan_value = NAN;
  guint8 newer = 2, zero = 0, bad_kind = 9;

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GBytes) bytes = urok_board_item_serialize (items->pdata[i]);
      gsize size = g_bytes_get_size (bytes);

      /* Every truncation, and one byte too many. */
      for (gsize cut = 0; cut < size; cut++)
        {
          g_autoptr(GBytes) part = g_bytes_new_from_bytes (bytes, 0, cut);

          expect_invalid (part, UROK_BOARD_ERROR_INVALID);
        }
      {
        g_autoptr(GByteArray) longer = g_byte_array_new ();
        g_autoptr(GBytes) longer_bytes = NULL;

        g_byte_array_append (longer, g_bytes_get_data (bytes, NULL), size);
        g_byte_array_append (longer, (const guint8 *)"x", 1);
        longer_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&longer));
        expect_invalid (longer_bytes, UROK_BOARD_ERROR_INVALID);
      }
      /* A point count, a text length and a data length far past the end. */
      {
        g_autoptr(GBytes) b1 = patched (bytes, 140, &huge, 4);
        gsize n_points;

        expect_invalid (b1, UROK_BOARD_ERROR_INVALID);
        urok_board_item_get_points (items->pdata[i], &n_points);
        {
          g_autoptr(GBytes) b2 = patched (bytes, 144 + 16 * n_points, &huge, 4);

          expect_invalid (b2, UROK_BOARD_ERROR_INVALID);
        }
      }
      {
        g_autoptr(GBytes) b = patched (bytes, size - 4 - (i == 7 ? 18 : 0), &huge, 4);

        expect_invalid (b, UROK_BOARD_ERROR_INVALID);
      }
      {
        g_autoptr(GBytes) b = patched (bytes, 3, &newer, 1);

        expect_invalid (b, UROK_BOARD_ERROR_VERSION);
      }
      {
        g_autoptr(GBytes) b = patched (bytes, 3, &zero, 1);

        expect_invalid (b, UROK_BOARD_ERROR_INVALID);
      }
      {
        g_autoptr(GBytes) b = patched (bytes, 4, &bad_kind, 1);

        expect_invalid (b, UROK_BOARD_ERROR_INVALID);
      }
      {
        g_autoptr(GBytes) b = patched (bytes, 0, "XBI", 3);

        expect_invalid (b, UROK_BOARD_ERROR_INVALID);
      }
      {
        /* NaN width; id 0. */
        g_autoptr(GBytes) b = patched (bytes, 20, &nan_value, 4);
        guint64 no_id = 0;
        g_autoptr(GBytes) b2 = patched (bytes, 8, &no_id, 8);

        expect_invalid (b, UROK_BOARD_ERROR_INVALID);
        expect_invalid (b2, UROK_BOARD_ERROR_INVALID);
      }
    }
}

static void
test_random_bytes (void)
{
  g_autoptr(GPtrArray) items = sample_items ();
  GRand *rand = g_rand_new_with_seed (7);

  /* Random byte flips: either an error or an item that encodes back to the
   * same bytes; never a crash (this runs under ASan in CI). */
  for (int round = 0; round < 20000; round++)
    {
      g_autoptr(GBytes) bytes = urok_board_item_serialize (items->pdata[round % items->len]);
      gsize size = g_bytes_get_size (bytes);
      guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
      g_autoptr(GBytes) mutated = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokBoardItem) item = NULL;

      for (int k = 0; k < 1 + round % 4; k++)
        copy[g_rand_int_range (rand, 0, size)] = g_rand_int_range (rand, 0, 256);
      mutated = g_bytes_new_take (copy, size);
      item = urok_board_item_deserialize (mutated, &error);
      g_assert_true ((item == NULL) != (error == NULL));
      if (item != NULL)
        {
          g_autoptr(GBytes) again = urok_board_item_serialize (item);

          g_assert_true (g_bytes_equal (again, mutated));
        }
    }
  g_rand_free (rand);
}

static void
test_hostile_json (void)
{
  const char *bad[] = {
    "[]",
    "{\"id\":\"1\",\"kind\":\"blob\"}",
    "{\"id\":\"0\",\"kind\":\"stroke\",\"tool\":\"pen\",\"color\":[0,0,0,1],\"width\":1,\"points\":[0,0,0.5,0]}",
    "{\"id\":\"1\",\"kind\":\"stroke\",\"tool\":\"pen\",\"color\":[0,0,0,1],\"width\":1,\"points\":[0,0,0.5]}",
    "{\"id\":\"1\",\"kind\":\"stroke\",\"tool\":\"pen\",\"color\":[0,0,0,1],\"width\":1,\"points\":[]}",
    "{\"id\":\"1\",\"kind\":\"stroke\",\"tool\":\"pen\",\"color\":[0,0,0,1],\"width\":1e300,\"points\":[0,0,0.5,0]}",
    "{\"id\":\"1\",\"kind\":\"stroke\",\"tool\":\"brush\",\"color\":[0,0,0,1],\"width\":1,\"points\":[0,0,0.5,0]}",
    "{\"id\":\"1\",\"kind\":\"stroke\",\"tool\":\"pen\",\"color\":[0,0,0,1],\"width\":1,\"points\":[0,0,7,0]}",
    "{\"id\":\"1\",\"kind\":\"shape\",\"shape\":\"polygon\",\"color\":[0,0,0,1],\"width\":1,\"points\":[0,0,0,0,1,1,0,0]}",
    "{\"id\":\"1\",\"kind\":\"text\",\"color\":[0,0,0,1],\"box\":[0,0,1,1],\"font_size\":0,\"text\":\"a\"}",
    "{\"id\":\"1\",\"kind\":\"media\",\"box\":[0,0,-1,1],\"reference\":\"a\"}",
    "{\"id\":\"1\",\"kind\":\"image\",\"box\":[0,0,1,1],\"mime_type\":\"image/png\"}",
    "{\"id\":\"18446744073709551616\",\"kind\":\"media\",\"box\":[0,0,1,1],\"reference\":\"a\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokBoardItem) item = urok_board_item_new_from_json (node, &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (item);
      g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
    }
}

static void
test_transform_and_bounds (void)
{
  UrokBoardPoint points[2] = { { 0, 0, 1, 0 }, { 100, 0, 1, 10 } };
  g_autoptr(UrokBoardItem) stroke = urok_board_item_new_stroke (1, 0, UROK_BOARD_TOOL_PEN, &blue, 10, points, 2);
  g_autoptr(UrokBoardItem) moved = NULL;
  const UrokBoardRect *b = urok_board_item_get_bounds (stroke);
  const UrokBoardPoint *p;
  cairo_matrix_t m;
  gsize n;

  /* Full pressure: 1.6 × 10 wide, so 8 on each side. */
  g_assert_cmpfloat_with_epsilon (b->x, -8, 1e-4);
  g_assert_cmpfloat_with_epsilon (b->y, -8, 1e-4);
  g_assert_cmpfloat_with_epsilon (b->width, 116, 1e-4);
  g_assert_cmpfloat_with_epsilon (b->height, 16, 1e-4);

  /* A quarter turn and a doubling: points baked, width doubled. */
  cairo_matrix_init_scale (&m, 2, 2);
  cairo_matrix_rotate (&m, G_PI / 2);
  moved = urok_board_item_transformed (stroke, &m);
  p = urok_board_item_get_points (moved, &n);
  g_assert_cmpfloat_with_epsilon (p[1].x, 0, 1e-3);
  g_assert_cmpfloat_with_epsilon (p[1].y, 200, 1e-3);
  g_assert_cmpfloat_with_epsilon (urok_board_item_get_width (moved), 20, 1e-4);
  g_assert_cmpuint (urok_board_item_get_id (moved), ==, 1);
  /* The original is untouched: items are immutable. */
  p = urok_board_item_get_points (stroke, &n);
  g_assert_cmpfloat (p[1].x, ==, 100);

  /* Touching: by the ink's width, not only its centre line. */
  g_assert_true (urok_board_item_touches_segment (stroke, 50, 7, 50, 7, 0));
  g_assert_false (urok_board_item_touches_segment (stroke, 50, 9, 50, 9, 0));
  g_assert_true (urok_board_item_touches_segment (stroke, 50, -100, 50, 100, 0));
}

int
main (int argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/board/item/binary-round-trip", test_binary_round_trip);
  g_test_add_func ("/core/board/item/json-round-trip", test_json_round_trip);
  g_test_add_func ("/core/board/item/hostile-bytes", test_hostile_bytes);
  g_test_add_func ("/core/board/item/random-bytes", test_random_bytes);
  g_test_add_func ("/core/board/item/hostile-json", test_hostile_json);
  g_test_add_func ("/core/board/item/transform-and-bounds", test_transform_and_bounds);
  return core_test_run ();
}
