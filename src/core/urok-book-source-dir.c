/* urok-book-source-dir.c: a book read from an unpacked EPUB folder.
 *
 * For the demo textbook's sources and for tests: the folder holds what the
 * EPUB's zip would (mimetype, META-INF/container.xml, the package).  Only
 * files under the folder are ever read: paths with "..", absolute paths
 * and symbolic links leading out are refused.  XML is parsed with no
 * network and no entity expansion.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>

#include "urok-book-source-dir.h"

#define NS_CONTAINER "urn:oasis:names:tc:opendocument:xmlns:container"
#define NS_OPF "http://www.idpf.org/2007/opf"
#define MAX_PART (64 * 1024 * 1024)

struct _UrokBookSourceDir
{
  GObject     parent_instance;

  char       *root;   /* canonical, no trailing '/' */
  char       *id;
  GHashTable *media_types;   /* path → media type */
  GPtrArray  *spine;         /* paths */
  gboolean    fixed_layout;
  char       *progression;
};

static void book_source_iface_init (UrokBookSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UrokBookSourceDir, urok_book_source_dir, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (UROK_TYPE_BOOK_SOURCE, book_source_iface_init))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static gboolean
is_safe_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || *path == '\0' || path[0] == '/' || strchr (path, '\\') != NULL)
    return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0 || strcmp (parts[i], ".") == 0 || parts[i][0] == '\0')
      return FALSE;
  return TRUE;
}

static GBytes *
source_dir_read (UrokBookSource  *source,
                 const char      *path,
                 GError         **error)
{
  UrokBookSourceDir *self = UROK_BOOK_SOURCE_DIR (source);
  g_autofree char *file = NULL;
  g_autofree char *real = NULL;
  g_autofree char *prefix = NULL;
  char *data = NULL;
  gsize size = 0;

  if (!is_safe_path (path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is not a path inside the book"), path);
      return NULL;
    }
  file = g_build_filename (self->root, path, NULL);
  /* Links are resolved so that none leads out of the folder. */
  {
    char *resolved = realpath (file, NULL);

    real = g_strdup (resolved != NULL ? resolved : "");
    free (resolved);
  }
  prefix = g_strconcat (self->root, "/", NULL);
  if (!g_str_has_prefix (real, prefix) || !g_file_test (real, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The book has no file “%s”"), path);
      return NULL;
    }
  if (!g_file_get_contents (real, &data, &size, error))
    return NULL;
  return g_bytes_new_take (data, size);
}

static const char *
source_dir_get_media_type (UrokBookSource *source,
                           const char     *path)
{
  UrokBookSourceDir *self = UROK_BOOK_SOURCE_DIR (source);
  const char *type = g_hash_table_lookup (self->media_types, path);

  if (type != NULL)
    return type;
  /* Files the package does not list (container.xml, the mimetype). */
  if (g_str_has_suffix (path, ".xml") || g_str_has_suffix (path, ".opf"))
    return "application/xml";
  return "application/octet-stream";
}

static guint
source_dir_get_n_spine (UrokBookSource *source)
{
  return UROK_BOOK_SOURCE_DIR (source)->spine->len;
}

static const char *
source_dir_get_spine_path (UrokBookSource *source,
                           guint           index)
{
  return g_ptr_array_index (UROK_BOOK_SOURCE_DIR (source)->spine, index);
}

static gboolean
source_dir_is_fixed_layout (UrokBookSource *source)
{
  return UROK_BOOK_SOURCE_DIR (source)->fixed_layout;
}

static const char *
source_dir_get_page_progression (UrokBookSource *source)
{
  return UROK_BOOK_SOURCE_DIR (source)->progression;
}

static const char *
source_dir_get_id (UrokBookSource *source)
{
  return UROK_BOOK_SOURCE_DIR (source)->id;
}

static void
book_source_iface_init (UrokBookSourceInterface *iface)
{
  iface->read = source_dir_read;
  iface->get_media_type = source_dir_get_media_type;
  iface->get_n_spine = source_dir_get_n_spine;
  iface->get_spine_path = source_dir_get_spine_path;
  iface->is_fixed_layout = source_dir_is_fixed_layout;
  iface->get_page_progression = source_dir_get_page_progression;
  iface->get_id = source_dir_get_id;
}

static void
urok_book_source_dir_finalize (GObject *object)
{
  UrokBookSourceDir *self = UROK_BOOK_SOURCE_DIR (object);

  g_clear_pointer (&self->root, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->media_types, g_hash_table_unref);
  g_clear_pointer (&self->spine, g_ptr_array_unref);
  g_clear_pointer (&self->progression, g_free);

  G_OBJECT_CLASS (urok_book_source_dir_parent_class)->finalize (object);
}

static void
urok_book_source_dir_class_init (UrokBookSourceDirClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = urok_book_source_dir_finalize;
}

static void
urok_book_source_dir_init (UrokBookSourceDir *self)
{
  self->media_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->spine = g_ptr_array_new_with_free_func (g_free);
  self->progression = g_strdup ("default");
}

static xmlDoc *
read_xml (UrokBookSourceDir  *self,
          const char         *path,
          GError            **error)
{
  g_autoptr(GBytes) bytes = source_dir_read (UROK_BOOK_SOURCE (self), path, error);
  xmlDoc *doc;

  if (bytes == NULL)
    return NULL;
  if (g_bytes_get_size (bytes) > MAX_PART)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is too large"), path);
      return NULL;
    }
  /* No XML_PARSE_NOENT / DTDLOAD: entities stay unexpanded, nothing is fetched. */
  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int)g_bytes_get_size (bytes), path, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not well-formed XML"), path);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  return doc;
}

