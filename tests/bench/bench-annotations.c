/* bench-annotations.c: the reader's annotation work at the sizes a
 * textbook gives: a CFI made and resolved in a long chapter, a location
 * found again by its quote after the chapter changed, and a book's 2,000
 * annotations listed in reading order and exported, then imported.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <string.h>

#include "urok-store-annotations.h"
#include "urok-epub-cfi.h"

#define BOOK "urn:uuid:00000000-0000-4000-8000-000000000001"
#define PARAGRAPHS 2000
#define ANNOTATIONS 2000

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* A chapter of @n paragraphs with ids, of 3 sentences each. */
static xmlDoc *
chapter (guint n,
         guint inserted)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
                                          "<head><title>c</title></head><body>");

  for (guint i = 0; i < inserted; i++)
    g_string_append (text, "<p>A paragraph of the second edition.</p>\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "<p>Paragraph %u says <em>something</em> about triangles number %u. "
                            "Then it goes on, as paragraphs do.</p>\n", i, i * 7);
  g_string_append (text, "</body></html>");
  return xmlReadMemory (text->str, (int) text->len, "c.xhtml", NULL, XML_PARSE_NONET);
}

static xmlNode *
paragraph_text (xmlDoc *doc,
                guint   index)
{
  xmlNode *body = xmlDocGetRootElement (doc)->children->next;
  guint n = 0;

  for (xmlNode *c = body->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && n++ == index)
      return c->children;
  g_assert_not_reached ();
}

int
main (int    argc,
      char **argv)
{
  xmlDoc *doc = chapter (PARAGRAPHS, 0);
  xmlDoc *edited = chapter (PARAGRAPHS, 25);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("urok-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "urok.db", NULL);
  g_autofree char *path_to = g_build_filename (dir, "to.db", NULL);
  g_autoptr(UrokStore) store = urok_store_open (path, &error);
  g_autoptr(UrokStore) to = urok_store_open (path_to, &error);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) list = NULL;
  g_autofree char *json = NULL;
  double t;
  guint imported = 0;
  const guint rounds = 2000;

  g_assert_no_error (error);

  /* A CFI in the last paragraph: made, written, parsed, resolved. */
  t = now_ms ();
  for (guint i = 0; i < rounds; i++)
    {
      xmlNode *node = paragraph_text (doc, PARAGRAPHS - 1 - i % 10);
      g_autoptr(UrokEpubCfi) cfi = urok_epub_cfi_new_for_point (3, "c", node, 5, &error);
      g_autofree char *text = urok_epub_cfi_to_string (cfi);
      g_autoptr(UrokEpubCfi) parsed = urok_epub_cfi_parse (text, &error);
      xmlNode *found;
      gsize offset;

      g_assert_true (urok_epub_cfi_resolve (parsed, doc, FALSE, &found, &offset, &error));
      g_assert_true (found == node);
    }
  g_print ("BENCH annotations.cfi_round_trip_2000_paragraphs %.1f us\n", (now_ms () - t) * 1000 / rounds);

  /* Found again by the quote in the edited chapter. */
  {
    xmlNode *node = paragraph_text (doc, PARAGRAPHS / 2);
    g_autoptr(UrokBookLocation) location = urok_book_location_new_for_range (3, "c", doc, node, 10, node, 14, &error);
    UrokBookAnchor anchor;
    xmlNode *s, *e;
    gsize so, eo;

    t = now_ms ();
    for (guint i = 0; i < 100; i++)
      {
        g_assert_true (urok_book_location_resolve (location, edited, &anchor, &s, &so, &e, &eo, &error));
        g_assert_cmpint (anchor, ==, UROK_BOOK_ANCHOR_MOVED);
      }
    g_print ("BENCH annotations.reanchor_2000_paragraphs %.2f ms\n", (now_ms () - t) / 100);
  }

  for (guint i = 0; i < ANNOTATIONS; i++)
    {
      xmlNode *node = paragraph_text (doc, (i * 7919) % PARAGRAPHS);
      g_autoptr(UrokBookLocation) location = urok_book_location_new_for_range (3, "c", doc, node, 2, node, 9, &error);
      UrokAnnotation *annotation = urok_annotation_new (BOOK, UROK_ANNOTATION_HIGHLIGHT, location);

      g_ptr_array_add (all, annotation);
    }
  t = now_ms ();
  g_assert_true (urok_store_save_annotations (store, all, NULL, &error));
  g_print ("BENCH annotations.save_2000 %.1f ms\n", now_ms () - t);

  t = now_ms ();
  list = urok_store_list_annotations (store, BOOK, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, ANNOTATIONS);
  g_print ("BENCH annotations.list_sorted_2000 %.1f ms\n", now_ms () - t);

  t = now_ms ();
  json = urok_store_export_annotations (store, BOOK, "bench", &error);
  g_print ("BENCH annotations.export_2000 %.1f ms\n", now_ms () - t);
  t = now_ms ();
  g_assert_true (urok_store_import_annotations (to, BOOK, json, -1, &imported, NULL, &error));
  g_assert_cmpuint (imported, ==, ANNOTATIONS);
  g_print ("BENCH annotations.import_2000 %.1f ms\n", now_ms () - t);

  xmlFreeDoc (doc);
  xmlFreeDoc (edited);
  g_clear_object (&store);
  g_clear_object (&to);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
