/* urok-lesson-row.h: one lesson or template in the lesson library.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-lesson-info.h"

G_BEGIN_DECLS

#define UROK_TYPE_LESSON_ROW (urok_lesson_row_get_type ())

G_DECLARE_FINAL_TYPE (UrokLessonRow, urok_lesson_row, UROK, LESSON_ROW, GtkListBoxRow)

GtkWidget      *urok_lesson_row_new         (UrokLessonInfo *info);
UrokLessonInfo *urok_lesson_row_get_info    (UrokLessonRow  *self);
const char     *urok_lesson_row_get_uuid    (UrokLessonRow  *self);
void            urok_lesson_row_popup_menu  (UrokLessonRow  *self);

G_END_DECLS
