/* test-empty.c: with nothing in the store, each section shows its empty
 * state, and the empty state's first button does the section's first thing.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"
#include "ui-test-util.h"

static UrokApplication *app;

/* The first button in @widget's subtree, depth first. */
static GtkButton *
find_first_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return GTK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *button = find_first_button (child);

      if (button != NULL)
        return button;
    }
  return NULL;
}

static void
test_empty_states (void)
{
  static const char *const sections[][2] = {
    { "lessons", "lesson.new" },
    { "presentation", "win.section" },
    { "library", "library.import" },
    { "quiz", "quiz.new" },
    { "gradebook", "gradebook.new-class-group" },
  };
  UrokWindow *window = UROK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autoptr(GListModel) lessons = urok_store_list_lessons (urok_application_get_store (app), NULL);

  g_assert_cmpuint (g_list_model_get_n_items (lessons), ==, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *page = urok_window_get_page (window, sections[i][0]);
      GtkStack *stack = GTK_STACK (gtk_widget_get_first_child (page));
      g_autofree char *shot = g_strconcat ("empty-", sections[i][0], NULL);
      GtkButton *button;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[i][0]));
      ui_test_wait_frames (GTK_WIDGET (window), 3);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

      /* The first button offers the first action, and it can be used. */
      button = find_first_button (gtk_stack_get_visible_child (stack));
      g_assert_nonnull (button);
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, sections[i][1]);
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
      ui_test_save_png (GTK_WIDGET (window), shot);
    }
}

/* The presentation page's button leads to where lessons are made. */
static void
test_empty_presentation_leads_to_lessons (void)
{
  UrokWindow *window = UROK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWidget *page = urok_window_get_page (window, "presentation");
  GtkStack *stack = GTK_STACK (gtk_widget_get_first_child (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "presentation"));
  ui_test_iterate ();
  g_signal_emit_by_name (find_first_button (gtk_stack_get_visible_child (stack)), "clicked");
  ui_test_iterate ();
  g_assert_cmpstr (urok_window_get_section (window), ==, "lessons");
}

/* The demo button of an empty state fills every section. */
static void
test_empty_load_demo (void)
{
  UrokWindow *window = UROK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.load-demo", NULL));
  ui_test_iterate ();
  for (guint i = 0; i < 5; i++)
    {
      static const char *const sections[] = { "lessons", "presentation", "library", "quiz", "gradebook" };
      GtkWidget *page = urok_window_get_page (window, sections[i]);
      GtkStack *stack = GTK_STACK (gtk_widget_get_first_child (page));

      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), !=, "empty");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = ui_test_isolate_dirs ();
  g_autoptr(GFile) root = NULL;
  g_autoptr(GSettings) settings = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  /* A teacher who has been offered the demo before and declined it. */
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "demo-offered", TRUE);
  app = ui_test_start_app ();

  g_test_add_func ("/ui/empty/states", test_empty_states);
  g_test_add_func ("/ui/empty/presentation-leads-to-lessons", test_empty_presentation_leads_to_lessons);
  g_test_add_func ("/ui/empty/load-demo", test_empty_load_demo);
  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  root = g_file_new_for_path (dirs);
  core_test_remove_tree (root);
  return ret;
}
