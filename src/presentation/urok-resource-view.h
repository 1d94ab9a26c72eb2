/* urok-resource-view.h: one lesson resource as the class sees it: a
 * picture, a video or sound, a web page, a text or formula card, a board
 * page, or a card for what opens in another section.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-board-instrument-view.h"
#include "urok-board-page.h"
#include "urok-presentation-ink.h"
#include "urok-resource.h"

G_BEGIN_DECLS

#define UROK_TYPE_RESOURCE_VIEW (urok_resource_view_get_type ())

G_DECLARE_FINAL_TYPE (UrokResourceView, urok_resource_view, UROK, RESOURCE_VIEW, GtkWidget)

GtkWidget    *urok_resource_view_new          (void);
/* @media_dir: the lesson's media folder, where media resources' files are. */
void          urok_resource_view_set_media_dir (UrokResourceView *self,
                                                const char       *media_dir);
/* Where board pages come from and are saved to (set before showing one);
 * without it they are kept for the session only. */
void          urok_resource_view_set_ink       (UrokResourceView    *self,
                                                UrokPresentationInk *ink);
UrokPresentationInk *urok_resource_view_get_ink (UrokResourceView   *self);
/* Shows @resource; NULL shows @title as a title card (a stage with no
 * resources).  Showing the same resource again keeps its view as it is (a
 * video's position, a page's scroll). */
void          urok_resource_view_show         (UrokResourceView *self,
                                               UrokResource     *resource,
                                               const char       *title);
UrokResource *urok_resource_view_get_resource (UrokResourceView *self);
/* The drawing instruments shown over this view: a board page's pens snap
 * to their edges and the compass draws on it (weak; NULL for none). */
void          urok_resource_view_set_instruments (UrokResourceView        *self,
                                                  UrokBoardInstrumentView *instruments);
/* The widget showing the resource: a GtkPicture, GtkVideo,
 * WebKitWebView, UrokBoardPlaceholder or a card; its name says which
 * ("resource-picture", "resource-video", "resource-audio", "resource-web",
 * "resource-text", "resource-formula", "resource-board", "resource-card",
 * "resource-title"). */
GtkWidget    *urok_resource_view_get_content  (UrokResourceView *self);

/* The page a board_page resource shows (transfer none): the one the
 * canvas draws on, loaded on first use and kept for the session, so a
 * thumbnail follows the ink.  NULL (with a warning) if it does not load. */
UrokBoardPage *urok_resource_view_get_board_page (UrokResourceView *self,
                                                  UrokResource     *resource);

G_END_DECLS
