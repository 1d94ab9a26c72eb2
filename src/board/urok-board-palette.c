/* urok-board-palette.c: the whiteboard's tool palette.  The tools are in
 * the template; colours and widths come from the tables below.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-board-palette.h"

/* Touch targets: a finger on a board needs at least this (px). */
#define TARGET 48

struct _UrokBoardPalette
{
  GtkWidget  parent_instance;

  GtkWidget *shapes;
  GtkWidget *colors;
  GtkWidget *widths;
  GtkWidget *backgrounds;
};

G_DEFINE_FINAL_TYPE (UrokBoardPalette, urok_board_palette, GTK_TYPE_WIDGET)

/* Chalk-board colours that read from the back row, on white and on the
 * darker backgrounds. */
static const struct { const char *color; const char *name; } colors[] = {
  { "#1a1a1a", N_("Black") },
  { "#1c4fd8", N_("Blue") },
  { "#d22b2b", N_("Red") },
  { "#1f8a3a", N_("Green") },
  { "#f08c00", N_("Orange") },
  { "#7b3fb5", N_("Purple") },
  { "#ffd400", N_("Yellow") },
  { "#ffffff", N_("White") },
};

/* The select and shape tools, drawn (the icon theme has no shapes). */
static const struct { const char *tool; const char *name; } shape_tools[] = {
  { "line", N_("Line") },
  { "arrow", N_("Arrow") },
  { "rectangle", N_("Rectangle") },
  { "ellipse", N_("Ellipse") },
  { "polygon", N_("Polygon: tap the corners, then the first one again") },
};

static const struct { double width; const char *name; } widths[] = {
  { 2, N_("Thin") },
  { 4, N_("Medium") },
  { 8, N_("Thick") },
  { 16, N_("Very thick") },
};

/* The school papers (docs/formats/board.md), then pictures from files. */
static const struct { const char *name; const char *label; } papers[] = {
  { "plain", N_("Plain") },
  /* Translators: Russian exercise-book squares, 5 mm («клетка»). */
  { "squares", N_("Squares") },
  /* Translators: ruled exercise-book lines («линейка»). */
  { "lines", N_("Lines") },
  /* Translators: the primary-school slanted ruling («косая линейка»). */
  { "slanted", N_("Slanted ruling") },
  /* Translators: «нотный стан». */
  { "staves", N_("Music staves") },
  /* Translators: millimetre graph paper («миллиметровка»). */
  { "graph", N_("Graph paper") },
  /* Translators: «координатная плоскость». */
  { "coordinates", N_("Coordinate plane") },
};

static GtkWidget *
background_popover (void)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();

  for (guint i = 0; i < G_N_ELEMENTS (papers) + 2; i++)
    {
      gboolean paper = i < G_N_ELEMENTS (papers);
      GtkWidget *button = paper ? gtk_toggle_button_new_with_label (_(papers[i].label))
                                : gtk_button_new_with_label (i == G_N_ELEMENTS (papers) ? _("Picture…") : _("PDF Page…"));

      gtk_widget_set_size_request (button, -1, TARGET);
      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      if (paper)
        {
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "board.background");
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (papers[i].name));
        }
      else
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), i == G_N_ELEMENTS (papers) ? "board.background-image"
                                                                                             : "board.background-pdf");
      /* Three columns: nine rows of 48 px would not fit above the palette
       * on a small screen. */
      gtk_grid_attach (GTK_GRID (grid), button, i % 3, i / 3, 1, 1);
    }
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  return popover;
}

/* The palette is light on dark whatever the theme (osd): its drawn icons
 * are white. */
static void
draw_swatch (cairo_t       *cr,
             double         width,
             double         height,
             gconstpointer  data)
{
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, data);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 2, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
draw_width (cairo_t       *cr,
            double         width,
            double         height,
            gconstpointer  data)
{
  const double *w = data;

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (*w, MIN (width, height) - 4) / 2.0 + 1, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_shape (cairo_t       *cr,
            double         w,
            double         h,
            gconstpointer  data)
{
  const char *tool = data;

  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (g_str_equal (tool, "select"))
    {
      static const double dash[] = { 3, 3 };

      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_rectangle (cr, 3.5, 3.5, w - 10, h - 10);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      /* A pointer over its corner. */
      cairo_move_to (cr, w / 2, h / 2);
      cairo_line_to (cr, w - 3, h - 9);
      cairo_line_to (cr, w - 9, h - 9);
      cairo_line_to (cr, w - 9, h - 3);
      cairo_close_path (cr);
      cairo_fill (cr);
      return;
    }
  if (g_str_equal (tool, "line") || g_str_equal (tool, "arrow"))
    {
      cairo_move_to (cr, 4, h - 4);
      cairo_line_to (cr, w - 4, 4);
      if (g_str_equal (tool, "arrow"))
        {
          cairo_move_to (cr, w - 13, 5);
          cairo_line_to (cr, w - 4, 4);
          cairo_line_to (cr, w - 5, 13);
        }
    }
  else if (g_str_equal (tool, "rectangle"))
    cairo_rectangle (cr, 4, 8, w - 8, h - 16);
  else if (g_str_equal (tool, "ellipse"))
    {
      cairo_save (cr);
      cairo_translate (cr, w / 2, h / 2);
      cairo_scale (cr, (w - 8) / 2, (h - 12) / 2);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
    }
  else if (g_str_equal (tool, "polygon"))
    {
      cairo_move_to (cr, w / 2, 4);
      cairo_line_to (cr, w - 4, h / 2 - 2);
      cairo_line_to (cr, w - 8, h - 4);
      cairo_line_to (cr, 8, h - 4);
      cairo_line_to (cr, 4, h / 2 - 2);
      cairo_close_path (cr);
    }
  else /* recognize: a hand-drawn loop becoming a triangle */
    {
      cairo_move_to (cr, w / 2, 4);
      cairo_line_to (cr, w - 4, h - 4);
      cairo_line_to (cr, 4, h - 4);
      cairo_close_path (cr);
      cairo_stroke (cr);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, w / 2 - 2, 10);
      cairo_curve_to (cr, w / 2 - 8, 14, w / 2 - 6, h - 10, w / 2, h - 9);
      cairo_curve_to (cr, w / 2 + 8, h - 8, w / 2 + 6, 12, w / 2 - 2, 10);
    }
  cairo_stroke (cr);
}

