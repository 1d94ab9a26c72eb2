/* urok-book-location.c: a place in a textbook, and finding it again.
 *
 * A CFI alone breaks when a publisher re-issues the book: a paragraph
 * inserted before the place shifts every index after it.  So a location
 * also keeps its text (the quote, with 32 characters of context on each
 * side, as a Web Annotation TextQuoteSelector does): when the text at the
 * CFI is no longer the quote, the quote is searched in the document, and
 * of several matches the one whose context agrees best (then the nearest)
 * wins.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "urok-book-body-text-private.h"
#include "urok-epub-cfi.h"

struct _UrokBookLocation
{
  GObject  parent_instance;

  char    *cfi;
  char    *exact;
  char    *prefix;
  char    *suffix;
  gint64   text_start;
  gint64   text_end;
  char    *css;
  int      page;
  GArray  *rects;  /* UrokBookRect */

  /* @cfi parsed on first comparison: sorting compares each many times. */
  UrokEpubCfi *parsed;
  gboolean     parse_failed;
};

G_DEFINE_FINAL_TYPE (UrokBookLocation, urok_book_location, G_TYPE_OBJECT)
G_DEFINE_QUARK (urok-book-location-error-quark, urok_book_location_error)

static void
urok_book_location_finalize (GObject *object)
{
  UrokBookLocation *self = UROK_BOOK_LOCATION (object);

  g_clear_pointer (&self->cfi, g_free);
  g_clear_pointer (&self->exact, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->css, g_free);
  g_clear_pointer (&self->rects, g_array_unref);
  g_clear_pointer (&self->parsed, urok_epub_cfi_unref);

  G_OBJECT_CLASS (urok_book_location_parent_class)->finalize (object);
}

static void
urok_book_location_class_init (UrokBookLocationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = urok_book_location_finalize;
}

static void
urok_book_location_init (UrokBookLocation *self)
{
  self->exact = g_strdup ("");
  self->prefix = g_strdup ("");
  self->suffix = g_strdup ("");
  self->text_start = self->text_end = -1;
  self->page = -1;
  self->rects = g_array_new (FALSE, FALSE, sizeof (UrokBookRect));
}

static void
set_quote (UrokBookLocation *self,
           const char       *exact,
           const char       *prefix,
           const char       *suffix)
{
  g_free (self->exact);
  g_free (self->prefix);
  g_free (self->suffix);
  self->exact = g_strdup (exact != NULL ? exact : "");
  self->prefix = g_strdup (prefix != NULL ? prefix : "");
  self->suffix = g_strdup (suffix != NULL ? suffix : "");
}

UrokBookLocation *
urok_book_location_new_epub (const char *cfi,
                             const char *exact,
                             const char *prefix,
                             const char *suffix,
                             gint64      text_start,
                             gint64      text_end,
                             const char *css)
{
  UrokBookLocation *self;

  g_return_val_if_fail (cfi != NULL, NULL);

  self = g_object_new (UROK_TYPE_BOOK_LOCATION, NULL);
  self->cfi = g_strdup (cfi);
  set_quote (self, exact, prefix, suffix);
  self->text_start = text_start;
  self->text_end = text_end;
  self->css = css != NULL && *css != '\0' ? g_strdup (css) : NULL;
  return self;
}

UrokBookLocation *
urok_book_location_new_pdf (int                 page,
                            const UrokBookRect *rects,
                            guint               n_rects,
                            const char         *exact,
                            const char         *prefix,
                            const char         *suffix)
{
  UrokBookLocation *self;

  g_return_val_if_fail (page >= 0, NULL);
  g_return_val_if_fail (rects != NULL || n_rects == 0, NULL);

  self = g_object_new (UROK_TYPE_BOOK_LOCATION, NULL);
  self->page = page;
  g_array_append_vals (self->rects, rects, n_rects);
  set_quote (self, exact, prefix, suffix);
  return self;
}

/* Up to @n characters of @text ending at @end (or, with @forward,
 * starting there). */
static char *
context (const char *text,
         gsize       len,
         gsize       at,
         gboolean    forward)
{
  const char *p = text + at;

  if (forward)
    {
      for (guint i = 0; i < UROK_BOOK_LOCATION_CONTEXT && p < text + len; i++)
        p = g_utf8_next_char (p);
      return g_strndup (text + at, (gsize) (p - (text + at)));
    }
  for (guint i = 0; i < UROK_BOOK_LOCATION_CONTEXT && p > text; i++)
    p = g_utf8_prev_char (p);
  return g_strndup (p, (gsize) (text + at - p));
}

