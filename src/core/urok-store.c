/* urok-store.c: opening, migrating, backing up and restoring the store.
 *
 * One SQLite file in the user's data directory, in WAL mode so that a reader
 * never waits for a writer, with foreign keys on.  The schema is versioned by
 * PRAGMA user_version; upgrades run in a single transaction after a backup of
 * the previous file, so a failed one leaves everything as it was.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "urok-fts-stem-tokenizer.h"
#include "urok-store-private.h"

/* How long a statement waits for another connection's write to end. */
#define BUSY_TIMEOUT_MS 5000

struct _UrokStore
{
  GObject  parent_instance;
  sqlite3               *db;
  char                  *path;
  int                    version;
  UrokStoreCheckpointer *checkpointer;
};

G_DEFINE_FINAL_TYPE (UrokStore, urok_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
G_DEFINE_QUARK (urok-store-error-quark, urok_store_error)

static void
urok_store_finalize (GObject *object)
{
  UrokStore *self = (UrokStore *)object;

  if (self->checkpointer != NULL)
    _urok_store_checkpointer_free (g_steal_pointer (&self->checkpointer), self->db);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (urok_store_parent_class)->finalize (object);
}

static void
urok_store_class_init (UrokStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = urok_store_finalize;

  /**
   * UrokStore::changed:
   * @what: the kind of data that changed: "lessons", "books", "tests" or "gradebook"
   *
   * Emitted after the store's API committed a change, with @what as detail,
   * so that views reload only what they show.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

void
_urok_store_emit_changed (UrokStore  *self,
                          const char *what)
{
  /* Inside a transaction the change is not visible yet; commit announces. */
  if (!sqlite3_get_autocommit (self->db))
    return;
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (what), what);
}

static void
urok_store_init (UrokStore *self)
{
}

/* A key for comparing text as a reader does: case folded, and ё read as е,
 * since Russian print mostly leaves the dots off.  Used for sorting topics
 * and for the search index, on both what is indexed and what is asked. */
char *
_urok_fold (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *composed = NULL;
  char *folded;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  /* Text pasted from elsewhere may spell й as и and a combining breve. */
  composed = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  folded = g_utf8_casefold (composed != NULL ? composed : text, -1);
  /* ё (U+0451) and е (U+0435) are both two bytes in UTF-8: in place. */
  for (char *p = folded; (p = strstr (p, "\xd1\x91")) != NULL; p += 2)
    {
      p[0] = '\xd0';
      p[1] = '\xb5';
    }
  return folded;
}

/* For matching typed text in the UI the way the store's search does. */
char *
urok_fold_text (const char *text)
{
  return _urok_fold (text);
}

static void
sql_fold (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  const char *text = (const char *)sqlite3_value_text (argv[0]);

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_text (context, _urok_fold (text), -1, g_free);
}

