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

/* A random (version 4) UUID in SQL, for rows that had none. */
#define RANDOM_UUID \
  "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'" \
  " || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1)" \
  " || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))"

/* What the search index holds of a lesson's stages; urok-store-lessons.c
 * builds the same text when it saves a lesson. */
#define STAGES_TEXT(lesson_id) \
  "(SELECT urok_fold(group_concat(s.title || ' ' || s.teacher_activity || ' ' || s.student_activity" \
  "                               || ' ' || s.methods || ' ' || s.planned_results || ' ' || s.notes, ' '))" \
  "   FROM stage s WHERE s.lesson_id = " lesson_id ")"

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
  { 2,
    /* The lesson builder (issue 3).  A lesson has a topic (the word the
     * standard uses), tags, the uuid of its class group (kept even when the
     * group is not in this store, as in a colleague's package) and a sort
     * key for its topic. */
    "ALTER TABLE lesson RENAME COLUMN title TO topic;"
    "ALTER TABLE lesson ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'"
    "  CHECK (json_valid(tags) AND json_type(tags) = 'array');"
    "ALTER TABLE lesson ADD COLUMN class_group_uuid TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE lesson ADD COLUMN sort_topic TEXT NOT NULL DEFAULT '';"
    /* Version 1 stored the demo's lesson type as Russian text: codes now. */
    "UPDATE lesson SET"
    "  class_group_uuid = coalesce((SELECT uuid FROM class_group WHERE id = lesson.class_group_id), ''),"
    "  sort_topic = urok_fold(topic),"
    "  planned_date = nullif(planned_date, ''),"
    "  lesson_type = CASE"
    "    WHEN lesson_type IN ('new_knowledge', 'reflection', 'general_method',"
    "                         'developmental_control', 'combined') THEN lesson_type"
    "    WHEN lesson_type LIKE '%нов%знани%' THEN 'new_knowledge'"
    "    WHEN lesson_type LIKE '%рефлекси%' THEN 'reflection'"
    "    WHEN lesson_type LIKE '%общеметодолог%' THEN 'general_method'"
    "    WHEN lesson_type LIKE '%контрол%' THEN 'developmental_control'"
    "    WHEN lesson_type LIKE '%комбинир%' THEN 'combined'"
    "    ELSE '' END;"
    "CREATE INDEX lesson_by_modified ON lesson(is_template, modified);"
    "CREATE INDEX lesson_by_topic ON lesson(is_template, sort_topic);"
    "CREATE INDEX lesson_by_date ON lesson(is_template, planned_date);"

    /* Stages get a uuid (undo, packages) and their own planned results;
     * the demo's two kind codes of version 1 become the built-in ones. */
    "ALTER TABLE stage ADD COLUMN uuid TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE stage ADD COLUMN planned_results TEXT NOT NULL DEFAULT '';"
    "UPDATE stage SET uuid = " RANDOM_UUID ","
    "  kind = CASE kind"
    "    WHEN 'knowledge_update' THEN 'updating_knowledge'"
    "    WHEN 'primary_check' THEN 'primary_consolidation'"
    "    WHEN 'organisation' THEN kind WHEN 'motivation' THEN kind WHEN 'goal_setting' THEN kind"
    "    WHEN 'new_material' THEN kind WHEN 'practice' THEN kind WHEN 'independent_work' THEN kind"
    "    WHEN 'check' THEN kind WHEN 'physical_break' THEN kind WHEN 'summary' THEN kind"
    "    WHEN 'reflection' THEN kind WHEN 'homework' THEN kind"
    "    ELSE '' END;"
    "CREATE UNIQUE INDEX stage_by_uuid ON stage(uuid);"

    /* A resource's fields become columns: version 1 kept them in a JSON
     * blob whose keys the demo chose (book_id, url, background). */
    "CREATE TABLE resource_v2 ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  stage_id INTEGER NOT NULL REFERENCES stage(id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('board_page','book_place','media','test','link','text')),"
    "  title TEXT NOT NULL DEFAULT '',"
    "  target TEXT NOT NULL DEFAULT '',"
    "  location TEXT NOT NULL DEFAULT '',"
    "  text TEXT NOT NULL DEFAULT '',"
    "  media_type TEXT NOT NULL DEFAULT '',"
    "  board TEXT NOT NULL DEFAULT '');"
    "INSERT INTO resource_v2 (id, uuid, stage_id, position, kind, title, target, location, text, media_type, board)"
    "  SELECT id, " RANDOM_UUID ", stage_id, position, kind, title,"
    "         CAST(coalesce(json_extract(data, '$.target'), json_extract(data, '$.book_id'),"
    "                       json_extract(data, '$.url'), '') AS TEXT),"
    "         CAST(coalesce(json_extract(data, '$.location'), '') AS TEXT),"
    "         CAST(coalesce(json_extract(data, '$.text'), '') AS TEXT),"
    "         CAST(coalesce(json_extract(data, '$.media_type'), '') AS TEXT),"
    "         CASE WHEN kind <> 'board_page' THEN ''"
    "              WHEN json_extract(data, '$.background') IS NOT NULL"
    "                THEN json_object('background', json_extract(data, '$.background'))"
    "              ELSE '{}' END"
    "    FROM resource;"
    "DROP TABLE resource;"
    "ALTER TABLE resource_v2 RENAME TO resource;"
    "CREATE INDEX resource_by_stage ON resource(stage_id, position);"

    /* Stage kinds a teacher adds to the built-in ones. */
    "CREATE TABLE stage_kind ("
    "  id INTEGER PRIMARY KEY,"
    "  code TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  color TEXT NOT NULL,"
    "  created TEXT NOT NULL DEFAULT " NOW ");"

    /* Full-text search over lessons, one row per lesson (rowid = lesson.id),
     * kept by urok_store_save_lesson() in the lesson's own transaction.
     * Text goes in folded (urok_fold: case, ё as е); diacritics are kept, so
     * й stays apart from и. */
    "CREATE VIRTUAL TABLE lesson_fts USING fts5("
    "  topic, goals, planned_results, tags, stages,"
    "  tokenize = 'unicode61 remove_diacritics 0');"
    "INSERT INTO lesson_fts (rowid, topic, goals, planned_results, tags, stages)"
    "  SELECT l.id, urok_fold(l.topic), urok_fold(l.goals), urok_fold(l.planned_results), '',"
    "         coalesce(" STAGES_TEXT ("l.id") ", '')"
    "    FROM lesson l;"
  },
  { 3,
    /* The whiteboard (issue 4): a board page's items get rows of their own,
     * so that saving a new stroke is one small INSERT, not rewriting the
     * page.  A page is named by the uuid of the board_page resource that
     * holds it and keeps its settings (the page JSON without items); an
     * item is its binary encoding (docs/formats/board.md) with its z-order
     * and bounds.  Moving the JSON items of version 2 into rows is done by
     * _urok_store_boards_migrate_v3(). */
    "CREATE TABLE board_page ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  lesson_uuid TEXT NOT NULL DEFAULT '',"
    "  settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),"
    "  modified TEXT NOT NULL DEFAULT " NOW ");"
    "CREATE INDEX board_page_by_lesson ON board_page(lesson_uuid);"
    "CREATE TABLE board_item ("
    "  page_id INTEGER NOT NULL REFERENCES board_page(id) ON DELETE CASCADE,"
    "  item_id INTEGER NOT NULL,"
    "  layer INTEGER NOT NULL,"
    "  z INTEGER NOT NULL,"
    "  x0 REAL NOT NULL, y0 REAL NOT NULL, x1 REAL NOT NULL, y1 REAL NOT NULL,"
    "  data BLOB NOT NULL,"
    "  PRIMARY KEY (page_id, item_id));",
    _urok_store_boards_migrate_v3,
  },
  { 4,
    /* The textbook reader (issue 5): bookmarks, highlights and notes, and
     * where each book was left open.  Both follow a book by its identifier
     * (dc:identifier), with no foreign key to `book`: removing a book may
     * keep them (urok_store_remove_book()), and a re-downloaded copy finds
     * them again.  A location is the JSON of urok_book_location_to_json(). */
    "CREATE TABLE annotation ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE,"
    "  book_identifier TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('bookmark','highlight','note')),"
    "  location TEXT NOT NULL CHECK (json_valid(location)),"
    "  colour TEXT NOT NULL,"
    "  note TEXT NOT NULL DEFAULT '',"
    "  created TEXT NOT NULL,"
    "  modified TEXT NOT NULL);"
    "CREATE INDEX annotation_by_book ON annotation(book_identifier);"
    "CREATE TABLE reading_position ("
    "  book_identifier TEXT PRIMARY KEY,"
    "  location TEXT NOT NULL CHECK (json_valid(location)),"
    "  modified TEXT NOT NULL DEFAULT " NOW ");",
  },
  { 5,
    /* Full-text search over the books' text (issue 5): one row per block of
     * a content document (UrokBookTextBlock), rowid packing the book, the
     * document's spine position and the block's (see
     * urok-store-book-search.c) so that a book or a document is a rowid
     * range.  The urok_stem tokenizer folds and stems Russian and English;
     * it is registered on every connection before migrating. */
    "CREATE VIRTUAL TABLE book_fts USING fts5("
    "  book_id UNINDEXED, spine_index UNINDEXED, href UNINDEXED, locator UNINDEXED, text,"
    "  tokenize = 'urok_stem');"
  },
};

const UrokMigration *
_urok_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
