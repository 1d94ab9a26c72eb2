/* test-store-writer.c: the store's writer thread: saves land in order, the
 * last copy of a lesson wins, a busy database makes a save wait (not
 * fail), a save is announced on the store's own thread, and a writer let
 * go of writes what was queued before it ends.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"

#include "urok-store-writer.h"

static UrokStore *
open_store (void)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autoptr(GError) error = NULL;
  UrokStore *store = urok_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static UrokLesson *
lesson_with_topic (const char *uuid_from,
                   UrokLesson *lesson,
                   const char *topic)
{
  UrokLesson *copy = urok_lesson_copy (lesson, FALSE);

  g_assert_cmpstr (urok_lesson_get_uuid (copy), ==, uuid_from);
  urok_lesson_set_topic (copy, topic);
  return copy;
}

static char *
stored_topic (UrokStore  *store,
              const char *uuid)
{
  g_autoptr(UrokLesson) stored = urok_store_load_lesson (store, uuid, NULL);

  return stored != NULL ? g_strdup (urok_lesson_get_topic (stored)) : NULL;
}

typedef struct
{
  guint   n_done;
  guint   n_failed;
  GError *error;
} Outcome;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Outcome *outcome = user_data;
  g_autoptr(GError) error = NULL;

  if (!urok_store_writer_save_lesson_finish (UROK_STORE_WRITER (source), result, &error))
    {
      outcome->n_failed++;
      g_clear_error (&outcome->error);
      outcome->error = g_steal_pointer (&error);
    }
  outcome->n_done++;
}

static GThread *main_thread;

static void
changed_cb (UrokStore  *store,
            const char *what,
            guint      *n_changed)
{
  /* Listeners are widgets: never in the writer's thread. */
  g_assert_true (g_thread_self () == main_thread);
  (*n_changed)++;
}

/* Ten copies queued at once: the store ends with the last one, every
 * caller hears of success, and listeners of the store hear of it. */
static void
test_last_wins (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  UrokStoreWriter *writer = urok_store_writer_get (store);
  Outcome outcome = { 0 };
  guint n_changed = 0;
  g_autofree char *topic = NULL;
  const char *uuid = urok_lesson_get_uuid (lesson);

  g_assert_true (urok_store_writer_get (store) == writer);
  g_signal_connect (store, "changed::lessons", G_CALLBACK (changed_cb), &n_changed);
  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Версия %u", i);
      g_autoptr(UrokLesson) copy = lesson_with_topic (uuid, lesson, name);

      urok_store_writer_save_lesson_async (writer, copy, saved_cb, &outcome);
    }
  while (outcome.n_done < 10)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (outcome.n_failed, ==, 0);

  topic = stored_topic (store, uuid);
  g_assert_cmpstr (topic, ==, "Версия 10");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_changed, >=, 1);
  /* Later copies replaced waiting ones: fewer writes than saves asked. */
  g_test_message ("%u writes announced for 10 saves", n_changed);
  g_assert_cmpuint (n_changed, <=, 10);
}

/* Another connection holds the write lock: the save waits on the writer's
 * thread, and lands once the lock is released. */
static void
test_waits_for_lock (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(UrokStore) other = NULL;
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(GError) error = NULL;
  UrokStoreWriter *writer = urok_store_writer_get (store);
  Outcome outcome = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 until;

  other = urok_store_open_connection (urok_store_get_path (store), &error);
  g_assert_no_error (error);
  g_assert_true (urok_store_begin (other, &error));
  g_assert_no_error (error);

  urok_lesson_set_topic (lesson, "Подождёт");
  {
    g_autoptr(UrokLesson) copy = urok_lesson_copy (lesson, FALSE);
    urok_store_writer_save_lesson_async (writer, copy, saved_cb, &outcome);
  }
  until = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (outcome.n_done, ==, 0);
  before = stored_topic (store, urok_lesson_get_uuid (lesson));
  g_assert_null (before);

  urok_store_rollback (other);
  while (outcome.n_done < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (outcome.error);
  after = stored_topic (store, urok_lesson_get_uuid (lesson));
  g_assert_cmpstr (after, ==, "Подождёт");
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* The synchronous save waits for what was queued before it; letting the
 * writer go writes what is still queued. */
static void
test_sync_and_drain (void)
{
  g_autoptr(UrokStore) store = open_store ();
  g_autoptr(UrokLesson) first = urok_lesson_new ();
  g_autoptr(UrokLesson) second = urok_lesson_new ();
  g_autoptr(UrokStoreWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *topic = NULL;
  g_autofree char *path = g_strdup (urok_store_get_path (store));
  Outcome outcome = { 0 };
  UrokStoreWriter *gone = NULL;
  guint wake;

  writer = g_object_ref (urok_store_writer_get (store));
  urok_lesson_set_topic (first, "Первый");
  urok_lesson_set_topic (second, "Второй");
  urok_store_writer_save_lesson_async (writer, first, saved_cb, &outcome);
  g_assert_true (urok_store_writer_save_lesson (writer, second, &error));
  g_assert_no_error (error);
  topic = stored_topic (store, urok_lesson_get_uuid (first));
  g_assert_cmpstr (topic, ==, "Первый");
  while (outcome.n_done < 1)
    g_main_context_iteration (NULL, TRUE);

  /* Queued, then the store and the writer let go at once. */
  urok_lesson_set_topic (first, "Первый, исправленный");
  urok_store_writer_save_lesson_async (writer, first, saved_cb, &outcome);
  gone = writer;
  g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *)&gone);
  g_clear_object (&store);
  g_clear_object (&writer);
  /* The pending save holds the writer until its result is delivered;
   * then the writer ends, its thread having written everything. */
  /* The last reference may go in the writer's own thread (it then ends
   * by itself): the loop needs waking to notice. */
  wake = g_timeout_add (10, wake_cb, NULL);
  while (gone != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_assert_cmpuint (outcome.n_done, ==, 2);

  store = urok_store_open (path, &error);
  g_assert_no_error (error);
  g_free (topic);
  topic = stored_topic (store, urok_lesson_get_uuid (first));
  g_assert_cmpstr (topic, ==, "Первый, исправленный");
}

/* A store file that urok_store_open() never saw is refused, not created. */
static void
test_connection_needs_open_store (void)
{
  g_autofree char *path = core_test_path ("missing.db");
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = urok_store_open_connection (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  g_test_add_func ("/core/store-writer/last-wins", test_last_wins);
  g_test_add_func ("/core/store-writer/waits-for-lock", test_waits_for_lock);
  g_test_add_func ("/core/store-writer/sync-and-drain", test_sync_and_drain);
  g_test_add_func ("/core/store-writer/connection-needs-open-store", test_connection_needs_open_store);

  return core_test_run ();
}
