/* urok-board-item.c: board items: construction, derived items, geometry.
 * The binary and JSON encodings are in urok-board-item-codec.c.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "urok-board-ink.h"
#include "urok-board-item-private.h"

G_DEFINE_QUARK (urok-board-error-quark, urok_board_error)

G_DEFINE_BOXED_TYPE (UrokBoardRect, urok_board_rect, urok_board_rect_copy, urok_board_rect_free)
G_DEFINE_BOXED_TYPE (UrokBoardItem, urok_board_item, urok_board_item_ref, urok_board_item_unref)

#define ELLIPSE_SEGMENTS 64

UrokBoardRect *
urok_board_rect_copy (const UrokBoardRect *rect)
{
  return g_memdup2 (rect, sizeof *rect);
}

void
urok_board_rect_free (UrokBoardRect *rect)
{
  g_free (rect);
}

gboolean
urok_board_rect_intersects (const UrokBoardRect *a,
                            const UrokBoardRect *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width
         && a->y <= b->y + b->height && b->y <= a->y + a->height;
}

void
urok_board_rect_union (const UrokBoardRect *a,
                       const UrokBoardRect *b,
                       UrokBoardRect       *result)
{
  double x1, y1, x2, y2;

  if (a->width <= 0 && a->height <= 0 && a->x == 0 && a->y == 0)
    {
      *result = *b;
      return;
    }
  x1 = MIN (a->x, b->x);
  y1 = MIN (a->y, b->y);
  x2 = MAX (a->x + a->width, b->x + b->width);
  y2 = MAX (a->y + a->height, b->y + b->height);
  *result = (UrokBoardRect) { x1, y1, x2 - x1, y2 - y1 };
}

UrokBoardItem *
urok_board_item_ref (UrokBoardItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
urok_board_item_unref (UrokBoardItem *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->text);
      g_clear_pointer (&self->bytes, g_bytes_unref);
      g_free (self);
    }
}

UrokBoardItem *
_urok_board_item_new (UrokBoardItemKind kind,
                      guint64           id,
                      guint             layer,
                      gsize             n_points)
{
  UrokBoardItem *self = g_malloc0 (sizeof *self + n_points * sizeof (UrokBoardPoint));

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->id = id;
  self->layer = layer;
  self->n_points = n_points;
  cairo_matrix_init_identity (&self->matrix);
  return self;
}

static void
bounds_add (double *b,
            double  x,
            double  y)
{
  b[0] = MIN (b[0], x);
  b[1] = MIN (b[1], y);
  b[2] = MAX (b[2], x);
  b[3] = MAX (b[3], y);
}

/* Computes what the fields imply: the widest half width and the bounds. */
void
_urok_board_item_finish (UrokBoardItem *self)
{
  double b[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double pad = 0;

  if (self->kind == UROK_BOARD_ITEM_STROKE)
    {
      float max_pressure = 0;

      for (gsize i = 0; i < self->n_points; i++)
        {
          bounds_add (b, self->points[i].x, self->points[i].y);
          max_pressure = MAX (max_pressure, self->points[i].pressure);
        }
      self->max_half_width = urok_board_ink_width (self->tool, self->width, max_pressure) / 2;
      pad = self->max_half_width;
    }
  else
    {
      g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));

      urok_board_item_get_polyline (self, xy);
      for (guint i = 0; i + 1 < xy->len; i += 2)
        bounds_add (b, g_array_index (xy, double, i), g_array_index (xy, double, i + 1));
      pad = self->width / 2;
      if (self->kind == UROK_BOARD_ITEM_SHAPE && self->shape == UROK_BOARD_SHAPE_ARROW)
        pad += MAX (12.0, 4.0 * self->width); /* the head's wings */
    }
  if (b[0] > b[2])
    b[0] = b[1] = b[2] = b[3] = 0;
  self->bounds = (UrokBoardRect) { b[0] - pad, b[1] - pad, b[2] - b[0] + 2 * pad, b[3] - b[1] + 2 * pad };
}

static gboolean
points_valid (const UrokBoardPoint *points,
              gsize                 n_points)
{
  for (gsize i = 0; i < n_points; i++)
    if (!isfinite (points[i].x) || !isfinite (points[i].y) || !isfinite (points[i].pressure)
        || fabsf (points[i].x) > UROK_BOARD_MAX_COORDINATE || fabsf (points[i].y) > UROK_BOARD_MAX_COORDINATE)
      return FALSE;
  return TRUE;
}

static gboolean
rect_valid (const UrokBoardRect *r)
{
  return r != NULL && isfinite (r->x) && isfinite (r->y) && isfinite (r->width) && isfinite (r->height)
         && r->width >= 0 && r->height >= 0;
}

