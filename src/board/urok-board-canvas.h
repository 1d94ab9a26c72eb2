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
#include "urok-board-instrument-view.h"

G_BEGIN_DECLS

#define UROK_TYPE_BOARD_CANVAS (urok_board_canvas_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardCanvas, urok_board_canvas, UROK, BOARD_CANVAS, GtkWidget)

GtkWidget      *urok_board_canvas_new              (void);

/* Properties: "page", "tool" (string: pen, highlighter, eraser,
 * area-eraser, select, line, arrow, rectangle, ellipse, polygon, text),
 * "color" (string, #rrggbb), "width" (double, board units),
 * "zoom-locked", "show-palette", "recognize-shapes", "background"
 * (string: the page's background, docs/formats/board.md; setting it takes
 * a paper: plain, squares, lines, slanted, staves, graph, coordinates),
 * "transparent" (no desk or paper: ink over other content). */
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

/* The drawing instruments shown over the canvas (the presentation's
 * class view puts them there): pens that begin at a ruler's or set
 * square's edge follow it, and the compass's arcs become strokes on the
 * page.  Weak; NULL for none. */
void            urok_board_canvas_set_instruments  (UrokBoardCanvas         *self,
                                                    UrokBoardInstrumentView *instruments);
UrokBoardInstrumentView *urok_board_canvas_get_instruments (UrokBoardCanvas *self);

/* A finite page fills the widget; an infinite one is shown 1:1 from its
 * origin. */
void            urok_board_canvas_zoom_reset       (UrokBoardCanvas *self);

/* The text tool's editor (a GtkTextView) while one is open, or NULL. */
GtkWidget      *urok_board_canvas_get_text_editor  (UrokBoardCanvas *self);

/* Pictures and backgrounds from files' bytes.  A PNG or JPEG (scaled down
 * above 4096 px) becomes an IMAGE item centred on view point (x, y) (the
 * widget's centre when negative), fitted into the visible area; or the
 * page's background (stretched over it).  A PDF's page @number (from 1)
 * becomes the background, the page taking its proportions.  Anything else
 * gives UROK_BOARD_ERROR_INVALID and changes nothing. */
gboolean        urok_board_canvas_insert_image     (UrokBoardCanvas *self,
                                                    GBytes          *bytes,
                                                    double           x,
                                                    double           y,
                                                    GError         **error);
gboolean        urok_board_canvas_set_background_image (UrokBoardCanvas *self,
                                                        GBytes          *bytes,
                                                        GError         **error);
gboolean        urok_board_canvas_set_background_pdf (UrokBoardCanvas *self,
                                                      GBytes          *pdf,
                                                      guint            number,
                                                      GError         **error);

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
