/* test-book-text.c: the urok_stem tokenizer (terms, offsets in FTS5) and
 * the text extraction of book documents (hand-written XHTML and HTML, the
 * demo textbook's chapters).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "urok-book-text.h"
#include "urok-fts-stem-tokenizer.h"

/* The terms of @text joined by spaces, for compact assertions. */
static char *
terms_of (const char *text)
{
  g_auto(GStrv) terms = urok_fts_stem_terms (text);

  return g_strjoinv (" ", terms);
}

static void
assert_same_terms (const char *a,
                   const char *b)
{
  g_autofree char *ta = terms_of (a);
  g_autofree char *tb = terms_of (b);

  g_assert_cmpstr (ta, !=, "");
  g_assert_cmpstr (ta, ==, tb);
}

static void
test_russian_forms (void)
{
  g_autofree char *t = terms_of ("учебник учебника учебники учебником учебниках");

  g_assert_cmpstr (t, ==, "учебник учебник учебник учебник учебник");
  assert_same_terms ("дробь", "дроби");
  assert_same_terms ("задача", "задачами");
  /* Case and ё. */
  assert_same_terms ("УЧЕБНИКА", "учебник");
  assert_same_terms ("Ёлка", "елки");
  assert_same_terms ("ещё", "еще");
  /* Capitals of the whole Cyrillic block fold as GLib folds them. */
  assert_same_terms ("ЇЖАК ЎЗБЕК Ѐ Ѳ", "їжак ўзбек ѐ ѳ");
  /* й typed as и and a combining breve is still й, not и. */
  assert_same_terms ("и\xcc\x86од", "йод");
  {
    g_autofree char *iod = terms_of ("иод");
    g_autofree char *yod = terms_of ("йод");
    g_assert_cmpstr (iod, !=, yod);
  }
}

static void
test_english_forms (void)
{
  g_autofree char *t = terms_of ("teaching teaches teach Teaching TEACHES");

  g_assert_cmpstr (t, ==, "teach teach teach teach teach");
  assert_same_terms ("fractions", "fraction");
  assert_same_terms ("studies", "study");
  /* The possessive is part of the word and goes with the ending. */
  assert_same_terms ("teacher's", "teacher");
  assert_same_terms ("teacher’s", "teacher");
  assert_same_terms ("teachers'", "teachers");
  /* Folding that changes the length (ß as ss) agrees with the fast path. */
  assert_same_terms ("Straße", "STRASSE");
}

static void
test_words_and_numbers (void)
{
  g_autofree char *hyphen = terms_of ("северо-запад");
  g_autofree char *numbers = terms_of ("В 1945 году π = 3,14; mp3 и 5-й");
  g_autofree char *mixed = terms_of ("Windows-приложения Cлон");
  g_autofree char *empty = terms_of ("");
  g_autofree char *punct = terms_of (" — … «» !? ' - ");
  g_autofree char *bad = terms_of ("abc\xff\xfeучебника");

  g_assert_cmpstr (hyphen, ==, "север запад");
  /* Numbers are kept whole; a word with digits is not stemmed. */
  g_assert_cmpstr (numbers, ==, "в 1945 год π 3 14 mp3 и 5 й");
  /* Latin C and Cyrillic лон: mixed scripts, folded, not stemmed. */
  g_assert_cmpstr (mixed, ==, "window приложен cлон");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (punct, ==, "");
  /* Malformed UTF-8 separates words and loses nothing else. */
  g_assert_cmpstr (bad, ==, "abc учебник");
}

