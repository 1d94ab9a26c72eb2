/* test-epub-open.c: what an open book says, checked against what its
 * files say: known books of the corpus (counted by hand from their OPF and
 * navigation documents), an EPUB 2 book with an NCX and links made by the
 * test, and reads from several threads at once.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "epub-test-util.h"
#include "urok-epub.h"

static UrokEpub *
open_corpus_book (const char *folder,
                  const char *name)
{
  const char *root = g_getenv ("UROK_CORPUS_DIR");
  g_autofree char *path = g_build_filename (root != NULL ? root : "/work/shared/corpus", folder, name, NULL);
  g_autoptr(GError) error = NULL;
  UrokEpub *epub;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf ("the corpus book %s is absent", path);

      g_test_skip (message);
      return NULL;
    }
  epub = urok_epub_open (path, &error);
  g_assert_no_error (error);
  return epub;
}

static void
test_moby_dick (void)
{
  g_autoptr(UrokEpub) epub = open_corpus_book ("epub-samples", "moby-dick.epub");
  UrokEpubSpineItem *first;
  UrokEpubNavPoint *point;
  GPtrArray *landmarks;

  if (epub == NULL)
    return;
  g_assert_cmpstr (urok_epub_get_package_path (epub), ==, "OPS/package.opf");
  g_assert_cmpstr (urok_epub_get_version (epub), ==, "3.0");
  g_assert_cmpstr (urok_epub_get_identifier (epub), ==, "code.google.com.epub-samples.moby-dick-basic");
  g_assert_cmpstr (urok_epub_get_title (epub), ==, "Moby-Dick");
  g_assert_cmpstr (urok_epub_get_creators (epub)[0], ==, "Herman Melville");
  g_assert_cmpstr (urok_epub_get_languages (epub)[0], ==, "en-US");
  g_assert_cmpstr (urok_epub_get_cover_path (epub), ==, "OPS/images/9780316000000.jpg");
  g_assert_cmpstr (urok_epub_get_nav_path (epub), ==, "OPS/toc.xhtml");
  g_assert_cmpuint (urok_epub_get_manifest (epub)->len, ==, 151);
  g_assert_cmpuint (urok_epub_get_spine (epub)->len, ==, 144);
  g_assert_cmpint (urok_epub_get_layout (epub), ==, UROK_EPUB_LAYOUT_REFLOWABLE);
  g_assert_cmpstrv (urok_epub_get_warnings (epub), ((const char *[]){ NULL }));

  first = g_ptr_array_index (urok_epub_get_spine (epub), 0);
  g_assert_cmpstr (first->idref, ==, "cover");
  g_assert_false (first->linear);
  g_assert_true (((UrokEpubSpineItem *)g_ptr_array_index (urok_epub_get_spine (epub), 1))->linear);

  /* toc.xhtml: a flat list of 141, the first "Moby-Dick" → titlepage.xhtml. */
  g_assert_cmpuint (urok_epub_get_toc (epub)->len, ==, 141);
  point = g_ptr_array_index (urok_epub_get_toc (epub), 0);
  g_assert_cmpstr (point->label, ==, "Moby-Dick");
  g_assert_cmpstr (point->path, ==, "OPS/titlepage.xhtml");
  g_assert_null (point->fragment);
  g_assert_cmpuint (point->children->len, ==, 0);

  /* Four landmarks; the second is "#toc" in the navigation document itself. */
  landmarks = urok_epub_get_landmarks (epub);
  g_assert_cmpuint (landmarks->len, ==, 4);
  point = g_ptr_array_index (landmarks, 1);
  g_assert_cmpstr (point->label, ==, "Table of Contents");
  g_assert_cmpstr (point->path, ==, "OPS/toc.xhtml");
  g_assert_cmpstr (point->fragment, ==, "toc");
  g_assert_cmpstr (point->type, ==, "toc");

  g_assert_cmpstr (urok_epub_get_media_type (epub, "OPS/titlepage.xhtml"), ==, "application/xhtml+xml");
  g_assert_cmpstr (urok_epub_get_media_type (epub, "META-INF/container.xml"), ==, "application/xml");
  g_assert_null (urok_epub_get_media_type (epub, "OPS/nothing.xhtml"));
}

