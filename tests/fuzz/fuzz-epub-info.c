/* fuzz-epub-info.c: libFuzzer target for the EPUB container and package reader.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-epub-info.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBookInfo) info = urok_epub_read_info_from_bytes (bytes, &error);

  /* Exactly one of the two, whatever the input. */
  g_assert ((info == NULL) != (error == NULL));
  return 0;
}
