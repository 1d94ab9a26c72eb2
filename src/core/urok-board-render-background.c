/* urok-board-render-background.c: the paper of a board page: exercise-book
 * squares and ruling, music staves, graph paper, a coordinate plane.
 *
 * Lines are one or two device pixels wide whatever the zoom, placed on
 * pixel centres so that they stay crisp on the board's panel.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-item-private.h"
#include "urok-board-render-private.h"

#define MM UROK_BOARD_UNITS_PER_MM

typedef struct
{
  cairo_t            *cr;
  const UrokBoardRect *rect;
  double              scale;
  /* The part to draw in board units: the page, clipped to the rect. */
  double              x1, y1, x2, y2;
  /* Where the page ends (G_MAXDOUBLE: infinite). */
  double              page_x2, page_y2;
} Paper;

static double
device_x (const Paper *p,
          double       x)
{
  return (x - p->rect->x) * p->scale;
}

static double
device_y (const Paper *p,
          double       y)
{
  return (y - p->rect->y) * p->scale;
}

/* A crisp line @px device pixels wide. */
static double
snap (double v,
      double px)
{
  return fmod (px, 2) == 1 ? floor (v) + 0.5 : round (v);
}

static void
hline (const Paper *p,
       double       y,
       double       px)
{
  double dy = snap (device_y (p, y), px);

  cairo_move_to (p->cr, device_x (p, p->x1), dy);
  cairo_line_to (p->cr, device_x (p, p->x2), dy);
}

static void
vline (const Paper *p,
       double       x,
       double       px)
{
  double dx = snap (device_x (p, x), px);

  cairo_move_to (p->cr, dx, device_y (p, p->y1));
  cairo_line_to (p->cr, dx, device_y (p, p->y2));
}

static void
stroke_lines (const Paper *p,
              double       r,
              double       g,
              double       b,
              double       px)
{
  cairo_set_source_rgb (p->cr, r, g, b);
  cairo_set_line_width (p->cr, px);
  cairo_stroke (p->cr);
}

/* Lines every @step from @origin across the visible part; @every-th ones
 * (from the origin) are skipped when @skip_every is set, so that finer and
 * bolder grids do not draw twice. */
static void
grid (const Paper *p,
      double       origin_x,
      double       origin_y,
      double       step,
      double       px,
      int          skip_every)
{
  long first, last;

  /* Lines closer than 3 device pixels would be a grey wash. */
  if (step * p->scale < 3)
    return;
  first = (long)ceil ((p->x1 - origin_x) / step);
  last = (long)floor ((p->x2 - origin_x) / step);
  for (long i = first; i <= last; i++)
    if (skip_every == 0 || i % skip_every != 0)
      vline (p, origin_x + i * step, px);
  first = (long)ceil ((p->y1 - origin_y) / step);
  last = (long)floor ((p->y2 - origin_y) / step);
  for (long i = first; i <= last; i++)
    if (skip_every == 0 || i % skip_every != 0)
      hline (p, origin_y + i * step, px);
}

static void
draw_squares (const Paper *p)
{
  grid (p, 0, 0, 5 * MM, 1, 0);
  stroke_lines (p, 0.62, 0.75, 0.88, 1);
}

static void
draw_lines (const Paper *p,
            gboolean     finite)
{
  double step = 8 * MM;

  for (long i = (long)ceil (p->y1 / step); i <= (long)floor (p->y2 / step); i++)
    if (i > 0)
      hline (p, i * step, 1);
  stroke_lines (p, 0.55, 0.7, 0.86, 1);
  if (finite)
    {
      /* The red margin of an exercise book. */
      vline (p, 25 * MM, 1);
      stroke_lines (p, 0.9, 0.35, 0.35, 1);
    }
}

/* «Косая линейка» of the first years: rows of a 4 mm working line with an
 * 8 mm space between them (the space split by a helper line), crossed by
 * slanted lines at 65° every 10 mm that set the slope of the letters. */
