/* urok-book-source.c: what a book reader needs of a book, and no more.
 *
 * The reader is written against this interface so that it does not care
 * whether a book is a packed EPUB, an unpacked folder (the demo textbook,
 * tests) or anything later.  Implementations must make read() safe to
 * call from any thread; the rest is called on the main thread.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "urok-book-source.h"

G_DEFINE_INTERFACE (UrokBookSource, urok_book_source, G_TYPE_OBJECT)

static void
urok_book_source_default_init (UrokBookSourceInterface *iface)
{
}

GBytes *
urok_book_source_read (UrokBookSource  *self,
                       const char      *path,
                       GError         **error)
{
  g_return_val_if_fail (UROK_IS_BOOK_SOURCE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return UROK_BOOK_SOURCE_GET_IFACE (self)->read (self, path, error);
}

const char *
urok_book_source_get_media_type (UrokBookSource *self,
                                 const char     *path)
{
  g_return_val_if_fail (UROK_IS_BOOK_SOURCE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return UROK_BOOK_SOURCE_GET_IFACE (self)->get_media_type (self, path);
}

guint
urok_book_source_get_n_spine (UrokBookSource *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_SOURCE (self), 0);

  return UROK_BOOK_SOURCE_GET_IFACE (self)->get_n_spine (self);
}

const char *
urok_book_source_get_spine_path (UrokBookSource *self,
                                 guint           index)
{
  g_return_val_if_fail (UROK_IS_BOOK_SOURCE (self), NULL);
  g_return_val_if_fail (index < urok_book_source_get_n_spine (self), NULL);

  return UROK_BOOK_SOURCE_GET_IFACE (self)->get_spine_path (self, index);
}

/* The spine index of @path (a fragment is ignored), or -1. */
int
urok_book_source_find_spine (UrokBookSource *self,
                             const char     *path)
{
  const char *hash;
  gsize len;
  guint n;

  g_return_val_if_fail (UROK_IS_BOOK_SOURCE (self), -1);
  g_return_val_if_fail (path != NULL, -1);

  hash = strchr (path, '#');
  len = hash != NULL ? (gsize)(hash - path) : strlen (path);
  n = urok_book_source_get_n_spine (self);
  for (guint i = 0; i < n; i++)
    {
      const char *spine = urok_book_source_get_spine_path (self, i);

      if (strlen (spine) == len && strncmp (spine, path, len) == 0)
        return (int)i;
    }
  return -1;
}

gboolean
urok_book_source_is_fixed_layout (UrokBookSource *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_SOURCE (self), FALSE);

  return UROK_BOOK_SOURCE_GET_IFACE (self)->is_fixed_layout (self);
}

/* "ltr", "rtl" or "default", as the spine's page-progression-direction. */
const char *
urok_book_source_get_page_progression (UrokBookSource *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_SOURCE (self), "default");

  return UROK_BOOK_SOURCE_GET_IFACE (self)->get_page_progression (self);
}

/* Stable across runs: it is the book's origin in the reader, so what a
 * book's scripts store stays with the book. */
const char *
urok_book_source_get_id (UrokBookSource *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_SOURCE (self), NULL);

  return UROK_BOOK_SOURCE_GET_IFACE (self)->get_id (self);
}

/* An id must be usable as a URI host: lower-case letters, digits and '-'. */
gboolean
urok_book_source_is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 63)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}
