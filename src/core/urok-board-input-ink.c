/* urok-board-input-ink.c: the pen and the highlighter: a live stroke per
 * sequence, smoothed as it comes (1€ filter), added to the page when the
 * pen lifts.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-input-private.h"

/* Samples closer than this (board units) to the last one add nothing a
 * reader could see and only cost memory. */
#define MIN_STEP 0.35

static void
dirty_around (UrokBoardInput       *input,
              UrokBoardSequence    *seq,
              const UrokBoardPoint *a,
              const UrokBoardPoint *b)
{
  /* Full pressure draws 1.6× the base width (urok_board_ink_width). */
  double pad = seq->width * 0.8 + 2;
  UrokBoardRect dirty = {
    MIN (a->x, b->x) - pad, MIN (a->y, b->y) - pad,
    fabs (a->x - b->x) + 2 * pad, fabs (a->y - b->y) + 2 * pad,
  };

  _urok_board_input_live_changed (input, &dirty);
}

static void
ink_begin (UrokBoardInput    *input,
           UrokBoardSequence *seq,
           double             bx,
           double             by,
           double             pressure,
           guint32            time_ms)
{
  UrokBoardPoint p = { bx, by, pressure, time_ms };

  _urok_board_input_fill_style (input, seq);
  seq->smoother = urok_board_smoother_new (1.0, 0.02);
  seq->points = g_array_sized_new (FALSE, FALSE, sizeof (UrokBoardPoint), 256);
  urok_board_smoother_push (seq->smoother, &p, &p);
  g_array_append_val (seq->points, p);
  _urok_board_input_add_live (input, seq);
  dirty_around (input, seq, &p, &p);
}

static void
ink_motion (UrokBoardInput    *input,
            UrokBoardSequence *seq,
            double             bx,
            double             by,
            double             pressure,
            guint32            time_ms)
{
  UrokBoardPoint raw = { bx, by, pressure, time_ms }, p;
  const UrokBoardPoint *last = &g_array_index (seq->points, UrokBoardPoint, seq->points->len - 1);

  if (hypot (bx - seq->bx, by - seq->by) < MIN_STEP)
    return;
  urok_board_smoother_push (seq->smoother, &raw, &p);
  g_array_append_val (seq->points, p);
  last = &g_array_index (seq->points, UrokBoardPoint, seq->points->len - 2);
  dirty_around (input, seq, last, &p);
}

static void
ink_end (UrokBoardInput    *input,
         UrokBoardSequence *seq)
{
  UrokBoardPoint *last = &g_array_index (seq->points, UrokBoardPoint, seq->points->len - 1);

  /* The filter lags: the stroke ends where the pen lifted. */
  if (hypot (last->x - seq->bx, last->y - seq->by) >= MIN_STEP)
    {
      UrokBoardPoint end = { seq->bx, seq->by, last->pressure, last->time_ms + 1 };

      g_array_append_val (seq->points, end);
    }
  if (_urok_board_input_erasers_active (input))
    seq->finished = TRUE;
  else
    _urok_board_input_commit (input, seq);
}

static void
ink_cancel (UrokBoardInput    *input,
            UrokBoardSequence *seq)
{
  UrokBoardRect all = { 0, 0, 0, 0 };
  double pad = seq->width * 0.8 + 2;

  for (guint i = 0; i < seq->points->len; i++)
    {
      const UrokBoardPoint *p = &g_array_index (seq->points, UrokBoardPoint, i);
      UrokBoardRect r = { p->x - pad, p->y - pad, 2 * pad, 2 * pad };

      urok_board_rect_union (&all, &r, &all);
    }
  _urok_board_input_drop_live (input, seq);
  _urok_board_input_live_changed (input, &all);
}

const UrokBoardToolHandler _urok_board_ink_handler = {
  ink_begin,
  ink_motion,
  ink_end,
  ink_cancel,
};
