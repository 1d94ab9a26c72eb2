/* urok-board-spotlight.h: darkens everything but one circle or rectangle,
 * which the teacher moves and resizes.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The resize grip's diameter: a big touch target. */
#define UROK_BOARD_SPOTLIGHT_HANDLE_SIZE 56

typedef enum
{
  UROK_BOARD_SPOTLIGHT_CIRCLE,
  UROK_BOARD_SPOTLIGHT_RECTANGLE,
} UrokBoardSpotlightShape;

#define UROK_TYPE_BOARD_SPOTLIGHT (urok_board_spotlight_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardSpotlight, urok_board_spotlight, UROK, BOARD_SPOTLIGHT, GtkWidget)

GtkWidget               *urok_board_spotlight_new       (void);
UrokBoardSpotlightShape  urok_board_spotlight_get_shape (UrokBoardSpotlight      *self);
void                     urok_board_spotlight_set_shape (UrokBoardSpotlight      *self,
                                                         UrokBoardSpotlightShape  shape);
/* The lit spot, in the widget's pixels: its centre and its radius (a
 * rectangle is 4 radii wide and 2 high: a line of text, a row of a
 * table).  It scales with the widget when the window changes size. */
void                     urok_board_spotlight_get_spot  (UrokBoardSpotlight      *self,
                                                         double                  *x,
                                                         double                  *y,
                                                         double                  *radius);
void                     urok_board_spotlight_set_spot  (UrokBoardSpotlight      *self,
                                                         double                   x,
                                                         double                   y,
                                                         double                   radius);

G_END_DECLS
