/* urok-presentation-page.h: the Presentation section: lessons ready to show.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-section-page.h"

G_BEGIN_DECLS

#define UROK_TYPE_PRESENTATION_PAGE (urok_presentation_page_get_type ())

G_DECLARE_FINAL_TYPE (UrokPresentationPage, urok_presentation_page, UROK, PRESENTATION_PAGE, UrokSectionPage)

G_END_DECLS
