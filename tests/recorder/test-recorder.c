/* test-recorder.c: recording the lesson to WebM: pause, a failing
 * microphone, irregular frames of changing size, stopping without frames,
 * a fatal error, wrong calls.  Every file is read back with GstDiscoverer
 * and demuxed to measure its tracks.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"
#include "recorder-test-util.h"

#include "urok-recorder-private.h"

/* audiotestsrc makes 10 ms buffers: the microphone fails after 0.5 s. */
#define LIVE_TONE        "audiotestsrc is-live=true wave=sine"
#define FAILING_TONE     LIVE_TONE " ! identity error-after=50"
#define TOLERANCE        (500 * GST_MSECOND)

typedef struct {
  UrokRecorder *recorder;
  GMainLoop    *loop;
  int           width;
  int           height;
  guint         frame_n;
  guint         feed_id;
  guint         n_warnings;
  guint         n_errors;
  GError       *warning;
  GError       *error;
  gint64        since;      /* when recording last (re)started */
  gint64        recorded;   /* µs recorded before that, as timed here */
  gboolean      stopped;
  gboolean      stop_ok;
  GError       *stop_error;
} Rec;

static void
warning_cb (UrokRecorder *recorder,
            GError       *warning,
            Rec          *rec)
{
  rec->n_warnings++;
  g_clear_error (&rec->warning);
  rec->warning = g_error_copy (warning);
  g_test_message ("warning: %s", warning->message);
}

static void
error_cb (UrokRecorder *recorder,
          GError       *error,
          Rec          *rec)
{
  rec->n_errors++;
  g_clear_error (&rec->error);
  rec->error = g_error_copy (error);
  g_test_message ("error: %s", error->message);
  g_main_loop_quit (rec->loop);
}

static Rec *
rec_new (const char *audio_source)
{
  Rec *rec = g_new0 (Rec, 1);

  rec->recorder = urok_recorder_new (audio_source);
  rec->loop = g_main_loop_new (NULL, FALSE);
  rec->width = 640;
  rec->height = 360;
  g_signal_connect (rec->recorder, "warning", G_CALLBACK (warning_cb), rec);
  g_signal_connect (rec->recorder, "error", G_CALLBACK (error_cb), rec);
  return rec;
}

static void
rec_free (Rec *rec)
{
  g_clear_handle_id (&rec->feed_id, g_source_remove);
  g_clear_object (&rec->recorder);
  g_clear_pointer (&rec->loop, g_main_loop_unref);
  g_clear_error (&rec->warning);
  g_clear_error (&rec->error);
  g_clear_error (&rec->stop_error);
  g_free (rec);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Rec, rec_free)

static void
rec_push (Rec *rec)
{
  gsize stride;
  g_autofree guint8 *data = rec_test_frame (rec->width, rec->height, rec->frame_n++, &stride);

  urok_recorder_push_frame (rec->recorder, data, rec->width, rec->height, stride, g_get_monotonic_time ());
}

static gboolean
feed_cb (gpointer user_data)
{
  rec_push (user_data);
  return G_SOURCE_CONTINUE;
}

/* Pushes a frame every @interval_ms from the main loop (0: stops). */
static void
rec_feed (Rec   *rec,
          guint  interval_ms)
{
  g_clear_handle_id (&rec->feed_id, g_source_remove);
  if (interval_ms > 0)
    rec->feed_id = g_timeout_add (interval_ms, feed_cb, rec);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
rec_wait (Rec   *rec,
          guint  ms)
{
  guint id = g_timeout_add (ms, quit_cb, rec->loop);

  g_main_loop_run (rec->loop);
  /* An error may have ended the wait early. */
  if (g_main_context_find_source_by_id (NULL, id) != NULL)
    g_source_remove (id);
}

static void
stopped_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Rec *rec = user_data;

  rec->stop_ok = urok_recorder_stop_finish (UROK_RECORDER (source), result, &rec->stop_error);
  rec->stopped = TRUE;
  g_main_loop_quit (rec->loop);
}

static gboolean
rec_stop (Rec *rec)
{
  if (rec->since != 0)
    rec->recorded += g_get_monotonic_time () - rec->since;
  rec->since = 0;
  rec->stopped = FALSE;
  urok_recorder_stop_async (rec->recorder, NULL, stopped_cb, rec);
  while (!rec->stopped)
    g_main_loop_run (rec->loop);
  return rec->stop_ok;
}

