/* urok-library-page-private.h: what the parts of the Library page share.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-library-page.h"

G_BEGIN_DECLS

/* urok-library-page.c */
void _urok_library_page_set_busy         (UrokLibraryPage *self,
                                          int              delta);

/* urok-library-page-import.c */
void _urok_library_page_choose_files     (UrokLibraryPage *self);
void _urok_library_page_import_files     (UrokLibraryPage *self,
                                          GListModel      *files);
void _urok_library_page_add_drop_target  (UrokLibraryPage *self);

/* urok-library-page-search.c */
guint _urok_library_page_find_in_books   (UrokLibraryPage *self,
                                          UrokStore       *store,
                                          GListModel      *books,
                                          const char      *text,
                                          GtkListBox      *list);

/* urok-library-page-remove.c */
void _urok_library_page_ask_remove       (UrokLibraryPage *self,
                                          UrokBookInfo    *book);

G_END_DECLS
