/* package-test-util.h: a lesson that uses every kind of resource, with its
 * media and a test, and ways to see whether a store or a folder changed.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-lesson-package.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const void *data;
  gsize       size;      /* 0 with data: strlen (data) */
  char        type;      /* 0 or 'f' a file, 'd' a folder, 'l' a symbolic link to data */
  gboolean    stored;    /* not deflated */
} PkgEntry;

/* A store in @dir (created if need be). */
UrokStore  *pkg_test_open_store  (const char      *dir);
/* Saves in @store a lesson with every kind of resource, two media files
 * (one used twice) and a test with questions of several kinds. */
UrokLesson *pkg_test_make_lesson (UrokStore       *store);
GBytes     *pkg_test_png         (void);
GBytes     *pkg_test_ogg         (void);
const char *pkg_test_png_name    (void);
const char *pkg_test_ogg_name    (void);
const char *pkg_test_link_url    (void);

/* Every row of every table, as text. */
char       *pkg_test_dump_store  (UrokStore       *store);
/* Every file below @dir but the database's own, with its SHA-256. */
char       *pkg_test_dump_tree   (const char      *dir);
/* The store's folder. */
char       *pkg_test_store_dir   (UrokStore       *store);

void        pkg_test_write_zip   (const char      *path,
                                  const PkgEntry  *entries,
                                  guint            n_entries);
/* Every entry of a ZIP: name → GBytes. */
GHashTable *pkg_test_read_zip    (const char      *path);

G_END_DECLS