static gboolean
is_css_identifier (const char *id)
{
  if (!g_ascii_isalpha (*id) && *id != '_')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/* "#id" of the nearest element around @node that has a plain id. */
static char *
css_selector (xmlNode *node)
{
  for (xmlNode *e = node; e != NULL; e = e->parent)
    {
      g_autofree char *id = NULL;
      xmlChar *value;

      if (e->type != XML_ELEMENT_NODE)
        continue;
      value = xmlGetNoNsProp (e, (const xmlChar *) "id");
      if (value == NULL)
        continue;
      id = g_strdup ((const char *) value);
      xmlFree (value);
      if (is_css_identifier (id))
        return g_strconcat ("#", id, NULL);
    }
  return NULL;
}

UrokBookLocation *
urok_book_location_new_for_range (guint        spine_index,
                                  const char  *idref,
                                  xmlDoc      *doc,
                                  xmlNode     *start_node,
                                  gsize        start_offset,
                                  xmlNode     *end_node,
                                  gsize        end_offset,
                                  GError     **error)
{
  g_autoptr(UrokEpubCfi) cfi = NULL;
  g_autoptr(UrokBookText) text = NULL;
  g_autofree char *cfi_text = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *css = NULL;
  gsize start = 0;
  gsize end = 0;
  gboolean point;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (start_node != NULL && end_node != NULL, NULL);

  point = start_node == end_node && start_offset == end_offset;
  if (point)
    cfi = urok_epub_cfi_new_for_point (spine_index, idref, start_node, start_offset, error);
  else
    cfi = urok_epub_cfi_new_for_range (spine_index, idref, start_node, start_offset,
                                       end_node, end_offset, error);
  if (cfi == NULL)
    return NULL;
  cfi_text = urok_epub_cfi_to_string (cfi);

  text = _urok_book_text_new (doc);
  if (!_urok_book_text_byte_of (text, start_node, start_offset, &start)
      || !_urok_book_text_byte_of (text, end_node, end_offset, &end))
    start = end = 0;
  if (end < start)
    end = start;
  exact = g_strndup (text->text->str + start, end - start);
  prefix = context (text->text->str, text->text->len, start, FALSE);
  suffix = context (text->text->str, text->text->len, end, TRUE);
  css = css_selector (start_node);

  return urok_book_location_new_epub (cfi_text, exact, prefix, suffix,
                                      (gint64) _urok_book_text_utf16 (text, start),
                                      (gint64) _urok_book_text_utf16 (text, end), css);
}

const char *
urok_book_location_get_cfi (UrokBookLocation *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (self), NULL);
  return self->cfi;
}

const char *
urok_book_location_get_exact (UrokBookLocation *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (self), NULL);
  return self->exact;
}

const char *
urok_book_location_get_prefix (UrokBookLocation *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (self), NULL);
  return self->prefix;
}

const char *
urok_book_location_get_suffix (UrokBookLocation *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (self), NULL);
  return self->suffix;
}

gint64
urok_book_location_get_text_start (UrokBookLocation *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (self), -1);
  return self->text_start;
}

gint64
urok_book_location_get_text_end (UrokBookLocation *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (self), -1);
  return self->text_end;
}

const char *
urok_book_location_get_css (UrokBookLocation *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (self), NULL);
  return self->css;
}

int
urok_book_location_get_page (UrokBookLocation *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (self), -1);
  return self->page;
}

const UrokBookRect *
urok_book_location_get_rects (UrokBookLocation *self,
                              guint            *n_rects)
{
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (self), NULL);
  if (n_rects != NULL)
    *n_rects = self->rects->len;
  return (const UrokBookRect *) (gpointer) self->rects->data;
}

gboolean
urok_book_location_equal (UrokBookLocation *a,
                          UrokBookLocation *b)
{
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (a) && UROK_IS_BOOK_LOCATION (b), FALSE);

  return g_strcmp0 (a->cfi, b->cfi) == 0
         && g_str_equal (a->exact, b->exact)
         && g_str_equal (a->prefix, b->prefix)
         && g_str_equal (a->suffix, b->suffix)
         && a->text_start == b->text_start
         && a->text_end == b->text_end
         && g_strcmp0 (a->css, b->css) == 0
         && a->page == b->page
         && a->rects->len == b->rects->len
         && (a->rects->len == 0
             || memcmp (a->rects->data, b->rects->data, a->rects->len * sizeof (UrokBookRect)) == 0);
}

