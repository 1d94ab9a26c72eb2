/* urok-recorder.h: records the lesson (the audience view's frames and the
 * microphone) to a WebM file, VP8 + Opus, with GStreamer.
 *
 * The recorder knows nothing of GTK: the presentation pushes the frames it
 * shows (a GdkTexture downloaded with gdk_texture_download() is the layout
 * push_frame() takes).  A failing microphone never stops the recording: it
 * goes on with a silent audio track and says so through "warning".
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UROK_RECORDER_ERROR (urok_recorder_error_quark ())

typedef enum {
  UROK_RECORDER_ERROR_FAILED,
  /* A GStreamer element is not installed; the message names the package. */
  UROK_RECORDER_ERROR_MISSING_ELEMENT,
  /* The call does not fit the recorder's state (start while recording...). */
  UROK_RECORDER_ERROR_BUSY,
  /* Stopped before any frame was pushed: no file is written. */
  UROK_RECORDER_ERROR_NO_VIDEO,
  /* Only in "warning": the microphone failed and was replaced by silence. */
  UROK_RECORDER_ERROR_AUDIO,
} UrokRecorderError;

typedef enum {
  UROK_RECORDER_STATE_IDLE,
  UROK_RECORDER_STATE_RECORDING,
  UROK_RECORDER_STATE_PAUSED,
  /* Between stop and the file being complete (the encoders drain). */
  UROK_RECORDER_STATE_STOPPING,
} UrokRecorderState;

#define UROK_TYPE_RECORDER_STATE (urok_recorder_state_get_type ())
#define UROK_TYPE_RECORDER (urok_recorder_get_type ())

G_DECLARE_FINAL_TYPE (UrokRecorder, urok_recorder, UROK, RECORDER, GObject)

/* The recorded video's frame rate. */
#define UROK_RECORDER_FRAME_RATE 25

GQuark            urok_recorder_error_quark        (void);
GType             urok_recorder_state_get_type     (void);

/* @audio_source is a gst-launch style description of the microphone
 * ("pulsesrc device=...", "audiotestsrc is-live=true"); NULL means
 * "autoaudiosrc", "" records silence. */
UrokRecorder     *urok_recorder_new                (const char    *audio_source);

/* Whether every GStreamer element a recording needs is installed; if not,
 * the error names the Debian package to install. */
gboolean          urok_recorder_check_available    (GError       **error);

/* Starts recording into @path (written as a temporary "<path>.XXXXXX.part"
 * beside it and renamed over @path when stopped; a crash leaves the .part).
 * The first frame pushed fixes the video's size (scaled to fit
 * "max-height"). */
gboolean          urok_recorder_start              (UrokRecorder  *self,
                                                    const char    *path,
                                                    GError       **error);
/* Paused time is not in the file, and "elapsed" stands still. */
gboolean          urok_recorder_pause              (UrokRecorder  *self,
                                                    GError       **error);
gboolean          urok_recorder_resume             (UrokRecorder  *self,
                                                    GError       **error);

/* One frame of the audience view: @data is @height rows of @stride bytes,
 * each @width pixels of CAIRO_FORMAT_ARGB32 (premultiplied, native endian:
 * what gdk_texture_download() gives).  @time_us is when it was shown, on
 * g_get_monotonic_time()'s clock (a GdkFrameClock's frame time), or -1 for
 * now.  Push only when the view changes: the recorder repeats the last
 * frame to keep the rate.  Frames of another size are scaled to the first
 * size, keeping their aspect (bordered).  Ignored unless recording; the
 * data is copied. */
void              urok_recorder_push_frame         (UrokRecorder  *self,
                                                    const guint8  *data,
                                                    int            width,
                                                    int            height,
                                                    gsize          stride,
                                                    gint64         time_us);

/* Ends the recording: the streams are drained and the file finalised and
 * renamed into place.  Completes on the thread-default main context of
 * the start() call.  Fails with UROK_RECORDER_ERROR_NO_VIDEO (and leaves
 * no file) if no frame was ever pushed. */
void              urok_recorder_stop_async         (UrokRecorder       *self,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
gboolean          urok_recorder_stop_finish        (UrokRecorder  *self,
                                                    GAsyncResult  *result,
                                                    GError       **error);

UrokRecorderState urok_recorder_get_state          (UrokRecorder  *self);
/* Recorded time so far in microseconds, pauses excluded; after a stop,
 * the length of the last recording.  "notify::elapsed" comes four times a
 * second while recording. */
gint64            urok_recorder_get_elapsed        (UrokRecorder  *self);
/* The file being (or last) recorded, or NULL. */
const char       *urok_recorder_get_path           (UrokRecorder  *self);
const char       *urok_recorder_get_audio_source   (UrokRecorder  *self);

/* The tallest video recorded (frames are scaled down to fit); 0 keeps the
 * frames' own size.  Takes effect at the next start(). */
int               urok_recorder_get_max_height     (UrokRecorder  *self);
void              urok_recorder_set_max_height     (UrokRecorder  *self,
                                                    int            max_height);

G_END_DECLS
