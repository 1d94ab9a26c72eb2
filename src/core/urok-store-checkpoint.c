/* urok-store-checkpoint.c: copying the WAL back into the database on a
 * thread of its own, so that a commit returns once its pages are in the
 * WAL.
 *
 * SQLite's automatic checkpoint runs inside the commit that crosses its
 * threshold: saving a whole board page (~24 MB of rows) then also copies
 * those pages into the database, which doubled the save.  Here a commit
 * that leaves the WAL over CHECKPOINT_PAGES queues a PASSIVE checkpoint
 * on a worker with its own connection; it never waits for readers or
 * writers and changes nothing about durability (WAL with synchronous =
 * NORMAL: a commit survives a crashed process, a power cut may lose the
 * last commits but never corrupts the database).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-store-private.h"

/* SQLite's own default threshold (wal_autocheckpoint), in pages. */
#define CHECKPOINT_PAGES 1000
#define CHECKPOINT_BUSY_MS 5000

struct _UrokStoreCheckpointer
{
  gatomicrefcount  ref_count;
  char            *path;
  GMutex           lock;
  GCond            idle;
  gboolean         queued;
  gboolean         running;
};

static UrokStoreCheckpointer *
checkpointer_ref (UrokStoreCheckpointer *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
checkpointer_unref (UrokStoreCheckpointer *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->idle);
  g_free (self->path);
  g_free (self);
}

static void
run_checkpoint (gpointer data,
                gpointer user_data)
{
  UrokStoreCheckpointer *self = data;
  sqlite3 *db = NULL;

  g_mutex_lock (&self->lock);
  self->queued = FALSE;
  self->running = TRUE;
  g_mutex_unlock (&self->lock);

  /* No CREATE: a store deleted meanwhile is not made again.  A failed
   * checkpoint is harmless, the next commit queues another. */
  if (sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, CHECKPOINT_BUSY_MS);
      /* A new connection learns that the database is in WAL mode when it
       * first reads it (SQLite 3.40 does not look before a checkpoint). */
      sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
      sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
  sqlite3_close (db);

  g_mutex_lock (&self->lock);
  self->running = FALSE;
  g_cond_broadcast (&self->idle);
  g_mutex_unlock (&self->lock);
  checkpointer_unref (self);
}

static GThreadPool *
checkpoint_pool (void)
{
  static gsize once;
  static GThreadPool *pool;

  if (g_once_init_enter (&once))
    {
      pool = g_thread_pool_new (run_checkpoint, NULL, 1, FALSE, NULL);
      g_once_init_leave (&once, 1);
    }
  return pool;
}

static int
on_wal_commit (void       *data,
               sqlite3    *db,
               const char *name,
               int         n_pages)
{
  UrokStoreCheckpointer *self = data;
  gboolean queue;

  if (n_pages < CHECKPOINT_PAGES)
    return SQLITE_OK;
  g_mutex_lock (&self->lock);
  queue = !self->queued;
  self->queued = TRUE;
  g_mutex_unlock (&self->lock);
  if (queue)
    g_thread_pool_push (checkpoint_pool (), checkpointer_ref (self), NULL);
  return SQLITE_OK;
}

UrokStoreCheckpointer *
_urok_store_checkpointer_new (sqlite3    *db,
                              const char *path)
{
  UrokStoreCheckpointer *self = g_new0 (UrokStoreCheckpointer, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  g_cond_init (&self->idle);
  self->path = g_strdup (path);
  /* Replaces SQLite's automatic checkpoint on this connection. */
  sqlite3_wal_hook (db, on_wal_commit, self);
  return self;
}

void
_urok_store_checkpointer_wait (UrokStoreCheckpointer *self)
{
  g_mutex_lock (&self->lock);
  while (self->queued || self->running)
    g_cond_wait (&self->idle, &self->lock);
  g_mutex_unlock (&self->lock);
}

void
_urok_store_checkpointer_free (UrokStoreCheckpointer *self,
                               sqlite3               *db)
{
  /* The connection's last close checkpoints and removes the WAL, which it
   * cannot while a worker holds the checkpoint lock: wait for it. */
  if (db != NULL)
    sqlite3_wal_hook (db, NULL, NULL);
  _urok_store_checkpointer_wait (self);
  checkpointer_unref (self);
}
