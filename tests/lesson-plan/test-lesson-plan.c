/* test-lesson-plan.c: the lesson plan document: pages, PDF, ODT, failures.
 *
 * The PDF is read back with poppler's pdftotext (nothing lost, the header
 * repeated) and rendered with pdftoppm to tests/lesson-plan/plan-*.png in
 * the build tree, to be looked at.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"
#include "plan-test-util.h"

#include <archive.h>
#include <archive_entry.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "urok-lesson-plan.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

#define ODT_MIME_TYPE "application/vnd.oasis.opendocument.text"

static UrokLessonPlan *
plan_new (gboolean very_long)
{
  g_autoptr(UrokLesson) lesson = plan_test_lesson_new (very_long);

  return urok_lesson_plan_new (lesson, "Иванова Анна Петровна", "МБОУ «Школа № 17» г. Твери", "5 «Б»");
}

static PangoContext *
points_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);

  pango_cairo_context_set_resolution (context, 72.0);
  return context;
}

/* Runs @argv; FALSE (and the test skipped) when the tool is not there. */
static gboolean
run_tool (const char *const *argv,
          char              **out_stdout)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s (poppler-utils) is not installed: "
                                                  "the PDF cannot be read back or rendered",
                                                  argv[0]);
      g_test_skip (message);
      return FALSE;
    }
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out_stdout, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return TRUE;
}

/* Whitespace, line breaks included, folded to single spaces. */
static char *
fold_space (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f\r", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  return g_string_free (out, FALSE);
}

