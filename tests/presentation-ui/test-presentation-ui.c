/* test-presentation-ui.c: a lesson is presented from the Presentation page
 * in two windows and in one, stepped through with the presentation.*
 * actions; the class's window shows each resource, hiding freezes it, the
 * one-window toolbar hides and comes back, and the timers follow a clock
 * the test moves.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <webkit/webkit.h>

#include "core-test-util.h"
#include "ui-test-util.h"
#include "urok-board-canvas.h"
#include "urok-board-thumbnail.h"
#include "urok-presentation-recording.h"
#include "urok-presentation-page.h"
#include "urok-timeline.h"

#define MINUTE ((gint64)60 * G_USEC_PER_SEC)

static UrokApplication *app;
static char *demo_uuid;
static char *picture_uuid;
static char *empty_uuid;
static gint64 fake_now;

static UrokWindow *
main_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (UROK_IS_WINDOW (window));
  return UROK_WINDOW (window);
}

static UrokPresentationPage *
page (void)
{
  return UROK_PRESENTATION_PAGE (urok_window_get_page (main_window (), "presentation"));
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = ui_test_find_named (root, name);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  GtkWidget *label = named (root, name);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

/* Starts @uuid from the page as the Present button does. */
static UrokPresentationSession *
start (const char           *uuid,
       UrokPresentationMode  mode)
{
  UrokPresentationSession *session;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.section", "s", "presentation"));
  urok_presentation_page_set_mode (page (), mode);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page ()), "presentation.start", "s", uuid));
  ui_test_iterate ();
  session = urok_presentation_page_get_session (page ());
  g_assert_nonnull (session);
  g_assert_true (urok_presentation_session_get_running (session));
  fake_now = 100 * MINUTE;
  urok_presentation_set_clock (urok_presentation_session_get_presentation (session), fake_clock, NULL);
  ui_test_wait_frames (GTK_WIDGET (urok_presentation_session_get_audience_window (session)), 3);
  return session;
}

static void
end (UrokPresentationSession *session)
{
  GtkWidget *window = GTK_WIDGET (urok_presentation_session_get_audience_window (session));

  g_assert_true (gtk_widget_activate_action (window, "presentation.end", NULL));
  ui_test_iterate ();
  g_assert_null (urok_presentation_page_get_session (page ()));
}

static void
act (UrokPresentationSession *session,
     const char              *action,
     GVariant                *parameter)
{
  GtkWidget *window = urok_presentation_session_get_presenter_window (session) != NULL
                    ? GTK_WIDGET (urok_presentation_session_get_presenter_window (session))
                    : GTK_WIDGET (urok_presentation_session_get_audience_window (session));

  g_assert_true (gtk_widget_activate_action_variant (window, action, parameter));
  ui_test_iterate ();
}

static UrokAudienceView *
audience_view (UrokPresentationSession *session)
{
  return urok_audience_window_get_view (urok_presentation_session_get_audience_window (session));
}

/* The widget the class's window shows the current resource with. */
static GtkWidget *
shown (UrokPresentationSession *session)
{
  return urok_resource_view_get_content (urok_audience_view_get_live (audience_view (session)));
}

static const char *
shown_kind (UrokPresentationSession *session)
{
  return gtk_widget_get_name (shown (session));
}

/* What the class's window looks like now, as pixels. */
static GBytes *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gsize stride = (gsize)width * 4;
  guchar *data;

  ui_test_wait_frames (widget, 2);
  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc (stride * height);
  gdk_texture_download (texture, data, stride);
  return g_bytes_new_take (data, stride * height);
}

static void
test_present_button (void)
{
  GtkWidget *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.section", "s", "presentation"));
  ui_test_wait_frames (GTK_WIDGET (main_window ()), 2);
  button = named (GTK_WIDGET (page ()), "present-button");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "presentation.start");
  g_assert_true (gtk_widget_is_sensitive (button));
  ui_test_save_png (GTK_WIDGET (main_window ()), "presentation-page");
}

