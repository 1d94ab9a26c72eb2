/* fuzz-lesson-package.c: libFuzzer target for lesson package import: the
 * input is written to a file and imported into a store of the fuzzer's own.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "urok-lesson-package.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *fuzz_dir;
static char *input_path;
static UrokStore *store;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
cleanup (void)
{
  g_clear_object (&store);
  if (fuzz_dir != NULL)
    remove_tree (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
  g_clear_pointer (&input_path, g_free);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokLesson) lesson = NULL;

  /* One store for the whole run: opening (and migrating) one per input
   * would leave little time for the parser. */
  if (store == NULL)
    {
      g_autofree char *db = NULL;

      fuzz_dir = g_dir_make_tmp ("urok-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      db = g_build_filename (fuzz_dir, "urok.db", NULL);
      input_path = g_build_filename (fuzz_dir, "input.urok", NULL);
      store = urok_store_open (db, &error);
      g_assert_no_error (error);
      atexit (cleanup);
    }

  g_file_set_contents (input_path, (const char *)data, (gssize)size, &error);
  g_assert_no_error (error);
  lesson = urok_lesson_package_import (store, input_path, NULL, &error);

  /* Exactly one of the two, whatever the input. */
  g_assert ((lesson == NULL) != (error == NULL));
  return 0;
}
