/* test-lesson-editor.c: a lesson is built in the real editor through its
 * actions, its fields and drag-and-drop; every step undoes and redoes, the
 * store gets it within a second, and the timeline shows it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core-test-util.h"
#include "ui-test-util.h"
#include "urok-lesson-editor.h"
#include "urok-lessons-page.h"
#include "urok-resource-row.h"
#include "urok-stage-row.h"
#include "urok-timeline.h"

static UrokApplication *app;
static char *demo_uuid;
static char *files_dir;

/* The X server answers a resize in its own time: draw only once the window
 * has taken a new width and been laid out at it. */
static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
resize_window (GtkWindow *window,
               int        width,
               int        height)
{
  int old_width = gtk_widget_get_width (GTK_WIDGET (window));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  /* Wakes the loop below when nothing else happens. */
  guint tick = g_timeout_add (50, tick_cb, NULL);

  gtk_window_set_default_size (window, width, height);
  while (old_width != width && gtk_widget_get_width (GTK_WIDGET (window)) == old_width &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  ui_test_wait_frames (GTK_WIDGET (window), 3);
}

static UrokWindow *
main_window (void)
{
  GtkWindow *window;

  if (app == NULL)
    {
      app = ui_test_start_app ();
      window = gtk_application_get_active_window (GTK_APPLICATION (app));
      resize_window (window, 1180, 760);
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

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = ui_test_find_named (root, name);

  g_assert_nonnull (widget);
  return widget;
}

/* The demo lesson, open in the Lessons section's editor. */
static UrokLessonEditor *
open_editor (void)
{
  UrokWindow *window = main_window ();
  UrokLessonsPage *page = UROK_LESSONS_PAGE (urok_window_get_page (window, "lessons"));
  GtkStack *stack = GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (page)));
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "lessons"));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "editor") != 0)
    {
      g_assert_true (urok_lessons_page_show_lesson (page, demo_uuid, &error));
      g_assert_no_error (error);
    }
  ui_test_wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "editor");
  return UROK_LESSON_EDITOR (gtk_stack_get_child_by_name (stack, "editor"));
}

static UrokLesson *
lesson (void)
{
  return urok_lesson_editor_get_lesson (open_editor ());
}

static guint
n_stages (void)
{
  return g_list_model_get_n_items (urok_lesson_get_stages (lesson ()));
}

static UrokStage *
stage_at (guint index)
{
  /* The lesson keeps it. */
  g_autoptr(UrokStage) stage = g_list_model_get_item (urok_lesson_get_stages (lesson ()), index);
  return stage;
}

static void
activate (const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (open_editor ()), action, parameter));
  ui_test_iterate ();
}

static void
select_stage (int index)
{
  activate ("lesson.select-stage", g_variant_new_int32 (index));
  g_assert_cmpint (urok_lesson_editor_get_selected_stage (open_editor ()), ==, index);
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
}

/* What a drop at the middle (or lower quarter) of @row does, as the drop
 * target's "drop" signal sees it. */
static gboolean
drop_on (GtkWidget    *target_widget,
         GtkWidget    *row,
         gboolean      lower,
         const GValue *value)
{
  graphene_rect_t bounds;
  gboolean handled = FALSE;

  /* Rows just added have no place until laid out. */
  ui_test_wait_frames (target_widget, 2);
  g_assert_true (gtk_widget_compute_bounds (row, target_widget, &bounds));
  g_signal_emit_by_name (drop_target_of (target_widget), "drop", value,
                         bounds.origin.x + bounds.size.width / 2,
                         bounds.origin.y + bounds.size.height * (lower ? 0.75 : 0.25),
                         &handled);
  ui_test_iterate ();
  return handled;
}

