/* urok-demo.c: the demo content a new teacher can start from.
 *
 * data/demo/demo.json describes a class group, a lesson and a test; the term
 * of marks is generated here from its lesson dates with a fixed seed, so every
 * run produces the same grade book.  Every row gets a uuid derived from the
 * demo's own names, so loading the demo twice changes nothing.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "urok-book-import.h"
#include "urok-demo.h"
#include "urok-store-private.h"

#define DEMO_SEED 20260901

static char *
demo_uuid (const char *kind,
           const char *name)
{
  g_autofree char *key = g_strconcat ("urok-demo:", kind, ":", name, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s",
                          digest, digest + 8, digest + 12, digest + 16, digest + 20);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  if (object == NULL || !json_object_has_member (object, name))
    return "";
  return json_object_get_string_member_with_default (object, name, "");
}

static gboolean
row_exists (UrokStore   *store,
            const char  *table,
            const char  *uuid,
            gboolean    *exists,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE uuid = ?", table);
  g_autoptr(sqlite3_stmt) stmt = _urok_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _urok_store_set_error (store, error);
  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* Binds each of @values, NULL for a SQL NULL, and runs the statement. */
static gint64
insert (UrokStore   *store,
        const char  *sql,
        GError     **error,
        ...)
{
  g_autoptr(sqlite3_stmt) stmt = _urok_store_prepare (store, sql, error);
  int n_params;
  va_list args;

  if (stmt == NULL)
    return 0;

  n_params = sqlite3_bind_parameter_count (stmt);
  va_start (args, error);
  for (int i = 1; i <= n_params; i++)
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        sqlite3_bind_text (stmt, i, value, -1, SQLITE_TRANSIENT);
    }
  va_end (args);

  if (!_urok_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (_urok_store_get_db (store));
}

