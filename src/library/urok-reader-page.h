/* urok-reader-page.h: a textbook open for reading, EPUB or PDF.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "urok-store.h"

G_BEGIN_DECLS

#define UROK_TYPE_READER_PAGE (urok_reader_page_get_type ())

G_DECLARE_FINAL_TYPE (UrokReaderPage, urok_reader_page, UROK, READER_PAGE, GtkWidget)

GtkWidget    *urok_reader_page_new      (void);
gboolean      urok_reader_page_open     (UrokReaderPage  *self,
                                         UrokStore       *store,
                                         UrokBookInfo    *book,
                                         GError         **error);
gboolean      urok_reader_page_open_at  (UrokReaderPage  *self,
                                         UrokStore       *store,
                                         UrokBookInfo    *book,
                                         const char      *path,
                                         GError         **error);
void          urok_reader_page_close    (UrokReaderPage  *self);
UrokBookInfo *urok_reader_page_get_book (UrokReaderPage  *self);
GtkWidget    *urok_reader_page_get_view (UrokReaderPage  *self);

G_END_DECLS
