/* test-lesson-model.c: the lesson model: order, durations, change signals,
 * copies, stage kinds and lesson types.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core-test-util.h"
#include "lesson-test-util.h"

#include "urok-stage-kind.h"

static void
test_defaults (void)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokLesson) other = urok_lesson_new ();
  g_autoptr(UrokStage) stage = urok_stage_new ("Рефлексия", 5);
  g_autoptr(UrokResource) board = urok_resource_new (UROK_RESOURCE_BOARD_PAGE);
  g_autoptr(UrokResource) link = urok_resource_new (UROK_RESOURCE_LINK);

  g_assert_true (g_uuid_string_is_valid (urok_lesson_get_uuid (lesson)));
  g_assert_cmpstr (urok_lesson_get_uuid (lesson), !=, urok_lesson_get_uuid (other));
  g_assert_cmpint (urok_lesson_get_duration_minutes (lesson), ==, 45);
  g_assert_cmpint (urok_lesson_get_grade_level (lesson), ==, 0);
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "");
  g_assert_cmpstr (urok_lesson_get_planned_date (lesson), ==, "");
  g_assert_nonnull (urok_lesson_get_tags (lesson));
  g_assert_null (urok_lesson_get_tags (lesson)[0]);
  g_assert_false (urok_lesson_get_is_template (lesson));
  g_assert_cmpuint (g_list_model_get_n_items (urok_lesson_get_stages (lesson)), ==, 0);
  g_assert_true (g_list_model_get_item_type (urok_lesson_get_stages (lesson)) == UROK_TYPE_STAGE);

  g_assert_true (g_uuid_string_is_valid (urok_stage_get_uuid (stage)));
  g_assert_cmpstr (urok_stage_get_kind (stage), ==, "");
  g_assert_cmpint (urok_stage_get_pace (stage), ==, UROK_STAGE_PACE_TEACHER);
  g_assert_cmpint (urok_stage_get_duration_minutes (stage), ==, 5);

  /* A new board page is already a valid (blank) document. */
  g_assert_cmpstr (urok_resource_get_board (board), ==, "{}");
  g_assert_cmpstr (urok_resource_get_board (link), ==, "");
  g_assert_cmpstr (urok_resource_get_target (link), ==, "");
  g_assert_cmpint (urok_resource_get_kind (link), ==, UROK_RESOURCE_LINK);
}

static void
test_resource_kind_names (void)
{
  static const char *const names[] = { "board_page", "book_place", "media", "test", "link", "text" };
  UrokResourceKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (urok_resource_kind_to_string (i), ==, names[i]);
      g_assert_true (urok_resource_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }
  g_assert_false (urok_resource_kind_from_string ("video", &kind));
  g_assert_false (urok_resource_kind_from_string (NULL, &kind));
  g_assert_true (G_TYPE_IS_ENUM (UROK_TYPE_RESOURCE_KIND));
  g_assert_true (G_TYPE_IS_ENUM (UROK_TYPE_STAGE_PACE));
}

static void
test_stage_order (void)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autofree char *titles = NULL;
  const char *names[] = { "Б", "Г", "А", "В" };
  guint positions[] = { 0, 1, 0, 2 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(UrokStage) stage = urok_stage_new (names[i], 5);
      urok_lesson_insert_stage (lesson, positions[i], stage);
    }
  titles = lesson_test_stage_titles (lesson);
  g_assert_cmpstr (titles, ==, "А,Б,В,Г");

  urok_lesson_remove_stage (lesson, 1);
  g_free (titles);
  titles = lesson_test_stage_titles (lesson);
  g_assert_cmpstr (titles, ==, "А,В,Г");

  urok_lesson_remove_stage (lesson, 2);
  urok_lesson_remove_stage (lesson, 0);
  g_free (titles);
  titles = lesson_test_stage_titles (lesson);
  g_assert_cmpstr (titles, ==, "В");
}

static void
test_resource_order (void)
{
  g_autoptr(UrokStage) stage = urok_stage_new ("Практикум", 10);
  GListModel *resources = urok_stage_get_resources (stage);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("%u", i);
      g_autoptr(UrokResource) resource = urok_resource_new (UROK_RESOURCE_TEXT);

      urok_resource_set_title (resource, title);
      urok_stage_insert_resource (stage, 0, resource);
    }
  g_assert_cmpuint (g_list_model_get_n_items (resources), ==, 3);
  g_assert_cmpstr (urok_resource_get_title (lesson_test_get_resource (stage, 0)), ==, "2");
  g_assert_cmpstr (urok_resource_get_title (lesson_test_get_resource (stage, 2)), ==, "0");
  urok_stage_remove_resource (stage, 1);
  g_assert_cmpuint (g_list_model_get_n_items (resources), ==, 2);
  g_assert_cmpstr (urok_resource_get_title (lesson_test_get_resource (stage, 1)), ==, "0");
}

