/* test-board-io.c: whiteboard pages out to PDF, SVG and PNG and in from
 * PDF and Xournal++, with hostile files refused.  The test makes every
 * file it reads.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "board-store/board-store-test-util.h"
#include "core-test-util.h"
#include "urok-board-export.h"
#include "urok-board-import.h"
#include "urok-board-render.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static UrokBoardPage *
page_with_cross (void)
{
  UrokBoardPage *page = urok_board_page_new ();
  UrokBoardColor black = { 0, 0, 0, 1 };
  UrokBoardPoint a[] = { { 100, 100, 0.5f, 0 }, { 900, 500, 0.5f, 8 } };
  UrokBoardPoint b[] = { { 100, 500, 0.5f, 0 }, { 900, 100, 0.5f, 8 } };
  g_autoptr(UrokBoardItem) s1 = urok_board_item_new_stroke (1, 0, UROK_BOARD_TOOL_PEN, &black, 20, a, 2);
  g_autoptr(UrokBoardItem) s2 = urok_board_item_new_stroke (2, 0, UROK_BOARD_TOOL_PEN, &black, 20, b, 2);

  urok_board_page_set_size (page, 1000, 600);
  g_assert_true (urok_board_page_add_item (page, s1, NULL));
  g_assert_true (urok_board_page_add_item (page, s2, NULL));
  return page;
}

static GBytes *
read_file (const char *path)
{
  char *data;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static void
assert_dark (cairo_surface_t *surface,
             int              x,
             int              y,
             gboolean         dark)
{
  guint32 pixel;

  cairo_surface_flush (surface);
  pixel = *(guint32 *)(cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + 4 * x);
  if (dark)
    g_assert_cmpuint (pixel & 0xff, <, 0x40);
  else
    g_assert_cmpuint (pixel & 0xff, >, 0xc0);
}

static void
test_export (void)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *pdf_path = core_test_path ("board.pdf");
  g_autofree char *svg_path = core_test_path ("board.svg");
  g_autofree char *png_path = core_test_path ("board.png");
  g_autofree char *bad_path = core_test_path ("no/such/folder/board.pdf");
  g_autofree char *pdf_uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) second = NULL;
  UrokBoardPage *infinite = urok_board_page_new ();
  UrokBoardExportFormat format;
  cairo_surface_t *png;
  double w, h;

  g_ptr_array_add (pages, page_with_cross ());
  urok_board_page_set_size (infinite, 0, 0);
  {
    g_autoptr(UrokBoardItem) stroke = board_test_stroke (5, 30);

    g_assert_true (urok_board_page_add_item (infinite, stroke, NULL));
  }
  g_ptr_array_add (pages, infinite);

  g_assert_true (urok_board_export_format_for_path ("a/Доска.PDF", &format));
  g_assert_cmpint (format, ==, UROK_BOARD_EXPORT_PDF);
  g_assert_false (urok_board_export_format_for_path ("a.doc", &format));

  /* PDF: a page per board page, at 72 points per 96 units. */
  g_assert_true (urok_board_export (pages, UROK_BOARD_EXPORT_PDF, pdf_path, 1, &error));
  g_assert_no_error (error);
  pdf_uri = g_filename_to_uri (pdf_path, NULL, NULL);
  doc = poppler_document_new_from_file (pdf_uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  {
    g_autoptr(PopplerPage) first = poppler_document_get_page (doc, 0);

    poppler_page_get_size (first, &w, &h);
    g_assert_cmpfloat_with_epsilon (w, 750, 0.01);
    g_assert_cmpfloat_with_epsilon (h, 450, 0.01);
  }
  /* An infinite page is cut to its items. */
  second = poppler_document_get_page (doc, 1);
  poppler_page_get_size (second, &w, &h);
  g_assert_cmpfloat (w, <, 400);

  g_assert_true (urok_board_export (pages, UROK_BOARD_EXPORT_SVG, svg_path, 1, &error) == FALSE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_ptr_array_set_size (pages, 1);

  g_assert_true (urok_board_export (pages, UROK_BOARD_EXPORT_SVG, svg_path, 1, &error));
  g_assert_no_error (error);
  svg = read_file (svg_path);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "<svg"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "<path"));

  /* PNG at twice the size: the cross's centre is ink, a corner is paper. */
  g_assert_true (urok_board_export (pages, UROK_BOARD_EXPORT_PNG, png_path, 2, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 2000);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 1200);
  assert_dark (png, 1000, 600, TRUE);
  assert_dark (png, 20, 1180, FALSE);
  cairo_surface_destroy (png);

  /* A folder that is not there: an error and no file. */
  g_assert_false (urok_board_export (pages, UROK_BOARD_EXPORT_PDF, bad_path, 1, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
}

static cairo_status_t
append (void                *closure,
        const unsigned char *data,
        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A two-page PDF: A4 portrait with a black square top-left, then a wide
 * page. */
static GBytes *
make_pdf (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append, out, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_rectangle (cr, 0, 0, 100, 100);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_pdf_surface_set_size (surface, 800, 300);
  cairo_move_to (cr, 10, 10);
  cairo_line_to (cr, 700, 200);
  cairo_stroke (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

static void
test_import_pdf (void)
{
  g_autoptr(GBytes) pdf = make_pdf ();
  g_autoptr(GBytes) junk = g_bytes_new_static ("%PDF-1.4 nothing else", 21);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = urok_board_import_pdf (pdf, 0, &error);
  g_autoptr(GPtrArray) none = NULL;
  UrokBoardPage *first;
  GBytes *data;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 2);
  first = pages->pdata[0];
  g_assert_cmpfloat_with_epsilon (urok_board_page_get_width (first), 595 * 96.0 / 72, 0.01);
  g_assert_cmpfloat_with_epsilon (urok_board_page_get_height (first), 842 * 96.0 / 72, 0.01);
  g_assert_cmpint (urok_board_page_get_background (first), ==, UROK_BOARD_BACKGROUND_PDF);
  g_assert_cmpstr (urok_board_page_get_background_parameter (first), ==, "1");
  data = urok_board_page_get_background_data (first);
  g_assert_cmpmem (g_bytes_get_data (data, NULL), 5, "%PDF-", 5);
  g_assert_cmpfloat_with_epsilon (urok_board_page_get_width (pages->pdata[1]), 800 * 96.0 / 72, 0.01);

  /* The page's own PDF draws the square where it was, at any scale. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 397, 561);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.5, 0.5);
  g_assert_true (urok_board_render_pdf_background (cr, data, "1", urok_board_page_get_width (first),
                                                   urok_board_page_get_height (first)));
  cairo_destroy (cr);
  assert_dark (surface, 30, 30, TRUE);
  assert_dark (surface, 200, 300, FALSE);
  cairo_surface_destroy (surface);

  none = urok_board_import_pdf (junk, 0, &error);
  g_assert_null (none);
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
  g_clear_error (&error);
  none = urok_board_import_pdf (pdf, 1, &error);
  g_assert_null (none);
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
}

static GBytes *
gzip (const char *data,
      gsize       len)
{
  g_autoptr(GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GInputStream) mem = g_memory_input_stream_new_from_data (g_memdup2 (data, len), len, g_free);
  g_autoptr(GInputStream) in = g_converter_input_stream_new (mem, G_CONVERTER (z));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_cmpint (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL), >=, 0);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
png_base64 (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
  GByteArray *out = g_byte_array_new ();
  char *text;

  cairo_surface_write_to_png_stream (surface, append, out);
  cairo_surface_destroy (surface);
  text = g_base64_encode (out->data, out->len);
  g_byte_array_unref (out);
  return text;
}

static void
test_import_xopp (void)
{
  g_autofree char *png = png_base64 ();
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" standalone=\"no\"?>\n"
    "<xournal creator=\"Xournal++ 1.1.3\" fileversion=\"4\">\n"
    "<title>Xournal++ document</title>\n"
    "<page width=\"612.00\" height=\"792.00\">\n"
    "<background type=\"solid\" color=\"#ffffffff\" style=\"lined\"/>\n"
    "<layer>\n"
    "<stroke tool=\"pen\" ts=\"0\" fn=\"\" color=\"#3333ccff\" width=\"2 0.8 2 3.2\">10 20 30 40 50 60 70 80</stroke>\n"
    "<stroke tool=\"highlighter\" color=\"#ffff0080\" width=\"8.5\">100 100 200 100</stroke>\n"
    "</layer>\n"
    "<layer>\n"
    "<text font=\"Sans\" size=\"12\" x=\"72\" y=\"144\" color=\"#000000ff\">Дроби\nx = 5</text>\n"
    "<image left=\"300\" top=\"300\" right=\"372\" bottom=\"336\">%s</image>\n"
    "</layer>\n"
    "</page>\n"
    "<page width=\"100\" height=\"50\">\n"
    "<background type=\"solid\" color=\"#ffffffff\" style=\"graph\"/>\n"
    "<layer><stroke tool=\"pen\" color=\"red\" width=\"1\">0 0 10 10</stroke></layer>\n"
    "</page>\n"
    "</xournal>\n", png);
  g_autoptr(GBytes) file = gzip (xml, strlen (xml));
  g_autoptr(GBytes) plain = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = urok_board_import_xopp (file, &error);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const double k = 96.0 / 72;
  const UrokBoardPoint *points;
  const UrokBoardColor *color;
  gsize n;
  UrokBoardPage *page;

  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 2);
  page = pages->pdata[0];
  g_assert_cmpfloat_with_epsilon (urok_board_page_get_width (page), 612 * k, 1e-6);
  g_assert_cmpfloat_with_epsilon (urok_board_page_get_height (page), 792 * k, 1e-6);
  g_assert_cmpint (urok_board_page_get_background (page), ==, UROK_BOARD_BACKGROUND_LINES);
  g_assert_cmpuint (urok_board_page_get_n_layers (page), ==, 2);
  g_assert_false (urok_board_page_can_undo (page));
  items = urok_board_page_get_items (page);
  g_assert_cmpuint (items->len, ==, 4);

  /* Per-point widths are pressure: w / base = 0.4 + 1.2 p. */
  g_assert_cmpint (urok_board_item_get_kind (items->pdata[0]), ==, UROK_BOARD_ITEM_STROKE);
  g_assert_cmpint (urok_board_item_get_tool (items->pdata[0]), ==, UROK_BOARD_TOOL_PEN);
  g_assert_cmpfloat_with_epsilon (urok_board_item_get_width (items->pdata[0]), 2 * k, 1e-5);
  points = urok_board_item_get_points (items->pdata[0], &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat_with_epsilon (points[1].x, 30 * k, 1e-4);
  g_assert_cmpfloat_with_epsilon (points[1].y, 40 * k, 1e-4);
  g_assert_cmpfloat_with_epsilon (points[0].pressure, 0.0, 1e-5);
  g_assert_cmpfloat_with_epsilon (points[1].pressure, 0.5, 1e-5);
  g_assert_cmpfloat_with_epsilon (points[2].pressure, 1.0, 1e-5);
  color = urok_board_item_get_color (items->pdata[0]);
  g_assert_cmpfloat_with_epsilon (color->blue, 0.8, 1e-5);

  g_assert_cmpint (urok_board_item_get_tool (items->pdata[1]), ==, UROK_BOARD_TOOL_HIGHLIGHTER);
  g_assert_cmpfloat_with_epsilon (urok_board_item_get_color (items->pdata[1])->alpha, 128 / 255.0, 1e-5);

  g_assert_cmpint (urok_board_item_get_kind (items->pdata[2]), ==, UROK_BOARD_ITEM_TEXT);
  g_assert_cmpstr (urok_board_item_get_text (items->pdata[2]), ==, "Дроби\nx = 5");
  g_assert_cmpuint (urok_board_item_get_layer (items->pdata[2]), ==, 1);
  g_assert_cmpfloat_with_epsilon (urok_board_item_get_font_size (items->pdata[2]), 12 * k, 1e-5);
  g_assert_cmpfloat_with_epsilon (urok_board_item_get_box (items->pdata[2])->x, 72 * k, 1e-6);

  g_assert_cmpint (urok_board_item_get_kind (items->pdata[3]), ==, UROK_BOARD_ITEM_IMAGE);
  g_assert_cmpstr (urok_board_item_get_text (items->pdata[3]), ==, "image/png");
  g_assert_cmpfloat_with_epsilon (urok_board_item_get_box (items->pdata[3])->width, 72 * k, 1e-6);

  g_assert_cmpint (urok_board_page_get_background (pages->pdata[1]), ==, UROK_BOARD_BACKGROUND_SQUARES);
  g_assert_cmpuint (urok_board_page_get_n_items (pages->pdata[1]), ==, 1);

  /* Uncompressed XML is read too. */
  again = urok_board_import_xopp (plain, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 2);
}

static void
assert_refused (GBytes     *file,
                const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = urok_board_import_xopp (file, &error);

  g_assert_null (pages);
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
  g_test_message ("%s: %s", why, error->message);
}

static void
assert_refused_xml (const char *xml,
                    const char *why)
{
  g_autoptr(GBytes) file = gzip (xml, strlen (xml));

  assert_refused (file, why);
}

static void
test_hostile_xopp (void)
{
  static const char good[] =
    "<xournal><page width=\"100\" height=\"100\"><layer>"
    "<stroke tool=\"pen\" color=\"#000000ff\" width=\"1\">0 0 10 10</stroke></layer></page></xournal>";
  g_autoptr(GBytes) whole = gzip (good, strlen (good));
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) - 6);
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) bomb = NULL;
  g_autoptr(GString) laughs = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE xournal [\n<!ENTITY a \"ha\">\n");
  gint64 start;

  {
    g_autoptr(GPtrArray) ok = urok_board_import_xopp (whole, NULL);

    g_assert_nonnull (ok);
  }
  assert_refused (truncated, "truncated gzip");
  {
    guint8 *copy = g_memdup2 (g_bytes_get_data (whole, NULL), g_bytes_get_size (whole));

    memset (copy + 12, 0xff, 8);
    damaged = g_bytes_new_take (copy, g_bytes_get_size (whole));
    assert_refused (damaged, "damaged gzip");
  }
  assert_refused_xml ("<xournal><page width=\"100\" height=\"100\"><layer>", "broken XML");
  assert_refused_xml ("<svg/>", "not Xournal++");
  assert_refused_xml ("<xournal></xournal>", "no pages");
  assert_refused_xml ("<xournal><page width=\"1e300\" height=\"100\"/></xournal>", "absurd page size");
  assert_refused_xml ("<xournal><page width=\"100\" height=\"100\"><layer>"
                      "<stroke tool=\"pen\" color=\"#000000ff\" width=\"1\">0 0 nan 10</stroke>"
                      "</layer></page></xournal>", "NaN coordinate");
  assert_refused_xml ("<xournal><page width=\"100\" height=\"100\"><layer>"
                      "<stroke tool=\"pen\" color=\"#000000ff\" width=\"1\">0 0 1e30 10</stroke>"
                      "</layer></page></xournal>", "absurd coordinate");
  assert_refused_xml ("<xournal><page width=\"100\" height=\"100\"><layer>"
                      "<stroke tool=\"pen\" color=\"nope\" width=\"1\">0 0 1 10</stroke>"
                      "</layer></page></xournal>", "bad colour");
  assert_refused_xml ("<xournal><page width=\"100\" height=\"100\"><layer>"
                      "<image left=\"0\" top=\"0\" right=\"10\" bottom=\"10\">bm90IGEgcG5n</image>"
                      "</layer></page></xournal>", "image that is not a PNG");

  /* Billion laughs: ten levels of ten references. */
  for (int i = 1; i < 10; i++)
    {
      g_string_append_printf (laughs, "<!ENTITY %c \"", 'a' + i);
      for (int j = 0; j < 10; j++)
        g_string_append_printf (laughs, "&%c;", 'a' + i - 1);
      g_string_append (laughs, "\">\n");
    }
  g_string_append (laughs, "]>\n<xournal><page width=\"100\" height=\"100\"><layer>"
                           "<text size=\"12\" x=\"0\" y=\"0\" color=\"#000000ff\">&j;</text>"
                           "</layer></page></xournal>");
  start = g_get_monotonic_time ();
  assert_refused_xml (laughs->str, "billion laughs");
  g_test_message ("billion laughs refused in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  /* 300 MB of spaces in 300 KB. */
  {
    gsize big = 300u << 20;
    char *spaces = g_malloc (big);

    memset (spaces, ' ', big);
    memcpy (spaces, "<xournal>", 9);
    bomb = gzip (spaces, big);
    g_free (spaces);
    g_assert_cmpuint (g_bytes_get_size (bomb), <, 1u << 20);
    assert_refused (bomb, "gzip bomb");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/board-io/export", test_export);
  g_test_add_func ("/core/board-io/import-pdf", test_import_pdf);
  g_test_add_func ("/core/board-io/import-xopp", test_import_xopp);
  g_test_add_func ("/core/board-io/hostile-xopp", test_hostile_xopp);
  return core_test_run ();
}
