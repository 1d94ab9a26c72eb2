/* urok-presenter-window.h: the teacher's window during a presentation:
 * the current and next stage, the notes, the timers against the plan, the
 * stage's resources, and what the class sees.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-audience-view.h"
#include "urok-presentation.h"

G_BEGIN_DECLS

#define UROK_TYPE_PRESENTER_WINDOW (urok_presenter_window_get_type ())

G_DECLARE_FINAL_TYPE (UrokPresenterWindow, urok_presenter_window, UROK, PRESENTER_WINDOW, AdwWindow)

/* @kinds: the stage kinds (for the timeline's colours), or NULL;
 * @media_dir: the lesson's media folder (image thumbnails). */
UrokPresenterWindow *urok_presenter_window_new            (UrokPresentation    *presentation,
                                                           GListModel          *kinds,
                                                           const char          *media_dir);
/* The class's view, mirrored live in the "The class sees" preview. */
void                 urok_presenter_window_set_audience_view (UrokPresenterWindow *self,
                                                              UrokAudienceView    *view);
/* The "Class screen" menu (NULL hides its button). */
void                 urok_presenter_window_set_screen_menu (UrokPresenterWindow *self,
                                                            GMenuModel          *menu);
/* The menu's popover, once a menu is set. */
GtkPopover          *urok_presenter_window_get_screen_popover (UrokPresenterWindow *self);
/* Reads the clocks again (the session calls it twice a second). */
void                 urok_presenter_window_update_clock    (UrokPresenterWindow *self);
/* The recording's state in the header (NULL: not recording). */
void                 urok_presenter_window_set_recording_status (UrokPresenterWindow *self,
                                                                 const char          *status);
const char          *urok_presenter_window_get_recording_status (UrokPresenterWindow *self);

/* Formats @usec as "m:ss" (or "h:mm:ss"); for timers. */
char                *urok_presenter_format_time            (gint64               usec);

/* A problem the teacher must know of (ink not saved), shown until NULL. */
void        urok_presenter_window_set_problem (UrokPresenterWindow *self,
                                             const char *message);
const char *urok_presenter_window_get_problem (UrokPresenterWindow *self);

G_END_DECLS
