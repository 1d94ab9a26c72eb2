/* urok-board-spotlight.c: darkness with one lit spot.
 *
 * The darkness is an outset shadow of the spot's rounded rectangle spread
 * over the whole widget: the renderer draws it outside the spot only, with
 * no full-screen cairo surface per frame on a 4K panel.  The dark part
 * takes input (a drag there moves the spot, as if pushing a torch); the
 * lit part lets it through to the content, and a grip on the rim resizes.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "urok-board-spotlight.h"

#define DARKNESS 0.85
#define MIN_RADIUS (UROK_BOARD_SPOTLIGHT_HANDLE_SIZE / 2.0)

struct _UrokBoardSpotlight
{
  GtkWidget               parent_instance;

  UrokBoardSpotlightShape shape;
  double                  x, y, radius;
  gboolean                placed;       /* FALSE until set or first sized */
  int                     last_width, last_height;

  /* The drag in progress. */
  gboolean                resizing;
  double                  start_x, start_y, start_radius;
  double                  press_x, press_y;
};

G_DEFINE_FINAL_TYPE (UrokBoardSpotlight, urok_board_spotlight, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHAPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
urok_board_spotlight_new (void)
{
  return g_object_new (UROK_TYPE_BOARD_SPOTLIGHT, NULL);
}

UrokBoardSpotlightShape
urok_board_spotlight_get_shape (UrokBoardSpotlight *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_SPOTLIGHT (self), UROK_BOARD_SPOTLIGHT_CIRCLE);
  return self->shape;
}

void
urok_board_spotlight_set_shape (UrokBoardSpotlight      *self,
                                UrokBoardSpotlightShape  shape)
{
  g_return_if_fail (UROK_IS_BOARD_SPOTLIGHT (self));
  g_return_if_fail (shape <= UROK_BOARD_SPOTLIGHT_RECTANGLE);

  if (self->shape == shape)
    return;
  self->shape = shape;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHAPE]);
}

void
urok_board_spotlight_get_spot (UrokBoardSpotlight *self,
                               double             *x,
                               double             *y,
                               double             *radius)
{
  g_return_if_fail (UROK_IS_BOARD_SPOTLIGHT (self));
  if (x != NULL)
    *x = self->x;
  if (y != NULL)
    *y = self->y;
  if (radius != NULL)
    *radius = self->radius;
}

void
urok_board_spotlight_set_spot (UrokBoardSpotlight *self,
                               double              x,
                               double              y,
                               double              radius)
{
  g_return_if_fail (UROK_IS_BOARD_SPOTLIGHT (self));

  if (!isfinite (x) || !isfinite (y) || !isfinite (radius))
    return;
  self->x = x;
  self->y = y;
  self->radius = MAX (radius, MIN_RADIUS);
  self->placed = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Half the spot's width and height. */
static void
half_size (UrokBoardSpotlight *self,
           double             *hw,
           double             *hh)
{
  *hw = self->shape == UROK_BOARD_SPOTLIGHT_RECTANGLE ? 2 * self->radius : self->radius;
  *hh = self->radius;
}

static void
handle_centre (UrokBoardSpotlight *self,
               double             *x,
               double             *y)
{
  double hw, hh;

  half_size (self, &hw, &hh);
  if (self->shape == UROK_BOARD_SPOTLIGHT_RECTANGLE)
    {
      *x = self->x + hw;
      *y = self->y + hh;
    }
  else
    {
      *x = self->x + hw * G_SQRT2 / 2;
      *y = self->y + hh * G_SQRT2 / 2;
    }
}

static gboolean
on_handle (UrokBoardSpotlight *self,
           double              x,
           double              y)
{
  double hx, hy;

  handle_centre (self, &hx, &hy);
  return hypot (x - hx, y - hy) <= UROK_BOARD_SPOTLIGHT_HANDLE_SIZE / 2.0;
}

static gboolean
in_spot (UrokBoardSpotlight *self,
         double              x,
         double              y)
{
  double hw, hh;

  if (self->shape == UROK_BOARD_SPOTLIGHT_CIRCLE)
    return hypot (x - self->x, y - self->y) < self->radius;
  half_size (self, &hw, &hh);
  return fabs (x - self->x) < hw && fabs (y - self->y) < hh;
}

static gboolean
urok_board_spotlight_contains (GtkWidget *widget,
                               double     x,
                               double     y)
{
  UrokBoardSpotlight *self = UROK_BOARD_SPOTLIGHT (widget);

  return on_handle (self, x, y) || !in_spot (self, x, y);
}

static void
urok_board_spotlight_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  UrokBoardSpotlight *self = UROK_BOARD_SPOTLIGHT (widget);

  if (!self->placed && width > 0 && height > 0)
    {
      self->x = width / 2.0;
      self->y = height / 2.0;
      self->radius = MAX (MIN (width, height) / 5.0, MIN_RADIUS);
      self->placed = TRUE;
    }
  else if (self->last_width > 0 && self->last_height > 0 && width > 0 && height > 0)
    {
      double sx = (double)width / self->last_width, sy = (double)height / self->last_height;

      self->x *= sx;
      self->y *= sy;
      self->radius = MAX (self->radius * MIN (sx, sy), MIN_RADIUS);
    }
  self->last_width = width;
  self->last_height = height;
}

