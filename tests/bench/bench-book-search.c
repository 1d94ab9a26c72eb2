/* bench-book-search.c: reader.index (30 MB of book text as XHTML: text
 * extraction and indexing with the stemming tokenizer, one transaction per
 * book) and reader.search (the best 20 places with snippets over that
 * index, the median of several queries).  reader.index is the book
 * import's way, urok_store_index_book_async() (reading a document's text
 * on one thread while the previous one is written on another);
 * reader.index_one_thread the same work document by document on one.
 *
 * The text is made of the demo textbook's own words and some English ones,
 * in sentences and paragraphs of varying length, so that the vocabulary,
 * word lengths and the stemmer's work look like a real book's.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "urok-book-text.h"
#include "urok-fts-stem-tokenizer.h"
#include "urok-store-book-search.h"

#define TARGET_TEXT_BYTES (30 * 1000 * 1000)
#define DOCUMENT_TEXT_BYTES (100 * 1000)
#define DOCUMENTS_PER_BOOK 30
#define SEARCH_RUNS 7

static const char *const english[] = {
  "the", "teacher", "teaches", "teaching", "students", "student", "fraction", "fractions",
  "numerator", "denominator", "equal", "parts", "whole", "number", "numbers", "divide",
  "divided", "lesson", "lessons", "exercise", "exercises", "answer", "answers", "chapter",
  "example", "examples", "shows", "showing", "simple", "simplify", "common", "reading",
  "book", "books", "page", "pages", "table", "picture", "count", "counting", "of", "and",
  "in", "a", "to", "is", "are", "with", "for", "each", "school", "class", "classes",
};

static const char *const chapter_files[] = {
  "chapter1.xhtml", "chapter2.xhtml", "chapter3.xhtml", "answers.xhtml",
};

static const char *const queries[] = {
  "дроби", "учебник", "числитель и знаменатель", "сократить дробь", "знам", "равные части",
  "teacher", "fractions students", "пирог", "смешанное число", "задача",
};

/* The words of the demo textbook's chapters, as written (with case). */
static GPtrArray *
demo_words (void)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (chapter_files); i++)
    {
      g_autofree char *path = g_build_filename (DEMO_TEXTBOOK_DIR, "EPUB", chapter_files[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) blocks = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        g_error ("Cannot read %s", path);
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      blocks = urok_book_text_extract (bytes, NULL);
      g_assert (blocks != NULL);
      for (guint b = 0; b < blocks->len; b++)
        {
          UrokBookTextBlock *block = g_ptr_array_index (blocks, b);
          g_auto(GStrv) parts = g_strsplit (block->text, " ", -1);

          /* Each word once, with the punctuation around it left out. */
          for (int p = 0; parts[p] != NULL; p++)
            {
              char *word = parts[p];
              char *end;

              while (*word != '\0' && !g_unichar_isalpha (g_utf8_get_char (word)))
                word = g_utf8_next_char (word);
              end = word + strlen (word);
              while (end > word && !g_unichar_isalpha (g_utf8_get_char (g_utf8_find_prev_char (word, end))))
                end = g_utf8_find_prev_char (word, end);
              *end = '\0';
              if (*word != '\0' && g_hash_table_add (seen, g_strdup (word)))
                g_ptr_array_add (words, g_strdup (word));
            }
        }
    }
  /* Other forms of the longer Russian words, as the rest of a real book
   * would have them (some of them not real words: the stemmer does not
   * care). */
  for (guint i = 0, n = words->len; i < n; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      static const char *const endings[] = { "а", "ы", "е", "ой", "ами", "ах", "ом", "у" };
      glong length = g_utf8_strlen (word, -1);

      if (length < 6 || g_utf8_get_char (word) < 0x0400 || g_utf8_get_char (word) > 0x04FF)
        continue;
      for (gsize e = 0; e < G_N_ELEMENTS (endings); e++)
        {
          g_autofree char *stem = g_utf8_substring (word, 0, length - 1);
          char *form = g_strconcat (stem, endings[e], NULL);

          if (g_hash_table_add (seen, g_strdup (form)))
            g_ptr_array_add (words, form);
          else
            g_free (form);
        }
    }
  for (gsize i = 0; i < G_N_ELEMENTS (english); i++)
    g_ptr_array_add (words, g_strdup (english[i]));
  return words;
}

