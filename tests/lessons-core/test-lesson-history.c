/* test-lesson-history.c: undo and redo of every kind of edit.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"
#include "lesson-test-util.h"

#include "urok-lesson-history.h"

#define assert_stages(lesson, expected) G_STMT_START {              \
    g_autofree char *titles_ = lesson_test_stage_titles (lesson);   \
    g_assert_cmpstr (titles_, ==, expected);                        \
  } G_STMT_END

#define assert_resources(stage, expected) G_STMT_START {            \
    g_autofree char *titles_ = lesson_test_resource_titles (stage); \
    g_assert_cmpstr (titles_, ==, expected);                        \
  } G_STMT_END

static UrokLesson *
lesson_with_stages (const char *titles)
{
  g_auto(GStrv) names = g_strsplit (titles, ",", -1);
  UrokLesson *lesson = urok_lesson_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(UrokStage) stage = urok_stage_new (names[i], 5);

      for (guint r = 0; r < 3; r++)
        {
          g_autofree char *title = g_strdup_printf ("%s%u", names[i], r + 1);
          g_autoptr(UrokResource) resource = urok_resource_new (UROK_RESOURCE_TEXT);

          urok_resource_set_title (resource, title);
          urok_stage_insert_resource (stage, r, resource);
        }
      urok_lesson_insert_stage (lesson, i, stage);
    }
  return lesson;
}

static void
test_set_every_object (void)
{
  g_autoptr(UrokLesson) lesson = lesson_test_new_full ();
  g_autoptr(UrokLessonHistory) history = urok_lesson_history_new (lesson);
  UrokStage *stage = lesson_test_get_stage (lesson, 1);
  UrokResource *resource = lesson_test_get_resource (stage, 4);
  g_auto(GValue) pace = G_VALUE_INIT;
  g_auto(GValue) is_template = G_VALUE_INIT;

  g_assert_true (urok_lesson_history_get_lesson (history) == lesson);
  g_assert_false (urok_lesson_history_get_can_undo (history));
  g_assert_false (urok_lesson_history_undo (history));

  urok_lesson_history_set_string (history, G_OBJECT (lesson), "topic", "Вычитание дробей");
  urok_lesson_history_set_int (history, G_OBJECT (lesson), "grade-level", 5);
  urok_lesson_history_set_string (history, G_OBJECT (stage), "teacher-activity", "Объясняет");
  urok_lesson_history_set_int (history, G_OBJECT (stage), "duration-minutes", 20);
  g_value_init (&pace, UROK_TYPE_STAGE_PACE);
  g_value_set_enum (&pace, UROK_STAGE_PACE_TEACHER);
  urok_lesson_history_set (history, G_OBJECT (stage), "pace", &pace);
  urok_lesson_history_set_string (history, G_OBJECT (resource), "target", "https://example.org/");
  g_value_init (&is_template, G_TYPE_BOOLEAN);
  g_value_set_boolean (&is_template, TRUE);
  urok_lesson_history_set (history, G_OBJECT (lesson), "is-template", &is_template);

  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "Вычитание дробей");
  g_assert_cmpint (urok_stage_get_pace (stage), ==, UROK_STAGE_PACE_TEACHER);
  g_assert_true (urok_lesson_get_is_template (lesson));

  /* Each of those was its own step (different fields), undone in reverse. */
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_false (urok_lesson_get_is_template (lesson));
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpstr (urok_resource_get_target (resource), ==, "https://resh.edu.ru/subject/12/6/");
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpint (urok_stage_get_pace (stage), ==, UROK_STAGE_PACE_STUDENT);
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpint (urok_stage_get_duration_minutes (stage), ==, 30);
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpstr (urok_stage_get_teacher_activity (stage), ==, "Организует работу с моделью «пирог»");
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpint (urok_lesson_get_grade_level (lesson), ==, 6);
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "Сложение дробей с одинаковыми знаменателями");
  g_assert_false (urok_lesson_history_undo (history));
  g_assert_false (urok_lesson_history_get_can_undo (history));
  g_assert_true (urok_lesson_history_get_can_redo (history));

  for (guint i = 0; i < 7; i++)
    g_assert_true (urok_lesson_history_redo (history));
  g_assert_false (urok_lesson_history_redo (history));
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "Вычитание дробей");
  g_assert_cmpint (urok_lesson_get_grade_level (lesson), ==, 5);
  g_assert_cmpstr (urok_resource_get_target (resource), ==, "https://example.org/");
  g_assert_true (urok_lesson_get_is_template (lesson));
}

