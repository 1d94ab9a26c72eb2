/* urok-pdf-view.c: the pages of a PDF textbook, one under another, in tiles.
 *
 * A GtkScrollable, meant to sit in a GtkScrolledWindow.  Pages are drawn
 * from 256-pixel tiles rendered on a worker thread with its own UrokPdf
 * (urok-pdf-tiles.c); until the sharp tiles of a new zoom arrive, the page
 * shows the nearest zoom it has, stretched.  The view's own UrokPdf, on the
 * main thread, answers the quick questions: page sizes and selections.
 * Searching a whole book runs in a GTask with a third instance.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-pdf-tiles.h"
#include "urok-pdf-view-private.h"

/* About 380 tiles: two screens of a 4K display at two zooms. */
#define CACHE_BYTES ((gsize)96 * 1024 * 1024)


static void urok_pdf_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UrokPdfView, urok_pdf_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, urok_pdf_view_scrollable_init))

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_ZOOM_MODE,
  PROP_PAGE,
  PROP_N_MATCHES,
  PROP_MATCH,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static void
urok_pdf_view_scrollable_init (GtkScrollableInterface *iface)
{
  (void)iface;
}

/* Layout */

double
_urok_pdf_view_px_per_pt (UrokPdfView *self)
{
  return self->zoom * PX_PER_PT;
}

static void
layout (UrokPdfView *self)
{
  double y = GAP;

  for (guint i = 0; i < self->n_pages; i++)
    {
      self->page_y[i] = y;
      y += round (self->page_height[i] * _urok_pdf_view_px_per_pt (self)) + GAP;
    }
  self->content_height = self->n_pages > 0 ? y : 0;
  self->content_width = round (self->max_width * _urok_pdf_view_px_per_pt (self)) + 2 * GAP;
}

/* The page's left edge in content coordinates. */
static double
page_x (UrokPdfView *self,
        guint        page)
{
  double width = MAX (self->content_width, gtk_widget_get_width (GTK_WIDGET (self)));

  return floor ((width - round (self->page_width[page] * _urok_pdf_view_px_per_pt (self))) / 2);
}

static double
fit_zoom (UrokPdfView *self,
          int          width,
          int          height)
{
  double zoom;

  if (self->n_pages == 0 || width <= 0)
    return self->zoom;
  zoom = (width - 2 * GAP) / (self->max_width * PX_PER_PT);
  if (self->zoom_mode == UROK_PDF_ZOOM_FIT_PAGE && height > 0)
    zoom = MIN (zoom, (height - 2 * GAP) / (self->page_height[self->page] * PX_PER_PT));
  return CLAMP (zoom, UROK_PDF_VIEW_MIN_ZOOM, UROK_PDF_VIEW_MAX_ZOOM);
}

static void
configure_adjustments (UrokPdfView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment != NULL)
    {
      double upper = MAX (self->content_width, width);

      gtk_adjustment_configure (self->hadjustment, CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, upper - width),
                                0, upper, width * 0.1, width * 0.9, width);
    }
  if (self->vadjustment != NULL)
    {
      double upper = MAX (self->content_height, height);

      gtk_adjustment_configure (self->vadjustment,
                                CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, upper - height), 0, upper,
                                height * 0.1, height * 0.9, height);
    }
}

/* The page at content height @y (the one above when @y is in a gap). */
static guint
page_at_y (UrokPdfView *self,
           double       y)
{
  guint lo = 0, hi = self->n_pages;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->page_y[mid] <= y)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static double
