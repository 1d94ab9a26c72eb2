/* urok-lesson-editor-export.c: printing the lesson plan and exporting the
 * lesson (plan as PDF or ODT, lesson package, Common Cartridge).
 *
 * The plan names the teacher and school from the preferences and the
 * class from the grade book.  Printing and PDF share one layout, drawn by
 * the core's UrokLessonPlan.  Every export runs in a thread from a copy of
 * the lesson (packages through a connection of their own), so typing goes
 * on while it is written; a spinner in the header says so meanwhile.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-lesson-editor-private.h"
#include "urok-lesson-package.h"
#include "urok-lesson-plan.h"

static const struct
{
  const char       *action;
  UrokLessonExport  format;
  const char       *extension;
  const char       *mime_type;
  const char       *title;
  const char       *filter;
} exports[] = {
  { "lesson.export-pdf", UROK_LESSON_EXPORT_PDF, ".pdf", "application/pdf",
    N_("Export Lesson Plan as PDF"), N_("PDF documents") },
  { "lesson.export-odt", UROK_LESSON_EXPORT_ODT, ".odt", "application/vnd.oasis.opendocument.text",
    N_("Export Lesson Plan as ODT"), N_("OpenDocument text") },
  { "lesson.export-package", UROK_LESSON_EXPORT_PACKAGE, UROK_LESSON_PACKAGE_EXTENSION,
    UROK_LESSON_PACKAGE_MIME_TYPE, N_("Export Lesson Package"), N_("Urok lesson packages") },
  { "lesson.export-cartridge", UROK_LESSON_EXPORT_CARTRIDGE, ".imscc", "application/zip",
    N_("Export for Moodle"), N_("IMS Common Cartridge packages") },
  { "lesson.export-cartridge-1-3", UROK_LESSON_EXPORT_CARTRIDGE_1_3, ".imscc", "application/zip",
    N_("Export as Common Cartridge 1.3"), N_("IMS Common Cartridge packages") },
};

static char *
class_group_name (UrokLessonEditor *self)
{
  const char *uuid = urok_lesson_get_class_group_uuid (self->lesson);
  guint n = self->class_groups != NULL ? g_list_model_get_n_items (self->class_groups) : 0;

  for (guint i = 0; i < n && *uuid != '\0'; i++)
    {
      g_autoptr(UrokClassGroup) group = g_list_model_get_item (self->class_groups, i);

      if (g_strcmp0 (urok_class_group_get_uuid (group), uuid) == 0)
        return g_strdup (urok_class_group_get_name (group));
    }
  return NULL;
}

static UrokLessonPlan *
create_plan (UrokLessonEditor *self,
             UrokLesson       *lesson)
{
  g_autofree char *teacher = g_settings_get_string (self->settings, "teacher-name");
  g_autofree char *school = g_settings_get_string (self->settings, "school-name");
  g_autofree char *class_name = class_group_name (self);
  UrokLessonPlan *plan = urok_lesson_plan_new (lesson, teacher, school, class_name);

  urok_lesson_plan_set_stage_kinds (plan, self->kinds);
  return plan;
}

static void
open_file_clicked_cb (AdwToast *toast,
                      GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
report_export (UrokLessonEditor *self,
               GFile            *file,
               const GError     *error)
{
  g_autofree char *name = g_file_get_basename (file);
  AdwToast *toast;

  if (error != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could not export “%s”"), name);
      GtkWidget *dialog = adw_message_dialog_new (_urok_lesson_editor_get_window (self), heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Toast titles are markup; a file name may hold "&" or "<". */
  {
    g_autofree char *title = g_markup_printf_escaped (_("Exported “%s”"), name);

    toast = adw_toast_new (title);
  }
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_file_clicked_cb),
                         g_object_ref (file), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  _urok_lesson_editor_show_toast (self, toast);
}

/* What an export thread needs, gathered on the main thread: a copy of the
 * lesson as on screen (or its plan), never the widgets' own objects. */
typedef struct
{
  UrokLessonExport  format;
  UrokLessonPlan   *plan;
  UrokLesson       *lesson;
  char             *store_path;
  char             *path;
} ExportJob;

