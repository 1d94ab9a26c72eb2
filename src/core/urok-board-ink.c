/* urok-board-ink.c: smoothing, pressure, stroke outlines and shape
 * recognition for the whiteboard's pen.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "urok-board-ink.h"
#include "urok-board-item-private.h"

float
urok_board_ink_width (UrokBoardTool tool,
                      float         base_width,
                      float         pressure)
{
  if (tool == UROK_BOARD_TOOL_HIGHLIGHTER)
    return base_width;
  return base_width * (0.4f + 1.2f * CLAMP (pressure, 0.f, 1.f));
}

/* The 1€ filter */

struct _UrokBoardSmoother
{
  double   min_cutoff;
  double   beta;
  gboolean started;
  double   x, y;      /* the filtered position */
  double   dx, dy;    /* the filtered velocity, units per second */
  guint32  time_ms;
};

UrokBoardSmoother *
urok_board_smoother_new (double min_cutoff,
                         double beta)
{
  UrokBoardSmoother *self = g_new0 (UrokBoardSmoother, 1);

  self->min_cutoff = min_cutoff;
  self->beta = beta;
  return self;
}

void
urok_board_smoother_free (UrokBoardSmoother *self)
{
  g_free (self);
}

void
urok_board_smoother_reset (UrokBoardSmoother *self)
{
  self->started = FALSE;
}

static double
smoothing_factor (double cutoff,
                  double dt)
{
  double tau = 1.0 / (2 * G_PI * cutoff);

  return 1.0 / (1.0 + tau / dt);
}

void
urok_board_smoother_push (UrokBoardSmoother    *self,
                          const UrokBoardPoint *in,
                          UrokBoardPoint       *out)
{
  /* The velocity's own cutoff: 1 Hz, as the filter's authors advise. */
  const double d_cutoff = 1.0;
  double dt, a_d, speed, a;

  g_return_if_fail (self != NULL && in != NULL && out != NULL);

  *out = *in;
  if (!self->started)
    {
      self->started = TRUE;
      self->x = in->x;
      self->y = in->y;
      self->dx = self->dy = 0;
      self->time_ms = in->time_ms;
      return;
    }
  /* Devices that repeat a timestamp get the usual 120 Hz. */
  dt = in->time_ms > self->time_ms ? (in->time_ms - self->time_ms) / 1000.0 : 1.0 / 120;
  self->time_ms = in->time_ms;
  a_d = smoothing_factor (d_cutoff, dt);
  self->dx += a_d * ((in->x - self->x) / dt - self->dx);
  self->dy += a_d * ((in->y - self->y) / dt - self->dy);
  speed = hypot (self->dx, self->dy);
  a = smoothing_factor (self->min_cutoff + self->beta * speed, dt);
  self->x += a * (in->x - self->x);
  self->y += a * (in->y - self->y);
  out->x = self->x;
  out->y = self->y;
}

void
urok_board_ink_smooth (const UrokBoardPoint *in,
                       gsize                 n_points,
                       UrokBoardPoint       *out,
                       double                min_cutoff,
                       double                beta)
{
  UrokBoardSmoother smoother = { min_cutoff, beta, FALSE, 0, 0, 0, 0, 0 };
  UrokBoardPoint last;

  if (n_points == 0)
    return;
  last = in[n_points - 1];
  for (gsize i = 0; i < n_points; i++)
    {
      UrokBoardPoint p = in[i];

      urok_board_smoother_push (&smoother, &p, &out[i]);
    }
  /* The filter lags; the stroke ends where the pen lifted. */
  out[n_points - 1] = last;
}

/* Outlines */

static void
push_xy (GArray *xy,
         double  x,
         double  y)
{
  g_array_append_val (xy, x);
  g_array_append_val (xy, y);
}

static void
push_arc (GArray *xy,
          double  cx,
          double  cy,
          double  r,
          double  from,
          int     steps)
{
  /* The points between the ends lie a little outside the circle, so that
   * the polygon has the half disc's area: a round end of few segments
   * keeps its weight. */
  double c, s, ux, uy;

  if (steps < 8)
    r *= sqrt (G_PI / (steps * sin (G_PI / steps)));
  /* Clockwise on screen (y down): round the end ahead of the pen, by
   * turning one vector step by step (one sine and cosine per end, not
   * per point). */
  c = cos (G_PI / steps);
  s = sin (G_PI / steps);
  ux = r * cos (from);
  uy = r * sin (from);
  for (int k = 1; k < steps; k++)
    {
      double t = ux * c + uy * s;

      uy = uy * c - ux * s;
      ux = t;
      push_xy (xy, cx + ux, cy + uy);
    }
}

