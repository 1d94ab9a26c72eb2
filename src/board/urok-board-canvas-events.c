/* urok-board-canvas-events.c: GTK's events into the input router: the
 * stylus (pressure, proximity, its eraser end), each touch sequence, the
 * mouse as a pen, and the wheel (pan; with Ctrl, zoom).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-canvas-private.h"

#define MOUSE_SEQUENCE  G_GUINT64_CONSTANT (1)
#define STYLUS_SEQUENCE (G_GUINT64_CONSTANT (1) << 62)
/* Pixels panned per wheel notch. */
#define WHEEL_STEP 48.0

/* Surface to widget coordinates: the offset to add to an event's (and its
 * history's) surface position. */
static gboolean
surface_offset (GtkWidget *widget,
                double    *dx,
                double    *dy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  double nx, ny, x, y;

  if (native == NULL)
    return FALSE;
  gtk_native_get_surface_transform (native, &nx, &ny);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (native), widget, 0, 0, &x, &y))
    return FALSE;
  *dx = x - nx;
  *dy = y - ny;
  return TRUE;
}

static gboolean
feed (UrokBoardCanvas *self,
      guint64          sequence,
      UrokBoardDevice  device,
      UrokBoardPhase   phase,
      double           x,
      double           y,
      double           pressure,
      guint32          time_ms)
{
  UrokBoardEvent event = { sequence, device, phase, x, y, pressure, time_ms };

  return urok_board_canvas_feed_event (self, &event);
}

/* A press on the palette (or another child) is not ink. */
static gboolean
on_child (UrokBoardCanvas *self,
          double           x,
          double           y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  return picked != NULL && picked != GTK_WIDGET (self);
}

/* GTK merges motion between frames; its history keeps every sample, so
 * fast writing keeps its shape. */
static void
feed_history (UrokBoardCanvas *self,
              GdkEvent        *event,
              guint64          sequence,
              UrokBoardDevice  device,
              double           dx,
              double           dy)
{
  guint n = 0;
  GdkTimeCoord *history = gdk_event_get_history (event, &n);

  for (guint i = 0; i < n; i++)
    {
      GdkTimeCoord *c = &history[i];
      double pressure = (c->flags & GDK_AXIS_FLAG_PRESSURE) ? c->axes[GDK_AXIS_PRESSURE] : -1;

      feed (self, sequence, device, UROK_BOARD_PHASE_UPDATE, c->axes[GDK_AXIS_X] + dx, c->axes[GDK_AXIS_Y] + dy,
            pressure, c->time);
    }
  g_free (history);
}

static gboolean
on_legacy_event (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 UrokBoardCanvas          *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  double ex, ey, dx, dy, x, y;
  guint32 time_ms = gdk_event_get_time (event);
  guint64 sequence;
  UrokBoardPhase phase;

  /* The stylus gesture has those; emulated pointer events repeat touches. */
  if (gdk_event_get_device_tool (event) != NULL || gdk_event_get_pointer_emulated (event))
    return GDK_EVENT_PROPAGATE;
  if (!gdk_event_get_position (event, &ex, &ey) || !surface_offset (GTK_WIDGET (self), &dx, &dy))
    return GDK_EVENT_PROPAGATE;
  x = ex + dx;
  y = ey + dy;

  switch ((int)type)
    {
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCH_END:
    case GDK_TOUCH_CANCEL:
      sequence = (guint64)GPOINTER_TO_SIZE (gdk_event_get_event_sequence (event));
      phase = type == GDK_TOUCH_BEGIN ? UROK_BOARD_PHASE_BEGIN :
              type == GDK_TOUCH_UPDATE ? UROK_BOARD_PHASE_UPDATE :
              type == GDK_TOUCH_END ? UROK_BOARD_PHASE_END : UROK_BOARD_PHASE_CANCEL;
      if (phase == UROK_BOARD_PHASE_BEGIN && on_child (self, x, y))
        return GDK_EVENT_PROPAGATE;
      if (phase == UROK_BOARD_PHASE_UPDATE)
        feed_history (self, event, sequence, UROK_BOARD_DEVICE_TOUCH, dx, dy);
      return feed (self, sequence, UROK_BOARD_DEVICE_TOUCH, phase, x, y, -1, time_ms);

    case GDK_BUTTON_PRESS:
      if (gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY || on_child (self, x, y))
        return GDK_EVENT_PROPAGATE;
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return feed (self, MOUSE_SEQUENCE, UROK_BOARD_DEVICE_MOUSE, UROK_BOARD_PHASE_BEGIN, x, y, -1, time_ms);
    case GDK_MOTION_NOTIFY:
      if (urok_board_input_get_route (self->input, MOUSE_SEQUENCE) == UROK_BOARD_ROUTE_NONE)
        return GDK_EVENT_PROPAGATE;
      feed_history (self, event, MOUSE_SEQUENCE, UROK_BOARD_DEVICE_MOUSE, dx, dy);
      return feed (self, MOUSE_SEQUENCE, UROK_BOARD_DEVICE_MOUSE, UROK_BOARD_PHASE_UPDATE, x, y, -1, time_ms);
    case GDK_BUTTON_RELEASE:
      if (gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
        return GDK_EVENT_PROPAGATE;
      return feed (self, MOUSE_SEQUENCE, UROK_BOARD_DEVICE_MOUSE, UROK_BOARD_PHASE_END, x, y, -1, time_ms);
    case GDK_GRAB_BROKEN:
      urok_board_input_cancel_all (self->input);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return GDK_EVENT_PROPAGATE;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Stylus */

static void
stylus_feed (GtkGestureStylus *gesture,
             UrokBoardPhase    phase,
             double            x,
             double            y,
             UrokBoardCanvas  *self)
{
  GdkDeviceTool *tool = gtk_gesture_stylus_get_device_tool (gesture);
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);
  UrokBoardDevice device = UROK_BOARD_DEVICE_PEN;
  guint64 sequence = STYLUS_SEQUENCE;
  guint32 time_ms = gtk_event_controller_get_current_event_time (controller);
  double pressure = -1;

  if (tool != NULL)
    {
      sequence |= gdk_device_tool_get_serial (tool) & ((G_GUINT64_CONSTANT (1) << 62) - 1);
      if (gdk_device_tool_get_tool_type (tool) == GDK_DEVICE_TOOL_TYPE_ERASER)
        device = UROK_BOARD_DEVICE_ERASER;
    }
  if (phase == UROK_BOARD_PHASE_BEGIN && on_child (self, x, y))
    return;
  if (!gtk_gesture_stylus_get_axis (gesture, GDK_AXIS_PRESSURE, &pressure))
    pressure = -1;
  if (phase == UROK_BOARD_PHASE_UPDATE)
    {
      GdkTimeCoord *backlog = NULL;
      guint n = 0;

      /* The backlog is in widget coordinates and ends with this event. */
      if (gtk_gesture_stylus_get_backlog (gesture, &backlog, &n))
        for (guint i = 0; i + 1 < n; i++)
          feed (self, sequence, device, phase, backlog[i].axes[GDK_AXIS_X], backlog[i].axes[GDK_AXIS_Y],
                (backlog[i].flags & GDK_AXIS_FLAG_PRESSURE) ? backlog[i].axes[GDK_AXIS_PRESSURE] : -1,
                backlog[i].time);
      g_free (backlog);
    }
  feed (self, sequence, device, phase, x, y, pressure, time_ms);
}

static void
on_stylus_proximity (GtkGestureStylus *gesture,
                     double            x,
                     double            y,
                     UrokBoardCanvas  *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  gboolean out = event != NULL && gdk_event_get_event_type (event) == GDK_PROXIMITY_OUT;

  feed (self, STYLUS_SEQUENCE, UROK_BOARD_DEVICE_PEN,
        out ? UROK_BOARD_PHASE_PROXIMITY_OUT : UROK_BOARD_PHASE_PROXIMITY_IN, x, y, -1,
        gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture)));
}