/* May run in the worker's thread: the job holds no widget. */
static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->plan);
  g_clear_object (&job->lesson);
  g_free (job->store_path);
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
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  if (g_task_return_error_if_cancelled (task))
    return;

  switch (job->format)
    {
    case UROK_LESSON_EXPORT_PDF:
      ok = urok_lesson_plan_write_pdf (job->plan, job->path, &error);
      break;

    case UROK_LESSON_EXPORT_ODT:
      ok = urok_lesson_plan_write_odt (job->plan, job->path, &error);
      break;

    case UROK_LESSON_EXPORT_PACKAGE:
    case UROK_LESSON_EXPORT_CARTRIDGE:
    case UROK_LESSON_EXPORT_CARTRIDGE_1_3:
      /* The package reads the lesson's tests and media through a
       * connection of this thread's own. */
      store = urok_store_open_connection (job->store_path, &error);
      if (store == NULL)
        break;
      if (job->format == UROK_LESSON_EXPORT_PACKAGE)
        ok = urok_lesson_package_export (store, job->lesson, job->path, &error);
      else
        /* Stock Moodle converts Common Cartridge 1.0 and 1.1 only
         * (docs/formats/common-cartridge.md). */
        ok = urok_lesson_cartridge_export_version (store, job->lesson,
                                                   job->format == UROK_LESSON_EXPORT_CARTRIDGE
                                                   ? UROK_CARTRIDGE_1_1 : UROK_CARTRIDGE_1_3,
                                                   job->path, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UrokLessonEditor *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  /* The spinner in the header stays while any export runs.  (Not a toast
   * dismissed when done: libadwaita 1.2 can crash dismissing a toast while
   * another one animates.) */
  if (--self->n_exports == 0)
    gtk_widget_set_visible (self->export_spinner, FALSE);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
urok_lesson_editor_export_async (UrokLessonEditor    *self,
                                 UrokLessonExport     format,
                                 GFile               *file,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(UrokLesson) copy = NULL;
  g_autofree char *path = NULL;
  ExportJob *job;

  g_return_if_fail (UROK_IS_LESSON_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->lesson != NULL);

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, urok_lesson_editor_export_async);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Choose a folder on this computer to export to"));
      return;
    }
  /* The store is brought up to date too, without waiting for it. */
  _urok_lesson_editor_queue_save (self);

  /* The copy is what was on screen when the file was chosen. */
  copy = urok_lesson_copy (self->lesson, FALSE);
  job = g_new0 (ExportJob, 1);
  job->format = format;
  job->path = g_steal_pointer (&path);
  if (format == UROK_LESSON_EXPORT_PDF || format == UROK_LESSON_EXPORT_ODT)
    job->plan = create_plan (self, copy);
  else
    {
      job->lesson = g_steal_pointer (&copy);
      job->store_path = g_strdup (urok_store_get_path (self->store));
    }

  self->n_exports++;
  gtk_widget_set_visible (self->export_spinner, TRUE);

  /* No source object: the worker may drop its reference in its thread,
   * and a widget must not be finalized there. */
  worker = g_task_new (NULL, self->cancellable, export_done_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, job, export_job_free);
  g_task_run_in_thread (worker, export_thread);
}

gboolean
urok_lesson_editor_export_finish (UrokLessonEditor  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  urok_lesson_editor_export_finish (self, result, &error);
  /* The editor went away meanwhile: nobody to tell. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  report_export (self, file, error);
}

static void
export_chosen_cb (GtkNativeDialog  *chooser,
                  int               response,
                  UrokLessonEditor *self)
{
  UrokLessonExport format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "format"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->lesson != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file == NULL)
    return;

  urok_lesson_editor_export_async (self, format, file, exported_cb, g_object_ref (file));
}

/* A file name from the topic: no path separators, not too long. */
static char *
suggested_name (UrokLesson *lesson,
                const char *extension)
{
  g_autofree char *topic = g_strdup (urok_lesson_get_topic (lesson));
  g_autoptr(GString) name = NULL;

  g_strdelimit (g_strstrip (topic), "/\\:*?\"<>|\n\t", ' ');
  name = g_string_new (*topic != '\0' ? topic : _("Lesson"));
  if (name->len > 80)
    {
      const char *end = g_utf8_find_prev_char (name->str, name->str + 80);
      g_string_truncate (name, end != NULL ? (gsize)(end - name->str) : 80);
    }
  g_string_append (name, extension);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  guint i;

  if (self->lesson == NULL)
    return;
  for (i = 0; i < G_N_ELEMENTS (exports); i++)
    if (g_str_equal (exports[i].action, action_name))
      break;
  g_return_if_fail (i < G_N_ELEMENTS (exports));

  chooser = gtk_file_chooser_native_new (_(exports[i].title), _urok_lesson_editor_get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = suggested_name (self->lesson, exports[i].extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _(exports[i].filter));
  gtk_file_filter_add_mime_type (filter, exports[i].mime_type);
  {
    g_autofree char *pattern = g_strconcat ("*", exports[i].extension, NULL);
    gtk_file_filter_add_pattern (filter, pattern);
  }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "format", GUINT_TO_POINTER (exports[i].format));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Printing */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                UrokLessonPlan    *plan)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  guint n_pages = urok_lesson_plan_paginate (plan, pango,
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));

  g_object_unref (pango);
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              UrokLessonPlan    *plan)
{
  urok_lesson_plan_draw_page (plan, gtk_print_context_get_cairo_context (context), page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               UrokLessonEditor        *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (_urok_lesson_editor_get_window (self),
                                                  _("Could not print the lesson plan"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

GtkPrintOperation *
urok_lesson_editor_new_print_operation (UrokLessonEditor *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(UrokLesson) copy = NULL;
  GtkPaperSize *a4;
  UrokLessonPlan *plan;

  g_return_val_if_fail (UROK_IS_LESSON_EDITOR (self), NULL);
  g_return_val_if_fail (self->lesson != NULL, NULL);

  /* The copy is what was on screen when Print was pressed. */
  copy = urok_lesson_copy (self->lesson, FALSE);
  plan = create_plan (self, copy);
  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "plan", plan, g_object_unref);

  /* Technological maps are wide tables: A4 landscape unless changed.  The
   * plan lays out its own margins on the whole sheet, in points. */
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_paper_size_free (a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, urok_lesson_get_topic (self->lesson));
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), plan);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), plan);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  return g_steal_pointer (&operation);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->lesson == NULL)
    return;

  operation = urok_lesson_editor_new_print_operation (self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               _urok_lesson_editor_get_window (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog = adw_message_dialog_new (_urok_lesson_editor_get_window (self),
                                                  _("Could not print the lesson plan"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

void
_urok_lesson_editor_class_init_export (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    gtk_widget_class_install_action (widget_class, exports[i].action, NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "lesson.print", NULL, print_activated);
}
