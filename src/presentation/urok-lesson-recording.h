/* urok-lesson-recording.h: records what the class sees (a widget) and the
 * microphone to a WebM file, through the core's UrokRecorder.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "urok-recorder.h"

G_BEGIN_DECLS

#define UROK_TYPE_LESSON_RECORDING (urok_lesson_recording_get_type ())
G_DECLARE_FINAL_TYPE (UrokLessonRecording, urok_lesson_recording, UROK, LESSON_RECORDING, GObject)

/* @audio_source: as for urok_recorder_new() (NULL: the default microphone). */
UrokLessonRecording *urok_lesson_recording_new          (GtkWidget            *view,
                                                         const char           *audio_source);
UrokRecorder        *urok_lesson_recording_get_recorder (UrokLessonRecording  *self);
gboolean             urok_lesson_recording_start        (UrokLessonRecording  *self,
                                                         const char           *path,
                                                         GError              **error);
void                 urok_lesson_recording_stop_async   (UrokLessonRecording  *self,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean             urok_lesson_recording_stop_finish  (UrokLessonRecording  *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
/* Frames captured from the view so far (for tests and diagnostics). */
guint                urok_lesson_recording_get_n_frames (UrokLessonRecording  *self);

/* Where a recording of @lesson_title goes by default: the Videos folder
 * (or home), "Урок — <title> — <date time>.webm", never an existing file. */
char                *urok_lesson_recording_default_path (const char           *lesson_title);

G_END_DECLS
