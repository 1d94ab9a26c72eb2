/* urok-board-export.c: board pages to PDF, SVG and PNG through cairo's
 * surfaces and the core renderer; PDF pages in through poppler.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "urok-board-content-private.h"
#include "urok-board-export.h"
#include "urok-board-render.h"

/* poppler-glib 22 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* PDF and SVG measure in points: 72 per inch, the board 96 units. */
#define POINTS_PER_UNIT (72.0 / 96.0)
/* Around the items of an infinite page. */
#define MARGIN 40.0
/* cairo's own limit for image surfaces. */
#define MAX_PIXELS_SIDE 32767.0
#define MAX_PAGE_POINTS 14400.0 /* PDF's user-unit limit: 200 inches */

gboolean
urok_board_export_format_for_path (const char            *path,
                                   UrokBoardExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    *format = UROK_BOARD_EXPORT_PDF;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = UROK_BOARD_EXPORT_SVG;
  else if (g_str_has_suffix (lower, ".png"))
    *format = UROK_BOARD_EXPORT_PNG;
  else
    return FALSE;
  return TRUE;
}

void
urok_board_export_get_extent (UrokBoardPage *page,
                              UrokBoardRect *extent)
{
  g_autoptr(GPtrArray) items = NULL;
  UrokBoardRect all = { 0, 0, 0, 0 };

  if (!urok_board_page_is_infinite (page))
    {
      *extent = (UrokBoardRect) { 0, 0, urok_board_page_get_width (page), urok_board_page_get_height (page) };
      return;
    }
  items = urok_board_page_get_items (page);
  for (guint i = 0; i < items->len; i++)
    urok_board_rect_union (&all, urok_board_item_get_bounds (items->pdata[i]), &all);
  if (all.width <= 0 || all.height <= 0)
    *extent = (UrokBoardRect) { 0, 0, 1920, 1080 };
  else
    *extent = (UrokBoardRect) { all.x - MARGIN, all.y - MARGIN, all.width + 2 * MARGIN, all.height + 2 * MARGIN };
}

gboolean
urok_board_render_pdf_background (cairo_t    *cr,
                                  GBytes     *data,
                                  const char *parameter,
                                  double      width,
                                  double      height)
{
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) ppage = NULL;
  guint64 number = 1;
  double pw, ph;

  if (data == NULL)
    return FALSE;
  if (parameter != NULL && !g_ascii_string_to_unsigned (parameter, 10, 1, G_MAXINT, &number, NULL))
    return FALSE;
  doc = poppler_document_new_from_bytes (data, NULL, NULL);
  if (doc == NULL || (ppage = poppler_document_get_page (doc, (int)number - 1)) == NULL)
    return FALSE;
  poppler_page_get_size (ppage, &pw, &ph);
  if (pw <= 0 || ph <= 0)
    return FALSE;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_scale (cr, width / pw, height / ph);
  poppler_page_render_for_printing (ppage, cr);
  cairo_restore (cr);
  return TRUE;
}

