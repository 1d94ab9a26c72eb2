/* urok-recorder-feed.c: the recorder's video input: the caller's frames,
 * copied, timestamped in the pipeline's running time, and the last one
 * repeated when the view stands still.
 *
 * The presentation pushes a frame only when its view changes, maybe once
 * a minute.  The WebM muxer interleaves by time and waits for every stream,
 * so without repeats the audio would pile up in front of it and the video
 * would end at the last change.  videorate downstream turns whatever comes
 * into a constant rate.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gst/app/gstappsrc.h>
#include <string.h>

#include "urok-recorder-private.h"

/* How often the clock looks, and how long a frame stands before it is
 * pushed again.  videorate fills the time between at the full rate. */
#define TICK_INTERVAL (100 * GST_MSECOND)
#define REPEAT_AFTER  (200 * GST_MSECOND)

/* CAIRO_FORMAT_ARGB32 is a native-endian 32-bit word. */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
# define FRAME_FORMAT "BGRA"
#else
# define FRAME_FORMAT "ARGB"
#endif

struct _UrokFrameFeed
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  GstElement      *pipeline;
  GstElement      *appsrc;
  GstElement      *size_filter;
  int              max_height;
  GstClock        *clock;
  GstClockID       tick_id;

  /* Under the lock: the clock's thread reads them too. */
  gboolean         running;
  GstBuffer       *frame;
  GstCaps         *caps;
  int              frame_width;
  int              frame_height;
  gboolean         sized;
  GstClockTime     last_pts;
  /* The pauses, in the pipeline's running time: the pipeline plays on
   * through them (a live audiomixer loses its timing when paused), and
   * what comes in them is dropped and the rest shifted back. */
  GArray          *pauses;        /* closed ones: start, end, start, end... */
  GstClockTime     pause_start;   /* GST_CLOCK_TIME_NONE unless paused */
  GstClockTime     paused_total;
};

static GstClockTime
running_time_now (UrokFrameFeed *feed)
{
  GstClockTime now = gst_clock_get_time (feed->clock);
  GstClockTime base = gst_element_get_base_time (feed->pipeline);

  return now > base ? now - base : 0;
}

static GstClockTime
recorded_time_locked (UrokFrameFeed *feed,
                      GstClockTime   running_time)
{
  GstClockTime shift = 0;

  if (GST_CLOCK_TIME_IS_VALID (feed->pause_start) && running_time >= feed->pause_start)
    return GST_CLOCK_TIME_NONE;
  for (guint i = 0; i + 1 < feed->pauses->len; i += 2)
    {
      GstClockTime start = g_array_index (feed->pauses, GstClockTime, i);
      GstClockTime end = g_array_index (feed->pauses, GstClockTime, i + 1);

      if (running_time >= end)
        shift += end - start;
      else if (running_time >= start)
        return GST_CLOCK_TIME_NONE;
    }
  return running_time - shift;
}

static GstClockTime
now_locked (UrokFrameFeed *feed)
{
  GstClockTime at = GST_CLOCK_TIME_IS_VALID (feed->pause_start)
                    ? feed->pause_start : running_time_now (feed);

  return at > feed->paused_total ? at - feed->paused_total : 0;
}

GstClockTime
_urok_frame_feed_now (UrokFrameFeed *feed)
{
  GstClockTime now;

  g_mutex_lock (&feed->lock);
  now = now_locked (feed);
  g_mutex_unlock (&feed->lock);
  return now;
}

GstClockTime
_urok_frame_feed_recorded_time (UrokFrameFeed *feed,
                                GstClockTime   running_time)
{
  GstClockTime recorded;

  g_mutex_lock (&feed->lock);
  recorded = recorded_time_locked (feed, running_time);
  g_mutex_unlock (&feed->lock);
  return recorded;
}

void
_urok_frame_feed_pause (UrokFrameFeed *feed)
{
  g_mutex_lock (&feed->lock);
  if (!GST_CLOCK_TIME_IS_VALID (feed->pause_start))
    feed->pause_start = running_time_now (feed);
  g_mutex_unlock (&feed->lock);
}

void
_urok_frame_feed_resume (UrokFrameFeed *feed)
{
  g_mutex_lock (&feed->lock);
  if (GST_CLOCK_TIME_IS_VALID (feed->pause_start))
    {
      GstClockTime end = MAX (running_time_now (feed), feed->pause_start);

      g_array_append_val (feed->pauses, feed->pause_start);
      g_array_append_val (feed->pauses, end);
      feed->paused_total += end - feed->pause_start;
      feed->pause_start = GST_CLOCK_TIME_NONE;
    }
  g_mutex_unlock (&feed->lock);
}

