/* cartridge-test-util.h: reading back an exported Common Cartridge in the
 * tests: its XML files parsed, XPath with the cartridge's namespaces.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

G_BEGIN_DECLS

#define CC_TEST_NS_QTI "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)

/* The file @name of @files (name → GBytes), parsed; fails the test when it
 * is missing or not well-formed. */
xmlDoc          *cc_test_parse       (GHashTable      *files,
                                      const char      *name);
/* Prefixes "cp", "lomimscc", "wl" for the given namespaces, "qti" for QTI. */
xmlXPathContext *cc_test_new_context (xmlDoc          *doc,
                                      const char      *ns_cp,
                                      const char      *ns_lom_manifest,
                                      const char      *ns_weblink);
/* The nodes @path selects from @from (NULL: the document); never NULL. */
GPtrArray       *cc_test_select      (xmlXPathContext *context,
                                      xmlNode         *from,
                                      const char      *path);
/* How many nodes @path selects from @from. */
guint            cc_test_count       (xmlXPathContext *context,
                                      xmlNode         *from,
                                      const char      *path);
char            *cc_test_eval_string (xmlXPathContext *context,
                                      xmlNode         *from,
                                      const char      *path);
/* The attribute's value, or NULL. */
char            *cc_test_attribute   (xmlNode         *node,
                                      const char      *name);
/* A relative path inside the archive: no scheme, no "..", no root. */
gboolean         cc_test_is_relative (const char      *href);

G_END_DECLS
