/* urok-lesson-history.h: undo and redo for every edit of a lesson.
 *
 * Editors change a lesson only through these functions; each call is one
 * step (typing into one field within a second merges into one step, and
 * begin_group/end_group make several calls one step).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-lesson.h"

G_BEGIN_DECLS

#define UROK_TYPE_LESSON_HISTORY (urok_lesson_history_get_type ())

G_DECLARE_FINAL_TYPE (UrokLessonHistory, urok_lesson_history, UROK, LESSON_HISTORY, GObject)

UrokLessonHistory *urok_lesson_history_new             (UrokLesson        *lesson);
UrokLesson        *urok_lesson_history_get_lesson      (UrokLessonHistory *self);

/* Set a property of the lesson, one of its stages or one of their
 * resources (@object), as one undoable step. */
void               urok_lesson_history_set             (UrokLessonHistory *self,
                                                        GObject           *object,
                                                        const char        *property,
                                                        const GValue      *value);
void               urok_lesson_history_set_string      (UrokLessonHistory *self,
                                                        GObject           *object,
                                                        const char        *property,
                                                        const char        *value);
void               urok_lesson_history_set_int         (UrokLessonHistory *self,
                                                        GObject           *object,
                                                        const char        *property,
                                                        int                value);

void               urok_lesson_history_insert_stage    (UrokLessonHistory *self,
                                                        guint              position,
                                                        UrokStage         *stage);
void               urok_lesson_history_remove_stage    (UrokLessonHistory *self,
                                                        guint              position);
void               urok_lesson_history_move_stage      (UrokLessonHistory *self,
                                                        guint              from,
                                                        guint              to);
void               urok_lesson_history_insert_resource (UrokLessonHistory *self,
                                                        UrokStage         *stage,
                                                        guint              position,
                                                        UrokResource      *resource);
void               urok_lesson_history_remove_resource (UrokLessonHistory *self,
                                                        UrokStage         *stage,
                                                        guint              position);
/* Moves a resource within a stage or to another stage of the lesson. */
void               urok_lesson_history_move_resource   (UrokLessonHistory *self,
                                                        UrokStage         *from_stage,
                                                        guint              from,
                                                        UrokStage         *to_stage,
                                                        guint              to);

void               urok_lesson_history_begin_group     (UrokLessonHistory *self);
void               urok_lesson_history_end_group       (UrokLessonHistory *self);
/* Ends merging of typing: the next edit of the same field is a new step
 * (call when a field loses focus). */
void               urok_lesson_history_break_merge     (UrokLessonHistory *self);

/* Properties "can-undo" and "can-redo" (notify on change). */
gboolean           urok_lesson_history_get_can_undo    (UrokLessonHistory *self);
gboolean           urok_lesson_history_get_can_redo    (UrokLessonHistory *self);
gboolean           urok_lesson_history_undo            (UrokLessonHistory *self);
gboolean           urok_lesson_history_redo            (UrokLessonHistory *self);

G_END_DECLS
