/* urok-library-page.c: the Library section: the teacher's textbooks.
 *
 * Shows the imported textbooks as cards and imports EPUB and PDF files.  Opening a
 * book belongs to the reader (reader issue), so the cards do nothing yet.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-book-import.h"
#include "urok-library-page.h"
#include "urok-section-util.h"

struct _UrokLibraryPage
{
  UrokSectionPage       parent_instance;

  GListModel           *books;
  GtkFileChooserNative *chooser;

  GtkStack             *stack;
  GtkFlowBox           *books_box;
};

G_DEFINE_FINAL_TYPE (UrokLibraryPage, urok_library_page, UROK_TYPE_SECTION_PAGE)

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  /* Let the card's width, set by the cover, decide where lines break. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  UrokBookInfo *book = item;
  const char *authors = urok_book_info_get_authors (book);
  const char *subject = urok_book_info_get_subject (book);
  int grade_level = urok_book_info_get_grade_level (book);
  g_autoptr(GString) about = g_string_new (subject);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *cover = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = gtk_image_new_from_icon_name ("accessories-dictionary-symbolic");
  GtkWidget *title = create_label (urok_book_info_get_title (book), "heading");

  gtk_widget_add_css_class (card, "book-card");
  gtk_widget_set_size_request (card, 160, -1);
  gtk_widget_set_halign (card, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (card, GTK_ALIGN_START);

  gtk_widget_add_css_class (cover, "book-cover");
  gtk_widget_set_size_request (cover, 120, 160);
  gtk_widget_set_halign (cover, GTK_ALIGN_CENTER);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 64);
  gtk_widget_set_vexpand (icon, TRUE);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (cover), icon);
  gtk_box_append (GTK_BOX (card), cover);

  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_widget_set_margin_top (title, 6);
  gtk_box_append (GTK_BOX (card), title);

  if (*authors != '\0')
    {
      GtkWidget *label = create_label (authors, "caption");

      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (card), label);
    }

  if (grade_level > 0)
    {
      if (about->len > 0)
        g_string_append (about, " · ");
      g_string_append_printf (about, _("grade %d"), grade_level);
    }
  if (about->len > 0)
    {
      GtkWidget *label = create_label (about->str, "caption");

      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_box_append (GTK_BOX (card), label);
    }

  return card;
}

static void
reload (UrokSectionPage *page)
{
  UrokLibraryPage *self = UROK_LIBRARY_PAGE (page);
  UrokStore *store = urok_section_page_get_store (page);
  g_autoptr(GError) error = NULL;

  /* Without a store there is nowhere to import a book to. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.import", store != NULL);

  g_clear_object (&self->books);
  if (store != NULL)
    self->books = urok_store_list_books (store, &error);
  if (error != NULL)
    g_warning ("Could not list books: %s", error->message);

  gtk_flow_box_bind_model (self->books_box, self->books, create_card, self, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->books != NULL && g_list_model_get_n_items (self->books) > 0
                                    ? "books" : "empty");
}

/* Synchronous for now: the files are local and small.  Importing moves to a
 * GTask with a cancellable together with the reader (reader issue). */
static void
import_file (UrokLibraryPage *self,
             GFile           *file,
             const char      *books_dir)
{
  UrokStore *store = urok_section_page_get_store (UROK_SECTION_PAGE (self));
  g_autoptr(UrokBookInfo) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  gboolean was_new = FALSE;

  book = urok_book_import (store, file, books_dir, &was_new, &error);
  if (book == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could not import “%s”"), basename);

      urok_section_show_error (GTK_WIDGET (self), heading, error->message);
    }
  else if (!was_new)
    {
      const char *title = urok_book_info_get_title (book);
      /* Toast titles are markup: the book's title is not. */
      g_autofree char *message = g_markup_printf_escaped (_("“%s” is already in the library"),
                                                          *title != '\0' ? title : basename);

      urok_section_show_toast (GTK_WIDGET (self), message);
    }
}

static void
chooser_response_cb (UrokLibraryPage *self,
                     int              response)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  UrokStore *store = urok_section_page_get_store (UROK_SECTION_PAGE (self));
  g_autoptr(GListModel) files = NULL;
  g_autofree char *books_dir = NULL;

  if (response != GTK_RESPONSE_ACCEPT || store == NULL)
    return;

  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  books_dir = urok_store_dup_books_dir (store);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      import_file (self, file, books_dir);
    }
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UrokLibraryPage *self = UROK_LIBRARY_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Import Textbook"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"),
                                               NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, _("Textbooks (EPUB, PDF)"));
  gtk_file_filter_add_mime_type (filter, "application/epub+zip");
  gtk_file_filter_add_suffix (filter, "epub");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
urok_library_page_dispose (GObject *object)
{
  UrokLibraryPage *self = (UrokLibraryPage *)object;

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_LIBRARY_PAGE);
  g_clear_object (&self->chooser);
  g_clear_object (&self->books);

  G_OBJECT_CLASS (urok_library_page_parent_class)->dispose (object);
}

static void
urok_library_page_class_init (UrokLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UrokSectionPageClass *page_class = UROK_SECTION_PAGE_CLASS (klass);

  object_class->dispose = urok_library_page_dispose;

  page_class->store_detail = "books";
  page_class->reload = reload;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokLibraryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UrokLibraryPage, books_box);

  gtk_widget_class_install_action (widget_class, "library.import", NULL, import_activated);
}

static void
urok_library_page_init (UrokLibraryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.import", FALSE);
}
