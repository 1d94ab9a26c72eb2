/* urok-board-instrument-view.c: the drawing instruments over any content.
 *
 * The view is as large as what it covers but takes input only on the
 * instruments and their grips (its contains() says so), so the board or
 * the page under it stays usable.  A drag on a body moves it, on a round
 * grip turns it about its pivot, on the compass's pencil sweeps an arc; two
 * fingers turn whatever is between them.  Geometry is the core's
 * UrokBoardInstrument, in the view's pixels; the pixel size of a
 * millimetre makes the scales true to size.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "urok-board-instrument-view-private.h"

#define N_KINDS (UROK_BOARD_INSTRUMENT_COMPASS + 1)
#define DEFAULT_TOLERANCE 24.0
#define MIN_COMPASS_MM 10.0

/* School sizes in millimetres, by kind. */
static const double school_size_mm[N_KINDS] = { 300, 200, 200, 100, 80 };

struct _UrokBoardInstrumentView
{
  GtkWidget            parent_instance;

  /* By kind; NULL when not shown.  Drawn in this order, hit in reverse. */
  UrokBoardInstrument *tools[N_KINDS];
  gboolean             unplaced[N_KINDS];   /* shown before any size */
  double               px_per_mm;
  double               tolerance;

  /* The drag in progress. */
  UrokBoardInstrument *target;
  InstrumentPart       part;
  double               press_x, press_y;
  double               last_x, last_y;
  double               pivot_x, pivot_y;
  double               arc_start, arc_sweep;
  /* The two-finger turn in progress. */
  UrokBoardInstrument *turned;
  double               last_turn;
};

G_DEFINE_FINAL_TYPE (UrokBoardInstrumentView, urok_board_instrument_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PX_PER_MM,
  PROP_SNAP_TOLERANCE,
  N_PROPS
};

enum {
  ARC,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
urok_board_instrument_view_new (void)
{
  return g_object_new (UROK_TYPE_BOARD_INSTRUMENT_VIEW, NULL);
}

double
urok_board_instrument_view_get_px_per_mm (UrokBoardInstrumentView *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT_VIEW (self), 0);
  return self->px_per_mm;
}

void
urok_board_instrument_view_set_px_per_mm (UrokBoardInstrumentView *self,
                                          double                   px_per_mm)
{
  double ratio;

  g_return_if_fail (UROK_IS_BOARD_INSTRUMENT_VIEW (self));
  g_return_if_fail (px_per_mm > 0);

  if (self->px_per_mm == px_per_mm)
    return;
  /* Instruments keep their real size. */
  ratio = px_per_mm / self->px_per_mm;
  self->px_per_mm = px_per_mm;
  for (guint i = 0; i < N_KINDS; i++)
    if (self->tools[i] != NULL)
      urok_board_instrument_set_size (self->tools[i], urok_board_instrument_get_size (self->tools[i]) * ratio);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PX_PER_MM]);
}

double
urok_board_instrument_view_get_snap_tolerance (UrokBoardInstrumentView *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT_VIEW (self), 0);
  return self->tolerance;
}

void
urok_board_instrument_view_set_snap_tolerance (UrokBoardInstrumentView *self,
                                               double                   tolerance)
{
  g_return_if_fail (UROK_IS_BOARD_INSTRUMENT_VIEW (self));
  g_return_if_fail (tolerance >= 0);

  if (self->tolerance == tolerance)
    return;
  self->tolerance = tolerance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TOLERANCE]);
}

/* Puts @tool's pivot in the middle of the view. */
static void
place_in_middle (UrokBoardInstrumentView *self,
                 UrokBoardInstrument     *tool)
{
  double px, py;

  urok_board_instrument_get_pivot (tool, &px, &py);
  urok_board_instrument_move (tool, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 - px,
                              gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 - py);
}

