/* urok-stage-kind.h: the kinds of lesson stage (organisation, updating
 * knowledge, new material…): built-in ones and those a teacher adds.  A
 * kind gives a stage its colour on the timeline.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UROK_TYPE_STAGE_KIND (urok_stage_kind_get_type ())

G_DECLARE_FINAL_TYPE (UrokStageKind, urok_stage_kind, UROK, STAGE_KIND, GObject)

/* Properties "code" (stored in stages: built-in codes are English words,
 * e.g. "organisation"; added kinds get "custom-<uuid>"), "name" (shown,
 * translated for built-in kinds), "color" ("#rrggbb"), "built-in". */
const char    *urok_stage_kind_get_code     (UrokStageKind *self);
const char    *urok_stage_kind_get_name     (UrokStageKind *self);
const char    *urok_stage_kind_get_color    (UrokStageKind *self);
gboolean       urok_stage_kind_get_built_in (UrokStageKind *self);

/* The built-in kinds, in lesson order (items are UrokStageKind). */
GListModel    *urok_stage_kinds_built_in    (void);

/* A lesson type ("урок открытия нового знания"…): code and translated name. */
typedef struct
{
  const char *code;
  const char *name;
} UrokLessonType;

const UrokLessonType *urok_lesson_types (guint *n_types);
const char           *urok_lesson_type_name (const char *code);

G_END_DECLS
