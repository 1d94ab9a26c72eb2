/* urok-row-drag.c: dragging a stage or resource row.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-row-drag.h"

static GdkContentProvider *
prepare_cb (GtkDragSource *source,
            double         x,
            double         y,
            GtkWidget     *handle)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GdkDevice *device = gtk_event_controller_get_current_event_device (GTK_EVENT_CONTROLLER (source));
  GObject *item = g_object_get_data (G_OBJECT (source), "item");
  graphene_point_t point;

  if (device != NULL && gdk_device_get_source (device) == GDK_SOURCE_TOUCHSCREEN)
    {
      if (!gtk_widget_compute_point (row, handle, &GRAPHENE_POINT_INIT (x, y), &point) ||
          !gtk_widget_contains (handle, point.x, point.y))
        return NULL;
    }

  g_object_set_data (G_OBJECT (source), "hot-x", GINT_TO_POINTER ((int)x));
  g_object_set_data (G_OBJECT (source), "hot-y", GINT_TO_POINTER ((int)y));
  return gdk_content_provider_new_typed (G_OBJECT_TYPE (item), item);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  /* A snapshot, not the live row, which is dimmed while it travels. */
  gtk_drag_source_set_icon (source, gdk_paintable_get_current_image (paintable),
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "hot-x")),
                            GPOINTER_TO_INT (g_object_get_data (G_OBJECT (source), "hot-y")));
  gtk_widget_add_css_class (row, "dragging");
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data)
{
  gtk_widget_remove_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source)), "dragging");
}

void
urok_row_drag_setup (GtkWidget *row,
                     GtkWidget *handle,
                     GObject   *item)
{
  GtkDragSource *source;

  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (GTK_IS_WIDGET (handle));
  g_return_if_fail (G_IS_OBJECT (item));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_object_set_data_full (G_OBJECT (source), "item", g_object_ref (item), g_object_unref);
  g_signal_connect (source, "prepare", G_CALLBACK (prepare_cb), handle);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), NULL);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
}