/* Douglas-Peucker: clears keep[i] for the points of @p that lie within
 * @tolerance of the polyline through the points kept.  The pairs still to
 * look at are on an explicit stack (@stack, room for @n pairs): a stroke
 * may have millions of points. */
static void
simplify (const UrokBoardPoint *p,
          gsize                 n,
          double                tolerance,
          guint8               *keep,
          gsize                *stack)
{
  double tol2 = tolerance * tolerance;
  gsize top = 0;

  memset (keep, 0, n);
  keep[0] = keep[n - 1] = 1;
  stack[top++] = 0;
  stack[top++] = n - 1;
  while (top > 0)
    {
      gsize last = stack[--top], first = stack[--top], worst = 0;
      double worst_d2 = tol2;

      for (gsize i = first + 1; i < last; i++)
        {
          double d2 = _urok_board_point_segment_distance2 (p[i].x, p[i].y, p[first].x, p[first].y,
                                                           p[last].x, p[last].y);

          if (d2 > worst_d2)
            worst_d2 = d2, worst = i;
        }
      if (worst == 0)
        continue;
      keep[worst] = 1;
      stack[top++] = first;
      stack[top++] = worst;
      stack[top++] = worst;
      stack[top++] = last;
    }
}

/* Segments for half a turn of radius @r whose chords stray at most
 * @error from the arc: a round end a pixel wide needs two, not eight. */
static int
arc_steps (double r,
           double error)
{
  if (error <= 0)
    return 8;
  if (error >= r)
    return 2;
  return CLAMP ((int)ceil (G_PI / (2 * acos (1 - error / r))), 2, 8);
}

/* Strokes of up to this many points simplify with buffers on the stack. */
#define SMALL_STROKE 64

void
urok_board_ink_stroke_outline (const UrokBoardItem *stroke,
                               double               min_distance,
                               GArray              *xy)
{
  UrokBoardPoint kept_small[SMALL_STROKE];
  double half_small[SMALL_STROKE];
  guint8 keep_small[SMALL_STROKE];
  gsize stack_small[2 * SMALL_STROKE];
  g_autofree UrokBoardPoint *kept_big = NULL;
  g_autofree double *half_big = NULL;
  g_autofree guint8 *keep_big = NULL;
  g_autofree gsize *stack_big = NULL;
  const UrokBoardPoint *p;
  UrokBoardPoint *kept;
  guint8 *keep;
  double *half;
  gsize n, m = 0;
  double md2 = min_distance * min_distance;
  int steps;

  g_return_if_fail (stroke != NULL && urok_board_item_get_kind (stroke) == UROK_BOARD_ITEM_STROKE);

  p = urok_board_item_get_points (stroke, &n);
  kept = n <= SMALL_STROKE ? kept_small : (kept_big = g_new (UrokBoardPoint, n));
  half = n <= SMALL_STROKE ? half_small : (half_big = g_new (double, n));
  keep = n <= SMALL_STROKE ? keep_small : (keep_big = g_new (guint8, n));
  /* Points closer than @min_distance to the last kept one go, then those
   * within a quarter of it of the line through their neighbours (level of
   * detail: at a small scale most points of handwriting change no
   * pixel). */
  for (gsize i = 0; i < n; i++)
    {
      double dx = m > 0 ? p[i].x - kept[m - 1].x : 0, dy = m > 0 ? p[i].y - kept[m - 1].y : 0;

      if (m == 0 || i == n - 1 || dx * dx + dy * dy >= md2)
        kept[m++] = p[i];
    }
  if (min_distance > 0 && m > 2)
    {
      gsize k = 0;

      simplify (kept, m, min_distance / 4, keep,
                m <= SMALL_STROKE ? stack_small : (stack_big = g_new (gsize, 2 * m)));
      for (gsize i = 0; i < m; i++)
        if (keep[i])
          kept[k++] = kept[i];
      m = k;
    }
  p = kept;
  for (gsize i = 0; i < m; i++)
    half[i] = urok_board_ink_width (stroke->tool, stroke->width, p[i].pressure) / 2;

  if (m == 1 || (m == 2 && p[0].x == p[1].x && p[0].y == p[1].y))
    {
      push_arc (xy, p[0].x, p[0].y, half[0], 0, 17);
      push_arc (xy, p[0].x, p[0].y, half[0], G_PI, 17);
      return;
    }
  /* Left side forward, round end, right side back, round start. */
  for (int side = 0; side < 2; side++)
    {
      for (gsize k = 0; k < m; k++)
        {
          gsize i = side == 0 ? k : m - 1 - k;
          gsize a = i > 0 ? i - 1 : 0, b = i + 1 < m ? i + 1 : m - 1;
          double tx = p[b].x - p[a].x, ty = p[b].y - p[a].y;
          /* No hypot (): these are page coordinates, far from overflow,
           * and hypot's care costs a tenth of the outline. */
          double len = sqrt (tx * tx + ty * ty);
          double nx, ny;

          if (len == 0)
            tx = 1, ty = 0, len = 1;
          nx = -ty / len;
          ny = tx / len;
          if (side == 1)
            nx = -nx, ny = -ny;
          push_xy (xy, p[i].x + nx * half[i], p[i].y + ny * half[i]);
          if (k == m - 1)
            {
              steps = arc_steps (half[i], min_distance / 5);
              push_arc (xy, p[i].x, p[i].y, half[i], atan2 (ny, nx), steps);
            }
        }
    }
}

