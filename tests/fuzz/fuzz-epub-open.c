/* fuzz-epub-open.c: libFuzzer target for UrokEpub, the reader's model of a
 * book: container index, package, navigation, and reading every entry the
 * spine and the table of contents name.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-epub.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
walk (UrokEpub  *epub,
      GPtrArray *points)
{
  for (guint i = 0; i < points->len; i++)
    {
      UrokEpubNavPoint *point = g_ptr_array_index (points, i);

      g_assert (point->label != NULL);
      g_assert (point->path == NULL || urok_epub_has_entry (epub, point->path));
      walk (epub, point->children);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokEpub) epub = urok_epub_open_bytes (bytes, &error);
  GPtrArray *spine;

  /* Exactly one of the two, whatever the input. */
  g_assert ((epub == NULL) != (error == NULL));
  if (epub == NULL)
    return 0;

  spine = urok_epub_get_spine (epub);
  g_assert (spine->len > 0);
  for (guint i = 0; i < spine->len; i++)
    {
      UrokEpubSpineItem *item = g_ptr_array_index (spine, i);
      g_autoptr(GError) read_error = NULL;
      g_autoptr(GBytes) entry = urok_epub_read_entry (epub, item->item->path, &read_error);
      g_autofree char *fragment = NULL;
      g_autofree char *path = urok_epub_resolve_href (epub, item->item->path, "../x/./y.xhtml#f", &fragment);

      g_assert ((entry == NULL) != (read_error == NULL));
      g_assert (urok_epub_get_media_type (epub, item->item->path) != NULL);
    }
  walk (epub, urok_epub_get_toc (epub));
  walk (epub, urok_epub_get_page_list (epub));
  walk (epub, urok_epub_get_landmarks (epub));
  return 0;
}
