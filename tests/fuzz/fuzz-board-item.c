/* fuzz-board-item.c: libFuzzer target for the binary board item decoder
 * (items come from saved pages and from other people's lesson packages).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-board-item.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBoardItem) item = urok_board_item_deserialize (bytes, &error);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(UrokBoardItem) from_json = NULL;

  /* Exactly one of the two, whatever the input. */
  g_assert ((item == NULL) != (error == NULL));
  if (item == NULL)
    return 0;

  /* What was accepted encodes to the same bytes, and survives JSON. */
  again = urok_board_item_serialize (item);
  g_assert (g_bytes_equal (again, bytes));
  urok_board_item_touches_segment (item, 0, 0, 100, 100, 5);
  json = urok_board_item_to_json (item);
  from_json = urok_board_item_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert (urok_board_item_equal (item, from_json));
  return 0;
}
