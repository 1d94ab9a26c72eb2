/* urok-epub-info.h: what an EPUB says of itself, read without unpacking it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "urok-book-info.h"

G_BEGIN_DECLS

#define UROK_EPUB_ERROR (urok_epub_error_quark ())

typedef enum
{
  UROK_EPUB_ERROR_NOT_EPUB,  /* not a ZIP, or a ZIP of something else */
  UROK_EPUB_ERROR_INVALID,   /* an EPUB whose required parts are missing or broken */
  UROK_EPUB_ERROR_TOO_LARGE, /* a part larger than any real book has */
} UrokEpubError;

GQuark        urok_epub_error_quark          (void);
UrokBookInfo *urok_epub_read_info_from_file  (const char  *path,
                                              GError     **error);
UrokBookInfo *urok_epub_read_info_from_bytes (GBytes      *bytes,
                                              GError     **error);

G_END_DECLS
