/* test-lesson-package.c: a lesson survives export and import whole, importing
 * twice does not duplicate, and hostile packages are refused without
 * changing anything in the store or on disk.
 *
 * Every package here, good or bad, is made by the test itself.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

#include "package-test-util.h"
#include "urok-store-packages.h"

#define EMPTY_SHA256 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static UrokStore *
open_store (const char *name)
{
  g_autofree char *dir = core_test_path (name);

  return pkg_test_open_store (dir);
}

static char *
export_lesson (UrokStore  *store,
               UrokLesson *lesson,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = core_test_path (name);

  g_assert_true (urok_lesson_package_export (store, lesson, path, &error));
  g_assert_no_error (error);
  return path;
}

static GBytes *
read_media (UrokStore  *store,
            const char *uuid,
            const char *name)
{
  g_autofree char *dir = urok_store_dup_lesson_media_dir (store, uuid);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

/* The names in the lesson's media folder, sorted, one a line. */
static char *
list_media (UrokStore  *store,
            const char *uuid)
{
  g_autofree char *dir = urok_store_dup_lesson_media_dir (store, uuid);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **)names->pdata);
}

static char *
test_json (UrokStore  *store,
           const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = urok_store_dup_test_json (store, uuid, &error);

  g_assert_no_error (error);
  return json_to_string (node, FALSE);
}

static guint
count_items (GListModel *model)
{
  guint n;

  g_assert_nonnull (model);
  n = g_list_model_get_n_items (model);
  g_object_unref (model);
  return n;
}

static void
assert_no_leftovers (UrokStore *store)
{
  g_autofree char *dir = pkg_test_store_dir (store);
  g_autofree char *tree = pkg_test_dump_tree (dir);

  g_assert_null (strstr (tree, ".import-"));
  g_assert_null (strstr (tree, "old-media"));
}

static void
test_round_trip (void)
{
  g_autoptr(UrokStore) source = open_store ("source");
  g_autoptr(UrokStore) target = open_store ("target");
  g_autoptr(UrokLesson) lesson = pkg_test_make_lesson (source);
  g_autoptr(UrokLesson) imported = NULL;
  g_autoptr(UrokLesson) loaded = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_lesson (source, lesson, "lesson.urok");
  g_autofree char *source_test = NULL;
  g_autofree char *target_test = NULL;
  const char *uuid = urok_lesson_get_uuid (lesson);
  const char *names[] = { pkg_test_png_name (), pkg_test_ogg_name () };
  gboolean was_new = FALSE;

  /* The manifest, each media file once and the board page, nothing else. */
  files = pkg_test_read_zip (path);
  g_assert_cmpuint (g_hash_table_size (files), ==, 4);
  g_assert_true (g_hash_table_contains (files, "manifest.json"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *entry = g_strconcat ("media/", names[i], NULL);
      g_assert_true (g_hash_table_contains (files, entry));
    }

  /* The magic in data/ru.urok.Urok.mime.xml.in: a ZIP whose first entry is
   * manifest.json, stored, naming the format near its start. */
  {
    static const char format[] = "urok-lesson-package";
    g_autofree char *contents = NULL;
    gboolean found = FALSE;
    gsize length = 0;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 400);
    g_assert_cmpmem (contents, 4, "PK\003\004", 4);
    g_assert_cmpmem (contents + 30, 13, "manifest.json", 13);
    for (gsize i = 43; i + strlen (format) <= 400 && !found; i++)
      found = memcmp (contents + i, format, strlen (format)) == 0;
    g_assert_true (found);
  }

  imported = urok_lesson_package_import (target, path, &was_new, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_true (was_new);
  g_assert_true (urok_lesson_equal (lesson, imported));

  loaded = urok_store_load_lesson (target, uuid, &error);
  g_assert_no_error (error);
  g_assert_true (urok_lesson_equal (lesson, loaded));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) original = read_media (source, uuid, names[i]);
      g_autoptr(GBytes) copy = read_media (target, uuid, names[i]);

      g_assert_true (g_bytes_equal (original, copy));
    }
  {
    g_autofree char *source_media = list_media (source, uuid);
    g_autofree char *target_media = list_media (target, uuid);

    g_assert_cmpstr (source_media, ==, target_media);
  }

  /* The test with every question; the deleted one stays missing. */
  source_test = test_json (source, "3f0c1a7e-8d52-4c1b-9a55-0c7f5e2b9d10");
  target_test = test_json (target, "3f0c1a7e-8d52-4c1b-9a55-0c7f5e2b9d10");
  g_assert_cmpstr (source_test, ==, target_test);
  {
    g_autoptr(JsonNode) missing = urok_store_dup_test_json (target, "0b9e0f6e-51a4-4c43-8f0e-3c6a2d5a7e11", &error);

    g_assert_null (missing);
    g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  assert_no_leftovers (target);
}

