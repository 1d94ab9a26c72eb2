/* test-presentation-ink.c: presentation ink lives in the store.  A helper
 * process presents a lesson in the real app and writes on a board page and
 * over a picture until it is SIGKILLed; the reopened app shows every stroke
 * finished more than a second before the kill.  Ink over a picture is kept
 * when the teacher leaves the stage and comes back, is saved when the stage
 * changes, lets input through while interacting, and goes with the lesson.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "core-test-util.h"
#include "ui-test-util.h"
#include "urok-board-canvas.h"
#include "urok-board-page-window.h"
#include "urok-lesson-editor.h"
#include "urok-lessons-page.h"
#include "urok-presentation-page.h"

static UrokApplication *app;
static char *lesson_uuid;
static char *dirs;

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

/* The app, started (on the store the helper wrote to) the first time. */
static UrokStore *
store (void)
{
  if (app == NULL)
    app = ui_test_start_app ();
  return urok_application_get_store (app);
}

static UrokPresentationSession *
start (UrokPresentationMode mode)
{
  UrokPresentationSession *session;

  store ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.section", "s", "presentation"));
  urok_presentation_page_set_mode (page (), mode);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page ()), "presentation.start", "s", lesson_uuid));
  ui_test_iterate ();
  session = urok_presentation_page_get_session (page ());
  g_assert_nonnull (session);
  ui_test_wait_frames (GTK_WIDGET (urok_presentation_session_get_audience_window (session)), 3);
  return session;
}

static void
act (UrokPresentationSession *session,
     const char              *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (urok_presentation_session_get_audience_window (session)),
                                             action, NULL));
  ui_test_iterate ();
}

static UrokAudienceView *
view (UrokPresentationSession *session)
{
  return urok_audience_window_get_view (urok_presentation_session_get_audience_window (session));
}

static GtkWidget *
shown (UrokPresentationSession *session)
{
  return urok_resource_view_get_content (urok_audience_view_get_live (view (session)));
}

static UrokBoardCanvas *
ink_layer (UrokPresentationSession *session)
{
  GtkWidget *layer = urok_audience_view_get_ink_layer (view (session));

  g_assert_true (UROK_IS_BOARD_CANVAS (layer));
  return UROK_BOARD_CANVAS (layer);
}

static void
draw_line (UrokBoardCanvas *canvas,
           double           x,
           double           y)
{
  for (int i = 0; i <= 10; i++)
    {
      UrokBoardEvent event = {
        .sequence = 7,
        .device = UROK_BOARD_DEVICE_PEN,
        .phase = i == 0 ? UROK_BOARD_PHASE_BEGIN : i == 10 ? UROK_BOARD_PHASE_END : UROK_BOARD_PHASE_UPDATE,
        .x = x + 30 * i,
        .y = y + 12 * i,
        .pressure = 0.8,
        .time_ms = 16 * i,
      };

      urok_board_canvas_feed_event (canvas, &event);
    }
}

/* The number of items the store holds for page @uuid (0 for none). */
static guint
stored_items (const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBoardPage) page = urok_store_load_board_page (store (), uuid, &error);

  if (page == NULL)
    {
      g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND);
      return 0;
    }
  return urok_board_page_get_n_items (page);
}

typedef struct
{
  guint  n[2];         /* strokes finished: board, picture */
  guint  must[2];      /* ... more than a second before the kill */
  GArray *times[2];    /* gint64 µs */
} Strokes;