static GtkWidget *
stage_row (guint index)
{
  GtkListBox *list = GTK_LIST_BOX (named (GTK_WIDGET (open_editor ()), "stage-list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_true (UROK_IS_STAGE_ROW (row));
  return GTK_WIDGET (row);
}

static GFile *
make_file (const char *name,
           const char *contents)
{
  g_autofree char *path = g_build_filename (files_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GFile *
make_png (const char *name)
{
  static const guchar pixels[] = { 255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255 };
  g_autoptr(GBytes) bytes = g_bytes_new_static (pixels, sizeof pixels);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (2, 2, GDK_MEMORY_R8G8B8A8, bytes, 8);
  g_autofree char *path = g_build_filename (files_dir, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  return g_file_new_for_path (path);
}

/* The open message dialog with @heading (one just answered may still be
 * closing). */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  g_error ("No dialog “%s”", heading);
}

/* Files are copied in a thread: waits until @stage has @count resources. */
static void
wait_resources (UrokStage *stage,
                guint      count)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (urok_stage_get_resources (stage)) != count &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  ui_test_iterate ();
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static void
test_open_demo (void)
{
  UrokLessonEditor *editor = open_editor ();
  g_autoptr(UrokLesson) stored = urok_store_load_lesson (store (), demo_uuid, NULL);
  GtkListBox *list = GTK_LIST_BOX (named (GTK_WIDGET (editor), "stage-list"));

  g_assert_nonnull (stored);
  g_assert_true (urok_lesson_equal (stored, lesson ()));
  g_assert_cmpuint (n_stages (), >=, 6);
  for (guint i = 0; i < n_stages (); i++)
    g_assert_true (urok_stage_row_get_stage (UROK_STAGE_ROW (stage_row (i))) == stage_at (i));
  g_assert_null (gtk_list_box_get_row_at_index (list, n_stages ()));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (GTK_WIDGET (editor), "topic-row"))), ==,
                   urok_lesson_get_topic (lesson ()));
  /* Ctrl+Z is the lesson's, not the field's. */
  g_assert_false (gtk_editable_get_enable_undo (GTK_EDITABLE (named (GTK_WIDGET (editor), "topic-row"))));
  g_assert_cmpint (urok_lesson_editor_get_selected_stage (editor), ==, -1);
}

/* Typing into fields edits the lesson; undo and redo go back and forth,
 * and the fields follow. */
static void
test_fields_undo_redo (void)
{
  UrokLessonEditor *editor = open_editor ();
  GtkEditable *topic = GTK_EDITABLE (named (GTK_WIDGET (editor), "topic-row"));
  GtkSpinButton *length = GTK_SPIN_BUTTON (named (GTK_WIDGET (editor), "length-spin"));
  g_autofree char *old_topic = g_strdup (urok_lesson_get_topic (lesson ()));
  int old_length = urok_lesson_get_duration_minutes (lesson ());
  GtkTextBuffer *activity;

  activate ("lesson.show-details", NULL);
  gtk_editable_set_text (topic, "Сложение дробей");
  g_assert_cmpstr (urok_lesson_get_topic (lesson ()), ==, "Сложение дробей");
  gtk_spin_button_set_value (length, 40);
  g_assert_cmpint (urok_lesson_get_duration_minutes (lesson ()), ==, 40);

  activate ("lesson.undo", NULL);
  g_assert_cmpint (urok_lesson_get_duration_minutes (lesson ()), ==, old_length);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (length), ==, old_length);
  activate ("lesson.undo", NULL);
  g_assert_cmpstr (urok_lesson_get_topic (lesson ()), ==, old_topic);
  g_assert_cmpstr (gtk_editable_get_text (topic), ==, old_topic);

  activate ("lesson.redo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (topic), ==, "Сложение дробей");
  activate ("lesson.redo", NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (length), ==, 40);

  /* A stage's text field, the same way. */
  select_stage (0);
  activity = gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (GTK_WIDGET (editor), "teacher-activity-view")));
  g_assert_false (gtk_text_buffer_get_enable_undo (activity));
  gtk_text_buffer_set_text (activity, "Приветствует класс.", -1);
  g_assert_cmpstr (urok_stage_get_teacher_activity (stage_at (0)), ==, "Приветствует класс.");
  activate ("lesson.undo", NULL);
  g_assert_cmpstr (urok_stage_get_teacher_activity (stage_at (0)), !=, "Приветствует класс.");
  activate ("lesson.redo", NULL);
  g_assert_cmpstr (urok_stage_get_teacher_activity (stage_at (0)), ==, "Приветствует класс.");
}

/* Stages are added with a kind, reordered by keyboard and by drag and
 * drop, removed; all of it undoes. */
