/* urok-board-instrument-view-draw.c: how the instruments look: translucent
 * bodies with real-size scales (mm and cm on the ruler and set squares,
 * degrees on the protractor) and round grips a finger can find.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "urok-board-instrument-view-private.h"

#define HR (UROK_BOARD_INSTRUMENT_HANDLE_SIZE / 2.0)
#define GAP 6.0

/* A grip's place in the instrument's local frame. */
static gboolean
local_handle (UrokBoardInstrument *tool,
              InstrumentPart       part,
              double              *lx,
              double              *ly)
{
  double size = urok_board_instrument_get_size (tool);
  UrokBoardInstrumentKind kind = urok_board_instrument_get_kind (tool);

  if (kind == UROK_BOARD_INSTRUMENT_COMPASS)
    {
      switch (part)
        {
        case INSTRUMENT_PART_BODY:     /* the needle */
          *lx = 0;
          *ly = 0;
          return TRUE;
        case INSTRUMENT_PART_PENCIL:
          *lx = size;
          *ly = 0;
          return TRUE;
        case INSTRUMENT_PART_RADIUS:
          *lx = size + 2 * HR + GAP;
          *ly = 0;
          return TRUE;
        case INSTRUMENT_PART_NONE:
        case INSTRUMENT_PART_ROTATE:
        default:
          return FALSE;
        }
    }
  if (part != INSTRUMENT_PART_ROTATE)
    return FALSE;
  /* Beyond the far end, clear of the scale. */
  *lx = size + HR + GAP;
  *ly = kind == UROK_BOARD_INSTRUMENT_RULER ? urok_board_instrument_get_width (tool) / 2 : 0;
  return TRUE;
}

gboolean
_urok_board_instrument_handle (UrokBoardInstrument *tool,
                               InstrumentPart       part,
                               double              *x,
                               double              *y)
{
  double lx, ly;

  if (!local_handle (tool, part, &lx, &ly))
    return FALSE;
  urok_board_instrument_to_page (tool, lx, ly, x, y);
  return TRUE;
}

void
_urok_board_instrument_bounds (UrokBoardInstrument *tool,
                               graphene_rect_t     *bounds)
{
  g_autofree UrokBoardVec2 *outline = NULL;
  InstrumentPart parts[] = { INSTRUMENT_PART_BODY, INSTRUMENT_PART_ROTATE, INSTRUMENT_PART_PENCIL,
                             INSTRUMENT_PART_RADIUS };
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double margin = HR + 4;
  guint n;

  outline = urok_board_instrument_get_outline (tool, &n);
  for (guint i = 0; i < n; i++)
    {
      x0 = MIN (x0, outline[i].x);
      y0 = MIN (y0, outline[i].y);
      x1 = MAX (x1, outline[i].x);
      y1 = MAX (y1, outline[i].y);
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      double x, y;

      if (_urok_board_instrument_handle (tool, parts[i], &x, &y))
        {
          x0 = MIN (x0, x);
          y0 = MIN (y0, y);
          x1 = MAX (x1, x);
          y1 = MAX (y1, y);
        }
    }
  /* A compass's circle is drawn too. */
  if (urok_board_instrument_get_kind (tool) == UROK_BOARD_INSTRUMENT_COMPASS)
    {
      double cx, cy, r = urok_board_instrument_get_size (tool);

      urok_board_instrument_get_position (tool, &cx, &cy);
      x0 = MIN (x0, cx - r);
      y0 = MIN (y0, cy - r);
      x1 = MAX (x1, cx + r);
      y1 = MAX (y1, cy + r);
    }
  graphene_rect_init (bounds, x0 - margin, y0 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin);
}

