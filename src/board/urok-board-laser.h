/* urok-board-laser.h: a laser pointer: a red dot that follows the pointer
 * or finger with a trail fading out, and leaves no ink.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UROK_TYPE_BOARD_LASER (urok_board_laser_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardLaser, urok_board_laser, UROK, BOARD_LASER, GtkWidget)

GtkWidget *urok_board_laser_new           (void);
/* How long a point of the trail stays, fading, in milliseconds (1000). */
guint      urok_board_laser_get_fade_time (UrokBoardLaser *self);
void       urok_board_laser_set_fade_time (UrokBoardLaser *self,
                                           guint           fade_ms);
/* The pointer is at (x, y) now (the input handlers call this). */
void       urok_board_laser_add_point     (UrokBoardLaser *self,
                                           double          x,
                                           double          y);
/* The pointer left: the dot goes out, the trail fades on. */
void       urok_board_laser_release       (UrokBoardLaser *self);
/* Points of the trail still visible. */
guint      urok_board_laser_get_n_points  (UrokBoardLaser *self);
/* TRUE while a frame-clock tick is installed, which is only while a trail
 * is fading. */
gboolean   urok_board_laser_get_animating (UrokBoardLaser *self);

G_END_DECLS
