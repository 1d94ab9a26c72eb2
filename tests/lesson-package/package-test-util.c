/* package-test-util.c: see package-test-util.h.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "package-test-util.h"
#include "urok-store-packages.h"

#define TEST_JSON \
  "{\"uuid\": \"3f0c1a7e-8d52-4c1b-9a55-0c7f5e2b9d10\", \"title\": \"Сложение дробей\"," \
  " \"subject\": \"Математика\", \"grade-level\": 6, \"questions\": [" \
  "  {\"kind\": \"single_choice\", \"text\": \"Вычислите: 2/9 + 5/9.\", \"points\": 1," \
  "   \"data\": {\"choices\": [\"7/18\", \"7/9\", \"10/9\"], \"answer\": [1]}}," \
  "  {\"kind\": \"multiple_choice\", \"text\": \"Отметьте верные равенства <&>.\", \"points\": 2," \
  "   \"data\": {\"choices\": [\"1/5 + 2/5 = 3/5\", \"3/8 + 3/8 = 6/16\", \"4/7 − 4/7 = 0\"], \"answer\": [0, 2]}}," \
  "  {\"kind\": \"true_false\", \"text\": \"Сумма 3/13 и 10/13 равна 1.\", \"points\": 1," \
  "   \"data\": {\"answer\": true}}," \
  "  {\"kind\": \"short_answer\", \"text\": \"Вычислите 1/7 + 2/7.\", \"points\": 1.5," \
  "   \"data\": {\"answer\": [\"3/7\"]}}" \
  "]}"

UrokStore *
pkg_test_open_store (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "urok.db", NULL);
  UrokStore *store = urok_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

char *
pkg_test_store_dir (UrokStore *store)
{
  return g_path_get_dirname (urok_store_get_path (store));
}

/* Binary, with NULs and every byte value, the same on every run. */
static GBytes *
fake_media (const char *magic,
            gsize       size,
            guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (size);
  gsize magic_length = strlen (magic);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8)g_rand_int_range (rand, 0, 256);
  memcpy (data, magic, magic_length);
  return g_bytes_new_take (data, size);
}

GBytes *
pkg_test_png (void)
{
  return fake_media ("\x89PNG\r\n\x1a\n", 4096, 1);
}

GBytes *
pkg_test_ogg (void)
{
  /* Large enough that cutting the package short lands inside it. */
  return fake_media ("OggS", 96 * 1024, 2);
}

const char *
pkg_test_png_name (void)
{
  return "picture.png";
}

const char *
pkg_test_ogg_name (void)
{
  return "Звук урока.ogg";
}

const char *
pkg_test_link_url (void)
{
  return "https://example.org/fractions?grade=6&lang=ru";
}

static void
write_media (UrokStore  *store,
             UrokLesson *lesson,
             const char *name,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = urok_store_dup_lesson_media_dir (store, urok_lesson_get_uuid (lesson));
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize)g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static UrokResource *
add_resource (UrokStage        *stage,
              UrokResourceKind  kind,
              const char       *title,
              const char       *target)
{
  GListModel *resources = urok_stage_get_resources (stage);
  UrokResource *resource = urok_resource_new (kind);

  urok_resource_set_title (resource, title);
  urok_resource_set_target (resource, target);
  urok_stage_insert_resource (stage, g_list_model_get_n_items (resources), resource);
  g_object_unref (resource);
  return resource;
}

static UrokStage *
add_stage (UrokLesson *lesson,
           const char *title,
           const char *kind,
           int         minutes)
{
  UrokStage *stage = urok_stage_new (title, minutes);

  urok_stage_set_kind (stage, kind);
  urok_lesson_insert_stage (lesson, g_list_model_get_n_items (urok_lesson_get_stages (lesson)), stage);
  g_object_unref (stage);
  return stage;
}