static void
draw_slanted (const Paper *p)
{
  double row = 4 * MM, period = 12 * MM, slant = 10 * MM;
  double cot = 1 / tan (65 * G_PI / 180);

  for (long i = (long)floor (p->y1 / period); i <= (long)ceil (p->y2 / period); i++)
    {
      double top = i * period + period - row;

      if (top >= p->y1 && top <= p->y2)
        hline (p, top, 1);
      if (top + row >= p->y1 && top + row <= p->y2)
        hline (p, top + row, 1);
    }
  stroke_lines (p, 0.45, 0.6, 0.85, 1);
  for (long i = (long)floor (p->y1 / period); i <= (long)ceil (p->y2 / period); i++)
    {
      double mid = i * period + (period - row) / 2;

      if (mid >= p->y1 && mid <= p->y2)
        hline (p, mid, 1);
    }
  stroke_lines (p, 0.75, 0.82, 0.93, 1);
  /* Slanted lines, leaning right as the letters do; those starting left
   * of the page still cross it. */
  cairo_save (p->cr);
  cairo_rectangle (p->cr, device_x (p, p->x1), device_y (p, p->y1),
                   (p->x2 - p->x1) * p->scale, (p->y2 - p->y1) * p->scale);
  cairo_clip (p->cr);
  /* Line i passes through (i × slant, 0): the same lines in every tile. */
  for (long i = (long)floor ((p->x1 + p->y1 * cot) / slant); i <= (long)ceil ((p->x2 + p->y2 * cot) / slant); i++)
    {
      double x0 = i * slant;

      cairo_move_to (p->cr, device_x (p, x0 - p->y2 * cot), device_y (p, p->y2));
      cairo_line_to (p->cr, device_x (p, x0 - p->y1 * cot), device_y (p, p->y1));
    }
  stroke_lines (p, 0.75, 0.82, 0.93, 1);
  cairo_restore (p->cr);
}

static void
draw_staves (const Paper *p)
{
  double space = 2.5 * MM, stave = 4 * space, period = stave + 12 * MM, top = 15 * MM;

  for (long i = (long)floor ((p->y1 - top) / period); i <= (long)ceil ((p->y2 - top) / period); i++)
    for (int line = 0; line < 5; line++)
      {
        double y = top + i * period + line * space;

        if (i >= 0 && y >= p->y1 && y <= p->y2)
          hline (p, y, 1);
      }
  stroke_lines (p, 0.3, 0.3, 0.3, 1);
}

static void
draw_graph (const Paper *p)
{
  grid (p, 0, 0, 1 * MM, 1, 5);
  stroke_lines (p, 0.96, 0.82, 0.66, 1);
  grid (p, 0, 0, 5 * MM, 1, 2);
  stroke_lines (p, 0.92, 0.68, 0.42, 1);
  grid (p, 0, 0, 10 * MM, 2, 0);
  stroke_lines (p, 0.86, 0.55, 0.25, 2);
}

static void
label (const Paper *p,
       double       x,
       double       y,
       const char  *text)
{
  cairo_move_to (p->cr, x, y);
  cairo_show_text (p->cr, text);
}

/* Squares with the axes through the page's centre (an infinite page: at
 * 0, 0); the unit is two squares, a centimetre, as in school. */
