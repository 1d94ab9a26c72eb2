/* urok-window.h: the main window: five sections behind a view switcher.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-application.h"

G_BEGIN_DECLS

#define UROK_TYPE_WINDOW (urok_window_get_type ())

G_DECLARE_FINAL_TYPE (UrokWindow, urok_window, UROK, WINDOW, AdwApplicationWindow)

UrokWindow *urok_window_new          (UrokApplication *application);
void        urok_window_show_section (UrokWindow      *self,
                                      const char      *section);
const char *urok_window_get_section  (UrokWindow      *self);
GtkWidget  *urok_window_get_page     (UrokWindow      *self,
                                      const char      *section);
void        urok_window_show_toast   (UrokWindow      *self,
                                      const char      *message);
void        urok_window_show_error   (UrokWindow      *self,
                                      const char      *heading,
                                      const char      *message);

G_END_DECLS