static void
test_import_twice (void)
{
  g_autoptr(UrokStore) source = open_store ("source");
  g_autoptr(UrokStore) target = open_store ("target");
  g_autoptr(UrokLesson) lesson = pkg_test_make_lesson (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = export_lesson (source, lesson, "lesson.urok");
  g_autofree char *first_media = NULL;
  const char *uuid = urok_lesson_get_uuid (lesson);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(UrokLesson) imported = NULL;
      g_autofree char *media = NULL;
      gboolean was_new = !i;

      imported = urok_lesson_package_import (target, path, &was_new, &error);
      g_assert_no_error (error);
      g_assert_true (urok_lesson_equal (lesson, imported));
      g_assert_cmpint (was_new, ==, i == 0);
      g_assert_cmpuint (count_items (urok_store_list_lessons (target, NULL)), ==, 1);
      g_assert_cmpuint (count_items (urok_store_list_tests (target, NULL)), ==, 1);

      media = list_media (target, uuid);
      if (i == 0)
        first_media = g_steal_pointer (&media);
      else
        g_assert_cmpstr (media, ==, first_media);
    }

  /* A newer version of the same lesson replaces it, media and all: the
   * sound was swapped for another file. */
  {
    g_autoptr(UrokLesson) imported = NULL;
    g_autoptr(UrokLesson) loaded = NULL;
    g_autofree char *dir = urok_store_dup_lesson_media_dir (source, uuid);
    g_autofree char *old_path = g_build_filename (dir, pkg_test_ogg_name (), NULL);
    g_autofree char *new_path = g_build_filename (dir, "new-sound.ogg", NULL);
    g_autofree char *second = NULL;
    g_autofree char *media = NULL;
    GListModel *stages = urok_lesson_get_stages (lesson);
    g_autoptr(UrokStage) stage = g_list_model_get_item (stages, 1);
    g_autoptr(UrokResource) sound = g_list_model_get_item (urok_stage_get_resources (stage), 1);
    gboolean was_new = TRUE;

    g_assert_cmpstr (urok_resource_get_target (sound), ==, pkg_test_ogg_name ());
    g_assert_cmpint (g_rename (old_path, new_path), ==, 0);
    urok_resource_set_target (sound, "new-sound.ogg");
    urok_lesson_set_topic (lesson, "Сложение дробей (вторая редакция)");
    g_assert_true (urok_store_save_lesson (source, lesson, &error));
    g_assert_no_error (error);

    second = export_lesson (source, lesson, "second.urok");
    imported = urok_lesson_package_import (target, second, &was_new, &error);
    g_assert_no_error (error);
    g_assert_false (was_new);
    loaded = urok_store_load_lesson (target, uuid, &error);
    g_assert_no_error (error);
    g_assert_true (urok_lesson_equal (lesson, loaded));
    g_assert_cmpuint (count_items (urok_store_list_lessons (target, NULL)), ==, 1);

    media = list_media (target, uuid);
    g_assert_cmpstr (media, ==, "new-sound.ogg\npicture.png");
  }
  assert_no_leftovers (target);
}

static void
test_no_media (void)
{
  g_autoptr(UrokStore) source = open_store ("source");
  g_autoptr(UrokStore) target = open_store ("target");
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokLesson) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean was_new = FALSE;

  urok_lesson_set_topic (lesson, "Пустой урок");
  g_assert_true (urok_store_save_lesson (source, lesson, &error));
  g_assert_no_error (error);
  path = export_lesson (source, lesson, "empty.urok");
  imported = urok_lesson_package_import (target, path, &was_new, &error);
  g_assert_no_error (error);
  g_assert_true (was_new);
  g_assert_true (urok_lesson_equal (lesson, imported));
}

static void
test_export_missing_media (void)
{
  g_autoptr(UrokStore) store = open_store ("store");
  g_autoptr(UrokLesson) lesson = pkg_test_make_lesson (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = urok_store_dup_lesson_media_dir (store, urok_lesson_get_uuid (lesson));
  g_autofree char *media = g_build_filename (dir, pkg_test_ogg_name (), NULL);
  g_autofree char *path = core_test_path ("lesson.urok");
  g_autofree char *test_dir = core_test_dir ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Fails, and leaves neither the file nor its temporary twin. */
  g_assert_cmpint (g_unlink (media), ==, 0);
  before = pkg_test_dump_tree (test_dir);
  g_assert_false (urok_lesson_package_export (store, lesson, path, &error));
  g_assert_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_MISSING_MEDIA);
  g_test_message ("refused: %s", error->message);
  after = pkg_test_dump_tree (test_dir);
  g_assert_cmpstr (before, ==, after);
}

/* Hostile packages */

typedef struct
{
  const char *name;
  GBytes     *bytes;
  const char *sha256; /* NULL: the right one */
  gint64      size;   /* -1: the right one */
} MediaSpec;

typedef struct
{
  UrokStore  *store;
  UrokLesson *lesson;
  GBytes     *png;
  GBytes     *ogg;
} Hostile;

static void
hostile_init (Hostile *self)
{
  self->store = open_store ("target");
  self->lesson = pkg_test_make_lesson (self->store);
  self->png = pkg_test_png ();
  self->ogg = pkg_test_ogg ();
}

static void
hostile_clear (Hostile *self)
{
  g_clear_object (&self->store);
  g_clear_object (&self->lesson);
  g_clear_pointer (&self->png, g_bytes_unref);
  g_clear_pointer (&self->ogg, g_bytes_unref);
}

static char *
make_manifest_full (JsonNode        *lesson,
                    const char      *format,
                    gint64           version,
                    const MediaSpec *media,
                    guint            n_media,
                    JsonNode        *tests)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (format != NULL)
    {
      json_builder_set_member_name (builder, "format");
      json_builder_add_string_value (builder, format);
    }
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, "test-lesson-package");
  json_builder_set_member_name (builder, "lesson");
  json_builder_add_value (builder, lesson);
  json_builder_set_member_name (builder, "media");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_media; i++)
    {
      gsize size = media[i].bytes != NULL ? g_bytes_get_size (media[i].bytes) : 0;
      g_autofree char *sha256 = NULL;

      if (media[i].sha256 != NULL)
        sha256 = g_strdup (media[i].sha256);
      else if (media[i].bytes != NULL)
        sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, media[i].bytes);
      else
        sha256 = g_strdup (EMPTY_SHA256);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, media[i].name);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, sha256);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, media[i].size >= 0 ? media[i].size : (gint64)size);
      json_builder_set_member_name (builder, "media-type");
      json_builder_add_string_value (builder, "application/octet-stream");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "tests");
  if (tests != NULL)
    json_builder_add_value (builder, tests);
  else
    {
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}

