/* urok-fts-stem-tokenizer.h: the `urok_stem` FTS5 tokenizer, which folds and
 * stems Russian and English words so that a search finds every form of a
 * word.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Registers the tokenizer `urok_stem` on @db (every connection that reads
 * or writes a table using it needs it).  Fails only when SQLite has no
 * FTS5. */
gboolean  urok_fts_stem_tokenizer_register (sqlite3     *db,
                                            GError     **error);

/* The terms urok_stem makes of @text, in order (tests, diagnostics). */
GStrv     urok_fts_stem_terms              (const char  *text);

G_END_DECLS
