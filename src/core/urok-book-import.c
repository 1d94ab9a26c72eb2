/* urok-book-import.c: bringing a textbook file into the library.
 *
 * The file is copied into the app's own books folder first and only read
 * there, so the catalogue never points at a file the user may move or delete.
 * A book that fails to read leaves nothing behind.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "urok-book-import.h"
#include "urok-epub-info.h"
#include "urok-epub.h"
#include "urok-store-book-search.h"
#include "urok-store-private.h"
#include "urok-pdf.h"

/* Whether the file starts like a PDF (EPUBs start "PK"). */
static gboolean
looks_like_pdf (const char *path)
{
  char head[1024];
  gsize n = 0;
  FILE *f = g_fopen (path, "rb");

  if (f == NULL)
    return FALSE;
  n = fread (head, 1, sizeof head, f);
  fclose (f);
  return urok_pdf_has_header (head, n);
}

/* A PDF has no dc:identifier: its trailer's permanent /ID names it across
 * re-saves; without one, its bytes do. */
static UrokBookInfo *
read_pdf_info (const char *path,
               GFile      *source,
               GError    **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
  g_autoptr(GBytes) bytes = mapped != NULL ? g_mapped_file_get_bytes (mapped) : NULL;
  /* From the bytes: an error should not name our temporary copy. */
  g_autoptr(UrokPdf) pdf = bytes != NULL ? urok_pdf_new_from_bytes (bytes, error) : NULL;
  g_autofree char *id = NULL;
  g_autofree char *identifier = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;

  if (pdf == NULL)
    return NULL;
  id = urok_pdf_dup_permanent_id (pdf);
  if (id != NULL)
    identifier = g_strconcat ("pdf-id:", id, NULL);
  else
    {
      g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, urok_pdf_get_bytes (pdf));

      identifier = g_strconcat ("sha256:", digest, NULL);
    }
  title = urok_pdf_dup_title (pdf);
  if (title == NULL)
    {
      g_autofree char *name = g_file_get_basename (source);
      g_autofree char *display = g_filename_display_name (name);

      if (g_str_has_suffix (display, ".pdf") || g_str_has_suffix (display, ".PDF"))
        display[strlen (display) - 4] = '\0';
      title = g_steal_pointer (&display);
    }
  author = urok_pdf_dup_author (pdf);
  subject = urok_pdf_dup_subject (pdf);
  return g_object_new (UROK_TYPE_BOOK_INFO,
                       "identifier", identifier,
                       "format", "pdf",
                       "title", title,
                       "authors", author != NULL ? author : "",
                       "language", "",
                       "subject", subject != NULL ? subject : "",
                       NULL);
}

/* The book's text into the search index, in one transaction, replacing
 * what an earlier copy left there.  A document that cannot be read is
 * left out of the index, not the book out of the library. */
static void
index_epub (UrokStore    *store,
            UrokBookInfo *book)
{
  g_autoptr(UrokEpub) epub = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *spine;
  gint64 id = urok_book_info_get_id (book);

  /* A savepoint: the demo imports its book inside its own transaction. */
  epub = urok_epub_open (urok_book_info_get_file (book), &error);
  if (epub == NULL || !_urok_store_exec (store, "SAVEPOINT book_index", &error))
    {
      g_message ("“%s” cannot be searched: %s", urok_book_info_get_title (book), error->message);
      return;
    }
  if (!urok_store_clear_book_index (store, id, &error))
    {
      _urok_store_exec (store, "ROLLBACK TO book_index; RELEASE book_index", NULL);
      g_message ("“%s” cannot be searched: %s", urok_book_info_get_title (book), error->message);
      return;
    }
  spine = urok_epub_get_spine (epub);
  for (guint i = 0; i < spine->len; i++)
    {
      const UrokEpubSpineItem *item = spine->pdata[i];
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) document_error = NULL;

      if (item->item->path == NULL)
        continue;
      bytes = urok_epub_read_entry (epub, item->item->path, &document_error);
      if (bytes == NULL ||
          !urok_store_index_book_document (store, id, i, item->item->path, bytes, &document_error))
        g_message ("Part “%s” of “%s” cannot be searched: %s", item->item->path, urok_book_info_get_title (book),
                   document_error->message);
    }
  if (!_urok_store_exec (store, "RELEASE book_index", &error))
    g_message ("“%s” cannot be searched: %s", urok_book_info_get_title (book), error->message);
}

UrokBookInfo *
urok_book_import (UrokStore   *store,
                  GFile       *source,
                  const char  *books_dir,
                  gboolean    *out_was_new,
                  GError     **error)
{
  g_autoptr(GFile) tmp = NULL;
  g_autoptr(UrokBookInfo) info = NULL;
  g_autoptr(UrokBookInfo) existing = NULL;
  g_autoptr(UrokBookInfo) placed = NULL;
  g_autoptr(UrokBookInfo) saved = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *final_path = NULL;
  gboolean is_pdf;

  g_return_val_if_fail (UROK_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (books_dir != NULL, NULL);

  if (g_mkdir_with_parents (books_dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the books folder “%s”: %s"), books_dir, g_strerror (saved_errno));
      return NULL;
    }

  {
    g_autofree char *template = g_build_filename (books_dir, ".import-XXXXXX", NULL);
    int fd = g_mkstemp (template);

    if (fd < 0)
      {
        int saved_errno = errno;
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not write into the books folder: %s"), g_strerror (saved_errno));
        return NULL;
      }
    g_close (fd, NULL);
    tmp_path = g_steal_pointer (&template);
    tmp = g_file_new_for_path (tmp_path);
  }

  if (!g_file_copy (source, tmp, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    goto fail;

  is_pdf = looks_like_pdf (tmp_path);
  if (is_pdf)
    info = read_pdf_info (tmp_path, source, error);
  else
    info = urok_epub_read_info_from_file (tmp_path, error);
  if (info == NULL)
    goto fail;

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, urok_book_info_get_identifier (info), -1);
  basename = g_strdup_printf ("%.24s.%s", digest, is_pdf ? "pdf" : "epub");
  final_path = g_build_filename (books_dir, basename, NULL);
  if (g_rename (tmp_path, final_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not store the book: %s"), g_strerror (saved_errno));
      goto fail;
    }

  existing = urok_store_find_book (store, urok_book_info_get_identifier (info), NULL);
  if (out_was_new != NULL)
    *out_was_new = existing == NULL;

  placed = urok_book_info_copy_with_file (info, final_path);
  saved = urok_store_save_book (store, placed, error);
  if (saved != NULL && !is_pdf)
    index_epub (store, saved);
  return g_steal_pointer (&saved);

fail:
  g_unlink (tmp_path);
  return NULL;
}
