/* urok-library-page.h: the Library section: the teacher's textbooks.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-section-page.h"

G_BEGIN_DECLS

#define UROK_TYPE_LIBRARY_PAGE (urok_library_page_get_type ())

G_DECLARE_FINAL_TYPE (UrokLibraryPage, urok_library_page, UROK, LIBRARY_PAGE, UrokSectionPage)

void          urok_library_page_import_async  (UrokLibraryPage     *self,
                                               GFile               *file,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
UrokBookInfo *urok_library_page_import_finish (UrokLibraryPage     *self,
                                               GAsyncResult        *result,
                                               gboolean            *out_was_new,
                                               GError             **error);

G_END_DECLS
