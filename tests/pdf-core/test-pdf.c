/* test-pdf.c: PDF textbooks through poppler, headless (issue 5, point 3).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "core-test-util.h"
#include "pdf-test-make.h"
#include "urok-book-import.h"
#include "urok-pdf-outline-item.h"
#include "urok-pdf.h"
#include "urok-store.h"

static UrokPdf *
open_made (guint    n_pages,
           gboolean extras)
{
  g_autofree char *path = core_test_path ("made.pdf");
  g_autoptr(GError) error = NULL;
  UrokPdf *pdf;

  pdf_test_make (path, n_pages, extras);
  pdf = urok_pdf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  return ((const guint32 *)row)[x] & 0xffffff;
}

static void
test_pages (void)
{
  g_autoptr(UrokPdf) pdf = open_made (5, FALSE);
  g_autofree char *label = NULL;
  double w = 0, h = 0;

  g_assert_cmpuint (urok_pdf_get_n_pages (pdf), ==, 5);
  g_assert_true (urok_pdf_get_page_size (pdf, 4, &w, &h));
  g_assert_cmpfloat_with_epsilon (w, PDF_TEST_WIDTH, 0.01);
  g_assert_cmpfloat_with_epsilon (h, PDF_TEST_HEIGHT, 0.01);
  g_assert_false (urok_pdf_get_page_size (pdf, 5, &w, &h));
  label = urok_pdf_dup_page_label (pdf, 1);
  g_assert_cmpstr (label, ==, "2");
}

static void
test_render (void)
{
  g_autoptr(UrokPdf) pdf = open_made (2, FALSE);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *whole, *part, *none;

  /* The whole page at 2 px/pt: the red square is at (200..300, 400..500). */
  whole = urok_pdf_render (pdf, 0, 2.0, 0, 0, 800, 1200, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_format (whole), ==, CAIRO_FORMAT_RGB24);
  g_assert_cmphex (pixel_at (whole, 250, 450), ==, 0xff0000);
  g_assert_cmphex (pixel_at (whole, 190, 450), ==, 0xffffff);
  g_assert_cmphex (pixel_at (whole, 310, 450), ==, 0xffffff);
  g_assert_cmphex (pixel_at (whole, 250, 390), ==, 0xffffff);
  g_assert_cmphex (pixel_at (whole, 250, 510), ==, 0xffffff);
  g_assert_cmphex (pixel_at (whole, 5, 1195), ==, 0xffffff);

  /* A 256 px tile from (256, 256): the square's corner (200, 400) is at (-56, 144). */
  part = urok_pdf_render (pdf, 0, 2.0, 256, 256, 256, 256, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (part), ==, 256);
  g_assert_cmphex (pixel_at (part, 10, 150), ==, 0xff0000);
  g_assert_cmphex (pixel_at (part, 50, 150), ==, 0xffffff);
  g_assert_cmphex (pixel_at (part, 10, 140), ==, 0xffffff);
  /* Page 2 has no square there. */
  cairo_surface_destroy (part);
  part = urok_pdf_render (pdf, 1, 2.0, 256, 256, 256, 256, &error);
  g_assert_no_error (error);
  g_assert_cmphex (pixel_at (part, 10, 150), ==, 0xffffff);

  none = urok_pdf_render (pdf, 2, 1.0, 0, 0, 10, 10, &error);
  g_assert_null (none);
  g_assert_error (error, UROK_PDF_ERROR, UROK_PDF_ERROR_NO_PAGE);
  g_clear_error (&error);
  none = urok_pdf_render (pdf, 0, 1.0, 0, 0, 100000, 10, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  cairo_surface_destroy (whole);
  cairo_surface_destroy (part);
}

