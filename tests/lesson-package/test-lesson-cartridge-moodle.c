/* test-lesson-cartridge-moodle.c: a lesson exported as an IMS Common
 * Cartridge 1.1 is one Moodle's course restore takes: what its imscc11
 * converter looks for (backup/converter/imscc11/lib.php: the manifest's
 * default namespace in its first 500 bytes), the types and namespaces it
 * reads (backup/cc/cc112moodle.php, entity11.resource.class.php,
 * entity11.quiz.class.php) and the rules of the CC 1.1 manifest schema it
 * validates against (backup/cc/schemas11/ccv1p1_imscp_v1p2_v1p0.xsd).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-test-util.h"

#include <string.h>

#include "cartridge-test-util.h"
#include "package-test-util.h"

#define NS_CP "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
#define NS_LOM_MANIFEST "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
#define NS_LOM_RESOURCE "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"
#define NS_WEBLINK "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1"

static const CcTestNamespaces namespaces = { NS_CP, NS_LOM_MANIFEST, NS_LOM_RESOURCE, NS_WEBLINK };

#define TYPE_WEBLINK "imswl_xmlv1p1"
#define TYPE_ASSESSMENT "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"

/* The resource types of the CC 1.1 manifest schema, all of which Moodle's
 * converter knows. */
static const char *const moodle_types[] = {
  "webcontent",
  TYPE_ASSESSMENT,
  "imsqti_xmlv1p2/imscc_xmlv1p1/question-bank",
  "associatedcontent/imscc_xmlv1p1/learning-application-resource",
  "imsdt_xmlv1p1",
  TYPE_WEBLINK,
  "imsbasiclti_xmlv1p0",
};

static xmlXPathContext *
new_context (xmlDoc *doc)
{
  return cc_test_new_context (doc, NS_CP, NS_LOM_MANIFEST, NS_WEBLINK);
}

static char *
export_moodle (UrokStore  *store,
               UrokLesson *lesson)
{
  g_autoptr(GError) error = NULL;
  char *path = core_test_path ("lesson.imscc");

  g_assert_true (urok_lesson_cartridge_export_version (store, lesson, UROK_CARTRIDGE_1_1, path, &error));
  g_assert_no_error (error);
  return path;
}

/* What Moodle's detect_format() sees: the first 500 bytes, lower case,
 * without white space and quotes. */
static gboolean
moodle_detects_1_1 (GBytes *manifest)
{
  gsize size = MIN (g_bytes_get_size (manifest), 500);
  g_autofree char *head = g_ascii_strdown (g_bytes_get_data (manifest, NULL), (gssize)size);
  g_autoptr(GString) snippet = g_string_new (NULL);

  for (const char *p = head; *p != '\0'; p++)
    if (!g_ascii_isspace (*p) && *p != '"' && *p != '\'')
      g_string_append_c (snippet, *p);
  return strstr (snippet->str, "xmlns=http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1") != NULL;
}

/* An xs:ID: a letter or "_", then letters, digits, ".", "-", "_". */
static gboolean
is_xml_id (const char *text)
{
  if (text == NULL || !(g_ascii_isalpha (*text) || *text == '_'))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static void
check_weblink (GHashTable *files,
               const char *file)
{
  g_autoptr(xmlDoc) doc = cc_test_parse (files, file);
  g_autoptr(xmlXPathContext) context = new_context (doc);
  g_autofree char *url = cc_test_eval_string (context, NULL, "string(/wl:webLink/wl:url/@href)");
  g_autofree char *title = cc_test_eval_string (context, NULL, "string(/wl:webLink/wl:title)");
  g_autofree char *location = cc_test_attribute (xmlDocGetRootElement (doc), "schemaLocation");

  /* Moodle reads /wl:webLink/wl:url/@href in the 1.1 namespace. */
  g_assert_cmpstr (url, ==, pkg_test_link_url ());
  g_assert_cmpstr (title, ==, "Тренажёр");
  g_assert_nonnull (strstr (location, "ccv1p1_imswl_v1p1.xsd"));
}

/* The labels Moodle's converter takes as right answers of @item: for
 * several answers the varequal[@case='Yes'] outside a <not> of the
 * respcondition that sets SCORE to 100; otherwise those whose varequal is
 * the first of a respcondition that sets a score (its get_score()). */
static char *
moodle_right_answers (xmlXPathContext *context,
                      xmlNode         *item,
                      gboolean         several)
{
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GString) answers = g_string_new (NULL);

  if (several)
    nodes = cc_test_select (context, item,
                            ".//qti:setvar[@varname='SCORE'][.=100]/../qti:conditionvar"
                            "//qti:varequal[@case='Yes'][not(parent::qti:not)]");
  else
    nodes = cc_test_select (context, item,
                            "qti:resprocessing/qti:respcondition[qti:setvar != '' and qti:setvar != '0']"
                            "/qti:conditionvar/qti:varequal[1]");
  for (guint i = 0; i < nodes->len; i++)
    {
      xmlChar *content = xmlNodeGetContent (nodes->pdata[i]);

      g_string_append_printf (answers, "%s%s", i > 0 ? " " : "", (const char *)content);
      xmlFree (content);
    }
  return g_string_free (g_steal_pointer (&answers), FALSE);
}

