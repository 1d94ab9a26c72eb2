/* test-lesson-json.c: lessons as JSON: a lossless round trip, and a corpus
 * of broken files that must each fail cleanly, naming what is wrong.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core-test-util.h"
#include "lesson-test-util.h"

static UrokLesson *
parse_lesson (const char  *text,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  return urok_lesson_new_from_json (json_parser_get_root (parser), error);
}

static char *
lesson_to_text (UrokLesson *lesson)
{
  g_autoptr(JsonNode) node = urok_lesson_to_json (lesson);

  return json_to_string (node, TRUE);
}

static void
test_round_trip (void)
{
  g_autoptr(UrokLesson) lesson = lesson_test_new_full ();
  g_autoptr(UrokLesson) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  urok_lesson_set_is_template (lesson, TRUE);
  text = lesson_to_text (lesson);
  back = parse_lesson (text, &error);
  g_assert_no_error (error);
  g_assert_true (urok_lesson_equal (lesson, back));

  /* Writing is deterministic: the same lesson gives the same text. */
  again = lesson_to_text (back);
  g_assert_cmpstr (text, ==, again);
  g_assert_nonnull (strstr (text, "\"format\" : \"urok-lesson\""));
}

/* Every resource kind, every field, including the awkward strings. */
static void
test_round_trip_every_resource (void)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokStage) stage = urok_stage_new ("", 0);
  g_autoptr(UrokLesson) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint kind = UROK_RESOURCE_BOARD_PAGE; kind <= UROK_RESOURCE_TEXT; kind++)
    {
      g_autoptr(UrokResource) resource = lesson_test_resource (kind, "Заголовок \"в кавычках\"\t\\");
      g_autoptr(UrokResource) empty = urok_resource_new (kind);

      urok_resource_set_location (resource, "стр. 42");
      urok_resource_set_text (resource, "Ёж\nёлка\u00a0— $x^2$");
      urok_stage_insert_resource (stage, 2 * kind, resource);
      urok_stage_insert_resource (stage, 2 * kind + 1, empty);
    }
  urok_lesson_insert_stage (lesson, 0, stage);

  text = lesson_to_text (lesson);
  back = parse_lesson (text, &error);
  g_assert_no_error (error);
  g_assert_true (urok_lesson_equal (lesson, back));
  g_assert_cmpuint (g_list_model_get_n_items (urok_stage_get_resources (lesson_test_get_stage (back, 0))), ==, 12);
}

/* Templates are written by hand: members may be left out. */
static void
test_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokLesson) lesson =
    parse_lesson ("{\"format\": \"urok-lesson\", \"version\": 1, \"topic\": \"Дроби\","
                  " \"stages\": [{\"title\": \"Этап\", \"duration_minutes\": 5,"
                  "   \"resources\": [{\"kind\": \"link\", \"target\": \"http://example.org\"}]}]}",
                  &error);
  UrokStage *stage;

  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (urok_lesson_get_uuid (lesson)));
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "Дроби");
  g_assert_cmpint (urok_lesson_get_duration_minutes (lesson), ==, 45);
  g_assert_false (urok_lesson_get_is_template (lesson));
  stage = lesson_test_get_stage (lesson, 0);
  g_assert_true (g_uuid_string_is_valid (urok_stage_get_uuid (stage)));
  g_assert_cmpint (urok_stage_get_pace (stage), ==, UROK_STAGE_PACE_TEACHER);
  g_assert_cmpstr (urok_resource_get_target (lesson_test_get_resource (stage, 0)), ==, "http://example.org");
}

typedef struct
{
  const char *json;
  const char *names; /* what the message must mention */
} BadCase;

#define HEAD "\"format\": \"urok-lesson\", \"version\": 1, "
#define STAGE(x) "{" HEAD "\"stages\": [{\"title\": \"Э\", \"duration_minutes\": 5, " x "}]}"
#define RESOURCE(x) STAGE ("\"resources\": [{" x "}]")
#define UUID1 "6f2c1f9e-3f4b-4a2e-9d55-0c4c9f2a7b11"

