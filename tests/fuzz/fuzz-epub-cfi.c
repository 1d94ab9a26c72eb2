/* fuzz-epub-cfi.c: libFuzzer target for the EPUB CFI parser and resolver.
 *
 * A CFI comes from outside (an imported annotation file, a link pasted
 * into a lesson): whatever the string, parsing gives a CFI or an error;
 * a parsed CFI's canonical form parses to the same; resolving it in a
 * small document gives a position or an error, and a position found
 * names itself again.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libxml/parser.h>
#include <string.h>

#include "urok-epub-cfi.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static const char document[] =
  "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head>"
  "<body id=\"body01\"><p>p1</p><p id=\"para05\">xxx<em>yyy</em>0123<!--c-->456789</p>"
  "<div><i>x</i><i>y</i><![CDATA[z]]></div><img id=\"svgimg\" src=\"a.svg\" alt=\"\"/></body></html>";

static xmlDoc *
the_document (void)
{
  static xmlDoc *doc;

  if (doc == NULL)
    doc = xmlReadMemory (document, (int) strlen (document), "fuzz.xhtml", NULL, XML_PARSE_NONET);
  return doc;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokEpubCfi) cfi = urok_epub_cfi_parse (text, &error);
  g_autoptr(UrokEpubCfi) again = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *canonical_again = NULL;

  g_assert ((cfi == NULL) != (error == NULL));
  if (cfi == NULL)
    return 0;

  canonical = urok_epub_cfi_to_string (cfi);
  again = urok_epub_cfi_parse (canonical, NULL);
  g_assert (again != NULL);
  canonical_again = urok_epub_cfi_to_string (again);
  g_assert (g_str_equal (canonical, canonical_again));
  g_assert (urok_epub_cfi_compare (cfi, again) == 0);

  for (int end = 0; end <= 1; end++)
    {
      g_autoptr(GError) resolve_error = NULL;
      xmlNode *node = NULL;
      gsize offset = 0;

      if (urok_epub_cfi_resolve (cfi, the_document (), end, &node, &offset, &resolve_error))
        {
          g_autoptr(UrokEpubCfi) named = NULL;

          g_assert (resolve_error == NULL && node != NULL);
          if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE
              || (node->type == XML_ELEMENT_NODE && node->children != NULL))
            {
              named = urok_epub_cfi_new_for_point (0, NULL, node, offset, NULL);
              /* Only an element with no children, reached by an even last step
               * and resolved as (element, 0), may have nothing to name. */
              g_assert (named != NULL || node->type == XML_ELEMENT_NODE);
            }
        }
      else
        g_assert (resolve_error != NULL);
    }
  return 0;
}
