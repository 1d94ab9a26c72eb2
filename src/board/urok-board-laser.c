/* urok-board-laser.c: the laser pointer.
 *
 * Each pointer position becomes a trail point with its time; points older
 * than the fade time are dropped.  A frame-clock tick redraws while any
 * point is fading and removes itself when the last one is gone, so a still
 * pointer costs no CPU at all.  The whole widget takes input while it is
 * shown: the teacher is pointing, not working the content underneath.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "urok-board-laser.h"

#define DEFAULT_FADE_MS 1000
#define MAX_POINTS 512     /* a fast second of motion; older ones go first */
#define DOT_RADIUS 9.0
#define TRAIL_WIDTH 10.0

typedef struct
{
  double x, y;
  gint64 time;   /* monotonic, µs */
} TrailPoint;

struct _UrokBoardLaser
{
  GtkWidget parent_instance;

  GArray   *trail;
  guint     fade_ms;
  guint     tick_id;
  gboolean  dot_visible;
  double    dot_x, dot_y;
};

G_DEFINE_FINAL_TYPE (UrokBoardLaser, urok_board_laser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FADE_TIME,
  PROP_ANIMATING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
urok_board_laser_new (void)
{
  return g_object_new (UROK_TYPE_BOARD_LASER, NULL);
}

guint
urok_board_laser_get_fade_time (UrokBoardLaser *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_LASER (self), 0);
  return self->fade_ms;
}

void
urok_board_laser_set_fade_time (UrokBoardLaser *self,
                                guint           fade_ms)
{
  g_return_if_fail (UROK_IS_BOARD_LASER (self));
  g_return_if_fail (fade_ms > 0);

  if (self->fade_ms == fade_ms)
    return;
  self->fade_ms = fade_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FADE_TIME]);
}

guint
urok_board_laser_get_n_points (UrokBoardLaser *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_LASER (self), 0);
  return self->trail->len;
}

gboolean
urok_board_laser_get_animating (UrokBoardLaser *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_LASER (self), FALSE);
  return self->tick_id != 0;
}

/* Drops the points that have faded out by @now. */
static void
prune (UrokBoardLaser *self,
       gint64          now)
{
  gint64 oldest = now - (gint64)self->fade_ms * 1000;
  guint keep_from = 0;

  while (keep_from < self->trail->len && g_array_index (self->trail, TrailPoint, keep_from).time <= oldest)
    keep_from++;
  if (keep_from > 0)
    g_array_remove_range (self->trail, 0, keep_from);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  UrokBoardLaser *self = UROK_BOARD_LASER (widget);

  prune (self, g_get_monotonic_time ());
  gtk_widget_queue_draw (widget);
  if (self->trail->len > 0)
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANIMATING]);
  return G_SOURCE_REMOVE;
}

void
urok_board_laser_add_point (UrokBoardLaser *self,
                            double          x,
                            double          y)
{
  TrailPoint point = { x, y, g_get_monotonic_time () };

  g_return_if_fail (UROK_IS_BOARD_LASER (self));

  if (!isfinite (x) || !isfinite (y))
    return;
  self->dot_visible = TRUE;
  self->dot_x = x;
  self->dot_y = y;
  if (self->trail->len == MAX_POINTS)
    g_array_remove_index (self->trail, 0);
  g_array_append_val (self->trail, point);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->tick_id == 0)
    {
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANIMATING]);
    }
}

