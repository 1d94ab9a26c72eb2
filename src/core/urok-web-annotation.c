/* urok-web-annotation.c: annotations as W3C Web Annotation JSON-LD.
 *
 * Each annotation targets the book (source: its dc:identifier) through
 * several selectors that name the same place: an EPUB CFI (or, for a
 * PDF, an RFC 3778 "page=N&viewrect=x,y,w,h" fragment), the quote with
 * its context, the position in the chapter's text and, where the place
 * lies in an element with an id, a CSS selector.  A highlight's colour is
 * a style class ("urok-yellow") with its rule in the annotation's
 * stylesheet, as the model describes styling.  Rectangles of a PDF
 * highlight beyond the bounding one go in "urok:rects".
 *
 * Import reads everything before anything is stored: a malformed item
 * fails the whole file, so a half-read file never leaves half its notes.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "urok-epub-cfi.h"
#include "urok-web-annotation.h"

G_DEFINE_QUARK (urok-web-annotation-error-quark, urok_web_annotation_error)

#define CONTEXT "http://www.w3.org/ns/anno.jsonld"
#define UROK_NS "https://urok.ru/ns/annotation#"

static const char *motivations[] = { "bookmarking", "highlighting", "commenting" };

/* Export */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  add_string (builder, name, text);
}

static void
add_quote_selectors (JsonBuilder      *builder,
                     UrokBookLocation *location)
{
  if (*urok_book_location_get_exact (location) == '\0'
      && *urok_book_location_get_prefix (location) == '\0'
      && *urok_book_location_get_suffix (location) == '\0')
    return;
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextQuoteSelector");
  add_string (builder, "exact", urok_book_location_get_exact (location));
  add_string (builder, "prefix", urok_book_location_get_prefix (location));
  add_string (builder, "suffix", urok_book_location_get_suffix (location));
  json_builder_end_object (builder);
}

static void
add_pdf_selector (JsonBuilder      *builder,
                  UrokBookLocation *location)
{
  guint n_rects;
  const UrokBookRect *rects = urok_book_location_get_rects (location, &n_rects);
  g_autoptr(GString) value = g_string_new (NULL);

  g_string_printf (value, "page=%d", urok_book_location_get_page (location) + 1);
  if (n_rects > 0)
    {
      double x0 = rects[0].x, y0 = rects[0].y;
      double x1 = rects[0].x + rects[0].width, y1 = rects[0].y + rects[0].height;
      char buf[4][G_ASCII_DTOSTR_BUF_SIZE];

      for (guint i = 1; i < n_rects; i++)
        {
          x0 = MIN (x0, rects[i].x);
          y0 = MIN (y0, rects[i].y);
          x1 = MAX (x1, rects[i].x + rects[i].width);
          y1 = MAX (y1, rects[i].y + rects[i].height);
        }
      g_string_append_printf (value, "&viewrect=%s,%s,%s,%s",
                              g_ascii_dtostr (buf[0], sizeof buf[0], x0),
                              g_ascii_dtostr (buf[1], sizeof buf[1], y0),
                              g_ascii_dtostr (buf[2], sizeof buf[2], x1 - x0),
                              g_ascii_dtostr (buf[3], sizeof buf[3], y1 - y0));
    }
  json_builder_begin_object (builder);
  add_string (builder, "type", "FragmentSelector");
  add_string (builder, "conformsTo", UROK_PDF_CONFORMS_TO);
  add_string (builder, "value", value->str);
  if (n_rects > 0)
    {
      json_builder_set_member_name (builder, "urok:rects");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_rects; i++)
        {
          json_builder_begin_array (builder);
          json_builder_add_double_value (builder, rects[i].x);
          json_builder_add_double_value (builder, rects[i].y);
          json_builder_add_double_value (builder, rects[i].width);
          json_builder_add_double_value (builder, rects[i].height);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
add_epub_selectors (JsonBuilder      *builder,
                    UrokBookLocation *location)
{
  json_builder_begin_object (builder);
  add_string (builder, "type", "FragmentSelector");
  add_string (builder, "conformsTo", UROK_CFI_CONFORMS_TO);
  add_string (builder, "value", urok_book_location_get_cfi (location));
  json_builder_end_object (builder);
  if (urok_book_location_get_text_start (location) >= 0)
    {
      json_builder_begin_object (builder);
      add_string (builder, "type", "TextPositionSelector");
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, urok_book_location_get_text_start (location));
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, urok_book_location_get_text_end (location));
      json_builder_end_object (builder);
    }
  if (urok_book_location_get_css (location) != NULL)
    {
      json_builder_begin_object (builder);
      add_string (builder, "type", "CssSelector");
      add_string (builder, "value", urok_book_location_get_css (location));
      json_builder_end_object (builder);
    }
}

