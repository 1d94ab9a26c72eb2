/* urok-epub.c: an open EPUB book, the model the reader reads through.
 *
 * Opening indexes the container, reads the package document and the
 * navigation, and then nothing changes: every getter is safe from any
 * thread, and chapters are inflated only when urok_epub_read_entry() asks.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "urok-epub-private.h"

G_DEFINE_QUARK (urok-epub-error-quark, urok_epub_error)

G_DEFINE_FINAL_TYPE_WITH_CODE (UrokEpub, urok_epub, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (UROK_TYPE_BOOK_SOURCE, _urok_epub_book_source_init))

G_DEFINE_BOXED_TYPE (UrokEpubManifestItem, urok_epub_manifest_item,
                     urok_epub_manifest_item_ref, urok_epub_manifest_item_unref)
G_DEFINE_BOXED_TYPE (UrokEpubSpineItem, urok_epub_spine_item,
                     urok_epub_spine_item_ref, urok_epub_spine_item_unref)
G_DEFINE_BOXED_TYPE (UrokEpubNavPoint, urok_epub_nav_point,
                     urok_epub_nav_point_ref, urok_epub_nav_point_unref)

UrokEpubManifestItem *
_urok_epub_manifest_item_new (void)
{
  UrokEpubManifestItem *item = g_new0 (UrokEpubManifestItem, 1);

  g_atomic_ref_count_init (&item->ref_count);
  return item;
}

UrokEpubManifestItem *
urok_epub_manifest_item_ref (UrokEpubManifestItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  g_atomic_ref_count_inc (&item->ref_count);
  return item;
}

void
urok_epub_manifest_item_unref (UrokEpubManifestItem *item)
{
  g_return_if_fail (item != NULL);
  if (!g_atomic_ref_count_dec (&item->ref_count))
    return;
  g_free (item->id);
  g_free (item->href);
  g_free (item->path);
  g_free (item->media_type);
  g_strfreev (item->properties);
  g_free (item->fallback);
  g_free (item->media_overlay);
  g_free (item);
}

gboolean
urok_epub_manifest_item_has_property (UrokEpubManifestItem *item,
                                      const char           *property)
{
  g_return_val_if_fail (item != NULL, FALSE);
  return g_strv_contains ((const char * const *)item->properties, property);
}

UrokEpubSpineItem *
urok_epub_spine_item_ref (UrokEpubSpineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  g_atomic_ref_count_inc (&item->ref_count);
  return item;
}

void
urok_epub_spine_item_unref (UrokEpubSpineItem *item)
{
  g_return_if_fail (item != NULL);
  if (!g_atomic_ref_count_dec (&item->ref_count))
    return;
  g_free (item->idref);
  g_clear_pointer (&item->item, urok_epub_manifest_item_unref);
  g_strfreev (item->properties);
  g_free (item);
}

UrokEpubNavPoint *
urok_epub_nav_point_ref (UrokEpubNavPoint *point)
{
  g_return_val_if_fail (point != NULL, NULL);
  g_atomic_ref_count_inc (&point->ref_count);
  return point;
}

void
urok_epub_nav_point_unref (UrokEpubNavPoint *point)
{
  g_return_if_fail (point != NULL);
  if (!g_atomic_ref_count_dec (&point->ref_count))
    return;
  g_free (point->label);
  g_free (point->path);
  g_free (point->fragment);
  g_free (point->type);
  g_ptr_array_unref (point->children);
  g_free (point);
}

static void
urok_epub_finalize (GObject *object)
{
  UrokEpub *self = UROK_EPUB (object);

  g_clear_pointer (&self->cursors, g_ptr_array_unref);
  g_mutex_clear (&self->cursor_lock);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->package_path, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->identifier, g_free);
  g_clear_pointer (&self->titles, g_ptr_array_unref);
  g_clear_pointer (&self->creators, g_ptr_array_unref);
  g_clear_pointer (&self->languages, g_ptr_array_unref);
  g_clear_pointer (&self->subjects, g_ptr_array_unref);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->cover_path, g_free);
  g_clear_pointer (&self->manifest_by_id, g_hash_table_unref);
  g_clear_pointer (&self->manifest_by_path, g_hash_table_unref);
  g_clear_pointer (&self->manifest, g_ptr_array_unref);
  g_clear_pointer (&self->spine, g_ptr_array_unref);
  g_clear_pointer (&self->toc_id, g_free);
  g_clear_pointer (&self->spread, g_free);
  g_clear_pointer (&self->orientation, g_free);
  g_clear_pointer (&self->flow, g_free);
  g_clear_pointer (&self->nav_path, g_free);
  g_clear_pointer (&self->toc, g_ptr_array_unref);
  g_clear_pointer (&self->page_list, g_ptr_array_unref);
  g_clear_pointer (&self->landmarks, g_ptr_array_unref);
  g_clear_pointer (&self->source_id, g_free);

  G_OBJECT_CLASS (urok_epub_parent_class)->finalize (object);
}

static void
urok_epub_class_init (UrokEpubClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = urok_epub_finalize;
}

static GPtrArray *
strv_array (void)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (array, NULL);
  return array;
}

static void
urok_epub_init (UrokEpub *self)
{
  /* The string lists keep a NULL last, so they read as const strv. */
  g_mutex_init (&self->cursor_lock);
  self->cursors = g_ptr_array_new_with_free_func (_urok_epub_cursor_free);
  self->warnings = strv_array ();
  self->titles = strv_array ();
  self->creators = strv_array ();
  self->languages = strv_array ();
  self->subjects = strv_array ();
  self->manifest = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_epub_manifest_item_unref);
  self->manifest_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->manifest_by_path = g_hash_table_new (g_str_hash, g_str_equal);
  self->spine = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_epub_spine_item_unref);
  self->toc = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_epub_nav_point_unref);
  self->page_list = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_epub_nav_point_unref);
  self->landmarks = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_epub_nav_point_unref);
  self->spread = g_strdup ("auto");
  self->orientation = g_strdup ("auto");
  self->flow = g_strdup ("auto");
}

