/* urok-board-item-codec.c: the binary and JSON encodings of board items
 * (docs/formats/board.md).  Both readers trust nothing: every length is
 * checked against what is left, every number for range and finiteness.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "urok-board-item-private.h"

#define HEADER_SIZE 144
#define FLAG_FILL   0x01

static const char *const kind_names[] = { "stroke", "shape", "text", "image", "media" };
static const char *const tool_names[] = { "pen", "highlighter" };
static const char *const shape_names[] = { "line", "arrow", "rectangle", "ellipse", "polygon" };

/* Writing */

static void
put_u32 (GByteArray *out,
         guint32     v)
{
  guint32 le = GUINT32_TO_LE (v);

  g_byte_array_append (out, (const guint8 *)&le, 4);
}

static void
put_u64 (GByteArray *out,
         guint64     v)
{
  guint64 le = GUINT64_TO_LE (v);

  g_byte_array_append (out, (const guint8 *)&le, 8);
}

static void
put_f32 (GByteArray *out,
         float       v)
{
  guint32 bits;

  /* -0 is written as 0: one value, one encoding. */
  if (v == 0)
    v = 0;
  memcpy (&bits, &v, 4);
  put_u32 (out, bits);
}

static void
put_f64 (GByteArray *out,
         double      v)
{
  guint64 bits;

  if (v == 0)
    v = 0;
  memcpy (&bits, &v, 8);
  put_u64 (out, bits);
}

static void
put_color (GByteArray           *out,
           const UrokBoardColor *c)
{
  put_f32 (out, c->red);
  put_f32 (out, c->green);
  put_f32 (out, c->blue);
  put_f32 (out, c->alpha);
}

void
_urok_board_item_serialize_to (const UrokBoardItem *self,
                               GByteArray          *out)
{
  const UrokBoardColor none = { 0, 0, 0, 0 };
  const double *m;
  gsize text_len, start = out->len;
  guint8 head[8] = { 'U', 'B', 'I', UROK_BOARD_ITEM_FORMAT_VERSION };

  text_len = self->text != NULL ? strlen (self->text) : 0;
  head[4] = self->kind;
  head[5] = self->kind == UROK_BOARD_ITEM_SHAPE ? self->shape : self->tool;
  head[6] = self->has_fill ? FLAG_FILL : 0;
  g_byte_array_append (out, head, 8);
  put_u64 (out, self->id);
  put_u32 (out, self->layer);
  put_f32 (out, self->width);
  put_f32 (out, self->font_size);
  put_color (out, &self->color);
  put_color (out, self->has_fill ? &self->fill : &none);
  m = &self->matrix.xx;
  put_f64 (out, m[0]);
  put_f64 (out, m[1]);
  put_f64 (out, m[2]);
  put_f64 (out, m[3]);
  put_f64 (out, m[4]);
  put_f64 (out, m[5]);
  put_f64 (out, self->box.x);
  put_f64 (out, self->box.y);
  put_f64 (out, self->box.width);
  put_f64 (out, self->box.height);
  put_u32 (out, self->n_points);
  g_assert (out->len - start == HEADER_SIZE);
  for (gsize i = 0; i < self->n_points; i++)
    {
      put_f32 (out, self->points[i].x);
      put_f32 (out, self->points[i].y);
      put_f32 (out, self->points[i].pressure);
      put_u32 (out, self->points[i].time_ms);
    }
  put_u32 (out, text_len);
  if (text_len > 0)
    g_byte_array_append (out, (const guint8 *)self->text, text_len);
  if (self->bytes != NULL)
    {
      put_u32 (out, g_bytes_get_size (self->bytes));
      g_byte_array_append (out, g_bytes_get_data (self->bytes, NULL), g_bytes_get_size (self->bytes));
    }
  else
    put_u32 (out, 0);
}

GBytes *
urok_board_item_serialize (const UrokBoardItem *self)
{
  GByteArray *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_byte_array_sized_new (HEADER_SIZE + self->n_points * 16 + 8
                                + (self->text != NULL ? strlen (self->text) : 0) + 8
                                + (self->bytes != NULL ? g_bytes_get_size (self->bytes) : 0));
  _urok_board_item_serialize_to (self, out);
  return g_byte_array_free_to_bytes (out);
}