/* Shape recognition */

typedef struct
{
  double x, y;
} Vec;

static double
dist (Vec a,
      Vec b)
{
  return hypot (a.x - b.x, a.y - b.y);
}

/* @n points evenly spaced along the polyline (closed back to its start if
 * @closed). */
static GArray *
resample (const Vec *v,
          gsize      n,
          gboolean   closed,
          guint      count)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (Vec), count);
  gsize segs = closed ? n : n - 1;
  double total = 0, step, walked = 0, next = 0;

  for (gsize i = 0; i < segs; i++)
    total += dist (v[i], v[(i + 1) % n]);
  step = total / (closed ? count : count - 1);
  for (gsize i = 0; i < segs && out->len < count; i++)
    {
      Vec a = v[i], b = v[(i + 1) % n];
      double len = dist (a, b);

      while (next <= walked + len && out->len < count)
        {
          double t = len > 0 ? (next - walked) / len : 0;
          Vec q = { a.x + t * (b.x - a.x), a.y + t * (b.y - a.y) };

          g_array_append_val (out, q);
          next += step;
        }
      walked += len;
    }
  while (out->len < count)
    g_array_append_val (out, v[closed ? 0 : n - 1]);
  return out;
}

static void
rdp (const Vec *v,
     gsize      first,
     gsize      last,
     double     epsilon,
     GArray    *keep)
{
  double best = -1;
  gsize index = first;

  for (gsize i = first + 1; i < last; i++)
    {
      double d = _urok_board_point_segment_distance2 (v[i].x, v[i].y, v[first].x, v[first].y, v[last].x, v[last].y);

      if (d > best)
        {
          best = d;
          index = i;
        }
    }
  if (best > epsilon * epsilon)
    {
      rdp (v, first, index, epsilon, keep);
      rdp (v, index, last, epsilon, keep);
    }
  else
    g_array_append_val (keep, first);
}

/* The turn at @b between a→b and b→c, in radians (0: straight on). */
static double
turn_angle (Vec a,
            Vec b,
            Vec c)
{
  double a1 = atan2 (b.y - a.y, b.x - a.x), a2 = atan2 (c.y - b.y, c.x - b.x);
  double d = fabs (a2 - a1);

  return d > G_PI ? 2 * G_PI - d : d;
}

/* The corners of a closed resampled path: Douglas–Peucker from the point
 * farthest from the start, then corners that barely turn are dropped (the
 * start itself usually lies on a side). */
static GArray *
find_corners (const GArray *ring,
              double        epsilon)
{
  const Vec *v = (const Vec *)(gpointer)ring->data;
  gsize n = ring->len, far = 0;
  g_autoptr(GArray) closed = g_array_sized_new (FALSE, FALSE, sizeof (Vec), n + 1);
  g_autoptr(GArray) keep = g_array_new (FALSE, FALSE, sizeof (gsize));
  GArray *corners = g_array_new (FALSE, FALSE, sizeof (Vec));
  gboolean dropped = TRUE;

  for (gsize i = 1; i < n; i++)
    if (dist (v[i], v[0]) > dist (v[far], v[0]))
      far = i;
  g_array_append_vals (closed, v, n);
  g_array_append_val (closed, v[0]);
  rdp ((const Vec *)(gpointer)closed->data, 0, far, epsilon, keep);
  rdp ((const Vec *)(gpointer)closed->data, far, n, epsilon, keep);
  for (guint i = 0; i < keep->len; i++)
    g_array_append_val (corners, v[g_array_index (keep, gsize, i) % n]);

  while (dropped && corners->len > 3)
    {
      const Vec *c = (const Vec *)(gpointer)corners->data;
      guint m = corners->len, weakest = 0;
      double least = G_MAXDOUBLE;

      for (guint i = 0; i < m; i++)
        {
          double t = turn_angle (c[(i + m - 1) % m], c[i], c[(i + 1) % m]);

          if (t < least)
            {
              least = t;
              weakest = i;
            }
        }
      dropped = least < G_PI / 6;
      if (dropped)
        g_array_remove_index (corners, weakest);
    }
  return corners;
}

