/* urok-store-lessons.c: lessons in the store: loading and saving whole
 * lessons, creating, deleting and duplicating them.  The search is in
 * urok-store-lesson-search.c, media files in urok-store-lesson-media.c.
 *
 * A lesson is saved whole: its row is upserted by uuid and its stages and
 * resources are written anew, with its row in the search index, in one
 * transaction.  Lessons are small (tens of stages), so this is cheaper than
 * tracking which stage changed, and a reader never sees half a lesson.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "urok-store-private.h"

#define MODIFIED_NOW "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

GStrv
_urok_strv_from_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *root;

  if (text != NULL && text[0] != '\0' && json_parser_load_from_data (parser, text, -1, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (node));
        }
    }
  return g_strv_builder_end (builder);
}

static char *
strv_to_json (const char *const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static UrokStage *
stage_from_row (sqlite3_stmt *stmt)
{
  const char *uuid = _urok_column_text (stmt, 1);
  UrokStage *stage = g_object_new (UROK_TYPE_STAGE, "uuid", uuid[0] != '\0' ? uuid : NULL, NULL);

  urok_stage_set_title (stage, _urok_column_text (stmt, 2));
  urok_stage_set_kind (stage, _urok_column_text (stmt, 3));
  urok_stage_set_duration_minutes (stage, CLAMP (sqlite3_column_int (stmt, 4), 0, 600));
  urok_stage_set_teacher_activity (stage, _urok_column_text (stmt, 5));
  urok_stage_set_student_activity (stage, _urok_column_text (stmt, 6));
  urok_stage_set_methods (stage, _urok_column_text (stmt, 7));
  urok_stage_set_planned_results (stage, _urok_column_text (stmt, 8));
  urok_stage_set_notes (stage, _urok_column_text (stmt, 9));
  urok_stage_set_pace (stage, g_str_equal (_urok_column_text (stmt, 10), "student")
                              ? UROK_STAGE_PACE_STUDENT : UROK_STAGE_PACE_TEACHER);
  return stage;
}

static UrokResource *
resource_from_row (sqlite3_stmt *stmt)
{
  const char *uuid = _urok_column_text (stmt, 1);
  UrokResourceKind kind;
  UrokResource *resource;

  if (!urok_resource_kind_from_string (_urok_column_text (stmt, 2), &kind))
    return NULL;
  resource = g_object_new (UROK_TYPE_RESOURCE, "uuid", uuid[0] != '\0' ? uuid : NULL, "kind", kind, NULL);
  urok_resource_set_title (resource, _urok_column_text (stmt, 3));
  urok_resource_set_target (resource, _urok_column_text (stmt, 4));
  urok_resource_set_location (resource, _urok_column_text (stmt, 5));
  urok_resource_set_text (resource, _urok_column_text (stmt, 6));
  urok_resource_set_media_type (resource, _urok_column_text (stmt, 7));
  urok_resource_set_board (resource, _urok_column_text (stmt, 8));
  return resource;
}

UrokLesson *
urok_store_load_lesson (UrokStore   *self,
                        const char  *uuid,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(UrokLesson) lesson = NULL;
  g_autoptr(GHashTable) stages = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(GStrv) tags = NULL;
  gint64 lesson_id;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = _urok_store_prepare (self,
                              "SELECT id, uuid, topic, subject, coalesce(grade_level, 0), class_group_uuid,"
                              "       lesson_type, coalesce(planned_date, ''), duration_minutes, goals,"
                              "       planned_results, tags, is_template"
                              "  FROM lesson WHERE uuid = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND,
                   _("The lesson was not found: it may have been deleted"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }

  lesson_id = sqlite3_column_int64 (stmt, 0);
  lesson = g_object_new (UROK_TYPE_LESSON, "uuid", _urok_column_text (stmt, 1), NULL);
  urok_lesson_set_topic (lesson, _urok_column_text (stmt, 2));
  urok_lesson_set_subject (lesson, _urok_column_text (stmt, 3));
  urok_lesson_set_grade_level (lesson, CLAMP (sqlite3_column_int (stmt, 4), 0, 11));
  urok_lesson_set_class_group_uuid (lesson, _urok_column_text (stmt, 5));
  urok_lesson_set_lesson_type (lesson, _urok_column_text (stmt, 6));
  urok_lesson_set_planned_date (lesson, _urok_column_text (stmt, 7));
  urok_lesson_set_duration_minutes (lesson, CLAMP (sqlite3_column_int (stmt, 8), 1, 600));
  urok_lesson_set_goals (lesson, _urok_column_text (stmt, 9));
  urok_lesson_set_planned_results (lesson, _urok_column_text (stmt, 10));
  tags = _urok_strv_from_json (_urok_column_text (stmt, 11));
  urok_lesson_set_tags (lesson, (const char *const *)tags);
  urok_lesson_set_is_template (lesson, sqlite3_column_int (stmt, 12) != 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _urok_store_prepare (self,
                              "SELECT id, uuid, title, kind, duration_minutes, teacher_activity,"
                              "       student_activity, methods, planned_results, notes, pace"
                              "  FROM stage WHERE lesson_id = ? ORDER BY position, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, lesson_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UrokStage) stage = stage_from_row (stmt);
      gint64 stage_id = sqlite3_column_int64 (stmt, 0);
      guint position = g_list_model_get_n_items (urok_lesson_get_stages (lesson));

      urok_lesson_insert_stage (lesson, position, stage);
      /* The lesson holds the stage; the table only borrows it. */
      g_hash_table_insert (stages, g_memdup2 (&stage_id, sizeof stage_id), stage);
    }
  if (rc != SQLITE_DONE)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _urok_store_prepare (self,
                              "SELECT r.stage_id, r.uuid, r.kind, r.title, r.target, r.location, r.text,"
                              "       r.media_type, r.board"
                              "  FROM resource r JOIN stage s ON s.id = r.stage_id"
                              " WHERE s.lesson_id = ? ORDER BY r.stage_id, r.position, r.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, lesson_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 stage_id = sqlite3_column_int64 (stmt, 0);
      UrokStage *stage = g_hash_table_lookup (stages, &stage_id);
      g_autoptr(UrokResource) resource = resource_from_row (stmt);

      if (stage == NULL || resource == NULL)
        continue;
      urok_stage_insert_resource (stage, g_list_model_get_n_items (urok_stage_get_resources (stage)), resource);
    }
  if (rc != SQLITE_DONE)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&lesson);
}

