/* bench-lessons.c: lessons.search (a word query over 10,000 lessons, first
 * page of 50) and lessons.open (a lesson of 50 stages and 300 resources from
 * the store into the model).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "urok-store.h"

#define N_LESSONS 10000
#define SEARCH_RUNS 25
#define OPEN_RUNS 30
#define PAGE 50

typedef struct
{
  const char *subject;
  const char *const topics[8];
} Subject;

static const Subject subjects[] = {
  { "Математика", { "Сложение и вычитание дробей с одинаковыми знаменателями", "Десятичные дроби и действия с ними",
                    "Нахождение процентов от числа", "Решение уравнений с одной переменной",
                    "Площадь прямоугольника и квадрата", "Координатная плоскость",
                    "Признаки делимости на 2, 3, 5 и 9", "Сравнение отрицательных чисел" } },
  { "Русский язык", { "Правописание безударных гласных в корне слова", "Имя существительное как часть речи",
                      "Сложноподчинённое предложение", "Причастный оборот и знаки препинания при нём",
                      "Правописание приставок на з и с", "Однородные члены предложения",
                      "Буквы о и ё после шипящих", "Разделительный мягкий знак" } },
  { "Литературное чтение", { "Сказки Пушкина: добро и зло", "Басни Крылова и их мораль",
                             "Стихотворения о природе", "Рассказы Паустовского о животных",
                             "Былины о богатырях", "Толстой для детей: рассказы и были",
                             "Загадки и пословицы", "Внеклассное чтение: любимые книги" } },
  { "Окружающий мир", { "Круговорот воды в природе", "Природные зоны России", "Строение тела человека",
                        "Полезные ископаемые родного края", "Растения и животные леса",
                        "Правила безопасного поведения на дороге", "Времена года", "Москва — столица России" } },
  { "История", { "Древний Египет", "Крещение Руси", "Смутное время", "Реформы Петра Первого",
                 "Отечественная война 1812 года", "Великие географические открытия",
                 "Культура Древней Греции", "Московское княжество" } },
  { "Физика", { "Равномерное прямолинейное движение", "Плотность вещества", "Сила тяжести и вес тела",
                "Давление твёрдых тел", "Закон Архимеда", "Механическая работа и мощность",
                "Электрический ток и его действия", "Закон Ома для участка цепи" } },
  { "Биология", { "Строение растительной клетки", "Фотосинтез", "Корень и его функции", "Цветок и плод",
                  "Простейшие организмы", "Пищеварительная система человека",
                  "Кровеносная система", "Экосистемы и пищевые цепи" } },
  { "Английский язык", { "Present Simple: утвердительные предложения", "Past Simple неправильных глаголов",
                         "Моя семья: лексика и диалоги", "Степени сравнения прилагательных",
                         "Еда и напитки: исчисляемые существительные", "Модальные глаголы can и must",
                         "Future Simple и планы на каникулы", "Present Continuous" } },
};

static const char *const prefixes[] = { "", "", "", "Повторение: ", "Практикум: ", "Закрепление: ", "Урок-игра: " };

static const char *const stage_titles[] = {
  "Организационный момент", "Мотивация к учебной деятельности", "Актуализация знаний",
  "Постановка учебной задачи", "Открытие нового знания", "Физкультминутка",
  "Первичное закрепление", "Самостоятельная работа с самопроверкой", "Рефлексия", "Домашнее задание",
};
static const char *const stage_kinds[] = {
  "organisation", "motivation", "updating_knowledge", "goal_setting", "new_material", "physical_break",
  "primary_consolidation", "independent_work", "reflection", "homework",
};
static const char *const teacher_phrases[] = {
  "Приветствует учащихся и проверяет готовность к уроку.",
  "Организует устную работу по вопросам:",
  "Создаёт проблемную ситуацию и подводит к формулировке темы",
  "Объясняет новый материал с опорой на модель и учебник;",
  "Организует работу в парах с карточками по теме",
  "Вызывает учащихся к доске, следит за проговариванием правила.",
  "Предлагает самостоятельную работу и эталон для самопроверки.",
  "Задаёт вопросы для рефлексии: что узнали, что было трудно?",
  "Даёт дифференцированное домашнее задание.",
  "Показывает презентацию и задаёт вопросы на понимание.",
};
static const char *const student_phrases[] = {
  "Отвечают на вопросы, высказывают предположения.",
  "Работают в парах, сравнивают результаты, формулируют вывод.",
  "Решают задания у доски и в тетрадях, комментируют решение.",
  "Выполняют самостоятельную работу, проверяют по эталону.",
  "Формулируют тему и цель урока, составляют план.",
  "Записывают правило и пример в тетрадь.",
  "Оценивают свою работу, заканчивают предложения.",
  "Читают текст учебника, находят ответы на вопросы.",
};
static const char *const methods[] = {
  "Фронтальная работа", "Работа в парах", "Групповая работа", "Частично-поисковый метод",
  "Самостоятельная работа", "Игровой метод", "Беседа", "Работа с учебником",
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static UrokLesson *
generate_lesson (GRand *rand)
{
  const Subject *subject = &subjects[g_rand_int_range (rand, 0, G_N_ELEMENTS (subjects))];
  const char *topic = subject->topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (subject->topics))];
  const char *prefix = prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (prefixes))];
  g_autofree char *full_topic = g_strconcat (prefix, topic, NULL);
  UrokLesson *lesson = urok_lesson_new ();
  guint n_stages = g_rand_int_range (rand, 6, 11);
  int left = 45;

  urok_lesson_set_topic (lesson, full_topic);
  urok_lesson_set_subject (lesson, subject->subject);
  urok_lesson_set_grade_level (lesson, g_rand_int_range (rand, 1, 12));
  urok_lesson_set_lesson_type (lesson, "new_knowledge");
  urok_lesson_set_goals (lesson, "Образовательная: изучить тему урока и научиться применять новое знание. "
                                 "Развивающая: развивать умение сравнивать и обобщать.");
  urok_lesson_set_planned_results (lesson, "Предметные: знают и применяют изученное. "
                                           "Метапредметные: ставят цель, проверяют себя по эталону.");

  for (guint i = 0; i < n_stages; i++)
    {
      guint kind = i * G_N_ELEMENTS (stage_titles) / n_stages;
      int minutes = i + 1 == n_stages ? MAX (left, 0) : MIN (left, g_rand_int_range (rand, 2, 8));
      g_autoptr(UrokStage) stage = urok_stage_new (stage_titles[kind], CLAMP (minutes, 0, 600));
      g_autofree char *teacher = g_strdup_printf ("%s «%s». %s",
                                                  teacher_phrases[g_rand_int_range (rand, 0, G_N_ELEMENTS (teacher_phrases))],
                                                  topic,
                                                  teacher_phrases[g_rand_int_range (rand, 0, G_N_ELEMENTS (teacher_phrases))]);

      left -= minutes;
      urok_stage_set_kind (stage, stage_kinds[kind]);
      urok_stage_set_teacher_activity (stage, teacher);
      urok_stage_set_student_activity (stage, student_phrases[g_rand_int_range (rand, 0, G_N_ELEMENTS (student_phrases))]);
      urok_stage_set_methods (stage, methods[g_rand_int_range (rand, 0, G_N_ELEMENTS (methods))]);
      if (g_rand_boolean (rand))
        {
          g_autoptr(UrokResource) card = urok_resource_new (UROK_RESOURCE_TEXT);

          urok_resource_set_title (card, "Карточка с заданиями");
          urok_resource_set_text (card, topic);
          urok_stage_insert_resource (stage, 0, card);
        }
      urok_lesson_insert_stage (lesson, i, stage);
    }
  return lesson;
}

static UrokLesson *
big_lesson (void)
{
  UrokLesson *lesson = urok_lesson_new ();

  urok_lesson_set_topic (lesson, "Большой урок: 50 этапов и 300 ресурсов");
  urok_lesson_set_duration_minutes (lesson, 600);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *title = g_strdup_printf ("Этап %u", i + 1);
      g_autoptr(UrokStage) stage = urok_stage_new (title, 12);

      urok_stage_set_kind (stage, stage_kinds[i % G_N_ELEMENTS (stage_kinds)]);
      urok_stage_set_teacher_activity (stage, teacher_phrases[i % G_N_ELEMENTS (teacher_phrases)]);
      urok_stage_set_student_activity (stage, student_phrases[i % G_N_ELEMENTS (student_phrases)]);
      urok_stage_set_methods (stage, methods[i % G_N_ELEMENTS (methods)]);
      urok_stage_set_notes (stage, "Заметки для учителя к этапу.");
      for (guint r = 0; r < 6; r++)
        {
          g_autoptr(UrokResource) resource = urok_resource_new ((i + r) % 6);
          g_autofree char *resource_title = g_strdup_printf ("Ресурс %u.%u", i + 1, r + 1);

          urok_resource_set_title (resource, resource_title);
          urok_resource_set_text (resource, "Текст карточки с формулой $a^2 + b^2 = c^2$.");
          urok_stage_insert_resource (stage, r, resource);
        }
      urok_lesson_insert_stage (lesson, i, stage);
    }
  return lesson;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("urok-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "urok.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(UrokLesson) big = big_lesson ();
  static const char *const words[] = { "дробей", "правописание", "природные", "закон", "клетки",
                                       "simple", "петра", "сказки" };
  double search_ms[SEARCH_RUNS];
  double common_ms[SEARCH_RUNS];
  double open_ms[OPEN_RUNS];
  double save_ms[OPEN_RUNS];
  guint found_total = 0;
  gint64 start;

  store = urok_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  if (!urok_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < N_LESSONS; i++)
    {
      g_autoptr(UrokLesson) lesson = generate_lesson (rand);

      if (!urok_store_save_lesson (store, lesson, &error))
        g_error ("%s", error->message);
    }
  if (!urok_store_commit (store, &error) || !urok_store_save_lesson (store, big, &error))
    g_error ("%s", error->message);
  g_print ("# %d lessons written in %.0f ms\n", N_LESSONS, (g_get_monotonic_time () - start) / 1000.0);

  /* A word of a topic, as a teacher types it: the first page of results. */
  for (guint i = 0; i < SEARCH_RUNS; i++)
    {
      UrokLessonQuery query = { .text = words[i % G_N_ELEMENTS (words)], .limit = PAGE };
      g_autoptr(GListModel) found = NULL;

      start = g_get_monotonic_time ();
      found = urok_store_search_lessons (store, &query, &error);
      search_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (found == NULL)
        g_error ("%s", error->message);
      found_total += g_list_model_get_n_items (found);
    }
  g_assert_cmpuint (found_total, ==, SEARCH_RUNS * PAGE);

  /* The worst case: a word of every lesson (its goals say "урока"). */
  for (guint i = 0; i < SEARCH_RUNS; i++)
    {
      UrokLessonQuery query = { .text = "урок", .limit = PAGE };
      g_autoptr(GListModel) found = NULL;

      start = g_get_monotonic_time ();
      found = urok_store_search_lessons (store, &query, &error);
      common_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (found == NULL)
        g_error ("%s", error->message);
      g_assert_cmpuint (g_list_model_get_n_items (found), ==, PAGE);
    }

  for (guint i = 0; i < OPEN_RUNS; i++)
    {
      g_autoptr(UrokLesson) lesson = NULL;

      start = g_get_monotonic_time ();
      lesson = urok_store_load_lesson (store, urok_lesson_get_uuid (big), &error);
      open_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (lesson == NULL)
        g_error ("%s", error->message);
      g_assert_true (urok_lesson_equal (lesson, big));

      /* Autosave writes the whole lesson: how long that takes, too. */
      start = g_get_monotonic_time ();
      if (!urok_store_save_lesson (store, lesson, &error))
        g_error ("%s", error->message);
      save_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (search_ms, SEARCH_RUNS, sizeof (double), compare_doubles);
  qsort (common_ms, SEARCH_RUNS, sizeof (double), compare_doubles);
  qsort (open_ms, OPEN_RUNS, sizeof (double), compare_doubles);
  qsort (save_ms, OPEN_RUNS, sizeof (double), compare_doubles);
  g_print ("BENCH lessons.search %.3f ms\n", search_ms[SEARCH_RUNS / 2]);
  g_print ("BENCH lessons.search.max %.3f ms\n", search_ms[SEARCH_RUNS - 1]);
  g_print ("BENCH lessons.search.common_word %.3f ms\n", common_ms[SEARCH_RUNS / 2]);
  g_print ("BENCH lessons.open %.3f ms\n", open_ms[OPEN_RUNS / 2]);
  g_print ("BENCH lessons.save %.3f ms\n", save_ms[OPEN_RUNS / 2]);

  g_clear_object (&store);
  remove_tree (dir);
  return 0;
}
