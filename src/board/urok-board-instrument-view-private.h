/* urok-board-instrument-view-private.h: drawing the instruments, shared by
 * the view and its drawing file.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "urok-board-instrument-view.h"

G_BEGIN_DECLS

typedef enum
{
  INSTRUMENT_PART_NONE,
  INSTRUMENT_PART_BODY,     /* drag moves */
  INSTRUMENT_PART_ROTATE,   /* drag turns about the pivot */
  INSTRUMENT_PART_PENCIL,   /* compass: drag draws an arc */
  INSTRUMENT_PART_RADIUS,   /* compass: drag opens or closes */
} InstrumentPart;

/* Where a grip of @tool is, in page coordinates; FALSE if it has none. */
gboolean _urok_board_instrument_handle (UrokBoardInstrument *tool,
                                        InstrumentPart       part,
                                        double              *x,
                                        double              *y);
/* The page box that holds @tool and its grips. */
void     _urok_board_instrument_bounds (UrokBoardInstrument *tool,
                                        graphene_rect_t     *bounds);
/* Draws @tool in page coordinates with its scale for @px_per_mm; a compass
 * being turned shows the arc from @arc_start through @arc_sweep. */
void     _urok_board_instrument_draw   (cairo_t             *cr,
                                        UrokBoardInstrument *tool,
                                        double               px_per_mm,
                                        double               arc_start,
                                        double               arc_sweep);

G_END_DECLS
