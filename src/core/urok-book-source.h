/* urok-book-source.h: what a book reader needs of a book, and no more.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UROK_TYPE_BOOK_SOURCE (urok_book_source_get_type ())

G_DECLARE_INTERFACE (UrokBookSource, urok_book_source, UROK, BOOK_SOURCE, GObject)

/* Paths are the book's own: relative to the container's root, '/'
 * separated, no leading '/', as the package document's hrefs resolve. */
struct _UrokBookSourceInterface
{
  GTypeInterface parent_iface;

  /* Called from any thread: the web view reads entries off the main one. */
  GBytes     *(*read)                  (UrokBookSource  *self,
                                        const char      *path,
                                        GError         **error);
  const char *(*get_media_type)        (UrokBookSource  *self,
                                        const char      *path);
  guint       (*get_n_spine)           (UrokBookSource  *self);
  const char *(*get_spine_path)        (UrokBookSource  *self,
                                        guint            index);
  gboolean    (*is_fixed_layout)       (UrokBookSource  *self);
  const char *(*get_page_progression)  (UrokBookSource  *self);
  const char *(*get_id)                (UrokBookSource  *self);
};

GBytes     *urok_book_source_read                 (UrokBookSource  *self,
                                                   const char      *path,
                                                   GError         **error);
const char *urok_book_source_get_media_type       (UrokBookSource  *self,
                                                   const char      *path);
guint       urok_book_source_get_n_spine          (UrokBookSource  *self);
const char *urok_book_source_get_spine_path       (UrokBookSource  *self,
                                                   guint            index);
int         urok_book_source_find_spine           (UrokBookSource  *self,
                                                   const char      *path);
gboolean    urok_book_source_is_fixed_layout      (UrokBookSource  *self);
const char *urok_book_source_get_page_progression (UrokBookSource  *self);
const char *urok_book_source_get_id               (UrokBookSource  *self);
gboolean    urok_book_source_is_valid_id          (const char      *id);

G_END_DECLS
