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

#include "urok-lesson-package.h"

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

/* The namespaces of one Common Cartridge version. */
typedef struct
{
  const char *cp;
  const char *lom_manifest;
  const char *lom_resource;
  const char *weblink;
} CcTestNamespaces;

/* What every structure test starts with: the test lesson of a new store
 * under @dir exported as a cartridge of @version and read back (its files,
 * the manifest parsed, an XPath context for @ns), and what both versions
 * share checked: the root is cp:manifest declaring both LOM namespaces;
 * the schema is "IMS Common Cartridge" at @schema_version; the title is
 * the lesson's topic.  Every out argument is owned by the caller. */
void             cc_test_export_and_read (const char            *dir,
                                          UrokCartridgeVersion   version,
                                          const CcTestNamespaces *ns,
                                          const char            *schema_version,
                                          UrokStore            **store,
                                          UrokLesson           **lesson,
                                          GHashTable           **files,
                                          xmlDoc               **manifest,
                                          xmlXPathContext      **context);

G_END_DECLS
