/* urok-template-chooser.h: where a new lesson starts from: its topic, and a
 * blank lesson, a bundled template or one of the teacher's templates.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-store.h"

G_BEGIN_DECLS

/* The id of a blank lesson; a bundled template's id is its resource path
 * (APP_PATH "templates/…"), a teacher's template's its uuid. */
#define UROK_TEMPLATE_BLANK ""

#define UROK_TYPE_TEMPLATE_CHOOSER (urok_template_chooser_get_type ())

/* A GtkEditable: its text is the new lesson's topic. */
G_DECLARE_FINAL_TYPE (UrokTemplateChooser, urok_template_chooser, UROK, TEMPLATE_CHOOSER, GtkWidget)

GtkWidget  *urok_template_chooser_new           (UrokStore            *store);
gboolean    urok_template_chooser_select        (UrokTemplateChooser  *self,
                                                 const char           *id);
const char *urok_template_chooser_get_selected  (UrokTemplateChooser  *self);
/* Instantiates the chosen start with the topic typed (new uuids, not a
 * template; a blank lesson as long as the "lesson-length" setting) and
 * saves it in the store; returns the lesson. */
UrokLesson *urok_template_chooser_create_lesson (UrokTemplateChooser  *self,
                                                 GError              **error);

/* The templates in the resource bundle, in file name order (items are
 * UrokLesson); a broken one is left out with a warning. */
GListModel *urok_bundled_templates_load         (void);

G_END_DECLS