static sqlite3 *
open_fts (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (urok_fts_stem_tokenizer_register (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'urok_stem')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

/* highlight() of the rows matching @match, joined by " | ". */
static char *
highlighted (sqlite3    *db,
             const char *match)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ? ORDER BY rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " | " : "", sqlite3_column_text (stmt, 0));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_fts_offsets (void)
{
  sqlite3 *db = open_fts ();
  g_autofree char *forms = NULL;
  g_autofree char *yo = NULL;
  g_autofree char *english = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *phrase = NULL;

  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO t VALUES ('Новый УЧЕБНИКА текст, а в нём — учебники!');"
                                 "INSERT INTO t VALUES ('Ёлки и ёжики: the teacher’s book on Teaching.');"
                                 "INSERT INTO t VALUES ('Ветер с северо-запада.');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* Every form, marked where it is in the original text. */
  forms = highlighted (db, "учебник");
  g_assert_cmpstr (forms, ==, "Новый [УЧЕБНИКА] текст, а в нём — [учебники]!");
  yo = highlighted (db, "елка");
  g_assert_cmpstr (yo, ==, "[Ёлки] и ёжики: the teacher’s book on Teaching.");
  english = highlighted (db, "teaches OR teacher");
  g_assert_cmpstr (english, ==, "Ёлки и ёжики: the [teacher’s] book on [Teaching].");
  /* A prefix matches the start of stems. */
  prefix = highlighted (db, "\"учеб\"*");
  g_assert_cmpstr (prefix, ==, "Новый [УЧЕБНИКА] текст, а в нём — [учебники]!");
  phrase = highlighted (db, "\"северо-западом\"");
  g_assert_cmpstr (phrase, ==, "Ветер с [северо-запада].");

  sqlite3_close (db);
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static GPtrArray *
extract (const char *text)
{
  g_autoptr(GBytes) bytes = bytes_of (text);
  g_autoptr(GError) error = NULL;
  GPtrArray *blocks = urok_book_text_extract (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (blocks);
  return blocks;
}

static void
assert_block (GPtrArray  *blocks,
              guint       i,
              const char *locator,
              const char *text)
{
  UrokBookTextBlock *block;

  g_assert_cmpuint (i, <, blocks->len);
  block = g_ptr_array_index (blocks, i);
  g_assert_cmpstr (block->locator, ==, locator);
  g_assert_cmpstr (block->text, ==, text);
}

static void
test_extract_xhtml (void)
{
  g_autoptr(GPtrArray) blocks = extract (
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<!DOCTYPE html [<!ENTITY boom 'BOOM BOOM'>]>\n"
    "<html xmlns='http://www.w3.org/1999/xhtml'><head><title>Заголовок окна</title>"
    "<style>p { color: red }</style></head>\n"
    "<body>\n"
    "  <h1 id='t'>Глава <em>1</em>.   Дроби</h1>\n"
    "  <p>Первый\n абзац с учеб\xc2\xadником.<script>alert('x')</script></p>\n"
    "  <div><p>Вложенный</p><p id=''>Без id</p></div>\n"
    "  <ul><li>Пункт <p>внутри</p> и после</li></ul>\n"
    "  <p>Доля <math xmlns='http://www.w3.org/1998/Math/MathML' alttext='1/8'><mn>1</mn><mn>8</mn></math>"
    " строка<br/>вторая &boom;</p>\n"
    "</body></html>");

  g_assert_cmpuint (blocks->len, ==, 8);
  assert_block (blocks, 0, "#t", "Глава 1. Дроби");
  /* The soft hyphen is dropped, the script skipped. */
  assert_block (blocks, 1, "/4", "Первый абзац с учебником.");
  assert_block (blocks, 2, "/6/2", "Вложенный");
  assert_block (blocks, 3, "/6/4", "Без id");
  /* Text around a nested block: two blocks of the item, in reading order. */
  assert_block (blocks, 4, "/8/2", "Пункт");
  assert_block (blocks, 5, "/8/2/2", "внутри");
  assert_block (blocks, 6, "/8/2", "и после");
  /* The formula's alttext; the entity stays unexpanded. */
  assert_block (blocks, 7, "/10", "Доля 1/8 строка вторая");
}

static void
test_extract_html (void)
{
  /* Not well-formed XML (an HTML entity, unclosed elements): read as HTML. */
  g_autoptr(GPtrArray) blocks = extract (
    "<html><head><title>t</title></head><body id='top'>Свободный&nbsp;текст"
    "<p>Первый<p>Второй &amp; третий<br>строка</body></html>");
  g_autoptr(GPtrArray) fragment = extract ("<section><p>Без тела</p></section>");
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (blocks->len, ==, 3);
  assert_block (blocks, 0, "#top", "Свободный текст");
  assert_block (blocks, 1, "/2", "Первый");
  assert_block (blocks, 2, "/4", "Второй & третий строка");

  g_assert_cmpuint (fragment->len, ==, 1);
  assert_block (fragment, 0, "/2", "Без тела");

  g_assert_null (urok_book_text_extract (empty, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_extract_demo_chapters (void)
{
  const char *names[] = { "chapter1.xhtml", "chapter2.xhtml", "chapter3.xhtml", "answers.xhtml" };
  gsize total = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (DEMO_TEXTBOOK_DIR, "EPUB", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) blocks = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      blocks = urok_book_text_extract (bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (blocks->len, >, 10);

      for (guint j = 0; j < blocks->len; j++)
        {
          UrokBookTextBlock *block = g_ptr_array_index (blocks, j);

          g_assert_true (block->locator[0] == '#' || block->locator[0] == '/');
          g_assert_true (g_utf8_validate (block->text, -1, NULL));
          /* No markup leaks in (a "<" of the text is written &#60;). */
          g_assert_null (strstr (block->text, "</"));
          g_assert_null (strstr (block->text, "<span"));
          g_assert_false (g_str_has_prefix (block->text, " "));
          g_assert_false (g_str_has_suffix (block->text, " "));
          total += strlen (block->text);
        }

      if (i == 0)
        {
          /* The chapter's title, not the window's; the formula as written. */
          assert_block (blocks, 0, "#chapter-1-title", "Глава 1 Понятие дроби");
          for (guint j = 0; j < blocks->len; j++)
            {
              UrokBookTextBlock *block = g_ptr_array_index (blocks, j);

              if (strstr (block->text, "Записывают это так") != NULL)
                g_assert_nonnull (strstr (block->text, "1/8"));
            }
        }
    }
  g_assert_cmpuint (total, >, 15000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/book-search/tokenizer/russian", test_russian_forms);
  g_test_add_func ("/core/book-search/tokenizer/english", test_english_forms);
  g_test_add_func ("/core/book-search/tokenizer/words", test_words_and_numbers);
  g_test_add_func ("/core/book-search/tokenizer/fts-offsets", test_fts_offsets);
  g_test_add_func ("/core/book-search/text/xhtml", test_extract_xhtml);
  g_test_add_func ("/core/book-search/text/html", test_extract_html);
  g_test_add_func ("/core/book-search/text/demo-chapters", test_extract_demo_chapters);

  return g_test_run ();
}
