/* recorder-test-util.h: synthetic frames, a main loop that feeds them, and
 * what a recorded file holds (read back with GstDiscoverer and a demuxer),
 * for the recorder's test and benchmark.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <string.h>

#include "urok-recorder.h"

/* A grey frame with a white square that moves with @n. */
static inline guint8 *
rec_test_frame (int    width,
                int    height,
                guint  n,
                gsize *stride)
{
  int side = MAX (4, height / 5);
  int x0 = (int) ((n * 7) % (guint) MAX (1, width - side));
  int y0 = (height - side) / 2;
  guint8 *data;

  *stride = (gsize) width * 4 + 16; /* padded rows, as textures may have */
  data = g_malloc (*stride * height);
  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (gpointer) (data + y * *stride);

      for (int x = 0; x < width; x++)
        {
          gboolean inside = x >= x0 && x < x0 + side && y >= y0 && y < y0 + side;

          row[x] = inside ? 0xffffffff : 0xff404860;
        }
    }
  return data;
}

typedef struct {
  gboolean     ok;
  char        *container;   /* caps name */
  char        *video_codec;
  char        *audio_codec;
  guint        n_video;
  guint        n_audio;
  guint        width;
  guint        height;
  guint        fps_n;
  guint        fps_d;
  GstClockTime duration;
  char        *error;
} RecTestInfo;

static inline void
rec_test_info_clear (RecTestInfo *info)
{
  g_free (info->container);
  g_free (info->video_codec);
  g_free (info->audio_codec);
  g_free (info->error);
}

static inline char *
rec_test_caps_name (GstCaps *caps)
{
  return caps != NULL && gst_caps_get_size (caps) > 0
         ? g_strdup (gst_structure_get_name (gst_caps_get_structure (caps, 0)))
         : NULL;
}

/* What GstDiscoverer finds in @path. */
static inline RecTestInfo
rec_test_discover (const char *path)
{
  RecTestInfo info = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GstDiscoverer) discoverer = gst_discoverer_new (10 * GST_SECOND, &error);
  g_autoptr(GstDiscovererInfo) result = NULL;
  g_autoptr(GstDiscovererStreamInfo) top = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GList *videos, *audios;

  g_assert_no_error (error);
  result = gst_discoverer_discover_uri (discoverer, uri, &error);
  if (result == NULL || gst_discoverer_info_get_result (result) != GST_DISCOVERER_OK)
    {
      info.error = g_strdup (error != NULL ? error->message : "not discovered");
      return info;
    }
  info.ok = TRUE;
  top = gst_discoverer_info_get_stream_info (result);
  if (GST_IS_DISCOVERER_CONTAINER_INFO (top))
    {
      g_autoptr(GstCaps) caps = gst_discoverer_stream_info_get_caps (top);

      info.container = rec_test_caps_name (caps);
    }
  videos = gst_discoverer_info_get_video_streams (result);
  audios = gst_discoverer_info_get_audio_streams (result);
  info.n_video = g_list_length (videos);
  info.n_audio = g_list_length (audios);
  if (videos != NULL)
    {
      GstDiscovererVideoInfo *video = videos->data;
      g_autoptr(GstCaps) caps = gst_discoverer_stream_info_get_caps (videos->data);

      info.video_codec = rec_test_caps_name (caps);
      info.width = gst_discoverer_video_info_get_width (video);
      info.height = gst_discoverer_video_info_get_height (video);
      info.fps_n = gst_discoverer_video_info_get_framerate_num (video);
      info.fps_d = gst_discoverer_video_info_get_framerate_denom (video);
    }
  if (audios != NULL)
    {
      g_autoptr(GstCaps) caps = gst_discoverer_stream_info_get_caps (audios->data);

      info.audio_codec = rec_test_caps_name (caps);
    }
  gst_discoverer_stream_info_list_free (videos);
  gst_discoverer_stream_info_list_free (audios);
  info.duration = gst_discoverer_info_get_duration (result);
  return info;
}

typedef struct {
  guint        n_buffers;
  GstClockTime first;
  GstClockTime end;         /* the last buffer's pts + duration */
  GstClockTime max_jump;    /* the largest gap or overlap between buffers */
} RecTestTrack;

static inline RecTestTrack
rec_test_pull_track (GstElement *sink)
{
  RecTestTrack track = { 0, GST_CLOCK_TIME_NONE, 0, 0 };
  GstClockTime previous_end = GST_CLOCK_TIME_NONE;
  GstSample *sample;

  while ((sample = gst_app_sink_pull_sample (GST_APP_SINK (sink))) != NULL)
    {
      GstBuffer *buffer = gst_sample_get_buffer (sample);
      GstClockTime pts = GST_BUFFER_PTS (buffer);
      GstClockTime duration = GST_BUFFER_DURATION (buffer);

      if (GST_CLOCK_TIME_IS_VALID (pts))
        {
          if (!GST_CLOCK_TIME_IS_VALID (track.first))
            track.first = pts;
          if (GST_CLOCK_TIME_IS_VALID (previous_end))
            track.max_jump = MAX (track.max_jump, pts > previous_end ? pts - previous_end : previous_end - pts);
          previous_end = pts + (GST_CLOCK_TIME_IS_VALID (duration) ? duration : 0);
          track.end = MAX (track.end, pts + (GST_CLOCK_TIME_IS_VALID (duration) ? duration : 0));
        }
      track.n_buffers++;
      gst_sample_unref (sample);
    }
  return track;
}

/* Demuxes @path: the video and the audio track's buffers and extent. */
static inline void
rec_test_tracks (const char   *path,
                 RecTestTrack *video,
                 RecTestTrack *audio)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) vsink = NULL;
  g_autoptr(GstElement) asink = NULL;

  description = g_strdup_printf ("filesrc name=src ! matroskademux name=d"
                                 " d.video_0 ! queue ! appsink name=v sync=false"
                                 " d.audio_0 ! queue ! appsink name=a sync=false");
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  gst_object_ref_sink (pipeline);
  {
    g_autoptr(GstElement) src = gst_bin_get_by_name (GST_BIN (pipeline), "src");

    g_object_set (src, "location", path, NULL);
  }
  vsink = gst_bin_get_by_name (GST_BIN (pipeline), "v");
  asink = gst_bin_get_by_name (GST_BIN (pipeline), "a");
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  *video = rec_test_pull_track (vsink);
  *audio = rec_test_pull_track (asink);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}
