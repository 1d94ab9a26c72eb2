/* urok-lesson-cartridge.c: a lesson as an IMS Common Cartridge 1.3 (.imscc),
 * for learning platforms such as Moodle.
 *
 * One module (organization item) per stage, in order; in it first the
 * stage's own page, then its resources: links as CC web links, media files
 * as they are, tests as QTI 1.2.1 assessments where their questions allow,
 * and whatever a platform cannot play (board pages, places in a textbook,
 * text cards) as small HTML pages that say what they are.  The manifest is
 * written last, once every file and identifier is known.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "urok-lesson-package-private.h"
#include "urok-store-packages.h"

#define NS_CP "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
#define NS_LOM_MANIFEST "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
#define NS_LOM_RESOURCE "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource"
#define NS_WEBLINK "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"
#define NS_QTI "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
#define NS_XSI "http://www.w3.org/2001/XMLSchema-instance"

#define SCHEMA_LOCATION \
  NS_CP " http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd " \
  NS_LOM_MANIFEST " http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd " \
  NS_LOM_RESOURCE " http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lomresource_v1p0.xsd"
#define WEBLINK_SCHEMA_LOCATION \
  NS_WEBLINK " http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imswl_v1p3.xsd"
#define QTI_SCHEMA_LOCATION \
  NS_QTI " http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_qtiasiv1p2p1_v1p0.xsd"

#define TYPE_WEBCONTENT "webcontent"
#define TYPE_WEBLINK "imswl_xmlv1p3"
#define TYPE_ASSESSMENT "imsqti_xmlv1p2/imscc_xmlv1p3/assessment"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef struct
{
  char       *identifier;
  const char *type;
  char       *href;  /* NULL: not launched directly (web links, assessments) */
  char       *file;
} CcResource;

typedef struct
{
  char *identifier;
  char *title;
  char *identifierref;
} CcItem;

typedef struct
{
  char      *identifier;
  char      *title;
  GPtrArray *items;
} CcModule;

typedef struct
{
  UrokStore     *store;
  UrokLesson    *lesson;
  UrokZipWriter *zip;
  char          *media_dir;
  GPtrArray     *resources;
  GPtrArray     *modules;
  GHashTable    *media_ids; /* media file name → resource identifier */
  GHashTable    *test_ids;  /* test uuid → resource identifier */
  GHashTable    *files;     /* names written to the ZIP */
  guint          n_ids;
} Cartridge;

static void
cc_resource_free (CcResource *resource)
{
  g_free (resource->identifier);
  g_free (resource->href);
  g_free (resource->file);
  g_free (resource);
}

static void
cc_item_free (CcItem *item)
{
  g_free (item->identifier);
  g_free (item->title);
  g_free (item->identifierref);
  g_free (item);
}

static void
cc_module_free (CcModule *module)
{
  g_free (module->identifier);
  g_free (module->title);
  g_ptr_array_unref (module->items);
  g_free (module);
}

static void
cartridge_clear (Cartridge *self)
{
  g_clear_pointer (&self->zip, _urok_zip_writer_free);
  g_clear_pointer (&self->media_dir, g_free);
  g_clear_pointer (&self->resources, g_ptr_array_unref);
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  g_clear_pointer (&self->media_ids, g_hash_table_unref);
  g_clear_pointer (&self->test_ids, g_hash_table_unref);
  g_clear_pointer (&self->files, g_hash_table_unref);
}

static char *
new_identifier (Cartridge  *self,
                const char *prefix)
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

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *clean = xml_clean (text);
  g_autofree char *escaped = g_markup_escape_text (clean, -1);

  g_string_append (html, escaped);
}

/* Blank lines part paragraphs; single line breaks stay line breaks. */
static void
append_paragraphs (GString    *html,
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
          append_escaped (html, lines[j]);
        }
      g_string_append (html, "</p>\n");
    }
}

static void
append_section (GString    *html,
                const char *heading,
                const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  g_string_append (html, "<h2>");
  append_escaped (html, heading);
  g_string_append (html, "</h2>\n");
  append_paragraphs (html, text);
}