static UrokBoardItem *
make_shape (const UrokBoardItem *stroke,
            guint64              id,
            UrokBoardShapeKind   kind,
            const Vec           *v,
            gsize                n,
            const cairo_matrix_t *matrix)
{
  g_autofree UrokBoardPoint *points = g_new0 (UrokBoardPoint, n);
  UrokBoardItem *shape;

  for (gsize i = 0; i < n; i++)
    points[i] = (UrokBoardPoint) { v[i].x, v[i].y, 0.5f, 0 };
  shape = urok_board_item_new_shape (id, stroke->layer, kind, &stroke->color, stroke->width, NULL, points, n);
  if (matrix != NULL)
    {
      UrokBoardItem *moved = urok_board_item_transformed (shape, matrix);

      urok_board_item_unref (shape);
      shape = moved;
    }
  return shape;
}

/* A box of @w × @h centred at @c and turned by @angle, as local corners
 * and a transform; axis-aligned boxes get no transform. */
static UrokBoardItem *
make_box_shape (const UrokBoardItem *stroke,
                guint64              id,
                UrokBoardShapeKind   kind,
                Vec                  c,
                double               w,
                double               h,
                double               angle)
{
  /* Within 8° of level: drawn by hand, meant level. */
  double snap = G_PI / 2;
  double r = fmod (fabs (angle), snap);
  cairo_matrix_t m;
  Vec corners[2] = { { -w / 2, -h / 2 }, { w / 2, h / 2 } };

  if (r < G_PI / 22.5 || snap - r < G_PI / 22.5)
    {
      /* A quarter turn swaps the sides. */
      if (fmod (fabs (angle) + G_PI / 4, G_PI) > G_PI / 2)
        {
          double t = w;

          w = h;
          h = t;
        }
      corners[0] = (Vec) { c.x - w / 2, c.y - h / 2 };
      corners[1] = (Vec) { c.x + w / 2, c.y + h / 2 };
      return make_shape (stroke, id, kind, corners, 2, NULL);
    }
  cairo_matrix_init_translate (&m, c.x, c.y);
  cairo_matrix_rotate (&m, angle);
  return make_shape (stroke, id, kind, corners, 2, &m);
}

static UrokBoardItem *
try_ellipse (const UrokBoardItem *stroke,
             guint64              id,
             const GArray        *ring)
{
  const Vec *v = (const Vec *)(gpointer)ring->data;
  gsize n = ring->len;
  double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0, angle, ca, sa;
  double umin = G_MAXDOUBLE, umax = -G_MAXDOUBLE, vmin = G_MAXDOUBLE, vmax = -G_MAXDOUBLE;
  double a, b, mean = 0, worst = 0;
  Vec c;

  for (gsize i = 0; i < n; i++)
    {
      mx += v[i].x / n;
      my += v[i].y / n;
    }
  for (gsize i = 0; i < n; i++)
    {
      sxx += (v[i].x - mx) * (v[i].x - mx);
      syy += (v[i].y - my) * (v[i].y - my);
      sxy += (v[i].x - mx) * (v[i].y - my);
    }
  /* The principal axes; the extents along them give the radii. */
  angle = 0.5 * atan2 (2 * sxy, sxx - syy);
  ca = cos (angle);
  sa = sin (angle);
  for (gsize i = 0; i < n; i++)
    {
      double u = (v[i].x - mx) * ca + (v[i].y - my) * sa;
      double w = -(v[i].x - mx) * sa + (v[i].y - my) * ca;

      umin = MIN (umin, u), umax = MAX (umax, u);
      vmin = MIN (vmin, w), vmax = MAX (vmax, w);
    }
  a = (umax - umin) / 2;
  b = (vmax - vmin) / 2;
  if (a < 5 || b < 0.15 * a)
    return NULL;
  c = (Vec) { mx + ca * (umax + umin) / 2 - sa * (vmax + vmin) / 2,
              my + sa * (umax + umin) / 2 + ca * (vmax + vmin) / 2 };
  for (gsize i = 0; i < n; i++)
    {
      double u = (v[i].x - c.x) * ca + (v[i].y - c.y) * sa;
      double w = -(v[i].x - c.x) * sa + (v[i].y - c.y) * ca;
      double e = fabs (sqrt ((u / a) * (u / a) + (w / b) * (w / b)) - 1);

      mean += e / n;
      worst = MAX (worst, e);
    }
  if (mean > 0.08 || worst > 0.25)
    return NULL;
  /* Nearly round: a circle. */
  if (b / a > 0.9)
    a = b = (a + b) / 2;
  return make_box_shape (stroke, id, UROK_BOARD_SHAPE_ELLIPSE, c, 2 * a, 2 * b, a == b ? 0 : angle);
}

