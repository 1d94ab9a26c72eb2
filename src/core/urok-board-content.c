/* urok-board-content.c: texts measured, pictures checked and scaled, PDF
 * pages taken out for backgrounds.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#include "urok-board-content.h"
#include "urok-board-content-private.h"
#include "urok-board-item-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define POINTS_PER_UNIT (72.0 / 96.0)
#define MAX_PAGE_POINTS 14400.0

void
urok_board_text_measure (const char *text,
                         float       font_size,
                         double     *width,
                         double     *height)
{
  PangoContext *context;
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  cairo_font_options_t *options;
  PangoRectangle logical;

  g_return_if_fail (text != NULL && font_size > 0);

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* Unhinted metrics: the same width at every zoom. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  layout = pango_layout_new (context);
  font = pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (font, font_size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  g_object_unref (context);
  /* Slack for hinted rendering at small zooms, which is a little wider:
   * the renderer wraps at the box, and a last letter must not drop to a
   * line of its own. */
  *width = ceil ((double)logical.width / PANGO_SCALE + font_size * 0.25);
  *height = ceil ((double)logical.height / PANGO_SCALE + font_size * 0.1);
}

static gboolean
image_invalid (GError    **error,
               const char *problem)
{
  /* Translators: %s says what is wrong with the picture's file. */
  g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID, _("Could not use the picture: %s"), problem);
  return FALSE;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

GBytes *
urok_board_image_prepare (GBytes  *bytes,
                          int     *width,
                          int     *height,
                          GError **error)
{
  const guint8 *data;
  gsize len;
  guint32 w, h;
  cairo_surface_t *image, *scaled;
  cairo_t *cr;
  double factor;
  int sw, sh;
  g_autoptr(GByteArray) png = NULL;
  cairo_status_t status;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (len > UROK_BOARD_IMAGE_MAX_BYTES)
    return image_invalid (error, _("the file is too large")), NULL;
  /* Signature, then the IHDR chunk: the size is known before decoding. */
  if (len < 33 || memcmp (data, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp (data + 12, "IHDR", 4) != 0)
    return image_invalid (error, _("it is not a PNG or JPEG picture")), NULL;
  w = read_be32 (data + 16);
  h = read_be32 (data + 20);
  if (w == 0 || h == 0 || w > 65535 || h > 65535 || (guint64)w * h > UROK_BOARD_IMAGE_MAX_PIXELS)
    return image_invalid (error, _("it has too many pixels")), NULL;
  image = _urok_board_png_surface (bytes);
  if (image == NULL)
    return image_invalid (error, _("the file is damaged")), NULL;

  if (w <= UROK_BOARD_IMAGE_MAX_SIDE && h <= UROK_BOARD_IMAGE_MAX_SIDE)
    {
      cairo_surface_destroy (image);
      *width = w;
      *height = h;
      return g_bytes_ref (bytes);
    }
  factor = (double)UROK_BOARD_IMAGE_MAX_SIDE / MAX (w, h);
  sw = MAX (1, (int)lround (w * factor));
  sh = MAX (1, (int)lround (h * factor));
  scaled = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sw, sh);
  cr = cairo_create (scaled);
  cairo_scale (cr, (double)sw / w, (double)sh / h);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  png = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (scaled, append_to_array, png);
  cairo_surface_destroy (scaled);
  if (status != CAIRO_STATUS_SUCCESS)
    return image_invalid (error, cairo_status_to_string (status)), NULL;
  *width = sw;
  *height = sh;
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static gboolean
pdf_invalid (GError    **error,
             const char *problem)
{
  /* Translators: %s says what is wrong with the PDF file. */
  g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID, _("Could not use the PDF: %s"), problem);
  return FALSE;
}

static PopplerDocument *
open_pdf (GBytes  *pdf,
          GError **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &local_error);

  if (doc != NULL)
    return doc;
  if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    return pdf_invalid (error, _("it is protected by a password")), NULL;
  return pdf_invalid (error, _("it is not a readable PDF file")), NULL;
}

guint
urok_board_pdf_count_pages (GBytes  *pdf,
                            GError **error)
{
  g_autoptr(PopplerDocument) doc = NULL;
  int n;

  g_return_val_if_fail (pdf != NULL, 0);

  doc = open_pdf (pdf, error);
  if (doc == NULL)
    return 0;
  n = poppler_document_get_n_pages (doc);
  if (n <= 0)
    return pdf_invalid (error, _("it has no pages")), 0;
  return n;
}

GBytes *
urok_board_pdf_extract_page (GBytes  *pdf,
                             guint    number,
                             double  *width,
                             double  *height,
                             GError **error)
{
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) ppage = NULL;
  g_autoptr(GBytes) one = NULL;
  cairo_status_t status;
  double w, h;

  g_return_val_if_fail (pdf != NULL, NULL);

  doc = open_pdf (pdf, error);
  if (doc == NULL)
    return NULL;
  if (number < 1 || number > (guint)MAX (0, poppler_document_get_n_pages (doc))
      || (ppage = poppler_document_get_page (doc, (int)number - 1)) == NULL)
    return pdf_invalid (error, _("it has no such page")), NULL;
  poppler_page_get_size (ppage, &w, &h);
  if (!(w >= 1 && h >= 1 && w <= MAX_PAGE_POINTS && h <= MAX_PAGE_POINTS))
    return pdf_invalid (error, _("a page has an absurd size")), NULL;

  one = _urok_board_pdf_page_alone (ppage, w, h, &status);
  if (one == NULL)
    return pdf_invalid (error, cairo_status_to_string (status)), NULL;
  *width = w / POINTS_PER_UNIT;
  *height = h / POINTS_PER_UNIT;
  return g_steal_pointer (&one);
}

GBytes *
_urok_board_pdf_page_alone (PopplerPage    *ppage,
                            double          width,
                            double          height,
                            cairo_status_t *status)
{
  g_autoptr(GByteArray) one = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, one, width, height);
  cairo_t *cr = cairo_create (surface);

  poppler_page_render_for_printing (ppage, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  *status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (*status != CAIRO_STATUS_SUCCESS)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&one));
}
