/* test-presentation.c: the presentation controller, with a clock the test
 * moves by hand: stepping through resources and stages, stage and lesson
 * time against the plan, pause, overrun, hide and black-out.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-presentation.h"

#define MINUTE ((gint64)60 * G_USEC_PER_SEC)

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  g_assert_true (user_data == &fake_now);
  return fake_now;
}

static UrokResource *
text_card (const char *title)
{
  UrokResource *resource = urok_resource_new (UROK_RESOURCE_TEXT);

  urok_resource_set_title (resource, title);
  return resource;
}

/* Three stages: 5 min with two cards, 10 min with none, 20 min with one;
 * a lesson of 40 minutes. */
static UrokLesson *
make_lesson (void)
{
  UrokLesson *lesson = urok_lesson_new ();
  g_autoptr(UrokStage) first = urok_stage_new ("First", 5);
  g_autoptr(UrokStage) second = urok_stage_new ("Second", 10);
  g_autoptr(UrokStage) third = urok_stage_new ("Third", 20);
  g_autoptr(UrokResource) a = text_card ("A");
  g_autoptr(UrokResource) b = text_card ("B");
  g_autoptr(UrokResource) c = text_card ("C");

  urok_lesson_set_duration_minutes (lesson, 40);
  urok_stage_insert_resource (first, 0, a);
  urok_stage_insert_resource (first, 1, b);
  urok_stage_insert_resource (third, 0, c);
  urok_lesson_insert_stage (lesson, 0, first);
  urok_lesson_insert_stage (lesson, 1, second);
  urok_lesson_insert_stage (lesson, 2, third);
  return lesson;
}

static UrokPresentation *
make_presentation (UrokLesson *lesson)
{
  UrokPresentation *presentation = urok_presentation_new (lesson);

  fake_now = 1000 * MINUTE;
  urok_presentation_set_clock (presentation, fake_clock, &fake_now);
  return presentation;
}

static const char *
resource_title (UrokPresentation *presentation)
{
  UrokResource *resource = urok_presentation_get_resource (presentation);

  return resource != NULL ? urok_resource_get_title (resource) : NULL;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *)user_data)++;
}

static void
test_navigation (void)
{
  g_autoptr(UrokLesson) lesson = make_lesson ();
  g_autoptr(UrokPresentation) presentation = make_presentation (lesson);
  guint stage_notifies = 0;

  g_signal_connect (presentation, "notify::stage-index", G_CALLBACK (count_notify), &stage_notifies);

  g_assert_cmpuint (urok_presentation_get_n_stages (presentation), ==, 3);
  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, 0);
  g_assert_cmpint (urok_presentation_get_resource_index (presentation), ==, 0);
  g_assert_cmpstr (resource_title (presentation), ==, "A");
  g_assert_cmpstr (urok_stage_get_title (urok_presentation_get_next_stage (presentation)), ==, "Second");
  g_assert_false (urok_presentation_previous_resource (presentation));
  g_assert_false (urok_presentation_previous_stage (presentation));

  /* Resources run on across stages; an empty stage is a step of its own. */
  g_assert_true (urok_presentation_next_resource (presentation));
  g_assert_cmpstr (resource_title (presentation), ==, "B");
  g_assert_cmpuint (stage_notifies, ==, 0);
  g_assert_true (urok_presentation_next_resource (presentation));
  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, 1);
  g_assert_cmpint (urok_presentation_get_resource_index (presentation), ==, -1);
  g_assert_null (urok_presentation_get_resource (presentation));
  g_assert_cmpuint (stage_notifies, ==, 1);
  g_assert_true (urok_presentation_next_resource (presentation));
  g_assert_cmpstr (resource_title (presentation), ==, "C");
  g_assert_null (urok_presentation_get_next_stage (presentation));
  g_assert_false (urok_presentation_next_resource (presentation));
  g_assert_false (urok_presentation_next_stage (presentation));
  g_assert_cmpstr (resource_title (presentation), ==, "C");

  /* Back: the previous stage's last resource. */
  g_assert_true (urok_presentation_previous_resource (presentation));
  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, 1);
  g_assert_true (urok_presentation_previous_resource (presentation));
  g_assert_cmpstr (resource_title (presentation), ==, "B");

  /* By stage: always the stage's first resource. */
  g_assert_true (urok_presentation_next_stage (presentation));
  g_assert_true (urok_presentation_previous_stage (presentation));
  g_assert_cmpstr (resource_title (presentation), ==, "A");

  /* Jumps: out of range changes nothing. */
  g_assert_true (urok_presentation_go_to (presentation, 2, -1));
  g_assert_cmpstr (resource_title (presentation), ==, "C");
  g_assert_false (urok_presentation_go_to (presentation, 3, -1));
  g_assert_false (urok_presentation_go_to (presentation, -1, -1));
  g_assert_false (urok_presentation_go_to (presentation, 0, 2));
  g_assert_false (urok_presentation_go_to (presentation, 2, 0));
  g_assert_cmpstr (resource_title (presentation), ==, "C");
  g_assert_true (urok_presentation_go_to (presentation, 0, 1));
  g_assert_cmpstr (resource_title (presentation), ==, "B");
}