/* Two windows: both show the current stage; stepping moves both. */
static void
test_two_windows (void)
{
  UrokPresentationSession *session = start (demo_uuid, UROK_PRESENTATION_MODE_DUAL);
  UrokPresentation *presentation = urok_presentation_session_get_presentation (session);
  UrokPresenterWindow *presenter = urok_presentation_session_get_presenter_window (session);
  GtkWidget *p;
  UrokStage *stage;
  GtkWidget *thumbnails;
  UrokTimeline *timeline;

  g_assert_true (urok_presentation_session_get_dual (session));
  g_assert_nonnull (presenter);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (presenter)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (urok_presentation_session_get_audience_window (session))));
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (urok_presentation_session_get_audience_window (session))));
  g_assert_false (urok_audience_window_get_has_toolbar (urok_presentation_session_get_audience_window (session)));
  p = GTK_WIDGET (presenter);

  /* Stage 1 of the demo: a text card. */
  stage = urok_presentation_get_stage (presentation);
  g_assert_cmpstr (label_text (p, "current-stage"), ==, urok_stage_get_title (stage));
  g_assert_cmpstr (label_text (p, "notes"), ==, urok_stage_get_notes (stage));
  g_assert_cmpstr (label_text (p, "next-stage"), !=, "");
  g_assert_cmpstr (shown_kind (session), ==, "resource-text");
  thumbnails = named (p, "thumbnails");
  g_assert_true (GTK_IS_BUTTON (gtk_widget_get_first_child (thumbnails)));
  g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_first_child (thumbnails)));
  timeline = UROK_TIMELINE (named (p, "presenter-timeline"));
  g_assert_cmpint (urok_timeline_get_selected (timeline), ==, 0);

  /* Next: stage 2 has no resources, so the class sees its title. */
  act (session, "presentation.next", NULL);
  stage = urok_presentation_get_stage (presentation);
  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, 1);
  g_assert_cmpstr (shown_kind (session), ==, "resource-title");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shown (session))), ==, urok_stage_get_title (stage));
  g_assert_cmpstr (label_text (p, "current-stage"), ==, urok_stage_get_title (stage));
  g_assert_cmpint (urok_timeline_get_selected (timeline), ==, 1);

  /* Stage 3: two text cards, then a textbook place, as a card. */
  act (session, "presentation.next", NULL);
  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, 2);
  g_assert_cmpstr (shown_kind (session), ==, "resource-text");
  act (session, "presentation.show-resource", g_variant_new_int32 (2));
  g_assert_cmpstr (shown_kind (session), ==, "resource-card");
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_last_child (thumbnails), "current"));
  act (session, "presentation.previous", NULL);
  g_assert_cmpint (urok_presentation_get_resource_index (presentation), ==, 1);

  /* Stage 4 by stage: a textbook place; then its board page. */
  act (session, "presentation.next-stage", NULL);
  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, 3);
  act (session, "presentation.next", NULL);
  g_assert_cmpstr (shown_kind (session), ==, "resource-board");
  g_assert_true (UROK_IS_BOARD_CANVAS (shown (session)));

  /* Jumps from the timeline's action: stage 7 has a test (a card). */
  act (session, "presentation.go-to-stage", g_variant_new_int32 (6));
  g_assert_cmpstr (shown_kind (session), ==, "resource-card");
  act (session, "presentation.previous-stage", NULL);
  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, 5);
  g_assert_cmpint (urok_timeline_get_selected (timeline), ==, 5);

  /* Stage 8's web link opens in a web view. */
  act (session, "presentation.go-to-stage", g_variant_new_int32 (7));
  act (session, "presentation.next", NULL);
  g_assert_cmpstr (shown_kind (session), ==, "resource-web");
  g_assert_true (WEBKIT_IS_WEB_VIEW (shown (session)));
  g_assert_true (g_str_has_prefix (webkit_web_view_get_uri (WEBKIT_WEB_VIEW (shown (session))), "https://"));

  /* The last stage: nothing after it. */
  act (session, "presentation.go-to-stage", g_variant_new_int32 (8));
  g_assert_null (urok_presentation_get_next_stage (presentation));
  act (session, "presentation.next", NULL);
  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, 8);

  end (session);
  g_assert_null (ui_test_find_toplevel (UROK_TYPE_AUDIENCE_WINDOW));
  g_assert_null (ui_test_find_toplevel (UROK_TYPE_PRESENTER_WINDOW));
}

