/* urok-epub-container.c: the ZIP container of an EPUB, through libarchive.
 *
 * The seekable ZIP reader reads the central directory and seeks to each
 * local header, so indexing walks headers but never inflates a chapter.
 * libarchive has no "seek to entry N": reading an entry takes a reader
 * on the file from a small pool, the one nearest before the entry,
 * and walks headers from there; reading the spine in order so costs one
 * header per entry.  A reader is used by one thread at a time.  Sizes are
 * checked before inflating, and again on what is inflated, since a header
 * can lie.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "urok-epub-private.h"

typedef struct archive UrokArchive;
static void
urok_archive_free (UrokArchive *a)
{
  archive_read_free (a);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokArchive, urok_archive_free)

static UrokArchive *
open_archive (UrokEpub  *self,
              GError   **error)
{
  g_autoptr(UrokArchive) a = archive_read_new ();
  int rc;

  archive_read_support_format_zip_seekable (a);
  if (self->file != NULL)
    {
      /* read() per header, not a mapping: on a virtual machine a page fault
       * per local header costs twice what the system calls do (measured,
       * docs/PERFORMANCE.md), and a file cut short under us is an error
       * here, not a SIGBUS. */
      rc = archive_read_open_filename (a, self->file, 16384);
    }
  else
    {
      gsize size = 0;
      const void *data = g_bytes_get_data (self->data, &size);

      rc = archive_read_open_memory (a, data, size);
    }
  if (rc != ARCHIVE_OK)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_EPUB,
                   _("The file is not an EPUB book: %s"), archive_error_string (a));
      return NULL;
    }
  return g_steal_pointer (&a);
}

typedef struct
{
  UrokArchive *archive;
  guint        next; /* the position archive_read_next_header() reads next */
} Cursor;

void
_urok_epub_cursor_free (gpointer data)
{
  Cursor *cursor = data;

  archive_read_free (cursor->archive);
  g_free (cursor);
}

/* The pooled reader nearest before @position, or a new one. */
static Cursor *
take_cursor (UrokEpub  *self,
             guint      position,
             GError   **error)
{
  Cursor *best = NULL;
  guint best_index = 0;
  UrokArchive *a;

  g_mutex_lock (&self->cursor_lock);
  for (guint i = 0; i < self->cursors->len; i++)
    {
      Cursor *cursor = g_ptr_array_index (self->cursors, i);

      if (cursor->next <= position && (best == NULL || cursor->next > best->next))
        {
          best = cursor;
          best_index = i;
        }
    }
  if (best != NULL)
    g_ptr_array_steal_index_fast (self->cursors, best_index);
  g_mutex_unlock (&self->cursor_lock);
  if (best != NULL)
    return best;

  if ((a = open_archive (self, error)) == NULL)
    return NULL;
  best = g_new0 (Cursor, 1);
  best->archive = a;
  return best;
}

static void
give_back_cursor (UrokEpub *self,
                  Cursor   *cursor)
{
  g_mutex_lock (&self->cursor_lock);
  if (self->cursors->len >= UROK_EPUB_MAX_CURSORS)
    g_ptr_array_remove_index_fast (self->cursors, 0);
  g_ptr_array_add (self->cursors, cursor);
  g_mutex_unlock (&self->cursor_lock);
}

/* "a/./b//c/../d" → "a/b/d"; NULL when ".." climbs out of the root. */
char *
_urok_epub_normalise_path (const char *path)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = NULL;

  /* Nearly every name is already normal: no "." or ".." segment, no "//". */
  if (*path != '\0' && *path != '/' && *path != '.' && !g_str_has_suffix (path, "/") &&
      strstr (path, "/.") == NULL && strstr (path, "//") == NULL)
    return g_strdup (path);

  parts = g_strsplit (path, "/", -1);
  kept = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (kept->len == 0)
            return NULL;
          g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }
  if (kept->len == 0)
    return NULL;
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **)kept->pdata);
}

/* The checks an entry's name must pass before it names anything. */
static char *
entry_path (const char  *name,
            GError     **error)
{
  const char *problem = NULL;
  char *path = NULL;

  if (strlen (name) > UROK_EPUB_MAX_NAME)
    problem = _("the name is too long");
  else if (!g_utf8_validate (name, -1, NULL))
    problem = _("the name is not UTF-8");
  else if (name[0] == '/')
    problem = _("the name is an absolute path");
  else if (strchr (name, '\\') != NULL)
    problem = _("the name contains a backslash");
  else if ((path = _urok_epub_normalise_path (name)) == NULL)
    problem = _("the name leads out of the book");

  if (problem != NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (name, MIN (strlen (name), 80));

      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                   _("The book contains an unsafe file “%s”: %s"), shown, problem);
      return NULL;
    }
  return path;
}

static const char *
header_name (struct archive_entry *entry)
{
  const char *name = archive_entry_pathname_utf8 (entry);

  return name != NULL ? name : archive_entry_pathname (entry);
}

static void
check_mimetype (UrokEpub             *self,
                UrokArchive          *a,
                struct archive_entry *entry)
{
  static const char expected[] = "application/epub+zip";
  char buffer[sizeof expected] = { 0 };
  la_ssize_t n = 0;

  if (g_strcmp0 (header_name (entry), "mimetype") != 0)
    {
      _urok_epub_warn (self, _("The book’s first file is not “mimetype”"));
      return;
    }
  n = archive_read_data (a, buffer, sizeof buffer);
  if (n != (la_ssize_t)(sizeof expected - 1) || memcmp (buffer, expected, sizeof expected - 1) != 0)
    _urok_epub_warn (self, _("The book’s “mimetype” file does not say application/epub+zip"));
}