static gboolean
is_corruption (int code)
{
  code &= 0xff;
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

static gboolean
set_db_error (sqlite3  *db,
              GError  **error)
{
  int code = sqlite3_extended_errcode (db);

  g_set_error (error, UROK_STORE_ERROR,
               is_corruption (code) ? UROK_STORE_ERROR_CORRUPT : UROK_STORE_ERROR_QUERY,
               "%s", sqlite3_errmsg (db));
  return FALSE;
}

gboolean
_urok_store_set_error (UrokStore  *self,
                       GError    **error)
{
  return set_db_error (self->db, error);
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  g_autofree char *message = NULL;
  char *errmsg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);

  if (rc == SQLITE_OK)
    return TRUE;

  message = g_strdup (errmsg != NULL ? errmsg : sqlite3_errstr (rc));
  sqlite3_free (errmsg);
  g_set_error (error, UROK_STORE_ERROR,
               is_corruption (rc) ? UROK_STORE_ERROR_CORRUPT : UROK_STORE_ERROR_QUERY,
               "%s", message);
  return FALSE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_db_error (db, error);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_db_error (db, error);
  *out = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* A file that exists but does not start like a database is never opened for
 * writing: SQLite would refuse it anyway, and we must not touch it. */
static gboolean
check_header (const char  *path,
              GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_CORRUPT,
                   _("Could not read the database “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  if (length == 0)
    return TRUE;
  if (length < 100 || memcmp (contents, magic, sizeof magic) != 0)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged: it is not an SQLite file"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *verdict = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    verdict = (const char *)sqlite3_column_text (stmt, 0);

  if (verdict != NULL && g_str_equal (verdict, "ok"))
    return TRUE;

  g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_CORRUPT,
               _("The database “%s” is damaged: %s"), path,
               verdict != NULL ? verdict : sqlite3_errmsg (db));
  return FALSE;
}

/* The store holds children's marks: a new database file, and with it its
 * -wal and -shm files (SQLite gives them the database's mode), is readable
 * by its owner only, whatever the umask. */
static void
create_private_file (const char *path)
{
  int fd = g_open (path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);

  if (fd >= 0)
    g_close (fd, NULL);
}

static gboolean
backup_db (sqlite3     *src,
           const char  *dest_path,
           GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (dest_path, ".tmp", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (tmp_path);
  create_private_file (tmp_path);
  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", src, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_BACKUP,
                   _("Could not write the backup “%s”: %s"), dest_path,
                   dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  /* The copy is complete on disk before it takes the backup's name. */
  sqlite3_close (dest);
  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_BACKUP,
                   _("Could not write the backup “%s”: %s"), dest_path,
                   g_strerror (saved_errno));
      g_unlink (tmp_path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (UrokStore            *self,
         const UrokMigration  *migrations,
         guint                 n_migrations,
         int                   latest,
         GError              **error)
{
  if (self->version > 0)
    {
      g_autofree char *name = g_strdup_printf ("%s.v%d.backup", self->path, self->version);
      if (!backup_db (self->db, name, error))
        return FALSE;
    }

  if (!exec_sql (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < n_migrations; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (migrations[i].version <= self->version)
        continue;
      if (!exec_sql (self->db, migrations[i].sql, &local_error)
          || (migrations[i].run != NULL && !migrations[i].run (self->db, &local_error)))
        {
          exec_sql (self->db, "ROLLBACK", NULL);
          g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_MIGRATION,
                       _("Could not upgrade the database to version %d: %s. "
                         "Nothing was changed."),
                       migrations[i].version, local_error->message);
          return FALSE;
        }
    }

  {
    g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", latest);
    g_autoptr(GError) local_error = NULL;

    if (!exec_sql (self->db, pragma, &local_error) ||
        !exec_sql (self->db, "COMMIT", &local_error))
      {
        exec_sql (self->db, "ROLLBACK", NULL);
        g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_MIGRATION,
                     _("Could not upgrade the database to version %d: %s. "
                       "Nothing was changed."),
                     latest, local_error->message);
        return FALSE;
      }
  }

  self->version = latest;
  return TRUE;
}

/* What every connection to the store needs: extended result codes, a
 * busy timeout (a writer on another connection holds the lock for
 * milliseconds) and the folding function of the search index, which the
 * migrations use too. */
static gboolean
open_connection (UrokStore  *self,
                 int         extra_flags,
                 GError    **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | extra_flags, NULL);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, UROK_STORE_ERROR,
                   is_corruption (rc) ? UROK_STORE_ERROR_CORRUPT : UROK_STORE_ERROR_QUERY,
                   _("Could not open the database “%s”: %s"), self->path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_create_function_v2 (self->db, "urok_fold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, sql_fold, NULL, NULL, NULL);
  if (!urok_fts_stem_tokenizer_register (self->db, error))
    return FALSE;
  /* Up to 64 MiB of pages (the default is 2 MiB), taken only as they are
   * read: a board page of 50,000 strokes is ~24 MB of rows, and with a
   * smaller cache saving it spills pages to the WAL and reads them back. */
  sqlite3_exec (self->db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
  self->checkpointer = _urok_store_checkpointer_new (self->db, self->path);
  return TRUE;
}

UrokStore *
_urok_store_open_with_migrations (const char           *path,
                                  const UrokMigration  *migrations,
                                  guint                 n_migrations,
                                  GError              **error)
{
  g_autoptr(UrokStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  int latest = n_migrations > 0 ? migrations[n_migrations - 1].version : 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, error))
    return NULL;

  {
    g_autofree char *dir = g_path_get_dirname (path);

    if (g_mkdir_with_parents (dir, 0700) != 0)
      {
        int saved_errno = errno;
        g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_QUERY,
                     _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
        return NULL;
      }
  }

  self = g_object_new (UROK_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  create_private_file (path);
  if (!open_connection (self, SQLITE_OPEN_CREATE, error))
    return NULL;

  if (!query_int (self->db, "PRAGMA user_version", &self->version, &local_error))
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged: %s"), path, local_error->message);
      return NULL;
    }
  if (self->version > 0 && !check_integrity (self->db, path, error))
    return NULL;

  if (self->version > latest)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Urok "
                     "(schema %d, this version knows %d). Update Urok to open it."),
                   path, self->version, latest);
      return NULL;
    }

  if (!exec_sql (self->db, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (self->version < latest &&
      !migrate (self, migrations, n_migrations, latest, error))
    return NULL;

  /* After migrating, so that a failed upgrade leaves even the header alone.
   * NORMAL is durable against a crashed process; a power cut loses at most the
   * transactions since the last checkpoint. */
  if (!exec_sql (self->db, "PRAGMA journal_mode = WAL", error) ||
      !exec_sql (self->db, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  return g_steal_pointer (&self);
}

UrokStore *
urok_store_open (const char  *path,
                 GError     **error)
{
  const UrokMigration *migrations;
  guint n_migrations;

  migrations = _urok_migrations (&n_migrations);
  return _urok_store_open_with_migrations (path, migrations, n_migrations, error);
}

/* A worker thread's own connection to a store that urok_store_open()
 * opened, checked and migrated: none of that again, only the settings of
 * a connection.  SQLite connections must not be shared between threads
 * that run at once; in WAL mode each connection reads the last commit and
 * writers take turns (up to BUSY_TIMEOUT_MS). */
UrokStore *
urok_store_open_connection (const char  *path,
                            GError     **error)
{
  g_autoptr(UrokStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  int latest = urok_store_latest_version ();

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (UROK_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_connection (self, 0, error))
    return NULL;
  if (!query_int (self->db, "PRAGMA user_version", &self->version, &local_error))
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged: %s"), path, local_error->message);
      return NULL;
    }
  if (self->version != latest)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_MIGRATION,
                   _("The database “%s” has schema %d instead of %d: open it with Urok first"),
                   path, self->version, latest);
      return NULL;
    }
  if (!exec_sql (self->db, "PRAGMA foreign_keys = ON", error) ||
      !exec_sql (self->db, "PRAGMA synchronous = NORMAL", error))
    return NULL;
  return g_steal_pointer (&self);
}

void
_urok_store_wait_checkpoint (UrokStore *self)
{
  if (self->checkpointer != NULL)
    _urok_store_checkpointer_wait (self->checkpointer);
}

/* A change committed on another connection (a worker's), told to those
 * who listen to this one. */
void
urok_store_announce_change (UrokStore  *self,
                            const char *what)
{
  g_return_if_fail (UROK_IS_STORE (self));
  g_return_if_fail (what != NULL);

  _urok_store_emit_changed (self, what);
}

int
urok_store_latest_version (void)
{
  guint n_migrations;
  const UrokMigration *migrations = _urok_migrations (&n_migrations);

  return migrations[n_migrations - 1].version;
}

const char *
urok_store_get_path (UrokStore *self)
{
  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  return self->path;
}

/* Imported books live beside the database, so that one folder holds all
 * of a teacher's data and a backup of it is complete. */
char *
urok_store_dup_books_dir (UrokStore *self)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);

  dir = g_path_get_dirname (self->path);
  return g_build_filename (dir, "books", NULL);
}

