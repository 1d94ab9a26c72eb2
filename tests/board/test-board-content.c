/* test-board-content.c: what a teacher puts on a page: texts (the text
 * tool's tap and commit, rendering), pictures (checked, scaled, kept in
 * the item) and PDF page backgrounds (taken out, drawn, cached).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "core-test-util.h"
#include "urok-board-content.h"
#include "urok-board-input.h"
#include "urok-board-render-private.h"

static cairo_surface_t *
render (UrokBoardPage *page,
        double         scale)
{
  UrokBoardRect rect = { 0, 0, urok_board_page_get_width (page), urok_board_page_get_height (page) };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)(rect.width * scale),
                                                         (int)(rect.height * scale));
  cairo_t *cr = cairo_create (surface);

  urok_board_render_page (cr, page, &rect, scale, UROK_BOARD_RENDER_DEFAULT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *s,
       int              x,
       int              y)
{
  const guint8 *row = cairo_image_surface_get_data (s) + y * cairo_image_surface_get_stride (s);

  return ((const guint32 *)(gconstpointer)row)[x] & 0xffffff;
}

/* Pixels darker than mid-grey within a rectangle. */
static guint
count_dark (cairo_surface_t *s,
            int              x0,
            int              y0,
            int              x1,
            int              y1)
{
  guint n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, cairo_image_surface_get_height (s)); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, cairo_image_surface_get_width (s)); x++)
      {
        guint32 p = pixel (s, x, y);

        if (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff) < 3 * 128)
          n++;
      }
  return n;
}

static void
on_text_requested (UrokBoardInput *input,
                   double          x,
                   double          y,
                   guint64         id,
                   double         *out)
{
  out[0] = x;
  out[1] = y;
  out[2] = (double)id;
  out[3] += 1;
}

static void
tap (UrokBoardInput *input,
     double          x,
     double          y)
{
  UrokBoardEvent event = { 1, UROK_BOARD_DEVICE_MOUSE, UROK_BOARD_PHASE_BEGIN, x, y, -1, 0 };

  g_assert_true (urok_board_input_handle_event (input, &event));
  event.phase = UROK_BOARD_PHASE_END;
  event.time_ms = 80;
  urok_board_input_handle_event (input, &event);
}