/* Drawn icons as textures, not drawing areas: a texture node is drawn
 * the same by every renderer, where GTK 4.8's GL renderer mixed up the
 * cairo nodes of same-sized drawing areas between these buttons. */
static GtkWidget *
drawn_icon (void        (*draw) (cairo_t *cr, double width, double height, gconstpointer data),
            gconstpointer  data)
{
  const int size = TARGET - 16, scale = 2;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size * scale, size * scale);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *image;

  cairo_scale (cr, scale, scale);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  draw (cr, size, size, data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize)cairo_image_surface_get_stride (surface) * size * scale);
  /* Cairo's ARGB32 is GDK's default format (premultiplied, native order). */
  texture = gdk_memory_texture_new (size * scale, size * scale, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  image = gtk_image_new_from_paintable (GDK_PAINTABLE (texture));
  gtk_image_set_pixel_size (GTK_IMAGE (image), size);
  return image;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_size_request (button, TARGET, TARGET);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
target_button (GtkWidget  *content,
               const char *tooltip,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_widget_set_size_request (content, TARGET - 16, TARGET - 16);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_size_request (button, TARGET, TARGET);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
urok_board_palette_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), UROK_TYPE_BOARD_PALETTE);
  /* The rows are not bound children: unparent them too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (urok_board_palette_parent_class)->dispose (object);
}

static void
urok_board_palette_class_init (UrokBoardPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_board_palette_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/ru/urok/Urok/urok-board-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokBoardPalette, shapes);
  gtk_widget_class_bind_template_child (widget_class, UrokBoardPalette, colors);
  gtk_widget_class_bind_template_child (widget_class, UrokBoardPalette, widths);
  gtk_widget_class_bind_template_child (widget_class, UrokBoardPalette, backgrounds);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardpalette");
}

static void
urok_board_palette_init (UrokBoardPalette *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Three rows: tools, the select and shape tools, then colours and
   * widths; it fits a 640 px slot. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);

  /* Select, the shapes, recognition; then what acts on the selection. */
  {
    gtk_box_append (GTK_BOX (self->shapes), target_button (drawn_icon (draw_shape, "select"), _("Select, move, resize and turn"),
                                                           "board.tool", g_variant_new_string ("select")));
    for (guint i = 0; i < G_N_ELEMENTS (shape_tools); i++)
      gtk_box_append (GTK_BOX (self->shapes), target_button (drawn_icon (draw_shape, shape_tools[i].tool), _(shape_tools[i].name),
                                                             "board.tool", g_variant_new_string (shape_tools[i].tool)));
    gtk_box_append (GTK_BOX (self->shapes), target_button (drawn_icon (draw_shape, "recognize"), _("Straighten hand-drawn shapes"),
                                                           "board.recognize-shapes", NULL));
    gtk_box_append (GTK_BOX (self->shapes), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
    gtk_box_append (GTK_BOX (self->shapes), icon_button ("edit-copy-symbolic", _("Duplicate the selection"),
                                                         "board.duplicate-selection"));
    gtk_box_append (GTK_BOX (self->shapes), icon_button ("edit-delete-symbolic", _("Delete the selection"),
                                                         "board.delete-selection"));
  }
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->backgrounds), background_popover ());
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    gtk_box_append (GTK_BOX (self->colors), target_button (drawn_icon (draw_swatch, colors[i].color), _(colors[i].name),
                                                           "board.color", g_variant_new_string (colors[i].color)));
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    gtk_box_append (GTK_BOX (self->widths), target_button (drawn_icon (draw_width, &widths[i].width), _(widths[i].name),
                                                           "board.width", g_variant_new_double (widths[i].width)));
}

GtkWidget *
urok_board_palette_new (void)
{
  return g_object_new (UROK_TYPE_BOARD_PALETTE, NULL);
}
