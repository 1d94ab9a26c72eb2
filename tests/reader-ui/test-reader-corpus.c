/* test-reader-corpus.c: the reader on the W3C EPUB 3 reading-system tests.
 *
 * Each book of /work/shared/corpus/epub-tests (or $UROK_EPUB_TESTS) is
 * unpacked into the test's own folder (never the repository) and opened
 * through UrokBookSourceDir: every book whose package reads must be laid
 * out, and the scripting tests that show a pass/fail block must pass.
 * Skipped when the corpus is absent.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <webkit/webkit.h>

#include "core-test-util.h"
#include "ui-test-util.h"
#include "urok-book-source-dir.h"
#include "urok-reader-view.h"

#define DEFAULT_CORPUS "/work/shared/corpus/epub-tests"
#define MAX_ENTRY (64 * 1024 * 1024)

static gboolean
safe_name (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);

  if (name[0] == '/' || name[0] == '\0')
    return FALSE;
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

/* Unpacks @epub into @dir with libarchive; FALSE if it is no zip. */
static gboolean
unpack (const char *epub,
        const char *dir)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  gboolean ok = TRUE;

  archive_read_support_format_zip (a);
  if (archive_read_open_filename (a, epub, 64 * 1024) != ARCHIVE_OK)
    {
      archive_read_free (a);
      return FALSE;
    }
  while (ok && archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      g_autofree char *path = NULL;
      g_autofree char *parent = NULL;
      g_autoptr(GByteArray) data = g_byte_array_new ();
      char buffer[16384];
      la_ssize_t n;

      if (name == NULL || !safe_name (name) || archive_entry_filetype (entry) != AE_IFREG)
        continue;
      while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0 && data->len < MAX_ENTRY)
        g_byte_array_append (data, (guint8 *)buffer, (guint)n);
      if (n < 0)
        ok = FALSE;
      path = g_build_filename (dir, name, NULL);
      parent = g_path_get_dirname (path);
      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      ok = ok && g_file_set_contents (path, (char *)data->data, data->len, NULL);
    }
  archive_read_free (a);
  return ok;
}

static gboolean
ready_or_late (gpointer data)
{
  UrokReaderView *view = ((gpointer *)data)[0];
  gint64 deadline = *(gint64 *)((gpointer *)data)[1];

  return urok_reader_view_is_ready (view) || g_get_monotonic_time () > deadline;
}

static char *
evaluate (UrokReaderView *view,
          const char     *body)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;

  urok_reader_view_evaluate_async (view, body, NULL, ui_test_keep_result, &result);
  ui_test_wait_result (&result);
  value = urok_reader_view_evaluate_finish (view, result, &error);
  return value != NULL ? jsc_value_to_string (value) : g_strdup (error->message);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char *const *)a, *(char *const *)b);
}

static void
test_corpus (void)
{
  const char *corpus = g_getenv ("UROK_EPUB_TESTS") ? g_getenv ("UROK_EPUB_TESTS") : DEFAULT_CORPUS;
  g_autoptr(GDir) listing = g_dir_open (corpus, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unready = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) failed = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *window;
  UrokReaderView *view;
  guint opened = 0, not_books = 0, scripted = 0, passed = 0;
  const char *name;
  gint64 started;

  if (listing == NULL)
    {
      g_test_skip ("The W3C EPUB tests are not at " DEFAULT_CORPUS " (set UROK_EPUB_TESTS)");
      return;
    }
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".epub"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  window = GTK_WINDOW (gtk_window_new ());
  view = UROK_READER_VIEW (urok_reader_view_new ());
  gtk_window_set_default_size (window, 900, 700);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  ui_test_wait_frames (GTK_WIDGET (window), 2);

  started = g_get_monotonic_time ();
  for (guint i = 0; i < names->len; i++)
    {
      const char *book = g_ptr_array_index (names, i);
      g_autofree char *epub = g_build_filename (corpus, book, NULL);
      g_autofree char *dir = core_test_path (book);
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokBookSourceDir) source = NULL;
      gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
      gpointer wait[2] = { view, &deadline };

      if (!unpack (epub, dir) || (source = urok_book_source_dir_new (dir, &error)) == NULL)
        {
          g_test_message ("%s: not opened: %s", book, error != NULL ? error->message : "not a zip");
          not_books++;
          continue;
        }
      urok_reader_view_open (view, UROK_BOOK_SOURCE (source), NULL);
      ui_test_wait_for (ready_or_late, wait);
      opened++;
      if (!urok_reader_view_is_ready (view))
        {
          g_ptr_array_add (unready, g_strdup (book));
          continue;
        }
      /* Scripting tests show #pass or #fail once their script has run. */
      if (g_str_has_prefix (book, "scr-"))
        {
          g_autofree char *verdict = evaluate (view,
            "await new Promise((r) => setTimeout(r, 300));"
            "const shown = (id) => { const e = document.getElementById(id);"
            " return e !== null && getComputedStyle(e).display !== 'none'; };"
            "return shown('pass') && !shown('fail') ? 'pass' : shown('fail') ? 'fail' : 'none';");

          g_test_message ("%s: %s", book, verdict);
          if (!g_str_equal (verdict, "none"))
            scripted++;
          if (g_str_equal (verdict, "pass"))
            passed++;
          else if (g_str_equal (verdict, "fail"))
            g_ptr_array_add (failed, g_strdup (book));
        }
    }
  g_test_message ("BENCH reader-corpus-open %.0f ms/book",
                  (g_get_monotonic_time () - started) / 1000.0 / MAX (opened, 1));
  g_test_message ("%u books opened, %u not books, %u did not lay out; scripting tests: %u of %u pass",
                  opened, not_books, unready->len, passed, scripted);
  for (guint i = 0; i < unready->len; i++)
    g_test_message ("did not lay out: %s", (char *)g_ptr_array_index (unready, i));
  for (guint i = 0; i < failed->len; i++)
    g_test_message ("scripting test fails: %s", (char *)g_ptr_array_index (failed, i));

  gtk_window_destroy (window);
  ui_test_iterate ();
  g_assert_cmpuint (opened, >, 150);
  /* Only spine items in foreign formats stay blank: showing them needs
   * the manifest's fallback chain, which the folder source does not follow
   * (the EPUB package core does). */
  for (guint i = 0; i < unready->len; i++)
    g_assert_true (g_str_has_prefix (g_ptr_array_index (unready, i), "pub-foreign_"));
  g_assert_cmpuint (failed->len, ==, 0);
  g_assert_cmpuint (passed, >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  root = ui_test_isolate_dirs ();

  g_test_add_func ("/reader/corpus/w3c-epub-tests", test_corpus);
  status = core_test_run ();
  {
    g_autoptr(GFile) home = g_file_new_for_path (root);

    core_test_remove_tree (home);
  }
  return status;
}