static void
rec_start (Rec        *rec,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  urok_recorder_start (rec->recorder, path, &error);
  rec->since = g_get_monotonic_time ();
  rec->recorded = 0;
  /* A missing element is named with its Debian package. */
  g_assert_no_error (error);
  g_assert_cmpint (urok_recorder_get_state (rec->recorder), ==, UROK_RECORDER_STATE_RECORDING);
}

/* Only the recording is left in the test's folder: no .part. */
static void
assert_only_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      g_assert_cmpstr (entry, ==, name);
      n++;
    }
  g_assert_cmpuint (n, ==, 1);
}

static gboolean
rec_pause (Rec     *rec,
           GError **error)
{
  gboolean ok = urok_recorder_pause (rec->recorder, error);

  if (ok)
    {
      rec->recorded += g_get_monotonic_time () - rec->since;
      rec->since = 0;
    }
  return ok;
}

static gboolean
rec_resume (Rec     *rec,
            GError **error)
{
  gboolean ok = urok_recorder_resume (rec->recorder, error);

  if (ok)
    rec->since = g_get_monotonic_time ();
  return ok;
}

static void
assert_near (GstClockTime value,
             GstClockTime expected,
             GstClockTime tolerance)
{
  g_test_message ("%" GST_TIME_FORMAT " (expected %" GST_TIME_FORMAT ")",
                  GST_TIME_ARGS (value), GST_TIME_ARGS (expected));
  g_assert_cmpuint (value, >=, expected - tolerance);
  g_assert_cmpuint (value, <=, expected + tolerance);
}

/* A constant 25 fps for @recorded_us. */
static void
assert_frames (guint  n_frames,
               gint64 recorded_us)
{
  guint expected = (guint) (recorded_us * UROK_RECORDER_FRAME_RATE / G_USEC_PER_SEC);

  g_test_message ("%u frames (expected %u)", n_frames, expected);
  g_assert_cmpuint (n_frames + 10, >=, expected);
  g_assert_cmpuint (n_frames, <=, expected + 10);
}