static const BadCase bad_cases[] = {
  { "[]", "JSON object" },
  { "\"lesson\"", "JSON object" },
  { "null", "JSON object" },
  { "{}", "format" },
  { "{\"format\": \"urok-board\", \"version\": 1}", "format" },
  { "{\"format\": 7, \"version\": 1}", "format" },
  { "{\"format\": \"urok-lesson\"}", "version" },
  { "{\"format\": \"urok-lesson\", \"version\": \"1\"}", "version" },
  { "{\"format\": \"urok-lesson\", \"version\": 1.5}", "version" },
  { "{\"format\": \"urok-lesson\", \"version\": 0}", "version" },
  { "{\"format\": \"urok-lesson\", \"version\": 2}", "newer version" },
  { "{" HEAD "\"topik\": \"Дроби\"}", "topik" },
  { "{" HEAD "\"topic\": 5}", "topic" },
  { "{" HEAD "\"topic\": null}", "topic" },
  { "{" HEAD "\"topic\": [\"a\"]}", "topic" },
  { "{" HEAD "\"uuid\": \"not-a-uuid\"}", "uuid" },
  { "{" HEAD "\"grade_level\": 12}", "grade_level" },
  { "{" HEAD "\"grade_level\": -1}", "grade_level" },
  { "{" HEAD "\"grade_level\": 6.0}", "grade_level" },
  { "{" HEAD "\"duration_minutes\": 0}", "duration_minutes" },
  { "{" HEAD "\"duration_minutes\": 601}", "duration_minutes" },
  { "{" HEAD "\"duration_minutes\": 99999999999999}", "duration_minutes" },
  { "{" HEAD "\"class_group_uuid\": \"7Б\"}", "class_group_uuid" },
  { "{" HEAD "\"lesson_type\": \"lecture\"}", "lesson_type" },
  { "{" HEAD "\"planned_date\": \"14.10.2026\"}", "planned_date" },
  { "{" HEAD "\"planned_date\": \"2026-02-30\"}", "planned_date" },
  { "{" HEAD "\"planned_date\": \"2026-1-01x\"}", "planned_date" },
  { "{" HEAD "\"tags\": \"дроби\"}", "tags" },
  { "{" HEAD "\"tags\": [\"\"]}", "tags[0]" },
  { "{" HEAD "\"tags\": [\"a\", 1]}", "tags[1]" },
  { "{" HEAD "\"is_template\": 1}", "is_template" },
  { "{" HEAD "\"stages\": {}}", "stages" },
  { "{" HEAD "\"stages\": [5]}", "stages[0]" },
  { "{" HEAD "\"stages\": [{\"title\": \"Э\"}]}", "stages[0].duration_minutes" },
  { STAGE ("\"duration_minutes\": -5"), "duration_minutes" },
  { STAGE ("\"kind\": \"lecture\""), "stages[0].kind" },
  { STAGE ("\"kind\": \"custom-x\""), "stages[0].kind" },
  { STAGE ("\"pace\": \"fast\""), "stages[0].pace" },
  { STAGE ("\"notes\": false"), "stages[0].notes" },
  { STAGE ("\"colour\": \"red\""), "stages[0].colour" },
  { STAGE ("\"uuid\": \"" UUID1 "\", \"resources\": [{\"kind\": \"text\", \"uuid\": \"" UUID1 "\"}]"),
    "stages[0].resources[0].uuid" },
  { STAGE ("\"resources\": [1]"), "stages[0].resources[0]" },
  { STAGE ("\"resources\": {\"kind\": \"text\"}"), "stages[0].resources" },
  { RESOURCE ("\"title\": \"без вида\""), "stages[0].resources[0].kind" },
  { RESOURCE ("\"kind\": \"video\""), "stages[0].resources[0].kind" },
  { RESOURCE ("\"kind\": \"link\", \"target\": \"javascript:alert(1)\""), "stages[0].resources[0].target" },
  { RESOURCE ("\"kind\": \"link\", \"target\": \"file:///etc/passwd\""), "stages[0].resources[0].target" },
  { RESOURCE ("\"kind\": \"link\", \"target\": \"https://\""), "stages[0].resources[0].target" },
  { RESOURCE ("\"kind\": \"media\", \"target\": \"../../.bashrc\""), "stages[0].resources[0].target" },
  { RESOURCE ("\"kind\": \"media\", \"target\": \"/etc/passwd\""), "stages[0].resources[0].target" },
  { RESOURCE ("\"kind\": \"media\", \"target\": \"..\""), "stages[0].resources[0].target" },
  { RESOURCE ("\"kind\": \"media\", \"target\": \"a\\\\b.png\""), "stages[0].resources[0].target" },
  { RESOURCE ("\"kind\": \"media\", \"target\": \"a.png\", \"media_type\": \"png\""), "media_type" },
  { RESOURCE ("\"kind\": \"test\", \"target\": \"test-1\""), "stages[0].resources[0].target" },
  { RESOURCE ("\"kind\": \"board_page\", \"board\": \"[1, 2]\""), "stages[0].resources[0].board" },
  { RESOURCE ("\"kind\": \"board_page\", \"board\": \"{\""), "stages[0].resources[0].board" },
  { RESOURCE ("\"kind\": \"board_page\", \"board\": {}"), "stages[0].resources[0].board" },
  { RESOURCE ("\"kind\": \"text\", \"url\": \"https://example.org\""), "stages[0].resources[0].url" },
};

