/* urok-recorder.c: the lesson recorder's states, errors and control.
 *
 *   appsrc → videoconvert → videoscale → size → videorate → 25 fps → queue
 *          → vp8enc → queue ─┐
 *   microphone ─┐            ├→ webmmux → filesink (<path>.XXXXXX.part)
 *   silence ────┴→ audiomixer → S16 48 kHz stereo → opusenc → queue ─┘
 *
 * The microphone is a bin of its own on a request pad of the mixer, beside
 * a silent live source: when the microphone fails it is unlinked and
 * removed, and the silence keeps the audio track going, so the muxer (which
 * waits for every stream) never stalls and nothing recorded is lost.
 * The pipeline plays on through a pause (a paused live audiomixer loses
 * its timing): no frame is pushed, the mixer's output in the pause is
 * dropped, and later timestamps are shifted back by the time paused
 * (urok-recorder-feed.c keeps that timeline).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gst/app/gstappsrc.h>
#include <unistd.h>

#include "urok-recorder-private.h"

#define DEFAULT_AUDIO_SOURCE "autoaudiosrc"
/* With the realtime settings of urok-recorder-pipeline.c VP8 keeps up at 1080p on a two-core
 * machine using under one core (docs/PERFORMANCE.md, recorder.*); a HiDPI
 * view's larger frames are scaled down to it. */
#define DEFAULT_MAX_HEIGHT   1080
#define ELAPSED_INTERVAL_MS  250
/* How long the encoders may take to drain: at stop, and after a fatal
 * error (when the broken element may never pass the end on). */
#define STOP_TIMEOUT_S       20
#define SALVAGE_TIMEOUT_S    10

struct _UrokRecorder
{
  GObject            parent_instance;
  char              *audio_source;
  int                max_height;

  UrokRecorderState  state;
  char              *path;
  char              *part_path;
  GMainContext      *context;
  GstElement        *pipeline;
  GstElement        *microphone;
  /* Once failed and removed: its late messages are still on the bus. */
  GstElement        *dropped_microphone;
  UrokFrameFeed     *feed;
  GSource           *elapsed_source;
  GSource           *stop_timeout;
  GstClockTime       elapsed;
  GTask             *stop_task;
  GError            *fatal;
};

G_DEFINE_FINAL_TYPE (UrokRecorder, urok_recorder, G_TYPE_OBJECT)
G_DEFINE_QUARK (urok-recorder-error-quark, urok_recorder_error)

enum {
  PROP_0,
  PROP_AUDIO_SOURCE,
  PROP_MAX_HEIGHT,
  PROP_STATE,
  PROP_ELAPSED,
  PROP_PATH,
  N_PROPS
};

enum {
  ERROR,
  WARNING,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GType
urok_recorder_state_get_type (void)
{
  static gsize type_id;
  static const GEnumValue values[] = {
    { UROK_RECORDER_STATE_IDLE, "UROK_RECORDER_STATE_IDLE", "idle" },
    { UROK_RECORDER_STATE_RECORDING, "UROK_RECORDER_STATE_RECORDING", "recording" },
    { UROK_RECORDER_STATE_PAUSED, "UROK_RECORDER_STATE_PAUSED", "paused" },
    { UROK_RECORDER_STATE_STOPPING, "UROK_RECORDER_STATE_STOPPING", "stopping" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type_id))
    {
      GType type = g_enum_register_static (g_intern_static_string ("UrokRecorderState"), values);
      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

static void
set_state (UrokRecorder      *self,
           UrokRecorderState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELAPSED]);
}

static void
emit_warning (UrokRecorder *self,
              GError       *warning)
{
  g_debug ("Recorder warning: %s", warning->message);
  g_signal_emit (self, signals[WARNING], 0, warning);
}

static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

/* Drops the pipeline and everything bound to it; the .part file stays. */
static void
teardown (UrokRecorder *self)
{
  clear_source (&self->elapsed_source);
  clear_source (&self->stop_timeout);
  if (self->feed != NULL)
    _urok_frame_feed_shutdown (self->feed);
  g_clear_pointer (&self->feed, _urok_frame_feed_unref);
  if (self->pipeline != NULL)
    {
      g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);

      gst_bus_remove_watch (bus);
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
    }
  gst_clear_object (&self->microphone);
  gst_clear_object (&self->dropped_microphone);
  gst_clear_object (&self->pipeline);
  g_clear_pointer (&self->context, g_main_context_unref);
}

