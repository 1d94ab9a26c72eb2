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

/* The stage kinds whose names the plan shows (items are UrokStageKind, a
 * teacher's own kinds among them); by default only the built-in ones are
 * known, and a stage of another kind is shown without its kind. */
void            urok_lesson_plan_set_stage_kinds (UrokLessonPlan *self,
                                                  GListModel     *kinds);

/* Lays the plan out on pages of @width × @height points (margins
 * included) with fonts from @context; returns the number of pages.  Fonts
 * are sized in points: @context's resolution must map points to the units
 * of the cairo_t the pages are drawn on (72 dpi for cairo's PDF surface;
 * gtk_print_context_create_pango_context() does this for printing). */
guint           urok_lesson_plan_paginate   (UrokLessonPlan *self,
                                             PangoContext   *context,
                                             double          width,
                                             double          height);
/* Draws page @page (from 0) of the last pagination on @cr. */
void            urok_lesson_plan_draw_page  (UrokLessonPlan *self,
                                             cairo_t        *cr,
                                             guint           page);

/* A4 landscape, atomically (temporary file, then rename).  Both lay the
 * plan out afresh and leave the last pagination as it was.  They read the
 * lesson: from another thread, give the plan a copy of it. */
gboolean        urok_lesson_plan_write_pdf  (UrokLessonPlan *self,
                                             const char     *path,
                                             GError        **error);
gboolean        urok_lesson_plan_write_odt  (UrokLessonPlan *self,
                                             const char     *path,
                                             GError        **error);

G_END_DECLS
