/* urok-lessons-page.c: the Lessons section: the lesson library and editor.
 *
 * The library finds a lesson (search in topics and stage texts, filters by
 * subject, grade and tag, sorting) among the teacher's lessons or templates;
 * opening one shows it in the editor, which hands back with
 * "close-requested".  New lessons start from a blank lesson or a template.
 *
 * Deleting is delayed, not undone: the lesson stays in the store, hidden,
 * until its toast goes away, so "Undo" only has to show it again, and
 * quitting or a crash meanwhile loses nothing (the lesson is still there).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-lesson-editor.h"
#include "urok-lesson-package.h"
#include "urok-lesson-row.h"
#include "urok-lessons-page.h"
#include "urok-section-util.h"
#include "urok-template-chooser.h"

/* Rows shown at first and added by "Show More": a boxed list is meant for
 * what a teacher scrolls through, not for ten thousand rows. */
#define PAGE_SIZE 100
#define MAX_GRADE 11

struct _UrokLessonsPage
{
  UrokSectionPage       parent_instance;

  GListModel           *results;
  /* uuid → AdwToast of each lesson deleted but not yet gone from the store. */
  GHashTable           *pending_deletes;
  char                 *collection;
  guint                 limit;
  gboolean              updating_filters;
  GtkFileChooserNative *chooser;

  GtkStack             *stack;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *subject_filter;
  GtkDropDown          *grade_filter;
  GtkDropDown          *tag_filter;
  GtkDropDown          *sort_dropdown;
  GtkStack             *results_stack;
  GtkListBox           *list;
  GtkWidget            *more_button;
  UrokLessonEditor     *editor;
};

G_DEFINE_FINAL_TYPE (UrokLessonsPage, urok_lessons_page, UROK_TYPE_SECTION_PAGE)

enum {
  PROP_0,
  PROP_COLLECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The actions that need a store. */
static const char *const store_actions[] = {
  "lesson.new", "lesson.new-from-template", "lesson.open", "lesson.duplicate",
  "lesson.save-as-template", "lesson.delete", "lesson.import-package",
};

static void refresh        (UrokLessonsPage *self);
static void set_collection (UrokLessonsPage *self,
                            const char      *collection);

static UrokStore *
get_store (UrokLessonsPage *self)
{
  return urok_section_page_get_store (UROK_SECTION_PAGE (self));
}

static gboolean
showing_templates (UrokLessonsPage *self)
{
  return g_strcmp0 (self->collection, "templates") == 0;
}

static gboolean
showing (UrokLessonsPage *self,
         const char      *view)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), view) == 0;
}

/* Going into the editor and back is navigation, and slides; the library
 * and the empty state replace each other in place. */
