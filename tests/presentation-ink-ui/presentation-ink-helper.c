/* presentation-ink-helper.c: presents a lesson in the real app and writes
 * on it until it is killed: strokes on the board page of the first
 * resource, then on the ink layer over the picture that follows.  After
 * each finished stroke it writes "<board|picture> <count> <monotonic µs>\n"
 * to stdout.
 *
 * Usage: presentation-ink-helper LESSON-UUID (the store is the app's own,
 * in the XDG data dir it inherits).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "ui-test-util.h"
#include "urok-board-canvas.h"
#include "urok-presentation-page.h"

#define BOARD_STROKES 10

typedef struct
{
  UrokPresentationSession *session;
  guint                    n_board;
  guint                    n_picture;
} Drawing;

/* A short pen stroke at the @n-th place of a grid, in widget coordinates,
 * through the entry the GTK handlers use. */
static void
stroke (UrokBoardCanvas *canvas,
        guint            n)
{
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (canvas));
  double x0 = width * (0.2 + 0.06 * (n % 10));
  double y0 = height * (0.25 + 0.05 * ((n / 10) % 10));

  for (int i = 0; i <= 6; i++)
    {
      UrokBoardEvent event = {
        .sequence = n + 1,
        .device = UROK_BOARD_DEVICE_PEN,
        .phase = i == 0 ? UROK_BOARD_PHASE_BEGIN : i == 6 ? UROK_BOARD_PHASE_END : UROK_BOARD_PHASE_UPDATE,
        .x = x0 + 6 * i,
        .y = y0 + 3 * i,
        .pressure = 0.6,
        .time_ms = 1000 * n + 16 * i,
      };

      urok_board_canvas_feed_event (canvas, &event);
    }
}

static gboolean
draw_one (gpointer user_data)
{
  Drawing *d = user_data;
  UrokAudienceWindow *window = urok_presentation_session_get_audience_window (d->session);
  UrokAudienceView *view = urok_audience_window_get_view (window);

  if (d->n_board < BOARD_STROKES)
    {
      GtkWidget *board = urok_resource_view_get_content (urok_audience_view_get_live (view));

      g_assert_true (UROK_IS_BOARD_CANVAS (board));
      stroke (UROK_BOARD_CANVAS (board), d->n_board);
      printf ("board %u %" G_GINT64_FORMAT "\n", ++d->n_board, g_get_monotonic_time ());
      /* On to the picture: its ink is saved by the saver's clock alone. */
      if (d->n_board == BOARD_STROKES)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "presentation.next", NULL));
    }
  else
    {
      GtkWidget *ink = urok_audience_view_get_ink_layer (view);

      g_assert_true (UROK_IS_BOARD_CANVAS (ink));
      stroke (UROK_BOARD_CANVAS (ink), d->n_picture);
      printf ("picture %u %" G_GINT64_FORMAT "\n", ++d->n_picture, g_get_monotonic_time ());
    }
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  UrokApplication *app;
  UrokPresentationPage *page;
  Drawing d = { 0 };
  g_autoptr(GMainLoop) loop = NULL;

  if (argc != 2)
    {
      g_printerr ("Usage: %s LESSON-UUID\n", argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();
  app = ui_test_start_app ();
  page = UROK_PRESENTATION_PAGE (urok_window_get_page (UROK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))),
                                                      "presentation"));
  urok_presentation_page_set_mode (page, UROK_PRESENTATION_MODE_SINGLE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "presentation.start", "s", argv[1]));
  ui_test_iterate ();
  d.session = urok_presentation_page_get_session (page);
  g_assert_nonnull (d.session);
  ui_test_wait_frames (GTK_WIDGET (urok_presentation_session_get_audience_window (d.session)), 3);

  /* A stroke every 50 ms: steady writing, so the kill falls in the middle
   * of it. */
  g_timeout_add (50, draw_one, &d);
  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);
  return 0;
}
