/* test-library-page.c: the Library section with real widgets: importing
 * textbooks (again, and broken ones), searching and filtering the covers,
 * and removing a book after the dialog.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "core-test-util.h"
#include "ui-test-util.h"
#include "urok-library-page.h"
#include "urok-reader-page.h"
#include "urok-reader-view.h"
#include "urok-store-annotations.h"
#include "urok-store-book-search.h"

static UrokApplication *app;

static UrokLibraryPage *
library_page (void)
{
  UrokWindow *window = UROK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  return UROK_LIBRARY_PAGE (urok_window_get_page (window, "library"));
}

static UrokBookInfo *
import (const char  *path,
        gboolean    *was_new,
        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  urok_library_page_import_async (library_page (), file, ui_test_keep_result, &result);
  ui_test_wait_result (&result);
  return urok_library_page_import_finish (library_page (), result, was_new, error);
}

static guint
n_cards (void)
{
  GtkWidget *box = ui_test_find_named (GTK_WIDGET (library_page ()), "books_box");
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_get_visible (child);
  return n;
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_cover (gpointer data)
{
  return find_with_class (GTK_WIDGET (library_page ()), "has-cover") != NULL;
}

static void
test_import (void)
{
  UrokWindow *window = UROK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autoptr(UrokBookInfo) book = NULL;
  g_autoptr(UrokBookInfo) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = g_build_filename (g_get_user_data_dir (), "broken.epub", NULL);
  g_autoptr(GListModel) books = NULL;
  gboolean was_new = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "library"));
  book = import (DEMO_EPUB, &was_new, &error);
  g_assert_no_error (error);
  g_assert_true (was_new);
  g_assert_true (g_file_test (urok_book_info_get_file (book), G_FILE_TEST_EXISTS));
  ui_test_iterate ();
  g_assert_cmpuint (n_cards (), ==, 1);
  /* Its card shows the book's own cover picture. */
  ui_test_wait_for (has_cover, NULL);

  /* The same book again is the same book. */
  again = import (DEMO_EPUB, &was_new, &error);
  g_assert_no_error (error);
  g_assert_false (was_new);
  g_assert_cmpint (urok_book_info_get_id (again), ==, urok_book_info_get_id (book));
  ui_test_iterate ();
  g_assert_cmpuint (n_cards (), ==, 1);

  /* A broken file is refused with a reason and changes nothing. */
  g_assert_true (g_file_set_contents (broken, "not a zip at all", -1, NULL));
  g_assert_null (import (broken, &was_new, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  ui_test_iterate ();
  books = urok_store_list_books (urok_application_get_store (app), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (books), ==, 1);
  g_assert_cmpuint (n_cards (), ==, 1);
  ui_test_save_png (GTK_WIDGET (window), "library");

  /* Its text is searchable, in other forms of the word. */
  {
    g_autoptr(GError) search_error = NULL;
    g_autoptr(GListModel) hits = urok_store_search_books (urok_application_get_store (app), "дробями", 0, 20,
                                                          &search_error);

    g_assert_no_error (search_error);
    g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
  }
}

static void
test_search_and_filters (void)
{
  GtkWidget *page = GTK_WIDGET (library_page ());
  GtkEditable *search = GTK_EDITABLE (ui_test_find_named (page, "search_entry"));
  GtkDropDown *subject = GTK_DROP_DOWN (ui_test_find_named (page, "subject_dropdown"));
  GtkDropDown *grade = GTK_DROP_DOWN (ui_test_find_named (page, "grade_dropdown"));
  GtkWidget *no_match = ui_test_find_named (page, "no_match_label");
  g_autoptr(GListModel) books = urok_store_list_books (urok_application_get_store (app), NULL);
  g_autoptr(UrokBookInfo) book = g_list_model_get_item (books, 0);
  g_autofree char *word = NULL;
  g_auto(GStrv) words = g_strsplit (urok_book_info_get_title (book), " ", -1);

  /* A word of the title, in upper case, finds it; nonsense finds nothing. */
  word = g_utf8_strup (words[0], -1);
  gtk_editable_set_text (search, word);
  g_signal_emit_by_name (search, "search-changed");
  ui_test_iterate ();
  g_assert_cmpuint (n_cards (), ==, 1);
  g_assert_false (gtk_widget_get_visible (no_match));
  /* A word of the text (another form of it) lists the places it is in. */
  gtk_editable_set_text (search, "дробями");
  g_signal_emit_by_name (search, "search-changed");
  ui_test_iterate ();
  {
    GtkWidget *hits = ui_test_find_named (page, "text_hits_list");

    g_assert_true (gtk_widget_get_visible (hits));
    g_assert_nonnull (gtk_widget_get_first_child (hits));
    g_assert_true (gtk_widget_get_visible (ui_test_find_named (page, "text_hits_label")));
    ui_test_save_png (gtk_widget_get_ancestor (page, GTK_TYPE_WINDOW), "library-text-search");
    /* A place opens its book there. */
    g_signal_emit_by_name (hits, "row-activated", gtk_widget_get_first_child (hits));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_first_child (page))), ==, "reader");
    g_assert_true (gtk_widget_activate_action (ui_test_find_named (page, "reader_page"), "reader-page.close", NULL));
  }
  gtk_editable_set_text (search, "qqqzzz");
  g_signal_emit_by_name (search, "search-changed");
  ui_test_iterate ();
  g_assert_cmpuint (n_cards (), ==, 0);
  g_assert_true (gtk_widget_get_visible (no_match));
  g_assert_false (gtk_widget_get_visible (ui_test_find_named (page, "text_hits_list")));
  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");

  /* The book's subject is offered; another grade hides it. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (subject)), ==,
                    *urok_book_info_get_subject (book) != '\0' ? 2 : 1);
  if (*urok_book_info_get_subject (book) != '\0')
    {
      gtk_drop_down_set_selected (subject, 1);
      ui_test_iterate ();
      g_assert_cmpuint (n_cards (), ==, 1);
      gtk_drop_down_set_selected (subject, 0);
    }
  gtk_drop_down_set_selected (grade, urok_book_info_get_grade_level (book) == 11 ? 10 : 11);
  ui_test_iterate ();
  g_assert_cmpuint (n_cards (), ==, 0);
  if (urok_book_info_get_grade_level (book) > 0)
    {
      gtk_drop_down_set_selected (grade, (guint)urok_book_info_get_grade_level (book));
      ui_test_iterate ();
      g_assert_cmpuint (n_cards (), ==, 1);
    }
  gtk_drop_down_set_selected (grade, 0);
  ui_test_iterate ();
  g_assert_cmpuint (n_cards (), ==, 1);
}

static void
test_remove (void)
{
  UrokStore *store = urok_application_get_store (app);
  g_autoptr(GListModel) books = urok_store_list_books (store, NULL);
  g_autoptr(UrokBookInfo) book = g_list_model_get_item (books, 0);
  g_autoptr(GListModel) after = NULL;
  AdwMessageDialog *dialog;

  /* Cancelling keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (library_page ()), "library.remove-book", "s",
                                             urok_book_info_get_identifier (book)));
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (GTK_IS_CHECK_BUTTON (adw_message_dialog_get_extra_child (dialog)));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate ();
  g_assert_cmpuint (n_cards (), ==, 1);
  g_assert_true (g_file_test (urok_book_info_get_file (book), G_FILE_TEST_EXISTS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (library_page ()), "library.remove-book", "s",
                                             urok_book_info_get_identifier (book)));
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  ui_test_wait_frames (GTK_WIDGET (dialog), 3);
  ui_test_save_png (GTK_WIDGET (dialog), "library-remove");
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate ();
  after = urok_store_list_books (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 0);
  g_assert_false (g_file_test (urok_book_info_get_file (book), G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_cards (), ==, 0);
  /* Nor is its text found any more. */
  {
    g_autoptr(GListModel) hits = urok_store_search_books (store, "дробь", 0, 20, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  }
}

