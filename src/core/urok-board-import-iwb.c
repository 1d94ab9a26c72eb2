/* urok-board-import-iwb.c: IWB Common File Format files (a zip holding
 * content.xml, SVG 1.2 Tiny pages, and the images they show) as board
 * pages.  What is read and what is left out: docs/formats/iwb.md.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "urok-board-import.h"
#include "urok-board-import-svg-private.h"
#include "urok-board-item-private.h"
#include "urok-board-page-private.h"

#define NS_SVG "http://www.w3.org/2000/svg"
#define NS_XLINK "http://www.w3.org/1999/xlink"
/* BECTA's namespace (the original CFF) and IMS's (IEC 62605). */
#define NS_IWB_BECTA "http://www.becta.org.uk/iwb"
#define NS_IWB_IMS "http://www.imsglobal.org/xsd/iwb_v1p0"

#define MAX_ENTRIES 10000u
#define MAX_ITEMS_PER_PAGE 200000u
#define MAX_DEPTH 64u
#define MAX_IMAGE_PIXELS (64u << 20)
/* Points of the whole file: a 256 MB document of "0,0 " would otherwise
 * become gigabytes of items. */
#define MAX_POINTS_PER_FILE (16u << 20)

typedef struct archive UrokIwbArchive;

static void
iwb_archive_free (UrokIwbArchive *a)
{
  archive_read_free (a);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokIwbArchive, iwb_archive_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

typedef struct
{
  GHashTable    *files;       /* zip path → GBytes */
  GHashTable    *backgrounds; /* ids iwb:element marks as background */
  GHashTable    *images;      /* zip path → GBytes of the PNG (JPEGs converted once) */
  UrokBoardPage *page;
  guint64        next_id;
  gsize          n_points;
} Reader;

static gboolean
invalid (GError    **error,
         const char *problem)
{
  /* Translators: %s says what is wrong with the IWB (interactive whiteboard) file. */
  g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID,
               _("Could not import the IWB file: %s"), problem);
  return FALSE;
}

/* Paths inside the zip are relative, with no "..", no backslashes and no
 * empty parts: anything else is an attempt to leave the package. */
static gboolean
path_is_safe (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || path[0] == '\0' || path[0] == '/' || strchr (path, '\\') != NULL
      || strchr (path, ':') != NULL || !g_utf8_validate (path, -1, NULL))
    return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0 || (parts[i][0] == '\0' && parts[i + 1] != NULL))
      return FALSE;
  return TRUE;
}

/* Every file of the zip, never more than the cap in all: the header's
 * sizes are not trusted, the bytes are counted as they come. */
