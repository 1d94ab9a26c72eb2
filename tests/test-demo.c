/* test-demo.c: the demo content lands whole, once, and the same every time.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"

#include "urok-demo.h"
#include "urok-marks.h"

static UrokStore *
load_demo_into (const char *name)
{
  g_autofree char *db = core_test_path (name);
  g_autofree char *books = core_test_path ("books");
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) epub = g_file_new_for_path (DEMO_EPUB);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (db, &error);
  gsize length;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (DEMO_JSON, &json, &length, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&json), length);
  g_assert_true (urok_demo_load (store, bytes, epub, books, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static char *
describe (UrokStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) groups = urok_store_list_class_groups (store, &error);
  g_autoptr(GListModel) lessons = urok_store_list_lessons (store, &error);
  g_autoptr(GListModel) tests = urok_store_list_tests (store, &error);
  g_autoptr(GListModel) books = urok_store_list_books (store, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  g_string_append_printf (text, "%u groups, %u lessons, %u tests, %u books\n",
                          g_list_model_get_n_items (groups), g_list_model_get_n_items (lessons),
                          g_list_model_get_n_items (tests), g_list_model_get_n_items (books));
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(UrokClassGroup) group = g_list_model_get_item (groups, i);
      g_autoptr(GListModel) records = urok_store_list_student_records (store, urok_class_group_get_id (group), &error);

      g_assert_no_error (error);
      for (guint j = 0; j < g_list_model_get_n_items (records); j++)
        {
          g_autoptr(UrokStudentRecord) record = g_list_model_get_item (records, j);
          g_string_append_printf (text, "%s: %s\n", urok_student_record_get_full_name (record),
                                  urok_student_record_get_marks (record));
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_demo_content (void)
{
  g_autoptr(UrokStore) store = load_demo_into ("demo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) groups = urok_store_list_class_groups (store, &error);
  g_autoptr(GListModel) lessons = urok_store_list_lessons (store, &error);
  g_autoptr(GListModel) tests = urok_store_list_tests (store, &error);
  g_autoptr(GListModel) books = urok_store_list_books (store, &error);
  g_autoptr(UrokClassGroup) group = NULL;
  g_autoptr(UrokLessonInfo) lesson = NULL;
  g_autoptr(UrokTestInfo) test = NULL;
  g_autoptr(UrokBookInfo) book = NULL;
  g_autoptr(GListModel) records = NULL;
  guint with_term_mark = 0;

  g_assert_no_error (error);
  g_assert_false (urok_store_is_empty (store));

  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 1);
  group = g_list_model_get_item (groups, 0);
  g_assert_cmpint (urok_class_group_get_n_students (group), ==, 25);

  records = urok_store_list_student_records (store, urok_class_group_get_id (group), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 25);
  for (guint i = 0; i < 25; i++)
    {
      g_autoptr(UrokStudentRecord) record = g_list_model_get_item (records, i);

      /* A term of marks: every student has several, all of them real marks. */
      g_assert_cmpint (urok_student_record_get_n_marks (record), >=, 3);
      if (urok_mark_suggest_period_mark (urok_student_record_get_average (record)) >= 2)
        with_term_mark++;
    }
  g_assert_cmpuint (with_term_mark, ==, 25);

  g_assert_cmpuint (g_list_model_get_n_items (lessons), ==, 1);
  lesson = g_list_model_get_item (lessons, 0);
  g_assert_cmpint (urok_lesson_info_get_duration_minutes (lesson), ==, 45);
  g_assert_cmpint (urok_lesson_info_get_n_stages (lesson), >=, 6);
  g_assert_cmpint (urok_lesson_info_get_planned_minutes (lesson), ==, 45);

  g_assert_cmpuint (g_list_model_get_n_items (tests), ==, 1);
  test = g_list_model_get_item (tests, 0);
  g_assert_cmpint (urok_test_info_get_n_questions (test), ==, 10);

  g_assert_cmpuint (g_list_model_get_n_items (books), ==, 1);
  book = g_list_model_get_item (books, 0);
  g_assert_cmpstr (urok_book_info_get_language (book), ==, "ru");
  g_assert_cmpint (urok_book_info_get_grade_level (book), ==, 6);
  g_assert_true (g_file_test (urok_book_info_get_file (book), G_FILE_TEST_IS_REGULAR));
}

static void
test_demo_twice_changes_nothing (void)
{
  g_autoptr(UrokStore) store = load_demo_into ("twice.db");
  g_autofree char *first = describe (store);
  g_autofree char *second = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *books = core_test_path ("books");
  g_autoptr(GFile) epub = g_file_new_for_path (DEMO_EPUB);
  gsize length;

  g_assert_true (g_file_get_contents (DEMO_JSON, &json, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&json), length);
  g_assert_true (urok_demo_load (store, bytes, epub, books, &error));
  g_assert_no_error (error);

  second = describe (store);
  g_assert_cmpstr (first, ==, second);
}

static void
test_demo_deterministic (void)
{
  g_autoptr(UrokStore) a = load_demo_into ("a.db");
  g_autoptr(UrokStore) b = load_demo_into ("b.db");
  g_autofree char *text_a = describe (a);
  g_autofree char *text_b = describe (b);

  g_assert_cmpstr (text_a, ==, text_b);
}

static void
test_bad_demo_changes_nothing (void)
{
  g_autofree char *db = core_test_path ("bad.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (db, &error);
  /* Valid JSON whose lesson breaks a constraint after the class group and its
   * student were written: nothing may land. */
  static const char bad[] =
    "{\"format\": 1, \"subject\": \"Математика\", \"work_kinds\": [], \"lesson_dates\": [], \"assessments\": [],"
    " \"term\": {\"name\": \"1\", \"starts\": \"2026-09-01\", \"ends\": \"2026-10-24\"},"
    " \"class_group\": {\"name\": \"6А\", \"grade_level\": 6, \"school_year\": \"2026/2027\","
    "                   \"students\": [{\"family_name\": \"Иванов\", \"given_name\": \"Иван\"}]},"
    " \"lesson\": {\"title\": \"Дроби\", \"duration_minutes\": 0, \"stages\": []}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (bad, sizeof bad - 1);

  g_assert_no_error (error);
  g_assert_false (urok_demo_load (store, bytes, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (urok_store_is_empty (store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/demo/content", test_demo_content);
  g_test_add_func ("/core/demo/twice-changes-nothing", test_demo_twice_changes_nothing);
  g_test_add_func ("/core/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/core/demo/bad-demo-changes-nothing", test_bad_demo_changes_nothing);

  return core_test_run ();
}
