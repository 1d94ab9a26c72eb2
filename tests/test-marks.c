/* test-marks.c: averages and term marks come out as a teacher counts them.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-marks.h"

static void
test_weighted_average (void)
{
  const char *values[] = { "5", "4", "3", "pass", "2" };
  int weights[] = { 1, 1, 5, 1, 0 };

  /* (5 + 4 + 3·5) / 7; the word and the zero-weight mark do not count. */
  g_assert_cmpfloat_with_epsilon (urok_mark_weighted_average (values, weights, 5), 24.0 / 7.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (urok_mark_weighted_average (values, NULL, 3), 4.0, 1e-9);
  g_assert_cmpfloat (urok_mark_weighted_average (values + 3, NULL, 1), ==, 0);
  g_assert_cmpfloat (urok_mark_weighted_average (NULL, NULL, 0), ==, 0);
}

static void
test_suggest_period_mark (void)
{
  g_assert_cmpint (urok_mark_suggest_period_mark (4.5), ==, 5);
  g_assert_cmpint (urok_mark_suggest_period_mark (4.49), ==, 4);
  g_assert_cmpint (urok_mark_suggest_period_mark (3.5), ==, 4);
  g_assert_cmpint (urok_mark_suggest_period_mark (2.51), ==, 3);
  g_assert_cmpint (urok_mark_suggest_period_mark (1.2), ==, 2);
  g_assert_cmpint (urok_mark_suggest_period_mark (0), ==, 0);
}

static void
test_valid_values (void)
{
  g_assert_true (urok_mark_is_valid ("5"));
  g_assert_true (urok_mark_is_valid ("pass"));
  g_assert_false (urok_mark_is_valid ("6"));
  g_assert_false (urok_mark_is_valid ("55"));
  g_assert_false (urok_mark_is_valid (""));
  g_assert_false (urok_mark_is_valid (NULL));
  g_assert_cmpint (urok_mark_numeric_value ("3"), ==, 3);
  g_assert_cmpint (urok_mark_numeric_value ("na"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/marks/weighted-average", test_weighted_average);
  g_test_add_func ("/core/marks/suggest-period-mark", test_suggest_period_mark);
  g_test_add_func ("/core/marks/valid-values", test_valid_values);

  return g_test_run ();
}
