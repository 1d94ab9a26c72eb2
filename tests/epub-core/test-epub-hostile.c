/* test-epub-hostile.c: books made hostile or broken by the test itself are
 * refused with an error naming the cause, or, where reading systems
 * forgive the fault, open with a warning.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "epub-test-util.h"
#include "urok-epub.h"

#define GOOD_OPF \
  TEST_OPF_HEAD \
  "<manifest><item id='c1' href='c1.xhtml' media-type='application/xhtml+xml'/></manifest>" \
  "<spine><itemref idref='c1'/></spine></package>"

static UrokEpub *
open_entries (const TestEntry *entries,
              guint            n_entries,
              GError         **error)
{
  g_autoptr(GBytes) zip = test_make_zip (entries, n_entries, TRUE);

  return urok_epub_open_bytes (zip, error);
}

/* The book is refused with @code and a message containing @words. */
static void
assert_refused (const TestEntry *entries,
                guint            n_entries,
                int              code,
                const char      *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokEpub) epub = open_entries (entries, n_entries, &error);

  g_assert_null (epub);
  g_assert_error (error, UROK_EPUB_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static gboolean
has_warning (UrokEpub   *epub,
             const char *words)
{
  for (const char * const *w = urok_epub_get_warnings (epub); *w != NULL; w++)
    if (strstr (*w, words) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_unsafe_names (void)
{
  /* libarchive may turn backslashes into slashes itself; either way the
   * name is refused. */
  const char *names[] = { "../../x", "OEBPS/../../x", "/etc/passwd", "..\\..\\x" };
  const char *causes[] = { "leads out of the book", "leads out of the book", "absolute path", "unsafe file" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const TestEntry entries[] = {
        TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"), { "OEBPS/book.opf", GOOD_OPF, 0 },
        { "OEBPS/c1.xhtml", TEST_CHAPTER, 0 }, { names[i], "x", 0 },
      };

      assert_refused (entries, G_N_ELEMENTS (entries), UROK_EPUB_ERROR_INVALID, causes[i]);
    }
}

static void
test_duplicate_names (void)
{
  const TestEntry entries[] = {
    TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"), { "OEBPS/book.opf", GOOD_OPF, 0 },
    { "OEBPS/c1.xhtml", TEST_CHAPTER, 0 }, { "OEBPS/./c1.xhtml", "<evil/>", 0 },
  };

  /* Names differing only in case are two files: EPUB paths are case-sensitive. */
  const TestEntry cased[] = {
    TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"), { "OEBPS/book.opf", GOOD_OPF, 0 },
    { "OEBPS/c1.xhtml", TEST_CHAPTER, 0 }, { "OEBPS/C1.xhtml", "<other/>", 0 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokEpub) epub = NULL;
  g_autoptr(GBytes) bytes = NULL;

  assert_refused (entries, G_N_ELEMENTS (entries), UROK_EPUB_ERROR_INVALID, "“OEBPS/c1.xhtml” twice");

  epub = open_entries (cased, G_N_ELEMENTS (cased), &error);
  g_assert_no_error (error);
  bytes = urok_epub_read_entry (epub, "OEBPS/C1.xhtml", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<other/>", 8);
  g_assert_null (urok_epub_read_entry (epub, "oebps/c1.xhtml", &error));
  g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_FOUND);
}

static void
test_overlong_name (void)
{
  g_autofree char *name = g_strnfill (1100, 'a');
  const TestEntry entries[] = {
    TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"), { "OEBPS/book.opf", GOOD_OPF, 0 },
    { "OEBPS/c1.xhtml", TEST_CHAPTER, 0 }, { name, "x", 0 },
  };

  assert_refused (entries, G_N_ELEMENTS (entries), UROK_EPUB_ERROR_INVALID, "too long");
}

static void
test_zip_bomb (void)
{
  /* 1 GiB of zeros deflates to about 1 MiB: refused from the header. */
  const TestEntry huge[] = {
    TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"), { "OEBPS/book.opf", GOOD_OPF, 0 },
    { "OEBPS/c1.xhtml", NULL, 1024 * 1024 * 1024 },
  };
  /* 64 MiB in 64 KiB: under the size cap, far over the ratio. */
  const TestEntry dense[] = {
    TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"), { "OEBPS/book.opf", GOOD_OPF, 0 },
    { "OEBPS/c1.xhtml", NULL, 64 * 1024 * 1024 },
  };
  /* A container.xml of 5 MiB, over the cap for XML. */
  const TestEntry big_xml[] = { TEST_MIMETYPE, { "META-INF/container.xml", NULL, 5 * 1024 * 1024 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokEpub) epub = NULL;
  g_autoptr(GBytes) bytes = NULL;

  assert_refused (huge, G_N_ELEMENTS (huge), UROK_EPUB_ERROR_TOO_LARGE, "OEBPS/c1.xhtml");
  assert_refused (big_xml, G_N_ELEMENTS (big_xml), UROK_EPUB_ERROR_TOO_LARGE, "META-INF/container.xml");

  epub = open_entries (dense, G_N_ELEMENTS (dense), &error);
  g_assert_no_error (error);
  bytes = urok_epub_read_entry (epub, "OEBPS/c1.xhtml", &error);
  g_assert_null (bytes);
  g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_TOO_LARGE);
}

/* A central directory that says 1,000 bytes for 64 MiB of zeros: the ratio
 * is checked on what is inflated, so the read stops at a few MiB. */
static void
test_lying_size (void)
{
  const TestEntry entries[] = {
    TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"), { "OEBPS/book.opf", GOOD_OPF, 0 },
    { "OEBPS/c1.xhtml", NULL, 64 * 1024 * 1024 },
  };
  g_autoptr(GBytes) zip = test_make_zip (entries, G_N_ELEMENTS (entries), TRUE);
  gsize size = 0;
  guint8 *data = g_bytes_unref_to_data (g_steal_pointer (&zip), &size);
  g_autoptr(GBytes) lying = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokEpub) epub = NULL;
  gboolean patched = FALSE;

  /* The local header ("PK\3\4": size at 22, name at 30) and the central
   * directory's ("PK\1\2": size at 24, name at 46) both lie. */
  for (gsize i = 0; i + 60 < size; i++)
    {
      gsize at = 0;

      if (memcmp (data + i, "PK\3\4", 4) == 0 && memcmp (data + i + 30, "OEBPS/c1.xhtml", 14) == 0)
        at = i + 22;
      else if (memcmp (data + i, "PK\1\2", 4) == 0 && memcmp (data + i + 46, "OEBPS/c1.xhtml", 14) == 0)
        at = i + 24;
      if (at == 0)
        continue;
      data[at] = 0xe8, data[at + 1] = 0x03, data[at + 2] = 0, data[at + 3] = 0;
      patched = TRUE;
    }
  g_assert_true (patched);
  lying = g_bytes_new_take (data, size);

  epub = urok_epub_open_bytes (lying, &error);
  g_assert_no_error (error);
  g_assert_cmpint (urok_epub_get_entry_size (epub, "OEBPS/c1.xhtml"), ==, 1000);
  g_assert_null (urok_epub_read_entry (epub, "OEBPS/c1.xhtml", &error));
  g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_TOO_LARGE);
}

static void
test_too_many_entries (void)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (TestEntry));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const TestEntry head[] = { TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"), { "OEBPS/book.opf", GOOD_OPF, 0 } };

  g_array_append_vals (entries, head, G_N_ELEMENTS (head));
  for (guint i = 0; i < 20001; i++)
    {
      TestEntry entry = { NULL, "x", 0 };

      g_ptr_array_add (names, g_strdup_printf ("OEBPS/f%u", i));
      entry.name = g_ptr_array_index (names, i);
      g_array_append_val (entries, entry);
    }
  assert_refused ((TestEntry *)entries->data, entries->len, UROK_EPUB_ERROR_TOO_LARGE, "more files");
}

static void
test_broken_container (void)
{
  const TestEntry good[] = {
    TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"), { "OEBPS/book.opf", GOOD_OPF, 0 },
    { "OEBPS/c1.xhtml", TEST_CHAPTER, 0 },
  };
  const TestEntry no_container[] = { TEST_MIMETYPE, { "OEBPS/book.opf", GOOD_OPF, 0 } };
  const TestEntry nowhere[] = { TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/none.opf"), { "OEBPS/book.opf", GOOD_OPF, 0 } };
  const TestEntry escaping[] = { TEST_MIMETYPE, TEST_CONTAINER ("../book.opf"), { "OEBPS/book.opf", GOOD_OPF, 0 } };
  g_autoptr(GBytes) zip = test_make_zip (good, G_N_ELEMENTS (good), TRUE);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (zip, 0, g_bytes_get_size (zip) / 2);
  g_autoptr(GBytes) text = g_bytes_new_static ("just text, not a zip", 20);
  g_autoptr(GError) error = NULL;

  assert_refused (no_container, G_N_ELEMENTS (no_container), UROK_EPUB_ERROR_INVALID, "META-INF/container.xml");
  assert_refused (nowhere, G_N_ELEMENTS (nowhere), UROK_EPUB_ERROR_INVALID, "“OEBPS/none.opf” is missing");
  assert_refused (escaping, G_N_ELEMENTS (escaping), UROK_EPUB_ERROR_INVALID, "is missing");

  g_assert_null (urok_epub_open_bytes (truncated, &error));
  g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_EPUB);
  g_clear_error (&error);
  g_assert_null (urok_epub_open_bytes (text, &error));
  g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_EPUB);
  g_clear_error (&error);
  {
    /* From a file, the same refusals (and the reader's file closed). */
    g_autofree char *dir = g_dir_make_tmp ("urok-test-epub-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "cut.epub", NULL);

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (truncated, NULL),
                                        (gssize)g_bytes_get_size (truncated), NULL));
    g_assert_null (urok_epub_open (path, &error));
    g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_EPUB);
    g_clear_error (&error);
    g_assert_true (g_file_set_contents (path, "just text, not a zip", -1, NULL));
    g_assert_null (urok_epub_open (path, &error));
    g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_EPUB);
    g_clear_error (&error);
    g_assert_null (urok_epub_open (dir, &error));
    g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_EPUB);
    g_clear_error (&error);
    g_assert_cmpint (g_unlink (path), ==, 0);
    g_assert_cmpint (g_rmdir (dir), ==, 0);
  }
  g_assert_null (urok_epub_open ("/nonexistent/book.epub", &error));
  g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_EPUB);
}

