/* urok-book-body-text.c: a content document's body text, flattened, with the
 * way back from a character of it to its text node.  Quotes are searched
 * and text positions counted in it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "urok-book-body-text-private.h"
#include "urok-epub-cfi.h"

typedef struct
{
  xmlNode *node;
  gsize    byte;   /* where its text starts in text->str */
} Segment;

static gboolean
is_text (xmlNode *node)
{
  return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}

static xmlNode *
find_body (xmlNode *root)
{
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrcmp (c->name, (const xmlChar *) "body") == 0)
      return c;
  return root;
}

/* The next node in document order after @node's subtree, within @top. */
static xmlNode *
next_after (xmlNode *node,
            xmlNode *top)
{
  while (node != NULL && node != top && node->next == NULL)
    node = node->parent;
  if (node == NULL || node == top)
    return NULL;
  return node->next;
}

static xmlNode *
next_in_order (xmlNode *node,
               xmlNode *top)
{
  if (node->type == XML_ELEMENT_NODE && node->children != NULL)
    return node->children;
  return next_after (node, top);
}

UrokBookText *
_urok_book_text_new (xmlDoc *doc)
{
  UrokBookText *self = g_new0 (UrokBookText, 1);
  xmlNode *root = xmlDocGetRootElement (doc);

  self->text = g_string_new (NULL);
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  self->index = g_hash_table_new (NULL, NULL);
  if (root == NULL)
    return self;
  self->top = find_body (root);
  for (xmlNode *n = self->top->children; n != NULL; n = next_in_order (n, self->top))
    if (is_text (n) && n->content != NULL && *n->content != '\0')
      {
        Segment segment = { n, self->text->len };

        g_hash_table_insert (self->index, n, GUINT_TO_POINTER (self->segments->len + 1));
        g_array_append_val (self->segments, segment);
        g_string_append (self->text, (const char *) n->content);
      }
  return self;
}

void
_urok_book_text_free (UrokBookText *self)
{
  g_string_free (self->text, TRUE);
  g_array_unref (self->segments);
  g_hash_table_unref (self->index);
  g_free (self);
}

gboolean
_urok_book_text_byte_of (UrokBookText *self,
                         xmlNode      *node,
                         gsize         offset,
                         gsize        *byte)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, node));
  xmlNode *n;

  if (i > 0)
    {
      Segment *segment = &g_array_index (self->segments, Segment, i - 1);

      *byte = segment->byte + urok_utf16_to_byte_index ((const char *) node->content, offset);
      return TRUE;
    }
  if (is_text (node))
    {
      /* An empty text node, or text outside the body. */
      if (self->top == NULL)
        return FALSE;
      n = next_in_order (node, xmlDocGetRootElement (node->doc));
    }
  else
    {
      guint k = 0;

      n = node->children;
      while (n != NULL && k < offset)
        {
          n = n->next;
          k++;
        }
      if (n == NULL)
        n = next_after (node, xmlDocGetRootElement (node->doc));
    }
  /* The first text at or after the boundary. */
  for (; n != NULL; n = next_in_order (n, xmlDocGetRootElement (node->doc)))
    {
      i = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, n));
      if (i > 0)
        {
          *byte = g_array_index (self->segments, Segment, i - 1).byte;
          return TRUE;
        }
    }
  *byte = self->text->len;
  return TRUE;
}

gboolean
_urok_book_text_node_at (UrokBookText  *self,
                         gsize          byte,
                         gboolean       prefer_next,
                         xmlNode      **node,
                         gsize         *offset)
{
  guint lo = 0;
  guint hi = self->segments->len;
  Segment *segment;

  if (self->segments->len == 0 || byte > self->text->len)
    return FALSE;
  /* The last segment starting at or before @byte. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->segments, Segment, mid).byte <= byte)
        lo = mid;
      else
        hi = mid;
    }
  segment = &g_array_index (self->segments, Segment, lo);
  /* At a boundary, the end of the previous node unless the next is wanted. */
  if (!prefer_next && lo > 0 && segment->byte == byte)
    segment = &g_array_index (self->segments, Segment, lo - 1);
  *node = segment->node;
  *offset = urok_utf16_length (self->text->str + segment->byte, (gssize) (byte - segment->byte));
  return TRUE;
}

gsize
_urok_book_text_utf16 (UrokBookText *self,
                       gsize         byte)
{
  return urok_utf16_length (self->text->str, (gssize) byte);
}

gsize
_urok_book_text_byte_of_utf16 (UrokBookText *self,
                               gsize         utf16)
{
  return urok_utf16_to_byte_index (self->text->str, utf16);
}

char *
urok_book_location_dup_document_text (xmlDoc *doc)
{
  UrokBookText *text;
  char *copy;

  g_return_val_if_fail (doc != NULL, NULL);

  text = _urok_book_text_new (doc);
  copy = g_strdup (text->text->str);
  _urok_book_text_free (text);
  return copy;
}
