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
} UrokMigration;

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

/* urok-store-lessons.c, for its neighbours (search, media). */
GStrv         _urok_strv_from_json             (const char          *text);
char         *_urok_store_dup_lesson_dir       (UrokStore           *self,
                                                const char          *lesson_uuid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
