/* test-lessons-library.c: the lesson library finds, filters, creates,
 * duplicates, deletes (with undo) and imports lessons, through its actions
 * and widgets, and the store agrees.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "core-test-util.h"
#include "ui-test-util.h"
#include "urok-lesson-editor.h"
#include "urok-lesson-package.h"
#include "urok-lesson-row.h"
#include "urok-lessons-page.h"
#include "urok-template-chooser.h"

static UrokApplication *app;

static UrokWindow *
main_window (void)
{
  GtkWindow *window;

  if (app == NULL)
    {
      app = ui_test_start_app ();
      window = gtk_application_get_active_window (GTK_APPLICATION (app));
      gtk_window_set_default_size (window, 1180, 760);
    }
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (UROK_IS_WINDOW (window));
  return UROK_WINDOW (window);
}

static UrokStore *
store (void)
{
  return urok_application_get_store (app);
}

/* The Lessons section, shown, with its library on screen. */
static UrokLessonsPage *
lessons_page (void)
{
  UrokWindow *window = main_window ();
  GtkWidget *page = urok_window_get_page (window, "lessons");
  GtkStack *stack = GTK_STACK (gtk_widget_get_first_child (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "lessons"));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "editor") == 0)
    g_signal_emit_by_name (gtk_stack_get_child_by_name (stack, "editor"), "close-requested");
  ui_test_iterate ();
  return UROK_LESSONS_PAGE (page);
}

static const char *
page_view (UrokLessonsPage *page)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (page))));
}

static UrokLessonEditor *
page_editor (UrokLessonsPage *page)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (page)));

  return UROK_LESSON_EDITOR (gtk_stack_get_child_by_name (stack, "editor"));
}

static GtkWidget *
page_widget (UrokLessonsPage *page,
             const char      *name)
{
  GtkWidget *widget = ui_test_find_named (GTK_WIDGET (page), name);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
results_view (UrokLessonsPage *page)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (page_widget (page, "results-stack")));
}

/* The uuids of the rows the library shows, in order. */
static GPtrArray *
shown_uuids (UrokLessonsPage *page)
{
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *list = page_widget (page, "lesson-list");

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (UROK_IS_LESSON_ROW (child))
      g_ptr_array_add (uuids, g_strdup (urok_lesson_row_get_uuid (UROK_LESSON_ROW (child))));
  return uuids;
}

static gboolean
shows (UrokLessonsPage *page,
       const char      *uuid)
{
  g_autoptr(GPtrArray) uuids = shown_uuids (page);

  return g_ptr_array_find_with_equal_func (uuids, uuid, g_str_equal, NULL);
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

/* Types into the search entry and waits for its (debounced) search. */
static void
search_for (UrokLessonsPage *page,
            const char      *text)
{
  GtkWidget *entry = page_widget (page, "search-entry");
  gboolean searched = FALSE;
  gulong handler;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0)
    return;
  handler = g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (set_flag), &searched);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  while (!searched)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (entry, handler);
  ui_test_iterate ();
}

static void
choose (UrokLessonsPage *page,
        const char      *filter,
        const char      *item)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (page_widget (page, filter));
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), item))
      {
        gtk_drop_down_set_selected (dropdown, i);
        ui_test_iterate ();
        return;
      }
  g_error ("%s offers no “%s”", filter, item);
}

static void
clear_filters (UrokLessonsPage *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.clear-filters", NULL));
  ui_test_iterate ();
}

static char *
demo_uuid (void)
{
  UrokLessonQuery query = { .text = "дробей" };
  g_autoptr(GListModel) found = urok_store_search_lessons (store (), &query, NULL);
  g_autoptr(UrokLessonInfo) info = NULL;

  g_assert_nonnull (found);
  g_assert_cmpuint (g_list_model_get_n_items (found), >=, 1);
  info = g_list_model_get_item (found, 0);
  return g_strdup (urok_lesson_info_get_uuid (info));
}

