/* urok-board-shade.c: the screen shade («шторка»).
 *
 * An opaque sheet over the content with a wide grip on its edge.  A drag
 * anywhere on the sheet moves the edge (on a 2-metre panel the teacher
 * cannot be asked to find a thin line), by touch or mouse alike; the arrow
 * keys move it when it has the focus, and the presentation's actions step
 * it.  Only the sheet and the grip take input: the revealed part stays
 * live, so a video or a web page there can still be used.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "urok-board-shade.h"

#define STEP 0.1

struct _UrokBoardShade
{
  GtkWidget       parent_instance;

  GtkPositionType side;
  double          revealed;
  double          drag_start;   /* revealed when the drag began */
};

G_DEFINE_FINAL_TYPE (UrokBoardShade, urok_board_shade, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIDE,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
urok_board_shade_new (void)
{
  return g_object_new (UROK_TYPE_BOARD_SHADE, NULL);
}

GtkPositionType
urok_board_shade_get_side (UrokBoardShade *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_SHADE (self), GTK_POS_TOP);
  return self->side;
}

void
urok_board_shade_set_side (UrokBoardShade *self,
                           GtkPositionType side)
{
  g_return_if_fail (UROK_IS_BOARD_SHADE (self));
  g_return_if_fail (side <= GTK_POS_BOTTOM);

  if (self->side == side)
    return;
  self->side = side;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
}

double
urok_board_shade_get_revealed (UrokBoardShade *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_SHADE (self), 0);
  return self->revealed;
}

void
urok_board_shade_set_revealed (UrokBoardShade *self,
                               double          revealed)
{
  g_return_if_fail (UROK_IS_BOARD_SHADE (self));

  if (isnan (revealed))
    return;
  revealed = CLAMP (revealed, 0.0, 1.0);
  if (self->revealed == revealed)
    return;
  self->revealed = revealed;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

void
urok_board_shade_step (UrokBoardShade *self,
                       int             steps)
{
  double marks;

  g_return_if_fail (UROK_IS_BOARD_SHADE (self));
  /* To the next mark on the way, so repeated presses land on the tenths
   * whatever a drag left. */
  marks = self->revealed / STEP;
  marks = steps > 0 ? floor (marks + 1e-9) : ceil (marks - 1e-9);
  urok_board_shade_set_revealed (self, (marks + steps) * STEP);
}

static gboolean
is_vertical (UrokBoardShade *self)
{
  return self->side == GTK_POS_TOP || self->side == GTK_POS_BOTTOM;
}

/* The covered rectangle and the grip's, in widget coordinates. */
static void
get_geometry (UrokBoardShade  *self,
              graphene_rect_t *covered,
              graphene_rect_t *grip)
{
  float w = gtk_widget_get_width (GTK_WIDGET (self));
  float h = gtk_widget_get_height (GTK_WIDGET (self));
  float extent = is_vertical (self) ? h : w;
  float open = extent * self->revealed;
  float handle = MIN (UROK_BOARD_SHADE_HANDLE_SIZE, extent);
  /* The grip sits inside the sheet at its edge; when all is revealed it
   * stays on screen at the far side so the shade can be pulled back. */
  float at = CLAMP (open, 0, extent - handle);

  switch (self->side)
    {
    case GTK_POS_TOP:
      graphene_rect_init (covered, 0, open, w, h - open);
      graphene_rect_init (grip, 0, at, w, handle);
      break;
    case GTK_POS_BOTTOM:
      graphene_rect_init (covered, 0, 0, w, h - open);
      graphene_rect_init (grip, 0, h - at - handle, w, handle);
      break;
    case GTK_POS_LEFT:
      graphene_rect_init (covered, open, 0, w - open, h);
      graphene_rect_init (grip, at, 0, handle, h);
      break;
    case GTK_POS_RIGHT:
    default:
      graphene_rect_init (covered, 0, 0, w - open, h);
      graphene_rect_init (grip, w - at - handle, 0, handle, h);
      break;
    }
}

static gboolean
urok_board_shade_contains (GtkWidget *widget,
                           double     x,
                           double     y)
{
  UrokBoardShade *self = UROK_BOARD_SHADE (widget);
  graphene_rect_t covered, grip;
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);

  get_geometry (self, &covered, &grip);
  return graphene_rect_contains_point (&covered, &point) || graphene_rect_contains_point (&grip, &point);
}

