/* urok-epub-cfi-dom.c: between an EPUB CFI and a position in a content
 * document's libxml2 tree.
 *
 * Steps count child elements (2, 4, 6...) and the runs of character data
 * around them (1, 3, 5...: the run before the first element is 1, even
 * when empty); a character offset counts UTF-16 code units through the
 * whole run, across the text and CDATA nodes a comment may split it into.
 * The content path starts at the root element, as in "/4[body01]/10/3:5".
 * resources/reader/cfi.js does the same on the web view's DOM.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "urok-epub-cfi-private.h"

static gboolean
is_text (xmlNode *node)
{
  return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}

static gsize
text_length (xmlNode *node)
{
  return node->content != NULL ? urok_utf16_length ((const char *) node->content, -1) : 0;
}

static char *
element_id (xmlNode *element)
{
  xmlChar *id = xmlGetNoNsProp (element, (const xmlChar *) "id");
  char *copy;

  if (id == NULL)
    return NULL;
  copy = *id != '\0' ? g_strdup ((const char *) id) : NULL;
  xmlFree (id);
  return copy;
}

static gboolean
has_id (xmlNode    *element,
        const char *id)
{
  g_autofree char *own = element_id (element);

  return g_strcmp0 (own, id) == 0;
}

/* The element with @id under @root, in document order; no recursion, so a
 * deep hostile document cannot exhaust the stack. */
static xmlNode *
find_by_id (xmlNode    *root,
            const char *id)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE && has_id (node, id))
        return node;
      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node != root && node->next == NULL)
        node = node->parent;
      if (node == NULL || node == root)
        return NULL;
      node = node->next;
    }
  return NULL;
}

static guint
element_step (xmlNode *element)
{
  guint n = 1;

  for (xmlNode *c = element->prev; c != NULL; c = c->prev)
    if (c->type == XML_ELEMENT_NODE)
      n++;
  return 2 * n;
}

static void
prepend_step (GArray     *steps,
              guint       index,
              char       *assertion)
{
  UrokCfiStep step = { index, assertion, FALSE };

  g_array_prepend_val (steps, step);
}

/* The content-document steps and character offset of a position. */
static gboolean
content_path (xmlNode      *node,
              gsize         offset,
              UrokCfiPath  *path,
              GError      **error)
{
  xmlNode *parent;
  xmlNode *stop;
  xmlNode *top;
  guint elements = 0;
  gsize run = 0;

  if (node == NULL || (!is_text (node) && node->type != XML_ELEMENT_NODE))
    {
      g_set_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_POSITION,
                   "A position must be in a text node or an element");
      return FALSE;
    }
  if (is_text (node))
    {
      if (offset > text_length (node))
        {
          g_set_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_POSITION,
                       "Offset %" G_GSIZE_FORMAT " is beyond the end of the text (%" G_GSIZE_FORMAT ")",
                       offset, text_length (node));
          return FALSE;
        }
      parent = node->parent;
      stop = node;
      run = offset;
    }
  else
    {
      guint n = 0;

      parent = node;
      stop = node->children;
      for (; stop != NULL && n < offset; stop = stop->next)
        n++;
      if (n < offset)
        {
          g_set_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_POSITION,
                       "The element has no child %" G_GSIZE_FORMAT, offset);
          return FALSE;
        }
    }
  if (parent == NULL || parent->type != XML_ELEMENT_NODE)
    {
      g_set_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_POSITION,
                   "The position is not inside the document's root element");
      return FALSE;
    }

  for (xmlNode *c = parent->children; c != stop; c = c->next)
    {
      if (c->type == XML_ELEMENT_NODE)
        {
          elements++;
          run = is_text (node) ? offset : 0;
        }
      else if (is_text (c))
        run += text_length (c);
    }
  if (run > G_MAXINT32)
    {
      g_set_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_POSITION,
                   "The text is too long for a character offset");
      return FALSE;
    }
  path->has_char_offset = TRUE;
  path->char_offset = (guint) run;
  prepend_step (path->steps, 2 * elements + 1, NULL);

  top = parent;
  for (; top->parent != NULL && top->parent->type == XML_ELEMENT_NODE; top = top->parent)
    prepend_step (path->steps, element_step (top), element_id (top));
  if (top->parent == NULL
      || (top->parent->type != XML_DOCUMENT_NODE && top->parent->type != XML_HTML_DOCUMENT_NODE))
    {
      g_set_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_POSITION,
                   "The position is not in a document");
      return FALSE;
    }
  g_array_index (path->steps, UrokCfiStep, 0).redirect = TRUE;
  return TRUE;
}

static void
prepend_spine (UrokCfiPath *path,
               guint        spine_index,
               const char  *idref)
{
  prepend_step (path->steps, 2 * (spine_index + 1), g_strdup (idref));
  prepend_step (path->steps, 6, NULL);
}

UrokEpubCfi *
urok_epub_cfi_new_for_point (guint        spine_index,
                             const char  *idref,
                             xmlNode     *node,
                             gsize        offset,
                             GError     **error)
{
  g_autoptr(UrokEpubCfi) self = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (spine_index < G_MAXINT32 / 2, NULL);

  self = _urok_epub_cfi_new ();
  if (!content_path (node, offset, &self->parent, error))
    return NULL;
  prepend_spine (&self->parent, spine_index, idref);
  return g_steal_pointer (&self);
}

static void
copy_steps (GArray *to,
            GArray *from,
            guint   first,
            guint   last)
{
  for (guint i = first; i < last; i++)
    {
      UrokCfiStep step = g_array_index (from, UrokCfiStep, i);

      step.assertion = g_strdup (step.assertion);
      g_array_append_val (to, step);
    }
}

