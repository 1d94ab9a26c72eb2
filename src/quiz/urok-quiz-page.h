/* urok-quiz-page.h: the Tests section: tests the teacher designs.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-section-page.h"

G_BEGIN_DECLS

#define UROK_TYPE_QUIZ_PAGE (urok_quiz_page_get_type ())

G_DECLARE_FINAL_TYPE (UrokQuizPage, urok_quiz_page, UROK, QUIZ_PAGE, UrokSectionPage)

G_END_DECLS