static void
test_text_tool (void)
{
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  g_autoptr(UrokBoardInput) input = urok_board_input_new (page);
  UrokBoardColor red = { 0.8f, 0, 0, 1 };
  double got[4] = { 0, 0, 0, 0 };
  guint64 id, again;
  UrokBoardItem *item;
  UrokBoardToolKind kind;

  g_assert_true (urok_board_tool_kind_from_string ("text", &kind));
  g_assert_cmpint (kind, ==, UROK_BOARD_TOOL_KIND_TEXT);
  urok_board_input_set_tool (input, UROK_BOARD_TOOL_KIND_TEXT);
  urok_board_input_set_color (input, &red);
  urok_board_input_set_view (input, 0.5, 10, 20);
  g_signal_connect (input, "text-requested", G_CALLBACK (on_text_requested), got);

  /* A tap on an empty spot asks for a new text there (board units). */
  tap (input, 110, 220);
  g_assert_cmpfloat (got[3], ==, 1);
  g_assert_cmpfloat_with_epsilon (got[0], 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (got[1], 400, 1e-9);
  g_assert_cmpfloat (got[2], ==, 0);
  g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 0);

  /* Empty or blank text adds nothing, and is no undo step. */
  g_assert_cmpuint (urok_board_input_commit_text (input, 0, 200, 400, 48, ""), ==, 0);
  g_assert_cmpuint (urok_board_input_commit_text (input, 0, 200, 400, 48, " \n\t"), ==, 0);
  g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 0);
  g_assert_false (urok_board_page_can_undo (page));

  id = urok_board_input_commit_text (input, 0, 200, 400, 48, "x = 5");
  g_assert_cmpuint (id, !=, 0);
  item = urok_board_page_lookup (page, id);
  g_assert_cmpint (urok_board_item_get_kind (item), ==, UROK_BOARD_ITEM_TEXT);
  g_assert_cmpstr (urok_board_item_get_text (item), ==, "x = 5");
  g_assert_cmpfloat (urok_board_item_get_font_size (item), ==, 48);
  g_assert_cmpfloat (urok_board_item_get_color (item)->red, ==, red.red);
  g_assert_cmpfloat (urok_board_item_get_box (item)->x, ==, 200);
  g_assert_cmpfloat (urok_board_item_get_box (item)->y, ==, 400);
  /* Wide enough for five characters of 48 units, one line high. */
  g_assert_cmpfloat (urok_board_item_get_box (item)->width, >, 48 * 2);
  g_assert_cmpfloat (urok_board_item_get_box (item)->height, >, 48);
  g_assert_cmpfloat (urok_board_item_get_box (item)->height, <, 48 * 2);

  /* A tap on it asks to edit it. */
  tap (input, 10 + 0.5 * 220, 20 + 0.5 * 420);
  g_assert_cmpfloat (got[3], ==, 2);
  g_assert_cmpuint ((guint64)got[2], ==, id);

  /* The edit is a replacement: same id, same place, one undo step back. */
  again = urok_board_input_commit_text (input, id, 0, 0, 12, "x = 5\ny = 7");
  g_assert_cmpuint (again, ==, id);
  g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 1);
  item = urok_board_page_lookup (page, id);
  g_assert_cmpstr (urok_board_item_get_text (item), ==, "x = 5\ny = 7");
  g_assert_cmpfloat (urok_board_item_get_font_size (item), ==, 48);
  g_assert_cmpfloat (urok_board_item_get_box (item)->x, ==, 200);
  g_assert_cmpfloat (urok_board_item_get_box (item)->height, >, 48 * 2);
  g_assert_true (urok_board_page_undo (page));
  g_assert_cmpstr (urok_board_item_get_text (urok_board_page_lookup (page, id)), ==, "x = 5");
  g_assert_true (urok_board_page_redo (page));

  /* Emptying an existing text removes it. */
  g_assert_cmpuint (urok_board_input_commit_text (input, id, 0, 0, 12, ""), ==, 0);
  g_assert_null (urok_board_page_lookup (page, id));
}

static void
test_text_render (void)
{
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  g_autoptr(UrokBoardInput) input = urok_board_input_new (page);
  cairo_surface_t *surface;
  const UrokBoardRect *box;
  guint inside, outside;
  guint64 id;

  id = urok_board_input_commit_text (input, 0, 100, 100, 64, "Привет, 5 «б»!");
  box = urok_board_item_get_box (urok_board_page_lookup (page, id));
  surface = render (page, 0.5);
  inside = count_dark (surface, box->x / 2, box->y / 2, (box->x + box->width) / 2, (box->y + box->height) / 2);
  outside = count_dark (surface, 0, 0, 960, box->y / 2 - 1) + count_dark (surface, 0, (box->y + box->height) / 2 + 1, 960, 540);
  /* Glyphs cover a good part of the box; nothing is drawn beyond it. */
  g_assert_cmpuint (inside, >, box->width * box->height / 4 / 20);
  g_assert_cmpuint (outside, ==, 0);
  {
    g_autofree char *path = g_build_filename (BOARD_OUTPUT_DIR, "board-text.png", NULL);

    cairo_surface_write_to_png (surface, path);
  }
  cairo_surface_destroy (surface);
}

