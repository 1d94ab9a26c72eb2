/* fuzz-board-iwb.c: libFuzzer target for the IWB importer (files
 * from anyone: zip, then XML, then SVG values, then images).  An input
 * that is not a zip is packed as content.xml first, so that mutations of
 * the document reach the SVG reader instead of breaking the zip's CRCs.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

#include "urok-board-import.h"

static GBytes *
pack (const guint8 *data,
      size_t        size)
{
  struct archive *a = archive_write_new ();
  struct archive_entry *e = archive_entry_new ();
  gsize cap = size + 4096, used = 0;
  guint8 *buffer = g_malloc (cap);

  archive_write_set_format_zip (a);
  archive_write_zip_set_compression_store (a);
  g_assert (archive_write_open_memory (a, buffer, cap, &used) == ARCHIVE_OK);
  archive_entry_set_pathname (e, "content.xml");
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  archive_entry_set_size (e, (la_int64_t)size);
  g_assert (archive_write_header (a, e) == ARCHIVE_OK);
  g_assert (archive_write_data (a, data, size) == (la_ssize_t)size);
  archive_entry_free (e);
  g_assert (archive_write_close (a) == ARCHIVE_OK);
  archive_write_free (a);
  return g_bytes_new_take (buffer, used);
}

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = size >= 4 && memcmp (data, "PK\3\4", 4) == 0 ? g_bytes_new (data, size)
                                                                         : pack (data, size);
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