/* Setting what is already there is no step at all. */
static void
test_set_unchanged (void)
{
  static const char *const same_tags[] = { "дроби", "6 класс", "ёлка", NULL };
  static const char *const new_tags[] = { "дроби", NULL };
  g_autoptr(UrokLesson) lesson = lesson_test_new_full ();
  g_autoptr(UrokLessonHistory) history = urok_lesson_history_new (lesson);
  g_auto(GValue) tags = G_VALUE_INIT;

  urok_lesson_history_set_string (history, G_OBJECT (lesson), "subject", "Математика");
  urok_lesson_history_set_int (history, G_OBJECT (lesson), "duration-minutes", 45);
  g_value_init (&tags, G_TYPE_STRV);
  g_value_set_static_boxed (&tags, same_tags);
  urok_lesson_history_set (history, G_OBJECT (lesson), "tags", &tags);
  g_assert_false (urok_lesson_history_get_can_undo (history));

  /* Tags are a list: set, undone, redone like any field. */
  g_value_set_static_boxed (&tags, new_tags);
  urok_lesson_history_set (history, G_OBJECT (lesson), "tags", &tags);
  g_assert_cmpstrv (urok_lesson_get_tags (lesson), new_tags);
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpstrv (urok_lesson_get_tags (lesson), same_tags);
  g_assert_true (urok_lesson_history_redo (history));
  g_assert_cmpstrv (urok_lesson_get_tags (lesson), new_tags);
}

static void
test_merge_typing (void)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokLessonHistory) history = urok_lesson_history_new (lesson);
  g_autoptr(UrokStage) stage = urok_stage_new ("", 5);
  const char *typed[] = { "Д", "Др", "Дро", "Дроб", "Дроби" };

  urok_lesson_insert_stage (lesson, 0, stage);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    urok_lesson_history_set_string (history, G_OBJECT (lesson), "topic", typed[i]);
  /* Another field is another step... */
  urok_lesson_history_set_string (history, G_OBJECT (lesson), "goals", "Ц");
  urok_lesson_history_set_string (history, G_OBJECT (lesson), "goals", "Це");
  /* ...and so is the same field of another object. */
  urok_lesson_history_set_string (history, G_OBJECT (stage), "title", "Э");
  urok_lesson_history_set_string (history, G_OBJECT (stage), "title", "Эт");

  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpstr (urok_stage_get_title (stage), ==, "");
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpstr (urok_lesson_get_goals (lesson), ==, "");
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "");
  g_assert_false (urok_lesson_history_get_can_undo (history));
  g_assert_true (urok_lesson_history_redo (history));
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "Дроби");

  /* Undo and redo end the merging: typing on is a new step. */
  urok_lesson_history_set_string (history, G_OBJECT (lesson), "topic", "Дроби 6");
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "Дроби");
}

static void
test_break_merge (void)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokLessonHistory) history = urok_lesson_history_new (lesson);

  urok_lesson_history_set_string (history, G_OBJECT (lesson), "topic", "Дроби");
  urok_lesson_history_break_merge (history);
  urok_lesson_history_set_string (history, G_OBJECT (lesson), "topic", "Дроби и проценты");

  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "Дроби");
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "");
}

/* A pause longer than a second starts a new step. */
static void
test_merge_times_out (void)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokLessonHistory) history = urok_lesson_history_new (lesson);

  urok_lesson_history_set_string (history, G_OBJECT (lesson), "topic", "Дроби");
  g_usleep (G_USEC_PER_SEC + G_USEC_PER_SEC / 10);
  urok_lesson_history_set_string (history, G_OBJECT (lesson), "topic", "Дроби и доли");

  g_assert_true (urok_lesson_history_undo (history));
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "Дроби");
}

