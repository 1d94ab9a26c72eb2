/* test-book-search.c: the books' full-text index in the store: indexing
 * documents, searching one book or all with every form of a word, prefixes
 * while typing, FTS5 syntax typed as text, snippets with their marks,
 * clearing, and indexing a whole book off the main thread.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core-test-util.h"
#include "urok-store-book-search.h"

#define DOC_A                                                                   \
  "<?xml version='1.0' encoding='UTF-8'?>"                                      \
  "<html xmlns='http://www.w3.org/1999/xhtml'><body>"                           \
  "<h1 id='intro'>О нашем учебнике</h1>"                                        \
  "<p>Этот учебник написан для пятого класса. Страницы учебника пронумерованы.</p>" \
  "<p>Rock AND roll is NOT dead: the teacher’s notes on teaching.</p>"         \
  "</body></html>"

#define DOC_B                                                                   \
  "<html xmlns='http://www.w3.org/1999/xhtml'><body>"                           \
  "<section><p>Старые учебники лежат на полке.</p><p>Ёлка и ель.</p></section>" \
  "</body></html>"

static UrokStore *
open_store (void)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autoptr(GError) error = NULL;
  UrokStore *store = urok_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
index_text (UrokStore  *store,
            gint64      book_id,
            guint       spine_index,
            const char *href,
            const char *xhtml)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xhtml, strlen (xhtml));
  g_autoptr(GError) error = NULL;

  g_assert_true (urok_store_index_book_document (store, book_id, spine_index, href, bytes, &error));
  g_assert_no_error (error);
}

static GListModel *
search (UrokStore  *store,
        const char *text,
        gint64      book_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *hits = urok_store_search_books (store, text, book_id, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static guint
count (UrokStore  *store,
       const char *text,
       gint64      book_id)
{
  g_autoptr(GListModel) hits = search (store, text, book_id);

  return g_list_model_get_n_items (hits);
}

/* The marked words of @hit's snippet, joined by "|". */
static char *
marked_words (UrokBookHit *hit)
{
  g_autoptr(GString) words = g_string_new (NULL);
  const char *snippet = urok_book_hit_get_snippet (hit);
  const UrokBookHitMark *marks;
  guint n_marks;

  marks = urok_book_hit_get_marks (hit, &n_marks);
  for (guint i = 0; i < n_marks; i++)
    {
      g_assert_cmpuint (marks[i].start, <, marks[i].end);
      g_assert_cmpuint (marks[i].end, <=, strlen (snippet));
      if (i > 0)
        g_assert_cmpuint (marks[i - 1].end, <=, marks[i].start);
      g_string_append_printf (words, "%s%.*s", i > 0 ? "|" : "",
                              (int)(marks[i].end - marks[i].start), snippet + marks[i].start);
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
test_forms_and_snippets (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(UrokBookHit) first = NULL;
  g_autofree char *marked = NULL;

  index_text (store, 1, 0, "a.xhtml", DOC_A);
  index_text (store, 1, 1, "b.xhtml", DOC_B);

  /* «учебники» finds every form, in both documents. */
  hits = search (store, "учебники ", 0);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(UrokBookHit) hit = g_list_model_get_item (hits, i);
      g_autofree char *words = marked_words (hit);

      g_assert_cmpint (urok_book_hit_get_book_id (hit), ==, 1);
      if (g_str_equal (urok_book_hit_get_locator (hit), "#intro"))
        {
          g_assert_cmpstr (words, ==, "учебнике");
          g_assert_cmpstr (urok_book_hit_get_snippet (hit), ==, "О нашем учебнике");
          g_assert_cmpuint (urok_book_hit_get_spine_index (hit), ==, 0);
          g_assert_cmpstr (urok_book_hit_get_href (hit), ==, "a.xhtml");
        }
      else if (g_str_equal (urok_book_hit_get_locator (hit), "/4"))
        g_assert_cmpstr (words, ==, "учебник|учебника");
      else
        {
          g_assert_cmpstr (urok_book_hit_get_locator (hit), ==, "/2/2");
          g_assert_cmpstr (urok_book_hit_get_href (hit), ==, "b.xhtml");
          g_assert_cmpuint (urok_book_hit_get_spine_index (hit), ==, 1);
          g_assert_cmpstr (words, ==, "учебники");
        }
    }

  /* English forms, case, ё; every word is required. */
  g_clear_object (&hits);
  hits = search (store, "TEACHES ", 0);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  first = g_list_model_get_item (hits, 0);
  marked = marked_words (first);
  g_assert_cmpstr (marked, ==, "teaching");
  /* Still typing: «teach» is also the start of «teacher’s». */
  g_clear_object (&hits);
  g_clear_object (&first);
  g_clear_pointer (&marked, g_free);
  hits = search (store, "Teaches", 0);
  first = g_list_model_get_item (hits, 0);
  marked = marked_words (first);
  g_assert_cmpstr (marked, ==, "teacher’s|teaching");
  g_assert_cmpuint (count (store, "елки", 0), ==, 1);
  g_assert_cmpuint (count (store, "учебник полке", 0), ==, 1);
  g_assert_cmpuint (count (store, "учебник жираф", 0), ==, 0);
}

static void
test_prefix_while_typing (void)
{
  g_autoptr(UrokStore) store = open_store ();

  index_text (store, 1, 0, "a.xhtml", DOC_A);
  index_text (store, 1, 1, "b.xhtml", DOC_B);

  /* The last word, still being typed, is a prefix... */
  g_assert_cmpuint (count (store, "учеб", 0), ==, 3);
  g_assert_cmpuint (count (store, "пронумеро", 0), ==, 1);
  g_assert_cmpuint (count (store, "teach", 0), ==, 1);
  g_assert_cmpuint (count (store, "старые уч", 0), ==, 1);
  /* ...until a space ends it; the words before it are whole words. */
  g_assert_cmpuint (count (store, "учеб ", 0), ==, 0);
  g_assert_cmpuint (count (store, "учебн полке", 0), ==, 0);
}

static void
test_syntax_is_text (void)
{
  const char *queries[] = {
    "\"", "\"учебник", "учебник\"", "a OR", "NEAR(учебник полке)", "text:учебник",
    "book_id:1", "*", "учебник*", "^учебник", "-учебник", "(", ")", "+", "a AND NOT b",
    "\"\"\"\"", "учебник \" AND", "{text}:x", "' OR 1=1 --",
  };
  g_autoptr(UrokStore) store = open_store ();

  index_text (store, 1, 0, "a.xhtml", DOC_A);

  /* Nothing typed is an error, whatever FTS5 would make of it. */
  for (gsize i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) hits = urok_store_search_books (store, queries[i], 0, 0, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }

  /* AND and NOT are words of the text, not operators. */
  g_assert_cmpuint (count (store, "rock AND roll", 0), ==, 1);
  g_assert_cmpuint (count (store, "rock and roll is not", 0), ==, 1);
  g_assert_cmpuint (count (store, "rock OR жираф", 0), ==, 0);
  /* A column filter is text too: there is no word "text" in the book. */
  g_assert_cmpuint (count (store, "text:учебник", 0), ==, 0);
  g_assert_cmpuint (count (store, "\"учебник\"", 0), ==, 1 + 1);
  g_assert_cmpuint (count (store, "учебник*", 0), ==, 2);
  /* No words at all: nothing, and no error. */
  g_assert_cmpuint (count (store, "", 0), ==, 0);
  g_assert_cmpuint (count (store, " — ", 0), ==, 0);
}

static void
test_two_books_and_clear (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  guint seen[3] = { 0 };

  index_text (store, 1, 0, "a.xhtml", DOC_A);
  index_text (store, 2, 0, "ch1.xhtml", DOC_B);

  hits = search (store, "учебник ", 0);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(UrokBookHit) hit = g_list_model_get_item (hits, i);
      gint64 id = urok_book_hit_get_book_id (hit);

      g_assert_true (id == 1 || id == 2);
      seen[id]++;
    }
  g_assert_cmpuint (seen[1], ==, 2);
  g_assert_cmpuint (seen[2], ==, 1);
  g_assert_cmpuint (count (store, "учебник ", 1), ==, 2);
  g_assert_cmpuint (count (store, "учебник ", 2), ==, 1);
  g_assert_cmpuint (count (store, "учебник ", 3), ==, 0);

  /* Re-indexing a document replaces its text. */
  index_text (store, 2, 0, "ch1.xhtml", DOC_B);
  g_assert_cmpuint (count (store, "учебник ", 2), ==, 1);
  index_text (store, 2, 0, "ch1.xhtml", "<p>Только ель.</p>");
  g_assert_cmpuint (count (store, "учебник ", 2), ==, 0);
  g_assert_cmpuint (count (store, "ель", 2), ==, 1);

  /* A document that cannot be read changes nothing. */
  g_assert_false (urok_store_index_book_document (store, 2, 0, "ch1.xhtml", empty, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_cmpuint (count (store, "ель", 2), ==, 1);
  g_assert_false (urok_store_index_book_document (store, 0, 0, "x.xhtml", empty, &error));
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_QUERY);
  g_clear_error (&error);

  /* Clearing one book leaves the other. */
  g_assert_true (urok_store_clear_book_index (store, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (store, "учебник ", 0), ==, 0);
  g_assert_cmpuint (count (store, "ель", 0), ==, 1);
  g_assert_cmpuint (count (store, "ель", 1), ==, 0);
}

static void
on_indexed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  urok_store_index_book_finish (UROK_STORE (source), result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
on_changed (UrokStore  *store,
            const char *what,
            gpointer    user_data)
{
  if (g_str_equal (what, "book-index"))
    (*(guint *)user_data)++;
}

static void
test_index_demo_book_async (void)
{
  const char *names[] = { "title.xhtml", "chapter1.xhtml", "chapter2.xhtml", "chapter3.xhtml", "answers.xhtml" };
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) hrefs = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (DEMO_TEXTBOOK_DIR, "EPUB", names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_ptr_array_add (documents, g_bytes_new_take (g_steal_pointer (&contents), length));
      g_strv_builder_add (builder, names[i]);
    }
  /* An unreadable document is left out, not the book. */
  g_ptr_array_add (documents, g_bytes_new (NULL, 0));
  g_strv_builder_add (builder, "broken.xhtml");
  hrefs = g_strv_builder_end (builder);

  index_text (store, 7, 0, "stale.xhtml", "<p>Устаревший текст про дроби.</p>");
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &changes);
  urok_store_index_book_async (store, 7, (const char *const *)hrefs, documents, NULL, on_indexed, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpuint (changes, ==, 1);

  /* The old text went with the book's re-indexing. */
  g_assert_cmpuint (count (store, "устаревший", 7), ==, 0);
  hits = search (store, "дробями", 7);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 20);
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(UrokBookHit) hit = g_list_model_get_item (hits, i);
      g_autofree char *words = marked_words (hit);
      guint spine = urok_book_hit_get_spine_index (hit);

      g_assert_cmpuint (spine, <, G_N_ELEMENTS (names));
      g_assert_cmpstr (urok_book_hit_get_href (hit), ==, names[spine]);
      g_assert_true (g_str_has_prefix (words, "дроб") || g_str_has_prefix (words, "Дроб"));
    }
}

static void
test_index_cancelled (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const char *hrefs[] = { "b.xhtml", NULL };
  g_autoptr(GError) error = NULL;

  index_text (store, 3, 0, "a.xhtml", DOC_A);
  g_ptr_array_add (documents, g_bytes_new_static (DOC_B, strlen (DOC_B)));
  g_cancellable_cancel (cancellable);
  urok_store_index_book_async (store, 3, hrefs, documents, cancellable, on_indexed, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Rolled back: the book's old text is still there, the new one is not. */
  g_assert_cmpuint (count (store, "учебник ", 3), ==, 2);
  g_assert_cmpuint (count (store, "полке", 3), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/book-search/store/forms-and-snippets", test_forms_and_snippets);
  g_test_add_func ("/core/book-search/store/prefix-while-typing", test_prefix_while_typing);
  g_test_add_func ("/core/book-search/store/syntax-is-text", test_syntax_is_text);
  g_test_add_func ("/core/book-search/store/two-books-and-clear", test_two_books_and_clear);
  g_test_add_func ("/core/book-search/store/index-demo-book-async", test_index_demo_book_async);
  g_test_add_func ("/core/book-search/store/index-cancelled", test_index_cancelled);

  return core_test_run ();
}