static void
read_lines (int       fd,
            GString  *pending,
            Strokes  *strokes,
            gboolean (*enough) (Strokes *),
            gint64    deadline)
{
  char buffer[4096];

  for (;;)
    {
      char *newline;
      gssize n;

      while ((newline = strchr (pending->str, '\n')) != NULL)
        {
          g_auto(GStrv) fields = NULL;
          int which;
          gint64 time;

          *newline = '\0';
          fields = g_strsplit (pending->str, " ", 3);
          g_string_erase (pending, 0, newline - pending->str + 1);
          g_assert_cmpuint (g_strv_length (fields), ==, 3);
          which = g_str_equal (fields[0], "board") ? 0 : 1;
          time = g_ascii_strtoll (fields[2], NULL, 10);
          g_assert_cmpuint (g_ascii_strtoull (fields[1], NULL, 10), ==, strokes->n[which] + 1);
          strokes->n[which]++;
          g_array_append_val (strokes->times[which], time);
          if (enough != NULL && enough (strokes))
            return;
        }
      if (deadline >= 0 && g_get_monotonic_time () > deadline)
        g_error ("the helper wrote %u and %u strokes in time", strokes->n[0], strokes->n[1]);
      n = read (fd, buffer, sizeof buffer - 1);
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        {
          /* Ended before it was killed: it failed. */
          g_assert_true (deadline < 0);
          return;
        }
      g_string_append_len (pending, buffer, n);
    }
}

/* Killed once it has written over the picture for two seconds or more
 * (a stroke every 50 ms), so that ink older than a second depends on the
 * saver's clock alone (no stage change flushes it), and some is newer. */
static gboolean
enough_strokes (Strokes *strokes)
{
  return strokes->n[1] >= 40;
}

static UrokResource *
resource_at (guint stage,
             guint index)
{
  g_autoptr(UrokLesson) lesson = urok_store_load_lesson (store (), lesson_uuid, NULL);
  g_autoptr(UrokStage) s = g_list_model_get_item (urok_lesson_get_stages (lesson), stage);

  return g_list_model_get_item (urok_stage_get_resources (s), index);
}

static void
test_killed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pending = g_string_new (NULL);
  const char *argv[] = { INK_HELPER, lesson_uuid, NULL };
  Strokes strokes = { { 0 }, { 0 }, { g_array_new (FALSE, FALSE, sizeof (gint64)), g_array_new (FALSE, FALSE, sizeof (gint64)) } };
  UrokPresentationSession *session;
  UrokBoardPage *board, *ink;
  GPid pid;
  int out_fd, status;
  gint64 killed;

  g_assert_null (app);
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  read_lines (out_fd, pending, &strokes, enough_strokes, g_get_monotonic_time () + 60 * G_USEC_PER_SEC);
  killed = g_get_monotonic_time ();
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  /* What it wrote before it died is still in the pipe. */
  read_lines (out_fd, pending, &strokes, NULL, -1);
  close (out_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  for (guint w = 0; w < 2; w++)
    for (guint i = 0; i < strokes.times[w]->len; i++)
      if (killed - g_array_index (strokes.times[w], gint64, i) > G_USEC_PER_SEC)
        strokes.must[w] = i + 1;
  g_test_message ("board: %u strokes, %u a second before the kill; picture: %u, %u",
                  strokes.n[0], strokes.must[0], strokes.n[1], strokes.must[1]);
  g_assert_cmpuint (strokes.must[0], ==, 10);
  /* Some ink over the picture was older than a second, some newer. */
  g_assert_cmpuint (strokes.must[1], >=, 10);
  g_assert_cmpuint (strokes.must[1], <, strokes.n[1]);

  /* The app again, on the store the killed one wrote. */
  session = start (UROK_PRESENTATION_MODE_SINGLE);
  g_assert_cmpstr (gtk_widget_get_name (shown (session)), ==, "resource-board");
  board = urok_board_canvas_get_page (UROK_BOARD_CANVAS (shown (session)));
  g_assert_cmpuint (urok_board_page_get_n_items (board), ==, strokes.n[0]);
  act (session, "presentation.next");
  g_assert_cmpstr (gtk_widget_get_name (shown (session)), ==, "resource-picture");
  ink = urok_board_canvas_get_page (ink_layer (session));
  g_test_message ("picture: %u strokes kept", urok_board_page_get_n_items (ink));
  g_assert_cmpuint (urok_board_page_get_n_items (ink), >=, strokes.must[1]);
  g_assert_cmpuint (urok_board_page_get_n_items (ink), <=, strokes.n[1]);
  act (session, "presentation.end");
  g_array_unref (strokes.times[0]);
  g_array_unref (strokes.times[1]);
}

