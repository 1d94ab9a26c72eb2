/* test-epub-cfi.c: EPUB CFI parsing, canonical form, order, and the round
 * trip between positions in real books' chapters and CFIs.
 *
 * The cases in cfi-cases.json are shared with the reader's cfi.js.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>

#include "urok-book-location.h"
#include "urok-epub-cfi.h"

#define SAMPLES_DIR "/work/shared/corpus/epub-samples"
#define POSITIONS_PER_CHAPTER 1000
#define RANGES_PER_CHAPTER 200

static JsonObject *
cases (void)
{
  static JsonParser *parser;

  if (parser == NULL)
    {
      g_autoptr(GError) error = NULL;

      parser = json_parser_new ();
      json_parser_load_from_file (parser, CFI_CASES, &error);
      g_assert_no_error (error);
    }
  return json_node_get_object (json_parser_get_root (parser));
}

static xmlDoc *
case_document (const char *name)
{
  JsonObject *documents = json_object_get_object_member (cases (), "documents");
  const char *text = json_object_get_string_member (documents, name);
  xmlDoc *doc = xmlReadMemory (text, (int) strlen (text), name, NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

static void
test_canonical (void)
{
  JsonArray *pairs = json_object_get_array_member (cases (), "canonical");

  for (guint i = 0; i < json_array_get_length (pairs); i++)
    {
      JsonArray *pair = json_array_get_array_element (pairs, i);
      const char *input = json_array_get_string_element (pair, 0);
      const char *expected = json_array_get_string_element (pair, 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokEpubCfi) cfi = urok_epub_cfi_parse (input, &error);
      g_autoptr(UrokEpubCfi) again = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text_again = NULL;

      g_assert_no_error (error);
      text = urok_epub_cfi_to_string (cfi);
      g_assert_cmpstr (text, ==, expected);
      /* The canonical form is a fixed point. */
      again = urok_epub_cfi_parse (text, &error);
      g_assert_no_error (error);
      text_again = urok_epub_cfi_to_string (again);
      g_assert_cmpstr (text_again, ==, text);
      g_assert_cmpint (urok_epub_cfi_compare (cfi, again), ==, 0);
    }
}

static void
test_invalid (void)
{
  JsonArray *invalid = json_object_get_array_member (cases (), "invalid");

  for (guint i = 0; i < json_array_get_length (invalid); i++)
    {
      const char *input = json_array_get_string_element (invalid, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokEpubCfi) cfi = urok_epub_cfi_parse (input, &error);

      if (cfi != NULL)
        g_error ("“%s” was accepted", input);
      g_assert_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_SYNTAX);
    }
}

static void
test_escaping (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokEpubCfi) cfi = urok_epub_cfi_parse ("epubcfi(/6/4[a^^b^,c^;d^=e^(f^)]!/4/1:0)", &error);
  g_autofree char *text = NULL;
  const char *idref = NULL;
  guint spine = 0;

  g_assert_no_error (error);
  g_assert_true (urok_epub_cfi_get_spine_item (cfi, &spine, &idref));
  g_assert_cmpuint (spine, ==, 1);
  g_assert_cmpstr (idref, ==, "a^b,c;d=e(f)");
  text = urok_epub_cfi_to_string (cfi);
  g_assert_cmpstr (text, ==, "epubcfi(/6/4[a^^b^,c^;d^=e^(f^)]!/4/1:0)");
}

static void
test_order (void)
{
  JsonArray *order = json_object_get_array_member (cases (), "order");
  guint n = json_array_get_length (order);

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        g_autoptr(UrokEpubCfi) a = urok_epub_cfi_parse (json_array_get_string_element (order, i), NULL);
        g_autoptr(UrokEpubCfi) b = urok_epub_cfi_parse (json_array_get_string_element (order, j), NULL);
        int expected = i < j ? -1 : i > j ? 1 : 0;

        g_assert_nonnull (a);
        g_assert_nonnull (b);
        g_assert_cmpint (urok_epub_cfi_compare (a, b), ==, expected);
      }
}

