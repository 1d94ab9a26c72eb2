/* urok-class-group.h: A class group such as «6А»: students taught together.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UROK_TYPE_CLASS_GROUP (urok_class_group_get_type ())

G_DECLARE_FINAL_TYPE (UrokClassGroup, urok_class_group, UROK, CLASS_GROUP, GObject)

gint64       urok_class_group_get_id (UrokClassGroup *self);
const char * urok_class_group_get_uuid (UrokClassGroup *self);
const char * urok_class_group_get_name (UrokClassGroup *self);
int          urok_class_group_get_grade_level (UrokClassGroup *self);
const char * urok_class_group_get_school_year (UrokClassGroup *self);
int          urok_class_group_get_n_students (UrokClassGroup *self);

G_END_DECLS
