/* urok-presentation-session.c: one lesson being presented.
 *
 * The session owns the controller (UrokPresentation, in the core) and the
 * two windows, and gives both one action group, presentation.*: a key
 * pressed in either window, a button in the class's toolbar and a test
 * all go through the same actions.  The keys are caught in the capture
 * phase so that Space and the arrows always move the lesson on, whatever
 * button or web page has the focus; while the teacher's menu is open they
 * are left to the menu.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-board-canvas.h"
#include "urok-presentation-session.h"
#include "urok-presentation-ink.h"
#include "urok-presentation-recording.h"
#include "urok-presentation-tools.h"
#include "urok-screen-choice.h"

/* Twice a second: the timers show seconds. */
#define CLOCK_INTERVAL_MS 500

struct _UrokPresentationSession
{
  GObject                 parent_instance;

  UrokPresentation       *presentation;
  GListModel             *kinds;
  char                   *media_dir;
  UrokPresentationMode    mode;
  GSettings              *settings;

  GSimpleActionGroup     *actions;
  UrokAudienceWindow     *audience;
  UrokPresenterWindow    *presenter;
  guint                   clock_source;
  gboolean                running;
  gboolean                dual;
  char                   *record_audio_source;

  UrokStore              *store;
  UrokPresentationInk    *ink;
  /* The ink layer over whatever is not a board page (one canvas, its page
   * switched with the content). */
  UrokBoardCanvas        *ink_canvas;
  char                   *save_problem;
};

G_DEFINE_FINAL_TYPE (UrokPresentationSession, urok_presentation_session, G_TYPE_OBJECT)

G_DEFINE_QUARK (urok-presentation-session-error-quark, urok_presentation_session_error)

enum {
  ENDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Keys of the presentation; resources/help-overlay.ui lists the same. */
static const struct
{
  const char *accel;
  const char *action;
} shortcuts[] = {
  { "Page_Down", "presentation.next" },
  { "space", "presentation.next" },
  { "Right", "presentation.next" },
  { "Down", "presentation.next" },
  { "Page_Up", "presentation.previous" },
  { "BackSpace", "presentation.previous" },
  { "Left", "presentation.previous" },
  { "Up", "presentation.previous" },
  { "<Shift>Page_Down", "presentation.next-stage" },
  { "<Shift>Page_Up", "presentation.previous-stage" },
  { "b", "presentation.black-out" },
  { "period", "presentation.black-out" },
  { "h", "presentation.hide" },
  { "p", "presentation.pause" },
  { "Escape", "presentation.end" },
  { "s", "presentation.shade" },
  { "<Control>Down", "presentation.shade-reveal" },
  { "<Control>Up", "presentation.shade-cover" },
  { "f", "presentation.spotlight" },
  { "l", "presentation.laser" },
  { "r", "presentation.ruler" },
  { "t", "presentation.set-square" },
  { "a", "presentation.protractor" },
  { "c", "presentation.compass" },
  { "i", "presentation.interact" },
};

UrokPresentationSession *
urok_presentation_session_new (UrokLesson *lesson,
                               GListModel *kinds,
                               const char *media_dir)
{
  UrokPresentationSession *self;

  g_return_val_if_fail (UROK_IS_LESSON (lesson), NULL);
  g_return_val_if_fail (kinds == NULL || G_IS_LIST_MODEL (kinds), NULL);

  self = g_object_new (UROK_TYPE_PRESENTATION_SESSION, NULL);
  self->presentation = urok_presentation_new (lesson);
  self->kinds = kinds != NULL ? g_object_ref (kinds) : NULL;
  self->media_dir = g_strdup (media_dir);
  return self;
}

void
urok_presentation_session_set_record_audio_source (UrokPresentationSession *self,
                                                   const char              *audio_source)
{
  g_return_if_fail (UROK_IS_PRESENTATION_SESSION (self));

  g_free (self->record_audio_source);
  self->record_audio_source = g_strdup (audio_source);
}

void
urok_presentation_session_set_store (UrokPresentationSession *self,
                                     UrokStore               *store)
{
  g_return_if_fail (UROK_IS_PRESENTATION_SESSION (self));
  g_return_if_fail (store == NULL || UROK_IS_STORE (store));
  g_return_if_fail (!self->running);

  g_set_object (&self->store, store);
}

void
urok_presentation_session_set_mode (UrokPresentationSession *self,
                                    UrokPresentationMode     mode)
{
  g_return_if_fail (UROK_IS_PRESENTATION_SESSION (self));
  g_return_if_fail (!self->running);
  self->mode = mode;
}

UrokPresentation *
urok_presentation_session_get_presentation (UrokPresentationSession *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION_SESSION (self), NULL);
  return self->presentation;
}

