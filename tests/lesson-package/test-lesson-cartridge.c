/* test-lesson-cartridge.c: a lesson exported as an IMS Common Cartridge 1.3
 * has the structure the specification asks for: the manifest's namespaces
 * and schema version, an organization of one module per stage, resources
 * whose files are all in the archive, web links and QTI assessments that
 * parse and say what they should.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"

#include <string.h>

#include "cartridge-test-util.h"
#include "package-test-util.h"
#include "urok-store-packages.h"

#define NS_CP "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
#define NS_LOM_MANIFEST "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
#define NS_LOM_RESOURCE "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource"
#define NS_WEBLINK "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"
#define NS_QTI CC_TEST_NS_QTI

static const CcTestNamespaces namespaces = { NS_CP, NS_LOM_MANIFEST, NS_LOM_RESOURCE, NS_WEBLINK };

static xmlXPathContext *
new_context (xmlDoc *doc)
{
  return cc_test_new_context (doc, NS_CP, NS_LOM_MANIFEST, NS_WEBLINK);
}

static char *
export_cartridge (UrokStore  *store,
                  UrokLesson *lesson)
{
  g_autoptr(GError) error = NULL;
  char *path = core_test_path ("lesson.imscc");

  g_assert_true (urok_lesson_cartridge_export (store, lesson, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
check_weblink (GHashTable *files,
               const char *file)
{
  g_autoptr(xmlDoc) doc = cc_test_parse (files, file);
  g_autoptr(xmlXPathContext) context = new_context (doc);
  g_autofree char *url = cc_test_eval_string (context, NULL, "string(/wl:webLink/wl:url/@href)");
  g_autofree char *title = cc_test_eval_string (context, NULL, "string(/wl:webLink/wl:title)");

  g_assert_cmpstr (url, ==, pkg_test_link_url ());
  g_assert_cmpstr (title, ==, "Тренажёр");
}

static void
check_assessment (GHashTable *files,
                  const char *file)
{
  static const char *const profiles[] = {
    "cc.multiple_choice.v0p1", "cc.multiple_response.v0p1", "cc.true_false.v0p1",
  };
  g_autoptr(xmlDoc) doc = cc_test_parse (files, file);
  g_autoptr(xmlXPathContext) context = new_context (doc);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *title = NULL;
  g_autofree char *exam = NULL;

  g_assert_nonnull (xmlDocGetRootElement (doc)->ns);
  g_assert_cmpstr ((const char *)xmlDocGetRootElement (doc)->ns->href, ==, NS_QTI);
  title = cc_test_eval_string (context, NULL, "string(/qti:questestinterop/qti:assessment/@title)");
  g_assert_cmpstr (title, ==, "Самостоятельная работа");
  exam = cc_test_eval_string (context, NULL,
                              "string(/qti:questestinterop/qti:assessment/qti:qtimetadata/qti:qtimetadatafield"
                              "[qti:fieldlabel='cc_profile']/qti:fieldentry)");
  g_assert_cmpstr (exam, ==, "cc.exam.v0p1");

  /* Single choice, several answers, true/false; the short answer has no
   * item in the profile and is left out. */
  items = cc_test_select (context, NULL, "/qti:questestinterop/qti:assessment/qti:section/qti:item");
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (profiles));
  for (guint i = 0; i < items->len; i++)
    {
      xmlNode *item = items->pdata[i];
      g_autofree char *profile = cc_test_eval_string (context, item,
                                                      "string(qti:itemmetadata/qti:qtimetadata/qti:qtimetadatafield"
                                                      "[qti:fieldlabel='cc_profile']/qti:fieldentry)");
      g_autoptr(GPtrArray) labels = cc_test_select (context, item, ".//qti:response_label");
      g_autoptr(GPtrArray) answers = cc_test_select (context, item, ".//qti:respcondition//qti:varequal");
      g_autoptr(GHashTable) idents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      g_assert_cmpstr (profile, ==, profiles[i]);
      g_assert_cmpuint (labels->len, >=, 2);
      for (guint j = 0; j < labels->len; j++)
        g_assert_true (g_hash_table_add (idents, cc_test_attribute (labels->pdata[j], "ident")));
      /* Every answer names one of the item's choices. */
      g_assert_cmpuint (answers->len, >=, 1);
      for (guint j = 0; j < answers->len; j++)
        {
          xmlChar *content = xmlNodeGetContent (answers->pdata[j]);

          g_assert_true (g_hash_table_contains (idents, (const char *)content));
          xmlFree (content);
        }
    }
  {
    /* The multiple-choice text with "<&>" survives escaping. */
    g_autofree char *text = cc_test_eval_string (context, items->pdata[1], "string(qti:presentation/qti:material/qti:mattext)");
    g_assert_cmpstr (text, ==, "Отметьте верные равенства <&>.");
  }
}

