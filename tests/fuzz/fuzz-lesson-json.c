/* fuzz-lesson-json.c: libFuzzer target for reading lessons from JSON (the
 * format of lesson packages and templates, from other people's files).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-lesson.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokLesson) lesson = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(UrokLesson) again = NULL;

  if (!json_parser_load_from_data (parser, (const char *)data, (gssize)size, NULL))
    return 0;

  /* Exactly one of the two, whatever the input. */
  lesson = urok_lesson_new_from_json (json_parser_get_root (parser), &error);
  g_assert ((lesson == NULL) != (error == NULL));
  if (lesson == NULL)
    return 0;

  /* What was accepted is written back and read again, unchanged. */
  written = urok_lesson_to_json (lesson);
  again = urok_lesson_new_from_json (written, &error);
  g_assert_no_error (error);
  g_assert (urok_lesson_equal (lesson, again));
  return 0;
}