void
urok_board_laser_release (UrokBoardLaser *self)
{
  g_return_if_fail (UROK_IS_BOARD_LASER (self));

  if (!self->dot_visible)
    return;
  self->dot_visible = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
urok_board_laser_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  UrokBoardLaser *self = UROK_BOARD_LASER (widget);
  gint64 now = g_get_monotonic_time ();
  double fade_us = self->fade_ms * 1000.0;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double margin = DOT_RADIUS * 2 + 2;
  cairo_t *cr;

  if (self->trail->len == 0 && !self->dot_visible)
    return;

  /* Only the box around the trail is drawn, not the whole screen. */
  for (guint i = 0; i < self->trail->len; i++)
    {
      TrailPoint *p = &g_array_index (self->trail, TrailPoint, i);

      x0 = MIN (x0, p->x);
      y0 = MIN (y0, p->y);
      x1 = MAX (x1, p->x);
      y1 = MAX (y1, p->y);
    }
  if (self->dot_visible)
    {
      x0 = MIN (x0, self->dot_x);
      y0 = MIN (y0, self->dot_y);
      x1 = MAX (x1, self->dot_x);
      y1 = MAX (y1, self->dot_y);
    }
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0 - margin, y0 - margin,
                                                                 x1 - x0 + 2 * margin, y1 - y0 + 2 * margin));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* Each segment replaces what the one before drew where their round caps
   * overlap, so the translucent trail has no darker beads at its joints. */
  cairo_push_group (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  for (guint i = 1; i < self->trail->len; i++)
    {
      TrailPoint *a = &g_array_index (self->trail, TrailPoint, i - 1);
      TrailPoint *b = &g_array_index (self->trail, TrailPoint, i);
      double life = 1.0 - (now - a->time) / fade_us;

      if (life <= 0)
        continue;
      /* Thinner and fainter as it ages. */
      cairo_set_line_width (cr, TRAIL_WIDTH * (0.3 + 0.7 * life));
      cairo_set_source_rgba (cr, 1.0, 0.1, 0.1, 0.8 * life);
      cairo_move_to (cr, a->x, a->y);
      cairo_line_to (cr, b->x, b->y);
      cairo_stroke (cr);
    }
  cairo_pop_group_to_source (cr);
  cairo_paint (cr);
  if (self->dot_visible)
    {
      /* A white halo so the dot shows on red content too. */
      cairo_arc (cr, self->dot_x, self->dot_y, DOT_RADIUS + 3, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.6);
      cairo_fill (cr);
      cairo_arc (cr, self->dot_x, self->dot_y, DOT_RADIUS, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1.0, 0.05, 0.05);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           UrokBoardLaser           *self)
{
  urok_board_laser_add_point (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *motion,
          UrokBoardLaser           *self)
{
  urok_board_laser_release (self);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               UrokBoardLaser *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  urok_board_laser_add_point (self, x, y);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                UrokBoardLaser *self)
{
  double x, y;

  if (gtk_gesture_drag_get_start_point (gesture, &x, &y))
    urok_board_laser_add_point (self, x + dx, y + dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             UrokBoardLaser *self)
{
  GdkEventSequence *sequence = gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture));
  GdkEvent *event = gtk_gesture_get_last_event (GTK_GESTURE (gesture), sequence);

  /* A finger lifted takes the dot with it; a mouse stays over the screen. */
  if (event != NULL && gdk_event_get_event_type (event) == GDK_TOUCH_END)
    urok_board_laser_release (self);
}

static void
urok_board_laser_unmap (GtkWidget *widget)
{
  UrokBoardLaser *self = UROK_BOARD_LASER (widget);

  /* Hidden: no trail to come back to, no tick left behind. */
  g_array_set_size (self->trail, 0);
  self->dot_visible = FALSE;
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->tick_id);
      self->tick_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANIMATING]);
    }
  GTK_WIDGET_CLASS (urok_board_laser_parent_class)->unmap (widget);
}

static void
urok_board_laser_finalize (GObject *object)
{
  UrokBoardLaser *self = (UrokBoardLaser *)object;

  g_clear_pointer (&self->trail, g_array_unref);

  G_OBJECT_CLASS (urok_board_laser_parent_class)->finalize (object);
}

static void
urok_board_laser_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UrokBoardLaser *self = UROK_BOARD_LASER (object);

  switch (prop_id)
    {
    case PROP_FADE_TIME:
      g_value_set_uint (value, self->fade_ms);
      break;
    case PROP_ANIMATING:
      g_value_set_boolean (value, self->tick_id != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_board_laser_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UrokBoardLaser *self = UROK_BOARD_LASER (object);

  switch (prop_id)
    {
    case PROP_FADE_TIME:
      urok_board_laser_set_fade_time (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_board_laser_class_init (UrokBoardLaserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = urok_board_laser_finalize;
  object_class->get_property = urok_board_laser_get_property;
  object_class->set_property = urok_board_laser_set_property;

  widget_class->snapshot = urok_board_laser_snapshot;
  widget_class->unmap = urok_board_laser_unmap;

  properties[PROP_FADE_TIME] =
    g_param_spec_uint ("fade-time", NULL, NULL, 1, 60000, DEFAULT_FADE_MS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ANIMATING] =
    g_param_spec_boolean ("animating", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "boardlaser");
}

static void
urok_board_laser_init (UrokBoardLaser *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->trail = g_array_new (FALSE, FALSE, sizeof (TrailPoint));
  self->fade_ms = DEFAULT_FADE_MS;

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  /* The dot is the pointer. */
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Laser pointer"), -1);
}
