/* urok-store-gradebook.c: class groups, students and their marks.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-marks.h"
#include "urok-store-private.h"

GListModel *
urok_store_list_class_groups (UrokStore  *self,
                              GError    **error)
{
  g_autoptr(GListStore) groups = g_list_store_new (UROK_TYPE_CLASS_GROUP);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);

  stmt = _urok_store_prepare (self,
                              "SELECT g.id, g.uuid, g.name, g.grade_level, g.school_year, count(s.id)"
                              "  FROM class_group g LEFT JOIN student s ON s.class_group_id = g.id"
                              " GROUP BY g.id ORDER BY g.grade_level, g.name",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UrokClassGroup) group =
        g_object_new (UROK_TYPE_CLASS_GROUP,
                      "id", sqlite3_column_int64 (stmt, 0),
                      "uuid", _urok_column_text (stmt, 1),
                      "name", _urok_column_text (stmt, 2),
                      "grade-level", sqlite3_column_int (stmt, 3),
                      "school-year", _urok_column_text (stmt, 4),
                      "n-students", sqlite3_column_int (stmt, 5),
                      NULL);
      g_list_store_append (groups, group);
    }
  if (rc != SQLITE_DONE)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&groups));
}

gint64
urok_store_create_class_group (UrokStore   *self,
                               const char  *name,
                               int          grade_level,
                               const char  *school_year,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (UROK_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (school_year != NULL, 0);

  stmt = _urok_store_prepare (self,
                              "INSERT INTO class_group (uuid, name, grade_level, school_year)"
                              " VALUES (?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, grade_level);
  sqlite3_bind_text (stmt, 4, school_year, -1, SQLITE_TRANSIENT);
  if (!_urok_store_step_done (self, stmt, error))
    return 0;
  {
    gint64 id = sqlite3_last_insert_rowid (_urok_store_get_db (self));

    _urok_store_emit_changed (self, "gradebook");
    return id;
  }
}

typedef struct
{
  gint64     id;
  char      *full_name;
  int        n_absences;
  GPtrArray *values;
  GArray    *weights;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->full_name);
  g_ptr_array_unref (row->values);
  g_array_unref (row->weights);
}

static UrokStudentRecord *
record_from_row (Row *row)
{
  g_autoptr(GString) marks = g_string_new (NULL);
  double average;

  for (guint i = 0; i < row->values->len; i++)
    {
      if (i > 0)
        g_string_append_c (marks, ' ');
      g_string_append (marks, urok_mark_display (g_ptr_array_index (row->values, i)));
    }
  average = urok_mark_weighted_average ((const char * const *)row->values->pdata,
                                        (const int *)(gpointer)row->weights->data,
                                        row->values->len);

  return g_object_new (UROK_TYPE_STUDENT_RECORD,
                       "id", row->id,
                       "full-name", row->full_name,
                       "marks", marks->str,
                       "n-marks", (int)row->values->len,
                       "average", average,
                       "n-absences", row->n_absences,
                       NULL);
}

/* Every student of the group, in register order, with all marks in date order. */
GListModel *
urok_store_list_student_records (UrokStore  *self,
                                 gint64      class_group_id,
                                 GError    **error)
{
  g_autoptr(GListStore) records = g_list_store_new (UROK_TYPE_STUDENT_RECORD);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Row row = { 0 };
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);

  stmt = _urok_store_prepare (self,
                              "SELECT s.id, s.family_name || ' ' || s.given_name,"
                              "       (SELECT count(*) FROM attendance a WHERE a.student_id = s.id),"
                              "       m.value, coalesce(k.weight, 1)"
                              "  FROM student s"
                              "  LEFT JOIN mark m ON m.student_id = s.id"
                              "  LEFT JOIN work_kind k ON k.id = m.work_kind_id"
                              " WHERE s.class_group_id = ?"
                              " ORDER BY s.family_name, s.given_name, s.id, m.date, m.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, class_group_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int weight;

      if (row.id != id)
        {
          if (row.id != 0)
            {
              g_autoptr(UrokStudentRecord) record = record_from_row (&row);
              g_list_store_append (records, record);
              row_clear (&row);
            }
          row.id = id;
          row.full_name = g_strdup (_urok_column_text (stmt, 1));
          row.n_absences = sqlite3_column_int (stmt, 2);
          row.values = g_ptr_array_new_with_free_func (g_free);
          row.weights = g_array_new (FALSE, FALSE, sizeof (int));
        }

      if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        continue;
      g_ptr_array_add (row.values, g_strdup (_urok_column_text (stmt, 3)));
      weight = sqlite3_column_int (stmt, 4);
      g_array_append_val (row.weights, weight);
    }

  if (row.id != 0)
    {
      g_autoptr(UrokStudentRecord) record = record_from_row (&row);
      g_list_store_append (records, record);
      row_clear (&row);
    }

  if (rc != SQLITE_DONE)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&records));
}