static GBytes *
html_page (const char *title,
           GString    *body)
{
  GString *html = g_string_new ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>");

  append_escaped (html, title);
  g_string_append (html, "</title>\n</head>\n<body>\n<h1>");
  append_escaped (html, title);
  g_string_append (html, "</h1>\n");
  g_string_append_len (html, body->str, (gssize)body->len);
  g_string_append (html, "</body>\n</html>\n");
  return g_string_free_to_bytes (html);
}

/* XML documents: written with xmlTextWriter into memory, then parsed back
 * once, so that a cartridge never carries a file a platform cannot read. */

typedef struct
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr writer;
} XmlOut;

static xmlTextWriterPtr
xml_begin (XmlOut *out)
{
  out->buffer = xmlBufferCreate ();
  out->writer = xmlNewTextWriterMemory (out->buffer, 0);
  xmlTextWriterSetIndent (out->writer, 1);
  xmlTextWriterSetIndentString (out->writer, (const xmlChar *)"  ");
  xmlTextWriterStartDocument (out->writer, "1.0", "UTF-8", NULL);
  return out->writer;
}

static GBytes *
xml_end (XmlOut      *out,
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

static void
write_attribute (xmlTextWriterPtr  writer,
                 const char       *name,
                 const char       *value)
{
  g_autofree char *clean = xml_clean (value);

  xmlTextWriterWriteAttribute (writer, (const xmlChar *)name, (const xmlChar *)clean);
}

static void
write_element (xmlTextWriterPtr  writer,
               const char       *name,
               const char       *text)
{
  g_autofree char *clean = xml_clean (text);

  xmlTextWriterWriteElement (writer, (const xmlChar *)name, (const xmlChar *)clean);
}

static void
start_element (xmlTextWriterPtr  writer,
               const char       *name)
{
  xmlTextWriterStartElement (writer, (const xmlChar *)name);
}

static void
end_element (xmlTextWriterPtr writer)
{
  xmlTextWriterEndElement (writer);
}

/* Files and resources */

static gboolean
add_file (Cartridge   *self,
          const char  *name,
          GBytes      *bytes,
          GError     **error)
{
  gsize size = 0;
  const void *data = g_bytes_get_data (bytes, &size);

  g_assert (!g_hash_table_contains (self->files, name));
  g_hash_table_add (self->files, g_strdup (name));
  return _urok_zip_writer_add_bytes (self->zip, name, data, size, TRUE, error);
}

static const char *
add_resource (Cartridge  *self,
              const char *type,
              const char *file,
              gboolean    launchable)
{
  CcResource *resource = g_new0 (CcResource, 1);

  resource->identifier = new_identifier (self, "R");
  resource->type = type;
  resource->file = g_strdup (file);
  resource->href = launchable ? g_strdup (file) : NULL;
  g_ptr_array_add (self->resources, resource);
  return resource->identifier;
}

static const char *
add_page (Cartridge   *self,
          const char  *folder,
          const char  *title,
          GString     *body,
          GError     **error)
{
  g_autoptr(GBytes) page = html_page (title, body);
  g_autofree char *file = g_strdup_printf ("%s/page-%u.html", folder, self->n_ids + 1);

  if (!add_file (self, file, page, error))
    return NULL;
  return add_resource (self, TYPE_WEBCONTENT, file, TRUE);
}

/* Names in the ZIP stay plain ASCII, so that hrefs need no escaping and
 * every platform unpacks them alike; the extension is kept. */
static char *
cartridge_media_name (Cartridge  *self,
                      const char *name)
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

static const char *
add_media (Cartridge     *self,
           UrokResource  *resource,
           GError       **error)
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
  identifier = add_resource (self, TYPE_WEBCONTENT, file, TRUE);
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

static const char *
add_link (Cartridge     *self,
          UrokResource  *resource,
          const char    *title,
          GError       **error)
{
  const char *url = urok_resource_get_target (resource);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file = NULL;
  XmlOut out;
  xmlTextWriterPtr writer;

  if (!is_web_url (url))
    {
      /* Not something a platform can open: keep it as text. */
      g_autoptr(GString) body = g_string_new (NULL);

      append_paragraphs (body, url);
      return add_page (self, "resources", title, body, error);
    }

  writer = xml_begin (&out);
  start_element (writer, "webLink");
  write_attribute (writer, "xmlns", NS_WEBLINK);
  write_attribute (writer, "xmlns:xsi", NS_XSI);
  write_attribute (writer, "xsi:schemaLocation", WEBLINK_SCHEMA_LOCATION);
  write_element (writer, "title", title);
  start_element (writer, "url");
  write_attribute (writer, "href", url);
  write_attribute (writer, "target", "_blank");
  end_element (writer);
  end_element (writer);

  file = g_strdup_printf ("links/link-%u.xml", self->n_ids + 1);
  bytes = xml_end (&out, file, error);
  if (bytes == NULL || !add_file (self, file, bytes, error))
    return NULL;
  return add_resource (self, TYPE_WEBLINK, file, FALSE);
}

/* Tests */

typedef struct
{
  const char *profile;      /* cc.multiple_choice.v0p1… */
  const char *cardinality;  /* "Single" or "Multiple" */
  GPtrArray  *choices;      /* char *, borrowed */
  GArray     *correct;      /* gboolean per choice */
} QtiQuestion;

/* The test designer's question data: "choices" (strings) and "answer"
 * (choice indices, or one index; a boolean for true/false).  It may come
 * from someone else's package: every member is checked for its type. */
static gboolean
read_choice_answers (JsonObject *data,
                     GPtrArray  *choices,
                     GArray     *correct)
{
  JsonNode *choices_node = json_object_get_member (data, "choices");
  JsonArray *list = choices_node != NULL && JSON_NODE_HOLDS_ARRAY (choices_node) ? json_node_get_array (choices_node) : NULL;
  JsonNode *answer = json_object_get_member (data, "answer");
  g_autoptr(JsonArray) single = NULL;
  JsonArray *answers;
  guint n_correct = 0;

  if (list == NULL || json_array_get_length (list) < 2 || answer == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *choice = json_array_get_element (list, i);
      gboolean no = FALSE;

      if (!JSON_NODE_HOLDS_VALUE (choice) || json_node_get_value_type (choice) != G_TYPE_STRING)
        return FALSE;
      g_ptr_array_add (choices, (gpointer)json_node_get_string (choice));
      g_array_append_val (correct, no);
    }

  if (JSON_NODE_HOLDS_ARRAY (answer))
    answers = json_node_get_array (answer);
  else
    {
      single = json_array_new ();
      json_array_add_element (single, json_node_copy (answer));
      answers = single;
    }
  for (guint i = 0; i < json_array_get_length (answers); i++)
    {
      JsonNode *index = json_array_get_element (answers, i);
      gint64 value;

      if (!JSON_NODE_HOLDS_VALUE (index) || json_node_get_value_type (index) != G_TYPE_INT64)
        return FALSE;
      value = json_node_get_int (index);
      if (value < 0 || value >= (gint64)choices->len)
        return FALSE;
      if (!g_array_index (correct, gboolean, value))
        n_correct++;
      g_array_index (correct, gboolean, value) = TRUE;
    }
  return n_correct > 0;
}

static gboolean
read_question (JsonObject  *question,
               QtiQuestion *qti)
{
  const char *kind = json_object_get_string_member_with_default (question, "kind", "");
  JsonNode *data_node = json_object_get_member (question, "data");
  JsonObject *data = data_node != NULL && JSON_NODE_HOLDS_OBJECT (data_node) ? json_node_get_object (data_node) : NULL;

  if (data == NULL)
    return FALSE;

  if (g_str_equal (kind, "true_false"))
    {
      JsonNode *answer = json_object_get_member (data, "answer");
      gboolean is_true;
      gboolean is_false;

      if (answer == NULL || !JSON_NODE_HOLDS_VALUE (answer) || json_node_get_value_type (answer) != G_TYPE_BOOLEAN)
        return FALSE;
      is_true = json_node_get_boolean (answer);
      is_false = !is_true;
      qti->profile = "cc.true_false.v0p1";
      qti->cardinality = "Single";
      g_ptr_array_add (qti->choices, (gpointer)C_("true-false answer", "True"));
      g_ptr_array_add (qti->choices, (gpointer)C_("true-false answer", "False"));
      g_array_append_val (qti->correct, is_true);
      g_array_append_val (qti->correct, is_false);
      return TRUE;
    }
  if (g_str_equal (kind, "single_choice"))
    {
      guint n_correct = 0;

      qti->profile = "cc.multiple_choice.v0p1";
      qti->cardinality = "Single";
      if (!read_choice_answers (data, qti->choices, qti->correct))
        return FALSE;
      for (guint i = 0; i < qti->correct->len; i++)
        n_correct += g_array_index (qti->correct, gboolean, i) ? 1 : 0;
      return n_correct == 1;
    }
  if (g_str_equal (kind, "multiple_choice"))
    {
      qti->profile = "cc.multiple_response.v0p1";
      qti->cardinality = "Multiple";
      return read_choice_answers (data, qti->choices, qti->correct);
    }
  /* Short answers, numbers, matching and essays have no place in the
   * cartridge's QTI profile that Moodle reads back faithfully. */
  return FALSE;
}

static void
write_metadata_field (xmlTextWriterPtr  writer,
                      const char       *label,
                      const char       *entry)
{
  start_element (writer, "qtimetadatafield");
  write_element (writer, "fieldlabel", label);
  write_element (writer, "fieldentry", entry);
  end_element (writer);
}

static void
write_mattext (xmlTextWriterPtr  writer,
               const char       *text)
{
  start_element (writer, "material");
  start_element (writer, "mattext");
  write_attribute (writer, "texttype", "text/plain");
  {
    g_autofree char *clean = xml_clean (text);
    xmlTextWriterWriteString (writer, (const xmlChar *)clean);
  }
  end_element (writer);
  end_element (writer);
}

static void
write_qti_item (xmlTextWriterPtr  writer,
                guint             number,
                JsonObject       *question,
                QtiQuestion      *qti)
{
  g_autofree char *ident = g_strdup_printf ("Q%u", number);
  g_autofree char *title = g_strdup_printf (_("Question %u"), number);
  char points[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (points, sizeof points, "%g",
                   json_object_get_double_member_with_default (question, "points", 1));

  start_element (writer, "item");
  write_attribute (writer, "ident", ident);
  write_attribute (writer, "title", title);
  start_element (writer, "itemmetadata");
  start_element (writer, "qtimetadata");
  write_metadata_field (writer, "cc_profile", qti->profile);
  write_metadata_field (writer, "cc_weighting", points);
  end_element (writer);
  end_element (writer);

  start_element (writer, "presentation");
  write_mattext (writer, json_object_get_string_member_with_default (question, "text", ""));
  start_element (writer, "response_lid");
  write_attribute (writer, "ident", "response1");
  write_attribute (writer, "rcardinality", qti->cardinality);
  start_element (writer, "render_choice");
  for (guint i = 0; i < qti->choices->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s_A%u", ident, i + 1);

      start_element (writer, "response_label");
      write_attribute (writer, "ident", label);
      write_mattext (writer, qti->choices->pdata[i]);
      end_element (writer);
    }
  end_element (writer);
  end_element (writer);
  end_element (writer);

  start_element (writer, "resprocessing");
  start_element (writer, "outcomes");
  start_element (writer, "decvar");
  write_attribute (writer, "varname", "SCORE");
  write_attribute (writer, "vartype", "Decimal");
  write_attribute (writer, "minvalue", "0");
  write_attribute (writer, "maxvalue", "100");
  end_element (writer);
  end_element (writer);
  start_element (writer, "respcondition");
  write_attribute (writer, "continue", "No");
  start_element (writer, "conditionvar");
  /* Full marks for exactly the right choices: every right one chosen and,
   * for several answers, no wrong one. */
  if (g_str_equal (qti->cardinality, "Multiple"))
    start_element (writer, "and");
  for (guint i = 0; i < qti->correct->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s_A%u", ident, i + 1);
      gboolean right = g_array_index (qti->correct, gboolean, i);

      if (!right && !g_str_equal (qti->cardinality, "Multiple"))
        continue;
      if (!right)
        start_element (writer, "not");
      start_element (writer, "varequal");
      write_attribute (writer, "respident", "response1");
      xmlTextWriterWriteString (writer, (const xmlChar *)label);
      end_element (writer);
      if (!right)
        end_element (writer);
    }
  if (g_str_equal (qti->cardinality, "Multiple"))
    end_element (writer);
  end_element (writer);
  start_element (writer, "setvar");
  write_attribute (writer, "varname", "SCORE");
  write_attribute (writer, "action", "Set");
  xmlTextWriterWriteString (writer, (const xmlChar *)"100");
  end_element (writer);
  end_element (writer);
  end_element (writer);

  end_element (writer);
}

static const char *
add_assessment (Cartridge   *self,
                const char  *title,
                JsonArray   *questions,
                GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file = NULL;
  g_autofree char *ident = g_strdup_printf ("A%u", self->n_ids + 1);
  XmlOut out;
  xmlTextWriterPtr writer;
  guint number = 0;

  writer = xml_begin (&out);
  start_element (writer, "questestinterop");
  write_attribute (writer, "xmlns", NS_QTI);
  write_attribute (writer, "xmlns:xsi", NS_XSI);
  write_attribute (writer, "xsi:schemaLocation", QTI_SCHEMA_LOCATION);
  start_element (writer, "assessment");
  write_attribute (writer, "ident", ident);
  write_attribute (writer, "title", title);
  start_element (writer, "qtimetadata");
  write_metadata_field (writer, "cc_profile", "cc.exam.v0p1");
  write_metadata_field (writer, "qmd_assessmenttype", "Examination");
  end_element (writer);
  start_element (writer, "section");
  write_attribute (writer, "ident", "root_section");
  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *question = json_array_get_object_element (questions, i);
      g_autoptr(GPtrArray) choices = g_ptr_array_new ();
      g_autoptr(GArray) correct = g_array_new (FALSE, FALSE, sizeof (gboolean));
      QtiQuestion qti = { .choices = choices, .correct = correct };

      if (question != NULL && read_question (question, &qti))
        write_qti_item (writer, ++number, question, &qti);
    }
  end_element (writer);
  end_element (writer);
  end_element (writer);

  file = g_strdup_printf ("tests/test-%u.xml", self->n_ids + 1);
  bytes = xml_end (&out, file, error);
  if (bytes == NULL || !add_file (self, file, bytes, error))
    return NULL;
  return add_resource (self, TYPE_ASSESSMENT, file, FALSE);
}

static guint
count_playable_questions (JsonArray *questions)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *question = json_array_get_object_element (questions, i);
      g_autoptr(GPtrArray) choices = g_ptr_array_new ();
      g_autoptr(GArray) correct = g_array_new (FALSE, FALSE, sizeof (gboolean));
      QtiQuestion qti = { .choices = choices, .correct = correct };

      if (question != NULL && read_question (question, &qti))
        n++;
    }
  return n;
}