/* Counts pixels of @widget that are mostly red (the test's ink; the
 * picture has none) or, with @blue, the picture's blue. */
static guint
count_color (GtkWidget *widget,
             gboolean   blue)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autofree guchar *pixels = NULL;
  guint count = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize)width * height * 4);
  gdk_texture_download (texture, pixels, (gsize)width * 4);
  for (gsize i = 0; i < (gsize)width * height; i++)
    {
      /* Cairo byte order: B, G, R, A. */
      guchar b = pixels[4 * i], g = pixels[4 * i + 1], r = pixels[4 * i + 2];

      if (blue ? (b > 150 && r < 80 && g < 120) : (r > 180 && g < 80 && b < 80))
        count++;
    }
  return count;
}

/* The widget the pointer would reach in the middle of the class's view. */
static GtkWidget *
picked_in_middle (UrokPresentationSession *session)
{
  GtkWidget *widget = GTK_WIDGET (view (session));

  return gtk_widget_pick (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0,
                          GTK_PICK_DEFAULT);
}

static void
test_picture_ink_kept (void)
{
  UrokPresentationSession *session = start (UROK_PRESENTATION_MODE_DUAL);
  GtkWidget *audience = GTK_WIDGET (urok_presentation_session_get_audience_window (session));
  g_autoptr(UrokResource) picture = resource_at (0, 1);
  UrokBoardCanvas *layer;
  UrokBoardPage *page;
  guint before, red_before;

  act (session, "presentation.next");
  g_assert_cmpstr (gtk_widget_get_name (shown (session)), ==, "resource-picture");
  layer = ink_layer (session);
  g_assert_true (urok_board_canvas_get_transparent (layer));
  page = urok_board_canvas_get_page (layer);
  g_assert_cmpstr (urok_board_page_get_uuid (page), ==, urok_resource_get_uuid (picture));
  /* A picture is there to be written on: the ink layer takes input. */
  g_assert_true (gtk_widget_get_can_target (GTK_WIDGET (layer)));
  before = urok_board_page_get_n_items (page);
  ui_test_wait_frames (audience, 3);
  red_before = count_color (GTK_WIDGET (layer), FALSE);

  g_object_set (layer, "color", "#e01b24", "width", 8.0, NULL);
  draw_line (layer, gtk_widget_get_width (GTK_WIDGET (layer)) * 0.3, gtk_widget_get_height (GTK_WIDGET (layer)) * 0.3);
  draw_line (layer, gtk_widget_get_width (GTK_WIDGET (layer)) * 0.3, gtk_widget_get_height (GTK_WIDGET (layer)) * 0.5);
  g_assert_cmpuint (urok_board_page_get_n_items (page), ==, before + 2);
  urok_board_canvas_request_tiles (layer);
  urok_board_canvas_wait_tiles (layer);
  ui_test_wait_frames (audience, 3);
  /* The ink is on the class's screen, and the picture shows through. */
  g_assert_cmpuint (count_color (GTK_WIDGET (layer), FALSE), >, red_before + 500);
  g_assert_cmpuint (count_color (audience, FALSE), >, red_before + 500);
  g_assert_cmpuint (count_color (audience, TRUE), >, 2000);
  g_assert_nonnull (ui_test_find_named (shown (session), "resource-picture"));
  ui_test_save_png (audience, "presentation-ink-picture");

  /* Interacting, input goes through to the content; the palette goes. */
  g_assert_true (gtk_widget_is_ancestor (picked_in_middle (session), GTK_WIDGET (layer)) ||
                 picked_in_middle (session) == GTK_WIDGET (layer));
  act (session, "presentation.interact");
  g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (layer)));
  g_assert_false (urok_board_canvas_get_show_palette (layer));
  g_assert_true (picked_in_middle (session) == shown (session));
  act (session, "presentation.interact");
  g_assert_true (gtk_widget_get_can_target (GTK_WIDGET (layer)));
  g_assert_true (picked_in_middle (session) == GTK_WIDGET (layer));

  /* Leaving the stage saves the ink; coming back shows it again. */
  act (session, "presentation.next-stage");
  g_assert_cmpuint (stored_items (urok_resource_get_uuid (picture)), ==, before + 2);
  g_assert_cmpstr (gtk_widget_get_name (shown (session)), ==, "resource-title");
  /* A bare title card has ink of its own, named by the stage. */
  {
    g_autoptr(UrokLesson) lesson = urok_store_load_lesson (store (), lesson_uuid, NULL);
    g_autoptr(UrokStage) stage = g_list_model_get_item (urok_lesson_get_stages (lesson), 1);

    g_assert_cmpstr (urok_board_page_get_uuid (urok_board_canvas_get_page (ink_layer (session))), ==,
                     urok_stage_get_uuid (stage));
  }
  act (session, "presentation.previous-stage");
  act (session, "presentation.next");
  g_assert_cmpstr (gtk_widget_get_name (shown (session)), ==, "resource-picture");
  g_assert_true (urok_board_canvas_get_page (ink_layer (session)) == page);
  g_assert_cmpuint (urok_board_page_get_n_items (page), ==, before + 2);
  urok_board_canvas_request_tiles (ink_layer (session));
  urok_board_canvas_wait_tiles (ink_layer (session));
  ui_test_wait_frames (audience, 3);
  g_assert_cmpuint (count_color (audience, FALSE), >, red_before + 500);
  act (session, "presentation.end");

  /* A new session finds it in the store. */
  session = start (UROK_PRESENTATION_MODE_SINGLE);
  act (session, "presentation.next");
  g_assert_cmpuint (urok_board_page_get_n_items (urok_board_canvas_get_page (ink_layer (session))), ==, before + 2);
  act (session, "presentation.end");
}

