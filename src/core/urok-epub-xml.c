/* urok-epub-xml.c: the XML of a book, parsed the one safe way.
 *
 * No network, no DTD loading, no entity substitution; and a document that
 * declares entities at all is refused, because even unsubstituted they are
 * expanded again when a node's text is read (the billion laughs).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "urok-epub-private.h"

static gboolean
declares_entities (xmlDoc *doc)
{
  return (doc->intSubset != NULL && (doc->intSubset->entities != NULL || doc->intSubset->pentities != NULL)) ||
         (doc->extSubset != NULL && (doc->extSubset->entities != NULL || doc->extSubset->pentities != NULL));
}

xmlDoc *
_urok_epub_parse_xml (GBytes      *bytes,
                      const char  *name,
                      GError     **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDoc *doc;

  if (size > UROK_EPUB_MAX_XML)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_TOO_LARGE,
                   _("The book’s file “%s” is larger than any book needs"), name);
      return NULL;
    }
  /* Before parsing too: libxml2 stops some entity bombs itself, with an
   * error that would not say why. */
  if (g_strstr_len (data, (gssize)size, "<!ENTITY") != NULL)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                   _("The book’s file “%s” declares XML entities, which books never need"), name);
      return NULL;
    }
  doc = xmlReadMemory (data, (int)size, name, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (doc != NULL && declares_entities (doc))
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                   _("The book’s file “%s” declares XML entities, which books never need"), name);
      xmlFreeDoc (doc);
      return NULL;
    }
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID,
                   _("The book’s file “%s” is not well-formed XML"), name);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  return doc;
}

xmlDoc *
_urok_epub_read_xml (UrokEpub    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = _urok_epub_read_entry_capped (self, path, UROK_EPUB_MAX_XML, error);

  return bytes != NULL ? _urok_epub_parse_xml (bytes, path, error) : NULL;
}

gboolean
_urok_epub_is_element (xmlNode    *node,
                       const char *ns,
                       const char *name)
{
  return node != NULL &&
         node->type == XML_ELEMENT_NODE &&
         node->ns != NULL &&
         g_strcmp0 ((const char *)node->ns->href, ns) == 0 &&
         g_strcmp0 ((const char *)node->name, name) == 0;
}

xmlNode *
_urok_epub_find_child (xmlNode    *parent,
                       const char *ns,
                       const char *name)
{
  for (xmlNode *child = parent != NULL ? parent->children : NULL; child != NULL; child = child->next)
    if (_urok_epub_is_element (child, ns, name))
      return child;
  return NULL;
}

/* The text of @node with runs of white space made one space. */
char *
_urok_epub_node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  GString *text = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = content != NULL ? (const char *)content : ""; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = text->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (text, ' ');
      space = FALSE;
      g_string_append_c (text, *p);
    }
  xmlFree (content);
  return g_string_free (text, FALSE);
}

char *
_urok_epub_node_attr (xmlNode    *node,
                      const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *)name);
  char *copy = value != NULL ? g_strdup ((const char *)value) : NULL;

  xmlFree (value);
  return copy;
}

char *
_urok_epub_node_attr_ns (xmlNode    *node,
                         const char *name,
                         const char *ns)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *)name, (const xmlChar *)ns);
  char *copy = value != NULL ? g_strdup ((const char *)value) : NULL;

  xmlFree (value);
  return copy;
}