UrokAudienceWindow *
urok_presentation_session_get_audience_window (UrokPresentationSession *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION_SESSION (self), NULL);
  return self->audience;
}

UrokPresenterWindow *
urok_presentation_session_get_presenter_window (UrokPresentationSession *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION_SESSION (self), NULL);
  return self->presenter;
}

gboolean
urok_presentation_session_get_running (UrokPresentationSession *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION_SESSION (self), FALSE);
  return self->running;
}

GActionGroup *
urok_presentation_session_get_actions (UrokPresentationSession *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION_SESSION (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

gboolean
urok_presentation_session_get_dual (UrokPresentationSession *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION_SESSION (self), FALSE);
  return self->dual;
}

static void
sync_state (UrokPresentationSession *self,
            const char              *name,
            gboolean                 value)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (value));
}

/* Interacting, input goes through the ink to the content (a web page's
 * links, a video's controls); else the ink layer takes it and draws. */
static void
apply_interact (UrokPresentationSession *self,
                gboolean                 interact)
{
  urok_audience_view_set_ink_input (urok_audience_window_get_view (self->audience), !interact);
  urok_board_canvas_set_show_palette (self->ink_canvas, !interact);
  sync_state (self, "interact", interact);
}

/* Whatever is not a board page gets the transparent ink layer, on the page
 * kept for that resource (for a bare title card, for the stage). */
static void
update_ink_layer (UrokPresentationSession *self)
{
  UrokAudienceView *view = urok_audience_window_get_view (self->audience);
  UrokResourceView *live = urok_audience_view_get_live (view);
  GtkWidget *content = urok_resource_view_get_content (live);
  UrokResource *resource = urok_presentation_get_resource (self->presentation);
  UrokStage *stage = urok_presentation_get_stage (self->presentation);
  const char *uuid = resource != NULL ? urok_resource_get_uuid (resource)
                   : stage != NULL ? urok_stage_get_uuid (stage) : NULL;
  const char *kind = content != NULL ? gtk_widget_get_name (content) : "";
  g_autoptr(GError) error = NULL;
  UrokBoardPage *page;

  if (content == NULL || UROK_IS_BOARD_CANVAS (content) || uuid == NULL)
    {
      urok_audience_view_set_ink_layer (view, NULL);
      return;
    }
  page = urok_presentation_ink_get_page (self->ink, uuid, NULL, &error);
  if (page == NULL)
    {
      g_warning ("The ink over “%s” does not load: %s", kind, error->message);
      urok_audience_view_set_ink_layer (view, NULL);
      return;
    }
  /* The same page still shown: so is the teacher's choice to draw or
   * interact. */
  if (urok_audience_view_get_ink_layer (view) == GTK_WIDGET (self->ink_canvas)
      && urok_board_canvas_get_page (self->ink_canvas) == page)
    return;
  urok_board_canvas_set_page (self->ink_canvas, page);
  urok_audience_view_set_ink_layer (view, GTK_WIDGET (self->ink_canvas));
  /* Web pages, videos and sound are used first (scrolled, played, paused);
   * everything else is there to be written on. */
  apply_interact (self, g_str_equal (kind, "resource-web") || g_str_equal (kind, "resource-video")
                        || g_str_equal (kind, "resource-audio"));
}

/* The class's view follows the controller; while hidden it changes under
 * the frozen picture. */
static void
show_current (UrokPresentationSession *self)
{
  UrokAudienceView *view = urok_audience_window_get_view (self->audience);
  UrokStage *stage = urok_presentation_get_stage (self->presentation);

  urok_resource_view_show (urok_audience_view_get_live (view),
                           urok_presentation_get_resource (self->presentation),
                           stage != NULL ? urok_stage_get_title (stage) : NULL);
  update_ink_layer (self);
}

/* The teacher is told, in their window, that ink is not being saved; the
 * ink stays on screen and is tried again. */
static void
set_save_problem (UrokPresentationSession *self,
                  const char              *message)
{
  g_free (self->save_problem);
  self->save_problem = g_strdup (message);
  if (self->presenter != NULL)
    urok_presenter_window_set_problem (self->presenter, message);
  if (self->audience != NULL)
    urok_audience_window_set_problem (self->audience, self->presenter == NULL ? message : NULL);
}