static void
add_annotation (JsonBuilder    *builder,
                const char     *book_identifier,
                UrokAnnotation *annotation)
{
  UrokAnnotationKind kind = urok_annotation_get_kind (annotation);
  UrokBookLocation *location = urok_annotation_get_location (annotation);
  const char *colour = urok_annotation_get_colour (annotation);
  g_autofree char *id = g_strconcat ("urn:uuid:", urok_annotation_get_uuid (annotation), NULL);
  g_autofree char *style_class = g_strconcat ("urok-", colour, NULL);
  g_autofree char *rule = g_strdup_printf (".%s { background-color: %s; }", style_class,
                                           urok_annotation_colour_get_rgb (colour));

  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  add_string (builder, "type", "Annotation");
  add_string (builder, "motivation", motivations[kind]);
  add_time (builder, "created", urok_annotation_get_created (annotation));
  add_time (builder, "modified", urok_annotation_get_modified (annotation));
  if (*urok_annotation_get_note (annotation) != '\0')
    {
      json_builder_set_member_name (builder, "body");
      json_builder_begin_object (builder);
      add_string (builder, "type", "TextualBody");
      add_string (builder, "value", urok_annotation_get_note (annotation));
      add_string (builder, "format", "text/plain");
      add_string (builder, "purpose", "commenting");
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "stylesheet");
  json_builder_begin_object (builder);
  add_string (builder, "type", "CssStylesheet");
  add_string (builder, "value", rule);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  add_string (builder, "source", book_identifier);
  add_string (builder, "styleClass", style_class);
  json_builder_set_member_name (builder, "selector");
  json_builder_begin_array (builder);
  if (urok_book_location_get_page (location) >= 0)
    add_pdf_selector (builder, location);
  else
    add_epub_selectors (builder, location);
  add_quote_selectors (builder, location);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

char *
urok_web_annotation_export (const char *book_identifier,
                            const char *label,
                            GPtrArray  *annotations)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (book_identifier != NULL, NULL);
  g_return_val_if_fail (annotations != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, CONTEXT);
  json_builder_begin_object (builder);
  add_string (builder, "urok", UROK_NS);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  add_string (builder, "type", "AnnotationCollection");
  if (label != NULL)
    add_string (builder, "label", label);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, annotations->len);
  json_builder_set_member_name (builder, "first");
  json_builder_begin_object (builder);
  add_string (builder, "type", "AnnotationPage");
  json_builder_set_member_name (builder, "startIndex");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < annotations->len; i++)
    add_annotation (builder, book_identifier, annotations->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* Import */

static gboolean
invalid (GError     **error,
         guint        item,
         const char  *what)
{
  g_set_error (error, UROK_WEB_ANNOTATION_ERROR, UROK_WEB_ANNOTATION_ERROR_INVALID,
               "Not a Web Annotation collection Urok can read: item %u: %s", item + 1, what);
  return FALSE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A string, or the first string of an array of them (type, motivation). */
static const char *
member_first_string (JsonObject *object,
                     const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    node = json_array_get_element (json_node_get_array (node), 0);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return *value >= 0 && *value <= G_MAXINT32;
}

/* Selectors, one object or an array of them, by type. */
typedef struct
{
  JsonObject *cfi;
  JsonObject *pdf;
  JsonObject *quote;
  JsonObject *position;
  JsonObject *css;
} Selectors;

static void
take_selector (Selectors  *selectors,
               JsonNode   *node)
{
  JsonObject *object;
  const char *type;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  type = member_string (object, "type");
  if (g_strcmp0 (type, "FragmentSelector") == 0)
    {
      const char *conforms_to = member_string (object, "conformsTo");

      if (g_strcmp0 (conforms_to, UROK_CFI_CONFORMS_TO) == 0 && selectors->cfi == NULL)
        selectors->cfi = object;
      else if (g_strcmp0 (conforms_to, UROK_PDF_CONFORMS_TO) == 0 && selectors->pdf == NULL)
        selectors->pdf = object;
    }
  else if (g_strcmp0 (type, "TextQuoteSelector") == 0 && selectors->quote == NULL)
    selectors->quote = object;
  else if (g_strcmp0 (type, "TextPositionSelector") == 0 && selectors->position == NULL)
    selectors->position = object;
  else if (g_strcmp0 (type, "CssSelector") == 0 && selectors->css == NULL)
    selectors->css = object;
}

static gboolean
parse_rect_array (JsonNode     *node,
                  UrokBookRect *rect)
{
  JsonArray *array;
  double v[4];

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (array = json_node_get_array (node)) != 4)
    return FALSE;
  for (guint k = 0; k < 4; k++)
    {
      JsonNode *n = json_array_get_element (array, k);
      GType type = JSON_NODE_HOLDS_VALUE (n) ? json_node_get_value_type (n) : G_TYPE_INVALID;

      if (type == G_TYPE_INT64)
        v[k] = (double) json_node_get_int (n);
      else if (type == G_TYPE_DOUBLE)
        v[k] = json_node_get_double (n);
      else
        return FALSE;
      if (!isfinite (v[k]) || (k >= 2 && v[k] < 0))
        return FALSE;
    }
  *rect = (UrokBookRect) { v[0], v[1], v[2], v[3] };
  return TRUE;
}

/* "page=N" with an optional "&viewrect=x,y,w,h" (RFC 3778). */
static UrokBookLocation *
pdf_location (JsonObject  *selector,
              JsonObject  *quote,
              guint        item,
              GError     **error)
{
  const char *value = member_string (selector, "value");
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (UrokBookRect));
  g_auto(GStrv) parts = NULL;
  JsonNode *extra;
  guint64 page = 0;

  if (value == NULL || !g_str_has_prefix (value, "page=")
      || !g_ascii_string_to_unsigned (value + 5, 10, 1, G_MAXINT32, &page, NULL))
    {
      parts = g_strsplit (value != NULL ? value : "", "&", 3);
      if (parts[0] == NULL || !g_str_has_prefix (parts[0], "page=")
          || !g_ascii_string_to_unsigned (parts[0] + 5, 10, 1, G_MAXINT32, &page, NULL))
        {
          invalid (error, item, "a PDF fragment without a page number");
          return NULL;
        }
    }
  extra = json_object_get_member (selector, "urok:rects");
  if (extra != NULL)
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (extra))
        {
          invalid (error, item, "“urok:rects” is not a list");
          return NULL;
        }
      array = json_node_get_array (extra);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          UrokBookRect rect;

          if (!parse_rect_array (json_array_get_element (array, i), &rect))
            {
              invalid (error, item, "a rectangle is not four numbers");
              return NULL;
            }
          g_array_append_val (rects, rect);
        }
    }
  else if (parts != NULL && parts[1] != NULL && g_str_has_prefix (parts[1], "viewrect="))
    {
      g_auto(GStrv) numbers = g_strsplit (parts[1] + strlen ("viewrect="), ",", 5);
      double v[4];
      guint k;

      for (k = 0; k < 4 && numbers[k] != NULL; k++)
        {
          char *end = NULL;

          v[k] = g_ascii_strtod (numbers[k], &end);
          if (end == numbers[k] || *end != '\0' || !isfinite (v[k]) || (k >= 2 && v[k] < 0))
            break;
        }
      if (k != 4 || numbers[4] != NULL)
        {
          invalid (error, item, "a malformed viewrect");
          return NULL;
        }
      g_array_append_val (rects, ((UrokBookRect) { v[0], v[1], v[2], v[3] }));
    }
  return urok_book_location_new_pdf ((int) page - 1, (const UrokBookRect *) (gpointer) rects->data,
                                     rects->len, member_string (quote, "exact"),
                                     member_string (quote, "prefix"), member_string (quote, "suffix"));
}