static void
test_points (void)
{
  JsonArray *points = json_object_get_array_member (cases (), "points");

  for (guint i = 0; i < json_array_get_length (points); i++)
    {
      JsonObject *point = json_array_get_object_element (points, i);
      const char *expected = json_object_get_string_member (point, "cfi");
      xmlDoc *doc = case_document (json_object_get_string_member (point, "doc"));
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokEpubCfi) cfi = urok_epub_cfi_parse (expected, &error);
      g_autoptr(UrokEpubCfi) made = NULL;
      g_autofree char *made_text = NULL;
      const char *idref = NULL;
      xmlNode *node = NULL;
      gsize offset = 0;
      guint spine = 0;

      g_assert_no_error (error);
      g_assert_true (urok_epub_cfi_resolve (cfi, doc, FALSE, &node, &offset, &error));
      g_assert_no_error (error);
      if (json_object_has_member (point, "text"))
        {
          g_assert_true (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE);
          g_assert_cmpstr ((const char *) node->content, ==, json_object_get_string_member (point, "text"));
          g_assert_cmpuint (offset, ==, json_object_get_int_member (point, "offset"));
        }
      else
        {
          g_assert_cmpint (node->type, ==, XML_ELEMENT_NODE);
          g_assert_cmpstr ((const char *) node->name, ==, json_object_get_string_member (point, "element"));
          g_assert_cmpuint (offset, ==, json_object_get_int_member (point, "child"));
        }

      g_assert_true (urok_epub_cfi_get_spine_item (cfi, &spine, &idref));
      made = urok_epub_cfi_new_for_point (spine, idref, node, offset, &error);
      g_assert_no_error (error);
      made_text = urok_epub_cfi_to_string (made);
      g_assert_cmpstr (made_text, ==, expected);
      xmlFreeDoc (doc);
    }
}

static void
test_ranges (void)
{
  JsonArray *ranges = json_object_get_array_member (cases (), "ranges");

  for (guint i = 0; i < json_array_get_length (ranges); i++)
    {
      JsonObject *range = json_array_get_object_element (ranges, i);
      const char *expected = json_object_get_string_member (range, "cfi");
      xmlDoc *doc = case_document (json_object_get_string_member (range, "doc"));
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokEpubCfi) cfi = urok_epub_cfi_parse (expected, &error);
      g_autoptr(UrokEpubCfi) made = NULL;
      g_autoptr(UrokBookLocation) location = NULL;
      g_autofree char *made_text = NULL;
      const char *idref = NULL;
      xmlNode *start = NULL;
      xmlNode *end = NULL;
      gsize start_offset = 0;
      gsize end_offset = 0;
      guint spine = 0;

      g_assert_no_error (error);
      g_assert_true (urok_epub_cfi_is_range (cfi));
      g_assert_true (urok_epub_cfi_resolve (cfi, doc, FALSE, &start, &start_offset, &error));
      g_assert_true (urok_epub_cfi_resolve (cfi, doc, TRUE, &end, &end_offset, &error));
      g_assert_no_error (error);
      g_assert_true (urok_epub_cfi_get_spine_item (cfi, &spine, &idref));

      made = urok_epub_cfi_new_for_range (spine, idref, start, start_offset, end, end_offset, &error);
      g_assert_no_error (error);
      made_text = urok_epub_cfi_to_string (made);
      g_assert_cmpstr (made_text, ==, expected);

      location = urok_book_location_new_for_range (spine, idref, doc, start, start_offset,
                                                   end, end_offset, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (urok_book_location_get_exact (location), ==,
                       json_object_get_string_member (range, "string"));
      g_assert_cmpstr (urok_book_location_get_cfi (location), ==, expected);

      /* Backwards is refused. */
      if (!(start == end && start_offset == end_offset))
        {
          g_autoptr(UrokEpubCfi) backwards = urok_epub_cfi_new_for_range (spine, idref, end, end_offset,
                                                                          start, start_offset, &error);
          g_assert_null (backwards);
          g_assert_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_POSITION);
        }
      xmlFreeDoc (doc);
    }
}

/* An element's id assertion finds it after paragraphs were added before. */
static void
test_id_recovery (void)
{
  xmlDoc *doc = case_document ("spec");
  xmlNode *body = xmlDocGetRootElement (doc)->children;
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokEpubCfi) cfi = urok_epub_cfi_parse ("epubcfi(/6/4[chap01ref]!/4[body01]/10[para05]/3:4)", &error);
  xmlNode *node = NULL;
  gsize offset = 0;

  while (body != NULL && (body->type != XML_ELEMENT_NODE || !xmlStrEqual (body->name, (const xmlChar *) "body")))
    body = body->next;
  g_assert_nonnull (body);
  for (int i = 0; i < 3; i++)
    xmlAddPrevSibling (body->children, xmlNewDocNode (doc, NULL, (const xmlChar *) "p", (const xmlChar *) "new"));

  g_assert_true (urok_epub_cfi_resolve (cfi, doc, FALSE, &node, &offset, &error));
  g_assert_no_error (error);
  g_assert_cmpstr ((const char *) node->content, ==, "0123456789");
  g_assert_cmpuint (offset, ==, 4);

  /* Without the assertion the index leads elsewhere, or nowhere. */
  g_clear_pointer (&cfi, urok_epub_cfi_unref);
  cfi = urok_epub_cfi_parse ("epubcfi(/6/4!/4/40/1:0)", NULL);
  g_assert_false (urok_epub_cfi_resolve (cfi, doc, FALSE, &node, &offset, &error));
  g_assert_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&cfi, urok_epub_cfi_unref);
  cfi = urok_epub_cfi_parse ("epubcfi(/6/4!/4/2/1:99)", NULL);
  g_assert_false (urok_epub_cfi_resolve (cfi, doc, FALSE, &node, &offset, &error));
  g_assert_error (error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_NOT_FOUND);
  xmlFreeDoc (doc);
}