static char *
make_manifest (Hostile         *self,
               const char      *format,
               gint64           version,
               const MediaSpec *media,
               guint            n_media)
{
  return make_manifest_full (urok_lesson_to_json (self->lesson), format, version, media, n_media, NULL);
}

/* The manifest of the lesson with both its media files, as it should be. */
static char *
good_manifest (Hostile *self)
{
  const MediaSpec media[] = {
    { pkg_test_png_name (), self->png, NULL, -1 },
    { pkg_test_ogg_name (), self->ogg, NULL, -1 },
  };

  return make_manifest (self, "urok-lesson-package", 1, media, G_N_ELEMENTS (media));
}

static PkgEntry
media_entry (const char *name,
             GBytes     *bytes)
{
  PkgEntry entry = { name, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), 'f', FALSE };

  return entry;
}

static void
assert_refused (Hostile    *self,
                const char *path,
                int         code)
{
  g_autofree char *dir = pkg_test_store_dir (self->store);
  g_autofree char *store_before = pkg_test_dump_store (self->store);
  g_autofree char *tree_before = pkg_test_dump_tree (dir);
  g_autofree char *store_after = NULL;
  g_autofree char *tree_after = NULL;
  g_autoptr(UrokLesson) lesson = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_new = 42;

  lesson = urok_lesson_package_import (self->store, path, &was_new, &error);
  g_assert_null (lesson);
  g_assert_error (error, UROK_PACKAGE_ERROR, code);
  g_assert_cmpint (was_new, ==, 42);
  g_test_message ("refused: %s", error->message);

  store_after = pkg_test_dump_store (self->store);
  tree_after = pkg_test_dump_tree (dir);
  g_assert_cmpstr (store_before, ==, store_after);
  g_assert_cmpstr (tree_before, ==, tree_after);
}

static void
assert_zip_refused (Hostile        *self,
                    const PkgEntry *entries,
                    guint           n_entries,
                    int             code)
{
  g_autofree char *path = core_test_path ("hostile.urok");

  pkg_test_write_zip (path, entries, n_entries);
  assert_refused (self, path, code);
  g_unlink (path);
}

/* The good package, with one more entry after its media. */
static void
assert_extra_refused (Hostile        *self,
                      const PkgEntry *extra,
                      int             code)
{
  g_autofree char *manifest = good_manifest (self);
  PkgEntry entries[] = {
    { "manifest.json", manifest },
    media_entry ("media/picture.png", self->png),
    media_entry ("media/Звук урока.ogg", self->ogg),
    *extra,
  };

  assert_zip_refused (self, entries, G_N_ELEMENTS (entries), code);
}

/* Whether the hostile package managed to write @name anywhere near. */
static void
assert_nothing_escaped (void)
{
  g_autofree char *dir = core_test_dir ();
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *tree = pkg_test_dump_tree (parent);

  g_assert_null (strstr (tree, "escaped"));
  g_assert_false (g_file_test ("/tmp/urok-escaped.txt", G_FILE_TEST_EXISTS));
}

static void
test_hostile_good_base (void)
{
  Hostile self;
  g_autofree char *manifest = NULL;
  g_autofree char *path = core_test_path ("good.urok");
  g_autoptr(UrokLesson) lesson = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_new = TRUE;

  /* The base every hostile package is bent from imports cleanly. */
  hostile_init (&self);
  manifest = good_manifest (&self);
  {
    const PkgEntry entries[] = {
      { "manifest.json", manifest },
      { "media/", NULL, 0, 'd' },
      media_entry ("media/picture.png", self.png),
      media_entry ("media/Звук урока.ogg", self.ogg),
    };

    pkg_test_write_zip (path, entries, G_N_ELEMENTS (entries));
  }
  lesson = urok_lesson_package_import (self.store, path, &was_new, &error);
  g_assert_no_error (error);
  g_assert_false (was_new);
  g_assert_true (urok_lesson_equal (lesson, self.lesson));
  hostile_clear (&self);
}

static void
test_hostile_paths (void)
{
  static const char *const names[] = {
    "../escaped.txt",
    "media/../../escaped.txt",
    "media/../manifest.json",
    "/tmp/urok-escaped.txt",
    "media\\..\\..\\escaped.txt",
    "C:/escaped.txt",
    "./media/escaped.txt",
    "media//escaped.txt",
    "media/\001escaped.txt",
  };
  Hostile self;

  hostile_init (&self);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      PkgEntry extra = { names[i], "escaped", 0, 'f' };
      g_autofree char *shown = g_strescape (names[i], NULL);

      g_test_message ("entry “%s”", shown);
      assert_extra_refused (&self, &extra, UROK_PACKAGE_ERROR_UNSAFE);
    }
  assert_nothing_escaped ();

  /* The manifest names an unsafe media file. */
  {
    const MediaSpec media[] = { { "../escaped.txt", self.png, NULL, -1 } };
    g_autofree char *manifest = make_manifest (&self, "urok-lesson-package", 1, media, 1);
    const PkgEntry entries[] = { { "manifest.json", manifest }, media_entry ("media/../escaped.txt", self.png) };

    assert_zip_refused (&self, entries, G_N_ELEMENTS (entries), UROK_PACKAGE_ERROR_UNSAFE);
  }
  assert_nothing_escaped ();
  hostile_clear (&self);
}

