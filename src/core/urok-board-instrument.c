/* urok-board-instrument.c: the drawing instruments' geometry.
 *
 * Everything is computed in the instrument's local frame (where its edges
 * are axis-aligned or centred on the origin) and turned onto the page at
 * the end, so rotation costs nothing in the edge tests.  No GTK: the
 * canvas, the views and the headless tests share this.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-instrument.h"

#define ARC_SEGMENTS 64   /* per half turn, for outlines */
#define RULER_WIDTH_RATIO (1.0 / 8.0)
#define COMPASS_ARM_RATIO 0.08

struct _UrokBoardInstrument
{
  GObject                 parent_instance;

  UrokBoardInstrumentKind kind;
  double                  size;
  double                  x, y;
  double                  angle;
};

G_DEFINE_FINAL_TYPE (UrokBoardInstrument, urok_board_instrument, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

UrokBoardInstrument *
urok_board_instrument_new (UrokBoardInstrumentKind kind,
                           double                  size)
{
  UrokBoardInstrument *self;

  g_return_val_if_fail (kind <= UROK_BOARD_INSTRUMENT_COMPASS, NULL);
  g_return_val_if_fail (size > 0, NULL);

  self = g_object_new (UROK_TYPE_BOARD_INSTRUMENT, NULL);
  self->kind = kind;
  self->size = size;
  return self;
}

UrokBoardInstrumentKind
urok_board_instrument_get_kind (UrokBoardInstrument *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT (self), UROK_BOARD_INSTRUMENT_RULER);
  return self->kind;
}

double
urok_board_instrument_get_size (UrokBoardInstrument *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT (self), 0);
  return self->size;
}

void
urok_board_instrument_set_size (UrokBoardInstrument *self,
                                double               size)
{
  g_return_if_fail (UROK_IS_BOARD_INSTRUMENT (self));
  g_return_if_fail (size > 0);

  if (self->size == size)
    return;
  self->size = size;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
urok_board_instrument_get_position (UrokBoardInstrument *self,
                                    double              *x,
                                    double              *y)
{
  g_return_if_fail (UROK_IS_BOARD_INSTRUMENT (self));
  if (x != NULL)
    *x = self->x;
  if (y != NULL)
    *y = self->y;
}

void
urok_board_instrument_set_position (UrokBoardInstrument *self,
                                    double               x,
                                    double               y)
{
  g_return_if_fail (UROK_IS_BOARD_INSTRUMENT (self));
  g_return_if_fail (isfinite (x) && isfinite (y));

  if (self->x == x && self->y == y)
    return;
  self->x = x;
  self->y = y;
  g_signal_emit (self, signals[CHANGED], 0);
}

double
urok_board_instrument_get_angle (UrokBoardInstrument *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT (self), 0);
  return self->angle;
}

void
urok_board_instrument_set_angle (UrokBoardInstrument *self,
                                 double               angle)
{
  g_return_if_fail (UROK_IS_BOARD_INSTRUMENT (self));
  g_return_if_fail (isfinite (angle));

  /* Kept in (-π, π] so that turning round and round loses no precision. */
  angle = remainder (angle, 2 * G_PI);
  if (self->angle == angle)
    return;
  self->angle = angle;
  g_signal_emit (self, signals[CHANGED], 0);
}

double
urok_board_instrument_get_width (UrokBoardInstrument *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT (self), 0);
  return self->kind == UROK_BOARD_INSTRUMENT_RULER ? self->size * RULER_WIDTH_RATIO : 0;
}

void
urok_board_instrument_to_page (UrokBoardInstrument *self,
                               double               lx,
                               double               ly,
                               double              *x,
                               double              *y)
{
  double c = cos (self->angle), s = sin (self->angle);

  *x = self->x + lx * c - ly * s;
  *y = self->y + lx * s + ly * c;
}