static void
test_durations_fit (void)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  int minutes[] = { 2, 8, 15, 10, 5 };

  g_assert_cmpint (urok_lesson_get_planned_minutes (lesson), ==, 0);
  g_assert_cmpint (urok_lesson_get_fit (lesson), ==, UROK_LESSON_UNDERFILLS);

  for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
    {
      g_autoptr(UrokStage) stage = urok_stage_new ("Этап", minutes[i]);
      urok_lesson_insert_stage (lesson, i, stage);
    }
  g_assert_cmpint (urok_lesson_get_planned_minutes (lesson), ==, 40);
  g_assert_cmpint (urok_lesson_get_fit (lesson), ==, UROK_LESSON_UNDERFILLS);

  urok_stage_set_duration_minutes (lesson_test_get_stage (lesson, 4), 10);
  g_assert_cmpint (urok_lesson_get_planned_minutes (lesson), ==, 45);
  g_assert_cmpint (urok_lesson_get_fit (lesson), ==, UROK_LESSON_FITS);

  urok_lesson_set_duration_minutes (lesson, 40);
  g_assert_cmpint (urok_lesson_get_fit (lesson), ==, UROK_LESSON_OVERRUNS);

  /* A zero-minute stage is allowed (a reminder), and counts nothing. */
  urok_stage_set_duration_minutes (lesson_test_get_stage (lesson, 0), 0);
  g_assert_cmpint (urok_lesson_get_planned_minutes (lesson), ==, 43);
}

static void
count_signal (gpointer  object,
              guint    *counter)
{
  (*counter)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

/* Every deep change reaches the lesson's "changed" once; a value set to
 * what it already is changes nothing. */
static void
test_deep_changed (void)
{
  g_autoptr(UrokLesson) lesson = lesson_test_new_full ();
  UrokStage *stage = lesson_test_get_stage (lesson, 1);
  g_autoptr(UrokStage) removed_stage = g_object_ref (lesson_test_get_stage (lesson, 2));
  g_autoptr(UrokResource) removed = NULL;
  UrokResource *resource = lesson_test_get_resource (stage, 3);
  static const char *const tags[] = { "new", NULL };
  guint changed = 0;

  g_signal_connect (lesson, "changed", G_CALLBACK (count_signal), &changed);

  urok_lesson_set_topic (lesson, "Новая тема");
  g_assert_cmpuint (changed, ==, 1);
  urok_lesson_set_topic (lesson, "Новая тема");
  g_assert_cmpuint (changed, ==, 1);
  urok_lesson_set_tags (lesson, tags);
  g_assert_cmpuint (changed, ==, 2);
  urok_lesson_set_tags (lesson, tags);
  g_assert_cmpuint (changed, ==, 2);
  urok_lesson_set_is_template (lesson, TRUE);
  urok_lesson_set_grade_level (lesson, 7);
  urok_lesson_set_duration_minutes (lesson, 40);
  g_assert_cmpuint (changed, ==, 5);

  urok_stage_set_notes (stage, "Заметка");
  g_assert_cmpuint (changed, ==, 6);
  urok_stage_set_pace (stage, UROK_STAGE_PACE_TEACHER);
  g_assert_cmpuint (changed, ==, 7);
  g_object_set (stage, "duration-minutes", 25, NULL);
  g_assert_cmpuint (changed, ==, 8);

  urok_resource_set_target (resource, "https://example.org/");
  g_assert_cmpuint (changed, ==, 9);
  urok_resource_set_target (resource, "https://example.org/");
  g_assert_cmpuint (changed, ==, 9);

  {
    g_autoptr(UrokResource) added = urok_resource_new (UROK_RESOURCE_TEXT);
    urok_stage_insert_resource (stage, 0, added);
  }
  g_assert_cmpuint (changed, ==, 10);
  removed = g_object_ref (lesson_test_get_resource (stage, 0));
  urok_stage_remove_resource (stage, 0);
  g_assert_cmpuint (changed, ==, 11);
  /* Once removed, a resource no longer speaks for the lesson. */
  urok_resource_set_title (removed, "Ушёл");
  g_assert_cmpuint (changed, ==, 11);

  {
    g_autoptr(UrokStage) added = urok_stage_new ("Физкультминутка", 2);
    urok_lesson_insert_stage (lesson, 1, added);
  }
  g_assert_cmpuint (changed, ==, 12);
  urok_lesson_remove_stage (lesson, 3);
  g_assert_cmpuint (changed, ==, 13);
  urok_stage_set_title (removed_stage, "Ушёл");
  {
    g_autoptr(UrokResource) added = urok_resource_new (UROK_RESOURCE_TEXT);
    urok_stage_insert_resource (removed_stage, 0, added);
  }
  g_assert_cmpuint (changed, ==, 13);
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokStage) stage = urok_stage_new ("Этап", 5);
  g_autoptr(UrokResource) resource = urok_resource_new (UROK_RESOURCE_LINK);
  guint lesson_notified = 0, stage_notified = 0, resource_notified = 0;

  g_signal_connect (lesson, "notify::goals", G_CALLBACK (count_notify), &lesson_notified);
  g_signal_connect (stage, "notify::duration-minutes", G_CALLBACK (count_notify), &stage_notified);
  g_signal_connect (resource, "notify::title", G_CALLBACK (count_notify), &resource_notified);

  urok_lesson_set_goals (lesson, "Цель");
  urok_lesson_set_goals (lesson, "Цель");
  g_object_set (lesson, "goals", "Цель", NULL);
  urok_stage_set_duration_minutes (stage, 7);
  urok_stage_set_duration_minutes (stage, 7);
  g_object_set (stage, "duration-minutes", 7, NULL);
  urok_resource_set_title (resource, NULL);
  urok_resource_set_title (resource, "");
  urok_resource_set_title (resource, "РЭШ");
  urok_resource_set_title (resource, "РЭШ");

  g_assert_cmpuint (lesson_notified, ==, 1);
  g_assert_cmpuint (stage_notified, ==, 1);
  g_assert_cmpuint (resource_notified, ==, 1);
  /* NULL is stored as empty: getters never return NULL. */
  urok_lesson_set_goals (lesson, NULL);
  g_assert_cmpstr (urok_lesson_get_goals (lesson), ==, "");
}

