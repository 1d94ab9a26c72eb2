/* pdf-test-make.h: small PDFs made with cairo for the PDF tests.
 *
 * Each page is 400 × 600 pt and says "Page N" at (50, 60); page 1 has a red
 * square at (100, 200) of 50 pt; page 3 says "photosynthesis" at (50, 120).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo-pdf.h>
#include <glib.h>

#define PDF_TEST_WIDTH 400.0
#define PDF_TEST_HEIGHT 600.0

static inline void
pdf_test_make (const char *path,
               guint       n_pages,
               gboolean    outline_and_metadata)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PDF_TEST_WIDTH, PDF_TEST_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  if (outline_and_metadata)
    {
      int chapter;

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Biology, grade 7");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "A. Petrova");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, "Biology");
      chapter = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, "Chapter 1. Cells", "page=1",
                                               CAIRO_PDF_OUTLINE_FLAG_OPEN);
      cairo_pdf_surface_add_outline (surface, chapter, "1.1 Plants", "page=3", 0);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, "Chapter 2", "page=2", 0);
    }
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 20);
  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *label = g_strdup_printf ("Page %u", i);

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, 50, 60);
      cairo_show_text (cr, label);
      if (i == 1)
        {
          cairo_set_source_rgb (cr, 1, 0, 0);
          cairo_rectangle (cr, 100, 200, 50, 50);
          cairo_fill (cr);
        }
      if (i == 3)
        {
          cairo_move_to (cr, 50, 120);
          cairo_show_text (cr, "The leaf does photosynthesis in light.");
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}
