/* urok-store-writer.c: saves lessons from a thread of its own.
 *
 * The editor autosaves within a second of each edit.  On the main thread a
 * save waits whenever another connection writes (another window's import,
 * a sync, a second copy of Urok), up to the store's busy timeout: the UI
 * would freeze.  So the editor only copies the lesson (cheap) and queues
 * the copy here; one thread, with its own SQLite connection, writes the
 * queue in order.  A lesson queued again before its save began replaces
 * the older copy in place: the last edit wins and nothing is written
 * twice.  Each write is announced on the store's own thread as
 * "changed::lessons", as a save on the store itself would be.
 *
 * The state the thread shares is a box of its own, so the thread may
 * outlive the object by the time it takes to drain the queue: finalizing
 * the writer waits for that, so a quit loses nothing queued.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-store-writer.h"

typedef struct
{
  char       *uuid;
  UrokLesson *lesson;   /* replaced while the job waits; under the mutex */
  GPtrArray  *tasks;    /* GTasks told the outcome */
  gboolean    started;
  gboolean    done;
  GError     *error;
} Job;

typedef struct
{
  GMutex        mutex;
  GCond         work_cond;  /* a job was queued, or quit */
  GCond         done_cond;  /* a job was done */
  GQueue        queue;      /* Job, each with a reference */
  gboolean      quit;
  char         *path;
  GWeakRef      store;
  GMainContext *context;
} State;

struct _UrokStoreWriter
{
  GObject  parent_instance;
  State   *state;
  GThread *thread;
};

G_DEFINE_FINAL_TYPE (UrokStoreWriter, urok_store_writer, G_TYPE_OBJECT)

static void
job_clear (gpointer data)
{
  Job *job = data;

  g_free (job->uuid);
  g_clear_object (&job->lesson);
  g_clear_pointer (&job->tasks, g_ptr_array_unref);
  g_clear_error (&job->error);
}

static void
job_unref (Job *job)
{
  g_atomic_rc_box_release_full (job, job_clear);
}

static void
state_clear (gpointer data)
{
  State *state = data;

  g_assert (g_queue_is_empty (&state->queue));
  g_mutex_clear (&state->mutex);
  g_cond_clear (&state->work_cond);
  g_cond_clear (&state->done_cond);
  g_free (state->path);
  g_weak_ref_clear (&state->store);
  g_main_context_unref (state->context);
}

static void
state_unref (State *state)
{
  g_atomic_rc_box_release_full (state, state_clear);
}

static gboolean
announce_cb (gpointer data)
{
  State *state = data;
  g_autoptr(UrokStore) store = g_weak_ref_get (&state->store);

  if (store != NULL)
    urok_store_announce_change (store, "lessons");
  return G_SOURCE_REMOVE;
}

static gboolean
write_lesson (UrokStore  **connection,
              const char  *path,
              UrokLesson  *lesson,
              GError     **error)
{
  /* Opened on first use and again after a failure to open. */
  if (*connection == NULL)
    *connection = urok_store_open_connection (path, error);
  if (*connection == NULL)
    return FALSE;
  return urok_store_save_lesson (*connection, lesson, error);
}

static gpointer
writer_thread (gpointer data)
{
  State *state = data;
  g_autoptr(UrokStore) connection = NULL;

  for (;;)
    {
      g_autoptr(UrokLesson) lesson = NULL;
      g_autoptr(GPtrArray) tasks = NULL;
      g_autoptr(GError) error = NULL;
      Job *job;

      g_mutex_lock (&state->mutex);
      while (g_queue_is_empty (&state->queue) && !state->quit)
        g_cond_wait (&state->work_cond, &state->mutex);
      /* Quitting drains the queue first. */
      job = g_queue_pop_head (&state->queue);
      if (job != NULL)
        {
          job->started = TRUE;
          lesson = g_object_ref (job->lesson);
        }
      g_mutex_unlock (&state->mutex);
      if (job == NULL)
        break;

      write_lesson (&connection, state->path, lesson, &error);

      g_mutex_lock (&state->mutex);
      job->done = TRUE;
      job->error = error != NULL ? g_error_copy (error) : NULL;
      tasks = g_steal_pointer (&job->tasks);
      g_cond_broadcast (&state->done_cond);
      g_mutex_unlock (&state->mutex);

      if (error == NULL)
        {
          /* Not g_main_context_invoke(): with the store's thread idle, it
           * would run the handlers in this thread. */
          g_autoptr(GSource) source = g_idle_source_new ();

          g_source_set_priority (source, G_PRIORITY_DEFAULT);
          g_source_set_callback (source, announce_cb, g_atomic_rc_box_acquire (state),
                                 (GDestroyNotify)state_unref);
          g_source_attach (source, state->context);
        }
      /* Each task completes in its caller's main context. */
      for (guint i = 0; i < tasks->len; i++)
        {
          GTask *task = g_ptr_array_index (tasks, i);

          if (error != NULL)
            g_task_return_error (task, g_error_copy (error));
          else
            g_task_return_boolean (task, TRUE);
        }
      job_unref (job);
    }

  /* The last connection to close checkpoints the WAL. */
  g_clear_object (&connection);
  state_unref (state);
  return NULL;
}