static void
test_fixed_layout (void)
{
  g_autoptr(UrokEpub) epub = open_corpus_book ("epub-tests", "fxl-page-spread-center.epub");
  GPtrArray *spine;

  if (epub == NULL)
    return;
  spine = urok_epub_get_spine (epub);
  g_assert_cmpint (urok_epub_get_layout (epub), ==, UROK_EPUB_LAYOUT_PRE_PAGINATED);
  g_assert_cmpuint (spine->len, ==, 4);
  g_assert_cmpint (((UrokEpubSpineItem *)g_ptr_array_index (spine, 0))->page_spread, ==, UROK_EPUB_PAGE_SPREAD_CENTER);
  g_assert_cmpint (((UrokEpubSpineItem *)g_ptr_array_index (spine, 1))->page_spread, ==, UROK_EPUB_PAGE_SPREAD_NONE);
  g_assert_cmpint (urok_epub_get_page_progression_direction (epub), ==, UROK_EPUB_DIRECTION_DEFAULT);
}

static void
test_right_to_left (void)
{
  g_autoptr(UrokEpub) epub = open_corpus_book ("epub-tests", "css-epub-text-combine-horizontal.epub");

  if (epub == NULL)
    return;
  g_assert_cmpint (urok_epub_get_page_progression_direction (epub), ==, UROK_EPUB_DIRECTION_RTL);
  g_assert_cmpuint (urok_epub_get_spine (epub)->len, ==, 1);
  g_assert_cmpstr (urok_epub_get_title (epub), ==, "css-epub-text-combine-horizontal");
}

static guint
count_points (GPtrArray *points)
{
  guint n = points->len;

  for (guint i = 0; i < points->len; i++)
    n += count_points (((UrokEpubNavPoint *)g_ptr_array_index (points, i))->children);
  return n;
}

/* The demo textbook: data/demo/textbook, its nav.xhtml counted by hand. */
static void
test_demo_textbook (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokEpub) epub = urok_epub_open (DEMO_EPUB, &error);
  UrokEpubNavPoint *point;

  g_assert_no_error (error);
  g_assert_cmpstr (urok_epub_get_title (epub), ==, "Математика. 6 класс. Обыкновенные дроби");
  g_assert_cmpstrv (urok_epub_get_subjects (epub), ((const char *[]){ "Математика", "Обыкновенные дроби", NULL }));
  g_assert_cmpstr (urok_epub_get_modified (epub), ==, "2026-08-20T00:00:00Z");
  g_assert_cmpstr (urok_epub_get_nav_path (epub), ==, "EPUB/nav.xhtml");
  g_assert_cmpuint (urok_epub_get_spine (epub)->len, ==, 7);
  g_assert_cmpuint (urok_epub_get_toc (epub)->len, ==, 5);
  g_assert_cmpuint (count_points (urok_epub_get_toc (epub)), ==, 17);
  g_assert_cmpuint (urok_epub_get_page_list (epub)->len, ==, 14);
  g_assert_cmpuint (urok_epub_get_landmarks (epub)->len, ==, 5);
  point = g_ptr_array_index (urok_epub_get_toc (epub), 0);
  g_assert_cmpstr (point->label, ==, "Как работать с пособием");
  g_assert_cmpstr (point->path, ==, "EPUB/title.xhtml");
  g_assert_cmpstr (point->fragment, ==, "preface");
  g_assert_cmpstrv (urok_epub_get_warnings (epub), ((const char *[]){ NULL }));
}

#define NCX_OPF \
  "<?xml version='1.0'?>" \
  "<package xmlns='http://www.idpf.org/2007/opf' version='2.0' unique-identifier='b'>" \
  "<metadata xmlns:dc='http://purl.org/dc/elements/1.1/'>" \
  "<dc:identifier id='a'>first</dc:identifier><dc:identifier id='b'>isbn:1</dc:identifier>" \
  "<dc:title>Алгебра</dc:title><dc:title>7 класс</dc:title><dc:creator>Ю. Н. Макарычев</dc:creator>" \
  "<dc:language>ru</dc:language><dc:subject>Математика</dc:subject><meta name='cover' content='img'/></metadata>" \
  "<manifest><item id='ncx' href='toc.ncx' media-type='application/x-dtbncx+xml'/>" \
  "<item id='c1' href='text/ch%201.xhtml' media-type='application/xhtml+xml'/>" \
  "<item id='c2' href='text/../text/ch2.xhtml' media-type='application/xhtml+xml'/>" \
  "<item id='img' href='img/cover.png' media-type='image/png'/>" \
  "<item id='css' href='style.css' media-type='text/css'/></manifest>" \
  "<spine toc='ncx'><itemref idref='c1'/><itemref idref='c2' linear='no'/></spine></package>"

