/* urok-annotation.h: a teacher's bookmark, highlight or note in a textbook.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-book-location.h"

G_BEGIN_DECLS

typedef enum
{
  UROK_ANNOTATION_BOOKMARK,
  UROK_ANNOTATION_HIGHLIGHT,
  UROK_ANNOTATION_NOTE,
} UrokAnnotationKind;

#define UROK_TYPE_ANNOTATION (urok_annotation_get_type ())

G_DECLARE_FINAL_TYPE (UrokAnnotation, urok_annotation, UROK, ANNOTATION, GObject)

/* A new annotation with a fresh uuid, made and modified now, in the
 * palette's first colour. */
UrokAnnotation     *urok_annotation_new              (const char         *book_identifier,
                                                      UrokAnnotationKind  kind,
                                                      UrokBookLocation   *location);
/* As read from the store or an import: every field given. */
UrokAnnotation     *urok_annotation_new_full         (const char         *uuid,
                                                      const char         *book_identifier,
                                                      UrokAnnotationKind  kind,
                                                      UrokBookLocation   *location,
                                                      const char         *colour,
                                                      const char         *note,
                                                      GDateTime          *created,
                                                      GDateTime          *modified);

const char         *urok_annotation_get_uuid         (UrokAnnotation     *self);
const char         *urok_annotation_get_book_identifier (UrokAnnotation  *self);
UrokAnnotationKind  urok_annotation_get_kind         (UrokAnnotation     *self);
UrokBookLocation   *urok_annotation_get_location     (UrokAnnotation     *self);
const char         *urok_annotation_get_colour       (UrokAnnotation     *self);
const char         *urok_annotation_get_note         (UrokAnnotation     *self);
GDateTime          *urok_annotation_get_created      (UrokAnnotation     *self);
GDateTime          *urok_annotation_get_modified     (UrokAnnotation     *self);

/* The setters touch "modified". @colour must be in the palette. */
void                urok_annotation_set_colour       (UrokAnnotation     *self,
                                                      const char         *colour);
void                urok_annotation_set_note         (UrokAnnotation     *self,
                                                      const char         *note);
void                urok_annotation_set_location     (UrokAnnotation     *self,
                                                      UrokBookLocation   *location);
gboolean            urok_annotation_equal            (UrokAnnotation     *a,
                                                      UrokAnnotation     *b);

const char         *urok_annotation_kind_to_string   (UrokAnnotationKind  kind);
gboolean            urok_annotation_kind_from_string (const char         *text,
                                                      UrokAnnotationKind *kind);

/* The fixed palette: names (stored and exported), a NULL-terminated list. */
const char * const *urok_annotation_colours          (void);
gboolean            urok_annotation_colour_is_valid  (const char         *colour);
/* "#rrggbb" of a palette colour. */
const char         *urok_annotation_colour_get_rgb   (const char         *colour);
/* Its translated name, for menus. */
const char         *urok_annotation_colour_get_label (const char         *colour);

G_END_DECLS