static UrokBoardItem *
try_polygon (const UrokBoardItem *stroke,
             guint64              id,
             const GArray        *ring,
             double               perimeter)
{
  g_autoptr(GArray) corners = find_corners (ring, 0.045 * perimeter);
  const Vec *c = (const Vec *)(gpointer)corners->data;

  if (corners->len == 3)
    {
      /* Not a sliver: every side at least a tenth of the perimeter. */
      for (guint i = 0; i < 3; i++)
        if (dist (c[i], c[(i + 1) % 3]) < 0.1 * perimeter)
          return NULL;
      return make_shape (stroke, id, UROK_BOARD_SHAPE_POLYGON, c, 3, NULL);
    }
  if (corners->len == 4)
    {
      Vec centre = { 0, 0 };
      double w, h, angle;

      for (guint i = 0; i < 4; i++)
        if (fabs (turn_angle (c[(i + 3) % 4], c[i], c[(i + 1) % 4]) - G_PI / 2) > G_PI / 9)
          return NULL;
      for (guint i = 0; i < 4; i++)
        {
          centre.x += c[i].x / 4;
          centre.y += c[i].y / 4;
        }
      w = (dist (c[0], c[1]) + dist (c[2], c[3])) / 2;
      h = (dist (c[1], c[2]) + dist (c[3], c[0])) / 2;
      angle = atan2 (c[1].y - c[0].y, c[1].x - c[0].x);
      return make_box_shape (stroke, id, UROK_BOARD_SHAPE_RECTANGLE, centre, w, h, angle);
    }
  return NULL;
}

UrokBoardItem *
urok_board_ink_recognize_shape (const UrokBoardItem *stroke,
                                guint64              id)
{
  g_autofree Vec *v = NULL;
  g_autoptr(GArray) ring = NULL;
  gsize n;
  const UrokBoardPoint *p;
  double length = 0, chord, deviation = 0, gap;
  UrokBoardItem *shape;

  g_return_val_if_fail (stroke != NULL && id != 0, NULL);

  if (stroke->kind != UROK_BOARD_ITEM_STROKE || stroke->n_points < 5)
    return NULL;
  p = urok_board_item_get_points (stroke, &n);
  v = g_new (Vec, n);
  for (gsize i = 0; i < n; i++)
    v[i] = (Vec) { p[i].x, p[i].y };
  for (gsize i = 0; i + 1 < n; i++)
    length += dist (v[i], v[i + 1]);
  if (length < 20)
    return NULL;

  /* A line: the path hardly longer than its chord, nothing far off it. */
  chord = dist (v[0], v[n - 1]);
  for (gsize i = 0; i < n; i++)
    deviation = MAX (deviation, sqrt (_urok_board_point_segment_distance2 (v[i].x, v[i].y, v[0].x, v[0].y,
                                                                           v[n - 1].x, v[n - 1].y)));
  if (chord > 0.93 * length && deviation < 0.05 * chord)
    return make_shape (stroke, id, UROK_BOARD_SHAPE_LINE, (Vec[]) { v[0], v[n - 1] }, 2, NULL);

  /* Anything else must close on itself: letters and scribbles rarely do. */
  gap = chord;
  if (gap > 0.15 * length)
    return NULL;
  ring = resample (v, n, TRUE, 96);
  if ((shape = try_ellipse (stroke, id, ring)) != NULL)
    return shape;
  return try_polygon (stroke, id, ring, length + gap);
}