static void
test_copy_equal (void)
{
  g_autoptr(UrokLesson) lesson = lesson_test_new_full ();
  g_autoptr(UrokLesson) same = urok_lesson_copy (lesson, FALSE);
  g_autoptr(UrokLesson) fresh = urok_lesson_copy (lesson, TRUE);
  UrokStage *stage = lesson_test_get_stage (lesson, 1);
  UrokStage *fresh_stage = lesson_test_get_stage (fresh, 1);
  guint n;

  g_assert_true (urok_lesson_equal (lesson, same));
  g_assert_true (urok_lesson_equal (same, lesson));
  g_assert_false (lesson == same);
  g_assert_false (lesson_test_get_stage (lesson, 0) == lesson_test_get_stage (same, 0));

  /* New uuids everywhere, the same content. */
  g_assert_false (urok_lesson_equal (lesson, fresh));
  g_assert_cmpstr (urok_lesson_get_uuid (lesson), !=, urok_lesson_get_uuid (fresh));
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, urok_lesson_get_topic (fresh));
  g_assert_cmpstrv (urok_lesson_get_tags (lesson), urok_lesson_get_tags (fresh));
  g_assert_cmpstr (urok_stage_get_uuid (stage), !=, urok_stage_get_uuid (fresh_stage));
  g_assert_cmpstr (urok_stage_get_teacher_activity (stage), ==, urok_stage_get_teacher_activity (fresh_stage));
  g_assert_cmpint (urok_stage_get_pace (fresh_stage), ==, UROK_STAGE_PACE_STUDENT);
  n = g_list_model_get_n_items (urok_stage_get_resources (stage));
  g_assert_cmpuint (n, ==, 6);
  for (guint i = 0; i < n; i++)
    {
      UrokResource *a = lesson_test_get_resource (stage, i);
      UrokResource *b = lesson_test_get_resource (fresh_stage, i);
      g_autoptr(UrokResource) a_copy = urok_resource_copy (a, FALSE);

      g_assert_cmpstr (urok_resource_get_uuid (a), !=, urok_resource_get_uuid (b));
      g_assert_cmpint (urok_resource_get_kind (a), ==, urok_resource_get_kind (b));
      g_assert_cmpstr (urok_resource_get_target (a), ==, urok_resource_get_target (b));
      g_assert_cmpstr (urok_resource_get_board (a), ==, urok_resource_get_board (b));
      g_assert_true (urok_resource_equal (a, a_copy));
      g_assert_false (urok_resource_equal (a, b));
    }

  /* Copies are deep: changing one changes nothing in the other. */
  urok_resource_set_text (lesson_test_get_resource (lesson_test_get_stage (same, 1), 5), "другое");
  g_assert_false (urok_lesson_equal (lesson, same));
  urok_resource_set_text (lesson_test_get_resource (lesson_test_get_stage (same, 1), 5),
                          urok_resource_get_text (lesson_test_get_resource (stage, 5)));
  g_assert_true (urok_lesson_equal (lesson, same));

  /* Each field counts for equality. */
  urok_lesson_set_planned_date (same, "2026-10-15");
  g_assert_false (urok_lesson_equal (lesson, same));
  urok_lesson_set_planned_date (same, urok_lesson_get_planned_date (lesson));
  urok_stage_set_methods (lesson_test_get_stage (same, 2), "Игра");
  g_assert_false (urok_lesson_equal (lesson, same));
  urok_stage_set_methods (lesson_test_get_stage (same, 2), "");
  g_assert_true (urok_lesson_equal (lesson, same));
  urok_lesson_remove_stage (same, 2);
  g_assert_false (urok_lesson_equal (lesson, same));
}

