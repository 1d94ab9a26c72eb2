/* urok-recorder-pipeline.c: the recorder's GStreamer pipeline, and the
 * elements it needs with the Debian packages that have them.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "urok-recorder-private.h"

/* The encoders are tuned for real time: VP8's realtime deadline, no
 * look-ahead, a key frame every 5 s for seeking; Opus for speech. */
#define PIPELINE_DESCRIPTION \
  "appsrc name=video format=time is-live=true do-timestamp=false" \
  "  max-buffers=8 max-bytes=0 leaky-type=downstream" \
  " ! videoconvert ! videoscale ! capsfilter name=size ! videorate" \
  " ! video/x-raw,framerate=%d/1" \
  " ! queue max-size-buffers=0 max-size-bytes=0 max-size-time=2000000000" \
  " ! vp8enc deadline=1 cpu-used=16 threads=2 token-partitions=1 lag-in-frames=0" \
  "   end-usage=vbr target-bitrate=2000000 keyframe-max-dist=125" \
  " ! queue max-size-buffers=0 max-size-bytes=0 max-size-time=30000000000 ! mux." \
  " audiotestsrc name=silence wave=silence is-live=true" \
  " ! audiomixer name=mixer" \
  " ! audio/x-raw,format=S16LE,rate=48000,channels=2,layout=interleaved" \
  " ! opusenc bitrate=64000 audio-type=voice" \
  " ! queue max-size-buffers=0 max-size-bytes=0 max-size-time=30000000000 ! mux." \
  " webmmux name=mux ! filesink name=sink"

/* Every element a recording needs, and the Debian package that has it. */
static const struct {
  const char *factory;
  const char *package;
} required_elements[] = {
  { "appsrc", "gstreamer1.0-plugins-base" },
  { "videoconvert", "gstreamer1.0-plugins-base" },
  { "videoscale", "gstreamer1.0-plugins-base" },
  { "videorate", "gstreamer1.0-plugins-base" },
  { "audiotestsrc", "gstreamer1.0-plugins-base" },
  { "audioconvert", "gstreamer1.0-plugins-base" },
  { "audioresample", "gstreamer1.0-plugins-base" },
  { "audiomixer", "gstreamer1.0-plugins-base" },
  { "opusenc", "gstreamer1.0-plugins-base" },
  { "vp8enc", "gstreamer1.0-plugins-good" },
  { "webmmux", "gstreamer1.0-plugins-good" },
  { "queue", "libgstreamer1.0-0" },
  { "capsfilter", "libgstreamer1.0-0" },
  { "filesink", "libgstreamer1.0-0" },
};

gboolean
urok_recorder_check_available (GError **error)
{
  g_autoptr(GError) init_error = NULL;

  if (!gst_init_check (NULL, NULL, &init_error))
    {
      g_set_error (error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_FAILED,
                   _("Cannot record: GStreamer does not start: %s"), init_error->message);
      return FALSE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (required_elements); i++)
    {
      g_autoptr(GstElementFactory) factory = gst_element_factory_find (required_elements[i].factory);

      if (factory == NULL)
        {
          g_set_error (error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_MISSING_ELEMENT,
                       _("Cannot record: the GStreamer element “%s” is missing; install the package %s"),
                       required_elements[i].factory, required_elements[i].package);
          return FALSE;
        }
    }
  return TRUE;
}

/* Audio from the mixer (whose time is the running time) in recorded
 * time: dropped in a pause, shifted back by the pauses before it. */
static GstPadProbeReturn
audio_time_cb (GstPad          *pad,
               GstPadProbeInfo *info,
               gpointer         user_data)
{
  UrokFrameFeed *feed = user_data;
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);
  GstClockTime recorded;

  if (!GST_BUFFER_PTS_IS_VALID (buffer))
    return GST_PAD_PROBE_OK;
  recorded = _urok_frame_feed_recorded_time (feed, GST_BUFFER_PTS (buffer));
  if (!GST_CLOCK_TIME_IS_VALID (recorded))
    return GST_PAD_PROBE_DROP;
  if (recorded != GST_BUFFER_PTS (buffer))
    {
      buffer = gst_buffer_make_writable (buffer);
      GST_BUFFER_PTS (buffer) = recorded;
      GST_PAD_PROBE_INFO_DATA (info) = buffer;
    }
  return GST_PAD_PROBE_OK;
}

GstElement *
_urok_recorder_pipeline_new (const char     *part_path,
                             int             max_height,
                             UrokFrameFeed **feed,
                             GError        **error)
{
  g_autofree char *description = g_strdup_printf (PIPELINE_DESCRIPTION, UROK_RECORDER_FRAME_RATE);
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GstElement) appsrc = NULL;
  g_autoptr(GstElement) size = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstClock) clock = NULL;
  g_autoptr(GstElement) mixer = NULL;
  g_autoptr(GstPad) mixer_src = NULL;
  GstElement *pipeline;

  pipeline = gst_parse_launch_full (description, NULL, GST_PARSE_FLAG_FATAL_ERRORS, &parse_error);
  if (pipeline == NULL)
    {
      g_set_error (error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_FAILED,
                   _("Cannot record: %s"), parse_error->message);
      return NULL;
    }
  gst_object_ref_sink (pipeline);
  gst_object_set_name (GST_OBJECT (pipeline), "recorder");

  /* Frames are timed on the monotonic clock; a microphone's own clock
   * would drift from it. */
  clock = gst_system_clock_obtain ();
  gst_pipeline_use_clock (GST_PIPELINE (pipeline), clock);

  appsrc = gst_bin_get_by_name (GST_BIN (pipeline), "video");
  size = gst_bin_get_by_name (GST_BIN (pipeline), "size");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (sink, "location", part_path, NULL);
  *feed = _urok_frame_feed_new (pipeline, appsrc, size, max_height);

  mixer = gst_bin_get_by_name (GST_BIN (pipeline), "mixer");
  mixer_src = gst_element_get_static_pad (mixer, "src");
  gst_pad_add_probe (mixer_src, GST_PAD_PROBE_TYPE_BUFFER, audio_time_cb,
                     _urok_frame_feed_ref (*feed), (GDestroyNotify) _urok_frame_feed_unref);
  return pipeline;
}

