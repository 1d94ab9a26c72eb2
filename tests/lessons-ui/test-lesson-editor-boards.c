/* test-lesson-editor-boards.c: board files the test makes (Xournal++, IWB,
 * PDF) come into the real lesson editor through lesson.import-board-uri as
 * board pages of the shown stage, one undoable step a file; bad files show
 * a dialog and add nothing; a board page goes out as PDF, SVG and PNG.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core-test-util.h"
#include "ui-test-util.h"
#include "urok-board-page.h"
#include "urok-lesson-editor.h"
#include "urok-lessons-page.h"

static UrokApplication *app;
static char *demo_uuid;
static char *files_dir;

static UrokStore *
store (void)
{
  return urok_application_get_store (app);
}

/* The demo lesson open in the editor, its first stage shown. */
static UrokLessonEditor *
open_editor (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  UrokLessonsPage *page = UROK_LESSONS_PAGE (urok_window_get_page (UROK_WINDOW (window), "lessons"));
  GtkStack *stack = GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (page)));
  UrokLessonEditor *editor;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "lessons"));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "editor") != 0)
    {
      g_assert_true (urok_lessons_page_show_lesson (page, demo_uuid, &error));
      g_assert_no_error (error);
    }
  ui_test_wait_frames (GTK_WIDGET (window), 2);
  editor = UROK_LESSON_EDITOR (gtk_stack_get_child_by_name (stack, "editor"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.select-stage", "i", 0));
  ui_test_iterate ();
  g_assert_cmpint (urok_lesson_editor_get_selected_stage (editor), ==, 0);
  return editor;
}

static GListModel *
resources (UrokLessonEditor *editor)
{
  g_autoptr(UrokStage) stage = g_list_model_get_item (urok_lesson_get_stages (urok_lesson_editor_get_lesson (editor)), 0);

  return urok_stage_get_resources (stage); /* the lesson keeps it */
}

static UrokResource *
resource_at (UrokLessonEditor *editor,
             guint             index)
{
  g_autoptr(UrokResource) resource = g_list_model_get_item (resources (editor), index);

  return resource; /* the stage keeps it */
}

static GFile *
write_file (const char *name,
            const void *data,
            gsize       size)
{
  g_autofree char *path = g_build_filename (files_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, (gssize)size, NULL));
  return g_file_new_for_path (path);
}

static GFile *
make_iwb (const char *name,
          const char *content)
{
  struct archive *a = archive_write_new ();
  struct archive_entry *e = archive_entry_new ();
  gsize cap = 1u << 20, used = 0;
  g_autofree guint8 *buffer = g_malloc (cap);

  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_memory (a, buffer, cap, &used), ==, ARCHIVE_OK);
  archive_entry_set_pathname (e, "content.xml");
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  archive_entry_set_size (e, (la_int64_t)strlen (content));
  g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_data (a, content, strlen (content)), ==, (la_ssize_t)strlen (content));
  archive_entry_free (e);
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
  return write_file (name, buffer, used);
}

static GFile *
make_pdf (const char *name,
          guint       n_pages)
{
  g_autofree char *path = g_build_filename (files_dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 400, 300);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < n_pages; i++)
    {
      cairo_rectangle (cr, 10, 10, 100 + 50 * i, 50);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

static void
import (UrokLessonEditor *editor,
        GFile            *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.import-board-uri", "s", uri));
}

static guint wanted_resources;

static gboolean
has_resources (gpointer editor)
{
  return g_list_model_get_n_items (resources (editor)) == wanted_resources;
}

/* Imported in a thread: waits until the stage has @count resources. */
static void
wait_resources (UrokLessonEditor *editor,
                guint             count)
{
  wanted_resources = count;
  ui_test_wait_for (has_resources, editor);
  g_assert_cmpuint (g_list_model_get_n_items (resources (editor)), ==, count);
}

static gboolean
dialog_shown (gpointer data)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* The error dialog: its heading names the file; closed after. */
static void
expect_dialog (const char *name)
{
  AdwMessageDialog *dialog;

  ui_test_wait_for (dialog_shown, NULL);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), name));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate ();
}