static char *
pdf_text (const char *pdf,
          int         first_page,
          int         last_page)
{
  g_autofree char *first = g_strdup_printf ("%d", first_page);
  g_autofree char *last = g_strdup_printf ("%d", last_page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", last, pdf, "-", NULL };
  g_autofree char *text = NULL;

  if (!run_tool (argv, &text))
    return NULL;
  return fold_space (text);
}

static void
test_paginate (void)
{
  g_autoptr(UrokLessonPlan) plan = plan_new (TRUE);
  g_autoptr(UrokLessonPlan) short_plan = plan_new (FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 842, 595);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = points_context (cr);
  guint landscape;
  guint portrait;
  guint n_short;

  landscape = urok_lesson_plan_paginate (plan, context, 842, 595);
  /* The long stage alone fills several pages. */
  g_assert_cmpuint (landscape, >=, 4);
  g_assert_cmpuint (urok_lesson_plan_paginate (plan, context, 842, 595), ==, landscape);
  for (guint i = 0; i < landscape; i++)
    urok_lesson_plan_draw_page (plan, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  /* Narrower pages hold less, and still lay out. */
  portrait = urok_lesson_plan_paginate (plan, context, 595, 842);
  g_assert_cmpuint (portrait, >, 0);
  for (guint i = 0; i < portrait; i++)
    urok_lesson_plan_draw_page (plan, cr, i);
  g_assert_cmpuint (urok_lesson_plan_paginate (plan, context, 420, 298), >, landscape);

  /* Ten ordinary stages run over a second page too. */
  n_short = urok_lesson_plan_paginate (short_plan, context, 842, 595);
  g_assert_cmpuint (n_short, >=, 2);
  g_assert_cmpuint (n_short, <, landscape);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
remove_old_pngs (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "plan-") && g_str_has_suffix (name, ".png"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
}

static void
test_pdf (void)
{
  g_autoptr(UrokLessonPlan) plan = plan_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = core_test_path ("План урока.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *all = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *last_page = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages_line = NULL;
  g_autofree char *prefix = g_build_filename (PLAN_OUTPUT_DIR, "plan", NULL);
  g_autofree char *first_png = NULL;
  gsize length = 0;
  guint n_pages;

  g_assert_true (urok_lesson_plan_write_pdf (plan, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  {
    const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };

    if (!run_tool (argv, &info))
      return;
    /* The document's title: the plan's, and its topic. */
    g_assert_nonnull (strstr (info, PLAN_TEST_TOPIC));
    pages_line = g_strdup (strstr (info, "Pages:"));
    g_assert_nonnull (pages_line);
    n_pages = (guint)g_ascii_strtoull (pages_line + strlen ("Pages:"), NULL, 10);
    g_assert_cmpuint (n_pages, >=, 4);
  }

  /* Pictures of the pages, to be looked at. */
  remove_old_pngs (PLAN_OUTPUT_DIR);
  {
    g_autoptr(GFile) source = g_file_new_for_path (path);
    g_autoptr(GFile) copy = g_file_new_for_path (PLAN_OUTPUT_DIR "/plan.pdf");

    g_assert_true (g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  }
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "60", path, prefix, NULL };

    if (!run_tool (argv, NULL))
      return;
  }
  first_png = g_strdup_printf ("%s-%s1.png", prefix, n_pages >= 10 ? "0" : "");
  g_assert_true (g_file_test (first_png, G_FILE_TEST_IS_REGULAR));

  all = pdf_text (path, 1, (int)n_pages);
  g_assert_nonnull (all);
  g_assert_nonnull (strstr (all, PLAN_TEST_TOPIC));
  g_assert_nonnull (strstr (all, "Иванова Анна Петровна"));
  g_assert_nonnull (strstr (all, "МБОУ «Школа № 17» г. Твери"));
  g_assert_nonnull (strstr (all, "5 «Б»"));
  for (guint i = 0; i < PLAN_TEST_N_STAGES; i++)
    g_assert_nonnull (strstr (all, plan_test_stages[i].title));
  /* Every step of the long text, and its last words: nothing was lost
   * where the row was split. */
  for (guint i = 1; i <= PLAN_TEST_N_STEPS; i++)
    {
      g_autofree char *step = g_strdup_printf ("Шаг %u. Учитель", i);

      if (strstr (all, step) == NULL)
        g_error ("“%s” is missing from the PDF", step);
    }
  g_assert_nonnull (strstr (all, PLAN_TEST_LAST_WORDS));
  /* Every resource kind is named, the URL whole. */
  g_assert_nonnull (strstr (all, "Модель «пирог»"));
  g_assert_nonnull (strstr (all, "§ 24, с. 112–114"));
  /* The URL wraps in its narrow column, but whole: no hyphen was added. */
  {
    g_auto(GStrv) words = g_strsplit (all, " ", -1);
    g_autofree char *unspaced = g_strjoinv ("", words);

    g_assert_nonnull (strstr (unspaced, "https://resh.edu.ru/subject/lesson/7786/conspect/233800/"));
  }
  g_assert_nonnull (strstr (all, "Проверочный тест по дробям"));
  g_assert_nonnull (strstr (all, "Иллюстрация: пирог на восемь частей"));
  g_assert_nonnull (strstr (all, "складывают числители"));

  /* The table's header row starts the later pages, and page numbers end them. */
  page2 = pdf_text (path, 2, 2);
  g_assert_nonnull (strstr (page2, "Teacher activity"));
  g_assert_nonnull (strstr (page2, "Methods and forms of work"));
  g_assert_null (strstr (page2, "Goals"));
  last_page = pdf_text (path, (int)n_pages, (int)n_pages);
  g_assert_nonnull (strstr (last_page, "Student activity"));
  {
    /* pdftotext may drop the narrow spaces of the small footer font. */
    g_auto(GStrv) words = g_strsplit (last_page, " ", -1);
    g_autofree char *unspaced = g_strjoinv ("", words);
    g_autofree char *number = g_strdup_printf ("%u/%u", n_pages, n_pages);

    g_assert_nonnull (strstr (unspaced, number));
  }

}

static GBytes *
read_entry (struct archive *a)
{
  GByteArray *data = g_byte_array_new ();
  guint8 buffer[8192];
  la_ssize_t n;

  while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0)
    g_byte_array_append (data, buffer, (guint)n);
  g_assert_cmpint (n, ==, 0);
  return g_byte_array_free_to_bytes (data);
}

static xmlDoc *
parse (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDoc *doc = xmlReadMemory (data, (int)size, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  return doc;
}

static gboolean
has_element (xmlNode    *node,
             const char *name)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *)node->name, name) == 0)
        return TRUE;
      if (has_element (node->children, name))
        return TRUE;
    }
  return FALSE;
}

static char *
doc_text (xmlDoc *doc)
{
  xmlChar *content = xmlNodeGetContent (xmlDocGetRootElement (doc));
  char *text = g_strdup ((const char *)content);

  xmlFree (content);
  return text;
}

/* The ODT's parts, in order, with their bytes. */
static GPtrArray *
read_odt (const char  *path,
          GHashTable **out_parts)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      g_ptr_array_add (names, g_strdup (archive_entry_pathname (entry)));
      g_hash_table_insert (parts, g_strdup (archive_entry_pathname (entry)), read_entry (a));
    }
  archive_read_free (a);
  *out_parts = parts;
  return names;
}