static void
save_failed_cb (UrokPresentationInk     *ink,
                GError                  *error,
                UrokPresentationSession *self)
{
  g_autofree char *message = g_strdup_printf (_("The ink is not being saved: %s. It stays on the screen; "
                                                "Urok keeps trying to save it."), error->message);

  set_save_problem (self, message);
}

static void
flush_ink (UrokPresentationSession *self)
{
  g_autoptr(GError) error = NULL;

  if (self->ink == NULL)
    return;
  if (!urok_presentation_ink_flush (self->ink, &error))
    save_failed_cb (self->ink, error, self);
  else if (self->save_problem != NULL)
    set_save_problem (self, NULL);
}

const char *
urok_presentation_session_get_save_problem (UrokPresentationSession *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION_SESSION (self), NULL);
  return self->save_problem;
}

static void
update_toolbar (UrokPresentationSession *self)
{
  UrokPresentation *p = self->presentation;
  int stage = urok_presentation_get_stage_index (p);
  g_autofree char *elapsed = urok_presenter_format_time (stage >= 0 ? urok_presentation_get_stage_elapsed (p, stage) : 0);
  g_autofree char *planned = urok_presenter_format_time (stage >= 0 ? urok_presentation_get_stage_planned (p, stage) : 0);
  g_autofree char *timer = g_strdup_printf (_("%s / %s"), elapsed, planned);
  UrokStage *current = urok_presentation_get_stage (p);

  urok_audience_window_set_status (self->audience, current != NULL ? urok_stage_get_title (current) : NULL,
                                   timer, urok_presentation_get_stage_overrun (p));
}

static gboolean
clock_cb (gpointer user_data)
{
  UrokPresentationSession *self = user_data;

  if (self->presenter != NULL)
    urok_presenter_window_update_clock (self->presenter);
  if (urok_audience_window_get_has_toolbar (self->audience))
    update_toolbar (self);
  return G_SOURCE_CONTINUE;
}

static void
position_changed_cb (UrokPresentationSession *self)
{
  /* What was written where the teacher was is on disk before they move. */
  flush_ink (self);
  show_current (self);
  clock_cb (self);
}

static void
hidden_changed_cb (UrokPresentationSession *self)
{
  gboolean hidden = urok_presentation_get_hidden (self->presentation);

  urok_audience_view_set_frozen (urok_audience_window_get_view (self->audience), hidden);
  /* Unhidden: the class sees where the teacher is now. */
  if (!hidden)
    show_current (self);
  sync_state (self, "hide", hidden);
}

static void
blacked_out_changed_cb (UrokPresentationSession *self)
{
  gboolean black = urok_presentation_get_blacked_out (self->presentation);

  urok_audience_view_set_blacked_out (urok_audience_window_get_view (self->audience), black);
  sync_state (self, "black-out", black);
}

static void
paused_changed_cb (UrokPresentationSession *self)
{
  sync_state (self, "pause", urok_presentation_get_paused (self->presentation));
  clock_cb (self);
}

static void
next_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  UrokPresentationSession *self = user_data;

  urok_presentation_next_resource (self->presentation);
}

static void
previous_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  UrokPresentationSession *self = user_data;

  urok_presentation_previous_resource (self->presentation);
}

static void
next_stage_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  UrokPresentationSession *self = user_data;

  urok_presentation_next_stage (self->presentation);
}

static void
previous_stage_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  UrokPresentationSession *self = user_data;

  urok_presentation_previous_stage (self->presentation);
}

static void
go_to_stage_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  UrokPresentationSession *self = user_data;

  urok_presentation_go_to (self->presentation, g_variant_get_int32 (parameter), -1);
}

static void
show_resource_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  UrokPresentationSession *self = user_data;

  urok_presentation_go_to (self->presentation, urok_presentation_get_stage_index (self->presentation),
                           g_variant_get_int32 (parameter));
}

static void
hide_changed (GSimpleAction *action,
              GVariant      *value,
              gpointer       user_data)
{
  UrokPresentationSession *self = user_data;

  urok_presentation_set_hidden (self->presentation, g_variant_get_boolean (value));
}

static void
black_out_changed (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       user_data)
{
  UrokPresentationSession *self = user_data;

  urok_presentation_set_blacked_out (self->presentation, g_variant_get_boolean (value));
}

static void
pause_changed (GSimpleAction *action,
               GVariant      *value,
               gpointer       user_data)
{
  UrokPresentationSession *self = user_data;

  urok_presentation_set_paused (self->presentation, g_variant_get_boolean (value));
}

