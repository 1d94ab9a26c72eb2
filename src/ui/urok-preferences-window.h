/* urok-preferences-window.h: the app's preferences, on GSettings.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UROK_TYPE_PREFERENCES_WINDOW (urok_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (UrokPreferencesWindow, urok_preferences_window, UROK, PREFERENCES_WINDOW, AdwPreferencesWindow)

UrokPreferencesWindow *urok_preferences_window_new (GSettings *settings);

G_END_DECLS
