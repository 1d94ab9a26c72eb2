/* urok-audience-window.h: the class's window: the audience view full
 * screen with no chrome; with one monitor, also the teacher's toolbar,
 * which hides while the pointer rests.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-audience-view.h"

G_BEGIN_DECLS

#define UROK_TYPE_AUDIENCE_WINDOW (urok_audience_window_get_type ())

G_DECLARE_FINAL_TYPE (UrokAudienceWindow, urok_audience_window, UROK, AUDIENCE_WINDOW, GtkWindow)

UrokAudienceWindow *urok_audience_window_new               (void);
UrokAudienceView   *urok_audience_window_get_view          (UrokAudienceWindow *self);
/* Properties "has-toolbar" (one-monitor mode), "toolbar-timeout" (ms of
 * no pointer motion before the toolbar and the pointer hide; default
 * 3000), "toolbar-revealed" (read-only). */
void                urok_audience_window_set_has_toolbar   (UrokAudienceWindow *self,
                                                            gboolean            has_toolbar);
gboolean            urok_audience_window_get_has_toolbar   (UrokAudienceWindow *self);
void                urok_audience_window_set_toolbar_timeout (UrokAudienceWindow *self,
                                                              guint               timeout_ms);
gboolean            urok_audience_window_get_toolbar_revealed (UrokAudienceWindow *self);
/* Shows the toolbar (and the pointer) and restarts the timeout, as pointer
 * motion or a touch does. */
void                urok_audience_window_reveal_toolbar    (UrokAudienceWindow *self);
/* The toolbar's timer text and stage title. */
void                urok_audience_window_set_status        (UrokAudienceWindow *self,
                                                            const char         *stage,
                                                            const char         *timer,
                                                            gboolean            overrun);

/* A problem the teacher must know of (ink not saved), shown until NULL. */
void        urok_audience_window_set_problem (UrokAudienceWindow *self,
                                             const char *message);
const char *urok_audience_window_get_problem (UrokAudienceWindow *self);

G_END_DECLS
