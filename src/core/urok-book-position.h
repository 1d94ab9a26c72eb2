/* urok-book-position.h: where the reader is in an EPUB, as a location
 * that outlives the layout.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-book-location.h"
#include "urok-epub.h"

G_BEGIN_DECLS

UrokBookLocation *urok_book_position_locate  (UrokEpub          *epub,
                                              guint              spine_index,
                                              double             progression,
                                              GError           **error);
gboolean          urok_book_position_resolve (UrokEpub          *epub,
                                              UrokBookLocation  *location,
                                              guint             *spine_index,
                                              double            *progression,
                                              GError           **error);

G_END_DECLS
