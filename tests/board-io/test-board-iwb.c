/* test-board-iwb.c: IWB Common File Format files in as board pages, and
 * hostile ones refused.  The test writes every file it reads (zips made
 * with libarchive, images with cairo and gdk-pixbuf).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <string.h>

#include "urok-board-import.h"

#define HEAD "<iwb xmlns=\"http://www.becta.org.uk/iwb\" xmlns:svg=\"http://www.w3.org/2000/svg\" " \
             "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.0\">"

typedef struct
{
  const char *name;
  const void *data;
  gsize       size;
} Entry;

static GBytes *
zip (const Entry *entries,
     guint        n)
{
  struct archive *a = archive_write_new ();
  gsize cap = 8u << 20, used = 0;
  guint8 *buffer = g_malloc (cap);

  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_memory (a, buffer, cap, &used), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *e = archive_entry_new ();

      archive_entry_set_pathname (e, entries[i].name);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      archive_entry_set_size (e, (la_int64_t)entries[i].size);
      g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, entries[i].data, entries[i].size), ==, (la_ssize_t)entries[i].size);
      archive_entry_free (e);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
  return g_bytes_new_take (g_realloc (buffer, used), used);
}

static GBytes *
iwb (const char *content)
{
  Entry e = { "content.xml", content, strlen (content) };

  return zip (&e, 1);
}

/* A w×h PNG or JPEG of one colour. */
static GBytes *
image (const char *type,
       int         w,
       int         h,
       guint32     rgba)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, w, h);
  char *data;
  gsize len;

  gdk_pixbuf_fill (pixbuf, rgba);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &len, type, NULL, NULL));
  return g_bytes_new_take (data, len);
}

static UrokBoardItem *
item (UrokBoardPage *page,
      guint64        id,
      UrokBoardItemKind kind)
{
  UrokBoardItem *it = urok_board_page_lookup (page, id);

  g_assert_nonnull (it);
  g_assert_cmpint (urok_board_item_get_kind (it), ==, kind);
  return it;
}

static void
assert_color (const UrokBoardColor *c,
              float                 r,
              float                 g,
              float                 b,
              float                 a)
{
  g_assert_cmpfloat_with_epsilon (c->red, r, 0.01);
  g_assert_cmpfloat_with_epsilon (c->green, g, 0.01);
  g_assert_cmpfloat_with_epsilon (c->blue, b, 0.01);
  g_assert_cmpfloat_with_epsilon (c->alpha, a, 0.01);
}

