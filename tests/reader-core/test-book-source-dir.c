/* test-book-source-dir.c: books read from unpacked EPUB folders.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include "core-test-util.h"
#include "urok-book-source-dir.h"

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBookSourceDir) dir = urok_book_source_dir_new (DEMO_TEXTBOOK_DIR, &error);
  g_autoptr(UrokBookSourceDir) again = NULL;
  UrokBookSource *source = UROK_BOOK_SOURCE (dir);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (urok_book_source_get_n_spine (source), ==, 7);
  g_assert_cmpstr (urok_book_source_get_spine_path (source, 0), ==, "EPUB/cover.xhtml");
  g_assert_cmpint (urok_book_source_find_spine (source, "EPUB/chapter1.xhtml#p2"), ==, 3);
  g_assert_cmpint (urok_book_source_find_spine (source, "EPUB/css/textbook.css"), ==, -1);
  g_assert_cmpstr (urok_book_source_get_media_type (source, "EPUB/chapter1.xhtml"), ==, "application/xhtml+xml");
  g_assert_cmpstr (urok_book_source_get_media_type (source, "EPUB/images/cover.svg"), ==, "image/svg+xml");
  g_assert_cmpstr (urok_book_source_get_media_type (source, "EPUB/css/textbook.css"), ==, "text/css");
  g_assert_false (urok_book_source_is_fixed_layout (source));
  g_assert_cmpstr (urok_book_source_get_page_progression (source), ==, "default");

  /* The id is a URI host, and the same each time the folder is opened. */
  g_assert_true (urok_book_source_is_valid_id (urok_book_source_get_id (source)));
  again = urok_book_source_dir_new (DEMO_TEXTBOOK_DIR "/", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (urok_book_source_get_id (UROK_BOOK_SOURCE (again)), ==, urok_book_source_get_id (source));

  bytes = urok_book_source_read (source, "mimetype", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "application/epub+zip", 20);
}

static void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
write_book (const char *package)
{
  char *dir = core_test_path ("book");

  write_file (dir, "mimetype", "application/epub+zip");
  write_file (dir, "META-INF/container.xml",
              "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
              "<rootfiles><rootfile full-path=\"package.opf\" media-type=\"application/oebps-package+xml\"/>"
              "</rootfiles></container>");
  write_file (dir, "package.opf", package);
  write_file (dir, "p1.xhtml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>");
  return dir;
}

#define PACKAGE_START "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\">"

static void
test_fixed_rtl (void)
{
  g_autofree char *dir = write_book (PACKAGE_START
                                     "<metadata><meta property=\"rendition:layout\"> pre-paginated </meta></metadata>"
                                     "<manifest><item id=\"a\" href=\"p1.xhtml\" media-type=\"application/xhtml+xml\"/>"
                                     "<item id=\"b\" href=\"sub/../p%202.xhtml\" media-type=\"application/xhtml+xml\"/>"
                                     "<item id=\"c\" href=\"../../../etc/passwd\" media-type=\"text/plain\"/>"
                                     "<item id=\"d\" href=\"http://example.com/x.xhtml\" media-type=\"application/xhtml+xml\"/>"
                                     "</manifest><spine page-progression-direction=\"rtl\">"
                                     "<itemref idref=\"a\"/><itemref idref=\"b\"/><itemref idref=\"c\"/>"
                                     "<itemref idref=\"d\"/><itemref idref=\"missing\"/></spine></package>");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBookSourceDir) book = urok_book_source_dir_new (dir, &error);
  UrokBookSource *source = UROK_BOOK_SOURCE (book);

  g_assert_no_error (error);
  g_assert_true (urok_book_source_is_fixed_layout (source));
  g_assert_cmpstr (urok_book_source_get_page_progression (source), ==, "rtl");
  /* "../" cannot climb above the root; remote items are not the book's. */
  g_assert_cmpuint (urok_book_source_get_n_spine (source), ==, 3);
  g_assert_cmpstr (urok_book_source_get_spine_path (source, 0), ==, "p1.xhtml");
  g_assert_cmpstr (urok_book_source_get_spine_path (source, 1), ==, "p 2.xhtml");
  g_assert_cmpstr (urok_book_source_get_spine_path (source, 2), ==, "etc/passwd");
}

static void
test_hostile_paths (void)
{
  g_autofree char *dir = write_book (PACKAGE_START "<manifest><item id=\"a\" href=\"p1.xhtml\" "
                                     "media-type=\"application/xhtml+xml\"/></manifest>"
                                     "<spine><itemref idref=\"a\"/></spine></package>");
  g_autofree char *secret = core_test_path ("secret.txt");
  g_autofree char *link = g_build_filename (dir, "link.txt", NULL);
  g_autofree char *link_dir = g_build_filename (dir, "up", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBookSourceDir) book = urok_book_source_dir_new (dir, &error);
  static const char *bad[] = { "../secret.txt", "/etc/passwd", "a/../../secret.txt", "./mimetype", "a//b",
                               "a\\..\\b", "" };

  g_assert_no_error (error);
  g_file_set_contents (secret, "secret", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink (secret, link), ==, 0);
  g_assert_cmpint (symlink ("..", link_dir), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = urok_book_source_read (UROK_BOOK_SOURCE (book), bad[i], &error);

      g_assert_null (bytes);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
      g_clear_error (&error);
    }
  /* Links leading out of the folder are not followed. */
  {
    g_autoptr(GBytes) through_link = urok_book_source_read (UROK_BOOK_SOURCE (book), "link.txt", &error);
    g_autoptr(GBytes) through_dir = NULL;

    g_assert_null (through_link);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
    through_dir = urok_book_source_read (UROK_BOOK_SOURCE (book), "up/secret.txt", &error);
    g_assert_null (through_dir);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  {
    g_autoptr(GBytes) missing = urok_book_source_read (UROK_BOOK_SOURCE (book), "none.xhtml", &error);

    g_assert_null (missing);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
}

static void
test_bad_books (void)
{
  g_autofree char *empty = core_test_path ("empty");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBookSourceDir) none = NULL;

  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  none = urok_book_source_dir_new (empty, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autofree char *dir = write_book ("<package xmlns=\"http://www.idpf.org/2007/opf\"><manifest/><spine/></package>");
    g_autoptr(UrokBookSourceDir) book = urok_book_source_dir_new (dir, &error);

    g_assert_null (book);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_test_message ("%s", error->message);
    g_clear_error (&error);
  }
  {
    /* An entity declared in the package is not expanded, nor fetched. */
    g_autofree char *dir = write_book ("<!DOCTYPE package [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                       PACKAGE_START "<manifest><item id=\"a\" href=\"&x;\" "
                                       "media-type=\"application/xhtml+xml\"/></manifest>"
                                       "<spine><itemref idref=\"a\"/></spine></package>");
    g_autoptr(UrokBookSourceDir) book = urok_book_source_dir_new (dir, &error);

    g_assert_null (book);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reader/source-dir/demo", test_demo);
  g_test_add_func ("/reader/source-dir/fixed-rtl", test_fixed_rtl);
  g_test_add_func ("/reader/source-dir/hostile-paths", test_hostile_paths);
  g_test_add_func ("/reader/source-dir/bad-books", test_bad_books);
  return core_test_run ();
}
