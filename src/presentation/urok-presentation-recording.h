/* urok-presentation-recording.h: recording the lesson as presentation.*
 * actions: "record" (start/stop) and "record-pause".
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-audience-view.h"
#include "urok-lesson-recording.h"
#include "urok-presenter-window.h"

G_BEGIN_DECLS

/* @presenter may be NULL (one screen).  @audio_source as for
 * urok_recorder_new(); @title names the file. */
void                 urok_presentation_recording_add_actions    (GActionMap          *map,
                                                                 UrokAudienceView    *view,
                                                                 UrokPresenterWindow *presenter,
                                                                 const char          *audio_source,
                                                                 const char          *title);
/* Stops a recording under way (the file is finished in the background)
 * and removes the actions. */
void                 urok_presentation_recording_remove_actions (GActionMap          *map);
/* The recording of the actions in @map, or NULL (for tests). */
UrokLessonRecording *urok_presentation_recording_get            (GActionMap          *map);

G_END_DECLS
