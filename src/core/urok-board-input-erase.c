/* urok-board-input-erase.c: the erasers: whole strokes along the swept
 * path, or the parts of strokes under it.  One swipe is one undo step.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-board-input-private.h"

static void
erase_segment (UrokBoardInput    *input,
               UrokBoardSequence *seq,
               double             ax,
               double             ay,
               double             bx,
               double             by)
{
  UrokBoardPage *page = _urok_board_input_page (input);
  double xy[4] = { ax, ay, bx, by };
  double radius = _urok_board_input_eraser_radius (input);

  if (page == NULL)
    return;
  if (seq->tool == UROK_BOARD_TOOL_KIND_AREA_ERASER)
    urok_board_page_erase_area (page, xy, 2, radius);
  else
    urok_board_page_erase_strokes (page, xy, 2, radius);
}

static void
erase_begin (UrokBoardInput    *input,
             UrokBoardSequence *seq,
             double             bx,
             double             by,
             double             pressure,
             guint32            time_ms)
{
  _urok_board_input_eraser_hold (input);
  seq->grouped = TRUE;
  erase_segment (input, seq, bx, by, bx, by);
}

static void
erase_motion (UrokBoardInput    *input,
              UrokBoardSequence *seq,
              double             bx,
              double             by,
              double             pressure,
              guint32            time_ms)
{
  /* From the last sample: a fast swipe misses nothing in between. */
  erase_segment (input, seq, seq->bx, seq->by, bx, by);
}

static void
erase_end (UrokBoardInput    *input,
           UrokBoardSequence *seq)
{
  if (seq->grouped)
    _urok_board_input_eraser_release (input);
  seq->grouped = FALSE;
}

/* What was erased stays erased: it was shown gone as it happened, and
 * undo brings it back in one step. */
const UrokBoardToolHandler _urok_board_erase_handler = {
  erase_begin,
  erase_motion,
  erase_end,
  erase_end,
};