static UrokEpubCfi *
get_parsed (UrokBookLocation *self)
{
  if (self->parsed == NULL && !self->parse_failed && self->cfi != NULL)
    {
      self->parsed = urok_epub_cfi_parse (self->cfi, NULL);
      self->parse_failed = self->parsed == NULL;
    }
  return self->parsed;
}

int
urok_book_location_compare (UrokBookLocation *a,
                            UrokBookLocation *b)
{
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (a) && UROK_IS_BOOK_LOCATION (b), 0);

  if (a->page >= 0 || b->page >= 0)
    {
      const UrokBookRect *ra;
      const UrokBookRect *rb;

      if (a->page != b->page)
        return a->page < b->page ? -1 : 1;
      if (a->rects->len == 0 || b->rects->len == 0)
        return (int) a->rects->len - (int) b->rects->len;
      ra = &g_array_index (a->rects, UrokBookRect, 0);
      rb = &g_array_index (b->rects, UrokBookRect, 0);
      if (ra->y != rb->y)
        return ra->y < rb->y ? -1 : 1;
      if (ra->x != rb->x)
        return ra->x < rb->x ? -1 : 1;
      return 0;
    }
  else
    {
      UrokEpubCfi *ca = get_parsed (a);
      UrokEpubCfi *cb = get_parsed (b);
      int order;

      /* An unreadable CFI sorts last, among its kind by text. */
      if (ca == NULL || cb == NULL)
        return ca != NULL ? -1 : cb != NULL ? 1 : g_strcmp0 (a->cfi, b->cfi);
      order = urok_epub_cfi_compare (ca, cb);
      if (order != 0)
        return order;
      return g_strcmp0 (a->cfi, b->cfi);
    }
}

/* Finding the place again */

static gsize
common_suffix (const char *a,
               gsize       a_len,
               const char *b,
               gsize       b_len)
{
  gsize n = 0;

  while (n < a_len && n < b_len && a[a_len - 1 - n] == b[b_len - 1 - n])
    n++;
  return n;
}

static gsize
common_prefix (const char *a,
               gsize       a_len,
               const char *b,
               gsize       b_len)
{
  gsize n = 0;

  while (n < a_len && n < b_len && a[n] == b[n])
    n++;
  return n;
}

/* The best match of @needle in @text: the one whose surroundings agree
 * best with the quote's context, then the nearest to @hint.  The quote
 * starts @lead bytes into the needle and ends @trail bytes before its end. */
static gboolean
best_match (UrokBookLocation *self,
            UrokBookText     *text,
            const char       *needle,
            gsize             lead,
            gsize             trail,
            gsize             hint,
            gsize            *start,
            gsize            *end)
{
  const char *haystack = text->text->str;
  gsize len = text->text->len;
  gsize prefix_len = strlen (self->prefix);
  gsize suffix_len = strlen (self->suffix);
  gsize needle_len = strlen (needle);
  gsize best_score = 0;
  gsize best_distance = G_MAXSIZE;
  gboolean found = FALSE;

  if (needle_len == 0)
    return FALSE;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    {
      gsize s = (gsize) (p - haystack) + lead;
      gsize e = (gsize) (p - haystack) + needle_len - trail;
      gsize score = common_suffix (self->prefix, prefix_len, haystack, s)
                    + common_prefix (self->suffix, suffix_len, haystack + e, len - e);
      gsize distance = s > hint ? s - hint : hint - s;

      if (!found || score > best_score || (score == best_score && distance < best_distance))
        {
          found = TRUE;
          best_score = score;
          best_distance = distance;
          *start = s;
          *end = e;
        }
    }
  return found;
}

static gboolean
search_quote (UrokBookLocation *self,
              UrokBookText     *text,
              gsize             hint,
              gsize            *start,
              gsize            *end)
{
  g_autofree char *both = NULL;

  if (*self->exact != '\0')
    return best_match (self, text, self->exact, 0, 0, hint, start, end);

  /* A point has no text of its own: the context on both sides names it,
   * or, where one side was rewritten, the other side alone. */
  both = g_strconcat (self->prefix, self->suffix, NULL);
  return best_match (self, text, both, strlen (self->prefix), strlen (self->suffix), hint, start, end)
         || best_match (self, text, self->suffix, 0, strlen (self->suffix), hint, start, end)
         || best_match (self, text, self->prefix, strlen (self->prefix), 0, hint, start, end);
}