/* A WebM with VP8 video of @width × @height at 25 fps and Opus audio. */
static RecTestInfo
assert_webm (const char *path,
             guint       width,
             guint       height)
{
  RecTestInfo info = rec_test_discover (path);

  g_assert_cmpstr (info.error, ==, NULL);
  g_assert_true (info.ok);
  g_assert_cmpstr (info.container, ==, "video/webm");
  g_assert_cmpuint (info.n_video, ==, 1);
  g_assert_cmpuint (info.n_audio, ==, 1);
  g_assert_cmpstr (info.video_codec, ==, "video/x-vp8");
  g_assert_cmpstr (info.audio_codec, ==, "audio/x-opus");
  g_assert_cmpuint (info.width, ==, width);
  g_assert_cmpuint (info.height, ==, height);
  return info;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Paused, then stopped: the paused time is not in the file either. */
static void
test_stop_while_paused (void)
{
  g_autoptr(Rec) rec = rec_new (LIVE_TONE);
  g_autofree char *path = core_test_path ("lesson.webm");
  g_autoptr(GError) error = NULL;
  RecTestInfo info;
  RecTestTrack video, audio;
  guint n_elapsed = 0;

  g_signal_connect (rec->recorder, "notify::elapsed", G_CALLBACK (count_notify_cb), &n_elapsed);
  rec_start (rec, path);
  rec_push (rec);
  rec_feed (rec, 40);
  rec_wait (rec, 1000);
  /* Four times a second, for the UI's clock. */
  g_assert_cmpuint (n_elapsed, >=, 3);
  g_assert_true (rec_pause (rec, &error));
  n_elapsed = 0;
  rec_wait (rec, 700);
  g_assert_cmpuint (n_elapsed, ==, 0);
  rec_feed (rec, 0);
  g_assert_true (rec_stop (rec));
  /* The time the test spent recording, pauses left out. */
  assert_near (urok_recorder_get_elapsed (rec->recorder) * GST_USECOND, rec->recorded * GST_USECOND, 100 * GST_MSECOND);

  info = assert_webm (path, 640, 360);
  assert_near (info.duration, rec->recorded * GST_USECOND, TOLERANCE);
  rec_test_info_clear (&info);
  rec_test_tracks (path, &video, &audio);
  assert_near (video.end, rec->recorded * GST_USECOND, TOLERANCE);
  assert_near (audio.end, rec->recorded * GST_USECOND, TOLERANCE);
}

static void
test_available (void)
{
  g_autoptr(GError) error = NULL;

  /* Fails naming the Debian package of the missing element. */
  urok_recorder_check_available (&error);
  g_assert_no_error (error);
}

/* 1 s recorded, 1 s paused, 1 s recorded: 2 s in the file. */
static void
test_pause (void)
{
  g_autoptr(Rec) rec = rec_new (LIVE_TONE);
  g_autofree char *path = core_test_path ("lesson.webm");
  RecTestInfo info;
  RecTestTrack video, audio;
  g_autoptr(GError) error = NULL;
  gint64 at_pause;

  rec_start (rec, path);
  g_assert_cmpstr (urok_recorder_get_path (rec->recorder), ==, path);
  rec_push (rec);
  rec_feed (rec, 40);
  rec_wait (rec, 1000);

  g_assert_true (rec_pause (rec, &error));
  g_assert_no_error (error);
  g_assert_cmpint (urok_recorder_get_state (rec->recorder), ==, UROK_RECORDER_STATE_PAUSED);
  at_pause = urok_recorder_get_elapsed (rec->recorder);
  assert_near (at_pause * GST_USECOND, rec->recorded * GST_USECOND, 100 * GST_MSECOND);
  /* Frames keep coming while paused; they are not recorded. */
  rec_wait (rec, 1000);
  g_assert_cmpint (urok_recorder_get_elapsed (rec->recorder), ==, at_pause);
  g_assert_false (urok_recorder_pause (rec->recorder, &error));
  g_assert_error (error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_BUSY);
  g_clear_error (&error);

  g_assert_true (rec_resume (rec, &error));
  g_assert_no_error (error);
  rec_wait (rec, 1000);
  rec_feed (rec, 0);

  g_assert_true (rec_stop (rec));
  g_assert_no_error (rec->stop_error);
  g_assert_cmpint (urok_recorder_get_state (rec->recorder), ==, UROK_RECORDER_STATE_IDLE);
  assert_near (urok_recorder_get_elapsed (rec->recorder) * GST_USECOND, rec->recorded * GST_USECOND, 100 * GST_MSECOND);
  g_assert_cmpuint (rec->n_warnings, ==, 0);
  g_assert_cmpuint (rec->n_errors, ==, 0);
  assert_only_file (path);

  info = assert_webm (path, 640, 360);
  g_assert_cmpuint (info.fps_n, ==, UROK_RECORDER_FRAME_RATE);
  g_assert_cmpuint (info.fps_d, ==, 1);
  assert_near (info.duration, rec->recorded * GST_USECOND, TOLERANCE);
  rec_test_info_clear (&info);

  /* Both tracks run the whole 2 s; 25 frames a second. */
  rec_test_tracks (path, &video, &audio);
  assert_near (video.end, rec->recorded * GST_USECOND, TOLERANCE);
  assert_near (audio.end, rec->recorded * GST_USECOND, TOLERANCE);
  /* The pause leaves no hole and no overlap in either track. */
  g_test_message ("largest jump: video %" GST_TIME_FORMAT ", audio %" GST_TIME_FORMAT,
                  GST_TIME_ARGS (video.max_jump), GST_TIME_ARGS (audio.max_jump));
  g_assert_cmpuint (video.max_jump, <=, 5 * GST_MSECOND);
  g_assert_cmpuint (audio.max_jump, <=, 30 * GST_MSECOND);
  assert_frames (video.n_buffers, rec->recorded);
}

/* The microphone fails after 0.5 s: the recording goes on with silence,
 * the video lasts the whole 2 s. */
static void
test_microphone_fails (void)
{
  g_autoptr(Rec) rec = rec_new (FAILING_TONE);
  g_autofree char *path = core_test_path ("lesson.webm");
  RecTestInfo info;
  RecTestTrack video, audio;

  rec_start (rec, path);
  rec_push (rec);
  rec_feed (rec, 40);
  rec_wait (rec, 2000);
  rec_feed (rec, 0);

  g_assert_cmpuint (rec->n_warnings, ==, 1);
  g_assert_error (rec->warning, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_AUDIO);
  g_assert_cmpint (urok_recorder_get_state (rec->recorder), ==, UROK_RECORDER_STATE_RECORDING);
  g_assert_true (rec_stop (rec));
  g_assert_cmpuint (rec->n_errors, ==, 0);
  assert_only_file (path);

  info = assert_webm (path, 640, 360);
  assert_near (info.duration, rec->recorded * GST_USECOND, TOLERANCE);
  rec_test_info_clear (&info);
  rec_test_tracks (path, &video, &audio);
  assert_near (video.end, rec->recorded * GST_USECOND, TOLERANCE);
  /* The silence kept the audio track to the end. */
  assert_near (audio.end, rec->recorded * GST_USECOND, TOLERANCE);
}

/* A microphone that cannot even start: a warning, and silence. */
static void
test_no_microphone (void)
{
  const char *sources[] = {
    "pulsesrc server=unix:/nonexistent/urok-test",
    "urok-no-such-element",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(Rec) rec = rec_new (sources[i]);
      g_autofree char *name = g_strdup_printf ("lesson-%" G_GSIZE_FORMAT ".webm", i);
      g_autofree char *path = core_test_path (name);
      RecTestInfo info;

      g_test_message ("microphone: %s", sources[i]);
      rec_start (rec, path);
      g_assert_cmpuint (rec->n_warnings, ==, 1);
      g_assert_error (rec->warning, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_AUDIO);
      rec_push (rec);
      rec_feed (rec, 40);
      rec_wait (rec, 1000);
      rec_feed (rec, 0);
      g_assert_true (rec_stop (rec));
      g_assert_cmpuint (rec->n_errors, ==, 0);
      info = assert_webm (path, 640, 360);
      assert_near (info.duration, rec->recorded * GST_USECOND, TOLERANCE);
      rec_test_info_clear (&info);
    }
}

/* Frames now and then, of three sizes: a constant 25 fps video of the
 * first size. */
static void
test_irregular_frames (void)
{
  g_autoptr(Rec) rec = rec_new ("");
  g_autofree char *path = core_test_path ("lesson.webm");
  RecTestInfo info;
  RecTestTrack video, audio;
  const struct { guint wait_ms; int width, height; } frames[] = {
    { 0, 640, 360 }, { 30, 640, 360 }, { 500, 800, 600 }, { 20, 800, 600 },
    { 700, 321, 239 }, { 10, 640, 360 },
  };

  rec_start (rec, path);
  for (gsize i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      if (frames[i].wait_ms > 0)
        rec_wait (rec, frames[i].wait_ms);
      rec->width = frames[i].width;
      rec->height = frames[i].height;
      rec_push (rec);
    }
  /* The view stands still for the last 0.74 s. */
  rec_wait (rec, 740);
  g_assert_true (rec_stop (rec));
  g_assert_cmpuint (rec->n_errors, ==, 0);
  g_assert_cmpuint (rec->n_warnings, ==, 0);

  info = assert_webm (path, 640, 360);
  assert_near (info.duration, rec->recorded * GST_USECOND, TOLERANCE);
  rec_test_info_clear (&info);
  rec_test_tracks (path, &video, &audio);
  assert_near (video.end, rec->recorded * GST_USECOND, TOLERANCE);
  assert_frames (video.n_buffers, rec->recorded);
}

/* Frames larger than max-height are scaled down, keeping their aspect. */
static void
test_max_height (void)
{
  g_autoptr(Rec) rec = rec_new ("");
  g_autofree char *path = core_test_path ("lesson.webm");
  RecTestInfo info;

  g_assert_cmpint (urok_recorder_get_max_height (rec->recorder), ==, 1080);
  urok_recorder_set_max_height (rec->recorder, 240);
  rec->width = 1000;
  rec->height = 750;
  rec_start (rec, path);
  rec_push (rec);
  rec_wait (rec, 500);
  g_assert_true (rec_stop (rec));
  info = assert_webm (path, 320, 240);
  rec_test_info_clear (&info);
}

/* No frame, no file: a clear error, nothing left behind. */
static void
test_no_frame (void)
{
  g_autoptr(Rec) rec = rec_new (LIVE_TONE);
  g_autofree char *path = core_test_path ("lesson.webm");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = NULL;

  rec_start (rec, path);
  rec_wait (rec, 300);
  g_assert_false (rec_stop (rec));
  g_assert_error (rec->stop_error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_NO_VIDEO);
  g_assert_cmpint (urok_recorder_get_state (rec->recorder), ==, UROK_RECORDER_STATE_IDLE);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));

  /* The recorder records again afterwards. */
  rec_start (rec, path);
  rec_push (rec);
  rec_wait (rec, 300);
  g_assert_true (rec_stop (rec));
  assert_only_file (path);
}