static GHashTable *
unzip (GBytes  *bytes,
       GError **error)
{
  g_autoptr(UrokIwbArchive) a = archive_read_new ();
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  struct archive_entry *entry;
  gsize size, total = 0;
  const void *data = g_bytes_get_data (bytes, &size);
  guint n_entries = 0;
  int rc;

  archive_read_support_format_zip (a);
  if (archive_read_open_memory (a, data, size) != ARCHIVE_OK)
    return invalid (error, _("it is not a ZIP archive")), NULL;
  while ((rc = archive_read_next_header (a, &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      g_autoptr(GByteArray) content = g_byte_array_new ();
      guint8 buf[65536];
      la_ssize_t n;

      if (++n_entries > MAX_ENTRIES)
        return invalid (error, _("it holds too many files")), NULL;
      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (archive_entry_filetype (entry) == AE_IFDIR)
        continue;
      if (!path_is_safe (name))
        return invalid (error, _("a file in it has a name that points outside the package")), NULL;
      while ((n = archive_read_data (a, buf, sizeof buf)) > 0)
        {
          total += (gsize)n;
          if (total > UROK_BOARD_IMPORT_MAX_DOCUMENT)
            return invalid (error, _("it unpacks to more than 256 MB")), NULL;
          g_byte_array_append (content, buf, (guint)n);
        }
      if (n < 0)
        return invalid (error, _("the archive is damaged")), NULL;
      g_hash_table_replace (files, g_strdup (name), g_byte_array_free_to_bytes (g_steal_pointer (&content)));
    }
  if (rc != ARCHIVE_EOF)
    return invalid (error, n_entries == 0 ? _("it is not a ZIP archive") : _("the archive is damaged")), NULL;
  return g_steal_pointer (&files);
}

static gboolean
is_svg (xmlNode    *node,
        const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL
         && strcmp ((const char *)node->ns->href, NS_SVG) == 0
         && (name == NULL || strcmp ((const char *)node->name, name) == 0);
}

static gboolean
is_iwb (xmlNode    *node,
        const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL
         && (strcmp ((const char *)node->ns->href, NS_IWB_BECTA) == 0
             || strcmp ((const char *)node->ns->href, NS_IWB_IMS) == 0)
         && strcmp ((const char *)node->name, name) == 0;
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  return (char *)xmlGetNoNsProp (node, (const xmlChar *)name);
}

/* A length attribute: @fallback when missing, FALSE when present but bad. */
static gboolean
length_prop (xmlNode    *node,
             const char *name,
             double      fallback,
             double     *value)
{
  g_autofree char *text = prop (node, name);

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }
  return _urok_svg_parse_length (text, value);
}

/* Whether the item fits the board's limits once placed. */
static gboolean
item_in_range (const UrokBoardItem *item)
{
  const UrokBoardRect *b = urok_board_item_get_bounds (item);

  return isfinite (b->x) && isfinite (b->y) && isfinite (b->width) && isfinite (b->height)
         && fabs (b->x) <= UROK_BOARD_MAX_COORDINATE && fabs (b->y) <= UROK_BOARD_MAX_COORDINATE
         && fabs (b->x + b->width) <= UROK_BOARD_MAX_COORDINATE
         && fabs (b->y + b->height) <= UROK_BOARD_MAX_COORDINATE;
}

/* Takes @item (which may be NULL: a constructor refused it). */
static gboolean
add_item (Reader         *r,
          UrokBoardItem  *item,
          GError        **error)
{
  gboolean added = FALSE;

  if (item == NULL || !item_in_range (item))
    invalid (error, _("a drawing lies outside the page’s limits"));
  else if (r->next_id > MAX_ITEMS_PER_PAGE)
    invalid (error, _("a page has too many items"));
  else
    {
      /* Loading, not editing: no undo steps for an imported page. */
      _urok_board_page_load_item_at (r->page, item, r->next_id);
      r->next_id++;
      added = TRUE;
    }
  g_clear_pointer (&item, urok_board_item_unref);
  return added;
}

/* Shapes, texts and images keep their own transform; identity stays off. */
static UrokBoardItem *
placed (UrokBoardItem        *item,
        const cairo_matrix_t *ctm)
{
  UrokBoardItem *moved;

  if (item == NULL || (ctm->xx == 1 && ctm->yy == 1 && ctm->xy == 0 && ctm->yx == 0 && ctm->x0 == 0 && ctm->y0 == 0))
    return item;
  moved = urok_board_item_transformed (item, ctm);
  urok_board_item_unref (item);
  return moved;
}

static double
ctm_scale (const cairo_matrix_t *ctm)
{
  return sqrt (fabs (ctm->xx * ctm->yy - ctm->xy * ctm->yx));
}

/* A placed item's transform must stay one the page's JSON can hold. */
static gboolean
ctm_ok (const cairo_matrix_t *m)
{
  return isfinite (m->xx) && isfinite (m->yx) && isfinite (m->xy) && isfinite (m->yy)
         && isfinite (m->x0) && isfinite (m->y0)
         && fabs (m->xx) <= 1e6 && fabs (m->yx) <= 1e6 && fabs (m->xy) <= 1e6 && fabs (m->yy) <= 1e6
         && fabs (m->x0) <= UROK_BOARD_MAX_COORDINATE && fabs (m->y0) <= UROK_BOARD_MAX_COORDINATE;
}

/* SVG draws no outline of width 0. */
static gboolean
has_stroke (const UrokSvgStyle *style)
{
  return style->has_stroke && style->stroke_width > 0;
}

/* Points in user space as a stroke (open) or a polygon (closed, filled). */
static gboolean
add_polyline (Reader               *r,
              GArray               *xy,
              gboolean              closed,
              const UrokSvgStyle   *style,
              const cairo_matrix_t *ctm,
              GError              **error)
{
  g_autofree UrokBoardPoint *points = NULL;
  UrokBoardColor stroke = _urok_svg_style_stroke (style), fill = _urok_svg_style_fill (style);
  gsize n = xy->len / 2;
  double width = style->stroke_width;
  gboolean stroked = has_stroke (style);

  if (n == 0 || (!stroked && !(closed && style->has_fill)))
    return TRUE; /* nothing visible */
  if (width > 10000 || width * ctm_scale (ctm) > 10000)
    return invalid (error, _("a line is wider than any board"));
  r->n_points += n;
  if (r->n_points > MAX_POINTS_PER_FILE)
    return invalid (error, _("it has more points than any board needs"));
  points = g_new (UrokBoardPoint, MAX (n, 2));
  for (gsize i = 0; i < n; i++)
    {
      double x = g_array_index (xy, double, 2 * i), y = g_array_index (xy, double, 2 * i + 1);

      if (!closed)
        cairo_matrix_transform_point (ctm, &x, &y);
      if (!isfinite (x) || !isfinite (y) || fabs (x) > UROK_BOARD_MAX_COORDINATE || fabs (y) > UROK_BOARD_MAX_COORDINATE)
        return invalid (error, _("a drawing lies outside the page’s limits"));
      points[i] = (UrokBoardPoint) { (float)x, (float)y, 0.5f, 0 };
    }
  if (closed && n >= 3)
    return add_item (r, placed (urok_board_item_new_shape (r->next_id, 0, UROK_BOARD_SHAPE_POLYGON,
                                                           stroked ? &stroke : &fill,
                                                           stroked ? (float)width : 0,
                                                           style->has_fill ? &fill : NULL, points, n), ctm),
                     error);
  if (!stroked)
    return TRUE;
  if (closed) /* too few points for a polygon: the stroke still shows */
    for (gsize i = 0; i < n; i++)
      {
        double x = points[i].x, y = points[i].y;

        cairo_matrix_transform_point (ctm, &x, &y);
        points[i].x = (float)x;
        points[i].y = (float)y;
      }
  if (n == 1)
    points[n++] = points[0]; /* a dot */
  return add_item (r, urok_board_item_new_stroke (r->next_id, 0, UROK_BOARD_TOOL_PEN, &stroke,
                                                  (float)(width * ctm_scale (ctm)), points, n),
                   error);
}

/* Two points (a line, or a box's corners) as a shape. */
static gboolean
add_box_shape (Reader               *r,
               UrokBoardShapeKind    kind,
               double                x0,
               double                y0,
               double                x1,
               double                y1,
               const UrokSvgStyle   *style,
               const cairo_matrix_t *ctm,
               GError              **error)
{
  UrokBoardPoint points[2] = { { (float)x0, (float)y0, 0.5f, 0 }, { (float)x1, (float)y1, 0.5f, 0 } };
  UrokBoardColor stroke = _urok_svg_style_stroke (style), fill = _urok_svg_style_fill (style);
  gboolean filled = style->has_fill && kind != UROK_BOARD_SHAPE_LINE;
  gboolean stroked = has_stroke (style);

  if (!stroked && !filled)
    return TRUE;
  if (style->stroke_width > 10000)
    return invalid (error, _("a line is wider than any board"));
  return add_item (r, placed (urok_board_item_new_shape (r->next_id, 0, kind, stroked ? &stroke : &fill,
                                                         stroked ? (float)style->stroke_width : 0,
                                                         filled ? &fill : NULL, points, 2), ctm),
                   error);
}

/* The characters of a text, with <tbreak/> as a new line. */
static void
collect_text (xmlNode *node,
              GString *out)
{
  for (xmlNode *c = node->children; c != NULL && out->len <= UROK_BOARD_MAX_TEXT; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *)c->content);
      else if (is_svg (c, "tbreak"))
        g_string_append_c (out, '\n');
      else if (c->type == XML_ELEMENT_NODE)
        collect_text (c, out);
    }
}

