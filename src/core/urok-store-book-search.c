/* urok-store-book-search.c: the books' full-text index (table book_fts).
 *
 * A row is one block of text (urok-book-text.c).  Its rowid packs where it
 * is: book id << 36 | spine index << 20 | block number, so that a book, or
 * one of its documents, is a rowid range: clearing it and searching one
 * book are range scans, with no index on the UNINDEXED columns.  The
 * columns book_id and spine_index repeat the rowid's parts for reading.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "urok-book-text.h"
#include "urok-store-book-search.h"
#include "urok-store-private.h"

#define BOOK_SHIFT  36
#define SPINE_SHIFT 20
#define MAX_BOOK_ID ((G_GINT64_CONSTANT (1) << (63 - BOOK_SHIFT)) - 1)

/* Marks snippet() puts around a found word: control characters, which the
 * extracted text never holds. */
#define MARK_OPEN  '\x02'
#define MARK_CLOSE '\x03'
#define SNIPPET_TOKENS 16
#define DEFAULT_LIMIT 20

static gboolean
check_book_id (gint64   book_id,
               GError **error)
{
  if (book_id > 0 && book_id <= MAX_BOOK_ID)
    return TRUE;
  g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_QUERY,
               "No book can have the id %" G_GINT64_FORMAT, book_id);
  return FALSE;
}

