/* urok-gradebook-page.h: the Grade Book section: each class group's marks.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-section-page.h"

G_BEGIN_DECLS

#define UROK_TYPE_GRADEBOOK_PAGE (urok_gradebook_page_get_type ())

G_DECLARE_FINAL_TYPE (UrokGradebookPage, urok_gradebook_page, UROK, GRADEBOOK_PAGE, UrokSectionPage)

G_END_DECLS