static void
show_view (UrokLessonsPage *self,
           const char      *view)
{
  gboolean navigating = g_str_equal (view, "editor") || showing (self, "editor");

  if (showing (self, view))
    return;
  gtk_stack_set_transition_type (self->stack,
                                 navigating ? GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT
                                            : GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_set_visible_child_name (self->stack, view);
}

/* A filter's chosen string, or NULL for its first item, "all". */
static const char *
get_choice (GtkDropDown *dropdown)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (model == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
}

/* Fills a filter with "all" and @choices, keeping what was chosen if it is
 * still there. */
static void
set_choices (GtkDropDown        *dropdown,
             const char         *all,
             const char *const  *choices)
{
  g_autofree char *chosen = g_strdup (get_choice (dropdown));
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (model, all);
  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    {
      gtk_string_list_append (model, choices[i]);
      if (g_strcmp0 (choices[i], chosen) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
refresh_filters (UrokLessonsPage *self)
{
  UrokStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) subjects = NULL;
  g_auto(GStrv) tags = NULL;

  subjects = urok_store_list_lesson_subjects (store, &error);
  if (error != NULL)
    g_warning ("Could not list the subjects: %s", error->message);
  g_clear_error (&error);
  tags = urok_store_list_lesson_tags (store, &error);
  if (error != NULL)
    g_warning ("Could not list the tags: %s", error->message);

  self->updating_filters = TRUE;
  set_choices (self->subject_filter, _("All Subjects"), (const char *const *)subjects);
  set_choices (self->tag_filter, _("All Tags"), (const char *const *)tags);
  self->updating_filters = FALSE;

  /* A filter with nothing to choose is only clutter. */
  gtk_widget_set_visible (GTK_WIDGET (self->subject_filter), subjects != NULL && subjects[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_filter), tags != NULL && tags[0] != NULL);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return urok_lesson_row_new (item);
}

static gboolean
is_filtered (UrokLessonsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  return *text != '\0' ||
         get_choice (self->subject_filter) != NULL ||
         gtk_drop_down_get_selected (self->grade_filter) > 0 ||
         get_choice (self->tag_filter) != NULL;
}

/* Whether the store holds any lesson or template the teacher has not just
 * deleted: if not, the page offers its first steps instead of a library. */
static gboolean
store_has_any (UrokLessonsPage *self)
{
  UrokStore *store = get_store (self);

  for (guint templates = 0; templates <= 1; templates++)
    {
      UrokLessonQuery query = {
        .templates = templates,
        .limit = g_hash_table_size (self->pending_deletes) + 1,
      };
      g_autoptr(GListModel) found = urok_store_search_lessons (store, &query, NULL);

      for (guint i = 0; found != NULL && i < g_list_model_get_n_items (found); i++)
        {
          g_autoptr(UrokLessonInfo) info = g_list_model_get_item (found, i);

          if (!g_hash_table_contains (self->pending_deletes, urok_lesson_info_get_uuid (info)))
            return TRUE;
        }
    }
  return FALSE;
}

static void
requery (UrokLessonsPage *self)
{
  static const UrokLessonSort sorts[] = {
    UROK_LESSON_SORT_MODIFIED, UROK_LESSON_SORT_TOPIC, UROK_LESSON_SORT_PLANNED_DATE,
  };
  UrokStore *store = get_store (self);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);
  guint grade_level = gtk_drop_down_get_selected (self->grade_filter);
  UrokLessonQuery query = {
    .text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
    .subject = get_choice (self->subject_filter),
    .grade_level = grade_level <= MAX_GRADE ? (int)grade_level : 0,
    .tag = get_choice (self->tag_filter),
    .templates = showing_templates (self),
    .sort = sorts[MIN (sort, G_N_ELEMENTS (sorts) - 1)],
    /* The hidden deletions, and one more to know whether there is more. */
    .limit = self->limit + g_hash_table_size (self->pending_deletes) + 1,
  };
  g_autoptr(GListStore) shown = g_list_store_new (UROK_TYPE_LESSON_INFO);
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  gboolean more = FALSE;
  const char *view;

  if (store == NULL)
    return;

  found = urok_store_search_lessons (store, &query, &error);
  if (found == NULL)
    g_warning ("Could not search the lessons: %s", error->message);
  for (guint i = 0; found != NULL && i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(UrokLessonInfo) info = g_list_model_get_item (found, i);

      if (g_hash_table_contains (self->pending_deletes, urok_lesson_info_get_uuid (info)))
        continue;
      if (g_list_model_get_n_items (G_LIST_MODEL (shown)) == self->limit)
        {
          more = TRUE;
          break;
        }
      g_list_store_append (shown, info);
    }

  g_set_object (&self->results, G_LIST_MODEL (shown));
  gtk_list_box_bind_model (self->list, self->results, create_row, self, NULL);
  gtk_widget_set_visible (self->more_button, more);

  if (g_list_model_get_n_items (self->results) > 0)
    view = "results";
  else if (is_filtered (self))
    view = "no-results";
  else
    view = showing_templates (self) ? "no-templates" : "no-lessons";
  gtk_stack_set_visible_child_name (self->results_stack, view);

  if (!showing (self, "editor"))
    show_view (self, g_str_equal (view, "results") || store_has_any (self) ? "library" : "empty");
}

/* The store changed: what the filters offer and what they find. */
static void
refresh (UrokLessonsPage *self)
{
  if (get_store (self) == NULL)
    return;
  refresh_filters (self);
  requery (self);
}

static void
reload (UrokSectionPage *page)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (page);
  UrokStore *store = urok_section_page_get_store (page);

  for (guint i = 0; i < G_N_ELEMENTS (store_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), store_actions[i], store != NULL);

  if (store == NULL)
    {
      g_clear_object (&self->results);
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      show_view (self, "empty");
      return;
    }

  /* The editor autosaves every second; the library catches up when it is
   * shown again. */
  if (showing (self, "editor"))
    return;
  refresh (self);
}

static GtkListBoxRow *
find_row (UrokLessonsPage *self,
          const char      *uuid)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (UROK_IS_LESSON_ROW (row) && g_strcmp0 (urok_lesson_row_get_uuid (UROK_LESSON_ROW (row)), uuid) == 0)
      return row;
  return NULL;
}

