/* urok-book-location.h: a place in a textbook that survives a re-issued
 * edition: an EPUB CFI (or a PDF page and rectangles) together with the
 * text found there and around it, to search for when the CFI misses.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define UROK_BOOK_LOCATION_ERROR (urok_book_location_error_quark ())

typedef enum
{
  UROK_BOOK_LOCATION_ERROR_INVALID,    /* malformed stored or imported data */
  UROK_BOOK_LOCATION_ERROR_NOT_FOUND,  /* neither the CFI nor the text is there */
} UrokBookLocationError;

/* How a location was found again in a document. */
typedef enum
{
  UROK_BOOK_ANCHOR_EXACT,        /* the CFI leads to the quoted text */
  UROK_BOOK_ANCHOR_MOVED,        /* the quote was found elsewhere */
  UROK_BOOK_ANCHOR_APPROXIMATE,  /* the CFI resolves; the text there changed */
} UrokBookAnchor;

/* A rectangle on a PDF page, in points from the page's top left corner. */
typedef struct
{
  double x, y, width, height;
} UrokBookRect;

/* Characters of context kept on each side of the quote. */
#define UROK_BOOK_LOCATION_CONTEXT 32

#define UROK_TYPE_BOOK_LOCATION (urok_book_location_get_type ())

G_DECLARE_FINAL_TYPE (UrokBookLocation, urok_book_location, UROK, BOOK_LOCATION, GObject)

GQuark            urok_book_location_error_quark  (void);

/* @text_start and @text_end: UTF-16 offsets in the content document's
 * body text (as a Web Annotation TextPositionSelector), -1 if unknown. */
UrokBookLocation *urok_book_location_new_epub     (const char          *cfi,
                                                   const char          *exact,
                                                   const char          *prefix,
                                                   const char          *suffix,
                                                   gint64               text_start,
                                                   gint64               text_end,
                                                   const char          *css);
/* @page counts from 0. */
UrokBookLocation *urok_book_location_new_pdf      (int                  page,
                                                   const UrokBookRect  *rects,
                                                   guint                n_rects,
                                                   const char          *exact,
                                                   const char          *prefix,
                                                   const char          *suffix);
/* The location of a range (a point when start and end are equal) of the
 * content document @doc of spine item @spine_index / @idref: its CFI,
 * quote, text positions and the CSS id selector of its nearest element. */
UrokBookLocation *urok_book_location_new_for_range (guint               spine_index,
                                                   const char          *idref,
                                                   xmlDoc              *doc,
                                                   xmlNode             *start_node,
                                                   gsize                start_offset,
                                                   xmlNode             *end_node,
                                                   gsize                end_offset,
                                                   GError             **error);

const char       *urok_book_location_get_cfi      (UrokBookLocation    *self);
const char       *urok_book_location_get_exact    (UrokBookLocation    *self);
const char       *urok_book_location_get_prefix   (UrokBookLocation    *self);
const char       *urok_book_location_get_suffix   (UrokBookLocation    *self);
gint64            urok_book_location_get_text_start (UrokBookLocation  *self);
gint64            urok_book_location_get_text_end (UrokBookLocation    *self);
const char       *urok_book_location_get_css      (UrokBookLocation    *self);
/* -1 for an EPUB location. */
int               urok_book_location_get_page     (UrokBookLocation    *self);
const UrokBookRect *urok_book_location_get_rects  (UrokBookLocation    *self,
                                                   guint               *n_rects);
gboolean          urok_book_location_equal        (UrokBookLocation    *a,
                                                   UrokBookLocation    *b);
/* Reading order: by CFI, or by page and position on it. */
int               urok_book_location_compare      (UrokBookLocation    *a,
                                                   UrokBookLocation    *b);

/* Finds the location in @doc (the content document its CFI names): by the
 * CFI when the quote matches there, else by searching the quote with its
 * context (a re-issued edition), else where the CFI leads. */
gboolean          urok_book_location_resolve      (UrokBookLocation    *self,
                                                   xmlDoc              *doc,
                                                   UrokBookAnchor      *anchor,
                                                   xmlNode            **start_node,
                                                   gsize               *start_offset,
                                                   xmlNode            **end_node,
                                                   gsize               *end_offset,
                                                   GError             **error);

/* The stored form, a JSON object. */
JsonNode         *urok_book_location_to_json      (UrokBookLocation    *self);
UrokBookLocation *urok_book_location_new_from_json (JsonNode           *node,
                                                   GError             **error);

/* The same as a string: what a lesson's book_place resource keeps in its
 * `location`, so the lesson opens the book at that place. */
char             *urok_book_location_to_string    (UrokBookLocation    *self);
UrokBookLocation *urok_book_location_new_from_string (const char       *text,
                                                   GError             **error);

/* The body text of @doc (text and CDATA under <body>, or under the root
 * element when there is none), as quotes and text positions count it. */
char             *urok_book_location_dup_document_text (xmlDoc         *doc);

G_END_DECLS
