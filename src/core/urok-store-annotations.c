/* urok-store-annotations.c: bookmarks, highlights, notes and reading
 * positions in the store.
 *
 * Each write is one statement or one savepoint, so it is whole or not at
 * all, and also works inside urok_store_begin().  Annotations are few per
 * book (hundreds), so reading order is sorted here by CFI after the query
 * rather than kept in a column.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-store-annotations.h"
#include "urok-store-private.h"
#include "urok-web-annotation.h"

#define ANNOTATION_COLUMNS "uuid, book_identifier, kind, location, colour, note, created, modified"

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static UrokAnnotation *
annotation_from_row (sqlite3_stmt  *stmt,
                     GError       **error)
{
  g_autoptr(UrokBookLocation) location = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  UrokAnnotationKind kind;
  const char *colour = _urok_column_text (stmt, 4);

  location = urok_book_location_new_from_string (_urok_column_text (stmt, 3), error);
  if (location == NULL)
    return NULL;
  created = g_date_time_new_from_iso8601 (_urok_column_text (stmt, 6), NULL);
  modified = g_date_time_new_from_iso8601 (_urok_column_text (stmt, 7), NULL);
  if (!urok_annotation_kind_from_string (_urok_column_text (stmt, 2), &kind)
      || created == NULL || modified == NULL)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_CORRUPT,
                   "Annotation %s is damaged", _urok_column_text (stmt, 0));
      return NULL;
    }
  /* A colour dropped from a later palette falls back to the first. */
  if (!urok_annotation_colour_is_valid (colour))
    colour = urok_annotation_colours ()[0];
  return urok_annotation_new_full (_urok_column_text (stmt, 0), _urok_column_text (stmt, 1),
                                   kind, location, colour, _urok_column_text (stmt, 5),
                                   created, modified);
}

#define UPSERT \
  "INSERT INTO annotation (" ANNOTATION_COLUMNS ")" \
  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)" \
  " ON CONFLICT (uuid) DO UPDATE SET" \
  "   book_identifier = excluded.book_identifier, kind = excluded.kind," \
  "   location = excluded.location, colour = excluded.colour," \
  "   note = excluded.note, created = excluded.created," \
  "   modified = excluded.modified"

/* The upsert, as it is; with @only_newer an existing row is replaced only
 * by a later modification (an import). */
static sqlite3_stmt *
prepare_upsert (UrokStore  *self,
                gboolean    only_newer,
                GError    **error)
{
  return _urok_store_prepare (self,
                              only_newer ? UPSERT " WHERE excluded.modified > annotation.modified" : UPSERT,
                              error);
}

/* Runs @stmt (prepare_upsert()) for @annotation; *@written tells whether
 * a row changed. */
