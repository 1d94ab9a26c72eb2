/* urok-board-ink.h: turning pointer samples into ink: smoothing of live
 * points, pressure to width, a stroke's outline for drawing, and
 * recognition of hand-drawn shapes.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-item.h"

G_BEGIN_DECLS

/* The width of a stroke where the pressure is @pressure (0..1): the base
 * width at 0.5 (a mouse), 0.4× at no pressure, 1.6× at full.  Highlighters
 * keep their width. */
float urok_board_ink_width (UrokBoardTool tool,
                            float         base_width,
                            float         pressure);

/* A 1€ filter (Casiez et al. 2012) for live points: little smoothing when
 * the pen moves slowly (no jitter on careful letters), less lag when it
 * moves fast.  The first point passes unchanged. */
typedef struct _UrokBoardSmoother UrokBoardSmoother;

/* @min_cutoff (Hz) is the smoothing at rest (lower: smoother), @beta how
 * fast the cutoff rises with speed (higher: less lag).  1.0 and 0.02 suit
 * board units and milliseconds. */
UrokBoardSmoother *urok_board_smoother_new   (double                min_cutoff,
                                              double                beta);
void               urok_board_smoother_free  (UrokBoardSmoother    *self);
void               urok_board_smoother_reset (UrokBoardSmoother    *self);
/* Filters one sample; pressure and time pass unchanged. */
void               urok_board_smoother_push  (UrokBoardSmoother    *self,
                                              const UrokBoardPoint *in,
                                              UrokBoardPoint       *out);

/* Smooths a finished stroke into @out (n_points long, may be @in): the
 * first and last points stay where the pen touched and lifted. */
void urok_board_ink_smooth (const UrokBoardPoint *in,
                            gsize                 n_points,
                            UrokBoardPoint       *out,
                            double                min_cutoff,
                            double                beta);

/* The outline of a stroke with varying width as one closed polygon (x,y
 * pairs appended to @xy), round at both ends; fill it with the non-zero
 * rule.  @min_distance is the level of detail (board units; 0 keeps every
 * point): points closer than it to the last kept one are skipped, then
 * those within a quarter of it of the line through their neighbours
 * (Douglas-Peucker), and the round ends get as few segments as keep their
 * chords within a fifth of it. */
void urok_board_ink_stroke_outline (const UrokBoardItem *stroke,
                                    double               min_distance,
                                    GArray              *xy);

/* Recognises a finished hand-drawn stroke as a line, a rectangle, a
 * triangle or a circle/ellipse, and returns the SHAPE item (with @id, the
 * stroke's layer, colour and width), or NULL when it is none of them (a
 * scribble, a letter). */
UrokBoardItem *urok_board_ink_recognize_shape (const UrokBoardItem *stroke,
                                               guint64              id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokBoardSmoother, urok_board_smoother_free)

G_END_DECLS