static void
test_stages (void)
{
  g_autoptr(UrokLesson) lesson = lesson_with_stages ("А,Б,В,Г");
  g_autoptr(UrokLessonHistory) history = urok_lesson_history_new (lesson);
  g_autoptr(UrokStage) added = urok_stage_new ("Н", 3);

  urok_lesson_history_insert_stage (history, 2, added);
  assert_stages (lesson, "А,Б,Н,В,Г");
  urok_lesson_history_remove_stage (history, 0);
  assert_stages (lesson, "Б,Н,В,Г");
  urok_lesson_history_move_stage (history, 0, 3);
  assert_stages (lesson, "Н,В,Г,Б");
  urok_lesson_history_move_stage (history, 2, 0);
  assert_stages (lesson, "Г,Н,В,Б");
  /* A move to where it is is nothing to undo. */
  urok_lesson_history_move_stage (history, 1, 1);

  g_assert_true (urok_lesson_history_undo (history));
  assert_stages (lesson, "Н,В,Г,Б");
  g_assert_true (urok_lesson_history_undo (history));
  assert_stages (lesson, "Б,Н,В,Г");
  g_assert_true (urok_lesson_history_undo (history));
  assert_stages (lesson, "А,Б,Н,В,Г");
  g_assert_true (urok_lesson_history_undo (history));
  assert_stages (lesson, "А,Б,В,Г");
  g_assert_false (urok_lesson_history_undo (history));

  for (guint i = 0; i < 4; i++)
    g_assert_true (urok_lesson_history_redo (history));
  assert_stages (lesson, "Г,Н,В,Б");
  /* The stage brought back is the very object inserted. */
  g_assert_true (lesson_test_get_stage (lesson, 1) == added);
}

static void
test_resources (void)
{
  g_autoptr(UrokLesson) lesson = lesson_with_stages ("А,Б");
  g_autoptr(UrokLessonHistory) history = urok_lesson_history_new (lesson);
  UrokStage *a = lesson_test_get_stage (lesson, 0);
  UrokStage *b = lesson_test_get_stage (lesson, 1);
  g_autoptr(UrokResource) added = urok_resource_new (UROK_RESOURCE_LINK);

  urok_resource_set_title (added, "Н");
  urok_lesson_history_insert_resource (history, a, 1, added);
  assert_resources (a, "А1,Н,А2,А3");
  urok_lesson_history_remove_resource (history, a, 3);
  assert_resources (a, "А1,Н,А2");
  urok_lesson_history_move_resource (history, a, 0, a, 2);
  assert_resources (a, "Н,А2,А1");
  urok_lesson_history_move_resource (history, a, 1, b, 3);
  assert_resources (a, "Н,А1");
  assert_resources (b, "Б1,Б2,Б3,А2");
  urok_lesson_history_move_resource (history, b, 0, a, 0);
  assert_resources (a, "Б1,Н,А1");
  assert_resources (b, "Б2,Б3,А2");

  g_assert_true (urok_lesson_history_undo (history));
  assert_resources (a, "Н,А1");
  assert_resources (b, "Б1,Б2,Б3,А2");
  g_assert_true (urok_lesson_history_undo (history));
  assert_resources (a, "Н,А2,А1");
  assert_resources (b, "Б1,Б2,Б3");
  g_assert_true (urok_lesson_history_undo (history));
  assert_resources (a, "А1,Н,А2");
  g_assert_true (urok_lesson_history_undo (history));
  assert_resources (a, "А1,Н,А2,А3");
  g_assert_true (urok_lesson_history_undo (history));
  assert_resources (a, "А1,А2,А3");

  for (guint i = 0; i < 5; i++)
    g_assert_true (urok_lesson_history_redo (history));
  assert_resources (a, "Б1,Н,А1");
  assert_resources (b, "Б2,Б3,А2");
}

/* A resource moved to a stage that is later removed: undoing both puts the
 * stage back first, then the resource back where it came from. */
static void
test_undo_after_move_across_stages (void)
{
  g_autoptr(UrokLesson) lesson = lesson_with_stages ("А,Б,В");
  g_autoptr(UrokLessonHistory) history = urok_lesson_history_new (lesson);
  UrokStage *a = lesson_test_get_stage (lesson, 0);
  UrokStage *c = lesson_test_get_stage (lesson, 2);

  urok_lesson_history_move_resource (history, a, 2, c, 0);
  urok_lesson_history_move_stage (history, 2, 0);
  urok_lesson_history_set_string (history, G_OBJECT (lesson_test_get_resource (c, 0)), "title", "А3*");
  urok_lesson_history_remove_stage (history, 0);
  assert_stages (lesson, "А,Б");
  assert_resources (a, "А1,А2");

  g_assert_true (urok_lesson_history_undo (history));
  assert_stages (lesson, "В,А,Б");
  assert_resources (c, "А3*,В1,В2,В3");
  g_assert_true (urok_lesson_history_undo (history));
  assert_resources (c, "А3,В1,В2,В3");
  g_assert_true (urok_lesson_history_undo (history));
  assert_stages (lesson, "А,Б,В");
  g_assert_true (urok_lesson_history_undo (history));
  assert_resources (a, "А1,А2,А3");
  assert_resources (c, "В1,В2,В3");
}