static void
test_structure (void)
{
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(UrokLesson) lesson = NULL;
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(GHashTable) identifiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) resource_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlXPathContext) context = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GPtrArray) modules = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_autofree char *dir = core_test_path ("store");
  GListModel *stages;
  GHashTableIter iter;
  const char *name;
  guint n_weblinks = 0;
  guint n_assessments = 0;
  guint n_media = 0;

  /* The manifest: the CC 1.3 content-packaging namespace, LOM metadata. */
  cc_test_export_and_read (dir, UROK_CARTRIDGE_1_3, &namespaces, "1.3.0", &store, &lesson, &files, &doc, &context);
  stages = urok_lesson_get_stages (lesson);

  /* Identifiers are unique across the manifest. */
  all = cc_test_select (context, NULL, "//@identifier");
  g_assert_cmpuint (all->len, >, 0);
  for (guint i = 0; i < all->len; i++)
    {
      xmlChar *value = xmlNodeGetContent (all->pdata[i]);

      g_assert_true (g_hash_table_add (identifiers, g_strdup ((const char *)value)));
      xmlFree (value);
    }

  /* Resources: known types, relative hrefs, every file in the archive. */
  resources = cc_test_select (context, NULL, "/cp:manifest/cp:resources/cp:resource");
  for (guint i = 0; i < resources->len; i++)
    {
      xmlNode *resource = resources->pdata[i];
      g_autofree char *id = cc_test_attribute (resource, "identifier");
      g_autofree char *type = cc_test_attribute (resource, "type");
      g_autofree char *href = cc_test_attribute (resource, "href");
      g_autoptr(GPtrArray) resource_files = cc_test_select (context, resource, "cp:file");

      g_hash_table_add (resource_ids, g_strdup (id));
      g_assert_cmpuint (resource_files->len, >=, 1);
      for (guint j = 0; j < resource_files->len; j++)
        {
          g_autofree char *file = cc_test_attribute (resource_files->pdata[j], "href");

          g_assert_true (cc_test_is_relative (file));
          g_assert_true (g_hash_table_contains (files, file));
          g_hash_table_add (referenced, g_strdup (file));
        }
      if (href != NULL)
        {
          g_assert_true (cc_test_is_relative (href));
          g_assert_true (g_hash_table_contains (files, href));
        }

      if (g_str_equal (type, "webcontent"))
        {
          g_assert_nonnull (href);
          if (g_str_has_prefix (href, "media/"))
            n_media++;
        }
      else if (g_str_equal (type, "imswl_xmlv1p3"))
        {
          g_autofree char *file = cc_test_attribute (resource_files->pdata[0], "href");

          g_assert_null (href);
          check_weblink (files, file);
          n_weblinks++;
        }
      else if (g_str_equal (type, "imsqti_xmlv1p2/imscc_xmlv1p3/assessment"))
        {
          g_autofree char *file = cc_test_attribute (resource_files->pdata[0], "href");

          g_assert_null (href);
          check_assessment (files, file);
          n_assessments++;
        }
      else
        g_error ("unexpected resource type %s", type);
    }
  /* The picture used twice is one resource; the deleted test is a page. */
  g_assert_cmpuint (n_media, ==, 2);
  g_assert_cmpuint (n_weblinks, ==, 1);
  g_assert_cmpuint (n_assessments, ==, 1);

  /* Nothing in the archive that no resource names. */
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, NULL))
    if (!g_str_equal (name, "imsmanifest.xml"))
      g_assert_true (g_hash_table_contains (referenced, name));

  /* Every item points at a resource. */
  refs = cc_test_select (context, NULL, "//cp:item[@identifierref]");
  g_assert_cmpuint (refs->len, >, 0);
  for (guint i = 0; i < refs->len; i++)
    {
      g_autofree char *ref = cc_test_attribute (refs->pdata[i], "identifierref");
      g_assert_true (g_hash_table_contains (resource_ids, ref));
    }

  /* One rooted hierarchy; one module per stage in order, holding the
   * stage's page and then an item per resource. */
  organizations = cc_test_select (context, NULL, "/cp:manifest/cp:organizations/cp:organization"
                                                "[@structure='rooted-hierarchy']");
  g_assert_cmpuint (organizations->len, ==, 1);
  modules = cc_test_select (context, NULL, "/cp:manifest/cp:organizations/cp:organization/cp:item/cp:item");
  g_assert_cmpuint (modules->len, ==, g_list_model_get_n_items (stages));
  for (guint i = 0; i < modules->len; i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *module_title = cc_test_eval_string (context, modules->pdata[i], "string(cp:title)");
      g_autofree char *expected = g_strdup_printf ("%u. %s", i + 1, urok_stage_get_title (stage));
      g_autoptr(GPtrArray) items = cc_test_select (context, modules->pdata[i], "cp:item");
      g_autofree char *page = NULL;
      g_autofree char *page_ref = NULL;
      g_autofree char *xpath = NULL;
      GBytes *page_bytes;

      g_assert_cmpstr (module_title, ==, expected);
      g_assert_null (xmlGetProp (modules->pdata[i], (const xmlChar *)"identifierref"));
      g_assert_cmpuint (items->len, ==, 1 + g_list_model_get_n_items (urok_stage_get_resources (stage)));

      /* The stage's page carries its text, escaped, and not its notes. */
      page_ref = cc_test_attribute (items->pdata[0], "identifierref");
      xpath = g_strdup_printf ("string(/cp:manifest/cp:resources/cp:resource[@identifier='%s']/@href)", page_ref);
      page = cc_test_eval_string (context, NULL, xpath);
      page_bytes = g_hash_table_lookup (files, page);
      g_assert_nonnull (page_bytes);
      {
        g_autofree char *html = g_strndup (g_bytes_get_data (page_bytes, NULL), g_bytes_get_size (page_bytes));

        g_assert_nonnull (strstr (html, urok_stage_get_title (stage)));
        g_assert_null (strstr (html, "Не забыть журнал"));
        if (i == 0)
          g_assert_nonnull (strstr (html, "Приветствует учащихся.<br>"));
      }
    }

  /* Media travel byte for byte. */
  {
    g_autoptr(GBytes) png = pkg_test_png ();
    g_autoptr(GBytes) ogg = pkg_test_ogg ();
    gboolean found_png = FALSE;
    gboolean found_ogg = FALSE;

    g_hash_table_iter_init (&iter, files);
    while (g_hash_table_iter_next (&iter, (gpointer *)&name, NULL))
      {
        GBytes *bytes = g_hash_table_lookup (files, name);

        found_png |= g_str_has_suffix (name, ".png") && g_bytes_equal (bytes, png);
        found_ogg |= g_str_has_suffix (name, ".ogg") && g_bytes_equal (bytes, ogg);
      }
    g_assert_true (found_png);
    g_assert_true (found_ogg);
  }
}

