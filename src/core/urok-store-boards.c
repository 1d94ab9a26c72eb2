/* urok-store-boards.c: whiteboard pages in the store: a row per page (its
 * settings) and a row per item (its binary encoding), so that a finished
 * stroke is saved by one small INSERT.
 *
 * A page is named by the uuid of the board_page resource that holds it.
 * The page row is the truth about the page (its settings and items); the
 * resource's `board` string is the lesson's own: what the lesson editor
 * last gave, which seeds the page row when there is none.  A string that
 * holds items (a package, a template, a version 2 lesson) replaces the
 * page and is kept without them.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "urok-board-item-private.h"
#include "urok-board-page-private.h"
#include "urok-store-private.h"

#define NOW "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

static gboolean
db_error (sqlite3  *db,
          GError  **error)
{
  g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_QUERY,
               _("A database query failed: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      db_error (db, error);
      return NULL;
    }
  return stmt;
}

static gboolean
step_done (sqlite3      *db,
           sqlite3_stmt *stmt,
           GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return db_error (db, error);
  return TRUE;
}

/* The page's row id, making the row if there is none.  With @replace the
 * settings (and a non-empty @lesson_uuid) of an existing row are
 * overwritten, otherwise kept. */
static gint64
upsert_page (sqlite3     *db,
             const char  *uuid,
             const char  *lesson_uuid,
             const char  *settings,
             gboolean     replace,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  stmt = prepare (db,
                  replace
                  ? "INSERT INTO board_page (uuid, lesson_uuid, settings) VALUES (?1, ?2, ?3)"
                    " ON CONFLICT (uuid) DO UPDATE SET settings = excluded.settings,"
                    "   lesson_uuid = CASE WHEN excluded.lesson_uuid = '' THEN lesson_uuid"
                    "                      ELSE excluded.lesson_uuid END,"
                    "   modified = " NOW " RETURNING id"
                  : "INSERT INTO board_page (uuid, lesson_uuid, settings) VALUES (?1, ?2, ?3)"
                    " ON CONFLICT (uuid) DO UPDATE SET"
                    "   lesson_uuid = CASE WHEN excluded.lesson_uuid = '' THEN lesson_uuid"
                    "                      ELSE excluded.lesson_uuid END"
                    " RETURNING id",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, lesson_uuid != NULL ? lesson_uuid : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, settings, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return db_error (db, error), 0;
  id = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return db_error (db, error), 0;
  return id;
}

/* An item's row, written over in place when it is there: the page's key
 * index is left alone, and a row that has not changed is not written at
 * all (its pages stay out of the WAL). */
static sqlite3_stmt *
prepare_insert_item (sqlite3  *db,
                     GError  **error)
{
  return prepare (db,
                  "INSERT INTO board_item (page_id, item_id, layer, z, x0, y0, x1, y1, data)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  " ON CONFLICT (page_id, item_id) DO UPDATE SET layer = excluded.layer, z = excluded.z,"
                  "   x0 = excluded.x0, y0 = excluded.y0, x1 = excluded.x1, y1 = excluded.y1, data = excluded.data"
                  " WHERE data IS NOT excluded.data OR z IS NOT excluded.z OR layer IS NOT excluded.layer",
                  error);
}

/* @buffer is scratch space, reused from item to item. */
static gboolean
insert_item (sqlite3             *db,
             sqlite3_stmt        *stmt,
             GByteArray          *buffer,
             gint64               page_id,
             const UrokBoardItem *item,
             guint64              z,
             GError             **error)
{
  const UrokBoardRect *b = urok_board_item_get_bounds (item);

  g_byte_array_set_size (buffer, 0);
  _urok_board_item_serialize_to (item, buffer);
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, page_id);
  /* u64 ids keep their bits in SQLite's i64. */
  sqlite3_bind_int64 (stmt, 2, (gint64)urok_board_item_get_id (item));
  sqlite3_bind_int (stmt, 3, urok_board_item_get_layer (item));
  sqlite3_bind_int64 (stmt, 4, (gint64)z);
  sqlite3_bind_double (stmt, 5, b->x);
  sqlite3_bind_double (stmt, 6, b->y);
  sqlite3_bind_double (stmt, 7, b->x + b->width);
  sqlite3_bind_double (stmt, 8, b->y + b->height);
  sqlite3_bind_blob (stmt, 9, buffer->data, (int)buffer->len, SQLITE_STATIC);
  return step_done (db, stmt, error);
}

