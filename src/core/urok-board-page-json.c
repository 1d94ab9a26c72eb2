/* urok-board-page-json.c: a board page as JSON (docs/formats/board.md),
 * the `board` string of a lesson's board_page resource.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "urok-board-page-private.h"

#define PAGE_FORMAT  "urok-board"
#define PAGE_VERSION 1
#define MAX_LAYERS   1024
#define MAX_SIZE     1.0e6

JsonNode *
_urok_board_page_to_json (UrokBoardPage *self,
                          gboolean       with_items)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(GPtrArray) items = NULL;
  GBytes *data;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, PAGE_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, PAGE_VERSION);
  json_builder_set_member_name (b, "uuid");
  json_builder_add_string_value (b, urok_board_page_get_uuid (self));
  json_builder_set_member_name (b, "width");
  json_builder_add_double_value (b, urok_board_page_get_width (self));
  json_builder_set_member_name (b, "height");
  json_builder_add_double_value (b, urok_board_page_get_height (self));
  json_builder_set_member_name (b, "background");
  json_builder_add_string_value (b, urok_board_background_to_string (urok_board_page_get_background (self)));
  if (urok_board_page_get_background_parameter (self) != NULL)
    {
      json_builder_set_member_name (b, "background_parameter");
      json_builder_add_string_value (b, urok_board_page_get_background_parameter (self));
    }
  if ((data = urok_board_page_get_background_data (self)) != NULL)
    {
      g_autofree char *text = g_base64_encode (g_bytes_get_data (data, NULL), g_bytes_get_size (data));

      json_builder_set_member_name (b, "background_data");
      json_builder_add_string_value (b, text);
    }
  json_builder_set_member_name (b, "layers");
  json_builder_begin_array (b);
  for (guint i = 0; i < urok_board_page_get_n_layers (self); i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, urok_board_page_get_layer_name (self, i));
      json_builder_set_member_name (b, "visible");
      json_builder_add_boolean_value (b, urok_board_page_get_layer_visible (self, i));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (with_items)
    {
      /* Bottom first: the order of the array is the z-order. */
      json_builder_set_member_name (b, "items");
      json_builder_begin_array (b);
      items = urok_board_page_get_items (self);
      for (guint i = 0; i < items->len; i++)
        json_builder_add_value (b, urok_board_item_to_json (items->pdata[i]));
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
urok_board_page_to_json (UrokBoardPage *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), NULL);

  return _urok_board_page_to_json (self, TRUE);
}

char *
_urok_board_page_settings_to_string (UrokBoardPage *self)
{
  g_autoptr(JsonNode) root = _urok_board_page_to_json (self, FALSE);

  return json_to_string (root, FALSE);
}

char *
urok_board_page_to_string (UrokBoardPage *self)
{
  g_autoptr(JsonNode) root = urok_board_page_to_json (self);

  return json_to_string (root, FALSE);
}

static gboolean
fail (GError    **error,
      const char *problem)
{
  /* Translators: %s says what is wrong with the board page. */
  g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID, _("Not a valid board page: %s"), problem);
  return FALSE;
}

static gboolean
get_string (JsonObject  *o,
            const char  *name,
            const char **value)
{
  JsonNode *n = json_object_get_member (o, name);

  *value = NULL;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return FALSE;
  *value = json_node_get_string (n);
  return TRUE;
}

static gboolean
get_number (JsonObject *o,
            const char *name,
            double     *value)
{
  JsonNode *n = json_object_get_member (o, name);
  GType type;

  if (n == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n))
    return FALSE;
  type = json_node_get_value_type (n);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_double (n);
  return isfinite (*value);
}

static gboolean
read_layers (UrokBoardPage *page,
             JsonObject    *o,
             GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (gboolean));
  JsonNode *node = json_object_get_member (o, "layers");
  JsonArray *layers;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, _("“layers” is not an array"));
  layers = json_node_get_array (node);
  if (json_array_get_length (layers) < 1 || json_array_get_length (layers) > MAX_LAYERS)
    return fail (error, _("a page needs between 1 and 1024 layers"));
  for (guint i = 0; i < json_array_get_length (layers); i++)
    {
      JsonNode *e = json_array_get_element (layers, i);
      JsonObject *layer = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
      JsonNode *v = layer != NULL ? json_object_get_member (layer, "visible") : NULL;
      const char *name = NULL;
      gboolean shown = TRUE;

      if (layer == NULL || !get_string (layer, "name", &name)
          || (name != NULL && !g_utf8_validate (name, -1, NULL)))
        return fail (error, _("a layer is not valid"));
      if (v != NULL)
        {
          if (!JSON_NODE_HOLDS_VALUE (v) || json_node_get_value_type (v) != G_TYPE_BOOLEAN)
            return fail (error, _("a layer is not valid"));
          shown = json_node_get_boolean (v);
        }
      g_ptr_array_add (names, (gpointer)(name != NULL ? name : ""));
      g_array_append_val (visible, shown);
    }
  _urok_board_page_set_layers (page, names, visible);
  return TRUE;
}

