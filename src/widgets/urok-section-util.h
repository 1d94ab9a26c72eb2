/* urok-section-util.h: what every section page does the same way.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*UrokNameCallback) (GtkWidget  *page,
                                  const char *name);

void urok_section_show_error (GtkWidget        *page,
                              const char       *heading,
                              const char       *message);
/* @message is Pango markup, as AdwToast titles are: escape outside text. */
void urok_section_show_toast (GtkWidget        *page,
                              const char       *message);
void urok_section_ask_name   (GtkWidget        *page,
                              const char       *heading,
                              const char       *body,
                              const char       *accept_label,
                              UrokNameCallback  callback);

G_END_DECLS
