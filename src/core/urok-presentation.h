/* urok-presentation.h: a lesson being shown: where the teacher is (stage,
 * resource) and how long each stage and the lesson have taken against the
 * plan.  No widgets: the presenter and audience windows observe it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-lesson.h"

G_BEGIN_DECLS

/* Microseconds on a monotonic clock (g_get_monotonic_time() by default);
 * tests give their own. */
typedef gint64 (*UrokClockFunc) (gpointer user_data);

#define UROK_TYPE_PRESENTATION (urok_presentation_get_type ())

G_DECLARE_FINAL_TYPE (UrokPresentation, urok_presentation, UROK, PRESENTATION, GObject)

/* Shows @lesson from its first stage's first resource; the clock does not
 * run until urok_presentation_start(). */
UrokPresentation *urok_presentation_new                 (UrokLesson       *lesson);
void              urok_presentation_set_clock           (UrokPresentation *self,
                                                         UrokClockFunc     func,
                                                         gpointer          user_data);
UrokLesson       *urok_presentation_get_lesson          (UrokPresentation *self);

/* Properties "lesson" (construct-only), "stage-index" (-1 only for a
 * lesson without stages), "resource-index" (-1 when the stage has no
 * resources), "started", "paused", "hidden" (the class sees a frozen
 * picture while the teacher prepares), "blacked-out" (the class sees
 * black).  All notify only on change. */
void              urok_presentation_start               (UrokPresentation *self);
gboolean          urok_presentation_get_started         (UrokPresentation *self);
gboolean          urok_presentation_get_paused          (UrokPresentation *self);
void              urok_presentation_set_paused          (UrokPresentation *self,
                                                         gboolean          paused);
gboolean          urok_presentation_get_hidden          (UrokPresentation *self);
void              urok_presentation_set_hidden          (UrokPresentation *self,
                                                         gboolean          hidden);
gboolean          urok_presentation_get_blacked_out     (UrokPresentation *self);
void              urok_presentation_set_blacked_out     (UrokPresentation *self,
                                                         gboolean          blacked_out);

guint             urok_presentation_get_n_stages        (UrokPresentation *self);
int               urok_presentation_get_stage_index     (UrokPresentation *self);
int               urok_presentation_get_resource_index  (UrokPresentation *self);
/* The current stage and resource, and the stage after the current one;
 * NULL when there is none.  Owned by the lesson. */
UrokStage        *urok_presentation_get_stage           (UrokPresentation *self);
UrokResource     *urok_presentation_get_resource        (UrokPresentation *self);
UrokStage        *urok_presentation_get_next_stage      (UrokPresentation *self);

/* Moving.  Each returns FALSE and changes nothing when there is nowhere to
 * go.  Resources run on across stages: the resource after a stage's last
 * is the next stage's first (a stage without resources is a step of its
 * own), and the one before a stage's first is the previous stage's last. */
gboolean          urok_presentation_next_resource       (UrokPresentation *self);
gboolean          urok_presentation_previous_resource   (UrokPresentation *self);
gboolean          urok_presentation_next_stage          (UrokPresentation *self);
gboolean          urok_presentation_previous_stage      (UrokPresentation *self);
/* Stage @stage, at resource @resource (-1: its first). */
gboolean          urok_presentation_go_to               (UrokPresentation *self,
                                                         int               stage,
                                                         int               resource);

/* Time, in microseconds, counted only while started and not paused.  A
 * stage's time adds up over every visit to it. */
gint64            urok_presentation_get_lesson_elapsed  (UrokPresentation *self);
gint64            urok_presentation_get_stage_elapsed   (UrokPresentation *self,
                                                         guint             stage);
/* The plan: stage @stage's duration and where it starts in the lesson. */
gint64            urok_presentation_get_stage_planned   (UrokPresentation *self,
                                                         guint             stage);
gint64            urok_presentation_get_stage_planned_start (UrokPresentation *self,
                                                             guint             stage);
/* How far behind the plan the lesson is (negative: ahead): time taken so
 * far minus the time the plan gives up to this point of the current stage
 * (its planned start plus its time so far, at most its duration). */
gint64            urok_presentation_get_schedule_offset (UrokPresentation *self);
/* The current stage has taken longer than planned; the lesson longer than
 * its length. */
gboolean          urok_presentation_get_stage_overrun   (UrokPresentation *self);
gboolean          urok_presentation_get_lesson_overrun  (UrokPresentation *self);

G_END_DECLS