static void
test_stages (void)
{
  UrokLessonEditor *editor = open_editor ();
  g_autoptr(UrokLesson) before = urok_lesson_copy (lesson (), FALSE);
  g_autoptr(UrokLesson) after = NULL;
  guint n = n_stages ();
  g_auto(GValue) value = G_VALUE_INIT;
  UrokStage *added;
  UrokStage *first;

  /* After the selected stage, of the kind chosen, and shown. */
  select_stage (1);
  activate ("lesson.add-stage", g_variant_new_string ("summary"));
  g_assert_cmpuint (n_stages (), ==, n + 1);
  added = stage_at (2);
  g_assert_cmpstr (urok_stage_get_kind (added), ==, "summary");
  g_assert_cmpint (urok_lesson_editor_get_selected_stage (editor), ==, 2);
  g_assert_true (gtk_widget_is_visible (named (GTK_WIDGET (editor), "stage-editor")));

  /* Its title through the stage editor. */
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (editor), "stage-title-row")), "Итог");
  g_assert_cmpstr (urok_stage_get_title (added), ==, "Итог");

  /* Alt+Up/Down's actions move it and keep it selected. */
  activate ("lesson.move-stage-up", NULL);
  g_assert_true (stage_at (1) == added);
  activate ("lesson.move-stage-down", NULL);
  activate ("lesson.move-stage-down", NULL);
  g_assert_true (stage_at (3) == added);
  g_assert_cmpint (urok_lesson_editor_get_selected_stage (editor), ==, 3);

  /* Dragged onto the upper half of the first row: it becomes first. */
  g_value_init (&value, UROK_TYPE_STAGE);
  g_value_set_object (&value, added);
  g_assert_true (drop_on (named (GTK_WIDGET (editor), "stage-list"), stage_row (0), FALSE, &value));
  g_assert_true (stage_at (0) == added);
  g_assert_true (urok_stage_row_get_stage (UROK_STAGE_ROW (stage_row (0))) == added);

  /* The old first stage, dropped on the lower half of the third row, goes
   * after it. */
  first = stage_at (1);
  g_value_set_object (&value, first);
  g_assert_true (drop_on (named (GTK_WIDGET (editor), "stage-list"), stage_row (2), TRUE, &value));
  g_assert_true (stage_at (2) == first);

  after = urok_lesson_copy (lesson (), FALSE);

  /* Removed, then back with one undo. */
  select_stage (0);
  activate ("lesson.remove-stage", NULL);
  g_assert_cmpuint (n_stages (), ==, n);
  g_assert_cmpint (urok_lesson_editor_get_selected_stage (editor), ==, 0);
  activate ("lesson.undo", NULL);
  g_assert_true (urok_lesson_equal (lesson (), after));

  /* Everything since the start of the test undoes, and redoes: seven
   * steps (add, title, three moves by key, two by drag). */
  for (guint i = 0; i < 7; i++)
    activate ("lesson.undo", NULL);
  g_assert_true (urok_lesson_equal (lesson (), before));
  for (guint i = 0; i < 7; i++)
    activate ("lesson.redo", NULL);
  g_assert_true (urok_lesson_equal (lesson (), after));
  ui_test_wait_frames (GTK_WIDGET (editor), 2);
  for (guint i = 0; i < n_stages (); i++)
    g_assert_true (urok_stage_row_get_stage (UROK_STAGE_ROW (stage_row (i))) == stage_at (i));
}

static guint
n_resources (UrokStage *stage)
{
  return g_list_model_get_n_items (urok_stage_get_resources (stage));
}

static UrokResource *
resource_at (UrokStage *stage,
             guint      index)
{
  g_autoptr(UrokResource) resource = g_list_model_get_item (urok_stage_get_resources (stage), index);
  return resource;
}

/* Files dropped on the shown stage or on another stage's row become media
 * resources; resources move by drag and drop, within and across stages. */
