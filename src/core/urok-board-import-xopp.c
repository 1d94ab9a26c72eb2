/* urok-board-import-xopp.c: Xournal++ files (gzip'd XML) as board pages.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "urok-board-import.h"
#include "urok-board-item-private.h"
#include "urok-board-page-private.h"

/* Xournal++ measures in points (1/72 in), the board in 1/96 in. */
#define UNITS_PER_POINT (96.0 / 72.0)
#define MAX_ITEMS_PER_PAGE 2000000u

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static gboolean
invalid (GError    **error,
         const char *problem)
{
  /* Translators: %s says what is wrong with the Xournal++ file. */
  g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID,
               _("Could not import the Xournal++ file: %s"), problem);
  return FALSE;
}

/* The gzip stream unpacked, never more than the cap.  A truncated or
 * damaged stream is an error, not a shorter document. */
static GBytes *
gunzip (GBytes  *bytes,
        GError **error)
{
  g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize size;
  const guint8 *in = g_bytes_get_data (bytes, &size);
  gsize in_pos = 0;
  guint8 buf[65536];

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gsize read = 0, written = 0;
      GConverterResult r;

      r = g_converter_convert (G_CONVERTER (z), in + in_pos, size - in_pos, buf, sizeof buf,
                               G_CONVERTER_INPUT_AT_END, &read, &written, &local_error);
      if (r == G_CONVERTER_ERROR)
        {
          invalid (error, g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT)
                          ? _("the compressed data ends too soon") : _("the compressed data is damaged"));
          return NULL;
        }
      in_pos += read;
      if (out->len + written > UROK_BOARD_IMPORT_MAX_DOCUMENT)
        {
          invalid (error, _("it unpacks to more than 256 MB"));
          return NULL;
        }
      g_byte_array_append (out, buf, written);
      if (r == G_CONVERTER_FINISHED)
        break;
      if (read == 0 && written == 0)
        {
          invalid (error, _("the compressed data ends too soon"));
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *)node->name, name) == 0;
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  return (char *)xmlGetProp (node, (const xmlChar *)name);
}

static gboolean
parse_number (const char *text,
              double      min,
              double      max,
              double     *value)
{
  char *end;

  if (text == NULL)
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  while (g_ascii_isspace (*end))
    end++;
  return end != text && *end == '\0' && isfinite (*value) && *value >= min && *value <= max;
}

static gboolean
number_prop (xmlNode    *node,
             const char *name,
             double      min,
             double      max,
             double     *value)
{
  g_autofree char *text = prop (node, name);

  return parse_number (text, min, max, value);
}

/* "#rrggbbaa" or one of Xournal's named colours. */
static gboolean
parse_color (const char     *text,
             UrokBoardColor *color)
{
  static const struct { const char *name; guint32 rgba; } names[] = {
    { "black", 0x000000ff }, { "blue", 0x3333ccff }, { "red", 0xff0000ff }, { "green", 0x008000ff },
    { "gray", 0x808080ff }, { "lightblue", 0x00c0ffff }, { "lightgreen", 0x00ff00ff },
    { "magenta", 0xff00ffff }, { "orange", 0xff8000ff }, { "yellow", 0xffff00ff }, { "white", 0xffffffff },
  };
  guint32 rgba = 0;

  if (text == NULL)
    return FALSE;
  if (text[0] == '#' && (strlen (text) == 9 || strlen (text) == 7))
    {
      for (const char *p = text + 1; *p != '\0'; p++)
        {
          if (!g_ascii_isxdigit (*p))
            return FALSE;
          rgba = rgba << 4 | (guint32)g_ascii_xdigit_value (*p);
        }
      if (strlen (text) == 7)
        rgba = rgba << 8 | 0xff;
    }
  else
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (names); i++)
        if (g_ascii_strcasecmp (text, names[i].name) == 0)
          break;
      if (i == G_N_ELEMENTS (names))
        return FALSE;
      rgba = names[i].rgba;
    }
  *color = (UrokBoardColor) { (rgba >> 24) / 255.0f, ((rgba >> 16) & 0xff) / 255.0f,
                              ((rgba >> 8) & 0xff) / 255.0f, (rgba & 0xff) / 255.0f };
  return TRUE;
}

static gboolean
color_prop (xmlNode        *node,
            UrokBoardColor *color)
{
  g_autofree char *text = prop (node, "color");

  return parse_color (text, color);
}

/* Whitespace-separated numbers, at most @max of them. */
static GArray *
parse_numbers (const char *text,
               guint       max)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  const char *p = text;

  for (;;)
    {
      char *end;
      double v;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      v = g_ascii_strtod (p, &end);
      if (end == p || !isfinite (v) || fabs (v) > UROK_BOARD_MAX_COORDINATE || values->len >= max)
        return NULL;
      g_array_append_val (values, v);
      p = end;
    }
  return g_steal_pointer (&values);
}