static void
push_locked (UrokFrameFeed *feed,
             GstClockTime   pts)
{
  GstBuffer *buffer;
  GstSample *sample;

  /* videorate drops frames that go back in time; a frame shown with an
   * older time than the last repeat still has to replace it. */
  if (GST_CLOCK_TIME_IS_VALID (feed->last_pts) && pts <= feed->last_pts)
    pts = feed->last_pts + 1;

  /* A shallow copy: the repeated frame shares its pixels. */
  buffer = gst_buffer_copy (feed->frame);
  GST_BUFFER_PTS (buffer) = pts;
  GST_BUFFER_DTS (buffer) = GST_CLOCK_TIME_NONE;
  GST_BUFFER_DURATION (buffer) = GST_CLOCK_TIME_NONE;
  sample = gst_sample_new (buffer, feed->caps, NULL, NULL);
  gst_app_src_push_sample (GST_APP_SRC (feed->appsrc), sample);
  gst_sample_unref (sample);
  gst_buffer_unref (buffer);
  feed->last_pts = pts;
}

static gboolean
tick_cb (GstClock     *clock,
         GstClockTime  time,
         GstClockID    id,
         gpointer      user_data)
{
  UrokFrameFeed *feed = user_data;

  g_mutex_lock (&feed->lock);
  if (feed->running && feed->frame != NULL && !GST_CLOCK_TIME_IS_VALID (feed->pause_start))
    {
      GstClockTime now = now_locked (feed);

      if (!GST_CLOCK_TIME_IS_VALID (feed->last_pts) || now >= feed->last_pts + REPEAT_AFTER)
        push_locked (feed, now);
    }
  g_mutex_unlock (&feed->lock);
  return TRUE;
}

UrokFrameFeed *
_urok_frame_feed_new (GstElement *pipeline,
                      GstElement *appsrc,
                      GstElement *size_filter,
                      int         max_height)
{
  UrokFrameFeed *feed = g_new0 (UrokFrameFeed, 1);

  g_atomic_ref_count_init (&feed->ref_count);
  g_mutex_init (&feed->lock);
  feed->pipeline = gst_object_ref (pipeline);
  feed->appsrc = gst_object_ref (appsrc);
  feed->size_filter = gst_object_ref (size_filter);
  feed->max_height = max_height;
  feed->last_pts = GST_CLOCK_TIME_NONE;
  feed->pauses = g_array_new (FALSE, FALSE, sizeof (GstClockTime));
  feed->pause_start = GST_CLOCK_TIME_NONE;
  /* The pipeline runs on the system clock (the recorder sets it), whose
   * monotonic time is g_get_monotonic_time()'s, the frames' clock. */
  feed->clock = gst_system_clock_obtain ();
  feed->tick_id = gst_clock_new_periodic_id (feed->clock,
                                             gst_clock_get_time (feed->clock) + TICK_INTERVAL,
                                             TICK_INTERVAL);
  /* The clock's thread holds a reference until shutdown unschedules it. */
  gst_clock_id_wait_async (feed->tick_id, tick_cb, _urok_frame_feed_ref (feed),
                           (GDestroyNotify) _urok_frame_feed_unref);
  return feed;
}

UrokFrameFeed *
_urok_frame_feed_ref (UrokFrameFeed *feed)
{
  g_atomic_ref_count_inc (&feed->ref_count);
  return feed;
}

void
_urok_frame_feed_unref (UrokFrameFeed *feed)
{
  if (!g_atomic_ref_count_dec (&feed->ref_count))
    return;

  g_assert (feed->tick_id == NULL);
  gst_clear_buffer (&feed->frame);
  gst_clear_caps (&feed->caps);
  g_array_unref (feed->pauses);
  gst_clear_object (&feed->clock);
  gst_clear_object (&feed->size_filter);
  gst_clear_object (&feed->appsrc);
  gst_clear_object (&feed->pipeline);
  g_mutex_clear (&feed->lock);
  g_free (feed);
}

void
_urok_frame_feed_shutdown (UrokFrameFeed *feed)
{
  GstClockID id;

  g_mutex_lock (&feed->lock);
  feed->running = FALSE;
  id = g_steal_pointer (&feed->tick_id);
  g_mutex_unlock (&feed->lock);

  if (id != NULL)
    {
      gst_clock_id_unschedule (id);
      gst_clock_id_unref (id);
    }
}

void
_urok_frame_feed_set_running (UrokFrameFeed *feed,
                              gboolean       running)
{
  g_mutex_lock (&feed->lock);
  feed->running = running && feed->tick_id != NULL;
  g_mutex_unlock (&feed->lock);
}

