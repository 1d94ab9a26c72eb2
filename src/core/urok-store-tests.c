/* urok-store-tests.c: designed tests in the store, as lists need them.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-store-private.h"

GListModel *
urok_store_list_tests (UrokStore  *self,
                       GError    **error)
{
  g_autoptr(GListStore) tests = g_list_store_new (UROK_TYPE_TEST_INFO);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);

  stmt = _urok_store_prepare (self,
                              "SELECT t.id, t.uuid, t.title, t.subject, coalesce(t.grade_level, 0),"
                              "       count(q.id), coalesce(sum(q.points), 0)"
                              "  FROM test t LEFT JOIN question q ON q.test_id = t.id"
                              " GROUP BY t.id ORDER BY t.modified DESC, t.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UrokTestInfo) info =
        g_object_new (UROK_TYPE_TEST_INFO,
                      "id", sqlite3_column_int64 (stmt, 0),
                      "uuid", _urok_column_text (stmt, 1),
                      "title", _urok_column_text (stmt, 2),
                      "subject", _urok_column_text (stmt, 3),
                      "grade-level", sqlite3_column_int (stmt, 4),
                      "n-questions", sqlite3_column_int (stmt, 5),
                      "points", sqlite3_column_double (stmt, 6),
                      NULL);
      g_list_store_append (tests, info);
    }
  if (rc != SQLITE_DONE)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&tests));
}

gint64
urok_store_create_test (UrokStore   *self,
                        const char  *title,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (UROK_IS_STORE (self), 0);
  g_return_val_if_fail (title != NULL, 0);

  stmt = _urok_store_prepare (self, "INSERT INTO test (uuid, title) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  if (!_urok_store_step_done (self, stmt, error))
    return 0;
  {
    gint64 id = sqlite3_last_insert_rowid (_urok_store_get_db (self));

    _urok_store_emit_changed (self, "tests");
    return id;
  }
}