static void
focus_lesson_row (UrokLessonsPage *self,
                  const char      *uuid)
{
  GtkListBoxRow *row = find_row (self, uuid);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* The title of a lesson the library shows, for messages about it. */
static char *
dup_lesson_title (UrokLessonsPage *self,
                  const char      *uuid)
{
  g_autoptr(UrokLesson) lesson = NULL;

  for (guint i = 0; self->results != NULL && i < g_list_model_get_n_items (self->results); i++)
    {
      g_autoptr(UrokLessonInfo) info = g_list_model_get_item (self->results, i);

      if (g_str_equal (urok_lesson_info_get_uuid (info), uuid))
        return g_strdup (urok_lesson_info_get_title (info));
    }
  lesson = urok_store_load_lesson (get_store (self), uuid, NULL);
  return g_strdup (lesson != NULL ? urok_lesson_get_topic (lesson) : "");
}

/* Deleting, delayed until the toast goes. */

static void
delete_now (UrokLessonsPage *self,
            const char      *uuid)
{
  UrokStore *store = get_store (self);
  g_autoptr(GError) error = NULL;

  if (store != NULL && !urok_store_delete_lesson (store, uuid, &error))
    {
      g_warning ("Could not delete lesson %s: %s", uuid, error->message);
      if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
        urok_section_show_error (GTK_WIDGET (self), _("Could not delete the lesson"), error->message);
      requery (self);
    }
}

/* Takes @uuid out of the deletions still pending; returns its toast. */
static AdwToast *
steal_pending (UrokLessonsPage *self,
               const char      *uuid)
{
  g_autofree char *key = NULL;
  gpointer toast = NULL;

  if (!g_hash_table_steal_extended (self->pending_deletes, uuid, (gpointer *)&key, &toast))
    return NULL;
  g_signal_handlers_disconnect_by_data (toast, self);
  return toast;
}

static void
toast_dismissed_cb (AdwToast *toast,
                    gpointer  user_data)
{
  UrokLessonsPage *self = user_data;
  g_autofree char *uuid = g_strdup (g_object_get_data (G_OBJECT (toast), "uuid"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(AdwToast) pending = NULL;

  if (g_hash_table_lookup (self->pending_deletes, uuid) != toast)
    return;
  pending = steal_pending (self, uuid);
  /* A window being closed takes its toasts along: the teacher did not see
   * this one go by, so the lesson stays (see dispose()). */
  if (root == NULL || !gtk_widget_get_visible (GTK_WIDGET (root)))
    return;
  delete_now (self, uuid);
}

static void
undo_delete_cb (AdwToast *toast,
                gpointer  user_data)
{
  UrokLessonsPage *self = user_data;
  g_autofree char *uuid = g_strdup (g_object_get_data (G_OBJECT (toast), "uuid"));
  g_autoptr(AdwToast) pending = NULL;

  if (g_hash_table_lookup (self->pending_deletes, uuid) != toast)
    return;
  pending = steal_pending (self, uuid);
  requery (self);
  focus_lesson_row (self, uuid);
}

/* A lesson being deleted that is opened or imported again stays. */
static void
keep_lesson (UrokLessonsPage *self,
             const char      *uuid)
{
  g_autoptr(AdwToast) toast = steal_pending (self, uuid);

  if (toast != NULL)
    adw_toast_dismiss (toast);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  GtkListBoxRow *row;
  gboolean had_focus;
  AdwToast *toast;
  int index;

  if (g_hash_table_contains (self->pending_deletes, uuid))
    return;
  /* Nowhere to offer Undo: do not pretend. */
  if (overlay == NULL)
    {
      delete_now (self, uuid);
      return;
    }

  title = dup_lesson_title (self, uuid);
  /* Toast titles are markup; lesson topics are the teacher's text. */
  message = g_markup_printf_escaped (_("“%s” deleted"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Shown at once, even over another toast, since it is about this click. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "uuid", g_strdup (uuid), g_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self);
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self);
  g_hash_table_insert (self->pending_deletes, g_strdup (uuid), g_object_ref (toast));

  row = find_row (self, uuid);
  index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  had_focus = row != NULL && gtk_widget_get_focus_child (GTK_WIDGET (self->list)) == GTK_WIDGET (row);
  requery (self);
  /* Deleting with the keyboard goes on from the next lesson. */
  if (had_focus)
    {
      row = gtk_list_box_get_row_at_index (self->list, index);
      if (row == NULL && index > 0)
        row = gtk_list_box_get_row_at_index (self->list, index - 1);
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Opening and importing */

gboolean
urok_lessons_page_show_lesson (UrokLessonsPage  *self,
                               const char       *uuid,
                               GError          **error)
{
  UrokStore *store;

  g_return_val_if_fail (UROK_IS_LESSONS_PAGE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  store = get_store (self);
  g_return_val_if_fail (store != NULL, FALSE);

  keep_lesson (self, uuid);
  if (!urok_lesson_editor_open (self->editor, store, uuid, error))
    return FALSE;
  show_view (self, "editor");
  gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

gboolean
urok_lessons_page_is_package (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_utf8_strdown (name, -1) : NULL;
  g_autoptr(GFileInfo) info = NULL;
  const char *content_type;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (folded != NULL && g_str_has_suffix (folded, UROK_LESSON_PACKAGE_EXTENSION))
    return TRUE;
  /* Renamed packages, and files from places without names (portals). */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, 0, NULL, NULL);
  content_type = info != NULL ? g_file_info_get_content_type (info) : NULL;
  return content_type != NULL && g_content_type_is_a (content_type, UROK_LESSON_PACKAGE_MIME_TYPE);
}

gboolean
urok_lessons_page_import_package (UrokLessonsPage  *self,
                                  GFile            *file,
                                  GError          **error)
{
  UrokStore *store;
  g_autofree char *path = NULL;
  g_autoptr(UrokLesson) lesson = NULL;
  gboolean was_new = FALSE;

  g_return_val_if_fail (UROK_IS_LESSONS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  store = get_store (self);
  g_return_val_if_fail (store != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The file is not on this computer. Copy it to a folder here and open it from there."));
      return FALSE;
    }

  /* The package may replace the lesson in the editor: its last edits go
   * first, not over the imported copy afterwards. */
  if (!urok_lesson_editor_flush (self->editor, error))
    return FALSE;
  lesson = urok_lesson_package_import (store, path, &was_new, error);
  if (lesson == NULL)
    return FALSE;
  if (!was_new)
    {
      g_autofree char *message =
        g_markup_printf_escaped (_("“%s” was already here and has been replaced by the imported copy"),
                                 urok_lesson_get_topic (lesson));

      urok_section_show_toast (GTK_WIDGET (self), message);
    }
  return urok_lessons_page_show_lesson (self, urok_lesson_get_uuid (lesson), error);
}

static void
import_file (UrokLessonsPage *self,
             GFile           *file)
{
  g_autoptr(GError) error = NULL;

  if (!urok_lessons_page_import_package (self, file, &error))
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could not import “%s”"), basename);

      urok_section_show_error (GTK_WIDGET (self), heading, error->message);
    }
}

static void
chooser_response_cb (UrokLessonsPage *self,
                     int              response)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT || get_store (self) == NULL)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    import_file (self, file);
}

static void
import_package_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Import Lesson Package"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"),
                                               NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Lesson packages"));
  gtk_file_filter_add_mime_type (filter, UROK_LESSON_PACKAGE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, UROK_LESSON_PACKAGE_EXTENSION + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* New lessons */

static void
new_lesson_changed_cb (GtkEditable      *chooser,
                       AdwMessageDialog *dialog)
{
  g_autofree char *topic = g_strstrip (g_strdup (gtk_editable_get_text (chooser)));

  adw_message_dialog_set_response_enabled (dialog, "accept", *topic != '\0');
}

static void
new_lesson_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        UrokLessonsPage  *self)
{
  GtkWidget *chooser = adw_message_dialog_get_extra_child (dialog);
  g_autoptr(UrokLesson) lesson = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "accept") || get_store (self) == NULL)
    return;

  lesson = urok_template_chooser_create_lesson (UROK_TEMPLATE_CHOOSER (chooser), &error);
  if (lesson == NULL || !urok_lessons_page_show_lesson (self, urok_lesson_get_uuid (lesson), &error))
    urok_section_show_error (GTK_WIDGET (self), _("Could not create the lesson"), error->message);
}

/* Asks for the topic and where to start from, then opens the new lesson. */
static void
present_new_lesson_dialog (UrokLessonsPage *self,
                           const char      *template_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *chooser = urok_template_chooser_new (get_store (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("New Lesson"), _("What is the lesson’s topic?")));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "accept", _("_Create"));
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "accept", FALSE);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");

  if (template_id != NULL)
    urok_template_chooser_select (UROK_TEMPLATE_CHOOSER (chooser), template_id);
  adw_message_dialog_set_extra_child (dialog, chooser);
  g_signal_connect (chooser, "changed", G_CALLBACK (new_lesson_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_lesson_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  present_new_lesson_dialog (UROK_LESSONS_PAGE (widget), NULL);
}

static void
new_from_template_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  present_new_lesson_dialog (UROK_LESSONS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* The other commands on a lesson */

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!urok_lessons_page_show_lesson (UROK_LESSONS_PAGE (widget), g_variant_get_string (parameter, NULL), &error))
    urok_section_show_error (widget, _("Could not open the lesson"), error->message);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UrokStore *store = get_store (UROK_LESSONS_PAGE (widget));
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(UrokLesson) original = NULL;
  g_autoptr(UrokLesson) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *topic = NULL;
  g_autofree char *message = NULL;

  /* A template's copy is a template, a lesson's a lesson. */
  original = urok_store_load_lesson (store, uuid, &error);
  if (original != NULL)
    copy = urok_store_duplicate_lesson (store, uuid, urok_lesson_get_is_template (original), &error);
  if (copy == NULL)
    {
      urok_section_show_error (widget, _("Could not duplicate the lesson"), error->message);
      return;
    }

  /* Two rows with one name would leave the teacher guessing which is which. */
  topic = g_strdup_printf (C_("duplicated lesson", "%s (copy)"), urok_lesson_get_topic (original));
  urok_lesson_set_topic (copy, topic);
  if (!urok_store_save_lesson (store, copy, &error))
    g_warning ("Could not rename the copy of lesson %s: %s", uuid, error->message);
  message = g_markup_printf_escaped (_("“%s” duplicated"), urok_lesson_get_topic (original));
  urok_section_show_toast (widget, message);
}