void
urok_board_instrument_to_local (UrokBoardInstrument *self,
                                double               x,
                                double               y,
                                double              *lx,
                                double              *ly)
{
  double c = cos (self->angle), s = sin (self->angle);
  double dx = x - self->x, dy = y - self->y;

  *lx = dx * c + dy * s;
  *ly = -dx * s + dy * c;
}

void
urok_board_instrument_move (UrokBoardInstrument *self,
                            double               dx,
                            double               dy)
{
  g_return_if_fail (UROK_IS_BOARD_INSTRUMENT (self));
  urok_board_instrument_set_position (self, self->x + dx, self->y + dy);
}

void
urok_board_instrument_rotate (UrokBoardInstrument *self,
                              double               delta,
                              double               px,
                              double               py)
{
  double c = cos (delta), s = sin (delta);
  double dx, dy;

  g_return_if_fail (UROK_IS_BOARD_INSTRUMENT (self));
  g_return_if_fail (isfinite (delta));

  dx = self->x - px;
  dy = self->y - py;
  /* One signal for the whole move. */
  self->x = px + dx * c - dy * s;
  self->y = py + dx * s + dy * c;
  self->angle = remainder (self->angle + delta, 2 * G_PI);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The straight working edges in the local frame: pairs of end points. */
static guint
local_edges (UrokBoardInstrument *self,
             UrokBoardVec2        edges[3][2])
{
  double s = self->size;

  switch (self->kind)
    {
    case UROK_BOARD_INSTRUMENT_RULER:
      edges[0][0] = (UrokBoardVec2) { 0, 0 };
      edges[0][1] = (UrokBoardVec2) { s, 0 };
      edges[1][0] = (UrokBoardVec2) { 0, s * RULER_WIDTH_RATIO };
      edges[1][1] = (UrokBoardVec2) { s, s * RULER_WIDTH_RATIO };
      return 2;
    case UROK_BOARD_INSTRUMENT_SET_SQUARE_30_60:
    case UROK_BOARD_INSTRUMENT_SET_SQUARE_45:
      {
        double h = self->kind == UROK_BOARD_INSTRUMENT_SET_SQUARE_45 ? s : s * tan (G_PI / 6);

        edges[0][0] = (UrokBoardVec2) { 0, 0 };
        edges[0][1] = (UrokBoardVec2) { s, 0 };
        edges[1][0] = (UrokBoardVec2) { s, 0 };
        edges[1][1] = (UrokBoardVec2) { 0, -h };
        edges[2][0] = (UrokBoardVec2) { 0, -h };
        edges[2][1] = (UrokBoardVec2) { 0, 0 };
        return 3;
      }
    case UROK_BOARD_INSTRUMENT_PROTRACTOR:
      edges[0][0] = (UrokBoardVec2) { -s, 0 };
      edges[0][1] = (UrokBoardVec2) { s, 0 };
      return 1;
    case UROK_BOARD_INSTRUMENT_COMPASS:
    default:
      return 0;
    }
}

void
urok_board_instrument_get_pivot (UrokBoardInstrument *self,
                                 double              *x,
                                 double              *y)
{
  double lx = 0, ly = 0;

  g_return_if_fail (UROK_IS_BOARD_INSTRUMENT (self));

  switch (self->kind)
    {
    case UROK_BOARD_INSTRUMENT_RULER:
      lx = self->size / 2;
      ly = self->size * RULER_WIDTH_RATIO / 2;
      break;
    case UROK_BOARD_INSTRUMENT_SET_SQUARE_30_60:
      lx = self->size / 3;
      ly = -self->size * tan (G_PI / 6) / 3;
      break;
    case UROK_BOARD_INSTRUMENT_SET_SQUARE_45:
      lx = self->size / 3;
      ly = -self->size / 3;
      break;
    case UROK_BOARD_INSTRUMENT_PROTRACTOR:
    case UROK_BOARD_INSTRUMENT_COMPASS:
    default:
      break;
    }
  urok_board_instrument_to_page (self, lx, ly, x, y);
}

UrokBoardVec2 *
urok_board_instrument_get_outline (UrokBoardInstrument *self,
                                   guint               *n_points)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (UrokBoardVec2));
  double s;

  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  s = self->size;
  switch (self->kind)
    {
    case UROK_BOARD_INSTRUMENT_RULER:
      {
        double w = s * RULER_WIDTH_RATIO;
        UrokBoardVec2 corners[] = { { 0, 0 }, { s, 0 }, { s, w }, { 0, w } };

        g_array_append_vals (points, corners, G_N_ELEMENTS (corners));
        break;
      }
    case UROK_BOARD_INSTRUMENT_SET_SQUARE_30_60:
    case UROK_BOARD_INSTRUMENT_SET_SQUARE_45:
      {
        UrokBoardVec2 edges[3][2];

        local_edges (self, edges);
        for (guint i = 0; i < 3; i++)
          g_array_append_val (points, edges[i][0]);
        break;
      }
    case UROK_BOARD_INSTRUMENT_PROTRACTOR:
      for (guint i = 0; i <= ARC_SEGMENTS; i++)
        {
          double a = G_PI * i / ARC_SEGMENTS;
          UrokBoardVec2 p = { s * cos (a), -s * sin (a) };

          g_array_append_val (points, p);
        }
      break;
    case UROK_BOARD_INSTRUMENT_COMPASS:
    default:
      {
        /* The arm from the needle to the pencil: what a hand grabs. */
        double w = s * COMPASS_ARM_RATIO;
        UrokBoardVec2 corners[] = { { 0, -w }, { s, -w }, { s, w }, { 0, w } };

        g_array_append_vals (points, corners, G_N_ELEMENTS (corners));
        break;
      }
    }

  for (guint i = 0; i < points->len; i++)
    {
      UrokBoardVec2 *p = &g_array_index (points, UrokBoardVec2, i);

      urok_board_instrument_to_page (self, p->x, p->y, &p->x, &p->y);
    }
  *n_points = points->len;
  return (UrokBoardVec2 *)(void *)g_array_free (g_steal_pointer (&points), FALSE);
}