static void
entry_free (gpointer data)
{
  UrokEpubEntry *entry = data;

  g_free (entry->path);
  g_free (entry);
}

gboolean
_urok_epub_index_container (UrokEpub  *self,
                            GError   **error)
{
  g_autoptr(UrokArchive) a = open_archive (self, error);
  UrokEpubEntry *previous = NULL;
  struct archive_entry *header;
  gint64 total = 0;
  guint position = 0;
  int rc;

  if (a == NULL)
    return FALSE;

  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  for (; (rc = archive_read_next_header (a, &header)) == ARCHIVE_OK || rc == ARCHIVE_WARN; position++)
    {
      const char *name = header_name (header);
      /* Where this entry's data starts: the span to the next one bounds
       * its compressed size, which libarchive does not expose. */
      gint64 data_start = archive_filter_bytes (a, 0);
      UrokEpubEntry *entry;
      char *path;

      if (previous != NULL)
        previous->compressed_size = MAX (0, data_start - previous->compressed_size);
      previous = NULL;

      if (position >= UROK_EPUB_MAX_ENTRIES)
        {
          g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_TOO_LARGE,
                       _("The book has more files than any book needs"));
          return FALSE;
        }
      if (position == 0)
        check_mimetype (self, a, header);
      if (name == NULL)
        {
          g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                       _("The book contains a file with no readable name"));
          return FALSE;
        }
      if (archive_entry_filetype (header) == AE_IFDIR || g_str_has_suffix (name, "/"))
        continue;
      if ((path = entry_path (name, error)) == NULL)
        return FALSE;
      if (g_hash_table_contains (self->entries, path))
        {
          g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                       _("The book contains the file “%s” twice"), path);
          g_free (path);
          return FALSE;
        }

      entry = g_new0 (UrokEpubEntry, 1);
      entry->path = path;
      entry->size = archive_entry_size_is_set (header) ? archive_entry_size (header) : -1;
      entry->compressed_size = data_start; /* until the next header says where it ends */
      entry->position = position;
      g_hash_table_insert (self->entries, entry->path, entry);
      previous = entry;

      total += MAX (entry->size, 0);
      if (entry->size > UROK_EPUB_MAX_ENTRY_SIZE || total > UROK_EPUB_MAX_TOTAL_SIZE)
        {
          g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_TOO_LARGE,
                       _("The book’s file “%s” is larger than any book needs"), path);
          return FALSE;
        }
    }
  if (previous != NULL)
    previous->compressed_size = MAX (0, self->file_size - previous->compressed_size);

  if (rc != ARCHIVE_EOF)
    {
      if (position == 0)
        g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_EPUB,
                     _("The file is not an EPUB book (not a ZIP archive, or a truncated one): %s"),
                     archive_error_string (a));
      else
        g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                     _("The book is damaged or truncated: %s"), archive_error_string (a));
      return FALSE;
    }
  if (position == 0)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_EPUB,
                   _("The file is not an EPUB book: the archive is empty"));
      return FALSE;
    }
  return TRUE;
}

static GBytes *
too_large (const char  *path,
           GError     **error)
{
  g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_TOO_LARGE,
               _("The book’s file “%s” is larger than any book needs"), path);
  return NULL;
}

/* Past the floor, more than UROK_EPUB_MAX_RATIO bytes out per byte in is a bomb. */
static gboolean
ratio_ok (gint64 inflated,
          gint64 compressed)
{
  return inflated <= UROK_EPUB_RATIO_FLOOR || inflated / MAX (compressed, 1) <= UROK_EPUB_MAX_RATIO;
}

GBytes *
_urok_epub_read_entry_capped (UrokEpub    *self,
                              const char  *path,
                              gint64       cap,
                              GError     **error)
{
  UrokEpubEntry *entry = g_hash_table_lookup (self->entries, path);
  g_autoptr(GByteArray) buffer = NULL;
  struct archive_entry *header = NULL;
  Cursor *cursor;
  UrokArchive *a;
  gint64 data_start;
  guint8 chunk[65536];
  la_ssize_t n;

  if (entry == NULL)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_FOUND,
                   _("The book has no file “%s”"), path);
      return NULL;
    }
  if (entry->size > cap || !ratio_ok (entry->size, entry->compressed_size))
    return too_large (path, error);
  if ((cursor = take_cursor (self, entry->position, error)) == NULL)
    return NULL;
  a = cursor->archive;

  for (; cursor->next <= entry->position; cursor->next++)
    {
      int rc = archive_read_next_header (a, &header);

      if (rc != ARCHIVE_OK && rc != ARCHIVE_WARN)
        {
          g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                       _("The book is damaged: “%s” cannot be read (%s)"), path, archive_error_string (a));
          _urok_epub_cursor_free (cursor);
          return NULL;
        }
    }
  g_assert (header != NULL);

  data_start = archive_filter_bytes (a, 0);
  buffer = g_byte_array_sized_new ((guint)CLAMP (entry->size, 0, 16 * 1024 * 1024));
  /* The declared size can lie: the caps hold on what is inflated, and the
   * ratio on what libarchive has consumed of the compressed stream so far. */
  while ((n = archive_read_data (a, chunk, sizeof chunk)) > 0)
    {
      if ((gint64)buffer->len + n > cap ||
          !ratio_ok ((gint64)buffer->len + n, archive_filter_bytes (a, 0) - data_start))
        {
          _urok_epub_cursor_free (cursor);
          return too_large (path, error);
        }
      g_byte_array_append (buffer, chunk, (guint)n);
    }
  if (n < 0)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                   _("The book is damaged: “%s” cannot be read (%s)"), path, archive_error_string (a));
      _urok_epub_cursor_free (cursor);
      return NULL;
    }
  give_back_cursor (self, cursor);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}