hvalue (UrokPdfView *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (UrokPdfView *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* Where view point (@x, @y) falls in page points; FALSE off every page. */
gboolean
_urok_pdf_view_view_to_page (UrokPdfView *self,
                             double       x,
                             double       y,
                             gboolean     clamp,
                             guint       *page,
                             double      *px,
                             double      *py)
{
  double scale = _urok_pdf_view_px_per_pt (self);
  guint p;

  if (self->n_pages == 0)
    return FALSE;
  p = page_at_y (self, y + vvalue (self));
  *page = p;
  *px = (x + hvalue (self) - page_x (self, p)) / scale;
  *py = (y + vvalue (self) - self->page_y[p]) / scale;
  if (clamp)
    {
      *px = CLAMP (*px, 0, self->page_width[p]);
      *py = CLAMP (*py, 0, self->page_height[p]);
      return TRUE;
    }
  return *px >= 0 && *py >= 0 && *px <= self->page_width[p] && *py <= self->page_height[p];
}

/* Page point (@px, @py) in view coordinates. */
gboolean
urok_pdf_view_page_to_view (UrokPdfView *self,
                            guint        page,
                            double       px,
                            double       py,
                            double      *x,
                            double      *y)
{
  g_return_val_if_fail (UROK_IS_PDF_VIEW (self), FALSE);

  if (page >= self->n_pages)
    return FALSE;
  *x = page_x (self, page) - hvalue (self) + px * _urok_pdf_view_px_per_pt (self);
  *y = self->page_y[page] - vvalue (self) + py * _urok_pdf_view_px_per_pt (self);
  return TRUE;
}

static void
update_page (UrokPdfView *self)
{
  guint page;

  if (self->n_pages == 0)
    return;
  page = page_at_y (self, vvalue (self) + gtk_widget_get_height (GTK_WIDGET (self)) / 3.0);
  if (page != self->page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

static void
scroll_to_page (UrokPdfView *self,
                guint        page)
{
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, self->page_y[page] - GAP);
}

/* Zoom */

/* Zooms keeping the page point under view point (@ax, @ay) where it is. */
void
_urok_pdf_view_apply_zoom (UrokPdfView *self,
                           double       zoom,
                           double       ax,
                           double       ay)
{
  guint page = 0;
  double px = 0, py = 0;
  gboolean anchored;

  zoom = CLAMP (zoom, UROK_PDF_VIEW_MIN_ZOOM, UROK_PDF_VIEW_MAX_ZOOM);
  if (zoom == self->zoom)
    return;
  anchored = _urok_pdf_view_view_to_page (self, ax, ay, TRUE, &page, &px, &py);
  self->zoom = zoom;
  if (self->tiles != NULL)
    urok_pdf_tiles_drop_requests (self->tiles);
  layout (self);
  configure_adjustments (self);
  if (anchored)
    {
      if (self->hadjustment != NULL)
        gtk_adjustment_set_value (self->hadjustment, page_x (self, page) + px * _urok_pdf_view_px_per_pt (self) - ax);
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment, self->page_y[page] + py * _urok_pdf_view_px_per_pt (self) - ay);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
urok_pdf_view_get_zoom (UrokPdfView *self)
{
  g_return_val_if_fail (UROK_IS_PDF_VIEW (self), 1.0);
  return self->zoom;
}

/* 1.0 is 100 %; clamped to 25–400 %.  Leaves the fit modes. */
void
urok_pdf_view_set_zoom (UrokPdfView *self,
                        double       zoom)
{
  g_return_if_fail (UROK_IS_PDF_VIEW (self));

  urok_pdf_view_set_zoom_mode (self, UROK_PDF_ZOOM_FREE);
  _urok_pdf_view_apply_zoom (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
              gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

UrokPdfZoomMode
urok_pdf_view_get_zoom_mode (UrokPdfView *self)
{
  g_return_val_if_fail (UROK_IS_PDF_VIEW (self), UROK_PDF_ZOOM_FREE);
  return self->zoom_mode;
}

void
urok_pdf_view_set_zoom_mode (UrokPdfView    *self,
                             UrokPdfZoomMode mode)
{
  g_return_if_fail (UROK_IS_PDF_VIEW (self));

  if (mode == self->zoom_mode)
    return;
  self->zoom_mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
  if (mode != UROK_PDF_ZOOM_FREE)
    {
      /* Fitting keeps the top of the current page in view. */
      _urok_pdf_view_apply_zoom (self, fit_zoom (self, gtk_widget_get_width (GTK_WIDGET (self)),
                                  gtk_widget_get_height (GTK_WIDGET (self))), 0, 0);
      if (self->n_pages > 0)
        scroll_to_page (self, self->page);
    }
}

/* Drawing */

typedef struct
{
  GtkSnapshot           *snapshot;
  double                 ox;    /* the page's top-left in the view */
  double                 oy;
  double                 ratio; /* view pixels per tile pixel */
  const graphene_rect_t *visible;
} StretchData;

static void
draw_stretched (int         tx,
                int         ty,
                GdkTexture *texture,
                gpointer    user_data)
{
  StretchData *d = user_data;
  graphene_rect_t rect = GRAPHENE_RECT_INIT (d->ox + tx * UROK_PDF_TILE_SIZE * d->ratio,
                                             d->oy + ty * UROK_PDF_TILE_SIZE * d->ratio,
                                             gdk_texture_get_width (texture) * d->ratio,
                                             gdk_texture_get_height (texture) * d->ratio);

  if (graphene_rect_intersection (&rect, d->visible, NULL))
    gtk_snapshot_append_texture (d->snapshot, texture, &rect);
}

static void
draw_tiles (UrokPdfView           *self,
            GtkSnapshot           *snapshot,
            guint                  page,
            double                 ox,
            double                 oy,
            const graphene_rect_t *visible)
{
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double scale = _urok_pdf_view_px_per_pt (self) * factor; /* device pixels per point */
  int width = (int)ceil (self->page_width[page] * scale);
  int height = (int)ceil (self->page_height[page] * scale);
  int x0 = (int)MAX (0, (visible->origin.x - ox) * factor);
  int y0 = (int)MAX (0, (visible->origin.y - oy) * factor);
  int x1 = (int)MIN (width, (visible->origin.x + visible->size.width - ox) * factor);
  int y1 = (int)MIN (height, (visible->origin.y + visible->size.height - oy) * factor);
  const int T = UROK_PDF_TILE_SIZE;
  gboolean missing = FALSE;

  if (x1 <= x0 || y1 <= y0 || self->tiles == NULL)
    return;
  for (int ty = y0 / T; ty <= (y1 - 1) / T && !missing; ty++)
    for (int tx = x0 / T; tx <= (x1 - 1) / T && !missing; tx++)
      missing = urok_pdf_tiles_lookup (self->tiles, page, scale, tx, ty) == NULL;
  if (missing)
    {
      double nearest = urok_pdf_tiles_nearest_scale (self->tiles, page, scale);

      if (nearest > 0)
        {
          StretchData d = { snapshot, ox, oy, scale / nearest / factor, visible };

          urok_pdf_tiles_foreach (self->tiles, page, nearest, draw_stretched, &d);
        }
    }
  for (int ty = y0 / T; ty <= (y1 - 1) / T; ty++)
    for (int tx = x0 / T; tx <= (x1 - 1) / T; tx++)
      {
        GdkTexture *texture = urok_pdf_tiles_lookup (self->tiles, page, scale, tx, ty);
        int tw = MIN (T, width - tx * T);
        int th = MIN (T, height - ty * T);

        if (texture != NULL)
          gtk_snapshot_append_texture (snapshot, texture,
                                       &GRAPHENE_RECT_INIT (ox + (double)tx * T / factor, oy + (double)ty * T / factor,
                                                            (double)tw / factor, (double)th / factor));
        else
          urok_pdf_tiles_request (self->tiles, page, scale, tx, ty, tw, th);
      }
}

static void
draw_rects (UrokPdfView   *self,
            GtkSnapshot   *snapshot,
            GArray        *rects,
            guint          page,
            double         ox,
            double         oy,
            const GdkRGBA *color,
            int            current,
            const GdkRGBA *current_color)
{
  double scale = _urok_pdf_view_px_per_pt (self);

  for (guint i = 0; rects != NULL && i < rects->len; i++)
    {
      UrokPdfRect *r = &g_array_index (rects, UrokPdfRect, i);

      if (r->page != page)
        continue;
      gtk_snapshot_append_color (snapshot, (int)i == current ? current_color : color,
                                 &GRAPHENE_RECT_INIT (ox + r->x * scale, oy + r->y * scale, r->width * scale,
                                                      r->height * scale));
    }
}

static void
urok_pdf_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  UrokPdfView *self = UROK_PDF_VIEW (widget);
  static const GdkRGBA border = { 0, 0, 0, 0.25 };
  static const GdkRGBA paper = { 1, 1, 1, 1 };
  static const GdkRGBA found = { 1, 0.85, 0, 0.4 };
  static const GdkRGBA found_current = { 1, 0.5, 0, 0.5 };
  static const GdkRGBA selected = { 0.2, 0.45, 0.9, 0.35 };
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, width, height);

  if (self->n_pages == 0)
    return;
  for (guint page = page_at_y (self, vvalue (self)); page < self->n_pages; page++)
    {
      double ox = page_x (self, page) - hvalue (self);
      double oy = self->page_y[page] - round (vvalue (self));
      double pw = round (self->page_width[page] * _urok_pdf_view_px_per_pt (self));
      double ph = round (self->page_height[page] * _urok_pdf_view_px_per_pt (self));
      graphene_rect_t rect = GRAPHENE_RECT_INIT (ox, oy, pw, ph);
      graphene_rect_t visible;

      if (oy >= height)
        break;
      ox = round (ox);
      rect.origin.x = ox;
      if (!graphene_rect_intersection (&rect, &view, &visible))
        continue;
      gtk_snapshot_append_color (snapshot, &border, &GRAPHENE_RECT_INIT (ox - 1, oy - 1, pw + 2, ph + 2));
      gtk_snapshot_append_color (snapshot, &paper, &rect);
      gtk_snapshot_push_clip (snapshot, &rect);
      draw_tiles (self, snapshot, page, ox, oy, &visible);
      draw_rects (self, snapshot, self->matches, page, ox, oy, &found, self->match, &found_current);
      if (self->has_selection && self->selection.page == page)
        draw_rects (self, snapshot, self->selection_rects, page, ox, oy, &selected, -1, &selected);
      gtk_snapshot_pop (snapshot);
    }
}

static void
tiles_ready (gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (user_data));
}

static void
urok_pdf_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  UrokPdfView *self = UROK_PDF_VIEW (widget);

  (void)baseline;
  if (self->zoom_mode != UROK_PDF_ZOOM_FREE)
    {
      double zoom = fit_zoom (self, width, height);

      if (zoom != self->zoom)
        {
          self->zoom = zoom;
          if (self->tiles != NULL)
            urok_pdf_tiles_drop_requests (self->tiles);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
        }
    }
  layout (self);
  configure_adjustments (self);
  if (self->wanted_page >= 0 && self->n_pages > 0)
    {
      scroll_to_page (self, (guint)self->wanted_page);
      self->wanted_page = -1;
    }
}

static void
urok_pdf_view_measure (GtkWidget     *widget,
                       GtkOrientation orientation,
                       int            for_size,
                       int           *minimum,
                       int           *natural,
                       int           *minimum_baseline,
                       int           *natural_baseline)
{
  (void)widget;
  (void)orientation;
  (void)for_size;
  (void)minimum_baseline;
  (void)natural_baseline;
  *minimum = 64;
  *natural = 400;
}


/* Scrolls the least that brings @rect, with a margin, into view. */
void
_urok_pdf_view_show_rect (UrokPdfView       *self,
                          const UrokPdfRect *rect)
{
  double scale = _urok_pdf_view_px_per_pt (self);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double x, y, w = rect->width * scale, h = rect->height * scale;

  if (rect->page >= self->n_pages)
    return;
  if (self->vadjustment == NULL || height <= 0)
    {
      self->wanted_page = (int)rect->page;
      return;
    }
  x = page_x (self, rect->page) + rect->x * scale;
  y = self->page_y[rect->page] + rect->y * scale;
  if (y < vvalue (self) || y + h > vvalue (self) + height)
    gtk_adjustment_set_value (self->vadjustment, y + h / 2 - height / 2);
  if (self->hadjustment != NULL && (x < hvalue (self) || x + w > hvalue (self) + width))
    gtk_adjustment_set_value (self->hadjustment, x + w / 2 - width / 2);
}

void
_urok_pdf_view_notify_matches (UrokPdfView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCH]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
urok_pdf_view_get_page (UrokPdfView *self)
{
  g_return_val_if_fail (UROK_IS_PDF_VIEW (self), 0);
  return self->page;
}

/* Scrolls page @page (from 0) to the top. */
void
urok_pdf_view_set_page (UrokPdfView *self,
                        guint        page)
{
  g_return_if_fail (UROK_IS_PDF_VIEW (self));

  if (self->n_pages == 0)
    return;
  page = MIN (page, self->n_pages - 1);
  if (self->vadjustment == NULL || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    self->wanted_page = (int)page;
  else
    scroll_to_page (self, page);
  if (page != self->page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

UrokPdf *
urok_pdf_view_get_document (UrokPdfView *self)
{
  g_return_val_if_fail (UROK_IS_PDF_VIEW (self), NULL);
  return self->pdf;
}

/* Shows @pdf from its first page.  The view opens a second instance on the
 * same bytes for its render thread: that can fail (out of memory). */
gboolean
urok_pdf_view_set_document (UrokPdfView *self,
                            UrokPdf     *pdf,
                            GError     **error)
{
  g_autoptr(UrokPdf) render_pdf = NULL;

  g_return_val_if_fail (UROK_IS_PDF_VIEW (self), FALSE);
  g_return_val_if_fail (pdf == NULL || UROK_IS_PDF (pdf), FALSE);

  if (pdf != NULL && (render_pdf = urok_pdf_open_another (pdf, error)) == NULL)
    return FALSE;
  urok_pdf_view_find (self, "");
  self->has_selection = FALSE;
  g_clear_pointer (&self->tiles, urok_pdf_tiles_free);
  g_set_object (&self->pdf, pdf);
  self->n_pages = pdf != NULL ? urok_pdf_get_n_pages (pdf) : 0;
  self->page_width = g_renew (double, self->page_width, self->n_pages);
  self->page_height = g_renew (double, self->page_height, self->n_pages);
  self->page_y = g_renew (double, self->page_y, self->n_pages);
  self->max_width = 0;
  for (guint i = 0; i < self->n_pages; i++)
    {
      urok_pdf_get_page_size (pdf, i, &self->page_width[i], &self->page_height[i]);
      self->max_width = MAX (self->max_width, self->page_width[i]);
    }
  if (render_pdf != NULL)
    self->tiles = urok_pdf_tiles_new (render_pdf, CACHE_BYTES, tiles_ready, self);
  self->page = 0;
  self->wanted_page = 0;
  layout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  return TRUE;
}

/* The book's outline (UrokPdfOutlineItem) for a sidebar, or NULL with no book. */
GListModel *
urok_pdf_view_get_outline (UrokPdfView *self)
{
  g_return_val_if_fail (UROK_IS_PDF_VIEW (self), NULL);
  return self->pdf != NULL ? urok_pdf_get_outline (self->pdf) : NULL;
}

guint
urok_pdf_view_get_n_matches (UrokPdfView *self)
{
  g_return_val_if_fail (UROK_IS_PDF_VIEW (self), 0);
  return self->matches != NULL ? self->matches->len : 0;
}

/* The current search match, from 0, or -1. */
int
urok_pdf_view_get_match (UrokPdfView *self)
{
  g_return_val_if_fail (UROK_IS_PDF_VIEW (self), -1);
  return self->match;
}

gboolean
urok_pdf_view_get_match_rect (UrokPdfView *self,
                              UrokPdfRect *rect)
{
  g_return_val_if_fail (UROK_IS_PDF_VIEW (self), FALSE);

  if (self->match < 0 || self->matches == NULL || (guint)self->match >= self->matches->len)
    return FALSE;
  *rect = g_array_index (self->matches, UrokPdfRect, self->match);
  return TRUE;
}

guint
urok_pdf_view_get_n_pending_tiles (UrokPdfView *self)
{
  g_return_val_if_fail (UROK_IS_PDF_VIEW (self), 0);
  return self->tiles != NULL ? urok_pdf_tiles_get_n_pending (self->tiles) : 0;
}

guint
urok_pdf_view_get_n_rendered_tiles (UrokPdfView *self)
{
  g_return_val_if_fail (UROK_IS_PDF_VIEW (self), 0);
  return self->tiles != NULL ? urok_pdf_tiles_get_n_rendered (self->tiles) : 0;
}

/* Scrolling */

static void
adjustment_changed (UrokPdfView *self)
{
  update_page (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (UrokPdfView    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed, self);
  g_clear_object (slot);
  *slot = g_object_ref_sink (adjustment != NULL ? adjustment : gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect_swapped (*slot, "value-changed", G_CALLBACK (adjustment_changed), self);
  configure_adjustments (self);
}

static void
urok_pdf_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UrokPdfView *self = UROK_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_ZOOM_MODE:
      g_value_set_int (value, self->zoom_mode);
      break;

    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;

    case PROP_N_MATCHES:
      g_value_set_uint (value, urok_pdf_view_get_n_matches (self));
      break;

    case PROP_MATCH:
      g_value_set_int (value, self->match);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_pdf_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UrokPdfView *self = UROK_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      urok_pdf_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_ZOOM_MODE:
      urok_pdf_view_set_zoom_mode (self, (UrokPdfZoomMode)g_value_get_int (value));
      break;

    case PROP_PAGE:
      urok_pdf_view_set_page (self, g_value_get_uint (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_pdf_view_dispose (GObject *object)
{
  UrokPdfView *self = (UrokPdfView *)object;

  _urok_pdf_view_dispose_input (self);
  g_clear_pointer (&self->tiles, urok_pdf_tiles_free);
  g_clear_object (&self->pdf);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (urok_pdf_view_parent_class)->dispose (object);
}

static void
urok_pdf_view_finalize (GObject *object)
{
  UrokPdfView *self = (UrokPdfView *)object;

  g_clear_pointer (&self->page_width, g_free);
  g_clear_pointer (&self->page_height, g_free);
  g_clear_pointer (&self->page_y, g_free);

  G_OBJECT_CLASS (urok_pdf_view_parent_class)->finalize (object);
}

static void
urok_pdf_view_class_init (UrokPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_pdf_view_dispose;
  object_class->finalize = urok_pdf_view_finalize;
  object_class->get_property = urok_pdf_view_get_property;
  object_class->set_property = urok_pdf_view_set_property;

  widget_class->snapshot = urok_pdf_view_snapshot;
  widget_class->size_allocate = urok_pdf_view_size_allocate;
  widget_class->measure = urok_pdf_view_measure;

  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, UROK_PDF_VIEW_MIN_ZOOM, UROK_PDF_VIEW_MAX_ZOOM, 1.0,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM_MODE] = g_param_spec_int ("zoom-mode", NULL, NULL, UROK_PDF_ZOOM_FREE, UROK_PDF_ZOOM_FIT_PAGE,
                                                 UROK_PDF_ZOOM_FIT_WIDTH,
                                                 G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PAGE] = g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_MATCHES] = g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MATCH] = g_param_spec_int ("match", NULL, NULL, -1, G_MAXINT, -1,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  _urok_pdf_view_class_init_input (widget_class);
  gtk_widget_class_set_css_name (widget_class, "pdfview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
urok_pdf_view_init (UrokPdfView *self)
{
  self->zoom = 1.0;
  self->zoom_mode = UROK_PDF_ZOOM_FIT_WIDTH;
  self->match = -1;
  self->wanted_page = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  _urok_pdf_view_init_input (self);
}

GtkWidget *
urok_pdf_view_new (void)
{
  return g_object_new (UROK_TYPE_PDF_VIEW, NULL);
}
