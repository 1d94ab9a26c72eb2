/* urok-audience-view.c: what the class sees.
 *
 * Layers, bottom to top: the live resource view, the ink layer (the
 * whiteboard's, later), the classroom tools (drawing instruments,
 * spotlight, shade, laser pointer: hidden until asked for), the frozen
 * picture, black.  The tools are part of what a freeze captures: the class
 * keeps seeing the shade where it was.  Freezing renders the
 * two lower layers once into a texture with the window's own renderer, so
 * the class's screen holds still however the live view changes, and a
 * video or a web page underneath keeps running without being seen.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-audience-view.h"
#include "urok-board-instrument-view.h"
#include "urok-board-laser.h"
#include "urok-board-shade.h"
#include "urok-board-spotlight.h"

struct _UrokAudienceView
{
  GtkWidget         parent_instance;

  GtkWidget        *overlay;   /* the whole view */
  GtkWidget        *content;   /* live + ink: what a freeze captures */
  UrokResourceView *live;
  GtkWidget        *ink_holder;
  GtkWidget        *tools[UROK_AUDIENCE_TOOL_LASER + 1];
  GtkWidget        *frozen;
  GtkWidget        *black;
};

G_DEFINE_FINAL_TYPE (UrokAudienceView, urok_audience_view, GTK_TYPE_WIDGET)

GtkWidget *
urok_audience_view_new (void)
{
  return g_object_new (UROK_TYPE_AUDIENCE_VIEW, NULL);
}

UrokResourceView *
urok_audience_view_get_live (UrokAudienceView *self)
{
  g_return_val_if_fail (UROK_IS_AUDIENCE_VIEW (self), NULL);
  return self->live;
}

void
urok_audience_view_set_ink_layer (UrokAudienceView *self,
                                  GtkWidget        *layer)
{
  g_return_if_fail (UROK_IS_AUDIENCE_VIEW (self));
  g_return_if_fail (layer == NULL || GTK_IS_WIDGET (layer));

  adw_bin_set_child (ADW_BIN (self->ink_holder), layer);
  /* An empty slot must not take the pointer from the resource under it. */
  gtk_widget_set_can_target (self->ink_holder, layer != NULL);
}

void
urok_audience_view_set_ink_input (UrokAudienceView *self,
                                  gboolean          input)
{
  GtkWidget *layer;

  g_return_if_fail (UROK_IS_AUDIENCE_VIEW (self));

  layer = adw_bin_get_child (ADW_BIN (self->ink_holder));
  /* The slot too: a bin that cannot be drawn on still takes the pointer. */
  gtk_widget_set_can_target (self->ink_holder, layer != NULL && input);
  if (layer != NULL)
    gtk_widget_set_can_target (layer, input);
}

GtkWidget *
urok_audience_view_get_ink_layer (UrokAudienceView *self)
{
  g_return_val_if_fail (UROK_IS_AUDIENCE_VIEW (self), NULL);
  return adw_bin_get_child (ADW_BIN (self->ink_holder));
}

GtkWidget *
urok_audience_view_get_tool (UrokAudienceView *self,
                             UrokAudienceTool  tool)
{
  g_return_val_if_fail (UROK_IS_AUDIENCE_VIEW (self), NULL);
  g_return_val_if_fail (tool <= UROK_AUDIENCE_TOOL_LASER, NULL);
  return self->tools[tool];
}

/* The content as drawn now, as a texture; NULL if it is not on screen. */
static GdkTexture *
capture_content (UrokAudienceView *self)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  int width = gtk_widget_get_width (self->content);
  int height = gtk_widget_get_height (self->content);

  if (native == NULL || gtk_native_get_renderer (native) == NULL || width <= 0 || height <= 0)
    return NULL;

  paintable = gtk_widget_paintable_new (self->content);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;
  return gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