static UrokBoardItem *
read_stroke (xmlNode  *node,
             guint64   id,
             guint     layer,
             GError  **error)
{
  g_autofree char *tool = prop (node, "tool");
  g_autofree char *widths_text = prop (node, "width");
  g_autofree char *content = (char *)xmlNodeGetContent (node);
  g_autoptr(GArray) xy = NULL;
  g_autoptr(GArray) widths = NULL;
  g_autofree UrokBoardPoint *points = NULL;
  UrokBoardColor color;
  gboolean highlighter = tool != NULL && strcmp (tool, "highlighter") == 0;
  double base;
  gsize n;

  if (!color_prop (node, &color))
    return invalid (error, _("a stroke has no valid colour")), NULL;
  if (content == NULL || (xy = parse_numbers (content, 2 * UROK_BOARD_MAX_POINTS)) == NULL
      || xy->len < 2 || xy->len % 2 != 0)
    return invalid (error, _("a stroke’s points are not valid")), NULL;
  n = xy->len / 2;
  if (widths_text == NULL || (widths = parse_numbers (widths_text, n + 1)) == NULL || widths->len < 1)
    return invalid (error, _("a stroke’s width is not valid")), NULL;
  base = g_array_index (widths, double, 0);
  if (!(base > 0 && base * UNITS_PER_POINT <= 10000))
    return invalid (error, _("a stroke’s width is not valid")), NULL;

  points = g_new (UrokBoardPoint, n);
  for (gsize i = 0; i < n; i++)
    {
      float pressure = 0.5f;

      /* Xournal++ writes the width at each point after the base width (one
       * fewer than the points: the last repeats); our pen's width is
       * width × (0.4 + 1.2 × pressure). */
      if (!highlighter && widths->len > 1)
        {
          double w = g_array_index (widths, double, MIN (i + 1, widths->len - 1));

          pressure = (float)CLAMP ((w / base - 0.4) / 1.2, 0.0, 1.0);
        }
      points[i] = (UrokBoardPoint) { (float)(g_array_index (xy, double, 2 * i) * UNITS_PER_POINT),
                                     (float)(g_array_index (xy, double, 2 * i + 1) * UNITS_PER_POINT),
                                     pressure, 0 };
      if (fabsf (points[i].x) > UROK_BOARD_MAX_COORDINATE || fabsf (points[i].y) > UROK_BOARD_MAX_COORDINATE)
        return invalid (error, _("a stroke’s points are not valid")), NULL;
    }
  if (highlighter && color.alpha > 0.99f)
    color.alpha = 1;
  return urok_board_item_new_stroke (id, layer, highlighter ? UROK_BOARD_TOOL_HIGHLIGHTER : UROK_BOARD_TOOL_PEN,
                                     &color, (float)(base * UNITS_PER_POINT), points, n);
}

static UrokBoardItem *
read_text (xmlNode  *node,
           guint64   id,
           guint     layer,
           GError  **error)
{
  g_autofree char *content = (char *)xmlNodeGetContent (node);
  UrokBoardColor color;
  double x, y, size;
  UrokBoardRect box;
  glong chars;

  if (!color_prop (node, &color) || !number_prop (node, "size", 0.1, 1000, &size)
      || !number_prop (node, "x", -1e6, 1e6, &x) || !number_prop (node, "y", -1e6, 1e6, &y))
    return invalid (error, _("a text is not valid")), NULL;
  if (content == NULL || strlen (content) > UROK_BOARD_MAX_TEXT || !g_utf8_validate (content, -1, NULL))
    return invalid (error, _("a text is not valid")), NULL;
  /* Xournal++ keeps no box: one as wide as the longest line. */
  {
    g_auto(GStrv) lines = g_strsplit (content, "\n", -1);
    guint n_lines = MAX (1, g_strv_length (lines));

    chars = 1;
    for (guint i = 0; lines[i] != NULL; i++)
      chars = MAX (chars, g_utf8_strlen (lines[i], -1));
    box = (UrokBoardRect) { x * UNITS_PER_POINT, y * UNITS_PER_POINT,
                            chars * size * 0.6 * UNITS_PER_POINT, n_lines * size * 1.25 * UNITS_PER_POINT };
  }
  return urok_board_item_new_text (id, layer, content, (float)(size * UNITS_PER_POINT), &color, &box);
}

