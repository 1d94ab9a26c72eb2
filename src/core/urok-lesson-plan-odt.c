/* urok-lesson-plan-odt.c: the lesson plan as an OpenDocument text, for a
 * teacher who must hand it in as an editable file.
 *
 * The same header and table as the PDF, but left to the word processor to
 * lay out: the table's header row is a table:table-header-rows, so it is
 * repeated on every page, and rows may break across pages.  The package is
 * a ZIP written by libarchive with `mimetype` first and stored, as ODF
 * requires; the XML is written by libxml2's text writer, which escapes.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>

#include "urok-lesson-plan-private.h"

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_SVG "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
#define NS_XLINK "http://www.w3.org/1999/xlink"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#define ODF_VERSION "1.2"
#define ODT_MIME_TYPE "application/vnd.oasis.opendocument.text"

/* A4 landscape with the PDF's margins (36 pt). */
#define PAGE_WIDTH "29.7cm"
#define PAGE_HEIGHT "21cm"
#define PAGE_MARGIN "1.27cm"
#define TEXT_WIDTH "27.16cm"
#define FONT_NAME "Liberation Sans"
#define GREY "#555555"

/* The PDF's column widths, in the same proportions. */
static const char *const column_widths[UROK_PLAN_N_COLUMNS] = { "155*", "205*", "185*", "140*", "160*", "155*" };

typedef struct
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr writer;
  gboolean         failed;
} Xml;

static void
xml_init (Xml *xml)
{
  xml->buffer = xmlBufferCreate ();
  xml->writer = xml->buffer != NULL ? xmlNewTextWriterMemory (xml->buffer, 0) : NULL;
  xml->failed = xml->writer == NULL ||
                xmlTextWriterStartDocument (xml->writer, NULL, "UTF-8", NULL) < 0;
}

/* Ends the document; returns its bytes, or NULL if any write failed. */
static GBytes *
xml_finish (Xml *xml)
{
  GBytes *bytes = NULL;

  if (!xml->failed && xmlTextWriterEndDocument (xml->writer) < 0)
    xml->failed = TRUE;
  /* Freeing the writer flushes it into the buffer. */
  g_clear_pointer (&xml->writer, xmlFreeTextWriter);
  if (!xml->failed && xml->buffer != NULL)
    bytes = g_bytes_new (xmlBufferContent (xml->buffer), (gsize)xmlBufferLength (xml->buffer));
  g_clear_pointer (&xml->buffer, xmlBufferFree);
  return bytes;
}

static void
start (Xml        *xml,
       const char *name)
{
  if (!xml->failed && xmlTextWriterStartElement (xml->writer, BAD_CAST name) < 0)
    xml->failed = TRUE;
}

static void
attr (Xml        *xml,
      const char *name,
      const char *value)
{
  if (!xml->failed && xmlTextWriterWriteAttribute (xml->writer, BAD_CAST name, BAD_CAST value) < 0)
    xml->failed = TRUE;
}

static void
end (Xml *xml)
{
  if (!xml->failed && xmlTextWriterEndElement (xml->writer) < 0)
    xml->failed = TRUE;
}

static void
text (Xml        *xml,
      const char *chars,
      gsize       length)
{
  if (length > 0 && !xml->failed &&
      xmlTextWriterWriteFormatString (xml->writer, "%.*s", (int)length, chars) < 0)
    xml->failed = TRUE;
}

/* An element with only attributes: NULL-terminated name, value pairs. */
G_GNUC_NULL_TERMINATED static void
element (Xml        *xml,
         const char *name,
         ...)
{
  va_list args;
  const char *attr_name;

  start (xml, name);
  va_start (args, name);
  while ((attr_name = va_arg (args, const char *)) != NULL)
    attr (xml, attr_name, va_arg (args, const char *));
  va_end (args);
  end (xml);
}

static void
element_text (Xml        *xml,
              const char *name,
              const char *chars)
{
  start (xml, name);
  text (xml, chars, strlen (chars));
  end (xml);
}

/* ODF collapses runs of spaces and drops tabs in text: they are written as
 * text:s and text:tab elements, so the teacher's text stays as typed. */
