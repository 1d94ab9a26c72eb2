/* bench-epub-open.c: reader.open_package, opening a textbook of 2,000
 * chapters and 50 MB (container + package + navigation), and reading one
 * entry of it, the last one (the longest header walk).
 *
 * The book is generated here, into a temporary folder.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "urok-epub.h"

#define CHAPTERS 2000
#define CHAPTER_SIZE (40 * 1024)
#define RUNS 21

static void
add (struct archive *a,
     const char     *name,
     const char     *data,
     gsize           size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, (la_int64_t)size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  if (archive_write_header (a, entry) != ARCHIVE_OK || archive_write_data (a, data, size) != (la_ssize_t)size)
    g_error ("%s", archive_error_string (a));
  archive_entry_free (entry);
}

/* A chapter of random words: deflate gets it down only about 1.7:1, so the
 * file is 50 MB as a textbook full of pictures is, with 2,000 entries. */
static char *
chapter (guint   n,
         GRand  *rand,
         gsize  *size)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><head>"
                                "<title>Глава %u</title></head><body><h1 id='h'>Глава %u</h1><p>", n, n);
  while (text->len < CHAPTER_SIZE - 32)
    {
      guint length = (guint)g_rand_int_range (rand, 2, 10);

      for (guint i = 0; i < length; i++)
        g_string_append_c (text, (char)('a' + g_rand_int_range (rand, 0, 26)));
      g_string_append_c (text, ' ');
    }
  g_string_append (text, "</p></body></html>");
  *size = text->len;
  return g_string_free (text, FALSE);
}

static void
make_book (const char *path)
{
  struct archive *a = archive_write_new ();
  g_autoptr(GString) opf = g_string_new (NULL);
  g_autoptr(GString) nav = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  static const char container[] =
    "<?xml version='1.0'?><container version='1.0' xmlns='urn:oasis:names:tc:opendocument:xmlns:container'>"
    "<rootfiles><rootfile full-path='OEBPS/book.opf' media-type='application/oebps-package+xml'/></rootfiles></container>";

  archive_write_set_format_zip (a);
  if (archive_write_open_filename (a, path) != ARCHIVE_OK)
    g_error ("%s", archive_error_string (a));
  /* libarchive sets compression per archive, so mimetype is deflated too;
   * the reader takes it either way. */
  add (a, "mimetype", "application/epub+zip", 20);
  add (a, "META-INF/container.xml", container, strlen (container));

  g_string_append (opf, "<?xml version='1.0'?><package xmlns='http://www.idpf.org/2007/opf' version='3.0' "
                        "unique-identifier='uid'><metadata xmlns:dc='http://purl.org/dc/elements/1.1/'>"
                        "<dc:identifier id='uid'>urn:uuid:bench</dc:identifier><dc:title>Математика 5</dc:title>"
                        "<dc:language>ru</dc:language></metadata><manifest>"
                        "<item id='nav' href='nav.xhtml' properties='nav' media-type='application/xhtml+xml'/>");
  g_string_append (nav, "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml' "
                        "xmlns:epub='http://www.idpf.org/2007/ops'><body><nav epub:type='toc'><ol>");
  for (guint i = 0; i < CHAPTERS; i++)
    {
      g_string_append_printf (opf, "<item id='c%u' href='text/c%04u.xhtml' media-type='application/xhtml+xml'/>", i, i);
      g_string_append_printf (nav, "<li><a href='text/c%04u.xhtml'>Глава %u</a><ol><li><a href='text/c%04u.xhtml#h'>"
                                   "Задачи</a></li></ol></li>", i, i, i);
    }
  g_string_append (opf, "</manifest><spine>");
  for (guint i = 0; i < CHAPTERS; i++)
    g_string_append_printf (opf, "<itemref idref='c%u'/>", i);
  g_string_append (opf, "</spine></package>");
  g_string_append (nav, "</ol></nav></body></html>");
  add (a, "OEBPS/book.opf", opf->str, opf->len);
  add (a, "OEBPS/nav.xhtml", nav->str, nav->len);

  for (guint i = 0; i < CHAPTERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("OEBPS/text/c%04u.xhtml", i);
      gsize size = 0;
      g_autofree char *text = chapter (i, rand, &size);

      add (a, name, text, size);
    }
  if (archive_write_close (a) != ARCHIVE_OK)
    g_error ("%s", archive_error_string (a));
  archive_write_free (a);
}

