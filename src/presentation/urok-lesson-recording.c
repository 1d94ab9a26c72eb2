/* urok-lesson-recording.c: feeds what the class sees to the recorder.
 *
 * The view is watched through a GtkWidgetPaintable: it is invalidated
 * whenever the view redraws, so frames are captured only when something
 * changed, at most once per frame clock tick (the recorder repeats the last
 * frame while the view stands still).  A capture renders the view's nodes
 * with the window's own renderer into a texture and downloads it; that is
 * the same path the class window's freeze uses.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-lesson-recording.h"

struct _UrokLessonRecording
{
  GObject       parent_instance;

  GtkWidget    *view;         /* weak */
  GdkPaintable *paintable;
  UrokRecorder *recorder;

  guint8       *buffer;
  gsize         buffer_size;
  guint         tick_id;
  gulong        invalidate_id;
  gboolean      dirty;
  gint64        last_capture_us;
  guint         n_frames;
};

G_DEFINE_FINAL_TYPE (UrokLessonRecording, urok_lesson_recording, G_TYPE_OBJECT)

/* The recorder's own rate: capturing faster only costs the renderer. */
#define CAPTURE_INTERVAL_US (G_USEC_PER_SEC / UROK_RECORDER_FRAME_RATE)

static void
capture (UrokLessonRecording *self,
         gint64               frame_time)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkNative *native = gtk_widget_get_native (self->view);
  int width = gtk_widget_get_width (self->view);
  int height = gtk_widget_get_height (self->view);
  gsize stride, size;

  if (native == NULL || width <= 0 || height <= 0)
    return;

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (self->paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = (gsize) width * 4;
  size = stride * (gsize) height;
  if (size > self->buffer_size)
    {
      self->buffer = g_realloc (self->buffer, size);
      self->buffer_size = size;
    }
  gdk_texture_download (texture, self->buffer, stride);
  urok_recorder_push_frame (self->recorder, self->buffer, width, height, stride, frame_time);
  self->n_frames++;
  self->last_capture_us = frame_time;
  self->dirty = FALSE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  UrokLessonRecording *self = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (urok_recorder_get_state (self->recorder) != UROK_RECORDER_STATE_RECORDING)
    return G_SOURCE_CONTINUE;
  if ((self->dirty || self->n_frames == 0) && now - self->last_capture_us >= CAPTURE_INTERVAL_US)
    capture (self, now);
  return G_SOURCE_CONTINUE;
}

static void
invalidate_cb (UrokLessonRecording *self)
{
  /* The tick callback keeps the frame clock running while recording. */
  self->dirty = TRUE;
}

static void
stop_watching (UrokLessonRecording *self)
{
  if (self->tick_id != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (self->view, self->tick_id);
  self->tick_id = 0;
  g_clear_signal_handler (&self->invalidate_id, self->paintable);
}

UrokLessonRecording *
urok_lesson_recording_new (GtkWidget  *view,
                           const char *audio_source)
{
  UrokLessonRecording *self;

  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);

  self = g_object_new (UROK_TYPE_LESSON_RECORDING, NULL);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  self->paintable = gtk_widget_paintable_new (view);
  self->recorder = urok_recorder_new (audio_source);
  return self;
}

UrokRecorder *
urok_lesson_recording_get_recorder (UrokLessonRecording *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_RECORDING (self), NULL);
  return self->recorder;
}

gboolean
urok_lesson_recording_start (UrokLessonRecording  *self,
                             const char           *path,
                             GError              **error)
{
  g_return_val_if_fail (UROK_IS_LESSON_RECORDING (self), FALSE);
  g_return_val_if_fail (self->view != NULL, FALSE);

  if (!urok_recorder_start (self->recorder, path, error))
    return FALSE;

  self->n_frames = 0;
  self->last_capture_us = 0;
  self->dirty = TRUE;
  if (self->invalidate_id == 0)
    self->invalidate_id = g_signal_connect_swapped (self->paintable, "invalidate-contents",
                                                    G_CALLBACK (invalidate_cb), self);
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (self->view, tick_cb, self, NULL);
  return TRUE;
}

static void
stop_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (urok_recorder_stop_finish (UROK_RECORDER (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
urok_lesson_recording_stop_async (UrokLessonRecording *self,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (UROK_IS_LESSON_RECORDING (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, urok_lesson_recording_stop_async);
  stop_watching (self);
  urok_recorder_stop_async (self->recorder, NULL, stop_cb, task);
}

gboolean
urok_lesson_recording_stop_finish (UrokLessonRecording  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
urok_lesson_recording_get_n_frames (UrokLessonRecording *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_RECORDING (self), 0);
  return self->n_frames;
}

char *
urok_lesson_recording_default_path (const char *lesson_title)
{
  const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_VIDEOS);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H.%M");
  g_autofree char *title = g_strdup (lesson_title != NULL && *lesson_title != '\0' ? lesson_title : "Урок");
  g_autofree char *base = NULL;
  char *path;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    dir = g_get_home_dir ();

  /* File names: no separators, no control characters, not too long. */
  g_strdelimit (title, "/\\:*?\"<>|\n\r\t", '-');
  if (g_utf8_strlen (title, -1) > 80)
    *g_utf8_offset_to_pointer (title, 80) = '\0';

  base = g_strdup_printf ("%s %s", title, stamp);
  path = g_strdup_printf ("%s/%s.webm", dir, base);
  for (int i = 2; g_file_test (path, G_FILE_TEST_EXISTS) && i < 1000; i++)
    {
      g_free (path);
      path = g_strdup_printf ("%s/%s (%d).webm", dir, base, i);
    }
  return path;
}

static void
urok_lesson_recording_dispose (GObject *object)
{
  UrokLessonRecording *self = (UrokLessonRecording *)object;

  stop_watching (self);
  if (self->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  self->view = NULL;
  g_clear_object (&self->paintable);
  g_clear_object (&self->recorder);
  g_clear_pointer (&self->buffer, g_free);

  G_OBJECT_CLASS (urok_lesson_recording_parent_class)->dispose (object);
}

static void
urok_lesson_recording_class_init (UrokLessonRecordingClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = urok_lesson_recording_dispose;
}

static void
urok_lesson_recording_init (UrokLessonRecording *self)
{
}