static void
urok_board_spotlight_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  UrokBoardSpotlight *self = UROK_BOARD_SPOTLIGHT (widget);
  float w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  GdkRGBA dark = { 0, 0, 0, DARKNESS };
  GdkRGBA ring = { 1, 1, 1, 0.9 };
  GdkRGBA grip = { 1, 1, 1, 0.35 };
  float ring_widths[4] = { 3, 3, 3, 3 };
  GdkRGBA ring_colours[4] = { ring, ring, ring, ring };
  GskRoundedRect spot, knob;
  double hw, hh, hx, hy;
  float r = UROK_BOARD_SPOTLIGHT_HANDLE_SIZE / 2.0f;

  half_size (self, &hw, &hh);
  gsk_rounded_rect_init_from_rect (&spot, &GRAPHENE_RECT_INIT (self->x - hw, self->y - hh, 2 * hw, 2 * hh),
                                   self->shape == UROK_BOARD_SPOTLIGHT_CIRCLE ? self->radius : 12);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gtk_snapshot_append_outset_shadow (snapshot, &spot, &dark, 0, 0, hypot (w, h) + 2 * self->radius, 0);

  handle_centre (self, &hx, &hy);
  gsk_rounded_rect_init_from_rect (&knob, &GRAPHENE_RECT_INIT (hx - r, hy - r, 2 * r, 2 * r), r);
  gtk_snapshot_push_rounded_clip (snapshot, &knob);
  gtk_snapshot_append_color (snapshot, &grip, &knob.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &knob, ring_widths, ring_colours);
  gtk_snapshot_pop (snapshot);
}

static void
drag_begin_cb (GtkGestureDrag     *gesture,
               double              x,
               double              y,
               UrokBoardSpotlight *self)
{
  self->resizing = on_handle (self, x, y);
  self->start_x = self->x;
  self->start_y = self->y;
  self->start_radius = self->radius;
  self->press_x = x;
  self->press_y = y;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (GtkGestureDrag     *gesture,
                double              dx,
                double              dy,
                UrokBoardSpotlight *self)
{
  if (self->resizing)
    {
      /* The grip follows the pointer: the radius is where it is now. */
      double px = self->press_x + dx - self->x, py = self->press_y + dy - self->y;
      double radius = self->shape == UROK_BOARD_SPOTLIGHT_RECTANGLE ? MAX (fabs (px) / 2, fabs (py))
                                                                    : hypot (px, py);

      urok_board_spotlight_set_spot (self, self->x, self->y, radius);
    }
  else
    urok_board_spotlight_set_spot (self, self->start_x + dx, self->start_y + dy, self->radius);
}

static void
urok_board_spotlight_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UrokBoardSpotlight *self = UROK_BOARD_SPOTLIGHT (object);

  switch (prop_id)
    {
    case PROP_SHAPE:
      g_value_set_int (value, self->shape);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_board_spotlight_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UrokBoardSpotlight *self = UROK_BOARD_SPOTLIGHT (object);

  switch (prop_id)
    {
    case PROP_SHAPE:
      urok_board_spotlight_set_shape (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_board_spotlight_class_init (UrokBoardSpotlightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = urok_board_spotlight_get_property;
  object_class->set_property = urok_board_spotlight_set_property;

  widget_class->snapshot = urok_board_spotlight_snapshot;
  widget_class->contains = urok_board_spotlight_contains;
  widget_class->size_allocate = urok_board_spotlight_size_allocate;

  /* 0 circle, 1 rectangle (UrokBoardSpotlightShape). */
  properties[PROP_SHAPE] =
    g_param_spec_int ("shape", NULL, NULL, UROK_BOARD_SPOTLIGHT_CIRCLE, UROK_BOARD_SPOTLIGHT_RECTANGLE,
                      UROK_BOARD_SPOTLIGHT_CIRCLE,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "boardspotlight");
}

static void
urok_board_spotlight_init (UrokBoardSpotlight *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Spotlight"), -1);
}
