/* urok-presentation-ink.h: the ink of one presentation: every board page
 * and every ink layer drawn over other content, loaded from the store and
 * kept saved while the teacher writes.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-page.h"
#include "urok-store.h"

G_BEGIN_DECLS

/* The size of the page an ink layer draws on: it is stretched over the
 * class's view, so ink stays where it was on the content at any screen
 * size. */
#define UROK_PRESENTATION_INK_WIDTH  1600.0
#define UROK_PRESENTATION_INK_HEIGHT 900.0

#define UROK_TYPE_PRESENTATION_INK (urok_presentation_ink_get_type ())

G_DECLARE_FINAL_TYPE (UrokPresentationInk, urok_presentation_ink, UROK, PRESENTATION_INK, GObject)

/* @store: where pages are loaded from and saved to; NULL keeps ink for the
 * session only.  @lesson_uuid: the lesson the pages belong to (deleting it
 * deletes them). */
UrokPresentationInk *urok_presentation_ink_new         (UrokStore           *store,
                                                        const char          *lesson_uuid);
/* The page named @uuid (a board_page resource's, or the resource or stage
 * an ink layer covers), loaded once per session and then kept: from the
 * store, else from @seed (a board resource's page string) or, for NULL,
 * an empty transparent ink page.  A page the store has not seen is written
 * whole with its first change; from then on a UrokBoardSaver saves it.
 * Fails when the stored page or @seed does not load. */
UrokBoardPage       *urok_presentation_ink_get_page    (UrokPresentationInk *self,
                                                        const char          *uuid,
                                                        const char          *seed,
                                                        GError             **error);
/* Whether any page has changes not yet written. */
gboolean             urok_presentation_ink_has_pending (UrokPresentationInk *self);
/* Writes every page's pending changes now; on failure the others are still
 * written and the first error is returned. */
gboolean             urok_presentation_ink_flush       (UrokPresentationInk *self,
                                                        GError             **error);

G_END_DECLS
