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
#include <string.h>

#include "urok-epub.h"
#include "urok-library-page-private.h"
#include "urok-reader-page.h"
#include "urok-section-util.h"

struct _UrokLibraryPage
{
  UrokSectionPage     parent_instance;

  GListStore         *books;     /* every book in the store */
  GtkFilterListModel *shown;     /* those the search and filters let through */
  GtkCustomFilter    *filter;
  GtkStringList      *subjects;  /* [0] is "All subjects" */
  int                 busy;

  GtkStack           *stack;
  GtkFlowBox         *books_box;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *subject_dropdown;
  GtkDropDown        *grade_dropdown;
  GtkLabel           *busy_label;
  GtkWidget          *no_match_label;
  UrokReaderPage     *reader_page;
  GtkWidget          *text_hits_label;
  GtkListBox         *text_hits_list;
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

/* The card's menu: what can be done to this one book. */
static GtkWidget *
create_menu_button (UrokBookInfo *book)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove from Library…"), NULL);
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *tooltip = g_strdup_printf (_("Actions for “%s”"), urok_book_info_get_title (book));

  g_menu_item_set_action_and_target_value (remove, "library.remove-book",
                                           g_variant_new_string (urok_book_info_get_identifier (book)));
  g_menu_append_item (menu, remove);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 4);
  gtk_widget_set_margin_end (button, 4);
  gtk_widget_add_css_class (button, "osd");
  gtk_widget_add_css_class (button, "circular");
  return button;
}

/* The book's cover image, read in a thread (opening the container and
 * decoding the picture take a while for a shelf of books). */
static void
cover_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(UrokEpub) epub = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture = NULL;

  epub = urok_epub_open (task_data, &error);
  if (epub != NULL && urok_epub_get_cover_path (epub) != NULL)
    bytes = urok_epub_read_entry (epub, urok_epub_get_cover_path (epub), &error);
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    g_task_return_error (task, error != NULL ? g_steal_pointer (&error)
                                             : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no cover"));
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void
cover_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GtkWidget *cover = GTK_WIDGET (source);
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);
  GtkWidget *picture, *child;

  /* No cover: the icon stays. */
  if (texture == NULL)
    return;
  while ((child = gtk_widget_get_first_child (cover)) != NULL)
    gtk_box_remove (GTK_BOX (cover), child);
  /* An image, not a GtkPicture: it fits the cover into the card's 160
   * pixels instead of asking for the picture's own size. */
  picture = gtk_image_new_from_paintable (GDK_PAINTABLE (texture));
  gtk_image_set_pixel_size (GTK_IMAGE (picture), 160);
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_box_append (GTK_BOX (cover), picture);
  gtk_widget_add_css_class (cover, "has-cover");
}

static void
load_cover (GtkWidget    *cover,
            UrokBookInfo *book)
{
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (urok_book_info_get_format (book), "epub") != 0)
    return;
  task = g_task_new (cover, NULL, cover_loaded_cb, NULL);
  g_task_set_task_data (task, g_strdup (urok_book_info_get_file (book)), g_free);
  g_task_run_in_thread (task, cover_thread);
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
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *cover = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = gtk_image_new_from_icon_name (g_strcmp0 (urok_book_info_get_format (book), "pdf") == 0
                                                  ? "x-office-document-symbolic"
                                                  : "accessories-dictionary-symbolic");
  GtkWidget *title = create_label (urok_book_info_get_title (book), "heading");

  gtk_widget_add_css_class (card, "book-card");
  gtk_widget_set_size_request (card, 160, -1);
  gtk_widget_set_halign (card, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (card, GTK_ALIGN_START);

  gtk_widget_add_css_class (cover, "book-cover");
  gtk_widget_set_size_request (cover, 120, 160);
  gtk_widget_set_halign (overlay, GTK_ALIGN_CENTER);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 64);
  gtk_widget_set_vexpand (icon, TRUE);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (cover), icon);
  load_cover (cover, book);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), cover);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), create_menu_button (book));
  gtk_box_append (GTK_BOX (card), overlay);

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

/* Case- and ё-insensitive containment, as the lesson search folds. */
static gboolean
contains_folded (const char *haystack,
                 const char *folded_needle)
{
  g_autofree char *folded = urok_fold_text (haystack);

  return strstr (folded, folded_needle) != NULL;
}

