/* urok-board-placeholder.c: a board page whose page does not load.
 *
 * create_board_view() in urok-resource-view.c shows the whiteboard's
 * canvas; a page the store or the resource's string cannot give is shown
 * as this instead of a blank board that would hide the problem: an empty
 * page of the right background (white, or the exercise-book ruling),
 * titled.
 * Reading the board JSON is lenient on purpose: the format belongs to the
 * whiteboard, and a page this code does not understand is still a page.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "urok-board-placeholder.h"

/* 5 mm squares at the panel's usual 96 dpi. */
#define CELL 19.0

typedef enum
{
  RULING_PLAIN,
  RULING_SQUARES,
  RULING_SLANTED,
  RULING_NARROW,
} Ruling;

struct _UrokBoardPlaceholder
{
  GtkWidget  parent_instance;

  GtkWidget *title;
  GdkRGBA    color;
  Ruling     ruling;
};

G_DEFINE_FINAL_TYPE (UrokBoardPlaceholder, urok_board_placeholder, GTK_TYPE_WIDGET)

static void
read_board (UrokBoardPlaceholder *self,
            const char           *board)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *background;
  const char *color;

  if (board == NULL || !json_parser_load_from_data (parser, board, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  object = json_node_get_object (json_parser_get_root (parser));

  background = json_object_get_string_member_with_default (object, "background", "");
  if (g_str_equal (background, "squares"))
    self->ruling = RULING_SQUARES;
  else if (g_str_equal (background, "slanted_ruling"))
    self->ruling = RULING_SLANTED;
  else if (g_str_equal (background, "narrow_ruling"))
    self->ruling = RULING_NARROW;

  color = json_object_get_string_member_with_default (object, "color", "");
  if (*color == '#')
    gdk_rgba_parse (&self->color, color);
}

GtkWidget *
urok_board_placeholder_new (UrokResource *resource)
{
  UrokBoardPlaceholder *self;

  g_return_val_if_fail (UROK_IS_RESOURCE (resource), NULL);

  self = g_object_new (UROK_TYPE_BOARD_PLACEHOLDER, NULL);
  read_board (self, urok_resource_get_board (resource));
  gtk_label_set_text (GTK_LABEL (self->title), urok_resource_get_title (resource));
  return GTK_WIDGET (self);
}

void
urok_board_placeholder_get_color (UrokBoardPlaceholder *self,
                                  GdkRGBA              *color)
{
  g_return_if_fail (UROK_IS_BOARD_PLACEHOLDER (self));
  *color = self->color;
}

static void
urok_board_placeholder_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  UrokBoardPlaceholder *self = UROK_BOARD_PLACEHOLDER (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  graphene_rect_t page = GRAPHENE_RECT_INIT (0, 0, width, height);

  gtk_snapshot_append_color (snapshot, &self->color, &page);

  if (self->ruling != RULING_PLAIN)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &page);
      double step = self->ruling == RULING_SQUARES ? CELL : CELL * 2;

      cairo_set_source_rgba (cr, 0.35, 0.55, 0.85, 0.35);
      cairo_set_line_width (cr, 1);
      for (double y = step; y < height; y += step)
        {
          cairo_move_to (cr, 0, floor (y) + 0.5);
          cairo_line_to (cr, width, floor (y) + 0.5);
        }
      if (self->ruling == RULING_SQUARES)
        for (double x = step; x < width; x += step)
          {
            cairo_move_to (cr, floor (x) + 0.5, 0);
            cairo_line_to (cr, floor (x) + 0.5, height);
          }
      else if (self->ruling == RULING_SLANTED)
        /* Handwriting slant: 65° lines across the page. */
        for (double x = -height; x < width; x += step * 1.5)
          {
            cairo_move_to (cr, x, height);
            cairo_line_to (cr, x + height * 0.4663, 0);
          }
      cairo_stroke (cr);
      cairo_destroy (cr);
    }

  gtk_widget_snapshot_child (widget, self->title, snapshot);
}

static void
urok_board_placeholder_dispose (GObject *object)
{
  UrokBoardPlaceholder *self = (UrokBoardPlaceholder *)object;

  g_clear_pointer (&self->title, gtk_widget_unparent);

  G_OBJECT_CLASS (urok_board_placeholder_parent_class)->dispose (object);
}

static void
urok_board_placeholder_class_init (UrokBoardPlaceholderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_board_placeholder_dispose;
  widget_class->snapshot = urok_board_placeholder_snapshot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardpage");
}

static void
urok_board_placeholder_init (UrokBoardPlaceholder *self)
{
  gdk_rgba_parse (&self->color, "#ffffff");

  /* The page's title, dark on the (light) page whatever the app's style. */
  self->title = gtk_label_new (NULL);
  gtk_widget_set_halign (self->title, GTK_ALIGN_START);
  gtk_widget_set_valign (self->title, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->title, 32);
  gtk_widget_set_margin_top (self->title, 24);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  gtk_widget_add_css_class (self->title, "board-page-title");
  gtk_widget_set_parent (self->title, GTK_WIDGET (self));
  gtk_widget_set_name (GTK_WIDGET (self), "resource-board");
}
