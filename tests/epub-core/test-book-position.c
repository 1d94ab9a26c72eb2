/* test-book-position.c: the reader's place in a book as a location: a
 * fraction of a chapter becomes a CFI with its quote, and resolves back to
 * the same chapter and (within a character) the same fraction.  (Finding a
 * quote again in an edited chapter is tests/annotations' part.)
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-book-position.h"
#include <math.h>

#include "urok-epub-cfi.h"

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokEpub) epub = urok_epub_open (DEMO_EPUB, &error);
  GPtrArray *spine;

  g_assert_no_error (error);
  spine = urok_epub_get_spine (epub);
  for (guint index = 0; index < spine->len; index++)
    for (double fraction = 0; fraction <= 1.0001; fraction += 0.125)
      {
        g_autoptr(UrokBookLocation) location = urok_book_position_locate (epub, index, fraction, &error);
        g_autofree char *step = g_strdup_printf ("epubcfi(/6/%u[", 2 * (index + 1));
        guint back_index = G_MAXUINT;
        double back = -1;

        g_assert_no_error (error);
        g_assert_nonnull (location);
        g_assert_true (g_str_has_prefix (urok_book_location_get_cfi (location), step));
        g_assert_true (urok_book_position_resolve (epub, location, &back_index, &back, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (back_index, ==, index);
        /* Where a chapter has text, the point is that far through it; a
         * chapter of pictures only has its start. */
        if (urok_book_location_get_exact (location) != NULL && *urok_book_location_get_exact (location) != '\0')
          g_assert_cmpfloat (fabs (back - fraction), <, 0.02);
        else
          g_assert_cmpfloat (back, >=, 0);
      }
}

static void
test_bad_places (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokEpub) epub = urok_epub_open (DEMO_EPUB, &error);
  g_autoptr(UrokBookLocation) elsewhere = NULL;
  g_autoptr(UrokBookLocation) pdf = urok_book_location_new_pdf (3, NULL, 0, NULL, NULL, NULL);
  guint index;
  double fraction;

  g_assert_no_error (error);
  /* No such part of the reading order. */
  g_assert_null (urok_book_position_locate (epub, 1000, 0.5, &error));
  g_assert_error (error, UROK_EPUB_ERROR, UROK_EPUB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A PDF place, and a CFI past the end of the spine. */
  g_assert_false (urok_book_position_resolve (epub, pdf, &index, &fraction, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  elsewhere = urok_book_location_new_epub ("epubcfi(/6/400!/4/2:0)", "x", "", "", -1, -1, NULL);
  g_assert_false (urok_book_position_resolve (epub, elsewhere, &index, &fraction, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/epub/position/round-trip", test_round_trip);
  g_test_add_func ("/core/epub/position/bad-places", test_bad_places);
  return g_test_run ();
}