static void
test_outline_and_metadata (void)
{
  g_autoptr(UrokPdf) pdf = open_made (3, TRUE);
  g_autoptr(UrokPdf) plain = NULL;
  g_autofree char *title = urok_pdf_dup_title (pdf);
  g_autofree char *author = urok_pdf_dup_author (pdf);
  g_autofree char *subject = urok_pdf_dup_subject (pdf);
  GListModel *outline = urok_pdf_get_outline (pdf);
  g_autoptr(UrokPdfOutlineItem) first = NULL;
  g_autoptr(UrokPdfOutlineItem) second = NULL;
  g_autoptr(UrokPdfOutlineItem) child = NULL;
  GListModel *children;

  g_assert_cmpstr (title, ==, "Biology, grade 7");
  g_assert_cmpstr (author, ==, "A. Petrova");
  g_assert_cmpstr (subject, ==, "Biology");

  g_assert_cmpuint (g_list_model_get_n_items (outline), ==, 2);
  first = g_list_model_get_item (outline, 0);
  second = g_list_model_get_item (outline, 1);
  g_assert_cmpstr (urok_pdf_outline_item_get_title (first), ==, "Chapter 1. Cells");
  g_assert_cmpint (urok_pdf_outline_item_get_page (first), ==, 0);
  g_assert_cmpstr (urok_pdf_outline_item_get_title (second), ==, "Chapter 2");
  g_assert_cmpint (urok_pdf_outline_item_get_page (second), ==, 1);
  g_assert_null (urok_pdf_outline_item_get_children (second));
  children = urok_pdf_outline_item_get_children (first);
  g_assert_nonnull (children);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 1);
  child = g_list_model_get_item (children, 0);
  g_assert_cmpstr (urok_pdf_outline_item_get_title (child), ==, "1.1 Plants");
  g_assert_cmpint (urok_pdf_outline_item_get_page (child), ==, 2);

  /* A PDF with neither has an empty outline and no title. */
  g_clear_object (&pdf);
  plain = open_made (1, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (urok_pdf_get_outline (plain)), ==, 0);
  g_clear_pointer (&title, g_free);
  title = urok_pdf_dup_title (plain);
  g_assert_null (title);
}

static void
test_search_and_select (void)
{
  g_autoptr(UrokPdf) pdf = open_made (4, FALSE);
  g_autoptr(GArray) on_page = NULL;
  g_autoptr(GArray) other = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) nowhere = NULL;
  g_autoptr(GArray) highlight = NULL;
  g_autofree char *text = NULL;
  UrokPdfRect *r;
  UrokPdfRect area;

  on_page = urok_pdf_find_on_page (pdf, 2, "PHOTOSYNTHESIS");
  g_assert_cmpuint (on_page->len, ==, 1);
  r = &g_array_index (on_page, UrokPdfRect, 0);
  g_test_message ("found at %g,%g %gx%g", r->x, r->y, r->width, r->height);
  g_assert_cmpuint (r->page, ==, 2);
  /* The baseline is at y = 120 with 20 pt type: the word sits just above,
   * after "The leaf does " (about 140 pt of DejaVu Sans from x = 50). */
  g_assert_cmpfloat (r->y, >, 95);
  g_assert_cmpfloat (r->y, <, 120);
  g_assert_cmpfloat (r->y + r->height, >, 115);
  g_assert_cmpfloat (r->y + r->height, <, 130);
  g_assert_cmpfloat (r->x, >, 150);
  g_assert_cmpfloat (r->x, <, 250);
  g_assert_cmpfloat (r->width, >, 100);
  g_assert_cmpfloat (r->width, <, 200);

  other = urok_pdf_find_on_page (pdf, 1, "photosynthesis");
  g_assert_cmpuint (other->len, ==, 0);

  all = urok_pdf_find (pdf, "page", NULL);
  g_assert_cmpuint (all->len, ==, 4);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpuint (g_array_index (all, UrokPdfRect, i).page, ==, i);
  nowhere = urok_pdf_find (pdf, "mitochondria", NULL);
  g_assert_cmpuint (nowhere->len, ==, 0);

  /* Dragging over the found word selects it. */
  area = (UrokPdfRect) { 2, r->x + 1, r->y + r->height / 2, r->width - 2, 1 };
  text = urok_pdf_dup_selected_text (pdf, &area);
  g_assert_cmpstr (g_strstrip (text), ==, "photosynthesis");
  highlight = urok_pdf_get_selection_rects (pdf, &area);
  g_assert_cmpuint (highlight->len, >=, 1);
  r = &g_array_index (highlight, UrokPdfRect, 0);
  g_assert_cmpfloat (r->y, <, 120);
  g_assert_cmpfloat (r->y + r->height, >, 110);

  /* A drag over two lines takes what lies between, in reading order. */
  g_clear_pointer (&text, g_free);
  area = (UrokPdfRect) { 2, 40, 45, 300, 70 };
  text = urok_pdf_dup_selected_text (pdf, &area);
  g_assert_nonnull (strstr (text, "Page 3"));
  g_assert_nonnull (strstr (text, "The leaf"));
  g_assert_true (strstr (text, "Page 3") < strstr (text, "The leaf"));
}

static void
test_open_another (void)
{
  g_autoptr(UrokPdf) pdf = open_made (3, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokPdf) other = urok_pdf_open_another (pdf, &error);

  g_assert_no_error (error);
  g_assert_true (urok_pdf_get_bytes (other) == urok_pdf_get_bytes (pdf));
  g_assert_cmpuint (urok_pdf_get_n_pages (other), ==, 3);
}

/* Damaged files fail with a clear error or open as what poppler could
 * recover; they never crash. */