UrokBoardItem *
urok_board_item_new_stroke (guint64               id,
                            guint                 layer,
                            UrokBoardTool         tool,
                            const UrokBoardColor *color,
                            float                 width,
                            const UrokBoardPoint *points,
                            gsize                 n_points)
{
  UrokBoardItem *self;

  g_return_val_if_fail (id != 0, NULL);
  g_return_val_if_fail (color != NULL, NULL);
  g_return_val_if_fail (tool <= UROK_BOARD_TOOL_HIGHLIGHTER, NULL);
  g_return_val_if_fail (n_points >= 1 && n_points <= UROK_BOARD_MAX_POINTS, NULL);
  g_return_val_if_fail (points_valid (points, n_points), NULL);
  g_return_val_if_fail (isfinite (width) && width >= 0, NULL);

  self = _urok_board_item_new (UROK_BOARD_ITEM_STROKE, id, layer, n_points);
  self->tool = tool;
  self->color = *color;
  self->width = width;
  memcpy (self->points, points, n_points * sizeof *points);
  for (gsize i = 0; i < n_points; i++)
    self->points[i].pressure = CLAMP (self->points[i].pressure, 0.f, 1.f);
  _urok_board_item_finish (self);
  return self;
}

UrokBoardItem *
urok_board_item_new_shape (guint64               id,
                           guint                 layer,
                           UrokBoardShapeKind    shape,
                           const UrokBoardColor *color,
                           float                 width,
                           const UrokBoardColor *fill,
                           const UrokBoardPoint *points,
                           gsize                 n_points)
{
  UrokBoardItem *self;

  g_return_val_if_fail (id != 0, NULL);
  g_return_val_if_fail (color != NULL, NULL);
  g_return_val_if_fail (shape <= UROK_BOARD_SHAPE_POLYGON, NULL);
  g_return_val_if_fail (shape == UROK_BOARD_SHAPE_POLYGON ? n_points >= 3 : n_points == 2, NULL);
  g_return_val_if_fail (n_points <= UROK_BOARD_MAX_POINTS, NULL);
  g_return_val_if_fail (points_valid (points, n_points), NULL);
  g_return_val_if_fail (isfinite (width) && width >= 0, NULL);

  self = _urok_board_item_new (UROK_BOARD_ITEM_SHAPE, id, layer, n_points);
  self->shape = shape;
  self->color = *color;
  self->width = width;
  if (fill != NULL)
    {
      self->has_fill = TRUE;
      self->fill = *fill;
    }
  memcpy (self->points, points, n_points * sizeof *points);
  _urok_board_item_finish (self);
  return self;
}

static UrokBoardItem *
new_boxed (UrokBoardItemKind    kind,
           guint64              id,
           guint                layer,
           const UrokBoardRect *box)
{
  UrokBoardItem *self = _urok_board_item_new (kind, id, layer, 0);

  self->box = *box;
  return self;
}

UrokBoardItem *
urok_board_item_new_text (guint64               id,
                          guint                 layer,
                          const char           *text,
                          float                 font_size,
                          const UrokBoardColor *color,
                          const UrokBoardRect  *box)
{
  UrokBoardItem *self;

  g_return_val_if_fail (id != 0, NULL);
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), NULL);
  g_return_val_if_fail (strlen (text) <= UROK_BOARD_MAX_TEXT, NULL);
  g_return_val_if_fail (color != NULL, NULL);
  g_return_val_if_fail (rect_valid (box), NULL);
  g_return_val_if_fail (isfinite (font_size) && font_size > 0, NULL);

  self = new_boxed (UROK_BOARD_ITEM_TEXT, id, layer, box);
  self->text = g_strdup (text);
  self->font_size = font_size;
  self->color = *color;
  _urok_board_item_finish (self);
  return self;
}

UrokBoardItem *
urok_board_item_new_image (guint64              id,
                           guint                layer,
                           GBytes              *bytes,
                           const char          *mime_type,
                           const UrokBoardRect *box)
{
  UrokBoardItem *self;

  g_return_val_if_fail (id != 0, NULL);
  g_return_val_if_fail (bytes != NULL && g_bytes_get_size (bytes) <= UROK_BOARD_MAX_IMAGE, NULL);
  g_return_val_if_fail (mime_type != NULL && g_utf8_validate (mime_type, -1, NULL), NULL);
  g_return_val_if_fail (rect_valid (box), NULL);

  self = new_boxed (UROK_BOARD_ITEM_IMAGE, id, layer, box);
  self->bytes = g_bytes_ref (bytes);
  self->text = g_strdup (mime_type);
  _urok_board_item_finish (self);
  return self;
}

