/* urok-presentation-tools.h: the classroom tools' presentation.* actions
 * (shade, spotlight, laser pointer, drawing instruments).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-audience-view.h"

G_BEGIN_DECLS

/* Adds to @actions the toggles shade, spotlight, laser, ruler, set-square,
 * protractor and compass, and shade-reveal / shade-cover, all working on
 * @view's tools; they go away with the view or when removed. */
void urok_presentation_tools_add_actions    (GActionMap       *actions,
                                             UrokAudienceView *view);
void urok_presentation_tools_remove_actions (GActionMap       *actions);

G_END_DECLS