static void
test_hostile_links (void)
{
  Hostile self;
  g_autofree char *manifest = NULL;

  hostile_init (&self);
  manifest = good_manifest (&self);
  {
    /* A listed media file that is a link out of the package. */
    const PkgEntry entries[] = {
      { "manifest.json", manifest },
      { "media/picture.png", "/etc/passwd", 0, 'l' },
      media_entry ("media/Звук урока.ogg", self.ogg),
    };

    assert_zip_refused (&self, entries, G_N_ELEMENTS (entries), UROK_PACKAGE_ERROR_UNSAFE);
  }
  {
    /* The media folder itself a link, and a file through it. */
    const PkgEntry entries[] = {
      { "manifest.json", manifest },
      { "media", "/tmp", 0, 'l' },
      media_entry ("media/picture.png", self.png),
    };

    assert_zip_refused (&self, entries, G_N_ELEMENTS (entries), UROK_PACKAGE_ERROR_UNSAFE);
  }
  hostile_clear (&self);
}

static void
test_hostile_zip_bomb (void)
{
  Hostile self;
  g_autofree char *path = core_test_path ("bomb.urok");
  g_autofree char *zeros = g_malloc0 (1024 * 1024);
  g_autofree char *contents = NULL;
  g_autoptr(GTimer) timer = NULL;
  gsize length = 0;
  const char *directory;

  hostile_init (&self);
  {
    /* The manifest claims 100 MB, within the limits; the entry inflates to
     * a gigabyte of zeros from about a megabyte. */
    const MediaSpec media[] = {
      { "bomb.bin", NULL, EMPTY_SHA256, 100 * 1024 * 1024 },
      { pkg_test_png_name (), self.png, NULL, -1 },
      { pkg_test_ogg_name (), self.ogg, NULL, -1 },
    };
    g_autofree char *manifest = make_manifest (&self, "urok-lesson-package", 1, media, G_N_ELEMENTS (media));
    struct archive *a = archive_write_new ();
    struct archive_entry *entry = archive_entry_new ();

    archive_write_set_format_zip (a);
    g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
    archive_entry_set_pathname (entry, "manifest.json");
    archive_entry_set_filetype (entry, AE_IFREG);
    archive_entry_set_perm (entry, 0644);
    archive_entry_set_size (entry, (la_int64_t)strlen (manifest));
    g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
    archive_write_data (a, manifest, strlen (manifest));
    /* No size in the local header: a streaming reader learns it only
     * from the data descriptor after the data. */
    archive_entry_clear (entry);
    archive_entry_set_pathname (entry, "media/bomb.bin");
    archive_entry_set_filetype (entry, AE_IFREG);
    archive_entry_set_perm (entry, 0644);
    g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
    for (guint i = 0; i < 1024; i++)
      g_assert_cmpint (archive_write_data (a, zeros, 1024 * 1024), ==, 1024 * 1024);
    archive_entry_free (entry);
    g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
    archive_write_free (a);
  }
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, <, 2 * 1024 * 1024);

  /* Whole, the central directory tells the gigabyte: refused unread. */
  timer = g_timer_new ();
  assert_refused (&self, path, UROK_PACKAGE_ERROR_TOO_LARGE);
  g_test_message ("bomb refused by its declared size in %.3f s", g_timer_elapsed (timer, NULL));

  /* Without its central directory the package is read as a stream and
   * nothing says how large the entry is: it is stopped by its ratio after
   * a megabyte or so, not after the manifest's 100 MB or the gigabyte. */
  directory = NULL;
  for (gsize i = 0; directory == NULL && i + 4 <= length; i++)
    if (memcmp (contents + i, "PK\001\002", 4) == 0)
      directory = contents + i;
  g_assert_nonnull (directory);
  g_assert_true (g_file_set_contents (path, contents, directory - contents, NULL));
  g_timer_start (timer);
  assert_refused (&self, path, UROK_PACKAGE_ERROR_TOO_LARGE);
  g_test_message ("streamed bomb refused in %.3f s", g_timer_elapsed (timer, NULL));
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (urok_lesson_package_import (self.store, path, NULL, &error));
    g_assert_nonnull (strstr (error->message, "zip bomb"));
  }

  {
    /* Sizes the manifest admits to are refused before anything is read. */
    const MediaSpec huge[] = { { "huge.bin", NULL, EMPTY_SHA256, (gint64)1024 * 1024 * 1024 } };
    const MediaSpec many[] = {
      { "a.bin", NULL, EMPTY_SHA256, (gint64)500 * 1024 * 1024 },
      { "b.bin", NULL, EMPTY_SHA256, (gint64)500 * 1024 * 1024 },
      { "c.bin", NULL, EMPTY_SHA256, (gint64)500 * 1024 * 1024 },
      { "d.bin", NULL, EMPTY_SHA256, (gint64)500 * 1024 * 1024 },
      { "e.bin", NULL, EMPTY_SHA256, (gint64)500 * 1024 * 1024 },
    };
    g_autofree char *huge_manifest = make_manifest (&self, "urok-lesson-package", 1, huge, 1);
    g_autofree char *many_manifest = make_manifest (&self, "urok-lesson-package", 1, many, G_N_ELEMENTS (many));
    const PkgEntry huge_entries[] = { { "manifest.json", huge_manifest } };
    const PkgEntry many_entries[] = { { "manifest.json", many_manifest } };

    assert_zip_refused (&self, huge_entries, 1, UROK_PACKAGE_ERROR_TOO_LARGE);
    assert_zip_refused (&self, many_entries, 1, UROK_PACKAGE_ERROR_TOO_LARGE);
  }
  hostile_clear (&self);
}

