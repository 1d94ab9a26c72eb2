/* urok-presentation-recording.c: recording the lesson as presentation.*
 * actions.
 *
 * "record" is a toggle: on starts recording what the class sees and the
 * microphone into the Videos folder, off stops and finishes the file.  The
 * presenter window shows the elapsed time; a failing microphone is said
 * there, not in a dialog, since the recording goes on.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "urok-presentation-recording.h"

typedef struct
{
  UrokLessonRecording *recording;
  UrokPresenterWindow *presenter; /* weak */
  char                *title;
  gboolean             muted;
} State;

static void
state_free (State *state)
{
  if (state->presenter != NULL)
    g_object_remove_weak_pointer (G_OBJECT (state->presenter), (gpointer *) &state->presenter);
  g_clear_object (&state->recording);
  g_free (state->title);
  g_free (state);
}

static State *
get_state (GActionMap *map)
{
  GAction *action = g_action_map_lookup_action (map, "record");

  return action != NULL ? g_object_get_data (G_OBJECT (action), "urok-recording") : NULL;
}

static void
show_message (State      *state,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog;

  if (state->presenter == NULL)
    {
      g_message ("%s: %s", heading, body);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (state->presenter), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_status (State *state)
{
  UrokRecorder *recorder = urok_lesson_recording_get_recorder (state->recording);
  UrokRecorderState recorder_state = urok_recorder_get_state (recorder);

  if (state->presenter == NULL)
    return;
  if (recorder_state == UROK_RECORDER_STATE_IDLE)
    urok_presenter_window_set_recording_status (state->presenter, NULL);
  else
    {
      gint64 seconds = urok_recorder_get_elapsed (recorder) / G_USEC_PER_SEC;
      g_autofree char *text = NULL;

      /* TRANSLATORS: the recording's elapsed time in the presenter window;
       * %s says when it is paused or has lost its sound. */
      text = g_strdup_printf (_("Recording %d:%02d%s"), (int) (seconds / 60), (int) (seconds % 60),
                              recorder_state == UROK_RECORDER_STATE_PAUSED ? _(" (paused)")
                              : state->muted ? _(" (no sound)") : "");
      urok_presenter_window_set_recording_status (state->presenter, text);
    }
}

static void
warning_cb (UrokRecorder *recorder,
            GError       *error,
            State        *state)
{
  if (g_error_matches (error, UROK_RECORDER_ERROR, UROK_RECORDER_ERROR_AUDIO))
    state->muted = TRUE;
  g_warning ("Recording: %s", error->message);
  update_status (state);
}

static void
error_cb (UrokRecorder *recorder,
          GError       *error,
          State        *state)
{
  show_message (state, _("The Recording Stopped"), error->message);
  update_status (state);
}

static void
stopped_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GActionMap *map = user_data;
  UrokLessonRecording *recording = UROK_LESSON_RECORDING (source);
  g_autoptr(GError) error = NULL;
  State *state = get_state (map);

  if (!urok_lesson_recording_stop_finish (recording, result, &error))
    {
      if (state != NULL)
        show_message (state, _("Could Not Save the Recording"), error->message);
      else
        g_warning ("Could not save the recording: %s", error->message);
    }
  if (state != NULL && state->recording == recording)
    update_status (state);
  g_object_unref (map);
}

static void
stop (GActionMap *map,
      State      *state)
{
  GAction *pause = g_action_map_lookup_action (map, "record-pause");

  if (urok_recorder_get_state (urok_lesson_recording_get_recorder (state->recording)) == UROK_RECORDER_STATE_IDLE)
    return;
  urok_lesson_recording_stop_async (state->recording, stopped_cb, g_object_ref (map));
  if (pause != NULL)
    {
      g_simple_action_set_state (G_SIMPLE_ACTION (pause), g_variant_new_boolean (FALSE));
      g_simple_action_set_enabled (G_SIMPLE_ACTION (pause), FALSE);
    }
}

static void
record_changed (GSimpleAction *action,
                GVariant      *value,
                gpointer       user_data)
{
  GActionMap *map = user_data;
  State *state = get_state (map);
  GAction *pause = g_action_map_lookup_action (map, "record-pause");

  g_return_if_fail (state != NULL && pause != NULL);
  if (g_variant_get_boolean (value))
    {
      g_autofree char *path = urok_lesson_recording_default_path (state->title);
      g_autoptr(GError) error = NULL;

      state->muted = FALSE;
      if (!urok_lesson_recording_start (state->recording, path, &error))
        {
          show_message (state, _("Could Not Start Recording"), error->message);
          return;
        }
      g_simple_action_set_enabled (G_SIMPLE_ACTION (pause), TRUE);
    }
  else
    stop (map, state);
  g_simple_action_set_state (action, value);
  update_status (state);
}

static void
record_pause_changed (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
  State *state = get_state (user_data);
  UrokRecorder *recorder;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_if_fail (state != NULL);
  recorder = urok_lesson_recording_get_recorder (state->recording);
  ok = g_variant_get_boolean (value) ? urok_recorder_pause (recorder, &error)
                                     : urok_recorder_resume (recorder, &error);
  if (!ok)
    {
      g_warning ("Recording: %s", error->message);
      return;
    }
  g_simple_action_set_state (action, value);
  update_status (state);
}

void
urok_presentation_recording_add_actions (GActionMap          *map,
                                         UrokAudienceView    *view,
                                         UrokPresenterWindow *presenter,
                                         const char          *audio_source,
                                         const char          *title)
{
  const GActionEntry entries[] = {
    { "record", NULL, NULL, "false", record_changed },
    { "record-pause", NULL, NULL, "false", record_pause_changed },
  };
  State *state = g_new0 (State, 1);
  GAction *record;

  g_return_if_fail (G_IS_ACTION_MAP (map));
  g_return_if_fail (UROK_IS_AUDIENCE_VIEW (view));

  state->recording = urok_lesson_recording_new (GTK_WIDGET (view), audio_source);
  state->title = g_strdup (title);
  state->presenter = presenter;
  if (presenter != NULL)
    g_object_add_weak_pointer (G_OBJECT (presenter), (gpointer *) &state->presenter);
  g_signal_connect_swapped (urok_lesson_recording_get_recorder (state->recording), "notify::elapsed",
                            G_CALLBACK (update_status), state);
  g_signal_connect (urok_lesson_recording_get_recorder (state->recording), "warning",
                    G_CALLBACK (warning_cb), state);
  g_signal_connect (urok_lesson_recording_get_recorder (state->recording), "error",
                    G_CALLBACK (error_cb), state);

  g_action_map_add_action_entries (map, entries, G_N_ELEMENTS (entries), map);
  record = g_action_map_lookup_action (map, "record");
  g_object_set_data_full (G_OBJECT (record), "urok-recording", state, (GDestroyNotify) state_free);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "record-pause")), FALSE);
}

void
urok_presentation_recording_remove_actions (GActionMap *map)
{
  State *state = get_state (map);

  if (state != NULL)
    {
      UrokRecorder *recorder = urok_lesson_recording_get_recorder (state->recording);

      g_signal_handlers_disconnect_by_data (recorder, state);
      stop (map, state);
    }
  g_action_map_remove_action (map, "record");
  g_action_map_remove_action (map, "record-pause");
}

UrokLessonRecording *
urok_presentation_recording_get (GActionMap *map)
{
  State *state = get_state (map);

  return state != NULL ? state->recording : NULL;
}
