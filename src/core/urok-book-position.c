/* urok-book-position.c: the reader's place in an EPUB as a location (a CFI
 * with the text there), not as a page number that changes with the text
 * size and the window.
 *
 * The web view reports how far through a chapter its page is; here that
 * fraction of the chapter's text becomes the point in the content document
 * it falls on, and back.  The location keeps its quote, so a re-issued
 * edition still opens where the teacher was.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "urok-book-position.h"
#include "urok-epub-cfi.h"
#include "urok-epub-private.h"

/* The text nodes of @node's subtree in document order, with the number
 * of UTF-16 units before each (what the DOM and a CFI count). */
typedef struct
{
  GPtrArray *nodes;
  GArray    *starts;
  gsize      total;
} TextRuns;

static void
collect_text (xmlNode  *node,
              TextRuns *runs)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          glong n = 0;
          g_autofree gunichar2 *utf16 = NULL;

          if (child->content != NULL)
            utf16 = g_utf8_to_utf16 ((const char *)child->content, -1, NULL, &n, NULL);
          g_ptr_array_add (runs->nodes, child);
          g_array_append_val (runs->starts, runs->total);
          runs->total += (gsize)MAX (n, 0);
        }
      else if (child->type == XML_ELEMENT_NODE &&
               g_strcmp0 ((const char *)child->name, "script") != 0 &&
               g_strcmp0 ((const char *)child->name, "style") != 0)
        collect_text (child, runs);
    }
}

static xmlNode *
find_body (xmlNode *node)
{
  for (xmlNode *child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      {
        xmlNode *found;

        if (g_strcmp0 ((const char *)child->name, "body") == 0)
          return child;
        if ((found = find_body (child)) != NULL)
          return found;
      }
  return NULL;
}

static void
text_runs_init (TextRuns *runs,
                xmlDoc   *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *body = find_body (root);

  runs->nodes = g_ptr_array_new ();
  runs->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  runs->total = 0;
  collect_text (body != NULL ? body : root, runs);
}

static void
text_runs_clear (TextRuns *runs)
{
  g_clear_pointer (&runs->nodes, g_ptr_array_unref);
  g_clear_pointer (&runs->starts, g_array_unref);
}

static const UrokEpubSpineItem *
spine_item (UrokEpub  *epub,
            guint      spine_index,
            GError   **error)
{
  GPtrArray *spine = urok_epub_get_spine (epub);
  const UrokEpubSpineItem *item = spine_index < spine->len ? g_ptr_array_index (spine, spine_index) : NULL;

  if (item == NULL || item->item->path == NULL)
    {
      g_set_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_FOUND,
                   _("The book has no part %u in its reading order"), spine_index + 1);
      return NULL;
    }
  return item;
}

/* The point @progression (0..1) of the way through spine item
 * @spine_index's text, as a location. */
UrokBookLocation *
urok_book_position_locate (UrokEpub  *epub,
                           guint      spine_index,
                           double     progression,
                           GError   **error)
{
  const UrokEpubSpineItem *item;
  g_autoptr(xmlDoc) doc = NULL;
  TextRuns runs;
  UrokBookLocation *location;
  xmlNode *node;
  gsize target, offset;
  guint i;

  g_return_val_if_fail (UROK_IS_EPUB (epub), NULL);

  if ((item = spine_item (epub, spine_index, error)) == NULL ||
      (doc = _urok_epub_read_xml (epub, item->item->path, error)) == NULL)
    return NULL;
  text_runs_init (&runs, doc);
  if (runs.nodes->len == 0)
    {
      /* A chapter of pictures only: its start. */
      node = find_body (xmlDocGetRootElement (doc));
      node = node != NULL ? node : xmlDocGetRootElement (doc);
      text_runs_clear (&runs);
      return urok_book_location_new_for_range (spine_index, item->idref, doc, node, 0, node, 0, error);
    }
  target = (gsize)(CLAMP (progression, 0, 1) * runs.total);
  for (i = 0; i + 1 < runs.nodes->len && g_array_index (runs.starts, gsize, i + 1) <= target; i++)
    ;
  node = runs.nodes->pdata[i];
  offset = target - g_array_index (runs.starts, gsize, i);
  /* Not inside a surrogate pair, nor past the node's end. */
  {
    glong n = 0;
    g_autofree gunichar2 *utf16 = g_utf8_to_utf16 ((const char *)node->content, -1, NULL, &n, NULL);

    offset = MIN (offset, (gsize)MAX (n, 0));
    if (utf16 != NULL && offset > 0 && offset < (gsize)n && g_unichar_type (utf16[offset]) == G_UNICODE_SURROGATE)
      offset--;
  }
  location = urok_book_location_new_for_range (spine_index, item->idref, doc, node, offset, node, offset, error);
  text_runs_clear (&runs);
  return location;
}

/* Where @location is: its spine item and how far through its text. */
gboolean
urok_book_position_resolve (UrokEpub          *epub,
                            UrokBookLocation  *location,
                            guint             *spine_index,
                            double            *progression,
                            GError           **error)
{
  g_autoptr(UrokEpubCfi) cfi = NULL;
  const UrokEpubSpineItem *item;
  g_autoptr(xmlDoc) doc = NULL;
  UrokBookAnchor anchor;
  xmlNode *start = NULL, *end = NULL;
  gsize start_offset = 0, end_offset = 0;
  TextRuns runs;
  guint index;
  gsize before = 0;

  g_return_val_if_fail (UROK_IS_EPUB (epub), FALSE);
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (location), FALSE);

  if (urok_book_location_get_cfi (location) == NULL ||
      (cfi = urok_epub_cfi_parse (urok_book_location_get_cfi (location), error)) == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID, _("The place is not in an EPUB book"));
      return FALSE;
    }
  if (!urok_epub_cfi_get_spine_item (cfi, &index, NULL))
    {
      g_set_error_literal (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_INVALID, _("The place names no part of the book"));
      return FALSE;
    }
  if ((item = spine_item (epub, index, error)) == NULL ||
      (doc = _urok_epub_read_xml (epub, item->item->path, error)) == NULL)
    return FALSE;
  if (!urok_book_location_resolve (location, doc, &anchor, &start, &start_offset, &end, &end_offset, error))
    return FALSE;
  text_runs_init (&runs, doc);
  for (guint i = 0; i < runs.nodes->len; i++)
    {
      xmlNode *node = runs.nodes->pdata[i];

      if (node == start)
        {
          before = g_array_index (runs.starts, gsize, i) + start_offset;
          break;
        }
      /* An element point: the text before it. */
      if (start->type == XML_ELEMENT_NODE && xmlDocGetRootElement (doc) != NULL)
        {
          xmlNode *p = node;

          while (p != NULL && p != start)
            p = p->parent;
          if (p == start)
            {
              before = g_array_index (runs.starts, gsize, i);
              break;
            }
        }
    }
  *spine_index = index;
  *progression = runs.total > 0 ? (double)before / runs.total : 0;
  text_runs_clear (&runs);
  return TRUE;
}