/* Whether the text at [start, end) is the quote (and, for a point, the
 * context around it). */
static gboolean
quote_matches (UrokBookLocation *self,
               UrokBookText     *text,
               gsize             start,
               gsize             end)
{
  const char *haystack = text->text->str;
  gsize prefix_len = strlen (self->prefix);
  gsize suffix_len = strlen (self->suffix);

  if (*self->exact != '\0')
    return end - start == strlen (self->exact)
           && memcmp (haystack + start, self->exact, end - start) == 0;
  return common_suffix (self->prefix, prefix_len, haystack, start) == prefix_len
         && common_prefix (self->suffix, suffix_len, haystack + end, text->text->len - end) == suffix_len;
}

gboolean
urok_book_location_resolve (UrokBookLocation  *self,
                            xmlDoc            *doc,
                            UrokBookAnchor    *anchor,
                            xmlNode          **start_node,
                            gsize             *start_offset,
                            xmlNode          **end_node,
                            gsize             *end_offset,
                            GError           **error)
{
  g_autoptr(UrokEpubCfi) cfi = NULL;
  g_autoptr(UrokBookText) text = NULL;
  g_autoptr(GError) cfi_error = NULL;
  xmlNode *cfi_start = NULL;
  xmlNode *cfi_end = NULL;
  gsize cfi_start_offset = 0;
  gsize cfi_end_offset = 0;
  gboolean cfi_resolved = FALSE;
  gsize start = 0;
  gsize end = 0;
  gsize hint;

  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (self), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (start_node != NULL && start_offset != NULL, FALSE);
  g_return_val_if_fail (end_node != NULL && end_offset != NULL, FALSE);

  if (self->cfi == NULL)
    {
      g_set_error (error, UROK_BOOK_LOCATION_ERROR, UROK_BOOK_LOCATION_ERROR_INVALID,
                   "A page location of a PDF cannot be found in an EPUB document");
      return FALSE;
    }

  text = _urok_book_text_new (doc);
  cfi = urok_epub_cfi_parse (self->cfi, &cfi_error);
  if (cfi != NULL
      && urok_epub_cfi_resolve (cfi, doc, FALSE, &cfi_start, &cfi_start_offset, &cfi_error)
      && urok_epub_cfi_resolve (cfi, doc, TRUE, &cfi_end, &cfi_end_offset, &cfi_error)
      && _urok_book_text_byte_of (text, cfi_start, cfi_start_offset, &start)
      && _urok_book_text_byte_of (text, cfi_end, cfi_end_offset, &end)
      && start <= end)
    {
      cfi_resolved = TRUE;
      if (quote_matches (self, text, start, end))
        {
          *start_node = cfi_start;
          *start_offset = cfi_start_offset;
          *end_node = cfi_end;
          *end_offset = cfi_end_offset;
          if (anchor != NULL)
            *anchor = UROK_BOOK_ANCHOR_EXACT;
          return TRUE;
        }
    }

  hint = cfi_resolved ? start
         : self->text_start >= 0 ? _urok_book_text_byte_of_utf16 (text, (gsize) self->text_start)
         : 0;
  if (search_quote (self, text, hint, &start, &end)
      && _urok_book_text_node_at (text, start, TRUE, start_node, start_offset)
      && _urok_book_text_node_at (text, end, start == end, end_node, end_offset))
    {
      if (anchor != NULL)
        *anchor = UROK_BOOK_ANCHOR_MOVED;
      return TRUE;
    }

  if (cfi_resolved)
    {
      *start_node = cfi_start;
      *start_offset = cfi_start_offset;
      *end_node = cfi_end;
      *end_offset = cfi_end_offset;
      if (anchor != NULL)
        *anchor = UROK_BOOK_ANCHOR_APPROXIMATE;
      return TRUE;
    }

  g_set_error (error, UROK_BOOK_LOCATION_ERROR, UROK_BOOK_LOCATION_ERROR_NOT_FOUND,
               "The place is not in this document: %s, and its text “%s” is not found",
               cfi_error != NULL ? cfi_error->message : "the CFI leads elsewhere",
               *self->exact != '\0' ? self->exact : self->suffix);
  return FALSE;
}
