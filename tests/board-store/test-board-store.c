/* test-board-store.c: board pages in the store (schema 3): round trips,
 * incremental saving, the upgrade from version 2, lessons' board pages,
 * and durability when the drawing process is killed.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "board-store/board-store-test-util.h"
#include "core-test-util.h"
#include "urok-board-saver.h"
#include "urok-lesson-package.h"
#include "urok-store-private.h"

/* A page with every kind of item, two layers, and a z-order that is not
 * the order of ids. */
static UrokBoardPage *
make_rich_page (void)
{
  UrokBoardPage *page = urok_board_page_new ();
  UrokBoardColor black = { 0, 0, 0, 1 }, yellow = { 1, 1, 0, 0.5f };
  UrokBoardPoint corners[] = { { -50, -30, 0.5f, 0 }, { 50, 30, 0.5f, 0 } };
  UrokBoardRect box = { 10, 10, 300, 40 };
  cairo_matrix_t m;
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1, 2, 3 };
  g_autoptr(GBytes) bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBoardItem) shape = NULL;
  g_autoptr(UrokBoardItem) rotated = NULL;
  g_autoptr(UrokBoardItem) text = NULL;
  g_autoptr(UrokBoardItem) image = NULL;
  g_autoptr(UrokBoardItem) media = NULL;

  urok_board_page_set_background (page, UROK_BOARD_BACKGROUND_STAVES);
  urok_board_page_set_size (page, 2000, 1500);
  urok_board_page_add_layer (page, "Ответы");
  for (guint64 id = 1; id <= 20; id++)
    {
      g_autoptr(UrokBoardItem) stroke = board_test_stroke (id, 30 + id);

      g_assert_true (urok_board_page_add_item (page, stroke, &error));
    }
  shape = urok_board_item_new_shape (21, 0, UROK_BOARD_SHAPE_ELLIPSE, &black, 2, &yellow, corners, 2);
  cairo_matrix_init_rotate (&m, 0.5);
  cairo_matrix_translate (&m, 300, 200);
  rotated = urok_board_item_transformed (shape, &m);
  text = urok_board_item_new_text (22, 1, "x = 5, ёлка", 24, &black, &box);
  image = urok_board_item_new_image (23, 0, bytes, "image/png", &box);
  media = urok_board_item_new_media (24, 0, "0123456789abcdef0123456789abcdef.mp4", &box);
  g_assert_true (urok_board_page_add_item (page, rotated, &error));
  g_assert_true (urok_board_page_add_item (page, text, &error));
  g_assert_true (urok_board_page_add_item (page, image, &error));
  g_assert_true (urok_board_page_add_item (page, media, &error));
  /* The first stroke on top of everything of its layer. */
  g_assert_true (urok_board_page_raise_item (page, 1, &error));
  g_assert_no_error (error);
  return page;
}

static void
assert_same_page (UrokBoardPage *a,
                  UrokBoardPage *b)
{
  g_autoptr(GPtrArray) items_a = urok_board_page_get_items (a);
  g_autoptr(GPtrArray) items_b = urok_board_page_get_items (b);
  g_autofree char *json_a = urok_board_page_to_string (a);
  g_autofree char *json_b = urok_board_page_to_string (b);

  g_assert_cmpuint (items_a->len, ==, items_b->len);
  for (guint i = 0; i < items_a->len; i++)
    g_assert_true (urok_board_item_equal (items_a->pdata[i], items_b->pdata[i]));
  /* Settings, layers and the z-order too. */
  g_assert_cmpstr (json_a, ==, json_b);
}

static void
test_round_trip (void)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);
  g_autoptr(UrokBoardPage) page = make_rich_page ();
  g_autoptr(UrokBoardPage) back = NULL;
  g_autoptr(UrokBoardItem) late = board_test_stroke (100, 10);

  g_assert_no_error (error);
  g_assert_cmpint (urok_store_get_schema_version (store), ==, urok_store_latest_version ());
  g_assert_true (urok_store_save_board_page (store, page, NULL, &error));
  g_assert_no_error (error);

  back = urok_store_load_board_page (store, urok_board_page_get_uuid (page), &error);
  g_assert_no_error (error);
  assert_same_page (page, back);

  /* A stroke added after loading lands on top of the saved ones, and stays
   * there through another round trip. */
  g_assert_true (urok_board_page_add_item (back, late, &error));
  g_assert_true (urok_store_save_board_page (store, back, NULL, &error));
  g_clear_object (&page);
  page = urok_store_load_board_page (store, urok_board_page_get_uuid (back), &error);
  g_assert_no_error (error);
  assert_same_page (back, page);

  g_assert_true (urok_store_delete_board_page (store, urok_board_page_get_uuid (back), &error));
  g_clear_object (&page);
  page = urok_store_load_board_page (store, urok_board_page_get_uuid (back), &error);
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND);
  g_assert_null (page);
}

