/* urok-board-palette.h: the whiteboard's tool palette: tools, colours,
 * widths, undo/redo and the zoom lock, as big touch targets.  Its buttons
 * name the board.* actions of the canvas it sits in.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UROK_TYPE_BOARD_PALETTE (urok_board_palette_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardPalette, urok_board_palette, UROK, BOARD_PALETTE, GtkWidget)

GtkWidget *urok_board_palette_new (void);

G_END_DECLS
