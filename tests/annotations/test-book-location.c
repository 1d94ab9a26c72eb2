/* test-book-location.c: a location found again in a re-issued edition
 * (a paragraph inserted before it, the text around it changed), and its
 * stored form.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libxml/parser.h>
#include <string.h>

#include "urok-book-location.h"
#include "urok-epub-cfi.h"

#define HEAD "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>\n"
#define TAIL "</body></html>\n"
#define P1 "<p>It was a bright cold day in April, and the clocks were striking thirteen.</p>\n"
#define P2 "<p>The quick brown fox jumps over the lazy dog. The fox was happy.</p>\n"
#define P2_EDITED "<p>A quick red fox leapt over the dog. The fox was happy.</p>\n"
#define P3 "<p>Winston Smith slipped quickly through the glass doors of Victory Mansions.</p>\n"
#define INSERTED "<p>A paragraph new in the second edition, with a fox.</p>\n"

static const char *first_edition = HEAD "<h1>Chapter One</h1>\n" P1 P2 P3 TAIL;
static const char *second_edition = HEAD INSERTED "<h1>Chapter One</h1>\n" P1 P2 P3 TAIL;
static const char *third_edition = HEAD INSERTED "<h1>Chapter One</h1>\n" P1 "<p>Added.</p>" P2_EDITED P3 TAIL;
static const char *cut_edition = HEAD "<h1>Chapter One</h1>\n" P1 "<p>Something else entirely, long enough for the old offsets to fall inside it.</p>" P3 TAIL;

static xmlDoc *
parse (const char *text)
{
  xmlDoc *doc = xmlReadMemory (text, (int) strlen (text), "chapter.xhtml", NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  return doc;
}

/* The text node holding @needle (the @nth occurrence in the body), and
 * the UTF-16 offset of it. */
static xmlNode *
find_text (xmlDoc     *doc,
           const char *needle,
           guint       nth,
           gsize      *offset)
{
  xmlNode *node = xmlDocGetRootElement (doc);

  while (node != NULL)
    {
      if (node->type == XML_TEXT_NODE && node->content != NULL)
        {
          const char *content = (const char *) node->content;

          for (const char *p = strstr (content, needle); p != NULL; p = strstr (p + 1, needle))
            if (nth-- == 0)
              {
                *offset = urok_utf16_length (content, p - content);
                return node;
              }
        }
      if (node->children != NULL && node->type == XML_ELEMENT_NODE)
        node = node->children;
      else
        {
          while (node != NULL && node->next == NULL)
            node = node->parent;
          if (node != NULL)
            node = node->next;
        }
    }
  g_assert_not_reached ();
}

static UrokBookLocation *
highlight (xmlDoc     *doc,
           const char *needle,
           guint       nth)
{
  g_autoptr(GError) error = NULL;
  gsize offset = 0;
  xmlNode *node = find_text (doc, needle, nth, &offset);
  UrokBookLocation *location = urok_book_location_new_for_range (3, "chapter-1", doc, node, offset,
                                                                 node, offset + strlen (needle), &error);

  g_assert_no_error (error);
  return location;
}