gboolean
urok_board_instrument_contains (UrokBoardInstrument *self,
                                double               x,
                                double               y)
{
  g_autofree UrokBoardVec2 *outline = NULL;
  gboolean inside = FALSE;
  guint n;

  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT (self), FALSE);

  /* Even-odd crossings: the outlines are simple polygons. */
  outline = urok_board_instrument_get_outline (self, &n);
  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      const UrokBoardVec2 *a = &outline[i], *b = &outline[j];

      if ((a->y > y) != (b->y > y) &&
          x < (b->x - a->x) * (y - a->y) / (b->y - a->y) + a->x)
        inside = !inside;
    }
  return inside;
}

/* The point of segment a-b nearest to p, and its squared distance. */
static double
nearest_on_segment (const UrokBoardVec2 *a,
                    const UrokBoardVec2 *b,
                    const UrokBoardVec2 *p,
                    UrokBoardVec2       *out)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p->x - a->x) * dx + (p->y - a->y) * dy) / len2 : 0;

  t = CLAMP (t, 0.0, 1.0);
  out->x = a->x + t * dx;
  out->y = a->y + t * dy;
  return (p->x - out->x) * (p->x - out->x) + (p->y - out->y) * (p->y - out->y);
}

gboolean
urok_board_instrument_snap (UrokBoardInstrument *self,
                            double               x,
                            double               y,
                            double               tolerance,
                            double              *sx,
                            double              *sy)
{
  UrokBoardVec2 edges[3][2];
  UrokBoardVec2 p, best = { 0, 0 };
  double best_d2 = G_MAXDOUBLE;
  guint n_edges;

  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT (self), FALSE);
  g_return_val_if_fail (sx != NULL && sy != NULL, FALSE);

  *sx = x;
  *sy = y;
  if (!(tolerance >= 0) || !isfinite (x) || !isfinite (y))
    return FALSE;

  urok_board_instrument_to_local (self, x, y, &p.x, &p.y);
  n_edges = local_edges (self, edges);
  for (guint i = 0; i < n_edges; i++)
    {
      UrokBoardVec2 q;
      double d2 = nearest_on_segment (&edges[i][0], &edges[i][1], &p, &q);

      if (d2 < best_d2)
        {
          best_d2 = d2;
          best = q;
        }
    }

  /* The arcs: the compass's whole circle, the protractor's upper half. */
  if (self->kind == UROK_BOARD_INSTRUMENT_COMPASS || self->kind == UROK_BOARD_INSTRUMENT_PROTRACTOR)
    {
      double r = hypot (p.x, p.y);
      double a = atan2 (p.y, p.x);
      UrokBoardVec2 q;
      double d2;

      if (self->kind == UROK_BOARD_INSTRUMENT_PROTRACTOR && a > 0)
        /* Below the baseline: the arc's nearest point is an end of it. */
        a = p.x >= 0 ? 0 : -G_PI;
      if (r == 0)
        a = self->kind == UROK_BOARD_INSTRUMENT_PROTRACTOR ? -G_PI / 2 : 0;
      q.x = self->size * cos (a);
      q.y = self->size * sin (a);
      d2 = (p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y);
      if (d2 < best_d2)
        {
          best_d2 = d2;
          best = q;
        }
    }

  if (best_d2 > tolerance * tolerance)
    return FALSE;
  urok_board_instrument_to_page (self, best.x, best.y, sx, sy);
  return TRUE;
}