static void
test_resources_dnd (void)
{
  UrokLessonEditor *editor = open_editor ();
  g_autoptr(GFile) png = make_png ("дроби.png");
  g_autoptr(GFile) text = make_file ("notes.txt", "Заметки к уроку\n");
  GdkFileList *files = NULL;
  g_autofree char *media_dir = urok_store_dup_lesson_media_dir (store (), urok_lesson_get_uuid (lesson ()));
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *list = NULL;
  GtkWidget *stage_editor;
  GtkWidget *resource_list;
  UrokStage *shown;
  UrokStage *other;
  UrokResource *image;
  guint n;

  select_stage (2);
  shown = stage_at (2);
  other = stage_at (4);
  n = n_resources (shown);
  stage_editor = named (GTK_WIDGET (editor), "stage-editor");
  resource_list = named (stage_editor, "resource-list");

  /* Two files on the shown stage's page (on its title, outside the list):
   * one step, two media resources at the end. */
  list = g_slist_append (g_slist_append (NULL, png), text);
  files = gdk_file_list_new_from_list (list);
  g_slist_free (list);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_assert_true (drop_on (stage_editor, named (stage_editor, "stage-title-row"), FALSE, &value));
  wait_resources (shown, n + 2);
  g_assert_cmpuint (n_resources (shown), ==, n + 2);
  image = resource_at (shown, n);
  g_assert_cmpint (urok_resource_get_kind (image), ==, UROK_RESOURCE_MEDIA);
  g_assert_cmpstr (urok_resource_get_media_type (image), ==, "image/png");
  g_assert_cmpstr (urok_resource_get_title (image), ==, "дроби.png");
  {
    g_autofree char *copied = g_build_filename (media_dir, urok_resource_get_target (image), NULL);
    g_assert_true (g_file_test (copied, G_FILE_TEST_IS_REGULAR));
  }
  g_assert_cmpint (urok_resource_get_kind (resource_at (shown, n + 1)), ==, UROK_RESOURCE_MEDIA);
  ui_test_iterate ();
  g_assert_true (UROK_IS_RESOURCE_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (resource_list), n)));
  activate ("lesson.undo", NULL);
  g_assert_cmpuint (n_resources (shown), ==, n);
  activate ("lesson.redo", NULL);
  g_assert_cmpuint (n_resources (shown), ==, n + 2);

  /* The image, dragged onto the upper half of the first resource row. */
  g_value_unset (&value);
  g_value_init (&value, UROK_TYPE_RESOURCE);
  g_value_set_object (&value, image);
  g_assert_true (drop_on (stage_editor,
                          GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (resource_list), 0)),
                          FALSE, &value));
  g_assert_true (resource_at (shown, 0) == image);

  /* Onto another stage's row: it moves there, at the end. */
  {
    guint n_other = n_resources (other);

    g_assert_true (drop_on (named (GTK_WIDGET (editor), "stage-list"), stage_row (4), FALSE, &value));
    g_assert_cmpuint (n_resources (other), ==, n_other + 1);
    g_assert_true (resource_at (other, n_other) == image);
    g_assert_cmpuint (n_resources (shown), ==, n + 1);
  }

  /* Files dropped on a stage's row go to that stage. */
  g_value_unset (&value);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  {
    guint n_other = n_resources (other);

    g_assert_true (drop_on (named (GTK_WIDGET (editor), "stage-list"), stage_row (4), FALSE, &value));
    wait_resources (other, n_other + 2);
    g_assert_cmpuint (n_resources (other), ==, n_other + 2);
  }

  /* Back to the shown stage's resources: moved with the keyboard's actions,
   * then removed. */
  {
    UrokResource *last = resource_at (shown, n_resources (shown) - 1);
    guint count = n_resources (shown);

    activate ("lesson.move-resource-up", g_variant_new_string (urok_resource_get_uuid (last)));
    g_assert_true (resource_at (shown, count - 2) == last);
    activate ("lesson.remove-resource", g_variant_new_string (urok_resource_get_uuid (last)));
    g_assert_cmpuint (n_resources (shown), ==, count - 1);
    activate ("lesson.undo", NULL);
    g_assert_true (resource_at (shown, count - 2) == last);
  }
  g_boxed_free (GDK_TYPE_FILE_LIST, files);
}

/* The pickers that need no file chooser: a board page, a web link (checked
 * to be http or https) and a text card. */
static void
test_resource_pickers (void)
{
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  UrokStage *shown;
  UrokResource *resource;
  guint n;

  select_stage (1);
  shown = stage_at (1);
  n = n_resources (shown);

  activate ("lesson.add-board-page", NULL);
  g_assert_cmpuint (n_resources (shown), ==, n + 1);
  resource = resource_at (shown, n);
  g_assert_cmpint (urok_resource_get_kind (resource), ==, UROK_RESOURCE_BOARD_PAGE);
  g_assert_cmpstr (urok_resource_get_board (resource), ==, "{}");

  activate ("lesson.add-link", NULL);
  dialog = find_dialog (_("Add a Web Link"));
  extra = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (named (extra, "resource-target")), "ftp://example.org/x");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  gtk_editable_set_text (GTK_EDITABLE (named (extra, "resource-target")), "resh.edu.ru/subject/lesson/6886");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "accept"));
  gtk_editable_set_text (GTK_EDITABLE (named (extra, "resource-title")), "РЭШ: урок 6886");
  adw_message_dialog_response (dialog, "accept");
  ui_test_iterate ();
  g_assert_cmpuint (n_resources (shown), ==, n + 2);
  resource = resource_at (shown, n + 1);
  g_assert_cmpint (urok_resource_get_kind (resource), ==, UROK_RESOURCE_LINK);
  g_assert_cmpstr (urok_resource_get_target (resource), ==, "https://resh.edu.ru/subject/lesson/6886");
  g_assert_cmpstr (urok_resource_get_title (resource), ==, "РЭШ: урок 6886");

  activate ("lesson.add-text", NULL);
  dialog = find_dialog (_("Add a Text or Formula Card"));
  extra = adw_message_dialog_get_extra_child (dialog);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (extra, "resource-text"))),
                            "$\\frac{a}{c} + \\frac{b}{c} = \\frac{a + b}{c}$", -1);
  adw_message_dialog_response (dialog, "accept");
  ui_test_iterate ();
  g_assert_cmpuint (n_resources (shown), ==, n + 3);
  g_assert_cmpint (urok_resource_get_kind (resource_at (shown, n + 2)), ==, UROK_RESOURCE_TEXT);

  /* Edited through the same dialog, as one undoable step. */
  activate ("lesson.edit-resource", g_variant_new_string (urok_resource_get_uuid (resource)));
  dialog = find_dialog (_("Edit Web Link"));
  gtk_editable_set_text (GTK_EDITABLE (named (adw_message_dialog_get_extra_child (dialog), "resource-title")),
                         "Урок РЭШ");
  adw_message_dialog_response (dialog, "accept");
  ui_test_iterate ();
  g_assert_cmpstr (urok_resource_get_title (resource), ==, "Урок РЭШ");
  activate ("lesson.undo", NULL);
  g_assert_cmpstr (urok_resource_get_title (resource), ==, "РЭШ: урок 6886");
  activate ("lesson.redo", NULL);
}