static char *
add_lesson (const char        *topic,
            const char        *subject,
            int                grade_level,
            const char        *planned_date,
            const char *const *tags,
            int                n_stages)
{
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(GError) error = NULL;

  urok_lesson_set_topic (lesson, topic);
  urok_lesson_set_subject (lesson, subject);
  urok_lesson_set_grade_level (lesson, grade_level);
  urok_lesson_set_planned_date (lesson, planned_date);
  if (tags != NULL)
    urok_lesson_set_tags (lesson, tags);
  for (int i = 0; i < n_stages; i++)
    {
      g_autofree char *title = g_strdup_printf ("Этап %d", i + 1);
      g_autoptr(UrokStage) stage = urok_stage_new (title, 45 / n_stages);

      urok_lesson_insert_stage (lesson, (guint)i, stage);
    }
  g_assert_true (urok_store_save_lesson (store (), lesson, &error));
  g_assert_no_error (error);
  ui_test_iterate ();
  return g_strdup (urok_lesson_get_uuid (lesson));
}

static gboolean
in_store (const char *uuid)
{
  g_autoptr(UrokLesson) lesson = urok_store_load_lesson (store (), uuid, NULL);

  return lesson != NULL;
}

static void
find_toast_widgets (GtkWidget *widget,
                    GPtrArray *found)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_toast_widgets (child, found);
}

static GtkButton *
find_button (GtkWidget  *widget,
             const char *label,
             const char *icon_name)
{
  if (GTK_IS_BUTTON (widget) &&
      ((label != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0) ||
       (icon_name != NULL && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0)))
    return GTK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *button = find_button (child, label, icon_name);

      if (button != NULL)
        return button;
    }
  return NULL;
}

/* A button of the toast on screen: its "Undo", or its close button. */
static GtkButton *
toast_button (const char *label,
              const char *icon_name)
{
  UrokWindow *window = main_window ();
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();
  GtkButton *button = NULL;

  ui_test_wait_frames (GTK_WIDGET (window), 2);
  find_toast_widgets (GTK_WIDGET (window), toasts);
  /* Dismissed toasts stay a moment while they fade out; the newest is last. */
  for (guint i = toasts->len; button == NULL && i > 0; i--)
    if (gtk_widget_get_child_visible (toasts->pdata[i - 1]))
      button = find_button (toasts->pdata[i - 1], label, icon_name);
  g_assert_nonnull (button);
  return button;
}

/* As a click on the response's button: the answer, and the dialog goes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate ();
}

static void
test_search_stage_text (void)
{
  UrokLessonsPage *page = lessons_page ();
  g_autofree char *demo = demo_uuid ();
  g_autoptr(GPtrArray) uuids = NULL;

  g_assert_cmpstr (page_view (page), ==, "library");

  /* "Девиз" is only in the first stage's resource and notes. */
  search_for (page, "девиз");
  uuids = shown_uuids (page);
  g_assert_cmpuint (uuids->len, ==, 1);
  g_assert_cmpstr (uuids->pdata[0], ==, demo);
  g_assert_cmpstr (results_view (page), ==, "results");
  clear_filters (page);
}

static void
test_search_no_results (void)
{
  UrokLessonsPage *page = lessons_page ();
  g_autoptr(GPtrArray) uuids = NULL;

  search_for (page, "жщфыв");
  uuids = shown_uuids (page);
  g_assert_cmpuint (uuids->len, ==, 0);
  g_assert_cmpstr (results_view (page), ==, "no-results");
  /* Still the library: the teacher has lessons, the search found none. */
  g_assert_cmpstr (page_view (page), ==, "library");
  ui_test_wait_frames (GTK_WIDGET (main_window ()), 3);
  ui_test_save_png (GTK_WIDGET (main_window ()), "lessons-no-results");

  clear_filters (page);
  g_assert_cmpstr (results_view (page), ==, "results");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page_widget (page, "search-entry"))), ==, "");
}