/* Resolves and checks the text now covered, and which way it was found. */
static void
assert_resolves (UrokBookLocation *location,
                 const char       *edition,
                 UrokBookAnchor    expected_anchor,
                 const char       *expected_before,
                 const char       *expected_text)
{
  xmlDoc *doc = parse (edition);
  g_autoptr(GError) error = NULL;
  UrokBookAnchor anchor;
  xmlNode *start = NULL;
  xmlNode *end = NULL;
  gsize start_offset = 0;
  gsize end_offset = 0;
  const char *content;
  gsize start_byte;

  g_assert_true (urok_book_location_resolve (location, doc, &anchor, &start, &start_offset,
                                             &end, &end_offset, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anchor, ==, expected_anchor);
  g_assert_true (start == end);
  content = (const char *) start->content;
  start_byte = urok_utf16_to_byte_index (content, start_offset);
  {
    g_autofree char *before = g_strndup (content, start_byte);
    g_autofree char *covered = g_strndup (content + start_byte,
                                          urok_utf16_to_byte_index (content, end_offset) - start_byte);

    g_assert_true (g_str_has_suffix (before, expected_before));
    g_assert_cmpstr (covered, ==, expected_text);
  }
  xmlFreeDoc (doc);
}

static void
test_quote_and_context (void)
{
  xmlDoc *doc = parse (first_edition);
  g_autoptr(UrokBookLocation) location = highlight (doc, "fox was happy", 0);

  g_assert_cmpstr (urok_book_location_get_exact (location), ==, "fox was happy");
  g_assert_cmpstr (urok_book_location_get_prefix (location), ==, "ox jumps over the lazy dog. The ");
  g_assert_cmpstr (urok_book_location_get_suffix (location), ==, ".\nWinston Smith slipped quickly ");
  xmlFreeDoc (doc);
}

static void
test_same_edition (void)
{
  xmlDoc *doc = parse (first_edition);
  g_autoptr(UrokBookLocation) location = highlight (doc, "fox was happy", 0);

  assert_resolves (location, first_edition, UROK_BOOK_ANCHOR_EXACT, "lazy dog. The ", "fox was happy");
  xmlFreeDoc (doc);
}

static void
test_paragraph_inserted (void)
{
  xmlDoc *doc = parse (first_edition);
  g_autoptr(UrokBookLocation) location = highlight (doc, "fox was happy", 0);

  assert_resolves (location, second_edition, UROK_BOOK_ANCHOR_MOVED, "lazy dog. The ", "fox was happy");
  xmlFreeDoc (doc);
}

static void
test_text_changed_around (void)
{
  xmlDoc *doc = parse (first_edition);
  g_autoptr(UrokBookLocation) location = highlight (doc, "fox was happy", 0);

  assert_resolves (location, third_edition, UROK_BOOK_ANCHOR_MOVED, "over the dog. The ", "fox was happy");
  xmlFreeDoc (doc);
}

/* "fox" is in the new paragraph and twice in its own: the context picks
 * the second of its own. */
static void
test_context_picks_the_match (void)
{
  xmlDoc *doc = parse (first_edition);
  g_autoptr(UrokBookLocation) location = highlight (doc, "fox", 1);

  g_assert_cmpstr (urok_book_location_get_exact (location), ==, "fox");
  assert_resolves (location, second_edition, UROK_BOOK_ANCHOR_MOVED, "lazy dog. The ", "fox");
  assert_resolves (location, third_edition, UROK_BOOK_ANCHOR_MOVED, "over the dog. The ", "fox");
  xmlFreeDoc (doc);
}

/* A bookmark: a point, found by the context on both sides of it. */
static void
test_point (void)
{
  xmlDoc *doc = parse (first_edition);
  g_autoptr(UrokBookLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  gsize offset = 0;
  xmlNode *node = find_text (doc, "Winston", 0, &offset);

  location = urok_book_location_new_for_range (0, NULL, doc, node, offset, node, offset, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (urok_book_location_get_exact (location), ==, "");
  g_assert_true (g_str_has_prefix (urok_book_location_get_suffix (location), "Winston Smith"));
  assert_resolves (location, first_edition, UROK_BOOK_ANCHOR_EXACT, "", "");
  assert_resolves (location, third_edition, UROK_BOOK_ANCHOR_MOVED, "", "");
  xmlFreeDoc (doc);
}

static void
test_quote_gone (void)
{
  xmlDoc *doc = parse (first_edition);
  g_autoptr(UrokBookLocation) location = highlight (doc, "fox was happy", 0);
  g_autoptr(UrokBookLocation) lost = NULL;
  g_autoptr(GError) error = NULL;
  xmlDoc *cut = parse (cut_edition);
  UrokBookAnchor anchor;
  xmlNode *start, *end;
  gsize start_offset, end_offset;

  /* The CFI still leads somewhere: that is the best there is. */
  g_assert_true (urok_book_location_resolve (location, cut, &anchor, &start, &start_offset,
                                             &end, &end_offset, &error));
  g_assert_no_error (error);
  g_assert_cmpint (anchor, ==, UROK_BOOK_ANCHOR_APPROXIMATE);

  /* Neither the CFI nor the quote: a clear error. */
  lost = urok_book_location_new_epub ("epubcfi(/6/8!/4/40/1:0)", "not in the book", "", "", -1, -1, NULL);
  g_assert_false (urok_book_location_resolve (lost, cut, &anchor, &start, &start_offset,
                                              &end, &end_offset, &error));
  g_assert_error (error, UROK_BOOK_LOCATION_ERROR, UROK_BOOK_LOCATION_ERROR_NOT_FOUND);
  xmlFreeDoc (cut);
  xmlFreeDoc (doc);
}

static void
test_json (void)
{
  xmlDoc *doc = parse (first_edition);
  g_autoptr(UrokBookLocation) epub = highlight (doc, "fox was happy", 0);
  UrokBookRect rects[] = { { 72, 100.5, 200, 12 }, { 72, 114, 120.25, 12 } };
  g_autoptr(UrokBookLocation) pdf = urok_book_location_new_pdf (4, rects, 2, "some text", "a", "b");
  UrokBookLocation *both[] = { epub, pdf };
  const char *bad[] = {
    "[]", "{}", "{\"cfi\": 5}", "{\"cfi\": \"/4[\"}", "{\"cfi\": \"/4/1:0\", \"start\": 5, \"end\": 2}",
    "{\"cfi\": \"/4/1:0\", \"start\": \"5\"}", "{\"page\": -2, \"rects\": []}", "{\"page\": 1}",
    "{\"page\": 1, \"rects\": [[1, 2, 3]]}", "{\"page\": 1, \"rects\": [[0, 0, -1, 1]]}",
    "{\"page\": 1, \"rects\": [[0, 0, \"1\", 1]]}", "{\"cfi\": \"/4/1:0\", \"exact\": 3}",
  };

  g_assert_cmpstr (urok_book_location_get_css (epub), ==, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_autoptr(JsonNode) node = urok_book_location_to_json (both[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokBookLocation) back = urok_book_location_new_from_json (node, &error);

      g_assert_no_error (error);
      g_assert_true (urok_book_location_equal (back, both[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokBookLocation) back = urok_book_location_new_from_json (node, &error);

      if (back != NULL)
        g_error ("%s was accepted", bad[i]);
      g_assert_nonnull (error);
    }
  /* Reading order: EPUB by CFI, PDF by page then place. */
  {
    g_autoptr(UrokBookLocation) later = highlight (doc, "Winston", 0);
    g_autoptr(UrokBookLocation) page_3 = urok_book_location_new_pdf (3, rects + 1, 1, NULL, NULL, NULL);

    g_assert_cmpint (urok_book_location_compare (epub, later), <, 0);
    g_assert_cmpint (urok_book_location_compare (later, epub), >, 0);
    g_assert_cmpint (urok_book_location_compare (page_3, pdf), <, 0);
  }
  xmlFreeDoc (doc);
}

static void
test_css_selector (void)
{
  const char *text = HEAD "<div id=\"sec-2\"><p>One <em>two</em> three</p></div>" TAIL;
  xmlDoc *doc = parse (text);
  g_autoptr(UrokBookLocation) location = highlight (doc, "two", 0);

  g_assert_cmpstr (urok_book_location_get_css (location), ==, "#sec-2");
  g_assert_cmpint (urok_book_location_get_text_start (location), ==, 5);
  g_assert_cmpint (urok_book_location_get_text_end (location), ==, 8);
  xmlFreeDoc (doc);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/book-location/quote-and-context", test_quote_and_context);
  g_test_add_func ("/core/book-location/same-edition", test_same_edition);
  g_test_add_func ("/core/book-location/paragraph-inserted", test_paragraph_inserted);
  g_test_add_func ("/core/book-location/text-changed-around", test_text_changed_around);
  g_test_add_func ("/core/book-location/context-picks-the-match", test_context_picks_the_match);
  g_test_add_func ("/core/book-location/point", test_point);
  g_test_add_func ("/core/book-location/quote-gone", test_quote_gone);
  g_test_add_func ("/core/book-location/json", test_json);
  g_test_add_func ("/core/book-location/css-selector", test_css_selector);
  ret = g_test_run ();
  xmlCleanupParser ();
  return ret;
}