static const char *
add_test (Cartridge     *self,
          UrokResource  *resource,
          const char    *title,
          GError       **error)
{
  const char *uuid = urok_resource_get_target (resource);
  const char *identifier = g_hash_table_lookup (self->test_ids, uuid);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(JsonNode) test = NULL;
  JsonArray *questions = NULL;

  if (identifier != NULL)
    return identifier;

  if (*uuid != '\0')
    test = urok_store_dup_test_json (self->store, uuid, &local_error);
  if (test == NULL && local_error != NULL &&
      !g_error_matches (local_error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (test != NULL)
    questions = json_object_get_array_member (json_node_get_object (test), "questions");

  if (questions != NULL && count_playable_questions (questions) > 0)
    identifier = add_assessment (self, title, questions, error);
  else
    {
      /* No questions a platform can take: the teacher gives this test in
       * class; the page lists what it asks. */
      g_string_append (body, "<p>");
      append_escaped (body, _("This test is given in class with Urok."));
      g_string_append (body, "</p>\n");
      if (questions != NULL && json_array_get_length (questions) > 0)
        {
          g_string_append (body, "<ol>\n");
          for (guint i = 0; i < json_array_get_length (questions); i++)
            {
              JsonObject *question = json_array_get_object_element (questions, i);

              g_string_append (body, "<li>");
              append_escaped (body, json_object_get_string_member_with_default (question, "text", ""));
              g_string_append (body, "</li>\n");
            }
          g_string_append (body, "</ol>\n");
        }
      identifier = add_page (self, "resources", title, body, error);
    }
  if (identifier != NULL && *uuid != '\0')
    g_hash_table_insert (self->test_ids, g_strdup (uuid), g_strdup (identifier));
  return identifier;
}

/* Stages and their resources */

static char *
test_title (Cartridge  *self,
            const char *uuid)
{
  g_autoptr(JsonNode) test = *uuid != '\0' ? urok_store_dup_test_json (self->store, uuid, NULL) : NULL;
  const char *title = test != NULL ? json_object_get_string_member_with_default (json_node_get_object (test), "title", "") : "";

  return g_strdup (*title != '\0' ? title : _("Test"));
}

static char *
resource_title (Cartridge    *self,
                UrokResource *resource)
{
  const char *title = urok_resource_get_title (resource);
  const char *target = urok_resource_get_target (resource);

  if (*title != '\0')
    return g_strdup (title);

  switch (urok_resource_get_kind (resource))
    {
    case UROK_RESOURCE_BOARD_PAGE:
      return g_strdup (_("Whiteboard page"));
    case UROK_RESOURCE_BOOK_PLACE:
      return g_strdup (_("Place in the textbook"));
    case UROK_RESOURCE_MEDIA:
    case UROK_RESOURCE_LINK:
      return g_strdup (*target != '\0' ? target : _("Untitled resource"));
    case UROK_RESOURCE_TEST:
      return test_title (self, target);
    case UROK_RESOURCE_TEXT:
      return g_strdup (_("Text card"));
    default:
      return g_strdup (_("Untitled resource"));
    }
}

static const char *
add_book_place (Cartridge     *self,
                UrokResource  *resource,
                const char    *title,
                GError       **error)
{
  g_autoptr(UrokBookInfo) book = urok_store_find_book (self->store, urok_resource_get_target (resource), NULL);
  g_autoptr(GString) body = g_string_new ("<p>");
  g_autofree char *book_line = NULL;
  const char *location = urok_resource_get_location (resource);

  if (book != NULL && *urok_book_info_get_authors (book) != '\0')
    book_line = g_strdup_printf (_("Textbook: %s, %s"), urok_book_info_get_authors (book),
                                 urok_book_info_get_title (book));
  else
    book_line = g_strdup_printf (_("Textbook: %s"),
                                 book != NULL ? urok_book_info_get_title (book) : urok_resource_get_target (resource));
  append_escaped (body, book_line);
  g_string_append (body, "</p>\n");
  if (*location != '\0')
    {
      g_autofree char *place = g_strdup_printf (_("Place in the book: %s"), location);

      g_string_append (body, "<p>");
      append_escaped (body, place);
      g_string_append (body, "</p>\n");
    }
  append_paragraphs (body, urok_resource_get_text (resource));
  return add_page (self, "resources", title, body, error);
}

static const char *
add_lesson_resource (Cartridge     *self,
                     UrokResource  *resource,
                     const char    *title,
                     GError       **error)
{
  g_autoptr(GString) body = g_string_new (NULL);

  switch (urok_resource_get_kind (resource))
    {
    case UROK_RESOURCE_MEDIA:
      if (*urok_resource_get_target (resource) != '\0')
        return add_media (self, resource, error);
      break;
    case UROK_RESOURCE_LINK:
      return add_link (self, resource, title, error);
    case UROK_RESOURCE_TEST:
      return add_test (self, resource, title, error);
    case UROK_RESOURCE_BOOK_PLACE:
      return add_book_place (self, resource, title, error);
    case UROK_RESOURCE_BOARD_PAGE:
      g_string_append (body, "<p>");
      append_escaped (body, _("A whiteboard page of this lesson. It is shown in class with Urok."));
      g_string_append (body, "</p>\n");
      break;
    case UROK_RESOURCE_TEXT:
    default:
      break;
    }
  append_paragraphs (body, urok_resource_get_text (resource));
  return add_page (self, "resources", title, body, error);
}

static CcItem *
new_item (Cartridge  *self,
          const char *title,
          const char *identifierref)
{
  CcItem *item = g_new0 (CcItem, 1);

  item->identifier = new_identifier (self, "I");
  item->title = g_strdup (title);
  item->identifierref = g_strdup (identifierref);
  return item;
}

static gboolean
add_stage (Cartridge  *self,
           guint       number,
           UrokStage  *stage,
           GError    **error)
{
  GListModel *resources = urok_stage_get_resources (stage);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *duration = NULL;
  const char *title = *urok_stage_get_title (stage) != '\0' ? urok_stage_get_title (stage) : _("Untitled stage");
  const char *page;
  CcModule *module;
  int minutes = urok_stage_get_duration_minutes (stage);

  duration = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes), minutes);
  g_string_append (body, "<p>");
  append_escaped (body, duration);
  g_string_append (body, "</p>\n");
  /* Notes are the teacher's own and stay out of a course students see. */
  append_section (body, _("Teacher activity"), urok_stage_get_teacher_activity (stage));
  append_section (body, _("Student activity"), urok_stage_get_student_activity (stage));
  append_section (body, _("Methods and forms of work"), urok_stage_get_methods (stage));
  append_section (body, _("Planned results"), urok_stage_get_planned_results (stage));

  page = add_page (self, "stages", title, body, error);
  if (page == NULL)
    return FALSE;

  module = g_new0 (CcModule, 1);
  module->identifier = new_identifier (self, "M");
  module->title = g_strdup_printf ("%u. %s", number, title);
  module->items = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_item_free);
  g_ptr_array_add (self->modules, module);
  g_ptr_array_add (module->items, new_item (self, title, page));

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(UrokResource) resource = g_list_model_get_item (resources, i);
      g_autofree char *resource_name = resource_title (self, resource);
      const char *identifier = add_lesson_resource (self, resource, resource_name, error);

      if (identifier == NULL)
        return FALSE;
      g_ptr_array_add (module->items, new_item (self, resource_name, identifier));
    }
  return TRUE;
}