static void
draw_coordinates (const Paper *p,
                  double       ox,
                  double       oy)
{
  double unit = 10 * MM, arrow = 8 / p->scale;
  double font = CLAMP (11 * p->scale, 8, 40);

  draw_squares (p);
  if (oy >= p->y1 && oy <= p->y2)
    hline (p, oy, 2);
  if (ox >= p->x1 && ox <= p->x2)
    vline (p, ox, 2);
  stroke_lines (p, 0.15, 0.15, 0.2, 2);

  /* Arrows and names at the page's edges only (a tile in the middle has
   * none; an infinite page's axes never end). */
  cairo_set_source_rgb (p->cr, 0.15, 0.15, 0.2);
  if (p->x2 == p->page_x2)
    {
      cairo_move_to (p->cr, device_x (p, p->x2), device_y (p, oy));
      cairo_rel_line_to (p->cr, -arrow * p->scale * 1.5, -arrow * p->scale / 2);
      cairo_rel_line_to (p->cr, 0, arrow * p->scale);
      cairo_close_path (p->cr);
    }
  if (p->y1 == 0 && p->page_y2 < G_MAXDOUBLE)
    {
      cairo_move_to (p->cr, device_x (p, ox), device_y (p, p->y1));
      cairo_rel_line_to (p->cr, -arrow * p->scale / 2, arrow * p->scale * 1.5);
      cairo_rel_line_to (p->cr, arrow * p->scale, 0);
      cairo_close_path (p->cr);
    }
  cairo_fill (p->cr);

  if (unit * p->scale < 14)
    return;
  cairo_select_font_face (p->cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (p->cr, font);
  if (p->x2 == p->page_x2)
    label (p, device_x (p, p->x2) - font, device_y (p, oy) + font * 1.4, "x");
  if (p->y1 == 0 && p->page_y2 < G_MAXDOUBLE)
    label (p, device_x (p, ox) + font * 0.6, device_y (p, p->y1) + font, "y");
  label (p, device_x (p, ox) - font * 0.8, device_y (p, oy) + font * 1.2, "0");
  for (long i = (long)ceil ((p->x1 - ox) / unit); i <= (long)floor ((MIN (p->x2, p->page_x2 - unit / 2) - ox) / unit); i++)
    if (i != 0)
      {
        g_autofree char *text = g_strdup_printf ("%ld", i);

        cairo_move_to (p->cr, device_x (p, ox + i * unit), device_y (p, oy) - 4);
        cairo_rel_line_to (p->cr, 0, 8);
        label (p, device_x (p, ox + i * unit) - font * 0.3 * strlen (text), device_y (p, oy) + font * 1.3, text);
      }
  for (long i = (long)ceil ((MAX (p->y1, p->page_y2 < G_MAXDOUBLE ? unit / 2 : p->y1) - oy) / unit); i <= (long)floor ((p->y2 - oy) / unit); i++)
    if (i != 0)
      {
        g_autofree char *text = g_strdup_printf ("%ld", -i);

        cairo_move_to (p->cr, device_x (p, ox) - 4, device_y (p, oy + i * unit));
        cairo_rel_line_to (p->cr, 8, 0);
        label (p, device_x (p, ox) - font * (0.6 * strlen (text) + 0.5), device_y (p, oy + i * unit) + font * 0.35,
               text);
      }
  cairo_set_line_width (p->cr, 2);
  cairo_stroke (p->cr);
}

static void
draw_image (const Paper *p,
            double       width,
            double       height,
            GBytes      *data)
{
  cairo_surface_t *image = _urok_board_png_surface (data);
  int iw, ih;

  if (image == NULL)
    return;
  iw = cairo_image_surface_get_width (image);
  ih = cairo_image_surface_get_height (image);
  if (iw > 0 && ih > 0)
    {
      /* Stretched over a finite page; at its own size on an infinite one. */
      double sx = width > 0 ? width / iw : 1, sy = height > 0 ? height / ih : 1;

      cairo_save (p->cr);
      cairo_scale (p->cr, p->scale, p->scale);
      cairo_translate (p->cr, -p->rect->x, -p->rect->y);
      cairo_scale (p->cr, sx, sy);
      cairo_set_source_surface (p->cr, image, 0, 0);
      cairo_paint (p->cr);
      cairo_restore (p->cr);
    }
  cairo_surface_destroy (image);
}

void
urok_board_render_background (cairo_t             *cr,
                              UrokBoardBackground  background,
                              double               page_width,
                              double               page_height,
                              GBytes              *data,
                              const UrokBoardRect *rect,
                              double               scale)
{
  /* Urok's PDF backgrounds hold one page (import and the background
   * action take the page out). */
  _urok_board_render_background_page (cr, background, NULL, page_width, page_height, data, rect, scale);
}

void
_urok_board_render_background_page (cairo_t             *cr,
                                    UrokBoardBackground  background,
                                    const char          *parameter,
                                    double               page_width,
                                    double               page_height,
                                    GBytes              *data,
                                    const UrokBoardRect *rect,
                                    double               scale)
{
  gboolean finite = page_width > 0 && page_height > 0;
  Paper p = { cr, rect, scale, rect->x, rect->y, rect->x + rect->width, rect->y + rect->height,
              finite ? page_width : G_MAXDOUBLE, finite ? page_height : G_MAXDOUBLE };

  g_return_if_fail (cr != NULL && rect != NULL && scale > 0);

  if (finite)
    {
      p.x1 = MAX (p.x1, 0);
      p.y1 = MAX (p.y1, 0);
      p.x2 = MIN (p.x2, page_width);
      p.y2 = MIN (p.y2, page_height);
    }
  if (p.x1 >= p.x2 || p.y1 >= p.y2)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, device_x (&p, p.x1), device_y (&p, p.y1), (p.x2 - p.x1) * scale, (p.y2 - p.y1) * scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  switch (background)
    {
    case UROK_BOARD_BACKGROUND_SQUARES:
      draw_squares (&p);
      break;
    case UROK_BOARD_BACKGROUND_LINES:
      draw_lines (&p, finite);
      break;
    case UROK_BOARD_BACKGROUND_SLANTED:
      draw_slanted (&p);
      break;
    case UROK_BOARD_BACKGROUND_STAVES:
      draw_staves (&p);
      break;
    case UROK_BOARD_BACKGROUND_GRAPH:
      draw_graph (&p);
      break;
    case UROK_BOARD_BACKGROUND_COORDINATES:
      /* Axes on grid lines: the centre rounded to a square. */
      draw_coordinates (&p, finite ? round (page_width / 2 / (5 * MM)) * 5 * MM : 0,
                        finite ? round (page_height / 2 / (5 * MM)) * 5 * MM : 0);
      break;
    case UROK_BOARD_BACKGROUND_IMAGE:
      draw_image (&p, page_width, page_height, data);
      break;
    case UROK_BOARD_BACKGROUND_PDF:
      {
        guint64 number = 1;

        if (parameter != NULL && !g_ascii_string_to_unsigned (parameter, 10, 1, G_MAXINT, &number, NULL))
          number = 1;
        _urok_board_render_pdf_page (cr, data, (guint)number, page_width, page_height, rect, scale);
        break;
      }
    case UROK_BOARD_BACKGROUND_PLAIN:
    default:
      break;
    }
  cairo_restore (cr);
}
