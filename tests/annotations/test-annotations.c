/* test-annotations.c: annotations and reading positions in the store, and
 * their W3C Web Annotation export and import.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"

#include "urok-store-annotations.h"
#include "urok-store-private.h"
#include "urok-web-annotation.h"

#define BOOK "urn:uuid:6f1f2b66-3b53-4d6c-9c55-0c3f4f6c9a01"
#define OTHER_BOOK "urn:isbn:9785090000000"

static UrokStore *
open_store (const char *name)
{
  g_autofree char *path = core_test_path (name);
  g_autoptr(GError) error = NULL;
  UrokStore *store = urok_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static GDateTime *
time_at (int minute)
{
  return g_date_time_new_utc (2026, 9, 1, 8, minute, 0);
}

static UrokAnnotation *
make (const char         *book,
      UrokAnnotationKind  kind,
      const char         *cfi,
      const char         *exact,
      const char         *colour,
      const char         *note,
      int                 minute)
{
  g_autoptr(UrokBookLocation) location = urok_book_location_new_epub (cfi, exact, "before ", " after",
                                                                      10, 10 + (gint64) strlen (exact),
                                                                      "#para05");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GDateTime) created = time_at (minute);
  g_autoptr(GDateTime) modified = time_at (minute + 1);

  return urok_annotation_new_full (uuid, book, kind, location, colour, note, created, modified);
}

static UrokAnnotation *
make_pdf (int minute)
{
  UrokBookRect rects[] = { { 72, 100.5, 200, 12 }, { 72, 114, 120.25, 12 } };
  g_autoptr(UrokBookLocation) location = urok_book_location_new_pdf (6, rects, 2, "Pythagoras",
                                                                     "the theorem of ", " states");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GDateTime) created = time_at (minute);

  return urok_annotation_new_full (uuid, BOOK, UROK_ANNOTATION_HIGHLIGHT, location, "green", "",
                                   created, created);
}

/* Three annotations of BOOK, one of OTHER_BOOK, saved out of order. */
static GPtrArray *
fill (UrokStore *store)
{
  GPtrArray *saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (saved, make (BOOK, UROK_ANNOTATION_NOTE, "epubcfi(/6/4[ch1]!/4/10/3:4)", "45",
                                "blue", "Ask about this on Monday", 3));
  g_ptr_array_add (saved, make (BOOK, UROK_ANNOTATION_BOOKMARK, "epubcfi(/6/4[ch1]!/4/2/1:0)", "",
                                "yellow", "", 2));
  g_ptr_array_add (saved, make (BOOK, UROK_ANNOTATION_HIGHLIGHT, "epubcfi(/6/8[ch3]!/4/2,/1:0,/1:7)",
                                "Теорема", "pink", "", 1));
  g_ptr_array_add (saved, make (OTHER_BOOK, UROK_ANNOTATION_HIGHLIGHT, "epubcfi(/6/2!/4/2/1:0)", "x",
                                "yellow", "", 1));
  for (guint i = 0; i < saved->len; i++)
    {
      g_assert_true (urok_store_save_annotation (store, saved->pdata[i], &error));
      g_assert_no_error (error);
    }
  return saved;
}

static void
assert_list (UrokStore   *store,
             const char  *book,
             GPtrArray   *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = urok_store_list_annotations (store, book, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(UrokAnnotation) item = g_list_model_get_item (list, i);

      if (!urok_annotation_equal (item, expected->pdata[i]))
        g_error ("item %u differs: %s vs %s", i, urok_annotation_get_uuid (item),
                 urok_annotation_get_uuid (expected->pdata[i]));
    }
}

