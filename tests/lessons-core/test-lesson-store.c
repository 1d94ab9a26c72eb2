/* test-lesson-store.c: lessons in the store: round trips, upserts, delete,
 * duplicate with media, search, filters, sorting, stage kinds, and the
 * upgrade of a version 1 database.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core-test-util.h"
#include "lesson-test-util.h"

#include "urok-demo.h"
#include "urok-store-private.h"

static UrokStore *
open_store (void)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autoptr(GError) error = NULL;
  UrokStore *store = urok_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static int
count_rows (UrokStore  *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _urok_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
save (UrokStore  *store,
      UrokLesson *lesson)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (urok_store_save_lesson (store, lesson, &error));
  g_assert_no_error (error);
}

static UrokLesson *
save_new (UrokStore  *store,
          const char *topic,
          const char *subject,
          int         grade_level,
          const char *stage_text)
{
  UrokLesson *lesson = urok_lesson_new ();
  g_autoptr(UrokStage) stage = urok_stage_new ("Работа по теме", 40);

  urok_lesson_set_topic (lesson, topic);
  urok_lesson_set_subject (lesson, subject);
  urok_lesson_set_grade_level (lesson, grade_level);
  urok_stage_set_teacher_activity (stage, stage_text);
  urok_lesson_insert_stage (lesson, 0, stage);
  save (store, lesson);
  return lesson;
}

/* The topics of the found lessons, in order, joined by "|". */
static char *
search (UrokStore             *store,
        const UrokLessonQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = urok_store_search_lessons (store, query, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(UrokLessonInfo) info = g_list_model_get_item (found, i);
      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", urok_lesson_info_get_topic (info));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
search_text (UrokStore  *store,
             const char *words)
{
  UrokLessonQuery query = { .text = words, .sort = UROK_LESSON_SORT_TOPIC };

  return search (store, &query);
}

#define assert_search(store, words, expected) G_STMT_START { \
    g_autofree char *found_ = search_text (store, words);    \
    g_assert_cmpstr (found_, ==, expected);                  \
  } G_STMT_END

static void
test_round_trip (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(UrokLesson) lesson = lesson_test_new_full ();
  g_autoptr(UrokLesson) loaded = NULL;
  g_autoptr(UrokLesson) empty = urok_lesson_new ();
  g_autoptr(UrokLesson) empty_loaded = NULL;
  g_autoptr(GError) error = NULL;

  save (store, lesson);
  loaded = urok_store_load_lesson (store, urok_lesson_get_uuid (lesson), &error);
  g_assert_no_error (error);
  g_assert_true (urok_lesson_equal (lesson, loaded));

  /* Empty fields stay empty (not NULL, not "0"). */
  save (store, empty);
  empty_loaded = urok_store_load_lesson (store, urok_lesson_get_uuid (empty), &error);
  g_assert_no_error (error);
  g_assert_true (urok_lesson_equal (empty, empty_loaded));

  g_assert_null (urok_store_load_lesson (store, "6f2c1f9e-3f4b-4a2e-9d55-0c4c9f2a7b11", &error));
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND);
}

static void
count_changed (UrokStore  *store,
               const char *what,
               guint      *counter)
{
  (*counter)++;
}

static void
test_upsert (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(UrokLesson) lesson = lesson_test_new_full ();
  g_autoptr(UrokLesson) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(UrokLessonInfo) info = NULL;
  guint changed = 0;

  g_signal_connect (store, "changed::lessons", G_CALLBACK (count_changed), &changed);
  save (store, lesson);
  g_assert_cmpuint (changed, ==, 1);

  urok_lesson_set_topic (lesson, "Сложение и вычитание дробей");
  urok_lesson_remove_stage (lesson, 0);
  urok_stage_remove_resource (lesson_test_get_stage (lesson, 0), 2);
  save (store, lesson);
  save (store, lesson);
  g_assert_cmpuint (changed, ==, 3);

  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM lesson"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM stage"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM resource"), ==, 5);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM lesson_fts"), ==, 1);

  loaded = urok_store_load_lesson (store, urok_lesson_get_uuid (lesson), &error);
  g_assert_no_error (error);
  g_assert_true (urok_lesson_equal (lesson, loaded));

  listed = urok_store_list_lessons (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
  info = g_list_model_get_item (listed, 0);
  g_assert_cmpstr (urok_lesson_info_get_topic (info), ==, "Сложение и вычитание дробей");
  g_assert_cmpstr (urok_lesson_info_get_title (info), ==, "Сложение и вычитание дробей");
  g_assert_cmpint (urok_lesson_info_get_n_stages (info), ==, 2);
  g_assert_cmpint (urok_lesson_info_get_planned_minutes (info), ==, 43);
  g_assert_cmpstr (urok_lesson_info_get_lesson_type (info), ==, "new_knowledge");
  g_assert_cmpstr (urok_lesson_info_get_tags (info)[0], ==, "дроби");
  g_assert_false (urok_lesson_info_get_is_template (info));
  g_assert_cmpuint (strlen (urok_lesson_info_get_modified (info)), >=, 20);
}