static void
test_hostile_too_many_entries (void)
{
  Hostile self;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) media = g_array_new (FALSE, TRUE, sizeof (MediaSpec));
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (PkgEntry));
  g_autofree char *manifest = NULL;
  PkgEntry entry = { 0 };

  hostile_init (&self);
  /* The lesson's two files, 9,997 listed empty ones and the manifest make
   * 10,000 entries: one more, whatever it is, is one too many. */
  {
    MediaSpec png = { pkg_test_png_name (), self.png, NULL, -1 };
    MediaSpec ogg = { pkg_test_ogg_name (), self.ogg, NULL, -1 };

    g_array_append_val (media, png);
    g_array_append_val (media, ogg);
  }
  for (guint i = 0; i < 9997; i++)
    {
      MediaSpec spec = { NULL, NULL, EMPTY_SHA256, 0 };

      g_ptr_array_add (names, g_strdup_printf ("f%05u.bin", i));
      spec.name = names->pdata[i];
      g_array_append_val (media, spec);
    }
  manifest = make_manifest (&self, "urok-lesson-package", 1, (MediaSpec *)media->data, media->len);
  entry.name = "manifest.json";
  entry.data = manifest;
  g_array_append_val (entries, entry);
  entry = media_entry ("media/picture.png", self.png);
  g_array_append_val (entries, entry);
  entry = media_entry ("media/Звук урока.ogg", self.ogg);
  g_array_append_val (entries, entry);
  for (guint i = 0; i < 9997; i++)
    {
      g_ptr_array_add (names, g_strconcat ("media/", (char *)names->pdata[i], NULL));
      entry.name = names->pdata[names->len - 1];
      entry.data = NULL;
      entry.size = 0;
      entry.stored = TRUE;
      g_array_append_val (entries, entry);
    }
  entry.name = "media/one-too-many.bin";
  g_array_append_val (entries, entry);
  assert_zip_refused (&self, (PkgEntry *)entries->data, entries->len, UROK_PACKAGE_ERROR_TOO_LARGE);

  {
    /* A manifest that lists more files than a package may hold. */
    MediaSpec spec = { "f10000.bin", NULL, EMPTY_SHA256, 0 };
    g_autofree char *long_manifest = NULL;

    g_array_append_val (media, spec);
    spec.name = "f10001.bin";
    g_array_append_val (media, spec);
    long_manifest = make_manifest (&self, "urok-lesson-package", 1, (MediaSpec *)media->data, media->len);
    {
      const PkgEntry only[] = { { "manifest.json", long_manifest } };
      assert_zip_refused (&self, only, 1, UROK_PACKAGE_ERROR_TOO_LARGE);
    }
  }
  hostile_clear (&self);
}

static void
test_hostile_truncated (void)
{
  Hostile self;
  g_autoptr(UrokStore) source = open_store ("source");
  g_autoptr(UrokLesson) lesson = pkg_test_make_lesson (source);
  g_autofree char *good = export_lesson (source, lesson, "good.urok");
  g_autofree char *path = core_test_path ("truncated.urok");
  g_autofree char *contents = NULL;
  gsize length = 0;

  hostile_init (&self);
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));

  /* Cut in the middle of the sound: the data ends early. */
  g_assert_true (g_file_set_contents (path, contents, (gssize)(length * 3 / 4), NULL));
  assert_refused (&self, path, UROK_PACKAGE_ERROR_INVALID);

  /* Anywhere else: refused or, past the last byte of media, read whole;
   * never half an import. */
  for (gsize cut = 0; cut < length; cut += length / 23)
    {
      g_autoptr(UrokLesson) imported = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = pkg_test_store_dir (self.store);
      g_autofree char *before = pkg_test_dump_tree (dir);
      g_autofree char *after = NULL;

      g_assert_true (g_file_set_contents (path, contents, (gssize)cut, NULL));
      imported = urok_lesson_package_import (self.store, path, NULL, &error);
      if (imported == NULL)
        {
          g_assert_true (error->domain == UROK_PACKAGE_ERROR);
          after = pkg_test_dump_tree (dir);
          g_assert_cmpstr (before, ==, after);
        }
      else
        g_assert_true (urok_lesson_equal (imported, lesson));
    }
  hostile_clear (&self);
}

static void
test_hostile_not_a_zip (void)
{
  static const char *const inputs[] = {
    "", "PK", "PK\003\004 truncated header", "%PDF-1.7\n%âãÏÓ\n", "{\"format\": \"urok-lesson-package\"}",
  };
  Hostile self;
  g_autofree char *path = core_test_path ("not-a-zip.urok");
  g_autofree char *dir = core_test_path ("a-folder.urok");

  hostile_init (&self);
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_assert_true (g_file_set_contents (path, inputs[i], -1, NULL));
      assert_refused (&self, path, UROK_PACKAGE_ERROR_INVALID);
    }
  {
    g_autoptr(GBytes) noise = pkg_test_ogg ();

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (noise, NULL), (gssize)g_bytes_get_size (noise), NULL));
    assert_refused (&self, path, UROK_PACKAGE_ERROR_INVALID);
  }
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  assert_refused (&self, dir, UROK_PACKAGE_ERROR_INVALID);
  hostile_clear (&self);
}

