/* urok-lesson-cartridge-content.c: the plain parts of a Common Cartridge:
 * XML and HTML written safely, files and resources, HTML pages, media
 * files as they are, and web links.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>

#include "urok-lesson-cartridge-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

char *
_urok_cartridge_new_identifier (UrokCartridge *self,
                                const char    *prefix)
{
  return g_strdup_printf ("%s%u", prefix, ++self->n_ids);
}

/* Text as XML 1.0 allows it: lesson text may hold control characters
 * pasted from anywhere, which no XML parser accepts even escaped. */
static char *
xml_clean (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x9 || c == 0xA || c == 0xD ||
          (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)
        g_string_append_unichar (clean, c);
    }
  return g_string_free (clean, FALSE);
}

void
_urok_cartridge_append_escaped (GString    *html,
                                const char *text)
{
  g_autofree char *clean = xml_clean (text);
  g_autofree char *escaped = g_markup_escape_text (clean, -1);

  g_string_append (html, escaped);
}

/* Blank lines part paragraphs; single line breaks stay line breaks. */
void
_urok_cartridge_append_paragraphs (GString    *html,
                                   const char *text)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", text, 0, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;
      g_autofree char *stripped = g_strstrip (g_strdup (paragraphs[i]));

      if (*stripped == '\0')
        continue;
      lines = g_strsplit (stripped, "\n", -1);
      g_string_append (html, "<p>");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (html, "<br>\n");
          _urok_cartridge_append_escaped (html, lines[j]);
        }
      g_string_append (html, "</p>\n");
    }
}

void
_urok_cartridge_append_section (GString    *html,
                                const char *heading,
                                const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append (html, "<h2>");
  _urok_cartridge_append_escaped (html, heading);
  g_string_append (html, "</h2>\n");
  _urok_cartridge_append_paragraphs (html, text);
}

static GBytes *
html_page (const char *title,
           GString    *body)
{
  GString *html = g_string_new ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>");

  _urok_cartridge_append_escaped (html, title);
  g_string_append (html, "</title>\n</head>\n<body>\n<h1>");
  _urok_cartridge_append_escaped (html, title);
  g_string_append (html, "</h1>\n");
  g_string_append_len (html, body->str, (gssize)body->len);
  g_string_append (html, "</body>\n</html>\n");
  return g_string_free_to_bytes (html);
}

/* XML */

xmlTextWriterPtr
_urok_cartridge_xml_begin (UrokXmlOut *out)
{
  out->buffer = xmlBufferCreate ();
  out->writer = xmlNewTextWriterMemory (out->buffer, 0);
  xmlTextWriterSetIndent (out->writer, 1);
  xmlTextWriterSetIndentString (out->writer, (const xmlChar *)"  ");
  xmlTextWriterStartDocument (out->writer, "1.0", "UTF-8", NULL);
  return out->writer;
}

GBytes *
_urok_cartridge_xml_end (UrokXmlOut  *out,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  GBytes *bytes = NULL;
  int rc = xmlTextWriterEndDocument (out->writer);

  xmlFreeTextWriter (out->writer);
  if (rc >= 0)
    doc = xmlReadMemory ((const char *)xmlBufferContent (out->buffer), xmlBufferLength (out->buffer),
                         name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc != NULL)
    bytes = g_bytes_new (xmlBufferContent (out->buffer), (gsize)xmlBufferLength (out->buffer));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("Could not write the cartridge’s file “%s”"), name);
  xmlBufferFree (out->buffer);
  return bytes;
}

void
_urok_cartridge_xml_attribute (xmlTextWriterPtr  writer,
                               const char       *name,
                               const char       *value)
{
  g_autofree char *clean = xml_clean (value);

  xmlTextWriterWriteAttribute (writer, (const xmlChar *)name, (const xmlChar *)clean);
}

void
_urok_cartridge_xml_element (xmlTextWriterPtr  writer,
                             const char       *name,
                             const char       *text)
{
  g_autofree char *clean = xml_clean (text);

  xmlTextWriterWriteElement (writer, (const xmlChar *)name, (const xmlChar *)clean);
}

/* Text, written without the control characters XML cannot carry. */
void
_urok_cartridge_xml_text (xmlTextWriterPtr  writer,
                          const char       *text)
{
  g_autofree char *clean = xml_clean (text);

  xmlTextWriterWriteString (writer, (const xmlChar *)clean);
}

/* Files and resources */

gboolean
_urok_cartridge_add_file (UrokCartridge  *self,
                          const char     *name,
                          GBytes         *bytes,
                          GError        **error)
{
  gsize size = 0;
  const void *data = g_bytes_get_data (bytes, &size);

  g_assert (!g_hash_table_contains (self->files, name));
  g_hash_table_add (self->files, g_strdup (name));
  return _urok_zip_writer_add_bytes (self->zip, name, data, size, TRUE, error);
}

