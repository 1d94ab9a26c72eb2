/* plan-test-util.h: a ten-stage lesson such as a teacher writes, in
 * Russian, with every resource kind, and optionally one stage whose
 * teacher activity runs over several pages.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-lesson.h"

#define PLAN_TEST_TOPIC "Сложение и вычитание дробей с одинаковыми знаменателями"
#define PLAN_TEST_N_STAGES 10
/* The very long text is numbered steps ending in these words: finding every
 * step and the last words in the PDF proves no line was lost at a split. */
#define PLAN_TEST_N_STEPS 25
#define PLAN_TEST_LAST_WORDS "и на этом описание деятельности учителя заканчивается"

static const struct
{
  const char *title;
  const char *kind;
  int         minutes;
} plan_test_stages[PLAN_TEST_N_STAGES] = {
  { "Организационный момент", "organisation", 1 },
  { "Мотивация к учебной деятельности", "motivation", 2 },
  { "Актуализация знаний и фиксация затруднения", "updating_knowledge", 6 },
  { "Постановка учебной задачи", "goal_setting", 3 },
  { "Открытие нового знания", "new_material", 9 },
  { "Первичное закрепление с проговариванием во внешней речи", "primary_consolidation", 5 },
  { "Физкультминутка", "physical_break", 2 },
  { "Самостоятельная работа с самопроверкой по эталону", "independent_work", 8 },
  { "Включение в систему знаний и повторение", "practice", 5 },
  { "Рефлексия учебной деятельности", "reflection", 4 },
};

static inline UrokResource *
plan_test_resource (UrokResourceKind  kind,
                    const char       *title)
{
  UrokResource *resource = urok_resource_new (kind);

  urok_resource_set_title (resource, title);
  switch (kind)
    {
    case UROK_RESOURCE_BOARD_PAGE:
      urok_resource_set_board (resource, "{}");
      break;

    case UROK_RESOURCE_BOOK_PLACE:
      urok_resource_set_target (resource, "urn:uuid:17de5758-ecc1-4390-ad0a-62d132adfdf7");
      urok_resource_set_location (resource, "§ 24, с. 112–114, № 456, 457");
      break;

    case UROK_RESOURCE_MEDIA:
      urok_resource_set_target (resource, "pirog-na-vosem-chastey.png");
      urok_resource_set_media_type (resource, "image/png");
      break;

    case UROK_RESOURCE_TEST:
      urok_resource_set_target (resource, "6f2c1f9e-3f4b-4a2e-9d55-0c4c9f2a7b11");
      break;

    case UROK_RESOURCE_LINK:
      urok_resource_set_target (resource, "https://resh.edu.ru/subject/lesson/7786/conspect/233800/");
      break;

    case UROK_RESOURCE_TEXT:
      urok_resource_set_text (resource, "Чтобы сложить дроби с одинаковыми знаменателями, складывают числители, а знаменатель оставляют тем же: $\\frac{a}{c} + \\frac{b}{c} = \\frac{a + b}{c}$");
      break;

    default:
      g_assert_not_reached ();
    }
  return resource;
}

static inline char *
plan_test_long_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 1; i <= PLAN_TEST_N_STEPS; i++)
    g_string_append_printf (text,
                            "Шаг %u. Учитель предлагает обучающимся рассмотреть модель «пирог», разрезанный "
                            "на восемь равных частей, задаёт наводящие вопросы о том, какую часть пирога "
                            "съели за завтраком и за обедом, фиксирует ответы на интерактивной доске и "
                            "подводит к самостоятельной формулировке правила.\n",
                            i);
  g_string_append (text, "Итог: " PLAN_TEST_LAST_WORDS);
  return g_string_free (text, FALSE);
}

/* Ten stages, 45 minutes in all; stage 5 has one resource of every kind
 * and, with @very_long, a teacher activity several pages long. */
static inline UrokLesson *
plan_test_lesson_new (gboolean very_long)
{
  UrokLesson *lesson = urok_lesson_new ();

  urok_lesson_set_topic (lesson, PLAN_TEST_TOPIC);
  urok_lesson_set_subject (lesson, "Математика");
  urok_lesson_set_grade_level (lesson, 5);
  urok_lesson_set_lesson_type (lesson, "new_knowledge");
  urok_lesson_set_planned_date (lesson, "2026-11-23");
  urok_lesson_set_duration_minutes (lesson, 45);
  urok_lesson_set_goals (lesson,
                         "Образовательная: вывести правило сложения и вычитания дробей с одинаковыми "
                         "знаменателями и научить применять его при решении задач.\n"
                         "Развивающая: развивать умение сравнивать, обобщать и делать выводы.\n"
                         "Воспитательная: воспитывать аккуратность и умение работать в паре.");
  urok_lesson_set_planned_results (lesson,
                                   "Предметные: складывают и вычитают дроби с одинаковыми знаменателями.\n"
                                   "Метапредметные: формулируют учебную задачу, оценивают свою работу по эталону.\n"
                                   "Личностные: проявляют интерес к математике.");

  for (guint i = 0; i < PLAN_TEST_N_STAGES; i++)
    {
      g_autoptr(UrokStage) stage = urok_stage_new (plan_test_stages[i].title, plan_test_stages[i].minutes);

      urok_stage_set_kind (stage, plan_test_stages[i].kind);
      urok_stage_set_teacher_activity (stage,
                                       "Создаёт условия для включения обучающихся в деятельность, "
                                       "задаёт вопросы «Что мы уже знаем?» и «Чему научимся сегодня?», "
                                       "организует обсуждение и фиксирует на доске ответы учеников.");
      urok_stage_set_student_activity (stage,
                                       "Отвечают на вопросы, высказывают предположения, работают в парах "
                                       "с моделями дробей, проверяют друг друга по образцу.");
      urok_stage_set_methods (stage, "Фронтальная беседа, работа в парах, проблемный метод");
      urok_stage_set_planned_results (stage,
                                      "Регулятивные УУД: принимают и сохраняют учебную задачу.\n"
                                      "Коммуникативные УУД: слушают собеседника, аргументируют своё мнение.");
      urok_stage_set_notes (stage, "Не забыть включить проектор");

      if (i == 4)
        {
          const char *titles[] = {
            "Модель «пирог»",
            "Учебник «Математика. 5 класс»",
            "Иллюстрация: пирог на восемь частей",
            "Проверочный тест по дробям",
            "Видеоурок РЭШ",
            "",
          };

          for (guint kind = UROK_RESOURCE_BOARD_PAGE; kind <= UROK_RESOURCE_TEXT; kind++)
            {
              g_autoptr(UrokResource) resource = plan_test_resource (kind, titles[kind]);

              urok_stage_insert_resource (stage, kind, resource);
            }
          if (very_long)
            {
              g_autofree char *text = plan_test_long_text ();

              urok_stage_set_teacher_activity (stage, text);
            }
        }
      else if (i % 3 == 0)
        {
          g_autoptr(UrokResource) resource = plan_test_resource (UROK_RESOURCE_BOARD_PAGE, "");

          urok_stage_insert_resource (stage, 0, resource);
        }
      urok_lesson_insert_stage (lesson, i, stage);
    }
  return lesson;
}