/* Reading */

typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
} Reader;

static gboolean
take (Reader     *r,
      gsize       n,
      const void **p)
{
  if (r->len - r->pos < n)
    return FALSE;
  *p = r->data + r->pos;
  r->pos += n;
  return TRUE;
}

static gboolean
get_u32 (Reader  *r,
         guint32 *v)
{
  const void *p;

  if (!take (r, 4, &p))
    return FALSE;
  memcpy (v, p, 4);
  *v = GUINT32_FROM_LE (*v);
  return TRUE;
}

static gboolean
get_u64 (Reader  *r,
         guint64 *v)
{
  const void *p;

  if (!take (r, 8, &p))
    return FALSE;
  memcpy (v, p, 8);
  *v = GUINT64_FROM_LE (*v);
  return TRUE;
}

static gboolean
get_f32 (Reader *r,
         float  *v)
{
  guint32 bits;

  if (!get_u32 (r, &bits))
    return FALSE;
  memcpy (v, &bits, 4);
  /* The encoder never writes -0 (see put_f32). */
  return isfinite (*v) && !(*v == 0 && signbit (*v));
}

static gboolean
get_f64 (Reader *r,
         double *v)
{
  guint64 bits;

  if (!get_u64 (r, &bits))
    return FALSE;
  memcpy (v, &bits, 8);
  return isfinite (*v) && fabs (*v) <= UROK_BOARD_MAX_COORDINATE && !(*v == 0 && signbit (*v));
}

static gboolean
get_color (Reader         *r,
           UrokBoardColor *c)
{
  return get_f32 (r, &c->red) && get_f32 (r, &c->green) && get_f32 (r, &c->blue) && get_f32 (r, &c->alpha);
}

static gboolean
invalid (GError    **error,
         const char *what)
{
  /* Translators: %s says what is wrong with the item. */
  g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID, _("Not a valid board item: %s"), what);
  return FALSE;
}

/* Checks what the constructors would refuse, so that a decoded item is
 * one the program could have made. */
static gboolean
check_item (const UrokBoardItem *self,
            GError             **error)
{
  const UrokBoardRect *b = &self->box;

  if (self->id == 0)
    return invalid (error, _("its id is 0"));
  if (self->layer > UROK_BOARD_MAX_LAYER)
    return invalid (error, _("its layer is out of range"));
  if (self->width < 0 || self->width > 10000 || self->font_size < 0 || self->font_size > 10000)
    return invalid (error, _("its width or font size is out of range"));
  if (b->width < 0 || b->height < 0)
    return invalid (error, _("its box has a negative size"));
  /* Unused fields are zero, so that one item has one encoding. */
  if (!self->has_fill && (self->fill.red != 0 || self->fill.green != 0 || self->fill.blue != 0 || self->fill.alpha != 0))
    return invalid (error, _("a fill without its flag"));
  if ((self->kind > UROK_BOARD_ITEM_TEXT
       && (self->color.red != 0 || self->color.green != 0 || self->color.blue != 0 || self->color.alpha != 0))
      || (self->kind > UROK_BOARD_ITEM_SHAPE && self->width != 0)
      || (self->kind != UROK_BOARD_ITEM_TEXT && self->font_size != 0)
      || (self->kind != UROK_BOARD_ITEM_SHAPE && self->has_fill)
      || (self->kind <= UROK_BOARD_ITEM_SHAPE && (b->x != 0 || b->y != 0 || b->width != 0 || b->height != 0)))
    return invalid (error, _("a field its kind does not use is set"));
  for (guint i = 0; i < 4; i++)
    {
      float c = (&self->color.red)[i], f = (&self->fill.red)[i];

      if (c < 0 || c > 1 || f < 0 || f > 1)
        return invalid (error, _("bad color"));
    }
  for (gsize i = 0; i < self->n_points; i++)
    if (fabsf (self->points[i].x) > UROK_BOARD_MAX_COORDINATE || fabsf (self->points[i].y) > UROK_BOARD_MAX_COORDINATE
        || self->points[i].pressure < 0 || self->points[i].pressure > 1)
      return invalid (error, _("a point is out of range"));
  if (self->text != NULL && !g_utf8_validate (self->text, -1, NULL))
    return invalid (error, _("its text is not UTF-8"));

  switch ((UrokBoardItemKind)self->kind)
    {
    case UROK_BOARD_ITEM_STROKE:
      if (self->tool > UROK_BOARD_TOOL_HIGHLIGHTER || self->n_points < 1 || self->text != NULL
          || self->bytes != NULL || self->has_fill)
        return invalid (error, _("a stroke with wrong fields"));
      return TRUE;
    case UROK_BOARD_ITEM_SHAPE:
      if (self->shape > UROK_BOARD_SHAPE_POLYGON
          || (self->shape == UROK_BOARD_SHAPE_POLYGON ? self->n_points < 3 : self->n_points != 2)
          || self->text != NULL || self->bytes != NULL)
        return invalid (error, _("a shape with wrong fields"));
      return TRUE;
    case UROK_BOARD_ITEM_TEXT:
      if (self->n_points != 0 || self->text == NULL || self->bytes != NULL || self->font_size <= 0)
        return invalid (error, _("a text with wrong fields"));
      return TRUE;
    case UROK_BOARD_ITEM_IMAGE:
      if (self->n_points != 0 || self->text == NULL || self->bytes == NULL)
        return invalid (error, _("an image with wrong fields"));
      return TRUE;
    case UROK_BOARD_ITEM_MEDIA:
      if (self->n_points != 0 || self->text == NULL || self->bytes != NULL)
        return invalid (error, _("a media item with wrong fields"));
      return TRUE;
    default:
      return invalid (error, _("unknown kind"));
    }
}

