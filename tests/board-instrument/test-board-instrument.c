/* test-board-instrument.c: the drawing instruments' geometry: pens snap
 * onto each working edge within the tolerance and not beyond, also when
 * the instrument is turned; the protractor reads angles; the compass
 * draws arcs of its radius through the angle it was turned.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core-test-util.h"
#include "urok-board-instrument.h"

#define EPS 1e-9

static void
assert_snaps (UrokBoardInstrument *tool,
              double               x,
              double               y,
              double               tolerance,
              double               ex,
              double               ey)
{
  double sx, sy;

  g_assert_true (urok_board_instrument_snap (tool, x, y, tolerance, &sx, &sy));
  g_assert_cmpfloat_with_epsilon (sx, ex, 1e-6);
  g_assert_cmpfloat_with_epsilon (sy, ey, 1e-6);
}

static void
assert_no_snap (UrokBoardInstrument *tool,
                double               x,
                double               y,
                double               tolerance)
{
  double sx, sy;

  g_assert_false (urok_board_instrument_snap (tool, x, y, tolerance, &sx, &sy));
  /* Not pulled: the point is left as it was. */
  g_assert_cmpfloat (sx, ==, x);
  g_assert_cmpfloat (sy, ==, y);
}

static void
test_ruler_edges (void)
{
  g_autoptr(UrokBoardInstrument) ruler = urok_board_instrument_new (UROK_BOARD_INSTRUMENT_RULER, 300);

  urok_board_instrument_set_position (ruler, 100, 200);
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_get_width (ruler), 37.5, EPS);
  /* Above the measuring edge, and just inside the body under it. */
  assert_snaps (ruler, 150, 190, 12, 150, 200);
  assert_snaps (ruler, 250, 205, 12, 250, 200);
  /* Near the lower edge (y = 237.5). */
  assert_snaps (ruler, 380, 245, 12, 380, 237.5);
  /* Beyond the tolerance, in the middle of the body, past the ends. */
  assert_no_snap (ruler, 150, 187, 12);
  assert_no_snap (ruler, 250, 218, 12);
  assert_no_snap (ruler, 420, 200, 12);
  /* Past an end but within the tolerance of its corner: the corner. */
  assert_snaps (ruler, 405, 198, 12, 400, 200);
  g_assert_true (urok_board_instrument_contains (ruler, 250, 220));
  g_assert_false (urok_board_instrument_contains (ruler, 250, 240));
}

static void
test_ruler_rotated (void)
{
  g_autoptr(UrokBoardInstrument) ruler = urok_board_instrument_new (UROK_BOARD_INSTRUMENT_RULER, 200);
  double c = cos (G_PI / 6), s = sin (G_PI / 6);
  double px, py;

  urok_board_instrument_set_position (ruler, 50, 50);
  urok_board_instrument_set_angle (ruler, G_PI / 6);
  /* 100 along the edge and 8 off it (outside, towards local -y). */
  assert_snaps (ruler, 50 + 100 * c + 8 * s, 50 + 100 * s - 8 * c, 10, 50 + 100 * c, 50 + 100 * s);
  assert_no_snap (ruler, 50 + 100 * c + 11 * s, 50 + 100 * s - 11 * c, 10);
  /* The unturned position's edge no longer pulls. */
  assert_no_snap (ruler, 150, 48, 10);

  /* Turning about the pivot keeps the pivot in place. */
  urok_board_instrument_get_pivot (ruler, &px, &py);
  urok_board_instrument_rotate (ruler, G_PI / 3, px, py);
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_get_angle (ruler), G_PI / 2, EPS);
  {
    double qx, qy;

    urok_board_instrument_get_pivot (ruler, &qx, &qy);
    g_assert_cmpfloat_with_epsilon (qx, px, 1e-9);
    g_assert_cmpfloat_with_epsilon (qy, py, 1e-9);
  }
  /* At 90° the measuring edge runs down from the origin. */
  {
    double ox, oy, sx, sy;

    urok_board_instrument_get_position (ruler, &ox, &oy);
    g_assert_true (urok_board_instrument_snap (ruler, ox + 5, oy + 60, 6, &sx, &sy));
    g_assert_cmpfloat_with_epsilon (sx, ox, 1e-6);
    g_assert_cmpfloat_with_epsilon (sy, oy + 60, 1e-6);
  }

  /* Moving carries the edge along. */
  urok_board_instrument_set_angle (ruler, 0);
  urok_board_instrument_set_position (ruler, 0, 0);
  urok_board_instrument_move (ruler, 10, 20);
  assert_snaps (ruler, 60, 15, 6, 60, 20);
}