static void
test_group (void)
{
  g_autoptr(UrokLesson) lesson = lesson_with_stages ("А,Б");
  g_autoptr(UrokLessonHistory) history = urok_lesson_history_new (lesson);
  g_autoptr(UrokStage) stage = urok_stage_new ("", 5);
  g_autoptr(UrokResource) resource = urok_resource_new (UROK_RESOURCE_MEDIA);

  urok_lesson_history_set_string (history, G_OBJECT (lesson), "topic", "До");

  /* Dropping a picture on the lesson: a new stage with the picture, named. */
  urok_lesson_history_begin_group (history);
  urok_lesson_history_insert_stage (history, 1, stage);
  urok_lesson_history_begin_group (history);
  urok_lesson_history_insert_resource (history, stage, 0, resource);
  urok_lesson_history_set_string (history, G_OBJECT (resource), "title", "Картинка");
  urok_lesson_history_end_group (history);
  urok_lesson_history_set_string (history, G_OBJECT (stage), "title", "Иллюстрация");
  urok_lesson_history_move_stage (history, 1, 0);
  urok_lesson_history_end_group (history);
  assert_stages (lesson, "Иллюстрация,А,Б");

  /* An empty group is no step. */
  urok_lesson_history_begin_group (history);
  urok_lesson_history_end_group (history);

  g_assert_true (urok_lesson_history_undo (history));
  assert_stages (lesson, "А,Б");
  g_assert_cmpstr (urok_stage_get_title (stage), ==, "");
  g_assert_cmpstr (urok_resource_get_title (resource), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (urok_stage_get_resources (stage)), ==, 0);
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "До");

  g_assert_true (urok_lesson_history_redo (history));
  assert_stages (lesson, "Иллюстрация,А,Б");
  assert_resources (stage, "Картинка");

  /* Typing right after a group does not merge into it. */
  urok_lesson_history_set_string (history, G_OBJECT (stage), "title", "Иллюстрация 2");
  g_assert_true (urok_lesson_history_undo (history));
  assert_stages (lesson, "Иллюстрация,А,Б");
}

static void
test_redo_cleared_by_edit (void)
{
  g_autoptr(UrokLesson) lesson = lesson_with_stages ("А,Б");
  g_autoptr(UrokLessonHistory) history = urok_lesson_history_new (lesson);

  urok_lesson_history_remove_stage (history, 0);
  urok_lesson_history_set_string (history, G_OBJECT (lesson), "topic", "Т");
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_true (urok_lesson_history_undo (history));
  g_assert_true (urok_lesson_history_get_can_redo (history));

  urok_lesson_history_move_stage (history, 0, 1);
  g_assert_false (urok_lesson_history_get_can_redo (history));
  g_assert_false (urok_lesson_history_redo (history));
  assert_stages (lesson, "Б,А");
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static void
test_can_undo_notify (void)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokLessonHistory) history = urok_lesson_history_new (lesson);
  guint undo_notified = 0, redo_notified = 0;
  gboolean can_undo = TRUE;

  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_notify), &undo_notified);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (count_notify), &redo_notified);

  urok_lesson_history_set_string (history, G_OBJECT (lesson), "topic", "А");
  urok_lesson_history_set_string (history, G_OBJECT (lesson), "goals", "Б");
  g_assert_cmpuint (undo_notified, ==, 1);
  g_assert_cmpuint (redo_notified, ==, 0);
  urok_lesson_history_undo (history);
  g_assert_cmpuint (undo_notified, ==, 1);
  g_assert_cmpuint (redo_notified, ==, 1);
  urok_lesson_history_undo (history);
  g_assert_cmpuint (undo_notified, ==, 2);
  g_object_get (history, "can-undo", &can_undo, NULL);
  g_assert_false (can_undo);
  urok_lesson_history_set_string (history, G_OBJECT (lesson), "topic", "В");
  g_assert_cmpuint (undo_notified, ==, 3);
  g_assert_cmpuint (redo_notified, ==, 2);
}

