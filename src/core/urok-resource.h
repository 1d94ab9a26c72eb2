/* urok-resource.h: one resource of a lesson stage: a board page, a place in
 * a textbook, a media file, a test, a web link, or a text/formula card.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Stored by name (urok_resource_kind_to_string()): never renumber. */
typedef enum
{
  UROK_RESOURCE_BOARD_PAGE, /* "board_page": a whiteboard page the lesson owns; `board` holds it */
  UROK_RESOURCE_BOOK_PLACE, /* "book_place": `target` = book identifier, `location` = place in it */
  UROK_RESOURCE_MEDIA,      /* "media": `target` = file name in the lesson's media folder, `media-type` */
  UROK_RESOURCE_TEST,       /* "test": `target` = the test's uuid */
  UROK_RESOURCE_LINK,       /* "link": `target` = an http(s) URL */
  UROK_RESOURCE_TEXT,       /* "text": `text` = the card; a formula is TeX between $…$ */
} UrokResourceKind;

#define UROK_TYPE_RESOURCE_KIND (urok_resource_kind_get_type ())
#define UROK_TYPE_RESOURCE (urok_resource_get_type ())

G_DECLARE_FINAL_TYPE (UrokResource, urok_resource, UROK, RESOURCE, GObject)

GType             urok_resource_kind_get_type    (void) G_GNUC_CONST;
const char       *urok_resource_kind_to_string   (UrokResourceKind  kind);
gboolean          urok_resource_kind_from_string (const char       *name,
                                                  UrokResourceKind *kind);

/* A new resource with a new random uuid and empty fields. */
UrokResource     *urok_resource_new              (UrokResourceKind  kind);
UrokResource     *urok_resource_copy             (UrokResource     *self,
                                                  gboolean          new_uuid);
gboolean          urok_resource_equal            (UrokResource     *a,
                                                  UrokResource     *b);

/* Properties "uuid" (construct-only), "kind" (construct-only), "title",
 * "target", "location", "text", "media-type", "board": all strings but
 * kind, never NULL (empty when unset), notify only on change. */
const char       *urok_resource_get_uuid         (UrokResource     *self);
UrokResourceKind  urok_resource_get_kind         (UrokResource     *self);
const char       *urok_resource_get_title        (UrokResource     *self);
void              urok_resource_set_title        (UrokResource     *self,
                                                  const char       *title);
const char       *urok_resource_get_target       (UrokResource     *self);
void              urok_resource_set_target       (UrokResource     *self,
                                                  const char       *target);
const char       *urok_resource_get_location     (UrokResource     *self);
void              urok_resource_set_location     (UrokResource     *self,
                                                  const char       *location);
const char       *urok_resource_get_text         (UrokResource     *self);
void              urok_resource_set_text         (UrokResource     *self,
                                                  const char       *text);
const char       *urok_resource_get_media_type   (UrokResource     *self);
void              urok_resource_set_media_type   (UrokResource     *self,
                                                  const char       *media_type);
/* The board page document (JSON text; "{}" is a blank page). Its format
 * belongs to the whiteboard; the lesson only keeps it. */
const char       *urok_resource_get_board        (UrokResource     *self);
void              urok_resource_set_board        (UrokResource     *self,
                                                  const char       *board);

G_END_DECLS
