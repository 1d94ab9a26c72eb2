/* urok-stage.h: one stage of a lesson, with its ordered resources.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "urok-resource.h"

G_BEGIN_DECLS

typedef enum
{
  UROK_STAGE_PACE_TEACHER, /* "teacher": the class moves when the teacher does */
  UROK_STAGE_PACE_STUDENT, /* "student": each student works at their own pace */
} UrokStagePace;

#define UROK_TYPE_STAGE_PACE (urok_stage_pace_get_type ())
#define UROK_TYPE_STAGE (urok_stage_get_type ())

G_DECLARE_FINAL_TYPE (UrokStage, urok_stage, UROK, STAGE, GObject)

GType          urok_stage_pace_get_type      (void) G_GNUC_CONST;

UrokStage     *urok_stage_new                (const char    *title,
                                              int            duration_minutes);
UrokStage     *urok_stage_copy               (UrokStage     *self,
                                              gboolean       new_uuids);
gboolean       urok_stage_equal              (UrokStage     *a,
                                              UrokStage     *b);

/* Properties: "uuid" (construct-only), "title", "kind" (a code from the
 * stage kinds, urok-stage-kind.h), "duration-minutes" (0–600),
 * "teacher-activity", "student-activity", "methods" (methods and forms of
 * work), "planned-results", "notes" (for the teacher only), "pace". */
const char    *urok_stage_get_uuid             (UrokStage     *self);
const char    *urok_stage_get_title            (UrokStage     *self);
void           urok_stage_set_title            (UrokStage     *self,
                                                const char    *title);
const char    *urok_stage_get_kind             (UrokStage     *self);
void           urok_stage_set_kind             (UrokStage     *self,
                                                const char    *kind);
int            urok_stage_get_duration_minutes (UrokStage     *self);
void           urok_stage_set_duration_minutes (UrokStage     *self,
                                                int            minutes);
const char    *urok_stage_get_teacher_activity (UrokStage     *self);
void           urok_stage_set_teacher_activity (UrokStage     *self,
                                                const char    *text);
const char    *urok_stage_get_student_activity (UrokStage     *self);
void           urok_stage_set_student_activity (UrokStage     *self,
                                                const char    *text);
const char    *urok_stage_get_methods          (UrokStage     *self);
void           urok_stage_set_methods          (UrokStage     *self,
                                                const char    *text);
const char    *urok_stage_get_planned_results  (UrokStage     *self);
void           urok_stage_set_planned_results  (UrokStage     *self,
                                                const char    *text);
const char    *urok_stage_get_notes            (UrokStage     *self);
void           urok_stage_set_notes            (UrokStage     *self,
                                                const char    *text);
UrokStagePace  urok_stage_get_pace             (UrokStage     *self);
void           urok_stage_set_pace             (UrokStage     *self,
                                                UrokStagePace  pace);

/* The resources, in order (items are UrokResource).  Change them with the
 * functions below; editors go through UrokLessonHistory to be undoable. */
GListModel    *urok_stage_get_resources        (UrokStage     *self);
void           urok_stage_insert_resource      (UrokStage     *self,
                                                guint          position,
                                                UrokResource  *resource);
void           urok_stage_remove_resource      (UrokStage     *self,
                                                guint          position);

/* Signal "changed": a property of the stage or of one of its resources
 * changed, or a resource was added or removed (UrokLesson::changed is made
 * of these). */

G_END_DECLS