static void
test_store_crud_and_order (void)
{
  g_autoptr(UrokStore) store = open_store ("annotations.db");
  g_autoptr(GPtrArray) saved = fill (store);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokAnnotation) found = NULL;

  /* Reading order, whatever the order of saving. */
  g_ptr_array_add (expected, saved->pdata[1]);
  g_ptr_array_add (expected, saved->pdata[0]);
  g_ptr_array_add (expected, saved->pdata[2]);
  assert_list (store, BOOK, expected);

  /* An edit replaces the row. */
  urok_annotation_set_colour (saved->pdata[0], "purple");
  urok_annotation_set_note (saved->pdata[0], "Changed");
  g_assert_true (urok_store_save_annotation (store, saved->pdata[0], &error));
  found = urok_store_find_annotation (store, urok_annotation_get_uuid (saved->pdata[0]), &error);
  g_assert_no_error (error);
  g_assert_true (urok_annotation_equal (found, saved->pdata[0]));
  g_assert_cmpstr (urok_annotation_get_colour (found), ==, "purple");
  assert_list (store, BOOK, expected);

  g_assert_true (urok_store_delete_annotation (store, urok_annotation_get_uuid (saved->pdata[1]), &error));
  g_assert_no_error (error);
  g_ptr_array_remove_index (expected, 0);
  assert_list (store, BOOK, expected);
  g_assert_false (urok_store_delete_annotation (store, urok_annotation_get_uuid (saved->pdata[1]), &error));
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND);
}

static void
test_reading_position (void)
{
  g_autoptr(UrokStore) store = open_store ("position.db");
  g_autoptr(UrokBookLocation) location = NULL;
  g_autoptr(UrokBookLocation) first = urok_book_location_new_epub ("epubcfi(/6/4!/4/2/1:0)", "", "", "Глава",
                                                                   0, 0, NULL);
  g_autoptr(UrokBookLocation) second = urok_book_location_new_epub ("epubcfi(/6/10!/4/22/1:17)", "", "x", "y",
                                                                    3000, 3000, "#p22");
  g_autoptr(GError) error = NULL;

  g_assert_true (urok_store_get_reading_position (store, BOOK, &location, &error));
  g_assert_no_error (error);
  g_assert_null (location);

  g_assert_true (urok_store_set_reading_position (store, BOOK, first, &error));
  g_assert_true (urok_store_get_reading_position (store, BOOK, &location, &error));
  g_assert_true (urok_book_location_equal (location, first));
  g_clear_object (&location);

  g_assert_true (urok_store_set_reading_position (store, BOOK, second, &error));
  g_assert_true (urok_store_get_reading_position (store, BOOK, &location, &error));
  g_assert_no_error (error);
  g_assert_true (urok_book_location_equal (location, second));
  g_clear_object (&location);
  g_assert_true (urok_store_get_reading_position (store, OTHER_BOOK, &location, &error));
  g_assert_null (location);
}

static void
save_book (UrokStore  *store,
           const char *identifier)
{
  g_autoptr(UrokBookInfo) info = g_object_new (UROK_TYPE_BOOK_INFO, "identifier", identifier,
                                               "format", "epub", "title", "Геометрия 7", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBookInfo) saved = urok_store_save_book (store, info, &error);

  g_assert_no_error (error);
}

static guint
count_annotations (UrokStore  *store,
                   const char *book)
{
  g_autoptr(GListModel) list = urok_store_list_annotations (store, book, NULL);

  return g_list_model_get_n_items (list);
}