static void
test_empty_lesson (void)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokPresentation) presentation = make_presentation (lesson);

  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, -1);
  g_assert_null (urok_presentation_get_stage (presentation));
  g_assert_null (urok_presentation_get_resource (presentation));
  g_assert_null (urok_presentation_get_next_stage (presentation));
  g_assert_false (urok_presentation_next_resource (presentation));
  g_assert_false (urok_presentation_next_stage (presentation));
  g_assert_false (urok_presentation_previous_resource (presentation));
  urok_presentation_start (presentation);
  fake_now += MINUTE;
  g_assert_cmpint (urok_presentation_get_lesson_elapsed (presentation), ==, MINUTE);
  g_assert_cmpint (urok_presentation_get_schedule_offset (presentation), ==, MINUTE);
  g_assert_false (urok_presentation_get_stage_overrun (presentation));
}

static void
test_clock (void)
{
  g_autoptr(UrokLesson) lesson = make_lesson ();
  g_autoptr(UrokPresentation) presentation = make_presentation (lesson);

  /* Nothing counts before the start. */
  fake_now += 10 * MINUTE;
  g_assert_cmpint (urok_presentation_get_lesson_elapsed (presentation), ==, 0);
  g_assert_cmpint (urok_presentation_get_stage_elapsed (presentation, 0), ==, 0);

  urok_presentation_start (presentation);
  g_assert_true (urok_presentation_get_started (presentation));
  fake_now += 3 * MINUTE;
  g_assert_cmpint (urok_presentation_get_lesson_elapsed (presentation), ==, 3 * MINUTE);
  g_assert_cmpint (urok_presentation_get_stage_elapsed (presentation, 0), ==, 3 * MINUTE);
  /* 3 minutes into a 5-minute first stage: on plan. */
  g_assert_cmpint (urok_presentation_get_schedule_offset (presentation), ==, 0);
  g_assert_false (urok_presentation_get_stage_overrun (presentation));

  /* Changing resource within the stage does not split its time. */
  urok_presentation_next_resource (presentation);
  fake_now += 4 * MINUTE;
  g_assert_cmpint (urok_presentation_get_stage_elapsed (presentation, 0), ==, 7 * MINUTE);
  g_assert_true (urok_presentation_get_stage_overrun (presentation));
  /* 7 minutes spent where the plan gives 5: 2 minutes behind. */
  g_assert_cmpint (urok_presentation_get_schedule_offset (presentation), ==, 2 * MINUTE);

  /* The next stage starts its own clock; the first keeps its 7 minutes. */
  urok_presentation_next_stage (presentation);
  fake_now += MINUTE;
  g_assert_cmpint (urok_presentation_get_stage_elapsed (presentation, 0), ==, 7 * MINUTE);
  g_assert_cmpint (urok_presentation_get_stage_elapsed (presentation, 1), ==, MINUTE);
  g_assert_false (urok_presentation_get_stage_overrun (presentation));
  g_assert_cmpint (urok_presentation_get_lesson_elapsed (presentation), ==, 8 * MINUTE);
  g_assert_cmpint (urok_presentation_get_stage_planned_start (presentation, 1), ==, 5 * MINUTE);
  g_assert_cmpint (urok_presentation_get_stage_planned_start (presentation, 2), ==, 15 * MINUTE);
  g_assert_cmpint (urok_presentation_get_stage_planned (presentation, 2), ==, 20 * MINUTE);
  g_assert_cmpint (urok_presentation_get_schedule_offset (presentation), ==, 2 * MINUTE);

  /* Paused time counts nowhere. */
  urok_presentation_set_paused (presentation, TRUE);
  fake_now += 30 * MINUTE;
  g_assert_cmpint (urok_presentation_get_lesson_elapsed (presentation), ==, 8 * MINUTE);
  g_assert_cmpint (urok_presentation_get_stage_elapsed (presentation, 1), ==, MINUTE);
  /* Moving while paused adds nothing either. */
  urok_presentation_previous_stage (presentation);
  urok_presentation_next_stage (presentation);
  urok_presentation_set_paused (presentation, FALSE);
  fake_now += MINUTE;
  g_assert_cmpint (urok_presentation_get_stage_elapsed (presentation, 1), ==, 2 * MINUTE);
  g_assert_cmpint (urok_presentation_get_stage_elapsed (presentation, 0), ==, 7 * MINUTE);

  /* A stage visited again adds up over both visits. */
  urok_presentation_previous_stage (presentation);
  fake_now += MINUTE;
  g_assert_cmpint (urok_presentation_get_stage_elapsed (presentation, 0), ==, 8 * MINUTE);

  /* The lesson runs over its 40 minutes. */
  g_assert_false (urok_presentation_get_lesson_overrun (presentation));
  urok_presentation_go_to (presentation, 2, -1);
  fake_now += 31 * MINUTE;
  g_assert_cmpint (urok_presentation_get_lesson_elapsed (presentation), ==, 41 * MINUTE);
  g_assert_true (urok_presentation_get_lesson_overrun (presentation));
  g_assert_true (urok_presentation_get_stage_overrun (presentation));
  /* The plan gives 15 + 20 up to the end of the third stage: 6 behind. */
  g_assert_cmpint (urok_presentation_get_schedule_offset (presentation), ==, 6 * MINUTE);
}