static char *
int_string (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* A mark near the student's usual level, with a little luck either way. */
static const char *
generate_mark (GRand  *rand,
               double  ability)
{
  static const char *const values[] = { "2", "3", "4", "5" };
  double noise = g_rand_double_range (rand, -1.1, 1.1);
  int mark = (int)floor (ability + noise + 0.5);

  return values[CLAMP (mark, 2, 5) - 2];
}

static gboolean
load_gradebook (UrokStore   *store,
                JsonObject  *root,
                GError     **error)
{
  JsonObject *group = json_object_get_object_member (root, "class_group");
  JsonObject *term = json_object_get_object_member (root, "term");
  JsonArray *students;
  JsonArray *work_kinds;
  JsonArray *dates;
  JsonArray *assessments;
  g_autoptr(GHashTable) assessment_kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  g_autofree char *group_uuid = NULL;
  g_autofree char *group_id = NULL;
  g_autofree char *grade_level = NULL;
  g_autofree char *subject_id = NULL;
  gboolean exists = FALSE;
  gint64 id;

  if (group == NULL || term == NULL ||
      (students = json_object_get_array_member (group, "students")) == NULL ||
      (work_kinds = json_object_get_array_member (root, "work_kinds")) == NULL ||
      (dates = json_object_get_array_member (root, "lesson_dates")) == NULL ||
      (assessments = json_object_get_array_member (root, "assessments")) == NULL)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   "The demo grade book is incomplete");
      return FALSE;
    }

  group_uuid = demo_uuid ("class_group", member_string (group, "name"));
  if (!row_exists (store, "class_group", group_uuid, &exists, error))
    return FALSE;
  if (exists)
    return TRUE;

  grade_level = int_string (json_object_get_int_member (group, "grade_level"));
  id = insert (store, "INSERT INTO class_group (uuid, name, grade_level, school_year) VALUES (?, ?, ?, ?)",
               error, group_uuid, member_string (group, "name"), grade_level,
               member_string (group, "school_year"));
  if (id == 0)
    return FALSE;
  group_id = int_string (id);

  if (insert (store, "INSERT OR IGNORE INTO term (name, school_year, starts, ends) VALUES (?, ?, ?, ?)",
              error, member_string (term, "name"), member_string (group, "school_year"),
              member_string (term, "starts"), member_string (term, "ends")) == 0 &&
      error != NULL && *error != NULL)
    return FALSE;

  if (insert (store, "INSERT OR IGNORE INTO subject (name) VALUES (?)", error,
              member_string (root, "subject")) == 0 && error != NULL && *error != NULL)
    return FALSE;
  {
    g_autoptr(sqlite3_stmt) stmt = _urok_store_prepare (store, "SELECT id FROM subject WHERE name = ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, member_string (root, "subject"), -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) != SQLITE_ROW)
      return _urok_store_set_error (store, error);
    subject_id = int_string (sqlite3_column_int64 (stmt, 0));
  }

  for (guint i = 0; i < json_array_get_length (work_kinds); i++)
    {
      JsonObject *kind = json_array_get_object_element (work_kinds, i);
      g_autofree char *weight = int_string (json_object_get_int_member_with_default (kind, "weight", 1));

      if (insert (store, "INSERT OR IGNORE INTO work_kind (code, name, weight) VALUES (?, ?, ?)",
                  error, member_string (kind, "code"), member_string (kind, "name"), weight) == 0 &&
          error != NULL && *error != NULL)
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (assessments); i++)
    {
      JsonObject *assessment = json_array_get_object_element (assessments, i);
      g_hash_table_insert (assessment_kinds, (gpointer)member_string (assessment, "date"),
                           (gpointer)member_string (assessment, "work_kind"));
    }

  for (guint s = 0; s < json_array_get_length (students); s++)
    {
      JsonObject *student = json_array_get_object_element (students, s);
      g_autofree char *name = g_strdup_printf ("%s/%s %s %s", member_string (group, "name"),
                                               member_string (student, "family_name"),
                                               member_string (student, "given_name"),
                                               member_string (student, "patronymic"));
      g_autofree char *student_uuid = demo_uuid ("student", name);
      g_autofree char *student_id = NULL;
      double ability = g_rand_double_range (rand, 2.9, 5.0);

      id = insert (store,
                   "INSERT INTO student (uuid, class_group_id, family_name, given_name, patronymic)"
                   " VALUES (?, ?, ?, ?, ?)",
                   error, student_uuid, group_id, member_string (student, "family_name"),
                   member_string (student, "given_name"), member_string (student, "patronymic"));
      if (id == 0)
        return FALSE;
      student_id = int_string (id);

      for (guint d = 0; d < json_array_get_length (dates); d++)
        {
          const char *date = json_array_get_string_element (dates, d);
          const char *assessed = g_hash_table_lookup (assessment_kinds, date);
          const char *kind = assessed != NULL ? assessed : "classwork";
          g_autofree char *mark_key = NULL;
          g_autofree char *mark_uuid = NULL;

          if (date == NULL)
            continue;
          if (g_rand_double (rand) < 0.05)
            {
              static const char *const absences[] = { "absent", "ill", "excused" };
              if (insert (store, "INSERT INTO attendance (student_id, subject_id, date, kind) VALUES (?, ?, ?, ?)",
                          error, student_id, subject_id, date, absences[g_rand_int_range (rand, 0, 3)]) == 0)
                return FALSE;
              continue;
            }
          /* Everyone writes an assessment; on other days a few answer at the board. */
          if (assessed == NULL && g_rand_double (rand) > 0.3)
            continue;

          mark_key = g_strdup_printf ("%s@%s", name, date);
          mark_uuid = demo_uuid ("mark", mark_key);
          if (insert (store,
                      "INSERT INTO mark (uuid, student_id, subject_id, work_kind_id, date, value)"
                      " VALUES (?, ?, ?, (SELECT id FROM work_kind WHERE code = ?), ?, ?)",
                      error, mark_uuid, student_id, subject_id, kind, date,
                      generate_mark (rand, ability)) == 0)
            return FALSE;
        }
    }

  return TRUE;
}

