/* test-lesson-recording.c: what the class sees, recorded from a real widget.
 *
 * A window whose picture changes is recorded with a silent microphone; the
 * file must be a WebM of the widget's size, about as long as the recording,
 * and frames must have been taken only when the view changed.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gst/gst.h>

#include "recorder-test-util.h"
#include "urok-lesson-recording.h"
#include "ui-test-util.h"

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
} StopResult;

static void
stop_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  StopResult *stop = user_data;

  stop->ok = urok_lesson_recording_stop_finish (UROK_LESSON_RECORDING (source), result, &stop->error);
  stop->done = TRUE;
}

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_records_view (void)
{
  g_autofree char *dir = ui_test_isolate_dirs ();
  g_autofree char *path = g_build_filename (dir, "lesson.webm", NULL);
  g_autoptr(UrokLessonRecording) recording = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("0");
  StopResult stop = { 0 };
  RecTestInfo info;
  guint frames_while_changing, frames_still;

  gtk_window_set_default_size (GTK_WINDOW (window), 320, 240);
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_frames (window, 3);

  /* "" = silence only: the test machine has no microphone. */
  recording = urok_lesson_recording_new (label, "");
  g_assert_true (urok_lesson_recording_start (recording, path, &error));
  g_assert_no_error (error);

  for (int i = 1; i <= 8; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", i);

      gtk_label_set_text (GTK_LABEL (label), text);
      run_for (125);
    }
  frames_while_changing = urok_lesson_recording_get_n_frames (recording);
  g_assert_cmpuint (frames_while_changing, >=, 8);

  /* A still view costs no captures: the recorder repeats the last frame. */
  run_for (500);
  frames_still = urok_lesson_recording_get_n_frames (recording) - frames_while_changing;
  g_assert_cmpuint (frames_still, <=, 1);

  urok_lesson_recording_stop_async (recording, stop_cb, &stop);
  while (!stop.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (stop.error);
  g_assert_true (stop.ok);

  info = rec_test_discover (path);
  g_assert_cmpstr (info.error, ==, NULL);
  g_assert_cmpstr (info.container, ==, "video/webm");
  g_assert_cmpuint (info.n_video, ==, 1);
  g_assert_cmpuint (info.n_audio, ==, 1);
  g_assert_cmpuint (info.width, ==, (guint) gtk_widget_get_width (label));
  g_assert_cmpuint (info.height, ==, (guint) gtk_widget_get_height (label));
  /* 1.5 s recorded, give or take the start-up of the pipeline. */
  g_assert_cmpuint (info.duration, >=, 1000 * GST_MSECOND);
  g_assert_cmpuint (info.duration, <=, 2500 * GST_MSECOND);
  rec_test_info_clear (&info);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_default_path (void)
{
  g_autofree char *dir = ui_test_isolate_dirs ();
  g_autofree char *first = urok_lesson_recording_default_path ("Дроби: 5/9 и 3/7");
  g_autofree char *base = g_path_get_basename (first);
  g_autofree char *second = NULL;

  g_assert_true (g_str_has_suffix (first, ".webm"));
  /* The title's slash and colon cannot make folders or break names. */
  g_assert_null (strchr (base, '/'));
  g_assert_null (strchr (base, ':'));
  g_assert_true (g_str_has_prefix (base, "Дроби- 5-9 и 3-7 "));

  g_assert_true (g_file_set_contents (first, "", 0, NULL));
  second = urok_lesson_recording_default_path ("Дроби: 5/9 и 3/7");
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_str_has_suffix (second, " (2).webm"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/presentation/recording/records-view", test_records_view);
  g_test_add_func ("/presentation/recording/default-path", test_default_path);
  return g_test_run ();
}
