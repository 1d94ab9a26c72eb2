/* cartridge-test-util.c: reading back an exported Common Cartridge.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "cartridge-test-util.h"

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