static gboolean
read_text (Reader               *r,
           xmlNode              *node,
           gboolean              area,
           const UrokSvgStyle   *style,
           const cairo_matrix_t *ctm,
           GError              **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  UrokBoardColor color = _urok_svg_style_fill (style);
  UrokBoardRect box;
  double x, y, width, height, size = style->font_size;
  glong chars = 1;
  guint n_lines;

  if (!length_prop (node, "x", 0, &x) || !length_prop (node, "y", 0, &y)
      || !length_prop (node, "width", -1, &width) || !length_prop (node, "height", -1, &height))
    return invalid (error, _("a text is not valid"));
  collect_text (node, text);
  g_strstrip (text->str);
  if (text->str[0] == '\0' || !style->has_fill)
    return TRUE;
  if (strlen (text->str) > UROK_BOARD_MAX_TEXT || !g_utf8_validate (text->str, -1, NULL) || size > 1000)
    return invalid (error, _("a text is not valid"));
  lines = g_strsplit (text->str, "\n", -1);
  n_lines = MAX (1, g_strv_length (lines));
  for (guint i = 0; lines[i] != NULL; i++)
    chars = MAX (chars, g_utf8_strlen (lines[i], -1));
  /* A textArea has a box; a text's y is its first baseline. */
  if (area && width > 0 && height > 0)
    box = (UrokBoardRect) { x, y, width, height };
  else
    box = (UrokBoardRect) { x, area ? y : y - size * 0.8, chars * size * 0.6, n_lines * size * 1.25 };
  return add_item (r, placed (urok_board_item_new_text (r->next_id, 0, text->str, (float)size, &color, &box), ctm),
                   error);
}

