/* bench-store-open.c: store.open, opening and migrating the demo store.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "urok-demo.h"

#define RUNS 50

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("urok-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "urok.db", NULL);
  g_autofree char *books = g_build_filename (dir, "books", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) epub = g_file_new_for_path (DEMO_EPUB);
  g_autoptr(GError) error = NULL;
  double open_ms[RUNS];
  double migrate_ms[RUNS];
  gsize length;

  if (!g_file_get_contents (DEMO_JSON, &json, &length, &error))
    g_error ("%s", error->message);
  bytes = g_bytes_new_take (g_steal_pointer (&json), length);

  {
    g_autoptr(UrokStore) store = urok_store_open (db, &error);
    if (store == NULL || !urok_demo_load (store, bytes, epub, books, &error))
      g_error ("%s", error->message);
  }

  for (int i = 0; i < RUNS; i++)
    {
      g_autofree char *fresh = g_strdup_printf ("%s/fresh-%d.db", dir, i);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(UrokStore) store = urok_store_open (db, &error);

      open_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_nonnull (store);
      g_clear_object (&store);

      start = g_get_monotonic_time ();
      store = urok_store_open (fresh, &error);
      migrate_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_nonnull (store);
    }

  qsort (open_ms, RUNS, sizeof (double), compare_doubles);
  qsort (migrate_ms, RUNS, sizeof (double), compare_doubles);
  g_print ("BENCH store.open %.3f ms\n", open_ms[RUNS / 2]);
  g_print ("BENCH store.open.p99 %.3f ms\n", open_ms[RUNS - 1]);
  g_print ("BENCH store.migrate_empty %.3f ms\n", migrate_ms[RUNS / 2]);

  /* Leave no temporary files behind. */
  {
    g_autoptr(GFile) top = g_file_new_for_path (dir);
    g_autoptr(GFileEnumerator) children = g_file_enumerate_children (top, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                     G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                     NULL, NULL);
    GFileInfo *info;

    while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, g_file_info_get_name (info), NULL);
        if (g_file_test (path, G_FILE_TEST_IS_DIR))
          {
            g_autoptr(GDir) sub = g_dir_open (path, 0, NULL);
            const char *name;
            while (sub != NULL && (name = g_dir_read_name (sub)) != NULL)
              {
                g_autofree char *child = g_build_filename (path, name, NULL);
                g_unlink (child);
              }
            g_rmdir (path);
          }
        else
          g_unlink (path);
        g_object_unref (info);
      }
    g_rmdir (dir);
  }
  return 0;
}
