/* urok-board-item-private.h: the item's struct and the plane geometry the
 * board's files share (hit tests, erasing, recognition, rendering).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-item.h"

G_BEGIN_DECLS

struct _UrokBoardItem
{
  gatomicrefcount ref_count;
  guint8          kind;
  guint8          tool;
  guint8          shape;
  guint8          has_fill;
  guint64         id;
  guint           layer;
  float           width;
  float           font_size;
  float           max_half_width; /* strokes: at the highest pressure */
  UrokBoardColor  color;
  UrokBoardColor  fill;
  cairo_matrix_t  matrix;
  UrokBoardRect   bounds;
  UrokBoardRect   box;
  char           *text;
  GBytes         *bytes;
  gsize           n_points;
  UrokBoardPoint  points[];
};

/* Limits the decoders enforce (and the constructors never exceed). */
#define UROK_BOARD_MAX_POINTS     (1u << 22)
#define UROK_BOARD_MAX_TEXT       (1u << 20)
#define UROK_BOARD_MAX_IMAGE      (64u << 20)
#define UROK_BOARD_MAX_LAYER      1024u
#define UROK_BOARD_MAX_COORDINATE 1.0e7

/* Makes an item from its parts, taking @text and @bytes; computes the
 * bounds.  Used by the decoders after validating every field. */
UrokBoardItem *_urok_board_item_new       (UrokBoardItemKind     kind,
                                           guint64               id,
                                           guint                 layer,
                                           gsize                 n_points);
void           _urok_board_item_finish    (UrokBoardItem        *self);
/* urok_board_item_serialize() appended to @out: a caller encoding many
 * items reuses one buffer. */
void           _urok_board_item_serialize_to (const UrokBoardItem *self,
                                              GByteArray          *out);

double   _urok_board_segment_segment_distance2 (double ax, double ay,
                                                double bx, double by,
                                                double cx, double cy,
                                                double dx, double dy);
gboolean _urok_board_point_in_polygon          (const double *xy,
                                                gsize         n_points,
                                                double        px,
                                                double        py);
/* Half the width of a stroke between points @i and @i + 1. */
double   _urok_board_stroke_half_width         (const UrokBoardItem *stroke,
                                                gsize                i);

/* A PNG from memory, or NULL.  Other image types are the UI's to decode
 * (the core has no image loaders). */
cairo_surface_t *_urok_board_png_surface (GBytes *bytes);

/* Inline: Douglas-Peucker calls it for every point of every stroke drawn. */
static inline double
_urok_board_point_segment_distance2 (double px, double py,
                                     double ax, double ay,
                                     double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  double qx, qy;

  t = CLAMP (t, 0, 1);
  qx = ax + t * dx - px;
  qy = ay + t * dy - py;
  return qx * qx + qy * qy;
}

G_END_DECLS
