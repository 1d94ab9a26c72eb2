/* core-test-util.h: a fresh directory for each headless test case.
 *
 * G_TEST_OPTION_ISOLATE_DIRS would do, but in GLib 2.74 it leaks the old
 * user dirs on every test case, which LeakSanitizer rightly reports.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

/* The root of every test case's directory, removed by core_test_run(). */
static inline char **
core_test_root (void)
{
  static char *root;

  return &root;
}

/* A directory of the running test case's own, created on first use. */
static inline char *
core_test_dir (void)
{
  g_autofree char *name = NULL;
  char *dir;

  if (*core_test_root () == NULL)
    {
      g_autoptr(GError) error = NULL;

      *core_test_root () = g_dir_make_tmp ("urok-test-XXXXXX", &error);
      g_assert_no_error (error);
    }
  name = g_strdelimit (g_strdup (g_test_get_path ()), "/", '_');
  dir = g_build_filename (*core_test_root (), name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

/* @name inside the running test case's directory. */
static inline char *
core_test_path (const char *name)
{
  g_autofree char *dir = core_test_dir ();

  return g_build_filename (dir, name, NULL);
}

static inline void
core_test_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL
         && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL)
         && child != NULL)
    core_test_remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

/* Runs the tests, then removes every directory they made. */
static inline int
core_test_run (void)
{
  int ret = g_test_run ();

  if (*core_test_root () != NULL)
    {
      g_autoptr(GFile) root = g_file_new_for_path (*core_test_root ());

      core_test_remove_tree (root);
      g_clear_pointer (core_test_root (), g_free);
    }
  return ret;
}