static void
test_set_squares (void)
{
  g_autoptr(UrokBoardInstrument) sq30 = urok_board_instrument_new (UROK_BOARD_INSTRUMENT_SET_SQUARE_30_60, 300);
  g_autoptr(UrokBoardInstrument) sq45 = urok_board_instrument_new (UROK_BOARD_INSTRUMENT_SET_SQUARE_45, 200);
  double h = 300 * tan (G_PI / 6);
  g_autofree UrokBoardVec2 *outline = NULL;
  guint n;

  urok_board_instrument_set_position (sq30, 0, 0);
  outline = urok_board_instrument_get_outline (sq30, &n);
  g_assert_cmpuint (n, ==, 3);
  /* The angle at the far end of the long leg is 30°. */
  g_assert_cmpfloat_with_epsilon (atan2 (h, 300), G_PI / 6, EPS);

  /* Long leg, short leg, hypotenuse. */
  assert_snaps (sq30, 100, 5, 8, 100, 0);
  assert_snaps (sq30, -6, -50, 8, 0, -50);
  {
    /* A point 5 outside the middle of the hypotenuse: its foot. */
    double len = hypot (300, h);
    double nx = h / len, ny = -300 / len;   /* outward normal */
    double mx = 150, my = -h / 2;

    assert_snaps (sq30, mx + 5 * nx, my + 5 * ny, 8, mx, my);
    assert_no_snap (sq30, mx + 9 * nx, my + 9 * ny, 8);
  }
  g_assert_true (urok_board_instrument_contains (sq30, 50, -20));
  g_assert_false (urok_board_instrument_contains (sq30, 250, -100));

  /* The 45° square turned a quarter turn: its long leg runs down. */
  urok_board_instrument_set_position (sq45, 500, 500);
  urok_board_instrument_set_angle (sq45, G_PI / 2);
  assert_snaps (sq45, 496, 600, 8, 500, 600);
  /* Its other leg now runs from the corner along +x. */
  assert_snaps (sq45, 580, 503, 8, 580, 500);
  /* Hypotenuse from (500,700) to (700,500): midpoint (600,600). */
  assert_snaps (sq45, 603, 603, 8, 600, 600);
  assert_no_snap (sq45, 610, 610, 8);
}

static void
test_protractor (void)
{
  g_autoptr(UrokBoardInstrument) p = urok_board_instrument_new (UROK_BOARD_INSTRUMENT_PROTRACTOR, 100);

  urok_board_instrument_set_position (p, 300, 300);
  /* The arc, outside and inside it; the baseline. */
  assert_snaps (p, 300, 195, 8, 300, 200);
  assert_snaps (p, 300 + 104 * cos (G_PI / 4), 300 - 104 * sin (G_PI / 4), 8,
                300 + 100 * cos (G_PI / 4), 300 - 100 * sin (G_PI / 4));
  assert_snaps (p, 320, 306, 8, 320, 300);
  assert_no_snap (p, 300, 230, 8);
  /* Below the baseline there is no arc. */
  assert_no_snap (p, 300, 395, 8);

  /* Readings from the baseline's right end towards the arc. */
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_protractor_reading (p, 400, 300), 0, EPS);
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_protractor_reading (p, 300, 250), 90, EPS);
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_protractor_reading (p, 200, 300), 180, EPS);
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_protractor_reading (p, 300 + cos (G_PI / 3), 300 - sin (G_PI / 3)),
                                  60, 1e-9);
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_protractor_angle (p, 400, 300, 300 - 10, 300 - 10), 135, 1e-9);
  /* Across the 180° mark the smaller angle is read. */
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_protractor_angle (p, 250, 290, 250, 310),
                                  2 * atan2 (10, 50) * 180 / G_PI, 1e-9);

  /* Turned by 30°: a ray along the page's x axis reads -30° → 30° from the
   * turned baseline, the other way. */
  urok_board_instrument_set_angle (p, -G_PI / 6);
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_protractor_reading (p, 400, 300), -30, 1e-9);
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_protractor_reading (p, 300, 200), 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_protractor_angle (p, 400, 300, 300, 200), 90, 1e-9);
}