static void
draw_page (cairo_t             *cr,
           UrokBoardPage       *page,
           const UrokBoardRect *extent,
           double               scale)
{
  UrokBoardBackground background = urok_board_page_get_background (page);

  cairo_save (cr);
  if (background == UROK_BOARD_BACKGROUND_PDF)
    {
      cairo_save (cr);
      cairo_scale (cr, scale, scale);
      cairo_translate (cr, -extent->x, -extent->y);
      if (!urok_board_render_pdf_background (cr, urok_board_page_get_background_data (page),
                                             urok_board_page_get_background_parameter (page),
                                             urok_board_page_get_width (page), urok_board_page_get_height (page)))
        {
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
        }
      cairo_restore (cr);
    }
  else
    urok_board_render_background (cr, background, urok_board_page_get_width (page),
                                  urok_board_page_get_height (page), urok_board_page_get_background_data (page),
                                  extent, scale);
  urok_board_render_items (cr, page, extent, scale, UROK_BOARD_RENDER_NO_LOD);
  cairo_restore (cr);
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GOutputStream *stream = closure;

  /* The first error sticks to the stream; the caller reads it at close. */
  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
fail_surface (cairo_status_t status,
              const char    *path,
              GError       **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
urok_board_export (GPtrArray              *pages,
                   UrokBoardExportFormat   format,
                   const char             *path,
                   double                  scale,
                   GError                **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abandon = g_cancellable_new ();
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  UrokBoardRect extent;

  g_return_val_if_fail (pages != NULL && pages->len > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format != UROK_BOARD_EXPORT_PDF && pages->len != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("An SVG or PNG file holds one whiteboard page; choose PDF for several"));
      return FALSE;
    }
  if (!(scale > 0 && scale <= 16))
    scale = 1;

  /* g_file_replace() writes a temporary file and renames it over @path
   * only when closed uncancelled. */
  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;

  urok_board_export_get_extent (pages->pdata[0], &extent);
  switch (format)
    {
    case UROK_BOARD_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_stream, out,
                                                     MIN (extent.width * POINTS_PER_UNIT, MAX_PAGE_POINTS),
                                                     MIN (extent.height * POINTS_PER_UNIT, MAX_PAGE_POINTS));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Urok");
      for (guint i = 0; i < pages->len; i++)
        {
          cairo_t *cr;
          double s;

          urok_board_export_get_extent (pages->pdata[i], &extent);
          s = MIN (POINTS_PER_UNIT, MIN (MAX_PAGE_POINTS / extent.width, MAX_PAGE_POINTS / extent.height));
          cairo_pdf_surface_set_size (surface, extent.width * s, extent.height * s);
          cr = cairo_create (surface);
          draw_page (cr, pages->pdata[i], &extent, s);
          cairo_show_page (cr);
          cairo_destroy (cr);
        }
      break;

    case UROK_BOARD_EXPORT_SVG:
      {
        cairo_t *cr;

        surface = cairo_svg_surface_create_for_stream (write_to_stream, out, extent.width, extent.height);
        cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
        cr = cairo_create (surface);
        draw_page (cr, pages->pdata[0], &extent, 1);
        cairo_destroy (cr);
      }
      break;

    case UROK_BOARD_EXPORT_PNG:
      {
        cairo_t *cr;
        double w, h;

        scale = MIN (scale, MIN (MAX_PIXELS_SIDE / extent.width, MAX_PIXELS_SIDE / extent.height));
        w = ceil (extent.width * scale);
        h = ceil (extent.height * scale);
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)w, (int)h);
        cr = cairo_create (surface);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_paint (cr);
        draw_page (cr, pages->pdata[0], &extent, scale);
        cairo_destroy (cr);
        status = cairo_surface_status (surface);
        if (status == CAIRO_STATUS_SUCCESS)
          status = cairo_surface_write_to_png_stream (surface, write_to_stream, out);
        if (status != CAIRO_STATUS_SUCCESS)
          {
            cairo_surface_destroy (surface);
            g_cancellable_cancel (abandon);
            g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
            return fail_surface (status, path, error);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return fail_surface (status, path, error);
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

static gboolean
pdf_invalid (GError    **error,
             const char *problem)
{
  /* Translators: %s says what is wrong with the PDF file. */
  g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID, _("Could not import the PDF: %s"), problem);
  return FALSE;
}

GPtrArray *
urok_board_import_pdf (GBytes  *pdf,
                       guint    max_pages,
                       GError **error)
{
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  int n;

  g_return_val_if_fail (pdf != NULL, NULL);

  if (max_pages == 0)
    max_pages = 500;
  doc = poppler_document_new_from_bytes (pdf, NULL, &local_error);
  if (doc == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        return pdf_invalid (error, _("it is protected by a password")), NULL;
      return pdf_invalid (error, _("it is not a readable PDF file")), NULL;
    }
  n = poppler_document_get_n_pages (doc);
  if (n <= 0)
    return pdf_invalid (error, _("it has no pages")), NULL;
  if ((guint)n > max_pages)
    return pdf_invalid (error, _("it has too many pages")), NULL;

  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) ppage = poppler_document_get_page (doc, i);
      g_autoptr(GBytes) bytes = NULL;
      UrokBoardPage *page;
      cairo_status_t status;
      double w, h;

      if (ppage == NULL)
        return pdf_invalid (error, _("a page cannot be read")), NULL;
      poppler_page_get_size (ppage, &w, &h);
      if (!(w >= 1 && h >= 1 && w <= MAX_PAGE_POINTS && h <= MAX_PAGE_POINTS))
        return pdf_invalid (error, _("a page has an absurd size")), NULL;

      bytes = _urok_board_pdf_page_alone (ppage, w, h, &status);
      if (bytes == NULL)
        return pdf_invalid (error, cairo_status_to_string (status)), NULL;
      page = urok_board_page_new ();
      urok_board_page_set_size (page, w / POINTS_PER_UNIT, h / POINTS_PER_UNIT);
      urok_board_page_set_background (page, UROK_BOARD_BACKGROUND_PDF);
      urok_board_page_set_background_parameter (page, "1");
      urok_board_page_set_background_data (page, bytes);
      g_ptr_array_add (pages, page);
    }
  return g_steal_pointer (&pages);
}
