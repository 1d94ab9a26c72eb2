/* urok-migrations.c: the store's schema, one step per version.
 *
 * Steps are only ever appended: a released step never changes, because some
 * teacher's database already went through it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-store-private.h"

#define NOW "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

static const UrokMigration migrations[] = {
  { 1,
    /* Grade book: class groups, students, terms, subjects, marks, attendance. */
    "CREATE TABLE class_group ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  grade_level INTEGER NOT NULL CHECK (grade_level BETWEEN 1 AND 11),"
    "  school_year TEXT NOT NULL,"
    "  modified TEXT NOT NULL DEFAULT " NOW ");"
    "CREATE TABLE student ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  class_group_id INTEGER NOT NULL REFERENCES class_group(id) ON DELETE CASCADE,"
    "  family_name TEXT NOT NULL,"
    "  given_name TEXT NOT NULL,"
    "  patronymic TEXT NOT NULL DEFAULT '',"
    "  modified TEXT NOT NULL DEFAULT " NOW ");"
    "CREATE INDEX student_by_class_group ON student(class_group_id, family_name, given_name);"
    "CREATE TABLE subject ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE term ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  school_year TEXT NOT NULL,"
    "  starts TEXT NOT NULL,"
    "  ends TEXT NOT NULL CHECK (ends >= starts),"
    "  UNIQUE (school_year, name));"
    "CREATE TABLE work_kind ("
    "  id INTEGER PRIMARY KEY,"
    "  code TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 10));"
    "CREATE TABLE mark ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  student_id INTEGER NOT NULL REFERENCES student(id) ON DELETE CASCADE,"
    "  subject_id INTEGER NOT NULL REFERENCES subject(id),"
    "  work_kind_id INTEGER NOT NULL REFERENCES work_kind(id),"
    "  date TEXT NOT NULL,"
    "  value TEXT NOT NULL CHECK (value IN ('1','2','3','4','5','pass','fail','na','mastered')),"
    "  comment TEXT NOT NULL DEFAULT '',"
    "  modified TEXT NOT NULL DEFAULT " NOW ");"
    "CREATE INDEX mark_by_student ON mark(student_id, subject_id, date);"
    "CREATE TABLE attendance ("
    "  id INTEGER PRIMARY KEY,"
    "  student_id INTEGER NOT NULL REFERENCES student(id) ON DELETE CASCADE,"
    "  subject_id INTEGER NOT NULL REFERENCES subject(id),"
    "  date TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('absent','ill','excused')),"
    "  UNIQUE (student_id, subject_id, date));"

    /* Lessons: a lesson is an ordered list of stages, each with resources. */
    "CREATE TABLE lesson ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  title TEXT NOT NULL,"
    "  subject TEXT NOT NULL DEFAULT '',"
    "  grade_level INTEGER CHECK (grade_level IS NULL OR grade_level BETWEEN 1 AND 11),"
    "  class_group_id INTEGER REFERENCES class_group(id) ON DELETE SET NULL,"
    "  lesson_type TEXT NOT NULL DEFAULT '',"
    "  planned_date TEXT,"
    "  duration_minutes INTEGER NOT NULL DEFAULT 45 CHECK (duration_minutes > 0),"
    "  goals TEXT NOT NULL DEFAULT '',"
    "  planned_results TEXT NOT NULL DEFAULT '',"
    "  is_template INTEGER NOT NULL DEFAULT 0,"
    "  created TEXT NOT NULL DEFAULT " NOW ","
    "  modified TEXT NOT NULL DEFAULT " NOW ");"
    "CREATE TABLE stage ("
    "  id INTEGER PRIMARY KEY,"
    "  lesson_id INTEGER NOT NULL REFERENCES lesson(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  title TEXT NOT NULL,"
    "  kind TEXT NOT NULL DEFAULT '',"
    "  duration_minutes INTEGER NOT NULL DEFAULT 5 CHECK (duration_minutes >= 0),"
    "  teacher_activity TEXT NOT NULL DEFAULT '',"
    "  student_activity TEXT NOT NULL DEFAULT '',"
    "  methods TEXT NOT NULL DEFAULT '',"
    "  notes TEXT NOT NULL DEFAULT '',"
    "  pace TEXT NOT NULL DEFAULT 'teacher' CHECK (pace IN ('teacher','student')));"
    "CREATE INDEX stage_by_lesson ON stage(lesson_id, position);"
    "CREATE TABLE resource ("
    "  id INTEGER PRIMARY KEY,"
    "  stage_id INTEGER NOT NULL REFERENCES stage(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('board_page','book_place','media','test','link','text')),"
    "  title TEXT NOT NULL DEFAULT '',"
    "  data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)));"
    "CREATE INDEX resource_by_stage ON resource(stage_id, position);"

    /* Textbooks, identified by their dc:identifier. */
    "CREATE TABLE book ("
    "  id INTEGER PRIMARY KEY,"
    "  identifier TEXT NOT NULL UNIQUE,"
    "  format TEXT NOT NULL CHECK (format IN ('epub','pdf')),"
    "  title TEXT NOT NULL,"
    "  authors TEXT NOT NULL DEFAULT '',"
    "  language TEXT NOT NULL DEFAULT '',"
    "  subject TEXT NOT NULL DEFAULT '',"
    "  grade_level INTEGER,"
    "  file TEXT NOT NULL,"
    "  imported TEXT NOT NULL DEFAULT " NOW ");"

    /* Tests and their questions; a question's choices and answer are JSON. */
    "CREATE TABLE test ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  title TEXT NOT NULL,"
    "  subject TEXT NOT NULL DEFAULT '',"
    "  grade_level INTEGER CHECK (grade_level IS NULL OR grade_level BETWEEN 1 AND 11),"
    "  modified TEXT NOT NULL DEFAULT " NOW ");"
    "CREATE TABLE question ("
    "  id INTEGER PRIMARY KEY,"
    "  test_id INTEGER NOT NULL REFERENCES test(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('single_choice','multiple_choice','short_answer',"
    "                                     'numeric','true_false','matching','essay')),"
    "  text TEXT NOT NULL,"
    "  data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),"
    "  points REAL NOT NULL DEFAULT 1);"
    "CREATE INDEX question_by_test ON question(test_id, position);"
  },
};

const UrokMigration *
_urok_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