/* The page a board_page resource carries (with its items until saved). */
static UrokBoardPage *
resource_page (UrokResource *resource)
{
  g_autoptr(GError) error = NULL;
  UrokBoardPage *page;

  g_assert_cmpint (urok_resource_get_kind (resource), ==, UROK_RESOURCE_BOARD_PAGE);
  page = urok_board_page_new_from_string (urok_resource_get_board (resource), &error);
  g_assert_no_error (error);
  return page;
}

static void
test_import (void)
{
  static const char xopp[] =
    "<xournal><page width=\"300\" height=\"200\"><layer>"
    "<stroke tool=\"pen\" color=\"#ff0000ff\" width=\"2\">10 10 100 100</stroke>"
    "<text size=\"12\" x=\"5\" y=\"5\" color=\"black\">Дроби</text></layer></page>"
    "<page width=\"300\" height=\"200\"/></xournal>";
  static const char iwb[] =
    "<iwb xmlns=\"http://www.becta.org.uk/iwb\" xmlns:svg=\"http://www.w3.org/2000/svg\">"
    "<svg:svg width=\"400\" height=\"300\"><svg:rect width=\"400\" height=\"300\" fill=\"white\"/>"
    "<svg:polyline points=\"0,150 400,150\" stroke=\"#ff0000\" stroke-width=\"20\" fill=\"none\"/>"
    "</svg:svg></iwb>";
  UrokLessonEditor *editor = open_editor ();
  g_autoptr(GFile) xopp_file = write_file ("доска.xopp", xopp, strlen (xopp));
  g_autoptr(GFile) iwb_file = make_iwb ("panel.iwb", iwb);
  g_autoptr(GFile) pdf_file = make_pdf ("slides.pdf", 2);
  g_autoptr(GFile) bad_iwb = make_iwb ("broken.iwb", "<iwb>");
  g_autoptr(GFile) text_file = write_file ("notes.txt", "text", 4);
  guint n = g_list_model_get_n_items (resources (editor));

  /* Two pages of a Xournal++ file: two board pages, named after it. */
  import (editor, xopp_file);
  wait_resources (editor, n + 2);
  g_assert_cmpstr (urok_resource_get_title (resource_at (editor, n)), ==, "доска, page 1");
  {
    g_autoptr(UrokBoardPage) first = resource_page (resource_at (editor, n));
    g_autoptr(UrokBoardPage) second = resource_page (resource_at (editor, n + 1));

    g_assert_cmpuint (urok_board_page_get_n_items (first), ==, 2);
    g_assert_cmpfloat (urok_board_page_get_width (first), ==, 400); /* 300 pt */
    g_assert_cmpuint (urok_board_page_get_n_items (second), ==, 0);
  }
  /* One step: one undo takes both away, redo brings both back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.undo", NULL));
  ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (resources (editor)), ==, n);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lesson.redo", NULL));
  ui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (resources (editor)), ==, n + 2);

  /* One IWB page, titled with the file's name alone. */
  import (editor, iwb_file);
  wait_resources (editor, n + 3);
  g_assert_cmpstr (urok_resource_get_title (resource_at (editor, n + 2)), ==, "panel");
  {
    g_autoptr(UrokBoardPage) page = resource_page (resource_at (editor, n + 2));

    g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 2);
  }

  /* PDF pages as backgrounds. */
  import (editor, pdf_file);
  wait_resources (editor, n + 5);
  {
    g_autoptr(UrokBoardPage) page = resource_page (resource_at (editor, n + 4));

    g_assert_cmpint (urok_board_page_get_background (page), ==, UROK_BOARD_BACKGROUND_PDF);
    g_assert_nonnull (urok_board_page_get_background_data (page));
  }

  {
    GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

    ui_test_wait_frames (GTK_WIDGET (window), 3);
    ui_test_save_png (GTK_WIDGET (window), "lesson-editor-board-pages");
  }

  /* Bad files: a dialog naming the file, and nothing added. */
  import (editor, bad_iwb);
  expect_dialog ("broken.iwb");
  import (editor, text_file);
  expect_dialog ("notes.txt");
  g_assert_cmpuint (g_list_model_get_n_items (resources (editor)), ==, n + 5);
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  cairo_surface_flush (surface);
  return *(guint32 *)(cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + 4 * x);
}