int
urok_store_get_schema_version (UrokStore *self)
{
  g_return_val_if_fail (UROK_IS_STORE (self), 0);
  return self->version;
}

gboolean
urok_store_is_empty (UrokStore *self)
{
  int count = 0;

  g_return_val_if_fail (UROK_IS_STORE (self), TRUE);

  if (!query_int (self->db,
                  "SELECT (SELECT count(*) FROM lesson) + (SELECT count(*) FROM class_group)"
                  " + (SELECT count(*) FROM book) + (SELECT count(*) FROM test)",
                  &count, NULL))
    return TRUE;
  return count == 0;
}

gboolean
urok_store_begin (UrokStore  *self,
                  GError    **error)
{
  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  return exec_sql (self->db, "BEGIN IMMEDIATE", error);
}

gboolean
urok_store_commit (UrokStore  *self,
                   GError    **error)
{
  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);

  if (!exec_sql (self->db, "COMMIT", error))
    return FALSE;

  /* A transaction may have touched anything. */
  _urok_store_emit_changed (self, "lessons");
  _urok_store_emit_changed (self, "books");
  _urok_store_emit_changed (self, "tests");
  _urok_store_emit_changed (self, "gradebook");
  return TRUE;
}

void
urok_store_rollback (UrokStore *self)
{
  g_return_if_fail (UROK_IS_STORE (self));
  if (!sqlite3_get_autocommit (self->db))
    exec_sql (self->db, "ROLLBACK", NULL);
}

