/* urok-lesson-editor-boards.c: other programs' board files in, as board
 * pages of the shown stage (lesson.import-board-file), and one board page
 * out to PDF, SVG or PNG (lesson.export-board-page).
 *
 * Reading and converting a file, and writing an export, happen in a
 * thread; the lesson changes on the main thread, all pages of a file in
 * one undoable step, and only when the whole file was read.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "urok-board-export.h"
#include "urok-board-import.h"
#include "urok-lesson-editor-private.h"
#include "urok-lesson-util.h"

/* Import */

typedef struct
{
  GFile     *file;
  char      *lesson_uuid;
  UrokStage *stage;   /* only touched on the main thread */
  GPtrArray *boards;  /* page JSON, one string a page */
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_clear_object (&job->file);
  g_free (job->lesson_uuid);
  g_clear_object (&job->stage);
  g_clear_pointer (&job->boards, g_ptr_array_unref);
  g_free (job);
}

static GPtrArray *
read_board_file (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_autoptr(GBytes) bytes = NULL;

  if (!g_str_has_suffix (lower, ".xopp") && !g_str_has_suffix (lower, ".iwb") && !g_str_has_suffix (lower, ".pdf"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Urok reads board pages from Xournal++ (.xopp), IWB (.iwb) and PDF files"));
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  if (g_str_has_suffix (lower, ".xopp"))
    return urok_board_import_xopp (bytes, error);
  if (g_str_has_suffix (lower, ".iwb"))
    return urok_board_import_iwb (bytes, error);
  return urok_board_import_pdf (bytes, UROK_BOARD_IMPORT_MAX_PAGES, error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GPtrArray) pages = NULL;
  GError *error = NULL;

  pages = read_board_file (job->file, cancellable, &error);
  if (pages == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A resource holds its page as JSON with the items: the store takes
   * them from there when the lesson is saved. */
  job->boards = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < pages->len; i++)
    g_ptr_array_add (job->boards, urok_board_page_to_string (pages->pdata[i]));
  g_task_return_boolean (task, TRUE);
}

static char *
page_title (GFile *file,
            guint  index,
            guint  n_pages)
{
  g_autofree char *name = g_file_get_basename (file);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  if (n_pages == 1)
    return g_steal_pointer (&name);
  /* Translators: a board page made from page %u of the file named first. */
  return g_strdup_printf (_("%s, page %u"), name, index + 1);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UrokLessonEditor *self = g_task_get_source_object (task);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  UrokResource *last = NULL;
  guint position;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (self->lesson == NULL || g_strcmp0 (urok_lesson_get_uuid (self->lesson), job->lesson_uuid) != 0
      || urok_lesson_find_stage (self->lesson, job->stage) < 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The stage was closed while the file was read");
      return;
    }

  position = g_list_model_get_n_items (urok_stage_get_resources (job->stage));
  urok_lesson_history_begin_group (self->history);
  for (guint i = 0; i < job->boards->len; i++)
    {
      g_autoptr(UrokResource) resource = urok_resource_new (UROK_RESOURCE_BOARD_PAGE);
      g_autofree char *title = page_title (job->file, i, job->boards->len);

      urok_resource_set_board (resource, job->boards->pdata[i]);
      urok_resource_set_title (resource, title);
      urok_lesson_history_insert_resource (self->history, job->stage, position + i, resource);
      last = resource;
    }
  urok_lesson_history_end_group (self->history);
  if (job->stage == self->selected && last != NULL)
    urok_stage_editor_focus_resource (self->stage_editor, last);
  g_task_return_boolean (task, TRUE);
}

void
urok_lesson_editor_import_board_file_async (UrokLessonEditor    *self,
                                            GFile               *file,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  ImportJob *job;

  g_return_if_fail (UROK_IS_LESSON_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, urok_lesson_editor_import_board_file_async);
  if (self->lesson == NULL || self->selected == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Choose a stage to add the board pages to"));
      return;
    }
  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  job->lesson_uuid = g_strdup (urok_lesson_get_uuid (self->lesson));
  job->stage = g_object_ref (self->selected);

  /* No source object: the worker may drop its reference in its thread,
   * and a widget must not be finalized there. */
  worker = g_task_new (NULL, self->cancellable, imported_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, job, import_job_free);
  g_task_run_in_thread (worker, import_thread);
}

gboolean
urok_lesson_editor_import_board_file_finish (UrokLessonEditor  *self,
                                             GAsyncResult      *result,
                                             GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
show_error (UrokLessonEditor *self,
            gboolean          importing,
            GFile            *file,
            const GError     *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = importing ? g_strdup_printf (_("Could not import “%s”"), name)
                                       : g_strdup_printf (_("Could not export “%s”"), name);
  GtkWidget *dialog = adw_message_dialog_new (_urok_lesson_editor_get_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
board_file_imported_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (!urok_lesson_editor_import_board_file_finish (self, result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, TRUE, file, error);
}

static void
board_file_chosen_cb (GtkNativeDialog  *chooser,
                      int               response,
                      UrokLessonEditor *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    urok_lesson_editor_import_board_file_async (self, file, board_file_imported_cb, g_object_ref (file));
}

/* lesson.import-board-uri: the chosen file's way in, without the chooser
 * (tests; a file dropped or opened by name). */
static void
import_board_uri_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  urok_lesson_editor_import_board_file_async (self, file, board_file_imported_cb, g_object_ref (file));
}

static void
import_board_file_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  g_autoptr(GtkFileFilter) boards = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->selected == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import Board Pages"), _urok_lesson_editor_get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (boards, _("Board files (Xournal++, IWB, PDF)"));
  gtk_file_filter_add_pattern (boards, "*.xopp");
  gtk_file_filter_add_pattern (boards, "*.iwb");
  gtk_file_filter_add_pattern (boards, "*.pdf");
  gtk_file_filter_add_mime_type (boards, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), boards);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (board_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Export */

typedef struct
{
  UrokBoardPage         *page;
  UrokBoardExportFormat  format;
  char                  *path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->page);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GError *error = NULL;

  g_ptr_array_add (pages, job->page);
  if (urok_board_export (pages, job->format, job->path, 1.0, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
board_has_items (const char *board)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (board == NULL || !json_parser_load_from_data (parser, board, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) && json_object_has_member (json_node_get_object (root), "items");
}

/* The page as it is now: a resource string with items (just imported, not
 * saved yet) speaks for it, as in the store; else the store's page; else
 * the settings alone (a blank page never drawn on). */
static UrokBoardPage *
current_page (UrokLessonEditor  *self,
              UrokResource      *resource,
              GError           **error)
{
  const char *board = urok_resource_get_board (resource);
  g_autoptr(GError) local_error = NULL;
  UrokBoardPage *page;

  if (!board_has_items (board))
    {
      page = urok_store_load_board_page (self->store, urok_resource_get_uuid (resource), &local_error);
      if (page != NULL)
        return page;
      if (!g_error_matches (local_error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return urok_board_page_new_from_string (board != NULL ? board : "{}", error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
urok_lesson_editor_export_board_page_async (UrokLessonEditor    *self,
                                            const char          *resource_uuid,
                                            GFile               *file,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(UrokResource) resource = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  UrokBoardExportFormat format;
  UrokStage *stage = NULL;
  guint position = 0;
  ExportJob *job;

  g_return_if_fail (UROK_IS_LESSON_EDITOR (self));
  g_return_if_fail (resource_uuid != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, urok_lesson_editor_export_board_page_async);
  if (self->lesson != NULL && urok_lesson_find_resource (self->lesson, resource_uuid, &stage, &position))
    resource = g_list_model_get_item (urok_stage_get_resources (stage), position);
  if (resource == NULL || urok_resource_get_kind (resource) != UROK_RESOURCE_BOARD_PAGE)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The lesson has no such board page"));
      return;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Choose a folder on this computer to export to"));
      return;
    }
  if (!urok_board_export_format_for_path (path, &format))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                               _("Choose a file name ending in .pdf, .svg or .png"));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->page = current_page (self, resource, &error);
  if (job->page == NULL)
    {
      export_job_free (job);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->format = format;
  job->path = g_steal_pointer (&path);

  worker = g_task_new (NULL, self->cancellable, export_done_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, job, export_job_free);
  g_task_run_in_thread (worker, export_thread);
}

gboolean
urok_lesson_editor_export_board_page_finish (UrokLessonEditor  *self,
                                             GAsyncResult      *result,
                                             GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
open_file_clicked_cb (AdwToast *toast,
                      GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
board_page_exported_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!urok_lesson_editor_export_board_page_finish (self, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, FALSE, file, error);
      return;
    }
  /* Toast titles are markup; a file name may hold "&" or "<". */
  name = g_file_get_basename (file);
  title = g_markup_printf_escaped (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_file_clicked_cb),
                         g_object_ref (file), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  _urok_lesson_editor_show_toast (self, toast);
}

static void
board_page_export_chosen_cb (GtkNativeDialog  *chooser,
                             int               response,
                             UrokLessonEditor *self)
{
  g_autofree char *uuid = g_strdup (g_object_get_data (G_OBJECT (chooser), "resource"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    urok_lesson_editor_export_board_page_async (self, uuid, file, board_page_exported_cb, g_object_ref (file));
}

static void
add_export_filter (GtkFileChooser *chooser,
                   const char     *name,
                   const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
export_board_page_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(UrokResource) resource = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  UrokStage *stage = NULL;
  guint position = 0;

  if (self->lesson == NULL || !urok_lesson_find_resource (self->lesson, uuid, &stage, &position))
    return;
  resource = g_list_model_get_item (urok_stage_get_resources (stage), position);
  if (urok_resource_get_kind (resource) != UROK_RESOURCE_BOARD_PAGE)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Board Page"), _urok_lesson_editor_get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* The extension chosen picks the format; PDF keeps the page as vectors. */
  add_export_filter (GTK_FILE_CHOOSER (chooser), _("PDF document"), "*.pdf");
  add_export_filter (GTK_FILE_CHOOSER (chooser), _("SVG image"), "*.svg");
  add_export_filter (GTK_FILE_CHOOSER (chooser), _("PNG image"), "*.png");
  name = g_strdup_printf ("%s.pdf", *urok_resource_get_title (resource) != '\0'
                                    ? urok_resource_get_title (resource) : _("Board page"));
  g_strdelimit (name, "/\\:*?\"<>|\n\t", ' ');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "resource", g_strdup (uuid), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (board_page_export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_urok_lesson_editor_class_init_boards (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "lesson.import-board-file", NULL, import_board_file_activated);
  gtk_widget_class_install_action (widget_class, "lesson.import-board-uri", "s", import_board_uri_activated);
  gtk_widget_class_install_action (widget_class, "lesson.export-board-page", "s", export_board_page_activated);
}
