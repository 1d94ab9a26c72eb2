/* urok-marks.c: what marks add up to: weighted averages and term marks.
 *
 * Marks are 1–5 («5» best) or a pass/fail-like word.  Only numeric marks count
 * towards an average, each as many times as the weight of its kind of work.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "urok-marks.h"

static const char *const words[] = { "pass", "fail", "na", "mastered" };

gboolean
urok_mark_is_valid (const char *value)
{
  if (value == NULL)
    return FALSE;
  if (urok_mark_numeric_value (value) > 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (words[i], value))
      return TRUE;
  return FALSE;
}

int
urok_mark_numeric_value (const char *value)
{
  if (value != NULL && value[0] >= '1' && value[0] <= '5' && value[1] == '\0')
    return value[0] - '0';
  return 0;
}

/* Returns 0 when there is nothing to average. */
double
urok_mark_weighted_average (const char * const *values,
                            const int          *weights,
                            gsize               n_marks)
{
  double sum = 0;
  double total_weight = 0;

  for (gsize i = 0; i < n_marks; i++)
    {
      int numeric = urok_mark_numeric_value (values[i]);
      int weight = weights != NULL ? weights[i] : 1;

      if (numeric == 0 || weight <= 0)
        continue;
      sum += (double)numeric * weight;
      total_weight += weight;
    }

  return total_weight > 0 ? sum / total_weight : 0;
}

/* The usual school rule: a half rounds up in the student's favour, so 3.5
 * suggests «4».  The teacher always has the last word on a term mark. */
int
urok_mark_suggest_period_mark (double average)
{
  if (average <= 0)
    return 0;
  return CLAMP ((int)floor (average + 0.5 + 1e-9), 2, 5);
}

char *
urok_mark_format_average (double average)
{
  if (average <= 0)
    return g_strdup ("—");
  /* Russian uses a decimal comma; the locale gives it. */
  return g_strdup_printf ("%.2f", average);
}

/* What a teacher sees in the grade book for a stored value. */
const char *
urok_mark_display (const char *value)
{
  if (urok_mark_numeric_value (value) > 0)
    return value;
  if (g_strcmp0 (value, "pass") == 0)
    /* Translators: short for «зачёт», a passed piece of work */
    return C_("mark", "pass");
  if (g_strcmp0 (value, "fail") == 0)
    return C_("mark", "fail");
  if (g_strcmp0 (value, "na") == 0)
    /* Translators: not assessed («н/а») */
    return C_("mark", "n/a");
  if (g_strcmp0 (value, "mastered") == 0)
    return C_("mark", "mastered");
  return "?";
}