/* Every item of @page replaces what the row @page_id held.  Rows of items
 * the page no longer has are deleted one by one and the others written
 * over: deleting them all and inserting the page again would rewrite
 * every row and its key twice. */
static gboolean
replace_items (sqlite3        *db,
               gint64          page_id,
               UrokBoardPage  *page,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (1024);
  g_autoptr(GPtrArray) items = NULL;
  int rc;

  select = prepare (db, "SELECT item_id FROM board_item WHERE page_id = ?", error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, page_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);

      if (_urok_board_page_lookup_entry (page, (guint64)id) == NULL)
        g_array_append_val (gone, id);
    }
  if (rc != SQLITE_DONE)
    return db_error (db, error);
  if (gone->len > 0)
    {
      delete = prepare (db, "DELETE FROM board_item WHERE page_id = ? AND item_id = ?", error);
      if (delete == NULL)
        return FALSE;
    }
  for (guint i = 0; i < gone->len; i++)
    {
      sqlite3_reset (delete);
      sqlite3_bind_int64 (delete, 1, page_id);
      sqlite3_bind_int64 (delete, 2, g_array_index (gone, gint64, i));
      if (!step_done (db, delete, error))
        return FALSE;
    }

  insert = prepare_insert_item (db, error);
  if (insert == NULL)
    return FALSE;
  items = urok_board_page_get_items (page);
  for (guint i = 0; i < items->len; i++)
    {
      UrokBoardItem *item = items->pdata[i];
      UrokBoardPageEntry *entry = _urok_board_page_lookup_entry (page, urok_board_item_get_id (item));

      if (!insert_item (db, insert, buffer, page_id, item, entry->order, error))
        return FALSE;
    }
  return TRUE;
}

/* Runs @body between a savepoint and its release, rolling back on failure:
 * a savepoint also nests inside urok_store_begin(). */
