/* urok-field-binding.h: a form field that edits one property of a lesson,
 * a stage or a resource through the lesson's history, and follows that
 * property when undo or redo change it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-lesson-history.h"

G_BEGIN_DECLS

/* Makes @widget (a GtkEditable such as an AdwEntryRow, a GtkTextView or a
 * GtkSpinButton) edit @property of whatever object it is later pointed at.
 * Its own undo is turned off: Ctrl+Z means the lesson's history.  A string
 * array property (tags) is edited as comma-separated text. */
void urok_field_bind       (GtkWidget         *widget,
                            const char        *property);
/* Points the field at @object (NULL: empty and insensitive), reading the
 * property's current value. */
void urok_field_set_target (GtkWidget         *widget,
                            UrokLessonHistory *history,
                            GObject           *object);

G_END_DECLS