double
urok_board_instrument_protractor_reading (UrokBoardInstrument *self,
                                          double               x,
                                          double               y)
{
  double lx, ly, degrees;

  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT (self), 0);

  urok_board_instrument_to_local (self, x, y, &lx, &ly);
  /* The arc is on the local -y side: readings grow towards it. */
  degrees = atan2 (-ly, lx) * 180 / G_PI;
  return degrees == -180 ? 180 : degrees;
}

double
urok_board_instrument_protractor_angle (UrokBoardInstrument *self,
                                        double               ax,
                                        double               ay,
                                        double               bx,
                                        double               by)
{
  double a, b, d;

  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT (self), 0);

  a = urok_board_instrument_protractor_reading (self, ax, ay);
  b = urok_board_instrument_protractor_reading (self, bx, by);
  d = fabs (a - b);
  return d > 180 ? 360 - d : d;
}

double
urok_board_instrument_compass_turn_to (UrokBoardInstrument *self,
                                       double               x,
                                       double               y)
{
  double target, delta;

  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT (self), 0);

  if (x == self->x && y == self->y)
    return 0;
  target = atan2 (y - self->y, x - self->x);
  delta = remainder (target - self->angle, 2 * G_PI);
  urok_board_instrument_set_angle (self, target);
  return delta;
}

UrokBoardVec2 *
urok_board_instrument_compass_arc (UrokBoardInstrument *self,
                                   double               start,
                                   double               sweep,
                                   double               max_step,
                                   guint               *n_points)
{
  UrokBoardVec2 *points;
  double r, step_angle;
  guint n_steps;

  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);
  g_return_val_if_fail (max_step > 0, NULL);

  r = self->size;
  sweep = CLAMP (sweep, -2 * G_PI, 2 * G_PI);
  /* A chord of angle θ is 2r·sin(θ/2); keep each no longer than max_step. */
  step_angle = max_step >= 2 * r ? G_PI : 2 * asin (max_step / (2 * r));
  n_steps = MAX (1, (guint)ceil (fabs (sweep) / step_angle));
  points = g_new (UrokBoardVec2, n_steps + 1);
  for (guint i = 0; i <= n_steps; i++)
    {
      double a = start + sweep * i / n_steps;

      points[i].x = self->x + r * cos (a);
      points[i].y = self->y + r * sin (a);
    }
  *n_points = n_steps + 1;
  return points;
}

static void
urok_board_instrument_class_init (UrokBoardInstrumentClass *klass)
{
  /* Any change of place, turn or size: views redraw. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
urok_board_instrument_init (UrokBoardInstrument *self)
{
}