static void
urok_board_shade_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  UrokBoardShade *self = UROK_BOARD_SHADE (widget);
  graphene_rect_t covered, grip, pill;
  GskRoundedRect rounded;
  GdkRGBA sheet = { 0.16, 0.17, 0.19, 1 };
  GdkRGBA band = { 0.28, 0.30, 0.33, 1 };
  GdkRGBA knob = { 0.85, 0.86, 0.88, 1 };
  float pill_long = 160, pill_short = 12;

  get_geometry (self, &covered, &grip);
  if (covered.size.width > 0 && covered.size.height > 0)
    gtk_snapshot_append_color (snapshot, &sheet, &covered);
  gtk_snapshot_append_color (snapshot, &band, &grip);

  /* A pill across the grip's middle says "pull me". */
  if (is_vertical (self))
    graphene_rect_init (&pill, grip.origin.x + (grip.size.width - pill_long) / 2,
                        grip.origin.y + (grip.size.height - pill_short) / 2, pill_long, pill_short);
  else
    graphene_rect_init (&pill, grip.origin.x + (grip.size.width - pill_short) / 2,
                        grip.origin.y + (grip.size.height - pill_long) / 2, pill_short, pill_long);
  gsk_rounded_rect_init_from_rect (&rounded, &pill, pill_short / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &knob, &pill);
  gtk_snapshot_pop (snapshot);
}

/* Drags: from where it began, the edge follows the pointer along the axis. */
static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               UrokBoardShade *self)
{
  self->drag_start = self->revealed;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                UrokBoardShade *self)
{
  double extent = is_vertical (self) ? gtk_widget_get_height (GTK_WIDGET (self))
                                     : gtk_widget_get_width (GTK_WIDGET (self));
  double delta;

  if (extent <= 0)
    return;
  switch (self->side)
    {
    case GTK_POS_TOP:
      delta = dy;
      break;
    case GTK_POS_BOTTOM:
      delta = -dy;
      break;
    case GTK_POS_LEFT:
      delta = dx;
      break;
    case GTK_POS_RIGHT:
    default:
      delta = -dx;
      break;
    }
  urok_board_shade_set_revealed (self, self->drag_start + delta / extent);
}

static void
step_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  urok_board_shade_step (UROK_BOARD_SHADE (widget), g_variant_get_int32 (parameter));
}

static void
urok_board_shade_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UrokBoardShade *self = UROK_BOARD_SHADE (object);

  switch (prop_id)
    {
    case PROP_SIDE:
      g_value_set_enum (value, self->side);
      break;
    case PROP_REVEALED:
      g_value_set_double (value, self->revealed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_board_shade_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UrokBoardShade *self = UROK_BOARD_SHADE (object);

  switch (prop_id)
    {
    case PROP_SIDE:
      urok_board_shade_set_side (self, g_value_get_enum (value));
      break;
    case PROP_REVEALED:
      urok_board_shade_set_revealed (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_board_shade_class_init (UrokBoardShadeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = urok_board_shade_get_property;
  object_class->set_property = urok_board_shade_set_property;

  widget_class->snapshot = urok_board_shade_snapshot;
  widget_class->contains = urok_board_shade_contains;

  properties[PROP_SIDE] =
    g_param_spec_enum ("side", NULL, NULL, GTK_TYPE_POSITION_TYPE, GTK_POS_TOP,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REVEALED] =
    g_param_spec_double ("revealed", NULL, NULL, 0, 1, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The arrows pointing away from the side reveal, towards it cover; the
   * session maps other keys onto the same action. */
  gtk_widget_class_install_action (widget_class, "shade.step", "i", step_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "shade.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "shade.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "shade.step", "i", -10);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "shade.step", "i", 10);

  gtk_widget_class_set_css_name (widget_class, "boardshade");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
urok_board_shade_init (UrokBoardShade *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->side = GTK_POS_TOP;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  /* Button 0: the mouse's any button, and touch. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Screen shade"),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 1.0,
                                  -1);
}
