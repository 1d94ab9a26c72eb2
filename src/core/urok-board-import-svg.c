/* urok-board-import-svg.c: the SVG values an IWB file's content.xml holds,
 * read strictly (the file comes from anyone).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "urok-board-import-svg-private.h"

/* Segments a curve is flattened into: smooth at board sizes. */
#define CURVE_SEGMENTS 16
#define MAX_TRANSFORM_SCALE 1.0e4
/* Each subpath becomes an item: far beyond any drawing. */
#define MAX_SUBPATHS 100000u

void
_urok_svg_style_init (UrokSvgStyle *style)
{
  *style = (UrokSvgStyle) {
    .fill = { 0, 0, 0, 1 }, .has_fill = TRUE,
    .stroke = { 0, 0, 0, 1 }, .has_stroke = FALSE,
    .stroke_width = 1, .font_size = 16,
    .opacity = 1, .stroke_opacity = 1, .fill_opacity = 1,
  };
}

static gboolean
parse_plain_number (const char *text,
                    double     *value)
{
  char *end;

  while (g_ascii_isspace (*text))
    text++;
  *value = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  if (g_str_has_prefix (end, "px"))
    end += 2;
  while (g_ascii_isspace (*end))
    end++;
  return *end == '\0' && isfinite (*value) && fabs (*value) <= UROK_SVG_MAX_NUMBER;
}

gboolean
_urok_svg_parse_length (const char *text,
                        double     *value)
{
  return text != NULL && parse_plain_number (text, value);
}

static gboolean
parse_channel (const char *text,
               float      *channel)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  gboolean percent = len > 0 && copy[len - 1] == '%';
  double v;

  if (percent)
    copy[len - 1] = '\0';
  if (!parse_plain_number (copy, &v))
    return FALSE;
  *channel = (float)CLAMP (percent ? v / 100 : v / 255, 0.0, 1.0);
  return TRUE;
}

gboolean
_urok_svg_parse_color (const char     *text,
                       UrokBoardColor *color,
                       gboolean       *none)
{
  static const struct { const char *name; guint32 rgb; } names[] = {
    { "black", 0x000000 }, { "white", 0xffffff }, { "red", 0xff0000 }, { "lime", 0x00ff00 },
    { "green", 0x008000 }, { "blue", 0x0000ff }, { "yellow", 0xffff00 }, { "cyan", 0x00ffff },
    { "aqua", 0x00ffff }, { "magenta", 0xff00ff }, { "fuchsia", 0xff00ff }, { "gray", 0x808080 },
    { "grey", 0x808080 }, { "silver", 0xc0c0c0 }, { "maroon", 0x800000 }, { "olive", 0x808000 },
    { "purple", 0x800080 }, { "teal", 0x008080 }, { "navy", 0x000080 }, { "orange", 0xffa500 },
  };
  g_autofree char *t = NULL;
  guint32 rgb = 0;
  gsize len;

  *none = FALSE;
  if (text == NULL)
    return FALSE;
  t = g_strstrip (g_strdup (text));
  len = strlen (t);
  if (g_ascii_strcasecmp (t, "none") == 0 || g_ascii_strcasecmp (t, "transparent") == 0)
    {
      *none = TRUE;
      return TRUE;
    }
  if (t[0] == '#' && (len == 4 || len == 7))
    {
      for (const char *p = t + 1; *p != '\0'; p++)
        {
          if (!g_ascii_isxdigit (*p))
            return FALSE;
          rgb = rgb << (len == 4 ? 8 : 4) | (guint32)g_ascii_xdigit_value (*p) * (len == 4 ? 17 : 1);
        }
    }
  else if (g_ascii_strncasecmp (t, "rgb(", 4) == 0 && t[len - 1] == ')')
    {
      g_auto(GStrv) parts = NULL;

      t[len - 1] = '\0';
      parts = g_strsplit (t + 4, ",", -1);
      if (g_strv_length (parts) != 3
          || !parse_channel (parts[0], &color->red) || !parse_channel (parts[1], &color->green)
          || !parse_channel (parts[2], &color->blue))
        return FALSE;
      color->alpha = 1;
      return TRUE;
    }
  else
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (names); i++)
        if (g_ascii_strcasecmp (t, names[i].name) == 0)
          break;
      if (i == G_N_ELEMENTS (names))
        return FALSE;
      rgb = names[i].rgb;
    }
  *color = (UrokBoardColor) { (rgb >> 16) / 255.0f, ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f, 1 };
  return TRUE;
}