/* The manifest */

static void
write_lom_string (xmlTextWriterPtr  writer,
                  const char       *element,
                  const char       *text)
{
  start_element (writer, element);
  write_element (writer, "lomimscc:string", text);
  end_element (writer);
}

static GBytes *
manifest_bytes (Cartridge  *self,
                GError    **error)
{
  const char *topic = urok_lesson_get_topic (self->lesson);
  const char *const *tags = urok_lesson_get_tags (self->lesson);
  g_autofree char *identifier = g_strconcat ("M_", urok_lesson_get_uuid (self->lesson), NULL);
  XmlOut out;
  xmlTextWriterPtr writer;

  /* An XML ID: letters, digits, "-", "_" and "." only. */
  g_strcanon (identifier, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", '_');

  writer = xml_begin (&out);
  start_element (writer, "manifest");
  write_attribute (writer, "identifier", identifier);
  write_attribute (writer, "xmlns", NS_CP);
  write_attribute (writer, "xmlns:lomimscc", NS_LOM_MANIFEST);
  write_attribute (writer, "xmlns:lom", NS_LOM_RESOURCE);
  write_attribute (writer, "xmlns:xsi", NS_XSI);
  write_attribute (writer, "xsi:schemaLocation", SCHEMA_LOCATION);

  start_element (writer, "metadata");
  write_element (writer, "schema", "IMS Common Cartridge");
  write_element (writer, "schemaversion", "1.3.0");
  start_element (writer, "lomimscc:lom");
  start_element (writer, "lomimscc:general");
  write_lom_string (writer, "lomimscc:title", *topic != '\0' ? topic : _("Untitled lesson"));
  if (*urok_lesson_get_goals (self->lesson) != '\0')
    write_lom_string (writer, "lomimscc:description", urok_lesson_get_goals (self->lesson));
  for (guint i = 0; tags[i] != NULL; i++)
    write_lom_string (writer, "lomimscc:keyword", tags[i]);
  end_element (writer);
  end_element (writer);
  end_element (writer);

  start_element (writer, "organizations");
  start_element (writer, "organization");
  write_attribute (writer, "identifier", "O1");
  write_attribute (writer, "structure", "rooted-hierarchy");
  start_element (writer, "item");
  write_attribute (writer, "identifier", "LearningModules");
  for (guint i = 0; i < self->modules->len; i++)
    {
      CcModule *module = self->modules->pdata[i];

      start_element (writer, "item");
      write_attribute (writer, "identifier", module->identifier);
      write_element (writer, "title", module->title);
      for (guint j = 0; j < module->items->len; j++)
        {
          CcItem *item = module->items->pdata[j];

          start_element (writer, "item");
          write_attribute (writer, "identifier", item->identifier);
          write_attribute (writer, "identifierref", item->identifierref);
          write_element (writer, "title", item->title);
          end_element (writer);
        }
      end_element (writer);
    }
  end_element (writer);
  end_element (writer);
  end_element (writer);

  start_element (writer, "resources");
  for (guint i = 0; i < self->resources->len; i++)
    {
      CcResource *resource = self->resources->pdata[i];

      start_element (writer, "resource");
      write_attribute (writer, "identifier", resource->identifier);
      write_attribute (writer, "type", resource->type);
      if (resource->href != NULL)
        write_attribute (writer, "href", resource->href);
      start_element (writer, "file");
      write_attribute (writer, "href", resource->file);
      end_element (writer);
      end_element (writer);
    }
  end_element (writer);

  end_element (writer);
  return xml_end (&out, "imsmanifest.xml", error);
}

gboolean
urok_lesson_cartridge_export (UrokStore   *store,
                              UrokLesson  *lesson,
                              const char  *path,
                              GError     **error)
{
  Cartridge self = { .store = store, .lesson = lesson };
  g_autoptr(GBytes) manifest = NULL;
  GListModel *stages;
  gboolean ok = FALSE;

  g_return_val_if_fail (UROK_IS_STORE (store), FALSE);
  g_return_val_if_fail (UROK_IS_LESSON (lesson), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  self.media_dir = urok_store_dup_lesson_media_dir (store, urok_lesson_get_uuid (lesson));
  self.resources = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_resource_free);
  self.modules = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_module_free);
  self.media_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.test_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self.zip = _urok_zip_writer_new (path, error);
  if (self.zip == NULL)
    goto out;

  stages = urok_lesson_get_stages (lesson);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (stages, i);

      if (!add_stage (&self, i + 1, stage, error))
        goto out;
    }

  manifest = manifest_bytes (&self, error);
  if (manifest == NULL || !add_file (&self, "imsmanifest.xml", manifest, error))
    goto out;
  ok = _urok_zip_writer_finish (self.zip, error);

out:
  cartridge_clear (&self);
  return ok;
}