static void
test_empty_lesson (void)
{
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *dir = core_test_path ("store");
  g_autofree char *path = NULL;

  /* No stages, no topic: still a cartridge a platform can read. */
  store = pkg_test_open_store (dir);
  path = export_cartridge (store, lesson);
  files = pkg_test_read_zip (path);
  g_assert_cmpuint (g_hash_table_size (files), ==, 1);
  doc = cc_test_parse (files, "imsmanifest.xml");
}

static void
test_hostile_text (void)
{
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokStage) stage = urok_stage_new ("</title><script>alert(1)</script>\001\002", 5);
  g_autoptr(UrokResource) text = urok_resource_new (UROK_RESOURCE_TEXT);
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *dir = core_test_path ("store");
  g_autofree char *path = NULL;
  GHashTableIter iter;
  const char *name;
  GBytes *bytes;

  /* Markup in the lesson is text in the cartridge; control characters,
   * which XML cannot carry at all, are dropped. */
  urok_lesson_set_topic (lesson, "A & B <c> \"d\"\x01");
  urok_resource_set_text (text, "<b>not bold</b>");
  urok_stage_insert_resource (stage, 0, text);
  urok_lesson_insert_stage (lesson, 0, stage);
  store = pkg_test_open_store (dir);
  path = export_cartridge (store, lesson);
  files = pkg_test_read_zip (path);
  doc = cc_test_parse (files, "imsmanifest.xml");

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, (gpointer *)&bytes))
    {
      g_autofree char *content = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      g_assert_null (strstr (content, "<script>"));
      g_assert_null (strstr (content, "<b>"));
      g_assert_null (strchr (content, '\001'));
    }
}