static gboolean
is_inside (GstObject  *object,
           GstElement *bin)
{
  return bin != NULL
         && (object == GST_OBJECT (bin) || gst_object_has_as_ancestor (object, GST_OBJECT (bin)));
}

static gboolean
is_microphone (UrokRecorder *self,
               GstObject    *object)
{
  return is_inside (object, self->microphone) || is_inside (object, self->dropped_microphone);
}

/* Unlinks the microphone and gives its pad back to the mixer, which goes
 * on with the silence alone.  Releasing the pad first flushes it, so that
 * a streaming thread blocked on it returns and the bin can stop. */
static void
drop_microphone (UrokRecorder *self)
{
  g_autoptr(GstElement) microphone = g_steal_pointer (&self->microphone);
  g_autoptr(GstPad) src = NULL;
  g_autoptr(GstPad) peer = NULL;

  if (microphone == NULL)
    return;
  src = gst_element_get_static_pad (microphone, "src");
  peer = src != NULL ? gst_pad_get_peer (src) : NULL;
  if (peer != NULL)
    {
      g_autoptr(GstElement) mixer = gst_pad_get_parent_element (peer);

      gst_pad_unlink (src, peer);
      gst_element_release_request_pad (mixer, peer);
    }
  gst_element_set_locked_state (microphone, TRUE);
  gst_element_set_state (microphone, GST_STATE_NULL);
  gst_bin_remove (GST_BIN (self->pipeline), microphone);
  gst_clear_object (&self->dropped_microphone);
  self->dropped_microphone = g_steal_pointer (&microphone);
}

static void
microphone_failed (UrokRecorder *self,
                   const char   *cause)
{
  g_autoptr(GError) warning = NULL;

  drop_microphone (self);
  warning = g_error_new (UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_AUDIO,
                         _("The microphone stopped working (%s); the recording goes on without sound"),
                         cause);
  emit_warning (self, warning);
}

/* Adds the microphone's bin on a new pad of the mixer.  A description that
 * does not parse is a microphone that does not work: warned about, and the
 * recording has silence. */
static void
add_microphone (UrokRecorder *self)
{
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) mixer = NULL;
  g_autoptr(GstPad) mixer_pad = NULL;
  g_autoptr(GstPad) src = NULL;
  GstElement *bin;

  if (self->audio_source[0] == '\0')
    return;
  description = g_strdup_printf ("%s ! audioconvert ! audioresample"
                                 " ! queue max-size-buffers=0 max-size-bytes=0 max-size-time=1000000000",
                                 self->audio_source);
  bin = gst_parse_bin_from_description (description, TRUE, &error);
  if (bin == NULL)
    {
      microphone_failed (self, error->message);
      return;
    }
  gst_object_set_name (GST_OBJECT (bin), "microphone");
  gst_bin_add (GST_BIN (self->pipeline), bin);
  self->microphone = gst_object_ref (bin);

  mixer = gst_bin_get_by_name (GST_BIN (self->pipeline), "mixer");
  mixer_pad = gst_element_request_pad_simple (mixer, "sink_%u");
  src = gst_element_get_static_pad (bin, "src");
  if (src == NULL || gst_pad_link (src, mixer_pad) != GST_PAD_LINK_OK)
    {
      if (mixer_pad != NULL)
        gst_element_release_request_pad (mixer, mixer_pad);
      microphone_failed (self, _("it gives no sound to record"));
    }
}

static gboolean bus_cb (GstBus *bus, GstMessage *message, gpointer user_data);

static gboolean
notify_elapsed_cb (gpointer user_data)
{
  UrokRecorder *self = user_data;

  if (self->state == UROK_RECORDER_STATE_RECORDING)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELAPSED]);
  return G_SOURCE_CONTINUE;
}

