/* urok-board-shade.h: the screen shade («шторка»): covers what is under
 * it; the teacher pulls its edge back to reveal the content part by part.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The grip along the shade's edge: a big touch target on a panel. */
#define UROK_BOARD_SHADE_HANDLE_SIZE 56

#define UROK_TYPE_BOARD_SHADE (urok_board_shade_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardShade, urok_board_shade, UROK, BOARD_SHADE, GtkWidget)

GtkWidget       *urok_board_shade_new          (void);
/* The side revealing starts from: GTK_POS_TOP uncovers from the top down
 * (the shade is pulled down), GTK_POS_LEFT from the left, and so on. */
GtkPositionType  urok_board_shade_get_side     (UrokBoardShade *self);
void             urok_board_shade_set_side     (UrokBoardShade *self,
                                                GtkPositionType side);
/* How much is uncovered, 0 (all covered) to 1. */
double           urok_board_shade_get_revealed (UrokBoardShade *self);
void             urok_board_shade_set_revealed (UrokBoardShade *self,
                                                double          revealed);
/* Reveals (@steps > 0) or covers a tenth of the screen per step. */
void             urok_board_shade_step         (UrokBoardShade *self,
                                                int             steps);

G_END_DECLS
