/* urok-store-books.c: the textbook catalogue in the store.
 *
 * A book is known by its dc:identifier, so a re-downloaded copy of the same
 * book updates its entry instead of adding a second one.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "urok-store-annotations.h"
#include "urok-store-book-search.h"
#include "urok-store-private.h"

#define BOOK_COLUMNS "id, identifier, format, title, authors, language, subject, coalesce(grade_level, 0), file"

static UrokBookInfo *
book_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (UROK_TYPE_BOOK_INFO,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "identifier", _urok_column_text (stmt, 1),
                       "format", _urok_column_text (stmt, 2),
                       "title", _urok_column_text (stmt, 3),
                       "authors", _urok_column_text (stmt, 4),
                       "language", _urok_column_text (stmt, 5),
                       "subject", _urok_column_text (stmt, 6),
                       "grade-level", sqlite3_column_int (stmt, 7),
                       "file", _urok_column_text (stmt, 8),
                       NULL);
}

GListModel *
urok_store_list_books (UrokStore  *self,
                       GError    **error)
{
  g_autoptr(GListStore) books = g_list_store_new (UROK_TYPE_BOOK_INFO);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);

  stmt = _urok_store_prepare (self,
                              "SELECT " BOOK_COLUMNS " FROM book"
                              " ORDER BY subject, grade_level, title COLLATE NOCASE",
                              error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UrokBookInfo) info = book_from_row (stmt);
      g_list_store_append (books, info);
    }
  if (rc != SQLITE_DONE)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&books));
}

UrokBookInfo *
urok_store_find_book (UrokStore   *self,
                      const char  *identifier,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  g_return_val_if_fail (identifier != NULL, NULL);

  stmt = _urok_store_prepare (self, "SELECT " BOOK_COLUMNS " FROM book WHERE identifier = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, identifier, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return book_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND,
                 "No book with identifier “%s”", identifier);
  else
    _urok_store_set_error (self, error);
  return NULL;
}

/* Inserts @info, or updates the entry with the same identifier. */
UrokBookInfo *
urok_store_save_book (UrokStore     *self,
                      UrokBookInfo  *info,
                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int grade_level;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  g_return_val_if_fail (UROK_IS_BOOK_INFO (info), NULL);

  stmt = _urok_store_prepare (self,
                              "INSERT INTO book (identifier, format, title, authors, language,"
                              "                  subject, grade_level, file)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                              " ON CONFLICT (identifier) DO UPDATE SET"
                              "   format = excluded.format, title = excluded.title,"
                              "   authors = excluded.authors, language = excluded.language,"
                              "   subject = excluded.subject, grade_level = excluded.grade_level,"
                              "   file = excluded.file",
                              error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, urok_book_info_get_identifier (info), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, urok_book_info_get_format (info), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, urok_book_info_get_title (info), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, urok_book_info_get_authors (info), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, urok_book_info_get_language (info), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, urok_book_info_get_subject (info), -1, SQLITE_TRANSIENT);
  grade_level = urok_book_info_get_grade_level (info);
  if (grade_level >= 1 && grade_level <= 11)
    sqlite3_bind_int (stmt, 7, grade_level);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_text (stmt, 8, urok_book_info_get_file (info), -1, SQLITE_TRANSIENT);

  if (!_urok_store_step_done (self, stmt, error))
    return NULL;
  _urok_store_emit_changed (self, "books");

  return urok_store_find_book (self, urok_book_info_get_identifier (info), error);
}

/* Takes @identifier's book out of the library: its rows (and, unless
 * @keep_notes, the teacher's notes on it) in one transaction, then its
 * file.  The file goes last: a failed delete leaves a listed book that
 * still opens. */
gboolean
urok_store_delete_book (UrokStore   *self,
                        const char  *identifier,
                        gboolean     keep_notes,
                        GError     **error)
{
  g_autoptr(UrokBookInfo) book = NULL;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (identifier != NULL, FALSE);

  book = urok_store_find_book (self, identifier, error);
  if (book == NULL || !_urok_store_exec (self, "SAVEPOINT delete_book", error))
    return FALSE;
  if (!urok_store_clear_book_index (self, urok_book_info_get_id (book), error) ||
      !urok_store_remove_book (self, identifier, keep_notes, error) ||
      !_urok_store_exec (self, "RELEASE delete_book", error))
    {
      _urok_store_exec (self, "ROLLBACK TO delete_book; RELEASE delete_book", NULL);
      return FALSE;
    }
  /* Told now the savepoint is released (inside it, nothing is told). */
  _urok_store_emit_changed (self, "books");
  _urok_store_emit_changed (self, "annotations");
  if (g_unlink (urok_book_info_get_file (book)) != 0 && errno != ENOENT)
    g_warning ("Could not delete the file of a removed book, %s: %s", urok_book_info_get_file (book),
               g_strerror (errno));
  return TRUE;
}