UrokBoardItem *
urok_board_item_new_media (guint64              id,
                           guint                layer,
                           const char          *reference,
                           const UrokBoardRect *box)
{
  UrokBoardItem *self;

  g_return_val_if_fail (id != 0, NULL);
  g_return_val_if_fail (reference != NULL && g_utf8_validate (reference, -1, NULL), NULL);
  g_return_val_if_fail (rect_valid (box), NULL);

  self = new_boxed (UROK_BOARD_ITEM_MEDIA, id, layer, box);
  self->text = g_strdup (reference);
  _urok_board_item_finish (self);
  return self;
}

static UrokBoardItem *
item_copy (const UrokBoardItem *self,
           gsize                n_points)
{
  UrokBoardItem *copy = g_malloc (sizeof *copy + n_points * sizeof (UrokBoardPoint));

  memcpy (copy, self, sizeof *copy + MIN (n_points, self->n_points) * sizeof (UrokBoardPoint));
  g_atomic_ref_count_init (&copy->ref_count);
  copy->n_points = n_points;
  copy->text = g_strdup (self->text);
  if (self->bytes != NULL)
    copy->bytes = g_bytes_ref (self->bytes);
  return copy;
}

UrokBoardItem *
urok_board_item_with_id (const UrokBoardItem *self,
                         guint64              id)
{
  UrokBoardItem *copy;

  g_return_val_if_fail (self != NULL && id != 0, NULL);

  copy = item_copy (self, self->n_points);
  copy->id = id;
  return copy;
}

UrokBoardItem *
urok_board_item_with_layer (const UrokBoardItem *self,
                            guint                layer)
{
  UrokBoardItem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = item_copy (self, self->n_points);
  copy->layer = layer;
  return copy;
}

UrokBoardItem *
urok_board_item_with_points (const UrokBoardItem  *self,
                             guint64               id,
                             const UrokBoardPoint *points,
                             gsize                 n_points)
{
  g_return_val_if_fail (self != NULL && self->kind == UROK_BOARD_ITEM_STROKE, NULL);

  return urok_board_item_new_stroke (id, self->layer, self->tool, &self->color, self->width,
                                     points, n_points);
}

UrokBoardItem *
urok_board_item_transformed (const UrokBoardItem  *self,
                             const cairo_matrix_t *matrix)
{
  UrokBoardItem *copy;

  g_return_val_if_fail (self != NULL && matrix != NULL, NULL);

  copy = item_copy (self, self->n_points);
  if (self->kind == UROK_BOARD_ITEM_STROKE)
    {
      double scale = sqrt (fabs (matrix->xx * matrix->yy - matrix->xy * matrix->yx));

      for (gsize i = 0; i < copy->n_points; i++)
        {
          double x = copy->points[i].x, y = copy->points[i].y;

          cairo_matrix_transform_point (matrix, &x, &y);
          copy->points[i].x = x;
          copy->points[i].y = y;
        }
      copy->width = self->width * scale;
    }
  else
    cairo_matrix_multiply (&copy->matrix, &self->matrix, matrix);
  _urok_board_item_finish (copy);
  return copy;
}

UrokBoardItemKind
urok_board_item_get_kind (const UrokBoardItem *self)
{
  return self->kind;
}

guint64
urok_board_item_get_id (const UrokBoardItem *self)
{
  return self->id;
}

guint
urok_board_item_get_layer (const UrokBoardItem *self)
{
  return self->layer;
}

const UrokBoardRect *
urok_board_item_get_bounds (const UrokBoardItem *self)
{
  return &self->bounds;
}

const cairo_matrix_t *
urok_board_item_get_transform (const UrokBoardItem *self)
{
  return &self->matrix;
}

const UrokBoardColor *
urok_board_item_get_color (const UrokBoardItem *self)
{
  return &self->color;
}

float
urok_board_item_get_width (const UrokBoardItem *self)
{
  return self->width;
}

const UrokBoardPoint *
urok_board_item_get_points (const UrokBoardItem *self,
                            gsize               *n_points)
{
  *n_points = self->n_points;
  return self->n_points > 0 ? self->points : NULL;
}

UrokBoardTool
urok_board_item_get_tool (const UrokBoardItem *self)
{
  return self->tool;
}

UrokBoardShapeKind
urok_board_item_get_shape (const UrokBoardItem *self)
{
  return self->shape;
}

const UrokBoardColor *
urok_board_item_get_fill (const UrokBoardItem *self)
{
  return self->has_fill ? &self->fill : NULL;
}