/* A word drawn as words occur in text, by Zipf's law: the word of rank r
 * (in @words' order, shuffled) with a probability in proportion to 1/r. */
static const char *
draw_word (GPtrArray    *words,
           const double *cumulative,
           GRand        *rand)
{
  double x = g_rand_double (rand) * cumulative[words->len - 1];
  guint lo = 0;
  guint hi = words->len - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (cumulative[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return g_ptr_array_index (words, lo);
}

/* One content document of about DOCUMENT_TEXT_BYTES of text; adds the
 * text's size to @text_bytes. */
static GBytes *
make_document (GPtrArray    *words,
               const double *cumulative,
               GRand        *rand,
               guint      number,
               gsize     *text_bytes)
{
  GString *xhtml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                 "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ru\"><head>"
                                 "<title>Глава</title></head><body><section>\n");
  gsize text = 0;
  guint paragraph = 0;

  g_string_append_printf (xhtml, "<h1 id=\"ch%u\">Глава %u</h1>\n", number, number);
  while (text < DOCUMENT_TEXT_BYTES)
    {
      guint sentences = g_rand_int_range (rand, 2, 7);
      gsize start;

      if (paragraph % 7 == 0)
        g_string_append_printf (xhtml, "<p id=\"p%u-%u\">", number, paragraph);
      else
        g_string_append (xhtml, "<p>");
      start = xhtml->len;
      for (guint s = 0; s < sentences; s++)
        {
          guint n = g_rand_int_range (rand, 6, 22);

          for (guint w = 0; w < n; w++)
            {
              const char *word = draw_word (words, cumulative, rand);

              if (w > 0)
                g_string_append_c (xhtml, ' ');
              if (w == n / 2 && n > 10)
                g_string_append (xhtml, "<em>");
              g_string_append (xhtml, word);
              if (w == n / 2 && n > 10)
                g_string_append (xhtml, "</em>");
            }
          g_string_append (xhtml, s + 1 < sentences ? ". " : ".");
        }
      text += xhtml->len - start;
      g_string_append (xhtml, "</p>\n");
      paragraph++;
    }
  g_string_append (xhtml, "</section></body></html>\n");
  *text_bytes += text;
  return g_string_free_to_bytes (xhtml);
}

static void
on_indexed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!urok_store_index_book_finish (UROK_STORE (source), result, &error))
    g_error ("%s", error->message);
  *(gboolean *)user_data = TRUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("urok-bench-books-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(GPtrArray) words = demo_words ();
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  double medians[G_N_ELEMENTS (queries)];
  g_autofree double *cumulative = NULL;
  clock_t cpu_start;
  gsize text_bytes = 0;
  gsize xhtml_bytes = 0;
  gint64 start;
  double index_ms;
  struct stat st;

  g_assert_no_error (error);
  path = g_build_filename (dir, "urok.db", NULL);
  store = urok_store_open (path, &error);
  g_assert_no_error (error);

  for (guint i = words->len - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32)i + 1);
      gpointer word = words->pdata[i];

      words->pdata[i] = words->pdata[j];
      words->pdata[j] = word;
    }
  cumulative = g_new (double, words->len);
  for (guint i = 0; i < words->len; i++)
    cumulative[i] = (i > 0 ? cumulative[i - 1] : 0.0) + 1.0 / (i + 1);

  while (text_bytes < TARGET_TEXT_BYTES)
    {
      GBytes *document = make_document (words, cumulative, rand, documents->len, &text_bytes);

      xhtml_bytes += g_bytes_get_size (document);
      g_ptr_array_add (documents, document);
    }
  g_print ("# %u documents, %.1f MB of text in %.1f MB of XHTML, %u words to choose from\n",
           documents->len, text_bytes / 1e6, xhtml_bytes / 1e6, words->len);

  /* Extraction alone, to tell its share of reader.index. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < documents->len; i++)
    {
      g_autoptr(GPtrArray) blocks = urok_book_text_extract (g_ptr_array_index (documents, i), NULL);
      g_assert (blocks != NULL);
    }
  g_print ("# extraction alone %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  {
    g_auto(GStrv) terms = NULL;
    GString *all = g_string_new (NULL);

    for (guint i = 0; i < 2000; i++)
      g_string_append_printf (all, "%s ", (const char *)g_ptr_array_index (words, i % words->len));
    start = g_get_monotonic_time ();
    for (guint i = 0; i < 50; i++)
      {
        g_clear_pointer (&terms, g_strfreev);
        terms = urok_fts_stem_terms (all->str);
      }
    g_print ("# tokenizer alone: %.2f us a word (uncached stemmer, fresh instance per call)\n",
             (g_get_monotonic_time () - start) / (50.0 * 2000.0));
    g_string_free (all, TRUE);
  }

  /* At import: urok_store_index_book_async(), one book after another. */
  start = g_get_monotonic_time ();
  cpu_start = clock ();
  for (guint first = 0; first < documents->len; first += DOCUMENTS_PER_BOOK)
    {
      g_autoptr(GPtrArray) book = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) hrefs = NULL;
      gboolean done = FALSE;

      for (guint i = first; i < MIN (first + DOCUMENTS_PER_BOOK, documents->len); i++)
        {
          g_autofree char *href = g_strdup_printf ("chapter%u.xhtml", i - first);

          g_ptr_array_add (book, g_bytes_ref (g_ptr_array_index (documents, i)));
          g_strv_builder_add (builder, href);
        }
      hrefs = g_strv_builder_end (builder);
      urok_store_index_book_async (store, 1 + first / DOCUMENTS_PER_BOOK, (const char *const *)hrefs, book,
                                   NULL, on_indexed, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
  index_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_print ("BENCH reader.index %.0f ms\n", index_ms);
  /* The machine may be shared: the CPU time tells what the wall clock hides. */
  g_print ("# reader.index CPU time %.0f ms (all threads)\n", (clock () - cpu_start) * 1000.0 / CLOCKS_PER_SEC);
  g_print ("BENCH reader.index_rate %.1f MB/s\n", text_bytes / 1e6 / (index_ms / 1000.0));

  /* The same on one thread, document by document, for comparison. */
  {
    g_autofree char *path2 = g_build_filename (dir, "one-thread.db", NULL);
    g_autoptr(UrokStore) store2 = urok_store_open (path2, &error);
    g_autofree char *wal = g_strconcat (path2, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path2, "-shm", NULL);

    g_assert_no_error (error);
    start = g_get_monotonic_time ();
    for (guint i = 0; i < documents->len; i++)
      {
        gint64 book_id = 1 + i / DOCUMENTS_PER_BOOK;
        guint spine = i % DOCUMENTS_PER_BOOK;
        g_autofree char *href = g_strdup_printf ("chapter%u.xhtml", spine);

        if (spine == 0)
          g_assert (urok_store_begin (store2, NULL));
        if (!urok_store_index_book_document (store2, book_id, spine, href, g_ptr_array_index (documents, i), &error))
          g_error ("%s", error->message);
        if (spine == DOCUMENTS_PER_BOOK - 1 || i + 1 == documents->len)
          g_assert (urok_store_commit (store2, NULL));
      }
    g_print ("BENCH reader.index_one_thread %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    g_clear_object (&store2);
    g_remove (path2);
    g_remove (wal);
    g_remove (shm);
  }
  if (g_stat (path, &st) == 0)
    g_print ("# database %.1f MB\n", st.st_size / 1e6);

  for (gsize q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      double runs[SEARCH_RUNS];
      guint n_hits = 0;

      for (int r = 0; r < SEARCH_RUNS; r++)
        {
          g_autoptr(GListModel) hits = NULL;

          start = g_get_monotonic_time ();
          hits = urok_store_search_books (store, queries[q], 0, 20, &error);
          runs[r] = (g_get_monotonic_time () - start) / 1000.0;
          g_assert_no_error (error);
          n_hits = g_list_model_get_n_items (hits);
        }
      qsort (runs, SEARCH_RUNS, sizeof (double), compare_double);
      medians[q] = runs[SEARCH_RUNS / 2];
      /* printf: g_print() would recode the query to the C locale's ASCII. */
      printf ("# \"%s\": %u hits, median %.1f ms, max %.1f ms\n", queries[q], n_hits, medians[q],
              runs[SEARCH_RUNS - 1]);
    }
  qsort (medians, G_N_ELEMENTS (queries), sizeof (double), compare_double);
  g_print ("BENCH reader.search %.1f ms\n", medians[G_N_ELEMENTS (queries) / 2]);
  g_print ("BENCH reader.search_worst %.1f ms\n", medians[G_N_ELEMENTS (queries) - 1]);

  g_clear_object (&store);
  remove_tree (dir);
  return 0;
}