/* Within a second of the last edit the store has the lesson as edited. */
static void
test_autosave (void)
{
  UrokLessonEditor *editor = open_editor ();
  g_autoptr(UrokLesson) stored = NULL;
  g_autoptr(GError) error = NULL;

  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (editor), "stage-title-row")), "Итог урока");
  wait_ms (1100);
  stored = urok_store_load_lesson (store (), urok_lesson_get_uuid (lesson ()), &error);
  g_assert_no_error (error);
  g_assert_true (urok_lesson_equal (stored, lesson ()));
}

/* A save that fails (another connection holds the database) keeps the
 * edit, says so, and succeeds once the database is free again. */
static void
test_save_error (void)
{
  UrokLessonEditor *editor = open_editor ();
  GtkRevealer *banner = GTK_REVEALER (named (GTK_WIDGET (editor), "save-error-banner"));
  g_autoptr(UrokStore) other = NULL;
  g_autoptr(UrokLesson) stored = NULL;
  g_autoptr(GError) error = NULL;

  other = urok_store_open (urok_store_get_path (store ()), &error);
  g_assert_no_error (error);
  g_assert_true (urok_store_begin (other, &error));

  activate ("lesson.show-details", NULL);
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (editor), "subject-row")), "Математика, 6 класс");
  g_assert_false (urok_lesson_editor_flush (editor, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_cmpstr (urok_lesson_get_subject (lesson ()), ==, "Математика, 6 класс");

  /* Closing does not leave unsaved edits behind the library. */
  activate ("lesson.close", NULL);
  g_assert_true (open_editor () == editor);
  g_assert_true (gtk_revealer_get_reveal_child (banner));

  urok_store_rollback (other);
  activate ("lesson.save", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  stored = urok_store_load_lesson (store (), urok_lesson_get_uuid (lesson ()), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (urok_lesson_get_subject (stored), ==, "Математика, 6 класс");
}

static UrokTimeline *
timeline (void)
{
  return UROK_TIMELINE (named (GTK_WIDGET (open_editor ()), "timeline"));
}

/* Segments as wide as their minutes; a warning when the stages overrun;
 * a click selects the stage. */
static void
test_timeline (void)
{
  UrokLessonEditor *editor = open_editor ();
  UrokTimeline *strip = timeline ();
  graphene_rect_t first, second;
  g_autoptr(GListModel) controllers = NULL;
  GtkGesture *click = NULL;
  int length = urok_lesson_get_duration_minutes (lesson ());
  int planned;

  ui_test_wait_frames (GTK_WIDGET (editor), 2);
  for (guint i = 0; i + 1 < n_stages (); i++)
    {
      int a = urok_stage_get_duration_minutes (stage_at (i));
      int b = urok_stage_get_duration_minutes (stage_at (i + 1));

      g_assert_true (urok_timeline_get_segment (strip, i, &first));
      g_assert_true (urok_timeline_get_segment (strip, i + 1, &second));
      g_assert_cmpfloat_with_epsilon (first.origin.x + first.size.width, second.origin.x, 0.01);
      if (a > 0 && b > 0)
        g_assert_cmpfloat_with_epsilon (first.size.width / second.size.width, (double)a / b, 0.01);
    }

  /* The lesson as long as its stages: it fits, with no warning. */
  planned = urok_lesson_get_planned_minutes (lesson ());
  activate ("lesson.show-details", NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (GTK_WIDGET (editor), "length-spin")), planned);
  g_assert_cmpint (urok_lesson_get_fit (lesson ()), ==, UROK_LESSON_FITS);
  ui_test_wait_frames (GTK_WIDGET (editor), 2);
  g_assert_null (urok_timeline_get_warning (strip));

  /* A stage five minutes longer: the stages overrun. */
  select_stage (2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (GTK_WIDGET (editor), "stage-duration-spin")),
                             urok_stage_get_duration_minutes (stage_at (2)) + 5);
  g_assert_cmpint (urok_lesson_get_fit (lesson ()), ==, UROK_LESSON_OVERRUNS);
  ui_test_wait_frames (GTK_WIDGET (editor), 2);
  g_assert_nonnull (urok_timeline_get_warning (strip));
  g_assert_true (gtk_widget_is_visible (named (GTK_WIDGET (strip), "timeline-warning")));
  g_assert_true (gtk_widget_has_css_class (named (GTK_WIDGET (strip), "timeline-warning"), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (strip), "timeline-warning"))), "5"));
  /* The strip spans the planned minutes now: the last segment ends at its
   * right end. */
  g_assert_true (urok_timeline_get_segment (strip, n_stages () - 1, &first));
  g_assert_cmpfloat_with_epsilon (first.origin.x + first.size.width,
                                  gtk_widget_get_width (GTK_WIDGET (strip)) - 4, 0.5);
  ui_test_save_png (GTK_WIDGET (main_window ()), "lesson-timeline");

  /* A click (release) on the fourth segment opens the fourth stage. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (strip));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        click = GTK_GESTURE (controller);
    }
  g_assert_nonnull (click);
  g_assert_true (urok_timeline_get_segment (strip, 3, &first));
  g_signal_emit_by_name (click, "released", 1,
                         (double)first.origin.x + first.size.width / 2,
                         (double)first.origin.y + first.size.height / 2);
  ui_test_iterate ();
  g_assert_cmpint (urok_lesson_editor_get_selected_stage (editor), ==, 3);
  g_assert_cmpint (urok_timeline_get_selected (strip), ==, 3);
  g_assert_cmpint (urok_timeline_stage_at (strip, first.origin.x + 1), ==, 3);

  activate ("lesson.undo", NULL);
  ui_test_wait_frames (GTK_WIDGET (editor), 2);
  g_assert_cmpint (urok_lesson_get_fit (lesson ()), ==, UROK_LESSON_FITS);
  g_assert_null (urok_timeline_get_warning (strip));
  activate ("lesson.undo", NULL);
  g_assert_cmpint (urok_lesson_get_duration_minutes (lesson ()), ==, length);
}

/* Every key binding of the editor is in the shortcuts window, under the
 * same accelerator. */
