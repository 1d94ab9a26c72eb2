/* urok-screen-choice.h: which monitor the class sees during a presentation.
 *
 * Pure functions over monitor geometries, so that the choice is tested
 * without a display; the presentation section fills the array from GDK.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *connector; /* "eDP-1", "HDMI-1"…; may be NULL */
  int         x, y;      /* logical pixels */
  int         width, height;
  int         scale;     /* device pixels per logical pixel */
} UrokScreenInfo;

/* The laptop's own panel, when the presenter's monitor is not known: the
 * first built-in panel (eDP, LVDS, DSI connectors), else the first screen.
 * -1 for no screens. */
int  urok_screen_guess_presenter (const UrokScreenInfo *screens,
                                  guint                 n_screens);

/* The screen for the audience window, or -1 for one window on the
 * presenter's screen (one monitor, or the teacher chose that one).
 * @preferred names a connector the teacher chose (NULL or "" for
 * automatic); when it is not connected the choice is automatic: the
 * largest screen, in device pixels, other than @presenter (ties: the
 * first).  @presenter -1 means unknown (see urok_screen_guess_presenter). */
int  urok_screen_choose_audience (const UrokScreenInfo *screens,
                                  guint                 n_screens,
                                  int                   presenter,
                                  const char           *preferred);

G_END_DECLS
