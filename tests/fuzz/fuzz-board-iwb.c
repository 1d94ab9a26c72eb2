/* fuzz-board-iwb.c: libFuzzer target for the IWB importer (files
 * from anyone: zip, then XML, then SVG values, then images).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-board-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = urok_board_import_iwb (bytes, &error);

  /* Pages or an error, never both, never neither. */
  g_assert ((pages == NULL) != (error == NULL));
  if (pages == NULL)
    {
      g_assert (error->domain == UROK_BOARD_ERROR);
      return 0;
    }
  g_assert (pages->len > 0);
  /* What was imported is a page that survives its own JSON. */
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *json = urok_board_page_to_string (pages->pdata[i]);
      g_autoptr(UrokBoardPage) again = urok_board_page_new_from_string (json, &error);

      g_assert_no_error (error);
      g_assert (urok_board_page_get_n_items (again) == urok_board_page_get_n_items (pages->pdata[i]));
    }
  return 0;
}