static gboolean
read_settings (UrokBoardPage *page,
               JsonObject    *o,
               GError       **error)
{
  const char *text;
  double width = 1920, height = 1080;
  UrokBoardBackground background = UROK_BOARD_BACKGROUND_PLAIN;

  if (!get_string (o, "uuid", &text) || (text != NULL && !g_uuid_string_is_valid (text)))
    return fail (error, _("“uuid” is not a UUID"));
  if (text != NULL)
    urok_board_page_set_uuid (page, text);
  if (!get_number (o, "width", &width) || !get_number (o, "height", &height)
      || width < 0 || height < 0 || width > MAX_SIZE || height > MAX_SIZE || (width > 0) != (height > 0))
    return fail (error, _("its size is not valid"));
  urok_board_page_set_size (page, width, height);
  if (!get_string (o, "background", &text)
      || (text != NULL && !urok_board_background_from_string (text, &background)))
    return fail (error, _("unknown background"));
  urok_board_page_set_background (page, background);
  if (!get_string (o, "background_parameter", &text) || (text != NULL && !g_utf8_validate (text, -1, NULL)))
    return fail (error, _("“background_parameter” is not a string"));
  urok_board_page_set_background_parameter (page, text);
  if (!get_string (o, "background_data", &text))
    return fail (error, _("“background_data” is not a string"));
  if (text != NULL)
    {
      gsize len;
      guchar *decoded = g_base64_decode (text, &len);
      g_autoptr(GBytes) data = g_bytes_new_take (decoded, len);

      urok_board_page_set_background_data (page, data);
    }
  return TRUE;
}

UrokBoardPage *
urok_board_page_new_from_json (JsonNode *node,
                               GError  **error)
{
  g_autoptr(UrokBoardPage) page = NULL;
  JsonObject *o;
  JsonNode *items_node;
  const char *format;
  double version = PAGE_VERSION;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, _("not a JSON object")), NULL;
  o = json_node_get_object (node);
  if (!get_string (o, "format", &format) || (format != NULL && strcmp (format, PAGE_FORMAT) != 0))
    return fail (error, _("“format” is not “urok-board”")), NULL;
  if (!get_number (o, "version", &version) || version < 1)
    return fail (error, _("“version” is not valid")), NULL;
  if (version > PAGE_VERSION)
    {
      g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_VERSION,
                   _("The board page was made by a newer version of Urok; update Urok to open it"));
      return NULL;
    }

  page = urok_board_page_new ();
  if (!read_settings (page, o, error) || !read_layers (page, o, error))
    return NULL;
  items_node = json_object_get_member (o, "items");
  if (items_node != NULL)
    {
      JsonArray *items;

      if (!JSON_NODE_HOLDS_ARRAY (items_node))
        return fail (error, _("“items” is not an array")), NULL;
      items = json_node_get_array (items_node);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          g_autoptr(UrokBoardItem) item = urok_board_item_new_from_json (json_array_get_element (items, i), error);

          if (item == NULL)
            return NULL;
          if (_urok_board_page_lookup_entry (page, urok_board_item_get_id (item)) != NULL)
            return fail (error, _("two items have the same id")), NULL;
          if (urok_board_item_get_layer (item) >= urok_board_page_get_n_layers (page))
            return fail (error, _("an item is on a layer the page does not have")), NULL;
          _urok_board_page_load_item (page, item);
        }
    }
  _urok_board_page_reindex (page);
  return g_steal_pointer (&page);
}

UrokBoardPage *
urok_board_page_new_from_string (const char *text,
                                 GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* "" is what a new board_page resource holds: a blank page. */
  if (*text == '\0')
    return urok_board_page_new ();
  if (!json_parser_load_from_data (parser, text, -1, &local_error))
    return fail (error, local_error->message), NULL;
  return urok_board_page_new_from_json (json_parser_get_root (parser), error);
}
