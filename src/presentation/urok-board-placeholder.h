/* urok-board-placeholder.h: a board page shown before the whiteboard
 * exists: a blank page of the page's background, with its title.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-resource.h"

G_BEGIN_DECLS

#define UROK_TYPE_BOARD_PLACEHOLDER (urok_board_placeholder_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardPlaceholder, urok_board_placeholder, UROK, BOARD_PLACEHOLDER, GtkWidget)

/* @resource is a UROK_RESOURCE_BOARD_PAGE; its "board" JSON gives the
 * background ("background": "plain", "squares", "slanted_ruling",
 * "narrow_ruling"; "color": "#rrggbb"), anything else is ignored. */
GtkWidget  *urok_board_placeholder_new       (UrokResource         *resource);
/* The page colour drawn, for tests. */
void        urok_board_placeholder_get_color (UrokBoardPlaceholder *self,
                                              GdkRGBA              *color);

G_END_DECLS
