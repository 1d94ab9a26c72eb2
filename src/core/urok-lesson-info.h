/* urok-lesson-info.h: A lesson as the lesson list shows it: its header and the sum of its stages.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UROK_TYPE_LESSON_INFO (urok_lesson_info_get_type ())

G_DECLARE_FINAL_TYPE (UrokLessonInfo, urok_lesson_info, UROK, LESSON_INFO, GObject)

gint64       urok_lesson_info_get_id (UrokLessonInfo *self);
const char * urok_lesson_info_get_uuid (UrokLessonInfo *self);
const char * urok_lesson_info_get_title (UrokLessonInfo *self);
const char * urok_lesson_info_get_subject (UrokLessonInfo *self);
int          urok_lesson_info_get_grade_level (UrokLessonInfo *self);
int          urok_lesson_info_get_duration_minutes (UrokLessonInfo *self);
int          urok_lesson_info_get_n_stages (UrokLessonInfo *self);
int          urok_lesson_info_get_planned_minutes (UrokLessonInfo *self);
const char * urok_lesson_info_get_planned_date (UrokLessonInfo *self);
/* The same as get_title (): "topic" is the lesson model's name for it. */
const char * urok_lesson_info_get_topic (UrokLessonInfo *self);
const char * urok_lesson_info_get_lesson_type (UrokLessonInfo *self);
/* Never NULL. */
const char *const *urok_lesson_info_get_tags (UrokLessonInfo *self);
gboolean     urok_lesson_info_get_is_template (UrokLessonInfo *self);
/* When the lesson was last saved, "YYYY-MM-DDTHH:MM:SS[.sss]Z". */
const char * urok_lesson_info_get_modified (UrokLessonInfo *self);

G_END_DECLS