static void
test_stage_kinds (void)
{
  static const char *const required[] = {
    "organisation", "motivation", "updating_knowledge", "goal_setting", "new_material",
    "primary_consolidation", "practice", "independent_work", "check", "physical_break",
    "reflection", "homework",
  };
  g_autoptr(GListModel) kinds = urok_stage_kinds_built_in ();
  g_autoptr(GHashTable) colors = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (kinds);

  g_assert_cmpuint (n, >=, G_N_ELEMENTS (required));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStageKind) kind = g_list_model_get_item (kinds, i);
      const char *color = urok_stage_kind_get_color (kind);
      g_assert_true (urok_stage_kind_get_built_in (kind));
      g_assert_cmpstr (urok_stage_kind_get_name (kind), !=, "");
      g_assert_cmpuint (strlen (color), ==, 7);
      g_assert_cmpint (color[0], ==, '#');
      for (guint c = 1; c < 7; c++)
        g_assert_true (g_ascii_isxdigit (color[c]));
      g_assert_true (g_hash_table_add (colors, (gpointer)color));
      g_assert_true (urok_stage_kind_lookup_built_in (urok_stage_kind_get_code (kind)) == kind);
    }
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_nonnull (urok_stage_kind_lookup_built_in (required[i]));
  g_assert_null (urok_stage_kind_lookup_built_in ("custom-6f2c1f9e-3f4b-4a2e-9d55-0c4c9f2a7b11"));
  g_assert_cmpstr (urok_stage_kind_get_name (urok_stage_kind_lookup_built_in ("homework")), ==, "Homework");

  {
    g_autoptr(UrokStageKind) own = urok_stage_kind_new ("custom-x", "Квест", "#123456", FALSE);
    g_autofree char *name = NULL;

    g_object_get (own, "name", &name, NULL);
    g_assert_cmpstr (name, ==, "Квест");
    g_assert_false (urok_stage_kind_get_built_in (own));
  }
}

static void
test_lesson_types (void)
{
  static const char *const codes[] = {
    "new_knowledge", "reflection", "general_method", "developmental_control", "combined",
  };
  guint n = 0;
  const UrokLessonType *types = urok_lesson_types (&n);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (types[i].code, ==, codes[i]);
      g_assert_cmpstr (types[i].name, ==, urok_lesson_type_name (codes[i]));
    }
  g_assert_null (types[n].code);
  g_assert_cmpstr (urok_lesson_type_name ("new_knowledge"), ==, "Discovery of new knowledge");
  g_assert_null (urok_lesson_type_name ("lecture"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/lesson/model/defaults", test_defaults);
  g_test_add_func ("/core/lesson/model/resource-kind-names", test_resource_kind_names);
  g_test_add_func ("/core/lesson/model/stage-order", test_stage_order);
  g_test_add_func ("/core/lesson/model/resource-order", test_resource_order);
  g_test_add_func ("/core/lesson/model/durations-fit", test_durations_fit);
  g_test_add_func ("/core/lesson/model/deep-changed", test_deep_changed);
  g_test_add_func ("/core/lesson/model/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/core/lesson/model/copy-equal", test_copy_equal);
  g_test_add_func ("/core/lesson/model/stage-kinds", test_stage_kinds);
  g_test_add_func ("/core/lesson/model/lesson-types", test_lesson_types);

  return core_test_run ();
}