static void
draw_label (cairo_t    *cr,
            const char *text,
            double      x,
            double      y,
            double      size_px,
            double      angle)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int w, h;

  pango_font_description_set_absolute_size (font, MAX (size_px, 6) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  cairo_move_to (cr, -w / 2.0, -h / 2.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
body_path_fill (cairo_t *cr)
{
  cairo_set_source_rgba (cr, 1.0, 0.97, 0.82, 0.88);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.25, 0.22, 0.15, 0.9);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

/* Millimetre marks into the body from the edge y = 0, downwards if @down
 * (else upwards), for @length pixels; centimetres numbered. */
static void
draw_mm_scale (cairo_t *cr,
               double   length,
               double   depth,
               double   ppm,
               gboolean down)
{
  int n_mm = (int)floor (length / ppm + 1e-6);
  double sign = down ? 1 : -1;
  /* Millimetres closer than 1.5 px would be a grey blur: halves then. */
  int every = ppm >= 1.5 ? 1 : 5;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, 1);
  for (int i = 0; i <= n_mm; i += every)
    {
      /* Centred on whole pixels so the 1-px marks stay crisp. */
      double x = floor (i * ppm) + 0.5;
      double len = i % 10 == 0 ? 0.45 * depth : i % 5 == 0 ? 0.3 * depth : 0.18 * depth;

      cairo_move_to (cr, x, 0);
      cairo_line_to (cr, x, sign * len);
    }
  cairo_stroke (cr);
  for (int i = 10; i < n_mm; i += 10)
    {
      g_autofree char *text = g_strdup_printf ("%d", i / 10);

      /* Two digits must fit between centimetre marks. */
      draw_label (cr, text, floor (i * ppm) + 0.5, sign * 0.62 * depth, MIN (0.2 * depth, 4.5 * ppm), 0);
    }
  /* TRANSLATORS: centimetres, the unit written on the ruler's scale. */
  draw_label (cr, _("cm"), 4 * ppm, sign * 0.62 * depth, MIN (0.16 * depth, 3.5 * ppm), 0);
}

static void
draw_protractor (cairo_t *cr,
                 double   r)
{
  cairo_new_path (cr);
  cairo_arc_negative (cr, 0, 0, r, 0, -G_PI);
  cairo_close_path (cr);
  body_path_fill (cr);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, 1);
  for (int d = 0; d <= 180; d++)
    {
      double a = -d * G_PI / 180;
      double len = d % 10 == 0 ? 0.12 * r : d % 5 == 0 ? 0.08 * r : 0.045 * r;

      cairo_move_to (cr, r * cos (a), r * sin (a));
      cairo_line_to (cr, (r - len) * cos (a), (r - len) * sin (a));
    }
  /* The centre and the baseline the angle is laid from. */
  cairo_move_to (cr, -0.06 * r, 0);
  cairo_line_to (cr, 0.06 * r, 0);
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, 0, -0.06 * r);
  cairo_stroke (cr);
  for (int d = 0; d <= 180; d += 10)
    {
      double a = -d * G_PI / 180;
      g_autofree char *outer = g_strdup_printf ("%d", d);
      g_autofree char *inner = g_strdup_printf ("%d", 180 - d);

      /* Two scales, as on a school protractor: from either end. */
      draw_label (cr, outer, 0.8 * r * cos (a), 0.8 * r * sin (a), 0.06 * r, a + G_PI / 2);
      draw_label (cr, inner, 0.68 * r * cos (a), 0.68 * r * sin (a), 0.045 * r, a + G_PI / 2);
    }
}

