/* urok-board-thumbnail.h: a board page drawn small, for the presenter's
 * thumbnails: rendered by the core renderer on a worker thread, again at
 * most once a second while the page changes.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "urok-board-page.h"

G_BEGIN_DECLS

/* How long a changing page waits between two renderings. */
#define UROK_BOARD_THUMBNAIL_THROTTLE_MS 1000

#define UROK_TYPE_BOARD_THUMBNAIL (urok_board_thumbnail_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardThumbnail, urok_board_thumbnail, UROK, BOARD_THUMBNAIL, GtkWidget)

/* Renders @page about @width × @height pixels (keeping its proportions). */
GtkWidget  *urok_board_thumbnail_new          (UrokBoardPage      *page,
                                               int                 width,
                                               int                 height);
UrokBoardPage *urok_board_thumbnail_get_page  (UrokBoardThumbnail *self);
/* The last picture (NULL before the first is done) and how many were
 * made, for tests. */
GdkTexture *urok_board_thumbnail_get_texture  (UrokBoardThumbnail *self);
guint       urok_board_thumbnail_get_n_renders (UrokBoardThumbnail *self);

G_END_DECLS