static void
test_filters (void)
{
  static const char *const russian_tags[] = { "орфография", "5 класс", NULL };
  static const char *const history_tags[] = { "проект", NULL };
  UrokLessonsPage *page = lessons_page ();
  g_autofree char *demo = demo_uuid ();
  g_autofree char *russian = add_lesson ("Правописание приставок на з- и с-", "Русский язык", 5,
                                         "2026-11-25", russian_tags, 5);
  g_autofree char *history = add_lesson ("Древний Египет", "История", 5, "", history_tags, 3);
  g_autofree char *physics = add_lesson ("Сила тяжести и вес тела", "Физика", 7, "2026-11-27", NULL, 6);
  g_autoptr(GPtrArray) uuids = NULL;

  choose (page, "subject-filter", "Математика");
  uuids = shown_uuids (page);
  g_assert_cmpuint (uuids->len, ==, 1);
  g_assert_cmpstr (uuids->pdata[0], ==, demo);
  g_clear_pointer (&uuids, g_ptr_array_unref);
  clear_filters (page);

  /* Grade 5: the Russian and the history lessons, not grade 6's demo. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_widget (page, "grade-filter")), 5);
  ui_test_iterate ();
  uuids = shown_uuids (page);
  g_assert_cmpuint (uuids->len, ==, 2);
  g_assert_true (shows (page, russian));
  g_assert_true (shows (page, history));
  g_assert_false (shows (page, demo));

  /* With a subject too: both filters hold. */
  choose (page, "subject-filter", "История");
  g_clear_pointer (&uuids, g_ptr_array_unref);
  uuids = shown_uuids (page);
  g_assert_cmpuint (uuids->len, ==, 1);
  g_assert_cmpstr (uuids->pdata[0], ==, history);
  clear_filters (page);

  choose (page, "tag-filter", "орфография");
  g_clear_pointer (&uuids, g_ptr_array_unref);
  uuids = shown_uuids (page);
  g_assert_cmpuint (uuids->len, ==, 1);
  g_assert_cmpstr (uuids->pdata[0], ==, russian);
  clear_filters (page);

  /* Sorted by topic: alphabetical in Russian. */
  choose (page, "sort", _("Topic"));
  g_clear_pointer (&uuids, g_ptr_array_unref);
  uuids = shown_uuids (page);
  g_assert_cmpuint (uuids->len, ==, 4);
  g_assert_cmpstr (uuids->pdata[0], ==, history);
  g_assert_cmpstr (uuids->pdata[1], ==, russian);
  g_assert_cmpstr (uuids->pdata[2], ==, physics);
  g_assert_cmpstr (uuids->pdata[3], ==, demo);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_widget (page, "sort")), 0);
  ui_test_iterate ();

  ui_test_wait_frames (GTK_WIDGET (main_window ()), 3);
  ui_test_save_png (GTK_WIDGET (main_window ()), "lessons-library");
}