void
urok_board_instrument_view_set_shown (UrokBoardInstrumentView *self,
                                      UrokBoardInstrumentKind  kind,
                                      gboolean                 shown)
{
  g_return_if_fail (UROK_IS_BOARD_INSTRUMENT_VIEW (self));
  g_return_if_fail (kind < N_KINDS);

  if ((self->tools[kind] != NULL) == !!shown)
    return;
  if (shown)
    {
      self->tools[kind] = urok_board_instrument_new (kind, school_size_mm[kind] * self->px_per_mm);
      g_signal_connect_swapped (self->tools[kind], "changed", G_CALLBACK (gtk_widget_queue_draw), self);
      if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
        place_in_middle (self, self->tools[kind]);
      else
        self->unplaced[kind] = TRUE;
    }
  else
    {
      if (self->target == self->tools[kind])
        self->target = NULL;
      if (self->turned == self->tools[kind])
        self->turned = NULL;
      g_signal_handlers_disconnect_by_data (self->tools[kind], self);
      g_clear_object (&self->tools[kind]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
urok_board_instrument_view_get_shown (UrokBoardInstrumentView *self,
                                      UrokBoardInstrumentKind  kind)
{
  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (kind < N_KINDS, FALSE);
  return self->tools[kind] != NULL;
}

UrokBoardInstrument *
urok_board_instrument_view_get_instrument (UrokBoardInstrumentView *self,
                                           UrokBoardInstrumentKind  kind)
{
  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT_VIEW (self), NULL);
  g_return_val_if_fail (kind < N_KINDS, NULL);
  return self->tools[kind];
}

gboolean
urok_board_instrument_view_snap (UrokBoardInstrumentView *self,
                                 double                   x,
                                 double                   y,
                                 double                  *sx,
                                 double                  *sy)
{
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (UROK_IS_BOARD_INSTRUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (sx != NULL && sy != NULL, FALSE);

  *sx = x;
  *sy = y;
  for (guint i = 0; i < N_KINDS; i++)
    {
      double tx, ty, d;

      if (self->tools[i] == NULL ||
          !urok_board_instrument_snap (self->tools[i], x, y, self->tolerance, &tx, &ty))
        continue;
      /* Where two instruments are near, the nearer edge wins. */
      d = hypot (tx - x, ty - y);
      if (d < best)
        {
          best = d;
          *sx = tx;
          *sy = ty;
        }
    }
  return best < G_MAXDOUBLE;
}

/* The topmost instrument and part under (x, y): grips before bodies. */
static UrokBoardInstrument *
pick (UrokBoardInstrumentView *self,
      double                   x,
      double                   y,
      InstrumentPart          *part)
{
  static const InstrumentPart grips[] = { INSTRUMENT_PART_ROTATE, INSTRUMENT_PART_PENCIL,
                                          INSTRUMENT_PART_RADIUS, INSTRUMENT_PART_BODY };

  for (int i = N_KINDS - 1; i >= 0; i--)
    {
      UrokBoardInstrument *tool = self->tools[i];

      if (tool == NULL)
        continue;
      for (guint g = 0; g < G_N_ELEMENTS (grips); g++)
        {
          double hx, hy;

          if (_urok_board_instrument_handle (tool, grips[g], &hx, &hy) &&
              hypot (x - hx, y - hy) <= UROK_BOARD_INSTRUMENT_HANDLE_SIZE / 2.0)
            {
              *part = grips[g];
              return tool;
            }
        }
      if (urok_board_instrument_contains (tool, x, y))
        {
          *part = INSTRUMENT_PART_BODY;
          return tool;
        }
    }
  *part = INSTRUMENT_PART_NONE;
  return NULL;
}

static gboolean
urok_board_instrument_view_contains (GtkWidget *widget,
                                     double     x,
                                     double     y)
{
  InstrumentPart part;

  return pick (UROK_BOARD_INSTRUMENT_VIEW (widget), x, y, &part) != NULL;
}

static void
urok_board_instrument_view_size_allocate (GtkWidget *widget,
                                          int        width,
                                          int        height,
                                          int        baseline)
{
  UrokBoardInstrumentView *self = UROK_BOARD_INSTRUMENT_VIEW (widget);

  if (width <= 0 || height <= 0)
    return;
  for (guint i = 0; i < N_KINDS; i++)
    if (self->unplaced[i] && self->tools[i] != NULL)
      {
        self->unplaced[i] = FALSE;
        place_in_middle (self, self->tools[i]);
      }
}

static void
urok_board_instrument_view_snapshot (GtkWidget   *widget,
                                     GtkSnapshot *snapshot)
{
  UrokBoardInstrumentView *self = UROK_BOARD_INSTRUMENT_VIEW (widget);

  /* One cairo node per instrument, the size of its box only. */
  for (guint i = 0; i < N_KINDS; i++)
    {
      UrokBoardInstrument *tool = self->tools[i];
      graphene_rect_t bounds;
      gboolean sweeping;
      cairo_t *cr;

      if (tool == NULL)
        continue;
      sweeping = tool == self->target && self->part == INSTRUMENT_PART_PENCIL;
      _urok_board_instrument_bounds (tool, &bounds);
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      _urok_board_instrument_draw (cr, tool, self->px_per_mm,
                                   sweeping ? self->arc_start : 0, sweeping ? self->arc_sweep : 0);
      cairo_destroy (cr);
    }
}

static void
press (UrokBoardInstrumentView *self,
       double                   x,
       double                   y)
{
  self->target = pick (self, x, y, &self->part);
  self->press_x = x;
  self->press_y = y;
  self->last_x = x;
  self->last_y = y;
  if (self->target == NULL)
    return;
  urok_board_instrument_get_pivot (self->target, &self->pivot_x, &self->pivot_y);
  if (self->part == INSTRUMENT_PART_PENCIL)
    {
      self->arc_start = urok_board_instrument_get_angle (self->target);
      self->arc_sweep = 0;
    }
}

static void
motion (UrokBoardInstrumentView *self,
        double                   x,
        double                   y)
{
  UrokBoardInstrument *tool = self->target;

  if (tool == NULL)
    return;
  switch (self->part)
    {
    case INSTRUMENT_PART_BODY:
      urok_board_instrument_move (tool, x - self->last_x, y - self->last_y);
      break;
    case INSTRUMENT_PART_ROTATE:
      {
        double before = atan2 (self->last_y - self->pivot_y, self->last_x - self->pivot_x);
        double now = atan2 (y - self->pivot_y, x - self->pivot_x);

        urok_board_instrument_rotate (tool, remainder (now - before, 2 * G_PI), self->pivot_x, self->pivot_y);
        break;
      }
    case INSTRUMENT_PART_PENCIL:
      self->arc_sweep += urok_board_instrument_compass_turn_to (tool, x, y);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case INSTRUMENT_PART_RADIUS:
      {
        double cx, cy, r;

        /* The grip stays under the finger, beyond the pencil. */
        urok_board_instrument_get_position (tool, &cx, &cy);
        r = hypot (x - cx, y - cy) - UROK_BOARD_INSTRUMENT_HANDLE_SIZE - 6;
        urok_board_instrument_set_size (tool, MAX (r, MIN_COMPASS_MM * self->px_per_mm));
        break;
      }
    case INSTRUMENT_PART_NONE:
    default:
      break;
    }
  self->last_x = x;
  self->last_y = y;
}

static void
release (UrokBoardInstrumentView *self)
{
  UrokBoardInstrument *tool = self->target;

  if (tool != NULL && self->part == INSTRUMENT_PART_PENCIL && self->arc_sweep != 0)
    {
      double sweep = self->arc_sweep;

      self->arc_sweep = 0;
      g_signal_emit (self, signals[ARC], 0, tool, self->arc_start, sweep);
    }
  self->target = NULL;
  self->part = INSTRUMENT_PART_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_begin_cb (GtkGestureDrag          *gesture,
               double                   x,
               double                   y,
               UrokBoardInstrumentView *self)
{
  press (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), self->target != NULL ? GTK_EVENT_SEQUENCE_CLAIMED
                                                                     : GTK_EVENT_SEQUENCE_DENIED);
}

/* Offsets are from the press, which press() kept: the gesture is not
 * asked for its start point, so a test may drive these signals. */
static void
drag_update_cb (GtkGestureDrag          *gesture,
                double                   dx,
                double                   dy,
                UrokBoardInstrumentView *self)
{
  motion (self, self->press_x + dx, self->press_y + dy);
}

static void
drag_end_cb (GtkGestureDrag          *gesture,
             double                   dx,
             double                   dy,
             UrokBoardInstrumentView *self)
{
  release (self);
}

static void
rotate_begin_cb (GtkGesture              *gesture,
                 GdkEventSequence        *sequence,
                 UrokBoardInstrumentView *self)
{
  double x, y;
  InstrumentPart part;

  self->turned = gtk_gesture_get_bounding_box_center (gesture, &x, &y) ? pick (self, x, y, &part) : NULL;
  self->last_turn = 0;
  /* Turning with two fingers, not dragging with the first. */
  if (self->turned != NULL && self->target == self->turned)
    self->target = NULL;
}

static void
angle_changed_cb (GtkGestureRotate        *gesture,
                  double                   angle,
                  double                   delta,
                  UrokBoardInstrumentView *self)
{
  double px, py;

  if (self->turned == NULL)
    return;
  /* The gesture gives the turn since it began; apply what is new. */
  urok_board_instrument_get_pivot (self->turned, &px, &py);
  urok_board_instrument_rotate (self->turned, delta - self->last_turn, px, py);
  self->last_turn = delta;
}

static void
rotate_end_cb (GtkGesture              *gesture,
               GdkEventSequence        *sequence,
               UrokBoardInstrumentView *self)
{
  self->turned = NULL;
}

static void
urok_board_instrument_view_dispose (GObject *object)
{
  UrokBoardInstrumentView *self = (UrokBoardInstrumentView *)object;

  for (guint i = 0; i < N_KINDS; i++)
    if (self->tools[i] != NULL)
      {
        g_signal_handlers_disconnect_by_data (self->tools[i], self);
        g_clear_object (&self->tools[i]);
      }
  self->target = NULL;
  self->turned = NULL;

  G_OBJECT_CLASS (urok_board_instrument_view_parent_class)->dispose (object);
}

static void
urok_board_instrument_view_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  UrokBoardInstrumentView *self = UROK_BOARD_INSTRUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PX_PER_MM:
      g_value_set_double (value, self->px_per_mm);
      break;
    case PROP_SNAP_TOLERANCE:
      g_value_set_double (value, self->tolerance);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_board_instrument_view_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  UrokBoardInstrumentView *self = UROK_BOARD_INSTRUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PX_PER_MM:
      urok_board_instrument_view_set_px_per_mm (self, g_value_get_double (value));
      break;
    case PROP_SNAP_TOLERANCE:
      urok_board_instrument_view_set_snap_tolerance (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_board_instrument_view_class_init (UrokBoardInstrumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_board_instrument_view_dispose;
  object_class->get_property = urok_board_instrument_view_get_property;
  object_class->set_property = urok_board_instrument_view_set_property;

  widget_class->snapshot = urok_board_instrument_view_snapshot;
  widget_class->contains = urok_board_instrument_view_contains;
  widget_class->size_allocate = urok_board_instrument_view_size_allocate;

  properties[PROP_PX_PER_MM] =
    g_param_spec_double ("px-per-mm", NULL, NULL, 0.1, 100, 96 / 25.4,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SNAP_TOLERANCE] =
    g_param_spec_double ("snap-tolerance", NULL, NULL, 0, 1000, DEFAULT_TOLERANCE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UrokBoardInstrumentView::arc:
   * @tool: the compass
   * @start: where the pencil began, in radians
   * @sweep: how far it was turned, signed
   *
   * The compass was turned and let go: the ink canvas makes a stroke of
   * urok_board_instrument_compass_arc (tool, start, sweep, ...).
   */
  signals[ARC] =
    g_signal_new ("arc", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, UROK_TYPE_BOARD_INSTRUMENT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "boardinstruments");
}

static void
urok_board_instrument_view_init (UrokBoardInstrumentView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *rotate = gtk_gesture_rotate_new ();

  self->px_per_mm = 96 / 25.4;
  self->tolerance = DEFAULT_TOLERANCE;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (rotate, "begin", G_CALLBACK (rotate_begin_cb), self);
  g_signal_connect (rotate, "angle-changed", G_CALLBACK (angle_changed_cb), self);
  g_signal_connect (rotate, "end", G_CALLBACK (rotate_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (rotate));
  /* Both at once: one finger moves while two turn, as with a real ruler. */
  gtk_gesture_group (rotate, drag);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Drawing instruments"), -1);
}