static void
test_hostile_manifest (void)
{
  static const char *const broken[] = {
    "", "{", "[]", "null", "{\"format\": \"urok-lesson-package\", \"version\": 1",
    "{\"format\": \"urok-lesson-package\", \"version\": 1}",                  /* no lesson */
    "{\"format\": \"urok-lesson-package\", \"version\": \"1\", \"lesson\": {}}", /* version a string */
    "{\"format\": \"urok-lesson-package\", \"version\": 0, \"lesson\": {}}",
    "{\"format\": \"urok-lesson-package\", \"version\": 1.5, \"lesson\": {}}",
    "{\"format\": \"urok-lesson-package\", \"version\": 1, \"lesson\": []}",
    "\xff\xfe{\"format\": \"urok-lesson-package\"}",
  };
  Hostile self;
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"urok-lesson-package\", \"version\": 1, \"lesson\": ");
  g_autofree char *huge = NULL;

  hostile_init (&self);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      const PkgEntry entries[] = { { "manifest.json", broken[i] } };

      g_autofree char *shown = g_strescape (broken[i], NULL);

      g_test_message ("manifest “%s”", shown);
      assert_zip_refused (&self, entries, 1, UROK_PACKAGE_ERROR_INVALID);
    }

  /* Nesting deep enough to overflow a recursive parser's stack. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  {
    const PkgEntry entries[] = { { "manifest.json", deep->str } };
    assert_zip_refused (&self, entries, 1, UROK_PACKAGE_ERROR_INVALID);
  }

  /* The same inside a board page: JSON text in a JSON string. */
  {
    g_autoptr(JsonNode) json = urok_lesson_to_json (self.lesson);
    g_autofree char *manifest = NULL;
    JsonArray *stages = json_object_get_array_member (json_node_get_object (json), "stages");
    JsonObject *stage = json_array_get_object_element (stages, 0);
    JsonObject *board = json_array_get_object_element (json_object_get_array_member (stage, "resources"), 0);
    g_autofree char *brackets = g_strnfill (200000, '[');

    g_assert_cmpstr (json_object_get_string_member (board, "kind"), ==, "board_page");
    json_object_set_string_member (board, "board", brackets);
    manifest = make_manifest_full (g_steal_pointer (&json), "urok-lesson-package", 1, NULL, 0, NULL);
    {
      const PkgEntry entries[] = { { "manifest.json", manifest } };
      assert_zip_refused (&self, entries, 1, UROK_PACKAGE_ERROR_INVALID);
    }
  }

  /* A manifest larger than any lesson's: refused before it is parsed. */
  huge = g_strnfill (9 * 1024 * 1024, ' ');
  {
    const PkgEntry entries[] = { { "manifest.json", huge } };
    assert_zip_refused (&self, entries, 1, UROK_PACKAGE_ERROR_TOO_LARGE);
  }

  /* The lesson itself not valid: a link that is no web address. */
  {
    g_autoptr(UrokLesson) copy = urok_lesson_copy (self.lesson, FALSE);
    GListModel *stages = urok_lesson_get_stages (copy);
    g_autoptr(UrokStage) stage = g_list_model_get_item (stages, 1);
    g_autoptr(UrokResource) link = urok_resource_new (UROK_RESOURCE_LINK);
    g_autofree char *manifest = NULL;

    urok_resource_set_target (link, "javascript:alert(1)");
    urok_stage_insert_resource (stage, 0, link);
    manifest = make_manifest_full (urok_lesson_to_json (copy), "urok-lesson-package", 1, NULL, 0, NULL);
    {
      const PkgEntry entries[] = { { "manifest.json", manifest } };
      assert_zip_refused (&self, entries, 1, UROK_PACKAGE_ERROR_INVALID);
    }
  }

  /* Tests that are not tests. */
  {
    static const char *const tests[] = {
      "{}",
      "[{\"uuid\": \"not-a-uuid\", \"title\": \"x\", \"questions\": []}]",
      "[{\"uuid\": \"3f0c1a7e-8d52-4c1b-9a55-0c7f5e2b9d10\", \"title\": \"x\", \"questions\": ["
      "{\"kind\": \"drop_table\", \"text\": \"x\", \"points\": 1}]}]",
      "[{\"uuid\": \"3f0c1a7e-8d52-4c1b-9a55-0c7f5e2b9d10\", \"title\": \"x\", \"questions\": ["
      "{\"kind\": \"essay\", \"text\": \"x\", \"points\": 1e300}]}]",
    };

    for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
      {
        g_autoptr(JsonNode) node = json_from_string (tests[i], NULL);
        g_autofree char *manifest = NULL;
        const MediaSpec media[] = {
          { pkg_test_png_name (), self.png, NULL, -1 },
          { pkg_test_ogg_name (), self.ogg, NULL, -1 },
        };

        g_assert_nonnull (node);
        manifest = make_manifest_full (urok_lesson_to_json (self.lesson), "urok-lesson-package", 1,
                                       media, G_N_ELEMENTS (media), g_steal_pointer (&node));
        {
          const PkgEntry entries[] = {
            { "manifest.json", manifest },
            media_entry ("media/picture.png", self.png),
            media_entry ("media/Звук урока.ogg", self.ogg),
          };
          assert_zip_refused (&self, entries, G_N_ELEMENTS (entries), UROK_PACKAGE_ERROR_INVALID);
        }
      }
  }
  hostile_clear (&self);
}

