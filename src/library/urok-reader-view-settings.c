/* urok-reader-view-settings.c: the reader's properties.
 *
 * The reading settings (theme, layout, text size, font, line spacing,
 * margins, zoom) are applied by the page script as a style sheet of its
 * own; changing one re-lays the page out where the reader was.  The
 * location properties only report what the page script says.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"


#include "urok-reader-view-private.h"

GParamSpec *_urok_reader_view_properties[N_PROPS];
#define properties _urok_reader_view_properties

static const char *const themes[] = { "light", "sepia", "dark", NULL };
static const char *const layouts[] = { "paginated", "scrolled", NULL };

static void
relayout (UrokReaderView *self)
{
  g_autofree char *settings = NULL;
  g_autofree char *script = NULL;

  if (!self->ready)
    return;
  settings = _urok_reader_view_settings_json (self);
  script = g_strdup_printf ("urokReader.relayout(%s)", settings);
  _urok_reader_view_run_script (self, script);
}

static gboolean
set_string (UrokReaderView *self,
            char          **field,
            const char     *value,
            guint           prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  relayout (self);
  return TRUE;
}

static void
set_double (UrokReaderView *self,
            double         *field,
            double          value,
            guint           prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  relayout (self);
}

const char *
urok_reader_view_get_theme (UrokReaderView *self)
{
  g_return_val_if_fail (UROK_IS_READER_VIEW (self), NULL);

  return self->theme;
}

/* "light", "sepia" or "dark". */
void
urok_reader_view_set_theme (UrokReaderView *self,
                            const char     *theme)
{
  g_return_if_fail (UROK_IS_READER_VIEW (self));
  g_return_if_fail (theme != NULL && g_strv_contains (themes, theme));

  set_string (self, &self->theme, theme, PROP_THEME);
}

const char *
urok_reader_view_get_layout (UrokReaderView *self)
{
  g_return_val_if_fail (UROK_IS_READER_VIEW (self), NULL);

  return self->layout;
}

/* "paginated" or "scrolled"; fixed-layout books ignore it. */
void
urok_reader_view_set_layout (UrokReaderView *self,
                             const char     *layout)
{
  g_return_if_fail (UROK_IS_READER_VIEW (self));
  g_return_if_fail (layout != NULL && g_strv_contains (layouts, layout));

  set_string (self, &self->layout, layout, PROP_LAYOUT);
}

double
urok_reader_view_get_text_scale (UrokReaderView *self)
{
  g_return_val_if_fail (UROK_IS_READER_VIEW (self), 1.0);

  return self->text_scale;
}

/* The book's root font size times @scale: text reflows, pictures stay. */
void
urok_reader_view_set_text_scale (UrokReaderView *self,
                                 double          scale)
{
  g_return_if_fail (UROK_IS_READER_VIEW (self));

  set_double (self, &self->text_scale, CLAMP (scale, 0.5, 4.0), PROP_TEXT_SCALE);
}

const char *
urok_reader_view_get_font_family (UrokReaderView *self)
{
  g_return_val_if_fail (UROK_IS_READER_VIEW (self), NULL);

  return self->font_family;
}

/* A font family for the text, or "" for the book's own. */
void
urok_reader_view_set_font_family (UrokReaderView *self,
                                  const char     *family)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (UROK_IS_READER_VIEW (self));

  /* It goes into a CSS string: quotes and backslashes could end it. */
  clean = g_strdup (family != NULL ? family : "");
  g_strdelimit (clean, "\"\\\n\r\t{}<>;", ' ');
  set_string (self, &self->font_family, g_strstrip (clean), PROP_FONT_FAMILY);
}

double
urok_reader_view_get_line_spacing (UrokReaderView *self)
{
  g_return_val_if_fail (UROK_IS_READER_VIEW (self), 0.0);

  return self->line_spacing;
}

/* A line height (1 to 3), or 0 for the book's own. */
void
urok_reader_view_set_line_spacing (UrokReaderView *self,
                                   double          spacing)
{
  g_return_if_fail (UROK_IS_READER_VIEW (self));

  set_double (self, &self->line_spacing, spacing <= 0 ? 0.0 : CLAMP (spacing, 1.0, 3.0), PROP_LINE_SPACING);
}

int
urok_reader_view_get_margin (UrokReaderView *self)
{
  g_return_val_if_fail (UROK_IS_READER_VIEW (self), 0);

  return self->margin;
}

