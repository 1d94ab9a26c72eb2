/* urok-lessons-page.h: the Lessons section: the teacher's lessons.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-section-page.h"

G_BEGIN_DECLS

#define UROK_TYPE_LESSONS_PAGE (urok_lessons_page_get_type ())

G_DECLARE_FINAL_TYPE (UrokLessonsPage, urok_lessons_page, UROK, LESSONS_PAGE, UrokSectionPage)

G_END_DECLS