void
_urok_epub_warn (UrokEpub   *self,
                 const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_insert (self->warnings, (int)self->warnings->len - 1, g_strdup_vprintf (format, args));
  va_end (args);
}

static UrokEpub *
open_book (UrokEpub  *self_,
           GError   **error)
{
  g_autoptr(UrokEpub) self = self_;

  if (!_urok_epub_index_container (self, error) || !_urok_epub_read_package (self, error))
    return NULL;
  _urok_epub_read_navigation (self);
  _urok_epub_set_source_id (self);
  return g_steal_pointer (&self);
}

/**
 * urok_epub_open:
 * @path: an EPUB file that does not change while the book is open
 *
 * Returns: (transfer full): the open book, or %NULL with @error set in
 *   %UROK_EPUB_ERROR naming the cause.
 */
UrokEpub *
urok_epub_open (const char  *path,
                GError     **error)
{
  UrokEpub *self;
  GStatBuf st = { 0 };

  g_return_val_if_fail (path != NULL, NULL);

  errno = 0;
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      int code = errno != 0 ? errno : EISDIR; /* a folder, a device... */

      /* No path: callers name the file the user chose, not our copy. */
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_EPUB,
                   _("The book cannot be opened: %s"), g_strerror (code));
      return NULL;
    }
  self = g_object_new (UROK_TYPE_EPUB, NULL);
  self->file = g_strdup (path);
  self->file_size = st.st_size;
  return open_book (self, error);
}

UrokEpub *
urok_epub_open_bytes (GBytes  *bytes,
                      GError **error)
{
  UrokEpub *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (UROK_TYPE_EPUB, NULL);
  self->data = g_bytes_ref (bytes);
  self->file_size = (gint64)g_bytes_get_size (bytes);
  return open_book (self, error);
}

const char * const *
urok_epub_get_warnings (UrokEpub *self)
{
  g_return_val_if_fail (UROK_IS_EPUB (self), NULL);
  return (const char * const *)self->warnings->pdata;
}