static cairo_status_t
append (void                *closure,
        const unsigned char *data,
        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PNG: red on the left half, blue on the right. */
static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (s);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 0, 0, width / 2.0, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_rectangle (cr, width / 2.0, 0, width / 2.0, height);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (s, append, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (s);
  return g_byte_array_free_to_bytes (png);
}

static void
test_image_round_trip (void)
{
  g_autoptr(GBytes) png = make_png (64, 48);
  g_autoptr(GBytes) prepared = NULL;
  g_autoptr(GBytes) encoded = NULL;
  g_autoptr(UrokBoardItem) item = NULL;
  g_autoptr(UrokBoardItem) back = NULL;
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  g_autoptr(UrokBoardPage) reloaded = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  UrokBoardRect box = { 400, 300, 640, 480 };
  cairo_surface_t *surface;
  int w = 0, h = 0;

  prepared = urok_board_image_prepare (png, &w, &h, &error);
  g_assert_no_error (error);
  g_assert_cmpint (w, ==, 64);
  g_assert_cmpint (h, ==, 48);
  g_assert_true (g_bytes_equal (prepared, png));

  item = urok_board_item_new_image (urok_board_page_next_id (page), 0, prepared, "image/png", &box);
  encoded = urok_board_item_serialize (item);
  back = urok_board_item_deserialize (encoded, &error);
  g_assert_no_error (error);
  g_assert_true (urok_board_item_equal (item, back));
  g_assert_true (g_bytes_equal (urok_board_item_get_bytes (back), png));
  g_assert_true (urok_board_page_add_item (page, back, &error));
  g_assert_no_error (error);

  json = urok_board_page_to_string (page);
  reloaded = urok_board_page_new_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (urok_board_item_get_bytes (urok_board_page_lookup (reloaded, urok_board_item_get_id (item))),
                                png));

  /* Drawn by the core, stretched over its box. */
  surface = render (reloaded, 0.5);
  g_assert_cmphex (pixel (surface, (400 + 100) / 2, (300 + 240) / 2), ==, 0xff0000);
  g_assert_cmphex (pixel (surface, (400 + 540) / 2, (300 + 240) / 2), ==, 0x0000ff);
  g_assert_cmphex (pixel (surface, 100, 100), ==, 0xffffff);
  cairo_surface_destroy (surface);
}

static void
test_image_downscaled (void)
{
  g_autoptr(GBytes) png = make_png (5000, 50);
  g_autoptr(GBytes) prepared = NULL;
  g_autoptr(GError) error = NULL;
  int w = 0, h = 0;

  prepared = urok_board_image_prepare (png, &w, &h, &error);
  g_assert_no_error (error);
  g_assert_cmpint (w, ==, UROK_BOARD_IMAGE_MAX_SIDE);
  g_assert_cmpint (h, ==, 41);
  /* Still a PNG that decodes, of that size. */
  {
    g_autoptr(GBytes) again = urok_board_image_prepare (prepared, &w, &h, &error);

    g_assert_no_error (error);
    g_assert_cmpint (w, ==, UROK_BOARD_IMAGE_MAX_SIDE);
  }
}

static void
assert_refused (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) prepared = NULL;
  int w = -1, h = -1;

  prepared = urok_board_image_prepare (bytes, &w, &h, &error);
  g_assert_null (prepared);
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Could not use the picture: "));
  g_assert_cmpint (w, ==, -1);
}

static void
test_bad_image (void)
{
  g_autoptr(GBytes) png = make_png (64, 48);
  gsize len;
  const guint8 *data = g_bytes_get_data (png, &len);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) text = g_bytes_new_static ("hello, this is not a picture at all, friends", 44);
  g_autoptr(GBytes) truncated = g_bytes_new (data, len / 2);
  g_autofree guint8 *huge = g_memdup2 (data, len);
  g_autofree guint8 *broken = g_memdup2 (data, len);
  g_autoptr(GBytes) huge_bytes = NULL;
  g_autoptr(GBytes) broken_bytes = NULL;

  assert_refused (empty);
  assert_refused (text);
  assert_refused (truncated);
  /* 60000 × 60000 in the header: refused before anything is decoded. */
  huge[18] = 0xea; huge[19] = 0x60; huge[22] = 0xea; huge[23] = 0x60;
  huge_bytes = g_bytes_new (huge, len);
  assert_refused (huge_bytes);
  /* Damaged pixel data (the CRC no longer matches). */
  for (gsize i = 40; i < len - 20; i++)
    broken[i] ^= 0x5a;
  broken_bytes = g_bytes_new (broken, len);
  assert_refused (broken_bytes);
}

/* A two-page PDF made by cairo: page 2 has a black square at (100, 50)
 * points, 200 points wide, on a 400 × 300 point page. */
static GBytes *
make_pdf (void)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append, pdf, 400, 300);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0, 0.5, 0);
  cairo_rectangle (cr, 0, 0, 50, 50);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 100, 50, 200, 200);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (pdf);
}

