/* urok-book-location-json.c: a location's stored form, a JSON object:
 * {"cfi", "exact", "prefix", "suffix", "start", "end", "css"} for EPUB,
 * {"page", "rects": [[x, y, w, h]...], "exact"...} for PDF.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-book-location.h"
#include "urok-epub-cfi.h"

JsonNode *
urok_book_location_to_json (UrokBookLocation *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const UrokBookRect *rects;
  guint n_rects;

  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (self), NULL);

  json_builder_begin_object (builder);
  if (urok_book_location_get_page (self) >= 0)
    {
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, urok_book_location_get_page (self));
      json_builder_set_member_name (builder, "rects");
      json_builder_begin_array (builder);
      rects = urok_book_location_get_rects (self, &n_rects);
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
  else
    {
      json_builder_set_member_name (builder, "cfi");
      json_builder_add_string_value (builder, urok_book_location_get_cfi (self));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, urok_book_location_get_text_start (self));
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, urok_book_location_get_text_end (self));
      if (urok_book_location_get_css (self) != NULL)
        {
          json_builder_set_member_name (builder, "css");
          json_builder_add_string_value (builder, urok_book_location_get_css (self));
        }
    }
  json_builder_set_member_name (builder, "exact");
  json_builder_add_string_value (builder, urok_book_location_get_exact (self));
  json_builder_set_member_name (builder, "prefix");
  json_builder_add_string_value (builder, urok_book_location_get_prefix (self));
  json_builder_set_member_name (builder, "suffix");
  json_builder_add_string_value (builder, urok_book_location_get_suffix (self));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
invalid (GError     **error,
         const char  *what)
{
  g_set_error (error, UROK_BOOK_LOCATION_ERROR, UROK_BOOK_LOCATION_ERROR_INVALID,
               "Invalid book location: %s", what);
  return FALSE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *name,
            gboolean     required,
            const char **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return !required || invalid (error, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, name);
  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_int (JsonObject  *object,
         const char  *name,
         gint64       fallback,
         gint64       min,
         gint64      *value,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = fallback;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (error, name);
  *value = json_node_get_int (node);
  if (*value < min || *value > G_MAXINT32)
    return invalid (error, name);
  return TRUE;
}

static gboolean
get_number (JsonNode *node,
            double   *value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;
  return TRUE;
}

UrokBookLocation *
urok_book_location_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  JsonObject *object;
  const char *cfi;
  const char *exact;
  const char *prefix;
  const char *suffix;
  const char *css;
  gint64 page;
  gint64 start;
  gint64 end;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, "not an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if (!get_string (object, "exact", FALSE, &exact, error)
      || !get_string (object, "prefix", FALSE, &prefix, error)
      || !get_string (object, "suffix", FALSE, &suffix, error)
      || !get_int (object, "page", -1, -1, &page, error))
    return NULL;

  if (page >= 0)
    {
      g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (UrokBookRect));
      JsonNode *member = json_object_get_member (object, "rects");
      JsonArray *array;

      if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
        {
          invalid (error, "rects");
          return NULL;
        }
      array = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          JsonArray *numbers;
          double v[4];

          if (!JSON_NODE_HOLDS_ARRAY (item)
              || json_array_get_length (numbers = json_node_get_array (item)) != 4)
            {
              invalid (error, "a rectangle is not four numbers");
              return NULL;
            }
          for (guint k = 0; k < 4; k++)
            if (!get_number (json_array_get_element (numbers, k), &v[k]) || !isfinite (v[k])
                || (k >= 2 && v[k] < 0))
              {
                invalid (error, "a rectangle is not four numbers");
                return NULL;
              }
          g_array_append_val (rects, ((UrokBookRect) { v[0], v[1], v[2], v[3] }));
        }
      return urok_book_location_new_pdf ((int) page, (const UrokBookRect *) (gpointer) rects->data,
                                         rects->len, exact, prefix, suffix);
    }

  if (!get_string (object, "cfi", TRUE, &cfi, error)
      || !get_string (object, "css", FALSE, &css, error)
      || !get_int (object, "start", -1, -1, &start, error)
      || !get_int (object, "end", -1, -1, &end, error))
    return NULL;
  {
    g_autoptr(UrokEpubCfi) parsed = urok_epub_cfi_parse (cfi, error);

    if (parsed == NULL)
      return NULL;
  }
  if (end < start)
    {
      invalid (error, "the text ends before it starts");
      return NULL;
    }
  return urok_book_location_new_epub (cfi, exact, prefix, suffix, start, end, css);
}

char *
urok_book_location_to_string (UrokBookLocation *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (self), NULL);

  node = urok_book_location_to_json (self);
  return json_to_string (node, FALSE);
}

UrokBookLocation *
urok_book_location_new_from_string (const char  *text,
                                    GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  node = json_from_string (text, &local_error);
  if (node == NULL)
    {
      g_set_error (error, UROK_BOOK_LOCATION_ERROR, UROK_BOOK_LOCATION_ERROR_INVALID,
                   "Invalid book location: %s",
                   local_error != NULL ? local_error->message : "empty");
      return NULL;
    }
  return urok_book_location_new_from_json (node, error);
}
