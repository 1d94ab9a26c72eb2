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

G_END_DECLS