static void
write_text (Xml        *xml,
            const char *chars)
{
  const char *run = chars;
  const char *p = chars;

  while (*p != '\0')
    {
      if (*p == '\t')
        {
          text (xml, run, (gsize)(p - run));
          element (xml, "text:tab", NULL);
          run = ++p;
        }
      else if (*p == ' ' && (p == chars || p[1] == ' '))
        {
          /* A space between words stays plain; a leading one or the rest
           * of a run becomes text:s. */
          guint literal = p == chars ? 0 : 1;
          guint n = 0;
          g_autofree char *count = NULL;

          while (p[n] == ' ')
            n++;
          text (xml, run, (gsize)(p - run) + literal);
          count = g_strdup_printf ("%u", n - literal);
          element (xml, "text:s", "text:c", count, NULL);
          p += n;
          run = p;
        }
      else
        p++;
    }
  text (xml, run, (gsize)(p - run));
}

/* One text:p per line of @chars; an empty cell still has one paragraph,
 * where the teacher can type. */
static void
write_paragraphs (Xml        *xml,
                  const char *style,
                  const char *chars)
{
  g_auto(GStrv) lines = g_strsplit (chars, "\n", -1);

  if (lines[0] == NULL)
    {
      element (xml, "text:p", "text:style-name", style, NULL);
      return;
    }
  for (guint i = 0; lines[i] != NULL; i++)
    {
      start (xml, "text:p");
      attr (xml, "text:style-name", style);
      write_text (xml, lines[i]);
      end (xml);
    }
}

static void
start_cell (Xml        *xml,
            const char *style,
            guint       columns_spanned)
{
  start (xml, "table:table-cell");
  attr (xml, "table:style-name", style);
  if (columns_spanned > 1)
    {
      g_autofree char *count = g_strdup_printf ("%u", columns_spanned);

      attr (xml, "table:number-columns-spanned", count);
    }
  attr (xml, "office:value-type", "string");
}

static void
write_cell (Xml        *xml,
            const char *cell_style,
            const char *paragraph_style,
            const char *chars)
{
  start_cell (xml, cell_style, 1);
  write_paragraphs (xml, paragraph_style, chars);
  end (xml);
}

static void
write_field (Xml                *xml,
             const UrokPlanText *plan,
             UrokPlanField       field,
             gboolean            spans)
{
  write_cell (xml, "Plan.ShadedCell", "Plan_20_Label", plan->labels[field]);
  start_cell (xml, "Plan.Cell", spans ? 3 : 1);
  write_paragraphs (xml, field == UROK_PLAN_FIELD_TOPIC ? "Plan_20_Strong" : "Table_20_Contents",
                    plan->values[field]);
  end (xml);
  if (spans)
    {
      element (xml, "table:covered-table-cell", NULL);
      element (xml, "table:covered-table-cell", NULL);
    }
}

static void
write_stage_cell (Xml                 *xml,
                  const UrokPlanStage *stage)
{
  start_cell (xml, "Plan.Cell", 1);
  write_paragraphs (xml, "Plan_20_Strong", stage->title);
  if (*stage->kind != '\0')
    write_paragraphs (xml, "Plan_20_Note", stage->kind);
  write_paragraphs (xml, "Table_20_Contents", stage->minutes);
  end (xml);
}

static void
write_resources_cell (Xml                 *xml,
                      const UrokPlanStage *stage)
{
  start_cell (xml, "Plan.Cell", 1);
  if (stage->resources->len == 0)
    write_paragraphs (xml, "Table_20_Contents", "");
  for (guint i = 0; i < stage->resources->len; i++)
    {
      const UrokPlanResource *item = g_ptr_array_index (stage->resources, i);
      g_autofree char *name = NULL;
      g_autofree char *line = NULL;

      if (*item->title != '\0')
        name = g_strdup_printf (_("%s: %s"), item->kind, item->title);
      else
        name = g_strdup (item->kind);
      line = stage->resources->len > 1 ? g_strconcat ("• ", name, NULL) : g_strdup (name);
      write_paragraphs (xml, "Table_20_Contents", line);

      if (item->detail == NULL)
        continue;
      if (item->detail_is_url)
        {
          /* A link the reader can follow from the document. */
          start (xml, "text:p");
          attr (xml, "text:style-name", "Plan_20_Note");
          start (xml, "text:a");
          attr (xml, "xlink:type", "simple");
          attr (xml, "xlink:href", item->detail);
          write_text (xml, item->detail);
          end (xml);
          end (xml);
        }
      else
        write_paragraphs (xml, "Plan_20_Note", item->detail);
    }
  end (xml);
}

