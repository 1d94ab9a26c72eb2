/* urok-board-canvas.h: the whiteboard: shows a board page at a view
 * (zoom and pan) and turns hands, styluses, the mouse, the wheel and the
 * keyboard into ink, erasing and view changes.
 *
 * Embedding: `urok_board_canvas_new ()`, then `urok_board_canvas_set_page ()`;
 * it expands to fill its slot.  Its commands are the widget actions
 * `board.*` (see class_init), reachable from the palette it shows and from
 * any descendant; the router (tools, colour, view) is
 * urok_board_canvas_get_input ().
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "urok-board-input.h"

G_BEGIN_DECLS

#define UROK_TYPE_BOARD_CANVAS (urok_board_canvas_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardCanvas, urok_board_canvas, UROK, BOARD_CANVAS, GtkWidget)

GtkWidget      *urok_board_canvas_new              (void);

/* Properties: "page", "tool" (string: pen, highlighter, eraser,
 * area-eraser), "color" (string, #rrggbb), "width" (double, board units),
 * "zoom-locked", "show-palette", "transparent" (no desk or paper: ink
 * over other content). */
UrokBoardPage  *urok_board_canvas_get_page         (UrokBoardCanvas *self);
void            urok_board_canvas_set_page         (UrokBoardCanvas *self,
                                                    UrokBoardPage   *page);
UrokBoardInput *urok_board_canvas_get_input        (UrokBoardCanvas *self);
gboolean        urok_board_canvas_get_show_palette (UrokBoardCanvas *self);
void            urok_board_canvas_set_show_palette (UrokBoardCanvas *self,
                                                    gboolean         show);
gboolean        urok_board_canvas_get_transparent  (UrokBoardCanvas *self);
void            urok_board_canvas_set_transparent  (UrokBoardCanvas *self,
                                                    gboolean         transparent);

/* The GTK event handlers and tests hand events in here, in widget
 * coordinates: the same path for real and scripted input. */
gboolean        urok_board_canvas_feed_event       (UrokBoardCanvas      *self,
                                                    const UrokBoardEvent *event);

/* A finite page fills the widget; an infinite one is shown 1:1 from its
 * origin. */
void            urok_board_canvas_zoom_reset       (UrokBoardCanvas *self);

/* For tests and benchmarks: tiles requested and not yet drawn, waiting for
 * them (delivering from the workers without a main loop), and the
 * widget's picture as a texture. */
guint           urok_board_canvas_get_n_pending_tiles (UrokBoardCanvas *self);
void            urok_board_canvas_wait_tiles       (UrokBoardCanvas *self);
/* Requests the sharp tiles at the current scale now, not after the view
 * has been still for a moment. */
void            urok_board_canvas_request_tiles    (UrokBoardCanvas *self);
GdkTexture     *urok_board_canvas_render_texture   (UrokBoardCanvas *self);

G_END_DECLS
