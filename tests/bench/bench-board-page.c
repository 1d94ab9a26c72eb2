/* bench-board-page.c: the page the whiteboard benchmarks share.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "bench-board-page.h"

UrokBoardPage *
bench_board_page_new (void)
{
  UrokBoardPage *page = urok_board_page_new ();
  GRand *rand = g_rand_new_with_seed (42);
  UrokBoardColor ink = { 0.1f, 0.1f, 0.4f, 1 };

  /* Handwriting: strokes of ~40 units, points 2 units apart, pressure
   * rising along each, spread over a board 4× a 1920×1080 screen (a
   * lesson's writing, zoomed out of). */
  urok_board_page_set_size (page, BENCH_BOARD_WIDTH, BENCH_BOARD_HEIGHT);
  for (int s = 0; s < BENCH_BOARD_N_STROKES; s++)
    {
      UrokBoardPoint p[BENCH_BOARD_N_POINTS];
      g_autoptr(UrokBoardItem) item = NULL;
      double x = g_rand_double_range (rand, 0, BENCH_BOARD_WIDTH - 60);
      double y = g_rand_double_range (rand, 0, BENCH_BOARD_HEIGHT - 60);
      double angle = g_rand_double_range (rand, 0, 2 * G_PI);

      for (int i = 0; i < BENCH_BOARD_N_POINTS; i++)
        {
          angle += g_rand_double_range (rand, -0.4, 0.4);
          x += 2 * cos (angle);
          y += 2 * sin (angle);
          p[i] = (UrokBoardPoint) { x, y, 0.3f + 0.02f * i, (guint32)i * 8 };
        }
      item = urok_board_item_new_stroke (urok_board_page_next_id (page), 0, UROK_BOARD_TOOL_PEN, &ink, 3,
                                         p, BENCH_BOARD_N_POINTS);
      urok_board_page_add_item (page, item, NULL);
    }
  urok_board_page_clear_history (page);
  g_rand_free (rand);
  return page;
}
