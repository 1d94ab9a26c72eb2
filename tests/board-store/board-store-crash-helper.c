/* board-store-crash-helper.c: draws strokes into a board page through
 * UrokBoardSaver until it is killed.  After adding each stroke it writes
 * "<id> <monotonic µs>\n" to stdout, the moment the stroke was finished.
 *
 * Usage: board-store-crash-helper DB PAGE-UUID
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "board-store/board-store-test-util.h"
#include "urok-board-saver.h"

typedef struct
{
  UrokBoardPage *page;
  guint64        next_id;
} Drawing;

static gboolean
draw_one (gpointer user_data)
{
  Drawing *d = user_data;
  g_autoptr(UrokBoardItem) stroke = board_test_stroke (d->next_id, 40 + d->next_id % 60);
  g_autoptr(GError) error = NULL;

  if (!urok_board_page_add_item (d->page, stroke, &error))
    g_error ("%s", error->message);
  printf ("%" G_GUINT64_FORMAT " %" G_GINT64_FORMAT "\n", d->next_id, g_get_monotonic_time ());
  fflush (stdout);
  d->next_id++;
  return G_SOURCE_CONTINUE;
}

static void
on_failed (UrokBoardSaver *saver,
           GError         *error)
{
  g_error ("save failed: %s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(UrokBoardPage) page = NULL;
  g_autoptr(UrokBoardSaver) saver = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Drawing d = { NULL, 1 };

  if (argc != 3)
    {
      g_printerr ("Usage: %s DB PAGE-UUID\n", argv[0]);
      return 2;
    }
  store = urok_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  page = urok_board_page_new ();
  urok_board_page_set_uuid (page, argv[2]);
  urok_board_page_set_background (page, UROK_BOARD_BACKGROUND_SQUARES);
  saver = urok_board_saver_new (store, page);
  g_signal_connect (saver, "save-failed", G_CALLBACK (on_failed), NULL);
  d.page = page;

  /* A stroke every 3 ms: far faster than a hand, so saves always overlap
   * with drawing. */
  g_timeout_add (3, draw_one, &d);
  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);
  return 0;
}