/* The muxer fails mid-way: "error", and what was recorded is saved and
 * plays. */
static void
test_fatal_error (void)
{
  g_autoptr(Rec) rec = rec_new (LIVE_TONE);
  g_autofree char *path = core_test_path ("lesson.webm");
  g_autoptr(GstElement) mux = NULL;
  RecTestInfo info;

  rec_start (rec, path);
  rec_push (rec);
  rec_feed (rec, 40);
  rec_wait (rec, 1000);

  rec->recorded = g_get_monotonic_time () - rec->since;
  mux = gst_bin_get_by_name (GST_BIN (_urok_recorder_get_pipeline (rec->recorder)), "mux");
  GST_ELEMENT_ERROR (mux, RESOURCE, WRITE, ("Test: the disk is full"), (NULL));
  while (rec->n_errors == 0)
    g_main_loop_run (rec->loop);
  rec_feed (rec, 0);

  g_assert_error (rec->error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_FAILED);
  g_assert_nonnull (strstr (rec->error->message, "the disk is full"));
  g_assert_nonnull (strstr (rec->error->message, path));
  g_assert_cmpint (urok_recorder_get_state (rec->recorder), ==, UROK_RECORDER_STATE_IDLE);
  assert_only_file (path);
  info = assert_webm (path, 640, 360);
  assert_near (info.duration, rec->recorded * GST_USECOND, TOLERANCE);
  rec_test_info_clear (&info);
}

