/* urok-lessons-page-import.c: importing lesson packages (.urok) into the
 * library, from the file chooser or from `urok FILE`.
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
  store = _urok_lessons_page_get_store (self);
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
