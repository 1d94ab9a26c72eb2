/* urok-book-hit.h: one place in a book that a full-text search found, with
 * a snippet of text around it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UROK_TYPE_BOOK_HIT (urok_book_hit_get_type ())

G_DECLARE_FINAL_TYPE (UrokBookHit, urok_book_hit, UROK, BOOK_HIT, GObject)

/* A found word, as byte offsets [start, end) into the snippet. */
typedef struct
{
  guint start;
  guint end;
} UrokBookHitMark;

UrokBookHit           *urok_book_hit_new             (gint64                  book_id,
                                                      guint                   spine_index,
                                                      const char             *href,
                                                      const char             *locator,
                                                      const char             *snippet,
                                                      const UrokBookHitMark  *marks,
                                                      guint                   n_marks);

gint64                 urok_book_hit_get_book_id     (UrokBookHit            *self);
/* The content document: its position in the spine and its href. */
guint                  urok_book_hit_get_spine_index (UrokBookHit            *self);
const char            *urok_book_hit_get_href        (UrokBookHit            *self);
/* The block to jump to: see UrokBookTextBlock.locator. */
const char            *urok_book_hit_get_locator     (UrokBookHit            *self);
/* Plain text (escape it before showing it as markup), "…" where cut. */
const char            *urok_book_hit_get_snippet     (UrokBookHit            *self);
/* The found words in the snippet, in order. */
const UrokBookHitMark *urok_book_hit_get_marks       (UrokBookHit            *self,
                                                      guint                  *n_marks);

G_END_DECLS
