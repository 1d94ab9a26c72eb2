/* bench-board-page.h: the page the whiteboard benchmarks share: 50,000
 * handwritten strokes of 20 points (a million points) on a 7680×4320
 * board.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-page.h"

G_BEGIN_DECLS

#define BENCH_BOARD_N_STROKES 50000
#define BENCH_BOARD_N_POINTS  20
#define BENCH_BOARD_WIDTH     7680
#define BENCH_BOARD_HEIGHT    4320

/* The same page every time (a fixed seed), history cleared. */
UrokBoardPage *bench_board_page_new (void);

G_END_DECLS
