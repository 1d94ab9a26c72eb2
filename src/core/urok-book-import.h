/* urok-book-import.h: bringing a textbook file into the library.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-store.h"

G_BEGIN_DECLS

UrokBookInfo *urok_book_import (UrokStore   *store,
                                GFile       *source,
                                const char  *books_dir,
                                gboolean    *out_was_new,
                                GError     **error);

G_END_DECLS