UrokLesson *
pkg_test_make_lesson (UrokStore *store)
{
  static const char *const tags[] = { "дроби", "6 класс", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) png = pkg_test_png ();
  g_autoptr(GBytes) ogg = pkg_test_ogg ();
  UrokLesson *lesson = urok_lesson_new ();
  UrokStage *stage;
  UrokResource *resource;

  g_assert_true (json_parser_load_from_data (parser, TEST_JSON, -1, &error));
  g_assert_no_error (error);
  g_assert_true (urok_store_save_test_json (store, json_node_get_object (json_parser_get_root (parser)), &error));
  g_assert_no_error (error);

  urok_lesson_set_topic (lesson, "Сложение и вычитание дробей с одинаковыми знаменателями");
  urok_lesson_set_subject (lesson, "Математика");
  urok_lesson_set_grade_level (lesson, 6);
  urok_lesson_set_lesson_type (lesson, "new_knowledge");
  urok_lesson_set_planned_date (lesson, "2026-10-14");
  urok_lesson_set_duration_minutes (lesson, 45);
  urok_lesson_set_goals (lesson, "Вывести правило сложения дробей.\n\nНаучить применять его.");
  urok_lesson_set_planned_results (lesson, "Складывают и вычитают дроби.");
  urok_lesson_set_tags (lesson, tags);

  stage = add_stage (lesson, "Организационный момент", "organisation", 2);
  urok_stage_set_teacher_activity (stage, "Приветствует учащихся.\nПроверяет готовность.");
  urok_stage_set_student_activity (stage, "Приветствуют учителя.");
  urok_stage_set_notes (stage, "Не забыть журнал");
  resource = add_resource (stage, UROK_RESOURCE_BOARD_PAGE, "Число и тема", "");
  urok_resource_set_board (resource, "{\"background\": \"squares\", \"strokes\": []}");
  resource = add_resource (stage, UROK_RESOURCE_BOOK_PLACE, "Учебник, § 12",
                           "urn:uuid:6f1c7a52-0000-4000-8000-000000000001");
  urok_resource_set_location (resource, "epubcfi(/6/14!/4/2)");

  stage = add_stage (lesson, "Изучение нового материала", "new_material", 20);
  urok_stage_set_methods (stage, "Беседа, работа в парах");
  urok_stage_set_planned_results (stage, "Знают правило.");
  resource = add_resource (stage, UROK_RESOURCE_MEDIA, "Круг, разделённый на доли", pkg_test_png_name ());
  urok_resource_set_media_type (resource, "image/png");
  resource = add_resource (stage, UROK_RESOURCE_MEDIA, "", pkg_test_ogg_name ());
  urok_resource_set_media_type (resource, "audio/ogg");
  add_resource (stage, UROK_RESOURCE_LINK, "Тренажёр", pkg_test_link_url ());
  resource = add_resource (stage, UROK_RESOURCE_TEXT, "Правило", "");
  urok_resource_set_text (resource, "$\\frac{a}{c} + \\frac{b}{c} = \\frac{a + b}{c}$");

  stage = add_stage (lesson, "Закрепление", "practice", 15);
  urok_stage_set_pace (stage, UROK_STAGE_PACE_STUDENT);
  add_resource (stage, UROK_RESOURCE_TEST, "Самостоятельная работа", "3f0c1a7e-8d52-4c1b-9a55-0c7f5e2b9d10");
  /* A test deleted since: the resource stays, the package has no test for it. */
  add_resource (stage, UROK_RESOURCE_TEST, "", "0b9e0f6e-51a4-4c43-8f0e-3c6a2d5a7e11");
  resource = add_resource (stage, UROK_RESOURCE_MEDIA, "Тот же рисунок", pkg_test_png_name ());
  urok_resource_set_media_type (resource, "image/png");

  write_media (store, lesson, pkg_test_png_name (), png);
  write_media (store, lesson, pkg_test_ogg_name (), ogg);
  g_assert_true (urok_store_save_lesson (store, lesson, &error));
  g_assert_no_error (error);
  return lesson;
}

char *
pkg_test_dump_store (UrokStore *store)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  /* A connection of its own sees what is committed, as another reader would. */
  g_assert_cmpint (sqlite3_open_v2 (urok_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (const char *)tables->pdata[i]);

      g_string_append_printf (dump, "== %s\n", (const char *)tables->pdata[i]);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        continue;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *)sqlite3_column_text (stmt, c);
              g_string_append_printf (dump, "%s|", text != NULL ? text : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *)a, *(char *const *)b);
}

static void
dump_tree (GString    *dump,
           const char *root,
           const char *relative)
{
  g_autofree char *path = *relative != '\0' ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (*relative != '\0' || !g_str_has_prefix (name, "urok.db"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = *relative != '\0' ? g_build_filename (relative, names->pdata[i], NULL)
                                                 : g_strdup (names->pdata[i]);
      g_autofree char *full = g_build_filename (root, child, NULL);
      GStatBuf st;

      g_assert_cmpint (g_lstat (full, &st), ==, 0);
      if (S_ISDIR (st.st_mode))
        {
          g_string_append_printf (dump, "%s/\n", child);
          dump_tree (dump, root, child);
        }
      else
        {
          g_autofree char *contents = NULL;
          g_autofree char *digest = NULL;
          gsize length = 0;

          g_assert_true (g_file_get_contents (full, &contents, &length, NULL));
          digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
          g_string_append_printf (dump, "%s %o %s\n", child, (unsigned)(st.st_mode & 07777), digest);
        }
    }
}

char *
pkg_test_dump_tree (const char *dir)
{
  GString *dump = g_string_new (NULL);

  dump_tree (dump, dir, "");
  return g_string_free (dump, FALSE);
}

void
pkg_test_write_zip (const char     *path,
                    const PkgEntry *entries,
                    guint           n_entries)
{
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n_entries; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize size = entries[i].size;

      if (size == 0 && entries[i].data != NULL)
        size = strlen (entries[i].data);
      if (entries[i].stored)
        archive_write_zip_set_compression_store (a);
      else
        archive_write_zip_set_compression_deflate (a);

      archive_entry_set_pathname_utf8 (entry, entries[i].name);
      archive_entry_set_perm (entry, 0644);
      switch (entries[i].type)
        {
        case 'd':
          archive_entry_set_filetype (entry, AE_IFDIR);
          size = 0;
          break;
        case 'l':
          archive_entry_set_filetype (entry, AE_IFLNK);
          archive_entry_set_symlink (entry, entries[i].data);
          size = 0;
          break;
        default:
          archive_entry_set_filetype (entry, AE_IFREG);
          break;
        }
      archive_entry_set_size (entry, (la_int64_t)size);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      if (size > 0)
        g_assert_cmpint (archive_write_data (a, entries[i].data, size), ==, (la_ssize_t)size);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
}

GHashTable *
pkg_test_read_zip (const char *path)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, path, 65536), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) data = g_byte_array_new ();
      const char *name = archive_entry_pathname_utf8 (entry);
      guint8 buffer[16384];
      la_ssize_t n;

      /* Outside a UTF-8 locale libarchive gives UTF-8 names only as bytes. */
      if (name == NULL)
        name = archive_entry_pathname (entry);

      while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0)
        g_byte_array_append (data, buffer, (guint)n);
      g_assert_cmpint (n, ==, 0);
      /* A name twice would hide one of them. */
      g_assert_false (g_hash_table_contains (files, name));
      g_hash_table_insert (files, g_strdup (name),
                           g_byte_array_free_to_bytes (g_steal_pointer (&data)));
    }
  archive_read_free (a);
  return files;
}