gboolean
_urok_frame_feed_has_frame (UrokFrameFeed *feed)
{
  gboolean has_frame;

  g_mutex_lock (&feed->lock);
  has_frame = feed->frame != NULL;
  g_mutex_unlock (&feed->lock);
  return has_frame;
}

void
_urok_frame_feed_repeat_now (UrokFrameFeed *feed)
{
  g_mutex_lock (&feed->lock);
  if (feed->running && feed->frame != NULL)
    push_locked (feed, now_locked (feed));
  g_mutex_unlock (&feed->lock);
}

/* The first frame fixes the recording's size: its own, scaled down to fit
 * max_height; even, as the encoder's 4:2:0 chroma wants. */
static void
fix_size_locked (UrokFrameFeed *feed,
                 int            width,
                 int            height)
{
  g_autoptr(GstCaps) caps = NULL;
  double scale = 1.0;
  int out_width, out_height;

  if (feed->max_height > 0 && height > feed->max_height)
    scale = (double) feed->max_height / height;
  out_width = MAX (2, ((int) (width * scale + 0.5)) & ~1);
  out_height = MAX (2, ((int) (height * scale + 0.5)) & ~1);
  caps = gst_caps_new_simple ("video/x-raw",
                              "width", G_TYPE_INT, out_width,
                              "height", G_TYPE_INT, out_height,
                              "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
                              NULL);
  g_object_set (feed->size_filter, "caps", caps, NULL);
  feed->sized = TRUE;
}

static GstBuffer *
copy_frame (const guint8 *data,
            int           width,
            int           height,
            gsize         stride)
{
  gsize row = (gsize) width * 4;
  GstBuffer *buffer = gst_buffer_new_allocate (NULL, row * height, NULL);
  GstMapInfo map;

  if (!gst_buffer_map (buffer, &map, GST_MAP_WRITE))
    g_error ("Cannot map a new buffer of %" G_GSIZE_FORMAT " bytes", row * height);
  if (stride == row)
    memcpy (map.data, data, row * height);
  else
    for (int y = 0; y < height; y++)
      memcpy (map.data + y * row, data + y * stride, row);
  gst_buffer_unmap (buffer, &map);
  return buffer;
}

void
_urok_frame_feed_push (UrokFrameFeed *feed,
                       const guint8  *data,
                       int            width,
                       int            height,
                       gsize          stride,
                       gint64         time_us)
{
  GstBuffer *buffer;
  GstClockTime now;
  GstClockTime pts;

  g_mutex_lock (&feed->lock);
  if (!feed->running)
    {
      g_mutex_unlock (&feed->lock);
      return;
    }
  g_mutex_unlock (&feed->lock);

  /* The copy (8 MB at 1080p) is made outside the lock, so that the clock's
   * thread is not held up by it. */
  buffer = copy_frame (data, width, height, stride);

  g_mutex_lock (&feed->lock);
  if (!feed->running)
    {
      g_mutex_unlock (&feed->lock);
      gst_buffer_unref (buffer);
      return;
    }
  if (!feed->sized)
    fix_size_locked (feed, width, height);
  if (feed->caps == NULL || width != feed->frame_width || height != feed->frame_height)
    {
      gst_clear_caps (&feed->caps);
      feed->caps = gst_caps_new_simple ("video/x-raw",
                                        "format", G_TYPE_STRING, FRAME_FORMAT,
                                        "width", G_TYPE_INT, width,
                                        "height", G_TYPE_INT, height,
                                        "framerate", GST_TYPE_FRACTION, 0, 1,
                                        "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
                                        NULL);
      feed->frame_width = width;
      feed->frame_height = height;
    }
  gst_clear_buffer (&feed->frame);
  feed->frame = buffer;

  /* The time it was shown, unless that is in the future, in a pause, or
   * before the recording (or the last frame) began; a frame shown while
   * paused is pushed (by resume) as the start of what follows. */
  now = now_locked (feed);
  pts = now;
  if (time_us >= 0 && !GST_CLOCK_TIME_IS_VALID (feed->pause_start))
    {
      GstClockTime shown = (GstClockTime) time_us * GST_USECOND;
      GstClockTime base = gst_element_get_base_time (feed->pipeline);
      GstClockTime recorded = recorded_time_locked (feed, shown > base ? shown - base : 0);

      if (GST_CLOCK_TIME_IS_VALID (recorded))
        pts = MIN (recorded, now);
    }
  if (GST_CLOCK_TIME_IS_VALID (feed->pause_start))
    {
      g_mutex_unlock (&feed->lock);
      return;
    }
  push_locked (feed, pts);
  g_mutex_unlock (&feed->lock);
}