static void
test_wrong_calls (void)
{
  g_autoptr(Rec) rec = rec_new ("");
  g_autofree char *dir = core_test_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "lesson.webm", NULL);
  g_autofree char *path = g_build_filename (dir, "lesson.webm", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (urok_recorder_start (rec->recorder, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);
  g_assert_cmpint (urok_recorder_get_state (rec->recorder), ==, UROK_RECORDER_STATE_IDLE);

  g_assert_false (urok_recorder_resume (rec->recorder, &error));
  g_assert_error (error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (rec_stop (rec));
  g_assert_error (rec->stop_error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_BUSY);
  g_clear_error (&rec->stop_error);

  rec_start (rec, path);
  g_assert_false (urok_recorder_start (rec->recorder, path, &error));
  g_assert_error (error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_BUSY);
  g_clear_error (&error);

  /* Disposed mid-way, the recording stays as its .part, as after a crash. */
  rec_push (rec);
  rec_wait (rec, 200);
  g_clear_object (&rec->recorder);
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name = g_dir_read_name (listing);

    g_assert_nonnull (name);
    g_assert_true (g_str_has_prefix (name, "lesson.webm."));
    g_assert_true (g_str_has_suffix (name, ".part"));
    g_assert_null (g_dir_read_name (listing));
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/core/recorder/available", test_available);
  g_test_add_func ("/core/recorder/pause", test_pause);
  g_test_add_func ("/core/recorder/stop-while-paused", test_stop_while_paused);
  g_test_add_func ("/core/recorder/microphone-fails", test_microphone_fails);
  g_test_add_func ("/core/recorder/no-microphone", test_no_microphone);
  g_test_add_func ("/core/recorder/irregular-frames", test_irregular_frames);
  g_test_add_func ("/core/recorder/max-height", test_max_height);
  g_test_add_func ("/core/recorder/no-frame", test_no_frame);
  g_test_add_func ("/core/recorder/fatal-error", test_fatal_error);
  g_test_add_func ("/core/recorder/wrong-calls", test_wrong_calls);

  ret = core_test_run ();
  gst_deinit ();
  return ret;
}
