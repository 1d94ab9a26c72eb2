/* urok-store-packages.c: the store's side of lesson packages: a lesson's
 * tests read out as JSON and written back, replaced by uuid so that
 * importing a package twice does not duplicate them.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-store-packages.h"
#include "urok-store-private.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static JsonNode *
parse_question_data (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  /* The column is checked with json_valid(); an empty object stands in
   * should SQLite and json-glib ever disagree on what is valid. */
  if (json_parser_load_from_data (parser, text, -1, NULL) && json_parser_get_root (parser) != NULL)
    return json_node_copy (json_parser_get_root (parser));
  return json_node_init_object (json_node_alloc (), json_object_new ());
}

JsonNode *
urok_store_dup_test_json (UrokStore   *self,
                          const char  *uuid,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 test_id;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = _urok_store_prepare (self,
                              "SELECT id, uuid, title, subject, coalesce(grade_level, 0)"
                              "  FROM test WHERE uuid = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND,
                   "No test with uuid %s", uuid);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }

  test_id = sqlite3_column_int64 (stmt, 0);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, _urok_column_text (stmt, 1));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, _urok_column_text (stmt, 2));
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, _urok_column_text (stmt, 3));
  json_builder_set_member_name (builder, "grade-level");
  json_builder_add_int_value (builder, sqlite3_column_int (stmt, 4));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _urok_store_prepare (self,
                              "SELECT kind, text, data, points FROM question"
                              " WHERE test_id = ? ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, test_id);

  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, _urok_column_text (stmt, 0));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, _urok_column_text (stmt, 1));
      json_builder_set_member_name (builder, "points");
      json_builder_add_double_value (builder, sqlite3_column_double (stmt, 3));
      json_builder_set_member_name (builder, "data");
      json_builder_add_value (builder, parse_question_data (_urok_column_text (stmt, 2)));
      json_builder_end_object (builder);
    }
  if (rc != SQLITE_DONE)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
save_test (UrokStore   *self,
           JsonObject  *test,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonArray *questions = json_object_get_array_member (test, "questions");
  const char *uuid = json_object_get_string_member (test, "uuid");
  gint64 grade_level = json_object_get_int_member_with_default (test, "grade-level", 0);
  gint64 test_id;
  int rc;

  stmt = _urok_store_prepare (self,
                              "INSERT INTO test (uuid, title, subject, grade_level) VALUES (?, ?, ?, ?)"
                              " ON CONFLICT (uuid) DO UPDATE SET title = excluded.title,"
                              "   subject = excluded.subject, grade_level = excluded.grade_level,"
                              "   modified = " NOW,
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, json_object_get_string_member_with_default (test, "title", ""), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, json_object_get_string_member_with_default (test, "subject", ""), -1, SQLITE_TRANSIENT);
  if (grade_level >= 1 && grade_level <= 11)
    sqlite3_bind_int (stmt, 4, (int)grade_level);
  else
    sqlite3_bind_null (stmt, 4);
  if (!_urok_store_step_done (self, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _urok_store_prepare (self, "SELECT id FROM test WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _urok_store_set_error (self, error);
  test_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The package's questions replace the old ones, whatever their number. */
  stmt = _urok_store_prepare (self, "DELETE FROM question WHERE test_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, test_id);
  if (!_urok_store_step_done (self, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _urok_store_prepare (self,
                              "INSERT INTO question (test_id, position, kind, text, data, points)"
                              " VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; questions != NULL && i < json_array_get_length (questions); i++)
    {
      JsonObject *question = json_array_get_object_element (questions, i);
      JsonNode *data = json_object_get_member (question, "data");
      g_autofree char *data_text = data != NULL ? json_to_string (data, FALSE) : g_strdup ("{}");

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, test_id);
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_text (stmt, 3, json_object_get_string_member_with_default (question, "kind", ""), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, json_object_get_string_member_with_default (question, "text", ""), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, data_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 6, json_object_get_double_member_with_default (question, "points", 1));
      if (!_urok_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
urok_store_save_test_json (UrokStore   *self,
                           JsonObject  *test,
                           GError     **error)
{
  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (test != NULL, FALSE);
  g_return_val_if_fail (json_object_get_string_member_with_default (test, "uuid", NULL) != NULL, FALSE);

  /* A savepoint nests inside the caller's transaction and stands alone
   * outside one: either way a failure leaves no half-written test. */
  if (!_urok_store_exec (self, "SAVEPOINT save_test_json", error))
    return FALSE;
  if (!save_test (self, test, error))
    {
      _urok_store_exec (self, "ROLLBACK TO save_test_json; RELEASE save_test_json", NULL);
      return FALSE;
    }
  if (!_urok_store_exec (self, "RELEASE save_test_json", error))
    return FALSE;

  _urok_store_emit_changed (self, "tests");
  return TRUE;
}

gboolean
urok_store_lesson_exists (UrokStore   *self,
                          const char  *uuid,
                          gboolean    *exists,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (exists != NULL, FALSE);

  stmt = _urok_store_prepare (self, "SELECT 1 FROM lesson WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _urok_store_set_error (self, error);
  *exists = rc == SQLITE_ROW;
  return TRUE;
}
