/* urok-board-instrument.h: the drawing instruments' geometry (ruler, set
 * squares, protractor, compass): where each is, its outline, and where a
 * pen near it is pulled to.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  UROK_BOARD_INSTRUMENT_RULER,
  UROK_BOARD_INSTRUMENT_SET_SQUARE_30_60,  /* 30°-60°-90° */
  UROK_BOARD_INSTRUMENT_SET_SQUARE_45,     /* 45°-45°-90° */
  UROK_BOARD_INSTRUMENT_PROTRACTOR,
  UROK_BOARD_INSTRUMENT_COMPASS,
} UrokBoardInstrumentKind;

/* A point of an instrument's geometry, in page units. */
typedef struct
{
  double x;
  double y;
} UrokBoardVec2;

#define UROK_TYPE_BOARD_INSTRUMENT (urok_board_instrument_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardInstrument, urok_board_instrument, UROK, BOARD_INSTRUMENT, GObject)

/* Each instrument has a local frame: its origin is at (x, y) on the page,
 * its x axis turned by angle (radians, clockwise on screen, y down):
 *   ruler       the measuring edge from (0, 0) to (size, 0); the body below
 *               it, size / 8 wide
 *   set square  the right angle at (0, 0), one leg to (size, 0), the other
 *               up to (0, -size · tan 30°) or (0, -size)
 *   protractor  centre at (0, 0), radius size, the semicircle above the
 *               baseline from (-size, 0) to (size, 0); 0° points along +x
 *   compass     the needle at (0, 0), the pencil at (size, 0) */
UrokBoardInstrument     *urok_board_instrument_new        (UrokBoardInstrumentKind kind,
                                                           double                  size);
UrokBoardInstrumentKind  urok_board_instrument_get_kind   (UrokBoardInstrument    *self);
double                   urok_board_instrument_get_size   (UrokBoardInstrument    *self);
void                     urok_board_instrument_set_size   (UrokBoardInstrument    *self,
                                                           double                  size);
void                     urok_board_instrument_get_position (UrokBoardInstrument  *self,
                                                             double               *x,
                                                             double               *y);
void                     urok_board_instrument_set_position (UrokBoardInstrument  *self,
                                                             double                x,
                                                             double                y);
double                   urok_board_instrument_get_angle  (UrokBoardInstrument    *self);
void                     urok_board_instrument_set_angle  (UrokBoardInstrument    *self,
                                                           double                  angle);
/* Body width of a ruler (size / 8); 0 for the others. */
double                   urok_board_instrument_get_width  (UrokBoardInstrument    *self);

/* Frames: a local point on the page, and back. */
void                     urok_board_instrument_to_page    (UrokBoardInstrument    *self,
                                                           double                  lx,
                                                           double                  ly,
                                                           double                 *x,
                                                           double                 *y);
void                     urok_board_instrument_to_local   (UrokBoardInstrument    *self,
                                                           double                  x,
                                                           double                  y,
                                                           double                 *lx,
                                                           double                 *ly);

/* Moves: by an offset; by a turn of @delta radians about (px, py). */
void                     urok_board_instrument_move       (UrokBoardInstrument    *self,
                                                           double                  dx,
                                                           double                  dy);
void                     urok_board_instrument_rotate     (UrokBoardInstrument    *self,
                                                           double                  delta,
                                                           double                  px,
                                                           double                  py);
/* The point it turns about when rotated by a handle or two fingers: the
 * centroid of a ruler or set square, the centre of a protractor, the
 * needle of a compass. */
void                     urok_board_instrument_get_pivot  (UrokBoardInstrument    *self,
                                                           double                 *x,
                                                           double                 *y);

/* The outline on the page, a closed polygon (free with g_free); arcs are
 * polylines of 64 segments per half turn. */
UrokBoardVec2           *urok_board_instrument_get_outline (UrokBoardInstrument   *self,
                                                            guint                 *n_points);
gboolean                 urok_board_instrument_contains   (UrokBoardInstrument    *self,
                                                           double                  x,
                                                           double                  y);

/* A pen at (x, y) within @tolerance of a working edge (the ruler's two long
 * edges, a set square's three sides, the protractor's arc and baseline, the
 * compass's circle) goes to the nearest point of the nearest such edge:
 * TRUE and (*sx, *sy).  Farther off: FALSE and the point unchanged. */
gboolean                 urok_board_instrument_snap       (UrokBoardInstrument    *self,
                                                           double                  x,
                                                           double                  y,
                                                           double                  tolerance,
                                                           double                 *sx,
                                                           double                 *sy);

/* Protractor: the scale reading of the ray from the centre through (x, y),
 * in degrees from the baseline's +x end towards the arc, in (-180, 180]. */
double                   urok_board_instrument_protractor_reading (UrokBoardInstrument *self,
                                                                   double               x,
                                                                   double               y);
/* Protractor: the angle at its centre between the rays through a and b,
 * in degrees, 0..180. */
double                   urok_board_instrument_protractor_angle   (UrokBoardInstrument *self,
                                                                   double               ax,
                                                                   double               ay,
                                                                   double               bx,
                                                                   double               by);

/* Compass: turns the pencil to point at (x, y) and returns the turn in
 * radians, the shorter way round (-π, π], so that summing the returns of
 * a drag gives the swept angle however many times it goes round. */
double                   urok_board_instrument_compass_turn_to    (UrokBoardInstrument *self,
                                                                   double               x,
                                                                   double               y);
/* Compass: the arc its pencil draws from @start (radians, the angle's
 * convention) through @sweep (signed; beyond a full turn is one circle),
 * as page points no more than @max_step apart (g_free them). */
UrokBoardVec2           *urok_board_instrument_compass_arc        (UrokBoardInstrument *self,
                                                                   double               start,
                                                                   double               sweep,
                                                                   double               max_step,
                                                                   guint               *n_points);

G_END_DECLS
