/* urok-lesson.h: a lesson: its header and its ordered stages.
 *
 * The model the editor, the timeline, the lesson plan and lesson packages
 * share.  It is a plain in-memory object: UrokStore loads and saves it,
 * UrokLessonHistory makes edits of it undoable.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "urok-stage.h"

G_BEGIN_DECLS

#define UROK_LESSON_ERROR (urok_lesson_error_quark ())

typedef enum
{
  UROK_LESSON_ERROR_INVALID, /* JSON that is not a lesson, or out of range */
} UrokLessonError;

typedef enum
{
  UROK_LESSON_FITS,       /* the stages take exactly the lesson's length */
  UROK_LESSON_OVERRUNS,   /* longer than the lesson */
  UROK_LESSON_UNDERFILLS, /* shorter than the lesson */
} UrokLessonFit;

#define UROK_TYPE_LESSON (urok_lesson_get_type ())

G_DECLARE_FINAL_TYPE (UrokLesson, urok_lesson, UROK, LESSON, GObject)

GQuark         urok_lesson_error_quark          (void);

/* A new lesson: a new random uuid, 45 minutes, no stages. */
UrokLesson    *urok_lesson_new                  (void);
/* A deep copy; with @new_uuids the lesson, its stages and its resources get
 * new uuids (duplicating, instantiating a template). */
UrokLesson    *urok_lesson_copy                 (UrokLesson   *self,
                                                 gboolean      new_uuids);
/* Deep equality of every field, stage and resource (round-trip tests). */
gboolean       urok_lesson_equal                (UrokLesson   *a,
                                                 UrokLesson   *b);

/* Properties: "uuid" (construct-only), "topic", "subject", "grade-level"
 * (0 unset, else 1–11), "class-group-uuid" ("" for none), "lesson-type" (a
 * code, urok_lesson_types() in urok-stage-kind.h), "planned-date" ("YYYY-MM-DD" or ""),
 * "duration-minutes" (1–600, default 45), "goals", "planned-results",
 * "tags" (GStrv, never NULL), "is-template". */
const char    *urok_lesson_get_uuid             (UrokLesson   *self);
const char    *urok_lesson_get_topic            (UrokLesson   *self);
void           urok_lesson_set_topic            (UrokLesson   *self,
                                                 const char   *topic);
const char    *urok_lesson_get_subject          (UrokLesson   *self);
void           urok_lesson_set_subject          (UrokLesson   *self,
                                                 const char   *subject);
int            urok_lesson_get_grade_level      (UrokLesson   *self);
void           urok_lesson_set_grade_level      (UrokLesson   *self,
                                                 int           grade_level);
const char    *urok_lesson_get_class_group_uuid (UrokLesson   *self);
void           urok_lesson_set_class_group_uuid (UrokLesson   *self,
                                                 const char   *uuid);
const char    *urok_lesson_get_lesson_type      (UrokLesson   *self);
void           urok_lesson_set_lesson_type      (UrokLesson   *self,
                                                 const char   *lesson_type);
const char    *urok_lesson_get_planned_date     (UrokLesson   *self);
void           urok_lesson_set_planned_date     (UrokLesson   *self,
                                                 const char   *date);
int            urok_lesson_get_duration_minutes (UrokLesson   *self);
void           urok_lesson_set_duration_minutes (UrokLesson   *self,
                                                 int           minutes);
const char    *urok_lesson_get_goals            (UrokLesson   *self);
void           urok_lesson_set_goals            (UrokLesson   *self,
                                                 const char   *goals);
const char    *urok_lesson_get_planned_results  (UrokLesson   *self);
void           urok_lesson_set_planned_results  (UrokLesson   *self,
                                                 const char   *results);
const char *const *urok_lesson_get_tags         (UrokLesson   *self);
void           urok_lesson_set_tags             (UrokLesson   *self,
                                                 const char *const *tags);
gboolean       urok_lesson_get_is_template      (UrokLesson   *self);
void           urok_lesson_set_is_template      (UrokLesson   *self,
                                                 gboolean      is_template);

/* The stages, in order (items are UrokStage). */
GListModel    *urok_lesson_get_stages           (UrokLesson   *self);
void           urok_lesson_insert_stage         (UrokLesson   *self,
                                                 guint         position,
                                                 UrokStage    *stage);
void           urok_lesson_remove_stage         (UrokLesson   *self,
                                                 guint         position);

/* Sum of the stages' durations, and how it compares with the length. */
int            urok_lesson_get_planned_minutes  (UrokLesson   *self);
UrokLessonFit  urok_lesson_get_fit              (UrokLesson   *self);

/* Signal "changed": any field of the lesson, of a stage or of a resource
 * changed, or a stage or resource was added, removed or moved.  Autosave
 * and the timeline listen to it. */

/* The lesson as JSON (the format of lesson packages and templates, see
 * docs/formats/lesson.md) and back.  Reading validates every field and
 * fails with UROK_LESSON_ERROR_INVALID, naming what is wrong. */
JsonNode      *urok_lesson_to_json              (UrokLesson   *self);
UrokLesson    *urok_lesson_new_from_json        (JsonNode     *node,
                                                 GError      **error);

G_END_DECLS