/* Queues @lesson, or puts it in place of the copy of the same lesson still
 * waiting; returns the job, with a reference. */
static Job *
enqueue (UrokStoreWriter *self,
         UrokLesson      *lesson,
         GTask           *task)
{
  State *state = self->state;
  const char *uuid = urok_lesson_get_uuid (lesson);
  Job *job = NULL;

  g_mutex_lock (&state->mutex);
  for (GList *l = state->queue.head; l != NULL && job == NULL; l = l->next)
    {
      Job *waiting = l->data;

      if (!waiting->started && g_str_equal (waiting->uuid, uuid))
        job = waiting;
    }
  if (job != NULL)
    g_set_object (&job->lesson, lesson);
  else
    {
      job = g_atomic_rc_box_new0 (Job);
      job->uuid = g_strdup (uuid);
      job->lesson = g_object_ref (lesson);
      job->tasks = g_ptr_array_new_with_free_func (g_object_unref);
      g_queue_push_tail (&state->queue, job);
      g_cond_signal (&state->work_cond);
    }
  if (task != NULL)
    g_ptr_array_add (job->tasks, g_object_ref (task));
  g_atomic_rc_box_acquire (job);
  g_mutex_unlock (&state->mutex);
  return job;
}

void
urok_store_writer_save_lesson_async (UrokStoreWriter     *self,
                                     UrokLesson          *lesson,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UROK_IS_STORE_WRITER (self));
  g_return_if_fail (UROK_IS_LESSON (lesson));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, urok_store_writer_save_lesson_async);
  job_unref (enqueue (self, lesson, task));
}

gboolean
urok_store_writer_save_lesson_finish (UrokStoreWriter  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
urok_store_writer_save_lesson (UrokStoreWriter  *self,
                               UrokLesson       *lesson,
                               GError          **error)
{
  State *state;
  Job *job;
  gboolean ok;

  g_return_val_if_fail (UROK_IS_STORE_WRITER (self), FALSE);
  g_return_val_if_fail (UROK_IS_LESSON (lesson), FALSE);

  state = self->state;
  job = enqueue (self, lesson, NULL);
  g_mutex_lock (&state->mutex);
  while (!job->done)
    g_cond_wait (&state->done_cond, &state->mutex);
  ok = job->error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (job->error));
  g_mutex_unlock (&state->mutex);
  job_unref (job);
  return ok;
}

static void
urok_store_writer_finalize (GObject *object)
{
  UrokStoreWriter *self = (UrokStoreWriter *)object;

  g_mutex_lock (&self->state->mutex);
  self->state->quit = TRUE;
  g_cond_signal (&self->state->work_cond);
  g_mutex_unlock (&self->state->mutex);
  /* Waits for the queue to be written, unless this is the thread itself
   * (it then ends by itself once the queue is empty). */
  if (g_thread_self () != self->thread)
    g_thread_join (self->thread);
  else
    g_thread_unref (self->thread);
  state_unref (self->state);

  G_OBJECT_CLASS (urok_store_writer_parent_class)->finalize (object);
}

static void
urok_store_writer_class_init (UrokStoreWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = urok_store_writer_finalize;
}

static void
urok_store_writer_init (UrokStoreWriter *self)
{
}

UrokStoreWriter *
urok_store_writer_get (UrokStore *store)
{
  UrokStoreWriter *self;
  State *state;

  g_return_val_if_fail (UROK_IS_STORE (store), NULL);

  self = g_object_get_data (G_OBJECT (store), "urok-store-writer");
  if (self != NULL)
    return self;

  self = g_object_new (UROK_TYPE_STORE_WRITER, NULL);
  state = self->state = g_atomic_rc_box_new0 (State);
  g_mutex_init (&state->mutex);
  g_cond_init (&state->work_cond);
  g_cond_init (&state->done_cond);
  g_queue_init (&state->queue);
  state->path = g_strdup (urok_store_get_path (store));
  g_weak_ref_init (&state->store, store);
  state->context = g_main_context_ref_thread_default ();
  self->thread = g_thread_new ("urok-writer", writer_thread, g_atomic_rc_box_acquire (state));

  g_object_set_data_full (G_OBJECT (store), "urok-store-writer", self, g_object_unref);
  return self;
}