static void
expect_timer (GtkWidget  *window,
              const char *name,
              gint64      elapsed,
              const char *planned)
{
  g_autofree char *time = urok_presenter_format_time (elapsed);
  g_autofree char *expected = g_strdup_printf ("%s / %s", time, planned);

  g_assert_cmpstr (label_text (window, name), ==, expected);
}

/* The timers follow the clock against the plan. */
static void
test_timers (void)
{
  UrokPresentationSession *session = start (demo_uuid, UROK_PRESENTATION_MODE_DUAL);
  UrokPresenterWindow *presenter = urok_presentation_session_get_presenter_window (session);
  GtkWidget *p = GTK_WIDGET (presenter);
  UrokTimeline *timeline = UROK_TIMELINE (named (p, "presenter-timeline"));

  UrokPresentation *presentation = urok_presentation_session_get_presentation (session);
  /* The real time before the test's clock took over: a constant now. */
  gint64 before = urok_presentation_get_lesson_elapsed (presentation);

  g_assert_cmpint (before, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpint (urok_presentation_get_stage_elapsed (presentation, 0), ==, before);
  expect_timer (p, "stage-timer", before, "2:00");
  expect_timer (p, "lesson-timer", before, "45:00");
  g_assert_cmpstr (label_text (p, "schedule"), ==, _("On plan"));

  /* 3:10 into the 2-minute first stage: over, and a minute behind. */
  fake_now += 3 * MINUTE + 10 * G_USEC_PER_SEC;
  urok_presenter_window_update_clock (presenter);
  expect_timer (p, "stage-timer", before + 3 * MINUTE + 10 * G_USEC_PER_SEC, "2:00");
  g_assert_true (gtk_widget_has_css_class (named (p, "stage-timer"), "error"));
  g_assert_false (gtk_widget_has_css_class (named (p, "lesson-timer"), "error"));
  g_assert_true (strstr (label_text (p, "schedule"), "1") != NULL);
  g_assert_cmpfloat_with_epsilon (urok_timeline_get_position (timeline),
                                  (before + 3 * MINUTE + 10 * G_USEC_PER_SEC) / (double)MINUTE, 1e-6);

  /* The next stage's timer starts at zero; the lesson's goes on. */
  act (session, "presentation.next-stage", NULL);
  fake_now += 30 * G_USEC_PER_SEC;
  urok_presenter_window_update_clock (presenter);
  g_assert_cmpstr (label_text (p, "stage-timer"), ==, "0:30 / 2:00");
  g_assert_false (gtk_widget_has_css_class (named (p, "stage-timer"), "error"));
  expect_timer (p, "lesson-timer", before + 3 * MINUTE + 40 * G_USEC_PER_SEC, "45:00");

  /* Paused: the clock stands still. */
  act (session, "presentation.pause", NULL);
  g_assert_true (urok_presentation_get_paused (presentation));
  fake_now += 10 * MINUTE;
  urok_presenter_window_update_clock (presenter);
  expect_timer (p, "lesson-timer", before + 3 * MINUTE + 40 * G_USEC_PER_SEC, "45:00");
  g_assert_cmpstr (label_text (p, "schedule"), ==, _("Timers paused"));

  end (session);
}

/* Hide from class: the class keeps its picture while the teacher moves
 * on; unhiding shows where the teacher is. */
static void
test_hide_freezes (void)
{
  UrokPresentationSession *session = start (demo_uuid, UROK_PRESENTATION_MODE_DUAL);
  UrokPresentation *presentation = urok_presentation_session_get_presentation (session);
  GtkWidget *audience = GTK_WIDGET (urok_presentation_session_get_audience_window (session));
  GtkWidget *hide_switch = named (GTK_WIDGET (urok_presentation_session_get_presenter_window (session)), "hide-switch");
  g_autoptr(GBytes) before = render (audience);
  g_autoptr(GBytes) frozen = NULL;
  g_autoptr(GBytes) moved = NULL;
  g_autoptr(GBytes) unhidden = NULL;
  GdkPaintable *picture;

  g_assert_false (gtk_switch_get_active (GTK_SWITCH (hide_switch)));
  act (session, "presentation.hide", NULL);
  g_assert_true (urok_presentation_get_hidden (presentation));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (hide_switch)));
  g_assert_true (urok_audience_view_get_frozen (audience_view (session)));
  picture = urok_audience_view_get_frozen_picture (audience_view (session));
  g_assert_true (GDK_IS_TEXTURE (picture));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (picture), ==, gtk_widget_get_width (audience));
  frozen = render (audience);
  g_assert_true (g_bytes_equal (before, frozen));

  /* The teacher moves on: the live view changes, the class sees no change. */
  act (session, "presentation.next-stage", NULL);
  act (session, "presentation.next-stage", NULL);
  g_assert_cmpstr (shown_kind (session), ==, "resource-text");
  g_assert_cmpint (urok_presentation_get_stage_index (presentation), ==, 2);
  moved = render (audience);
  g_assert_true (g_bytes_equal (before, moved));
  ui_test_save_png (GTK_WIDGET (urok_presentation_session_get_presenter_window (session)), "presenter-hidden");

  /* The switch unhides: the class sees stage 3. */
  gtk_switch_set_active (GTK_SWITCH (hide_switch), FALSE);
  ui_test_iterate ();
  g_assert_false (urok_presentation_get_hidden (presentation));
  g_assert_false (urok_audience_view_get_frozen (audience_view (session)));
  unhidden = render (audience);
  g_assert_false (g_bytes_equal (before, unhidden));

  /* Black screen, and back. */
  act (session, "presentation.black-out", NULL);
  g_assert_true (urok_audience_view_get_blacked_out (audience_view (session)));
  {
    g_autoptr(GBytes) black = render (audience);
    const guchar *data = g_bytes_get_data (black, NULL);

    /* BGRA or RGBA: black either way, opaque. */
    g_assert_cmpuint (data[0] + data[1] + data[2], ==, 0);
    g_assert_cmpuint (data[g_bytes_get_size (black) / 2], ==, 0);
  }
  act (session, "presentation.black-out", NULL);
  g_assert_false (urok_audience_view_get_blacked_out (audience_view (session)));

  end (session);
}