/* Inside the caller's transaction a save is part of it: nothing announced
 * before the commit, nothing left after a rollback. */
static void
test_save_in_transaction (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(UrokLesson) lesson = lesson_test_new_full ();
  g_autoptr(UrokLesson) kept = lesson_test_new_full ();
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (store, "changed::lessons", G_CALLBACK (count_changed), &changed);
  g_assert_true (urok_store_begin (store, &error));
  save (store, lesson);
  g_assert_cmpuint (changed, ==, 0);
  urok_store_rollback (store);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM lesson"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM lesson_fts"), ==, 0);

  g_assert_true (urok_store_begin (store, &error));
  save (store, kept);
  g_assert_true (urok_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM lesson"), ==, 1);
}

/* A save that fails half-way leaves the previous version whole. */
static void
test_failed_save_changes_nothing (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(UrokLesson) lesson = lesson_test_new_full ();
  g_autoptr(UrokLesson) other = lesson_test_new_full ();
  g_autoptr(UrokLesson) loaded = NULL;
  g_autoptr(UrokStage) clash = NULL;
  g_autoptr(GError) error = NULL;

  save (store, lesson);
  save (store, other);
  /* A stage with the uuid of a stage of another lesson cannot be stored. */
  clash = urok_stage_copy (lesson_test_get_stage (other, 0), FALSE);
  urok_lesson_set_topic (lesson, "Не сохранится");
  urok_lesson_insert_stage (lesson, 3, clash);
  g_assert_false (urok_store_save_lesson (store, lesson, &error));
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_QUERY);
  g_clear_error (&error);

  loaded = urok_store_load_lesson (store, urok_lesson_get_uuid (lesson), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (urok_lesson_get_topic (loaded), ==, "Сложение дробей с одинаковыми знаменателями");
  g_assert_cmpuint (g_list_model_get_n_items (urok_lesson_get_stages (loaded)), ==, 3);
  assert_search (store, "сохранится", "");
}

static void
write_file (const char   *path,
            const void   *data,
            gsize         length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, length, &error));
  g_assert_no_error (error);
}

static const guint8 png_bytes[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
};