/* The demo's lesson in the lesson format (docs/formats/lesson.md): the
 * demo file names its links its own way (book_id, url, test_ref,
 * background), and every stage and resource gets a uuid derived from the
 * lesson's title and its place in it. */
static JsonNode *
demo_lesson_to_json (JsonObject *lesson,
                     const char *lesson_uuid)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonArray *stages = json_object_get_array_member (lesson, "stages");
  static const char *const lesson_strings[] = {
    "subject", "lesson_type", "planned_date", "goals", "planned_results",
  };
  static const char *const stage_strings[] = {
    "title", "kind", "teacher_activity", "student_activity", "methods", "planned_results", "notes", "pace",
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "urok-lesson");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, lesson_uuid);
  json_builder_set_member_name (builder, "topic");
  json_builder_add_string_value (builder, member_string (lesson, "title"));
  for (guint i = 0; i < G_N_ELEMENTS (lesson_strings); i++)
    {
      json_builder_set_member_name (builder, lesson_strings[i]);
      json_builder_add_string_value (builder, member_string (lesson, lesson_strings[i]));
    }
  json_builder_set_member_name (builder, "grade_level");
  json_builder_add_int_value (builder, json_object_get_int_member_with_default (lesson, "grade_level", 0));
  json_builder_set_member_name (builder, "duration_minutes");
  json_builder_add_int_value (builder, json_object_get_int_member_with_default (lesson, "duration_minutes", 45));

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);
      JsonArray *resources = stage != NULL ? json_object_get_array_member (stage, "resources") : NULL;
      g_autofree char *stage_key = g_strdup_printf ("%s/%u", member_string (lesson, "title"), i);
      g_autofree char *stage_uuid = demo_uuid ("stage", stage_key);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, stage_uuid);
      for (guint k = 0; k < G_N_ELEMENTS (stage_strings); k++)
        {
          json_builder_set_member_name (builder, stage_strings[k]);
          json_builder_add_string_value (builder, member_string (stage, stage_strings[k]));
        }
      json_builder_set_member_name (builder, "duration_minutes");
      json_builder_add_int_value (builder, stage != NULL ? json_object_get_int_member_with_default (stage, "duration_minutes", 5) : 5);

      json_builder_set_member_name (builder, "resources");
      json_builder_begin_array (builder);
      for (guint r = 0; resources != NULL && r < json_array_get_length (resources); r++)
        {
          JsonObject *resource = json_array_get_object_element (resources, r);
          g_autofree char *resource_key = g_strdup_printf ("%s/%u", stage_key, r);
          g_autofree char *resource_uuid = demo_uuid ("resource", resource_key);
          g_autofree char *test_uuid = NULL;
          const char *target = member_string (resource, "target");

          if (json_object_has_member (resource, "book_id"))
            target = member_string (resource, "book_id");
          else if (json_object_has_member (resource, "url"))
            target = member_string (resource, "url");
          else if (json_object_has_member (resource, "test_ref"))
            target = test_uuid = demo_uuid ("test", member_string (resource, "test_ref"));

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "uuid");
          json_builder_add_string_value (builder, resource_uuid);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, member_string (resource, "kind"));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, member_string (resource, "title"));
          json_builder_set_member_name (builder, "target");
          json_builder_add_string_value (builder, target);
          json_builder_set_member_name (builder, "location");
          json_builder_add_string_value (builder, member_string (resource, "location"));
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, member_string (resource, "text"));
          if (json_object_has_member (resource, "background"))
            {
              g_autoptr(JsonBuilder) board = json_builder_new ();
              g_autoptr(JsonNode) board_node = NULL;
              g_autofree char *board_text = NULL;

              json_builder_begin_object (board);
              json_builder_set_member_name (board, "background");
              json_builder_add_string_value (board, member_string (resource, "background"));
              json_builder_end_object (board);
              board_node = json_builder_get_root (board);
              board_text = json_to_string (board_node, FALSE);
              json_builder_set_member_name (builder, "board");
              json_builder_add_string_value (builder, board_text);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Through the lesson model and urok_store_save_lesson(), like any lesson:
 * the format's checks apply and the lesson lands in the search index. */
static gboolean
load_lesson (UrokStore   *store,
             JsonObject  *lesson,
             GError     **error)
{
  g_autofree char *lesson_uuid = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(UrokLesson) model = NULL;
  gboolean exists = FALSE;

  if (lesson == NULL || json_object_get_array_member (lesson, "stages") == NULL)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   "The demo lesson is incomplete");
      return FALSE;
    }

  lesson_uuid = demo_uuid ("lesson", member_string (lesson, "title"));
  if (!row_exists (store, "lesson", lesson_uuid, &exists, error))
    return FALSE;
  if (exists)
    return TRUE;

  node = demo_lesson_to_json (lesson, lesson_uuid);
  model = urok_lesson_new_from_json (node, error);
  if (model == NULL)
    return FALSE;
  return urok_store_save_lesson (store, model, error);
}

