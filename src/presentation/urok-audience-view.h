/* urok-audience-view.h: what the class sees: the current resource, the
 * ink drawn over it, and the frozen picture or black that hide it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-resource-view.h"

G_BEGIN_DECLS

#define UROK_TYPE_AUDIENCE_VIEW (urok_audience_view_get_type ())

G_DECLARE_FINAL_TYPE (UrokAudienceView, urok_audience_view, UROK, AUDIENCE_VIEW, GtkWidget)

/* The classroom tools over the ink, bottom to top. */
typedef enum
{
  UROK_AUDIENCE_TOOL_INSTRUMENTS,   /* UrokBoardInstrumentView (src/board) */
  UROK_AUDIENCE_TOOL_SPOTLIGHT,     /* UrokBoardSpotlight */
  UROK_AUDIENCE_TOOL_SHADE,         /* UrokBoardShade */
  UROK_AUDIENCE_TOOL_LASER,         /* UrokBoardLaser */
} UrokAudienceTool;

GtkWidget        *urok_audience_view_new            (void);
/* The live view of the current resource (the bottom layer). */
UrokResourceView *urok_audience_view_get_live       (UrokAudienceView *self);
/* The ink layer, drawn over any resource and under the frozen picture;
 * NULL removes it.  The whiteboard's ink widget goes here. */
void              urok_audience_view_set_ink_layer  (UrokAudienceView *self,
                                                     GtkWidget        *layer);
GtkWidget        *urok_audience_view_get_ink_layer  (UrokAudienceView *self);
/* Whether the ink layer takes input (draws), or lets it through to the
 * resource under it (a web page, a video's controls). */
void              urok_audience_view_set_ink_input  (UrokAudienceView *self,
                                                     gboolean          input);
/* A classroom tool's widget; hidden until the session shows it. */
GtkWidget        *urok_audience_view_get_tool       (UrokAudienceView *self,
                                                     UrokAudienceTool  tool);
/* Frozen: the class keeps seeing the picture taken now (live view and ink)
 * while both change underneath, until unfrozen. */
void              urok_audience_view_set_frozen     (UrokAudienceView *self,
                                                     gboolean          frozen);
gboolean          urok_audience_view_get_frozen     (UrokAudienceView *self);
/* The picture taken when frozen, or NULL. */
GdkPaintable     *urok_audience_view_get_frozen_picture (UrokAudienceView *self);
void              urok_audience_view_set_blacked_out (UrokAudienceView *self,
                                                      gboolean          blacked_out);
gboolean          urok_audience_view_get_blacked_out (UrokAudienceView *self);

G_END_DECLS