static void
test_add_media (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autofree char *png_path = core_test_path ("Картинка.PNG");
  g_autofree char *liar_path = core_test_path ("notes.png");
  g_autofree char *plain_path = core_test_path ("README");
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) liar = g_file_new_for_path (liar_path);
  g_autoptr(GFile) plain = g_file_new_for_path (plain_path);
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *again = NULL;
  g_autofree char *type = NULL;
  g_autofree char *liar_name = NULL;
  g_autofree char *liar_type = NULL;
  g_autofree char *plain_name = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *dir = urok_store_dup_lesson_media_dir (store, urok_lesson_get_uuid (lesson));
  g_autofree char *stored = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  gsize length = 0;
  guint n_files = 0;
  const char *entry;

  write_file (png_path, png_bytes, sizeof png_bytes);
  write_file (liar_path, "Это не картинка, а текст.\n", strlen ("Это не картинка, а текст.\n"));
  write_file (plain_path, "Просто текст\n", strlen ("Просто текст\n"));

  g_assert_true (g_str_has_suffix (dir, "/media"));

  name = urok_store_add_lesson_media (store, urok_lesson_get_uuid (lesson), png, &type, &error);
  g_assert_no_error (error);
  expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, png_bytes, sizeof png_bytes);
  expected[32] = '\0';
  g_assert_true (g_str_has_prefix (name, expected));
  g_assert_cmpstr (name + 32, ==, ".png");
  g_assert_cmpstr (type, ==, "image/png");

  stored = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_get_contents (stored, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, png_bytes, sizeof png_bytes);

  /* The same content is the same file. */
  again = urok_store_add_lesson_media (store, urok_lesson_get_uuid (lesson), png, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, name);

  /* The type comes from the content, not from the name. */
  liar_name = urok_store_add_lesson_media (store, urok_lesson_get_uuid (lesson), liar, &liar_type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liar_type, ==, "text/plain");
  plain_name = urok_store_add_lesson_media (store, urok_lesson_get_uuid (lesson), plain, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (plain_name), ==, 32);

  missing = g_file_new_for_path ("/nonexistent/urok/picture.png");
  g_assert_null (urok_store_add_lesson_media (store, urok_lesson_get_uuid (lesson), missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  /* No temporary files left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpint (entry[0], !=, '.');
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 3);
}

static void
test_delete (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(UrokLesson) lesson = lesson_test_new_full ();
  g_autoptr(UrokLesson) other = lesson_test_new_full ();
  g_autofree char *png_path = core_test_path ("picture.png");
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autofree char *dir = urok_store_dup_lesson_media_dir (store, urok_lesson_get_uuid (lesson));
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  write_file (png_path, png_bytes, sizeof png_bytes);
  name = urok_store_add_lesson_media (store, urok_lesson_get_uuid (lesson), png, NULL, &error);
  g_assert_no_error (error);
  save (store, lesson);
  save (store, other);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  g_signal_connect (store, "changed::lessons", G_CALLBACK (count_changed), &changed);
  g_assert_true (urok_store_delete_lesson (store, urok_lesson_get_uuid (lesson), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM lesson"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM stage"), ==, 3);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM resource"), ==, 6);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM lesson_fts"), ==, 1);

  g_assert_null (urok_store_load_lesson (store, urok_lesson_get_uuid (lesson), &error));
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (urok_store_delete_lesson (store, urok_lesson_get_uuid (lesson), &error));
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND);
}

static void
test_duplicate_with_media (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(UrokLesson) lesson = lesson_test_new_full ();
  g_autoptr(UrokLesson) copy = NULL;
  g_autoptr(UrokLesson) loaded = NULL;
  g_autoptr(UrokLesson) instance = NULL;
  g_autofree char *png_path = core_test_path ("picture.png");
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autofree char *name = NULL;
  g_autofree char *copied_path = NULL;
  g_autofree char *copied_dir = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  UrokResource *media;
  gsize length;

  write_file (png_path, png_bytes, sizeof png_bytes);
  name = urok_store_add_lesson_media (store, urok_lesson_get_uuid (lesson), png, NULL, &error);
  g_assert_no_error (error);
  media = lesson_test_get_resource (lesson_test_get_stage (lesson, 1), UROK_RESOURCE_MEDIA);
  urok_resource_set_target (media, name);
  save (store, lesson);

  copy = urok_store_duplicate_lesson (store, urok_lesson_get_uuid (lesson), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (urok_lesson_get_uuid (copy), !=, urok_lesson_get_uuid (lesson));
  g_assert_true (urok_lesson_get_is_template (copy));
  g_assert_cmpstr (urok_lesson_get_topic (copy), ==, urok_lesson_get_topic (lesson));
  g_assert_cmpstr (urok_stage_get_uuid (lesson_test_get_stage (copy, 0)), !=,
                   urok_stage_get_uuid (lesson_test_get_stage (lesson, 0)));

  loaded = urok_store_load_lesson (store, urok_lesson_get_uuid (copy), &error);
  g_assert_no_error (error);
  g_assert_true (urok_lesson_equal (copy, loaded));

  copied_dir = urok_store_dup_lesson_media_dir (store, urok_lesson_get_uuid (copy));
  copied_path = g_build_filename (copied_dir, name, NULL);
  g_assert_true (g_file_get_contents (copied_path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, png_bytes, sizeof png_bytes);

  /* A template instantiated is a lesson again, with its own media. */
  instance = urok_store_duplicate_lesson (store, urok_lesson_get_uuid (copy), FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (urok_lesson_get_is_template (instance));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM lesson"), ==, 3);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM lesson WHERE is_template = 1"), ==, 1);

  /* Deleting the original leaves the copies' media alone. */
  g_assert_true (urok_store_delete_lesson (store, urok_lesson_get_uuid (lesson), &error));
  g_assert_true (g_file_test (copied_path, G_FILE_TEST_IS_REGULAR));

  g_assert_null (urok_store_duplicate_lesson (store, urok_lesson_get_uuid (lesson), FALSE, &error));
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND);
}