/* Pixels around the text (and half the gap between two columns). */
void
urok_reader_view_set_margin (UrokReaderView *self,
                             int             margin)
{
  g_return_if_fail (UROK_IS_READER_VIEW (self));

  margin = CLAMP (margin, 0, 200);
  if (margin == self->margin)
    return;
  self->margin = margin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARGIN]);
  relayout (self);
}

double
urok_reader_view_get_zoom (UrokReaderView *self)
{
  g_return_val_if_fail (UROK_IS_READER_VIEW (self), 1.0);

  return self->zoom;
}

/* Fixed-layout pages: 1 fits the page to the view; above it magnifies. */
void
urok_reader_view_set_zoom (UrokReaderView *self,
                           double          zoom)
{
  g_return_if_fail (UROK_IS_READER_VIEW (self));

  set_double (self, &self->zoom, CLAMP (zoom, 1.0, 4.0), PROP_ZOOM);
}

void
_urok_reader_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UrokReaderView *self = UROK_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_SOURCE: g_value_set_object (value, self->source); break;
    case PROP_THEME: g_value_set_string (value, self->theme); break;
    case PROP_LAYOUT: g_value_set_string (value, self->layout); break;
    case PROP_TEXT_SCALE: g_value_set_double (value, self->text_scale); break;
    case PROP_FONT_FAMILY: g_value_set_string (value, self->font_family); break;
    case PROP_LINE_SPACING: g_value_set_double (value, self->line_spacing); break;
    case PROP_MARGIN: g_value_set_int (value, self->margin); break;
    case PROP_ZOOM: g_value_set_double (value, self->zoom); break;
    case PROP_SPINE_INDEX: g_value_set_int (value, self->spine_index); break;
    case PROP_PAGE: g_value_set_int (value, self->page); break;
    case PROP_N_PAGES: g_value_set_int (value, self->n_pages); break;
    case PROP_PROGRESSION: g_value_set_double (value, self->progression); break;
    case PROP_READY: g_value_set_boolean (value, self->ready); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
_urok_reader_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UrokReaderView *self = UROK_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_THEME: urok_reader_view_set_theme (self, g_value_get_string (value)); break;
    case PROP_LAYOUT: urok_reader_view_set_layout (self, g_value_get_string (value)); break;
    case PROP_TEXT_SCALE: urok_reader_view_set_text_scale (self, g_value_get_double (value)); break;
    case PROP_FONT_FAMILY: urok_reader_view_set_font_family (self, g_value_get_string (value)); break;
    case PROP_LINE_SPACING: urok_reader_view_set_line_spacing (self, g_value_get_double (value)); break;
    case PROP_MARGIN: urok_reader_view_set_margin (self, g_value_get_int (value)); break;
    case PROP_ZOOM: urok_reader_view_set_zoom (self, g_value_get_double (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
_urok_reader_view_install_properties (GObjectClass *klass)
{
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  properties[PROP_SOURCE] = g_param_spec_object ("source", NULL, NULL, UROK_TYPE_BOOK_SOURCE, ro);
  properties[PROP_THEME] = g_param_spec_string ("theme", NULL, NULL, "light", rw);
  properties[PROP_LAYOUT] = g_param_spec_string ("layout", NULL, NULL, "paginated", rw);
  properties[PROP_TEXT_SCALE] = g_param_spec_double ("text-scale", NULL, NULL, 0.5, 4.0, 1.0, rw);
  properties[PROP_FONT_FAMILY] = g_param_spec_string ("font-family", NULL, NULL, "", rw);
  properties[PROP_LINE_SPACING] = g_param_spec_double ("line-spacing", NULL, NULL, 0.0, 3.0, 0.0, rw);
  properties[PROP_MARGIN] = g_param_spec_int ("margin", NULL, NULL, 0, 200, 48, rw);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, 1.0, 4.0, 1.0, rw);
  properties[PROP_SPINE_INDEX] = g_param_spec_int ("spine-index", NULL, NULL, -1, G_MAXINT, -1, ro);
  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_N_PAGES] = g_param_spec_int ("n-pages", NULL, NULL, 1, G_MAXINT, 1, ro);
  properties[PROP_PROGRESSION] = g_param_spec_double ("progression", NULL, NULL, 0.0, 1.0, 0.0, ro);
  properties[PROP_READY] = g_param_spec_boolean ("ready", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (klass, N_PROPS, properties);
}