static void
apply_property (UrokSvgStyle *style,
                const char   *name,
                const char   *value)
{
  UrokBoardColor color;
  gboolean none;
  double v;

  if (strcmp (name, "stroke") == 0 || strcmp (name, "fill") == 0)
    {
      gboolean is_stroke = name[0] == 's';

      if (!_urok_svg_parse_color (value, &color, &none))
        return;
      if (is_stroke)
        {
          style->has_stroke = !none;
          if (!none)
            style->stroke = color;
        }
      else
        {
          style->has_fill = !none;
          if (!none)
            style->fill = color;
        }
    }
  else if (strcmp (name, "stroke-width") == 0)
    {
      if (_urok_svg_parse_length (value, &v) && v >= 0)
        style->stroke_width = v;
    }
  else if (strcmp (name, "font-size") == 0)
    {
      if (_urok_svg_parse_length (value, &v) && v > 0)
        style->font_size = v;
    }
  else if (strcmp (name, "opacity") == 0 || strcmp (name, "stroke-opacity") == 0
           || strcmp (name, "fill-opacity") == 0)
    {
      if (!_urok_svg_parse_length (value, &v))
        return;
      v = CLAMP (v, 0.0, 1.0);
      if (name[0] == 'o')
        style->opacity *= v;
      else if (name[0] == 's')
        style->stroke_opacity = v;
      else
        style->fill_opacity = v;
    }
}

void
_urok_svg_style_apply (UrokSvgStyle *style,
                       xmlNode      *node)
{
  static const char *const attributes[] = {
    "stroke", "fill", "stroke-width", "font-size", "opacity", "stroke-opacity", "fill-opacity",
  };
  g_autofree char *css = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    {
      g_autofree char *value = (char *)xmlGetProp (node, (const xmlChar *)attributes[i]);

      if (value != NULL)
        apply_property (style, attributes[i], value);
    }
  css = (char *)xmlGetProp (node, (const xmlChar *)"style");
  if (css != NULL)
    {
      g_auto(GStrv) declarations = g_strsplit (css, ";", 64);

      for (guint i = 0; declarations[i] != NULL; i++)
        {
          g_auto(GStrv) pair = g_strsplit (declarations[i], ":", 2);

          if (pair[0] != NULL && pair[1] != NULL)
            apply_property (style, g_strstrip (pair[0]), g_strstrip (pair[1]));
        }
    }
}

UrokBoardColor
_urok_svg_style_stroke (const UrokSvgStyle *style)
{
  UrokBoardColor c = style->stroke;

  c.alpha *= (float)(style->opacity * style->stroke_opacity);
  return c;
}

UrokBoardColor
_urok_svg_style_fill (const UrokSvgStyle *style)
{
  UrokBoardColor c = style->fill;

  c.alpha *= (float)(style->opacity * style->fill_opacity);
  return c;
}

/* A number in a list: separated by spaces and at most one comma. */
static gboolean
next_number (const char **p,
             double      *value)
{
  const char *s = *p;
  char *end;

  while (g_ascii_isspace (*s) || *s == ',')
    s++;
  /* g_ascii_strtod also reads "inf", "nan" and hex, which SVG does not have. */
  if (!(g_ascii_isdigit (*s) || *s == '-' || *s == '+' || *s == '.'))
    return FALSE;
  *value = g_ascii_strtod (s, &end);
  if (end == s || !isfinite (*value) || fabs (*value) > UROK_SVG_MAX_NUMBER)
    return FALSE;
  *p = end;
  return TRUE;
}

static gboolean
at_end (const char *p)
{
  while (g_ascii_isspace (*p) || *p == ',')
    p++;
  return *p == '\0';
}

GArray *
_urok_svg_parse_points (const char *text,
                        guint       max_points)
{
  g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  const char *p = text;

  if (text == NULL)
    return NULL;
  while (!at_end (p))
    {
      double x, y;

      if (xy->len / 2 >= max_points || !next_number (&p, &x) || !next_number (&p, &y))
        return NULL;
      g_array_append_val (xy, x);
      g_array_append_val (xy, y);
    }
  return g_steal_pointer (&xy);
}

