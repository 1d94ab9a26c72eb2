/* test-pdf-tiles.c: the PDF view's tile cache: tiles made on the worker
 * show the right part of the page, the cache keeps to its memory cap by
 * dropping the least recently used, and dropped requests come to nothing.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "core-test-util.h"
#include "pdf-test-make.h"
#include "urok-pdf-tiles.h"

#define TILE_BYTES ((gsize)UROK_PDF_TILE_SIZE * UROK_PDF_TILE_SIZE * 4)

static void
count_ready (gpointer user_data)
{
  (*(guint *)user_data)++;
}

static void
wait_idle (UrokPdfTiles *tiles)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (urok_pdf_tiles_get_n_pending (tiles) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static UrokPdf *
open_made (void)
{
  g_autofree char *path = core_test_path ("made.pdf");
  g_autoptr(GError) error = NULL;
  UrokPdf *pdf;

  pdf_test_make (path, 3, FALSE);
  pdf = urok_pdf_new_from_file (path, &error);
  g_assert_no_error (error);
  return pdf;
}

static guint32
texture_pixel (GdkTexture *texture,
               int         x,
               int         y)
{
  gsize stride = (gsize)gdk_texture_get_width (texture) * 4;
  g_autofree guint8 *pixels = g_malloc (stride * gdk_texture_get_height (texture));
  const guint8 *p;

  gdk_texture_download (texture, pixels, stride);
  p = pixels + y * stride + x * 4;
  return (guint32)p[3] << 24 | (guint32)p[2] << 16 | (guint32)p[1] << 8 | p[0];
}

static void
test_lru_cap (void)
{
  g_autoptr(UrokPdf) pdf = open_made ();
  guint ready = 0;
  UrokPdfTiles *tiles = urok_pdf_tiles_new (pdf, 4 * TILE_BYTES, count_ready, &ready);
  GdkTexture *texture;

  /* Six tiles, one after another so the order they finish in is known. */
  for (int i = 0; i < 6; i++)
    {
      urok_pdf_tiles_request (tiles, 0, 2.0, i % 3, i / 3, 256, 256);
      wait_idle (tiles);
    }
  g_assert_cmpuint (ready, >=, 1);
  g_assert_cmpuint (urok_pdf_tiles_get_n_rendered (tiles), ==, 6);
  g_assert_cmpuint (urok_pdf_tiles_get_bytes (tiles), <=, 4 * TILE_BYTES);
  g_assert_null (urok_pdf_tiles_lookup (tiles, 0, 2.0, 0, 0));
  g_assert_null (urok_pdf_tiles_lookup (tiles, 0, 2.0, 1, 0));

  /* Tile (0, 1) at 2 px/pt is page pixels 0–256 × 256–512: the red square
   * (200–300 × 400–500) begins at (200, 144) in it.  Opaque everywhere. */
  texture = urok_pdf_tiles_lookup (tiles, 0, 2.0, 0, 1);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 256);
  g_assert_cmphex (texture_pixel (texture, 220, 160), ==, 0xffff0000);
  g_assert_cmphex (texture_pixel (texture, 190, 160), ==, 0xffffffff);
  g_assert_cmphex (texture_pixel (texture, 220, 130), ==, 0xffffffff);

  /* A use makes (0, 1) the most recent: the next tile evicts (2, 0) instead. */
  g_assert_nonnull (urok_pdf_tiles_lookup (tiles, 0, 2.0, 2, 0));
  g_assert_nonnull (urok_pdf_tiles_lookup (tiles, 0, 2.0, 0, 1));
  urok_pdf_tiles_request (tiles, 0, 2.0, 0, 2, 256, 256);
  wait_idle (tiles);
  g_assert_nonnull (urok_pdf_tiles_lookup (tiles, 0, 2.0, 0, 1));
  g_assert_null (urok_pdf_tiles_lookup (tiles, 0, 2.0, 1, 1));
  g_assert_cmpuint (urok_pdf_tiles_get_bytes (tiles), <=, 4 * TILE_BYTES);

  /* The nearest zoom with tiles of the page, for stretching. */
  g_assert_cmpfloat (urok_pdf_tiles_nearest_scale (tiles, 0, 3.0), ==, 2.0);
  g_assert_cmpfloat (urok_pdf_tiles_nearest_scale (tiles, 1, 3.0), ==, 0);
  urok_pdf_tiles_free (tiles);
}

static void
test_drop_requests (void)
{
  g_autoptr(UrokPdf) pdf = open_made ();
  guint ready = 0;
  UrokPdfTiles *tiles = urok_pdf_tiles_new (pdf, 64 * TILE_BYTES, count_ready, &ready);
  guint rendered;

  for (int i = 0; i < 40; i++)
    urok_pdf_tiles_request (tiles, 1, 4.0, i % 6, i / 6, 256, 256);
  g_assert_cmpuint (urok_pdf_tiles_get_n_pending (tiles), ==, 40);
  urok_pdf_tiles_drop_requests (tiles);
  g_assert_cmpuint (urok_pdf_tiles_get_n_pending (tiles), ==, 0);
  /* Ask for one tile again: it comes, the dropped ones mostly do not. */
  urok_pdf_tiles_request (tiles, 1, 4.0, 0, 0, 256, 256);
  wait_idle (tiles);
  g_assert_nonnull (urok_pdf_tiles_lookup (tiles, 1, 4.0, 0, 0));
  rendered = urok_pdf_tiles_get_n_rendered (tiles);
  g_test_message ("rendered %u of 41 asked", rendered);
  g_assert_cmpuint (rendered, <, 40);

  /* Freed with work queued: the worker's jobs finish into nothing. */
  for (int i = 0; i < 20; i++)
    urok_pdf_tiles_request (tiles, 2, 3.0, i % 4, i / 4, 256, 256);
  urok_pdf_tiles_free (tiles);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/pdf-tiles/lru-cap", test_lru_cap);
  g_test_add_func ("/ui/pdf-tiles/drop-requests", test_drop_requests);

  return core_test_run ();
}