static void
check_assessment (GHashTable *files,
                  const char *file)
{
  /* The lesson's test: single choice (2nd right), several answers (1st
   * and 3rd right), true/false (true); its short answer is left out. */
  static const struct
  {
    const char *profile;
    const char *labels;
    const char *right;
    const char *weighting;
  } expected[] = {
    { "cc.multiple_choice.v0p1", "Q1_A1 Q1_A2 Q1_A3", "Q1_A2", "1" },
    { "cc.multiple_response.v0p1", "Q2_A1 Q2_A2 Q2_A3", "Q2_A1 Q2_A3", "2" },
    { "cc.true_false.v0p1", "true false", "true", "1" },
  };
  g_autoptr(xmlDoc) doc = cc_test_parse (files, file);
  g_autoptr(xmlXPathContext) context = new_context (doc);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GHashTable) idents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *location = cc_test_attribute (xmlDocGetRootElement (doc), "schemaLocation");
  g_autofree char *title = NULL;
  g_autofree char *exam = NULL;
  xmlNode *root = xmlDocGetRootElement (doc);

  g_assert_cmpstr ((const char *)root->name, ==, "questestinterop");
  g_assert_nonnull (root->ns);
  g_assert_cmpstr ((const char *)root->ns->href, ==, CC_TEST_NS_QTI);
  g_assert_nonnull (strstr (location, "ccv1p1_qtiasiv1p2p1_v1p0.xsd"));
  title = cc_test_eval_string (context, NULL, "string(/qti:questestinterop/qti:assessment/@title)");
  g_assert_cmpstr (title, ==, "Самостоятельная работа");
  exam = cc_test_eval_string (context, NULL,
                              "string(/qti:questestinterop/qti:assessment/qti:qtimetadata/qti:qtimetadatafield"
                              "[qti:fieldlabel='cc_profile']/qti:fieldentry)");
  g_assert_cmpstr (exam, ==, "cc.exam.v0p1");

  /* The profile allows one section; Moodle reads its items. */
  sections = cc_test_select (context, NULL, "/qti:questestinterop/qti:assessment/qti:section");
  g_assert_cmpuint (sections->len, ==, 1);
  items = cc_test_select (context, NULL, "/qti:questestinterop/qti:assessment/qti:section/qti:item");
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < items->len; i++)
    {
      xmlNode *item = items->pdata[i];
      gboolean several = g_str_equal (expected[i].profile, "cc.multiple_response.v0p1");
      g_autofree char *profile = cc_test_eval_string (context, item,
                                                      "string(qti:itemmetadata/qti:qtimetadata/qti:qtimetadatafield"
                                                      "[qti:fieldlabel='cc_profile']/qti:fieldentry)");
      g_autofree char *weighting = cc_test_eval_string (context, item,
                                                        "string(.//qti:qtimetadatafield"
                                                        "[qti:fieldlabel='cc_weighting']/qti:fieldentry)");
      g_autofree char *text = cc_test_eval_string (context, item, "string(qti:presentation/qti:material/qti:mattext)");
      g_autofree char *right = moodle_right_answers (context, item, several);
      g_autoptr(GPtrArray) labels = cc_test_select (context, item,
                                                    "qti:presentation/qti:response_lid/qti:render_choice/qti:response_label");
      g_autoptr(GString) label_list = g_string_new (NULL);

      /* Moodle finds items by //item[@ident=…]: idents are unique. */
      g_assert_true (g_hash_table_add (idents, cc_test_attribute (item, "ident")));
      g_assert_cmpstr (profile, ==, expected[i].profile);
      g_assert_cmpstr (weighting, ==, expected[i].weighting);
      g_assert_cmpstr (text, !=, "");
      for (guint j = 0; j < labels->len; j++)
        {
          g_autofree char *ident = cc_test_attribute (labels->pdata[j], "ident");
          g_autofree char *choice = cc_test_eval_string (context, labels->pdata[j], "string(qti:material/qti:mattext)");

          g_assert_cmpstr (choice, !=, "");
          g_string_append_printf (label_list, "%s%s", j > 0 ? " " : "", ident);
        }
      g_assert_cmpstr (label_list->str, ==, expected[i].labels);
      g_assert_cmpstr (right, ==, expected[i].right);
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
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GPtrArray) modules = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_autofree char *dir = core_test_path ("store");
  GListModel *stages;
  GHashTableIter iter;
  const char *name;
  GBytes *bytes;
  guint n_weblinks = 0;
  guint n_assessments = 0;
  guint n_media = 0;

  cc_test_export_and_read (dir, UROK_CARTRIDGE_1_1, &namespaces, "1.1.0", &store, &lesson, &files, &doc, &context);
  stages = urok_lesson_get_stages (lesson);

  /* Moodle tells the version by the manifest's first bytes alone. */
  g_assert_true (moodle_detects_1_1 (g_hash_table_lookup (files, "imsmanifest.xml")));
  /* Nothing of 1.3 is left anywhere. */
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, (gpointer *)&bytes))
    if (g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".html"))
      {
        g_autofree char *content = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

        g_assert_null (strstr (content, "v1p3"));
      }

  /* metadata, organizations, resources: in the schema's order. */
  g_assert_cmpuint (cc_test_count (context, NULL, "/cp:manifest/*[1][self::cp:metadata]"
                                                  "/following-sibling::*[1][self::cp:organizations]"
                                                  "/following-sibling::*[1][self::cp:resources]"), ==, 1);

  /* Identifiers are xs:IDs, unique across the manifest. */
  all = cc_test_select (context, NULL, "//@identifier");
  for (guint i = 0; i < all->len; i++)
    {
      xmlChar *value = xmlNodeGetContent (all->pdata[i]);

      g_assert_true (is_xml_id ((const char *)value));
      g_assert_true (g_hash_table_add (identifiers, g_strdup ((const char *)value)));
      xmlFree (value);
    }

  resources = cc_test_select (context, NULL, "/cp:manifest/cp:resources/cp:resource");
  for (guint i = 0; i < resources->len; i++)
    {
      xmlNode *resource = resources->pdata[i];
      g_autofree char *id = cc_test_attribute (resource, "identifier");
      g_autofree char *type = cc_test_attribute (resource, "type");
      g_autofree char *href = cc_test_attribute (resource, "href");
      g_autoptr(GPtrArray) resource_files = cc_test_select (context, resource, "cp:file");
      g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autofree char *first = NULL;

      g_assert_true (g_strv_contains (moodle_types, type));
      g_hash_table_add (resource_ids, g_strdup (id));
      g_assert_cmpuint (resource_files->len, >=, 1);
      for (guint j = 0; j < resource_files->len; j++)
        {
          g_autofree char *file = cc_test_attribute (resource_files->pdata[j], "href");

          g_assert_true (cc_test_is_relative (file));
          g_assert_true (g_hash_table_contains (files, file));
          /* Rule 9a: no file twice in a resource. */
          g_assert_true (g_hash_table_add (own, g_strdup (file)));
          g_hash_table_add (referenced, g_strdup (file));
        }
      /* Rule 10b: a resource's href is one of its files. */
      if (href != NULL)
        g_assert_true (g_hash_table_contains (own, href));

      first = cc_test_attribute (resource_files->pdata[0], "href");
      if (g_str_equal (type, "webcontent"))
        {
          /* Moodle opens web content by its href. */
          g_assert_nonnull (href);
          if (g_str_has_prefix (href, "media/"))
            n_media++;
        }
      else if (g_str_equal (type, TYPE_WEBLINK))
        {
          /* Rules 2a–2d: one file, no href, no dependency. */
          g_assert_null (href);
          g_assert_cmpuint (resource_files->len, ==, 1);
          g_assert_cmpuint (cc_test_count (context, resource, "cp:dependency"), ==, 0);
          check_weblink (files, first);
          n_weblinks++;
        }
      else if (g_str_equal (type, TYPE_ASSESSMENT))
        {
          /* Rules 3a–3c: one file, no href. */
          g_assert_null (href);
          g_assert_cmpuint (resource_files->len, ==, 1);
          check_assessment (files, first);
          n_assessments++;
        }
      else
        g_error ("unexpected resource type %s", type);
    }
  g_assert_cmpuint (n_media, ==, 2);
  g_assert_cmpuint (n_weblinks, ==, 1);
  g_assert_cmpuint (n_assessments, ==, 1);

  /* Every file in the archive is a resource's. */
  g_hash_table_iter_init (&iter, files);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, NULL))
    if (!g_str_equal (name, "imsmanifest.xml"))
      g_assert_true (g_hash_table_contains (referenced, name));

  refs = cc_test_select (context, NULL, "//cp:item[@identifierref]");
  g_assert_cmpuint (refs->len, >, 0);
  for (guint i = 0; i < refs->len; i++)
    {
      g_autofree char *ref = cc_test_attribute (refs->pdata[i], "identifierref");

      g_assert_true (g_hash_table_contains (resource_ids, ref));
      /* Rule 8b: an item that is a learning object has no items. */
      g_assert_cmpuint (cc_test_count (context, refs->pdata[i], "cp:item"), ==, 0);
    }

  /* One organization, a rooted hierarchy whose root item has no title.
   * Moodle makes each item below the root (its depth 2) a course section
   * titled by the item, and the items below that its activities. */
  roots = cc_test_select (context, NULL, "/cp:manifest/cp:organizations/cp:organization"
                                         "[@structure='rooted-hierarchy']/cp:item");
  g_assert_cmpuint (roots->len, ==, 1);
  g_assert_cmpuint (cc_test_count (context, NULL, "//cp:organization"), ==, 1);
  g_assert_cmpuint (cc_test_count (context, roots->pdata[0], "cp:title"), ==, 0);
  g_assert_null (xmlGetProp (roots->pdata[0], (const xmlChar *)"identifierref"));
  modules = cc_test_select (context, roots->pdata[0], "cp:item");
  g_assert_cmpuint (modules->len, ==, g_list_model_get_n_items (stages));
  for (guint i = 0; i < modules->len; i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *module_title = cc_test_eval_string (context, modules->pdata[i], "string(cp:title)");
      g_autofree char *expected = g_strdup_printf ("%u. %s", i + 1, urok_stage_get_title (stage));
      g_autoptr(GPtrArray) items = cc_test_select (context, modules->pdata[i], "cp:item");
      g_autofree char *page_ref = NULL;
      g_autofree char *xpath = NULL;
      g_autofree char *page = NULL;
      GBytes *page_bytes;

      g_assert_cmpstr (module_title, ==, expected);
      g_assert_null (xmlGetProp (modules->pdata[i], (const xmlChar *)"identifierref"));
      g_assert_cmpuint (items->len, ==, 1 + g_list_model_get_n_items (urok_stage_get_resources (stage)));
      for (guint j = 0; j < items->len; j++)
        {
          g_autofree char *item_title = cc_test_eval_string (context, items->pdata[j], "string(cp:title)");
          g_autofree char *ref = cc_test_attribute (items->pdata[j], "identifierref");

          g_assert_cmpstr (item_title, !=, "");
          g_assert_nonnull (ref);
        }

      /* The stage's own page comes first and says what the stage is. */
      page_ref = cc_test_attribute (items->pdata[0], "identifierref");
      xpath = g_strdup_printf ("string(/cp:manifest/cp:resources/cp:resource[@identifier='%s']/@href)", page_ref);
      page = cc_test_eval_string (context, NULL, xpath);
      page_bytes = g_hash_table_lookup (files, page);
      g_assert_nonnull (page_bytes);
      {
        g_autofree char *html = g_strndup (g_bytes_get_data (page_bytes, NULL), g_bytes_get_size (page_bytes));

        g_assert_true (g_str_has_suffix (page, ".html"));
        g_assert_nonnull (strstr (html, urok_stage_get_title (stage)));
      }
    }
}