static void
test_hostile_no_manifest (void)
{
  Hostile self;
  g_autofree char *manifest = NULL;

  hostile_init (&self);
  manifest = good_manifest (&self);
  {
    const PkgEntry entries[] = { media_entry ("media/picture.png", self.png) };
    assert_zip_refused (&self, entries, G_N_ELEMENTS (entries), UROK_PACKAGE_ERROR_INVALID);
  }
  {
    /* The manifest last: media would have to be read before knowing what
     * is expected of them. */
    const PkgEntry entries[] = {
      media_entry ("media/picture.png", self.png),
      media_entry ("media/Звук урока.ogg", self.ogg),
      { "manifest.json", manifest },
    };
    assert_zip_refused (&self, entries, G_N_ELEMENTS (entries), UROK_PACKAGE_ERROR_INVALID);
  }
  {
    /* An empty ZIP. */
    g_autofree char *path = core_test_path ("empty.urok");

    pkg_test_write_zip (path, NULL, 0);
    assert_refused (&self, path, UROK_PACKAGE_ERROR_INVALID);
  }
  hostile_clear (&self);
}

static void
test_hostile_format_and_version (void)
{
  const MediaSpec media[] = { { NULL } };
  Hostile self;

  hostile_init (&self);
  {
    g_autofree char *manifest = make_manifest (&self, "urok-lesson", 1, media, 0);
    const PkgEntry entries[] = { { "manifest.json", manifest } };
    assert_zip_refused (&self, entries, 1, UROK_PACKAGE_ERROR_INVALID);
  }
  {
    g_autofree char *manifest = make_manifest (&self, NULL, 1, media, 0);
    const PkgEntry entries[] = { { "manifest.json", manifest } };
    assert_zip_refused (&self, entries, 1, UROK_PACKAGE_ERROR_INVALID);
  }
  {
    g_autofree char *manifest = make_manifest (&self, "urok-lesson-package", 3, media, 0);
    g_autofree char *path = core_test_path ("v3.urok");
    g_autoptr(GError) error = NULL;
    const PkgEntry entries[] = { { "manifest.json", manifest } };

    assert_zip_refused (&self, entries, 1, UROK_PACKAGE_ERROR_VERSION);

    /* The message says what to do. */
    pkg_test_write_zip (path, entries, 1);
    g_assert_null (urok_lesson_package_import (self.store, path, NULL, &error));
    g_assert_nonnull (strstr (error->message, "Update Urok"));
  }
  hostile_clear (&self);
}

static void
test_hostile_media (void)
{
  Hostile self;
  g_autofree char *manifest = NULL;

  hostile_init (&self);
  manifest = good_manifest (&self);
  {
    /* Listed, used by the lesson, not there. */
    const PkgEntry entries[] = { { "manifest.json", manifest }, media_entry ("media/picture.png", self.png) };
    assert_zip_refused (&self, entries, G_N_ELEMENTS (entries), UROK_PACKAGE_ERROR_MISSING_MEDIA);
  }
  {
    /* There, but not the file the manifest vouches for. */
    const PkgEntry entries[] = {
      { "manifest.json", manifest },
      media_entry ("media/picture.png", self.ogg),
      media_entry ("media/Звук урока.ogg", self.ogg),
    };
    assert_zip_refused (&self, entries, G_N_ELEMENTS (entries), UROK_PACKAGE_ERROR_MISSING_MEDIA);
  }
  {
    /* The right size, one byte changed. */
    g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (self.png, NULL), g_bytes_get_size (self.png));
    const PkgEntry entries[] = {
      { "manifest.json", manifest },
      { "media/picture.png", copy, g_bytes_get_size (self.png), 'f' },
      media_entry ("media/Звук урока.ogg", self.ogg),
    };

    copy[100] ^= 1;
    assert_zip_refused (&self, entries, G_N_ELEMENTS (entries), UROK_PACKAGE_ERROR_MISSING_MEDIA);
  }
  {
    /* Not listed in the manifest, yet used by the lesson. */
    const MediaSpec media[] = { { pkg_test_png_name (), self.png, NULL, -1 } };
    g_autofree char *short_manifest = make_manifest (&self, "urok-lesson-package", 1, media, 1);
    const PkgEntry entries[] = { { "manifest.json", short_manifest }, media_entry ("media/picture.png", self.png) };

    assert_zip_refused (&self, entries, G_N_ELEMENTS (entries), UROK_PACKAGE_ERROR_MISSING_MEDIA);
  }
  hostile_clear (&self);
}

static void
test_hostile_extra_files (void)
{
  const PkgEntry extras[] = {
    { "notes.txt", "hello" },
    { "media/unlisted.png", "not in the manifest" },
    { "tests/test.json", "{}" },
    { "Media/picture.png", "case matters" },
    { "other/", NULL, 0, 'd' },
  };
  Hostile self;

  hostile_init (&self);
  for (guint i = 0; i < G_N_ELEMENTS (extras); i++)
    assert_extra_refused (&self, &extras[i], UROK_PACKAGE_ERROR_INVALID);
  hostile_clear (&self);
}

static void
test_hostile_duplicates (void)
{
  Hostile self;
  g_autofree char *manifest = NULL;

  hostile_init (&self);
  manifest = good_manifest (&self);
  {
    PkgEntry extra = media_entry ("media/picture.png", self.png);
    assert_extra_refused (&self, &extra, UROK_PACKAGE_ERROR_UNSAFE);
  }
  {
    PkgEntry extra = { "manifest.json", manifest };
    assert_extra_refused (&self, &extra, UROK_PACKAGE_ERROR_UNSAFE);
  }
  hostile_clear (&self);
}

