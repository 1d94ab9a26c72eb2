/* urok-epub-info.c: what an EPUB says of itself, read without unpacking it.
 *
 * The container is read once, in order, keeping only META-INF/container.xml
 * and package documents in memory, each capped in size: a hostile file can
 * neither exhaust memory nor make us write anything to disk.  XML is parsed
 * with no network and no entity expansion (urok-epub-xml.c, shared with
 * UrokEpub).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "urok-epub-info.h"
#include "urok-epub-private.h"

#define MAX_XML_PART UROK_EPUB_MAX_XML
#define MAX_ENTRIES 100000

typedef struct archive UrokArchive;
static void
urok_archive_read_free (UrokArchive *a)
{
  archive_read_free (a);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokArchive, urok_archive_read_free)

static char *
rootfile_path (GBytes  *container,
               GError **error)
{
  g_autoptr(xmlDoc) doc = _urok_epub_parse_xml (container, "META-INF/container.xml", error);
  xmlNode *root;
  xmlNode *rootfiles;

  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  rootfiles = _urok_epub_is_element (root, UROK_NS_CONTAINER, "container") ? _urok_epub_find_child (root, UROK_NS_CONTAINER, "rootfiles") : NULL;

  for (xmlNode *child = rootfiles != NULL ? rootfiles->children : NULL; child != NULL; child = child->next)
    {
      g_autofree char *media_type = NULL;
      g_autofree char *full_path = NULL;

      if (!_urok_epub_is_element (child, UROK_NS_CONTAINER, "rootfile"))
        continue;
      media_type = _urok_epub_node_attr (child, "media-type");
      full_path = _urok_epub_node_attr (child, "full-path");
      if (full_path != NULL && *full_path != '\0' &&
          (media_type == NULL || g_str_equal (media_type, "application/oebps-package+xml")))
        return g_steal_pointer (&full_path);
    }

  g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
               _("The book names no package document in META-INF/container.xml"));
  return NULL;
}

static int
parse_grade_level (const char *text)
{
  gint64 value = 0;

  /* "6", "6 класс", "grade 6": the first number, if it is a grade. */
  while (*text != '\0' && !g_ascii_isdigit (*text))
    text++;
  value = g_ascii_strtoll (text, NULL, 10);
  return value >= 1 && value <= 11 ? (int)value : 0;
}

static UrokBookInfo *
info_from_package (GBytes      *package,
                   const char  *package_path,
                   GError     **error)
{
  g_autoptr(xmlDoc) doc = _urok_epub_parse_xml (package, package_path, error);
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *unique_id = NULL;
  g_autofree char *identifier = NULL;
  g_autofree char *first_identifier = NULL;
  g_autofree char *title = NULL;
  g_autofree char *language = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *joined_authors = NULL;
  int grade_level = 0;
  xmlNode *root;
  xmlNode *metadata;

  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (!_urok_epub_is_element (root, UROK_NS_OPF, "package") ||
      (metadata = _urok_epub_find_child (root, UROK_NS_OPF, "metadata")) == NULL)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                   _("The book’s package document “%s” has no metadata"), package_path);
      return NULL;
    }
  unique_id = _urok_epub_node_attr (root, "unique-identifier");

  for (xmlNode *node = metadata->children; node != NULL; node = node->next)
    {
      g_autofree char *text = NULL;

      if (node->type != XML_ELEMENT_NODE || node->ns == NULL)
        continue;
      text = _urok_epub_node_text (node);
      if (*text == '\0')
        continue;

      if (_urok_epub_is_element (node, UROK_NS_DC, "identifier"))
        {
          g_autofree char *id = _urok_epub_node_attr (node, "id");

          if (first_identifier == NULL)
            first_identifier = g_strdup (text);
          if (identifier == NULL && unique_id != NULL && g_strcmp0 (id, unique_id) == 0)
            identifier = g_strdup (text);
        }
      else if (_urok_epub_is_element (node, UROK_NS_DC, "title") && title == NULL)
        title = g_steal_pointer (&text);
      else if (_urok_epub_is_element (node, UROK_NS_DC, "creator"))
        g_ptr_array_add (authors, g_steal_pointer (&text));
      else if (_urok_epub_is_element (node, UROK_NS_DC, "language") && language == NULL)
        language = g_steal_pointer (&text);
      else if (_urok_epub_is_element (node, UROK_NS_DC, "subject") && subject == NULL)
        subject = g_steal_pointer (&text);
      else if (_urok_epub_is_element (node, UROK_NS_OPF, "meta") && grade_level == 0)
        {
          g_autofree char *property = _urok_epub_node_attr (node, "property");

          if (property != NULL && g_str_has_suffix (property, "educationalLevel"))
            grade_level = parse_grade_level (text);
        }
    }

  if (identifier == NULL)
    identifier = g_steal_pointer (&first_identifier);
  if (identifier == NULL)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                   _("The book has no identifier (dc:identifier)"));
      return NULL;
    }
  if (title == NULL)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                   _("The book has no title (dc:title)"));
      return NULL;
    }

  g_ptr_array_add (authors, NULL);
  joined_authors = g_strjoinv (", ", (char **)authors->pdata);

  return g_object_new (UROK_TYPE_BOOK_INFO,
                       "identifier", identifier,
                       "format", "epub",
                       "title", title,
                       "authors", joined_authors,
                       "language", language != NULL ? language : "",
                       "subject", subject != NULL ? subject : "",
                       "grade-level", grade_level,
                       NULL);
}

