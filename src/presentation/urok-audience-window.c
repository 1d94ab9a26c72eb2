/* urok-audience-window.c: the class's window.
 *
 * No decoration: the panel shows the lesson and nothing else.  Its
 * commands are the presentation.* actions the session inserts, so the
 * toolbar of one-monitor mode and the keyboard need no code here.  The
 * toolbar and the pointer hide after a spell without motion and come back
 * on motion or a touch; motion of less than a few pixels (a table knocked,
 * the synthetic event of a window mapping) does not count.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-audience-window.h"

#define MOTION_SLOP 3.0

struct _UrokAudienceWindow
{
  GtkWindow         parent_instance;

  UrokAudienceView *view;
  GtkRevealer      *toolbar_revealer;
  GtkWidget        *toolbar;
  GtkLabel         *stage_label;
  GtkLabel         *timer_label;
  GtkEventController *toolbar_motion;

  gboolean          has_toolbar;
  guint             toolbar_timeout;
  guint             hide_source;
  double            last_x, last_y;
  GtkLabel        *problem_label;
};

G_DEFINE_FINAL_TYPE (UrokAudienceWindow, urok_audience_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_HAS_TOOLBAR,
  PROP_TOOLBAR_TIMEOUT,
  PROP_TOOLBAR_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

UrokAudienceWindow *
urok_audience_window_new (void)
{
  return g_object_new (UROK_TYPE_AUDIENCE_WINDOW, NULL);
}

UrokAudienceView *
urok_audience_window_get_view (UrokAudienceWindow *self)
{
  g_return_val_if_fail (UROK_IS_AUDIENCE_WINDOW (self), NULL);
  return self->view;
}

static void
set_revealed (UrokAudienceWindow *self,
              gboolean            revealed)
{
  revealed = revealed && self->has_toolbar;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), revealed ? NULL : "none");
  if (gtk_revealer_get_reveal_child (self->toolbar_revealer) == revealed)
    return;
  gtk_revealer_set_reveal_child (self->toolbar_revealer, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOLBAR_REVEALED]);
}

static gboolean
hide_toolbar_cb (gpointer user_data)
{
  UrokAudienceWindow *self = user_data;
  /* Not from under the pointer: the teacher is about to use it. */
  if (gtk_event_controller_motion_contains_pointer (GTK_EVENT_CONTROLLER_MOTION (self->toolbar_motion)))
    return G_SOURCE_CONTINUE;
  self->hide_source = 0;
  set_revealed (self, FALSE);
  return G_SOURCE_REMOVE;
}

void
urok_audience_window_reveal_toolbar (UrokAudienceWindow *self)
{
  g_return_if_fail (UROK_IS_AUDIENCE_WINDOW (self));

  g_clear_handle_id (&self->hide_source, g_source_remove);
  set_revealed (self, TRUE);
  self->hide_source = g_timeout_add (self->toolbar_timeout, hide_toolbar_cb, self);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           UrokAudienceWindow       *self)
{
  if (fabs (x - self->last_x) + fabs (y - self->last_y) < MOTION_SLOP)
    return;
  self->last_x = x;
  self->last_y = y;
  urok_audience_window_reveal_toolbar (self);
}

static void
pressed_cb (GtkGestureClick    *gesture,
            int                 n_press,
            double              x,
            double              y,
            UrokAudienceWindow *self)
{
  urok_audience_window_reveal_toolbar (self);
}

void
urok_audience_window_set_has_toolbar (UrokAudienceWindow *self,
                                      gboolean            has_toolbar)
{
  g_return_if_fail (UROK_IS_AUDIENCE_WINDOW (self));

  has_toolbar = !!has_toolbar;
  if (self->has_toolbar == has_toolbar)
    return;
  self->has_toolbar = has_toolbar;
  gtk_widget_set_visible (GTK_WIDGET (self->toolbar_revealer), has_toolbar);
  /* The board's palette floats above the toolbar, not under it. */
  if (has_toolbar)
    gtk_widget_add_css_class (GTK_WIDGET (self), "with-toolbar");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "with-toolbar");
  if (has_toolbar)
    urok_audience_window_reveal_toolbar (self);
  else
    set_revealed (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_TOOLBAR]);
}

gboolean
urok_audience_window_get_has_toolbar (UrokAudienceWindow *self)
{
  g_return_val_if_fail (UROK_IS_AUDIENCE_WINDOW (self), FALSE);
  return self->has_toolbar;
}

