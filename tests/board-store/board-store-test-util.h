/* board-store-test-util.h: strokes the board store's tests and their crash
 * helper both make, so that either side can rebuild one from its id.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-item.h"

/* A wavy pen stroke of @n_points whose every number follows from @id. */
static inline UrokBoardItem *
board_test_stroke (guint64 id,
                   guint   n_points)
{
  g_autofree UrokBoardPoint *points = g_new (UrokBoardPoint, n_points);
  UrokBoardColor color = { (id % 7) / 7.0f, (id % 5) / 5.0f, (id % 3) / 3.0f, 1 };
  double x0 = (double)(id * 37 % 1800), y0 = (double)(id * 53 % 1000);

  for (guint i = 0; i < n_points; i++)
    points[i] = (UrokBoardPoint) { (float)(x0 + i * 2.0), (float)(y0 + 20 * sin (i / 5.0 + id)),
                                   (float)(0.2 + 0.6 * ((i + id) % 10) / 10.0), i * 8 };
  return urok_board_item_new_stroke (id, 0, UROK_BOARD_TOOL_PEN, &color, 2.0f + id % 4, points, n_points);
}
