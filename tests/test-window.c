/* test-window.c: the app starts on the demo, and every section and command
 * is reachable through its action.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "core-test-util.h"
#include "ui-test-util.h"
#include "urok-preferences-window.h"

static UrokApplication *app;

static UrokWindow *
main_window (void)
{
  GtkWindow *window;

  if (app == NULL)
    app = ui_test_start_app ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (UROK_IS_WINDOW (window));
  return UROK_WINDOW (window);
}

static void
test_first_run_loads_demo (void)
{
  UrokWindow *window = main_window ();
  UrokStore *store = urok_application_get_store (app);
  g_autoptr(GListModel) lessons = urok_store_list_lessons (store, NULL);
  g_autoptr(GListModel) books = urok_store_list_books (store, NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpuint (g_list_model_get_n_items (lessons), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (books), ==, 1);
  g_assert_true (g_settings_get_boolean (settings, "demo-offered"));
}

static void
test_visit_sections (void)
{
  static const char *const sections[] = { "lessons", "presentation", "library", "quiz", "gradebook" };
  UrokWindow *window = main_window ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* The size is remembered for the next start. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1180);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 760);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *page;
      GtkWidget *stack;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[i]));
      ui_test_wait_frames (GTK_WIDGET (window), 3);
      g_assert_cmpstr (urok_window_get_section (window), ==, sections[i]);
      g_assert_cmpstr (g_settings_get_string (settings, "last-section"), ==, sections[i]);

      /* With the demo loaded, no section shows its empty state. */
      page = urok_window_get_page (window, sections[i]);
      stack = gtk_widget_get_first_child (page);
      g_assert_true (GTK_IS_STACK (stack));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), !=, "empty");

      ui_test_save_png (GTK_WIDGET (window), sections[i]);
    }
}

/* Under LANG=ru_RU.UTF-8 the sections are named from po/ru.po. */
static void
test_language (void)
{
  static const char *const sections[][2] = {
    { "lessons", N_("Lessons") },
    { "presentation", N_("Presentation") },
    { "library", N_("Library") },
    { "quiz", N_("Tests") },
    { "gradebook", N_("Grade Book") },
  };
  UrokWindow *window = main_window ();
  const char *lang = g_getenv ("LANG");

  if (lang == NULL || !g_str_has_prefix (lang, "ru"))
    {
      g_test_skip ("runs in the Russian pass (test-window-ru)");
      return;
    }
  if (!ui_test_in_russian ())
    {
      g_test_skip ("the ru_RU.UTF-8 locale is not generated on this machine (locale-gen)");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *page = urok_window_get_page (window, sections[i][0]);
      AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_parent (page));
      const char *title = adw_view_stack_page_get_title (adw_view_stack_get_page (stack, page));

      g_assert_cmpstr (title, !=, sections[i][1]);
      g_assert_cmpstr (title, ==, g_dgettext (GETTEXT_PACKAGE, sections[i][1]));
      g_assert_true (g_utf8_validate (title, -1, NULL));
      /* Cyrillic, not a copy of the English. */
      g_assert_cmpint (g_unichar_get_script (g_utf8_get_char (title)), ==, G_UNICODE_SCRIPT_CYRILLIC);
    }
}

static void
test_new_lesson_through_action (void)
{
  UrokWindow *window = main_window ();
  UrokStore *store = urok_application_get_store (app);
  g_autoptr(GListModel) before = urok_store_list_lessons (store, NULL);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(UrokLessonInfo) newest = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "lessons"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  ui_test_iterate ();

  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  /* Nothing typed: nothing to create. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "  Умножение дробей  ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "accept"));
  adw_message_dialog_response (dialog, "accept");
  ui_test_iterate ();

  after = urok_store_list_lessons (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) + 1);
  newest = g_list_model_get_item (after, 0);
  g_assert_cmpstr (urok_lesson_info_get_title (newest), ==, "Умножение дробей");
}

/* Every accelerator the app installs appears in the shortcuts window. */
static void
test_shortcuts_window_complete (void)
{
  UrokWindow *window = main_window ();
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_autoptr(GBytes) overlay = g_resources_lookup_data (APP_PATH "gtk/help-overlay.ui", 0, NULL);
  const char *xml = g_bytes_get_data (overlay, NULL);
  GtkWindow *shortcuts;

  g_assert_cmpuint (g_strv_length (actions), >=, 9);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_autofree char *needle = g_strdup_printf (">%s<", actions[i]);
      g_test_message ("%s", actions[i]);
      g_assert_nonnull (strstr (xml, needle));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ui_test_iterate ();
  shortcuts = ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  ui_test_wait_frames (GTK_WIDGET (shortcuts), 3);
  ui_test_save_png (GTK_WIDGET (shortcuts), "shortcuts");
  gtk_window_close (shortcuts);
  ui_test_iterate ();
}

static void
test_preferences_dark_style (void)
{
  UrokWindow *window = main_window ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ui_test_iterate ();
  preferences = ui_test_find_toplevel (UROK_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  ui_test_wait_frames (GTK_WIDGET (preferences), 3);
  ui_test_save_png (GTK_WIDGET (preferences), "preferences");

  g_settings_set_string (settings, "teacher-name", "Смирнова Ольга Петровна");
  g_settings_set_enum (settings, "color-scheme", 2);
  ui_test_iterate ();
  g_assert_true (adw_style_manager_get_dark (style));
  gtk_window_close (preferences);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "gradebook"));
  ui_test_wait_frames (GTK_WIDGET (window), 3);
  ui_test_save_png (GTK_WIDGET (window), "gradebook-dark");

  g_settings_set_enum (settings, "color-scheme", 1);
  ui_test_iterate ();
  g_assert_false (adw_style_manager_get_dark (style));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = ui_test_isolate_dirs ();
  g_autoptr(GFile) root = NULL;
  int ret;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UROK_LOCALEDIR") ? g_getenv ("UROK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/window/first-run-loads-demo", test_first_run_loads_demo);
  g_test_add_func ("/ui/window/visit-sections", test_visit_sections);
  g_test_add_func ("/ui/window/language", test_language);
  g_test_add_func ("/ui/window/new-lesson", test_new_lesson_through_action);
  g_test_add_func ("/ui/window/shortcuts-complete", test_shortcuts_window_complete);
  g_test_add_func ("/ui/window/preferences-dark-style", test_preferences_dark_style);

  ret = g_test_run ();
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  root = g_file_new_for_path (dirs);
  core_test_remove_tree (root);
  return ret;
}