static void
test_search_shortcut (void)
{
  UrokLessonsPage *page = lessons_page ();
  GtkWidget *entry = page_widget (page, "search-entry");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page_widget (page, "library"));
  g_autoptr(GtkShortcutTrigger) ctrl_f = gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK);
  gboolean bound = FALSE;
  GtkWidget *focus;

  /* Ctrl+F is the library's, wherever the focus is in the window. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      g_assert_cmpint (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)), ==,
                       GTK_SHORTCUT_SCOPE_MANAGED);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), ctrl_f) &&
              GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "lesson.search"))
            bound = TRUE;
        }
    }
  g_assert_true (bound);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.search", NULL));
  ui_test_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (main_window ()));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

/* New lesson from a bundled template: the chooser, then the editor. */
static void
test_new_from_bundled_template (void)
{
  UrokLessonsPage *page = lessons_page ();
  g_autoptr(GListModel) templates = urok_bundled_templates_load ();
  g_autoptr(UrokLesson) template = NULL;
  g_autoptr(UrokLesson) created = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(UrokLessonInfo) info = NULL;
  UrokLessonQuery query = { .text = "Тысячные доли" };
  AdwMessageDialog *dialog;
  GtkWidget *chooser;
  UrokLesson *edited;

  /* At least four typical lesson types are bundled. */
  g_assert_cmpuint (g_list_model_get_n_items (templates), >=, 4);
  template = g_list_model_get_item (templates, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.new", NULL));
  ui_test_iterate ();
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  chooser = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (UROK_IS_TEMPLATE_CHOOSER (chooser));
  g_assert_cmpstr (urok_template_chooser_get_selected (UROK_TEMPLATE_CHOOSER (chooser)), ==, UROK_TEMPLATE_BLANK);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));

  g_assert_true (urok_template_chooser_select (UROK_TEMPLATE_CHOOSER (chooser),
                                               g_object_get_data (G_OBJECT (template), "template-id")));
  gtk_editable_set_text (GTK_EDITABLE (chooser), "Тысячные доли");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "accept"));
  ui_test_wait_frames (GTK_WIDGET (dialog), 3);
  ui_test_save_png (GTK_WIDGET (dialog), "lessons-templates");
  respond (dialog, "accept");

  found = urok_store_search_lessons (store (), &query, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  info = g_list_model_get_item (found, 0);
  g_assert_cmpstr (urok_lesson_info_get_title (info), ==, "Тысячные доли");
  created = urok_store_load_lesson (store (), urok_lesson_info_get_uuid (info), NULL);
  g_assert_nonnull (created);
  g_assert_false (urok_lesson_get_is_template (created));
  g_assert_cmpstr (urok_lesson_get_uuid (created), !=, urok_lesson_get_uuid (template));
  g_assert_cmpuint (g_list_model_get_n_items (urok_lesson_get_stages (created)), ==,
                    g_list_model_get_n_items (urok_lesson_get_stages (template)));
  for (guint i = 0; i < g_list_model_get_n_items (urok_lesson_get_stages (template)); i++)
    {
      g_autoptr(UrokStage) want = g_list_model_get_item (urok_lesson_get_stages (template), i);
      g_autoptr(UrokStage) got = g_list_model_get_item (urok_lesson_get_stages (created), i);

      g_assert_cmpstr (urok_stage_get_title (got), ==, urok_stage_get_title (want));
      g_assert_cmpint (urok_stage_get_duration_minutes (got), ==, urok_stage_get_duration_minutes (want));
      g_assert_cmpstr (urok_stage_get_uuid (got), !=, urok_stage_get_uuid (want));
    }

  /* The teacher lands in the editor, on the new lesson. */
  g_assert_cmpstr (page_view (page), ==, "editor");
  edited = urok_lesson_editor_get_lesson (page_editor (page));
  g_assert_nonnull (edited);
  g_assert_cmpstr (urok_lesson_get_uuid (edited), ==, urok_lesson_get_uuid (created));

  /* Back to the library, on the lesson just made. */
  g_signal_emit_by_name (page_editor (page), "close-requested");
  ui_test_iterate ();
  g_assert_cmpstr (page_view (page), ==, "library");
  g_assert_true (shows (page, urok_lesson_get_uuid (created)));
}

/* A lesson saved as a template appears among the templates and starts new
 * lessons with its stages. */
static void
test_own_template (void)
{
  UrokLessonsPage *page = lessons_page ();
  g_autofree char *demo = demo_uuid ();
  g_autoptr(UrokLesson) original = urok_store_load_lesson (store (), demo, NULL);
  g_autoptr(GPtrArray) uuids = NULL;
  g_autoptr(UrokLesson) created = NULL;
  g_autoptr(UrokLesson) saved = NULL;
  UrokLessonQuery query = { .text = "Занимательная нумизматика" };
  g_autoptr(GListModel) found = NULL;
  g_autoptr(UrokLessonInfo) info = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *chooser;
  const char *template;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.save-as-template", "s", demo));
  ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.collection", "s", "templates"));
  ui_test_iterate ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (page_widget (page, "templates-toggle"))));
  uuids = shown_uuids (page);
  g_assert_cmpuint (uuids->len, ==, 1);
  g_assert_cmpstr (uuids->pdata[0], !=, demo);
  template = uuids->pdata[0];
  saved = urok_store_load_lesson (store (), template, NULL);
  g_assert_true (urok_lesson_get_is_template (saved));
  g_assert_cmpstr (urok_lesson_get_planned_date (saved), ==, "");
  ui_test_wait_frames (GTK_WIDGET (main_window ()), 3);
  ui_test_save_png (GTK_WIDGET (main_window ()), "lessons-own-templates");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.new-from-template", "s", template));
  ui_test_iterate ();
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  chooser = adw_message_dialog_get_extra_child (dialog);
  g_assert_cmpstr (urok_template_chooser_get_selected (UROK_TEMPLATE_CHOOSER (chooser)), ==, template);
  gtk_editable_set_text (GTK_EDITABLE (chooser), "Занимательная нумизматика");
  ui_test_wait_frames (GTK_WIDGET (dialog), 3);
  ui_test_save_png (GTK_WIDGET (dialog), "lessons-templates-own");
  respond (dialog, "accept");

  found = urok_store_search_lessons (store (), &query, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  info = g_list_model_get_item (found, 0);
  created = urok_store_load_lesson (store (), urok_lesson_info_get_uuid (info), NULL);
  g_assert_false (urok_lesson_get_is_template (created));
  g_assert_cmpuint (g_list_model_get_n_items (urok_lesson_get_stages (created)), ==,
                    g_list_model_get_n_items (urok_lesson_get_stages (original)));
  g_assert_cmpstr (page_view (page), ==, "editor");

  page = lessons_page ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.collection", "s", "lessons"));
  ui_test_iterate ();
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (page_widget (page, "lessons-toggle"))));
  g_assert_true (shows (page, demo));
}

