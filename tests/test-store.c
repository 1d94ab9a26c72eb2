/* test-store.c: the store opens, migrates, backs up and refuses damage.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"

#include <glib/gstdio.h>

#include "urok-store-private.h"

static char *
temp_store_path (void)
{
  return core_test_path ("urok-test.db");
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
test_migrate_empty (void)
{
  g_autofree char *path = temp_store_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (urok_store_get_schema_version (store), ==, urok_store_latest_version ());
  g_assert_true (urok_store_is_empty (store));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM pragma_foreign_keys WHERE foreign_keys = 1"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);
  /* A fresh store needs no backup of what was there before. */
  g_assert_null (urok_store_find_backup (path));
}

/* Children's data: nobody but the owner may read the store or its WAL. */
static void
assert_private (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
}

static void
test_reopen (void)
{
  g_autofree char *path = temp_store_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);
  g_autoptr(GListModel) lessons = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (urok_store_create_lesson (store, "Дроби", 45, &error), >, 0);
  g_assert_no_error (error);
  assert_private (path);
  g_clear_object (&store);

  store = urok_store_open (path, &error);
  g_assert_no_error (error);
  lessons = urok_store_list_lessons (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lessons), ==, 1);
  {
    g_autoptr(UrokLessonInfo) lesson = g_list_model_get_item (lessons, 0);
    g_assert_cmpstr (urok_lesson_info_get_title (lesson), ==, "Дроби");
    g_assert_cmpint (urok_lesson_info_get_duration_minutes (lesson), ==, 45);
  }
  /* Reopening at the same version is not an upgrade: no backup. */
  g_assert_null (urok_store_find_backup (path));
}

static const UrokMigration v1_only[] = {
  { 1, "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);" },
};

/* Version 2 adds a table, then fails half-way through. */
static const UrokMigration v2_broken[] = {
  { 1, "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);" },
  { 2, "CREATE TABLE extra (id INTEGER PRIMARY KEY);"
       "INSERT INTO note (text) VALUES ('half-way');"
       "ALTER TABLE no_such_table ADD COLUMN x TEXT;" },
};

static const UrokMigration v2_good[] = {
  { 1, "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);" },
  { 2, "ALTER TABLE note ADD COLUMN done INTEGER NOT NULL DEFAULT 0;" },
};

static void
test_failed_migration_rolls_back (void)
{
  g_autofree char *path = temp_store_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  store = _urok_store_open_with_migrations (path, v1_only, 1, &error);
  g_assert_no_error (error);
  g_assert_true (_urok_store_exec (store, "INSERT INTO note (text) VALUES ('урок')", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = _urok_store_open_with_migrations (path, v2_broken, 2, &error);
  g_assert_null (store);
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "no_such_table"));
  g_clear_error (&error);

  /* The file is byte for byte what it was, and opens at version 1. */
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  store = _urok_store_open_with_migrations (path, v1_only, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (urok_store_get_schema_version (store), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM note"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_master WHERE name = 'extra'"), ==, 0);
}

static void
test_backup_before_upgrade (void)
{
  g_autofree char *path = temp_store_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(UrokStore) old = NULL;
  g_autofree char *backup = NULL;

  store = _urok_store_open_with_migrations (path, v1_only, 1, &error);
  g_assert_no_error (error);
  g_assert_true (_urok_store_exec (store, "INSERT INTO note (text) VALUES ('до обновления')", &error));
  g_clear_object (&store);

  store = _urok_store_open_with_migrations (path, v2_good, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (urok_store_get_schema_version (store), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM note WHERE done = 0"), ==, 1);

  backup = urok_store_find_backup (path);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_suffix (backup, ".v1.backup"));

  /* The backup is the version-1 database, with its data. */
  old = _urok_store_open_with_migrations (backup, v1_only, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (urok_store_get_schema_version (old), ==, 1);
  g_assert_cmpint (count_rows (old, "SELECT count(*) FROM note"), ==, 1);
}

static void
test_too_new (void)
{
  g_autofree char *path = temp_store_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = _urok_store_open_with_migrations (path, v2_good, 2, &error);

  g_assert_no_error (error);
  g_clear_object (&store);

  store = _urok_store_open_with_migrations (path, v1_only, 1, &error);
  g_assert_null (store);
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_TOO_NEW);
}

typedef struct
{
  char  *path;
  GMutex mutex;
  GCond  cond;
  int    stage;
} ReaderState;

static void
wait_stage (ReaderState *state,
            int          stage)
{
  g_mutex_lock (&state->mutex);
  while (state->stage < stage)
    g_cond_wait (&state->cond, &state->mutex);
  g_mutex_unlock (&state->mutex);
}

static void
set_stage (ReaderState *state,
           int          stage)
{
  g_mutex_lock (&state->mutex);
  state->stage = stage;
  g_cond_broadcast (&state->cond);
  g_mutex_unlock (&state->mutex);
}

static gpointer
writer_thread (gpointer data)
{
  ReaderState *state = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (state->path, &error);

  g_assert_no_error (error);
  g_assert_true (urok_store_begin (store, &error));
  for (int i = 0; i < 100; i++)
    g_assert_cmpint (urok_store_create_test (store, "Контрольная", &error), >, 0);
  set_stage (state, 1);  /* written, not committed */
  wait_stage (state, 2); /* the reader has looked */
  g_assert_true (urok_store_commit (store, &error));
  g_assert_no_error (error);
  set_stage (state, 3);
  return NULL;
}

/* WAL: a reader neither waits for a writer nor sees half of its transaction. */
static void
test_reader_consistent_during_write (void)
{
  ReaderState state = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) reader = NULL;
  g_autoptr(GListModel) tests = NULL;
  GThread *thread;

  state.path = temp_store_path ();
  g_mutex_init (&state.mutex);
  g_cond_init (&state.cond);

  reader = urok_store_open (state.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (urok_store_create_test (reader, "Первая", &error), >, 0);

  thread = g_thread_new ("writer", writer_thread, &state);
  wait_stage (&state, 1);

  tests = urok_store_list_tests (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tests), ==, 1);
  g_clear_object (&tests);

  set_stage (&state, 2);
  wait_stage (&state, 3);
  g_thread_join (thread);

  tests = urok_store_list_tests (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tests), ==, 101);

  g_mutex_clear (&state.mutex);
  g_cond_clear (&state.cond);
  g_free (state.path);
}