#define NCX \
  "<?xml version='1.0'?><ncx xmlns='http://www.daisy.org/z3986/2005/ncx/' version='2005-1'><navMap>" \
  "<navPoint id='p1'><navLabel><text>Глава 1</text></navLabel><content src='text/ch%201.xhtml'/>" \
  "<navPoint id='p11'><navLabel><text>  §1\n  Дроби </text></navLabel><content src='text/ch%201.xhtml#s1'/></navPoint>" \
  "</navPoint>" \
  "<navPoint id='p2'><navLabel><text>Глава 2</text></navLabel><content src='text/ch2.xhtml'/></navPoint>" \
  "<navPoint id='p3'><navLabel><text>Сайт</text></navLabel><content src='https://example.org/'/></navPoint>" \
  "</navMap><pageList><pageTarget type='normal' value='1'><navLabel><text>1</text></navLabel>" \
  "<content src='text/ch2.xhtml#p1'/></pageTarget></pageList></ncx>"

static UrokEpub *
open_ncx_book (void)
{
  const TestEntry entries[] = {
    TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"),
    { "OEBPS/book.opf", NCX_OPF, 0 }, { "OEBPS/toc.ncx", NCX, 0 },
    { "OEBPS/text/ch 1.xhtml", TEST_CHAPTER, 0 }, { "OEBPS/text/ch2.xhtml", TEST_CHAPTER, 0 },
    { "OEBPS/img/cover.png", "\x89PNG", 0 }, { "OEBPS/style.css", "p{}", 0 },
  };
  g_autoptr(GBytes) zip = test_make_zip (entries, G_N_ELEMENTS (entries), TRUE);
  g_autoptr(GError) error = NULL;
  UrokEpub *epub = urok_epub_open_bytes (zip, &error);

  g_assert_no_error (error);
  return epub;
}

static void
test_ncx_book (void)
{
  g_autoptr(UrokEpub) epub = open_ncx_book ();
  GPtrArray *toc = urok_epub_get_toc (epub);
  UrokEpubNavPoint *point;
  UrokEpubSpineItem *spine_item;
  g_autoptr(GPtrArray) entries = urok_epub_list_entries (epub);

  g_assert_cmpstr (urok_epub_get_version (epub), ==, "2.0");
  g_assert_cmpstr (urok_epub_get_identifier (epub), ==, "isbn:1");
  g_assert_cmpstrv (urok_epub_get_titles (epub), ((const char *[]){ "Алгебра", "7 класс", NULL }));
  g_assert_cmpstrv (urok_epub_get_subjects (epub), ((const char *[]){ "Математика", NULL }));
  g_assert_cmpstr (urok_epub_get_cover_path (epub), ==, "OEBPS/img/cover.png");
  g_assert_cmpstr (urok_epub_get_nav_path (epub), ==, "OEBPS/toc.ncx");
  g_assert_cmpuint (entries->len, ==, 8);
  g_assert_cmpstr (g_ptr_array_index (entries, 0), ==, "mimetype");

  /* Hrefs are percent-decoded and normalised against the OPF's folder. */
  g_assert_cmpuint (urok_epub_get_spine (epub)->len, ==, 2);
  spine_item = g_ptr_array_index (urok_epub_get_spine (epub), 0);
  g_assert_cmpstr (spine_item->item->path, ==, "OEBPS/text/ch 1.xhtml");
  g_assert_cmpstr (spine_item->item->href, ==, "text/ch%201.xhtml");
  spine_item = g_ptr_array_index (urok_epub_get_spine (epub), 1);
  g_assert_cmpstr (spine_item->item->path, ==, "OEBPS/text/ch2.xhtml");
  g_assert_false (spine_item->linear);
  g_assert_true (urok_epub_lookup_item_by_path (epub, "OEBPS/style.css") == urok_epub_lookup_item (epub, "css"));

  g_assert_cmpuint (toc->len, ==, 3);
  point = g_ptr_array_index (toc, 0);
  g_assert_cmpstr (point->label, ==, "Глава 1");
  g_assert_cmpstr (point->path, ==, "OEBPS/text/ch 1.xhtml");
  g_assert_cmpuint (point->children->len, ==, 1);
  point = g_ptr_array_index (point->children, 0);
  g_assert_cmpstr (point->label, ==, "§1 Дроби");
  g_assert_cmpstr (point->fragment, ==, "s1");
  /* A link out of the book keeps its label but names no entry. */
  point = g_ptr_array_index (toc, 2);
  g_assert_cmpstr (point->label, ==, "Сайт");
  g_assert_null (point->path);

  g_assert_cmpuint (urok_epub_get_page_list (epub)->len, ==, 1);
  point = g_ptr_array_index (urok_epub_get_page_list (epub), 0);
  g_assert_cmpstr (point->path, ==, "OEBPS/text/ch2.xhtml");
  g_assert_cmpstr (point->fragment, ==, "p1");
}

