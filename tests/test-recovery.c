/* test-recovery.c: a damaged store is neither opened nor overwritten; the
 * app offers the backup and, once chosen, starts on it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "core-test-util.h"
#include "ui-test-util.h"

static char *
make_damaged_store_with_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = urok_store_default_path ();
  g_autoptr(UrokStore) store = urok_store_open (path, &error);
  g_autofree char *contents = NULL;
  g_autofree char *wal = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpint (urok_store_create_lesson (store, "Урок из резервной копии", 45, &error), >, 0);
  g_assert_true (urok_store_backup (store, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Scribble over everything after the header, as a failing disk would. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  for (gsize i = 100; i < length; i++)
    contents[i] = (char)(i * 7);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  wal = g_strconcat (path, "-wal", NULL);
  g_unlink (wal);
  return g_steal_pointer (&path);
}

static void
test_restore_offered (void)
{
  g_autofree char *path = make_damaged_store_with_backup ();
  g_autofree char *damaged_before = NULL;
  g_autofree char *data_dir = g_path_get_dirname (path);
  g_autoptr(UrokApplication) app = NULL;
  g_autoptr(GListModel) lessons = NULL;
  g_autoptr(UrokLessonInfo) lesson = NULL;
  g_autoptr(GDir) dir = NULL;
  AdwMessageDialog *dialog;
  const char *name;
  gboolean kept = FALSE;
  gsize length;

  g_assert_true (g_file_get_contents (path, &damaged_before, &length, NULL));

  app = ui_test_start_app ();
  dialog = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_null (urok_application_get_store (app));
  g_assert_false (UROK_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "restore");
  ui_test_save_png (GTK_WIDGET (dialog), "recovery");

  adw_message_dialog_response (dialog, "restore");
  ui_test_iterate ();

  /* The backup is open and the window shows it... */
  g_assert_nonnull (urok_application_get_store (app));
  g_assert_true (UROK_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  lessons = urok_store_list_lessons (urok_application_get_store (app), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (lessons), ==, 1);
  lesson = g_list_model_get_item (lessons, 0);
  g_assert_cmpstr (urok_lesson_info_get_title (lesson), ==, "Урок из резервной копии");

  /* ...and the damaged file is kept, byte for byte, beside it. */
  dir = g_dir_open (data_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "urok.db.damaged-") && !g_str_has_suffix (name, "-wal")
        && !g_str_has_suffix (name, "-shm"))
      {
        g_autofree char *kept_path = g_build_filename (data_dir, name, NULL);
        g_autofree char *kept_contents = NULL;
        gsize kept_length;

        g_assert_true (g_file_get_contents (kept_path, &kept_contents, &kept_length, NULL));
        g_assert_cmpmem (kept_contents, kept_length, damaged_before, length);
        kept = TRUE;
      }
  g_assert_true (kept);

  g_application_quit (G_APPLICATION (app));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = ui_test_isolate_dirs ();
  g_autoptr(GFile) root = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/recovery/restore-offered", test_restore_offered);
  ret = g_test_run ();

  root = g_file_new_for_path (dirs);
  core_test_remove_tree (root);
  return ret;
}