static UrokReaderPage *
reader_page (void)
{
  return UROK_READER_PAGE (ui_test_find_named (GTK_WIDGET (library_page ()), "reader_page"));
}

static gboolean
view_ready (gpointer data)
{
  GtkWidget *view = urok_reader_page_get_view (reader_page ());

  return view != NULL && urok_reader_view_is_ready (UROK_READER_VIEW (view));
}

/* Waits until WebKit has painted the page and GTK has shown it. */
static void
wait_painted (UrokReaderView *view)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  urok_reader_view_evaluate_async (view, "return new Promise((r) => requestAnimationFrame(() => "
                                         "requestAnimationFrame(() => r('ok'))));", NULL, ui_test_keep_result, &result);
  ui_test_wait_result (&result);
  value = urok_reader_view_evaluate_finish (view, result, &error);
  g_assert_no_error (error);
  ui_test_wait_frames (GTK_WIDGET (view), 5);
}

static gboolean
on_second_page (gpointer data)
{
  GtkWidget *view = urok_reader_page_get_view (reader_page ());

  return view != NULL && urok_reader_view_is_ready (UROK_READER_VIEW (view)) &&
         urok_reader_view_get_spine_index (UROK_READER_VIEW (view)) == 3 &&
         urok_reader_view_get_page (UROK_READER_VIEW (view)) == 1;
}

