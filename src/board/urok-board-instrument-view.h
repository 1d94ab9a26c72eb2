/* urok-board-instrument-view.h: the drawing instruments over any content:
 * drawn at real size, moved and turned by hand, and snapping pens.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "urok-board-instrument.h"

G_BEGIN_DECLS

/* Diameter of the turn, pencil and radius grips: a big touch target. */
#define UROK_BOARD_INSTRUMENT_HANDLE_SIZE 56

#define UROK_TYPE_BOARD_INSTRUMENT_VIEW (urok_board_instrument_view_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardInstrumentView, urok_board_instrument_view, UROK, BOARD_INSTRUMENT_VIEW, GtkWidget)

GtkWidget           *urok_board_instrument_view_new          (void);
/* Screen pixels per millimetre, so that a ruler's centimetre is one on the
 * panel (96 / 25.4 by default, CSS pixels). */
double               urok_board_instrument_view_get_px_per_mm (UrokBoardInstrumentView *self);
void                 urok_board_instrument_view_set_px_per_mm (UrokBoardInstrumentView *self,
                                                               double                   px_per_mm);
/* How near a pen must come to an edge to follow it, in pixels (24). */
double               urok_board_instrument_view_get_snap_tolerance (UrokBoardInstrumentView *self);
void                 urok_board_instrument_view_set_snap_tolerance (UrokBoardInstrumentView *self,
                                                                    double                   tolerance);
/* Shows an instrument of @kind at its school size (ruler 30 cm, set squares
 * 20 cm, protractor of radius 10 cm, compass opened to 8 cm) in the middle
 * of the view, or takes it away.  One of each kind at most. */
void                 urok_board_instrument_view_set_shown    (UrokBoardInstrumentView *self,
                                                              UrokBoardInstrumentKind  kind,
                                                              gboolean                 shown);
gboolean             urok_board_instrument_view_get_shown    (UrokBoardInstrumentView *self,
                                                              UrokBoardInstrumentKind  kind);
/* The instrument of @kind shown, or NULL; its geometry is in the view's
 * coordinates, in pixels. */
UrokBoardInstrument *urok_board_instrument_view_get_instrument (UrokBoardInstrumentView *self,
                                                                UrokBoardInstrumentKind  kind);
/* Where a pen at (x, y), in the view's coordinates, goes: onto the nearest
 * working edge of any instrument shown within the tolerance (TRUE), or
 * where it is (FALSE).  The ink canvas calls this for every point. */
gboolean             urok_board_instrument_view_snap         (UrokBoardInstrumentView *self,
                                                              double                   x,
                                                              double                   y,
                                                              double                  *sx,
                                                              double                  *sy);

G_END_DECLS
