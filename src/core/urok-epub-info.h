/* urok-epub-info.h: what an EPUB says of itself, read without unpacking it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "urok-book-info.h"
#include "urok-epub.h"

G_BEGIN_DECLS

UrokBookInfo *urok_epub_read_info_from_file  (const char  *path,
                                              GError     **error);
UrokBookInfo *urok_epub_read_info_from_bytes (GBytes      *bytes,
                                              GError     **error);

G_END_DECLS