/* Question data from another teacher's package: whatever its shape, a
 * question that cannot be played is left out, never a crash. */
static void
test_odd_questions (void)
{
  static const char test_json[] =
    "{\"uuid\": \"9d1b7c1e-2f0a-4f5e-8a3b-1c2d3e4f5a6b\", \"title\": \"Странный тест\", \"questions\": ["
    " {\"kind\": \"single_choice\", \"text\": \"a\", \"points\": 1, \"data\": {\"choices\": \"abc\", \"answer\": 0}},"
    " {\"kind\": \"multiple_choice\", \"text\": \"b\", \"points\": 1, \"data\": {\"choices\": [1, 2], \"answer\": [0]}},"
    " {\"kind\": \"true_false\", \"text\": \"c\", \"points\": 1, \"data\": {\"answer\": \"yes\"}},"
    " {\"kind\": \"single_choice\", \"text\": \"d\", \"points\": 1, \"data\": {\"choices\": [\"x\", \"y\"], \"answer\": [5]}},"
    " {\"kind\": \"single_choice\", \"text\": \"e\", \"points\": 1, \"data\": {\"choices\": [\"x\", \"y\"], \"answer\": [0, 1]}},"
    " {\"kind\": \"multiple_choice\", \"text\": \"f\", \"points\": 1, \"data\": {\"choices\": [\"x\", \"y\"], \"answer\": []}},"
    " {\"kind\": \"single_choice\", \"text\": \"g\", \"points\": 1, \"data\": {}},"
    " {\"kind\": \"true_false\", \"text\": \"h\", \"points\": 1, \"data\": {\"answer\": false}}"
    "]}";
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(UrokLesson) lesson = urok_lesson_new ();
  g_autoptr(UrokStage) stage = urok_stage_new ("Проверка", 10);
  g_autoptr(UrokResource) test = urok_resource_new (UROK_RESOURCE_TEST);
  g_autoptr(JsonNode) node = json_from_string (test_json, NULL);
  g_autoptr(GHashTable) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = core_test_path ("store");
  g_autofree char *path = NULL;
  GHashTableIter iter;
  const char *name;
  guint n_assessments = 0;

  store = pkg_test_open_store (dir);
  g_assert_nonnull (node);
  g_assert_true (urok_store_save_test_json (store, json_node_get_object (node), &error));
  g_assert_no_error (error);
  urok_resource_set_target (test, "9d1b7c1e-2f0a-4f5e-8a3b-1c2d3e4f5a6b");
  urok_stage_insert_resource (stage, 0, test);
  urok_lesson_insert_stage (lesson, 0, stage);
  path = export_cartridge (store, lesson);
  files = pkg_test_read_zip (path);

  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, NULL))
    if (g_str_has_prefix (name, "tests/"))
      {
        g_autoptr(xmlDoc) doc = cc_test_parse (files, name);
        g_autoptr(xmlXPathContext) context = new_context (doc);
        g_autoptr(GPtrArray) items = cc_test_select (context, NULL, "//qti:item");
        g_autofree char *text = NULL;

        /* Only the last true/false question is whole. */
        g_assert_cmpuint (items->len, ==, 1);
        text = cc_test_eval_string (context, items->pdata[0], "string(qti:presentation/qti:material/qti:mattext)");
        g_assert_cmpstr (text, ==, "h");
        n_assessments++;
      }
  g_assert_cmpuint (n_assessments, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/lesson-package/cartridge/structure", test_structure);
  g_test_add_func ("/core/lesson-package/cartridge/empty-lesson", test_empty_lesson);
  g_test_add_func ("/core/lesson-package/cartridge/hostile-text", test_hostile_text);
  g_test_add_func ("/core/lesson-package/cartridge/odd-questions", test_odd_questions);

  return core_test_run ();
}
