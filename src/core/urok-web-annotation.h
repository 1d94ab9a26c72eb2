/* urok-web-annotation.h: a book's annotations as a W3C Web Annotation
 * collection (JSON-LD), to share them or carry them to another machine.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-annotation.h"

G_BEGIN_DECLS

#define UROK_WEB_ANNOTATION_ERROR (urok_web_annotation_error_quark ())

typedef enum
{
  UROK_WEB_ANNOTATION_ERROR_INVALID,   /* not a Web Annotation collection we can read */
} UrokWebAnnotationError;

#define UROK_CFI_CONFORMS_TO "http://www.idpf.org/epub/linking/cfi/epub-cfi.html"
#define UROK_PDF_CONFORMS_TO "http://tools.ietf.org/rfc/rfc3778"

GQuark      urok_web_annotation_error_quark (void);

/* An AnnotationCollection of @annotations (UrokAnnotation) of the book
 * @book_identifier, with one embedded AnnotationPage; pretty JSON. */
char       *urok_web_annotation_export      (const char  *book_identifier,
                                             const char  *label,
                                             GPtrArray   *annotations);
/* Reads a collection (or a page) and gives the annotations of the book
 * @book_identifier, one per id (the latest modified); @n_skipped (may be
 * NULL) counts those of other books.  Any malformed item fails the whole. */
GPtrArray  *urok_web_annotation_import      (const char  *json,
                                             gssize       length,
                                             const char  *book_identifier,
                                             guint       *n_skipped,
                                             GError     **error);

G_END_DECLS
