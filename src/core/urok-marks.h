/* urok-marks.h: what marks add up to: weighted averages and term marks.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean urok_mark_is_valid       (const char   *value);
int      urok_mark_numeric_value  (const char   *value);
double   urok_mark_weighted_average (const char * const *values,
                                     const int          *weights,
                                     gsize               n_marks);
int      urok_mark_suggest_period_mark (double average);
char    *urok_mark_format_average (double        average);
const char *urok_mark_display     (const char   *value);

G_END_DECLS
