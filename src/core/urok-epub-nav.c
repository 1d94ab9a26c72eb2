/* urok-epub-nav.c: the book's navigation: the EPUB 3 navigation document
 * (toc, page-list, landmarks), or the NCX of EPUB 2 when there is none.
 *
 * A broken navigation never stops a book from opening: the reader can
 * still follow the spine, so it becomes a warning.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "urok-epub-private.h"

static UrokEpubNavPoint *
nav_point_new (UrokEpub   *self,
               const char *base_path,
               char       *label,
               const char *href,
               char       *type)
{
  UrokEpubNavPoint *point = g_new0 (UrokEpubNavPoint, 1);

  g_atomic_ref_count_init (&point->ref_count);
  point->label = label;
  point->type = type;
  point->children = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_epub_nav_point_unref);
  if (href != NULL)
    point->path = urok_epub_resolve_href (self, base_path, href, &point->fragment);
  return point;
}

static gboolean
has_type (xmlNode    *node,
          const char *type)
{
  g_autofree char *types = _urok_epub_node_attr_ns (node, "type", UROK_NS_OPS);
  g_auto(GStrv) words = NULL;

  if (types == NULL)
    return FALSE;
  words = g_strsplit_set (types, " \t\n\r", -1);
  return g_strv_contains ((const char * const *)words, type);
}

/* <ol><li><a href>label</a><ol>...</ol></li>...</ol> */
static void
read_list (UrokEpub   *self,
           xmlNode    *ol,
           GPtrArray  *points,
           guint       depth)
{
  if (depth >= UROK_EPUB_MAX_NAV_DEPTH)
    return;

  for (xmlNode *li = ol->children; li != NULL; li = li->next)
    {
      xmlNode *label = NULL;
      xmlNode *children = NULL;
      UrokEpubNavPoint *point;
      g_autofree char *href = NULL;

      if (!_urok_epub_is_element (li, UROK_NS_XHTML, "li"))
        continue;
      for (xmlNode *child = li->children; child != NULL; child = child->next)
        if (label == NULL && (_urok_epub_is_element (child, UROK_NS_XHTML, "a") ||
                              _urok_epub_is_element (child, UROK_NS_XHTML, "span")))
          label = child;
        else if (children == NULL && _urok_epub_is_element (child, UROK_NS_XHTML, "ol"))
          children = child;
      if (label == NULL)
        continue;

      if (_urok_epub_is_element (label, UROK_NS_XHTML, "a"))
        href = _urok_epub_node_attr (label, "href");
      point = nav_point_new (self, self->nav_path, _urok_epub_node_text (label), href,
                             _urok_epub_node_attr_ns (label, "type", UROK_NS_OPS));
      g_ptr_array_add (points, point);
      if (children != NULL)
        read_list (self, children, point->children, depth + 1);
    }
}

static void
find_navs (UrokEpub *self,
           xmlNode  *node,
           guint     depth)
{
  if (depth >= UROK_EPUB_MAX_NAV_DEPTH)
    return;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      GPtrArray *target = NULL;
      xmlNode *ol;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!_urok_epub_is_element (child, UROK_NS_XHTML, "nav"))
        {
          find_navs (self, child, depth + 1);
          continue;
        }
      if (has_type (child, "toc"))
        target = self->toc;
      else if (has_type (child, "page-list"))
        target = self->page_list;
      else if (has_type (child, "landmarks"))
        target = self->landmarks;
      ol = _urok_epub_find_child (child, UROK_NS_XHTML, "ol");
      /* The first nav of each kind counts, as the specification says. */
      if (target != NULL && target->len == 0 && ol != NULL)
        read_list (self, ol, target, 0);
    }
}

static gboolean
read_nav_document (UrokEpub *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = _urok_epub_read_xml (self, self->nav_path, &error);

  if (doc == NULL)
    {
      _urok_epub_warn (self, _("The book’s table of contents cannot be read: %s"), error->message);
      return FALSE;
    }
  find_navs (self, xmlDocGetRootElement (doc), 0);
  return self->toc->len > 0;
}

static char *
ncx_label (xmlNode *node)
{
  xmlNode *label = _urok_epub_find_child (node, UROK_NS_NCX, "navLabel");
  xmlNode *text = _urok_epub_find_child (label, UROK_NS_NCX, "text");

  return text != NULL ? _urok_epub_node_text (text) : g_strdup ("");
}

static void
read_ncx_points (UrokEpub   *self,
                 const char *ncx_path,
                 xmlNode    *parent,
                 const char *element,
                 GPtrArray  *points,
                 guint       depth)
{
  if (parent == NULL || depth >= UROK_EPUB_MAX_NAV_DEPTH)
    return;

  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      xmlNode *content;
      g_autofree char *src = NULL;
      UrokEpubNavPoint *point;

      if (!_urok_epub_is_element (node, UROK_NS_NCX, element))
        continue;
      content = _urok_epub_find_child (node, UROK_NS_NCX, "content");
      src = content != NULL ? _urok_epub_node_attr (content, "src") : NULL;
      point = nav_point_new (self, ncx_path, ncx_label (node), src, NULL);
      g_ptr_array_add (points, point);
      read_ncx_points (self, ncx_path, node, element, point->children, depth + 1);
    }
}

static void
read_ncx (UrokEpub *self)
{
  UrokEpubManifestItem *item = self->toc_id != NULL ? g_hash_table_lookup (self->manifest_by_id, self->toc_id) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;

  for (guint i = 0; item == NULL && i < self->manifest->len; i++)
    {
      UrokEpubManifestItem *candidate = g_ptr_array_index (self->manifest, i);

      if (g_strcmp0 (candidate->media_type, "application/x-dtbncx+xml") == 0)
        item = candidate;
    }
  if (item == NULL || item->path == NULL)
    return;

  if ((doc = _urok_epub_read_xml (self, item->path, &error)) == NULL)
    {
      _urok_epub_warn (self, _("The book’s table of contents cannot be read: %s"), error->message);
      return;
    }
  root = xmlDocGetRootElement (doc);
  if (!_urok_epub_is_element (root, UROK_NS_NCX, "ncx"))
    {
      _urok_epub_warn (self, _("The book’s table of contents “%s” is not an NCX document"), item->path);
      return;
    }
  g_free (self->nav_path);
  self->nav_path = g_strdup (item->path);
  read_ncx_points (self, item->path, _urok_epub_find_child (root, UROK_NS_NCX, "navMap"), "navPoint", self->toc, 0);
  if (self->page_list->len == 0)
    read_ncx_points (self, item->path, _urok_epub_find_child (root, UROK_NS_NCX, "pageList"), "pageTarget",
                     self->page_list, 0);
}

void
_urok_epub_read_navigation (UrokEpub *self)
{
  if (self->nav_path != NULL && read_nav_document (self))
    return;
  /* No navigation document, or one with no toc: EPUB 2's NCX. */
  read_ncx (self);
  if (self->toc->len == 0)
    _urok_epub_warn (self, _("The book has no table of contents"));
}
