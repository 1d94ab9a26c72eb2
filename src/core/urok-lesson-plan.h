/* urok-lesson-plan.h: the lesson plan document («технологическая карта
 * урока»): a header and a table with a row per stage, laid out with Pango
 * on pages of any size, written as PDF or ODT, or drawn page by page (the
 * UI prints through GtkPrintOperation with the same drawing).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "urok-lesson.h"

G_BEGIN_DECLS

#define UROK_TYPE_LESSON_PLAN (urok_lesson_plan_get_type ())

G_DECLARE_FINAL_TYPE (UrokLessonPlan, urok_lesson_plan, UROK, LESSON_PLAN, GObject)

/* @teacher, @school and @class_group_name may be NULL or "". */
UrokLessonPlan *urok_lesson_plan_new        (UrokLesson     *lesson,
                                             const char     *teacher,
                                             const char     *school,
                                             const char     *class_group_name);

/* Lays the plan out on pages of @width × @height points (margins
 * included) with fonts from @context; returns the number of pages. */
guint           urok_lesson_plan_paginate   (UrokLessonPlan *self,
                                             PangoContext   *context,
                                             double          width,
                                             double          height);
/* Draws page @page (from 0) of the last pagination on @cr. */
void            urok_lesson_plan_draw_page  (UrokLessonPlan *self,
                                             cairo_t        *cr,
                                             guint           page);

/* A4 landscape, atomically (temporary file, then rename). */
gboolean        urok_lesson_plan_write_pdf  (UrokLessonPlan *self,
                                             const char     *path,
                                             GError        **error);
gboolean        urok_lesson_plan_write_odt  (UrokLessonPlan *self,
                                             const char     *path,
                                             GError        **error);

G_END_DECLS