static GtkEventController *
motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }
  g_assert_not_reached ();
}

static void
wait_ms (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* One monitor: one full-screen window with a toolbar that hides. */
static void
test_single_window (void)
{
  UrokPresentationSession *session = start (demo_uuid, UROK_PRESENTATION_MODE_SINGLE);
  UrokAudienceWindow *window = urok_presentation_session_get_audience_window (session);
  GtkEventController *motion = motion_controller (GTK_WIDGET (window));

  g_assert_false (urok_presentation_session_get_dual (session));
  g_assert_null (urok_presentation_session_get_presenter_window (session));
  g_assert_null (ui_test_find_toplevel (UROK_TYPE_PRESENTER_WINDOW));
  g_assert_true (urok_audience_window_get_has_toolbar (window));
  g_assert_true (urok_audience_window_get_toolbar_revealed (window));
  g_assert_true (gtk_widget_get_visible (named (GTK_WIDGET (window), "audience-toolbar")));
  g_assert_cmpstr (label_text (GTK_WIDGET (window), "audience-timer"), ==, "0:00 / 2:00");
  ui_test_wait_frames (GTK_WIDGET (window), 3);
  ui_test_save_png (GTK_WIDGET (window), "audience-single");

  /* The toolbar's actions are the same presentation.* ones. */
  act (session, "presentation.next", NULL);
  g_assert_cmpint (urok_presentation_get_stage_index (urok_presentation_session_get_presentation (session)), ==, 1);

  urok_audience_window_set_toolbar_timeout (window, 150);
  wait_ms (400);
  g_assert_false (urok_audience_window_get_toolbar_revealed (window));

  /* A twitch of a pixel is not the teacher reaching for the mouse… */
  g_signal_emit_by_name (motion, "motion", 1.0, 1.0);
  g_assert_false (urok_audience_window_get_toolbar_revealed (window));
  /* …a real move is, and the toolbar hides again after the timeout. */
  g_signal_emit_by_name (motion, "motion", 200.0, 300.0);
  g_assert_true (urok_audience_window_get_toolbar_revealed (window));
  wait_ms (400);
  g_assert_false (urok_audience_window_get_toolbar_revealed (window));

  end (session);
}

/* Recording from the presenter's button: the status shows, the stages go
 * on, stopping leaves a WebM of what the class saw. */
static void
test_record (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  UrokPresentationSession *session;
  UrokPresenterWindow *presenter;
  GActionGroup *actions;
  UrokRecorder *recorder;
  g_autofree char *path = NULL;
  gint64 until;

  /* The test machine has no microphone: record silence. */
  g_settings_set_boolean (settings, "record-sound", FALSE);
  session = start (demo_uuid, UROK_PRESENTATION_MODE_DUAL);
  presenter = urok_presentation_session_get_presenter_window (session);
  actions = urok_presentation_session_get_actions (session);
  recorder = urok_lesson_recording_get_recorder (urok_presentation_recording_get (G_ACTION_MAP (actions)));
  g_assert_null (urok_presenter_window_get_recording_status (presenter));
  g_assert_false (g_action_group_get_action_enabled (actions, "record-pause"));

  g_action_group_change_action_state (actions, "record", g_variant_new_boolean (TRUE));
  g_assert_cmpint (urok_recorder_get_state (recorder), ==, UROK_RECORDER_STATE_RECORDING);
  g_assert_true (g_action_group_get_action_enabled (actions, "record-pause"));
  g_assert_nonnull (urok_presenter_window_get_recording_status (presenter));
  path = g_strdup (urok_recorder_get_path (recorder));
  for (int i = 0; i < 3; i++)
    {
      act (session, "presentation.next", NULL);
      until = g_get_monotonic_time () + 400 * 1000;
      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }

  g_action_group_change_action_state (actions, "record-pause", g_variant_new_boolean (TRUE));
  g_assert_cmpint (urok_recorder_get_state (recorder), ==, UROK_RECORDER_STATE_PAUSED);
  g_action_group_change_action_state (actions, "record-pause", g_variant_new_boolean (FALSE));
  g_assert_cmpint (urok_recorder_get_state (recorder), ==, UROK_RECORDER_STATE_RECORDING);

  g_action_group_change_action_state (actions, "record", g_variant_new_boolean (FALSE));
  while (urok_recorder_get_state (recorder) != UROK_RECORDER_STATE_IDLE)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (urok_presenter_window_get_recording_status (presenter));
  g_assert_true (g_str_has_suffix (path, ".webm"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  end (session);
  g_settings_reset (settings, "record-sound");
}

/* A pen stroke across the canvas, through the path its GTK handlers use. */
static void
draw_line (UrokBoardCanvas *canvas)
{
  for (int i = 0; i <= 10; i++)
    {
      UrokBoardEvent event = {
        .sequence = 1,
        .device = UROK_BOARD_DEVICE_PEN,
        .phase = i == 0 ? UROK_BOARD_PHASE_BEGIN : i == 10 ? UROK_BOARD_PHASE_END : UROK_BOARD_PHASE_UPDATE,
        .x = 100 + 20 * i,
        .y = 100 + 5 * i,
        .pressure = 0.6,
        .time_ms = 16 * i,
      };

      urok_board_canvas_feed_event (canvas, &event);
    }
}

/* The first UrokBoardThumbnail under @widget. */
static GtkWidget *
find_thumbnail (GtkWidget *widget)
{
  if (UROK_IS_BOARD_THUMBNAIL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_thumbnail (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
thumbnail_shows_ink (gpointer data)
{
  UrokBoardThumbnail *thumb = data;

  /* Drawn once on showing, again after the line. */
  return urok_board_thumbnail_get_n_renders (thumb) >= 2;
}

static GtkPropagationPhase
shortcuts_phase (GtkWidget *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "presentation-shortcuts") == 0)
        return gtk_event_controller_get_propagation_phase (controller);
    }
  g_assert_not_reached ();
}

/* A lesson of an image, a text card, a formula and a board page. */
static void
test_image_and_text (void)
{
  UrokPresentationSession *session = start (picture_uuid, UROK_PRESENTATION_MODE_DUAL);
  GtkWidget *audience = GTK_WIDGET (urok_presentation_session_get_audience_window (session));
  GtkWidget *picture, *canvas;
  GdkPaintable *paintable;
  UrokBoardPage *page;

  picture = shown (session);
  g_assert_cmpstr (gtk_widget_get_name (picture), ==, "resource-picture");
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_nonnull (paintable);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 640);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 360);
  ui_test_save_png (audience, "audience-image");

  act (session, "presentation.next", NULL);
  g_assert_cmpstr (shown_kind (session), ==, "resource-text");
  ui_test_wait_frames (audience, 3);
  ui_test_save_png (audience, "audience-text");

  act (session, "presentation.next", NULL);
  g_assert_cmpstr (shown_kind (session), ==, "resource-formula");
  g_assert_nonnull (ui_test_find_named (shown (session), "resource-formula"));
  ui_test_wait_frames (audience, 3);
  ui_test_save_png (audience, "audience-formula");

  /* A board page is the whiteboard's canvas on the resource's page. */
  act (session, "presentation.next", NULL);
  g_assert_cmpstr (shown_kind (session), ==, "resource-board");
  canvas = shown (session);
  g_assert_true (UROK_IS_BOARD_CANVAS (canvas));
  page = urok_board_canvas_get_page (UROK_BOARD_CANVAS (canvas));
  g_assert_cmpint (urok_board_page_get_background (page), ==, UROK_BOARD_BACKGROUND_SQUARES);
  ui_test_wait_frames (audience, 3);
  draw_line (UROK_BOARD_CANVAS (canvas));
  g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 1);
  ui_test_wait_frames (audience, 3);
  ui_test_save_png (audience, "audience-board");

  /* The presenter's thumbnail of the board is that page, drawn small. */
  {
    GtkWidget *thumb = find_thumbnail (GTK_WIDGET (urok_presentation_session_get_presenter_window (session)));

    g_assert_nonnull (thumb);
    g_assert_true (urok_board_thumbnail_get_page (UROK_BOARD_THUMBNAIL (thumb)) == page);
    ui_test_wait_for (thumbnail_shows_ink, thumb);
  }

  /* While a text box has the keyboard, its keys are not the presentation's
   * (Space, letters, Escape). */
  {
    UrokBoardEvent tap = { 7, UROK_BOARD_DEVICE_MOUSE, UROK_BOARD_PHASE_BEGIN, 300, 300, -1, 5000 };

    g_assert_cmpint (shortcuts_phase (audience), ==, GTK_PHASE_CAPTURE);
    g_assert_true (gtk_widget_activate_action (canvas, "board.tool-text", NULL));
    urok_board_canvas_feed_event (UROK_BOARD_CANVAS (canvas), &tap);
    tap.phase = UROK_BOARD_PHASE_END;
    urok_board_canvas_feed_event (UROK_BOARD_CANVAS (canvas), &tap);
    g_assert_nonnull (urok_board_canvas_get_text_editor (UROK_BOARD_CANVAS (canvas)));
    g_assert_true (gtk_widget_has_focus (urok_board_canvas_get_text_editor (UROK_BOARD_CANVAS (canvas))));
    g_assert_cmpint (shortcuts_phase (audience), ==, GTK_PHASE_NONE);
    g_assert_true (gtk_widget_activate_action (canvas, "board.tool-pen", NULL));
    g_assert_null (urok_board_canvas_get_text_editor (UROK_BOARD_CANVAS (canvas)));
    g_assert_cmpint (shortcuts_phase (audience), ==, GTK_PHASE_CAPTURE);
    g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 1);
  }

  /* A missing file is a card that says so, not a blank screen. */
  act (session, "presentation.next", NULL);
  g_assert_cmpstr (shown_kind (session), ==, "resource-card");

  /* Back on the board, the ink written there is still on it. */
  act (session, "presentation.previous", NULL);
  canvas = shown (session);
  g_assert_true (UROK_IS_BOARD_CANVAS (canvas));
  g_assert_true (urok_board_canvas_get_page (UROK_BOARD_CANVAS (canvas)) == page);
  g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 1);

  end (session);
}