/* The same lesson in both versions: the same files with the same bytes,
 * but for the XML that names the version. */
static void
test_same_content (void)
{
  g_autoptr(UrokStore) store = NULL;
  g_autoptr(UrokLesson) lesson = NULL;
  g_autoptr(GHashTable) files_1_1 = NULL;
  g_autoptr(GHashTable) files_1_3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = core_test_path ("store");
  g_autofree char *path_1_1 = NULL;
  g_autofree char *path_1_3 = core_test_path ("lesson-1.3.imscc");
  GHashTableIter iter;
  const char *name;
  GBytes *bytes;

  store = pkg_test_open_store (dir);
  lesson = pkg_test_make_lesson (store);
  path_1_1 = export_moodle (store, lesson);
  g_assert_true (urok_lesson_cartridge_export (store, lesson, path_1_3, &error));
  g_assert_no_error (error);
  files_1_1 = pkg_test_read_zip (path_1_1);
  files_1_3 = pkg_test_read_zip (path_1_3);

  g_assert_cmpuint (g_hash_table_size (files_1_1), ==, g_hash_table_size (files_1_3));
  g_hash_table_iter_init (&iter, files_1_1);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, (gpointer *)&bytes))
    {
      GBytes *other = g_hash_table_lookup (files_1_3, name);

      g_assert_nonnull (other);
      if (!g_str_has_suffix (name, ".xml"))
        g_assert_true (g_bytes_equal (bytes, other));
      else
        g_assert_false (g_bytes_equal (bytes, other));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/lesson-package/cartridge-1.1/structure", test_structure);
  g_test_add_func ("/core/lesson-package/cartridge-1.1/same-content", test_same_content);

  return core_test_run ();
}