static gboolean
book_shown (gpointer item,
            gpointer user_data)
{
  UrokLibraryPage *self = user_data;
  UrokBookInfo *book = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint subject = gtk_drop_down_get_selected (self->subject_dropdown);
  guint grade = gtk_drop_down_get_selected (self->grade_dropdown);

  if (subject != GTK_INVALID_LIST_POSITION && subject > 0 &&
      g_strcmp0 (gtk_string_list_get_string (self->subjects, subject), urok_book_info_get_subject (book)) != 0)
    return FALSE;
  /* Grade entries: 0 is any grade, then 1..11. */
  if (grade != GTK_INVALID_LIST_POSITION && grade > 0 && urok_book_info_get_grade_level (book) != (int)grade)
    return FALSE;
  if (*text != '\0')
    {
      g_auto(GStrv) words = NULL;
      g_autofree char *folded = urok_fold_text (text);

      words = g_strsplit_set (folded, " \t", -1);
      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0' &&
            !contains_folded (urok_book_info_get_title (book), words[i]) &&
            !contains_folded (urok_book_info_get_authors (book), words[i]) &&
            !contains_folded (urok_book_info_get_subject (book), words[i]))
          return FALSE;
    }
  return TRUE;
}

static void
update_view (UrokLibraryPage *self)
{
  guint n_books, n_shown;

  if (self->shown == NULL)
    return; /* still being built */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "reader") == 0)
    return; /* a book is open: the list changes behind it */
  n_books = g_list_model_get_n_items (G_LIST_MODEL (self->books));
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  gtk_stack_set_visible_child_name (self->stack, n_books > 0 ? "books" : "empty");
  gtk_widget_set_visible (self->no_match_label, n_books > 0 && n_shown == 0 &&
                          !gtk_widget_get_visible (GTK_WIDGET (self->text_hits_list)));
}

static void
update_text_hits (UrokLibraryPage *self)
{
  guint n;

  if (self->books == NULL || self->text_hits_list == NULL)
    return;
  n = _urok_library_page_find_in_books (self, urok_section_page_get_store (UROK_SECTION_PAGE (self)),
                                        G_LIST_MODEL (self->books),
                                        gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                        self->text_hits_list);
  gtk_widget_set_visible (self->text_hits_label, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->text_hits_list), n > 0);
}

static void
filters_changed_cb (UrokLibraryPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_text_hits (self);
  update_view (self);
}

/* The subjects of the books there are, for the filter. */
static void
update_subjects (UrokLibraryPage *self)
{
  const char *selected = NULL;
  g_autofree char *keep = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint position = 0;

  if (gtk_drop_down_get_selected (self->subject_dropdown) > 0)
    selected = gtk_string_list_get_string (self->subjects, gtk_drop_down_get_selected (self->subject_dropdown));
  keep = g_strdup (selected);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->books)); i++)
    {
      g_autoptr(UrokBookInfo) book = g_list_model_get_item (G_LIST_MODEL (self->books), i);
      const char *subject = urok_book_info_get_subject (book);
      gboolean seen = *subject == '\0';

      for (guint k = 0; k < names->len && !seen; k++)
        seen = g_strcmp0 (names->pdata[k], subject) == 0;
      if (!seen)
        g_ptr_array_add (names, (gpointer)subject);
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->subjects, 1, g_list_model_get_n_items (G_LIST_MODEL (self->subjects)) - 1,
                          (const char * const *)names->pdata);
  for (guint i = 1; keep != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->subjects)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->subjects, i), keep) == 0)
      position = i;
  gtk_drop_down_set_selected (self->subject_dropdown, position);
}

static void
reload (UrokSectionPage *page)
{
  UrokLibraryPage *self = UROK_LIBRARY_PAGE (page);
  UrokStore *store = urok_section_page_get_store (page);
  g_autoptr(GListModel) books = NULL;
  g_autoptr(GError) error = NULL;

  /* Without a store there is nowhere to import a book to. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.import", store != NULL);

  if (store != NULL)
    books = urok_store_list_books (store, &error);
  if (error != NULL)
    g_warning ("Could not list books: %s", error->message);
  g_list_store_remove_all (self->books);
  for (guint i = 0; books != NULL && i < g_list_model_get_n_items (books); i++)
    {
      g_autoptr(GObject) book = g_list_model_get_item (books, i);

      g_list_store_append (self->books, book);
    }
  update_subjects (self);
  update_text_hits (self);
  update_view (self);
}

static UrokBookInfo *
find_book (UrokLibraryPage *self,
           const char      *identifier)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->books)); i++)
    {
      g_autoptr(UrokBookInfo) book = g_list_model_get_item (G_LIST_MODEL (self->books), i);

      if (g_strcmp0 (urok_book_info_get_identifier (book), identifier) == 0)
        return g_steal_pointer (&book);
    }
  return NULL;
}

static void
card_activated_cb (UrokLibraryPage *self,
                   GtkFlowBoxChild *child)
{
  g_autoptr(UrokBookInfo) book = g_list_model_get_item (G_LIST_MODEL (self->shown),
                                                        (guint)gtk_flow_box_child_get_index (child));

  if (book != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "library.open-book", "s", urok_book_info_get_identifier (book));
}

void
_urok_library_page_set_busy (UrokLibraryPage *self,
                             int              delta)
{
  /* Words, not a spinner: an import takes seconds, and a label says what
   * is going on without keeping the window redrawing. */
  self->busy = MAX (0, self->busy + delta);
  if (self->busy > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("Importing %d textbook…", "Importing %d textbooks…",
                                                         self->busy), self->busy);

      gtk_label_set_text (self->busy_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->busy_label), self->busy > 0);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _urok_library_page_choose_files (UROK_LIBRARY_PAGE (widget));
}