static UrokBoardItem *
read_image (xmlNode  *node,
            guint64   id,
            guint     layer,
            GError  **error)
{
  g_autofree char *content = (char *)xmlNodeGetContent (node);
  g_autoptr(GBytes) bytes = NULL;
  double left, top, right, bottom;
  UrokBoardRect box;
  guchar *data;
  gsize len;

  if (!number_prop (node, "left", -1e6, 1e6, &left) || !number_prop (node, "top", -1e6, 1e6, &top)
      || !number_prop (node, "right", left, 1e6, &right) || !number_prop (node, "bottom", top, 1e6, &bottom))
    return invalid (error, _("an image is not valid")), NULL;
  if (content == NULL || strlen (content) / 4 * 3 > UROK_BOARD_MAX_IMAGE)
    return invalid (error, _("an image is too big")), NULL;
  data = g_base64_decode (g_strstrip (content), &len);
  bytes = g_bytes_new_take (data, len);
  if (len < 8 || memcmp (data, "\x89PNG\r\n\x1a\n", 8) != 0)
    return invalid (error, _("an image is not a PNG")), NULL;
  box = (UrokBoardRect) { left * UNITS_PER_POINT, top * UNITS_PER_POINT,
                          (right - left) * UNITS_PER_POINT, (bottom - top) * UNITS_PER_POINT };
  return urok_board_item_new_image (id, layer, bytes, "image/png", &box);
}

static void
read_background (xmlNode       *node,
                 UrokBoardPage *page)
{
  g_autofree char *type = prop (node, "type");
  g_autofree char *style = prop (node, "style");
  UrokBoardBackground background = UROK_BOARD_BACKGROUND_PLAIN;

  /* PDF and pixmap backgrounds name files beside the .xopp, which an
   * import does not have: the page stays plain. */
  if (type != NULL && strcmp (type, "solid") == 0 && style != NULL)
    {
      if (strcmp (style, "lined") == 0 || strcmp (style, "ruled") == 0)
        background = UROK_BOARD_BACKGROUND_LINES;
      else if (strcmp (style, "graph") == 0 || strcmp (style, "isograph") == 0)
        background = UROK_BOARD_BACKGROUND_SQUARES;
      else if (strcmp (style, "staves") == 0)
        background = UROK_BOARD_BACKGROUND_STAVES;
    }
  urok_board_page_set_background (page, background);
}

static UrokBoardPage *
read_page (xmlNode  *node,
           GError  **error)
{
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  double width, height;
  guint layer = 0;
  guint64 id = 1;

  if (!number_prop (node, "width", 1, 1e6 / UNITS_PER_POINT, &width)
      || !number_prop (node, "height", 1, 1e6 / UNITS_PER_POINT, &height))
    return invalid (error, _("a page’s size is not valid")), NULL;
  urok_board_page_set_size (page, width * UNITS_PER_POINT, height * UNITS_PER_POINT);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "background"))
        read_background (child, page);
      else if (is_element (child, "layer"))
        {
          if (layer > 0 && urok_board_page_add_layer (page, "") != layer)
            return invalid (error, _("a page has too many layers")), NULL;
          for (xmlNode *e = child->children; e != NULL; e = e->next)
            {
              g_autoptr(UrokBoardItem) item = NULL;

              if (e->type != XML_ELEMENT_NODE)
                continue;
              if (id > MAX_ITEMS_PER_PAGE)
                return invalid (error, _("a page has too many items")), NULL;
              if (is_element (e, "stroke"))
                item = read_stroke (e, id, layer, error);
              else if (is_element (e, "text"))
                item = read_text (e, id, layer, error);
              else if (is_element (e, "image"))
                item = read_image (e, id, layer, error);
              else
                continue; /* TeX images and what later versions add */
              if (item == NULL)
                return NULL;
              /* Loading, not editing: no undo steps for an imported page. */
              _urok_board_page_load_item_at (page, item, id);
              id++;
            }
          layer++;
        }
    }
  _urok_board_page_reindex (page);
  return g_steal_pointer (&page);
}

GPtrArray *
urok_board_import_xopp (GBytes  *bytes,
                        GError **error)
{
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  const guint8 *data;
  gsize size;
  xmlNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    {
      xml = gunzip (bytes, error);
      if (xml == NULL)
        return NULL;
    }
  else if (size <= UROK_BOARD_IMPORT_MAX_DOCUMENT)
    xml = g_bytes_ref (bytes);
  else
    return invalid (error, _("it unpacks to more than 256 MB")), NULL;

  data = g_bytes_get_data (xml, &size);
  /* No XML_PARSE_NOENT, no DTD loading, no network. */
  doc = xmlReadMemory ((const char *)data, (int)size, "document.xopp", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (doc == NULL)
    return invalid (error, _("it is not well-formed XML")), NULL;
  /* Xournal++ writes no DTD; one here is there to expand entities. */
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    return invalid (error, _("it declares a DTD")), NULL;
  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_element (root, "xournal"))
    return invalid (error, _("it is not a Xournal++ document")), NULL;

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      UrokBoardPage *page;

      if (!is_element (child, "page"))
        continue;
      if (pages->len >= UROK_BOARD_IMPORT_MAX_PAGES)
        return invalid (error, _("it has too many pages")), NULL;
      page = read_page (child, error);
      if (page == NULL)
        return NULL;
      g_ptr_array_add (pages, page);
    }
  if (pages->len == 0)
    return invalid (error, _("it has no pages")), NULL;
  return g_steal_pointer (&pages);
}