static void
draw_compass (cairo_t *cr,
              double   r)
{
  double dashes[] = { 6, 6 };

  cairo_set_source_rgba (cr, 0.2, 0.3, 0.7, 0.5);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_arc (cr, 0, 0, r, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_source_rgba (cr, 0.3, 0.3, 0.35, 0.95);
  cairo_set_line_width (cr, 8);
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, r, 0);
  cairo_stroke (cr);
  /* The needle's point and the pencil's lead. */
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_arc (cr, 0, 0, 4, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, r, 0, 4, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_grip (cairo_t        *cr,
           double          x,
           double          y,
           InstrumentPart  part)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, HR - 1, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.25);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);

  /* A sign of what the grip does: a turning arrow, or a dot. */
  cairo_set_line_width (cr, 3);
  if (part == INSTRUMENT_PART_ROTATE || part == INSTRUMENT_PART_PENCIL)
    {
      cairo_arc (cr, x, y, HR * 0.45, -G_PI * 0.9, G_PI * 0.4);
      cairo_stroke (cr);
      cairo_move_to (cr, x + HR * 0.45 * cos (G_PI * 0.4) + 6, y + HR * 0.45 * sin (G_PI * 0.4) - 2);
      cairo_line_to (cr, x + HR * 0.45 * cos (G_PI * 0.4), y + HR * 0.45 * sin (G_PI * 0.4));
      cairo_line_to (cr, x + HR * 0.45 * cos (G_PI * 0.4) - 1, y + HR * 0.45 * sin (G_PI * 0.4) - 7);
      cairo_stroke (cr);
    }
  else if (part == INSTRUMENT_PART_RADIUS)
    {
      cairo_move_to (cr, x - HR * 0.5, y);
      cairo_line_to (cr, x + HR * 0.5, y);
      cairo_stroke (cr);
    }
  else
    {
      cairo_arc (cr, x, y, 5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

void
_urok_board_instrument_draw (cairo_t             *cr,
                             UrokBoardInstrument *tool,
                             double               px_per_mm,
                             double               arc_start,
                             double               arc_sweep)
{
  UrokBoardInstrumentKind kind = urok_board_instrument_get_kind (tool);
  double size = urok_board_instrument_get_size (tool);
  double x, y;
  InstrumentPart parts[] = { INSTRUMENT_PART_BODY, INSTRUMENT_PART_ROTATE, INSTRUMENT_PART_PENCIL,
                             INSTRUMENT_PART_RADIUS };

  cairo_save (cr);
  urok_board_instrument_get_position (tool, &x, &y);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, urok_board_instrument_get_angle (tool));
  switch (kind)
    {
    case UROK_BOARD_INSTRUMENT_RULER:
      {
        double w = urok_board_instrument_get_width (tool);

        cairo_rectangle (cr, 0, 0, size, w);
        body_path_fill (cr);
        draw_mm_scale (cr, size, w, px_per_mm, TRUE);
        break;
      }
    case UROK_BOARD_INSTRUMENT_SET_SQUARE_30_60:
    case UROK_BOARD_INSTRUMENT_SET_SQUARE_45:
      {
        double h = kind == UROK_BOARD_INSTRUMENT_SET_SQUARE_45 ? size : size * tan (G_PI / 6);

        cairo_move_to (cr, 0, 0);
        cairo_line_to (cr, size, 0);
        cairo_line_to (cr, 0, -h);
        cairo_close_path (cr);
        /* The hole that lets a hand lift it. */
        cairo_move_to (cr, 0.15 * h, -0.4 * h);
        cairo_line_to (cr, 0.15 * h, -0.7 * h);
        cairo_line_to (cr, 0.15 * h + 0.3 * size, -0.4 * h);
        cairo_close_path (cr);
        cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
        body_path_fill (cr);
        draw_mm_scale (cr, size * 0.92, MIN (h * 0.35, 24 * px_per_mm), px_per_mm, FALSE);
        break;
      }
    case UROK_BOARD_INSTRUMENT_PROTRACTOR:
      draw_protractor (cr, size);
      break;
    case UROK_BOARD_INSTRUMENT_COMPASS:
    default:
      draw_compass (cr, size);
      break;
    }
  cairo_restore (cr);

  if (kind == UROK_BOARD_INSTRUMENT_COMPASS && arc_sweep != 0)
    {
      double cx, cy;

      urok_board_instrument_get_position (tool, &cx, &cy);
      cairo_new_path (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.5);
      cairo_set_line_width (cr, 3);
      if (arc_sweep > 0)
        cairo_arc (cr, cx, cy, size, arc_start, arc_start + MIN (arc_sweep, 2 * G_PI));
      else
        cairo_arc_negative (cr, cx, cy, size, arc_start, arc_start + MAX (arc_sweep, -2 * G_PI));
      cairo_stroke (cr);
    }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      double hx, hy;

      if (_urok_board_instrument_handle (tool, parts[i], &hx, &hy))
        draw_grip (cr, hx, hy, parts[i]);
    }
}