static void
test_import (void)
{
  static const char content[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" HEAD
    "<iwb:meta name=\"creator\" content=\"test\" xmlns:iwb=\"http://www.becta.org.uk/iwb\"/>"
    "<svg:svg width=\"1600\" height=\"1200\" viewBox=\"0 0 800 600\"><svg:pageSet>"
    "<svg:page>"
    "<svg:image id=\"bg\" x=\"0\" y=\"0\" width=\"800\" height=\"600\" xlink:href=\"images/back.png\"/>"
    "<svg:polyline points=\"10,10 20,20 30,15\" stroke=\"#ff0000\" stroke-width=\"2\" fill=\"none\"/>"
    "<svg:path d=\"M 100 100 L 200 100 L 200 200 Z\" style=\"fill:rgb(0,0,255);stroke:none\"/>"
    "<svg:path d=\"m 300 300 c 10 0 20 10 20 20 q 10 10 20 0\" stroke=\"green\" fill=\"none\"/>"
    "<svg:line x1=\"0\" y1=\"0\" x2=\"50\" y2=\"0\" stroke=\"black\" stroke-width=\"3\"/>"
    "<svg:g transform=\"translate(100,50)\" fill=\"#00ff00\" fill-opacity=\"0.5\">"
    "<svg:rect x=\"0\" y=\"0\" width=\"40\" height=\"20\" stroke=\"#000\"/>"
    "<svg:circle cx=\"10\" cy=\"10\" r=\"5\"/>"
    "</svg:g>"
    "<svg:ellipse cx=\"400\" cy=\"300\" rx=\"30\" ry=\"10\" fill=\"none\" stroke=\"blue\"/>"
    "<svg:polygon points=\"0,0 10,0 5,8\" fill=\"red\"/>"
    "<svg:text x=\"10\" y=\"500\" font-size=\"20\" fill=\"#333333\">Дроби <svg:tspan>и доли</svg:tspan></svg:text>"
    "<svg:textArea x=\"500\" y=\"50\" width=\"200\" height=\"80\">строка<svg:tbreak/>вторая</svg:textArea>"
    "<svg:image x=\"10\" y=\"20\" width=\"30\" height=\"40\" xlink:href=\"images/photo.jpg\"/>"
    "<svg:video x=\"0\" y=\"0\" width=\"10\" height=\"10\" xlink:href=\"video.mp4\"/>"
    "</svg:page>"
    "<svg:page/>"
    "</svg:pageSet></svg:svg>"
    "<iwb:element ref=\"bg\" background=\"true\" locked=\"true\" xmlns:iwb=\"http://www.becta.org.uk/iwb\"/>"
    "</iwb>";
  g_autoptr(GBytes) back = image ("png", 8, 6, 0xffff00ff);
  g_autoptr(GBytes) photo = image ("jpeg", 30, 40, 0x0000ffff);
  Entry entries[] = {
    { "content.xml", content, sizeof content - 1 },
    { "images/back.png", g_bytes_get_data (back, NULL), g_bytes_get_size (back) },
    { "images/photo.jpg", g_bytes_get_data (photo, NULL), g_bytes_get_size (photo) },
  };
  g_autoptr(GBytes) file = zip (entries, G_N_ELEMENTS (entries));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = urok_board_import_iwb (file, &error);
  UrokBoardPage *page;
  UrokBoardItem *it;
  const UrokBoardPoint *pts;
  const UrokBoardRect *bounds;
  GBytes *bytes;
  gsize n;

  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 2);
  page = pages->pdata[0];
  /* The svg's size, with the viewBox scaling everything by 2. */
  g_assert_cmpfloat (urok_board_page_get_width (page), ==, 1600);
  g_assert_cmpfloat (urok_board_page_get_height (page), ==, 1200);
  g_assert_cmpint (urok_board_page_get_background (page), ==, UROK_BOARD_BACKGROUND_IMAGE);
  g_assert_true (g_bytes_equal (urok_board_page_get_background_data (page), back));
  /* The background image, the video and nothing else are left out. */
  g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 11);

  it = item (page, 1, UROK_BOARD_ITEM_STROKE);
  pts = urok_board_item_get_points (it, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (pts[1].x, ==, 40);
  g_assert_cmpfloat (pts[1].y, ==, 40);
  g_assert_cmpfloat (urok_board_item_get_width (it), ==, 4);
  assert_color (urok_board_item_get_color (it), 1, 0, 0, 1);

  it = item (page, 2, UROK_BOARD_ITEM_SHAPE);
  g_assert_cmpint (urok_board_item_get_shape (it), ==, UROK_BOARD_SHAPE_POLYGON);
  g_assert_nonnull (urok_board_item_get_fill (it));
  assert_color (urok_board_item_get_fill (it), 0, 0, 1, 1);
  bounds = urok_board_item_get_bounds (it);
  g_assert_cmpfloat_with_epsilon (bounds->x, 200, 1);
  g_assert_cmpfloat_with_epsilon (bounds->x + bounds->width, 400, 1);

  /* The curves, flattened: 1 + 16 + 16 points, ending at (340, 320) × 2. */
  it = item (page, 3, UROK_BOARD_ITEM_STROKE);
  pts = urok_board_item_get_points (it, &n);
  g_assert_cmpuint (n, ==, 33);
  g_assert_cmpfloat_with_epsilon (pts[16].x, 640, 0.01);
  g_assert_cmpfloat_with_epsilon (pts[16].y, 640, 0.01);
  g_assert_cmpfloat_with_epsilon (pts[32].x, 680, 0.01);
  g_assert_cmpfloat_with_epsilon (pts[32].y, 640, 0.01);
  assert_color (urok_board_item_get_color (it), 0, 0.5f, 0, 1);

  it = item (page, 4, UROK_BOARD_ITEM_SHAPE);
  g_assert_cmpint (urok_board_item_get_shape (it), ==, UROK_BOARD_SHAPE_LINE);
  g_assert_null (urok_board_item_get_fill (it));

  /* Inherited fill and opacity, the group's translation under the viewBox. */
  it = item (page, 5, UROK_BOARD_ITEM_SHAPE);
  g_assert_cmpint (urok_board_item_get_shape (it), ==, UROK_BOARD_SHAPE_RECTANGLE);
  assert_color (urok_board_item_get_fill (it), 0, 1, 0, 0.5f);
  assert_color (urok_board_item_get_color (it), 0, 0, 0, 1);
  bounds = urok_board_item_get_bounds (it);
  g_assert_cmpfloat_with_epsilon (bounds->x + bounds->width / 2, 240, 0.01);
  g_assert_cmpfloat_with_epsilon (bounds->y + bounds->height / 2, 120, 0.01);
  it = item (page, 6, UROK_BOARD_ITEM_SHAPE);
  g_assert_cmpint (urok_board_item_get_shape (it), ==, UROK_BOARD_SHAPE_ELLIPSE);
  g_assert_cmpfloat (urok_board_item_get_width (it), ==, 0); /* no stroke: outline of width 0 */
  it = item (page, 7, UROK_BOARD_ITEM_SHAPE);
  g_assert_cmpint (urok_board_item_get_shape (it), ==, UROK_BOARD_SHAPE_ELLIPSE);
  g_assert_null (urok_board_item_get_fill (it));
  it = item (page, 8, UROK_BOARD_ITEM_SHAPE);
  g_assert_cmpint (urok_board_item_get_shape (it), ==, UROK_BOARD_SHAPE_POLYGON);

  it = item (page, 9, UROK_BOARD_ITEM_TEXT);
  g_assert_cmpstr (urok_board_item_get_text (it), ==, "Дроби и доли");
  g_assert_cmpfloat (urok_board_item_get_font_size (it), ==, 20);
  assert_color (urok_board_item_get_color (it), 0.2f, 0.2f, 0.2f, 1);
  it = item (page, 10, UROK_BOARD_ITEM_TEXT);
  g_assert_cmpstr (urok_board_item_get_text (it), ==, "строка\nвторая");
  g_assert_cmpfloat (urok_board_item_get_box (it)->width, ==, 200);

  /* The JPEG, now a PNG of the same size. */
  it = item (page, 11, UROK_BOARD_ITEM_IMAGE);
  g_assert_cmpstr (urok_board_item_get_text (it), ==, "image/png");
  bytes = urok_board_item_get_bytes (it);
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "\x89PNG", 4) == 0);
  bounds = urok_board_item_get_bounds (it);
  g_assert_cmpfloat_with_epsilon (bounds->width, 60, 0.5);
  g_assert_cmpfloat_with_epsilon (bounds->height, 80, 0.5);
  {
    g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
    GdkPixbuf *decoded;
    guchar *px;

    g_assert_true (gdk_pixbuf_loader_write_bytes (loader, bytes, NULL));
    g_assert_true (gdk_pixbuf_loader_close (loader, NULL));
    decoded = gdk_pixbuf_loader_get_pixbuf (loader);
    g_assert_cmpint (gdk_pixbuf_get_width (decoded), ==, 30);
    px = gdk_pixbuf_get_pixels (decoded);
    g_assert_cmpint (px[2], >, 200); /* blue */
    g_assert_cmpint (px[0], <, 50);
  }
  g_assert_cmpuint (urok_board_page_get_n_items (pages->pdata[1]), ==, 0);

  /* What was imported survives its own JSON. */
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *json = urok_board_page_to_string (pages->pdata[i]);
      g_autoptr(UrokBoardPage) again = urok_board_page_new_from_string (json, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (urok_board_page_get_n_items (again), ==, urok_board_page_get_n_items (pages->pdata[i]));
    }
}