static void
save_as_template_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  UrokStore *store = get_store (UROK_LESSONS_PAGE (widget));
  g_autoptr(UrokLesson) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  template = urok_store_duplicate_lesson (store, g_variant_get_string (parameter, NULL), TRUE, &error);
  if (template == NULL)
    {
      urok_section_show_error (widget, _("Could not save the template"), error->message);
      return;
    }

  /* A template is for any day and any class. */
  urok_lesson_set_planned_date (template, "");
  urok_lesson_set_class_group_uuid (template, "");
  if (!urok_store_save_lesson (store, template, &error))
    g_warning ("Could not clear the template's date: %s", error->message);
  message = g_markup_printf_escaped (_("“%s” saved as a template"), urok_lesson_get_topic (template));
  urok_section_show_toast (widget, message);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (widget);

  if (!showing (self, "library"))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (widget);

  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->subject_filter, 0);
  gtk_drop_down_set_selected (self->grade_filter, 0);
  gtk_drop_down_set_selected (self->tag_filter, 0);
  self->updating_filters = FALSE;
  self->limit = PAGE_SIZE;
  requery (self);
}

static void
show_more_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (widget);

  self->limit += PAGE_SIZE;
  requery (self);
}

/* Template callbacks */

static void
filter_changed_cb (UrokLessonsPage *self)
{
  if (self->updating_filters)
    return;
  self->limit = PAGE_SIZE;
  requery (self);
}

