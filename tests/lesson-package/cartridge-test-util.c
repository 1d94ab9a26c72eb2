/* cartridge-test-util.c: reading back an exported Common Cartridge.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cartridge-test-util.h"
#include "core-test-util.h"
#include "package-test-util.h"

xmlDoc *
cc_test_parse (GHashTable *files,
               const char *name)
{
  GBytes *bytes = g_hash_table_lookup (files, name);
  xmlDoc *doc;

  g_assert_nonnull (bytes);
  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int)g_bytes_get_size (bytes), name, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  return doc;
}

xmlXPathContext *
cc_test_new_context (xmlDoc     *doc,
                     const char *ns_cp,
                     const char *ns_lom_manifest,
                     const char *ns_weblink)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);

  xmlXPathRegisterNs (context, (const xmlChar *)"cp", (const xmlChar *)ns_cp);
  xmlXPathRegisterNs (context, (const xmlChar *)"lomimscc", (const xmlChar *)ns_lom_manifest);
  xmlXPathRegisterNs (context, (const xmlChar *)"wl", (const xmlChar *)ns_weblink);
  xmlXPathRegisterNs (context, (const xmlChar *)"qti", (const xmlChar *)CC_TEST_NS_QTI);
  return context;
}

GPtrArray *
cc_test_select (xmlXPathContext *context,
                xmlNode         *from,
                const char      *path)
{
  g_autoptr(xmlXPathObject) result = NULL;
  GPtrArray *nodes = g_ptr_array_new ();

  context->node = from;
  result = xmlXPathEvalExpression ((const xmlChar *)path, context);
  g_assert_nonnull (result);
  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr; i++)
    g_ptr_array_add (nodes, result->nodesetval->nodeTab[i]);
  return nodes;
}

guint
cc_test_count (xmlXPathContext *context,
               xmlNode         *from,
               const char      *path)
{
  g_autoptr(GPtrArray) nodes = cc_test_select (context, from, path);

  return nodes->len;
}

char *
cc_test_eval_string (xmlXPathContext *context,
                     xmlNode         *from,
                     const char      *path)
{
  g_autoptr(xmlXPathObject) result = NULL;
  xmlChar *value;
  char *copy;

  context->node = from;
  result = xmlXPathEvalExpression ((const xmlChar *)path, context);
  g_assert_nonnull (result);
  value = xmlXPathCastToString (result);
  copy = g_strdup ((const char *)value);
  xmlFree (value);
  return copy;
}

char *
cc_test_attribute (xmlNode    *node,
                   const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy = value != NULL ? g_strdup ((const char *)value) : NULL;

  xmlFree (value);
  return copy;
}

gboolean
cc_test_is_relative (const char *href)
{
  return href != NULL && *href != '\0' && *href != '/' && strstr (href, "..") == NULL &&
         strchr (href, ':') == NULL && strchr (href, '\\') == NULL;
}

void
cc_test_export_and_read (const char             *dir,
                         UrokCartridgeVersion    version,
                         const CcTestNamespaces *ns,
                         const char             *schema_version,
                         UrokStore             **store,
                         UrokLesson            **lesson,
                         GHashTable            **files,
                         xmlDoc                **manifest,
                         xmlXPathContext       **context)
{
  g_autofree char *path = core_test_path ("lesson.imscc");
  g_autofree char *schema = NULL;
  g_autofree char *found_version = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  xmlNode *root;

  *store = pkg_test_open_store (dir);
  *lesson = pkg_test_make_lesson (*store);
  g_assert_true (urok_lesson_cartridge_export_version (*store, *lesson, version, path, &error));
  g_assert_no_error (error);
  *files = pkg_test_read_zip (path);

  *manifest = cc_test_parse (*files, "imsmanifest.xml");
  *context = cc_test_new_context (*manifest, ns->cp, ns->lom_manifest, ns->weblink);
  root = xmlDocGetRootElement (*manifest);
  g_assert_cmpstr ((const char *)root->name, ==, "manifest");
  g_assert_nonnull (root->ns);
  g_assert_cmpstr ((const char *)root->ns->href, ==, ns->cp);
  g_assert_nonnull (xmlSearchNsByHref (*manifest, root, (const xmlChar *)ns->lom_manifest));
  g_assert_nonnull (xmlSearchNsByHref (*manifest, root, (const xmlChar *)ns->lom_resource));
  schema = cc_test_eval_string (*context, NULL, "string(/cp:manifest/cp:metadata/cp:schema)");
  found_version = cc_test_eval_string (*context, NULL, "string(/cp:manifest/cp:metadata/cp:schemaversion)");
  /* Moodle's course name comes from here. */
  title = cc_test_eval_string (*context, NULL,
                               "string(/cp:manifest/cp:metadata/lomimscc:lom/lomimscc:general/lomimscc:title/lomimscc:string)");
  g_assert_cmpstr (schema, ==, "IMS Common Cartridge");
  g_assert_cmpstr (found_version, ==, schema_version);
  g_assert_cmpstr (title, ==, urok_lesson_get_topic (*lesson));
}
