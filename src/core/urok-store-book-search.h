/* urok-store-book-search.h: the books' full-text index in the store:
 * indexing a book's content documents and searching one book or all.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "urok-book-hit.h"
#include "urok-store.h"

G_BEGIN_DECLS

/* The most content documents of a book and blocks of a document the
 * index holds (a rowid packs them, see urok-store-book-search.c). */
#define UROK_BOOK_INDEX_MAX_DOCUMENTS 65536
#define UROK_BOOK_INDEX_MAX_BLOCKS    (1 << 20)

/* Indexes the text of @xhtml, the content document @href at @spine_index
 * of book @book_id, replacing what the index had of that document.  Runs
 * in the caller's transaction if one is open (index a whole book in one:
 * that is much faster), else in its own.  A document that cannot be read
 * is an error and changes nothing. */
gboolean    urok_store_index_book_document (UrokStore            *self,
                                            gint64                book_id,
                                            guint                 spine_index,
                                            const char           *href,
                                            GBytes               *xhtml,
                                            GError              **error);
/* Forgets all the text of book @book_id (before re-indexing or when the
 * book is removed). */
gboolean    urok_store_clear_book_index    (UrokStore            *self,
                                            gint64                book_id,
                                            GError              **error);

/* Indexes a whole book off the calling thread, on a connection of its own,
 * in one transaction that first clears what the index had of the book:
 * @documents (GBytes) are its content documents in spine order, @hrefs
 * their hrefs (as many).  A document that cannot be read is left out (its
 * hit count is simply zero); a failure of the store rolls back everything.
 * @self announces "changed::book-index" when done. */
void        urok_store_index_book_async    (UrokStore            *self,
                                            gint64                book_id,
                                            const char *const    *hrefs,
                                            GPtrArray            *documents,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    urok_store_index_book_finish   (UrokStore            *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* The best @limit (0: 20) places for @text in book @book_id, or in every
 * book when @book_id is 0, best first (bm25), as UrokBookHit.  Every word
 * must occur, in any of its forms; the last word also matches as the start
 * of a longer one unless @text ends with a space (so results follow what
 * is being typed).  Nothing typed is FTS5 syntax: quotes, AND, NEAR, * and
 * colons are text.  No words: an empty list. */
GListModel *urok_store_search_books        (UrokStore            *self,
                                            const char           *text,
                                            gint64                book_id,
                                            guint                 limit,
                                            GError              **error);

G_END_DECLS