/* Enter in the search goes to the first result. */
static void
search_activate_cb (UrokLessonsPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, 0);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Down from the search goes to the results, as in a file chooser. */
static gboolean
search_key_pressed_cb (UrokLessonsPage       *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;
  search_activate_cb (self);
  return GDK_EVENT_STOP;
}

static void
search_stop_cb (UrokLessonsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
row_activated_cb (UrokLessonsPage *self,
                  GtkListBoxRow   *row)
{
  if (UROK_IS_LESSON_ROW (row))
    gtk_widget_activate_action (GTK_WIDGET (self), "lesson.open", "s", urok_lesson_row_get_uuid (UROK_LESSON_ROW (row)));
}

static void
editor_close_requested_cb (UrokLessonsPage *self)
{
  UrokLesson *lesson = urok_lesson_editor_get_lesson (self->editor);
  g_autofree char *uuid = lesson != NULL ? g_strdup (urok_lesson_get_uuid (lesson)) : NULL;
  g_autoptr(GError) error = NULL;

  /* Unsaved edits keep the editor open: nothing is lost behind the list. */
  if (!urok_lesson_editor_flush (self->editor, &error))
    {
      urok_section_show_error (GTK_WIDGET (self), _("Could not save the lesson"), error->message);
      return;
    }
  show_view (self, "library");
  /* Back among its own kind, lessons or templates, to find it again. */
  if (lesson != NULL)
    set_collection (self, urok_lesson_get_is_template (lesson) ? "templates" : "lessons");
  refresh (self);
  if (uuid != NULL)
    focus_lesson_row (self, uuid);
}

/* GObject */

static void
set_collection (UrokLessonsPage *self,
                const char      *collection)
{
  if (g_strcmp0 (collection, "templates") != 0)
    collection = "lessons";
  if (g_strcmp0 (self->collection, collection) == 0)
    return;

  g_free (self->collection);
  self->collection = g_strdup (collection);
  self->limit = PAGE_SIZE;
  requery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLECTION]);
}