static UrokBookLocation *
parse_location (JsonObject  *target,
                guint        item,
                GError     **error)
{
  Selectors selectors = { NULL, };
  JsonNode *node = json_object_get_member (target, "selector");
  g_autoptr(UrokEpubCfi) cfi = NULL;
  g_autoptr(GError) cfi_error = NULL;
  const char *cfi_text;
  gint64 start = -1;
  gint64 end = -1;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        take_selector (&selectors, json_array_get_element (array, i));
    }
  else if (node != NULL)
    take_selector (&selectors, node);

  if (selectors.pdf != NULL && selectors.cfi == NULL)
    return pdf_location (selectors.pdf, selectors.quote, item, error);
  if (selectors.cfi == NULL)
    {
      invalid (error, item, "no EPUB CFI or PDF page selector");
      return NULL;
    }
  cfi_text = member_string (selectors.cfi, "value");
  if (cfi_text == NULL || (cfi = urok_epub_cfi_parse (cfi_text, &cfi_error)) == NULL)
    {
      invalid (error, item, cfi_error != NULL ? cfi_error->message : "a CFI selector without a value");
      return NULL;
    }
  if (selectors.position != NULL
      && (!member_int (selectors.position, "start", &start) || !member_int (selectors.position, "end", &end)
          || end < start))
    {
      invalid (error, item, "a malformed text position");
      return NULL;
    }
  return urok_book_location_new_epub (cfi_text, member_string (selectors.quote, "exact"),
                                      member_string (selectors.quote, "prefix"),
                                      member_string (selectors.quote, "suffix"),
                                      start, end, member_string (selectors.css, "value"));
}

