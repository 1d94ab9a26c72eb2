/* urok-epub-package.c: META-INF/container.xml and the package document:
 * metadata, manifest, spine and rendition properties.
 *
 * What a reading system forgives (an item with no file, a spine entry
 * naming nothing) becomes a warning and is left out; only a book with
 * nothing to read fails to open.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "urok-epub-private.h"

static char *
package_path (UrokEpub  *self,
              GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(xmlDoc) doc = _urok_epub_read_xml (self, "META-INF/container.xml", &local_error);
  xmlNode *root;
  xmlNode *rootfiles;

  if (doc == NULL)
    {
      if (g_error_matches (local_error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_FOUND))
        g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                     _("The book has no META-INF/container.xml"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  rootfiles = _urok_epub_is_element (root, UROK_NS_CONTAINER, "container")
                ? _urok_epub_find_child (root, UROK_NS_CONTAINER, "rootfiles") : NULL;

  for (xmlNode *child = rootfiles != NULL ? rootfiles->children : NULL; child != NULL; child = child->next)
    {
      g_autofree char *media_type = NULL;
      g_autofree char *full_path = NULL;
      char *path;

      if (!_urok_epub_is_element (child, UROK_NS_CONTAINER, "rootfile"))
        continue;
      media_type = _urok_epub_node_attr (child, "media-type");
      full_path = _urok_epub_node_attr (child, "full-path");
      if (full_path == NULL || (media_type != NULL && !g_str_equal (media_type, "application/oebps-package+xml")))
        continue;
      path = _urok_epub_normalise_path (full_path);
      if (path == NULL || !g_hash_table_contains (self->entries, path))
        {
          g_autofree char *shown = g_utf8_make_valid (full_path, MIN (strlen (full_path), 80));

          g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                       _("The book’s package document “%s” is missing"), shown);
          g_free (path);
          return NULL;
        }
      return path;
    }

  g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
               _("The book names no package document in META-INF/container.xml"));
  return NULL;
}

static void
append_string (GPtrArray *strv,
               char      *text)
{
  g_ptr_array_insert (strv, (int)strv->len - 1, text);
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
set_rendition (UrokEpub   *self,
               const char *property,
               const char *value)
{
  if (g_str_equal (property, "rendition:layout"))
    self->layout = g_str_equal (value, "pre-paginated") ? UROK_EPUB_LAYOUT_PRE_PAGINATED : UROK_EPUB_LAYOUT_REFLOWABLE;
  else if (g_str_equal (property, "rendition:spread"))
    replace_string (&self->spread, value);
  else if (g_str_equal (property, "rendition:orientation"))
    replace_string (&self->orientation, value);
  else if (g_str_equal (property, "rendition:flow"))
    replace_string (&self->flow, value);
}

static char *
read_metadata (UrokEpub *self,
               xmlNode  *package,
               xmlNode  *metadata)
{
  g_autofree char *unique_id = _urok_epub_node_attr (package, "unique-identifier");
  g_autofree char *first_identifier = NULL;
  char *cover_id = NULL;

  for (xmlNode *node = metadata != NULL ? metadata->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *text = NULL;

      if (node->type != XML_ELEMENT_NODE || node->ns == NULL)
        continue;
      text = _urok_epub_node_text (node);

      if (_urok_epub_is_element (node, UROK_NS_OPF, "meta"))
        {
          g_autofree char *property = _urok_epub_node_attr (node, "property");
          g_autofree char *name = _urok_epub_node_attr (node, "name");

          if (property != NULL && g_str_equal (property, "dcterms:modified") && self->modified == NULL && *text)
            self->modified = g_steal_pointer (&text);
          else if (property != NULL && g_str_has_prefix (property, "rendition:") && *text)
            set_rendition (self, property, text);
          else if (name != NULL && g_str_equal (name, "cover") && cover_id == NULL)
            cover_id = _urok_epub_node_attr (node, "content");
          continue;
        }
      if (*text == '\0' || g_strcmp0 ((const char *)node->ns->href, UROK_NS_DC) != 0)
        continue;

      if (_urok_epub_is_element (node, UROK_NS_DC, "identifier"))
        {
          g_autofree char *id = _urok_epub_node_attr (node, "id");

          if (first_identifier == NULL)
            first_identifier = g_strdup (text);
          if (self->identifier == NULL && unique_id != NULL && g_strcmp0 (id, unique_id) == 0)
            self->identifier = g_strdup (text);
        }
      else if (_urok_epub_is_element (node, UROK_NS_DC, "title"))
        append_string (self->titles, g_steal_pointer (&text));
      else if (_urok_epub_is_element (node, UROK_NS_DC, "creator"))
        append_string (self->creators, g_steal_pointer (&text));
      else if (_urok_epub_is_element (node, UROK_NS_DC, "language"))
        append_string (self->languages, g_steal_pointer (&text));
      else if (_urok_epub_is_element (node, UROK_NS_DC, "subject"))
        append_string (self->subjects, g_steal_pointer (&text));
    }

  if (self->identifier == NULL)
    self->identifier = g_steal_pointer (&first_identifier);
  if (self->identifier == NULL)
    _urok_epub_warn (self, _("The book has no identifier (dc:identifier)"));
  if (self->titles->len == 1)
    _urok_epub_warn (self, _("The book has no title (dc:title)"));
  return cover_id;
}

static char *
resolve_item_href (const char *package_dir,
                   const char *href)
{
  g_autofree char *decoded = NULL;
  g_autofree char *joined = NULL;
  const char *end = strpbrk (href, "?#");
  g_autofree char *path_part = g_strndup (href, end != NULL ? (gsize)(end - href) : strlen (href));

  if ((decoded = g_uri_unescape_string (path_part, NULL)) == NULL || strchr (decoded, '\\') != NULL)
    return NULL;
  joined = decoded[0] == '/' || package_dir == NULL ? g_strdup (decoded)
                                                     : g_strconcat (package_dir, "/", decoded, NULL);
  return _urok_epub_normalise_path (joined);
}

static void
read_manifest (UrokEpub   *self,
               xmlNode    *manifest,
               const char *cover_id)
{
  g_autofree char *package_dir = g_path_get_dirname (self->package_path);

  if (g_str_equal (package_dir, "."))
    g_clear_pointer (&package_dir, g_free);

  for (xmlNode *node = manifest != NULL ? manifest->children : NULL; node != NULL; node = node->next)
    {
      g_autoptr(UrokEpubManifestItem) item = NULL;
      g_autofree char *properties = NULL;

      if (!_urok_epub_is_element (node, UROK_NS_OPF, "item"))
        continue;
      item = _urok_epub_manifest_item_new ();
      item->id = _urok_epub_node_attr (node, "id");
      item->href = _urok_epub_node_attr (node, "href");
      item->media_type = _urok_epub_node_attr (node, "media-type");
      item->fallback = _urok_epub_node_attr (node, "fallback");
      item->media_overlay = _urok_epub_node_attr (node, "media-overlay");
      properties = _urok_epub_node_attr (node, "properties");
      item->properties = g_strsplit_set (properties != NULL ? g_strstrip (properties) : "", " \t\n\r", -1);
      {
        /* g_strsplit_set leaves empty strings between runs of spaces. */
        guint kept = 0;

        for (guint i = 0; item->properties[i] != NULL; i++)
          if (*item->properties[i] != '\0')
            item->properties[kept++] = item->properties[i];
          else
            g_free (item->properties[i]);
        item->properties[kept] = NULL;
      }

      if (item->id == NULL || item->href == NULL || g_hash_table_contains (self->manifest_by_id, item->id))
        {
          _urok_epub_warn (self, _("The book’s manifest has an item with no id, no href or a repeated id"));
          continue;
        }
      if (g_uri_peek_scheme (item->href) == NULL)
        {
          item->path = resolve_item_href (package_dir, item->href);
          if (item->path == NULL)
            {
              g_autofree char *shown = g_utf8_make_valid (item->href, MIN (strlen (item->href), 80));

              _urok_epub_warn (self, _("The book’s manifest item “%s” leads out of the book"), shown);
              continue;
            }
          if (!g_hash_table_contains (self->entries, item->path))
            _urok_epub_warn (self, _("The book’s file “%s” is missing"), item->path);
          else if (!g_hash_table_contains (self->manifest_by_path, item->path))
            g_hash_table_insert (self->manifest_by_path, item->path, item);
        }

      if (self->cover_path == NULL && item->path != NULL &&
          (urok_epub_manifest_item_has_property (item, "cover-image") || g_strcmp0 (item->id, cover_id) == 0))
        self->cover_path = g_strdup (item->path);
      if (self->nav_path == NULL && item->path != NULL && urok_epub_manifest_item_has_property (item, "nav") &&
          g_hash_table_contains (self->entries, item->path))
        self->nav_path = g_strdup (item->path);

      g_hash_table_insert (self->manifest_by_id, item->id, item);
      g_ptr_array_add (self->manifest, g_steal_pointer (&item));
    }
}