static GSource *
attach_timeout (UrokRecorder *self,
                guint         interval_ms,
                GSourceFunc   func)
{
  GSource *source = g_timeout_source_new (interval_ms);

  g_source_set_callback (source, func, self, NULL);
  g_source_attach (source, self->context);
  return source;
}

static gboolean
build_pipeline (UrokRecorder  *self,
                GError       **error)
{
  self->pipeline = _urok_recorder_pipeline_new (self->part_path, self->max_height, &self->feed, error);
  return self->pipeline != NULL;
}

/* The first error on the bus, for a state change that failed. */
static GstMessage *
pop_error (UrokRecorder *self)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (self->pipeline);

  return gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
}

static char *
message_error_text (GstMessage *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *debug = NULL;

  gst_message_parse_error (message, &error, &debug);
  g_debug ("GStreamer error from %s: %s (%s)", GST_MESSAGE_SRC_NAME (message),
           error->message, debug != NULL ? debug : "");
  return g_strdup (error->message);
}

/* Sets the pipeline playing; a microphone that fails to open is dropped
 * and the rest is tried again without it. */
static gboolean
play (UrokRecorder  *self,
      GError       **error)
{
  g_autoptr(GstMessage) message = NULL;
  g_autofree char *cause = NULL;

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE)
    return TRUE;

  message = pop_error (self);
  cause = message != NULL ? message_error_text (message) : g_strdup (_("unknown error"));
  if (self->microphone != NULL
      && (message == NULL || is_microphone (self, GST_MESSAGE_SRC (message))))
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      microphone_failed (self, cause);
      /* Errors the failed microphone posted while it failed. */
      for (GstMessage *stale; (stale = pop_error (self)) != NULL;)
        gst_message_unref (stale);
      g_clear_pointer (&cause, g_free);
      g_clear_pointer (&message, gst_message_unref);
      if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) != GST_STATE_CHANGE_FAILURE)
        return TRUE;
      message = pop_error (self);
      cause = message != NULL ? message_error_text (message) : g_strdup (_("unknown error"));
    }
  g_set_error (error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_FAILED,
               _("Cannot start recording: %s"), cause);
  return FALSE;
}

/* A temporary file beside @path, created exclusively. */
static char *
create_part_file (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *part = g_strdup_printf ("%s.XXXXXX.part", path);
  int saved_errno;
  int fd;

  fd = g_mkstemp_full (part, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write the recording “%s” in “%s”: %s"),
                   name, dir, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&part);
}

gboolean
urok_recorder_start (UrokRecorder  *self,
                     const char    *path,
                     GError       **error)
{
  g_autoptr(GstBus) bus = NULL;

  g_return_val_if_fail (UROK_IS_RECORDER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->state != UROK_RECORDER_STATE_IDLE)
    {
      g_set_error (error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_BUSY,
                   _("A recording is already under way"));
      return FALSE;
    }
  if (!urok_recorder_check_available (error))
    return FALSE;

  g_clear_pointer (&self->part_path, g_free);
  self->part_path = create_part_file (path, error);
  if (self->part_path == NULL)
    return FALSE;
  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  g_clear_error (&self->fatal);
  self->elapsed = 0;
  self->context = g_main_context_ref_thread_default ();

  if (!build_pipeline (self, error))
    goto fail;
  add_microphone (self);
  if (!play (self, error))
    goto fail;

  bus = gst_element_get_bus (self->pipeline);
  {
    GSource *watch = gst_bus_create_watch (bus);

    g_source_set_callback (watch, G_SOURCE_FUNC (bus_cb), self, NULL);
    g_source_attach (watch, self->context);
    g_source_unref (watch);
  }
  self->elapsed_source = attach_timeout (self, ELAPSED_INTERVAL_MS, notify_elapsed_cb);
  _urok_frame_feed_set_running (self->feed, TRUE);
  set_state (self, UROK_RECORDER_STATE_RECORDING);
  return TRUE;

fail:
  teardown (self);
  g_unlink (self->part_path);
  return FALSE;
}