/* Runs @sql on the app's database through a connection of its own. */
static void
exec_sql (const char *sql)
{
  g_autofree char *path = urok_store_default_path ();
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Ink that cannot be saved stays on the page, the teacher is told, and it
 * is saved once the store takes it again. */
static void
test_save_failed (void)
{
  UrokPresentationSession *session = start (UROK_PRESENTATION_MODE_DUAL);
  g_autoptr(UrokResource) picture = resource_at (0, 1);
  UrokPresenterWindow *presenter = urok_presentation_session_get_presenter_window (session);
  UrokBoardCanvas *layer;
  guint before;

  act (session, "presentation.next");
  layer = ink_layer (session);
  before = urok_board_page_get_n_items (urok_board_canvas_get_page (layer));
  g_assert_cmpuint (stored_items (urok_resource_get_uuid (picture)), ==, before);
  g_assert_null (urok_presentation_session_get_save_problem (session));

  exec_sql ("CREATE TRIGGER refuse BEFORE INSERT ON board_item BEGIN SELECT RAISE (ABORT, 'the disk is full'); END");
  draw_line (layer, 200, 400);
  act (session, "presentation.next-stage");
  g_assert_nonnull (urok_presentation_session_get_save_problem (session));
  g_assert_nonnull (strstr (urok_presentation_session_get_save_problem (session), "the disk is full"));
  g_assert_cmpstr (urok_presenter_window_get_problem (presenter), ==, urok_presentation_session_get_save_problem (session));
  g_assert_cmpuint (stored_items (urok_resource_get_uuid (picture)), ==, before);

  exec_sql ("DROP TRIGGER refuse");
  act (session, "presentation.previous-stage");
  g_assert_null (urok_presentation_session_get_save_problem (session));
  g_assert_null (urok_presenter_window_get_problem (presenter));
  g_assert_cmpuint (stored_items (urok_resource_get_uuid (picture)), ==, before + 1);
  act (session, "presentation.end");
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The editor's Present (F5) saves the lesson first, then presents it from
 * the Presentation section: a stage just added is there. */
static void
test_present_from_editor (void)
{
  UrokLessonsPage *lessons;
  GtkWidget *editor, *button;
  UrokPresentationSession *session;
  g_autoptr(GError) error = NULL;

  store ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.section", "s", "lessons"));
  lessons = UROK_LESSONS_PAGE (urok_window_get_page (main_window (), "lessons"));
  g_assert_true (urok_lessons_page_show_lesson (lessons, lesson_uuid, &error));
  g_assert_no_error (error);
  ui_test_iterate ();
  editor = find_type (GTK_WIDGET (lessons), UROK_TYPE_LESSON_EDITOR);
  g_assert_nonnull (editor);
  button = ui_test_find_named (editor, "present-button");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "lesson.present");

  g_assert_true (gtk_widget_activate_action (editor, "lesson.add-stage", "s", ""));
  urok_presentation_page_set_mode (page (), UROK_PRESENTATION_MODE_SINGLE);
  g_assert_true (gtk_widget_activate_action (button, "lesson.present", NULL));
  ui_test_iterate ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_parent (GTK_WIDGET (page ())))),
                   ==, "presentation");
  session = urok_presentation_page_get_session (page ());
  g_assert_nonnull (session);
  g_assert_cmpuint (urok_presentation_get_n_stages (urok_presentation_session_get_presentation (session)), ==, 3);
  act (session, "presentation.end");

  /* The lesson library's menu has it too, through the same action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.section", "s", "lessons"));
  g_assert_true (gtk_widget_activate_action (editor, "lesson.close", NULL));
  ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.present-lesson", "s", lesson_uuid));
  ui_test_iterate ();
  session = urok_presentation_page_get_session (page ());
  g_assert_nonnull (session);
  act (session, "presentation.end");
}

/* A board page opened on the board from the lesson editor is the page the
 * presentation shows; what is drawn there is saved when the window closes. */