static void
test_shortcuts_listed (void)
{
  UrokLessonEditor *editor = open_editor ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (APP_PATH "gtk/help-overlay.ui");
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (editor));
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

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          gboolean found = FALSE;

          if (!GTK_IS_NAMED_ACTION (action) || !GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          n_bindings++;
          g_test_message ("%s %s", gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                          gtk_shortcut_trigger_to_string (trigger));
          for (guint k = 0; k < listed->len && !found; k++)
            {
              const char *accels = g_ptr_array_index (listed, k);
              g_auto(GStrv) each = g_strsplit (accels, " ", -1);

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
            g_error ("%s (%s) is not in the shortcuts window",
                     gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                     gtk_shortcut_trigger_to_string (trigger));
        }
    }
  g_assert_cmpuint (n_bindings, >=, 8);
}

/* The demo lesson as it comes, a stage with resources selected. */
static void
test_screenshot (void)
{
  UrokWindow *window = main_window ();

  open_editor ();
  activate ("lesson.show-details", NULL);
  ui_test_wait_frames (GTK_WIDGET (window), 3);
  ui_test_save_png (GTK_WIDGET (window), "lesson-editor-details");

  select_stage (3);
  ui_test_wait_frames (GTK_WIDGET (window), 3);
  ui_test_save_png (GTK_WIDGET (window), "lesson-editor");
}

/* On a narrow window the stage list and a stage's details take turns. */
static void
test_narrow (void)
{
  UrokWindow *window = main_window ();
  UrokLessonEditor *editor = open_editor ();
  GtkWidget *back = NULL;

  resize_window (GTK_WINDOW (window), 400, 760);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <, 1180);
  activate ("lesson.select-stage", g_variant_new_int32 (3));
  ui_test_wait_frames (GTK_WIDGET (window), 3);
  ui_test_save_png (GTK_WIDGET (window), "lesson-editor-narrow");

  /* Its back button leads to the stage list. */
  back = named (GTK_WIDGET (editor), "back-to-stages");
  g_assert_true (gtk_widget_is_visible (back));
  g_signal_emit_by_name (back, "clicked");
  ui_test_wait_frames (GTK_WIDGET (window), 3);
  ui_test_save_png (GTK_WIDGET (window), "lesson-editor-narrow-stages");
}