gboolean
urok_recorder_pause (UrokRecorder  *self,
                     GError       **error)
{
  g_return_val_if_fail (UROK_IS_RECORDER (self), FALSE);

  if (self->state != UROK_RECORDER_STATE_RECORDING)
    {
      g_set_error (error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_BUSY,
                   _("There is no recording to pause"));
      return FALSE;
    }
  _urok_frame_feed_pause (self->feed);
  set_state (self, UROK_RECORDER_STATE_PAUSED);
  return TRUE;
}

gboolean
urok_recorder_resume (UrokRecorder  *self,
                      GError       **error)
{
  g_return_val_if_fail (UROK_IS_RECORDER (self), FALSE);

  if (self->state != UROK_RECORDER_STATE_PAUSED)
    {
      g_set_error (error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_BUSY,
                   _("There is no paused recording to resume"));
      return FALSE;
    }
  _urok_frame_feed_resume (self->feed);
  /* What the view showed while paused starts the new part. */
  _urok_frame_feed_repeat_now (self->feed);
  set_state (self, UROK_RECORDER_STATE_RECORDING);
  return TRUE;
}

void
urok_recorder_push_frame (UrokRecorder *self,
                          const guint8 *data,
                          int           width,
                          int           height,
                          gsize         stride,
                          gint64        time_us)
{
  g_return_if_fail (UROK_IS_RECORDER (self));
  g_return_if_fail (data != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (stride >= (gsize) width * 4);

  /* Frames shown while paused are remembered, not recorded: the feed
   * pushes nothing until it runs again. */
  if (self->feed != NULL)
    _urok_frame_feed_push (self->feed, data, width, height, stride, time_us);
}

static gboolean stop_timeout_cb (gpointer user_data);

/* Sends the end of every stream in, so that the muxer writes its index
 * and the file's length; the EOS message on the bus (or the timeout)
 * ends the recording. */
static void
begin_drain (UrokRecorder *self,
             guint         timeout_s)
{
  g_autoptr(GstElement) appsrc = gst_bin_get_by_name (GST_BIN (self->pipeline), "video");
  g_autoptr(GstElement) silence = gst_bin_get_by_name (GST_BIN (self->pipeline), "silence");

  self->elapsed = _urok_frame_feed_now (self->feed);
  set_state (self, UROK_RECORDER_STATE_STOPPING);

  /* Stopped while paused, the pause runs to the end: its audio is
   * dropped, and the last frame is repeated at its start. */
  gst_element_send_event (silence, gst_event_new_eos ());
  if (self->microphone != NULL)
    gst_element_send_event (self->microphone, gst_event_new_eos ());
  /* The last frame lasts until now. */
  _urok_frame_feed_repeat_now (self->feed);
  _urok_frame_feed_shutdown (self->feed);
  gst_app_src_end_of_stream (GST_APP_SRC (appsrc));
  self->stop_timeout = attach_timeout (self, timeout_s * 1000, stop_timeout_cb);
}

static gboolean
file_is_empty (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) != 0 || buf.st_size == 0;
}

/* Ends a drained (or timed out) recording: the file renamed into place,
 * the stop task and the "error" signal told. */
static void
finish (UrokRecorder *self,
        gboolean      drained)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->stop_task);
  g_autoptr(GError) fatal = g_steal_pointer (&self->fatal);
  g_autoptr(GError) error = NULL;
  gboolean had_frame = self->feed != NULL && _urok_frame_feed_has_frame (self->feed);

  teardown (self);
  if (!had_frame || file_is_empty (self->part_path))
    g_unlink (self->part_path);
  else if (g_rename (self->part_path, self->path) != 0)
    {
      int saved_errno = errno;

      error = g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           _("Cannot save the recording as “%s”: %s; it is kept in “%s”"),
                           self->path, g_strerror (saved_errno), self->part_path);
    }
  else if (!drained)
    {
      g_autoptr(GError) warning = g_error_new (UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_FAILED,
                                               _("The recording was not finished in time; it is saved but may not play to the end"));
      emit_warning (self, warning);
    }
  if (error == NULL && fatal != NULL)
    {
      if (had_frame)
        error = g_error_new (UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_FAILED,
                             _("The recording failed: %s. What was recorded is saved in “%s”."),
                             fatal->message, self->path);
      else
        error = g_error_new (UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_FAILED,
                             _("The recording failed: %s"), fatal->message);
    }
  set_state (self, UROK_RECORDER_STATE_IDLE);

  if (error != NULL && task == NULL)
    g_signal_emit (self, signals[ERROR], 0, error);
  if (task != NULL && error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (task != NULL)
    g_task_return_boolean (task, TRUE);
}

