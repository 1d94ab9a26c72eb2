/* urok-board-page-window.h: a lesson's board page on the whiteboard in a
 * window of its own, so the teacher can prepare it before the lesson.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-board-canvas.h"
#include "urok-resource.h"
#include "urok-store.h"

G_BEGIN_DECLS

#define UROK_TYPE_BOARD_PAGE_WINDOW (urok_board_page_window_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardPageWindow, urok_board_page_window, UROK, BOARD_PAGE_WINDOW, AdwWindow)

/* The page of @resource (a board page of the lesson @lesson_uuid) as the
 * store holds it, or as its string describes it, written whole then; saved
 * as it is drawn on and when the window closes.  Fails when the page does
 * not load or cannot be written. */
UrokBoardPageWindow *urok_board_page_window_new        (UrokStore           *store,
                                                        const char          *lesson_uuid,
                                                        UrokResource        *resource,
                                                        GError             **error);
UrokBoardCanvas     *urok_board_page_window_get_canvas (UrokBoardPageWindow *self);
/* What the teacher is told when the page could not be saved, or NULL. */
const char          *urok_board_page_window_get_problem (UrokBoardPageWindow *self);

G_END_DECLS
