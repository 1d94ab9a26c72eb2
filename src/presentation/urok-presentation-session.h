/* urok-presentation-session.h: one lesson being presented: the controller,
 * the class's window and the teacher's, their presentation.* actions and
 * where on which monitor each goes.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-audience-window.h"
#include "urok-presenter-window.h"

G_BEGIN_DECLS

#define UROK_PRESENTATION_SESSION_ERROR (urok_presentation_session_error_quark ())

typedef enum
{
  UROK_PRESENTATION_SESSION_ERROR_EMPTY, /* the lesson has no stages */
} UrokPresentationSessionError;

typedef enum
{
  UROK_PRESENTATION_MODE_AUTO,   /* two windows with two monitors, else one */
  UROK_PRESENTATION_MODE_SINGLE, /* the class's window with a toolbar */
  UROK_PRESENTATION_MODE_DUAL,   /* the class's and the teacher's windows */
} UrokPresentationMode;

#define UROK_TYPE_PRESENTATION_SESSION (urok_presentation_session_get_type ())

G_DECLARE_FINAL_TYPE (UrokPresentationSession, urok_presentation_session, UROK, PRESENTATION_SESSION, GObject)

GQuark                   urok_presentation_session_error_quark (void);

/* @kinds: stage kinds for the timeline's colours, or NULL; @media_dir: the
 * lesson's media folder. */
UrokPresentationSession *urok_presentation_session_new     (UrokLesson              *lesson,
                                                            GListModel              *kinds,
                                                            const char              *media_dir);
/* Where board pages and ink are loaded from and saved to; set before
 * start.  Without it ink lasts for the session only. */
void                     urok_presentation_session_set_store (UrokPresentationSession *self,
                                                              UrokStore               *store);
/* What the teacher is told when ink could not be saved, or NULL. */
const char              *urok_presentation_session_get_save_problem (UrokPresentationSession *self);
void                     urok_presentation_session_set_mode (UrokPresentationSession *self,
                                                             UrokPresentationMode     mode);
/* Opens the windows and starts the clock.  @parent: the main window, whose
 * monitor is the teacher's.  Fails with ..._ERROR_EMPTY for a lesson with
 * no stages, and then opens nothing. */
gboolean                 urok_presentation_session_start   (UrokPresentationSession *self,
                                                            GtkWindow               *parent,
                                                            GError                 **error);
/* Closes both windows; emits "ended" once. */
void                     urok_presentation_session_end     (UrokPresentationSession *self);
/* The microphone for recording (as for urok_recorder_new(); NULL: the
 * default one).  Set before start. */
void                     urok_presentation_session_set_record_audio_source (UrokPresentationSession *self,
                                                                            const char              *audio_source);
gboolean                 urok_presentation_session_get_running (UrokPresentationSession *self);

UrokPresentation        *urok_presentation_session_get_presentation     (UrokPresentationSession *self);
UrokAudienceWindow      *urok_presentation_session_get_audience_window  (UrokPresentationSession *self);
/* NULL in one-window mode. */
UrokPresenterWindow     *urok_presentation_session_get_presenter_window (UrokPresentationSession *self);
/* The presentation.* actions, inserted in both windows as "presentation". */
GActionGroup            *urok_presentation_session_get_actions (UrokPresentationSession *self);
/* Whether the session runs in two windows (after start). */
gboolean                 urok_presentation_session_get_dual (UrokPresentationSession *self);

G_END_DECLS