static gboolean
stop_timeout_cb (gpointer user_data)
{
  UrokRecorder *self = user_data;

  g_clear_pointer (&self->stop_timeout, g_source_unref);
  g_debug ("The recording did not drain in time");
  finish (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* A fatal error: what was written is finished as well as it can be. */
static void
recording_failed (UrokRecorder *self,
                  const char   *cause)
{
  /* Only the cause here: finish() words the message. */
  if (self->fatal == NULL)
    self->fatal = g_error_new_literal (UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_FAILED, cause);
  if (self->state == UROK_RECORDER_STATE_STOPPING)
    return;
  if (self->feed != NULL && _urok_frame_feed_has_frame (self->feed))
    begin_drain (self, SALVAGE_TIMEOUT_S);
  else
    {
      self->elapsed = self->feed != NULL ? _urok_frame_feed_now (self->feed) : 0;
      finish (self, TRUE);
    }
}

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  UrokRecorder *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autofree char *cause = message_error_text (message);

        /* A failing source posts more than one error; the first drops it. */
        if (is_inside (GST_MESSAGE_SRC (message), self->dropped_microphone))
          break;
        if (is_microphone (self, GST_MESSAGE_SRC (message)))
          microphone_failed (self, cause);
        else
          recording_failed (self, cause);
      }
      break;

    case GST_MESSAGE_EOS:
      if (self->state == UROK_RECORDER_STATE_STOPPING)
        finish (self, TRUE);
      break;

    case GST_MESSAGE_WARNING:
      {
        g_autoptr(GError) warning = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_warning (message, &warning, &debug);
        g_debug ("GStreamer warning from %s: %s", GST_MESSAGE_SRC_NAME (message), warning->message);
      }
      break;

    default:
      break;
    }
  return G_SOURCE_CONTINUE;
}

void
urok_recorder_stop_async (UrokRecorder        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UROK_IS_RECORDER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, urok_recorder_stop_async);

  if (self->state != UROK_RECORDER_STATE_RECORDING && self->state != UROK_RECORDER_STATE_PAUSED)
    {
      g_task_return_new_error (task, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_BUSY,
                               _("There is no recording to stop"));
      return;
    }
  if (!_urok_frame_feed_has_frame (self->feed))
    {
      self->elapsed = _urok_frame_feed_now (self->feed);
      teardown (self);
      g_unlink (self->part_path);
      set_state (self, UROK_RECORDER_STATE_IDLE);
      g_task_return_new_error (task, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_NO_VIDEO,
                               _("Nothing was recorded: the audience view showed no picture"));
      return;
    }
  self->stop_task = g_steal_pointer (&task);
  begin_drain (self, STOP_TIMEOUT_S);
}

