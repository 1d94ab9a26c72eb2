/* urok-stage-row.c: one stage in the lesson editor's stage list.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-stage-row.h"
#include "urok-lesson-util.h"
#include "urok-row-drag.h"

struct _UrokStageRow
{
  AdwActionRow  parent_instance;

  UrokStage    *stage;
  GListModel   *kinds;
  GtkWidget    *swatch;
  GtkWidget    *minutes;
};

G_DEFINE_FINAL_TYPE (UrokStageRow, urok_stage_row, ADW_TYPE_ACTION_ROW)

/* The kind's colour as a bar at the row's start, as on the timeline. */
static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  UrokStageRow *self = user_data;
  GdkRGBA color;

  if (self->stage == NULL)
    return;
  if (!urok_stage_kind_rgba (self->kinds, urok_stage_get_kind (self->stage), &color))
    gdk_rgba_parse (&color, "#9a9996");
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_new_sub_path (cr);
  cairo_arc (cr, width / 2.0, width / 2.0, width / 2.0, G_PI, 3 * G_PI / 2);
  cairo_arc (cr, width / 2.0, width / 2.0, width / 2.0, 3 * G_PI / 2, 2 * G_PI);
  cairo_arc (cr, width / 2.0, height - width / 2.0, width / 2.0, 0, G_PI);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
update (UrokStageRow *self)
{
  g_autoptr(UrokStageKind) kind = urok_stage_kind_lookup (self->kinds, urok_stage_get_kind (self->stage));
  guint n_resources = g_list_model_get_n_items (urok_stage_get_resources (self->stage));
  const char *title = urok_stage_get_title (self->stage);
  g_autofree char *minutes = g_strdup_printf (_("%d min"), urok_stage_get_duration_minutes (self->stage));
  g_autofree char *resources = NULL;
  g_autofree char *subtitle = NULL;

  resources = n_resources > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u resource", "%u resources", n_resources), n_resources)
    : g_strdup (_("no resources"));
  subtitle = g_strdup_printf ("%s · %s", kind != NULL ? urok_stage_kind_get_name (kind) : _("Stage"), resources);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), *title != '\0' ? title : _("Untitled stage"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_label_set_text (GTK_LABEL (self->minutes), minutes);
  gtk_widget_queue_draw (self->swatch);
}

GtkWidget *
urok_stage_row_new (UrokStage  *stage,
                    GListModel *kinds)
{
  UrokStageRow *self;
  GtkWidget *handle;

  g_return_val_if_fail (UROK_IS_STAGE (stage), NULL);

  self = g_object_new (UROK_TYPE_STAGE_ROW,
                       "use-markup", FALSE,
                       "title-lines", 2,
                       "subtitle-lines", 1,
                       NULL);
  self->stage = g_object_ref (stage);
  g_set_object (&self->kinds, kinds);

  /* Prefixes are packed from the title outwards: the handle ends up at
   * the row's start, then the kind's colour. */
  self->swatch = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->swatch), 6);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->swatch), 32);
  gtk_widget_set_valign (self->swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->swatch), draw_swatch, self, NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), self->swatch);

  handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (handle, "drag-handle");
  gtk_widget_set_tooltip_text (handle, _("Drag to reorder (or Alt+Up and Alt+Down)"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), handle);

  self->minutes = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->minutes, "numeric");
  gtk_widget_add_css_class (self->minutes, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->minutes);

  g_signal_connect_object (stage, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (urok_stage_get_resources (stage), "items-changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  urok_row_drag_setup (GTK_WIDGET (self), handle, G_OBJECT (stage));
  update (self);
  return GTK_WIDGET (self);
}

UrokStage *
urok_stage_row_get_stage (UrokStageRow *self)
{
  g_return_val_if_fail (UROK_IS_STAGE_ROW (self), NULL);
  return self->stage;
}

static void
urok_stage_row_dispose (GObject *object)
{
  UrokStageRow *self = (UrokStageRow *)object;

  /* The model may outlive the row: no more updates to a disposed row. */
  if (self->stage != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->stage, self);
      g_signal_handlers_disconnect_by_data (urok_stage_get_resources (self->stage), self);
    }
  g_clear_object (&self->stage);
  g_clear_object (&self->kinds);

  G_OBJECT_CLASS (urok_stage_row_parent_class)->dispose (object);
}

static void
urok_stage_row_class_init (UrokStageRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = urok_stage_row_dispose;
}

static void
urok_stage_row_init (UrokStageRow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "stage-row");
}
