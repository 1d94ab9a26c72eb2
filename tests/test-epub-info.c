/* test-epub-info.c: books are recognised, and bad books are refused cleanly.
 *
 * Every hostile book here is made by the test itself.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "urok-book-import.h"
#include "urok-epub-info.h"

typedef struct
{
  const char *name;
  const char *contents;
  gsize       size; /* 0: strlen (contents) */
} Entry;

static GBytes *
make_zip (const Entry *entries,
          guint        n_entries)
{
  struct archive *a = archive_write_new ();
  gsize capacity = 64 * 1024 * 1024;
  guint8 *buffer = g_malloc (capacity);
  size_t used = 0;

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_memory (a, buffer, capacity, &used), ==, ARCHIVE_OK);
  for (guint i = 0; i < n_entries; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize size = entries[i].size ? entries[i].size : strlen (entries[i].contents);

      archive_entry_set_pathname (entry, entries[i].name);
      archive_entry_set_size (entry, (la_int64_t)size);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, entries[i].contents, size), ==, (la_ssize_t)size);
      archive_entry_free (entry);
    }
  archive_write_close (a);
  archive_write_free (a);
  return g_bytes_new_take (g_realloc (buffer, used), used);
}

#define CONTAINER \
  "<?xml version='1.0'?><container version='1.0' xmlns='urn:oasis:names:tc:opendocument:xmlns:container'>" \
  "<rootfiles><rootfile full-path='OEBPS/book.opf' media-type='application/oebps-package+xml'/></rootfiles></container>"

#define OPF_HEAD \
  "<?xml version='1.0'?><package xmlns='http://www.idpf.org/2007/opf' version='3.0' unique-identifier='uid'" \
  " prefix='schema: http://schema.org/'><metadata xmlns:dc='http://purl.org/dc/elements/1.1/'>"

static const char good_opf[] =
  OPF_HEAD
  "<dc:identifier id='isbn'>978-5-00-000000-0</dc:identifier>"
  "<dc:identifier id='uid'>urn:uuid:6f1c7a52-0000-4000-8000-000000000001</dc:identifier>"
  "<dc:title>Русский язык. 5 класс</dc:title>"
  "<dc:creator>Иванова А. П.</dc:creator><dc:creator>Петров Б. В.</dc:creator>"
  "<dc:language>ru</dc:language><dc:subject>Русский язык</dc:subject>"
  "<meta property='schema:educationalLevel'>5 класс</meta>"
  "</metadata><manifest/><spine/></package>";

static void
test_reads_metadata (void)
{
  const Entry entries[] = {
    { "mimetype", "application/epub+zip" },
    { "META-INF/container.xml", CONTAINER },
    { "OEBPS/book.opf", good_opf },
  };
  g_autoptr(GBytes) zip = make_zip (entries, G_N_ELEMENTS (entries));
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBookInfo) info = urok_epub_read_info_from_bytes (zip, &error);

  g_assert_no_error (error);
  /* The unique-identifier, not the first identifier. */
  g_assert_cmpstr (urok_book_info_get_identifier (info), ==, "urn:uuid:6f1c7a52-0000-4000-8000-000000000001");
  g_assert_cmpstr (urok_book_info_get_title (info), ==, "Русский язык. 5 класс");
  g_assert_cmpstr (urok_book_info_get_authors (info), ==, "Иванова А. П., Петров Б. В.");
  g_assert_cmpstr (urok_book_info_get_language (info), ==, "ru");
  g_assert_cmpstr (urok_book_info_get_subject (info), ==, "Русский язык");
  g_assert_cmpint (urok_book_info_get_grade_level (info), ==, 5);
}

static void
assert_refused (const Entry *entries,
                guint        n_entries,
                int          code)
{
  g_autoptr(GBytes) zip = make_zip (entries, n_entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBookInfo) info = urok_epub_read_info_from_bytes (zip, &error);

  g_assert_null (info);
  g_assert_error (error, UROK_EPUB_ERROR, code);
  g_test_message ("refused: %s", error->message);
}