static void
write_namespaces (Xml *xml)
{
  attr (xml, "xmlns:office", NS_OFFICE);
  attr (xml, "xmlns:style", NS_STYLE);
  attr (xml, "xmlns:text", NS_TEXT);
  attr (xml, "xmlns:table", NS_TABLE);
  attr (xml, "xmlns:fo", NS_FO);
  attr (xml, "xmlns:svg", NS_SVG);
  attr (xml, "xmlns:xlink", NS_XLINK);
  attr (xml, "office:version", ODF_VERSION);
}

static void
write_font_faces (Xml *xml)
{
  start (xml, "office:font-face-decls");
  element (xml, "style:font-face",
           "style:name", FONT_NAME,
           "svg:font-family", "'" FONT_NAME "'",
           "style:font-family-generic", "swiss",
           "style:font-pitch", "variable",
           NULL);
  end (xml);
}

static void
write_cell_style (Xml        *xml,
                  const char *name,
                  const char *background)
{
  start (xml, "style:style");
  attr (xml, "style:name", name);
  attr (xml, "style:family", "table-cell");
  start (xml, "style:table-cell-properties");
  attr (xml, "fo:padding", "0.1cm");
  attr (xml, "fo:border", "0.5pt solid #4d4d4d");
  if (background != NULL)
    attr (xml, "fo:background-color", background);
  end (xml);
  end (xml);
}

static void
write_table_style (Xml        *xml,
                   const char *name,
                   const char *margin_bottom)
{
  start (xml, "style:style");
  attr (xml, "style:name", name);
  attr (xml, "style:family", "table");
  element (xml, "style:table-properties",
           "style:width", TEXT_WIDTH,
           "table:align", "margins",
           "fo:margin-bottom", margin_bottom,
           "style:may-break-between-rows", "true",
           NULL);
  end (xml);
}

static void
write_column_style (Xml        *xml,
                    const char *name,
                    const char *width)
{
  start (xml, "style:style");
  attr (xml, "style:name", name);
  attr (xml, "style:family", "table-column");
  element (xml, "style:table-column-properties", "style:rel-column-width", width, NULL);
  end (xml);
}

static GBytes *
content_xml (const UrokPlanText *plan)
{
  Xml xml;

  xml_init (&xml);
  start (&xml, "office:document-content");
  write_namespaces (&xml);
  write_font_faces (&xml);

  start (&xml, "office:automatic-styles");
  write_table_style (&xml, "Plan.Header", "0.4cm");
  write_column_style (&xml, "Plan.Label", "13*");
  write_column_style (&xml, "Plan.Value", "37*");
  write_table_style (&xml, "Plan.Stages", "0cm");
  for (guint i = 0; i < UROK_PLAN_N_COLUMNS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Plan.%c", 'A' + i);

      write_column_style (&xml, name, column_widths[i]);
    }
  write_cell_style (&xml, "Plan.Cell", NULL);
  write_cell_style (&xml, "Plan.ShadedCell", "#e8e8e8");
  end (&xml);

  start (&xml, "office:body");
  start (&xml, "office:text");
  write_paragraphs (&xml, "Title", plan->title);

  /* The header: the short fields two to a row, the long ones across, as
   * in the PDF. */
  start (&xml, "table:table");
  attr (&xml, "table:name", "Lesson");
  attr (&xml, "table:style-name", "Plan.Header");
  for (guint i = 0; i < 2; i++)
    {
      element (&xml, "table:table-column", "table:style-name", "Plan.Label", NULL);
      element (&xml, "table:table-column", "table:style-name", "Plan.Value", NULL);
    }
  for (UrokPlanField field = UROK_PLAN_FIELD_TEACHER; field < UROK_PLAN_FIELD_LESSON_TYPE; field += 2)
    {
      start (&xml, "table:table-row");
      write_field (&xml, plan, field, FALSE);
      write_field (&xml, plan, field + 1, FALSE);
      end (&xml);
    }
  for (UrokPlanField field = UROK_PLAN_FIELD_LESSON_TYPE; field < UROK_PLAN_N_FIELDS; field++)
    {
      start (&xml, "table:table-row");
      write_field (&xml, plan, field, TRUE);
      end (&xml);
    }
  end (&xml);

  start (&xml, "table:table");
  attr (&xml, "table:name", "Stages");
  attr (&xml, "table:style-name", "Plan.Stages");
  for (guint i = 0; i < UROK_PLAN_N_COLUMNS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Plan.%c", 'A' + i);

      element (&xml, "table:table-column", "table:style-name", name, NULL);
    }
  start (&xml, "table:table-header-rows");
  start (&xml, "table:table-row");
  for (guint i = 0; i < UROK_PLAN_N_COLUMNS; i++)
    write_cell (&xml, "Plan.ShadedCell", "Table_20_Heading", plan->columns[i]);
  end (&xml);
  end (&xml);
  for (guint s = 0; s < plan->stages->len; s++)
    {
      const UrokPlanStage *stage = g_ptr_array_index (plan->stages, s);

      start (&xml, "table:table-row");
      write_stage_cell (&xml, stage);
      write_cell (&xml, "Plan.Cell", "Table_20_Contents", stage->teacher_activity);
      write_cell (&xml, "Plan.Cell", "Table_20_Contents", stage->student_activity);
      write_cell (&xml, "Plan.Cell", "Table_20_Contents", stage->methods);
      write_resources_cell (&xml, stage);
      write_cell (&xml, "Plan.Cell", "Table_20_Contents", stage->planned_results);
      end (&xml);
    }
  end (&xml);

  end (&xml); /* office:text */
  end (&xml); /* office:body */
  end (&xml);
  return xml_finish (&xml);
}