urok_audience_view_set_frozen (UrokAudienceView *self,
                               gboolean          frozen)
{
  g_return_if_fail (UROK_IS_AUDIENCE_VIEW (self));

  if (frozen == gtk_widget_get_visible (self->frozen))
    return;
  if (frozen)
    {
      g_autoptr(GdkTexture) texture = capture_content (self);

      /* Not on screen yet: the class sees the frozen layer's black. */
      gtk_picture_set_paintable (GTK_PICTURE (self->frozen), GDK_PAINTABLE (texture));
    }
  else
    gtk_picture_set_paintable (GTK_PICTURE (self->frozen), NULL);
  gtk_widget_set_visible (self->frozen, frozen);
}

gboolean
urok_audience_view_get_frozen (UrokAudienceView *self)
{
  g_return_val_if_fail (UROK_IS_AUDIENCE_VIEW (self), FALSE);
  return gtk_widget_get_visible (self->frozen);
}

GdkPaintable *
urok_audience_view_get_frozen_picture (UrokAudienceView *self)
{
  g_return_val_if_fail (UROK_IS_AUDIENCE_VIEW (self), NULL);
  return gtk_picture_get_paintable (GTK_PICTURE (self->frozen));
}

void
urok_audience_view_set_blacked_out (UrokAudienceView *self,
                                    gboolean          blacked_out)
{
  g_return_if_fail (UROK_IS_AUDIENCE_VIEW (self));
  gtk_widget_set_visible (self->black, blacked_out);
}

gboolean
urok_audience_view_get_blacked_out (UrokAudienceView *self)
{
  g_return_val_if_fail (UROK_IS_AUDIENCE_VIEW (self), FALSE);
  return gtk_widget_get_visible (self->black);
}

static void
urok_audience_view_dispose (GObject *object)
{
  UrokAudienceView *self = (UrokAudienceView *)object;

  g_clear_pointer (&self->overlay, gtk_widget_unparent);

  G_OBJECT_CLASS (urok_audience_view_parent_class)->dispose (object);
}

static void
urok_audience_view_class_init (UrokAudienceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_audience_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "audienceview");
}

static void
urok_audience_view_init (UrokAudienceView *self)
{
  self->live = UROK_RESOURCE_VIEW (urok_resource_view_new ());
  self->ink_holder = adw_bin_new ();
  gtk_widget_set_name (self->ink_holder, "ink-slot");
  gtk_widget_set_can_target (self->ink_holder, FALSE);

  self->content = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->content), GTK_WIDGET (self->live));
  gtk_overlay_add_overlay (GTK_OVERLAY (self->content), self->ink_holder);
  self->tools[UROK_AUDIENCE_TOOL_INSTRUMENTS] = urok_board_instrument_view_new ();
  self->tools[UROK_AUDIENCE_TOOL_SPOTLIGHT] = urok_board_spotlight_new ();
  self->tools[UROK_AUDIENCE_TOOL_SHADE] = urok_board_shade_new ();
  self->tools[UROK_AUDIENCE_TOOL_LASER] = urok_board_laser_new ();
  /* A board page under the instruments takes their edges and arcs. */
  urok_resource_view_set_instruments (self->live, UROK_BOARD_INSTRUMENT_VIEW (self->tools[UROK_AUDIENCE_TOOL_INSTRUMENTS]));
  for (guint i = 0; i < G_N_ELEMENTS (self->tools); i++)
    {
      /* Only the shown ones take input or draw. */
      gtk_widget_set_visible (self->tools[i], FALSE);
      gtk_overlay_add_overlay (GTK_OVERLAY (self->content), self->tools[i]);
    }

  self->frozen = gtk_picture_new ();
  gtk_widget_set_name (self->frozen, "frozen");
  gtk_picture_set_content_fit (GTK_PICTURE (self->frozen), GTK_CONTENT_FIT_FILL);
  gtk_widget_add_css_class (self->frozen, "audience-cover");
  gtk_widget_set_visible (self->frozen, FALSE);

  self->black = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_name (self->black, "blackout");
  gtk_widget_add_css_class (self->black, "audience-cover");
  gtk_widget_set_visible (self->black, FALSE);

  self->overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), self->content);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->frozen);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->black);
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));
}