static void
test_mangled (void)
{
  g_autofree char *path = core_test_path ("made.pdf");
  g_autofree char *contents = NULL;
  gsize length = 0;
  GRand *rand = g_rand_new_with_seed (5);

  pdf_test_make (path, 3, TRUE);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr(UrokPdf) none = urok_pdf_new_from_bytes (empty, &error);

    g_assert_null (none);
    g_assert_error (error, UROK_PDF_ERROR, UROK_PDF_ERROR_NOT_PDF);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) header = g_bytes_new_static ("%PDF-1.7\n", 9);
    g_autoptr(UrokPdf) none = urok_pdf_new_from_bytes (header, &error);

    g_assert_null (none);
    g_assert_error (error, UROK_PDF_ERROR, UROK_PDF_ERROR_DAMAGED);
    g_test_message ("%s", error->message);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(UrokPdf) none = urok_pdf_new_from_file ("/nonexistent/book.pdf", &error);

    g_assert_null (none);
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_nonnull (strstr (error->message, "/nonexistent/book.pdf"));
  }

  for (guint cut = 16; cut < length; cut += length / 23)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (contents, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokPdf) pdf = urok_pdf_new_from_bytes (bytes, &error);

      g_assert_true ((pdf == NULL) != (error == NULL));
      if (pdf != NULL)
        {
          cairo_surface_t *s = urok_pdf_render (pdf, 0, 0.5, 0, 0, 200, 300, NULL);

          g_clear_pointer (&s, cairo_surface_destroy);
          g_array_unref (urok_pdf_find (pdf, "page", NULL));
          urok_pdf_get_outline (pdf);
        }
      else
        g_assert_true (error->domain == UROK_PDF_ERROR);
    }

  for (guint round = 0; round < 40; round++)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokPdf) pdf = NULL;
      gsize at = g_rand_int_range (rand, 16, (gint32)length - 64);

      for (guint i = 0; i < 48; i++)
        copy[at + i] = (char)g_rand_int_range (rand, 0, 256);
      bytes = g_bytes_new_take (g_steal_pointer (&copy), length);
      pdf = urok_pdf_new_from_bytes (bytes, &error);
      g_assert_true ((pdf == NULL) != (error == NULL));
      if (pdf != NULL)
        {
          for (guint page = 0; page < urok_pdf_get_n_pages (pdf); page++)
            {
              cairo_surface_t *s = urok_pdf_render (pdf, page, 0.5, 0, 0, 200, 300, NULL);
              g_autofree char *label = urok_pdf_dup_page_label (pdf, page);

              g_clear_pointer (&s, cairo_surface_destroy);
            }
          g_array_unref (urok_pdf_find (pdf, "page", NULL));
          urok_pdf_get_outline (pdf);
        }
    }
  g_rand_free (rand);
}

/* A one-page PDF written by hand, with a trailer /ID, as most tools write. */
static void
write_pdf_with_id (const char *path,
                   const char *title)
{
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autofree char *info = g_strdup_printf ("<< /Title (%s) >>", title);
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] >>",
    info,
  };
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", (guint)G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf,
                          "trailer\n<< /Size %u /Root 1 0 R /Info 4 0 R"
                          " /ID [<00112233445566778899AABBCCDDEEFF> <0F0E0D0C0B0A09080706050403020100>] >>\n"
                          "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          (guint)G_N_ELEMENTS (objects) + 1, xref);
  g_assert_true (g_file_set_contents (path, pdf->str, (gssize)pdf->len, NULL));
}

/* The permanent /ID names a book across re-saves: a second edition of the
 * same file (other bytes, other title) replaces the first. */
