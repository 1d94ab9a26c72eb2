/* urok-lessons-page-actions.c: the library's commands on a lesson: open,
 * new (blank or from a template), duplicate, save as a template, delete
 * (delayed until its toast goes, so Undo only shows it again).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-lesson-row.h"
#include "urok-lessons-page-private.h"
#include "urok-section-util.h"
#include "urok-template-chooser.h"

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

void
_urok_lessons_page_focus_row (UrokLessonsPage *self,
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
  lesson = urok_store_load_lesson (_urok_lessons_page_get_store (self), uuid, NULL);
  return g_strdup (lesson != NULL ? urok_lesson_get_topic (lesson) : "");
}

/* Deleting, delayed until the toast goes. */

static void
delete_now (UrokLessonsPage *self,
            const char      *uuid)
{
  UrokStore *store = _urok_lessons_page_get_store (self);
  g_autoptr(GError) error = NULL;

  if (store != NULL && !urok_store_delete_lesson (store, uuid, &error))
    {
      g_warning ("Could not delete lesson %s: %s", uuid, error->message);
      if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
        urok_section_show_error (GTK_WIDGET (self), _("Could not delete the lesson"), error->message);
      _urok_lessons_page_requery (self);
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
  _urok_lessons_page_requery (self);
  _urok_lessons_page_focus_row (self, uuid);
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
  _urok_lessons_page_requery (self);
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

/* Opening */

gboolean
urok_lessons_page_show_lesson (UrokLessonsPage  *self,
                               const char       *uuid,
                               GError          **error)
{
  UrokStore *store;

  g_return_val_if_fail (UROK_IS_LESSONS_PAGE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  store = _urok_lessons_page_get_store (self);
  g_return_val_if_fail (store != NULL, FALSE);

  keep_lesson (self, uuid);
  if (!urok_lesson_editor_open (self->editor, store, uuid, error))
    return FALSE;
  _urok_lessons_page_show_view (self, "editor");
  gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD);
  return TRUE;
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

  if (!g_str_equal (response, "accept") || _urok_lessons_page_get_store (self) == NULL)
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
  GtkWidget *chooser = urok_template_chooser_new (_urok_lessons_page_get_store (self));
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
  UrokStore *store = _urok_lessons_page_get_store (UROK_LESSONS_PAGE (widget));
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
  UrokStore *store = _urok_lessons_page_get_store (UROK_LESSONS_PAGE (widget));
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

/* Quitting while Undo is still offered keeps the lesson, as a crash
 * would: a deletion is only real once its toast has gone by. */
void
_urok_lessons_page_keep_pending_deletes (UrokLessonsPage *self)
{
  g_autoptr(GList) uuids = NULL;

  if (self->pending_deletes == NULL)
    return;
  uuids = g_hash_table_get_keys (self->pending_deletes);
  for (GList *l = uuids; l != NULL; l = l->next)
    {
      g_autofree char *uuid = g_strdup (l->data);
      g_autoptr(AdwToast) toast = steal_pending (self, uuid);
    }
}

void
_urok_lessons_page_class_init_actions (GtkWidgetClass *widget_class)
{
  /* win.new (Ctrl+N) activates lesson.new. */
  gtk_widget_class_install_action (widget_class, "lesson.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "lesson.new-from-template", "s", new_from_template_activated);
  gtk_widget_class_install_action (widget_class, "lesson.open", "s", open_activated);
  gtk_widget_class_install_action (widget_class, "lesson.duplicate", "s", duplicate_activated);
  gtk_widget_class_install_action (widget_class, "lesson.save-as-template", "s", save_as_template_activated);
  gtk_widget_class_install_action (widget_class, "lesson.delete", "s", delete_activated);
}