static void
remove_book_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UrokLibraryPage *self = UROK_LIBRARY_PAGE (widget);
  g_autoptr(UrokBookInfo) book = find_book (self, g_variant_get_string (parameter, NULL));

  if (book != NULL)
    _urok_library_page_ask_remove (self, book);
}

static void
open_book_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UrokLibraryPage *self = UROK_LIBRARY_PAGE (widget);
  UrokStore *store = urok_section_page_get_store (UROK_SECTION_PAGE (self));
  g_autoptr(UrokBookInfo) book = find_book (self, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (book == NULL || store == NULL)
    return;
  if (!urok_reader_page_open (self->reader_page, store, book, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), urok_book_info_get_title (book));

      urok_section_show_error (GTK_WIDGET (self), heading, error->message);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "reader");
}

static void
text_hit_activated_cb (UrokLibraryPage *self,
                       GtkListBoxRow   *row)
{
  UrokStore *store = urok_section_page_get_store (UROK_SECTION_PAGE (self));
  g_autoptr(UrokBookInfo) book = find_book (self, g_object_get_data (G_OBJECT (row), "identifier"));
  g_autoptr(GError) error = NULL;

  if (book == NULL || store == NULL)
    return;
  if (!urok_reader_page_open_at (self->reader_page, store, book, g_object_get_data (G_OBJECT (row), "path"), &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), urok_book_info_get_title (book));

      urok_section_show_error (GTK_WIDGET (self), heading, error->message);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "reader");
}

static void
close_book_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UrokLibraryPage *self = UROK_LIBRARY_PAGE (widget);

  urok_reader_page_close (self->reader_page);
  gtk_stack_set_visible_child_name (self->stack, "books");
  update_view (self);
}

static void
urok_library_page_dispose (GObject *object)
{
  UrokLibraryPage *self = (UrokLibraryPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_LIBRARY_PAGE);
  g_clear_object (&self->shown);
  g_clear_object (&self->books);
  g_clear_object (&self->filter);
  g_clear_object (&self->subjects);

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
  gtk_widget_class_bind_template_child (widget_class, UrokLibraryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UrokLibraryPage, subject_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UrokLibraryPage, grade_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UrokLibraryPage, busy_label);
  gtk_widget_class_bind_template_child (widget_class, UrokLibraryPage, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, UrokLibraryPage, reader_page);
  gtk_widget_class_bind_template_child (widget_class, UrokLibraryPage, text_hits_label);
  gtk_widget_class_bind_template_child (widget_class, UrokLibraryPage, text_hits_list);
  gtk_widget_class_bind_template_callback (widget_class, text_hit_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_activated_cb);

  gtk_widget_class_install_action (widget_class, "library.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "library.remove-book", "s", remove_book_activated);
  gtk_widget_class_install_action (widget_class, "library.open-book", "s", open_book_activated);
  gtk_widget_class_install_action (widget_class, "library.close-book", NULL, close_book_activated);
}

static void
urok_library_page_init (UrokLibraryPage *self)
{
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);

  g_type_ensure (UROK_TYPE_READER_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "library.import", FALSE);

  self->subjects = gtk_string_list_new (NULL);
  gtk_string_list_append (self->subjects, _("All subjects"));
  gtk_drop_down_set_model (self->subject_dropdown, G_LIST_MODEL (self->subjects));
  gtk_string_list_append (grades, _("All grades"));
  for (int grade = 1; grade <= 11; grade++)
    {
      g_autofree char *label = g_strdup_printf (_("Grade %d"), grade);

      gtk_string_list_append (grades, label);
    }
  gtk_drop_down_set_model (self->grade_dropdown, G_LIST_MODEL (grades));

  self->books = g_list_store_new (UROK_TYPE_BOOK_INFO);
  self->filter = gtk_custom_filter_new (book_shown, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->books)),
                                           g_object_ref (GTK_FILTER (self->filter)));
  gtk_flow_box_bind_model (self->books_box, G_LIST_MODEL (self->shown), create_card, self, NULL);
  _urok_library_page_add_drop_target (self);
}