static void
test_hostile_books (void)
{
  g_autofree char *huge = g_malloc0 (5 * 1024 * 1024);
  const Entry wrong_mimetype[] = {
    { "mimetype", "application/vnd.oasis.opendocument.text" },
    { "META-INF/container.xml", CONTAINER },
  };
  const Entry no_container[] = {
    { "mimetype", "application/epub+zip" },
    { "OEBPS/book.opf", good_opf },
  };
  const Entry missing_package[] = {
    { "mimetype", "application/epub+zip" },
    { "META-INF/container.xml", CONTAINER },
  };
  const Entry broken_xml[] = {
    { "mimetype", "application/epub+zip" },
    { "META-INF/container.xml", CONTAINER },
    { "OEBPS/book.opf", OPF_HEAD "<dc:title>Не закрыт" },
  };
  /* An external entity must be neither fetched nor expanded. */
  const Entry external_entity[] = {
    { "mimetype", "application/epub+zip" },
    { "META-INF/container.xml", CONTAINER },
    { "OEBPS/book.opf",
      "<?xml version='1.0'?><!DOCTYPE package [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
      "<package xmlns='http://www.idpf.org/2007/opf' version='3.0' unique-identifier='uid'>"
      "<metadata xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:identifier id='uid'>x</dc:identifier>"
      "<dc:title>&xxe;</dc:title></metadata></package>" },
  };
  const Entry no_identifier[] = {
    { "mimetype", "application/epub+zip" },
    { "META-INF/container.xml", CONTAINER },
    { "OEBPS/book.opf", OPF_HEAD "<dc:title>Без идентификатора</dc:title></metadata></package>" },
  };
  const Entry oversized[] = {
    { "mimetype", "application/epub+zip" },
    { "META-INF/container.xml", CONTAINER },
    { "OEBPS/book.opf", huge, 5 * 1024 * 1024 },
  };

  memset (huge, ' ', 5 * 1024 * 1024);
  assert_refused (wrong_mimetype, G_N_ELEMENTS (wrong_mimetype), UROK_EPUB_ERROR_NOT_EPUB);
  assert_refused (no_container, G_N_ELEMENTS (no_container), UROK_EPUB_ERROR_INVALID);
  assert_refused (missing_package, G_N_ELEMENTS (missing_package), UROK_EPUB_ERROR_INVALID);
  assert_refused (broken_xml, G_N_ELEMENTS (broken_xml), UROK_EPUB_ERROR_INVALID);
  assert_refused (no_identifier, G_N_ELEMENTS (no_identifier), UROK_EPUB_ERROR_INVALID);
  assert_refused (oversized, G_N_ELEMENTS (oversized), UROK_EPUB_ERROR_TOO_LARGE);

  {
    /* The entity stays unexpanded: a title, but never /etc/passwd's text. */
    g_autoptr(GBytes) zip = make_zip (external_entity, G_N_ELEMENTS (external_entity));
    g_autoptr(GError) error = NULL;
    g_autoptr(UrokBookInfo) info = urok_epub_read_info_from_bytes (zip, &error);

    if (info != NULL)
      g_assert_null (strstr (urok_book_info_get_title (info), "root:"));
    else
      g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID);
  }
}

static void
test_not_a_zip (void)
{
  static const char *const inputs[] = { "", "PK", "%PDF-1.7\n...", "PK\003\004 truncated header" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (inputs[i], strlen (inputs[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokBookInfo) info = urok_epub_read_info_from_bytes (bytes, &error);

      g_assert_null (info);
      g_assert_nonnull (error);
      g_assert_true (error->domain == UROK_EPUB_ERROR);
    }
}

static void
test_truncated_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (DEMO_EPUB, &contents, &length, &error));
  /* Every cut of the demo book is either read or refused, never a crash. */
  for (gsize cut = 0; cut < length; cut += MAX (length / 97, 1))
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (contents, cut);
      g_autoptr(GError) cut_error = NULL;
      g_autoptr(UrokBookInfo) info = urok_epub_read_info_from_bytes (bytes, &cut_error);

      g_assert_true ((info == NULL) != (cut_error == NULL));
    }
}

static void
test_import_dedups (void)
{
  g_autofree char *db = core_test_path ("store.db");
  g_autofree char *books = core_test_path ("books");
  g_autoptr(GFile) source = g_file_new_for_path (DEMO_EPUB);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (db, &error);
  g_autoptr(UrokBookInfo) first = NULL;
  g_autoptr(UrokBookInfo) second = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GDir) dir = NULL;
  gboolean was_new = FALSE;
  guint n_files = 0;

  g_assert_no_error (error);
  first = urok_book_import (store, source, books, &was_new, &error);
  g_assert_no_error (error);
  g_assert_true (was_new);
  g_assert_true (g_file_test (urok_book_info_get_file (first), G_FILE_TEST_IS_REGULAR));

  second = urok_book_import (store, source, books, &was_new, &error);
  g_assert_no_error (error);
  g_assert_false (was_new);
  g_assert_cmpint (urok_book_info_get_id (first), ==, urok_book_info_get_id (second));

  list = urok_store_list_books (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* A refused book leaves no file behind. */
  {
    g_autofree char *bad_path = core_test_path ("bad.epub");
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
    g_autoptr(UrokBookInfo) none = NULL;

    g_assert_true (g_file_set_contents (bad_path, "PK\003\004 nonsense", -1, NULL));
    none = urok_book_import (store, bad, books, NULL, &error);
    g_assert_null (none);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  dir = g_dir_open (books, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/epub-info/reads-metadata", test_reads_metadata);
  g_test_add_func ("/core/epub-info/hostile-books", test_hostile_books);
  g_test_add_func ("/core/epub-info/not-a-zip", test_not_a_zip);
  g_test_add_func ("/core/epub-info/truncated-demo", test_truncated_demo);
  g_test_add_func ("/core/book-import/dedups", test_import_dedups);

  return core_test_run ();
}
