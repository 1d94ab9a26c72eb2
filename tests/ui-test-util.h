/* ui-test-util.h: driving the real app in UI tests.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-application.h"
#include "urok-window.h"

G_BEGIN_DECLS

char            *ui_test_isolate_dirs   (void);
gboolean         ui_test_in_russian     (void);
UrokApplication *ui_test_start_app      (void);
void             ui_test_wait_frames    (GtkWidget  *widget,
                                         guint       n_frames);
void             ui_test_iterate        (void);
gpointer         ui_test_find_toplevel  (GType       type);
GtkWidget       *ui_test_find_named     (GtkWidget  *widget,
                                         const char *name);
void             ui_test_save_png       (GtkWidget  *widget,
                                         const char *name);
/* A GAsyncReadyCallback keeping the result in the GAsyncResult ** given as
 * user data; ui_test_wait_result() runs the main loop until it is there. */
void             ui_test_keep_result    (GObject      *source,
                                         GAsyncResult *result,
                                         gpointer      user_data);
void             ui_test_wait_result    (GAsyncResult **result);
/* Runs the main loop until @check says yes (fails after 30 s). */
void             ui_test_wait_for       (gboolean   (*check) (gpointer data),
                                         gpointer     data);

G_END_DECLS