UrokBoardItem *
urok_board_item_deserialize (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(UrokBoardItem) self = NULL;
  Reader r = { 0 };
  const guint8 *head;
  const void *p;
  guint64 id;
  guint32 layer, n_points, text_len, data_len;
  double *m;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.data = g_bytes_get_data (bytes, &r.len);
  if (!take (&r, 8, &p))
    return invalid (error, _("too short")), NULL;
  head = p;
  if (memcmp (head, "UBI", 3) != 0)
    return invalid (error, _("wrong signature")), NULL;
  if (head[3] > UROK_BOARD_ITEM_FORMAT_VERSION)
    {
      g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_VERSION,
                   _("The board item was written by a newer version of Urok (format %u); update Urok to open it"),
                   head[3]);
      return NULL;
    }
  if (head[3] == 0 || head[4] > UROK_BOARD_ITEM_MEDIA || (head[6] & ~FLAG_FILL) != 0 || head[7] != 0)
    return invalid (error, _("bad header")), NULL;
  if (!get_u64 (&r, &id) || !get_u32 (&r, &layer))
    return invalid (error, _("too short")), NULL;

  /* The point count is read first (at the header's end) to size the item;
   * it is checked against what is left before anything is allocated. */
  if (r.len < HEADER_SIZE)
    return invalid (error, _("too short")), NULL;
  memcpy (&n_points, r.data + HEADER_SIZE - 4, 4);
  n_points = GUINT32_FROM_LE (n_points);
  if (n_points > UROK_BOARD_MAX_POINTS || n_points > (r.len - HEADER_SIZE) / 16)
    return invalid (error, _("its point count exceeds its size")), NULL;

  self = _urok_board_item_new (head[4], id, layer, n_points);
  if (head[4] == UROK_BOARD_ITEM_SHAPE)
    self->shape = head[5];
  else if (head[4] == UROK_BOARD_ITEM_STROKE)
    self->tool = head[5];
  else if (head[5] != 0)
    return invalid (error, _("bad header")), NULL;
  self->has_fill = (head[6] & FLAG_FILL) != 0;
  m = &self->matrix.xx;
  if (!get_f32 (&r, &self->width) || !get_f32 (&r, &self->font_size)
      || !get_color (&r, &self->color) || !get_color (&r, &self->fill)
      || !get_f64 (&r, &m[0]) || !get_f64 (&r, &m[1]) || !get_f64 (&r, &m[2])
      || !get_f64 (&r, &m[3]) || !get_f64 (&r, &m[4]) || !get_f64 (&r, &m[5])
      || !get_f64 (&r, &self->box.x) || !get_f64 (&r, &self->box.y)
      || !get_f64 (&r, &self->box.width) || !get_f64 (&r, &self->box.height))
    return invalid (error, _("a number is not finite or out of range")), NULL;
  r.pos += 4; /* the point count, read above */
  for (guint32 i = 0; i < n_points; i++)
    {
      UrokBoardPoint *pt = &self->points[i];

      if (!get_f32 (&r, &pt->x) || !get_f32 (&r, &pt->y) || !get_f32 (&r, &pt->pressure)
          || !get_u32 (&r, &pt->time_ms))
        return invalid (error, _("a point is not finite")), NULL;
    }
  if (!get_u32 (&r, &text_len))
    return invalid (error, _("too short")), NULL;
  if (text_len > UROK_BOARD_MAX_TEXT || !take (&r, text_len, &p))
    return invalid (error, _("its text length exceeds its size")), NULL;
  if (text_len > 0 || head[4] >= UROK_BOARD_ITEM_TEXT)
    self->text = g_strndup (p, text_len);
  if (self->text != NULL && strlen (self->text) != text_len)
    return invalid (error, _("its text holds a NUL")), NULL;
  if (!get_u32 (&r, &data_len))
    return invalid (error, _("too short")), NULL;
  if (data_len > UROK_BOARD_MAX_IMAGE || !take (&r, data_len, &p))
    return invalid (error, _("its data length exceeds its size")), NULL;
  if (data_len > 0 || head[4] == UROK_BOARD_ITEM_IMAGE)
    self->bytes = g_bytes_new_from_bytes (bytes, r.pos - data_len, data_len);
  if (r.pos != r.len)
    return invalid (error, _("trailing bytes")), NULL;
  if (!check_item (self, error))
    return NULL;
  _urok_board_item_finish (self);
  return g_steal_pointer (&self);
}

