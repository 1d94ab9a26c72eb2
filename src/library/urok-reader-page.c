/* urok-reader-page.c: a textbook open for reading: the EPUB web view or the
 * PDF view under a bar with the way back, the contents and the reading
 * settings.  Where the teacher is gets stored as a location (a CFI with
 * the text there), so the book opens there again, whatever the window.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-book-position.h"
#include "urok-epub.h"
#include "urok-pdf-view.h"
#include "urok-pdf.h"
#include "urok-reader-page.h"
#include "urok-reader-view.h"
#include "urok-store-annotations.h"

/* A second after the last page turn: turning pages does not write. */
#define SAVE_POSITION_DELAY_MS 1000

struct _UrokReaderPage
{
  GtkWidget     parent_instance;

  UrokStore    *store;
  UrokBookInfo *book;
  UrokEpub     *epub;
  UrokPdf      *pdf;
  GtkWidget    *view;      /* UrokReaderView or UrokPdfView */
  guint         save_id;

  GtkLabel     *title_label;
  GtkStack     *stack;
  GtkWidget    *contents_button;
  GtkPopover   *contents_popover;
  GtkListBox   *contents_list;
  GtkWidget    *text_tools;
};

G_DEFINE_FINAL_TYPE (UrokReaderPage, urok_reader_page, GTK_TYPE_WIDGET)

static void
save_position (UrokReaderPage *self)
{
  g_autoptr(UrokBookLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  int spine;

  if (self->store == NULL || self->book == NULL || self->view == NULL)
    return;
  if (self->epub != NULL)
    {
      spine = urok_reader_view_get_spine_index (UROK_READER_VIEW (self->view));
      if (spine < 0)
        return;
      location = urok_book_position_locate (self->epub, (guint)spine,
                                            urok_reader_view_get_progression (UROK_READER_VIEW (self->view)), &error);
    }
  else if (self->pdf != NULL)
    {
      int page = 0;

      g_object_get (self->view, "page", &page, NULL);
      location = urok_book_location_new_pdf (page, NULL, 0, NULL, NULL, NULL);
    }
  if (location == NULL ||
      !urok_store_set_reading_position (self->store, urok_book_info_get_identifier (self->book), location, &error))
    g_message ("Could not keep the reading position: %s", error != NULL ? error->message : "no location");
}

static gboolean
save_position_cb (gpointer user_data)
{
  UrokReaderPage *self = user_data;

  self->save_id = 0;
  save_position (self);
  return G_SOURCE_REMOVE;
}

static void
moved_cb (UrokReaderPage *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_POSITION_DELAY_MS, save_position_cb, self);
}

/* The contents: every entry of the book's table, indented by depth. */
static void
add_contents (UrokReaderPage *self,
              GPtrArray      *points,
              guint           depth)
{
  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      UrokEpubNavPoint *point = points->pdata[i];
      GtkWidget *label = gtk_label_new (point->label);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 6 + 18 * (int)depth);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_widget_set_sensitive (row, point->path != NULL);
      if (point->path != NULL)
        g_object_set_data_full (G_OBJECT (row), "target",
                                point->fragment != NULL ? g_strconcat (point->path, "#", point->fragment, NULL)
                                                        : g_strdup (point->path),
                                g_free);
      gtk_list_box_append (self->contents_list, row);
      add_contents (self, point->children, depth + 1);
    }
}

static void
contents_row_activated_cb (UrokReaderPage *self,
                           GtkListBoxRow  *row)
{
  const char *target = g_object_get_data (G_OBJECT (row), "target");

  if (target != NULL && UROK_IS_READER_VIEW (self->view))
    urok_reader_view_go_to (UROK_READER_VIEW (self->view), target);
  gtk_popover_popdown (self->contents_popover);
}

static void
clear_view (UrokReaderPage *self)
{
  GtkWidget *child;

  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_position (self);
    }
  /* (After the template is gone, on a second dispose, there is none.) */
  while (self->contents_list != NULL &&
         (child = gtk_widget_get_first_child (GTK_WIDGET (self->contents_list))) != NULL)
    gtk_list_box_remove (self->contents_list, child);
  while (self->stack != NULL && (child = gtk_widget_get_first_child (GTK_WIDGET (self->stack))) != NULL)
    gtk_stack_remove (self->stack, child);
  self->view = NULL;
  g_clear_object (&self->epub);
  g_clear_object (&self->pdf);
  g_clear_object (&self->book);
  g_clear_object (&self->store);
}

static gboolean
open_epub (UrokReaderPage  *self,
           const char      *path,
           GError         **error)
{
  g_autoptr(UrokBookLocation) position = NULL;
  guint spine = 0;
  double progression = 0;
  gboolean have_position = FALSE;

  self->epub = urok_epub_open (urok_book_info_get_file (self->book), error);
  if (self->epub == NULL)
    return FALSE;
  self->view = urok_reader_view_new ();
  gtk_stack_add_child (self->stack, self->view);
  if (path == NULL &&
      urok_store_get_reading_position (self->store, urok_book_info_get_identifier (self->book), &position, NULL) &&
      position != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      have_position = urok_book_position_resolve (self->epub, position, &spine, &progression, &local_error);
      if (!have_position)
        g_message ("The saved reading position is not in the book any more: %s", local_error->message);
    }
  urok_reader_view_open (UROK_READER_VIEW (self->view), UROK_BOOK_SOURCE (self->epub), path);
  if (have_position)
    urok_reader_view_go_to_location (UROK_READER_VIEW (self->view), spine, progression);
  g_signal_connect_swapped (self->view, "relocated", G_CALLBACK (moved_cb), self);
  add_contents (self, urok_epub_get_toc (self->epub), 0);
  gtk_widget_set_visible (self->contents_button, urok_epub_get_toc (self->epub)->len > 0);
  gtk_widget_set_visible (self->text_tools, TRUE);
  return TRUE;
}