/* A clock that goes back (a broken source) never makes time negative. */
static void
test_clock_backwards (void)
{
  g_autoptr(UrokLesson) lesson = make_lesson ();
  g_autoptr(UrokPresentation) presentation = make_presentation (lesson);

  urok_presentation_start (presentation);
  fake_now -= MINUTE;
  g_assert_cmpint (urok_presentation_get_lesson_elapsed (presentation), ==, 0);
  urok_presentation_next_stage (presentation);
  g_assert_cmpint (urok_presentation_get_stage_elapsed (presentation, 0), ==, 0);
}

static void
test_flags (void)
{
  g_autoptr(UrokLesson) lesson = make_lesson ();
  g_autoptr(UrokPresentation) presentation = make_presentation (lesson);
  guint hidden_notifies = 0;

  g_signal_connect (presentation, "notify::hidden", G_CALLBACK (count_notify), &hidden_notifies);
  g_assert_false (urok_presentation_get_hidden (presentation));
  urok_presentation_set_hidden (presentation, TRUE);
  urok_presentation_set_hidden (presentation, TRUE);
  g_assert_true (urok_presentation_get_hidden (presentation));
  g_assert_cmpuint (hidden_notifies, ==, 1);
  /* Hiding does not stop the teacher moving on. */
  g_assert_true (urok_presentation_next_stage (presentation));
  g_object_set (presentation, "hidden", FALSE, "blacked-out", TRUE, NULL);
  g_assert_false (urok_presentation_get_hidden (presentation));
  g_assert_true (urok_presentation_get_blacked_out (presentation));
  g_assert_cmpuint (hidden_notifies, ==, 2);
}

/* Stages removed while shown: the position stays inside the lesson, and
 * each remaining stage keeps its own time. */
static void
test_lesson_changes (void)
{
  g_autoptr(UrokLesson) lesson = make_lesson ();
  g_autoptr(UrokPresentation) presentation = make_presentation (lesson);

  g_autoptr(UrokStage) inserted = urok_stage_new ("Inserted", 3);

  urok_presentation_start (presentation);
  urok_presentation_go_to (presentation, 2, 0);
  fake_now += MINUTE;
  /* A stage inserted before the shown one: the presentation follows it. */
  urok_lesson_insert_stage (lesson, 0, inserted);
  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, 3);
  g_assert_cmpstr (resource_title (presentation), ==, "C");
  urok_lesson_remove_stage (lesson, 0);
  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, 2);
  fake_now += MINUTE;
  urok_lesson_remove_stage (lesson, 0);
  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, 1);
  g_assert_cmpstr (resource_title (presentation), ==, "C");
  g_assert_cmpint (urok_presentation_get_stage_elapsed (presentation, 1), ==, 2 * MINUTE);
  urok_stage_remove_resource (urok_presentation_get_stage (presentation), 0);
  g_assert_cmpint (urok_presentation_get_resource_index (presentation), ==, -1);
  urok_lesson_remove_stage (lesson, 1);
  urok_lesson_remove_stage (lesson, 0);
  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, -1);
  g_assert_null (urok_presentation_get_stage (presentation));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/presentation/navigation", test_navigation);
  g_test_add_func ("/core/presentation/empty-lesson", test_empty_lesson);
  g_test_add_func ("/core/presentation/clock", test_clock);
  g_test_add_func ("/core/presentation/clock-backwards", test_clock_backwards);
  g_test_add_func ("/core/presentation/flags", test_flags);
  g_test_add_func ("/core/presentation/lesson-changes", test_lesson_changes);

  return g_test_run ();
}
