/* urok-recorder-private.h: the recorder's frame feed and test hooks.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gst/gst.h>

#include "urok-recorder.h"

G_BEGIN_DECLS

/* Feeds the video appsrc: copies the caller's frames, timestamps them in
 * the pipeline's running time and repeats the last one from the clock's
 * thread when the view stands still, so that the muxer (which waits for
 * every stream) keeps going and the video lasts as long as the audio.
 * Reference counted: the clock's thread may outlive the recorder's hold. */
typedef struct _UrokFrameFeed UrokFrameFeed;

UrokFrameFeed *_urok_frame_feed_new         (GstElement    *pipeline,
                                             GstElement    *appsrc,
                                             GstElement    *size_filter,
                                             int            max_height);
UrokFrameFeed *_urok_frame_feed_ref         (UrokFrameFeed *feed);
void           _urok_frame_feed_unref       (UrokFrameFeed *feed);
/* While running, frames are pushed and the clock repeats the last one. */
void           _urok_frame_feed_set_running (UrokFrameFeed *feed,
                                             gboolean       running);
void           _urok_frame_feed_push        (UrokFrameFeed *feed,
                                             const guint8  *data,
                                             int            width,
                                             int            height,
                                             gsize          stride,
                                             gint64         time_us);
/* Pushes the last frame again, timestamped now (resume, stop). */
void           _urok_frame_feed_repeat_now  (UrokFrameFeed *feed);
gboolean       _urok_frame_feed_has_frame   (UrokFrameFeed *feed);
/* The recorded time now: the pipeline's running time less the pauses. */
GstClockTime   _urok_frame_feed_now         (UrokFrameFeed *feed);
/* @running_time as recorded time, or GST_CLOCK_TIME_NONE in a pause. */
GstClockTime   _urok_frame_feed_recorded_time (UrokFrameFeed *feed,
                                               GstClockTime   running_time);
/* A pause starts (frames are kept, not pushed) or ends now. */
void           _urok_frame_feed_pause       (UrokFrameFeed *feed);
void           _urok_frame_feed_resume      (UrokFrameFeed *feed);
/* Ends the clock's repeating; the feed pushes nothing more. */
void           _urok_frame_feed_shutdown    (UrokFrameFeed *feed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokFrameFeed, _urok_frame_feed_unref)

/* The recording pipeline, writing to @part_path, with the feed of its
 * video (urok-recorder-pipeline.c has the drawing). */
GstElement    *_urok_recorder_pipeline_new  (const char     *part_path,
                                             int             max_height,
                                             UrokFrameFeed **feed,
                                             GError        **error);

/* Tests: the running pipeline (elements named "mux", "video", "mixer",
 * "microphone"), or NULL when idle. */
GstElement    *_urok_recorder_get_pipeline  (UrokRecorder  *self);

G_END_DECLS