static void
interact_changed (GSimpleAction *action,
                  GVariant      *value,
                  gpointer       user_data)
{
  UrokPresentationSession *self = user_data;

  if (self->ink_canvas != NULL)
    apply_interact (self, g_variant_get_boolean (value));
  else
    g_simple_action_set_state (action, value);
}

static void
end_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  urok_presentation_session_end (user_data);
}

/* Monitors: what the screen choice sees of them. */
static GPtrArray *
list_monitors (GdkDisplay      *display,
               UrokScreenInfo **infos)
{
  GListModel *monitors = gdk_display_get_monitors (display);
  guint n = g_list_model_get_n_items (monitors);
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  *infos = g_new0 (UrokScreenInfo, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      GdkMonitor *monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      (*infos)[i] = (UrokScreenInfo) { gdk_monitor_get_connector (monitor), geometry.x, geometry.y,
                                       geometry.width, geometry.height, gdk_monitor_get_scale_factor (monitor) };
      g_ptr_array_add (array, monitor);
    }
  return array;
}

static int
presenter_monitor (GPtrArray *monitors,
                   GtkWindow *parent)
{
  GdkSurface *surface = parent != NULL ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;
  GdkMonitor *monitor;
  guint index;

  if (surface == NULL)
    return -1;
  monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
  return monitor != NULL && g_ptr_array_find (monitors, monitor, &index) ? (int)index : -1;
}

static void
screen_changed (GSimpleAction *action,
                GVariant      *value,
                gpointer       user_data)
{
  UrokPresentationSession *self = user_data;
  const char *connector = g_variant_get_string (value, NULL);
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self->audience));
  g_autofree UrokScreenInfo *infos = NULL;
  g_autoptr(GPtrArray) monitors = list_monitors (display, &infos);
  int audience;

  g_simple_action_set_state (action, value);
  g_settings_set_string (self->settings, "audience-screen", connector);
  if (!self->dual || self->presenter == NULL)
    return;
  audience = urok_screen_choose_audience (infos, monitors->len,
                                          presenter_monitor (monitors, GTK_WINDOW (self->presenter)), connector);
  if (audience >= 0)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->audience), g_ptr_array_index (monitors, audience));
}

static const GActionEntry action_entries[] = {
  { "next", next_activated },
  { "previous", previous_activated },
  { "next-stage", next_stage_activated },
  { "previous-stage", previous_stage_activated },
  { "go-to-stage", go_to_stage_activated, "i" },
  { "show-resource", show_resource_activated, "i" },
  { "hide", NULL, NULL, "false", hide_changed },
  { "black-out", NULL, NULL, "false", black_out_changed },
  { "pause", NULL, NULL, "false", pause_changed },
  { "interact", NULL, NULL, "false", interact_changed },
  { "end", end_activated },
  { "screen", NULL, "s", "''", screen_changed },
};

/* While a menu of the window is open, its keys are the menu's. */
static void
popover_visible_cb (GtkWidget  *popover,
                    GParamSpec *pspec,
                    GtkEventController *controller)
{
  gtk_event_controller_set_propagation_phase (controller, gtk_widget_get_visible (popover) ? GTK_PHASE_NONE
                                                                                           : GTK_PHASE_CAPTURE);
}

/* While a text box (the whiteboard's text tool) has the keyboard, Space,
 * letters, Backspace and Escape are the text's, not the presentation's. */
static void
focus_widget_cb (GtkWindow          *window,
                 GParamSpec         *pspec,
                 GtkEventController *controller)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  gboolean typing = focus != NULL && (GTK_IS_TEXT_VIEW (focus) || GTK_IS_EDITABLE (focus));

  gtk_event_controller_set_propagation_phase (controller, typing ? GTK_PHASE_NONE : GTK_PHASE_CAPTURE);
}

static GtkEventController *
add_shortcuts (UrokPresentationSession *self,
               GtkWidget               *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "presentation-shortcuts");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].accel),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (window, controller);
  g_signal_connect_object (window, "notify::focus-widget", G_CALLBACK (focus_widget_cb), controller, 0);
  gtk_widget_insert_action_group (window, "presentation", G_ACTION_GROUP (self->actions));
  return controller;
}

static gboolean
close_request_cb (GtkWindow               *window,
                  UrokPresentationSession *self)
{
  urok_presentation_session_end (self);
  return FALSE;
}