/* Real books */

static gboolean
is_text (xmlNode *node)
{
  return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}

static void
collect_text_nodes (xmlNode   *node,
                    GPtrArray *nodes)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_text (c) && c->content != NULL)
        g_ptr_array_add (nodes, c);
      else if (c->type == XML_ELEMENT_NODE)
        collect_text_nodes (c, nodes);
    }
}

/* The run's text from the position on: equal for equivalent positions. */
static char *
text_after (xmlNode *node,
            gsize    offset)
{
  GString *out = g_string_new (NULL);

  if (is_text (node))
    {
      g_string_append (out, (const char *) node->content
                       + urok_utf16_to_byte_index ((const char *) node->content, offset));
      node = node->next;
    }
  else
    {
      xmlNode *c = node->children;

      for (gsize i = 0; c != NULL && i < offset; i++)
        c = c->next;
      node = c;
    }
  for (; node != NULL && node->type != XML_ELEMENT_NODE; node = node->next)
    if (is_text (node))
      g_string_append (out, (const char *) node->content);
  return g_string_free (out, FALSE);
}

typedef struct
{
  guint chapters;
  guint positions;
  guint exact;
  guint ranges;
} Counts;

static void
check_point (UrokEpubCfi *cfi,
             xmlDoc      *doc,
             gboolean     end,
             xmlNode     *node,
             gsize        offset,
             guint        spine,
             const char  *idref,
             Counts      *counts)
{
  g_autoptr(GError) error = NULL;
  xmlNode *found = NULL;
  gsize found_offset = 0;

  g_assert_true (urok_epub_cfi_resolve (cfi, doc, end, &found, &found_offset, &error));
  g_assert_no_error (error);
  if (found == node && found_offset == offset)
    counts->exact++;
  else
    {
      /* The same point named twice: the end of one text node and the
       * start of the next one in the same run (split by a comment). */
      g_autoptr(UrokEpubCfi) a = urok_epub_cfi_new_for_point (spine, idref, node, offset, NULL);
      g_autoptr(UrokEpubCfi) b = urok_epub_cfi_new_for_point (spine, idref, found, found_offset, NULL);
      g_autofree char *a_text = urok_epub_cfi_to_string (a);
      g_autofree char *b_text = urok_epub_cfi_to_string (b);
      g_autofree char *after_a = text_after (node, offset);
      g_autofree char *after_b = text_after (found, found_offset);

      g_assert_cmpstr (a_text, ==, b_text);
      g_assert_cmpstr (after_a, ==, after_b);
      g_assert_true (offset == 0 || !is_text (node) || node->content == NULL
                     || urok_utf16_length ((const char *) node->content, -1) == offset);
    }
}