/* An svg with no pages is one page; IMS's namespace is read like BECTA's. */
static void
test_single_page (void)
{
  static const char content[] =
    "<iwb xmlns=\"http://www.imsglobal.org/xsd/iwb_v1p0\" xmlns:svg=\"http://www.w3.org/2000/svg\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
    "<svg:svg width=\"1024\" height=\"768\">"
    "<svg:g transform=\"rotate(90)\"><svg:rect width=\"10\" height=\"20\" fill=\"black\"/></svg:g>"
    "<svg:polyline points=\"5 5\" stroke=\"black\"/>"
    "<svg:rect width=\"10\" height=\"10\" display=\"none\"/>"
    "<svg:line x2=\"10\" stroke=\"red\" stroke-width=\"0\"/>"
    "<svg:image width=\"4\" height=\"4\" xlink:href=\"data:image/png;base64,%s\"/>"
    "</svg:svg></iwb>";
  g_autoptr(GBytes) png = image ("png", 4, 4, 0x00ff00ff);
  g_autofree char *encoded = g_base64_encode (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_autofree char *text = g_strdup_printf (content, encoded);
  g_autoptr(GBytes) file = iwb (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = urok_board_import_iwb (file, &error);
  const UrokBoardRect *bounds;
  UrokBoardPage *page;

  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 1);
  page = pages->pdata[0];
  g_assert_cmpfloat (urok_board_page_get_width (page), ==, 1024);
  /* Hidden, and a line of width 0: not there.  The data: image is. */
  g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 3);
  g_assert_true (g_bytes_equal (urok_board_item_get_bytes (item (page, 3, UROK_BOARD_ITEM_IMAGE)), png));
  /* Turned a quarter: 20 wide, 10 high, left of the y axis. */
  bounds = urok_board_item_get_bounds (item (page, 1, UROK_BOARD_ITEM_SHAPE));
  g_assert_cmpfloat_with_epsilon (bounds->width, 20, 0.01);
  g_assert_cmpfloat_with_epsilon (bounds->height, 10, 0.01);
  g_assert_cmpfloat_with_epsilon (bounds->x, -20, 0.01);
  /* A one-point polyline is a dot. */
  g_assert_cmpfloat (urok_board_item_get_width (item (page, 2, UROK_BOARD_ITEM_STROKE)), ==, 1);
}

