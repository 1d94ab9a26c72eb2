/* urok-lessons-page-import.c: importing lesson packages (.urok) into the
 * library, from the file chooser or from `urok FILE`.
 *
 * The package is checked and unpacked in a thread, on a connection of its
 * own, while a toast says so; the lesson opens once it is in the store.
 * Closing the window cancels what would follow (the import itself is one
 * transaction: it is all there or not at all).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-lesson-package.h"
#include "urok-lessons-page-private.h"
#include "urok-section-util.h"

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

/* An import in its thread: the package path and the store's, in; the
 * lesson (made in the thread, then handed over whole) and whether it was
 * new, out. */
typedef struct
{
  char       *path;
  char       *store_path;
  UrokLesson *lesson;
  gboolean    was_new;
} ImportJob;

/* May run in the worker's thread: the job holds no widget. */
static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_clear_object (&job->lesson);
  g_free (job->path);
  g_free (job->store_path);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* SQLite connections are not shared between threads: this one is the
   * thread's own, on the same file. */
  store = urok_store_open_connection (job->store_path, &error);
  if (store != NULL)
    job->lesson = urok_lesson_package_import (store, job->path, &job->was_new, &error);
  if (job->lesson == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UrokLessonsPage *self = g_task_get_source_object (task);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  UrokStore *store = _urok_lessons_page_get_store (self);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Written on the thread's connection: the page's store tells its
   * listeners now, on this thread. */
  if (store != NULL)
    {
      urok_store_announce_change (store, "lessons");
      urok_store_announce_change (store, "tests");
    }
  if (!job->was_new)
    {
      g_autofree char *message =
        g_markup_printf_escaped (_("“%s” was already here and has been replaced by the imported copy"),
                                 urok_lesson_get_topic (job->lesson));

      urok_section_show_toast (GTK_WIDGET (self), message);
    }
  if (store == NULL || !urok_lessons_page_show_lesson (self, urok_lesson_get_uuid (job->lesson), &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The store was closed");
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
urok_lessons_page_import_package_async (UrokLessonsPage     *self,
                                        GFile               *file,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  UrokStore *store;
  ImportJob *job;

  g_return_if_fail (UROK_IS_LESSONS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  store = _urok_lessons_page_get_store (self);
  g_return_if_fail (store != NULL);

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, urok_lessons_page_import_package_async);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("The file is not on this computer. Copy it to a folder here and open it from there."));
      return;
    }

  /* The package may replace the lesson in the editor: its last edits go
   * first, not over the imported copy afterwards. */
  if (!urok_lesson_editor_flush (self->editor, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->path = g_steal_pointer (&path);
  job->store_path = g_strdup (urok_store_get_path (store));
  /* Left to time out rather than dismissed when done: libadwaita 1.2 can
   * crash dismissing a toast while another one animates.  The lesson
   * opening is the sign that the import is done. */
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *title = g_markup_printf_escaped (_("Importing “%s”…"), name);

    urok_section_show_toast (GTK_WIDGET (self), title);
  }

  /* No source object: the worker may drop its reference in its thread,
   * and a widget must not be finalized there. */
  worker = g_task_new (NULL, self->cancellable, imported_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, job, import_job_free);
  g_task_run_in_thread (worker, import_thread);
}

gboolean
urok_lessons_page_import_package_finish (UrokLessonsPage  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (!urok_lessons_page_import_package_finish (self, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could not import “%s”"), basename);

      urok_section_show_error (GTK_WIDGET (self), heading, error->message);
    }
}

static void
import_file (UrokLessonsPage *self,
             GFile           *file)
{
  urok_lessons_page_import_package_async (self, file, import_done_cb, g_object_ref (file));
}

static void
chooser_response_cb (UrokLessonsPage *self,
                     int              response)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT || _urok_lessons_page_get_store (self) == NULL)
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

void
_urok_lessons_page_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "lesson.import-package", NULL, import_package_activated);
}
