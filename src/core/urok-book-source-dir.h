/* urok-book-source-dir.h: a book read from an unpacked EPUB folder.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-book-source.h"

G_BEGIN_DECLS

#define UROK_TYPE_BOOK_SOURCE_DIR (urok_book_source_dir_get_type ())

G_DECLARE_FINAL_TYPE (UrokBookSourceDir, urok_book_source_dir, UROK, BOOK_SOURCE_DIR, GObject)

UrokBookSourceDir *urok_book_source_dir_new (const char  *path,
                                             GError     **error);

G_END_DECLS
