/* urok-test-info.h: A designed test as lists show it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UROK_TYPE_TEST_INFO (urok_test_info_get_type ())

G_DECLARE_FINAL_TYPE (UrokTestInfo, urok_test_info, UROK, TEST_INFO, GObject)

gint64       urok_test_info_get_id (UrokTestInfo *self);
const char * urok_test_info_get_uuid (UrokTestInfo *self);
const char * urok_test_info_get_title (UrokTestInfo *self);
const char * urok_test_info_get_subject (UrokTestInfo *self);
int          urok_test_info_get_grade_level (UrokTestInfo *self);
int          urok_test_info_get_n_questions (UrokTestInfo *self);
double       urok_test_info_get_points (UrokTestInfo *self);

G_END_DECLS
