/* epub-test-util.h: small EPUBs made by the tests themselves, with libarchive.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>
#include <string.h>

typedef struct
{
  const char *name;
  const char *contents; /* NULL: @size zero bytes, written in chunks */
  gsize       size;     /* 0: strlen (contents) */
} TestEntry;

typedef struct
{
  GByteArray *bytes;
} TestZipSink;

static inline la_ssize_t
test_zip_write (struct archive *a,
                void           *data,
                const void     *buffer,
                size_t          length)
{
  TestZipSink *sink = data;

  (void)a;
  g_byte_array_append (sink->bytes, buffer, (guint)length);
  return (la_ssize_t)length;
}

static inline GBytes *
test_make_zip (const TestEntry *entries,
               guint            n_entries,
               gboolean         deflate)
{
  static const guint8 zeros[1024 * 1024];
  struct archive *a = archive_write_new ();
  TestZipSink sink = { g_byte_array_new () };

  archive_write_set_format_zip (a);
  archive_write_set_bytes_in_last_block (a, 1);
  if (!deflate)
    archive_write_set_format_option (a, "zip", "compression", "store");
  g_assert_cmpint (archive_write_open2 (a, &sink, NULL, test_zip_write, NULL, NULL), ==, ARCHIVE_OK);
  for (guint i = 0; i < n_entries; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize size = entries[i].size ? entries[i].size : strlen (entries[i].contents);

      archive_entry_set_pathname (entry, entries[i].name);
      archive_entry_set_size (entry, (la_int64_t)size);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      if (entries[i].contents != NULL)
        g_assert_cmpint (archive_write_data (a, entries[i].contents, size), ==, (la_ssize_t)size);
      else
        for (gsize done = 0; done < size; done += sizeof zeros)
          {
            gsize n = MIN (sizeof zeros, size - done);

            g_assert_cmpint (archive_write_data (a, zeros, n), ==, (la_ssize_t)n);
          }
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
  return g_byte_array_free_to_bytes (sink.bytes);
}

#define TEST_MIMETYPE { "mimetype", "application/epub+zip", 0 }

#define TEST_CONTAINER(opf) \
  { "META-INF/container.xml", \
    "<?xml version='1.0'?><container version='1.0' xmlns='urn:oasis:names:tc:opendocument:xmlns:container'>" \
    "<rootfiles><rootfile full-path='" opf "' media-type='application/oebps-package+xml'/></rootfiles></container>", 0 }

#define TEST_OPF_HEAD \
  "<?xml version='1.0'?>" \
  "<package xmlns='http://www.idpf.org/2007/opf' version='3.0' unique-identifier='uid'>" \
  "<metadata xmlns:dc='http://purl.org/dc/elements/1.1/'>" \
  "<dc:identifier id='uid'>urn:uuid:test</dc:identifier><dc:title>Test</dc:title>" \
  "<dc:language>ru</dc:language></metadata>"

#define TEST_CHAPTER \
  "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><head><title>c</title></head>" \
  "<body><p>Text</p></body></html>"