static gboolean
in_savepoint (sqlite3  *db,
              gboolean  ok_so_far,
              GError  **error)
{
  if (!ok_so_far)
    {
      sqlite3_exec (db, "ROLLBACK TO board; RELEASE board", NULL, NULL, NULL);
      return FALSE;
    }
  if (sqlite3_exec (db, "RELEASE board", NULL, NULL, NULL) != SQLITE_OK)
    {
      db_error (db, error);
      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
begin_savepoint (sqlite3  *db,
                 GError  **error)
{
  if (sqlite3_exec (db, "SAVEPOINT board", NULL, NULL, NULL) != SQLITE_OK)
    return db_error (db, error);
  return TRUE;
}

static gboolean
write_whole_page (sqlite3        *db,
                  UrokBoardPage  *page,
                  const char     *lesson_uuid,
                  GError        **error)
{
  g_autofree char *settings = _urok_board_page_settings_to_string (page);
  gint64 page_id = upsert_page (db, urok_board_page_get_uuid (page), lesson_uuid, settings, TRUE, error);

  return page_id != 0 && replace_items (db, page_id, page, error);
}

static gboolean
has_items_member (const char *board)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (board == NULL || *board == '\0' || !json_parser_load_from_data (parser, board, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_OBJECT (root) && json_object_has_member (json_node_get_object (root), "items");
}

/* Migration 3: every board_page resource's JSON becomes its page's rows;
 * a resource string that held items keeps the rest.  A page that does not
 * parse becomes a blank page and its text stays in the resource row, so a
 * bad page never stops the whole upgrade (and nothing is lost). */
gboolean
_urok_store_boards_migrate_v3 (sqlite3  *db,
                               GError  **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  int rc;

  select = prepare (db,
                    "SELECT r.id, r.uuid, r.board, l.uuid FROM resource r"
                    "  JOIN stage s ON s.id = r.stage_id JOIN lesson l ON l.id = s.lesson_id"
                    " WHERE r.kind = 'board_page'",
                    error);
  update = prepare (db, "UPDATE resource SET board = ? WHERE id = ?", error);
  if (select == NULL || update == NULL)
    return FALSE;

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      const char *uuid = (const char *)sqlite3_column_text (select, 1);
      const char *board = (const char *)sqlite3_column_text (select, 2);
      const char *lesson_uuid = (const char *)sqlite3_column_text (select, 3);
      g_autoptr(UrokBoardPage) page = NULL;
      g_autofree char *settings = NULL;

      if (uuid == NULL || !g_uuid_string_is_valid (uuid))
        continue;
      page = urok_board_page_new_from_string (board != NULL ? board : "", NULL);
      if (page == NULL)
        {
          page = urok_board_page_new ();
          urok_board_page_set_uuid (page, uuid);
          settings = _urok_board_page_settings_to_string (page);
          if (upsert_page (db, uuid, lesson_uuid, settings, TRUE, error) == 0)
            return FALSE;
          continue;
        }
      urok_board_page_set_uuid (page, uuid);
      if (!write_whole_page (db, page, lesson_uuid, error))
        return FALSE;
      /* As when a lesson is saved: the string stays unless it held items. */
      if (!has_items_member (board))
        continue;
      settings = _urok_board_page_settings_to_string (page);
      sqlite3_reset (update);
      sqlite3_bind_text (update, 1, settings, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (update, 2, sqlite3_column_int64 (select, 0));
      if (!step_done (db, update, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return db_error (db, error);
  return TRUE;
}

gboolean
_urok_store_take_board (UrokStore   *self,
                        const char  *lesson_uuid,
                        const char  *resource_uuid,
                        const char  *board,
                        char       **stored,
                        GError     **error)
{
  sqlite3 *db = _urok_store_get_db (self);
  g_autoptr(UrokBoardPage) page = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *settings = NULL;
  gboolean with_items;

  *stored = NULL;
  if (!g_uuid_string_is_valid (resource_uuid))
    {
      *stored = g_strdup (board);
      return TRUE;
    }
  page = urok_board_page_new_from_string (board != NULL ? board : "", &local_error);
  if (page == NULL)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_QUERY,
                   _("Could not save a whiteboard page of the lesson: %s"), local_error->message);
      return FALSE;
    }
  urok_board_page_set_uuid (page, resource_uuid);
  settings = _urok_board_page_settings_to_string (page);

  /* Only a string that brings items (a package, a template, a version 2
   * lesson) speaks for the page; the plain settings a lesson editor holds
   * may be older than what the board saved since. */
  with_items = has_items_member (board);
  if (with_items)
    {
      if (!write_whole_page (db, page, lesson_uuid, error))
        return FALSE;
    }
  else if (upsert_page (db, resource_uuid, lesson_uuid, settings, FALSE, error) == 0)
    return FALSE;

  /* The lesson gets back the string it gave, unless that held items. */
  *stored = with_items ? g_steal_pointer (&settings) : g_strdup (board);
  return TRUE;
}

gboolean
_urok_store_copy_board_page (UrokStore   *self,
                             const char  *from_uuid,
                             const char  *to_uuid,
                             const char  *lesson_uuid,
                             GError     **error)
{
  g_autoptr(UrokBoardPage) page = NULL;
  g_autoptr(GError) local_error = NULL;

  page = urok_store_load_board_page (self, from_uuid, &local_error);
  if (page == NULL)
    {
      if (g_error_matches (local_error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  urok_board_page_set_uuid (page, to_uuid);
  return write_whole_page (_urok_store_get_db (self), page, lesson_uuid, error);
}

gboolean
_urok_store_delete_lesson_boards (UrokStore   *self,
                                  const char  *lesson_uuid,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* Items go with their page (ON DELETE CASCADE). */
  stmt = _urok_store_prepare (self, "DELETE FROM board_page WHERE lesson_uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, lesson_uuid, -1, SQLITE_STATIC);
  return _urok_store_step_done (self, stmt, error);
}

UrokBoardPage *
urok_store_load_board_page (UrokStore   *self,
                            const char  *uuid,
                            GError     **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(UrokBoardPage) page = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 page_id;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  db = _urok_store_get_db (self);
  stmt = _urok_store_prepare (self, "SELECT id, settings FROM board_page WHERE uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND,
                   _("The whiteboard page was not found: it may have been deleted"));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    return _urok_store_set_error (self, error), NULL;
  page_id = sqlite3_column_int64 (stmt, 0);
  page = urok_board_page_new_from_string (_urok_column_text (stmt, 1), &local_error);
  if (page == NULL)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_CORRUPT,
                   _("The whiteboard page in the database is damaged: %s"), local_error->message);
      return NULL;
    }
  if (g_uuid_string_is_valid (uuid))
    urok_board_page_set_uuid (page, uuid);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _urok_store_prepare (self, "SELECT z, data FROM board_item WHERE page_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, page_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const guint8 *data = sqlite3_column_blob (stmt, 1);
      gsize size = sqlite3_column_bytes (stmt, 1);
      /* An image item keeps a slice of the bytes it was read from, so
       * those are copied; the rest is decoded straight from SQLite's
       * page (byte 4 is the kind, docs/formats/board.md). */
      g_autoptr(GBytes) bytes = size > 4 && data[4] == UROK_BOARD_ITEM_IMAGE ? g_bytes_new (data, size)
                                : g_bytes_new_static (data, size);
      g_autoptr(UrokBoardItem) item = urok_board_item_deserialize (bytes, &local_error);

      if (item == NULL
          || urok_board_item_get_layer (item) >= urok_board_page_get_n_layers (page)
          || _urok_board_page_lookup_entry (page, urok_board_item_get_id (item)) != NULL)
        {
          g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_CORRUPT,
                       _("The whiteboard page in the database is damaged: %s"),
                       local_error != NULL ? local_error->message : _("an item does not fit its page"));
          return NULL;
        }
      _urok_board_page_load_item_at (page, item, (guint64)sqlite3_column_int64 (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    return db_error (db, error), NULL;
  /* One bulk load of the R-tree, not one insertion per item. */
  _urok_board_page_reindex (page);
  return g_steal_pointer (&page);
}

gboolean
urok_store_save_board_page (UrokStore      *self,
                            UrokBoardPage  *page,
                            const char     *lesson_uuid,
                            GError        **error)
{
  sqlite3 *db;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (UROK_IS_BOARD_PAGE (page), FALSE);

  db = _urok_store_get_db (self);
  if (!begin_savepoint (db, error)
      || !in_savepoint (db, write_whole_page (db, page, lesson_uuid, error), error))
    return FALSE;
  _urok_store_emit_changed (self, "boards");
  return TRUE;
}

gboolean
urok_store_delete_board_page (UrokStore   *self,
                              const char  *uuid,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  stmt = _urok_store_prepare (self, "DELETE FROM board_page WHERE uuid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (!_urok_store_step_done (self, stmt, error))
    return FALSE;
  _urok_store_emit_changed (self, "boards");
  return TRUE;
}

static gboolean
write_changes (sqlite3        *db,
               UrokBoardPage  *page,
               guint64         since,
               gboolean        settings,
               GError        **error)
{
  g_autoptr(GArray) changed = NULL;
  g_autoptr(GArray) removed = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (1024);
  gint64 page_id = 0;

  find = prepare (db, "SELECT id FROM board_page WHERE uuid = ?", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, urok_board_page_get_uuid (page), -1, SQLITE_STATIC);
  if (sqlite3_step (find) == SQLITE_ROW)
    page_id = sqlite3_column_int64 (find, 0);
  /* A page the store has never seen is written whole (it may have been
   * loaded from a file, with items the journal does not list). */
  if (page_id == 0)
    return write_whole_page (db, page, NULL, error);
  /* The settings (which may hold a whole PDF) are encoded only when they
   * changed, not for every stroke. */
  if (settings)
    {
      g_autofree char *text = _urok_board_page_settings_to_string (page);

      if (upsert_page (db, urok_board_page_get_uuid (page), NULL, text, TRUE, error) == 0)
        return FALSE;
    }

  urok_board_page_changes_since (page, since, &changed, &removed);
  /* Deletions first: an item removed and then brought back (undo) is in
   * both lists, and is there. */
  if (removed->len > 0)
    {
      delete = prepare (db, "DELETE FROM board_item WHERE page_id = ? AND item_id = ?", error);
      if (delete == NULL)
        return FALSE;
    }
  for (guint i = 0; i < removed->len; i++)
    {
      sqlite3_reset (delete);
      sqlite3_bind_int64 (delete, 1, page_id);
      sqlite3_bind_int64 (delete, 2, (gint64)g_array_index (removed, guint64, i));
      if (!step_done (db, delete, error))
        return FALSE;
    }
  if (changed->len > 0)
    {
      insert = prepare_insert_item (db, error);
      if (insert == NULL)
        return FALSE;
    }
  for (guint i = 0; i < changed->len; i++)
    {
      UrokBoardPageEntry *entry = _urok_board_page_lookup_entry (page, g_array_index (changed, guint64, i));

      if (entry != NULL && !insert_item (db, insert, buffer, page_id, entry->item, entry->order, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_urok_store_save_board_changes (UrokStore      *self,
                                UrokBoardPage  *page,
                                guint64         since,
                                gboolean        settings,
                                GError        **error)
{
  sqlite3 *db;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (UROK_IS_BOARD_PAGE (page), FALSE);

  db = _urok_store_get_db (self);
  if (!begin_savepoint (db, error)
      || !in_savepoint (db, write_changes (db, page, since, settings, error), error))
    return FALSE;
  _urok_store_emit_changed (self, "boards");
  return TRUE;
}