static GBytes *
read_entry (UrokArchive  *a,
            const char   *name,
            la_int64_t    declared_size,
            GError      **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  guint8 chunk[16384];
  la_ssize_t n;

  /* The declared size can lie; the cap is enforced on what is inflated. */
  if (declared_size > MAX_XML_PART)
    goto too_large;

  while ((n = archive_read_data (a, chunk, sizeof chunk)) > 0)
    {
      if (buffer->len + (gsize)n > MAX_XML_PART)
        goto too_large;
      g_byte_array_append (buffer, chunk, (guint)n);
    }
  if (n < 0)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                   _("The book is damaged: “%s” cannot be read (%s)"), name, archive_error_string (a));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

too_large:
  g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_TOO_LARGE,
               _("The book’s file “%s” is larger than any book needs"), name);
  return NULL;
}

static UrokBookInfo *
read_info (UrokArchive  *a,
           GError      **error)
{
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  g_autofree char *package_path = NULL;
  struct archive_entry *entry;
  GBytes *container;
  GBytes *package;
  guint n_entries = 0;
  int rc;

  while ((rc = archive_read_next_header (a, &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      GBytes *bytes;

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (++n_entries > MAX_ENTRIES)
        {
          g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_TOO_LARGE,
                       _("The book has more files than any book needs"));
          return NULL;
        }
      if (name == NULL)
        continue;

      if (g_str_equal (name, "mimetype"))
        {
          g_autoptr(GBytes) mimetype = read_entry (a, name, archive_entry_size (entry), error);
          gsize size = 0;
          const char *data;

          if (mimetype == NULL)
            return NULL;
          data = g_bytes_get_data (mimetype, &size);
          if (size < 20 || strncmp (data, "application/epub+zip", 20) != 0)
            {
              g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_EPUB,
                           _("The file is a ZIP archive but not an EPUB book"));
              return NULL;
            }
          continue;
        }

      if (!g_str_equal (name, "META-INF/container.xml") && !g_str_has_suffix (name, ".opf"))
        continue;

      bytes = read_entry (a, name, archive_entry_size (entry), error);
      if (bytes == NULL)
        return NULL;
      g_hash_table_replace (parts, g_strdup (name), bytes);
    }

  if (rc != ARCHIVE_EOF)
    {
      g_set_error (error, UROK_EPUB_ERROR,
                   n_entries == 0 ? UROK_EPUB_ERROR_NOT_EPUB : UROK_EPUB_ERROR_INVALID,
                   n_entries == 0 ? _("The file is not an EPUB book (not a ZIP archive)")
                                  : _("The book is damaged or truncated: %s"),
                   archive_error_string (a));
      return NULL;
    }

  container = g_hash_table_lookup (parts, "META-INF/container.xml");
  if (container == NULL)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                   _("The book has no META-INF/container.xml"));
      return NULL;
    }
  package_path = rootfile_path (container, error);
  if (package_path == NULL)
    return NULL;
  package = g_hash_table_lookup (parts, package_path);
  if (package == NULL)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                   _("The book’s package document “%s” is missing"), package_path);
      return NULL;
    }

  return info_from_package (package, package_path, error);
}

static UrokArchive *
new_reader (void)
{
  struct archive *a = archive_read_new ();

  archive_read_support_format_zip (a);
  return a;
}

UrokBookInfo *
urok_epub_read_info_from_file (const char  *path,
                               GError     **error)
{
  g_autoptr(UrokArchive) a = new_reader ();
  g_autoptr(UrokBookInfo) info = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (archive_read_open_filename (a, path, 65536) != ARCHIVE_OK)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_EPUB,
                   /* No path: callers name the file the user chose, not our copy. */
                   _("The file cannot be opened as an EPUB book: %s"), archive_error_string (a));
      return NULL;
    }
  info = read_info (a, error);
  if (info == NULL)
    return NULL;
  return urok_book_info_copy_with_file (info, path);
}

UrokBookInfo *
urok_epub_read_info_from_bytes (GBytes  *bytes,
                                GError **error)
{
  g_autoptr(UrokArchive) a = new_reader ();
  gsize size = 0;
  const void *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (archive_read_open_memory (a, data, size) != ARCHIVE_OK)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_EPUB,
                   _("The file is not an EPUB book: %s"), archive_error_string (a));
      return NULL;
    }
  return read_info (a, error);
}