/* The "Class screen" menu: automatic, or one of the other monitors. */
static GMenuModel *
screen_menu (GPtrArray *monitors,
             int        presenter)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();

  g_menu_append (section, _("Automatic (the largest other screen)"), "presentation.screen::");
  for (guint i = 0; i < monitors->len; i++)
    {
      GdkMonitor *monitor = g_ptr_array_index (monitors, i);
      GdkRectangle geometry;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;
      const char *connector = gdk_monitor_get_connector (monitor);

      if ((int)i == presenter || connector == NULL)
        continue;
      gdk_monitor_get_geometry (monitor, &geometry);
      /* TRANSLATORS: a monitor in the Class Screen menu: its connector
       * (e.g. HDMI-1), its model, and its size in pixels. */
      label = g_strdup_printf (_("%s, %s, %d×%d"), connector,
                               gdk_monitor_get_model (monitor) != NULL ? gdk_monitor_get_model (monitor) : _("unknown model"),
                               geometry.width, geometry.height);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "presentation.screen", g_variant_new_string (connector));
      g_menu_append_item (section, item);
    }
  g_menu_append_section (menu, _("Class Screen"), G_MENU_MODEL (section));
  g_object_unref (section);
  return G_MENU_MODEL (menu);
}

gboolean
urok_presentation_session_start (UrokPresentationSession *self,
                                 GtkWindow               *parent,
                                 GError                 **error)
{
  GdkDisplay *display;
  g_autofree UrokScreenInfo *infos = NULL;
  g_autoptr(GPtrArray) monitors = NULL;
  g_autofree char *preferred = NULL;
  int presenter, audience;

  g_return_val_if_fail (UROK_IS_PRESENTATION_SESSION (self), FALSE);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  if (urok_presentation_get_n_stages (self->presentation) == 0)
    {
      g_set_error (error, UROK_PRESENTATION_SESSION_ERROR, UROK_PRESENTATION_SESSION_ERROR_EMPTY,
                   _("The lesson “%s” has no stages yet. Add stages in the Lessons section, then present it."),
                   urok_lesson_get_topic (urok_presentation_get_lesson (self->presentation)));
      return FALSE;
    }

  display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent)) : gdk_display_get_default ();
  monitors = list_monitors (display, &infos);
  presenter = presenter_monitor (monitors, parent);
  if (presenter < 0)
    presenter = urok_screen_guess_presenter (infos, monitors->len);
  preferred = g_settings_get_string (self->settings, "audience-screen");
  audience = urok_screen_choose_audience (infos, monitors->len, presenter, preferred);
  self->dual = self->mode == UROK_PRESENTATION_MODE_DUAL ||
               (self->mode == UROK_PRESENTATION_MODE_AUTO && audience >= 0);
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "screen")),
                             g_variant_new_string (preferred));

  self->audience = g_object_ref_sink (urok_audience_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (self->audience), NULL);
  urok_presentation_tools_add_actions (G_ACTION_MAP (self->actions), urok_audience_window_get_view (self->audience));
  add_shortcuts (self, GTK_WIDGET (self->audience));
  g_signal_connect_object (self->audience, "close-request", G_CALLBACK (close_request_cb), self, 0);
  urok_resource_view_set_media_dir (urok_audience_view_get_live (urok_audience_window_get_view (self->audience)),
                                    self->media_dir);
  self->ink = urok_presentation_ink_new (self->store,
                                         urok_lesson_get_uuid (urok_presentation_get_lesson (self->presentation)));
  g_signal_connect_object (self->ink, "save-failed", G_CALLBACK (save_failed_cb), self, 0);
  urok_resource_view_set_ink (urok_audience_view_get_live (urok_audience_window_get_view (self->audience)), self->ink);
  self->ink_canvas = g_object_ref_sink (UROK_BOARD_CANVAS (urok_board_canvas_new ()));
  gtk_widget_set_name (GTK_WIDGET (self->ink_canvas), "ink-layer");
  urok_board_canvas_set_transparent (self->ink_canvas, TRUE);
  /* The ink is pinned to the content under it: no zooming or panning. */
  urok_board_input_set_zoom_locked (urok_board_canvas_get_input (self->ink_canvas), TRUE);

  if (self->dual)
    {
      g_autoptr(GMenuModel) menu = screen_menu (monitors, presenter);
      GtkEventController *controller;
      GtkPopover *popover;

      self->presenter = g_object_ref_sink (urok_presenter_window_new (self->presentation, self->kinds, self->media_dir));
      controller = add_shortcuts (self, GTK_WIDGET (self->presenter));
      g_signal_connect_object (self->presenter, "close-request", G_CALLBACK (close_request_cb), self, 0);
      urok_presenter_window_set_audience_view (self->presenter, urok_audience_window_get_view (self->audience));
      if (monitors->len > 1)
        {
          urok_presenter_window_set_screen_menu (self->presenter, menu);
          popover = urok_presenter_window_get_screen_popover (self->presenter);
          g_signal_connect_object (popover, "notify::visible", G_CALLBACK (popover_visible_cb), controller, 0);
        }
    }
  urok_audience_window_set_has_toolbar (self->audience, !self->dual);
  urok_presentation_recording_add_actions (G_ACTION_MAP (self->actions),
                                           urok_audience_window_get_view (self->audience),
                                           self->presenter,
                                           /* "" = silence: the teacher chose not to record sound. */
                                           self->record_audio_source != NULL ? self->record_audio_source
                                           : g_settings_get_boolean (self->settings, "record-sound") ? NULL : "",
                                           urok_lesson_get_topic (urok_presentation_get_lesson (self->presentation)));

  g_signal_connect_object (self->presentation, "notify::stage-index", G_CALLBACK (position_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->presentation, "notify::resource-index", G_CALLBACK (position_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->presentation, "notify::hidden", G_CALLBACK (hidden_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->presentation, "notify::blacked-out", G_CALLBACK (blacked_out_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->presentation, "notify::paused", G_CALLBACK (paused_changed_cb), self, G_CONNECT_SWAPPED);
  show_current (self);

  /* The class's window first, so that the teacher's ends up on top. */
  if (self->dual && audience >= 0)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->audience), g_ptr_array_index (monitors, audience));
  else if (!self->dual && presenter >= 0)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self->audience), g_ptr_array_index (monitors, presenter));
  else if (!self->dual)
    gtk_window_fullscreen (GTK_WINDOW (self->audience));
  gtk_window_present (GTK_WINDOW (self->audience));
  if (self->presenter != NULL)
    {
      gtk_window_maximize (GTK_WINDOW (self->presenter));
      gtk_window_present (GTK_WINDOW (self->presenter));
    }

  self->running = TRUE;
  urok_presentation_start (self->presentation);
  self->clock_source = g_timeout_add (CLOCK_INTERVAL_MS, clock_cb, self);
  clock_cb (self);
  return TRUE;
}