static gboolean
open_pdf (UrokReaderPage  *self,
          GError         **error)
{
  g_autoptr(UrokBookLocation) position = NULL;
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->pdf = urok_pdf_new_from_file (urok_book_info_get_file (self->book), error);
  if (self->pdf == NULL)
    return FALSE;
  self->view = urok_pdf_view_new ();
  if (!urok_pdf_view_set_document (UROK_PDF_VIEW (self->view), self->pdf, error))
    {
      g_object_ref_sink (self->view);
      g_object_unref (self->view);
      self->view = NULL;
      return FALSE;
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->view);
  gtk_stack_add_child (self->stack, scrolled);
  if (urok_store_get_reading_position (self->store, urok_book_info_get_identifier (self->book), &position, NULL) &&
      position != NULL && urok_book_location_get_page (position) > 0)
    urok_pdf_view_set_page (UROK_PDF_VIEW (self->view), (guint)urok_book_location_get_page (position));
  g_signal_connect_swapped (self->view, "notify::page", G_CALLBACK (moved_cb), self);
  /* The PDF view zooms itself; its outline is for a later sidebar. */
  gtk_widget_set_visible (self->contents_button, FALSE);
  gtk_widget_set_visible (self->text_tools, FALSE);
  return TRUE;
}

/* Shows @book where the teacher left it, or at @path (an EPUB document,
 * with a #fragment or not) if given; on failure the page is left empty
 * and @error says why. */
gboolean
urok_reader_page_open_at (UrokReaderPage  *self,
                          UrokStore       *store,
                          UrokBookInfo    *book,
                          const char      *path,
                          GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (UROK_IS_READER_PAGE (self), FALSE);
  g_return_val_if_fail (UROK_IS_STORE (store), FALSE);
  g_return_val_if_fail (UROK_IS_BOOK_INFO (book), FALSE);

  clear_view (self);
  self->store = g_object_ref (store);
  self->book = g_object_ref (book);
  gtk_label_set_text (self->title_label, urok_book_info_get_title (book));
  if (g_strcmp0 (urok_book_info_get_format (book), "pdf") == 0)
    ok = open_pdf (self, error);
  else
    ok = open_epub (self, path, error);
  if (!ok)
    clear_view (self);
  else
    gtk_widget_grab_focus (self->view);
  return ok;
}

gboolean
urok_reader_page_open (UrokReaderPage  *self,
                       UrokStore       *store,
                       UrokBookInfo    *book,
                       GError         **error)
{
  return urok_reader_page_open_at (self, store, book, NULL, error);
}

void
urok_reader_page_close (UrokReaderPage *self)
{
  g_return_if_fail (UROK_IS_READER_PAGE (self));

  clear_view (self);
}

UrokBookInfo *
urok_reader_page_get_book (UrokReaderPage *self)
{
  g_return_val_if_fail (UROK_IS_READER_PAGE (self), NULL);

  return self->book;
}

GtkWidget *
urok_reader_page_get_view (UrokReaderPage *self)
{
  g_return_val_if_fail (UROK_IS_READER_PAGE (self), NULL);

  return self->view;
}

/* The bar's buttons act on the view below them: the view's own actions
 * are not visible from the bar. */
static void
forward_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UrokReaderPage *self = UROK_READER_PAGE (widget);

  if (!UROK_IS_READER_VIEW (self->view))
    return;
  if (g_str_equal (action_name, "reader-page.larger-text"))
    gtk_widget_activate_action (self->view, "reader.larger-text", NULL);
  else if (g_str_equal (action_name, "reader-page.smaller-text"))
    gtk_widget_activate_action (self->view, "reader.smaller-text", NULL);
  else if (g_str_equal (action_name, "reader-page.theme"))
    urok_reader_view_set_theme (UROK_READER_VIEW (self->view), g_variant_get_string (parameter, NULL));
  else if (g_str_equal (action_name, "reader-page.layout"))
    urok_reader_view_set_layout (UROK_READER_VIEW (self->view), g_variant_get_string (parameter, NULL));
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "library.close-book", NULL);
}

static void
urok_reader_page_dispose (GObject *object)
{
  UrokReaderPage *self = UROK_READER_PAGE (object);
  GtkWidget *child;

  clear_view (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_READER_PAGE);
  /* The template's box is a child of ours but not a bound one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (urok_reader_page_parent_class)->dispose (object);
}

static void
urok_reader_page_class_init (UrokReaderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_reader_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-reader-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokReaderPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, UrokReaderPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UrokReaderPage, contents_button);
  gtk_widget_class_bind_template_child (widget_class, UrokReaderPage, contents_popover);
  gtk_widget_class_bind_template_child (widget_class, UrokReaderPage, contents_list);
  gtk_widget_class_bind_template_child (widget_class, UrokReaderPage, text_tools);
  gtk_widget_class_bind_template_callback (widget_class, contents_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "reader-page.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "reader-page.larger-text", NULL, forward_activated);
  gtk_widget_class_install_action (widget_class, "reader-page.smaller-text", NULL, forward_activated);
  gtk_widget_class_install_action (widget_class, "reader-page.theme", "s", forward_activated);
  gtk_widget_class_install_action (widget_class, "reader-page.layout", "s", forward_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "reader-page.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "reader-page.close", NULL);
}

static void
urok_reader_page_init (UrokReaderPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
urok_reader_page_new (void)
{
  return g_object_new (UROK_TYPE_READER_PAGE, NULL);
}