static void
test_export (void)
{
  UrokLessonEditor *editor = open_editor ();
  guint n = g_list_model_get_n_items (resources (editor));
  UrokResource *resource = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBoardPage) stored = NULL;

  /* The IWB page of the test before, saved: the store holds its items now. */
  for (guint i = 0; i < n && resource == NULL; i++)
    if (g_strcmp0 (urok_resource_get_title (resource_at (editor, i)), "panel") == 0)
      resource = resource_at (editor, i);
  g_assert_nonnull (resource);
  g_assert_true (urok_lesson_editor_flush (editor, &error));
  g_assert_no_error (error);
  stored = urok_store_load_board_page (store (), urok_resource_get_uuid (resource), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (urok_board_page_get_n_items (stored), ==, 2);

  for (guint i = 0; i < 4; i++)
    {
      static const char *const names[] = { "page.png", "page.svg", "page.pdf", "page.doc" };
      static const char *const magic[] = { "\x89PNG", "<?xml", "%PDF", NULL };
      g_autofree char *path = g_build_filename (files_dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GAsyncResult) result = NULL;
      g_autofree char *contents = NULL;

      urok_lesson_editor_export_board_page_async (editor, urok_resource_get_uuid (resource), file,
                                                  ui_test_keep_result, &result);
      ui_test_wait_result (&result);
      if (magic[i] == NULL)
        {
          g_assert_false (urok_lesson_editor_export_board_page_finish (editor, result, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
          g_clear_error (&error);
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
          continue;
        }
      g_assert_true (urok_lesson_editor_export_board_page_finish (editor, result, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, magic[i]));
    }

  /* The PNG shows the page: its size, white, the red line across. */
  {
    g_autofree char *path = g_build_filename (files_dir, "page.png", NULL);
    cairo_surface_t *png = cairo_image_surface_create_from_png (path);

    g_assert_cmpint (cairo_image_surface_get_width (png), ==, 400);
    g_assert_cmpint (cairo_image_surface_get_height (png), ==, 300);
    g_assert_cmphex (pixel (png, 200, 150) & 0xffffff, ==, 0xff0000);
    g_assert_cmphex (pixel (png, 200, 50) & 0xffffff, ==, 0xffffff);
    cairo_surface_destroy (png);
  }

  /* Not a board page: refused. */
  {
    g_autofree char *path = g_build_filename (files_dir, "nothing.png", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GAsyncResult) result = NULL;

    urok_lesson_editor_export_board_page_async (editor, "no-such-resource", file, ui_test_keep_result, &result);
    ui_test_wait_result (&result);
    g_assert_false (urok_lesson_editor_export_board_page_finish (editor, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = ui_test_isolate_dirs ();
  g_autoptr(GFile) root = NULL;
  g_autoptr(GListModel) lessons = NULL;
  g_autoptr(UrokLessonInfo) demo = NULL;
  int ret;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UROK_LOCALEDIR") ? g_getenv ("UROK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = ui_test_start_app ();
  lessons = urok_store_list_lessons (store (), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (lessons), ==, 1);
  demo = g_list_model_get_item (lessons, 0);
  demo_uuid = g_strdup (urok_lesson_info_get_uuid (demo));
  files_dir = g_build_filename (dirs, "files", NULL);
  g_mkdir_with_parents (files_dir, 0700);

  g_test_add_func ("/ui/lesson-editor/import-board-files", test_import);
  g_test_add_func ("/ui/lesson-editor/export-board-page", test_export);

  ret = g_test_run ();
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_pointer (&demo_uuid, g_free);
  g_clear_pointer (&files_dir, g_free);

  root = g_file_new_for_path (dirs);
  core_test_remove_tree (root);
  return ret;
}
