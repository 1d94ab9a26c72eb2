/* urok-board-saver.h: keeps a whiteboard page saved while it is drawn on.
 *
 * The saver follows the page's change journal and writes what changed in
 * one transaction at most UROK_BOARD_SAVER_DELAY_MS after the first unsaved
 * change (and at once on flush and when it is disposed), so a finished
 * stroke is durable well within a second and a killed process loses at
 * most that much, never the page.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-page.h"
#include "urok-store.h"

G_BEGIN_DECLS

#define UROK_BOARD_SAVER_DELAY_MS 300

#define UROK_TYPE_BOARD_SAVER (urok_board_saver_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardSaver, urok_board_saver, UROK, BOARD_SAVER, GObject)

/* Follows @page (from urok_store_load_board_page(), or a page the store
 * has not seen, which the first save writes whole).  Timers run on the
 * thread-default main context of the caller.  Signal "save-failed"
 * (GError): a save failed; the changes stay pending and are tried again. */
UrokBoardSaver *urok_board_saver_new         (UrokStore       *store,
                                              UrokBoardPage   *page);
UrokBoardPage  *urok_board_saver_get_page    (UrokBoardSaver  *self);
/* Whether changes wait to be written. */
gboolean        urok_board_saver_has_pending (UrokBoardSaver  *self);
/* Writes what is pending now. */
gboolean        urok_board_saver_flush       (UrokBoardSaver  *self,
                                              GError         **error);

G_END_DECLS