const char *
_urok_cartridge_add_resource (UrokCartridge *self,
                              const char    *type,
                              const char    *file,
                              gboolean       launchable)
{
  UrokCcResource *resource = g_new0 (UrokCcResource, 1);

  resource->identifier = _urok_cartridge_new_identifier (self, "R");
  resource->type = type;
  resource->file = g_strdup (file);
  resource->href = launchable ? g_strdup (file) : NULL;
  g_ptr_array_add (self->resources, resource);
  return resource->identifier;
}

const char *
_urok_cartridge_add_page (UrokCartridge  *self,
                          const char     *folder,
                          const char     *title,
                          GString        *body,
                          GError        **error)
{
  g_autoptr(GBytes) page = html_page (title, body);
  g_autofree char *file = g_strdup_printf ("%s/page-%u.html", folder, self->n_ids + 1);

  if (!_urok_cartridge_add_file (self, file, page, error))
    return NULL;
  return _urok_cartridge_add_resource (self, UROK_CARTRIDGE_TYPE_WEBCONTENT, file, TRUE);
}

/* Names in the ZIP stay plain ASCII, so that hrefs need no escaping and
 * every platform unpacks them alike; the extension is kept. */
static char *
cartridge_media_name (UrokCartridge *self,
                      const char    *name)
{
  const char *dot = strrchr (name, '.');
  const char *extension = "";
  gboolean plain = *name != '.' && strlen (name) <= 100;
  char *file;

  for (const char *p = name; *p != '\0' && plain; p++)
    plain = g_ascii_isalnum (*p) || *p == '.' || *p == '-' || *p == '_';
  file = g_strconcat ("media/", name, NULL);
  if (plain && !g_hash_table_contains (self->files, file))
    return file;
  g_free (file);

  if (dot != NULL && dot[1] != '\0' && strlen (dot) <= 9)
    {
      extension = dot;
      for (const char *p = dot + 1; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p))
          extension = "";
    }
  for (guint n = self->n_ids + 1;; n++)
    {
      file = g_strdup_printf ("media/file-%u%s", n, extension);
      if (!g_hash_table_contains (self->files, file))
        return file;
      g_free (file);
    }
}

const char *
_urok_cartridge_add_media (UrokCartridge  *self,
                           UrokResource   *resource,
                           GError        **error)
{
  const char *name = urok_resource_get_target (resource);
  const char *media_type = urok_resource_get_media_type (resource);
  const char *identifier = g_hash_table_lookup (self->media_ids, name);
  g_autofree char *path = NULL;
  g_autofree char *file = NULL;
  GStatBuf st;

  if (identifier != NULL)
    return identifier;

  path = g_build_filename (self->media_dir, name, NULL);
  if (!_urok_package_is_safe_name (name) || g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_MISSING_MEDIA,
                   _("The media file “%s” of the lesson is missing. Remove it from the lesson or add it again, then export."),
                   name);
      return NULL;
    }

  file = cartridge_media_name (self, name);
  g_hash_table_add (self->files, g_strdup (file));
  if (!_urok_zip_writer_add_file (self->zip, file, path, (gint64)st.st_size,
                                  _urok_package_worth_compressing (media_type), error))
    return NULL;
  identifier = _urok_cartridge_add_resource (self, UROK_CARTRIDGE_TYPE_WEBCONTENT, file, TRUE);
  g_hash_table_insert (self->media_ids, g_strdup (name), g_strdup (identifier));
  return identifier;
}

static gboolean
is_web_url (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

const char *
_urok_cartridge_add_link (UrokCartridge  *self,
                          UrokResource   *resource,
                          const char     *title,
                          GError        **error)
{
  const char *url = urok_resource_get_target (resource);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file = NULL;
  UrokXmlOut out;
  xmlTextWriterPtr writer;

  if (!is_web_url (url))
    {
      /* Not something a platform can open: keep it as text. */
      g_autoptr(GString) body = g_string_new (NULL);

      _urok_cartridge_append_paragraphs (body, url);
      return _urok_cartridge_add_page (self, "resources", title, body, error);
    }

  writer = _urok_cartridge_xml_begin (&out);
  _urok_cartridge_xml_start (writer, "webLink");
  _urok_cartridge_xml_attribute (writer, "xmlns", self->profile->ns_weblink);
  _urok_cartridge_xml_attribute (writer, "xmlns:xsi", UROK_CARTRIDGE_NS_XSI);
  _urok_cartridge_xml_attribute (writer, "xsi:schemaLocation", self->profile->weblink_schema_location);
  _urok_cartridge_xml_element (writer, "title", title);
  _urok_cartridge_xml_start (writer, "url");
  _urok_cartridge_xml_attribute (writer, "href", url);
  _urok_cartridge_xml_attribute (writer, "target", "_blank");
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);

  file = g_strdup_printf ("links/link-%u.xml", self->n_ids + 1);
  bytes = _urok_cartridge_xml_end (&out, file, error);
  if (bytes == NULL || !_urok_cartridge_add_file (self, file, bytes, error))
    return NULL;
  return _urok_cartridge_add_resource (self, self->profile->type_weblink, file, FALSE);
}