static void
assert_refused (GBytes     *file,
                const char *why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = urok_board_import_iwb (file, &error);

  g_assert_null (pages);
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
  g_test_message ("%s: %s", why, error->message);
}

static void
assert_refused_content (const char *content,
                        const char *why)
{
  g_autoptr(GBytes) file = iwb (content);

  assert_refused (file, why);
}

static void
assert_refused_page (const char *body,
                     const char *why)
{
  g_autofree char *content = g_strconcat (HEAD "<svg:svg width=\"100\" height=\"100\">", body, "</svg:svg></iwb>", NULL);
  g_autoptr(GBytes) file = iwb (content);

  assert_refused (file, why);
}

static void
test_hostile (void)
{
  g_autoptr(GString) laughs = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE iwb [\n<!ENTITY a \"ha\">\n");
  g_autoptr(GString) deep = g_string_new (HEAD "<svg:svg width=\"100\" height=\"100\">");
  g_autoptr(GBytes) not_zip = g_bytes_new_static ("PK\3\4 not really a zip at all", 29);
  g_autoptr(GBytes) good = iwb (HEAD "<svg:svg width=\"100\" height=\"100\"><svg:rect width=\"1\" height=\"1\"/></svg:svg></iwb>");
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (good, 0, g_bytes_get_size (good) / 2);
  gint64 start;

  {
    g_autoptr(GPtrArray) ok = urok_board_import_iwb (good, NULL);

    g_assert_nonnull (ok);
  }
  assert_refused (not_zip, "not a zip");
  assert_refused (truncated, "truncated zip");
  {
    Entry e = { "other.xml", "<iwb/>", 6 };
    g_autoptr(GBytes) file = zip (&e, 1);

    assert_refused (file, "no content.xml");
  }
  {
    Entry e[] = { { "content.xml", HEAD "</iwb>", strlen (HEAD "</iwb>") }, { "../../evil.png", "x", 1 } };
    g_autoptr(GBytes) file = zip (e, 2);

    assert_refused (file, "path traversal in the zip");
  }
  {
    Entry e[] = { { "content.xml", HEAD "</iwb>", strlen (HEAD "</iwb>") }, { "/etc/evil", "x", 1 } };
    g_autoptr(GBytes) file = zip (e, 2);

    assert_refused (file, "absolute path in the zip");
  }
  {
    static const char body[] = HEAD "<svg:svg width=\"100\" height=\"100\">"
                               "<svg:image width=\"1\" height=\"1\" xlink:href=\"a.txt\"/></svg:svg></iwb>";
    Entry e[] = { { "content.xml", body, strlen (body) }, { "a.txt", "hello", 5 } };
    g_autoptr(GBytes) file = zip (e, 2);

    assert_refused (file, "image neither PNG nor JPEG");
  }
  {
    static const char body[] = HEAD "<svg:svg width=\"100\" height=\"100\">"
                               "<svg:image width=\"1\" height=\"1\" xlink:href=\"x.jpg\"/></svg:svg></iwb>";
    static const guint8 broken_jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1 };
    Entry e[] = { { "content.xml", body, strlen (body) }, { "x.jpg", broken_jpeg, sizeof broken_jpeg } };
    g_autoptr(GBytes) file = zip (e, 2);

    assert_refused (file, "damaged JPEG");
  }
  assert_refused_content ("<iwb><svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"/>", "broken XML");
  assert_refused_content ("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "not IWB");
  assert_refused_content (HEAD "</iwb>", "no svg");
  assert_refused_page ("<svg:image width=\"1\" height=\"1\" xlink:href=\"../../etc/passwd\"/>", "image outside the package");
  assert_refused_page ("<svg:image width=\"1\" height=\"1\" xlink:href=\"%2e%2e/secret.png\"/>", "escaped traversal");
  assert_refused_page ("<svg:image width=\"1\" height=\"1\" xlink:href=\"missing.png\"/>", "missing image");
  assert_refused_page ("<svg:polyline points=\"0,0 nan,1\" stroke=\"red\"/>", "NaN coordinate");
  assert_refused_page ("<svg:polyline points=\"0,0 1e30,1\" stroke=\"red\"/>", "huge coordinate");
  assert_refused_page ("<svg:polyline points=\"0,0 1\" stroke=\"red\"/>", "odd point list");
  assert_refused_page ("<svg:path d=\"M 0 0 L inf 1\" stroke=\"red\"/>", "infinite path");
  assert_refused_page ("<svg:path d=\"L 0 0 10 10\" stroke=\"red\"/>", "path with no moveto");
  assert_refused_page ("<svg:rect width=\"-5\" height=\"1\"/>", "negative size");
  assert_refused_page ("<svg:rect width=\"1e300\" height=\"1\"/>", "absurd size");
  assert_refused_page ("<svg:g transform=\"scale(1e9)\"><svg:rect width=\"1\" height=\"1\"/></svg:g>", "huge transform");
  assert_refused_page ("<svg:g transform=\"rotate(nan)\"><svg:rect width=\"1\" height=\"1\"/></svg:g>", "NaN transform");
  assert_refused_page ("<svg:g transform=\"translate(900000) scale(20)\">"
                       "<svg:polyline points=\"0,0 900000,0\" stroke=\"red\"/></svg:g>", "beyond the board once placed");
  assert_refused_content (HEAD "<svg:svg width=\"nan\" height=\"100\"/></iwb>", "NaN page size");
  assert_refused_content (HEAD "<svg:svg width=\"100\" height=\"100\" viewBox=\"0 0 1e-9 1e-9\"/></iwb>",
                          "viewBox magnifying beyond reason");
  assert_refused_page ("<svg:g transform=\"scale(1000)\"><svg:g transform=\"scale(1000)\"><svg:g transform=\"scale(1000)\">"
                       "<svg:rect width=\"1e-6\" height=\"1e-6\"/></svg:g></svg:g></svg:g>", "nested scales");
  assert_refused_page ("<svg:g transform=\"scale(100)\"><svg:polyline points=\"0,0 1,1\" stroke=\"red\" stroke-width=\"5000\"/>"
                       "</svg:g>", "line too wide once scaled");
  assert_refused_page ("<svg:image width=\"1\" height=\"1\" xlink:href=\"data:image/png;base64,bm90IGEgcG5n\"/>",
                       "data: image that is not a PNG");

  for (int i = 0; i < 100; i++)
    g_string_append (deep, "<svg:g>");
  for (int i = 0; i < 100; i++)
    g_string_append (deep, "</svg:g>");
  g_string_append (deep, "</svg:svg></iwb>");
  {
    g_autoptr(GBytes) file = iwb (deep->str);

    assert_refused (file, "groups nested too deeply");
  }

  /* Billion laughs: ten levels of ten references. */
  for (int i = 1; i < 10; i++)
    {
      g_string_append_printf (laughs, "<!ENTITY %c \"", 'a' + i);
      for (int j = 0; j < 10; j++)
        g_string_append_printf (laughs, "&%c;", 'a' + i - 1);
      g_string_append (laughs, "\">\n");
    }
  g_string_append (laughs, "]>\n" HEAD "<svg:svg width=\"100\" height=\"100\">"
                           "<svg:text>&j;</svg:text></svg:svg></iwb>");
  start = g_get_monotonic_time ();
  {
    g_autoptr(GBytes) file = iwb (laughs->str);

    assert_refused (file, "billion laughs");
  }
  g_test_message ("billion laughs refused in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  /* 300 MB of spaces, deflated to well under 1 MB. */
  {
    gsize big = 300u << 20;
    char *spaces = g_malloc (big);
    Entry e = { "content.xml", spaces, big };
    g_autoptr(GBytes) bomb = NULL;

    memset (spaces, ' ', big);
    memcpy (spaces, HEAD, strlen (HEAD));
    bomb = zip (&e, 1);
    g_free (spaces);
    g_assert_cmpuint (g_bytes_get_size (bomb), <, 1u << 20);
    assert_refused (bomb, "zip bomb");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/board-io/import-iwb", test_import);
  g_test_add_func ("/core/board-io/import-iwb-single-page", test_single_page);
  g_test_add_func ("/core/board-io/hostile-iwb", test_hostile);

  return g_test_run ();
}
