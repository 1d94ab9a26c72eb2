/* urok-store-lessons.c: lessons in the store, as the lesson list needs them.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-store-private.h"

GListModel *
urok_store_list_lessons (UrokStore  *self,
                         GError    **error)
{
  g_autoptr(GListStore) lessons = g_list_store_new (UROK_TYPE_LESSON_INFO);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);

  stmt = _urok_store_prepare (self,
                              "SELECT l.id, l.uuid, l.title, l.subject, coalesce(l.grade_level, 0),"
                              "       l.duration_minutes, count(s.id), coalesce(sum(s.duration_minutes), 0),"
                              "       coalesce(l.planned_date, '')"
                              "  FROM lesson l LEFT JOIN stage s ON s.lesson_id = l.id"
                              " WHERE l.is_template = 0"
                              " GROUP BY l.id ORDER BY l.modified DESC, l.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UrokLessonInfo) info =
        g_object_new (UROK_TYPE_LESSON_INFO,
                      "id", sqlite3_column_int64 (stmt, 0),
                      "uuid", _urok_column_text (stmt, 1),
                      "title", _urok_column_text (stmt, 2),
                      "subject", _urok_column_text (stmt, 3),
                      "grade-level", sqlite3_column_int (stmt, 4),
                      "duration-minutes", sqlite3_column_int (stmt, 5),
                      "n-stages", sqlite3_column_int (stmt, 6),
                      "planned-minutes", sqlite3_column_int (stmt, 7),
                      "planned-date", _urok_column_text (stmt, 8),
                      NULL);
      g_list_store_append (lessons, info);
    }
  if (rc != SQLITE_DONE)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&lessons));
}

gint64
urok_store_create_lesson (UrokStore   *self,
                          const char  *title,
                          int          duration_minutes,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (UROK_IS_STORE (self), 0);
  g_return_val_if_fail (title != NULL, 0);

  stmt = _urok_store_prepare (self,
                              "INSERT INTO lesson (uuid, title, duration_minutes) VALUES (?, ?, ?)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, duration_minutes > 0 ? duration_minutes : 45);
  if (!_urok_store_step_done (self, stmt, error))
    return 0;
  {
    gint64 id = sqlite3_last_insert_rowid (_urok_store_get_db (self));

    _urok_store_emit_changed (self, "lessons");
    return id;
  }
}