static void
test_search (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(UrokLesson) a = save_new (store, "Сложение дробей", "Математика", 6,
                                      "Объясняет правило на модели «пирог»");
  g_autoptr(UrokLesson) b = save_new (store, "Ёлочные игрушки из бумаги", "Технология", 3,
                                      "Показывает приёмы складывания");
  g_autoptr(UrokLesson) c = save_new (store, "Мои любимые книги", "Литературное чтение", 2,
                                      "Организует выставку книг");
  g_autoptr(UrokLesson) d = save_new (store, "Словарные слова: елка, мой", "Русский язык", 2,
                                      "Диктант с комментированием");
  g_autoptr(UrokLesson) e = save_new (store, "Present Simple", "Английский язык", 5,
                                      "Drills the third person -s");

  /* A word of the topic, of a stage, of a resource card. */
  assert_search (store, "дробей", "Сложение дробей");
  assert_search (store, "пирог", "Сложение дробей");
  assert_search (store, "выставку", "Мои любимые книги");
  /* Prefixes of every word, and every word must match. */
  assert_search (store, "слож", "Сложение дробей");
  assert_search (store, "слож дроб", "Сложение дробей");
  assert_search (store, "слож книг", "");
  assert_search (store, "книг", "Мои любимые книги");
  /* Cyrillic case folds; ё and е are one letter to search; й is not и. */
  assert_search (store, "ДРОБЕЙ", "Сложение дробей");
  assert_search (store, "ёлка", "Словарные слова: елка, мой");
  assert_search (store, "елочные", "Ёлочные игрушки из бумаги");
  assert_search (store, "ЁЛОЧНЫЕ", "Ёлочные игрушки из бумаги");
  assert_search (store, "мой", "Словарные слова: елка, мой");
  assert_search (store, "мои", "Мои любимые книги");
  /* The same й written decomposed, as text pasted from some systems is. */
  assert_search (store, "мо\u0438\u0306", "Словарные слова: елка, мой");
  assert_search (store, "simple", "Present Simple");
  /* Nothing a teacher types is FTS5 syntax. */
  assert_search (store, "дробей AND", "");
  assert_search (store, "\"дробей", "Сложение дробей");
  assert_search (store, "NEAR(дробей", "");
  assert_search (store, "topic:дробей", "");
  assert_search (store, "-s*", "Present Simple");
  /* No words at all is no filter. */
  assert_search (store, "  «» … ", "Present Simple|Ёлочные игрушки из бумаги|Мои любимые книги|"
                                   "Словарные слова: елка, мой|Сложение дробей");
  assert_search (store, "", "Present Simple|Ёлочные игрушки из бумаги|Мои любимые книги|"
                            "Словарные слова: елка, мой|Сложение дробей");

  /* An edit reaches the index with the save. */
  urok_lesson_set_topic (a, "Вычитание дробей");
  save (store, a);
  assert_search (store, "сложение", "");
  assert_search (store, "вычитание", "Вычитание дробей");

}

