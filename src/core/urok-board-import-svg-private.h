/* urok-board-import-svg-private.h: the SVG 1.2 Tiny pieces the IWB importer
 * reads (colours, styles, transforms, point lists, path data), each checked
 * as hostile input: a number that is not finite or is out of range makes
 * the whole value invalid.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <libxml/tree.h>

#include "urok-board-item.h"

G_BEGIN_DECLS

/* Coordinates in a file beyond this are refused before any transform. */
#define UROK_SVG_MAX_NUMBER 1.0e6

typedef struct
{
  UrokBoardColor stroke;
  UrokBoardColor fill;
  gboolean       has_stroke;
  gboolean       has_fill;
  double         stroke_width;
  double         font_size;
  double         opacity;
  double         stroke_opacity;
  double         fill_opacity;
} UrokSvgStyle;

/* SVG's initial values: black fill, no stroke, width 1, 16 px text. */
void      _urok_svg_style_init      (UrokSvgStyle   *style);
/* Applies @node's presentation attributes, then its style="" (which wins),
 * to @style, the style inherited from the parent.  Values SVG would ignore
 * (unknown colours, negative widths) are ignored. */
void      _urok_svg_style_apply     (UrokSvgStyle   *style,
                                     xmlNode        *node);
/* Colours with the opacities applied. */
UrokBoardColor _urok_svg_style_stroke (const UrokSvgStyle *style);
UrokBoardColor _urok_svg_style_fill   (const UrokSvgStyle *style);

/* "#rgb", "#rrggbb", "rgb(r, g, b)" (numbers or percentages) or a basic
 * colour name; FALSE for anything else.  @none is set for "none". */
gboolean  _urok_svg_parse_color     (const char     *text,
                                     UrokBoardColor *color,
                                     gboolean       *none);
/* A length in user units ("12", "12px", "12.5e1"); FALSE if it is not one
 * or not finite or beyond UROK_SVG_MAX_NUMBER. */
gboolean  _urok_svg_parse_length    (const char     *text,
                                     double         *value);
/* A transform list (matrix, translate, scale, rotate, skewX, skewY)
 * multiplied onto @matrix; FALSE (and @matrix unchanged) if invalid. */
gboolean  _urok_svg_parse_transform (const char     *text,
                                     cairo_matrix_t *matrix);
/* "x,y x,y ..." as doubles (x, y pairs), at most @max_points pairs; NULL
 * if invalid or odd. */
GArray   *_urok_svg_parse_points    (const char     *text,
                                     guint           max_points);

typedef struct
{
  GArray   *xy;     /* doubles, x, y pairs */
  gboolean  closed;
} UrokSvgSubpath;

void      _urok_svg_subpath_free    (UrokSvgSubpath *subpath);

/* Path data (M L H V C S Q T A Z, absolute and relative) as subpaths of
 * at most @max_points points in all; curves are flattened, arcs become a
 * line to their end point.  NULL if invalid. */
GPtrArray *_urok_svg_parse_path     (const char     *d,
                                     guint           max_points);

G_END_DECLS