static void
test_duplicate (void)
{
  UrokLessonsPage *page = lessons_page ();
  g_autofree char *demo = demo_uuid ();
  g_autoptr(GPtrArray) before = shown_uuids (page);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(UrokLesson) original = urok_store_load_lesson (store (), demo, NULL);
  g_autoptr(UrokLesson) copy = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.duplicate", "s", demo));
  ui_test_iterate ();
  after = shown_uuids (page);
  g_assert_cmpuint (after->len, ==, before->len + 1);

  /* The newest first: the copy, with the demo's stages under new uuids. */
  g_assert_cmpstr (after->pdata[0], !=, demo);
  copy = urok_store_load_lesson (store (), after->pdata[0], NULL);
  g_assert_nonnull (copy);
  g_assert_false (urok_lesson_get_is_template (copy));
  g_assert_cmpuint (g_list_model_get_n_items (urok_lesson_get_stages (copy)), ==,
                    g_list_model_get_n_items (urok_lesson_get_stages (original)));
  /* Named so that the two can be told apart. */
  g_assert_true (g_str_has_prefix (urok_lesson_get_topic (copy), urok_lesson_get_topic (original)));
  g_assert_cmpstr (urok_lesson_get_topic (copy), !=, urok_lesson_get_topic (original));
}

static void
test_delete_undo (void)
{
  UrokLessonsPage *page = lessons_page ();
  g_autofree char *uuid = add_lesson ("Удалить и вернуть", "Математика", 6, "", NULL, 2);

  g_assert_true (shows (page, uuid));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.delete", "s", uuid));
  ui_test_iterate ();
  /* Gone from the list at once, still in the store while Undo is offered. */
  g_assert_false (shows (page, uuid));
  g_assert_true (in_store (uuid));

  g_signal_emit_by_name (toast_button (g_dgettext (GETTEXT_PACKAGE, "_Undo"), NULL), "clicked");
  ui_test_wait_frames (GTK_WIDGET (main_window ()), 3);
  g_assert_true (shows (page, uuid));
  g_assert_true (in_store (uuid));
}

static void
test_delete (void)
{
  UrokLessonsPage *page = lessons_page ();
  g_autofree char *uuid = add_lesson ("Удалить насовсем", "Математика", 6, "", NULL, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokLesson) lesson = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.delete", "s", uuid));
  ui_test_iterate ();
  g_assert_false (shows (page, uuid));
  g_assert_true (in_store (uuid));

  /* The toast goes without Undo: now the lesson is deleted. */
  g_signal_emit_by_name (toast_button (NULL, "window-close-symbolic"), "clicked");
  ui_test_iterate ();
  lesson = urok_store_load_lesson (store (), uuid, &error);
  g_assert_null (lesson);
  g_assert_nonnull (error);
  g_assert_false (shows (page, uuid));
}

/* The package's lesson is open in the editor: the import is done. */
static gboolean
editor_shows (gpointer uuid)
{
  /* Not lessons_page(), which closes the editor. */
  UrokLessonsPage *page = UROK_LESSONS_PAGE (urok_window_get_page (main_window (), "lessons"));
  UrokLesson *lesson = urok_lesson_editor_get_lesson (page_editor (page));

  return g_strcmp0 (page_view (page), "editor") == 0 && lesson != NULL &&
         g_strcmp0 (urok_lesson_get_uuid (lesson), uuid) == 0;
}