/* The text of one file in a zip, or NULL. */
static char *
zip_entry_text (const char *path,
                const char *entry_name)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  char *text = NULL;

  archive_read_support_format_zip (archive);
  if (archive_read_open_filename (archive, path, 16384) == ARCHIVE_OK)
    while (text == NULL && archive_read_next_header (archive, &entry) == ARCHIVE_OK)
      if (g_str_equal (archive_entry_pathname (entry), entry_name))
        {
          la_int64_t size = archive_entry_size (entry);

          g_assert_cmpint (size, >, 0);
          g_assert_cmpint (size, <, 1 << 20);
          text = g_malloc0 (size + 1);
          g_assert_cmpint (archive_read_data (archive, text, size), ==, size);
        }
  archive_read_free (archive);
  return text;
}

/* What the export actions write once a file is chosen. */
static void
test_export (void)
{
  static const struct
  {
    UrokLessonExport  format;
    const char       *name;
    const char       *magic;
    const char       *manifest_ns; /* Common Cartridge: the manifest's namespace */
  } formats[] = {
    { UROK_LESSON_EXPORT_PDF, "план.pdf", "%PDF", NULL },
    { UROK_LESSON_EXPORT_ODT, "план.odt", "PK", NULL },
    { UROK_LESSON_EXPORT_PACKAGE, "урок.urok", "PK", NULL },
    /* "Export for Moodle" is 1.1: what Moodle's converter detects. */
    { UROK_LESSON_EXPORT_CARTRIDGE, "урок-moodle.imscc", "PK",
      "xmlns=\"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1\"" },
    { UROK_LESSON_EXPORT_CARTRIDGE_1_3, "урок.imscc", "PK",
      "xmlns=\"http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1\"" },
  };
  UrokLessonEditor *editor = open_editor ();

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (files_dir, formats[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_autoptr(GAsyncResult) result = NULL;

      urok_lesson_editor_export_async (editor, formats[i].format, file, ui_test_keep_result, &result);
      /* Written in a thread; the header says so meanwhile. */
      g_assert_true (gtk_widget_get_visible (named (GTK_WIDGET (editor), "export-spinner")));
      ui_test_wait_result (&result);
      g_assert_false (gtk_widget_get_visible (named (GTK_WIDGET (editor), "export-spinner")));
      g_assert_true (urok_lesson_editor_export_finish (editor, result, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      g_assert_true (g_str_has_prefix (contents, formats[i].magic));
      if (formats[i].manifest_ns != NULL)
        {
          g_autofree char *manifest = zip_entry_text (path, "imsmanifest.xml");

          g_assert_nonnull (manifest);
          g_assert_nonnull (strstr (manifest, formats[i].manifest_ns));
        }
    }
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  int *done = user_data;

  *done = (int)result + 1;
}

static gboolean
print_finished (gpointer data)
{
  return *(int *)data != 0;
}

/* Whitespace runs as one space: the plan wraps text in its cells. */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r\f", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_strv_builder_add (kept, words[i]);
  joined = g_strv_builder_end (kept);
  return g_strjoinv (" ", joined);
}

/* lesson.print's own operation, run in export mode instead of with the
 * print dialog: a PDF of the plan, every stage in it. */
static void
test_print_export (void)
{
  UrokLessonEditor *editor = open_editor ();
  g_autofree char *path = g_build_filename (files_dir, "печать.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  GtkPrintOperationResult result;
  int done = 0;
  int status = 0;
  guint pages = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  operation = urok_lesson_editor_new_print_operation (editor);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), &done);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (main_window ()), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, !=, GTK_PRINT_OPERATION_RESULT_ERROR);
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    ui_test_wait_for (print_finished, &done);
  else if (done == 0)
    done = (int)result + 1;
  g_assert_cmpint (done - 1, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }
  /* pdftotext ends each page with a form feed. */
  for (const char *p = text; (p = strchr (p, '\f')) != NULL; p++)
    pages++;
  g_test_message ("%u pages", pages);
  g_assert_cmpuint (pages, >, 0);

  flat = squeeze (text);
  g_assert_cmpuint (n_stages (), >, 0);
  for (guint i = 0; i < n_stages (); i++)
    {
      g_autofree char *title = squeeze (urok_stage_get_title (stage_at (i)));

      if (strstr (flat, title) == NULL)
        g_error ("Stage “%s” is not in the printed plan:\n%s", title, flat);
    }
}

typedef struct
{
  gint64 last;
  gint64 longest;
  guint  ticks;
} Ticks;

