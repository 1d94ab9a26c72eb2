/* urok-stage-row.h: one stage in the lesson editor's stage list: its kind's
 * colour, title, kind, resources and minutes; dragged to reorder.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-stage.h"

G_BEGIN_DECLS

#define UROK_TYPE_STAGE_ROW (urok_stage_row_get_type ())

G_DECLARE_FINAL_TYPE (UrokStageRow, urok_stage_row, UROK, STAGE_ROW, AdwActionRow)

/* @kinds (UrokStageKind) give the kind's name and colour; may be NULL. */
GtkWidget *urok_stage_row_new       (UrokStage    *stage,
                                     GListModel   *kinds);
UrokStage *urok_stage_row_get_stage (UrokStageRow *self);

G_END_DECLS