static gint64
count_items (UrokStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = _urok_store_prepare (store, "SELECT count(*) FROM board_item", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
item_rowid (UrokStore *store,
            guint64    item_id)
{
  g_autoptr(sqlite3_stmt) stmt = _urok_store_prepare (store, "SELECT rowid FROM board_item WHERE item_id = ?", NULL);

  sqlite3_bind_int64 (stmt, 1, (gint64)item_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Saving a whole page over its rows: removed items go, changed and raised
 * ones are written, new ones added, and the rows of items that did not
 * change are left as they were (not deleted and inserted again). */
static void
test_save_over (void)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);
  g_autoptr(UrokBoardPage) page = make_rich_page ();
  g_autoptr(UrokBoardPage) back = NULL;
  g_autoptr(UrokBoardItem) longer = board_test_stroke (3, 60);
  g_autoptr(UrokBoardItem) added = board_test_stroke (200, 15);
  gint64 kept_rowid, changed_rowid;

  g_assert_no_error (error);
  g_assert_true (urok_store_save_board_page (store, page, NULL, &error));
  g_assert_no_error (error);
  kept_rowid = item_rowid (store, 4);
  changed_rowid = item_rowid (store, 3);

  g_assert_true (urok_board_page_remove_item (page, 2, &error));
  g_assert_true (urok_board_page_replace_item (page, longer, &error));
  g_assert_true (urok_board_page_raise_item (page, 5, &error));
  g_assert_true (urok_board_page_add_item (page, added, &error));
  g_assert_true (urok_store_save_board_page (store, page, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_items (store), ==, urok_board_page_get_n_items (page));
  g_assert_cmpint (item_rowid (store, 4), ==, kept_rowid);
  g_assert_cmpint (item_rowid (store, 3), ==, changed_rowid);
  back = urok_store_load_board_page (store, urok_board_page_get_uuid (page), &error);
  g_assert_no_error (error);
  assert_same_page (page, back);
  g_assert_null (urok_board_page_lookup (back, 2));
}

/* A commit that fills the WAL past its threshold is copied into the
 * database by the store's checkpoint thread, without another commit; the
 * last close leaves no WAL behind. */
static void
test_checkpoint (void)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);
  g_autoptr(UrokBoardPage) page = urok_board_page_new ();
  g_autoptr(UrokBoardPage) back = NULL;
  GStatBuf st = { 0 };

  g_assert_no_error (error);
  /* ~1,700 bytes a row: ~7 MB, over 1,000 pages of 4 KiB. */
  for (guint64 id = 1; id <= 4000; id++)
    {
      g_autoptr(UrokBoardItem) stroke = board_test_stroke (id, 100);

      g_assert_true (urok_board_page_add_item (page, stroke, &error));
    }
  g_assert_true (urok_store_save_board_page (store, page, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 1000; i++)
    {
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      if (st.st_size > 6 * 1024 * 1024)
        break;
      g_usleep (10000);
    }
  g_assert_cmpint (st.st_size, >, 6 * 1024 * 1024);

  g_clear_object (&store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  store = urok_store_open (path, &error);
  g_assert_no_error (error);
  back = urok_store_load_board_page (store, urok_board_page_get_uuid (page), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (urok_board_page_get_n_items (back), ==, 4000);
}

static void
on_timeout_flag (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
}

/* Changes are written on their own after the saver's delay, only what
 * changed, and undo/redo/erase reach the store. */
static void
test_saver (void)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);
  g_autoptr(UrokStore) reader = NULL;
  g_autoptr(UrokBoardPage) page = make_rich_page ();
  g_autoptr(UrokBoardPage) back = NULL;
  g_autoptr(UrokBoardSaver) saver = NULL;
  g_autoptr(UrokBoardItem) stroke = board_test_stroke (200, 50);
  gint64 start, waited;
  gboolean timed_out = FALSE;

  g_assert_no_error (error);
  g_assert_true (urok_store_save_board_page (store, page, NULL, &error));
  saver = urok_board_saver_new (store, page);
  g_assert_false (urok_board_saver_has_pending (saver));

  start = g_get_monotonic_time ();
  g_assert_true (urok_board_page_add_item (page, stroke, &error));
  g_assert_true (urok_board_saver_has_pending (saver));
  g_timeout_add_once (2000, on_timeout_flag, &timed_out);
  while (urok_board_saver_has_pending (saver) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  waited = g_get_monotonic_time () - start;
  g_assert_false (timed_out);
  /* Not at once (strokes are batched), and well within a second. */
  g_assert_cmpint (waited, >=, (UROK_BOARD_SAVER_DELAY_MS - 20) * 1000);
  g_assert_cmpint (waited, <, 1000 * 1000);
  g_assert_cmpint (count_items (store), ==, 25);

  /* Another connection sees it: it is committed. */
  reader = urok_store_open (path, &error);
  g_assert_no_error (error);
  back = urok_store_load_board_page (reader, urok_board_page_get_uuid (page), &error);
  g_assert_no_error (error);
  assert_same_page (page, back);
  g_clear_object (&back);

  /* Erase, undo, redo, a setting; flush writes at once. */
  g_assert_true (urok_board_page_remove_item (page, 3, &error));
  g_assert_true (urok_board_page_remove_item (page, 4, &error));
  g_assert_true (urok_board_page_undo (page));
  urok_board_page_set_background (page, UROK_BOARD_BACKGROUND_GRAPH);
  g_assert_true (urok_board_saver_flush (saver, &error));
  g_assert_no_error (error);
  g_assert_false (urok_board_saver_has_pending (saver));
  back = urok_store_load_board_page (reader, urok_board_page_get_uuid (page), &error);
  g_assert_no_error (error);
  g_assert_null (urok_board_page_lookup (back, 3));
  g_assert_nonnull (urok_board_page_lookup (back, 4));
  g_assert_cmpint (urok_board_page_get_background (back), ==, UROK_BOARD_BACKGROUND_GRAPH);
  assert_same_page (page, back);
  g_clear_object (&back);

  /* Disposing the saver saves what is pending. */
  g_assert_true (urok_board_page_redo (page));
  g_clear_object (&saver);
  back = urok_store_load_board_page (reader, urok_board_page_get_uuid (page), &error);
  g_assert_no_error (error);
  g_assert_null (urok_board_page_lookup (back, 4));
  assert_same_page (page, back);
}

/* A page the store has not seen (made from a file) is saved whole. */
static void
test_saver_new_page (void)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);
  g_autoptr(UrokBoardPage) rich = make_rich_page ();
  g_autofree char *json = urok_board_page_to_string (rich);
  g_autoptr(UrokBoardPage) page = urok_board_page_new_from_string (json, &error);
  g_autoptr(UrokBoardPage) back = NULL;
  g_autoptr(UrokBoardSaver) saver = urok_board_saver_new (store, page);
  g_autoptr(UrokBoardItem) stroke = board_test_stroke (300, 5);

  g_assert_no_error (error);
  g_assert_true (urok_board_page_add_item (page, stroke, &error));
  g_assert_true (urok_board_saver_flush (saver, &error));
  g_assert_no_error (error);
  back = urok_store_load_board_page (store, urok_board_page_get_uuid (page), &error);
  g_assert_no_error (error);
  assert_same_page (page, back);
}

#define V2_LESSON   "0d1f2c3b-4a59-4687-9a0b-1c2d3e4f5a6b"
#define V2_RESOURCE "6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"

static void
test_migrate_from_v2 (void)
{
  g_autofree char *path = core_test_path ("v2.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(UrokBoardPage) page = make_rich_page ();
  g_autoptr(UrokBoardPage) back = NULL;
  g_autoptr(UrokLesson) lesson = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *json = urok_board_page_to_string (page);
  const UrokMigration *migrations;
  guint n_migrations;

  migrations = _urok_migrations (&n_migrations);
  g_assert_cmpint (migrations[1].version, ==, 2);
  store = _urok_store_open_with_migrations (path, migrations, 2, &error);
  g_assert_no_error (error);
  g_assert_true (_urok_store_exec (store,
    "INSERT INTO lesson (id, uuid, topic) VALUES (1, '" V2_LESSON "', 'Дроби');"
    "INSERT INTO stage (id, lesson_id, position, uuid, title) VALUES (10, 1, 0, '1b4e28ba-2fa1-41d2-883f-0016d3cca427', 'Доска');"
    "INSERT INTO resource (stage_id, position, uuid, kind, title, board) VALUES"
    " (10, 1, 'aaaaaaaa-2fa1-41d2-883f-0016d3cca427', 'board_page', 'Пустая', '{}'),"
    " (10, 2, 'bbbbbbbb-2fa1-41d2-883f-0016d3cca427', 'board_page', 'Сломанная', '{\"items\": 5}'),"
    " (10, 3, 'cccccccc-2fa1-41d2-883f-0016d3cca427', 'text', 'Текст', '');",
    &error));
  insert = _urok_store_prepare (store,
                                "INSERT INTO resource (stage_id, position, uuid, kind, title, board)"
                                " VALUES (10, 0, '" V2_RESOURCE "', 'board_page', 'Доска', ?)", &error);
  sqlite3_bind_text (insert, 1, json, -1, SQLITE_STATIC);
  g_assert_true (_urok_store_step_done (store, insert, &error));
  g_assert_no_error (error);
  g_clear_pointer (&insert, sqlite3_finalize);
  g_clear_object (&store);

  store = urok_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (urok_store_get_schema_version (store), ==, urok_store_latest_version ());
  g_assert_cmpint (count_items (store), ==, 24);

  /* The page is named by its resource, with every item where it was. */
  back = urok_store_load_board_page (store, V2_RESOURCE, &error);
  g_assert_no_error (error);
  urok_board_page_set_uuid (page, V2_RESOURCE);
  assert_same_page (page, back);
  g_clear_object (&back);
  back = urok_store_load_board_page (store, "aaaaaaaa-2fa1-41d2-883f-0016d3cca427", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (urok_board_page_get_n_items (back), ==, 0);

  /* The lesson is all there; its board resource keeps settings only, and
   * the broken page's text is kept as it was. */
  lesson = urok_store_load_lesson (store, V2_LESSON, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (urok_lesson_get_topic (lesson), ==, "Дроби");
  {
    g_autoptr(UrokStage) stage = g_list_model_get_item (urok_lesson_get_stages (lesson), 0);
    GListModel *resources = urok_stage_get_resources (stage);
    g_autoptr(UrokResource) board = g_list_model_get_item (resources, 0);
    g_autoptr(UrokResource) text = g_list_model_get_item (resources, 3);

    g_assert_cmpuint (g_list_model_get_n_items (resources), ==, 4);
    g_assert_null (strstr (urok_resource_get_board (board), "\"items\""));
    g_assert_nonnull (strstr (urok_resource_get_board (board), "staves"));
    g_assert_cmpint (urok_resource_get_kind (text), ==, UROK_RESOURCE_TEXT);
  }
}

static UrokLesson *
lesson_with_board (const char *board)
{
  UrokLesson *lesson = urok_lesson_new ();
  g_autoptr(UrokStage) stage = urok_stage_new ("Доска", 10);
  g_autoptr(UrokResource) resource = urok_resource_new (UROK_RESOURCE_BOARD_PAGE);

  urok_lesson_set_topic (lesson, "Дроби");
  urok_resource_set_board (resource, board);
  urok_stage_insert_resource (stage, 0, resource);
  urok_lesson_insert_stage (lesson, 0, stage);
  return lesson;
}

static const char *
board_uuid_of (UrokLesson *lesson)
{
  g_autoptr(UrokStage) stage = g_list_model_get_item (urok_lesson_get_stages (lesson), 0);
  g_autoptr(UrokResource) resource = g_list_model_get_item (urok_stage_get_resources (stage), 0);

  return urok_resource_get_uuid (resource);
}

/* A lesson saved with a whole page (a package, a template) puts its items
 * in rows; duplicating copies them, deleting removes them. */
static void
test_lesson_boards (void)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);
  g_autoptr(UrokBoardPage) page = make_rich_page ();
  g_autofree char *json = urok_board_page_to_string (page);
  g_autoptr(UrokLesson) lesson = lesson_with_board (json);
  g_autoptr(UrokLesson) copy = NULL;
  g_autoptr(UrokLesson) loaded = NULL;
  g_autoptr(UrokBoardPage) back = NULL;
  g_autoptr(UrokBoardItem) stroke = board_test_stroke (500, 8);
  g_autofree char *original_uuid = g_strdup (board_uuid_of (lesson));

  g_assert_no_error (error);
  g_assert_true (urok_store_save_lesson (store, lesson, &error));
  g_assert_no_error (error);
  back = urok_store_load_board_page (store, original_uuid, &error);
  g_assert_no_error (error);
  urok_board_page_set_uuid (page, original_uuid);
  assert_same_page (page, back);

  /* Drawn on since; saving the lesson (settings only) keeps the drawing. */
  g_assert_true (urok_board_page_add_item (back, stroke, &error));
  g_assert_true (urok_store_save_board_page (store, back, NULL, &error));
  loaded = urok_store_load_lesson (store, urok_lesson_get_uuid (lesson), &error);
  g_assert_no_error (error);
  g_assert_true (urok_store_save_lesson (store, loaded, &error));
  g_clear_object (&page);
  page = urok_store_load_board_page (store, original_uuid, &error);
  g_assert_no_error (error);
  assert_same_page (back, page);

  copy = urok_store_duplicate_lesson (store, urok_lesson_get_uuid (lesson), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (board_uuid_of (copy), !=, original_uuid);
  g_clear_object (&page);
  page = urok_store_load_board_page (store, board_uuid_of (copy), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (urok_board_page_get_n_items (page), ==, 25);
  urok_board_page_set_uuid (page, original_uuid);
  assert_same_page (back, page);
  g_assert_cmpint (count_items (store), ==, 50);

  g_assert_true (urok_store_delete_lesson (store, urok_lesson_get_uuid (lesson), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_items (store), ==, 25);
  g_clear_object (&page);
  page = urok_store_load_board_page (store, original_uuid, &error);
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  page = urok_store_load_board_page (store, board_uuid_of (copy), &error);
  g_assert_no_error (error);
}

/* A package carries the board pages with their items; importing it into
 * another store brings them back as they were. */
static void
test_package (void)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autofree char *other_path = core_test_path ("other.db");
  g_autofree char *package = core_test_path ("lesson.urok");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);
  g_autoptr(UrokStore) other = NULL;
  g_autoptr(UrokBoardPage) page = make_rich_page ();
  g_autoptr(UrokLesson) lesson = lesson_with_board ("{}");
  g_autoptr(UrokLesson) imported = NULL;
  g_autoptr(UrokBoardPage) back = NULL;
  gboolean was_new = FALSE;

  g_assert_no_error (error);
  g_assert_true (urok_store_save_lesson (store, lesson, &error));
  urok_board_page_set_uuid (page, board_uuid_of (lesson));
  g_assert_true (urok_store_save_board_page (store, page, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (urok_lesson_package_export (store, lesson, package, &error));
  g_assert_no_error (error);

  other = urok_store_open (other_path, &error);
  g_assert_no_error (error);
  imported = urok_lesson_package_import (other, package, &was_new, &error);
  g_assert_no_error (error);
  g_assert_true (was_new);
  /* The lesson is the lesson it was (its board string too)... */
  g_assert_true (urok_lesson_equal (lesson, imported));
  /* ...and the page has every item. */
  back = urok_store_load_board_page (other, board_uuid_of (lesson), &error);
  g_assert_no_error (error);
  assert_same_page (page, back);
}

/* A version 1 package kept the items in the lesson's board string. */
static void
test_old_package (void)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autofree char *package = core_test_path ("old.urok");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = urok_store_open (path, &error);
  g_autoptr(UrokBoardPage) page = make_rich_page ();
  g_autofree char *json = urok_board_page_to_string (page);
  g_autoptr(UrokLesson) lesson = lesson_with_board (json);
  g_autoptr(JsonNode) lesson_json = urok_lesson_to_json (lesson);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *manifest = NULL;
  g_autoptr(UrokLesson) imported = NULL;
  g_autoptr(UrokBoardPage) back = NULL;
  struct archive *zip = archive_write_new ();
  struct archive_entry *entry = archive_entry_new ();

  g_assert_no_error (error);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "urok-lesson-package");
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "lesson");
  json_builder_add_value (b, json_node_ref (lesson_json));
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  manifest = json_to_string (root, FALSE);

  archive_write_set_format_zip (zip);
  g_assert_cmpint (archive_write_open_filename (zip, package), ==, ARCHIVE_OK);
  archive_entry_set_pathname (entry, "manifest.json");
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, strlen (manifest));
  g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_data (zip, manifest, strlen (manifest)), ==, (la_ssize_t)strlen (manifest));
  archive_entry_free (entry);
  g_assert_cmpint (archive_write_close (zip), ==, ARCHIVE_OK);
  archive_write_free (zip);

  imported = urok_lesson_package_import (store, package, NULL, &error);
  g_assert_no_error (error);
  back = urok_store_load_board_page (store, board_uuid_of (lesson), &error);
  g_assert_no_error (error);
  urok_board_page_set_uuid (page, board_uuid_of (lesson));
  assert_same_page (page, back);
}