static gboolean
write_annotation (UrokStore       *self,
                  sqlite3_stmt    *stmt,
                  UrokAnnotation  *annotation,
                  gboolean        *written,
                  GError         **error)
{
  g_autofree char *location = urok_book_location_to_string (urok_annotation_get_location (annotation));
  g_autofree char *created = format_time (urok_annotation_get_created (annotation));
  g_autofree char *modified = format_time (urok_annotation_get_modified (annotation));
  gboolean done;

  sqlite3_bind_text (stmt, 1, urok_annotation_get_uuid (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, urok_annotation_get_book_identifier (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, urok_annotation_kind_to_string (urok_annotation_get_kind (annotation)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, location, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, urok_annotation_get_colour (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, urok_annotation_get_note (annotation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, modified, -1, SQLITE_STATIC);
  done = _urok_store_step_done (self, stmt, error);
  if (done && written != NULL)
    *written = sqlite3_changes (_urok_store_get_db (self)) > 0;
  /* The static bindings die with this frame. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return done;
}

gboolean
urok_store_save_annotation (UrokStore       *self,
                            UrokAnnotation  *annotation,
                            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (UROK_IS_ANNOTATION (annotation), FALSE);

  stmt = prepare_upsert (self, FALSE, error);
  if (stmt == NULL || !write_annotation (self, stmt, annotation, NULL, error))
    return FALSE;
  _urok_store_emit_changed (self, "annotations");
  return TRUE;
}

gboolean
urok_store_save_annotations (UrokStore  *self,
                             GPtrArray  *annotations,
                             guint      *n_saved,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint saved = 0;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (annotations != NULL, FALSE);

  stmt = prepare_upsert (self, TRUE, error);
  if (stmt == NULL || !_urok_store_exec (self, "SAVEPOINT save_annotations", error))
    return FALSE;
  for (guint i = 0; i < annotations->len; i++)
    {
      gboolean written = FALSE;

      if (!write_annotation (self, stmt, annotations->pdata[i], &written, error))
        {
          _urok_store_exec (self, "ROLLBACK TO save_annotations; RELEASE save_annotations", NULL);
          return FALSE;
        }
      saved += written ? 1 : 0;
    }
  if (!_urok_store_exec (self, "RELEASE save_annotations", error))
    {
      urok_store_rollback (self);
      return FALSE;
    }
  if (n_saved != NULL)
    *n_saved = saved;
  _urok_store_emit_changed (self, "annotations");
  return TRUE;
}

gboolean
urok_store_delete_annotation (UrokStore   *self,
                              const char  *uuid,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  stmt = _urok_store_prepare (self, "DELETE FROM annotation WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (!_urok_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_urok_store_get_db (self)) == 0)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND,
                   "No annotation %s", uuid);
      return FALSE;
    }
  _urok_store_emit_changed (self, "annotations");
  return TRUE;
}

UrokAnnotation *
urok_store_find_annotation (UrokStore   *self,
                            const char  *uuid,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = _urok_store_prepare (self, "SELECT " ANNOTATION_COLUMNS " FROM annotation WHERE uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return annotation_from_row (stmt, error);
  if (rc == SQLITE_DONE)
    g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND, "No annotation %s", uuid);
  else
    _urok_store_set_error (self, error);
  return NULL;
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  UrokAnnotation *x = *(UrokAnnotation **) a;
  UrokAnnotation *y = *(UrokAnnotation **) b;
  int order = urok_book_location_compare (urok_annotation_get_location (x),
                                          urok_annotation_get_location (y));

  return order != 0 ? order : g_strcmp0 (urok_annotation_get_uuid (x), urok_annotation_get_uuid (y));
}

GListModel *
urok_store_list_annotations (UrokStore   *self,
                             const char  *book_identifier,
                             GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) list = g_list_store_new (UROK_TYPE_ANNOTATION);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  g_return_val_if_fail (book_identifier != NULL, NULL);

  stmt = _urok_store_prepare (self,
                              "SELECT " ANNOTATION_COLUMNS " FROM annotation WHERE book_identifier = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, book_identifier, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      UrokAnnotation *annotation = annotation_from_row (stmt, error);

      if (annotation == NULL)
        return NULL;
      g_ptr_array_add (found, annotation);
    }
  if (rc != SQLITE_DONE)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }
  g_ptr_array_sort (found, compare_annotations);
  g_list_store_splice (list, 0, 0, found->pdata, found->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

static gboolean
delete_where_book (UrokStore   *self,
                   const char  *sql,
                   const char  *book_identifier,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _urok_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, book_identifier, -1, SQLITE_TRANSIENT);
  return _urok_store_step_done (self, stmt, error);
}

gboolean
urok_store_remove_book (UrokStore   *self,
                        const char  *book_identifier,
                        gboolean     keep_annotations,
                        GError     **error)
{
  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (book_identifier != NULL, FALSE);

  if (!_urok_store_exec (self, "SAVEPOINT remove_book", error))
    return FALSE;
  if (!delete_where_book (self, "DELETE FROM book WHERE identifier = ?", book_identifier, error))
    goto fail;
  if (sqlite3_changes (_urok_store_get_db (self)) == 0)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND,
                   "No book with identifier “%s”", book_identifier);
      goto fail;
    }
  if (!keep_annotations
      && (!delete_where_book (self, "DELETE FROM annotation WHERE book_identifier = ?",
                              book_identifier, error)
          || !delete_where_book (self, "DELETE FROM reading_position WHERE book_identifier = ?",
                                 book_identifier, error)))
    goto fail;
  if (!_urok_store_exec (self, "RELEASE remove_book", error))
    {
      urok_store_rollback (self);
      return FALSE;
    }
  _urok_store_emit_changed (self, "books");
  _urok_store_emit_changed (self, "annotations");
  return TRUE;

fail:
  _urok_store_exec (self, "ROLLBACK TO remove_book; RELEASE remove_book", NULL);
  return FALSE;
}

gboolean
urok_store_get_reading_position (UrokStore         *self,
                                 const char        *book_identifier,
                                 UrokBookLocation **location,
                                 GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (book_identifier != NULL, FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  *location = NULL;
  stmt = _urok_store_prepare (self, "SELECT location FROM reading_position WHERE book_identifier = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, book_identifier, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _urok_store_set_error (self, error);
  *location = urok_book_location_new_from_string (_urok_column_text (stmt, 0), error);
  return *location != NULL;
}

gboolean
urok_store_set_reading_position (UrokStore         *self,
                                 const char        *book_identifier,
                                 UrokBookLocation  *location,
                                 GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (book_identifier != NULL, FALSE);
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (location), FALSE);

  text = urok_book_location_to_string (location);
  stmt = _urok_store_prepare (self,
                              "INSERT INTO reading_position (book_identifier, location, modified)"
                              " VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
                              " ON CONFLICT (book_identifier) DO UPDATE SET"
                              "   location = excluded.location, modified = excluded.modified",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, book_identifier, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  return _urok_store_step_done (self, stmt, error);
}

gboolean
urok_store_import_annotations (UrokStore   *self,
                               const char  *book_identifier,
                               const char  *json,
                               gssize       length,
                               guint       *n_imported,
                               guint       *n_skipped,
                               GError     **error)
{
  g_autoptr(GPtrArray) annotations = NULL;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (book_identifier != NULL && json != NULL, FALSE);

  annotations = urok_web_annotation_import (json, length, book_identifier, n_skipped, error);
  if (annotations == NULL)
    return FALSE;
  return urok_store_save_annotations (self, annotations, n_imported, error);
}

char *
urok_store_export_annotations (UrokStore   *self,
                               const char  *book_identifier,
                               const char  *label,
                               GError     **error)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  g_return_val_if_fail (book_identifier != NULL, NULL);

  list = urok_store_list_annotations (self, book_identifier, error);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (annotations, g_list_model_get_item (list, i));
  return urok_web_annotation_export (book_identifier, label, annotations);
}