static gboolean
load_test (UrokStore   *store,
           JsonObject  *test,
           GError     **error)
{
  g_autofree char *test_uuid = NULL;
  g_autofree char *test_id = NULL;
  g_autofree char *grade_level = NULL;
  JsonArray *questions;
  gboolean exists = FALSE;
  gint64 id;

  if (test == NULL || (questions = json_object_get_array_member (test, "questions")) == NULL)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   "The demo test is incomplete");
      return FALSE;
    }

  test_uuid = demo_uuid ("test", member_string (test, "ref"));
  if (!row_exists (store, "test", test_uuid, &exists, error))
    return FALSE;
  if (exists)
    return TRUE;

  grade_level = int_string (json_object_get_int_member_with_default (test, "grade_level", 0));
  id = insert (store, "INSERT INTO test (uuid, title, subject, grade_level) VALUES (?, ?, ?, ?)",
               error, test_uuid, member_string (test, "title"), member_string (test, "subject"), grade_level);
  if (id == 0)
    return FALSE;
  test_id = int_string (id);

  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonNode *node = json_array_get_element (questions, i);
      JsonObject *question = json_node_get_object (node);
      g_autofree char *data = json_to_string (node, FALSE);
      g_autofree char *position = int_string (i);
      g_autofree char *points = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 json_object_get_int_member_with_default (question, "points", 1));

      if (insert (store,
                  "INSERT INTO question (test_id, position, kind, text, data, points) VALUES (?, ?, ?, ?, ?, ?)",
                  error, test_id, position, member_string (question, "kind"),
                  member_string (question, "text"), data, points) == 0)
        return FALSE;
    }

  return TRUE;
}

/* Loads everything in one transaction: a failure leaves the store as it was. */
gboolean
urok_demo_load (UrokStore   *store,
                GBytes      *demo_json,
                GFile       *demo_textbook,
                const char  *books_dir,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(UrokBookInfo) book = NULL;
  JsonObject *root;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (UROK_IS_STORE (store), FALSE);
  g_return_val_if_fail (demo_json != NULL, FALSE);

  data = g_bytes_get_data (demo_json, &size);
  if (!json_parser_load_from_data (parser, data, (gssize)size, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      json_object_get_int_member_with_default (root = json_node_get_object (json_parser_get_root (parser)),
                                               "format", 0) != 1)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   "The demo content is not in format 1");
      return FALSE;
    }

  if (!urok_store_begin (store, error))
    return FALSE;

  if (!load_gradebook (store, root, error) ||
      !load_lesson (store, json_object_get_object_member (root, "lesson"), error) ||
      !load_test (store, json_object_get_object_member (root, "test"), error))
    {
      urok_store_rollback (store);
      return FALSE;
    }

  if (demo_textbook != NULL &&
      (book = urok_book_import (store, demo_textbook, books_dir, NULL, error)) == NULL)
    {
      urok_store_rollback (store);
      return FALSE;
    }

  return urok_store_commit (store, error);
}
