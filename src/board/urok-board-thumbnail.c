/* urok-board-thumbnail.c: a board page drawn small.  The items are
 * gathered on the main thread (refs to immutable items) and drawn with the
 * background on a worker; a page that keeps changing (someone is writing)
 * is drawn again at most once per UROK_BOARD_THUMBNAIL_THROTTLE_MS.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-export.h"
#include "urok-board-render.h"
#include "urok-board-thumbnail.h"

struct _UrokBoardThumbnail
{
  GtkWidget      parent_instance;

  UrokBoardPage *page;
  int            width;
  int            height;
  GdkTexture    *texture;
  GCancellable  *cancellable;
  gboolean       busy;       /* a rendering is on a worker */
  gboolean       dirty;      /* the page changed since it began */
  gint64         last_us;    /* when the last rendering began */
  guint          timeout_id;
  guint          n_renders;
};

G_DEFINE_FINAL_TYPE (UrokBoardThumbnail, urok_board_thumbnail, GTK_TYPE_WIDGET)

typedef struct
{
  UrokBoardBackground background;
  GBytes             *data;
  double              page_width;
  double              page_height;
  UrokBoardRect       extent;
  GPtrArray          *items;
  int                 width;
  int                 height;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->data, g_bytes_unref);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_free (job);
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  double scale = MIN (job->width / job->extent.width, job->height / job->extent.height);
  int w = MAX (1, (int)ceil (job->extent.width * scale)), h = MAX (1, (int)ceil (job->extent.height * scale));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  urok_board_render_background (cr, job->background, job->page_width, job->page_height, job->data, &job->extent,
                                scale);
  urok_board_render_item_list (cr, job->items, &job->extent, scale, UROK_BOARD_RENDER_DEFAULT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize)cairo_image_surface_get_stride (surface) * h);
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  g_task_return_pointer (task, texture, g_object_unref);
}

static void start_render (UrokBoardThumbnail *self);

static void
render_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);
  UrokBoardThumbnail *self;

  if (texture == NULL)
    return; /* cancelled: the widget is gone */
  self = UROK_BOARD_THUMBNAIL (source);
  self->busy = FALSE;
  self->n_renders++;
  g_set_object (&self->texture, texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->dirty)
    start_render (self);
}

static gboolean
throttle_cb (gpointer data)
{
  UrokBoardThumbnail *self = data;

  self->timeout_id = 0;
  start_render (self);
  return G_SOURCE_REMOVE;
}

static void
start_render (UrokBoardThumbnail *self)
{
  g_autoptr(GTask) task = NULL;
  gint64 now = g_get_monotonic_time ();
  gint64 wait_ms = self->last_us == 0 ? 0 : UROK_BOARD_THUMBNAIL_THROTTLE_MS - (now - self->last_us) / 1000;
  Job *job;

  self->dirty = TRUE;
  if (self->page == NULL || self->busy || self->timeout_id != 0)
    return;
  if (wait_ms > 0)
    {
      self->timeout_id = g_timeout_add ((guint)wait_ms, throttle_cb, self);
      return;
    }
  self->dirty = FALSE;
  self->busy = TRUE;
  self->last_us = now;

  job = g_new0 (Job, 1);
  job->background = urok_board_page_get_background (self->page);
  job->data = urok_board_page_get_background_data (self->page);
  if (job->data != NULL)
    g_bytes_ref (job->data);
  job->page_width = urok_board_page_get_width (self->page);
  job->page_height = urok_board_page_get_height (self->page);
  urok_board_export_get_extent (self->page, &job->extent);
  job->items = urok_board_page_items_in_rect (self->page, &job->extent);
  job->width = self->width;
  job->height = self->height;

  task = g_task_new (self, self->cancellable, render_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, render_thread);
}

static void
on_page_changed (UrokBoardThumbnail *self)
{
  start_render (self);
}

static void
urok_board_thumbnail_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  UrokBoardThumbnail *self = UROK_BOARD_THUMBNAIL (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  double tw, th, s;

  if (self->texture == NULL)
    return;
  tw = gdk_texture_get_width (self->texture);
  th = gdk_texture_get_height (self->texture);
  s = MIN (w / tw, h / th);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((w - tw * s) / 2, (h - th * s) / 2));
  gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, tw * s, th * s);
  gtk_snapshot_restore (snapshot);
}

static void
urok_board_thumbnail_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  UrokBoardThumbnail *self = UROK_BOARD_THUMBNAIL (widget);

  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->height;
}

static void
urok_board_thumbnail_dispose (GObject *object)
{
  UrokBoardThumbnail *self = UROK_BOARD_THUMBNAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  g_clear_object (&self->page);
  g_clear_object (&self->texture);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (urok_board_thumbnail_parent_class)->dispose (object);
}

static void
urok_board_thumbnail_class_init (UrokBoardThumbnailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_board_thumbnail_dispose;
  widget_class->snapshot = urok_board_thumbnail_snapshot;
  widget_class->measure = urok_board_thumbnail_measure;
  gtk_widget_class_set_css_name (widget_class, "boardthumbnail");
}

static void
urok_board_thumbnail_init (UrokBoardThumbnail *self)
{
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
urok_board_thumbnail_new (UrokBoardPage *page,
                          int            width,
                          int            height)
{
  UrokBoardThumbnail *self;

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (page), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_object_new (UROK_TYPE_BOARD_THUMBNAIL, NULL);
  self->page = g_object_ref (page);
  self->width = width;
  self->height = height;
  g_signal_connect_swapped (page, "changed", G_CALLBACK (on_page_changed), self);
  g_signal_connect_swapped (page, "notify::background", G_CALLBACK (on_page_changed), self);
  g_signal_connect_swapped (page, "notify::background-data", G_CALLBACK (on_page_changed), self);
  g_signal_connect_swapped (page, "notify::width", G_CALLBACK (on_page_changed), self);
  g_signal_connect_swapped (page, "notify::height", G_CALLBACK (on_page_changed), self);
  start_render (self);
  return GTK_WIDGET (self);
}

UrokBoardPage *
urok_board_thumbnail_get_page (UrokBoardThumbnail *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_THUMBNAIL (self), NULL);
  return self->page;
}

GdkTexture *
urok_board_thumbnail_get_texture (UrokBoardThumbnail *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_THUMBNAIL (self), NULL);
  return self->texture;
}

guint
urok_board_thumbnail_get_n_renders (UrokBoardThumbnail *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_THUMBNAIL (self), 0);
  return self->n_renders;
}