static void
size_prepared (GdkPixbufLoader *loader,
               int              width,
               int              height,
               gpointer         user_data)
{
  gboolean *too_big = user_data;

  /* Decoding a huge JPEG only to refuse it would be the bomb going off. */
  if (width <= 0 || height <= 0 || (guint64)width * (guint64)height > MAX_IMAGE_PIXELS)
    {
      *too_big = TRUE;
      gdk_pixbuf_loader_set_size (loader, 1, 1);
    }
}

/* The board draws PNG: a JPEG is converted once, on import. */
static GBytes *
jpeg_to_png (GBytes  *jpeg,
             GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *png = NULL;
  gboolean too_big = FALSE;
  GdkPixbuf *pixbuf;
  gsize len;

  loader = gdk_pixbuf_loader_new_with_mime_type ("image/jpeg", &local_error);
  if (loader == NULL)
    return invalid (error, _("JPEG images cannot be read on this computer")), NULL;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared), &too_big);
  if (!gdk_pixbuf_loader_write_bytes (loader, jpeg, &local_error) || !gdk_pixbuf_loader_close (loader, &local_error))
    return invalid (error, _("an image is damaged")), NULL;
  if (too_big)
    return invalid (error, _("an image is too big")), NULL;
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL || !gdk_pixbuf_save_to_buffer (pixbuf, &png, &len, "png", &local_error, NULL))
    return invalid (error, _("an image is damaged")), NULL;
  return g_bytes_new_take (g_steal_pointer (&png), len);
}