static void
test_resolve_href (void)
{
  g_autoptr(UrokEpub) epub = open_ncx_book ();
  const char *base = "OEBPS/text/ch2.xhtml";
  g_autofree char *fragment = NULL;
  g_autofree char *path = NULL;

  path = urok_epub_resolve_href (epub, base, "ch%201.xhtml#a%20b", &fragment);
  g_assert_cmpstr (path, ==, "OEBPS/text/ch 1.xhtml");
  g_assert_cmpstr (fragment, ==, "a b");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&fragment, g_free);

  path = urok_epub_resolve_href (epub, base, "#top", &fragment);
  g_assert_cmpstr (path, ==, base);
  g_assert_cmpstr (fragment, ==, "top");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&fragment, g_free);

  path = urok_epub_resolve_href (epub, base, "../style.css?v=2", &fragment);
  g_assert_cmpstr (path, ==, "OEBPS/style.css");
  g_assert_null (fragment);
  g_clear_pointer (&path, g_free);

  /* Out of the book: URLs, climbing above the root, files it lacks. */
  g_assert_null (urok_epub_resolve_href (epub, base, "https://example.org/x.xhtml", NULL));
  g_assert_null (urok_epub_resolve_href (epub, base, "javascript:alert(1)", NULL));
  g_assert_null (urok_epub_resolve_href (epub, base, "../../../etc/passwd", NULL));
  g_assert_null (urok_epub_resolve_href (epub, base, "..\\style.css", NULL));
  g_assert_null (urok_epub_resolve_href (epub, base, "nothing.xhtml", NULL));
  g_assert_null (urok_epub_resolve_href (epub, base, "ch2.xhtml%00.png", NULL));
}

/* Big entries that compress normally pass the ratio check, read from a
 * file as from memory (the spans between headers bound compressed sizes). */