/* Our ids are "urn:uuid:…"; another tool's id maps to a stable uuid of its
 * own, so importing its file twice still de-duplicates. */
static char *
uuid_for_id (const char *id)
{
  g_autofree char *sum = NULL;

  if (g_str_has_prefix (id, "urn:uuid:") && g_uuid_string_is_valid (id + strlen ("urn:uuid:")))
    return g_ascii_strdown (id + strlen ("urn:uuid:"), -1);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, id, -1);
  return g_strdup_printf ("%.8s-%.4s-5%.3s-8%.3s-%.12s", sum, sum + 8, sum + 13, sum + 17, sum + 20);
}

static const char *
note_of (JsonObject *annotation)
{
  JsonNode *body = json_object_get_member (annotation, "body");

  if (body != NULL && JSON_NODE_HOLDS_ARRAY (body))
    {
      JsonArray *array = json_node_get_array (body);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element)
              && g_strcmp0 (member_string (json_node_get_object (element), "type"), "TextualBody") == 0)
            return member_string (json_node_get_object (element), "value");
        }
      return NULL;
    }
  if (body != NULL && JSON_NODE_HOLDS_OBJECT (body))
    return member_string (json_node_get_object (body), "value");
  return NULL;
}

static GDateTime *
parse_time (JsonObject *annotation,
            const char *name,
            GDateTime  *fallback)
{
  const char *text = member_string (annotation, name);

  if (json_object_get_member (annotation, name) == NULL)
    return g_date_time_ref (fallback);
  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* NULL with no error for an item of another book. */
static UrokAnnotation *
parse_annotation (JsonNode    *node,
                  const char  *book_identifier,
                  guint        item,
                  GDateTime   *now,
                  GError     **error)
{
  g_autoptr(UrokBookLocation) location = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *uuid = NULL;
  JsonObject *object;
  JsonObject *target;
  JsonNode *target_node;
  const char *id;
  const char *motivation;
  const char *source;
  const char *style_class;
  const char *colour = urok_annotation_colours ()[0];
  UrokAnnotationKind kind = UROK_ANNOTATION_HIGHLIGHT;
  guint k;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, item, "not an object"), NULL;
  object = json_node_get_object (node);
  if (g_strcmp0 (member_first_string (object, "type"), "Annotation") != 0)
    return invalid (error, item, "its type is not “Annotation”"), NULL;
  if ((id = member_string (object, "id")) == NULL || *id == '\0')
    return invalid (error, item, "no id"), NULL;
  motivation = member_first_string (object, "motivation");
  for (k = 0; k < G_N_ELEMENTS (motivations); k++)
    if (g_strcmp0 (motivation, motivations[k]) == 0)
      break;
  if (k == G_N_ELEMENTS (motivations))
    return invalid (error, item, "a motivation other than bookmarking, highlighting or commenting"), NULL;
  kind = (UrokAnnotationKind) k;

  target_node = json_object_get_member (object, "target");
  if (target_node != NULL && JSON_NODE_HOLDS_ARRAY (target_node)
      && json_array_get_length (json_node_get_array (target_node)) == 1)
    target_node = json_array_get_element (json_node_get_array (target_node), 0);
  if (target_node == NULL || !JSON_NODE_HOLDS_OBJECT (target_node))
    return invalid (error, item, "no target"), NULL;
  target = json_node_get_object (target_node);
  if ((source = member_string (target, "source")) == NULL)
    return invalid (error, item, "the target has no source"), NULL;

  location = parse_location (target, item, error);
  if (location == NULL)
    return NULL;
  created = parse_time (object, "created", now);
  modified = parse_time (object, "modified", created != NULL ? created : now);
  if (created == NULL || modified == NULL)
    return invalid (error, item, "a malformed date"), NULL;
  if (g_strcmp0 (source, book_identifier) != 0)
    return NULL;

  style_class = member_string (target, "styleClass");
  if (style_class != NULL && g_str_has_prefix (style_class, "urok-")
      && urok_annotation_colour_is_valid (style_class + strlen ("urok-")))
    colour = style_class + strlen ("urok-");
  uuid = uuid_for_id (id);
  return urok_annotation_new_full (uuid, book_identifier, kind, location, colour,
                                   note_of (object), created, modified);
}