gboolean
urok_store_backup (UrokStore   *self,
                   const char  *dest_path,
                   GError     **error)
{
  g_autofree char *default_dest = NULL;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);

  if (dest_path == NULL)
    dest_path = default_dest = urok_store_backup_path (self->path);
  return backup_db (self->db, dest_path, error);
}

char *
urok_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "urok", "urok.db", NULL);
}

char *
urok_store_backup_path (const char *path)
{
  return g_strconcat (path, ".backup", NULL);
}

/* The newest of the backups beside @path: the one written at each clean exit
 * and those written before each schema upgrade. */
char *
urok_store_find_backup (const char *path)
{
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (basename, ".", NULL);
  g_autofree char *best = NULL;
  g_autoptr(GDir) dir = g_dir_open (dirname, 0, NULL);
  gint64 best_mtime = G_MININT64;
  const char *name;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".backup"))
        continue;
      full = g_build_filename (dirname, name, NULL);
      if (g_stat (full, &st) != 0 || st.st_size == 0)
        continue;
      if ((gint64)st.st_mtime > best_mtime)
        {
          best_mtime = st.st_mtime;
          g_free (best);
          best = g_steal_pointer (&full);
        }
    }

  return g_steal_pointer (&best);
}

static gboolean
move_aside (const char  *from,
            const char  *to,
            GError     **error)
{
  if (!g_file_test (from, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_rename (from, to) == 0)
    return TRUE;

  {
    int saved_errno = errno;
    g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_BACKUP,
                 _("Could not move “%s” aside: %s"), from, g_strerror (saved_errno));
  }
  return FALSE;
}

/* Puts @backup_path in place of the store at @path, or with no backup leaves
 * the place empty for a new store.  The damaged file is never overwritten or
 * deleted: it is renamed beside it, for a technician. */
gboolean
urok_store_restore_backup (const char  *path,
                           const char  *backup_path,
                           char       **damaged_path,
                           GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *damaged = g_strdup_printf ("%s.damaged-%s", path, stamp);
  g_autofree char *tmp_path = g_strconcat (path, ".restoring", NULL);
  g_autoptr(GFile) tmp = g_file_new_for_path (tmp_path);
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  g_return_val_if_fail (path != NULL, FALSE);

  if (backup_path != NULL)
    {
      g_autoptr(GFile) source = g_file_new_for_path (backup_path);

      if (!g_file_copy (source, tmp, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (damaged, suffixes[i], NULL);

      if (!move_aside (from, to, error))
        {
          g_unlink (tmp_path);
          return FALSE;
        }
    }

  if (backup_path != NULL && g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_BACKUP,
                   _("Could not restore the backup: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  if (damaged_path != NULL)
    *damaged_path = g_steal_pointer (&damaged);
  return TRUE;
}

sqlite3 *
_urok_store_get_db (UrokStore *self)
{
  return self->db;
}

sqlite3_stmt *
_urok_store_prepare (UrokStore   *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_db_error (self->db, error);
      return NULL;
    }
  return stmt;
}

gboolean
_urok_store_exec (UrokStore   *self,
                  const char  *sql,
                  GError     **error)
{
  return exec_sql (self->db, sql, error);
}

gboolean
_urok_store_step_done (UrokStore     *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_db_error (self->db, error);
  return TRUE;
}

const char *
_urok_column_text (sqlite3_stmt *stmt,
                   int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}