static void
test_file_and_bytes (void)
{
  gsize big = 6 * 1024 * 1024;
  g_autofree char *noise = g_malloc (big);
  g_autofree char *text = g_malloc (big);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *dir = g_dir_make_tmp ("urok-test-epub-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "book.epub", NULL);
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < big; i++)
    {
      noise[i] = (char)g_rand_int (rand);
      text[i] = (char)('a' + g_rand_int_range (rand, 0, 26));
    }
  {
    const TestEntry entries[] = {
      TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"),
      { "OEBPS/book.opf", TEST_OPF_HEAD "<manifest><item id='c' href='c.xhtml' media-type='application/xhtml+xml'/>"
                          "</manifest><spine><itemref idref='c'/></spine></package>", 0 },
      { "OEBPS/noise.bin", noise, big }, { "OEBPS/c.xhtml", text, big }, { "OEBPS/zeros.bin", NULL, 5 * 1024 * 1024 },
    };

    zip = test_make_zip (entries, G_N_ELEMENTS (entries), TRUE);
  }
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (zip, NULL), (gssize)g_bytes_get_size (zip), &error));

  for (guint way = 0; way < 2; way++)
    {
      g_autoptr(UrokEpub) epub = way == 0 ? urok_epub_open (path, &error) : urok_epub_open_bytes (zip, &error);
      g_autoptr(GBytes) a = NULL;
      g_autoptr(GBytes) b = NULL;
      g_autoptr(GBytes) c = NULL;

      g_assert_no_error (error);
      a = urok_epub_read_entry (epub, "OEBPS/noise.bin", &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a), noise, big);
      b = urok_epub_read_entry (epub, "OEBPS/c.xhtml", &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (b, NULL), g_bytes_get_size (b), text, big);
      /* 5 MB of zeros is 1000:1, past the floor: a bomb, whichever way. */
      c = urok_epub_read_entry (epub, "OEBPS/zeros.bin", &error);
      g_assert_null (c);
      g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_TOO_LARGE);
      g_clear_error (&error);
    }
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

typedef struct
{
  UrokEpub *epub;
  GBytes   *expected;
} ReadJob;

static gpointer
read_many (gpointer data)
{
  ReadJob *job = data;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = urok_epub_read_entry (job->epub, i % 2 ? "OEBPS/text/ch2.xhtml" : "OEBPS/style.css",
                                                      &error);

      g_assert_no_error (error);
      if (i % 2)
        g_assert_true (g_bytes_equal (bytes, job->expected));
      else
        g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "p{}", 3);
    }
  return NULL;
}

static void
read_in_threads (UrokEpub *epub)
{
  g_autoptr(GBytes) expected = g_bytes_new_static (TEST_CHAPTER, strlen (TEST_CHAPTER));
  ReadJob job = { epub, expected };
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", read_many, &job);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
test_threads (void)
{
  g_autoptr(UrokEpub) epub = open_ncx_book ();
  g_autoptr(GError) error = NULL;

  read_in_threads (epub);
  {
    /* From a file: each reader opens the file for itself. */
    g_autofree char *dir = g_dir_make_tmp ("urok-test-epub-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "book.epub", NULL);
    g_autoptr(UrokEpub) from_file = NULL;
    g_autoptr(GBytes) zip = NULL;
    g_autoptr(GPtrArray) entries = urok_epub_list_entries (epub);
    g_autoptr(GArray) files = g_array_new (FALSE, FALSE, sizeof (TestEntry));
    g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);

    for (guint i = 0; i < entries->len; i++)
      {
        GBytes *bytes = urok_epub_read_entry (epub, g_ptr_array_index (entries, i), &error);
        TestEntry entry = { g_ptr_array_index (entries, i), g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) };

        g_assert_no_error (error);
        g_ptr_array_add (contents, bytes);
        g_array_append_val (files, entry);
      }
    zip = test_make_zip ((TestEntry *)files->data, files->len, TRUE);
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (zip, NULL), (gssize)g_bytes_get_size (zip), NULL));
    from_file = urok_epub_open (path, &error);
    g_assert_no_error (error);
    read_in_threads (from_file);
    g_assert_cmpint (g_unlink (path), ==, 0);
    g_assert_cmpint (g_rmdir (dir), ==, 0);
  }

  /* Only paths in the index: not the raw name of a file, not a directory. */
  g_assert_null (urok_epub_read_entry (epub, "OEBPS/text/../style.css", &error));
  g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (urok_epub_read_entry (epub, "OEBPS/text", &error));
  g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/epub/open/moby-dick", test_moby_dick);
  g_test_add_func ("/core/epub/open/fixed-layout", test_fixed_layout);
  g_test_add_func ("/core/epub/open/right-to-left", test_right_to_left);
  g_test_add_func ("/core/epub/open/demo-textbook", test_demo_textbook);
  g_test_add_func ("/core/epub/open/ncx", test_ncx_book);
  g_test_add_func ("/core/epub/open/resolve-href", test_resolve_href);
  g_test_add_func ("/core/epub/open/threads", test_threads);
  g_test_add_func ("/core/epub/open/file-and-bytes", test_file_and_bytes);
  return g_test_run ();
}
