/* urok-store-private.h: what the store's own files share.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "urok-store.h"

G_BEGIN_DECLS

typedef struct
{
  int         version;
  const char *sql;
  /* Work SQL cannot do (decoding JSON into binary rows), run after @sql
   * in the same transaction; may be NULL. */
  gboolean  (*run) (sqlite3  *db,
                    GError  **error);
} UrokMigration;

/* urok-store-boards.c */
gboolean      _urok_store_boards_migrate_v3    (sqlite3             *db,
                                                GError             **error);
/* Saving a lesson: a board_page resource's `board` string becomes its page's
 * row (made if missing; with its items replaced when the string holds
 * items, as a package or template does).  @stored gets what the resource
 * row keeps: the settings without items. */
gboolean      _urok_store_take_board           (UrokStore           *self,
                                                const char          *lesson_uuid,
                                                const char          *resource_uuid,
                                                const char          *board,
                                                char               **stored,
                                                GError             **error);
gboolean      _urok_store_copy_board_page      (UrokStore           *self,
                                                const char          *from_uuid,
                                                const char          *to_uuid,
                                                const char          *lesson_uuid,
                                                GError             **error);
/* The saver's write: the items changed since @since (and the settings
 * when @settings), in one transaction. */
gboolean      _urok_store_save_board_changes   (UrokStore           *self,
                                                UrokBoardPage       *page,
                                                guint64              since,
                                                gboolean             settings,
                                                GError             **error);
gboolean      _urok_store_delete_lesson_boards (UrokStore           *self,
                                                const char          *lesson_uuid,
                                                GError             **error);

const UrokMigration *_urok_migrations                 (guint         *n_migrations);

UrokStore    *_urok_store_open_with_migrations (const char          *path,
                                                const UrokMigration *migrations,
                                                guint                n_migrations,
                                                GError             **error);
sqlite3      *_urok_store_get_db               (UrokStore           *self);
sqlite3_stmt *_urok_store_prepare              (UrokStore           *self,
                                                const char          *sql,
                                                GError             **error);
gboolean      _urok_store_exec                 (UrokStore           *self,
                                                const char          *sql,
                                                GError             **error);
gboolean      _urok_store_step_done            (UrokStore           *self,
                                                sqlite3_stmt        *stmt,
                                                GError             **error);
gboolean      _urok_store_set_error            (UrokStore           *self,
                                                GError             **error);
void          _urok_store_emit_changed         (UrokStore           *self,
                                                const char          *what);
const char   *_urok_column_text                (sqlite3_stmt        *stmt,
                                                int                  column);
char         *_urok_fold                       (const char          *text);

/* urok-store-checkpoint.c: checkpoints of @db's WAL on a worker thread
 * (replacing SQLite's, which run inside a commit). */
typedef struct _UrokStoreCheckpointer UrokStoreCheckpointer;
UrokStoreCheckpointer *_urok_store_checkpointer_new  (sqlite3               *db,
                                                      const char            *path);
/* Waits for a queued or running checkpoint (benchmarks, tests). */
void                   _urok_store_checkpointer_wait (UrokStoreCheckpointer *self);
/* The same for the store's own connection. */
void                   _urok_store_wait_checkpoint   (UrokStore             *store);
/* Waits for a queued or running checkpoint; call before closing @db. */
void                   _urok_store_checkpointer_free (UrokStoreCheckpointer *self,
                                                      sqlite3               *db);

/* urok-store-lessons.c, for its neighbours (search, media). */
GStrv         _urok_strv_from_json             (const char          *text);
char         *_urok_store_dup_lesson_dir       (UrokStore           *self,
                                                const char          *lesson_uuid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