/* Screenshots for docs/: both windows at the demo lesson's stage 4. */
static void
test_screenshots (void)
{
  UrokPresentationSession *session = start (demo_uuid, UROK_PRESENTATION_MODE_DUAL);
  UrokPresenterWindow *presenter = urok_presentation_session_get_presenter_window (session);

  act (session, "presentation.go-to-stage", g_variant_new_int32 (2));
  fake_now += 13 * MINUTE + 25 * G_USEC_PER_SEC;
  urok_presenter_window_update_clock (presenter);
  ui_test_wait_frames (GTK_WIDGET (presenter), 3);
  ui_test_save_png (GTK_WIDGET (urok_presentation_session_get_audience_window (session)), "audience-window");
  ui_test_save_png (GTK_WIDGET (presenter), "presenter-window");
  /* The teacher's window follows the desktop's dark style too. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_wait_frames (GTK_WIDGET (presenter), 3);
  ui_test_save_png (GTK_WIDGET (presenter), "presenter-window-dark");
  ui_test_save_png (GTK_WIDGET (urok_presentation_session_get_audience_window (session)), "audience-window-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  end (session);
}

static void
test_empty_lesson (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page ()), "presentation.start", "s", empty_uuid));
  ui_test_iterate ();
  g_assert_null (urok_presentation_page_get_session (page ()));
  g_assert_null (ui_test_find_toplevel (UROK_TYPE_AUDIENCE_WINDOW));
  {
    GtkWindow *dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (dialog);
    gtk_window_destroy (dialog);
  }
}

/* Every key of the presentation is in the shortcuts window, and names an
 * action the windows have. */
static void
test_shortcuts_listed (void)
{
  UrokPresentationSession *session = start (demo_uuid, UROK_PRESENTATION_MODE_DUAL);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (APP_PATH "gtk/help-overlay.ui");
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *windows[] = { GTK_WIDGET (urok_presentation_session_get_presenter_window (session)),
                           GTK_WIDGET (urok_presentation_session_get_audience_window (session)) };
  GSList *objects = gtk_builder_get_objects (builder);
  guint n_bindings = 0;

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        if (accelerator != NULL)
          g_ptr_array_add (listed, g_steal_pointer (&accelerator));
      }
  g_slist_free (objects);

  for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (windows[w]);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
              g_strcmp0 (gtk_event_controller_get_name (GTK_EVENT_CONTROLLER (controller)), "presentation-shortcuts") != 0)
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
              const char *action = gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut)));
              GActionGroup *actions = urok_presentation_session_get_actions (session);
              gboolean found = FALSE;

              n_bindings++;
              g_assert_true (g_str_has_prefix (action, "presentation."));
              g_assert_true (g_action_group_has_action (actions, action + strlen ("presentation.")));
              for (guint k = 0; k < listed->len && !found; k++)
                {
                  g_auto(GStrv) each = g_strsplit (g_ptr_array_index (listed, k), " ", -1);

                  for (guint m = 0; each[m] != NULL && !found; m++)
                    {
                      guint key;
                      GdkModifierType mods;

                      if (gtk_accelerator_parse (each[m], &key, &mods) &&
                          key == gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) &&
                          mods == gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)))
                        found = TRUE;
                    }
                }
              if (!found)
                g_error ("%s (%s) is not in the shortcuts window", action, gtk_shortcut_trigger_to_string (trigger));
            }
        }
    }
  g_assert_cmpuint (n_bindings, ==, 2 * 25);
  end (session);
}

