/* urok-stage-kind.h: the kinds of lesson stage (organisation, updating
 * knowledge, new material…): built-in ones and those a teacher adds.  A
 * kind gives a stage its colour on the timeline.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

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

/* A kind as the store makes it for a teacher's own kinds (@built_in FALSE:
 * @name is shown as it is). */
UrokStageKind *urok_stage_kind_new          (const char    *code,
                                             const char    *name,
                                             const char    *color,
                                             gboolean       built_in);

/* The built-in kinds, in lesson order (items are UrokStageKind).  Returns a
 * new reference to one shared, never changing list: unref it when done. */
GListModel    *urok_stage_kinds_built_in    (void);
/* The built-in kind with @code, or NULL (a teacher's kind, or unknown);
 * the kind is shared and lives as long as the process: do not unref it. */
UrokStageKind *urok_stage_kind_lookup_built_in (const char *code);

/* A lesson type ("урок открытия нового знания"…): code and translated name.
 * urok_lesson_types() returns the built-in types (a static array, also
 * terminated by an entry with a NULL code); urok_lesson_type_name() returns
 * NULL for an unknown code. */
typedef struct
{
  const char *code;
  const char *name;
} UrokLessonType;

const UrokLessonType *urok_lesson_types (guint *n_types);
const char           *urok_lesson_type_name (const char *code);

G_END_DECLS
