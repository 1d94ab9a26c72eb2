/* urok-stage-editor.h: the details of one stage: title, kind, minutes,
 * pace, its resources and the teacher's and students' activity.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-lesson-history.h"

G_BEGIN_DECLS

#define UROK_TYPE_STAGE_EDITOR (urok_stage_editor_get_type ())

G_DECLARE_FINAL_TYPE (UrokStageEditor, urok_stage_editor, UROK, STAGE_EDITOR, GtkWidget)

/* Edits @stage (of @history's lesson); NULL for none. */
void       urok_stage_editor_set_stage       (UrokStageEditor   *self,
                                              UrokLessonHistory *history,
                                              UrokStage         *stage);
UrokStage *urok_stage_editor_get_stage       (UrokStageEditor   *self);
/* The stage kinds for the kind chooser; books and tests name what
 * resources point to.  Any may be NULL. */
void       urok_stage_editor_set_models      (UrokStageEditor   *self,
                                              GListModel        *kinds,
                                              GListModel        *books,
                                              GListModel        *tests);
/* Moves keyboard focus to @resource's row, after it was moved. */
void       urok_stage_editor_focus_resource  (UrokStageEditor   *self,
                                              UrokResource      *resource);
/* Moves keyboard focus to the title. */
void       urok_stage_editor_focus_title     (UrokStageEditor   *self);
/* Scrolls back to the top, for a newly shown stage. */
void       urok_stage_editor_scroll_to_top   (UrokStageEditor   *self);

/* Signal "files-dropped" (GdkFileList *files, guint position): files were
 * dropped on the stage; the lesson editor copies them in as media. */

G_END_DECLS