static void
write_paragraph_style (Xml        *xml,
                       const char *name,
                       const char *display_name,
                       const char *parent,
                       const char *text_align,
                       const char *font_size,
                       const char *font_weight,
                       const char *color)
{
  start (xml, "style:style");
  attr (xml, "style:name", name);
  if (display_name != NULL)
    attr (xml, "style:display-name", display_name);
  attr (xml, "style:family", "paragraph");
  if (parent != NULL)
    attr (xml, "style:parent-style-name", parent);
  if (text_align != NULL)
    element (xml, "style:paragraph-properties", "fo:text-align", text_align, NULL);
  if (font_size != NULL || font_weight != NULL || color != NULL)
    {
      start (xml, "style:text-properties");
      if (font_size != NULL)
        attr (xml, "fo:font-size", font_size);
      if (font_weight != NULL)
        attr (xml, "fo:font-weight", font_weight);
      if (color != NULL)
        attr (xml, "fo:color", color);
      end (xml);
    }
  end (xml);
}

/* The language the labels are in ("ru", "RU" from ru_RU.UTF-8), so that
 * the word processor checks spelling and breaks words in the right one. */
static void
current_language (char **language,
                  char **country)
{
  const char *name = g_get_language_names ()[0];
  g_auto(GStrv) parts = NULL;

  *language = NULL;
  *country = NULL;
  if (name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
    return;
  parts = g_regex_split_simple ("[_.@]", name, 0, 0);
  if (parts[0] == NULL || strlen (parts[0]) < 2 || strlen (parts[0]) > 3)
    return;
  *language = g_ascii_strdown (parts[0], -1);
  if (parts[1] != NULL && strlen (parts[1]) == 2)
    *country = g_ascii_strup (parts[1], -1);
}

static GBytes *
styles_xml (void)
{
  g_autofree char *language = NULL;
  g_autofree char *country = NULL;
  Xml xml;

  current_language (&language, &country);
  xml_init (&xml);
  start (&xml, "office:document-styles");
  write_namespaces (&xml);
  write_font_faces (&xml);

  start (&xml, "office:styles");
  start (&xml, "style:default-style");
  attr (&xml, "style:family", "paragraph");
  start (&xml, "style:text-properties");
  attr (&xml, "style:font-name", FONT_NAME);
  attr (&xml, "fo:font-size", "9pt");
  if (language != NULL)
    attr (&xml, "fo:language", language);
  if (country != NULL)
    attr (&xml, "fo:country", country);
  /* Words break only when one does not fit its column, as in the PDF. */
  attr (&xml, "fo:hyphenate", "false");
  end (&xml);
  end (&xml);
  write_paragraph_style (&xml, "Standard", NULL, NULL, NULL, NULL, NULL, NULL);
  write_paragraph_style (&xml, "Title", NULL, "Standard", "center", "14pt", "bold", NULL);
  write_paragraph_style (&xml, "Table_20_Contents", "Table Contents", "Standard", NULL, NULL, NULL, NULL);
  write_paragraph_style (&xml, "Table_20_Heading", "Table Heading", "Table_20_Contents", "center", NULL, "bold", NULL);
  write_paragraph_style (&xml, "Plan_20_Label", "Plan Label", "Table_20_Contents", NULL, NULL, "bold", NULL);
  write_paragraph_style (&xml, "Plan_20_Strong", "Plan Strong", "Table_20_Contents", NULL, NULL, "bold", NULL);
  write_paragraph_style (&xml, "Plan_20_Note", "Plan Note", "Table_20_Contents", NULL, "8pt", NULL, GREY);
  write_paragraph_style (&xml, "Footer", NULL, "Standard", "end", "7.5pt", NULL, GREY);
  end (&xml);

  start (&xml, "office:automatic-styles");
  start (&xml, "style:page-layout");
  attr (&xml, "style:name", "Plan.Page");
  element (&xml, "style:page-layout-properties",
           "fo:page-width", PAGE_WIDTH,
           "fo:page-height", PAGE_HEIGHT,
           "style:print-orientation", "landscape",
           "fo:margin-top", PAGE_MARGIN,
           "fo:margin-bottom", "0.8cm",
           "fo:margin-left", PAGE_MARGIN,
           "fo:margin-right", PAGE_MARGIN,
           NULL);
  start (&xml, "style:footer-style");
  element (&xml, "style:header-footer-properties", "fo:min-height", "0.4cm", "fo:margin-top", "0.3cm", NULL);
  end (&xml);
  end (&xml);
  end (&xml);

  start (&xml, "office:master-styles");
  start (&xml, "style:master-page");
  attr (&xml, "style:name", "Standard");
  attr (&xml, "style:page-layout-name", "Plan.Page");
  start (&xml, "style:footer");
  start (&xml, "text:p");
  attr (&xml, "text:style-name", "Footer");
  start (&xml, "text:page-number");
  attr (&xml, "text:select-page", "current");
  text (&xml, "1", 1);
  end (&xml);
  text (&xml, " / ", 3);
  element_text (&xml, "text:page-count", "1");
  end (&xml);
  end (&xml);
  end (&xml);
  end (&xml);

  end (&xml);
  return xml_finish (&xml);
}

static GBytes *
meta_xml (UrokLessonPlan     *self,
          const UrokPlanText *plan)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *title = _urok_lesson_plan_dup_document_title (self);
  g_autofree char *language = NULL;
  g_autofree char *country = NULL;
  Xml xml;

  current_language (&language, &country);
  xml_init (&xml);
  start (&xml, "office:document-meta");
  attr (&xml, "xmlns:office", NS_OFFICE);
  attr (&xml, "xmlns:meta", NS_META);
  attr (&xml, "xmlns:dc", NS_DC);
  attr (&xml, "office:version", ODF_VERSION);
  start (&xml, "office:meta");
  element_text (&xml, "meta:generator", "Urok/" PACKAGE_VERSION);
  element_text (&xml, "dc:title", title);
  if (*plan->values[UROK_PLAN_FIELD_SUBJECT] != '\0')
    element_text (&xml, "dc:subject", plan->values[UROK_PLAN_FIELD_SUBJECT]);
  if (language != NULL)
    {
      g_autofree char *tag = country != NULL ? g_strdup_printf ("%s-%s", language, country) : g_strdup (language);

      element_text (&xml, "dc:language", tag);
    }
  element_text (&xml, "meta:creation-date", created);
  element_text (&xml, "dc:date", created);
  end (&xml);
  end (&xml);
  return xml_finish (&xml);
}

