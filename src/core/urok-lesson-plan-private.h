/* urok-lesson-plan-private.h: what the PDF and the ODT writers of the
 * lesson plan share: the plan's text, gathered once from the lesson, and
 * the temporary file that becomes the document only when it is complete.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-lesson-plan.h"

G_BEGIN_DECLS

/* Shared by urok-lesson-plan.c (layout, drawing, PDF) and
 * urok-lesson-plan-text.c (the text, the temporary files). */
struct _UrokLessonPlan
{
  GObject     parent_instance;

  UrokLesson *lesson;
  char       *teacher;
  char       *school;
  char       *class_group_name;
  GListModel *stage_kinds; /* NULL: the built-in ones */

  /* The last pagination. */
  PangoContext *context;
  double        width;
  double        height;
  GPtrArray    *rows;  /* of Row (urok-lesson-plan.c) */
  GPtrArray    *pages; /* of GArray of Placement */
  char         *footer;
};

/* The header's fields, in the order both writers lay them out. */
typedef enum
{
  UROK_PLAN_FIELD_TEACHER,
  UROK_PLAN_FIELD_CLASS,
  UROK_PLAN_FIELD_SCHOOL,
  UROK_PLAN_FIELD_DATE,
  UROK_PLAN_FIELD_SUBJECT,
  UROK_PLAN_FIELD_DURATION,
  UROK_PLAN_FIELD_LESSON_TYPE,
  UROK_PLAN_FIELD_TOPIC,
  UROK_PLAN_FIELD_GOALS,
  UROK_PLAN_FIELD_RESULTS,
  UROK_PLAN_N_FIELDS
} UrokPlanField;

/* The table's columns. */
typedef enum
{
  UROK_PLAN_COLUMN_STAGE,
  UROK_PLAN_COLUMN_TEACHER,
  UROK_PLAN_COLUMN_STUDENT,
  UROK_PLAN_COLUMN_METHODS,
  UROK_PLAN_COLUMN_RESOURCES,
  UROK_PLAN_COLUMN_RESULTS,
  UROK_PLAN_N_COLUMNS
} UrokPlanColumn;

/* One resource as the plan names it: "Test: Photosynthesis", then a
 * detail line (a URL, a place in the book, a card's text) or NULL. */
typedef struct
{
  char     *kind;
  char     *title;
  char     *detail;
  gboolean  detail_is_url;
} UrokPlanResource;

typedef struct
{
  char      *title;     /* "3. New material" */
  char      *kind;      /* the stage kind's name, or "" */
  char      *minutes;   /* "10 min" */
  char      *teacher_activity;
  char      *student_activity;
  char      *methods;
  char      *planned_results;
  GPtrArray *resources; /* of UrokPlanResource */
} UrokPlanStage;

/* Every string is valid UTF-8 without control characters but newlines
 * and tabs (so it is safe for Pango and for XML), never NULL. */
typedef struct
{
  char       *title;                             /* "Lesson Plan" */
  char       *labels[UROK_PLAN_N_FIELDS];
  char       *values[UROK_PLAN_N_FIELDS];
  char       *columns[UROK_PLAN_N_COLUMNS];
  GPtrArray  *stages;                            /* of UrokPlanStage */
} UrokPlanText;

UrokPlanText *_urok_lesson_plan_get_text (UrokLessonPlan *self);
void          _urok_plan_text_free       (UrokPlanText   *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokPlanText, _urok_plan_text_free)

/* The document's title in metadata: "Lesson Plan — <topic>". */
char         *_urok_lesson_plan_dup_document_title (UrokLessonPlan *self);

/* A new temporary file beside @path (so the final rename stays on one file
 * system); returns its descriptor, or -1 with @error set. */
int           _urok_lesson_plan_open_temp   (const char  *path,
                                             char       **out_tmp_path,
                                             GError     **error);
/* Flushes and closes @fd and renames @tmp_path to @path; on failure the
 * temporary file is removed.  Always consumes @fd. */
gboolean      _urok_lesson_plan_commit_temp (int          fd,
                                             const char  *tmp_path,
                                             const char  *path,
                                             GError     **error);
/* Closes @fd and removes @tmp_path, after a failed write. */
void          _urok_lesson_plan_discard_temp (int         fd,
                                              const char *tmp_path);
/* Sets @error to the translated "could not save" message for @path. */
void          _urok_lesson_plan_set_save_error (GError    **error,
                                                const char *path,
                                                int         code,
                                                const char *reason);

G_END_DECLS