gboolean
urok_epub_has_entry (UrokEpub   *self,
                     const char *path)
{
  g_return_val_if_fail (UROK_IS_EPUB (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return g_hash_table_contains (self->entries, path);
}

/* The size the container declares, or -1 for no such entry (or none declared). */
gint64
urok_epub_get_entry_size (UrokEpub   *self,
                          const char *path)
{
  UrokEpubEntry *entry;

  g_return_val_if_fail (UROK_IS_EPUB (self), -1);
  g_return_val_if_fail (path != NULL, -1);
  entry = g_hash_table_lookup (self->entries, path);
  return entry != NULL ? entry->size : -1;
}

/**
 * urok_epub_list_entries:
 *
 * Returns: (transfer container): the paths of every file in the book, in
 *   the container's order; the strings belong to @self.
 */
static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const UrokEpubEntry *x = *(UrokEpubEntry * const *)a;
  const UrokEpubEntry *y = *(UrokEpubEntry * const *)b;

  return x->position < y->position ? -1 : x->position > y->position;
}

GPtrArray *
urok_epub_list_entries (UrokEpub *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  GHashTableIter iter;
  gpointer entry;
  GPtrArray *paths;

  g_return_val_if_fail (UROK_IS_EPUB (self), NULL);
  entries = g_ptr_array_new_full (g_hash_table_size (self->entries), NULL);
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &entry))
    g_ptr_array_add (entries, entry);
  g_ptr_array_sort (entries, compare_positions);
  paths = g_ptr_array_new_full (entries->len, NULL);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (paths, ((UrokEpubEntry *)g_ptr_array_index (entries, i))->path);
  return paths;
}

/**
 * urok_epub_read_entry:
 * @path: an entry path, as urok_epub_resolve_href() and the manifest give them
 *
 * Inflates one file of the book.  Thread-safe.
 *
 * Returns: (transfer full): its bytes, or %NULL with %UROK_EPUB_ERROR_NOT_FOUND
 *   for a path not in the book, %UROK_EPUB_ERROR_TOO_LARGE past the caps.
 */