void
urok_presentation_session_end (UrokPresentationSession *self)
{
  g_return_if_fail (UROK_IS_PRESENTATION_SESSION (self));

  if (!self->running)
    return;
  self->running = FALSE;
  g_object_ref (self);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  flush_ink (self);
  g_signal_handlers_disconnect_by_data (self->presentation, self);
  urok_presentation_tools_remove_actions (G_ACTION_MAP (self->actions));
  urok_presentation_recording_remove_actions (G_ACTION_MAP (self->actions));
  if (self->presenter != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->presenter, self);
      gtk_window_destroy (GTK_WINDOW (self->presenter));
      g_clear_object (&self->presenter);
    }
  if (self->audience != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->audience, self);
      gtk_window_destroy (GTK_WINDOW (self->audience));
      g_clear_object (&self->audience);
    }
  /* The savers write anything still pending as they go. */
  if (self->ink != NULL)
    g_signal_handlers_disconnect_by_data (self->ink, self);
  g_clear_object (&self->ink);
  g_clear_object (&self->ink_canvas);
  g_signal_emit (self, signals[ENDED], 0);
  g_object_unref (self);
}

static void
urok_presentation_session_dispose (GObject *object)
{
  UrokPresentationSession *self = (UrokPresentationSession *)object;

  urok_presentation_session_end (self);

  G_OBJECT_CLASS (urok_presentation_session_parent_class)->dispose (object);
}

static void
urok_presentation_session_finalize (GObject *object)
{
  UrokPresentationSession *self = (UrokPresentationSession *)object;

  g_clear_object (&self->presentation);
  g_clear_object (&self->kinds);
  g_clear_object (&self->settings);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->media_dir, g_free);
  g_clear_pointer (&self->record_audio_source, g_free);
  g_clear_pointer (&self->save_problem, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (urok_presentation_session_parent_class)->finalize (object);
}

static void
urok_presentation_session_class_init (UrokPresentationSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = urok_presentation_session_dispose;
  object_class->finalize = urok_presentation_session_finalize;

  signals[ENDED] =
    g_signal_new ("ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
urok_presentation_session_init (UrokPresentationSession *self)
{
  self->settings = g_settings_new (APP_ID);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
}