gboolean
_urok_svg_parse_transform (const char     *text,
                           cairo_matrix_t *matrix)
{
  cairo_matrix_t result = *matrix;
  const char *p = text;

  for (;;)
    {
      cairo_matrix_t m;
      double a[6];
      guint n = 0;
      const char *name = p;
      gsize name_len;

      while (g_ascii_isspace (*p) || *p == ',')
        p++;
      if (*p == '\0')
        break;
      name = p;
      while (g_ascii_isalpha (*p))
        p++;
      name_len = (gsize)(p - name);
      while (g_ascii_isspace (*p))
        p++;
      if (*p++ != '(')
        return FALSE;
      while (n < 6 && next_number (&p, &a[n]))
        n++;
      while (g_ascii_isspace (*p))
        p++;
      if (*p++ != ')')
        return FALSE;

#define IS(word) (name_len == strlen (word) && strncmp (name, word, name_len) == 0)
      if (IS ("matrix") && n == 6)
        cairo_matrix_init (&m, a[0], a[1], a[2], a[3], a[4], a[5]);
      else if (IS ("translate") && (n == 1 || n == 2))
        cairo_matrix_init_translate (&m, a[0], n == 2 ? a[1] : 0);
      else if (IS ("scale") && (n == 1 || n == 2))
        cairo_matrix_init_scale (&m, a[0], n == 2 ? a[1] : a[0]);
      else if (IS ("rotate") && (n == 1 || n == 3))
        {
          cairo_matrix_init_translate (&m, n == 3 ? a[1] : 0, n == 3 ? a[2] : 0);
          cairo_matrix_rotate (&m, a[0] * G_PI / 180);
          cairo_matrix_translate (&m, n == 3 ? -a[1] : 0, n == 3 ? -a[2] : 0);
        }
      else if (IS ("skewX") && n == 1)
        cairo_matrix_init (&m, 1, 0, tan (a[0] * G_PI / 180), 1, 0, 0);
      else if (IS ("skewY") && n == 1)
        cairo_matrix_init (&m, 1, tan (a[0] * G_PI / 180), 0, 1, 0, 0);
      else
        return FALSE;
#undef IS
      /* The list applies right to left: the last one to the points first. */
      cairo_matrix_multiply (&result, &m, &result);
      if (!isfinite (result.xx) || !isfinite (result.yx) || !isfinite (result.xy) || !isfinite (result.yy)
          || !isfinite (result.x0) || !isfinite (result.y0)
          || fabs (result.xx) > MAX_TRANSFORM_SCALE || fabs (result.yx) > MAX_TRANSFORM_SCALE
          || fabs (result.xy) > MAX_TRANSFORM_SCALE || fabs (result.yy) > MAX_TRANSFORM_SCALE
          || fabs (result.x0) > 1e7 || fabs (result.y0) > 1e7)
        return FALSE;
    }
  *matrix = result;
  return TRUE;
}

void
_urok_svg_subpath_free (UrokSvgSubpath *subpath)
{
  g_array_unref (subpath->xy);
  g_free (subpath);
}

static void
add_point (UrokSvgSubpath *sub,
           double          x,
           double          y)
{
  g_array_append_val (sub->xy, x);
  g_array_append_val (sub->xy, y);
}

/* Quadratic and cubic Béziers from the current point, flattened. */
static void
add_curve (UrokSvgSubpath *sub,
           double          x0,
           double          y0,
           const double   *c,
           gboolean        cubic)
{
  for (int i = 1; i <= CURVE_SEGMENTS; i++)
    {
      double t = (double)i / CURVE_SEGMENTS, u = 1 - t, x, y;

      if (cubic)
        {
          x = u * u * u * x0 + 3 * u * u * t * c[0] + 3 * u * t * t * c[2] + t * t * t * c[4];
          y = u * u * u * y0 + 3 * u * u * t * c[1] + 3 * u * t * t * c[3] + t * t * t * c[5];
        }
      else
        {
          x = u * u * x0 + 2 * u * t * c[0] + t * t * c[2];
          y = u * u * y0 + 2 * u * t * c[1] + t * t * c[3];
        }
      add_point (sub, x, y);
    }
}

