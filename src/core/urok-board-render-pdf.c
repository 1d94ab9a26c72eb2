/* urok-board-render-pdf.c: PDF pages as board backgrounds.
 *
 * poppler is not thread-safe per document and tiles are drawn by a pool
 * of threads, so every use of poppler is under one lock.  Rasterising a
 * page is the slow part (tens of ms); the page is kept rendered whole at
 * the last few scales, and a tile is then a copy of its part.  A page too
 * large to keep (deep zoom) is drawn by poppler for each tile, clipped.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <poppler.h>
#include <string.h>

#include "urok-board-render-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define UNITS_PER_POINT (96.0 / 72.0)
/* Pixels of rendered pages kept: four 2-megapixel pages at two scales. */
#define CACHE_PIXELS ((gsize)24 * 1024 * 1024)
#define CACHE_ENTRIES 6

typedef struct
{
  GBytes          *pdf;     /* a ref: the pointer names the data while cached */
  guint            number;
  double           scale;
  double           width;   /* board units */
  double           height;
  cairo_surface_t *image;   /* width × scale by height × scale, rounded */
} Rendered;

static GMutex lock;
/* The last document opened, for the pdf bytes it was opened from. */
static GBytes *doc_pdf;
static PopplerDocument *doc;
static Rendered cache[CACHE_ENTRIES];
static guint n_rasterised;

static void
rendered_clear (Rendered *r)
{
  g_clear_pointer (&r->pdf, g_bytes_unref);
  g_clear_pointer (&r->image, cairo_surface_destroy);
  r->number = 0;
}

void
_urok_board_render_pdf_clear_cache (void)
{
  g_mutex_lock (&lock);
  for (guint i = 0; i < CACHE_ENTRIES; i++)
    rendered_clear (&cache[i]);
  g_clear_pointer (&doc_pdf, g_bytes_unref);
  g_clear_object (&doc);
  g_mutex_unlock (&lock);
}

guint
_urok_board_render_pdf_get_n_rasterised (void)
{
  guint n;

  g_mutex_lock (&lock);
  n = n_rasterised;
  g_mutex_unlock (&lock);
  return n;
}

/* Under the lock. */
static PopplerPage *
get_page (GBytes *pdf,
          guint   number)
{
  if (doc_pdf != pdf && (doc_pdf == NULL || !g_bytes_equal (doc_pdf, pdf)))
    {
      g_clear_pointer (&doc_pdf, g_bytes_unref);
      g_clear_object (&doc);
      doc = poppler_document_new_from_bytes (pdf, NULL, NULL);
      if (doc == NULL)
        return NULL;
      doc_pdf = g_bytes_ref (pdf);
    }
  if (doc == NULL || number < 1 || (int)number > poppler_document_get_n_pages (doc))
    return NULL;
  return poppler_document_get_page (doc, (int)number - 1);
}

/* Under the lock: a cached picture of the page, a new ref or NULL. */
static cairo_surface_t *
lookup (GBytes *pdf,
        guint   number,
        double  scale,
        double  width,
        double  height)
{
  for (guint i = 0; i < CACHE_ENTRIES; i++)
    {
      Rendered *r = &cache[i];

      if (r->image != NULL && r->pdf == pdf && r->number == number && r->scale == scale && r->width == width
          && r->height == height)
        {
          /* Most recent first: eviction takes the last. */
          Rendered hit = *r;

          memmove (&cache[1], &cache[0], i * sizeof (Rendered));
          cache[0] = hit;
          return cairo_surface_reference (hit.image);
        }
    }
  return NULL;
}

/* Under the lock. */
static void
store (GBytes          *pdf,
       guint            number,
       double           scale,
       double           width,
       double           height,
       cairo_surface_t *image)
{
  gsize pixels = 0;

  rendered_clear (&cache[CACHE_ENTRIES - 1]);
  memmove (&cache[1], &cache[0], (CACHE_ENTRIES - 1) * sizeof (Rendered));
  cache[0] = (Rendered) { g_bytes_ref (pdf), number, scale, width, height, cairo_surface_reference (image) };
  for (guint i = 0; i < CACHE_ENTRIES; i++)
    {
      if (cache[i].image == NULL)
        continue;
      pixels += (gsize)cairo_image_surface_get_width (cache[i].image) * cairo_image_surface_get_height (cache[i].image);
      if (i > 0 && pixels > CACHE_PIXELS)
        rendered_clear (&cache[i]);
    }
}

gboolean
_urok_board_render_pdf_page (cairo_t             *cr,
                             GBytes              *pdf,
                             guint                number,
                             double               page_width,
                             double               page_height,
                             const UrokBoardRect *rect,
                             double               scale)
{
  g_autoptr(PopplerPage) ppage = NULL;
  cairo_surface_t *image = NULL;
  double pw, ph, dw, dh;

  if (pdf == NULL)
    return FALSE;
  g_mutex_lock (&lock);
  ppage = get_page (pdf, number);
  if (ppage == NULL)
    {
      g_mutex_unlock (&lock);
      return FALSE;
    }
  poppler_page_get_size (ppage, &pw, &ph);
  if (pw <= 0 || ph <= 0)
    {
      g_mutex_unlock (&lock);
      return FALSE;
    }
  if (page_width <= 0 || page_height <= 0)
    {
      page_width = pw * UNITS_PER_POINT;
      page_height = ph * UNITS_PER_POINT;
    }
  dw = ceil (page_width * scale);
  dh = ceil (page_height * scale);

  image = lookup (pdf, number, scale, page_width, page_height);
  if (image == NULL && dw * dh <= CACHE_PIXELS / 2)
    {
      cairo_t *icr;

      image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)dw, (int)dh);
      icr = cairo_create (image);
      cairo_set_source_rgb (icr, 1, 1, 1);
      cairo_paint (icr);
      cairo_scale (icr, dw / pw, dh / ph);
      poppler_page_render (ppage, icr);
      cairo_destroy (icr);
      n_rasterised++;
      store (pdf, number, scale, page_width, page_height, image);
    }

  cairo_save (cr);
  cairo_rectangle (cr, -rect->x * scale, -rect->y * scale, page_width * scale, page_height * scale);
  cairo_clip (cr);
  if (image != NULL)
    {
      /* Copying needs no poppler. */
      g_clear_object (&ppage);
      g_mutex_unlock (&lock);
      cairo_set_source_surface (cr, image, -rect->x * scale, -rect->y * scale);
      cairo_paint (cr);
      cairo_surface_destroy (image);
    }
  else
    {
      cairo_scale (cr, scale, scale);
      cairo_translate (cr, -rect->x, -rect->y);
      cairo_scale (cr, page_width / pw, page_height / ph);
      poppler_page_render (ppage, cr);
      g_clear_object (&ppage);
      g_mutex_unlock (&lock);
    }
  cairo_restore (cr);
  return TRUE;
}