static void
test_remove_book (void)
{
  g_autoptr(UrokStore) store = open_store ("remove.db");
  g_autoptr(GPtrArray) saved = fill (store);
  g_autoptr(UrokBookLocation) location = urok_book_location_new_epub ("epubcfi(/6/4!/4/2/1:0)", "", "", "",
                                                                      -1, -1, NULL);
  g_autoptr(UrokBookLocation) kept = NULL;
  g_autoptr(GError) error = NULL;

  save_book (store, BOOK);
  save_book (store, OTHER_BOOK);
  g_assert_true (urok_store_set_reading_position (store, BOOK, location, &error));

  /* Kept: they come back with the book. */
  g_assert_true (urok_store_remove_book (store, BOOK, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_annotations (store, BOOK), ==, 3);
  g_assert_true (urok_store_get_reading_position (store, BOOK, &kept, &error));
  g_assert_nonnull (kept);
  g_assert_false (urok_store_remove_book (store, BOOK, FALSE, &error));
  g_assert_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Failed removal changed nothing. */
  g_assert_cmpuint (count_annotations (store, BOOK), ==, 3);

  g_assert_true (urok_store_remove_book (store, OTHER_BOOK, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_annotations (store, OTHER_BOOK), ==, 0);
  g_assert_cmpuint (count_annotations (store, BOOK), ==, 3);
}

static void
test_export_import_round_trip (void)
{
  g_autoptr(UrokStore) from = open_store ("from.db");
  g_autoptr(UrokStore) to = open_store ("to.db");
  g_autoptr(GPtrArray) saved = fill (from);
  g_autoptr(UrokAnnotation) pdf = make_pdf (9);
  g_autoptr(GListModel) original = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  guint imported = 0;
  guint skipped = 0;

  g_assert_true (urok_store_save_annotation (from, pdf, &error));
  json = urok_store_export_annotations (from, BOOK, "Геометрия 7", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"AnnotationCollection\""));
  g_assert_nonnull (strstr (json, UROK_CFI_CONFORMS_TO));
  g_assert_nonnull (strstr (json, "page=7&viewrect=72,100.5,200,25.5"));
  g_assert_nonnull (strstr (json, "\"TextQuoteSelector\""));
  g_assert_nonnull (strstr (json, "\"TextPositionSelector\""));
  g_assert_nonnull (strstr (json, "\"CssSelector\""));
  g_assert_nonnull (strstr (json, "\"commenting\""));
  g_assert_nonnull (strstr (json, ".urok-blue { background-color: #99c1f1; }"));

  g_assert_true (urok_store_import_annotations (to, BOOK, json, -1, &imported, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 4);
  g_assert_cmpuint (skipped, ==, 0);

  original = urok_store_list_annotations (from, BOOK, &error);
  for (guint i = 0; i < g_list_model_get_n_items (original); i++)
    g_ptr_array_add (expected, g_list_model_get_item (original, i));
  assert_list (to, BOOK, expected);
  json_again = urok_store_export_annotations (to, BOOK, "Геометрия 7", &error);
  g_assert_cmpstr (json_again, ==, json);

  /* Importing again writes nothing: the same ids, none newer. */
  g_assert_true (urok_store_import_annotations (to, BOOK, json, -1, &imported, &skipped, &error));
  g_assert_cmpuint (imported, ==, 0);
  assert_list (to, BOOK, expected);

  /* Into another book's entry: all skipped. */
  g_assert_true (urok_store_import_annotations (to, OTHER_BOOK, json, -1, &imported, &skipped, &error));
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (skipped, ==, 4);
}

static void
test_import_deduplicates (void)
{
  g_autoptr(UrokAnnotation) old = make (BOOK, UROK_ANNOTATION_NOTE, "epubcfi(/6/4!/4/2/1:0)", "a", "yellow",
                                        "old", 1);
  g_autoptr(UrokAnnotation) other = make (OTHER_BOOK, UROK_ANNOTATION_NOTE, "epubcfi(/6/4!/4/2/1:0)", "a",
                                          "yellow", "other", 1);
  g_autoptr(UrokAnnotation) newer = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GDateTime) later = time_at (30);
  guint skipped = 0;

  newer = urok_annotation_new_full (urok_annotation_get_uuid (old), BOOK, UROK_ANNOTATION_NOTE,
                                    urok_annotation_get_location (old), "green", "new",
                                    urok_annotation_get_created (old), later);
  g_ptr_array_add (items, old);
  g_ptr_array_add (items, other);
  g_ptr_array_add (items, newer);
  g_ptr_array_add (items, old);
  json = urok_web_annotation_export (BOOK, NULL, items);
  result = urok_web_annotation_import (json, -1, BOOK, &skipped, &error);
  g_assert_no_error (error);
  /* "other" was exported under BOOK's source: it counts as BOOK's. */
  g_assert_cmpuint (result->len, ==, 2);
  g_assert_cmpuint (skipped, ==, 0);
  g_assert_true (urok_annotation_equal (result->pdata[0], newer));
}

/* A foreign tool's file: an http id, a single selector, a body array. */
static void
test_import_foreign (void)
{
  const char *json =
    "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"AnnotationPage\", \"items\": ["
    " {\"id\": \"https://example.org/anno/1\", \"type\": \"Annotation\", \"motivation\": [\"commenting\"],"
    "  \"body\": [{\"type\": \"TextualBody\", \"value\": \"Nice\"}],"
    "  \"target\": {\"source\": \"" BOOK "\", \"selector\": {\"type\": \"FragmentSelector\","
    "   \"conformsTo\": \"" UROK_CFI_CONFORMS_TO "\", \"value\": \"epubcfi(/6/4!/4/2/1:3)\"}}},"
    " {\"id\": \"https://example.org/anno/2\", \"type\": \"Annotation\", \"motivation\": \"highlighting\","
    "  \"target\": {\"source\": \"" OTHER_BOOK "\", \"selector\": {\"type\": \"FragmentSelector\","
    "   \"conformsTo\": \"" UROK_PDF_CONFORMS_TO "\", \"value\": \"page=2&viewrect=1,2,3,4\"}}}]}";
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  guint skipped = 0;
  guint n_rects = 0;
  const UrokBookRect *rects;

  result = urok_web_annotation_import (json, -1, BOOK, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->len, ==, 1);
  g_assert_cmpuint (skipped, ==, 1);
  g_assert_cmpint (urok_annotation_get_kind (result->pdata[0]), ==, UROK_ANNOTATION_NOTE);
  g_assert_cmpstr (urok_annotation_get_note (result->pdata[0]), ==, "Nice");
  g_assert_true (g_uuid_string_is_valid (urok_annotation_get_uuid (result->pdata[0])));
  /* The same foreign id gives the same uuid: a second import de-duplicates. */
  again = urok_web_annotation_import (json, -1, BOOK, NULL, &error);
  g_assert_cmpstr (urok_annotation_get_uuid (again->pdata[0]), ==, urok_annotation_get_uuid (result->pdata[0]));

  g_clear_pointer (&result, g_ptr_array_unref);
  result = urok_web_annotation_import (json, -1, OTHER_BOOK, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->len, ==, 1);
  g_assert_cmpint (urok_book_location_get_page (urok_annotation_get_location (result->pdata[0])), ==, 1);
  rects = urok_book_location_get_rects (urok_annotation_get_location (result->pdata[0]), &n_rects);
  g_assert_cmpuint (n_rects, ==, 1);
  g_assert_cmpfloat (rects[0].height, ==, 4);
}

#define ITEM(body) \
  "{\"id\": \"urn:uuid:3a0c7c36-5d7e-4b43-9b0f-2c8e4f4e1d10\", \"type\": \"Annotation\", " body "}"
#define GOOD_TARGET \
  "\"target\": {\"source\": \"" BOOK "\", \"selector\": [{\"type\": \"FragmentSelector\", \"conformsTo\": \"" \
  UROK_CFI_CONFORMS_TO "\", \"value\": \"epubcfi(/6/4!/4/2/1:0)\"}]}"
#define PAGE(items) "{\"type\": \"AnnotationCollection\", \"first\": {\"type\": \"AnnotationPage\", \"items\": [" items "]}}"

static void
test_import_malformed_changes_nothing (void)
{
  g_autoptr(UrokStore) store = open_store ("malformed.db");
  g_autoptr(GPtrArray) saved = fill (store);
  const char *bad[] = {
    "",
    "not json",
    "[]",
    "{\"type\": \"Annotation\"}",
    "{\"type\": \"AnnotationCollection\", \"first\": \"https://example.org/page1\"}",
    "{\"type\": \"AnnotationPage\", \"items\": {}}",
    PAGE ("5"),
    PAGE (ITEM ("\"motivation\": \"highlighting\"")),
    PAGE (ITEM ("\"motivation\": \"tagging\", " GOOD_TARGET)),
    PAGE ("{\"type\": \"Annotation\", \"motivation\": \"highlighting\", " GOOD_TARGET "}"),
    PAGE (ITEM ("\"motivation\": \"highlighting\", \"created\": \"yesterday\", " GOOD_TARGET)),
    PAGE (ITEM ("\"motivation\": \"highlighting\", \"target\": {\"source\": \"" BOOK "\"}")),
    PAGE (ITEM ("\"motivation\": \"highlighting\", \"target\": {\"source\": \"" BOOK "\", \"selector\":"
                " {\"type\": \"FragmentSelector\", \"conformsTo\": \"" UROK_CFI_CONFORMS_TO "\", \"value\": \"/4[\"}}")),
    PAGE (ITEM ("\"motivation\": \"highlighting\", \"target\": {\"source\": \"" BOOK "\", \"selector\":"
                " {\"type\": \"FragmentSelector\", \"conformsTo\": \"" UROK_PDF_CONFORMS_TO "\", \"value\": \"page=0\"}}")),
    PAGE (ITEM ("\"motivation\": \"highlighting\", \"target\": {\"source\": \"" BOOK "\", \"selector\":"
                " {\"type\": \"FragmentSelector\", \"conformsTo\": \"" UROK_PDF_CONFORMS_TO "\","
                " \"value\": \"page=1&viewrect=1,2,x,4\"}}")),
    PAGE (ITEM ("\"motivation\": \"highlighting\", \"target\": {\"source\": \"" BOOK "\", \"selector\": ["
                " {\"type\": \"FragmentSelector\", \"conformsTo\": \"" UROK_CFI_CONFORMS_TO "\", \"value\": \"/4/1:0\"},"
                " {\"type\": \"TextPositionSelector\", \"start\": 9, \"end\": 2}]}")),
    /* A good item first: still nothing is imported. */
    PAGE (ITEM ("\"motivation\": \"highlighting\", " GOOD_TARGET) ", 5"),
  };
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) list = urok_store_list_annotations (store, BOOK, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (before, g_list_model_get_item (list, i));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      guint imported = 99;

      if (urok_store_import_annotations (store, BOOK, bad[i], -1, &imported, NULL, &error))
        g_error ("bad file %u was accepted: %s", i, bad[i]);
      g_assert_error (error, UROK_WEB_ANNOTATION_ERROR, UROK_WEB_ANNOTATION_ERROR_INVALID);
      g_assert_cmpuint (imported, ==, 99);
      assert_list (store, BOOK, before);
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* A panel binds to the properties: each change is announced once. */
static void
test_properties (void)
{
  g_autoptr(UrokAnnotation) annotation = make (BOOK, UROK_ANNOTATION_NOTE, "epubcfi(/6/4!/4/2/1:0)", "a",
                                               "yellow", "first", 1);
  g_autoptr(GDateTime) before = g_date_time_ref (urok_annotation_get_modified (annotation));
  g_autofree char *colour = NULL;
  g_autofree char *text = NULL;
  g_autoptr(UrokBookLocation) back = NULL;
  guint notes = 0;
  guint kind = 99;

  g_signal_connect (annotation, "notify::note", G_CALLBACK (count_notify), &notes);
  g_object_set (annotation, "note", "first", NULL);
  g_assert_cmpuint (notes, ==, 0);
  g_object_set (annotation, "note", "second", NULL);
  g_assert_cmpuint (notes, ==, 1);
  g_assert_cmpint (g_date_time_compare (urok_annotation_get_modified (annotation), before), >, 0);
  g_object_get (annotation, "colour", &colour, "kind", &kind, NULL);
  g_assert_cmpstr (colour, ==, "yellow");
  g_assert_cmpuint (kind, ==, UROK_ANNOTATION_NOTE);

  /* The string a lesson's book_place resource keeps. */
  text = urok_book_location_to_string (urok_annotation_get_location (annotation));
  back = urok_book_location_new_from_string (text, NULL);
  g_assert_true (urok_book_location_equal (back, urok_annotation_get_location (annotation)));
  g_assert_null (urok_book_location_new_from_string ("{", NULL));
}

/* The migration made both tables. */
static void
test_schema (void)
{
  g_autoptr(UrokStore) store = open_store ("schema.db");
  g_autoptr(sqlite3_stmt) stmt = _urok_store_prepare (store,
    "SELECT count(*) FROM sqlite_master WHERE name IN ('annotation', 'reading_position')", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/annotations/store-crud-and-order", test_store_crud_and_order);
  g_test_add_func ("/core/annotations/reading-position", test_reading_position);
  g_test_add_func ("/core/annotations/remove-book", test_remove_book);
  g_test_add_func ("/core/annotations/export-import-round-trip", test_export_import_round_trip);
  g_test_add_func ("/core/annotations/import-deduplicates", test_import_deduplicates);
  g_test_add_func ("/core/annotations/import-foreign", test_import_foreign);
  g_test_add_func ("/core/annotations/import-malformed-changes-nothing", test_import_malformed_changes_nothing);
  g_test_add_func ("/core/annotations/schema", test_schema);
  g_test_add_func ("/core/annotations/properties", test_properties);
  return core_test_run ();
}