static void
urok_lessons_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_string (value, self->collection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_lessons_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      set_collection (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_lessons_page_dispose (GObject *object)
{
  UrokLessonsPage *self = (UrokLessonsPage *)object;

  /* Quitting while Undo is still offered keeps the lesson, as a crash
   * would: a deletion is only real once its toast has gone by. */
  if (self->pending_deletes != NULL)
    {
      g_autoptr(GList) uuids = g_hash_table_get_keys (self->pending_deletes);

      for (GList *l = uuids; l != NULL; l = l->next)
        {
          g_autofree char *uuid = g_strdup (l->data);
          g_autoptr(AdwToast) toast = steal_pending (self, uuid);
        }
    }

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    }
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_LESSONS_PAGE);
  g_clear_object (&self->chooser);
  g_clear_object (&self->results);
  g_clear_pointer (&self->pending_deletes, g_hash_table_unref);

  G_OBJECT_CLASS (urok_lessons_page_parent_class)->dispose (object);
}

static void
urok_lessons_page_finalize (GObject *object)
{
  UrokLessonsPage *self = (UrokLessonsPage *)object;

  g_clear_pointer (&self->collection, g_free);

  G_OBJECT_CLASS (urok_lessons_page_parent_class)->finalize (object);
}

static void
urok_lessons_page_class_init (UrokLessonsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UrokSectionPageClass *page_class = UROK_SECTION_PAGE_CLASS (klass);

  object_class->dispose = urok_lessons_page_dispose;
  object_class->finalize = urok_lessons_page_finalize;
  object_class->get_property = urok_lessons_page_get_property;
  object_class->set_property = urok_lessons_page_set_property;

  page_class->store_detail = "lessons";
  page_class->reload = reload;

  /* What the library lists: "lessons" or "templates". */
  properties[PROP_COLLECTION] =
    g_param_spec_string ("collection", NULL, NULL,
                         "lessons",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UROK_TYPE_LESSON_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-lessons-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, subject_filter);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, grade_filter);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, list);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_close_requested_cb);

  /* win.new (Ctrl+N) activates lesson.new; Ctrl+F is bound to lesson.search
   * in the template, while the library is on screen. */
  gtk_widget_class_install_action (widget_class, "lesson.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "lesson.new-from-template", "s", new_from_template_activated);
  gtk_widget_class_install_action (widget_class, "lesson.open", "s", open_activated);
  gtk_widget_class_install_action (widget_class, "lesson.duplicate", "s", duplicate_activated);
  gtk_widget_class_install_action (widget_class, "lesson.save-as-template", "s", save_as_template_activated);
  gtk_widget_class_install_action (widget_class, "lesson.delete", "s", delete_activated);
  gtk_widget_class_install_action (widget_class, "lesson.import-package", NULL, import_package_activated);
  gtk_widget_class_install_action (widget_class, "lesson.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "lesson.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "lesson.show-more", NULL, show_more_activated);
  gtk_widget_class_install_property_action (widget_class, "lesson.collection", "collection");
}

static void
urok_lessons_page_init (UrokLessonsPage *self)
{
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);

  self->collection = g_strdup ("lessons");
  self->limit = PAGE_SIZE;
  self->pending_deletes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Position n is grade n. */
  gtk_string_list_append (grades, _("All Grades"));
  for (int grade = 1; grade <= MAX_GRADE; grade++)
    {
      g_autofree char *name = g_strdup_printf (_("Grade %d"), grade);

      gtk_string_list_append (grades, name);
    }
  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->grade_filter, G_LIST_MODEL (grades));
  self->updating_filters = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (store_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), store_actions[i], FALSE);
}