static void
test_import_by_id (void)
{
  g_autofree char *db = core_test_path ("store.db");
  g_autofree char *books = core_test_path ("books");
  g_autofree char *first_path = core_test_path ("first.pdf");
  g_autofree char *second_path = core_test_path ("second.pdf");
  g_autoptr(GFile) first_file = g_file_new_for_path (first_path);
  g_autoptr(GFile) second_file = g_file_new_for_path (second_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (db, &error);
  g_autoptr(UrokBookInfo) first = NULL;
  g_autoptr(UrokBookInfo) second = NULL;
  g_autoptr(GListModel) list = NULL;
  gboolean was_new = FALSE;

  g_assert_no_error (error);
  write_pdf_with_id (first_path, "Geometry");
  write_pdf_with_id (second_path, "Geometry, revised");
  first = urok_book_import (store, first_file, books, &was_new, &error);
  g_assert_no_error (error);
  g_assert_true (was_new);
  g_assert_cmpstr (urok_book_info_get_identifier (first), ==, "pdf-id:00112233445566778899aabbccddeeff");
  g_assert_cmpstr (urok_book_info_get_title (first), ==, "Geometry");
  second = urok_book_import (store, second_file, books, &was_new, &error);
  g_assert_no_error (error);
  g_assert_false (was_new);
  g_assert_cmpint (urok_book_info_get_id (first), ==, urok_book_info_get_id (second));
  g_assert_cmpstr (urok_book_info_get_title (second), ==, "Geometry, revised");
  list = urok_store_list_books (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_import (void)
{
  g_autofree char *db = core_test_path ("store.db");
  g_autofree char *books = core_test_path ("books");
  g_autofree char *made = core_test_path ("Cells and plants.pdf");
  g_autofree char *plain_path = core_test_path ("Plain notes.pdf");
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) plain = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (db, &error);
  g_autoptr(UrokBookInfo) first = NULL;
  g_autoptr(UrokBookInfo) second = NULL;
  g_autoptr(UrokBookInfo) third = NULL;
  g_autoptr(GListModel) list = NULL;
  gboolean was_new = FALSE;
  const char *id;

  g_assert_no_error (error);
  pdf_test_make (made, 3, TRUE);
  source = g_file_new_for_path (made);
  first = urok_book_import (store, source, books, &was_new, &error);
  g_assert_no_error (error);
  g_assert_true (was_new);
  id = urok_book_info_get_identifier (first);
  g_test_message ("identifier %s", id);
  g_assert_true (g_str_has_prefix (id, "pdf-id:") || g_str_has_prefix (id, "sha256:"));
  g_assert_cmpstr (urok_book_info_get_format (first), ==, "pdf");
  g_assert_cmpstr (urok_book_info_get_title (first), ==, "Biology, grade 7");
  g_assert_cmpstr (urok_book_info_get_authors (first), ==, "A. Petrova");
  g_assert_cmpstr (urok_book_info_get_subject (first), ==, "Biology");
  g_assert_true (g_str_has_suffix (urok_book_info_get_file (first), ".pdf"));
  g_assert_true (g_file_test (urok_book_info_get_file (first), G_FILE_TEST_IS_REGULAR));

  second = urok_book_import (store, source, books, &was_new, &error);
  g_assert_no_error (error);
  g_assert_false (was_new);
  g_assert_cmpint (urok_book_info_get_id (first), ==, urok_book_info_get_id (second));
  g_assert_cmpuint (count_files (books), ==, 1);

  /* No info dictionary: the file name is the title. */
  pdf_test_make (plain_path, 1, FALSE);
  plain = g_file_new_for_path (plain_path);
  third = urok_book_import (store, plain, books, &was_new, &error);
  g_assert_no_error (error);
  g_assert_true (was_new);
  g_assert_cmpstr (urok_book_info_get_title (third), ==, "Plain notes");
  g_assert_cmpstr (urok_book_info_get_authors (third), ==, "");
  g_assert_cmpstr (urok_book_info_get_identifier (third), !=, id);
  g_assert_cmpuint (count_files (books), ==, 2);

  /* Refused files leave no row and no file behind. */
  {
    g_autofree char *contents = NULL;
    gsize length = 0;
    const char *names[] = { "empty.pdf", "half.pdf", "text.pdf", "header.pdf" };

    g_assert_true (g_file_get_contents (made, &contents, &length, NULL));
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *bad_path = core_test_path (names[i]);
        g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
        g_autoptr(UrokBookInfo) none = NULL;

        if (i == 0)
          g_assert_true (g_file_set_contents (bad_path, "", 0, NULL));
        else if (i == 1)
          g_assert_true (g_file_set_contents (bad_path, contents, length / 3, NULL));
        else if (i == 2)
          g_assert_true (g_file_set_contents (bad_path, "Lesson notes, not a PDF\n", -1, NULL));
        else
          g_assert_true (g_file_set_contents (bad_path, "%PDF-1.5\n%garbage\n", -1, NULL));
        none = urok_book_import (store, bad, books, NULL, &error);
        g_assert_null (none);
        g_assert_nonnull (error);
        g_test_message ("%s: %s", names[i], error->message);
        g_clear_error (&error);
      }
  }
  list = urok_store_list_books (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_cmpuint (count_files (books), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/pdf/pages", test_pages);
  g_test_add_func ("/core/pdf/render", test_render);
  g_test_add_func ("/core/pdf/outline-and-metadata", test_outline_and_metadata);
  g_test_add_func ("/core/pdf/search-and-select", test_search_and_select);
  g_test_add_func ("/core/pdf/open-another", test_open_another);
  g_test_add_func ("/core/pdf/mangled", test_mangled);
  g_test_add_func ("/core/pdf/import", test_import);
  g_test_add_func ("/core/pdf/import-by-id", test_import_by_id);
  return core_test_run ();
}