static void
test_invalid_corpus (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokLesson) lesson = parse_lesson (bad_cases[i].json, &error);

      if (lesson != NULL)
        g_error ("accepted: %s", bad_cases[i].json);
      g_assert_error (error, UROK_LESSON_ERROR, UROK_LESSON_ERROR_INVALID);
      if (strstr (error->message, bad_cases[i].names) == NULL)
        g_error ("“%s” does not mention %s (for %s)", error->message, bad_cases[i].names, bad_cases[i].json);
    }
}

/* Many stages and resources are fine up to the limits, and refused past them
 * without building the whole thing. */
static void
test_limits (void)
{
  g_autoptr(GString) text = g_string_new ("{" HEAD "\"stages\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokLesson) lesson = NULL;

  for (guint i = 0; i < 501; i++)
    g_string_append_printf (text, "%s{\"duration_minutes\": 0}", i > 0 ? "," : "");
  g_string_append (text, "]}");
  lesson = parse_lesson (text->str, &error);
  g_assert_null (lesson);
  g_assert_error (error, UROK_LESSON_ERROR, UROK_LESSON_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "stages"));
}

/* A board nested far deeper than any real one is refused before json-glib
 * recurses into it (half a million levels would overflow the stack). */
static void
test_deep_board (void)
{
  guint depth = 500000;
  g_autoptr(GString) board = g_string_new ("{\\\"a\\\": ");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokLesson) lesson = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (board, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (board, ']');
  g_string_append_c (board, '}');
  text = g_strdup_printf (RESOURCE ("\"kind\": \"board_page\", \"board\": \"%s\""), board->str);

  lesson = parse_lesson (text, &error);
  g_assert_null (lesson);
  g_assert_error (error, UROK_LESSON_ERROR, UROK_LESSON_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "board"));
}

/* Reading never needs a parser's root: a NULL node is an error, not a crash. */
static void
test_null_node (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokLesson) lesson = urok_lesson_new_from_json (NULL, &error);

  g_assert_null (lesson);
  g_assert_error (error, UROK_LESSON_ERROR, UROK_LESSON_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/lesson/json/round-trip", test_round_trip);
  g_test_add_func ("/core/lesson/json/round-trip-every-resource", test_round_trip_every_resource);
  g_test_add_func ("/core/lesson/json/minimal", test_minimal);
  g_test_add_func ("/core/lesson/json/invalid-corpus", test_invalid_corpus);
  g_test_add_func ("/core/lesson/json/limits", test_limits);
  g_test_add_func ("/core/lesson/json/deep-board", test_deep_board);
  g_test_add_func ("/core/lesson/json/null-node", test_null_node);

  return core_test_run ();
}