gboolean
urok_recorder_stop_finish (UrokRecorder  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (UROK_IS_RECORDER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

UrokRecorderState
urok_recorder_get_state (UrokRecorder *self)
{
  g_return_val_if_fail (UROK_IS_RECORDER (self), UROK_RECORDER_STATE_IDLE);

  return self->state;
}

gint64
urok_recorder_get_elapsed (UrokRecorder *self)
{
  g_return_val_if_fail (UROK_IS_RECORDER (self), 0);

  switch (self->state)
    {
    case UROK_RECORDER_STATE_RECORDING:
    case UROK_RECORDER_STATE_PAUSED:
      return (gint64) (_urok_frame_feed_now (self->feed) / GST_USECOND);
    case UROK_RECORDER_STATE_IDLE:
    case UROK_RECORDER_STATE_STOPPING:
    default:
      return (gint64) (self->elapsed / GST_USECOND);
    }
}

const char *
urok_recorder_get_path (UrokRecorder *self)
{
  g_return_val_if_fail (UROK_IS_RECORDER (self), NULL);

  return self->path;
}

const char *
urok_recorder_get_audio_source (UrokRecorder *self)
{
  g_return_val_if_fail (UROK_IS_RECORDER (self), NULL);

  return self->audio_source;
}

int
urok_recorder_get_max_height (UrokRecorder *self)
{
  g_return_val_if_fail (UROK_IS_RECORDER (self), 0);

  return self->max_height;
}

void
urok_recorder_set_max_height (UrokRecorder *self,
                              int           max_height)
{
  g_return_if_fail (UROK_IS_RECORDER (self));
  g_return_if_fail (max_height >= 0);

  if (self->max_height == max_height)
    return;
  self->max_height = max_height;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_HEIGHT]);
}

GstElement *
_urok_recorder_get_pipeline (UrokRecorder *self)
{
  return self->pipeline;
}

UrokRecorder *
urok_recorder_new (const char *audio_source)
{
  return g_object_new (UROK_TYPE_RECORDER,
                       "audio-source", audio_source != NULL ? audio_source : DEFAULT_AUDIO_SOURCE,
                       NULL);
}

/* Disposed while recording, the recording ends as a crash would: the
 * .part file stays, playable up to where it ends. */
static void
urok_recorder_dispose (GObject *object)
{
  UrokRecorder *self = UROK_RECORDER (object);

  teardown (self);
  G_OBJECT_CLASS (urok_recorder_parent_class)->dispose (object);
}

static void
urok_recorder_finalize (GObject *object)
{
  UrokRecorder *self = UROK_RECORDER (object);

  g_assert (self->stop_task == NULL);
  g_clear_error (&self->fatal);
  g_clear_pointer (&self->audio_source, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->part_path, g_free);
  G_OBJECT_CLASS (urok_recorder_parent_class)->finalize (object);
}

static void
urok_recorder_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UrokRecorder *self = UROK_RECORDER (object);

  switch (prop_id)
    {
    case PROP_AUDIO_SOURCE:
      g_value_set_string (value, self->audio_source);
      break;
    case PROP_MAX_HEIGHT:
      g_value_set_int (value, self->max_height);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ELAPSED:
      g_value_set_int64 (value, urok_recorder_get_elapsed (self));
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_recorder_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UrokRecorder *self = UROK_RECORDER (object);

  switch (prop_id)
    {
    case PROP_AUDIO_SOURCE:
      self->audio_source = g_value_dup_string (value);
      if (self->audio_source == NULL)
        self->audio_source = g_strdup (DEFAULT_AUDIO_SOURCE);
      break;
    case PROP_MAX_HEIGHT:
      urok_recorder_set_max_height (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_recorder_class_init (UrokRecorderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = urok_recorder_dispose;
  object_class->finalize = urok_recorder_finalize;
  object_class->get_property = urok_recorder_get_property;
  object_class->set_property = urok_recorder_set_property;

  properties[PROP_AUDIO_SOURCE] =
    g_param_spec_string ("audio-source", NULL, NULL, DEFAULT_AUDIO_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_HEIGHT] =
    g_param_spec_int ("max-height", NULL, NULL, 0, G_MAXINT, DEFAULT_MAX_HEIGHT,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, UROK_TYPE_RECORDER_STATE, UROK_RECORDER_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ELAPSED] =
    g_param_spec_int64 ("elapsed", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A fatal error ended the recording (what was written is kept: the
   * message says where).  Not emitted for a stop's own failure, which
   * stop_finish() reports. */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  /* Something went wrong and the recording goes on (the microphone). */
  signals[WARNING] = g_signal_new ("warning", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
urok_recorder_init (UrokRecorder *self)
{
  self->max_height = DEFAULT_MAX_HEIGHT;
  self->state = UROK_RECORDER_STATE_IDLE;
}