/* JSON */

static JsonNode *
color_to_json (const UrokBoardColor *c)
{
  JsonArray *a = json_array_sized_new (4);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_array_add_double_element (a, c->red);
  json_array_add_double_element (a, c->green);
  json_array_add_double_element (a, c->blue);
  json_array_add_double_element (a, c->alpha);
  json_node_take_array (node, a);
  return node;
}

static JsonNode *
doubles_to_json (const double *v,
                 guint         n)
{
  JsonArray *a = json_array_sized_new (n);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < n; i++)
    json_array_add_double_element (a, v[i]);
  json_node_take_array (node, a);
  return node;
}

JsonNode *
urok_board_item_to_json (const UrokBoardItem *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autofree char *id = NULL;
  cairo_matrix_t identity;

  g_return_val_if_fail (self != NULL, NULL);

  id = g_strdup_printf ("%" G_GUINT64_FORMAT, self->id);
  cairo_matrix_init_identity (&identity);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, kind_names[self->kind]);
  json_builder_set_member_name (b, "layer");
  json_builder_add_int_value (b, self->layer);
  if (memcmp (&self->matrix, &identity, sizeof identity) != 0)
    {
      json_builder_set_member_name (b, "transform");
      json_builder_add_value (b, doubles_to_json (&self->matrix.xx, 6));
    }
  if (self->kind == UROK_BOARD_ITEM_STROKE)
    {
      json_builder_set_member_name (b, "tool");
      json_builder_add_string_value (b, tool_names[self->tool]);
    }
  if (self->kind == UROK_BOARD_ITEM_SHAPE)
    {
      json_builder_set_member_name (b, "shape");
      json_builder_add_string_value (b, shape_names[self->shape]);
      if (self->has_fill)
        {
          json_builder_set_member_name (b, "fill");
          json_builder_add_value (b, color_to_json (&self->fill));
        }
    }
  if (self->kind <= UROK_BOARD_ITEM_TEXT)
    {
      json_builder_set_member_name (b, "color");
      json_builder_add_value (b, color_to_json (&self->color));
    }
  if (self->kind <= UROK_BOARD_ITEM_SHAPE)
    {
      json_builder_set_member_name (b, "width");
      json_builder_add_double_value (b, self->width);
      /* Flat x, y, pressure, time quadruples: a page of a million points
       * stays a readable size. */
      json_builder_set_member_name (b, "points");
      json_builder_begin_array (b);
      for (gsize i = 0; i < self->n_points; i++)
        {
          json_builder_add_double_value (b, self->points[i].x);
          json_builder_add_double_value (b, self->points[i].y);
          json_builder_add_double_value (b, self->points[i].pressure);
          json_builder_add_int_value (b, self->points[i].time_ms);
        }
      json_builder_end_array (b);
    }
  else
    {
      json_builder_set_member_name (b, "box");
      json_builder_add_value (b, doubles_to_json (&self->box.x, 4));
    }
  if (self->kind == UROK_BOARD_ITEM_TEXT)
    {
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, self->text);
      json_builder_set_member_name (b, "font_size");
      json_builder_add_double_value (b, self->font_size);
    }
  if (self->kind == UROK_BOARD_ITEM_IMAGE)
    {
      g_autofree char *data = g_base64_encode (g_bytes_get_data (self->bytes, NULL),
                                               g_bytes_get_size (self->bytes));

      json_builder_set_member_name (b, "mime_type");
      json_builder_add_string_value (b, self->text);
      json_builder_set_member_name (b, "data");
      json_builder_add_string_value (b, data);
    }
  if (self->kind == UROK_BOARD_ITEM_MEDIA)
    {
      json_builder_set_member_name (b, "reference");
      json_builder_add_string_value (b, self->text);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static int
name_index (const char *const *names,
            guint               n_names,
            const char         *name)
{
  for (guint i = 0; name != NULL && i < n_names; i++)
    if (strcmp (names[i], name) == 0)
      return i;
  return -1;
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
         ? json_node_get_string (n) : NULL;
}

static gboolean
member_number (JsonObject *o,
               const char *name,
               double     *v)
{
  JsonNode *n = json_object_get_member (o, name);
  GType type;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return FALSE;
  type = json_node_get_value_type (n);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return FALSE;
  *v = json_node_get_double (n);
  return isfinite (*v);
}

/* Reads an array of exactly @n numbers (or, with @n 0, any count into
 * @out_array). */
static gboolean
member_numbers (JsonObject *o,
                const char *name,
                double     *v,
                guint       n,
                GArray    **out_array)
{
  JsonNode *node = json_object_get_member (o, name);
  JsonArray *a;
  guint len;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  a = json_node_get_array (node);
  len = json_array_get_length (a);
  if (out_array == NULL && len != n)
    return FALSE;
  if (out_array != NULL)
    *out_array = g_array_sized_new (FALSE, FALSE, sizeof (double), len);
  for (guint i = 0; i < len; i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      double d;

      if (!JSON_NODE_HOLDS_VALUE (e)
          || (json_node_get_value_type (e) != G_TYPE_DOUBLE && json_node_get_value_type (e) != G_TYPE_INT64))
        return FALSE;
      d = json_node_get_double (e);
      if (!isfinite (d) || fabs (d) > UROK_BOARD_MAX_COORDINATE * 1000)
        return FALSE;
      if (out_array != NULL)
        g_array_append_val (*out_array, d);
      else
        v[i] = d;
    }
  return TRUE;
}

static gboolean
member_color (JsonObject     *o,
              const char     *name,
              UrokBoardColor *c)
{
  double v[4];

  if (!member_numbers (o, name, v, 4, NULL))
    return FALSE;
  *c = (UrokBoardColor) { v[0], v[1], v[2], v[3] };
  return TRUE;
}

UrokBoardItem *
urok_board_item_new_from_json (JsonNode *node,
                               GError  **error)
{
  g_autoptr(UrokBoardItem) self = NULL;
  g_autoptr(GArray) points = NULL;
  JsonObject *o;
  const char *id_text;
  guint64 id = 0;
  double layer = 0, number;
  int kind;
  gsize n_points = 0;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("not a JSON object")), NULL;
  o = json_node_get_object (node);
  kind = name_index (kind_names, G_N_ELEMENTS (kind_names), member_string (o, "kind"));
  if (kind < 0)
    return invalid (error, _("unknown kind")), NULL;
  id_text = member_string (o, "id");
  if (id_text == NULL || !g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXUINT64, &id, NULL))
    return invalid (error, _("no valid id")), NULL;
  if (json_object_has_member (o, "layer")
      && (!member_number (o, "layer", &layer) || layer < 0 || layer > UROK_BOARD_MAX_LAYER || layer != floor (layer)))
    return invalid (error, _("bad layer")), NULL;

  if (kind <= UROK_BOARD_ITEM_SHAPE)
    {
      if (!member_numbers (o, "points", NULL, 0, &points) || points->len % 4 != 0
          || points->len / 4 > UROK_BOARD_MAX_POINTS)
        return invalid (error, _("bad points")), NULL;
      n_points = points->len / 4;
    }
  self = _urok_board_item_new (kind, id, (guint)layer, n_points);
  for (gsize i = 0; i < n_points; i++)
    {
      const double *v = &g_array_index (points, double, 4 * i);

      if (v[3] < 0 || v[3] > G_MAXUINT32 || fabs (v[0]) > UROK_BOARD_MAX_COORDINATE
          || fabs (v[1]) > UROK_BOARD_MAX_COORDINATE)
        return invalid (error, _("a point is out of range")), NULL;
      self->points[i] = (UrokBoardPoint) { v[0], v[1], v[2], (guint32)v[3] };
    }
  if (json_object_has_member (o, "transform") && !member_numbers (o, "transform", &self->matrix.xx, 6, NULL))
    return invalid (error, _("bad transform")), NULL;
  if (kind <= UROK_BOARD_ITEM_TEXT && !member_color (o, "color", &self->color))
    return invalid (error, _("bad color")), NULL;
  if (kind <= UROK_BOARD_ITEM_SHAPE)
    {
      if (!member_number (o, "width", &number) || number < 0 || number > 10000)
        return invalid (error, _("bad width")), NULL;
      self->width = number;
    }
  else if (!member_numbers (o, "box", &self->box.x, 4, NULL))
    return invalid (error, _("bad box")), NULL;

  switch ((UrokBoardItemKind)kind)
    {
    case UROK_BOARD_ITEM_STROKE:
      if ((kind = name_index (tool_names, G_N_ELEMENTS (tool_names), member_string (o, "tool"))) < 0)
        return invalid (error, _("unknown tool")), NULL;
      self->tool = kind;
      break;
    case UROK_BOARD_ITEM_SHAPE:
      if ((kind = name_index (shape_names, G_N_ELEMENTS (shape_names), member_string (o, "shape"))) < 0)
        return invalid (error, _("unknown shape")), NULL;
      self->shape = kind;
      if (json_object_has_member (o, "fill"))
        {
          if (!member_color (o, "fill", &self->fill))
            return invalid (error, _("bad fill")), NULL;
          self->has_fill = TRUE;
        }
      break;
    case UROK_BOARD_ITEM_TEXT:
      self->text = g_strdup (member_string (o, "text"));
      if (!member_number (o, "font_size", &number) || number <= 0 || number > 10000)
        return invalid (error, _("bad font size")), NULL;
      self->font_size = number;
      break;
    case UROK_BOARD_ITEM_IMAGE:
      {
        const char *data = member_string (o, "data");
        guchar *decoded;
        gsize len;

        self->text = g_strdup (member_string (o, "mime_type"));
        if (data == NULL || strlen (data) / 4 * 3 > UROK_BOARD_MAX_IMAGE)
          return invalid (error, _("bad image data")), NULL;
        decoded = g_base64_decode (data, &len);
        self->bytes = g_bytes_new_take (decoded, len);
        break;
      }
    case UROK_BOARD_ITEM_MEDIA:
      self->text = g_strdup (member_string (o, "reference"));
      break;
    default:
      g_assert_not_reached ();
    }
  if (!check_item (self, error))
    return NULL;
  _urok_board_item_finish (self);
  return g_steal_pointer (&self);
}