typedef struct
{
  guint64 id;
  gint64  finished;
} Finished;

/* Reads "<id> <µs>" lines from @fd until @deadline (or EOF when -1). */
static void
read_lines (int      fd,
            GString *pending,
            GArray  *finished,
            gint64   deadline)
{
  for (;;)
    {
      struct pollfd p = { fd, POLLIN, 0 };
      char buf[4096];
      ssize_t n;
      char *nl;
      int timeout = -1;

      if (deadline >= 0)
        {
          gint64 left = deadline - g_get_monotonic_time ();

          if (left <= 0)
            return;
          timeout = (int)(left / 1000) + 1;
        }
      if (poll (&p, 1, timeout) <= 0)
        {
          if (deadline >= 0)
            continue;
          return;
        }
      n = read (fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      g_string_append_len (pending, buf, n);
      while ((nl = strchr (pending->str, '\n')) != NULL)
        {
          Finished f;

          *nl = '\0';
          g_assert_cmpint (sscanf (pending->str, "%" G_GUINT64_FORMAT " %" G_GINT64_FORMAT, &f.id, &f.finished), ==, 2);
          g_array_append_val (finished, f);
          g_string_erase (pending, 0, nl - pending->str + 1);
        }
    }
}

/* The drawing process is killed mid-drawing: every stroke it finished more
 * than a second before is in the store, and the page loads whole. */
static void
test_killed_while_drawing (void)
{
  g_autofree char *path = core_test_path ("urok.db");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(UrokBoardPage) page = NULL;
  g_autoptr(GArray) finished = g_array_new (FALSE, FALSE, sizeof (Finished));
  g_autoptr(GString) pending = g_string_new (NULL);
  const char *argv[] = { CRASH_HELPER, path, uuid, NULL };
  GPid pid;
  int out_fd, status;
  gint64 killed;
  guint must_have = 0;

  /* The schema first, so the child only draws. */
  store = urok_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &pid, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  read_lines (out_fd, pending, finished, g_get_monotonic_time () + 2500 * 1000);
  killed = g_get_monotonic_time ();
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  /* What it wrote before it died is still in the pipe. */
  read_lines (out_fd, pending, finished, -1);
  close (out_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_assert_cmpuint (finished->len, >, 100);

  store = urok_store_open (path, &error);
  g_assert_no_error (error);
  page = urok_store_load_board_page (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (urok_board_page_get_background (page), ==, UROK_BOARD_BACKGROUND_SQUARES);
  for (guint i = 0; i < finished->len; i++)
    {
      Finished *f = &g_array_index (finished, Finished, i);
      UrokBoardItem *item = urok_board_page_lookup (page, f->id);

      if (killed - f->finished > G_USEC_PER_SEC)
        {
          must_have++;
          g_assert_nonnull (item);
        }
    }
  g_assert_cmpuint (must_have, >, 50);
  /* Nothing saved is half a stroke: every item is the stroke it was. */
  {
    g_autoptr(GPtrArray) items = urok_board_page_get_items (page);

    g_assert_cmpuint (items->len, <=, finished->len + 1);
    for (guint i = 0; i < items->len; i++)
      {
        guint64 id = urok_board_item_get_id (items->pdata[i]);
        g_autoptr(UrokBoardItem) expected = board_test_stroke (id, 40 + id % 60);

        g_assert_true (urok_board_item_equal (items->pdata[i], expected));
      }
    g_test_message ("%u strokes finished, %u a second before the kill, %u saved",
                    finished->len, must_have, items->len);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/board-store/round-trip", test_round_trip);
  g_test_add_func ("/core/board-store/save-over", test_save_over);
  g_test_add_func ("/core/board-store/checkpoint", test_checkpoint);
  g_test_add_func ("/core/board-store/saver", test_saver);
  g_test_add_func ("/core/board-store/saver-new-page", test_saver_new_page);
  g_test_add_func ("/core/board-store/migrate-from-v2", test_migrate_from_v2);
  g_test_add_func ("/core/board-store/lesson-boards", test_lesson_boards);
  g_test_add_func ("/core/board-store/package", test_package);
  g_test_add_func ("/core/board-store/old-package", test_old_package);
  g_test_add_func ("/core/board-store/killed-while-drawing", test_killed_while_drawing);
  return core_test_run ();
}
