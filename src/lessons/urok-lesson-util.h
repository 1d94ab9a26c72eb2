/* urok-lesson-util.h: finding things in a lesson, for the editor's widgets.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "urok-lesson.h"
#include "urok-stage-kind.h"

G_BEGIN_DECLS

/* The first item of @model (may be NULL) whose string property @property
 * is @value, or NULL; a new reference.  Its position goes to @position. */
gpointer urok_list_find            (GListModel    *model,
                                    const char    *property,
                                    const char    *value,
                                    guint         *position);
/* The kind with @code in @kinds (UrokStageKind items), or NULL; a new
 * reference. */
gpointer urok_stage_kind_lookup    (GListModel    *kinds,
                                    const char    *code);
/* The colour of the kind with @code; FALSE if there is none. */
gboolean urok_stage_kind_rgba      (GListModel    *kinds,
                                    const char    *code,
                                    GdkRGBA       *color);
/* The position of @stage in @lesson, or -1. */
int      urok_lesson_find_stage    (UrokLesson    *lesson,
                                    UrokStage     *stage);
/* Where the resource with @uuid is: its stage and position (owned by the
 * lesson); FALSE if no stage has it. */
gboolean urok_lesson_find_resource (UrokLesson    *lesson,
                                    const char    *uuid,
                                    UrokStage    **stage,
                                    guint         *position);

G_END_DECLS
