/* urok-application.h: the app: its store, settings and app-wide actions.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-store.h"

G_BEGIN_DECLS

#define UROK_TYPE_APPLICATION (urok_application_get_type ())

G_DECLARE_FINAL_TYPE (UrokApplication, urok_application, UROK, APPLICATION, AdwApplication)

UrokApplication *urok_application_new            (void);
UrokStore       *urok_application_get_store      (UrokApplication *self);
GSettings       *urok_application_get_settings   (UrokApplication *self);
char            *urok_application_get_books_dir  (UrokApplication *self);
gboolean         urok_application_load_demo      (UrokApplication *self,
                                                  GError         **error);

G_END_DECLS