static void
assert_refused_and_untouched (const char *path,
                              const char *contents,
                              gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = NULL;
  g_autofree char *after = NULL;
  gsize after_len;

  store = urok_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_test_message ("refused: %s", error->message);

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (contents, length, after, after_len);
}

static void
make_store_with_data (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);

  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *title = g_strdup_printf ("Урок %d: сложение дробей с одинаковыми знаменателями", i);
      g_assert_cmpint (urok_store_create_lesson (store, title, 45, &error), >, 0);
    }
  /* Leave everything in the main file, as after a clean exit. */
  g_assert_true (_urok_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
}

static void
test_corrupt_file (void)
{
  g_autofree char *path = temp_store_path ();
  g_autofree char *contents = NULL;
  gsize length;

  make_store_with_data (path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);

  /* Scribble over the pages after the header: a disk error, say. */
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char)(i * 7);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  assert_refused_and_untouched (path, contents, length);

  /* Not a database at all. */
  g_assert_true (g_file_set_contents (path, "Это не база данных, а текст.\n", -1, NULL));
  assert_refused_and_untouched (path, "Это не база данных, а текст.\n", strlen ("Это не база данных, а текст.\n"));
}

static void
test_truncated_file (void)
{
  g_autofree char *path = temp_store_path ();
  g_autofree char *contents = NULL;
  gsize length;

  make_store_with_data (path);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
  assert_refused_and_untouched (path, contents, length / 2);

  g_assert_true (g_file_set_contents (path, contents, 50, NULL));
  assert_refused_and_untouched (path, contents, 50);
}

static void
test_restore_backup (void)
{
  g_autofree char *path = temp_store_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);
  g_autoptr(GListModel) lessons = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *damaged_contents = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (urok_store_create_lesson (store, "Сохранённый урок", 45, &error), >, 0);
  g_assert_true (urok_store_backup (store, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *backup_path = urok_store_backup_path (path);
    GStatBuf st;

    g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0077, ==, 0);
  }
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (path, "garbage garbage garbage", -1, NULL));
  store = urok_store_open (path, &error);
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  backup = urok_store_find_backup (path);
  g_assert_nonnull (backup);
  g_assert_true (urok_store_restore_backup (path, backup, &damaged, &error));
  g_assert_no_error (error);

  /* The damaged file is kept aside, unchanged. */
  g_assert_true (g_file_get_contents (damaged, &damaged_contents, NULL, NULL));
  g_assert_cmpstr (damaged_contents, ==, "garbage garbage garbage");

  store = urok_store_open (path, &error);
  g_assert_no_error (error);
  lessons = urok_store_list_lessons (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (lessons), ==, 1);
}

static void
test_foreign_keys_enforced (void)
{
  g_autofree char *path = temp_store_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_false (_urok_store_exec (store,
                                    "INSERT INTO student (uuid, class_group_id, family_name, given_name)"
                                    " VALUES ('x', 4242, 'Иванов', 'Иван')", &error));
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_QUERY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/store/migrate-empty", test_migrate_empty);
  g_test_add_func ("/core/store/reopen", test_reopen);
  g_test_add_func ("/core/store/failed-migration-rolls-back", test_failed_migration_rolls_back);
  g_test_add_func ("/core/store/backup-before-upgrade", test_backup_before_upgrade);
  g_test_add_func ("/core/store/too-new", test_too_new);
  g_test_add_func ("/core/store/reader-consistent-during-write", test_reader_consistent_during_write);
  g_test_add_func ("/core/store/corrupt-file", test_corrupt_file);
  g_test_add_func ("/core/store/truncated-file", test_truncated_file);
  g_test_add_func ("/core/store/restore-backup", test_restore_backup);
  g_test_add_func ("/core/store/foreign-keys", test_foreign_keys_enforced);

  return core_test_run ();
}
