/* urok-book-info.h: A textbook's catalogue entry: what its package document says of it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UROK_TYPE_BOOK_INFO (urok_book_info_get_type ())

G_DECLARE_FINAL_TYPE (UrokBookInfo, urok_book_info, UROK, BOOK_INFO, GObject)

gint64       urok_book_info_get_id (UrokBookInfo *self);
const char * urok_book_info_get_identifier (UrokBookInfo *self);
const char * urok_book_info_get_format (UrokBookInfo *self);
const char * urok_book_info_get_title (UrokBookInfo *self);
const char * urok_book_info_get_authors (UrokBookInfo *self);
const char * urok_book_info_get_language (UrokBookInfo *self);
const char * urok_book_info_get_subject (UrokBookInfo *self);
int          urok_book_info_get_grade_level (UrokBookInfo *self);
const char * urok_book_info_get_file (UrokBookInfo *self);

UrokBookInfo *urok_book_info_copy_with_file (UrokBookInfo *self,
                                             const char   *file);

G_END_DECLS