static void
test_open_on_board (void)
{
  g_autoptr(UrokResource) board = resource_at (0, 0);
  const char *uuid = urok_resource_get_uuid (board);
  UrokLessonsPage *lessons;
  GtkWidget *editor, *button;
  UrokBoardPageWindow *window;
  UrokBoardCanvas *canvas;
  UrokPresentationSession *session;
  g_autoptr(GError) error = NULL;
  guint before = stored_items (uuid);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.section", "s", "lessons"));
  lessons = UROK_LESSONS_PAGE (urok_window_get_page (main_window (), "lessons"));
  g_assert_true (urok_lessons_page_show_lesson (lessons, lesson_uuid, &error));
  g_assert_no_error (error);
  ui_test_iterate ();
  editor = find_type (GTK_WIDGET (lessons), UROK_TYPE_LESSON_EDITOR);
  g_assert_true (gtk_widget_activate_action (editor, "lesson.select-stage", "i", 0));
  ui_test_iterate ();
  button = ui_test_find_named (editor, "open-board-button");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "lesson.open-board");
  g_assert_true (gtk_widget_activate_action (button, "lesson.open-board", "s", uuid));
  ui_test_iterate ();
  window = ui_test_find_toplevel (UROK_TYPE_BOARD_PAGE_WINDOW);
  g_assert_nonnull (window);
  ui_test_wait_frames (GTK_WIDGET (window), 3);
  canvas = urok_board_page_window_get_canvas (window);
  g_assert_cmpuint (urok_board_page_get_n_items (urok_board_canvas_get_page (canvas)), ==, before);
  g_assert_cmpint (urok_board_page_get_background (urok_board_canvas_get_page (canvas)), ==, UROK_BOARD_BACKGROUND_SQUARES);
  draw_line (canvas, 100, 100);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate ();
  g_assert_null (ui_test_find_toplevel (UROK_TYPE_BOARD_PAGE_WINDOW));
  g_assert_cmpuint (stored_items (uuid), ==, before + 1);
  g_assert_true (gtk_widget_activate_action (editor, "lesson.close", NULL));
  ui_test_iterate ();

  session = start (UROK_PRESENTATION_MODE_SINGLE);
  g_assert_cmpuint (urok_board_page_get_n_items (urok_board_canvas_get_page (UROK_BOARD_CANVAS (shown (session)))), ==,
                    before + 1);
  act (session, "presentation.end");
}

