/* urok-pdf-view-input.c: what a reader does to the PDF view: select and
 * copy text, search, zoom with ctrl+wheel or two fingers, and the pdf.*
 * actions with their shortcuts.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-pdf-view-private.h"


/* Selection */

static void
update_selection (UrokPdfView *self)
{
  g_clear_pointer (&self->selection_rects, g_array_unref);
  if (self->has_selection && self->pdf != NULL)
    self->selection_rects = urok_pdf_get_selection_rects (self->pdf, &self->selection);
  _urok_pdf_view_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Selects the text a drag from (@area->x, @area->y) to the far corner
 * would (the width and height may be negative, for a drag up or left);
 * NULL clears the selection. */
void
urok_pdf_view_select (UrokPdfView       *self,
                      const UrokPdfRect *area)
{
  g_return_if_fail (UROK_IS_PDF_VIEW (self));

  self->has_selection = area != NULL && area->page < self->n_pages;
  if (self->has_selection)
    self->selection = *area;
  update_selection (self);
}

/* The selected text, or NULL when nothing is selected. */
char *
urok_pdf_view_dup_selected_text (UrokPdfView *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (UROK_IS_PDF_VIEW (self), NULL);

  if (!self->has_selection || self->pdf == NULL)
    return NULL;
  text = urok_pdf_dup_selected_text (self->pdf, &self->selection);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
drag_begin (GtkGestureDrag *gesture,
            double          x,
            double          y,
            UrokPdfView    *self)
{
  GdkDevice *device = gtk_gesture_get_device (GTK_GESTURE (gesture));
  guint page;
  double px, py;

  /* A finger scrolls the pages (the scrolled window's kinetic drag); the
   * mouse and the pen select. */
  if (device != NULL && gdk_device_get_source (device) == GDK_SOURCE_TOUCHSCREEN)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  if (!_urok_pdf_view_view_to_page (self, x, y, FALSE, &page, &px, &py))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      urok_pdf_view_select (self, NULL);
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->has_selection = FALSE;
  self->selection = (UrokPdfRect) { page, px, py, 0, 0 };
  update_selection (self);
}

static void
drag_update (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             UrokPdfView    *self)
{
  double x, y, scale = _urok_pdf_view_px_per_pt (self);
  UrokPdfRect area = self->selection;
  double width, height;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (hypot (dx, dy) < 3)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  /* The selection stays on the page it began on. */
  if (!urok_pdf_get_page_size (self->pdf, area.page, &width, &height))
    return;
  area.width = CLAMP (area.x + dx / scale, 0, width) - area.x;
  area.height = CLAMP (area.y + dy / scale, 0, height) - area.y;
  urok_pdf_view_select (self, &area);
}

/* Search */

typedef struct
{
  GBytes *bytes;
  char   *text;
} FindData;

static void
find_data_free (FindData *data)
{
  g_bytes_unref (data->bytes);
  g_free (data->text);
  g_free (data);
}

/* A thread of the GTask pool: a document of its own, as poppler needs. */
static void
find_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FindData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokPdf) pdf = urok_pdf_new_from_bytes (data->bytes, &error);

  (void)source;
  if (pdf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, urok_pdf_find (pdf, data->text, cancellable), (GDestroyNotify)g_array_unref);
}

static void
go_to_match (UrokPdfView *self,
             int          match)
{
  self->match = match;
  if (match >= 0)
    _urok_pdf_view_show_rect (self, &g_array_index (self->matches, UrokPdfRect, match));
  _urok_pdf_view_notify_matches (self);
}

static void
find_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  UrokPdfView *self = UROK_PDF_VIEW (source);
  g_autoptr(GArray) matches = g_task_propagate_pointer (G_TASK (result), NULL);
  int first = -1;

  (void)user_data;
  if (g_task_get_cancellable (G_TASK (result)) != self->find_cancellable
      || g_cancellable_is_cancelled (self->find_cancellable))
    return;
  g_clear_object (&self->find_cancellable);
  g_clear_pointer (&self->matches, g_array_unref);
  self->matches = g_steal_pointer (&matches);
  /* The first match from the page being read on. */
  for (guint i = 0; self->matches != NULL && i < self->matches->len && first < 0; i++)
    if (g_array_index (self->matches, UrokPdfRect, i).page >= self->page)
      first = (int)i;
  if (first < 0 && self->matches != NULL && self->matches->len > 0)
    first = 0;
  _urok_pdf_view_update_actions (self);
  go_to_match (self, first);
}

/* Finds every place @text is in the book, off the main thread, and goes to
 * the first from the current page on; "" clears the search.  n-matches is
 * notified when the search is done. */