const UrokBoardRect *
urok_board_item_get_box (const UrokBoardItem *self)
{
  return &self->box;
}

const char *
urok_board_item_get_text (const UrokBoardItem *self)
{
  return self->text;
}

float
urok_board_item_get_font_size (const UrokBoardItem *self)
{
  return self->font_size;
}

GBytes *
urok_board_item_get_bytes (const UrokBoardItem *self)
{
  return self->bytes;
}

gsize
urok_board_item_get_memory_size (const UrokBoardItem *self)
{
  gsize size = sizeof *self + self->n_points * sizeof (UrokBoardPoint);

  if (self->text != NULL)
    size += strlen (self->text) + 1;
  if (self->bytes != NULL)
    size += g_bytes_get_size (self->bytes);
  return size;
}

static gboolean
color_equal (const UrokBoardColor *a,
             const UrokBoardColor *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

gboolean
urok_board_item_equal (const UrokBoardItem *a,
                       const UrokBoardItem *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return a->kind == b->kind && a->id == b->id && a->layer == b->layer && a->tool == b->tool
         && a->shape == b->shape && a->has_fill == b->has_fill && a->width == b->width
         && a->font_size == b->font_size && color_equal (&a->color, &b->color)
         && (!a->has_fill || color_equal (&a->fill, &b->fill))
         && memcmp (&a->matrix, &b->matrix, sizeof a->matrix) == 0
         && memcmp (&a->box, &b->box, sizeof a->box) == 0
         && g_strcmp0 (a->text, b->text) == 0
         && (a->bytes == NULL) == (b->bytes == NULL)
         && (a->bytes == NULL || g_bytes_equal (a->bytes, b->bytes))
         && a->n_points == b->n_points
         && memcmp (a->points, b->points, a->n_points * sizeof (UrokBoardPoint)) == 0;
}

static void
append_point (GArray               *xy,
              const cairo_matrix_t *matrix,
              double                x,
              double                y)
{
  cairo_matrix_transform_point (matrix, &x, &y);
  g_array_append_val (xy, x);
  g_array_append_val (xy, y);
}

gboolean
urok_board_item_get_polyline (const UrokBoardItem *self,
                              GArray              *xy)
{
  const UrokBoardPoint *p = self->points;
  const UrokBoardRect *r = &self->box;

  switch ((UrokBoardItemKind)self->kind)
    {
    case UROK_BOARD_ITEM_STROKE:
      for (gsize i = 0; i < self->n_points; i++)
        append_point (xy, &self->matrix, p[i].x, p[i].y);
      return FALSE;

    case UROK_BOARD_ITEM_SHAPE:
      switch ((UrokBoardShapeKind)self->shape)
        {
        case UROK_BOARD_SHAPE_LINE:
        case UROK_BOARD_SHAPE_ARROW:
          append_point (xy, &self->matrix, p[0].x, p[0].y);
          append_point (xy, &self->matrix, p[1].x, p[1].y);
          return FALSE;
        case UROK_BOARD_SHAPE_RECTANGLE:
          append_point (xy, &self->matrix, p[0].x, p[0].y);
          append_point (xy, &self->matrix, p[1].x, p[0].y);
          append_point (xy, &self->matrix, p[1].x, p[1].y);
          append_point (xy, &self->matrix, p[0].x, p[1].y);
          return TRUE;
        case UROK_BOARD_SHAPE_ELLIPSE:
          {
            double cx = (p[0].x + p[1].x) / 2, cy = (p[0].y + p[1].y) / 2;
            double rx = fabs (p[1].x - p[0].x) / 2, ry = fabs (p[1].y - p[0].y) / 2;

            for (int i = 0; i < ELLIPSE_SEGMENTS; i++)
              {
                double a = 2 * G_PI * i / ELLIPSE_SEGMENTS;

                append_point (xy, &self->matrix, cx + rx * cos (a), cy + ry * sin (a));
              }
            return TRUE;
          }
        case UROK_BOARD_SHAPE_POLYGON:
        default:
          for (gsize i = 0; i < self->n_points; i++)
            append_point (xy, &self->matrix, p[i].x, p[i].y);
          return TRUE;
        }

    case UROK_BOARD_ITEM_TEXT:
    case UROK_BOARD_ITEM_IMAGE:
    case UROK_BOARD_ITEM_MEDIA:
    default:
      append_point (xy, &self->matrix, r->x, r->y);
      append_point (xy, &self->matrix, r->x + r->width, r->y);
      append_point (xy, &self->matrix, r->x + r->width, r->y + r->height);
      append_point (xy, &self->matrix, r->x, r->y + r->height);
      return TRUE;
    }
}

static double
cross (double ox, double oy,
       double ax, double ay,
       double bx, double by)
{
  return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
}

double
_urok_board_segment_segment_distance2 (double ax, double ay,
                                       double bx, double by,
                                       double cx, double cy,
                                       double dx, double dy)
{
  double d1 = cross (cx, cy, dx, dy, ax, ay);
  double d2 = cross (cx, cy, dx, dy, bx, by);
  double d3 = cross (ax, ay, bx, by, cx, cy);
  double d4 = cross (ax, ay, bx, by, dx, dy);
  double best;

  /* Crossing segments; collinear touching ones fall to the distances. */
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return 0;
  best = _urok_board_point_segment_distance2 (ax, ay, cx, cy, dx, dy);
  best = MIN (best, _urok_board_point_segment_distance2 (bx, by, cx, cy, dx, dy));
  best = MIN (best, _urok_board_point_segment_distance2 (cx, cy, ax, ay, bx, by));
  best = MIN (best, _urok_board_point_segment_distance2 (dx, dy, ax, ay, bx, by));
  return best;
}

gboolean
_urok_board_point_in_polygon (const double *xy,
                              gsize         n_points,
                              double        px,
                              double        py)
{
  gboolean inside = FALSE;

  for (gsize i = 0, j = n_points - 1; i < n_points; j = i++)
    {
      double xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * j], yj = xy[2 * j + 1];

      if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

double
_urok_board_stroke_half_width (const UrokBoardItem *stroke,
                               gsize                i)
{
  float p = stroke->points[i].pressure;

  if (i + 1 < stroke->n_points)
    p = MAX (p, stroke->points[i + 1].pressure);
  return urok_board_ink_width (stroke->tool, stroke->width, p) / 2;
}

static gboolean
stroke_touches (const UrokBoardItem *self,
                double ax, double ay,
                double bx, double by,
                double radius)
{
  const UrokBoardPoint *p = self->points;

  if (self->n_points == 1)
    {
      double r = radius + _urok_board_stroke_half_width (self, 0);

      return _urok_board_point_segment_distance2 (p[0].x, p[0].y, ax, ay, bx, by) <= r * r;
    }
  for (gsize i = 0; i + 1 < self->n_points; i++)
    {
      double r = radius + _urok_board_stroke_half_width (self, i);

      /* Cheap rejection before the exact distance. */
      if (MAX (ax, bx) + r < MIN (p[i].x, p[i + 1].x) || MIN (ax, bx) - r > MAX (p[i].x, p[i + 1].x)
          || MAX (ay, by) + r < MIN (p[i].y, p[i + 1].y) || MIN (ay, by) - r > MAX (p[i].y, p[i + 1].y))
        continue;
      if (_urok_board_segment_segment_distance2 (ax, ay, bx, by, p[i].x, p[i].y, p[i + 1].x, p[i + 1].y) <= r * r)
        return TRUE;
    }
  return FALSE;
}

gboolean
urok_board_item_touches_segment (const UrokBoardItem *self,
                                 double               ax,
                                 double               ay,
                                 double               bx,
                                 double               by,
                                 double               radius)
{
  const UrokBoardRect *bb = &self->bounds;
  g_autoptr(GArray) xy = NULL;
  gboolean closed, solid;
  double r = radius + self->width / 2;
  const double *v;
  gsize n;

  g_return_val_if_fail (self != NULL, FALSE);

  if (MAX (ax, bx) + radius < bb->x || MIN (ax, bx) - radius > bb->x + bb->width
      || MAX (ay, by) + radius < bb->y || MIN (ay, by) - radius > bb->y + bb->height)
    return FALSE;
  if (self->kind == UROK_BOARD_ITEM_STROKE)
    return stroke_touches (self, ax, ay, bx, by, radius);

  xy = g_array_new (FALSE, FALSE, sizeof (double));
  closed = urok_board_item_get_polyline (self, xy);
  v = (const double *)(gpointer)xy->data;
  n = xy->len / 2;
  solid = closed && (self->kind != UROK_BOARD_ITEM_SHAPE || self->has_fill);
  if (solid && (_urok_board_point_in_polygon (v, n, ax, ay) || _urok_board_point_in_polygon (v, n, bx, by)))
    return TRUE;
  for (gsize i = 0; i + 1 < n + (closed ? 1 : 0); i++)
    {
      gsize j = (i + 1) % n;

      if (_urok_board_segment_segment_distance2 (ax, ay, bx, by, v[2 * i], v[2 * i + 1], v[2 * j], v[2 * j + 1]) <= r * r)
        return TRUE;
    }
  return FALSE;
}
