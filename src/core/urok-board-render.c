/* urok-board-render.c: drawing board items with cairo.  Backgrounds are in
 * urok-board-render-background.c.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "urok-board-ink.h"
#include "urok-board-item-private.h"
#include "urok-board-render-private.h"

/* How much of a highlighter's colour shows: the text under it stays
 * readable. */
#define HIGHLIGHTER_ALPHA 0.4
#ifndef BATCH
#define BATCH 16
#endif

static void
set_color (cairo_t              *cr,
           const UrokBoardColor *c,
           double                alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static void
path_points (cairo_t              *cr,
             const UrokBoardPoint *p,
             gsize                 n,
             double                min_distance)
{
  double md2 = min_distance * min_distance;
  double lx = p[0].x, ly = p[0].y;

  cairo_move_to (cr, p[0].x, p[0].y);
  for (gsize i = 1; i < n; i++)
    {
      double dx = p[i].x - lx, dy = p[i].y - ly;

      if (i < n - 1 && dx * dx + dy * dy < md2)
        continue;
      cairo_line_to (cr, p[i].x, p[i].y);
      lx = p[i].x;
      ly = p[i].y;
    }
}

/* @xy: scratch for the outline, reused from stroke to stroke (cairo copies
 * the path): one allocation per list, not one per stroke. */
static void
outline_path (cairo_t             *cr,
              const UrokBoardItem *item,
              double               min_distance,
              GArray              *xy)
{
  const double *v;

  g_array_set_size (xy, 0);
  urok_board_ink_stroke_outline (item, min_distance, xy);
  v = (const double *)(gpointer)xy->data;
  cairo_move_to (cr, v[0], v[1]);
  for (guint i = 2; i + 1 < xy->len; i += 2)
    cairo_line_to (cr, v[i], v[i + 1]);
  cairo_close_path (cr);
}

static void
render_stroke (cairo_t             *cr,
               const UrokBoardItem *item,
               double               min_distance)
{
  const UrokBoardPoint *p = item->points;
  gsize n = item->n_points;
  gboolean constant = TRUE;

  for (gsize i = 1; i < n && constant; i++)
    constant = p[i].pressure == p[0].pressure;

  if (item->tool == UROK_BOARD_TOOL_HIGHLIGHTER || constant)
    {
      /* One path: a translucent stroke does not darken where it crosses
       * itself. */
      set_color (cr, &item->color, item->tool == UROK_BOARD_TOOL_HIGHLIGHTER ? HIGHLIGHTER_ALPHA : 1);
      cairo_set_line_width (cr, urok_board_ink_width (item->tool, item->width, p[0].pressure));
      cairo_set_line_cap (cr, item->tool == UROK_BOARD_TOOL_HIGHLIGHTER ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      if (n == 1)
        {
          cairo_move_to (cr, p[0].x, p[0].y);
          cairo_close_path (cr);
        }
      else
        path_points (cr, p, n, min_distance);
      cairo_stroke (cr);
      return;
    }
  {
    g_autoptr(GArray) xy = g_array_sized_new (FALSE, FALSE, sizeof (double), 4 * item->n_points + 40);

    outline_path (cr, item, min_distance, xy);
  }
  set_color (cr, &item->color, 1);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill (cr);
}

static void
render_shape (cairo_t             *cr,
              const UrokBoardItem *item)
{
  const UrokBoardPoint *p = item->points;

  /* The path in local coordinates, the pen in page coordinates: a scaled
   * shape keeps its line width. */
  cairo_save (cr);
  cairo_transform (cr, &item->matrix);
  switch ((UrokBoardShapeKind)item->shape)
    {
    case UROK_BOARD_SHAPE_LINE:
    case UROK_BOARD_SHAPE_ARROW:
      cairo_move_to (cr, p[0].x, p[0].y);
      cairo_line_to (cr, p[1].x, p[1].y);
      break;
    case UROK_BOARD_SHAPE_RECTANGLE:
      cairo_rectangle (cr, MIN (p[0].x, p[1].x), MIN (p[0].y, p[1].y), fabs (p[1].x - p[0].x), fabs (p[1].y - p[0].y));
      break;
    case UROK_BOARD_SHAPE_ELLIPSE:
      {
        double rx = fabs (p[1].x - p[0].x) / 2, ry = fabs (p[1].y - p[0].y) / 2;

        if (rx > 0 && ry > 0)
          {
            cairo_save (cr);
            cairo_translate (cr, (p[0].x + p[1].x) / 2, (p[0].y + p[1].y) / 2);
            cairo_scale (cr, rx, ry);
            cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
            cairo_restore (cr);
          }
        break;
      }
    case UROK_BOARD_SHAPE_POLYGON:
    default:
      cairo_move_to (cr, p[0].x, p[0].y);
      for (gsize i = 1; i < item->n_points; i++)
        cairo_line_to (cr, p[i].x, p[i].y);
      cairo_close_path (cr);
      break;
    }
  cairo_restore (cr);

  if (item->has_fill)
    {
      set_color (cr, &item->fill, 1);
      cairo_fill_preserve (cr);
    }
  set_color (cr, &item->color, 1);
  cairo_set_line_width (cr, item->width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  if (item->shape == UROK_BOARD_SHAPE_ARROW)
    {
      double ax = p[0].x, ay = p[0].y, bx = p[1].x, by = p[1].y;
      double head = MAX (12.0, 4.0 * item->width), angle;

      cairo_matrix_transform_point (&item->matrix, &ax, &ay);
      cairo_matrix_transform_point (&item->matrix, &bx, &by);
      angle = atan2 (by - ay, bx - ax);
      cairo_move_to (cr, bx, by);
      cairo_line_to (cr, bx - head * cos (angle - G_PI / 7), by - head * sin (angle - G_PI / 7));
      cairo_line_to (cr, bx - head * cos (angle + G_PI / 7), by - head * sin (angle + G_PI / 7));
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
} PngSource;

static cairo_status_t
read_png (void          *closure,
          unsigned char *out,
          unsigned int   length)
{
  PngSource *s = closure;

  if (s->len - s->pos < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, s->data + s->pos, length);
  s->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
_urok_board_png_surface (GBytes *bytes)
{
  PngSource s = { 0 };
  cairo_surface_t *surface;

  if (bytes == NULL)
    return NULL;
  s.data = g_bytes_get_data (bytes, &s.len);
  if (s.len < 8 || memcmp (s.data, "\x89PNG", 4) != 0)
    return NULL;
  surface = cairo_image_surface_create_from_png_stream (read_png, &s);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

static void
render_boxed (cairo_t             *cr,
              const UrokBoardItem *item)
{
  const UrokBoardRect *b = &item->box;

  cairo_save (cr);
  cairo_transform (cr, &item->matrix);
  switch ((UrokBoardItemKind)item->kind)
    {
    case UROK_BOARD_ITEM_TEXT:
      {
        g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
        PangoFontDescription *font = pango_font_description_from_string ("Sans");

        pango_font_description_set_absolute_size (font, item->font_size * PANGO_SCALE);
        pango_layout_set_font_description (layout, font);
        pango_font_description_free (font);
        pango_layout_set_width (layout, (int)(b->width * PANGO_SCALE));
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text (layout, item->text, -1);
        cairo_rectangle (cr, b->x, b->y, b->width, b->height);
        cairo_clip (cr);
        cairo_move_to (cr, b->x, b->y);
        set_color (cr, &item->color, 1);
        pango_cairo_show_layout (cr, layout);
        break;
      }
    case UROK_BOARD_ITEM_IMAGE:
      {
        cairo_surface_t *image = _urok_board_png_surface (item->bytes);

        if (image != NULL && cairo_image_surface_get_width (image) > 0 && cairo_image_surface_get_height (image) > 0)
          {
            cairo_rectangle (cr, b->x, b->y, b->width, b->height);
            cairo_clip (cr);
            cairo_translate (cr, b->x, b->y);
            cairo_scale (cr, b->width / cairo_image_surface_get_width (image),
                         b->height / cairo_image_surface_get_height (image));
            cairo_set_source_surface (cr, image, 0, 0);
            cairo_paint (cr);
            cairo_surface_destroy (image);
            break;
          }
        g_clear_pointer (&image, cairo_surface_destroy);
        /* A placeholder the size of the picture. */
        cairo_rectangle (cr, b->x, b->y, b->width, b->height);
        cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.2);
        cairo_fill_preserve (cr);
        cairo_move_to (cr, b->x, b->y);
        cairo_line_to (cr, b->x + b->width, b->y + b->height);
        cairo_move_to (cr, b->x + b->width, b->y);
        cairo_line_to (cr, b->x, b->y + b->height);
        cairo_restore (cr);
        cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.6);
        cairo_set_line_width (cr, 1);
        cairo_stroke (cr);
        return;
      }
    case UROK_BOARD_ITEM_MEDIA:
    default:
      {
        double s = MIN (b->width, b->height) / 4;
        double cx = b->x + b->width / 2, cy = b->y + b->height / 2;

        cairo_rectangle (cr, b->x, b->y, b->width, b->height);
        cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.85);
        cairo_fill (cr);
        cairo_move_to (cr, cx - s * 0.6, cy - s);
        cairo_line_to (cr, cx + s, cy);
        cairo_line_to (cr, cx - s * 0.6, cy + s);
        cairo_close_path (cr);
        cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
        cairo_fill (cr);
        break;
      }
    }
  cairo_restore (cr);
}

void
urok_board_render_item (cairo_t             *cr,
                        const UrokBoardItem *item,
                        double               min_distance)
{
  g_return_if_fail (cr != NULL && item != NULL);

  switch ((UrokBoardItemKind)item->kind)
    {
    case UROK_BOARD_ITEM_STROKE:
      render_stroke (cr, item, min_distance);
      break;
    case UROK_BOARD_ITEM_SHAPE:
      render_shape (cr, item);
      break;
    case UROK_BOARD_ITEM_TEXT:
    case UROK_BOARD_ITEM_IMAGE:
    case UROK_BOARD_ITEM_MEDIA:
    default:
      render_boxed (cr, item);
      break;
    }
}

void
urok_board_render_item_list (cairo_t              *cr,
                             GPtrArray            *items,
                             const UrokBoardRect  *rect,
                             double                scale,
                             UrokBoardRenderFlags  flags)
{
  double min_distance = (flags & UROK_BOARD_RENDER_NO_LOD) ? 0 : UROK_BOARD_RENDER_LOD_PX / scale;
  const UrokBoardItem *batch = NULL;
  guint batched = 0;
  g_autoptr(GArray) xy = g_array_sized_new (FALSE, FALSE, sizeof (double), 256);

  g_return_if_fail (cr != NULL && items != NULL && rect != NULL && scale > 0);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -rect->x, -rect->y);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  /* Zoomed out, ink is a pixel or two wide: cairo's 4×4 sampling shows
   * the same there and scans several times faster than its default. */
  if (!(flags & UROK_BOARD_RENDER_NO_LOD) && scale < UROK_BOARD_RENDER_FAST_BELOW)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  for (guint i = 0; i < items->len; i++)
    {
      const UrokBoardItem *item = items->pdata[i];

      if (!urok_board_rect_intersects (&item->bounds, rect))
        continue;
      /* Opaque pen strokes of one colour, one after another, are filled
       * together: cairo's cost is per fill far more than per vertex, and
       * the union of opaque ink of one colour looks the same. */
      if (item->kind == UROK_BOARD_ITEM_STROKE && item->tool == UROK_BOARD_TOOL_PEN && item->color.alpha >= 1)
        {
          if (batch != NULL && (memcmp (&batch->color, &item->color, sizeof item->color) != 0
                                || ++batched % BATCH == 0))
            {
              set_color (cr, &batch->color, 1);
              cairo_fill (cr);
            }
          batch = item;
          outline_path (cr, item, min_distance, xy);
          continue;
        }
      if (batch != NULL)
        {
          set_color (cr, &batch->color, 1);
          cairo_fill (cr);
          batch = NULL;
        }
      urok_board_render_item (cr, item, min_distance);
    }
  if (batch != NULL)
    {
      set_color (cr, &batch->color, 1);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

void
urok_board_render_items (cairo_t              *cr,
                         UrokBoardPage        *page,
                         const UrokBoardRect  *rect,
                         double                scale,
                         UrokBoardRenderFlags  flags)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (UROK_IS_BOARD_PAGE (page));

  items = urok_board_page_items_in_rect (page, rect);
  urok_board_render_item_list (cr, items, rect, scale, flags);
}

void
urok_board_render_page (cairo_t              *cr,
                        UrokBoardPage        *page,
                        const UrokBoardRect  *rect,
                        double                scale,
                        UrokBoardRenderFlags  flags)
{
  g_return_if_fail (UROK_IS_BOARD_PAGE (page));

  _urok_board_render_background_page (cr, urok_board_page_get_background (page),
                                      urok_board_page_get_background_parameter (page),
                                      urok_board_page_get_width (page), urok_board_page_get_height (page),
                                      urok_board_page_get_background_data (page), rect, scale);
  urok_board_render_items (cr, page, rect, scale, flags);
}