static void
test_hostile_xml (void)
{
  const char *opfs[] = {
    /* An external entity. */
    "<?xml version='1.0'?><!DOCTYPE package [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
    "<package xmlns='http://www.idpf.org/2007/opf' version='3.0'><metadata/><manifest/><spine/></package>",
    /* The billion laughs. */
    "<?xml version='1.0'?><!DOCTYPE package [<!ENTITY a 'aaaaaaaaaa'>"
    "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>"
    "<!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'><!ENTITY e '&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;'>"
    "<!ENTITY f '&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;'><!ENTITY g '&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;'>"
    "<!ENTITY h '&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;'><!ENTITY i '&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;'>]>"
    "<package xmlns='http://www.idpf.org/2007/opf' version='3.0' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
    "<metadata><dc:title>&i;</dc:title></metadata><manifest/><spine/></package>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (opfs); i++)
    {
      const TestEntry entries[] = {
        TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"), { "OEBPS/book.opf", opfs[i], 0 },
      };

      assert_refused (entries, G_N_ELEMENTS (entries), UROK_EPUB_ERROR_INVALID, "declares XML entities");
    }
}

static void
test_broken_package (void)
{
  const TestEntry broken[] = {
    TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"), { "OEBPS/book.opf", TEST_OPF_HEAD "<manifest>", 0 },
  };
  const TestEntry not_opf[] = {
    TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"), { "OEBPS/book.opf", "<html/>", 0 },
  };
  const TestEntry empty_spine[] = {
    TEST_MIMETYPE, TEST_CONTAINER ("OEBPS/book.opf"),
    { "OEBPS/book.opf", TEST_OPF_HEAD
      "<manifest><item id='c1' href='c1.xhtml' media-type='application/xhtml+xml'/>"
      "<item id='out' href='../../../etc/passwd' media-type='application/xhtml+xml'/></manifest>"
      "<spine><itemref idref='c1'/><itemref idref='none'/><itemref idref='out'/></spine></package>", 0 },
  };

  assert_refused (broken, G_N_ELEMENTS (broken), UROK_EPUB_ERROR_INVALID, "not well-formed XML");
  assert_refused (not_opf, G_N_ELEMENTS (not_opf), UROK_EPUB_ERROR_INVALID, "not an OPF package");
  /* c1.xhtml is not in the container; the others name nothing readable. */
  assert_refused (empty_spine, G_N_ELEMENTS (empty_spine), UROK_EPUB_ERROR_INVALID, "reading order");
}

static void
test_forgiven_faults (void)
{
  const TestEntry entries[] = {
    { "mimetype", "application/zip", 0 }, TEST_CONTAINER ("OEBPS/book.opf"),
    { "OEBPS/book.opf",
      "<?xml version='1.0'?><!DOCTYPE package SYSTEM 'http://127.0.0.1:9/none.dtd'>"
      "<package xmlns='http://www.idpf.org/2007/opf' version='3.0'><metadata/>"
      "<manifest><item id='c1' href='c1.xhtml' media-type='application/xhtml+xml'/>"
      "<item id='out' href='../../x.png' media-type='image/png'/>"
      "<item id='nav' href='nav.xhtml' properties='nav' media-type='application/xhtml+xml'/></manifest>"
      "<spine><itemref idref='c1'/><itemref idref='gone'/></spine></package>", 0 },
    { "OEBPS/c1.xhtml", TEST_CHAPTER, 0 },
    { "OEBPS/nav.xhtml", "<html xmlns='http://www.w3.org/1999/xhtml'><body><nav", 0 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokEpub) epub = open_entries (entries, G_N_ELEMENTS (entries), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (urok_epub_get_spine (epub)->len, ==, 1);
  g_assert_true (has_warning (epub, "application/epub+zip"));
  g_assert_true (has_warning (epub, "“../../x.png” leads out of the book"));
  g_assert_true (has_warning (epub, "“gone”"));
  g_assert_true (has_warning (epub, "no identifier"));
  g_assert_true (has_warning (epub, "no title"));
  g_assert_true (has_warning (epub, "table of contents cannot be read"));
  g_assert_null (urok_epub_lookup_item (epub, "out"));
  g_assert_cmpuint (urok_epub_get_toc (epub)->len, ==, 0);
  g_assert_null (urok_epub_get_title (epub));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/epub/hostile/unsafe-names", test_unsafe_names);
  g_test_add_func ("/core/epub/hostile/duplicate-names", test_duplicate_names);
  g_test_add_func ("/core/epub/hostile/overlong-name", test_overlong_name);
  g_test_add_func ("/core/epub/hostile/zip-bomb", test_zip_bomb);
  g_test_add_func ("/core/epub/hostile/lying-size", test_lying_size);
  g_test_add_func ("/core/epub/hostile/too-many-entries", test_too_many_entries);
  g_test_add_func ("/core/epub/hostile/broken-container", test_broken_container);
  g_test_add_func ("/core/epub/hostile/hostile-xml", test_hostile_xml);
  g_test_add_func ("/core/epub/hostile/broken-package", test_broken_package);
  g_test_add_func ("/core/epub/hostile/forgiven-faults", test_forgiven_faults);
  return g_test_run ();
}