static UrokEpubPageSpread
page_spread (char **properties)
{
  for (guint i = 0; properties[i] != NULL; i++)
    {
      const char *p = properties[i];

      if (g_str_has_prefix (p, "rendition:"))
        p += strlen ("rendition:");
      if (g_str_equal (p, "page-spread-left"))
        return UROK_EPUB_PAGE_SPREAD_LEFT;
      if (g_str_equal (p, "page-spread-right"))
        return UROK_EPUB_PAGE_SPREAD_RIGHT;
      if (g_str_equal (p, "page-spread-center"))
        return UROK_EPUB_PAGE_SPREAD_CENTER;
    }
  return UROK_EPUB_PAGE_SPREAD_NONE;
}

static gboolean
item_readable (UrokEpub             *self,
               UrokEpubManifestItem *item)
{
  return item->path != NULL && g_hash_table_contains (self->entries, item->path);
}

static void
read_spine (UrokEpub *self,
            xmlNode  *spine)
{
  g_autofree char *direction = spine != NULL ? _urok_epub_node_attr (spine, "page-progression-direction") : NULL;

  self->toc_id = spine != NULL ? _urok_epub_node_attr (spine, "toc") : NULL;
  self->direction = g_strcmp0 (direction, "rtl") == 0   ? UROK_EPUB_DIRECTION_RTL
                    : g_strcmp0 (direction, "ltr") == 0 ? UROK_EPUB_DIRECTION_LTR
                                                        : UROK_EPUB_DIRECTION_DEFAULT;

  for (xmlNode *node = spine != NULL ? spine->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *idref = NULL;
      g_autofree char *linear = NULL;
      g_autofree char *properties = NULL;
      UrokEpubManifestItem *item;
      UrokEpubSpineItem *spine_item;

      if (!_urok_epub_is_element (node, UROK_NS_OPF, "itemref"))
        continue;
      idref = _urok_epub_node_attr (node, "idref");
      item = idref != NULL ? g_hash_table_lookup (self->manifest_by_id, idref) : NULL;
      /* A missing file may have a fallback the book does contain. */
      for (guint hops = 0; item != NULL && !item_readable (self, item) && item->fallback != NULL && hops < 8; hops++)
        item = g_hash_table_lookup (self->manifest_by_id, item->fallback);
      if (item == NULL || !item_readable (self, item))
        {
          g_autofree char *shown = g_utf8_make_valid (idref != NULL ? idref : "", MIN (strlen (idref != NULL ? idref : ""), 80));

          _urok_epub_warn (self, _("The book’s reading order names “%s”, which it does not contain"), shown);
          continue;
        }
      linear = _urok_epub_node_attr (node, "linear");
      properties = _urok_epub_node_attr (node, "properties");

      spine_item = g_new0 (UrokEpubSpineItem, 1);
      g_atomic_ref_count_init (&spine_item->ref_count);
      spine_item->idref = g_steal_pointer (&idref);
      spine_item->item = urok_epub_manifest_item_ref (item);
      spine_item->linear = g_strcmp0 (linear, "no") != 0;
      spine_item->properties = g_strsplit_set (properties != NULL ? g_strstrip (properties) : "", " \t\n\r", -1);
      spine_item->page_spread = page_spread (spine_item->properties);
      g_ptr_array_add (self->spine, spine_item);
    }
}

gboolean
_urok_epub_read_package (UrokEpub  *self,
                         GError   **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *cover_id = NULL;
  xmlNode *root;

  if ((self->package_path = package_path (self, error)) == NULL)
    return FALSE;
  if ((doc = _urok_epub_read_xml (self, self->package_path, error)) == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (!_urok_epub_is_element (root, UROK_NS_OPF, "package"))
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                   _("The book’s package document “%s” is not an OPF package"), self->package_path);
      return FALSE;
    }
  self->version = _urok_epub_node_attr (root, "version");
  cover_id = read_metadata (self, root, _urok_epub_find_child (root, UROK_NS_OPF, "metadata"));
  read_manifest (self, _urok_epub_find_child (root, UROK_NS_OPF, "manifest"), cover_id);
  read_spine (self, _urok_epub_find_child (root, UROK_NS_OPF, "spine"));

  if (self->spine->len == 0)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                   _("The book’s reading order (spine) names no document it contains"));
      return FALSE;
    }
  return TRUE;
}