static void
test_compass (void)
{
  g_autoptr(UrokBoardInstrument) compass = urok_board_instrument_new (UROK_BOARD_INSTRUMENT_COMPASS, 80);
  g_autofree UrokBoardVec2 *arc = NULL;
  double swept = 0;
  guint n;

  urok_board_instrument_set_position (compass, 100, 100);
  /* The circle pulls from either side. */
  assert_snaps (compass, 100, 185, 8, 100, 180);
  assert_snaps (compass, 25, 100, 8, 20, 100);
  assert_no_snap (compass, 100, 150, 8);

  /* Dragged round by three quarters and a bit in small steps, past ±π. */
  for (int i = 1; i <= 30; i++)
    {
      double a = -0.1 * i;

      swept += urok_board_instrument_compass_turn_to (compass, 100 + 500 * cos (a), 100 + 500 * sin (a));
    }
  g_assert_cmpfloat_with_epsilon (swept, -3.0, 1e-9);
  for (int i = 29; i >= 0; i--)
    swept += urok_board_instrument_compass_turn_to (compass, 100 + 500 * cos (-0.1 * i), 100 + 500 * sin (-0.1 * i));
  g_assert_cmpfloat_with_epsilon (swept, 0, 1e-9);
  for (int i = 1; i <= 70; i++)
    swept += urok_board_instrument_compass_turn_to (compass, 100 + 500 * cos (0.1 * i), 100 + 500 * sin (0.1 * i));
  g_assert_cmpfloat_with_epsilon (swept, 7.0, 1e-9);

  /* An arc of 90° from 0: every point at the radius, steps ≤ 5. */
  arc = urok_board_instrument_compass_arc (compass, 0, G_PI / 2, 5, &n);
  g_assert_cmpuint (n, >=, (guint)(80 * G_PI / 2 / 5) + 1);
  g_assert_cmpfloat_with_epsilon (arc[0].x, 180, 1e-9);
  g_assert_cmpfloat_with_epsilon (arc[0].y, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (arc[n - 1].x, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (arc[n - 1].y, 180, 1e-9);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat_with_epsilon (hypot (arc[i].x - 100, arc[i].y - 100), 80, 1e-9);
      if (i > 0)
        g_assert_cmpfloat (hypot (arc[i].x - arc[i - 1].x, arc[i].y - arc[i - 1].y), <=, 5 + 1e-9);
    }
  g_clear_pointer (&arc, g_free);

  /* A larger radius, swept backwards past a full turn: one circle. */
  urok_board_instrument_set_size (compass, 150);
  arc = urok_board_instrument_compass_arc (compass, G_PI, -7, 10, &n);
  g_assert_cmpfloat_with_epsilon (arc[0].x, arc[n - 1].x, 1e-9);
  g_assert_cmpfloat_with_epsilon (arc[0].y, arc[n - 1].y, 1e-9);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (hypot (arc[i].x - 100, arc[i].y - 100), 150, 1e-9);
}

static void
count_changed (UrokBoardInstrument *tool,
               guint               *count)
{
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(UrokBoardInstrument) tool = urok_board_instrument_new (UROK_BOARD_INSTRUMENT_RULER, 100);
  guint count = 0;

  g_signal_connect (tool, "changed", G_CALLBACK (count_changed), &count);
  urok_board_instrument_set_position (tool, 0, 0);
  g_assert_cmpuint (count, ==, 0);
  urok_board_instrument_move (tool, 1, 1);
  urok_board_instrument_rotate (tool, 0.5, 10, 10);
  urok_board_instrument_set_size (tool, 120);
  g_assert_cmpuint (count, ==, 3);
  /* Angles are kept in (-π, π]. */
  urok_board_instrument_set_angle (tool, 7 * G_PI / 2);
  g_assert_cmpfloat_with_epsilon (urok_board_instrument_get_angle (tool), -G_PI / 2, 1e-9);
  /* Bad input is refused: a NaN position is not taken. */
  {
    double sx, sy;

    g_assert_false (urok_board_instrument_snap (tool, NAN, 0, 10, &sx, &sy));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/board-instrument/ruler-edges", test_ruler_edges);
  g_test_add_func ("/core/board-instrument/ruler-rotated", test_ruler_rotated);
  g_test_add_func ("/core/board-instrument/set-squares", test_set_squares);
  g_test_add_func ("/core/board-instrument/protractor", test_protractor);
  g_test_add_func ("/core/board-instrument/compass", test_compass);
  g_test_add_func ("/core/board-instrument/changed-signal", test_changed_signal);

  return core_test_run ();
}
