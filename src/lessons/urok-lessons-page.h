/* urok-lessons-page.h: the Lessons section: the lesson library and editor.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-section-page.h"

G_BEGIN_DECLS

#define UROK_TYPE_LESSONS_PAGE (urok_lessons_page_get_type ())

G_DECLARE_FINAL_TYPE (UrokLessonsPage, urok_lessons_page, UROK, LESSONS_PAGE, UrokSectionPage)

gboolean urok_lessons_page_show_lesson    (UrokLessonsPage  *self,
                                           const char       *uuid,
                                           GError          **error);
/* Imports a lesson package (.urok) into the store, in a thread, and opens
 * the lesson; changes nothing and fails if the package is not sound.
 * G_IO_ERROR_CANCELLED if the page went away meanwhile. */
void     urok_lessons_page_import_package_async  (UrokLessonsPage     *self,
                                                  GFile               *file,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean urok_lessons_page_import_package_finish (UrokLessonsPage     *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* Whether @file looks like a lesson package, by name or content type. */
gboolean urok_lessons_page_is_package     (GFile            *file);

G_END_DECLS