static gboolean
delete_range (UrokStore  *self,
              gint64      first,
              gint64      last,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = _urok_store_prepare (self, "DELETE FROM book_fts WHERE rowid BETWEEN ? AND ?",
                                                      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  return _urok_store_step_done (self, stmt, error);
}

static gboolean
insert_blocks (UrokStore  *self,
               gint64      book_id,
               guint       spine_index,
               const char *href,
               GPtrArray  *blocks,
               GError    **error)
{
  gint64 first = (book_id << BOOK_SHIFT) | ((gint64)spine_index << SPINE_SHIFT);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!delete_range (self, first, first + UROK_BOOK_INDEX_MAX_BLOCKS - 1, error))
    return FALSE;

  stmt = _urok_store_prepare (self,
                              "INSERT INTO book_fts (rowid, book_id, spine_index, href, locator, text)"
                              " VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < blocks->len; i++)
    {
      UrokBookTextBlock *block = g_ptr_array_index (blocks, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, first + i);
      sqlite3_bind_int64 (stmt, 2, book_id);
      sqlite3_bind_int (stmt, 3, (int)spine_index);
      sqlite3_bind_text (stmt, 4, href, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, block->locator, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, block->text, -1, SQLITE_STATIC);
      if (!_urok_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
extract_blocks (GBytes      *xhtml,
                const char  *href,
                GError     **error)
{
  g_autoptr(GPtrArray) blocks = urok_book_text_extract (xhtml, error);

  if (blocks == NULL)
    return NULL;
  if (blocks->len > UROK_BOOK_INDEX_MAX_BLOCKS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The document “%s” has more than %d paragraphs and cannot be searched"),
                   href != NULL ? href : "", UROK_BOOK_INDEX_MAX_BLOCKS);
      return NULL;
    }
  return g_steal_pointer (&blocks);
}

gboolean
urok_store_index_book_document (UrokStore  *self,
                                gint64      book_id,
                                guint       spine_index,
                                const char *href,
                                GBytes     *xhtml,
                                GError    **error)
{
  g_autoptr(GPtrArray) blocks = NULL;
  gboolean own_transaction;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (xhtml != NULL, FALSE);

  if (!check_book_id (book_id, error))
    return FALSE;
  if (spine_index >= UROK_BOOK_INDEX_MAX_DOCUMENTS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The book has more than %d documents; the rest cannot be searched"),
                   UROK_BOOK_INDEX_MAX_DOCUMENTS);
      return FALSE;
    }

  blocks = extract_blocks (xhtml, href, error);
  if (blocks == NULL)
    return FALSE;

  own_transaction = sqlite3_get_autocommit (_urok_store_get_db (self));
  if (own_transaction && !urok_store_begin (self, error))
    return FALSE;
  if (!insert_blocks (self, book_id, spine_index, href != NULL ? href : "", blocks, error))
    {
      if (own_transaction)
        urok_store_rollback (self);
      return FALSE;
    }
  if (own_transaction)
    {
      if (!_urok_store_exec (self, "COMMIT", error))
        {
          urok_store_rollback (self);
          return FALSE;
        }
      _urok_store_emit_changed (self, "book-index");
    }
  return TRUE;
}

gboolean
urok_store_clear_book_index (UrokStore  *self,
                             gint64      book_id,
                             GError    **error)
{
  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);

  if (!check_book_id (book_id, error))
    return FALSE;
  if (!delete_range (self, book_id << BOOK_SHIFT, ((book_id + 1) << BOOK_SHIFT) - 1, error))
    return FALSE;
  _urok_store_emit_changed (self, "book-index");
  return TRUE;
}

/* Indexing a whole book on a worker thread.  Reading the documents' text
 * (libxml2) and writing it (tokenizing, FTS5) take about a third and two
 * thirds of the time: a second thread reads the next documents while the
 * worker writes, through a queue of at most QUEUE_AHEAD documents. */

#define QUEUE_AHEAD 4

typedef struct
{
  char      *path;
  gint64     book_id;
  GStrv      hrefs;
  GPtrArray *documents;
} IndexJob;

typedef struct
{
  GPtrArray *blocks;  /* or */
  GError    *error;
} Extracted;

typedef struct
{
  IndexJob     *job;
  GAsyncQueue  *ready;    /* Extracted, in spine order */
  GMutex        mutex;
  GCond         cond;
  guint         taken;    /* documents the writer has taken from @ready */
  gboolean      stop;     /* the writer gave up */
} Reader;

static void
index_job_free (IndexJob *job)
{
  g_free (job->path);
  g_strfreev (job->hrefs);
  g_ptr_array_unref (job->documents);
  g_free (job);
}

static void
extracted_free (Extracted *extracted)
{
  g_clear_pointer (&extracted->blocks, g_ptr_array_unref);
  g_clear_error (&extracted->error);
  g_free (extracted);
}

static gpointer
read_documents (gpointer data)
{
  Reader *reader = data;

  for (guint i = 0; i < reader->job->documents->len; i++)
    {
      Extracted *extracted = g_new0 (Extracted, 1);
      gboolean stop;

      g_mutex_lock (&reader->mutex);
      while (!reader->stop && i >= reader->taken + QUEUE_AHEAD)
        g_cond_wait (&reader->cond, &reader->mutex);
      stop = reader->stop;
      g_mutex_unlock (&reader->mutex);
      if (stop)
        {
          g_free (extracted);
          break;
        }

      extracted->blocks = extract_blocks (g_ptr_array_index (reader->job->documents, i),
                                          reader->job->hrefs[i], &extracted->error);
      g_async_queue_push (reader->ready, extracted);
    }
  return NULL;
}

static gboolean
index_book (UrokStore     *store,
            IndexJob      *job,
            GCancellable  *cancellable,
            GError       **error)
{
  Reader reader = { job, g_async_queue_new_full ((GDestroyNotify)extracted_free) };
  GThread *thread;
  gboolean ok = TRUE;

  if (!urok_store_clear_book_index (store, job->book_id, error))
    {
      g_async_queue_unref (reader.ready);
      return FALSE;
    }

  g_mutex_init (&reader.mutex);
  g_cond_init (&reader.cond);
  thread = g_thread_new ("urok-book-text", read_documents, &reader);

  /* Past the rowid's room for documents the rest is left out, as
   * urok_store_index_book_document() refuses it. */
  for (guint i = 0; i < MIN (job->documents->len, UROK_BOOK_INDEX_MAX_DOCUMENTS) && ok; i++)
    {
      Extracted *extracted = g_async_queue_pop (reader.ready);

      g_mutex_lock (&reader.mutex);
      reader.taken++;
      g_cond_signal (&reader.cond);
      g_mutex_unlock (&reader.mutex);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if (extracted->blocks != NULL)
        ok = insert_blocks (store, job->book_id, i, job->hrefs[i], extracted->blocks, error);
      else
        {
          /* An unreadable chapter leaves a gap in the search, not the book unsearchable. */
          g_debug ("Book %" G_GINT64_FORMAT ": %s not indexed: %s",
                   job->book_id, job->hrefs[i], extracted->error->message);
        }
      extracted_free (extracted);
    }

  g_mutex_lock (&reader.mutex);
  reader.stop = TRUE;
  g_cond_signal (&reader.cond);
  g_mutex_unlock (&reader.mutex);
  g_thread_join (thread);
  g_async_queue_unref (reader.ready);
  g_mutex_clear (&reader.mutex);
  g_cond_clear (&reader.cond);
  return ok;
}

static void
index_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  IndexJob *job = task_data;
  g_autoptr(UrokStore) store = NULL;
  GError *error = NULL;

  store = urok_store_open_connection (job->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!urok_store_begin (store, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (!index_book (store, job, cancellable, &error) || !_urok_store_exec (store, "COMMIT", &error))
    {
      urok_store_rollback (store);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* Back on the caller's thread: tell it what the worker's connection did. */
static void
index_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }
  urok_store_announce_change (UROK_STORE (source), "book-index");
  g_task_return_boolean (outer, TRUE);
}

void
urok_store_index_book_async (UrokStore           *self,
                             gint64               book_id,
                             const char *const   *hrefs,
                             GPtrArray           *documents,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  IndexJob *job;

  g_return_if_fail (UROK_IS_STORE (self));
  g_return_if_fail (hrefs != NULL && documents != NULL);
  g_return_if_fail (g_strv_length ((GStrv)hrefs) == documents->len);

  /* libxml2 sets itself up on first use, which is not safe to do from two
   * threads at once: do it here, on the caller's. */
  xmlInitParser ();

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, urok_store_index_book_async);

  job = g_new0 (IndexJob, 1);
  job->path = g_strdup (urok_store_get_path (self));
  job->book_id = book_id;
  job->hrefs = g_strdupv ((GStrv)hrefs);
  job->documents = g_ptr_array_ref (documents);

  task = g_task_new (self, cancellable, index_done, g_steal_pointer (&outer));
  g_task_set_task_data (task, job, (GDestroyNotify)index_job_free);
  g_task_run_in_thread (task, index_thread);
}

gboolean
urok_store_index_book_finish (UrokStore     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Searching. */

static gboolean
has_word_char (const char *chunk)
{
  for (const char *p = chunk; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* @text as an FTS5 query: each whitespace-separated chunk a quoted phrase
 * (the tokenizer splits "северо-запад" into a phrase of two words as it
 * did in the text), all required, the last one a prefix while it is still
 * being typed.  Quoting, with inner quotes doubled, keeps any FTS5 syntax
 * typed as text.  NULL when @text has no word. */
static char *
build_match (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) match = g_string_new (NULL);
  g_auto(GStrv) chunks = NULL;
  gsize len = strlen (valid);
  gboolean typing = len > 0 && !g_unichar_isspace (g_utf8_get_char (g_utf8_find_prev_char (valid, valid + len)));
  int last = -1;

  g_strdelimit (valid, "\t\n\r\f\v", ' ');
  chunks = g_strsplit (valid, " ", -1);
  for (int i = 0; chunks[i] != NULL; i++)
    if (has_word_char (chunks[i]))
      last = i;
  if (last < 0)
    return NULL;

  for (int i = 0; i <= last; i++)
    {
      if (!has_word_char (chunks[i]))
        continue;
      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *p = chunks[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append_c (match, '"');
      if (i == last && typing && chunks[i + 1] == NULL)
        g_string_append_c (match, '*');
    }
  return g_string_free (g_steal_pointer (&match), FALSE);
}

/* snippet()'s text with its marks taken out, and where they were. */
static UrokBookHit *
hit_from_row (sqlite3_stmt *stmt)
{
  const char *marked = _urok_column_text (stmt, 4);
  g_autoptr(GString) snippet = g_string_sized_new (strlen (marked));
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (UrokBookHitMark));
  UrokBookHitMark mark = { 0, 0 };

  for (const char *p = marked; *p != '\0'; p++)
    {
      if (*p == MARK_OPEN)
        mark.start = (guint)snippet->len;
      else if (*p == MARK_CLOSE)
        {
          mark.end = (guint)snippet->len;
          g_array_append_val (marks, mark);
        }
      else
        g_string_append_c (snippet, *p);
    }

  return urok_book_hit_new (sqlite3_column_int64 (stmt, 0),
                            (guint)sqlite3_column_int (stmt, 1),
                            _urok_column_text (stmt, 2),
                            _urok_column_text (stmt, 3),
                            snippet->str,
                            (const UrokBookHitMark *)(gpointer)marks->data, marks->len);
}

GListModel *
urok_store_search_books (UrokStore   *self,
                         const char  *text,
                         gint64       book_id,
                         guint        limit,
                         GError     **error)
{
  g_autoptr(GListStore) hits = g_list_store_new (UROK_TYPE_BOOK_HIT);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  g_return_val_if_fail (book_id >= 0, NULL);

  if (text != NULL)
    match = build_match (text);
  if (match == NULL)
    return G_LIST_MODEL (g_steal_pointer (&hits));
  if (book_id != 0 && !check_book_id (book_id, error))
    return NULL;

  sql = g_strdup_printf ("SELECT book_id, spine_index, href, locator,"
                         "       snippet(book_fts, 4, char(2), char(3), '…', %d)"
                         " FROM book_fts WHERE book_fts MATCH ?1%s"
                         " ORDER BY rank LIMIT ?4",
                         SNIPPET_TOKENS,
                         book_id != 0 ? " AND rowid BETWEEN ?2 AND ?3" : "");
  stmt = _urok_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  if (book_id != 0)
    {
      sqlite3_bind_int64 (stmt, 2, book_id << BOOK_SHIFT);
      sqlite3_bind_int64 (stmt, 3, ((book_id + 1) << BOOK_SHIFT) - 1);
    }
  sqlite3_bind_int (stmt, 4, limit > 0 ? (int)MIN (limit, G_MAXINT) : DEFAULT_LIMIT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UrokBookHit) hit = hit_from_row (stmt);
      g_list_store_append (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&hits));
}