void
urok_audience_window_set_toolbar_timeout (UrokAudienceWindow *self,
                                          guint               timeout_ms)
{
  g_return_if_fail (UROK_IS_AUDIENCE_WINDOW (self));

  timeout_ms = MAX (timeout_ms, 1);
  if (self->toolbar_timeout == timeout_ms)
    return;
  self->toolbar_timeout = timeout_ms;
  if (self->hide_source != 0)
    urok_audience_window_reveal_toolbar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOLBAR_TIMEOUT]);
}

gboolean
urok_audience_window_get_toolbar_revealed (UrokAudienceWindow *self)
{
  g_return_val_if_fail (UROK_IS_AUDIENCE_WINDOW (self), FALSE);
  return gtk_revealer_get_reveal_child (self->toolbar_revealer);
}

void
urok_audience_window_set_status (UrokAudienceWindow *self,
                                 const char         *stage,
                                 const char         *timer,
                                 gboolean            overrun)
{
  g_return_if_fail (UROK_IS_AUDIENCE_WINDOW (self));

  gtk_label_set_text (self->stage_label, stage != NULL ? stage : "");
  gtk_label_set_text (self->timer_label, timer != NULL ? timer : "");
  if (overrun)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->timer_label), "error");
}

void
urok_audience_window_set_problem (UrokAudienceWindow *self,
                                  const char         *message)
{
  g_return_if_fail (UROK_IS_AUDIENCE_WINDOW (self));

  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

const char *
urok_audience_window_get_problem (UrokAudienceWindow *self)
{
  g_return_val_if_fail (UROK_IS_AUDIENCE_WINDOW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->problem_label)) ? gtk_label_get_text (self->problem_label) : NULL;
}

static void
urok_audience_window_dispose (GObject *object)
{
  UrokAudienceWindow *self = (UrokAudienceWindow *)object;

  g_clear_handle_id (&self->hide_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_AUDIENCE_WINDOW);

  G_OBJECT_CLASS (urok_audience_window_parent_class)->dispose (object);
}

static void
urok_audience_window_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  UrokAudienceWindow *self = UROK_AUDIENCE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_HAS_TOOLBAR:
      g_value_set_boolean (value, self->has_toolbar);
      break;
    case PROP_TOOLBAR_TIMEOUT:
      g_value_set_uint (value, self->toolbar_timeout);
      break;
    case PROP_TOOLBAR_REVEALED:
      g_value_set_boolean (value, urok_audience_window_get_toolbar_revealed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_audience_window_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  UrokAudienceWindow *self = UROK_AUDIENCE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_HAS_TOOLBAR:
      urok_audience_window_set_has_toolbar (self, g_value_get_boolean (value));
      break;
    case PROP_TOOLBAR_TIMEOUT:
      urok_audience_window_set_toolbar_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_audience_window_class_init (UrokAudienceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_audience_window_dispose;
  object_class->get_property = urok_audience_window_get_property;
  object_class->set_property = urok_audience_window_set_property;

  properties[PROP_HAS_TOOLBAR] =
    g_param_spec_boolean ("has-toolbar", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOLBAR_TIMEOUT] =
    g_param_spec_uint ("toolbar-timeout", NULL, NULL, 1, G_MAXUINT, 3000,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOLBAR_REVEALED] =
    g_param_spec_boolean ("toolbar-revealed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UROK_TYPE_AUDIENCE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-audience-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokAudienceWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, UrokAudienceWindow, view);
  gtk_widget_class_bind_template_child (widget_class, UrokAudienceWindow, toolbar_revealer);
  gtk_widget_class_bind_template_child (widget_class, UrokAudienceWindow, toolbar);
  gtk_widget_class_bind_template_child (widget_class, UrokAudienceWindow, stage_label);
  gtk_widget_class_bind_template_child (widget_class, UrokAudienceWindow, timer_label);
}

static void
urok_audience_window_init (UrokAudienceWindow *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *press = gtk_gesture_click_new ();

  self->toolbar_timeout = 3000;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->toolbar_revealer), FALSE);

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  /* Capture: a touch on a web page or a video still brings the toolbar. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), FALSE);
  g_signal_connect (press, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (press));
  self->toolbar_motion = gtk_event_controller_motion_new ();
  gtk_widget_add_controller (self->toolbar, self->toolbar_motion);
}
