/* bench-recorder.c: what recording costs with 1080p frames at 25 fps,
 * every frame different (a video playing in the audience view, the worst
 * case), recorded at the default (full 1080p) and scaled to 720p.
 *
 * BENCH recorder.<size>.cpu      CPU seconds used per second recorded
 *                                (2.0 = both cores of a 2-core machine)
 * BENCH recorder.<size>.drain    time stop() took to finish the file:
 *                                the encoder's backlog
 * BENCH recorder.<size>.rtf      seconds recorded / seconds to record and
 *                                finish them (< 1: the encoder lags)
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "recorder-test-util.h"

#define SECONDS   6
#define N_FRAMES  25

typedef struct {
  GMainLoop     *loop;
  UrokRecorder  *recorder;
  guint8        *frames[N_FRAMES];
  gsize          stride;
  guint          n;
  gboolean       stopped;
} Bench;

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static gboolean
push_cb (gpointer user_data)
{
  Bench *bench = user_data;

  urok_recorder_push_frame (bench->recorder, bench->frames[bench->n++ % N_FRAMES],
                            1920, 1080, bench->stride, -1);
  return G_SOURCE_CONTINUE;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
stopped_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Bench *bench = user_data;
  g_autoptr(GError) error = NULL;

  if (!urok_recorder_stop_finish (UROK_RECORDER (source), result, &error))
    g_error ("stop: %s", error->message);
  bench->stopped = TRUE;
  g_main_loop_quit (bench->loop);
}

static void
run (Bench      *bench,
     const char *name,
     int         max_height,
     const char *path)
{
  g_autoptr(GError) error = NULL;
  double cpu0, cpu1;
  gint64 t0, t_stop, t_done;
  guint push_id;

  bench->recorder = urok_recorder_new ("audiotestsrc is-live=true");
  urok_recorder_set_max_height (bench->recorder, max_height);
  cpu0 = cpu_seconds ();
  t0 = g_get_monotonic_time ();
  if (!urok_recorder_start (bench->recorder, path, &error))
    g_error ("start: %s", error->message);
  push_id = g_timeout_add (1000 / UROK_RECORDER_FRAME_RATE, push_cb, bench);
  g_timeout_add_seconds (SECONDS, quit_cb, bench->loop);
  g_main_loop_run (bench->loop);
  g_source_remove (push_id);

  t_stop = g_get_monotonic_time ();
  bench->stopped = FALSE;
  urok_recorder_stop_async (bench->recorder, NULL, stopped_cb, bench);
  while (!bench->stopped)
    g_main_loop_run (bench->loop);
  t_done = g_get_monotonic_time ();
  cpu1 = cpu_seconds ();

  g_print ("BENCH recorder.%s.cpu %.2f s/s\n", name, (cpu1 - cpu0) / ((t_stop - t0) / 1e6));
  g_print ("BENCH recorder.%s.drain %.0f ms\n", name, (t_done - t_stop) / 1e3);
  g_print ("BENCH recorder.%s.rtf %.2f x\n", name, (double) (t_stop - t0) / (t_done - t0));
  g_clear_object (&bench->recorder);
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0, };
  g_autofree char *dir = g_dir_make_tmp ("urok-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.webm", NULL);

  gst_init (&argc, &argv);
  bench.loop = g_main_loop_new (NULL, FALSE);
  for (guint i = 0; i < N_FRAMES; i++)
    bench.frames[i] = rec_test_frame (1920, 1080, i * 40, &bench.stride);

  run (&bench, "1080p", 1080, path);
  run (&bench, "1080p_to_720p", 720, path);

  g_unlink (path);
  g_rmdir (dir);
  for (guint i = 0; i < N_FRAMES; i++)
    g_free (bench.frames[i]);
  g_main_loop_unref (bench.loop);
  return 0;
}
