/* urok-epub-source.c: an open EPUB as the reader's UrokBookSource, so the
 * web view serves the book straight from its container.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-epub-private.h"

/* The host of the book's web origin: derived from its dc:identifier, so a
 * book keeps its origin (and what its scripts stored) across imports, and
 * no two books share one. */
void
_urok_epub_set_source_id (UrokEpub *self)
{
  g_autofree char *digest = NULL;

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                          self->identifier != NULL ? self->identifier : "", -1);
  self->source_id = g_strdup_printf ("book-%.40s", digest);
}

static GBytes *
source_read (UrokBookSource  *source,
             const char      *path,
             GError         **error)
{
  return urok_epub_read_entry (UROK_EPUB (source), path, error);
}

static const char *
source_get_media_type (UrokBookSource *source,
                       const char     *path)
{
  return urok_epub_get_media_type (UROK_EPUB (source), path);
}

static guint
source_get_n_spine (UrokBookSource *source)
{
  return urok_epub_get_spine (UROK_EPUB (source))->len;
}

static const char *
source_get_spine_path (UrokBookSource *source,
                       guint           index)
{
  GPtrArray *spine = urok_epub_get_spine (UROK_EPUB (source));
  const UrokEpubSpineItem *item;

  if (index >= spine->len)
    return NULL;
  item = g_ptr_array_index (spine, index);
  return item->item->path;
}

static gboolean
source_is_fixed_layout (UrokBookSource *source)
{
  return urok_epub_get_layout (UROK_EPUB (source)) == UROK_EPUB_LAYOUT_PRE_PAGINATED;
}

static const char *
source_get_page_progression (UrokBookSource *source)
{
  switch (urok_epub_get_page_progression_direction (UROK_EPUB (source)))
    {
    case UROK_EPUB_DIRECTION_LTR:
      return "ltr";
    case UROK_EPUB_DIRECTION_RTL:
      return "rtl";
    case UROK_EPUB_DIRECTION_DEFAULT:
    default:
      return "default";
    }
}

static const char *
source_get_id (UrokBookSource *source)
{
  return UROK_EPUB (source)->source_id;
}

void
_urok_epub_book_source_init (UrokBookSourceInterface *iface)
{
  iface->read = source_read;
  iface->get_media_type = source_get_media_type;
  iface->get_n_spine = source_get_n_spine;
  iface->get_spine_path = source_get_spine_path;
  iface->is_fixed_layout = source_is_fixed_layout;
  iface->get_page_progression = source_get_page_progression;
  iface->get_id = source_get_id;
}