GBytes *
urok_epub_read_entry (UrokEpub    *self,
                      const char  *path,
                      GError     **error)
{
  g_return_val_if_fail (UROK_IS_EPUB (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  return _urok_epub_read_entry_capped (self, path, UROK_EPUB_MAX_ENTRY_SIZE, error);
}

/**
 * urok_epub_get_media_type:
 *
 * Returns: the media type the manifest gives @path, else one guessed from
 *   its name; %NULL for a path not in the book.
 */
const char *
urok_epub_get_media_type (UrokEpub   *self,
                          const char *path)
{
  static const struct { const char *suffix, *type; } guesses[] = {
    { ".xhtml", "application/xhtml+xml" }, { ".html", "text/html" }, { ".htm", "text/html" },
    { ".css", "text/css" }, { ".js", "text/javascript" }, { ".svg", "image/svg+xml" },
    { ".png", "image/png" }, { ".jpg", "image/jpeg" }, { ".jpeg", "image/jpeg" }, { ".gif", "image/gif" },
    { ".webp", "image/webp" }, { ".woff", "font/woff" }, { ".woff2", "font/woff2" }, { ".ttf", "font/ttf" },
    { ".otf", "font/otf" }, { ".mp3", "audio/mpeg" }, { ".m4a", "audio/mp4" }, { ".mp4", "video/mp4" },
    { ".webm", "video/webm" }, { ".smil", "application/smil+xml" }, { ".ncx", "application/x-dtbncx+xml" },
    { ".opf", "application/oebps-package+xml" }, { ".xml", "application/xml" }, { ".txt", "text/plain" },
  };
  UrokEpubManifestItem *item;

  g_return_val_if_fail (UROK_IS_EPUB (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (!g_hash_table_contains (self->entries, path))
    return NULL;
  item = g_hash_table_lookup (self->manifest_by_path, path);
  if (item != NULL && item->media_type != NULL)
    return item->media_type;
  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    if (g_str_has_suffix (path, guesses[i].suffix))
      return guesses[i].type;
  return "application/octet-stream";
}

/**
 * urok_epub_resolve_href:
 * @base_path: the entry the link is in
 * @href: the link, as written (relative, percent-encoded, maybe with a fragment)
 * @fragment: (out) (optional): the fragment, decoded, or %NULL
 *
 * Returns: (transfer full): the entry path @href names in this book, or
 *   %NULL if it leaves the book (a URL, a path out of the root, a file the
 *   book does not have).
 */
char *
urok_epub_resolve_href (UrokEpub    *self,
                        const char  *base_path,
                        const char  *href,
                        char       **fragment)
{
  g_autofree char *path_part = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *base_dir = NULL;
  g_autofree char *path = NULL;
  const char *hash;
  const char *end;

  g_return_val_if_fail (UROK_IS_EPUB (self), NULL);
  g_return_val_if_fail (base_path != NULL, NULL);
  g_return_val_if_fail (href != NULL, NULL);

  if (fragment != NULL)
    *fragment = NULL;
  if (g_uri_peek_scheme (href) != NULL)
    return NULL;

  hash = strchr (href, '#');
  end = strpbrk (href, "?#");
  path_part = g_strndup (href, end != NULL ? (gsize)(end - href) : strlen (href));
  if (*path_part == '\0')
    joined = g_strdup (base_path);
  else
    {
      if ((decoded = g_uri_unescape_string (path_part, NULL)) == NULL || strchr (decoded, '\\') != NULL)
        return NULL;
      base_dir = g_path_get_dirname (base_path);
      joined = decoded[0] == '/' || g_str_equal (base_dir, ".")
                 ? g_strdup (decoded)
                 : g_strconcat (base_dir, "/", decoded, NULL);
    }
  path = _urok_epub_normalise_path (joined);
  if (path == NULL || !g_hash_table_contains (self->entries, path))
    return NULL;
  if (fragment != NULL && hash != NULL && hash[1] != '\0')
    *fragment = g_uri_unescape_string (hash + 1, NULL);
  return g_steal_pointer (&path);
}

#define STRING_GETTER(name, field) \
  const char * \
  urok_epub_get_##name (UrokEpub *self) \
  { \
    g_return_val_if_fail (UROK_IS_EPUB (self), NULL); \
    return self->field; \
  }

#define STRV_GETTER(name, field) \
  const char * const * \
  urok_epub_get_##name (UrokEpub *self) \
  { \
    g_return_val_if_fail (UROK_IS_EPUB (self), NULL); \
    return (const char * const *)self->field->pdata; \
  }

#define ARRAY_GETTER(name, field) \
  GPtrArray * \
  urok_epub_get_##name (UrokEpub *self) \
  { \
    g_return_val_if_fail (UROK_IS_EPUB (self), NULL); \
    return self->field; \
  }

STRING_GETTER (package_path, package_path)
STRING_GETTER (version, version)
STRING_GETTER (identifier, identifier)
STRING_GETTER (modified, modified)
STRING_GETTER (cover_path, cover_path)
STRING_GETTER (spread, spread)
STRING_GETTER (orientation, orientation)
STRING_GETTER (flow, flow)
STRING_GETTER (nav_path, nav_path)
STRV_GETTER (titles, titles)
STRV_GETTER (creators, creators)
STRV_GETTER (languages, languages)
STRV_GETTER (subjects, subjects)
/* (transfer none) arrays: of UrokEpubManifestItem, UrokEpubSpineItem, UrokEpubNavPoint. */
ARRAY_GETTER (manifest, manifest)
ARRAY_GETTER (spine, spine)
ARRAY_GETTER (toc, toc)
ARRAY_GETTER (page_list, page_list)
ARRAY_GETTER (landmarks, landmarks)

const char *
urok_epub_get_title (UrokEpub *self)
{
  g_return_val_if_fail (UROK_IS_EPUB (self), NULL);
  return g_ptr_array_index (self->titles, 0);
}

UrokEpubManifestItem *
urok_epub_lookup_item (UrokEpub   *self,
                       const char *id)
{
  g_return_val_if_fail (UROK_IS_EPUB (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->manifest_by_id, id);
}

UrokEpubManifestItem *
urok_epub_lookup_item_by_path (UrokEpub   *self,
                               const char *path)
{
  g_return_val_if_fail (UROK_IS_EPUB (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  return g_hash_table_lookup (self->manifest_by_path, path);
}

UrokEpubDirection
urok_epub_get_page_progression_direction (UrokEpub *self)
{
  g_return_val_if_fail (UROK_IS_EPUB (self), UROK_EPUB_DIRECTION_DEFAULT);
  return self->direction;
}

UrokEpubLayout
urok_epub_get_layout (UrokEpub *self)
{
  g_return_val_if_fail (UROK_IS_EPUB (self), UROK_EPUB_LAYOUT_REFLOWABLE);
  return self->layout;
}
