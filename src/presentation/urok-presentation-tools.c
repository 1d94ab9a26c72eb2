/* urok-presentation-tools.c: the classroom tools as presentation.* actions.
 *
 * Kept out of the session so that it stays about the lesson: this file
 * maps each toggle onto a tool widget of the class's view.  The actions
 * exist while the class's window does, since they act on its widgets.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-board-instrument-view.h"
#include "urok-board-shade.h"
#include "urok-presentation-tools.h"

/* Toggles that show a tool widget. */
static const struct
{
  const char       *name;
  UrokAudienceTool  tool;
} widget_toggles[] = {
  { "shade", UROK_AUDIENCE_TOOL_SHADE },
  { "spotlight", UROK_AUDIENCE_TOOL_SPOTLIGHT },
  { "laser", UROK_AUDIENCE_TOOL_LASER },
};

/* Toggles that put an instrument on the screen. */
static const struct
{
  const char              *name;
  UrokBoardInstrumentKind  kind;
} instrument_toggles[] = {
  { "ruler", UROK_BOARD_INSTRUMENT_RULER },
  { "set-square", UROK_BOARD_INSTRUMENT_SET_SQUARE_30_60 },
  { "protractor", UROK_BOARD_INSTRUMENT_PROTRACTOR },
  { "compass", UROK_BOARD_INSTRUMENT_COMPASS },
};

static const char *const step_actions[] = { "shade-reveal", "shade-cover" };

static void
widget_toggled (GSimpleAction    *action,
                GVariant         *value,
                UrokAudienceView *view)
{
  const char *name = g_action_get_name (G_ACTION (action));
  gboolean on = g_variant_get_boolean (value);

  g_simple_action_set_state (action, value);
  for (guint i = 0; i < G_N_ELEMENTS (widget_toggles); i++)
    if (g_str_equal (name, widget_toggles[i].name))
      {
        GtkWidget *tool = urok_audience_view_get_tool (view, widget_toggles[i].tool);

        /* A shade put up covers everything; the teacher then reveals. */
        if (on && UROK_IS_BOARD_SHADE (tool))
          urok_board_shade_set_revealed (UROK_BOARD_SHADE (tool), 0);
        gtk_widget_set_visible (tool, on);
      }
}

/* Millimetres true to the class's screen where the monitor says its size. */
static void
update_px_per_mm (UrokBoardInstrumentView *instruments)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (instruments));
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;
  GdkMonitor *monitor;
  GdkRectangle geometry;

  if (surface == NULL)
    return;
  monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
  if (monitor == NULL || gdk_monitor_get_width_mm (monitor) <= 0)
    return;
  gdk_monitor_get_geometry (monitor, &geometry);
  urok_board_instrument_view_set_px_per_mm (instruments, (double)geometry.width / gdk_monitor_get_width_mm (monitor));
}

static void
instrument_toggled (GSimpleAction    *action,
                    GVariant         *value,
                    UrokAudienceView *view)
{
  const char *name = g_action_get_name (G_ACTION (action));
  UrokBoardInstrumentView *instruments =
    UROK_BOARD_INSTRUMENT_VIEW (urok_audience_view_get_tool (view, UROK_AUDIENCE_TOOL_INSTRUMENTS));
  gboolean any = FALSE;

  g_simple_action_set_state (action, value);
  update_px_per_mm (instruments);
  for (guint i = 0; i < G_N_ELEMENTS (instrument_toggles); i++)
    {
      if (g_str_equal (name, instrument_toggles[i].name))
        urok_board_instrument_view_set_shown (instruments, instrument_toggles[i].kind, g_variant_get_boolean (value));
      any = any || urok_board_instrument_view_get_shown (instruments, instrument_toggles[i].kind);
    }
  gtk_widget_set_visible (GTK_WIDGET (instruments), any);
}

static void
shade_step (GSimpleAction    *action,
            GVariant         *parameter,
            UrokAudienceView *view)
{
  GtkWidget *shade = urok_audience_view_get_tool (view, UROK_AUDIENCE_TOOL_SHADE);

  if (gtk_widget_get_visible (shade))
    urok_board_shade_step (UROK_BOARD_SHADE (shade),
                           g_str_equal (g_action_get_name (G_ACTION (action)), "shade-reveal") ? 1 : -1);
}

static void
add_toggle (GActionMap       *actions,
            const char       *name,
            GCallback         callback,
            UrokAudienceView *view)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (FALSE));

  g_signal_connect_object (action, "change-state", callback, view, 0);
  g_action_map_add_action (actions, G_ACTION (action));
}

void
urok_presentation_tools_add_actions (GActionMap       *actions,
                                     UrokAudienceView *view)
{
  g_return_if_fail (G_IS_ACTION_MAP (actions));
  g_return_if_fail (UROK_IS_AUDIENCE_VIEW (view));

  for (guint i = 0; i < G_N_ELEMENTS (widget_toggles); i++)
    add_toggle (actions, widget_toggles[i].name, G_CALLBACK (widget_toggled), view);
  for (guint i = 0; i < G_N_ELEMENTS (instrument_toggles); i++)
    add_toggle (actions, instrument_toggles[i].name, G_CALLBACK (instrument_toggled), view);
  for (guint i = 0; i < G_N_ELEMENTS (step_actions); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (step_actions[i], NULL);

      g_signal_connect_object (action, "activate", G_CALLBACK (shade_step), view, 0);
      g_action_map_add_action (actions, G_ACTION (action));
    }
}

void
urok_presentation_tools_remove_actions (GActionMap *actions)
{
  g_return_if_fail (G_IS_ACTION_MAP (actions));

  for (guint i = 0; i < G_N_ELEMENTS (widget_toggles); i++)
    g_action_map_remove_action (actions, widget_toggles[i].name);
  for (guint i = 0; i < G_N_ELEMENTS (instrument_toggles); i++)
    g_action_map_remove_action (actions, instrument_toggles[i].name);
  for (guint i = 0; i < G_N_ELEMENTS (step_actions); i++)
    g_action_map_remove_action (actions, step_actions[i]);
}