static void
write_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 360);
  cairo_t *cr = cairo_create (surface);

  /* Three fractions of a pie: something a teacher would show. */
  cairo_set_source_rgb (cr, 0.96, 0.96, 0.94);
  cairo_paint (cr);
  for (int i = 0; i < 3; i++)
    {
      cairo_set_source_rgb (cr, 0.9, 0.55, 0.2);
      cairo_move_to (cr, 120 + i * 200, 180);
      cairo_arc (cr, 120 + i * 200, 180, 80, -G_PI / 2, -G_PI / 2 + 2 * G_PI * (i + 1) / 8);
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_set_line_width (cr, 3);
      cairo_arc (cr, 120 + i * 200, 180, 80, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
add_resource (UrokStage        *stage,
              UrokResourceKind  kind,
              const char       *title,
              const char       *text)
{
  g_autoptr(UrokResource) resource = urok_resource_new (kind);

  urok_resource_set_title (resource, title);
  if (kind == UROK_RESOURCE_TEXT)
    urok_resource_set_text (resource, text);
  else if (kind == UROK_RESOURCE_BOARD_PAGE)
    urok_resource_set_board (resource, text);
  else if (kind == UROK_RESOURCE_MEDIA)
    {
      urok_resource_set_target (resource, text);
      urok_resource_set_media_type (resource, "image/png");
    }
  urok_stage_insert_resource (stage, g_list_model_get_n_items (urok_stage_get_resources (stage)), resource);
}

/* A lesson with an image (stored as the editor stores media), a text
 * card, a formula, a board page, and a file gone missing. */
static void
make_lessons (const char *dirs)
{
  UrokStore *store = urok_application_get_store (app);
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokLesson) empty = urok_lesson_new ();
  g_autoptr(UrokStage) first = urok_stage_new (ui_test_in_russian () ? "Доли" : "Fractions", 5);
  g_autoptr(UrokStage) second = urok_stage_new (ui_test_in_russian () ? "Правило" : "The rule", 10);
  g_autofree char *png = g_build_filename (dirs, "pie.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (png);
  g_autofree char *media = NULL;
  g_autoptr(GError) error = NULL;

  write_png (png);
  media = urok_store_add_lesson_media (store, urok_lesson_get_uuid (lesson), file, NULL, &error);
  g_assert_no_error (error);

  urok_lesson_set_topic (lesson, ui_test_in_russian () ? "Доли и дроби" : "Fractions of a whole");
  add_resource (first, UROK_RESOURCE_MEDIA, ui_test_in_russian () ? "Пирог" : "A pie", media);
  add_resource (first, UROK_RESOURCE_TEXT, ui_test_in_russian () ? "Правило" : "The rule",
                ui_test_in_russian ()
                ? "Чтобы сложить дроби с одинаковыми знаменателями, складывают их числители, а знаменатель оставляют тем же."
                : "To add fractions with the same denominator, add the numerators and keep the denominator.");
  add_resource (second, UROK_RESOURCE_TEXT, ui_test_in_russian () ? "Формула" : "Formula",
                "$\\frac{a}{b} + \\frac{c}{b} = \\frac{a + c}{b}$");
  add_resource (second, UROK_RESOURCE_BOARD_PAGE, ui_test_in_russian () ? "Доска" : "Board",
                "{\"background\":\"squares\",\"color\":\"#ffffcc\"}");
  add_resource (second, UROK_RESOURCE_MEDIA, ui_test_in_russian () ? "Пропавший файл" : "A lost file",
                "0123456789abcdef0123456789abcdef.png");
  urok_lesson_insert_stage (lesson, 0, first);
  urok_lesson_insert_stage (lesson, 1, second);
  g_assert_true (urok_store_save_lesson (store, lesson, &error));
  g_assert_no_error (error);
  picture_uuid = g_strdup (urok_lesson_get_uuid (lesson));

  urok_lesson_set_topic (empty, "Empty");
  g_assert_true (urok_store_save_lesson (store, empty, &error));
  empty_uuid = g_strdup (urok_lesson_get_uuid (empty));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = ui_test_isolate_dirs ();
  g_autoptr(GFile) root = NULL;
  g_autoptr(GListModel) lessons = NULL;
  g_autoptr(UrokLessonInfo) demo = NULL;
  int ret;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UROK_LOCALEDIR") ? g_getenv ("UROK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = ui_test_start_app ();
  lessons = urok_store_list_lessons (urok_application_get_store (app), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (lessons), ==, 1);
  demo = g_list_model_get_item (lessons, 0);
  demo_uuid = g_strdup (urok_lesson_info_get_uuid (demo));
  make_lessons (dirs);

  g_test_add_func ("/ui/presentation/present-button", test_present_button);
  g_test_add_func ("/ui/presentation/two-windows", test_two_windows);
  g_test_add_func ("/ui/presentation/timers", test_timers);
  g_test_add_func ("/ui/presentation/hide-freezes", test_hide_freezes);
  g_test_add_func ("/ui/presentation/single-window", test_single_window);
  g_test_add_func ("/ui/presentation/image-and-text", test_image_and_text);
  g_test_add_func ("/ui/presentation/screenshots", test_screenshots);
  g_test_add_func ("/ui/presentation/empty-lesson", test_empty_lesson);
  g_test_add_func ("/ui/presentation/record", test_record);
  g_test_add_func ("/ui/presentation/shortcuts-listed", test_shortcuts_listed);

  ret = g_test_run ();
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_pointer (&demo_uuid, g_free);
  g_clear_pointer (&picture_uuid, g_free);
  g_clear_pointer (&empty_uuid, g_free);

  root = g_file_new_for_path (dirs);
  core_test_remove_tree (root);
  return ret;
}
