/* test-book-corpus.c: the text extraction and the index on real books: the
 * content documents of the W3C EPUB 3 reading-system tests and of the EPUB
 * samples in /work/shared/corpus (read in place; skipped when absent).
 * Every XHTML/HTML entry must give blocks without an error (or a clear
 * error for an empty one), and a book's words must be found in it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

#include "core-test-util.h"
#include "urok-book-text.h"
#include "urok-store-book-search.h"

#define CORPUS_DIR "/work/shared/corpus"
#define MAX_ENTRY_BYTES (16 * 1024 * 1024)

typedef struct
{
  UrokStore *store;
  gint64     book_id;
  guint      n_documents;
  guint      n_blocks;
  gsize      n_bytes;
  char      *sample_word;  /* a word of the book's text, to search for */
} Run;

static gboolean
is_content_document (const char *name)
{
  return g_str_has_suffix (name, ".xhtml") || g_str_has_suffix (name, ".html")
         || g_str_has_suffix (name, ".htm");
}

/* A word of 6+ letters from the middle of @text, or NULL. */
static char *
pick_word (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);
  guint n = g_strv_length (parts);

  for (guint i = n / 2; i < n; i++)
    {
      gboolean letters = g_utf8_strlen (parts[i], -1) >= 6;

      for (const char *c = parts[i]; *c != '\0' && letters; c = g_utf8_next_char (c))
        letters = g_unichar_isalpha (g_utf8_get_char (c));
      if (letters)
        return g_strdup (parts[i]);
    }
  return NULL;
}

static void
read_book (Run        *run,
           const char *path)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  guint spine = 0;

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_filename (archive, path, 64 * 1024), ==, ARCHIVE_OK);
  g_assert_true (urok_store_begin (run->store, NULL));
  while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      g_autoptr(GByteArray) data = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) blocks = NULL;
      g_autoptr(GError) error = NULL;
      char buffer[16384];
      la_ssize_t got;

      if (name == NULL || !is_content_document (name))
        continue;
      data = g_byte_array_new ();
      while ((got = archive_read_data (archive, buffer, sizeof buffer)) > 0 && data->len < MAX_ENTRY_BYTES)
        g_byte_array_append (data, (const guint8 *)buffer, (guint)got);
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));

      blocks = urok_book_text_extract (bytes, &error);
      if (g_bytes_get_size (bytes) == 0)
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          continue;
        }
      g_assert_no_error (error);
      for (guint i = 0; i < blocks->len; i++)
        {
          UrokBookTextBlock *block = g_ptr_array_index (blocks, i);

          g_assert_true (g_utf8_validate (block->text, -1, NULL));
          g_assert_cmpstr (block->text, !=, "");
          g_assert_true (block->locator[0] == '#' || block->locator[0] == '/');
          run->n_bytes += strlen (block->text);
          if (run->sample_word == NULL)
            run->sample_word = pick_word (block->text);
        }
      run->n_blocks += blocks->len;

      g_assert_true (urok_store_index_book_document (run->store, run->book_id, spine++, name, bytes, &error));
      g_assert_no_error (error);
      run->n_documents++;
    }
  g_assert_true (urok_store_commit (run->store, NULL));
  archive_read_free (archive);
}

static void
test_corpus (gconstpointer data)
{
  g_autofree char *dir_path = g_build_filename (CORPUS_DIR, data, NULL);
  g_autofree char *db_path = core_test_path ("urok.db");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = NULL;
  const char *name;
  guint n_books = 0;
  guint n_found = 0;
  guint n_searched = 0;
  Run run = { 0 };

  if (!g_file_test (dir_path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message = g_strdup_printf ("%s is not here: no real books to read", dir_path);
      g_test_skip (message);
      return;
    }
  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  store = urok_store_open (db_path, &error);
  g_assert_no_error (error);
  run.store = store;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GListModel) hits = NULL;

      if (!g_str_has_suffix (name, ".epub"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      run.book_id = ++n_books;
      g_clear_pointer (&run.sample_word, g_free);
      read_book (&run, path);

      /* A word of the book is found in the book, with a mark. */
      if (run.sample_word == NULL)
        continue;
      n_searched++;
      hits = urok_store_search_books (store, run.sample_word, run.book_id, 5, &error);
      g_assert_no_error (error);
      if (g_list_model_get_n_items (hits) > 0)
        {
          g_autoptr(UrokBookHit) hit = g_list_model_get_item (hits, 0);
          guint n_marks;

          urok_book_hit_get_marks (hit, &n_marks);
          g_assert_cmpuint (n_marks, >, 0);
          n_found++;
        }
      else
        g_test_message ("%s: «%s» not found", name, run.sample_word);
    }
  g_clear_pointer (&run.sample_word, g_free);
  g_test_message ("%u books, %u documents, %u blocks, %zu bytes of text; %u of %u sample words found",
                  n_books, run.n_documents, run.n_blocks, run.n_bytes, n_found, n_searched);
  g_assert_cmpuint (n_books, >, 0);
  g_assert_cmpuint (n_found, ==, n_searched);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/core/book-search/corpus/epub-tests", "epub-tests", test_corpus);
  g_test_add_data_func ("/core/book-search/corpus/epub-samples", "epub-samples", test_corpus);

  return core_test_run ();
}
