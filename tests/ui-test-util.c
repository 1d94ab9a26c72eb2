/* ui-test-util.c: driving the real app in UI tests.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <locale.h>

#include "core-test-util.h"
#include "ui-test-util.h"

/* Registers and activates the app as `urok` would, without its main loop. */
/* A fresh home and XDG user dirs for the whole test program.  GLib's
 * G_TEST_OPTION_ISOLATE_DIRS also empties XDG_DATA_DIRS, which hides the
 * system MIME database and with it the SVG icon loader, so the system dirs
 * are kept here.  Returns the directory, for the caller to remove. */
char *
ui_test_isolate_dirs (void)
{
  g_autoptr(GError) error = NULL;
  char *root = g_dir_make_tmp ("urok-ui-test-XXXXXX", &error);
  static const char *vars[][2] = {
    { "HOME", "home" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (root, vars[i][1], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (vars[i][0], dir, TRUE);
    }
  return root;
}

/* Whether the test runs in a Russian locale that exists on this machine. */
gboolean
ui_test_in_russian (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  return messages != NULL && g_str_has_prefix (messages, "ru");
}

UrokApplication *
ui_test_start_app (void)
{
  g_autoptr(GError) error = NULL;
  UrokApplication *app = urok_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  ui_test_iterate ();
  return app;
}

void
ui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  guint *remaining = user_data;

  if (*remaining > 0)
    (*remaining)--;
  if (*remaining == 0)
    {
      g_main_context_wakeup (NULL);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Waits until @widget has been through @n_frames frame cycles, so that what
 * changed is laid out and drawn. */
void
ui_test_wait_frames (GtkWidget *widget,
                     guint      n_frames)
{
  guint remaining = n_frames;

  gtk_widget_queue_draw (widget);
  gtk_widget_add_tick_callback (widget, count_frame_cb, &remaining, NULL);
  while (remaining > 0)
    g_main_context_iteration (NULL, TRUE);
  ui_test_iterate ();
}

gpointer
ui_test_find_toplevel (GType type)
{
  /* Owned by GTK, which keeps each toplevel alive. */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Renders @widget as the screen shows it and keeps the PNG in the build tree. */
/* The first widget in @widget's subtree (itself included) whose
 * gtk_widget_get_name() is @name, depth first, or NULL. */
GtkWidget *
ui_test_find_named (GtkWidget  *widget,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
ui_test_save_png (GtkWidget  *widget,
                  const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", ui_test_in_russian () ? "ru" : "", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  /* A window just shown on a loaded machine may not have drawn yet: its
   * paintable is empty until its first frame. */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      if (tries > 0)
        ui_test_wait_frames (widget, 1);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
ui_test_keep_result (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GAsyncResult **kept = user_data;

  g_assert_null (*kept);
  *kept = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **)data != NULL;
}

void
ui_test_wait_result (GAsyncResult **result)
{
  ui_test_wait_for (has_result, result);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

void
ui_test_wait_for (gboolean (*check) (gpointer data),
                  gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  /* Threads complete through the main context; this wakes it meanwhile. */
  guint wake = g_timeout_add (10, wake_cb, NULL);

  while (!check (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Waited 30 s in vain");
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  ui_test_iterate ();
}