static gboolean
is_element (xmlNode    *node,
            const char *ns,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         strcmp ((const char *)node->ns->href, ns) == 0 && strcmp ((const char *)node->name, name) == 0;
}

static xmlNode *
find_child (xmlNode    *parent,
            const char *ns,
            const char *name)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (is_element (child, ns, name))
      return child;
  return NULL;
}

static char *
get_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy = value != NULL ? g_strdup ((const char *)value) : NULL;

  xmlFree (value);
  return copy;
}

/* @href relative to the package document's folder, as a book path. */
static char *
resolve_href (const char *opf_dir,
              const char *href)
{
  g_autofree char *unescaped = g_uri_unescape_string (href, NULL);
  g_autofree char *joined = NULL;
  g_autofree char *canonical = NULL;

  if (unescaped == NULL)
    return NULL;
  joined = *opf_dir != '\0' ? g_strconcat ("/", opf_dir, "/", unescaped, NULL) : g_strconcat ("/", unescaped, NULL);
  /* Canonicalised against "/" so ".." cannot climb above the root. */
  canonical = g_canonicalize_filename (joined, "/");
  return g_strdup (canonical + 1);
}

static gboolean
load_package (UrokBookSourceDir  *self,
              GError            **error)
{
  g_autoptr(xmlDoc) container = read_xml (self, "META-INF/container.xml", error);
  g_autoptr(xmlDoc) package = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *opf_path = NULL;
  g_autofree char *opf_dir = NULL;
  xmlNode *rootfiles, *rootfile = NULL, *root, *manifest, *spine, *metadata;

  if (container == NULL)
    return FALSE;
  rootfiles = find_child (xmlDocGetRootElement (container), NS_CONTAINER, "rootfiles");
  if (rootfiles != NULL)
    rootfile = find_child (rootfiles, NS_CONTAINER, "rootfile");
  if (rootfile != NULL)
    opf_path = get_prop (rootfile, "full-path");
  if (opf_path == NULL || !is_safe_path (opf_path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("META-INF/container.xml names no package document"));
      return FALSE;
    }
  package = read_xml (self, opf_path, error);
  if (package == NULL)
    return FALSE;
  opf_dir = g_path_get_dirname (opf_path);
  if (strcmp (opf_dir, ".") == 0)
    {
      g_free (opf_dir);
      opf_dir = g_strdup ("");
    }

  root = xmlDocGetRootElement (package);
  manifest = find_child (root, NS_OPF, "manifest");
  spine = find_child (root, NS_OPF, "spine");
  if (!is_element (root, NS_OPF, "package") || manifest == NULL || spine == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not an EPUB package document"), opf_path);
      return FALSE;
    }
  g_hash_table_insert (self->media_types, g_strdup (opf_path), g_strdup ("application/oebps-package+xml"));

  for (xmlNode *item = manifest->children; item != NULL; item = item->next)
    {
      g_autofree char *id = NULL, *href = NULL, *type = NULL;
      char *path;

      if (!is_element (item, NS_OPF, "item"))
        continue;
      id = get_prop (item, "id");
      href = get_prop (item, "href");
      type = get_prop (item, "media-type");
      if (id == NULL || href == NULL || type == NULL || strstr (href, "://") != NULL)
        continue;
      path = resolve_href (opf_dir, href);
      if (path == NULL || !is_safe_path (path))
        {
          g_free (path);
          continue;
        }
      g_hash_table_insert (self->media_types, g_strdup (path), g_strdup (type));
      g_hash_table_insert (ids, g_steal_pointer (&id), path);
    }

  for (xmlNode *itemref = spine->children; itemref != NULL; itemref = itemref->next)
    {
      g_autofree char *idref = NULL;
      const char *path;

      if (!is_element (itemref, NS_OPF, "itemref"))
        continue;
      idref = get_prop (itemref, "idref");
      path = idref != NULL ? g_hash_table_lookup (ids, idref) : NULL;
      if (path != NULL)
        g_ptr_array_add (self->spine, g_strdup (path));
    }
  if (self->spine->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The book’s spine lists no documents"));
      return FALSE;
    }

  {
    g_autofree char *direction = get_prop (spine, "page-progression-direction");

    if (g_strcmp0 (direction, "rtl") == 0 || g_strcmp0 (direction, "ltr") == 0)
      {
        g_free (self->progression);
        self->progression = g_strdup (direction);
      }
  }

  metadata = find_child (root, NS_OPF, "metadata");
  for (xmlNode *meta = metadata != NULL ? metadata->children : NULL; meta != NULL; meta = meta->next)
    {
      g_autofree char *property = NULL;
      xmlChar *value;

      if (!is_element (meta, NS_OPF, "meta"))
        continue;
      property = get_prop (meta, "property");
      if (g_strcmp0 (property, "rendition:layout") != 0)
        continue;
      value = xmlNodeGetContent (meta);
      self->fixed_layout = value != NULL && strcmp (g_strstrip ((char *)value), "pre-paginated") == 0;
      xmlFree (value);
    }
  return TRUE;
}

/* Reads the package of the unpacked EPUB in @path.  The id is derived from
 * the folder's absolute path, so it is the same on every run. */
UrokBookSourceDir *
urok_book_source_dir_new (const char  *path,
                          GError     **error)
{
  g_autoptr(UrokBookSourceDir) self = NULL;
  g_autofree char *real = NULL;
  g_autofree char *checksum = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  real = g_canonicalize_filename (path, NULL);
  if (!g_file_test (real, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, _("“%s” is not a folder"), path);
      return NULL;
    }
  self = g_object_new (UROK_TYPE_BOOK_SOURCE_DIR, NULL);
  /* g_canonicalize_filename does not resolve links; realpath does. */
  {
    char *resolved = realpath (real, NULL);

    self->root = g_strdup (resolved != NULL ? resolved : real);
    free (resolved);
  }
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->root, -1);
  self->id = g_strdup_printf ("dir-%.24s", checksum);
  if (!load_package (self, error))
    return NULL;
  return g_steal_pointer (&self);
}