static GBytes *
manifest_xml (void)
{
  static const char *const parts[] = { "content.xml", "styles.xml", "meta.xml" };
  Xml xml;

  xml_init (&xml);
  start (&xml, "manifest:manifest");
  attr (&xml, "xmlns:manifest", NS_MANIFEST);
  attr (&xml, "manifest:version", ODF_VERSION);
  element (&xml, "manifest:file-entry",
           "manifest:full-path", "/",
           "manifest:version", ODF_VERSION,
           "manifest:media-type", ODT_MIME_TYPE,
           NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    element (&xml, "manifest:file-entry",
             "manifest:full-path", parts[i],
             "manifest:media-type", "text/xml",
             NULL);
  end (&xml);
  return xml_finish (&xml);
}

typedef struct archive UrokArchiveWriter;
static void
urok_archive_writer_free (UrokArchiveWriter *a)
{
  archive_write_free (a);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokArchiveWriter, urok_archive_writer_free)

static gboolean
write_entry (struct archive *a,
             const char     *name,
             GBytes         *bytes,
             gboolean        stored,
             time_t          mtime)
{
  struct archive_entry *entry;
  gsize size = 0;
  const void *data = g_bytes_get_data (bytes, &size);
  gboolean ok;

  /* mimetype must be readable at a fixed offset: stored, not deflated. */
  if ((stored ? archive_write_zip_set_compression_store (a)
              : archive_write_zip_set_compression_deflate (a)) != ARCHIVE_OK)
    return FALSE;

  entry = archive_entry_new ();
  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, (la_int64_t)size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, mtime, 0);
  ok = archive_write_header (a, entry) == ARCHIVE_OK &&
       archive_write_data (a, data, size) == (la_ssize_t)size;
  archive_entry_free (entry);
  return ok;
}