UrokEpubCfi *
urok_epub_cfi_new_for_range (guint        spine_index,
                             const char  *idref,
                             xmlNode     *start_node,
                             gsize        start_offset,
                             xmlNode     *end_node,
                             gsize        end_offset,
                             GError     **error)
{
  g_autoptr(UrokEpubCfi) start = NULL;
  g_autoptr(UrokEpubCfi) end = NULL;
  g_autoptr(UrokEpubCfi) self = NULL;
  GArray *a;
  GArray *b;
  guint common = 0;

  start = urok_epub_cfi_new_for_point (spine_index, idref, start_node, start_offset, error);
  if (start == NULL)
    return NULL;
  end = urok_epub_cfi_new_for_point (spine_index, idref, end_node, end_offset, error);
  if (end == NULL)
    return NULL;
  if (urok_epub_cfi_compare (start, end) > 0)
    {
      g_set_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_POSITION,
                   "The range ends before it starts");
      return NULL;
    }

  a = start->parent.steps;
  b = end->parent.steps;
  while (common < a->len && common < b->len)
    {
      UrokCfiStep *sa = &g_array_index (a, UrokCfiStep, common);
      UrokCfiStep *sb = &g_array_index (b, UrokCfiStep, common);

      if (sa->index != sb->index || g_strcmp0 (sa->assertion, sb->assertion) != 0)
        break;
      common++;
    }

  self = _urok_epub_cfi_new ();
  self->range = TRUE;
  copy_steps (self->parent.steps, a, 0, common);
  copy_steps (self->start.steps, a, common, a->len);
  copy_steps (self->end.steps, b, common, b->len);
  self->start.has_char_offset = self->end.has_char_offset = TRUE;
  self->start.char_offset = start->parent.char_offset;
  self->end.char_offset = end->parent.char_offset;
  return g_steal_pointer (&self);
}

/* The position @char_offset into run @index of @parent's children. */
static gboolean
resolve_run (xmlNode   *parent,
             guint      index,
             guint      char_offset,
             xmlNode  **node,
             gsize     *offset,
             GError   **error)
{
  guint before = (index - 1) / 2;
  guint elements = 0;
  guint child_index = 0;
  xmlNode *c = parent->children;
  xmlNode *last_text = NULL;
  gsize run = 0;

  for (; c != NULL && elements < before; c = c->next, child_index++)
    if (c->type == XML_ELEMENT_NODE)
      elements++;
  if (elements < before)
    {
      g_set_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_NOT_FOUND,
                   "Step /%u is past the last child", index);
      return FALSE;
    }

  for (xmlNode *t = c; t != NULL && t->type != XML_ELEMENT_NODE; t = t->next)
    {
      gsize length;

      if (!is_text (t))
        continue;
      length = text_length (t);
      if (char_offset <= run + length)
        {
          *node = t;
          *offset = char_offset - run;
          return TRUE;
        }
      run += length;
      last_text = t;
    }
  if (last_text == NULL && char_offset == 0)
    {
      /* An empty run: the point between two elements. */
      *node = parent;
      *offset = child_index;
      return TRUE;
    }
  g_set_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_NOT_FOUND,
               "Character offset %u is beyond the text of step /%u (%" G_GSIZE_FORMAT ")",
               char_offset, index, run);
  return FALSE;
}

gboolean
urok_epub_cfi_resolve (const UrokEpubCfi  *self,
                       xmlDoc             *doc,
                       gboolean            end,
                       xmlNode           **node,
                       gsize              *offset,
                       GError            **error)
{
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (UrokCfiStep *));
  const UrokCfiPath *terminal = &self->parent;
  xmlNode *root;
  xmlNode *cur;
  guint first = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (node != NULL && offset != NULL, FALSE);

  for (guint i = 0; i < self->parent.steps->len; i++)
    {
      UrokCfiStep *step = &g_array_index (self->parent.steps, UrokCfiStep, i);
      g_array_append_val (steps, step);
    }
  if (self->range)
    {
      terminal = end ? &self->end : &self->start;
      for (guint i = 0; i < terminal->steps->len; i++)
        {
          UrokCfiStep *step = &g_array_index (terminal->steps, UrokCfiStep, i);
          g_array_append_val (steps, step);
        }
    }
  /* The content document's part follows the last "!". */
  for (guint i = 0; i < steps->len; i++)
    if (g_array_index (steps, UrokCfiStep *, i)->redirect)
      first = i;

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    {
      g_set_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_NOT_FOUND,
                   "The document is empty");
      return FALSE;
    }
  cur = root;
  for (guint i = first; i < steps->len; i++)
    {
      const UrokCfiStep *step = g_array_index (steps, UrokCfiStep *, i);
      xmlNode *child = NULL;
      guint n = 0;

      if (step->index % 2 == 1)
        {
          if (i + 1 != steps->len)
            {
              g_set_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_NOT_FOUND,
                           "Step /%u names text but is not the last step", step->index);
              return FALSE;
            }
          return resolve_run (cur, step->index, terminal->char_offset, node, offset, error);
        }
      for (child = cur->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && ++n == step->index / 2)
          break;
      /* The id assertion wins over the index: the document changed. */
      if (step->assertion != NULL && (child == NULL || !has_id (child, step->assertion)))
        {
          xmlNode *found = find_by_id (root, step->assertion);

          if (found != NULL)
            child = found;
        }
      if (child == NULL)
        {
          g_set_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_NOT_FOUND,
                       "No element at step /%u%s%s%s", step->index,
                       step->assertion != NULL ? "[" : "",
                       step->assertion != NULL ? step->assertion : "",
                       step->assertion != NULL ? "]" : "");
          return FALSE;
        }
      cur = child;
    }
  *node = cur;
  *offset = 0;
  return TRUE;
}
