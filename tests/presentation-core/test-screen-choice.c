/* test-screen-choice.c: the class's monitor is chosen from made-up monitor
 * geometries: one monitor, a laptop and a panel, a teacher's choice, a
 * missing choice, and ties.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-screen-choice.h"

static const UrokScreenInfo laptop = { "eDP-1", 0, 0, 1440, 900, 2 };
static const UrokScreenInfo panel = { "HDMI-1", 1440, 0, 1920, 1080, 1 };
static const UrokScreenInfo projector = { "DP-2", 3360, 0, 1024, 768, 1 };
static const UrokScreenInfo big_panel = { "DP-3", 0, 900, 3840, 2160, 1 };

static void
test_one_monitor (void)
{
  UrokScreenInfo one[] = { laptop };

  g_assert_cmpint (urok_screen_choose_audience (one, 1, 0, NULL), ==, -1);
  g_assert_cmpint (urok_screen_choose_audience (one, 1, -1, "eDP-1"), ==, -1);
  g_assert_cmpint (urok_screen_choose_audience (NULL, 0, -1, NULL), ==, -1);
  g_assert_cmpint (urok_screen_guess_presenter (NULL, 0), ==, -1);
}

static void
test_laptop_and_panel (void)
{
  UrokScreenInfo two[] = { laptop, panel };
  UrokScreenInfo reversed[] = { panel, laptop };

  /* The laptop's panel has more device pixels (2880×1800) than the panel,
   * but it is the teacher's: the class gets the other one. */
  g_assert_cmpint (urok_screen_choose_audience (two, 2, 0, NULL), ==, 1);
  g_assert_cmpint (urok_screen_choose_audience (reversed, 2, 1, NULL), ==, 0);
  /* The main window is on the panel (the teacher moved it): the class gets
   * the laptop, the only other screen. */
  g_assert_cmpint (urok_screen_choose_audience (two, 2, 1, ""), ==, 0);
  /* Unknown presenter: the built-in panel is the teacher's. */
  g_assert_cmpint (urok_screen_guess_presenter (reversed, 2), ==, 1);
  g_assert_cmpint (urok_screen_choose_audience (reversed, 2, -1, NULL), ==, 0);
  g_assert_cmpint (urok_screen_choose_audience (reversed, 2, 7, NULL), ==, 0);
}

static void
test_largest_other (void)
{
  UrokScreenInfo three[] = { laptop, projector, big_panel };
  UrokScreenInfo no_names[] = { { NULL, 0, 0, 1280, 800, 1 },
                                { NULL, 1280, 0, 1024, 768, 1 },
                                { NULL, 2304, 0, 1920, 1080, 1 } };

  g_assert_cmpint (urok_screen_choose_audience (three, 3, 0, NULL), ==, 2);
  g_assert_cmpint (urok_screen_choose_audience (three, 3, 2, NULL), ==, 0);
  /* No connector names: the first screen is taken for the teacher's. */
  g_assert_cmpint (urok_screen_guess_presenter (no_names, 3), ==, 0);
  g_assert_cmpint (urok_screen_choose_audience (no_names, 3, -1, NULL), ==, 2);
}

static void
test_ties_take_the_first (void)
{
  UrokScreenInfo twins[] = { laptop, panel, { "HDMI-2", 3360, 0, 1920, 1080, 1 } };

  g_assert_cmpint (urok_screen_choose_audience (twins, 3, 0, NULL), ==, 1);
}

static void
test_preferred (void)
{
  UrokScreenInfo three[] = { laptop, projector, big_panel };

  /* The teacher's choice wins over size… */
  g_assert_cmpint (urok_screen_choose_audience (three, 3, 0, "DP-2"), ==, 1);
  /* …choosing their own screen means one window there… */
  g_assert_cmpint (urok_screen_choose_audience (three, 3, 0, "eDP-1"), ==, -1);
  /* …and a monitor not connected today leaves the choice automatic. */
  g_assert_cmpint (urok_screen_choose_audience (three, 3, 0, "HDMI-9"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/screen-choice/one-monitor", test_one_monitor);
  g_test_add_func ("/core/screen-choice/laptop-and-panel", test_laptop_and_panel);
  g_test_add_func ("/core/screen-choice/largest-other", test_largest_other);
  g_test_add_func ("/core/screen-choice/ties", test_ties_take_the_first);
  g_test_add_func ("/core/screen-choice/preferred", test_preferred);

  return g_test_run ();
}
