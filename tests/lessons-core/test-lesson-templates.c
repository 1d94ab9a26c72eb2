/* test-lesson-templates.c: the bundled lesson templates (data/templates)
 * are valid lessons that fill 45 minutes, cover every lesson type, and
 * become ordinary lessons when a teacher starts from them.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core-test-util.h"
#include "lesson-test-util.h"

#include "urok-stage-kind.h"
#include "urok-store.h"

static GPtrArray *
template_paths (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (TEMPLATES_DIR, 0, &error);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (paths, g_build_filename (TEMPLATES_DIR, name, NULL));
    }
  return paths;
}

static UrokLesson *
load_template (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  UrokLesson *lesson;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  lesson = urok_lesson_new_from_json (json_parser_get_root (parser), &error);
  if (lesson == NULL)
    g_error ("%s: %s", path, error->message);
  return lesson;
}

static void
test_templates_valid (void)
{
  g_autoptr(GPtrArray) paths = template_paths ();
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_types = 0;
  const UrokLessonType *known = urok_lesson_types (&n_types);

  g_assert_cmpuint (paths->len, >=, 4);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(UrokLesson) lesson = load_template (path);
      GListModel *stages = urok_lesson_get_stages (lesson);
      guint n_stages = g_list_model_get_n_items (stages);

      g_test_message ("%s: %s", path, urok_lesson_get_topic (lesson));
      g_assert_true (urok_lesson_get_is_template (lesson));
      g_assert_cmpint (urok_lesson_get_duration_minutes (lesson), ==, 45);
      g_assert_cmpint (urok_lesson_get_planned_minutes (lesson), ==, urok_lesson_get_duration_minutes (lesson));
      g_assert_cmpint (urok_lesson_get_fit (lesson), ==, UROK_LESSON_FITS);
      g_assert_cmpuint (n_stages, >=, 6);
      g_assert_cmpuint (n_stages, <=, 10);
      g_assert_cmpstr (urok_lesson_get_topic (lesson), !=, "");
      g_assert_cmpstr (urok_lesson_get_goals (lesson), !=, "");
      g_assert_cmpstr (urok_lesson_get_planned_results (lesson), !=, "");
      g_assert_nonnull (urok_lesson_type_name (urok_lesson_get_lesson_type (lesson)));
      g_hash_table_add (types, (gpointer)g_intern_string (urok_lesson_get_lesson_type (lesson)));
      g_assert_true (g_hash_table_add (uuids, g_strdup (urok_lesson_get_uuid (lesson))));

      for (guint s = 0; s < n_stages; s++)
        {
          UrokStage *stage = lesson_test_get_stage (lesson, s);
          GListModel *resources = urok_stage_get_resources (stage);

          /* Real texts a teacher can start from, of a built-in kind. */
          g_assert_cmpstr (urok_stage_get_title (stage), !=, "");
          g_assert_nonnull (urok_stage_kind_lookup_built_in (urok_stage_get_kind (stage)));
          g_assert_cmpint (urok_stage_get_duration_minutes (stage), >, 0);
          g_assert_cmpuint (strlen (urok_stage_get_teacher_activity (stage)), >, 20);
          g_assert_cmpuint (strlen (urok_stage_get_student_activity (stage)), >, 10);
          g_assert_cmpstr (urok_stage_get_methods (stage), !=, "");
          g_assert_cmpstr (urok_stage_get_planned_results (stage), !=, "");
          /* Templates may be saved side by side: their uuids never clash. */
          g_assert_true (g_hash_table_add (uuids, g_strdup (urok_stage_get_uuid (stage))));
          for (guint r = 0; r < g_list_model_get_n_items (resources); r++)
            g_assert_true (g_hash_table_add (uuids, g_strdup (urok_resource_get_uuid (lesson_test_get_resource (stage, r)))));
        }
    }

  /* One template for each lesson type of the standard. */
  for (guint i = 0; i < n_types; i++)
    g_assert_true (g_hash_table_contains (types, known[i].code));
}

/* Starting a lesson from a template: new uuids, not a template any more, the
 * same content, and it saves and loads like any lesson. */
static void
test_templates_instantiate (void)
{
  g_autofree char *db = core_test_path ("urok.db");
  g_autoptr(GPtrArray) paths = template_paths ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(UrokLesson) template = load_template (g_ptr_array_index (paths, i));
      g_autoptr(UrokLesson) lesson = urok_lesson_copy (template, TRUE);
      g_autoptr(UrokLesson) loaded = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(UrokLesson) back = NULL;
      GListModel *stages = urok_lesson_get_stages (lesson);

      urok_lesson_set_is_template (lesson, FALSE);
      urok_lesson_set_subject (lesson, "Математика");
      urok_lesson_set_grade_level (lesson, 6);
      g_assert_false (urok_lesson_equal (template, lesson));
      g_assert_cmpstr (urok_lesson_get_uuid (template), !=, urok_lesson_get_uuid (lesson));
      g_assert_cmpstr (urok_lesson_get_topic (template), ==, urok_lesson_get_topic (lesson));
      g_assert_cmpuint (g_list_model_get_n_items (stages), ==,
                        g_list_model_get_n_items (urok_lesson_get_stages (template)));
      for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
        {
          UrokStage *a = lesson_test_get_stage (template, s);
          UrokStage *b = lesson_test_get_stage (lesson, s);

          g_assert_cmpstr (urok_stage_get_uuid (a), !=, urok_stage_get_uuid (b));
          g_assert_cmpstr (urok_stage_get_teacher_activity (a), ==, urok_stage_get_teacher_activity (b));
        }

      g_assert_true (urok_store_save_lesson (store, lesson, &error));
      g_assert_no_error (error);
      loaded = urok_store_load_lesson (store, urok_lesson_get_uuid (lesson), &error);
      g_assert_no_error (error);
      g_assert_true (urok_lesson_equal (lesson, loaded));

      node = urok_lesson_to_json (loaded);
      back = urok_lesson_new_from_json (node, &error);
      g_assert_no_error (error);
      g_assert_true (urok_lesson_equal (loaded, back));
    }

  /* Two lessons from the same template are two lessons. */
  {
    g_autoptr(UrokLesson) template = load_template (g_ptr_array_index (paths, 0));
    g_autoptr(UrokLesson) again = urok_lesson_copy (template, TRUE);
    g_autoptr(GListModel) lessons = NULL;

    urok_lesson_set_is_template (again, FALSE);
    g_assert_true (urok_store_save_lesson (store, again, &error));
    g_assert_no_error (error);
    lessons = urok_store_list_lessons (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (lessons), ==, paths->len + 1);
  }
}

/* The UI finds the templates in the resource bundle under templates/. */
static void
test_templates_bundled (void)
{
  g_autoptr(GPtrArray) paths = template_paths ();
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (RESOURCES_XML, &xml, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (paths, i));
      g_autofree char *entry = g_strdup_printf ("<file alias=\"templates/%s\">../data/templates/%s</file>",
                                                name, name);

      if (strstr (xml, entry) == NULL)
        g_error ("%s is not in the resource bundle", name);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/lesson/templates/valid", test_templates_valid);
  g_test_add_func ("/core/lesson/templates/instantiate", test_templates_instantiate);
  g_test_add_func ("/core/lesson/templates/bundled", test_templates_bundled);

  return core_test_run ();
}