static JsonArray *
find_items (JsonNode  *root,
            GError   **error)
{
  JsonObject *object;
  const char *type;
  JsonNode *page;
  JsonNode *items;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, 0, "the file is not a JSON object"), NULL;
  object = json_node_get_object (root);
  type = member_first_string (object, "type");
  if (g_strcmp0 (type, "AnnotationCollection") == 0)
    {
      page = json_object_get_member (object, "first");
      if (page == NULL)
        return json_array_new ();  /* an empty collection has no page */
      if (!JSON_NODE_HOLDS_OBJECT (page))
        return invalid (error, 0, "the collection's first page is not embedded"), NULL;
      object = json_node_get_object (page);
    }
  else if (g_strcmp0 (type, "AnnotationPage") != 0)
    return invalid (error, 0, "neither an AnnotationCollection nor an AnnotationPage"), NULL;
  items = json_object_get_member (object, "items");
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    return invalid (error, 0, "the page has no list of items"), NULL;
  return json_array_ref (json_node_get_array (items));
}

GPtrArray *
urok_web_annotation_import (const char  *json,
                            gssize       length,
                            const char  *book_identifier,
                            guint       *n_skipped,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) parse_error = NULL;
  guint skipped = 0;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (book_identifier != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, &parse_error))
    {
      g_set_error (error, UROK_WEB_ANNOTATION_ERROR, UROK_WEB_ANNOTATION_ERROR_INVALID,
                   "Not a Web Annotation collection: %s", parse_error->message);
      return NULL;
    }
  items = find_items (json_parser_get_root (parser), error);
  if (items == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(GError) local_error = NULL;
      UrokAnnotation *annotation = parse_annotation (json_array_get_element (items, i),
                                                     book_identifier, i, now, &local_error);
      UrokAnnotation *earlier;

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (annotation == NULL)
        {
          skipped++;
          continue;
        }
      earlier = g_hash_table_lookup (by_uuid, urok_annotation_get_uuid (annotation));
      if (earlier == NULL)
        {
          g_ptr_array_add (result, annotation);
          g_hash_table_insert (by_uuid, (gpointer) urok_annotation_get_uuid (annotation), annotation);
        }
      else if (g_date_time_compare (urok_annotation_get_modified (annotation),
                                    urok_annotation_get_modified (earlier)) > 0)
        {
          guint index;

          g_ptr_array_find (result, earlier, &index);
          g_hash_table_replace (by_uuid, (gpointer) urok_annotation_get_uuid (annotation), annotation);
          g_ptr_array_index (result, index) = annotation;
          g_object_unref (earlier);
        }
      else
        g_object_unref (annotation);
    }
  if (n_skipped != NULL)
    *n_skipped = skipped;
  return g_steal_pointer (&result);
}
