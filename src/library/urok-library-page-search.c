/* urok-library-page-search.c: the words typed in the Library's search box
 * looked up in the text of every book too, each place shown with the text
 * around it and opening the book there.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-library-page-private.h"
#include "urok-store-book-search.h"

/* Places shown at most: enough to choose from, quick to read. */
#define MAX_TEXT_HITS 20

/* The snippet as markup, the found words in bold; the book's text is
 * escaped, never taken as markup. */
static char *
snippet_markup (UrokBookHit *hit)
{
  const char *snippet = urok_book_hit_get_snippet (hit);
  gsize length = strlen (snippet);
  g_autoptr(GString) markup = g_string_new (NULL);
  const UrokBookHitMark *marks;
  guint n_marks = 0, at = 0;

  marks = urok_book_hit_get_marks (hit, &n_marks);
  for (guint i = 0; i < n_marks; i++)
    {
      g_autofree char *before = NULL;
      g_autofree char *word = NULL;

      if (marks[i].start < at || marks[i].end > length || marks[i].start > marks[i].end)
        continue;
      before = g_markup_escape_text (snippet + at, (gssize)(marks[i].start - at));
      word = g_markup_escape_text (snippet + marks[i].start, (gssize)(marks[i].end - marks[i].start));
      g_string_append_printf (markup, "%s<b>%s</b>", before, word);
      at = marks[i].end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (snippet + at, -1);

    g_string_append (markup, rest);
  }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static GtkWidget *
create_hit_row (UrokBookHit  *hit,
                UrokBookInfo *book)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (urok_book_info_get_title (book));
  GtkWidget *text = gtk_label_new (NULL);
  g_autofree char *markup = snippet_markup (hit);
  const char *locator = urok_book_hit_get_locator (hit);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_label_set_markup (GTK_LABEL (text), markup);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Where to open: the document, and the block when it has an id (a path
   * locator is not an address the view can go to). */
  g_object_set_data_full (G_OBJECT (row), "identifier", g_strdup (urok_book_info_get_identifier (book)), g_free);
  g_object_set_data_full (G_OBJECT (row), "path",
                          locator != NULL && locator[0] == '#'
                          ? g_strconcat (urok_book_hit_get_href (hit), locator, NULL)
                          : g_strdup (urok_book_hit_get_href (hit)),
                          g_free);
  return row;
}

/* Fills @list with the places @text is found in the books of @books;
 * returns how many. */
guint
_urok_library_page_find_in_books (UrokLibraryPage *self,
                                  UrokStore       *store,
                                  GListModel      *books,
                                  const char      *text,
                                  GtkListBox      *list)
{
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  if (store == NULL || g_utf8_strlen (text, -1) < 2)
    return 0;
  hits = urok_store_search_books (store, text, 0, MAX_TEXT_HITS, &error);
  if (hits == NULL)
    {
      g_message ("Searching the books failed: %s", error->message);
      return 0;
    }
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(UrokBookHit) hit = g_list_model_get_item (hits, i);

      for (guint k = 0; k < g_list_model_get_n_items (books); k++)
        {
          g_autoptr(UrokBookInfo) book = g_list_model_get_item (books, k);

          if (urok_book_info_get_id (book) == urok_book_hit_get_book_id (hit))
            {
              gtk_list_box_append (list, create_hit_row (hit, book));
              n++;
              break;
            }
        }
    }
  return n;
}
