/* urok-book-text.c: the text of a book's content document, block by block,
 * for the full-text index.
 *
 * A block is the text of a paragraph-like element up to its first nested
 * block; the text after that nested block is another block with the same
 * locator, so blocks come in reading order.  Inline elements (em, a, span,
 * dfn ...) only add their text to the block around them.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "urok-book-text.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static const char *const block_elements[] = {
  "address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
  "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
  "h6", "header", "hgroup", "li", "main", "nav", "ol", "p", "pre", "section",
  "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
};

/* Not read: what the browser never shows as text. */
static const char *const skipped_elements[] = {
  "head", "noscript", "script", "style", "template",
};

typedef struct
{
  GPtrArray  *blocks;
  GString    *pending;   /* text of the current block so far */
  const char *locator;   /* of the current block */
} Walker;

void
urok_book_text_block_free (UrokBookTextBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->locator);
  g_free (block->text);
  g_free (block);
}

static gboolean
name_in (const xmlChar      *name,
         const char *const  *names,
         gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    if (g_ascii_strcasecmp ((const char *)name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Characters that only hint at line breaking: a soft hyphen inside
 * «учеб-ник» must not split the word. */
static gboolean
is_invisible (gunichar c)
{
  return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

/* The pending text, whitespace collapsed and control characters dropped,
 * as a block of the current locator (if any text is left).  Written
 * straight into a buffer: the text never grows, and this runs over every
 * byte of a book. */
static void
flush (Walker *walker)
{
  const char *p = walker->pending->str;
  const char *end = p + walker->pending->len;
  char *text = g_malloc (walker->pending->len + 1);
  char *out = text;
  gboolean space = FALSE;
  UrokBookTextBlock *block;

  while (p < end)
    {
      guchar b = (guchar)*p;
      gunichar c;
      const char *next;

      /* Printable ASCII and the Cyrillic block as they are, fast. */
      if (b > 0x20 && b < 0x7f)
        {
          if (space && out > text)
            *out++ = ' ';
          space = FALSE;
          *out++ = *p++;
          continue;
        }
      if ((b == 0xD0 || b == 0xD1) && p + 1 < end && (guchar)p[1] >= 0x80 && (guchar)p[1] < 0xC0)
        {
          if (space && out > text)
            *out++ = ' ';
          space = FALSE;
          *out++ = *p++;
          *out++ = *p++;
          continue;
        }

      /* libxml2 gives UTF-8; still, never step past the end. */
      c = g_utf8_get_char_validated (p, end - p);
      next = MIN (g_utf8_next_char (p), end);
      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          p = next;
          continue;
        }
      if (g_unichar_isspace (c) || c < 0x20 || c == 0x7f)
        space = TRUE;
      else if (!is_invisible (c))
        {
          if (space && out > text)
            *out++ = ' ';
          space = FALSE;
          memcpy (out, p, next - p);
          out += next - p;
        }
      p = next;
    }
  *out = '\0';
  g_string_truncate (walker->pending, 0);
  if (out == text)
    {
      g_free (text);
      return;
    }

  block = g_new0 (UrokBookTextBlock, 1);
  block->locator = g_strdup (walker->locator);
  block->text = text;
  g_ptr_array_add (walker->blocks, block);
}

static void
walk (Walker     *walker,
      xmlNode    *parent,
      const char *path)
{
  int position = 0;

  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      g_autofree char *child_path = NULL;

      switch (node->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (node->content != NULL)
            g_string_append (walker->pending, (const char *)node->content);
          continue;

        case XML_ELEMENT_NODE:
          break;

        /* Entity references stay unexpanded: whatever a DTD says, it adds
         * nothing (and no billion laughs). */
        case XML_ENTITY_REF_NODE:
        default:
          continue;
        }

      position++;
      if (name_in (node->name, skipped_elements, G_N_ELEMENTS (skipped_elements)))
        continue;
      if (g_ascii_strcasecmp ((const char *)node->name, "br") == 0)
        {
          g_string_append_c (walker->pending, ' ');
          continue;
        }
      /* A formula's own text is its digits run together ("1/8" is "18"):
       * its alternative text reads as intended. */
      if (g_ascii_strcasecmp ((const char *)node->name, "math") == 0)
        {
          g_autofree xmlChar *alt = xmlGetProp (node, (const xmlChar *)"alttext");

          if (alt != NULL)
            g_string_append_printf (walker->pending, " %s ", (const char *)alt);
          continue;
        }

      child_path = g_strdup_printf ("%s/%d", g_str_equal (path, "/") ? "" : path, 2 * position);
      if (name_in (node->name, block_elements, G_N_ELEMENTS (block_elements)))
        {
          g_autofree xmlChar *id = xmlGetProp (node, (const xmlChar *)"id");
          g_autofree char *locator = NULL;
          const char *outer = walker->locator;

          flush (walker);
          locator = id != NULL && id[0] != '\0'
                    ? g_strconcat ("#", (const char *)id, NULL)
                    : g_strdup (child_path);
          walker->locator = locator;
          walk (walker, node, child_path);
          flush (walker);
          walker->locator = outer;
        }
      else
        {
          walk (walker, node, child_path);
        }
    }
}

static xmlNode *
find_body (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_ascii_strcasecmp ((const char *)node->name, "body") == 0)
        return node;
      if (name_in (node->name, skipped_elements, G_N_ELEMENTS (skipped_elements)))
        continue;
      found = find_body (node->children);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GPtrArray *
urok_book_text_extract (GBytes  *document,
                        GError **error)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_book_text_block_free);
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autoptr(xmlDoc) doc = NULL;
  Walker walker = { blocks, pending, "/" };
  xmlNode *root;
  xmlNode *body;
  const char *data;
  gsize size;

  g_return_val_if_fail (document != NULL, NULL);

  data = g_bytes_get_data (document, &size);
  if (size == 0 || size > G_MAXINT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   size == 0 ? _("The book’s document is empty")
                             : _("The book’s document is too large to read"));
      return NULL;
    }

  /* No XML_PARSE_NOENT / DTDLOAD: entities stay unexpanded and nothing is
   * fetched.  An XHTML file that is not well-formed (an HTML entity such as
   * &nbsp;, an unclosed <br>) is read as HTML, as a browser would. */
  doc = xmlReadMemory (data, (int)size, "document.xhtml", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA
                       | XML_PARSE_COMPACT);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      doc = htmlReadMemory (data, (int)size, "document.html", NULL,
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                            | HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
    }
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The book’s document is neither XHTML nor HTML"));
      return NULL;
    }

  body = find_body (root);
  if (body != NULL)
    {
      g_autofree xmlChar *id = xmlGetProp (body, (const xmlChar *)"id");
      g_autofree char *locator = id != NULL && id[0] != '\0'
                                 ? g_strconcat ("#", (const char *)id, NULL) : NULL;

      walker.locator = locator != NULL ? locator : "/";
      walk (&walker, body, "/");
      flush (&walker);
    }
  else
    {
      /* A fragment with no <body>: its root stands for it. */
      walk (&walker, root, "/");
      flush (&walker);
    }

  return g_steal_pointer (&blocks);
}