/* Undo and redo hold for any sequence of edits: undoing everything gives the
 * lesson back as it was, redoing everything gives the edited one. */
static void
test_random_sequences (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  for (guint round = 0; round < 30; round++)
    {
      g_autoptr(UrokLesson) lesson = lesson_with_stages ("А,Б,В");
      g_autoptr(UrokLesson) before = urok_lesson_copy (lesson, FALSE);
      g_autoptr(UrokLesson) after = NULL;
      g_autoptr(UrokLessonHistory) history = urok_lesson_history_new (lesson);
      guint steps = 0;

      for (guint i = 0; i < 40; i++)
        {
          GListModel *stages = urok_lesson_get_stages (lesson);
          guint n = g_list_model_get_n_items (stages);
          UrokStage *stage = n > 0 ? lesson_test_get_stage (lesson, g_rand_int_range (rand, 0, n)) : NULL;
          UrokStage *other = n > 0 ? lesson_test_get_stage (lesson, g_rand_int_range (rand, 0, n)) : NULL;
          guint n_res = stage != NULL ? g_list_model_get_n_items (urok_stage_get_resources (stage)) : 0;
          g_autofree char *text = g_strdup_printf ("т%u", i);

          urok_lesson_history_break_merge (history);
          switch (g_rand_int_range (rand, 0, 8))
            {
            case 0:
              urok_lesson_history_set_string (history, G_OBJECT (lesson), "topic", text);
              break;

            case 1:
              {
                g_autoptr(UrokStage) added = urok_stage_new (text, 4);
                urok_lesson_history_insert_stage (history, g_rand_int_range (rand, 0, n + 1), added);
              }
              break;

            case 2:
              if (n == 0)
                continue;
              urok_lesson_history_remove_stage (history, g_rand_int_range (rand, 0, n));
              break;

            case 3:
              if (n < 2)
                continue;
              urok_lesson_history_move_stage (history, 0, n - 1);
              break;

            case 4:
              if (stage == NULL)
                continue;
              {
                g_autoptr(UrokResource) added = urok_resource_new (UROK_RESOURCE_TEXT);
                urok_resource_set_title (added, text);
                urok_lesson_history_insert_resource (history, stage, g_rand_int_range (rand, 0, n_res + 1), added);
              }
              break;

            case 5:
              if (n_res == 0)
                continue;
              urok_lesson_history_remove_resource (history, stage, g_rand_int_range (rand, 0, n_res));
              break;

            case 6:
              if (n_res == 0 || other == stage)
                continue;
              urok_lesson_history_move_resource (history, stage, 0, other,
                                                 g_list_model_get_n_items (urok_stage_get_resources (other)));
              break;

            case 7:
              if (stage == NULL)
                continue;
              urok_lesson_history_set_int (history, G_OBJECT (stage), "duration-minutes", g_rand_int_range (rand, 0, 30));
              break;

            default:
              g_assert_not_reached ();
            }
          steps++;
        }

      after = urok_lesson_copy (lesson, FALSE);
      while (urok_lesson_history_undo (history))
        ;
      g_assert_true (urok_lesson_equal (lesson, before));
      while (urok_lesson_history_redo (history))
        ;
      g_assert_true (urok_lesson_equal (lesson, after));
      g_assert_cmpuint (steps, >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/lesson/history/set-every-object", test_set_every_object);
  g_test_add_func ("/core/lesson/history/set-unchanged", test_set_unchanged);
  g_test_add_func ("/core/lesson/history/merge-typing", test_merge_typing);
  g_test_add_func ("/core/lesson/history/break-merge", test_break_merge);
  g_test_add_func ("/core/lesson/history/merge-times-out", test_merge_times_out);
  g_test_add_func ("/core/lesson/history/stages", test_stages);
  g_test_add_func ("/core/lesson/history/resources", test_resources);
  g_test_add_func ("/core/lesson/history/undo-after-move-across-stages", test_undo_after_move_across_stages);
  g_test_add_func ("/core/lesson/history/group", test_group);
  g_test_add_func ("/core/lesson/history/redo-cleared-by-edit", test_redo_cleared_by_edit);
  g_test_add_func ("/core/lesson/history/can-undo-notify", test_can_undo_notify);
  g_test_add_func ("/core/lesson/history/random-sequences", test_random_sequences);

  return core_test_run ();
}