GPtrArray *
_urok_svg_parse_path (const char *d,
                      guint       max_points)
{
  g_autoptr(GPtrArray) subpaths = g_ptr_array_new_with_free_func ((GDestroyNotify)_urok_svg_subpath_free);
  UrokSvgSubpath *sub = NULL;
  const char *p = d;
  double x = 0, y = 0, start_x = 0, start_y = 0, ctrl_x = 0, ctrl_y = 0;
  char command = 0, previous = 0;
  guint total = 0;

  if (d == NULL)
    return NULL;
  for (;;)
    {
      static const guint n_args[128] = {
        ['M'] = 2, ['L'] = 2, ['H'] = 1, ['V'] = 1, ['C'] = 6, ['S'] = 4, ['Q'] = 4, ['T'] = 2, ['A'] = 7, ['Z'] = 0,
      };
      double a[7];
      gboolean relative;
      char upper;
      guint n;

      while (g_ascii_isspace (*p) || *p == ',')
        p++;
      if (*p == '\0')
        break;
      if (g_ascii_isalpha (*p))
        command = *p++;
      else if (command == 0 || g_ascii_toupper (command) == 'Z')
        return NULL; /* numbers with no command before them */
      /* After a moveto, further pairs are linetos. */
      else if (command == 'M' || command == 'm')
        command = command == 'M' ? 'L' : 'l';
      upper = g_ascii_toupper (command);
      if (strchr ("MLHVCSQTAZ", upper) == NULL)
        return NULL;
      relative = command != upper;
      n = n_args[(guchar)upper];
      for (guint i = 0; i < n; i++)
        if (!next_number (&p, &a[i]))
          return NULL;
      if (relative && upper == 'A')
        {
          /* Radii, rotation and flags are not offsets. */
          a[5] += x;
          a[6] += y;
        }
      else if (relative)
        for (guint i = 0; i < n; i++)
          a[i] += upper == 'V' || (upper != 'H' && i % 2 == 1) ? y : x;

      if (upper == 'M')
        {
          if (subpaths->len >= MAX_SUBPATHS)
            return NULL;
          sub = g_new0 (UrokSvgSubpath, 1);
          sub->xy = g_array_new (FALSE, FALSE, sizeof (double));
          g_ptr_array_add (subpaths, sub);
          x = start_x = a[0];
          y = start_y = a[1];
          add_point (sub, x, y);
        }
      else if (sub == NULL)
        return NULL; /* a path starts with a moveto */
      else if (upper == 'Z')
        {
          sub->closed = TRUE;
          x = start_x;
          y = start_y;
          /* Drawing on after a closepath starts a new subpath there. */
          if (subpaths->len >= MAX_SUBPATHS)
            return NULL;
          sub = g_new0 (UrokSvgSubpath, 1);
          sub->xy = g_array_new (FALSE, FALSE, sizeof (double));
          g_ptr_array_add (subpaths, sub);
          add_point (sub, x, y);
        }
      else if (upper == 'C' || upper == 'S' || upper == 'Q' || upper == 'T')
        {
          double c[6];
          gboolean cubic = upper == 'C' || upper == 'S';
          gboolean smooth = upper == 'S' || upper == 'T';
          gboolean reflect = smooth && previous != 0
                             && strchr (cubic ? "CcSs" : "QqTt", previous) != NULL;
          guint k = 0;

          if (smooth)
            {
              c[k++] = reflect ? 2 * x - ctrl_x : x;
              c[k++] = reflect ? 2 * y - ctrl_y : y;
            }
          for (guint i = 0; i < n; i++)
            c[k++] = a[i];
          add_curve (sub, x, y, c, cubic);
          ctrl_x = c[k - 4];
          ctrl_y = c[k - 3];
          x = c[k - 2];
          y = c[k - 1];
        }
      else
        {
          if (upper == 'H')
            x = a[0];
          else if (upper == 'V')
            y = a[0];
          else
            {
              x = a[n - 2];
              y = a[n - 1];
            }
          add_point (sub, x, y);
        }
      previous = command;
      total += upper == 'C' || upper == 'S' || upper == 'Q' || upper == 'T' ? CURVE_SEGMENTS : 1;
      if (total > max_points)
        return NULL;
    }
  /* A closepath at the end leaves an empty subpath behind. */
  if (subpaths->len > 0 && ((UrokSvgSubpath *)subpaths->pdata[subpaths->len - 1])->xy->len <= 2
      && g_ascii_toupper (previous) == 'Z')
    g_ptr_array_remove_index (subpaths, subpaths->len - 1);
  return g_steal_pointer (&subpaths);
}