static gboolean
position_saved (gpointer data)
{
  g_autoptr(UrokBookLocation) location = NULL;

  /* The fourth part of the reading order, chapter 1: /6/8. */
  return urok_store_get_reading_position (urok_application_get_store (app), data, &location, NULL) &&
         location != NULL && g_str_has_prefix (urok_book_location_get_cfi (location), "epubcfi(/6/8");
}

/* A book opens from its card's action, turns pages, and opens again
 * where it was left: the place is stored as a location, not a page. */
static void
test_open_and_reopen (void)
{
  UrokWindow *window = UROK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkStack *stack = GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (library_page ())));
  g_autoptr(UrokBookInfo) book = NULL;
  g_autoptr(UrokBookLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  UrokReaderView *view;
  int spine;

  book = import (DEMO_EPUB, NULL, &error);
  g_assert_no_error (error);
  ui_test_iterate ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (library_page ()), "library.open-book", "s",
                                             urok_book_info_get_identifier (book)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "reader");
  ui_test_wait_for (view_ready, NULL);
  view = UROK_READER_VIEW (urok_reader_page_get_view (reader_page ()));
  g_assert_cmpstr (urok_book_source_get_id (urok_reader_view_get_source (view)), !=, NULL);

  /* Into the book: chapter 1 (the fourth part of its reading order), a
   * page on. */
  urok_reader_view_go_to (view, urok_book_source_get_spine_path (urok_reader_view_get_source (view), 3));
  ui_test_wait_for (view_ready, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reader.next-page", NULL));
  ui_test_wait_for (on_second_page, NULL);
  spine = urok_reader_view_get_spine_index (view);
  g_assert_cmpint (spine, ==, 3);
  g_assert_cmpint (urok_reader_view_get_page (view), ==, 1);
  wait_painted (view);
  ui_test_save_png (GTK_WIDGET (window), "library-reader");
  ui_test_wait_for (position_saved, (gpointer)urok_book_info_get_identifier (book));
  g_assert_true (urok_store_get_reading_position (urok_application_get_store (app),
                                                  urok_book_info_get_identifier (book), &location, &error));
  g_assert_nonnull (urok_book_location_get_cfi (location));
  g_assert_true (g_str_has_prefix (urok_book_location_get_cfi (location), "epubcfi(/6/8[chapter1]!"));

  /* Back to the shelf, and in again: the same part of the book. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader_page ()), "reader-page.close", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "books");
  g_assert_null (urok_reader_page_get_view (reader_page ()));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (library_page ()), "library.open-book", "s",
                                             urok_book_info_get_identifier (book)));
  /* The stored place is on the second page of the chapter. */
  ui_test_wait_for (on_second_page, NULL);
  view = UROK_READER_VIEW (urok_reader_page_get_view (reader_page ()));
  g_assert_cmpint (urok_reader_view_get_spine_index (view), ==, spine);

  /* The bar's settings reach the view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader_page ()), "reader-page.theme", "s", "sepia"));
  g_assert_cmpstr (urok_reader_view_get_theme (view), ==, "sepia");
  wait_painted (view);
  ui_test_save_png (GTK_WIDGET (window), "library-reader-sepia");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader_page ()), "reader-page.close", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = ui_test_isolate_dirs ();
  g_autoptr(GFile) root = NULL;
  g_autoptr(GSettings) settings = NULL;
  int ret;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UROK_LOCALEDIR") ? g_getenv ("UROK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "demo-offered", TRUE);
  app = ui_test_start_app ();

  g_test_add_func ("/ui/library/import", test_import);
  g_test_add_func ("/ui/library/search-and-filters", test_search_and_filters);
  g_test_add_func ("/ui/library/remove", test_remove);
  g_test_add_func ("/ui/library/open-and-reopen", test_open_and_reopen);
  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  root = g_file_new_for_path (dirs);
  core_test_remove_tree (root);
  return ret;
}