void
urok_pdf_view_find (UrokPdfView *self,
                    const char  *text)
{
  g_autoptr(GTask) task = NULL;
  FindData *data;

  g_return_if_fail (UROK_IS_PDF_VIEW (self));
  g_return_if_fail (text != NULL);

  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  g_clear_pointer (&self->matches, g_array_unref);
  self->match = -1;
  _urok_pdf_view_update_actions (self);
  if (*text == '\0' || self->pdf == NULL)
    {
      _urok_pdf_view_notify_matches (self);
      return;
    }
  self->find_cancellable = g_cancellable_new ();
  data = g_new0 (FindData, 1);
  data->bytes = g_bytes_ref (urok_pdf_get_bytes (self->pdf));
  data->text = g_strdup (text);
  task = g_task_new (self, self->find_cancellable, find_done, NULL);
  g_task_set_source_tag (task, urok_pdf_view_find);
  g_task_set_task_data (task, data, (GDestroyNotify)find_data_free);
  g_task_run_in_thread (task, find_thread);
}

/* Zoom by wheel and by pinch */

static void
pointer_motion (GtkEventControllerMotion *motion,
                double                    x,
                double                    y,
                UrokPdfView              *self)
{
  (void)motion;
  self->pointer_x = x;
  self->pointer_y = y;
}

static gboolean
scroll (GtkEventControllerScroll *controller,
        double                    dx,
        double                    dy,
        UrokPdfView              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  (void)dx;
  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;
  urok_pdf_view_set_zoom_mode (self, UROK_PDF_ZOOM_FREE);
  _urok_pdf_view_apply_zoom (self, self->zoom * pow (ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
pinch_begin (GtkGesture       *gesture,
             GdkEventSequence *sequence,
             UrokPdfView      *self)
{
  (void)gesture;
  (void)sequence;
  self->pinch_zoom = self->zoom;
  urok_pdf_view_set_zoom_mode (self, UROK_PDF_ZOOM_FREE);
}

static void
pinch_changed (GtkGestureZoom *gesture,
               double          scale,
               UrokPdfView    *self)
{
  double x = 0, y = 0;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  _urok_pdf_view_apply_zoom (self, self->pinch_zoom * scale, x, y);
}

/* Actions */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UrokPdfView *self = UROK_PDF_VIEW (widget);

  (void)parameter;
  if (g_str_equal (action_name, "pdf.zoom-in"))
    urok_pdf_view_set_zoom (self, self->zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "pdf.zoom-out"))
    urok_pdf_view_set_zoom (self, self->zoom / ZOOM_STEP);
  else if (g_str_equal (action_name, "pdf.zoom-reset"))
    urok_pdf_view_set_zoom (self, 1.0);
  else if (g_str_equal (action_name, "pdf.fit-width"))
    urok_pdf_view_set_zoom_mode (self, UROK_PDF_ZOOM_FIT_WIDTH);
  else
    urok_pdf_view_set_zoom_mode (self, UROK_PDF_ZOOM_FIT_PAGE);
}

static void
find_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UrokPdfView *self = UROK_PDF_VIEW (widget);
  int n = (int)urok_pdf_view_get_n_matches (self);

  (void)parameter;
  if (n == 0)
    return;
  if (g_str_equal (action_name, "pdf.find-next"))
    go_to_match (self, (self->match + 1) % n);
  else
    go_to_match (self, (self->match - 1 + n) % n);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UrokPdfView *self = UROK_PDF_VIEW (widget);
  g_autofree char *text = urok_pdf_view_dup_selected_text (self);

  (void)action_name;
  (void)parameter;
  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
go_to_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  (void)action_name;
  urok_pdf_view_set_page (UROK_PDF_VIEW (widget), g_variant_get_uint32 (parameter));
}

void
_urok_pdf_view_update_actions (UrokPdfView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean found = self->matches != NULL && self->matches->len > 0;

  gtk_widget_action_set_enabled (widget, "pdf.copy", self->has_selection);
  gtk_widget_action_set_enabled (widget, "pdf.find-next", found);
  gtk_widget_action_set_enabled (widget, "pdf.find-previous", found);
}

void
_urok_pdf_view_class_init_input (GtkWidgetClass *widget_class)
{
  const char *zooms[] = { "pdf.zoom-in", "pdf.zoom-out", "pdf.zoom-reset", "pdf.fit-width", "pdf.fit-page" };

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    gtk_widget_class_install_action (widget_class, zooms[i], NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.find-next", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "pdf.find-previous", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "pdf.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "pdf.go-to-page", "u", go_to_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "pdf.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "pdf.fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "pdf.fit-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "pdf.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "pdf.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "pdf.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK, "pdf.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "pdf.copy", NULL);
}

void
_urok_pdf_view_init_input (UrokPdfView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  g_signal_connect (wheel, "scroll", G_CALLBACK (scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), wheel);

  g_signal_connect (motion, "enter", G_CALLBACK (pointer_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  _urok_pdf_view_update_actions (self);
}

void
_urok_pdf_view_dispose_input (UrokPdfView *self)
{
  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->selection_rects, g_array_unref);
}