static gboolean
tick_count_cb (gpointer user_data)
{
  Ticks *ticks = user_data;
  gint64 now = g_get_monotonic_time ();

  ticks->longest = MAX (ticks->longest, now - ticks->last);
  ticks->last = now;
  ticks->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
store_has_topic (gpointer topic)
{
  g_autoptr(UrokLesson) stored = urok_store_load_lesson (store (), demo_uuid, NULL);

  return stored != NULL && g_strcmp0 (urok_lesson_get_topic (stored), topic) == 0;
}

/* Another connection holds the database's write lock (a second Urok, an
 * import): the autosave waits for it off the main thread, the window goes
 * on drawing, and the edit reaches the store once the lock is gone. */
static void
test_save_responsive (void)
{
  UrokLessonEditor *editor = open_editor ();
  static const char topic[] = "Дроби, пока база занята";
  g_autoptr(UrokStore) other = NULL;
  g_autoptr(GError) error = NULL;
  Ticks ticks = { g_get_monotonic_time (), 0, 0 };
  gint64 until;
  guint tick;

  g_assert_true (urok_lesson_editor_flush (editor, &error));
  g_assert_no_error (error);
  other = urok_store_open_connection (urok_store_get_path (store ()), &error);
  g_assert_no_error (error);
  g_assert_true (urok_store_begin (other, &error));
  g_assert_no_error (error);

  activate ("lesson.show-details", NULL);
  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (editor), "topic-row")), topic);

  /* Past the autosave delay, well short of the 5 s busy timeout: a save on
   * the main thread would hold the loop for all of it. */
  tick = g_timeout_add (20, tick_count_cb, &ticks);
  until = g_get_monotonic_time () + 1500 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_test_message ("%u ticks, longest gap %" G_GINT64_FORMAT " ms", ticks.ticks, ticks.longest / 1000);
  g_assert_cmpint (ticks.longest, <, 2500 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (ticks.ticks, >=, 10);
  /* Queued, not written: the lock is still held. */
  g_assert_false (store_has_topic ((gpointer)topic));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (named (GTK_WIDGET (editor), "window-title"))),
                   ==, _("Saving…"));

  urok_store_rollback (other);
  ui_test_wait_for (store_has_topic, (gpointer)topic);
  ui_test_iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (named (GTK_WIDGET (editor), "save-error-banner"))));
  activate ("lesson.undo", NULL);
  g_assert_true (urok_lesson_editor_flush (editor, &error));
  g_assert_no_error (error);
}

/* Closing saves and hands back to the library. */
static void
test_close (void)
{
  UrokLessonEditor *editor = open_editor ();
  UrokLessonsPage *page = UROK_LESSONS_PAGE (urok_window_get_page (main_window (), "lessons"));
  GtkStack *stack = GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (page)));
  g_autoptr(UrokLesson) edited = NULL;
  g_autoptr(UrokLesson) stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (named (GTK_WIDGET (editor), "topic-row")), "Сложение и вычитание дробей");
  edited = urok_lesson_copy (lesson (), FALSE);
  activate ("lesson.close", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), !=, "editor");
  stored = urok_store_load_lesson (store (), demo_uuid, NULL);
  g_assert_true (urok_lesson_equal (stored, edited));
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

  main_window ();
  lessons = urok_store_list_lessons (store (), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (lessons), ==, 1);
  demo = g_list_model_get_item (lessons, 0);
  demo_uuid = g_strdup (urok_lesson_info_get_uuid (demo));
  files_dir = g_build_filename (dirs, "files", NULL);
  g_mkdir_with_parents (files_dir, 0700);

  g_test_add_func ("/ui/lesson-editor/open-demo", test_open_demo);
  g_test_add_func ("/ui/lesson-editor/screenshot", test_screenshot);
  g_test_add_func ("/ui/lesson-editor/timeline", test_timeline);
  g_test_add_func ("/ui/lesson-editor/fields-undo-redo", test_fields_undo_redo);
  g_test_add_func ("/ui/lesson-editor/stages", test_stages);
  g_test_add_func ("/ui/lesson-editor/resources-dnd", test_resources_dnd);
  g_test_add_func ("/ui/lesson-editor/resource-pickers", test_resource_pickers);
  g_test_add_func ("/ui/lesson-editor/autosave", test_autosave);
  g_test_add_func ("/ui/lesson-editor/save-error", test_save_error);
  g_test_add_func ("/ui/lesson-editor/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/ui/lesson-editor/export", test_export);
  g_test_add_func ("/ui/lesson-editor/print-export", test_print_export);
  g_test_add_func ("/ui/lesson-editor/save-responsive", test_save_responsive);
  g_test_add_func ("/ui/lesson-editor/close", test_close);
  g_test_add_func ("/ui/lesson-editor/narrow", test_narrow);

  ret = g_test_run ();
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_pointer (&demo_uuid, g_free);
  g_clear_pointer (&files_dir, g_free);

  root = g_file_new_for_path (dirs);
  core_test_remove_tree (root);
  return ret;
}