/* As cold as a user can make it: the file's pages out of the page cache. */
static void
drop_cache (const char *path)
{
  int fd = g_open (path, O_RDONLY, 0);

  if (fd < 0)
    return;
  posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED);
  close (fd);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, (gsize)n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The median of RUNS opens (wall clock; the thread's CPU time in @cpu);
 * the first open's time in @first. */
static double
time_opens (const char *path,
            double     *first,
            double     *cpu)
{
  double ms[RUNS];
  double cpu_ms[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      double cpu_start = thread_cpu_ms ();
      gint64 start = g_get_monotonic_time ();
      g_autoptr(UrokEpub) epub = urok_epub_open (path, &error);

      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      cpu_ms[i] = thread_cpu_ms () - cpu_start;
      if (epub == NULL)
        g_error ("%s", error->message);
      g_assert_cmpuint (urok_epub_get_spine (epub)->len, ==, CHAPTERS);
      g_assert_cmpuint (urok_epub_get_toc (epub)->len, ==, CHAPTERS);
    }
  if (first != NULL)
    *first = ms[0];
  *cpu = median (cpu_ms, RUNS);
  return median (ms, RUNS);
}

/* Reading the last entry on a fresh book (the longest header walk), and
 * the whole spine in order (the indexer's way: one header per entry). */
static void
time_reads (const char *path,
            double     *last_ms,
            double     *spine_ms)
{
  double last[RUNS];
  double spine[5];

  for (int i = 0; i < RUNS; i++)
    {
      g_autoptr(UrokEpub) epub = urok_epub_open (path, NULL);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GBytes) bytes = urok_epub_read_entry (epub, "OEBPS/text/c1999.xhtml", NULL);

      last[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_nonnull (bytes);
    }
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(UrokEpub) epub = urok_epub_open (path, NULL);
      GPtrArray *items = urok_epub_get_spine (epub);
      gint64 start = g_get_monotonic_time ();

      for (guint j = 0; j < items->len; j++)
        {
          UrokEpubSpineItem *item = g_ptr_array_index (items, j);
          g_autoptr(GBytes) bytes = urok_epub_read_entry (epub, item->item->path, NULL);

          g_assert_nonnull (bytes);
        }
      spine[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  *last_ms = median (last, RUNS);
  *spine_ms = median (spine, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("urok-bench-epub-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.epub", NULL);
  gboolean tz_was_set = g_getenv ("TZ") != NULL;
  double cold_ms = 0, tz_unset_ms = 0, open_ms, last_ms, spine_ms, cpu_ms, tz_unset_cpu_ms;
  GStatBuf st;

  make_book (path);
  g_stat (path, &st);
  sync ();
  drop_cache (path);

  /* libarchive converts each header's DOS time with mktime(), and glibc
   * stats /etc/localtime on every call while TZ is unset: 2,000 stat()s
   * per open.  Measured as the process came, then with TZ set, as
   * src/main.c should set it before any thread starts. */
  tz_unset_ms = time_opens (path, &cold_ms, &tz_unset_cpu_ms);
  if (!tz_was_set)
    g_setenv ("TZ", ":/etc/localtime", TRUE);
  open_ms = time_opens (path, NULL, &cpu_ms);
  time_reads (path, &last_ms, &spine_ms);

  g_print ("# book: %d chapters, %.1f MB; TZ %s\n", CHAPTERS, st.st_size / 1e6, tz_was_set ? "was set" : "was unset");
  g_print ("BENCH reader.open_package %.2f ms\n", open_ms);
  g_print ("BENCH reader.open_package.cpu %.2f ms\n", cpu_ms);
  g_print ("BENCH reader.open_package_first %.2f ms\n", cold_ms);
  if (!tz_was_set)
    {
      g_print ("BENCH reader.open_package_tz_unset %.2f ms\n", tz_unset_ms);
      g_print ("BENCH reader.open_package_tz_unset.cpu %.2f ms\n", tz_unset_cpu_ms);
    }
  g_print ("BENCH reader.read_last_entry %.2f ms\n", last_ms);
  g_print ("BENCH reader.read_spine %.1f ms\n", spine_ms);

  /* KEEP=1 leaves the book for a profiler. */
  if (g_getenv ("KEEP") == NULL)
    g_unlink (path);
  if (g_getenv ("KEEP") == NULL)
    g_rmdir (dir);
  return 0;
}
