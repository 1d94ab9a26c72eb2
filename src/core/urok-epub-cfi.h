/* urok-epub-cfi.h: EPUB Canonical Fragment Identifiers (EPUB CFI 1.1):
 * parsing, the canonical string, document order, and the mapping between a
 * CFI and a position (node, offset) in a content document's libxml2 tree.
 *
 * Character offsets count UTF-16 code units, as the DOM of the reader's web
 * view does (resources/reader/cfi.js), so both sides read the same CFI.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define UROK_EPUB_CFI_ERROR (urok_epub_cfi_error_quark ())

typedef enum
{
  UROK_EPUB_CFI_ERROR_SYNTAX,     /* not an EPUB CFI */
  UROK_EPUB_CFI_ERROR_NOT_FOUND,  /* the path leads nowhere in this document */
  UROK_EPUB_CFI_ERROR_POSITION,   /* the position cannot be expressed as a CFI */
} UrokEpubCfiError;

#define UROK_TYPE_EPUB_CFI (urok_epub_cfi_get_type ())

typedef struct _UrokEpubCfi UrokEpubCfi;

GType        urok_epub_cfi_get_type        (void) G_GNUC_CONST;
GQuark       urok_epub_cfi_error_quark     (void);

/* Accepts "epubcfi(...)" or the bare path. */
UrokEpubCfi *urok_epub_cfi_parse           (const char         *text,
                                            GError            **error);
UrokEpubCfi *urok_epub_cfi_ref             (UrokEpubCfi        *self);
void         urok_epub_cfi_unref           (UrokEpubCfi        *self);

/* The canonical form, "epubcfi(...)". */
char        *urok_epub_cfi_to_string       (const UrokEpubCfi  *self);
gboolean     urok_epub_cfi_is_range        (const UrokEpubCfi  *self);
/* The spine item the CFI names (its position in the spine, from 0, and its
 * idref assertion or NULL); FALSE when the CFI has no spine step. */
gboolean     urok_epub_cfi_get_spine_item  (const UrokEpubCfi  *self,
                                            guint              *spine_index,
                                            const char        **idref);
/* Document order of the start points (then of the ends); for sorting. */
int          urok_epub_cfi_compare         (const UrokEpubCfi  *a,
                                            const UrokEpubCfi  *b);

/* A position is a DOM-like boundary point: a text (or CDATA) node and a
 * character offset in it, or an element and the index of the child before
 * which it lies.  @doc is the content document of the spine item at
 * @spine_index (from 0), whose itemref has @idref (may be NULL). */
UrokEpubCfi *urok_epub_cfi_new_for_point   (guint               spine_index,
                                            const char         *idref,
                                            xmlNode            *node,
                                            gsize               offset,
                                            GError            **error);
UrokEpubCfi *urok_epub_cfi_new_for_range   (guint               spine_index,
                                            const char         *idref,
                                            xmlNode            *start_node,
                                            gsize               start_offset,
                                            xmlNode            *end_node,
                                            gsize               end_offset,
                                            GError            **error);
/* Resolves the point (or the start or, with @end, the end of a range) in
 * @doc.  Where a step's index no longer leads to the element its id
 * assertion names, the element with that id is taken instead.  Gives a
 * text node and an offset in it where there is text; else an element and a
 * child index (or, for a path ending on an element, that element and 0). */
gboolean     urok_epub_cfi_resolve         (const UrokEpubCfi  *self,
                                            xmlDoc             *doc,
                                            gboolean            end,
                                            xmlNode           **node,
                                            gsize              *offset,
                                            GError            **error);

/* Helpers shared with the location code: the length of a text node's
 * content in UTF-16 code units, and the byte index of a UTF-16 offset. */
gsize        urok_utf16_length             (const char         *utf8,
                                            gssize              n_bytes);
gsize        urok_utf16_to_byte_index      (const char         *utf8,
                                            gsize               utf16_offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokEpubCfi, urok_epub_cfi_unref)

G_END_DECLS