static void
test_pdf_background (void)
{
  g_autoptr(GBytes) pdf = make_pdf ();
  g_autoptr(GBytes) page2 = NULL;
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double w = 0, h = 0;
  guint before;

  g_assert_cmpuint (urok_board_pdf_count_pages (pdf, &error), ==, 2);
  g_assert_no_error (error);
  page2 = urok_board_pdf_extract_page (pdf, 2, &w, &h, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (w, 400 * 96 / 72.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (h, 300 * 96 / 72.0, 1e-6);
  g_assert_cmpuint (urok_board_pdf_count_pages (page2, &error), ==, 1);

  _urok_board_render_pdf_clear_cache ();
  before = _urok_board_render_pdf_get_n_rasterised ();
  urok_board_page_set_size (page, w, h);
  urok_board_page_set_background (page, UROK_BOARD_BACKGROUND_PDF);
  urok_board_page_set_background_parameter (page, "1");
  urok_board_page_set_background_data (page, page2);
  /* At scale 0.75 a point is a pixel: the square is 100..300 × 50..250. */
  surface = render (page, 0.75);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 400);
  g_assert_cmphex (pixel (surface, 200, 150), ==, 0x000000);
  g_assert_cmphex (pixel (surface, 105, 55), ==, 0x000000);
  g_assert_cmphex (pixel (surface, 50, 150), ==, 0xffffff);
  g_assert_cmphex (pixel (surface, 350, 280), ==, 0xffffff);
  g_assert_cmphex (pixel (surface, 10, 10), ==, 0xffffff);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (_urok_board_render_pdf_get_n_rasterised (), ==, before + 1);

  /* A tile elsewhere at the same scale copies the kept page: no poppler. */
  {
    UrokBoardRect tile = { 200, 100, 64, 64 };
    cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 48, 48);
    cairo_t *cr = cairo_create (s);

    urok_board_render_background (cr, UROK_BOARD_BACKGROUND_PDF, w, h, page2, &tile, 0.75);
    cairo_destroy (cr);
    cairo_surface_flush (s);
    /* Board (200, 100) is point (150, 75): inside the square. */
    g_assert_cmphex (pixel (s, 10, 10), ==, 0x000000);
    cairo_surface_destroy (s);
    g_assert_cmpuint (_urok_board_render_pdf_get_n_rasterised (), ==, before + 1);
  }

  /* The whole document with parameter 2 is the same picture. */
  urok_board_page_set_background_data (page, pdf);
  urok_board_page_set_background_parameter (page, "2");
  surface = render (page, 0.75);
  g_assert_cmphex (pixel (surface, 200, 150), ==, 0x000000);
  g_assert_cmphex (pixel (surface, 20, 20), ==, 0xffffff);
  cairo_surface_destroy (surface);

  /* Page 1 of it has the green corner. */
  urok_board_page_set_background_parameter (page, "1");
  surface = render (page, 0.75);
  g_assert_cmphex (pixel (surface, 20, 20), ==, 0x008000);
  g_assert_cmphex (pixel (surface, 200, 150), ==, 0xffffff);
  cairo_surface_destroy (surface);
  _urok_board_render_pdf_clear_cache ();
}

static void
test_bad_pdf (void)
{
  g_autoptr(GBytes) pdf = make_pdf ();
  g_autoptr(GBytes) junk = g_bytes_new_static ("%PDF-1.5 nothing more", 21);
  g_autoptr(GError) error = NULL;
  double w = 0, h = 0;

  g_assert_null (urok_board_pdf_extract_page (junk, 1, &w, &h, &error));
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (urok_board_pdf_extract_page (pdf, 3, &w, &h, &error));
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (urok_board_pdf_count_pages (junk, &error), ==, 0);
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/board/content/text-tool", test_text_tool);
  g_test_add_func ("/core/board/content/text-render", test_text_render);
  g_test_add_func ("/core/board/content/image-round-trip", test_image_round_trip);
  g_test_add_func ("/core/board/content/image-downscaled", test_image_downscaled);
  g_test_add_func ("/core/board/content/bad-image", test_bad_image);
  g_test_add_func ("/core/board/content/pdf-background", test_pdf_background);
  g_test_add_func ("/core/board/content/bad-pdf", test_bad_pdf);
  ret = core_test_run ();

  /* Font caches live as long as the process: freed here, LeakSanitizer
   * sees only what the board leaks. */
  _urok_board_render_pdf_clear_cache ();
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  FcFini ();
  return ret;
}