gboolean
urok_lesson_plan_write_odt (UrokLessonPlan *self,
                            const char     *path,
                            GError        **error)
{
  g_autoptr(UrokPlanText) plan = NULL;
  g_autoptr(UrokArchiveWriter) a = NULL;
  g_autoptr(GBytes) mimetype = g_bytes_new_static (ODT_MIME_TYPE, strlen (ODT_MIME_TYPE));
  g_autoptr(GBytes) manifest = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GBytes) styles = NULL;
  g_autoptr(GBytes) meta = NULL;
  g_autofree char *tmp_path = NULL;
  time_t now = time (NULL);
  gboolean ok;
  int fd;

  g_return_val_if_fail (UROK_IS_LESSON_PLAN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = _urok_lesson_plan_get_text (self);
  manifest = manifest_xml ();
  content = content_xml (plan);
  styles = styles_xml ();
  meta = meta_xml (self, plan);
  if (manifest == NULL || content == NULL || styles == NULL || meta == NULL)
    {
      _urok_lesson_plan_set_save_error (error, path, G_IO_ERROR_FAILED, g_strerror (ENOMEM));
      return FALSE;
    }

  fd = _urok_lesson_plan_open_temp (path, &tmp_path, error);
  if (fd < 0)
    return FALSE;

  a = archive_write_new ();
  /* No padding after the central directory: ZIP readers look for it at
   * the very end. */
  ok = archive_write_set_format_zip (a) == ARCHIVE_OK &&
       archive_write_set_bytes_in_last_block (a, 1) == ARCHIVE_OK &&
       archive_write_open_fd (a, fd) == ARCHIVE_OK &&
       write_entry (a, "mimetype", mimetype, TRUE, now) &&
       write_entry (a, "META-INF/manifest.xml", manifest, FALSE, now) &&
       write_entry (a, "content.xml", content, FALSE, now) &&
       write_entry (a, "styles.xml", styles, FALSE, now) &&
       write_entry (a, "meta.xml", meta, FALSE, now) &&
       archive_write_close (a) == ARCHIVE_OK;
  if (!ok)
    {
      int saved_errno = archive_errno (a);
      const char *reason = archive_error_string (a);

      _urok_lesson_plan_set_save_error (error, path,
                                        saved_errno > 0 ? g_io_error_from_errno (saved_errno) : G_IO_ERROR_FAILED,
                                        reason != NULL ? reason : g_strerror (saved_errno > 0 ? saved_errno : EIO));
      _urok_lesson_plan_discard_temp (fd, tmp_path);
      return FALSE;
    }
  return _urok_lesson_plan_commit_temp (fd, tmp_path, path, error);
}
