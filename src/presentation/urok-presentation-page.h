/* urok-presentation-page.h: the Presentation section: lessons ready to show.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-presentation-session.h"
#include "urok-section-page.h"

G_BEGIN_DECLS

#define UROK_TYPE_PRESENTATION_PAGE (urok_presentation_page_get_type ())

G_DECLARE_FINAL_TYPE (UrokPresentationPage, urok_presentation_page, UROK, PRESENTATION_PAGE, UrokSectionPage)

/* Actions: "presentation.start" (s: a lesson's uuid) opens the lesson's
 * presentation, ending one that runs. */

/* How presentations started here place their windows (tests force two
 * windows on Xvfb's one monitor); default automatic. */
void                     urok_presentation_page_set_mode    (UrokPresentationPage *self,
                                                             UrokPresentationMode  mode);
/* The running presentation, or NULL. */
UrokPresentationSession *urok_presentation_page_get_session (UrokPresentationPage *self);

G_END_DECLS
