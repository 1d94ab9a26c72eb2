/* lesson-test-util.h: a lesson that uses every field and every resource kind.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-lesson.h"

static inline UrokResource *
lesson_test_resource (UrokResourceKind  kind,
                      const char       *title)
{
  UrokResource *resource = urok_resource_new (kind);

  urok_resource_set_title (resource, title);
  switch (kind)
    {
    case UROK_RESOURCE_BOARD_PAGE:
      urok_resource_set_board (resource, "{\"background\":\"squares\",\"strokes\":[[1,2,3,4]]}");
      break;

    case UROK_RESOURCE_BOOK_PLACE:
      urok_resource_set_target (resource, "urn:uuid:17de5758-ecc1-4390-ad0a-62d132adfdf7");
      urok_resource_set_location (resource, "EPUB/chapter3.xhtml#sec-3-1");
      break;

    case UROK_RESOURCE_MEDIA:
      urok_resource_set_target (resource, "0123456789abcdef0123456789abcdef.png");
      urok_resource_set_media_type (resource, "image/png");
      break;

    case UROK_RESOURCE_TEST:
      urok_resource_set_target (resource, "6f2c1f9e-3f4b-4a2e-9d55-0c4c9f2a7b11");
      break;

    case UROK_RESOURCE_LINK:
      urok_resource_set_target (resource, "https://resh.edu.ru/subject/12/6/");
      break;

    case UROK_RESOURCE_TEXT:
      urok_resource_set_text (resource, "Правило: $\\frac{a}{b} + \\frac{c}{b} = \\frac{a + c}{b}$\nПример: 2/7 + 3/7");
      break;

    default:
      g_assert_not_reached ();
    }
  return resource;
}

/* Three stages, 45 minutes in all; the second holds one resource of each kind. */
static inline UrokLesson *
lesson_test_new_full (void)
{
  static const char *const tags[] = { "дроби", "6 класс", "ёлка", NULL };
  UrokLesson *lesson = urok_lesson_new ();
  g_autoptr(UrokStage) first = urok_stage_new ("Организационный момент", 2);
  g_autoptr(UrokStage) second = urok_stage_new ("Открытие нового знания", 30);
  g_autoptr(UrokStage) third = urok_stage_new ("Рефлексия", 13);

  urok_lesson_set_topic (lesson, "Сложение дробей с одинаковыми знаменателями");
  urok_lesson_set_subject (lesson, "Математика");
  urok_lesson_set_grade_level (lesson, 6);
  urok_lesson_set_class_group_uuid (lesson, "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
  urok_lesson_set_lesson_type (lesson, "new_knowledge");
  urok_lesson_set_planned_date (lesson, "2026-10-14");
  urok_lesson_set_duration_minutes (lesson, 45);
  urok_lesson_set_goals (lesson, "Вывести правило сложения дробей «с одинаковыми» знаменателями.");
  urok_lesson_set_planned_results (lesson, "Предметные: складывают дроби.\nМетапредметные: сравнивают.");
  urok_lesson_set_tags (lesson, tags);

  urok_stage_set_kind (first, "organisation");
  urok_stage_set_teacher_activity (first, "Приветствует учащихся");
  urok_stage_set_student_activity (first, "Готовят рабочее место");
  urok_stage_set_methods (first, "Фронтальная работа");
  urok_stage_set_planned_results (first, "Настрой на работу");
  urok_stage_set_notes (first, "Проверить планшеты");

  urok_stage_set_kind (second, "new_material");
  urok_stage_set_pace (second, UROK_STAGE_PACE_STUDENT);
  urok_stage_set_teacher_activity (second, "Организует работу с моделью «пирог»");
  urok_stage_set_student_activity (second, "Работают в парах с полосками");
  for (guint kind = UROK_RESOURCE_BOARD_PAGE; kind <= UROK_RESOURCE_TEXT; kind++)
    {
      g_autofree char *title = g_strdup_printf ("Ресурс %u", kind);
      g_autoptr(UrokResource) resource = lesson_test_resource (kind, title);

      urok_stage_insert_resource (second, kind, resource);
    }

  urok_stage_set_kind (third, "reflection");
  urok_stage_set_teacher_activity (third, "Задаёт вопросы: что узнали?");

  urok_lesson_insert_stage (lesson, 0, first);
  urok_lesson_insert_stage (lesson, 1, second);
  urok_lesson_insert_stage (lesson, 2, third);
  return lesson;
}

static inline UrokStage *
lesson_test_get_stage (UrokLesson *lesson,
                       guint       position)
{
  UrokStage *stage = g_list_model_get_item (urok_lesson_get_stages (lesson), position);

  /* The lesson holds it: tests use it borrowed. */
  g_object_unref (stage);
  return stage;
}

static inline UrokResource *
lesson_test_get_resource (UrokStage *stage,
                          guint      position)
{
  UrokResource *resource = g_list_model_get_item (urok_stage_get_resources (stage), position);

  g_object_unref (resource);
  return resource;
}

/* The titles of the stages, in order, joined by commas. */
static inline char *
lesson_test_stage_titles (UrokLesson *lesson)
{
  GListModel *stages = urok_lesson_get_stages (lesson);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (stages, i);
      g_string_append_printf (text, "%s%s", i > 0 ? "," : "", urok_stage_get_title (stage));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The titles of a stage's resources, in order, joined by commas. */
static inline char *
lesson_test_resource_titles (UrokStage *stage)
{
  GListModel *resources = urok_stage_get_resources (stage);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(UrokResource) resource = g_list_model_get_item (resources, i);
      g_string_append_printf (text, "%s%s", i > 0 ? "," : "", urok_resource_get_title (resource));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