static void
on_stylus_down (GtkGestureStylus *gesture,
                double            x,
                double            y,
                UrokBoardCanvas  *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  stylus_feed (gesture, UROK_BOARD_PHASE_BEGIN, x, y, self);
}

static void
on_stylus_motion (GtkGestureStylus *gesture,
                  double            x,
                  double            y,
                  UrokBoardCanvas  *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  /* Hover motion (tip up) only keeps the stylus "near". */
  if (state & (GDK_BUTTON1_MASK | GDK_BUTTON2_MASK | GDK_BUTTON3_MASK))
    stylus_feed (gesture, UROK_BOARD_PHASE_UPDATE, x, y, self);
}

static void
on_stylus_up (GtkGestureStylus *gesture,
              double            x,
              double            y,
              UrokBoardCanvas  *self)
{
  stylus_feed (gesture, UROK_BOARD_PHASE_END, x, y, self);
}

static void
on_stylus_cancel (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  UrokBoardCanvas  *self)
{
  stylus_feed (GTK_GESTURE_STYLUS (gesture), UROK_BOARD_PHASE_CANCEL, 0, 0, self);
}

/* Wheel */

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           UrokBoardCanvas          *self)
{
  GtkEventController *ec = GTK_EVENT_CONTROLLER (controller);
  GdkModifierType state = gtk_event_controller_get_current_event_state (ec);
  GdkEvent *event = gtk_event_controller_get_current_event (ec);
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  double ox, oy, ex, ey;

  if (event != NULL && gdk_event_get_position (event, &ex, &ey) && surface_offset (GTK_WIDGET (self), &ox, &oy))
    {
      x = ex + ox;
      y = ey + oy;
    }
  self->fitted = FALSE;
  if (state & GDK_CONTROL_MASK)
    /* One notch: ×1.2; touchpads send small fractions of one. */
    urok_board_input_zoom_at (self->input, pow (1.2, -(wheel ? dy : dy / 10.0)), x, y);
  else
    urok_board_input_pan (self->input, -dx * (wheel ? WHEEL_STEP : 1), -dy * (wheel ? WHEEL_STEP : 1));
  return GDK_EVENT_STOP;
}

void
_urok_board_canvas_add_controllers (UrokBoardCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *stylus;

  stylus = gtk_gesture_stylus_new ();
  g_signal_connect (stylus, "proximity", G_CALLBACK (on_stylus_proximity), self);
  g_signal_connect (stylus, "down", G_CALLBACK (on_stylus_down), self);
  g_signal_connect (stylus, "motion", G_CALLBACK (on_stylus_motion), self);
  g_signal_connect (stylus, "up", G_CALLBACK (on_stylus_up), self);
  g_signal_connect (stylus, "cancel", G_CALLBACK (on_stylus_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (stylus));

  /* Every touch sequence on its own (GTK 4 gives each its
   * GdkEventSequence), and the mouse. */
  controller = gtk_event_controller_legacy_new ();
  g_signal_connect (controller, "event", G_CALLBACK (on_legacy_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