static void
test_filters (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(UrokLesson) a = save_new (store, "Дроби", "Математика", 6, "");
  g_autoptr(UrokLesson) b = save_new (store, "Проценты", "Математика", 5, "");
  g_autoptr(UrokLesson) c = save_new (store, "Глагол", "Русский язык", 5, "");
  g_autoptr(UrokLesson) t = save_new (store, "Шаблон: урок рефлексии", "Математика", 6, "");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) subjects = NULL;
  g_auto(GStrv) tags = NULL;
  static const char *const a_tags[] = { "контрольная", "дроби", NULL };
  static const char *const c_tags[] = { "дроби", "Алгоритм", NULL };
  static const char *const expected_tags[] = { "Алгоритм", "дроби", "контрольная", NULL };
  static const char *const expected_subjects[] = { "Математика", "Русский язык", NULL };
  UrokLessonQuery query = { .sort = UROK_LESSON_SORT_TOPIC };
  g_autofree char *found = NULL;

  urok_lesson_set_tags (a, a_tags);
  urok_lesson_set_tags (c, c_tags);
  urok_lesson_set_is_template (t, TRUE);
  save (store, a);
  save (store, c);
  save (store, t);

  query.subject = "Математика";
  found = search (store, &query);
  g_assert_cmpstr (found, ==, "Дроби|Проценты");
  query.grade_level = 5;
  g_free (found);
  found = search (store, &query);
  g_assert_cmpstr (found, ==, "Проценты");
  query.subject = NULL;
  g_free (found);
  found = search (store, &query);
  g_assert_cmpstr (found, ==, "Глагол|Проценты");
  query.grade_level = 0;
  query.tag = "дроби";
  g_free (found);
  found = search (store, &query);
  g_assert_cmpstr (found, ==, "Глагол|Дроби");
  query.tag = "дроб";
  g_free (found);
  found = search (store, &query);
  g_assert_cmpstr (found, ==, "");
  query.tag = NULL;
  query.templates = TRUE;
  g_free (found);
  found = search (store, &query);
  g_assert_cmpstr (found, ==, "Шаблон: урок рефлексии");
  /* Tags are searched as words too. */
  query.templates = FALSE;
  query.text = "контрольн";
  g_free (found);
  found = search (store, &query);
  g_assert_cmpstr (found, ==, "Дроби");

  subjects = urok_store_list_lesson_subjects (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (subjects, expected_subjects);
  tags = urok_store_list_lesson_tags (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 3);
  for (guint i = 0; expected_tags[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char *const *)tags, expected_tags[i]));
}

static void
test_sorts (void)
{
  g_autoptr(UrokStore) store = open_store ();
  const char *topics[] = { "яблоки", "Арбузы", "ёжики", "Ежевика", "бананы", "Зебры" };
  const char *dates[] = { "2026-10-14", "", "2026-09-01", "", "2026-12-31", "2026-10-13" };
  UrokLessonQuery query = { 0 };
  g_autofree char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      g_autoptr(UrokLesson) lesson = save_new (store, topics[i], "", 0, "");

      urok_lesson_set_planned_date (lesson, dates[i]);
      save (store, lesson);
      /* Saves a few milliseconds apart: "modified" has milliseconds. */
      g_usleep (3000);
    }

  query.sort = UROK_LESSON_SORT_MODIFIED;
  found = search (store, &query);
  g_assert_cmpstr (found, ==, "Зебры|бананы|Ежевика|ёжики|Арбузы|яблоки");

  /* Alphabetical whatever the case, ё with е. */
  query.sort = UROK_LESSON_SORT_TOPIC;
  g_free (found);
  found = search (store, &query);
  g_assert_cmpstr (found, ==, "Арбузы|бананы|Ежевика|ёжики|Зебры|яблоки");

  /* Soonest first, unplanned last (newest of them first). */
  query.sort = UROK_LESSON_SORT_PLANNED_DATE;
  g_free (found);
  found = search (store, &query);
  g_assert_cmpstr (found, ==, "ёжики|Зебры|яблоки|бананы|Ежевика|Арбузы");

  /* Pages. */
  query.sort = UROK_LESSON_SORT_TOPIC;
  query.limit = 2;
  query.offset = 1;
  g_free (found);
  found = search (store, &query);
  g_assert_cmpstr (found, ==, "бананы|Ежевика");
  query.offset = 5;
  g_free (found);
  found = search (store, &query);
  g_assert_cmpstr (found, ==, "яблоки");
  query.offset = 6;
  g_free (found);
  found = search (store, &query);
  g_assert_cmpstr (found, ==, "");
}