/* What the search index holds of the stages: their texts and those of their
 * resources' titles and cards. */
static char *
stages_search_text (UrokLesson *lesson)
{
  GListModel *stages = urok_lesson_get_stages (lesson);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (stages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (stages, i);
      GListModel *resources = urok_stage_get_resources (stage);
      guint n_resources = g_list_model_get_n_items (resources);

      g_string_append_printf (text, "%s %s %s %s %s %s ",
                              urok_stage_get_title (stage),
                              urok_stage_get_teacher_activity (stage),
                              urok_stage_get_student_activity (stage),
                              urok_stage_get_methods (stage),
                              urok_stage_get_planned_results (stage),
                              urok_stage_get_notes (stage));
      for (guint r = 0; r < n_resources; r++)
        {
          g_autoptr(UrokResource) resource = g_list_model_get_item (resources, r);
          g_string_append_printf (text, "%s %s ", urok_resource_get_title (resource),
                                  urok_resource_get_text (resource));
        }
    }
  return _urok_fold (text->str);
}

static void
bind_folded (sqlite3_stmt *stmt,
             int           column,
             const char   *text)
{
  sqlite3_bind_text (stmt, column, _urok_fold (text), -1, g_free);
}

static gboolean
write_search_row (UrokStore   *self,
                  gint64       lesson_id,
                  UrokLesson  *lesson,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *tags = NULL;

  stmt = _urok_store_prepare (self, "DELETE FROM lesson_fts WHERE rowid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lesson_id);
  if (!_urok_store_step_done (self, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _urok_store_prepare (self,
                              "INSERT INTO lesson_fts (rowid, topic, goals, planned_results, tags, stages)"
                              " VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  tags = g_strjoinv (" ", (char **)urok_lesson_get_tags (lesson));
  sqlite3_bind_int64 (stmt, 1, lesson_id);
  bind_folded (stmt, 2, urok_lesson_get_topic (lesson));
  bind_folded (stmt, 3, urok_lesson_get_goals (lesson));
  bind_folded (stmt, 4, urok_lesson_get_planned_results (lesson));
  bind_folded (stmt, 5, tags);
  sqlite3_bind_text (stmt, 6, stages_search_text (lesson), -1, g_free);
  return _urok_store_step_done (self, stmt, error);
}

static gboolean
write_stages (UrokStore   *self,
              gint64       lesson_id,
              UrokLesson  *lesson,
              GError     **error)
{
  const char *lesson_uuid = urok_lesson_get_uuid (lesson);
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(sqlite3_stmt) insert_stage = NULL;
  g_autoptr(sqlite3_stmt) insert_resource = NULL;
  GListModel *stages = urok_lesson_get_stages (lesson);
  guint n = g_list_model_get_n_items (stages);

  /* Resources go with their stages (ON DELETE CASCADE). */
  delete = _urok_store_prepare (self, "DELETE FROM stage WHERE lesson_id = ?", error);
  if (delete == NULL)
    return FALSE;
  sqlite3_bind_int64 (delete, 1, lesson_id);
  if (!_urok_store_step_done (self, delete, error))
    return FALSE;

  insert_stage = _urok_store_prepare (self,
                                      "INSERT INTO stage (lesson_id, position, uuid, title, kind, duration_minutes,"
                                      "                   teacher_activity, student_activity, methods,"
                                      "                   planned_results, notes, pace)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                      error);
  insert_resource = _urok_store_prepare (self,
                                         "INSERT INTO resource (stage_id, position, uuid, kind, title, target,"
                                         "                      location, text, media_type, board)"
                                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                         error);
  if (insert_stage == NULL || insert_resource == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (stages, i);
      GListModel *resources = urok_stage_get_resources (stage);
      guint n_resources = g_list_model_get_n_items (resources);
      gint64 stage_id;

      sqlite3_reset (insert_stage);
      sqlite3_bind_int64 (insert_stage, 1, lesson_id);
      sqlite3_bind_int (insert_stage, 2, i);
      sqlite3_bind_text (insert_stage, 3, urok_stage_get_uuid (stage), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_stage, 4, urok_stage_get_title (stage), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_stage, 5, urok_stage_get_kind (stage), -1, SQLITE_STATIC);
      sqlite3_bind_int (insert_stage, 6, urok_stage_get_duration_minutes (stage));
      sqlite3_bind_text (insert_stage, 7, urok_stage_get_teacher_activity (stage), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_stage, 8, urok_stage_get_student_activity (stage), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_stage, 9, urok_stage_get_methods (stage), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_stage, 10, urok_stage_get_planned_results (stage), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_stage, 11, urok_stage_get_notes (stage), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_stage, 12,
                         urok_stage_get_pace (stage) == UROK_STAGE_PACE_STUDENT ? "student" : "teacher",
                         -1, SQLITE_STATIC);
      if (!_urok_store_step_done (self, insert_stage, error))
        return FALSE;
      stage_id = sqlite3_last_insert_rowid (_urok_store_get_db (self));

      for (guint r = 0; r < n_resources; r++)
        {
          g_autoptr(UrokResource) resource = g_list_model_get_item (resources, r);
          g_autofree char *board = NULL;

          /* A board page's items go to their own rows; the resource keeps
           * the rest of its string. */
          if (urok_resource_get_kind (resource) == UROK_RESOURCE_BOARD_PAGE)
            {
              if (!_urok_store_take_board (self, lesson_uuid, urok_resource_get_uuid (resource),
                                           urok_resource_get_board (resource), &board, error))
                return FALSE;
            }

          sqlite3_reset (insert_resource);
          sqlite3_bind_int64 (insert_resource, 1, stage_id);
          sqlite3_bind_int (insert_resource, 2, r);
          sqlite3_bind_text (insert_resource, 3, urok_resource_get_uuid (resource), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_resource, 4,
                             urok_resource_kind_to_string (urok_resource_get_kind (resource)), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_resource, 5, urok_resource_get_title (resource), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_resource, 6, urok_resource_get_target (resource), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_resource, 7, urok_resource_get_location (resource), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_resource, 8, urok_resource_get_text (resource), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_resource, 9, urok_resource_get_media_type (resource), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_resource, 10, board != NULL ? board : urok_resource_get_board (resource),
                             -1, SQLITE_STATIC);
          if (!_urok_store_step_done (self, insert_resource, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_lesson (UrokStore   *self,
              UrokLesson  *lesson,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *tags = NULL;
  const char *date;
  int grade_level;
  gint64 lesson_id;

  stmt = _urok_store_prepare (self,
                              "INSERT INTO lesson (uuid, topic, subject, grade_level, class_group_id,"
                              "                    class_group_uuid, lesson_type, planned_date,"
                              "                    duration_minutes, goals, planned_results, tags,"
                              "                    is_template, sort_topic, modified)"
                              " VALUES (?1, ?2, ?3, ?4, (SELECT id FROM class_group WHERE uuid = ?5), ?5,"
                              "         ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, " MODIFIED_NOW ")"
                              " ON CONFLICT (uuid) DO UPDATE SET"
                              "   topic = excluded.topic, subject = excluded.subject,"
                              "   grade_level = excluded.grade_level, class_group_id = excluded.class_group_id,"
                              "   class_group_uuid = excluded.class_group_uuid,"
                              "   lesson_type = excluded.lesson_type, planned_date = excluded.planned_date,"
                              "   duration_minutes = excluded.duration_minutes, goals = excluded.goals,"
                              "   planned_results = excluded.planned_results, tags = excluded.tags,"
                              "   is_template = excluded.is_template, sort_topic = excluded.sort_topic,"
                              "   modified = excluded.modified"
                              " RETURNING id",
                              error);
  if (stmt == NULL)
    return FALSE;

  tags = strv_to_json (urok_lesson_get_tags (lesson));
  grade_level = urok_lesson_get_grade_level (lesson);
  date = urok_lesson_get_planned_date (lesson);
  sqlite3_bind_text (stmt, 1, urok_lesson_get_uuid (lesson), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, urok_lesson_get_topic (lesson), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, urok_lesson_get_subject (lesson), -1, SQLITE_STATIC);
  if (grade_level > 0)
    sqlite3_bind_int (stmt, 4, grade_level);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, urok_lesson_get_class_group_uuid (lesson), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, urok_lesson_get_lesson_type (lesson), -1, SQLITE_STATIC);
  if (date[0] != '\0')
    sqlite3_bind_text (stmt, 7, date, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_int (stmt, 8, urok_lesson_get_duration_minutes (lesson));
  sqlite3_bind_text (stmt, 9, urok_lesson_get_goals (lesson), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, urok_lesson_get_planned_results (lesson), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, tags, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 12, urok_lesson_get_is_template (lesson) ? 1 : 0);
  bind_folded (stmt, 13, urok_lesson_get_topic (lesson));

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _urok_store_set_error (self, error);
  lesson_id = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _urok_store_set_error (self, error);

  return write_stages (self, lesson_id, lesson, error)
         && write_search_row (self, lesson_id, lesson, error);
}

gboolean
urok_store_save_lesson (UrokStore   *self,
                        UrokLesson  *lesson,
                        GError     **error)
{
  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (UROK_IS_LESSON (lesson), FALSE);

  /* A savepoint, so that saving also works inside urok_store_begin(). */
  if (!_urok_store_exec (self, "SAVEPOINT save_lesson", error))
    return FALSE;
  if (!write_lesson (self, lesson, error))
    {
      _urok_store_exec (self, "ROLLBACK TO save_lesson; RELEASE save_lesson", NULL);
      return FALSE;
    }
  if (!_urok_store_exec (self, "RELEASE save_lesson", error))
    {
      urok_store_rollback (self);
      return FALSE;
    }
  _urok_store_emit_changed (self, "lessons");
  return TRUE;
}

gint64
urok_store_create_lesson (UrokStore   *self,
                          const char  *title,
                          int          duration_minutes,
                          GError     **error)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UROK_IS_STORE (self), 0);
  g_return_val_if_fail (title != NULL, 0);

  urok_lesson_set_topic (lesson, title);
  urok_lesson_set_duration_minutes (lesson, duration_minutes > 0 && duration_minutes <= 600 ? duration_minutes : 45);
  if (!urok_store_save_lesson (self, lesson, error))
    return 0;

  stmt = _urok_store_prepare (self, "SELECT id FROM lesson WHERE uuid = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, urok_lesson_get_uuid (lesson), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _urok_store_set_error (self, error);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFile *child;

  /* Never follow a link out of the lesson's folder. */
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL
         && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL)
         && child != NULL)
    {
      if (g_file_query_file_type (child, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
    }
  g_file_delete (file, NULL, NULL);
}

char *
_urok_store_dup_lesson_dir (UrokStore  *self,
                const char *lesson_uuid)
{
  g_autofree char *data_dir = g_path_get_dirname (urok_store_get_path (self));

  return g_build_filename (data_dir, "lessons", lesson_uuid, NULL);
}

static gboolean
exec_with_id (UrokStore   *self,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _urok_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return _urok_store_step_done (self, stmt, error);
}

gboolean
urok_store_delete_lesson (UrokStore   *self,
                          const char  *uuid,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 lesson_id;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  stmt = _urok_store_prepare (self, "SELECT id FROM lesson WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND,
                   _("The lesson was not found: it may have been deleted"));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _urok_store_set_error (self, error);
  lesson_id = sqlite3_column_int64 (stmt, 0);

  /* Stages and resources go with the lesson (ON DELETE CASCADE). */
  if (!_urok_store_exec (self, "SAVEPOINT delete_lesson", error))
    return FALSE;
  if (!exec_with_id (self, "DELETE FROM lesson_fts WHERE rowid = ?", lesson_id, error)
      || !exec_with_id (self, "DELETE FROM lesson WHERE id = ?", lesson_id, error)
      || !_urok_store_delete_lesson_boards (self, uuid, error))
    {
      _urok_store_exec (self, "ROLLBACK TO delete_lesson; RELEASE delete_lesson", NULL);
      return FALSE;
    }
  if (!_urok_store_exec (self, "RELEASE delete_lesson", error))
    {
      urok_store_rollback (self);
      return FALSE;
    }

  /* After the row is gone: a folder without a lesson is only clutter, a
   * lesson without its folder would be broken.  Only a real uuid names a
   * folder, so a strange value cannot point outside the lessons folder. */
  if (g_uuid_string_is_valid (uuid))
    {
      g_autofree char *dir = _urok_store_dup_lesson_dir (self, uuid);
      g_autoptr(GFile) file = g_file_new_for_path (dir);

      remove_tree (file);
    }

  _urok_store_emit_changed (self, "lessons");
  return TRUE;
}
static gboolean
copy_media (const char  *from_dir,
            const char  *to_dir,
            GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (from_dir, 0, NULL);
  const char *name;

  /* A lesson without media has no folder. */
  if (dir == NULL)
    return TRUE;
  if (g_mkdir_with_parents (to_dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), to_dir, g_strerror (saved_errno));
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from_path = g_build_filename (from_dir, name, NULL);
      g_autofree char *to_path = g_build_filename (to_dir, name, NULL);
      g_autoptr(GFile) from = g_file_new_for_path (from_path);
      g_autoptr(GFile) to = g_file_new_for_path (to_path);

      /* Half-written imports are not the lesson's media. */
      if (name[0] == '.' || !g_file_test (from_path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The copy's board pages (its resources have new uuids, in the same
 * places) get copies of the original's items. */
static gboolean
copy_boards (UrokStore   *self,
             UrokLesson  *original,
             UrokLesson  *copy,
             GError     **error)
{
  GListModel *from_stages = urok_lesson_get_stages (original);
  GListModel *to_stages = urok_lesson_get_stages (copy);

  g_assert (g_list_model_get_n_items (from_stages) == g_list_model_get_n_items (to_stages));
  for (guint i = 0; i < g_list_model_get_n_items (from_stages); i++)
    {
      g_autoptr(UrokStage) from_stage = g_list_model_get_item (from_stages, i);
      g_autoptr(UrokStage) to_stage = g_list_model_get_item (to_stages, i);
      GListModel *from = urok_stage_get_resources (from_stage);
      GListModel *to = urok_stage_get_resources (to_stage);

      g_assert (g_list_model_get_n_items (from) == g_list_model_get_n_items (to));
      for (guint r = 0; r < g_list_model_get_n_items (from); r++)
        {
          g_autoptr(UrokResource) a = g_list_model_get_item (from, r);
          g_autoptr(UrokResource) b = g_list_model_get_item (to, r);

          if (urok_resource_get_kind (a) == UROK_RESOURCE_BOARD_PAGE
              && !_urok_store_copy_board_page (self, urok_resource_get_uuid (a), urok_resource_get_uuid (b),
                                               urok_lesson_get_uuid (copy), error))
            return FALSE;
        }
    }
  return TRUE;
}

UrokLesson *
urok_store_duplicate_lesson (UrokStore   *self,
                             const char  *uuid,
                             gboolean     as_template,
                             GError     **error)
{
  g_autoptr(UrokLesson) original = NULL;
  g_autoptr(UrokLesson) copy = NULL;
  g_autofree char *from_dir = NULL;
  g_autofree char *to_dir = NULL;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  original = urok_store_load_lesson (self, uuid, error);
  if (original == NULL)
    return NULL;
  copy = urok_lesson_copy (original, TRUE);
  urok_lesson_set_is_template (copy, as_template);

  /* Media first: a saved copy always finds its files. */
  from_dir = urok_store_dup_lesson_media_dir (self, urok_lesson_get_uuid (original));
  to_dir = urok_store_dup_lesson_media_dir (self, urok_lesson_get_uuid (copy));
  if (from_dir != NULL && copy_media (from_dir, to_dir, error)
      && _urok_store_exec (self, "SAVEPOINT duplicate_lesson", error))
    {
      if (copy_boards (self, original, copy, error) && urok_store_save_lesson (self, copy, error)
          && _urok_store_exec (self, "RELEASE duplicate_lesson", error))
        return g_steal_pointer (&copy);
      _urok_store_exec (self, "ROLLBACK TO duplicate_lesson; RELEASE duplicate_lesson", NULL);
    }

  {
    g_autofree char *dir = _urok_store_dup_lesson_dir (self, urok_lesson_get_uuid (copy));
    g_autoptr(GFile) file = g_file_new_for_path (dir);

    remove_tree (file);
  }
  return NULL;
}
