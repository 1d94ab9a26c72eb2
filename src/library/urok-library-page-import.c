/* urok-library-page-import.c: bringing textbooks into the library: the file
 * chooser, files dropped on the page, and files opened from elsewhere.
 *
 * A book is copied, checked and catalogued in a thread, on a connection of
 * its own: a 50 MB textbook must not freeze the window.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-book-import.h"
#include "urok-library-page-private.h"
#include "urok-section-util.h"

/* What the thread is given and gives back; it holds no widget. */
typedef struct
{
  GFile        *file;
  char         *store_path;
  char         *books_dir;
  UrokBookInfo *book;
  gboolean      was_new;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_clear_object (&job->file);
  g_clear_object (&job->book);
  g_free (job->store_path);
  g_free (job->books_dir);
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

  /* SQLite connections are not shared between threads. */
  store = urok_store_open_connection (job->store_path, &error);
  if (store != NULL)
    job->book = urok_book_import (store, job->file, job->books_dir, &job->was_new, &error);
  if (job->book == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
urok_library_page_import_async (UrokLibraryPage     *self,
                                GFile               *file,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  UrokStore *store = urok_section_page_get_store (UROK_SECTION_PAGE (self));
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (UROK_IS_LIBRARY_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, urok_library_page_import_async);
  if (store == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The library is not open"));
      return;
    }
  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  job->store_path = g_strdup (urok_store_get_path (store));
  job->books_dir = urok_store_dup_books_dir (store);
  g_task_set_task_data (task, job, import_job_free);
  _urok_library_page_set_busy (self, +1);
  g_task_run_in_thread (task, import_thread);
}

/* The book as the library now lists it, or NULL with @error set. */
UrokBookInfo *
urok_library_page_import_finish (UrokLibraryPage  *self,
                                 GAsyncResult     *result,
                                 gboolean         *out_was_new,
                                 GError          **error)
{
  ImportJob *job;
  UrokStore *store = urok_section_page_get_store (UROK_SECTION_PAGE (self));

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  job = g_task_get_task_data (G_TASK (result));
  if (job != NULL)
    _urok_library_page_set_busy (self, -1);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  /* Written on the thread's connection: the page's store tells its
   * listeners now, on this thread. */
  if (store != NULL)
    urok_store_announce_change (store, "books");
  if (out_was_new != NULL)
    *out_was_new = job->was_new;
  return g_object_ref (job->book);
}

/* An import the teacher started here: the outcome shown on the page. */
static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  UrokLibraryPage *self = UROK_LIBRARY_PAGE (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(UrokBookInfo) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  gboolean was_new = FALSE;

  book = urok_library_page_import_finish (self, result, &was_new, &error);
  if (book == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could not import “%s”"), basename);

      urok_section_show_error (GTK_WIDGET (self), heading, error->message);
    }
  else if (!was_new)
    {
      const char *title = urok_book_info_get_title (book);
      /* Toast titles are markup: the book's title is not. */
      g_autofree char *message = g_markup_printf_escaped (_("“%s” is already in the library"),
                                                          *title != '\0' ? title : basename);

      urok_section_show_toast (GTK_WIDGET (self), message);
    }
}

void
_urok_library_page_import_files (UrokLibraryPage *self,
                                 GListModel      *files)
{
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      urok_library_page_import_async (self, file, imported_cb, g_object_ref (file));
    }
}

static void
chooser_response_cb (UrokLibraryPage      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      _urok_library_page_import_files (self, files);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

void
_urok_library_page_choose_files (UrokLibraryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) books = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Textbook"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (books, _("Textbooks (EPUB, PDF)"));
  gtk_file_filter_add_mime_type (books, "application/epub+zip");
  gtk_file_filter_add_suffix (books, "epub");
  gtk_file_filter_add_mime_type (books, "application/pdf");
  gtk_file_filter_add_suffix (books, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), books);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         UrokLibraryPage *self)
{
  GSList *list;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = g_value_get_boxed (value);
  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    return FALSE;
  _urok_library_page_import_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* Files dropped anywhere on the page are imported. */
void
_urok_library_page_add_drop_target (UrokLibraryPage *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