/* The foundation's list and quick create go on working. */
static void
test_create_and_list (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lessons = NULL;
  g_autoptr(UrokLessonInfo) info = NULL;
  g_autoptr(UrokLesson) loaded = NULL;
  gint64 id;

  id = urok_store_create_lesson (store, "Дроби", 40, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  lessons = urok_store_list_lessons (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lessons), ==, 1);
  info = g_list_model_get_item (lessons, 0);
  g_assert_cmpint (urok_lesson_info_get_id (info), ==, id);
  g_assert_cmpstr (urok_lesson_info_get_title (info), ==, "Дроби");
  g_assert_cmpint (urok_lesson_info_get_duration_minutes (info), ==, 40);
  assert_search (store, "дроби", "Дроби");

  loaded = urok_store_load_lesson (store, urok_lesson_info_get_uuid (info), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (urok_lesson_get_topic (loaded), ==, "Дроби");
}

static void
test_stage_kinds (void)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(GListModel) built_in = urok_stage_kinds_built_in ();
  g_autoptr(GListModel) kinds = NULL;
  g_autoptr(UrokStageKind) added = NULL;
  g_autoptr(UrokStageKind) last = NULL;
  g_autoptr(GError) error = NULL;
  guint n_built_in = g_list_model_get_n_items (built_in);
  guint changed = 0;

  g_signal_connect (store, "changed::lessons", G_CALLBACK (count_changed), &changed);
  kinds = urok_store_list_stage_kinds (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, n_built_in);

  added = urok_store_add_stage_kind (store, "  Квест  ", "#A1B2C3", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (g_str_has_prefix (urok_stage_kind_get_code (added), "custom-"));
  g_assert_true (g_uuid_string_is_valid (urok_stage_kind_get_code (added) + strlen ("custom-")));
  g_assert_cmpstr (urok_stage_kind_get_name (added), ==, "Квест");
  g_assert_cmpstr (urok_stage_kind_get_color (added), ==, "#a1b2c3");
  g_assert_false (urok_stage_kind_get_built_in (added));

  g_assert_null (urok_store_add_stage_kind (store, "   ", "#a1b2c3", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (urok_store_add_stage_kind (store, "Игра", "red", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Kept across sessions, after the built-in ones. */
  g_clear_object (&kinds);
  g_clear_object (&store);
  store = urok_store_open (path, &error);
  g_assert_no_error (error);
  kinds = urok_store_list_stage_kinds (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, n_built_in + 1);
  last = g_list_model_get_item (kinds, n_built_in);
  g_assert_cmpstr (urok_stage_kind_get_code (last), ==, urok_stage_kind_get_code (added));
  g_assert_cmpstr (urok_stage_kind_get_name (last), ==, "Квест");

  /* A lesson may use it, and its JSON says so. */
  {
    g_autoptr(UrokLesson) lesson = lesson_test_new_full ();
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(UrokLesson) back = NULL;

    urok_stage_set_kind (lesson_test_get_stage (lesson, 0), urok_stage_kind_get_code (added));
    node = urok_lesson_to_json (lesson);
    back = urok_lesson_new_from_json (node, &error);
    g_assert_no_error (error);
    g_assert_true (urok_lesson_equal (lesson, back));
  }

  g_assert_false (urok_store_remove_stage_kind (store, "homework", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_true (urok_store_remove_stage_kind (store, urok_stage_kind_get_code (added), &error));
  g_assert_no_error (error);
  g_assert_false (urok_store_remove_stage_kind (store, urok_stage_kind_get_code (added), &error));
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND);
}

/* A teacher's database from the foundation (schema 1), with a lesson as the
 * demo wrote it then, upgrades with nothing lost and the lesson indexed. */
static void
test_migrate_from_v1 (void)
{
  g_autofree char *path = core_test_path ("v1.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(UrokLesson) lesson = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(UrokLesson) back = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(UrokLessonInfo) info = NULL;
  const UrokMigration *migrations;
  UrokStage *stage;
  UrokResource *resource;
  guint n_migrations;

  migrations = _urok_migrations (&n_migrations);
  g_assert_cmpint (migrations[0].version, ==, 1);
  store = _urok_store_open_with_migrations (path, migrations, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (urok_store_get_schema_version (store), ==, 1);
  g_assert_true (_urok_store_exec (store,
    "INSERT INTO class_group (id, uuid, name, grade_level, school_year)"
    " VALUES (1, '1b4e28ba-2fa1-11d2-883f-0016d3cca427', '6А', 6, '2026/2027');"
    "INSERT INTO lesson (id, uuid, title, subject, grade_level, class_group_id, lesson_type, planned_date,"
    "                    duration_minutes, goals, planned_results)"
    " VALUES (1, '0d1f2c3b-4a59-4687-9a0b-1c2d3e4f5a6b', 'Сложение дробей', 'Математика', 6, 1,"
    "         'Урок открытия новых знаний', '2026-10-14', 45, 'Вывести правило', 'Складывают дроби');"
    "INSERT INTO lesson (id, uuid, title) VALUES (2, '7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b', 'Без этапов');"
    "INSERT INTO stage (id, lesson_id, position, title, kind, duration_minutes, teacher_activity,"
    "                   student_activity, methods, notes, pace)"
    " VALUES (10, 1, 0, 'Актуализация', 'knowledge_update', 10, 'Проводит устный счёт', 'Считают',"
    "         'Фронтальная работа', 'Заметка', 'teacher'),"
    "        (11, 1, 1, 'Закрепление', 'primary_check', 35, 'Вызывает к доске', 'Решают у доски',"
    "         'Комментированное решение', '', 'student');"
    "INSERT INTO resource (stage_id, position, kind, title, data) VALUES"
    " (10, 0, 'text', 'Устный счёт', '{\"kind\": \"text\", \"title\": \"Устный счёт\", \"text\": \"2/7 + 3/7\"}'),"
    " (10, 1, 'book_place', 'Учебник, § 7', '{\"kind\": \"book_place\", \"book_id\": \"urn:uuid:17de5758-ecc1-4390-ad0a-62d132adfdf7\", \"location\": \"EPUB/chapter3.xhtml#sec-3-1\"}'),"
    " (11, 0, 'board_page', 'Доска', '{\"kind\": \"board_page\", \"background\": \"squares\"}'),"
    " (11, 1, 'link', 'РЭШ', '{\"kind\": \"link\", \"url\": \"https://resh.edu.ru/\"}');",
    &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = urok_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (urok_store_get_schema_version (store), ==, urok_store_latest_version ());
  g_assert_cmpint (urok_store_get_schema_version (store), >=, 2);

  lesson = urok_store_load_lesson (store, "0d1f2c3b-4a59-4687-9a0b-1c2d3e4f5a6b", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "Сложение дробей");
  g_assert_cmpstr (urok_lesson_get_lesson_type (lesson), ==, "new_knowledge");
  g_assert_cmpstr (urok_lesson_get_class_group_uuid (lesson), ==, "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
  g_assert_cmpstr (urok_lesson_get_planned_date (lesson), ==, "2026-10-14");
  g_assert_cmpint (urok_lesson_get_grade_level (lesson), ==, 6);
  g_assert_cmpstr (urok_lesson_get_goals (lesson), ==, "Вывести правило");
  g_assert_null (urok_lesson_get_tags (lesson)[0]);
  g_assert_cmpuint (g_list_model_get_n_items (urok_lesson_get_stages (lesson)), ==, 2);

  stage = lesson_test_get_stage (lesson, 0);
  g_assert_true (g_uuid_string_is_valid (urok_stage_get_uuid (stage)));
  g_assert_cmpstr (urok_stage_get_kind (stage), ==, "updating_knowledge");
  g_assert_cmpstr (urok_stage_get_notes (stage), ==, "Заметка");
  g_assert_cmpstr (urok_stage_get_kind (lesson_test_get_stage (lesson, 1)), ==, "primary_consolidation");
  g_assert_cmpint (urok_stage_get_pace (lesson_test_get_stage (lesson, 1)), ==, UROK_STAGE_PACE_STUDENT);
  g_assert_cmpstr (urok_stage_get_uuid (stage), !=, urok_stage_get_uuid (lesson_test_get_stage (lesson, 1)));

  resource = lesson_test_get_resource (stage, 0);
  g_assert_true (g_uuid_string_is_valid (urok_resource_get_uuid (resource)));
  g_assert_cmpstr (urok_resource_get_text (resource), ==, "2/7 + 3/7");
  resource = lesson_test_get_resource (stage, 1);
  g_assert_cmpint (urok_resource_get_kind (resource), ==, UROK_RESOURCE_BOOK_PLACE);
  g_assert_cmpstr (urok_resource_get_target (resource), ==, "urn:uuid:17de5758-ecc1-4390-ad0a-62d132adfdf7");
  g_assert_cmpstr (urok_resource_get_location (resource), ==, "EPUB/chapter3.xhtml#sec-3-1");
  resource = lesson_test_get_resource (lesson_test_get_stage (lesson, 1), 0);
  g_assert_cmpstr (urok_resource_get_board (resource), ==, "{\"background\":\"squares\"}");
  resource = lesson_test_get_resource (lesson_test_get_stage (lesson, 1), 1);
  g_assert_cmpstr (urok_resource_get_target (resource), ==, "https://resh.edu.ru/");

  /* What was migrated is a valid lesson for packages. */
  node = urok_lesson_to_json (lesson);
  back = urok_lesson_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_true (urok_lesson_equal (lesson, back));

  /* Indexed by the upgrade itself, topic and stage text alike. */
  assert_search (store, "дробей", "Сложение дробей");
  assert_search (store, "устный", "Сложение дробей");
  assert_search (store, "этапов", "Без этапов");

  listed = urok_store_list_lessons (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);

  /* Saving the upgraded lesson keeps stage and resource uuids. */
  save (store, lesson);
  g_clear_object (&back);
  back = urok_store_load_lesson (store, urok_lesson_get_uuid (lesson), &error);
  g_assert_no_error (error);
  g_assert_true (urok_lesson_equal (lesson, back));
}

/* The demo's lesson lands through the lesson model: searchable, and a
 * valid lesson for packages. */
static void
test_demo_lesson (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autofree char *books = core_test_path ("books");
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(UrokLessonInfo) info = NULL;
  g_autoptr(UrokLesson) lesson = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(UrokLesson) back = NULL;
  UrokLessonQuery query = { .text = "пирог" };
  gsize length;

  g_assert_true (g_file_get_contents (DEMO_JSON, &json, &length, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&json), length);
  g_assert_true (urok_demo_load (store, bytes, NULL, books, &error));
  g_assert_no_error (error);

  found = urok_store_search_lessons (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  info = g_list_model_get_item (found, 0);
  g_assert_cmpint (urok_lesson_info_get_planned_minutes (info), ==, 45);

  lesson = urok_store_load_lesson (store, urok_lesson_info_get_uuid (info), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (urok_lesson_get_lesson_type (lesson), ==, "new_knowledge");
  g_assert_cmpint (urok_lesson_get_fit (lesson), ==, UROK_LESSON_FITS);
  node = urok_lesson_to_json (lesson);
  back = urok_lesson_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_true (urok_lesson_equal (lesson, back));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/lesson/store/round-trip", test_round_trip);
  g_test_add_func ("/core/lesson/store/upsert", test_upsert);
  g_test_add_func ("/core/lesson/store/save-in-transaction", test_save_in_transaction);
  g_test_add_func ("/core/lesson/store/failed-save-changes-nothing", test_failed_save_changes_nothing);
  g_test_add_func ("/core/lesson/store/add-media", test_add_media);
  g_test_add_func ("/core/lesson/store/delete", test_delete);
  g_test_add_func ("/core/lesson/store/duplicate-with-media", test_duplicate_with_media);
  g_test_add_func ("/core/lesson/store/search", test_search);
  g_test_add_func ("/core/lesson/store/filters", test_filters);
  g_test_add_func ("/core/lesson/store/sorts", test_sorts);
  g_test_add_func ("/core/lesson/store/create-and-list", test_create_and_list);
  g_test_add_func ("/core/lesson/store/stage-kinds", test_stage_kinds);
  g_test_add_func ("/core/lesson/store/migrate-from-v1", test_migrate_from_v1);
  g_test_add_func ("/core/lesson/store/demo-lesson", test_demo_lesson);

  return core_test_run ();
}