static gboolean
dialog_shown (gpointer data)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_import_package (void)
{
  UrokLessonsPage *page = lessons_page ();
  g_autofree char *uuid = add_lesson ("Урок из пакета", "География", 8, "2026-12-01", NULL, 4);
  g_autoptr(UrokLesson) original = urok_store_load_lesson (store (), uuid, NULL);
  g_autoptr(UrokLesson) imported = NULL;
  g_autofree char *path = core_test_path ("урок.urok");
  g_autofree char *broken_path = core_test_path ("broken.urok");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  UrokLesson *edited;

  g_assert_true (urok_lesson_package_export (store (), original, path, &error));
  g_assert_no_error (error);
  g_assert_true (urok_store_delete_lesson (store (), uuid, &error));
  g_assert_no_error (error);
  ui_test_iterate ();
  g_assert_false (in_store (uuid));

  /* As `urok урок.urok` or a double click in the file manager does. */
  g_assert_true (urok_lessons_page_is_package (file));
  g_application_open (G_APPLICATION (app), &file, 1, "");
  ui_test_wait_for (editor_shows, uuid);

  imported = urok_store_load_lesson (store (), uuid, NULL);
  g_assert_nonnull (imported);
  g_assert_true (urok_lesson_equal (imported, original));
  g_assert_cmpstr (urok_window_get_section (main_window ()), ==, "lessons");
  g_assert_cmpstr (page_view (page), ==, "editor");
  edited = urok_lesson_editor_get_lesson (page_editor (page));
  g_assert_cmpstr (urok_lesson_get_uuid (edited), ==, uuid);

  /* A damaged package: a dialog naming the file, and nothing changes. */
  g_assert_true (g_file_set_contents (broken_path, "PK\003\004 not really a zip", -1, &error));
  g_assert_no_error (error);
  g_application_open (G_APPLICATION (app), &broken, 1, "");
  ui_test_wait_for (dialog_shown, NULL);
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken.urok"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  ui_test_wait_frames (GTK_WIDGET (dialog), 3);
  ui_test_save_png (GTK_WIDGET (dialog), "lessons-import-error");
  respond (dialog, "close");
  g_assert_true (in_store (uuid));
}

/* Quitting while Undo is still offered loses nothing: the lesson stays, and
 * a new window shows it.  Last, as it closes the window. */
static void
test_quit_keeps_pending_delete (void)
{
  UrokLessonsPage *page = lessons_page ();
  g_autofree char *uuid = add_lesson ("Удалить перед выходом", "Математика", 6, "", NULL, 1);
  GtkWindow *window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.delete", "s", uuid));
  ui_test_iterate ();
  g_assert_false (shows (page, uuid));
  g_assert_true (in_store (uuid));

  gtk_window_destroy (GTK_WINDOW (main_window ()));
  ui_test_iterate ();
  g_assert_true (in_store (uuid));

  /* As at the next start. */
  g_application_activate (G_APPLICATION (app));
  ui_test_iterate ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (UROK_IS_WINDOW (window));
  g_assert_true (shows (lessons_page (), uuid));
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

  g_test_add_func ("/ui/lessons/search-stage-text", test_search_stage_text);
  g_test_add_func ("/ui/lessons/search-no-results", test_search_no_results);
  g_test_add_func ("/ui/lessons/filters", test_filters);
  g_test_add_func ("/ui/lessons/search-shortcut", test_search_shortcut);
  g_test_add_func ("/ui/lessons/new-from-bundled-template", test_new_from_bundled_template);
  g_test_add_func ("/ui/lessons/own-template", test_own_template);
  g_test_add_func ("/ui/lessons/duplicate", test_duplicate);
  g_test_add_func ("/ui/lessons/delete-undo", test_delete_undo);
  g_test_add_func ("/ui/lessons/delete", test_delete);
  g_test_add_func ("/ui/lessons/import-package", test_import_package);
  g_test_add_func ("/ui/lessons/quit-keeps-pending-delete", test_quit_keeps_pending_delete);

  ret = g_test_run ();
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  if (*core_test_root () != NULL)
    {
      g_autoptr(GFile) tmp = g_file_new_for_path (*core_test_root ());

      core_test_remove_tree (tmp);
    }
  root = g_file_new_for_path (dirs);
  core_test_remove_tree (root);
  return ret;
}