/* @bytes if a PNG, converted if a JPEG. */
static GBytes *
sniff_png (GBytes  *bytes,
           GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (size > UROK_BOARD_MAX_IMAGE)
    return invalid (error, _("an image is too big")), NULL;
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return g_bytes_ref (bytes);
  if (size >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return jpeg_to_png (bytes, error);
  return invalid (error, _("an image is neither PNG nor JPEG")), NULL;
}

/* The PNG bytes of the image @href names: a file of the package or a
 * data: URI. */
static GBytes *
image_bytes (Reader     *r,
             const char *href,
             GError    **error)
{
  g_autofree char *path = NULL;
  GBytes *bytes, *png;

  if (href == NULL)
    return invalid (error, _("an image names no file")), NULL;
  if (g_str_has_prefix (href, "data:"))
    {
      /* An image inside the document: "data:image/png;base64,…". */
      const char *comma = strchr (href, ',');
      g_autofree guchar *decoded = NULL;
      gsize len;

      if (comma == NULL || comma - href < 7 || strncmp (comma - 7, ";base64", 7) != 0
          || strlen (comma + 1) / 4 * 3 > UROK_BOARD_MAX_IMAGE)
        return invalid (error, _("an image is not valid")), NULL;
      decoded = g_base64_decode (comma + 1, &len);
      bytes = g_bytes_new_take (g_steal_pointer (&decoded), len);
      png = sniff_png (bytes, error);
      g_bytes_unref (bytes);
      return png;
    }
  path = g_uri_unescape_string (g_str_has_prefix (href, "./") ? href + 2 : href, NULL);
  if (path == NULL || !path_is_safe (path))
    return invalid (error, _("an image names a file outside the package")), NULL;
  png = g_hash_table_lookup (r->images, path);
  if (png != NULL)
    return g_bytes_ref (png);
  bytes = g_hash_table_lookup (r->files, path);
  if (bytes == NULL)
    return invalid (error, _("an image’s file is missing from the package")), NULL;
  png = sniff_png (bytes, error);
  if (png == NULL)
    return NULL;
  g_hash_table_replace (r->images, g_strdup (path), g_bytes_ref (png));
  return png;
}

static gboolean
read_image (Reader               *r,
            xmlNode              *node,
            const cairo_matrix_t *ctm,
            GError              **error)
{
  g_autofree char *href = (char *)xmlGetNsProp (node, (const xmlChar *)"href", (const xmlChar *)NS_XLINK);
  g_autofree char *id = prop (node, "id");
  g_autoptr(GBytes) png = NULL;
  UrokBoardRect box;
  double x, y, width, height;

  if (href == NULL)
    href = prop (node, "href");
  if (!length_prop (node, "x", 0, &x) || !length_prop (node, "y", 0, &y)
      || !length_prop (node, "width", 0, &width) || !length_prop (node, "height", 0, &height)
      || width < 0 || height < 0)
    return invalid (error, _("an image is not valid"));
  png = image_bytes (r, href, error);
  if (png == NULL)
    return FALSE;
  /* The image the file marks as the page's background becomes it (once). */
  if (id != NULL && g_hash_table_contains (r->backgrounds, id)
      && urok_board_page_get_background (r->page) != UROK_BOARD_BACKGROUND_IMAGE)
    {
      urok_board_page_set_background (r->page, UROK_BOARD_BACKGROUND_IMAGE);
      urok_board_page_set_background_data (r->page, png);
      return TRUE;
    }
  if (width == 0 || height == 0)
    return TRUE;
  box = (UrokBoardRect) { x, y, width, height };
  return add_item (r, placed (urok_board_item_new_image (r->next_id, 0, png, "image/png", &box), ctm), error);
}

static gboolean read_element (Reader               *r,
                              xmlNode              *node,
                              const UrokSvgStyle   *parent_style,
                              const cairo_matrix_t *parent_ctm,
                              guint                 depth,
                              GError              **error);

static gboolean
read_children (Reader               *r,
               xmlNode              *node,
               const UrokSvgStyle   *style,
               const cairo_matrix_t *ctm,
               guint                 depth,
               GError              **error)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_svg (c, NULL) && !read_element (r, c, style, ctm, depth + 1, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_shape (Reader               *r,
            xmlNode              *node,
            const char           *name,
            const UrokSvgStyle   *style,
            const cairo_matrix_t *ctm,
            GError              **error)
{
  double a, b, c, d;

  if (strcmp (name, "rect") == 0)
    {
      if (!length_prop (node, "x", 0, &a) || !length_prop (node, "y", 0, &b)
          || !length_prop (node, "width", 0, &c) || !length_prop (node, "height", 0, &d) || c < 0 || d < 0)
        return invalid (error, _("a rectangle is not valid"));
      return c == 0 || d == 0 || add_box_shape (r, UROK_BOARD_SHAPE_RECTANGLE, a, b, a + c, b + d, style, ctm, error);
    }
  if (strcmp (name, "circle") == 0 || strcmp (name, "ellipse") == 0)
    {
      gboolean circle = name[0] == 'c';

      if (!length_prop (node, "cx", 0, &a) || !length_prop (node, "cy", 0, &b)
          || !length_prop (node, circle ? "r" : "rx", 0, &c) || !length_prop (node, circle ? "r" : "ry", 0, &d)
          || c < 0 || d < 0)
        return invalid (error, _("an ellipse is not valid"));
      return c == 0 || d == 0 || add_box_shape (r, UROK_BOARD_SHAPE_ELLIPSE, a - c, b - d, a + c, b + d, style, ctm, error);
    }
  if (strcmp (name, "line") == 0)
    {
      if (!length_prop (node, "x1", 0, &a) || !length_prop (node, "y1", 0, &b)
          || !length_prop (node, "x2", 0, &c) || !length_prop (node, "y2", 0, &d))
        return invalid (error, _("a line is not valid"));
      return add_box_shape (r, UROK_BOARD_SHAPE_LINE, a, b, c, d, style, ctm, error);
    }
  if (strcmp (name, "polyline") == 0 || strcmp (name, "polygon") == 0)
    {
      g_autofree char *text = prop (node, "points");
      g_autoptr(GArray) xy = _urok_svg_parse_points (text, UROK_BOARD_MAX_POINTS);

      if (xy == NULL)
        return invalid (error, _("a polyline’s points are not valid"));
      return add_polyline (r, xy, name[4] == 'g', style, ctm, error);
    }
  /* path */
  {
    g_autofree char *data = prop (node, "d");
    g_autoptr(GPtrArray) subpaths = _urok_svg_parse_path (data, UROK_BOARD_MAX_POINTS);

    if (subpaths == NULL)
      return invalid (error, _("a path is not valid"));
    for (guint i = 0; i < subpaths->len; i++)
      {
        UrokSvgSubpath *sub = subpaths->pdata[i];

        if (!add_polyline (r, sub->xy, sub->closed, style, ctm, error))
          return FALSE;
      }
    return TRUE;
  }
}

static gboolean
read_element (Reader               *r,
              xmlNode              *node,
              const UrokSvgStyle   *parent_style,
              const cairo_matrix_t *parent_ctm,
              guint                 depth,
              GError              **error)
{
  g_autofree char *transform = prop (node, "transform");
  g_autofree char *display = prop (node, "display");
  g_autofree char *visibility = prop (node, "visibility");
  const char *name = (const char *)node->name;
  UrokSvgStyle style = *parent_style;
  cairo_matrix_t ctm = *parent_ctm;

  if (depth > MAX_DEPTH)
    return invalid (error, _("its groups are nested too deeply"));
  if ((display != NULL && strcmp (display, "none") == 0) || (visibility != NULL && strcmp (visibility, "hidden") == 0))
    return TRUE;
  _urok_svg_style_apply (&style, node);
  if (transform != NULL)
    {
      cairo_matrix_t local;

      cairo_matrix_init_identity (&local);
      if (!_urok_svg_parse_transform (transform, &local))
        return invalid (error, _("a transform is not valid"));
      cairo_matrix_multiply (&ctm, &local, &ctm);
      if (!ctm_ok (&ctm))
        return invalid (error, _("a transform is not valid"));
    }

  if (strcmp (name, "g") == 0 || strcmp (name, "a") == 0)
    return read_children (r, node, &style, &ctm, depth, error);
  if (strcmp (name, "switch") == 0)
    {
      /* Only the first choice: a reader without the others' features would show that one. */
      for (xmlNode *c = node->children; c != NULL; c = c->next)
        if (is_svg (c, NULL))
          return read_element (r, c, &style, &ctm, depth + 1, error);
      return TRUE;
    }
  if (strcmp (name, "rect") == 0 || strcmp (name, "circle") == 0 || strcmp (name, "ellipse") == 0
      || strcmp (name, "line") == 0 || strcmp (name, "polyline") == 0 || strcmp (name, "polygon") == 0
      || strcmp (name, "path") == 0)
    return read_shape (r, node, name, &style, &ctm, error);
  if (strcmp (name, "text") == 0 || strcmp (name, "textArea") == 0 || strcmp (name, "textarea") == 0)
    return read_text (r, node, name[4] != '\0', &style, &ctm, error);
  if (strcmp (name, "image") == 0)
    return read_image (r, node, &ctm, error);
  /* video, audio, animation, foreignObject, defs...: not on a board page */
  return TRUE;
}

static UrokBoardPage *
read_page (Reader               *r,
           xmlNode              *node,
           double                width,
           double                height,
           const cairo_matrix_t *ctm,
           GError              **error)
{
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  UrokSvgStyle style;

  _urok_svg_style_init (&style);
  urok_board_page_set_size (page, width, height);
  r->page = page;
  r->next_id = 1;
  if (!read_children (r, node, &style, ctm, 0, error))
    return NULL;
  _urok_board_page_reindex (page);
  r->page = NULL;
  return g_steal_pointer (&page);
}

/* The svg:svg element's size and viewBox: the page size and the mapping
 * from the file's user units to the board's (both 1/96 in). */
static gboolean
read_viewport (xmlNode        *svg,
               double         *width,
               double         *height,
               cairo_matrix_t *ctm,
               GError        **error)
{
  g_autofree char *box = prop (svg, "viewBox");
  g_autoptr(GArray) vb = NULL;
  double w, h;

  if (box == NULL)
    box = prop (svg, "viewbox"); /* some writers lower-case it */
  if (!length_prop (svg, "width", 0, &w) || !length_prop (svg, "height", 0, &h) || w < 0 || h < 0)
    return invalid (error, _("the page size is not valid"));
  cairo_matrix_init_identity (ctm);
  if (box != NULL)
    {
      vb = _urok_svg_parse_points (box, 2);
      if (vb == NULL || vb->len != 4 || g_array_index (vb, double, 2) <= 0 || g_array_index (vb, double, 3) <= 0)
        return invalid (error, _("the page size is not valid"));
      if (w == 0 || h == 0)
        {
          w = g_array_index (vb, double, 2);
          h = g_array_index (vb, double, 3);
        }
      cairo_matrix_init_scale (ctm, w / g_array_index (vb, double, 2), h / g_array_index (vb, double, 3));
      cairo_matrix_translate (ctm, -g_array_index (vb, double, 0), -g_array_index (vb, double, 1));
      if (!ctm_ok (ctm))
        return invalid (error, _("the page size is not valid"));
    }
  if (w < 1 || h < 1)
    {
      w = 1920;
      h = 1080;
    }
  *width = w;
  *height = h;
  return TRUE;
}

static void
collect_backgrounds (xmlNode    *root,
                     GHashTable *backgrounds)
{
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (is_iwb (c, "element"))
      {
        g_autofree char *ref = prop (c, "ref");
        g_autofree char *background = prop (c, "background");

        if (ref != NULL && background != NULL && strcmp (background, "true") == 0)
          g_hash_table_add (backgrounds, g_steal_pointer (&ref));
      }
}

static GPtrArray *
read_document (Reader  *r,
               xmlNode *root,
               GError **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) page_nodes = g_ptr_array_new ();
  cairo_matrix_t ctm;
  double width, height;
  xmlNode *svg = NULL;

  for (xmlNode *c = root->children; c != NULL && svg == NULL; c = c->next)
    if (is_svg (c, "svg"))
      svg = c;
  if (svg == NULL)
    return invalid (error, _("it has no drawing (svg element)")), NULL;
  if (!read_viewport (svg, &width, &height, &ctm, error))
    return NULL;
  collect_backgrounds (root, r->backgrounds);

  /* Pages: svg:page elements, in an svg:pageSet or straight in the svg;
   * with none, the svg itself is the one page. */
  for (xmlNode *c = svg->children; c != NULL; c = c->next)
    {
      if (is_svg (c, "pageSet") || is_svg (c, "pageset"))
        {
          for (xmlNode *p = c->children; p != NULL; p = p->next)
            if (is_svg (p, "page"))
              g_ptr_array_add (page_nodes, p);
        }
      else if (is_svg (c, "page"))
        g_ptr_array_add (page_nodes, c);
    }
  if (page_nodes->len == 0)
    g_ptr_array_add (page_nodes, svg);
  if (page_nodes->len > UROK_BOARD_IMPORT_MAX_PAGES)
    return invalid (error, _("it has too many pages")), NULL;

  for (guint i = 0; i < page_nodes->len; i++)
    {
      UrokBoardPage *page = read_page (r, page_nodes->pdata[i], width, height, &ctm, error);

      if (page == NULL)
        return NULL;
      g_ptr_array_add (pages, page);
    }
  return g_steal_pointer (&pages);
}

GPtrArray *
urok_board_import_iwb (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(GHashTable) backgrounds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  g_autoptr(xmlDoc) doc = NULL;
  Reader r = { 0 };
  GBytes *content;
  const char *data;
  gsize size;
  xmlNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  files = unzip (bytes, error);
  if (files == NULL)
    return NULL;
  content = g_hash_table_lookup (files, "content.xml");
  if (content == NULL)
    return invalid (error, _("it has no content.xml")), NULL;
  data = g_bytes_get_data (content, &size);
  /* No XML_PARSE_NOENT, no DTD loading, no network, libxml2's default
   * limits on depth and sizes (no XML_PARSE_HUGE). */
  doc = xmlReadMemory (data, (int)size, "content.xml", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return invalid (error, _("its content.xml is not well-formed XML")), NULL;
  /* The format has no DTD; one here is there to expand entities. */
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    return invalid (error, _("it declares a DTD")), NULL;
  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_iwb (root, "iwb"))
    return invalid (error, _("its content.xml is not an IWB document")), NULL;

  r.files = files;
  r.backgrounds = backgrounds;
  r.images = images;
  return read_document (&r, root, error);
}