/* A failure after the store has begun writing: everything is rolled back. */
static void
test_rollback (void)
{
  Hostile self;
  g_autoptr(UrokLesson) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokLesson) lesson = NULL;
  g_autofree char *path = core_test_path ("other.urok");
  g_autofree char *media_dir = NULL;
  g_autofree char *lesson_dir = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *store_before = NULL;
  g_autofree char *tree_before = NULL;
  g_autofree char *store_after = NULL;
  g_autofree char *tree_after = NULL;

  hostile_init (&self);
  other = urok_lesson_copy (self.lesson, TRUE);
  {
    g_autoptr(UrokStore) source = open_store ("source");
    g_autofree char *source_media = urok_store_dup_lesson_media_dir (source, urok_lesson_get_uuid (other));
    g_autofree char *png = g_build_filename (source_media, pkg_test_png_name (), NULL);
    g_autofree char *ogg = g_build_filename (source_media, pkg_test_ogg_name (), NULL);

    g_assert_cmpint (g_mkdir_with_parents (source_media, 0700), ==, 0);
    g_assert_true (g_file_set_contents (png, g_bytes_get_data (self.png, NULL), (gssize)g_bytes_get_size (self.png), NULL));
    g_assert_true (g_file_set_contents (ogg, g_bytes_get_data (self.ogg, NULL), (gssize)g_bytes_get_size (self.ogg), NULL));
    g_assert_true (urok_lesson_package_export (source, other, path, &error));
    g_assert_no_error (error);
  }

  /* Where the new lesson's folder should go, a file is in the way: the
   * lesson is written, then its media cannot be placed. */
  media_dir = urok_store_dup_lesson_media_dir (self.store, urok_lesson_get_uuid (other));
  lesson_dir = g_path_get_dirname (media_dir);
  g_assert_true (g_file_set_contents (lesson_dir, "in the way", -1, NULL));

  dir = pkg_test_store_dir (self.store);
  store_before = pkg_test_dump_store (self.store);
  tree_before = pkg_test_dump_tree (dir);
  lesson = urok_lesson_package_import (self.store, path, NULL, &error);
  g_assert_null (lesson);
  g_assert_nonnull (error);
  g_test_message ("failed: %s", error->message);
  store_after = pkg_test_dump_store (self.store);
  tree_after = pkg_test_dump_tree (dir);
  g_assert_cmpstr (store_before, ==, store_after);
  g_assert_cmpstr (tree_before, ==, tree_after);

  /* With the way clear it imports. */
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (lesson_dir), ==, 0);
  lesson = urok_lesson_package_import (self.store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (urok_lesson_equal (lesson, other));
  g_clear_object (&lesson);

  /* A new lesson whose stages claim the uuids of another lesson's: the
   * store refuses to save it, and all is as it was. */
  {
    g_autoptr(JsonNode) json = urok_lesson_to_json (self.lesson);
    g_autofree char *uuid = g_uuid_string_random ();
    g_autofree char *manifest = NULL;
    g_autofree char *clash = core_test_path ("clash.urok");
    const MediaSpec media[] = {
      { pkg_test_png_name (), self.png, NULL, -1 },
      { pkg_test_ogg_name (), self.ogg, NULL, -1 },
    };

    json_object_set_string_member (json_node_get_object (json), "uuid", uuid);
    manifest = make_manifest_full (g_steal_pointer (&json), "urok-lesson-package", 1, media, G_N_ELEMENTS (media), NULL);
    {
      const PkgEntry entries[] = {
        { "manifest.json", manifest },
        media_entry ("media/picture.png", self.png),
        media_entry ("media/Звук урока.ogg", self.ogg),
      };

      pkg_test_write_zip (clash, entries, G_N_ELEMENTS (entries));
    }
    g_free (store_before);
    g_free (tree_before);
    store_before = pkg_test_dump_store (self.store);
    tree_before = pkg_test_dump_tree (dir);
    g_clear_error (&error);
    lesson = urok_lesson_package_import (self.store, clash, NULL, &error);
    g_assert_null (lesson);
    g_assert_nonnull (error);
    g_test_message ("failed: %s", error->message);
    g_free (store_after);
    g_free (tree_after);
    store_after = pkg_test_dump_store (self.store);
    tree_after = pkg_test_dump_tree (dir);
    g_assert_cmpstr (store_before, ==, store_after);
    g_assert_cmpstr (tree_before, ==, tree_after);
  }
  hostile_clear (&self);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/lesson-package/round-trip", test_round_trip);
  g_test_add_func ("/core/lesson-package/import-twice", test_import_twice);
  g_test_add_func ("/core/lesson-package/no-media", test_no_media);
  g_test_add_func ("/core/lesson-package/export-missing-media", test_export_missing_media);
  g_test_add_func ("/core/lesson-package/hostile/good-base", test_hostile_good_base);
  g_test_add_func ("/core/lesson-package/hostile/paths", test_hostile_paths);
  g_test_add_func ("/core/lesson-package/hostile/links", test_hostile_links);
  g_test_add_func ("/core/lesson-package/hostile/zip-bomb", test_hostile_zip_bomb);
  g_test_add_func ("/core/lesson-package/hostile/too-many-entries", test_hostile_too_many_entries);
  g_test_add_func ("/core/lesson-package/hostile/truncated", test_hostile_truncated);
  g_test_add_func ("/core/lesson-package/hostile/not-a-zip", test_hostile_not_a_zip);
  g_test_add_func ("/core/lesson-package/hostile/manifest", test_hostile_manifest);
  g_test_add_func ("/core/lesson-package/hostile/no-manifest", test_hostile_no_manifest);
  g_test_add_func ("/core/lesson-package/hostile/format-and-version", test_hostile_format_and_version);
  g_test_add_func ("/core/lesson-package/hostile/media", test_hostile_media);
  g_test_add_func ("/core/lesson-package/hostile/extra-files", test_hostile_extra_files);
  g_test_add_func ("/core/lesson-package/hostile/duplicates", test_hostile_duplicates);
  g_test_add_func ("/core/lesson-package/rollback", test_rollback);

  return core_test_run ();
}