static void
round_trip_document (xmlDoc     *doc,
                     guint       spine,
                     const char *idref,
                     Counts     *counts)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  collect_text_nodes (xmlDocGetRootElement (doc), nodes);
  if (nodes->len == 0)
    return;
  counts->chapters++;

  for (guint i = 0; i < POSITIONS_PER_CHAPTER; i++)
    {
      xmlNode *node = nodes->pdata[g_test_rand_int_range (0, (gint32) nodes->len)];
      gsize length = node->content != NULL ? urok_utf16_length ((const char *) node->content, -1) : 0;
      gsize offset = (gsize) g_test_rand_int_range (0, (gint32) length + 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokEpubCfi) made = urok_epub_cfi_new_for_point (spine, idref, node, offset, &error);
      g_autofree char *text = NULL;
      g_autoptr(UrokEpubCfi) parsed = NULL;

      g_assert_no_error (error);
      text = urok_epub_cfi_to_string (made);
      parsed = urok_epub_cfi_parse (text, &error);
      g_assert_no_error (error);
      check_point (parsed, doc, FALSE, node, offset, spine, idref, counts);
      counts->positions++;
    }

  for (guint i = 0; i < RANGES_PER_CHAPTER; i++)
    {
      xmlNode *a = nodes->pdata[g_test_rand_int_range (0, (gint32) nodes->len)];
      xmlNode *b = nodes->pdata[g_test_rand_int_range (0, (gint32) nodes->len)];
      gsize a_offset = (gsize) g_test_rand_int_range (0, (gint32) urok_utf16_length ((const char *) a->content, -1) + 1);
      gsize b_offset = (gsize) g_test_rand_int_range (0, (gint32) urok_utf16_length ((const char *) b->content, -1) + 1);
      g_autoptr(UrokEpubCfi) pa = urok_epub_cfi_new_for_point (spine, idref, a, a_offset, NULL);
      g_autoptr(UrokEpubCfi) pb = urok_epub_cfi_new_for_point (spine, idref, b, b_offset, NULL);
      g_autoptr(UrokEpubCfi) range = NULL;
      g_autoptr(UrokEpubCfi) parsed = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      if (urok_epub_cfi_compare (pa, pb) > 0)
        {
          xmlNode *t = a;
          gsize o = a_offset;

          a = b, a_offset = b_offset;
          b = t, b_offset = o;
        }
      range = urok_epub_cfi_new_for_range (spine, idref, a, a_offset, b, b_offset, &error);
      g_assert_no_error (error);
      text = urok_epub_cfi_to_string (range);
      parsed = urok_epub_cfi_parse (text, &error);
      g_assert_no_error (error);
      check_point (parsed, doc, FALSE, a, a_offset, spine, idref, counts);
      check_point (parsed, doc, TRUE, b, b_offset, spine, idref, counts);
      counts->ranges++;
    }
}

static gboolean
is_content_document (const char *name)
{
  return g_str_has_suffix (name, ".xhtml") || g_str_has_suffix (name, ".html")
         || g_str_has_suffix (name, ".htm");
}

static void
round_trip_book (const char *path,
                 Counts     *counts)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  guint spine = 0;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, path, 65536), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      g_autoptr(GByteArray) data = NULL;
      g_autofree char *idref = NULL;
      char chunk[65536];
      la_ssize_t n;
      xmlDoc *doc;

      if (name == NULL || !is_content_document (name))
        continue;
      data = g_byte_array_new ();
      while ((n = archive_read_data (a, chunk, sizeof chunk)) > 0)
        g_byte_array_append (data, (const guint8 *) chunk, (guint) n);
      doc = xmlReadMemory ((const char *) data->data, (int) data->len, name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      if (doc == NULL)
        continue;
      idref = g_strdup_printf ("item-%u", spine);
      round_trip_document (doc, spine++, idref, counts);
      xmlFreeDoc (doc);
    }
  archive_read_free (a);
}

static void
test_corpus_round_trip (void)
{
  const char *dir_path = g_getenv ("UROK_EPUB_SAMPLES") ?: SAMPLES_DIR;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  Counts counts = { 0, };
  gint64 start = g_get_monotonic_time ();
  const char *name;

  if (dir == NULL)
    {
      g_autofree char *message = g_strdup_printf ("No sample books in %s (set UROK_EPUB_SAMPLES)", dir_path);

      g_test_skip (message);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".epub"))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);
        round_trip_book (path, &counts);
      }
  g_assert_cmpuint (counts.chapters, >, 0);
  g_test_message ("%u chapters, %u positions (%u resolved to the same node and offset, the rest "
                  "to the same point named by another node), %u ranges, in %.1f s",
                  counts.chapters, counts.positions, counts.exact, counts.ranges,
                  (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/epub-cfi/canonical", test_canonical);
  g_test_add_func ("/core/epub-cfi/invalid", test_invalid);
  g_test_add_func ("/core/epub-cfi/escaping", test_escaping);
  g_test_add_func ("/core/epub-cfi/order", test_order);
  g_test_add_func ("/core/epub-cfi/points", test_points);
  g_test_add_func ("/core/epub-cfi/ranges", test_ranges);
  g_test_add_func ("/core/epub-cfi/id-recovery", test_id_recovery);
  g_test_add_func ("/core/epub-cfi/corpus-round-trip", test_corpus_round_trip);
  ret = g_test_run ();
  xmlCleanupParser ();
  return ret;
}
