/* urok-book-body-text-private.h: a content document's body text, flattened
 * (urok-book-text.c), for quotes and text positions.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-book-location.h"

G_BEGIN_DECLS

typedef struct
{
  GString    *text;      /* UTF-8 */
  GArray     *segments;  /* one per non-empty text node, in order */
  GHashTable *index;     /* xmlNode → segment index + 1 */
  xmlNode    *top;       /* <body>, or the root element */
} UrokBookText;

UrokBookText *_urok_book_text_new           (xmlDoc       *doc);
void          _urok_book_text_free          (UrokBookText *self);
/* The byte in the text where the boundary point (@node, @offset) lies. */
gboolean      _urok_book_text_byte_of       (UrokBookText *self,
                                             xmlNode      *node,
                                             gsize         offset,
                                             gsize        *byte);
/* The text node and UTF-16 offset of @byte; at the joint of two nodes the
 * start of the next one with @prefer_next, else the end of the previous. */
gboolean      _urok_book_text_node_at       (UrokBookText *self,
                                             gsize         byte,
                                             gboolean      prefer_next,
                                             xmlNode     **node,
                                             gsize        *offset);
gsize         _urok_book_text_utf16         (UrokBookText *self,
                                             gsize         byte);
gsize         _urok_book_text_byte_of_utf16 (UrokBookText *self,
                                             gsize         utf16);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokBookText, _urok_book_text_free)

G_END_DECLS
