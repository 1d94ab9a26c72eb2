/* urok-timeline.h: a lesson's stages as a strip, each as wide as its
 * duration and coloured by its kind, with the total against the lesson's
 * length.  The lesson editor and the presentation share it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-lesson.h"

G_BEGIN_DECLS

#define UROK_TYPE_TIMELINE (urok_timeline_get_type ())

G_DECLARE_FINAL_TYPE (UrokTimeline, urok_timeline, UROK, TIMELINE, GtkWidget)

GtkWidget  *urok_timeline_new              (void);
/* Properties "lesson" (UrokLesson), "stage-kinds" (GListModel of
 * UrokStageKind, for colours), "selected" (stage index, -1 for none),
 * "position" (minutes into the lesson shown as a marker, -1 for none:
 * the presentation uses it). */
void        urok_timeline_set_lesson       (UrokTimeline *self,
                                            UrokLesson   *lesson);
UrokLesson *urok_timeline_get_lesson       (UrokTimeline *self);
void        urok_timeline_set_stage_kinds  (UrokTimeline *self,
                                            GListModel   *kinds);
GListModel *urok_timeline_get_stage_kinds  (UrokTimeline *self);
int         urok_timeline_get_selected     (UrokTimeline *self);
void        urok_timeline_set_selected     (UrokTimeline *self,
                                            int           index);
double      urok_timeline_get_position     (UrokTimeline *self);
void        urok_timeline_set_position     (UrokTimeline *self,
                                            double        minutes);
/* The stage under @x (widget coordinates), or -1. */
int         urok_timeline_stage_at         (UrokTimeline *self,
                                            double        x);
/* Where stage @index is drawn, in widget coordinates; FALSE if there is no
 * such stage or the widget is not allocated yet. */
gboolean    urok_timeline_get_segment      (UrokTimeline    *self,
                                            guint            index,
                                            graphene_rect_t *bounds);
/* The warning shown under the strip (overrun or underfill), or NULL when
 * the stages fit the lesson. */
const char *urok_timeline_get_warning      (UrokTimeline *self);

/* Signal "stage-activated" (int index): a stage was clicked, tapped or
 * chosen with the keyboard. */

G_END_DECLS