/* Deleting the lesson deletes its ink, the ink over its picture too. */
static void
test_deleted_with_lesson (void)
{
  g_autoptr(UrokResource) board = resource_at (0, 0);
  g_autoptr(UrokResource) picture = resource_at (0, 1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (stored_items (urok_resource_get_uuid (board)), >, 0);
  g_assert_cmpuint (stored_items (urok_resource_get_uuid (picture)), >, 0);
  g_assert_true (urok_store_delete_lesson (store (), lesson_uuid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stored_items (urok_resource_get_uuid (board)), ==, 0);
  g_assert_cmpuint (stored_items (urok_resource_get_uuid (picture)), ==, 0);
}

static void
write_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 360);
  cairo_t *cr = cairo_create (surface);

  /* A triangle to mark up, on pale paper, in no red. */
  cairo_set_source_rgb (cr, 0.95, 0.96, 0.98);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.15, 0.35, 0.7);
  cairo_set_line_width (cr, 6);
  cairo_move_to (cr, 120, 300);
  cairo_line_to (cr, 520, 300);
  cairo_line_to (cr, 200, 60);
  cairo_close_path (cr);
  cairo_stroke (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A lesson of a board page and a picture, then a stage with no resources,
 * written straight into the store the app will open. */
static void
make_lesson (void)
{
  g_autofree char *path = urok_store_default_path ();
  g_autofree char *png = g_build_filename (dirs, "triangle.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (png);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) s = NULL;
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokStage) first = urok_stage_new ("Triangles", 10);
  g_autoptr(UrokStage) second = urok_stage_new ("Homework", 5);
  g_autoptr(UrokResource) board = urok_resource_new (UROK_RESOURCE_BOARD_PAGE);
  g_autoptr(UrokResource) picture = urok_resource_new (UROK_RESOURCE_MEDIA);
  g_autofree char *media = NULL;
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  s = urok_store_open (path, &error);
  g_assert_no_error (error);
  write_png (png);
  media = urok_store_add_lesson_media (s, urok_lesson_get_uuid (lesson), file, NULL, &error);
  g_assert_no_error (error);
  urok_lesson_set_topic (lesson, "Kinds of triangles");
  urok_resource_set_title (board, "Board");
  urok_resource_set_board (board, "{\"background\":\"squares\"}");
  urok_stage_insert_resource (first, 0, board);
  urok_resource_set_title (picture, "A triangle");
  urok_resource_set_target (picture, media);
  urok_resource_set_media_type (picture, "image/png");
  urok_stage_insert_resource (first, 1, picture);
  urok_lesson_insert_stage (lesson, 0, first);
  urok_lesson_insert_stage (lesson, 1, second);
  g_assert_true (urok_store_save_lesson (s, lesson, &error));
  g_assert_no_error (error);
  lesson_uuid = g_strdup (urok_lesson_get_uuid (lesson));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) root = NULL;
  int ret;

  dirs = ui_test_isolate_dirs ();
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  make_lesson ();

  /* In this order: the helper writes into a store no app has open yet. */
  g_test_add_func ("/ui/presentation-ink/killed", test_killed);
  g_test_add_func ("/ui/presentation-ink/picture-ink-kept", test_picture_ink_kept);
  g_test_add_func ("/ui/presentation-ink/save-failed", test_save_failed);
  g_test_add_func ("/ui/presentation-ink/present-from-editor", test_present_from_editor);
  g_test_add_func ("/ui/presentation-ink/open-on-board", test_open_on_board);
  g_test_add_func ("/ui/presentation-ink/deleted-with-lesson", test_deleted_with_lesson);

  ret = g_test_run ();
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_pointer (&lesson_uuid, g_free);
  root = g_file_new_for_path (dirs);
  core_test_remove_tree (root);
  g_free (dirs);
  return ret;
}