static void
test_odt (void)
{
  g_autoptr(UrokLessonPlan) plan = plan_new (TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = core_test_path ("plan.odt");
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(xmlDoc) content = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  g_autoptr(xmlDoc) meta = NULL;
  g_autoptr(xmlDoc) manifest = NULL;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *long_text = plan_test_long_text ();
  g_autofree char *styles_text = NULL;
  gsize length = 0;
  const guint8 *header;
  const char *mimetype;

  g_assert_true (urok_lesson_plan_write_odt (plan, path, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GFile) source = g_file_new_for_path (path);
    g_autoptr(GFile) copy = g_file_new_for_path (PLAN_OUTPUT_DIR "/plan.odt");

    g_assert_true (g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  }

  /* mimetype first and stored: readable at a fixed offset by file(1)-like
   * sniffers, as ODF requires. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  header = (const guint8 *)contents;
  g_assert_cmpuint (length, >, 30 + 8 + strlen (ODT_MIME_TYPE));
  g_assert_cmpmem (header, 4, "PK\003\004", 4);
  g_assert_cmpuint (header[8] | header[9] << 8, ==, 0); /* method: stored */
  g_assert_cmpuint (header[26] | header[27] << 8, ==, 8);
  g_assert_cmpmem (header + 30, 8, "mimetype", 8);
  mimetype = contents + 30 + 8 + (header[28] | header[29] << 8);
  g_assert_cmpmem (mimetype, strlen (ODT_MIME_TYPE), ODT_MIME_TYPE, strlen (ODT_MIME_TYPE));

  names = read_odt (path, &parts);
  g_assert_cmpuint (names->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "mimetype");
  g_assert_true (g_ptr_array_find_with_equal_func (names, "META-INF/manifest.xml", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "content.xml", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "styles.xml", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "meta.xml", g_str_equal, NULL));
  g_assert_cmpmem (g_bytes_get_data (g_hash_table_lookup (parts, "mimetype"), NULL),
                   g_bytes_get_size (g_hash_table_lookup (parts, "mimetype")),
                   ODT_MIME_TYPE, strlen (ODT_MIME_TYPE));

  /* Well-formed, every part. */
  content = parse (g_hash_table_lookup (parts, "content.xml"));
  styles = parse (g_hash_table_lookup (parts, "styles.xml"));
  meta = parse (g_hash_table_lookup (parts, "meta.xml"));
  manifest = parse (g_hash_table_lookup (parts, "META-INF/manifest.xml"));

  g_assert_true (has_element (xmlDocGetRootElement (content), "table-header-rows"));
  g_assert_true (has_element (xmlDocGetRootElement (content), "table-column"));
  text = doc_text (content);
  g_assert_nonnull (strstr (text, PLAN_TEST_TOPIC));
  g_assert_nonnull (strstr (text, "Иванова Анна Петровна"));
  g_assert_nonnull (strstr (text, "МБОУ «Школа № 17» г. Твери"));
  for (guint i = 0; i < PLAN_TEST_N_STAGES; i++)
    g_assert_nonnull (strstr (text, plan_test_stages[i].title));
  g_assert_nonnull (strstr (text, "Teacher activity"));
  g_assert_nonnull (strstr (text, "https://resh.edu.ru/subject/lesson/7786/conspect/233800/"));
  /* The long text whole: its lines are paragraphs, so compare it without
   * line breaks. */
  {
    g_autofree char *long_folded = fold_space (long_text);

    folded = fold_space (text);
    g_assert_nonnull (strstr (folded, PLAN_TEST_LAST_WORDS));
    g_assert_nonnull (g_strstr_len (folded, -1, "Шаг 25. Учитель"));
    g_assert_cmpuint (strlen (long_folded), >, 1000);
  }

  /* A4 landscape, page numbers in the footer. */
  styles_text = g_strndup (g_bytes_get_data (g_hash_table_lookup (parts, "styles.xml"), NULL),
                           g_bytes_get_size (g_hash_table_lookup (parts, "styles.xml")));
  g_assert_nonnull (strstr (styles_text, "style:print-orientation=\"landscape\""));
  g_assert_nonnull (strstr (styles_text, "fo:page-width=\"29.7cm\""));
  g_assert_true (has_element (xmlDocGetRootElement (styles), "page-number"));
  g_assert_true (has_element (xmlDocGetRootElement (styles), "page-count"));
  g_assert_true (has_element (xmlDocGetRootElement (meta), "title"));
  g_assert_true (has_element (xmlDocGetRootElement (manifest), "file-entry"));
}

/* What no teacher types but a paste can bring: control characters,
 * broken UTF-8, markup and XML's special characters, runs of spaces. */
static void
test_hostile_text (void)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokStage) stage = urok_stage_new ("<b>Этап</b> & \"кавычки\" 'да'", 5);
  g_autoptr(UrokResource) link = urok_resource_new (UROK_RESOURCE_LINK);
  g_autoptr(UrokLessonPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = core_test_path ("hostile.pdf");
  g_autofree char *odt = core_test_path ("hostile.odt");
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(xmlDoc) content = NULL;
  g_autofree char *text = NULL;

  urok_lesson_set_topic (lesson, "Тема\x01\x02 с \x1b управляющими <span>символами</span>");
  urok_stage_set_teacher_activity (stage, "Первая строка\r\nвторая\tс табуляцией,   три пробела,\x0b\x0c конец");
  urok_stage_set_student_activity (stage, "   ведущие пробелы & <i>разметка</i> ]]> &amp;");
  urok_stage_set_methods (stage, "Метод\xff\xfe работы");
  urok_resource_set_target (link, "https://example.org/?a=1&b=<2>");
  urok_stage_insert_resource (stage, 0, link);
  urok_lesson_insert_stage (lesson, 0, stage);
  plan = urok_lesson_plan_new (lesson, "Учитель\x7f", NULL, "7\x03Б");

  g_assert_true (urok_lesson_plan_write_pdf (plan, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (urok_lesson_plan_write_odt (plan, odt, &error));
  g_assert_no_error (error);

  names = read_odt (odt, &parts);
  content = parse (g_hash_table_lookup (parts, "content.xml"));
  text = doc_text (content);
  g_assert_nonnull (strstr (text, "<b>Этап</b> & \"кавычки\" 'да'"));
  g_assert_nonnull (strstr (text, "с управляющими <span>символами</span>"));
  g_assert_nonnull (strstr (text, "https://example.org/?a=1&b=<2>"));
  g_assert_nonnull (strstr (text, "]]> &amp;"));
  g_assert_nonnull (strstr (text, "Метод\xef\xbf\xbd"));
  g_assert_null (strchr (text, '\x01'));
}

static void
test_empty_lesson (void)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokLessonPlan) plan = urok_lesson_plan_new (lesson, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = core_test_path ("empty.pdf");
  g_autofree char *odt = core_test_path ("empty.odt");
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) parts = NULL;
  g_autoptr(xmlDoc) content = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = points_context (cr);

  g_assert_cmpuint (urok_lesson_plan_paginate (plan, context, 842, 595), ==, 1);
  urok_lesson_plan_draw_page (plan, cr, 0);
  g_assert_true (urok_lesson_plan_write_pdf (plan, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (urok_lesson_plan_write_odt (plan, odt, &error));
  g_assert_no_error (error);
  names = read_odt (odt, &parts);
  content = parse (g_hash_table_lookup (parts, "content.xml"));
  g_assert_true (has_element (xmlDocGetRootElement (content), "table-header-rows"));

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

typedef gboolean (*WriteFunc) (UrokLessonPlan *self,
                               const char     *path,
                               GError        **error);

static void
check_write_fails (WriteFunc write)
{
  g_autoptr(UrokLessonPlan) plan = plan_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = core_test_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "plan.out", NULL);
  g_autofree char *folder = g_build_filename (dir, "plan.out", NULL);
  g_autofree char *inside = g_build_filename (folder, "kept", NULL);
  g_autofree char *readonly = g_build_filename (dir, "readonly", NULL);
  g_autofree char *in_readonly = g_build_filename (readonly, "plan.out", NULL);
  g_autofree char *existing = g_build_filename (dir, "existing.out", NULL);
  g_autofree char *old = NULL;

  /* A folder that is not there. */
  g_assert_false (write (plan, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "plan.out"));
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* A name taken by a folder: the document is written, the rename fails,
   * and the temporary file goes. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "kept", -1, NULL));
  g_assert_false (write (plan, folder, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_cmpuint (count_entries (folder), ==, 1);

  /* A folder we may not write to (root may write anywhere). */
  g_assert_cmpint (g_mkdir (readonly, 0500), ==, 0);
  if (geteuid () != 0)
    {
      g_assert_false (write (plan, in_readonly, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_assert_cmpuint (count_entries (readonly), ==, 0);
    }
  g_chmod (readonly, 0700);

  /* An existing file is replaced whole. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  g_assert_true (write (plan, existing, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (existing, &old, NULL, NULL));
  g_assert_cmpstr (old, !=, "old");
  g_assert_cmpuint (count_entries (dir), ==, 3);
}

static void
test_pdf_write_fails (void)
{
  check_write_fails (urok_lesson_plan_write_pdf);
}

static void
test_odt_write_fails (void)
{
  check_write_fails (urok_lesson_plan_write_odt);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/lesson-plan/paginate", test_paginate);
  g_test_add_func ("/core/lesson-plan/pdf", test_pdf);
  g_test_add_func ("/core/lesson-plan/odt", test_odt);
  g_test_add_func ("/core/lesson-plan/hostile-text", test_hostile_text);
  g_test_add_func ("/core/lesson-plan/empty-lesson", test_empty_lesson);
  g_test_add_func ("/core/lesson-plan/pdf-write-fails", test_pdf_write_fails);
  g_test_add_func ("/core/lesson-plan/odt-write-fails", test_odt_write_fails);

  ret = core_test_run ();

  /* Pango's font map and fontconfig's caches live as long as the process:
   * freed here, LeakSanitizer sees only what the plan itself leaks. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return ret;
}
