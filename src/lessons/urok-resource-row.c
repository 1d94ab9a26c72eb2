/* urok-resource-row.c: one resource of a stage in the editor's list.
 *
 * Kinds whose section does not exist yet (the whiteboard) say so in the
 * row, instead of pretending to open.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-resource-row.h"
#include "urok-book-info.h"
#include "urok-lesson-util.h"
#include "urok-row-drag.h"
#include "urok-test-info.h"

struct _UrokResourceRow
{
  AdwActionRow  parent_instance;

  UrokResource *resource;
  GListModel   *books;
  GListModel   *tests;
  GtkWidget    *icon;
};

G_DEFINE_FINAL_TYPE (UrokResourceRow, urok_resource_row, ADW_TYPE_ACTION_ROW)

const char *
urok_resource_icon_name (UrokResource *resource)
{
  const char *media_type;

  g_return_val_if_fail (UROK_IS_RESOURCE (resource), NULL);

  switch (urok_resource_get_kind (resource))
    {
    case UROK_RESOURCE_BOARD_PAGE:
      return "x-office-drawing-symbolic";
    case UROK_RESOURCE_BOOK_PLACE:
      return "accessories-dictionary-symbolic";
    case UROK_RESOURCE_TEST:
      return "object-select-symbolic";
    case UROK_RESOURCE_LINK:
      return "web-browser-symbolic";
    case UROK_RESOURCE_TEXT:
      return "text-x-generic-symbolic";
    case UROK_RESOURCE_MEDIA:
      media_type = urok_resource_get_media_type (resource);
      if (g_str_has_prefix (media_type, "image/"))
        return "image-x-generic-symbolic";
      if (g_str_has_prefix (media_type, "audio/"))
        return "audio-x-generic-symbolic";
      if (g_str_has_prefix (media_type, "video/"))
        return "video-x-generic-symbolic";
      return "emblem-documents-symbolic";
    default:
      return "text-x-generic-symbolic";
    }
}

/* The first line of a card, for its row. */
static char *
first_line (const char *text)
{
  const char *end = strchr (text, '\n');

  return end != NULL ? g_strndup (text, end - text) : g_strdup (text);
}

static char *
describe (UrokResourceRow *self)
{
  UrokResource *resource = self->resource;
  const char *media_type;

  switch (urok_resource_get_kind (resource))
    {
    case UROK_RESOURCE_BOARD_PAGE:
      return g_strdup (_("Board page · written on in the presentation, saved with the lesson"));
    case UROK_RESOURCE_BOOK_PLACE:
      {
        g_autoptr(UrokBookInfo) book = urok_list_find (self->books, "identifier", urok_resource_get_target (resource), NULL);
        const char *location = urok_resource_get_location (resource);

        if (book == NULL)
          return g_strdup (_("Textbook · not in the library"));
        /* A place picked in the reader is a link into the book's files,
         * which means nothing to a reader of the row. */
        if (*location == '\0' || strchr (location, '/') != NULL || strchr (location, '#') != NULL)
          return g_strdup_printf (_("Textbook · %s"), urok_book_info_get_title (book));
        /* TRANSLATORS: a place in a textbook: the book's title, then the
         * teacher's note of where (page, paragraph). */
        return g_strdup_printf (_("Textbook · %s, %s"), urok_book_info_get_title (book), location);
      }
    case UROK_RESOURCE_TEST:
      {
        g_autoptr(UrokTestInfo) test = urok_list_find (self->tests, "uuid", urok_resource_get_target (resource), NULL);
        int n;

        if (test == NULL)
          return g_strdup (_("Test · not in the store"));
        n = urok_test_info_get_n_questions (test);
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Test · %d question", "Test · %d questions", n), n);
      }
    case UROK_RESOURCE_LINK:
      return g_strdup (urok_resource_get_target (resource));
    case UROK_RESOURCE_TEXT:
      return g_strdup (strchr (urok_resource_get_text (resource), '$') != NULL ? _("Formula card") : _("Text card"));
    case UROK_RESOURCE_MEDIA:
      media_type = urok_resource_get_media_type (resource);
      if (g_str_has_prefix (media_type, "image/"))
        return g_strdup (_("Image"));
      if (g_str_has_prefix (media_type, "audio/"))
        return g_strdup (_("Audio"));
      if (g_str_has_prefix (media_type, "video/"))
        return g_strdup (_("Video"));
      return g_strdup (_("File"));
    default:
      return g_strdup ("");
    }
}

static char *
title_of (UrokResourceRow *self)
{
  UrokResource *resource = self->resource;
  const char *title = urok_resource_get_title (resource);

  if (*title != '\0')
    return g_strdup (title);

  switch (urok_resource_get_kind (resource))
    {
    case UROK_RESOURCE_BOARD_PAGE:
      return g_strdup (_("Board page"));
    case UROK_RESOURCE_BOOK_PLACE:
      return g_strdup (_("Textbook place"));
    case UROK_RESOURCE_TEST:
      return g_strdup (_("Test"));
    case UROK_RESOURCE_LINK:
      return g_strdup (urok_resource_get_target (resource));
    case UROK_RESOURCE_TEXT:
      return first_line (urok_resource_get_text (resource));
    case UROK_RESOURCE_MEDIA:
      return g_strdup (urok_resource_get_target (resource));
    default:
      return g_strdup ("");
    }
}

static void
update (UrokResourceRow *self)
{
  g_autofree char *title = title_of (self);
  g_autofree char *subtitle = describe (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), urok_resource_icon_name (self->resource));
}

GtkWidget *
urok_resource_row_new (UrokResource *resource,
                       GListModel   *books,
                       GListModel   *tests)
{
  UrokResourceRow *self;
  GtkWidget *handle;
  GtkWidget *remove;

  g_return_val_if_fail (UROK_IS_RESOURCE (resource), NULL);

  self = g_object_new (UROK_TYPE_RESOURCE_ROW,
                       "activatable", TRUE,
                       "use-markup", FALSE,
                       "title-lines", 1,
                       "subtitle-lines", 1,
                       NULL);
  self->resource = g_object_ref (resource);
  g_set_object (&self->books, books);
  g_set_object (&self->tests, tests);

  /* Prefixes are packed from the title outwards: the handle ends up at
   * the row's start. */
  self->icon = gtk_image_new ();
  gtk_widget_add_css_class (self->icon, "resource-icon");
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), self->icon);

  handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (handle, "drag-handle");
  gtk_widget_set_tooltip_text (handle, _("Drag to reorder or to move to another stage"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), handle);

  /* A board page can be prepared on the whiteboard before the lesson, and
   * goes out as a file too (other programs, printing). */
  if (urok_resource_get_kind (resource) == UROK_RESOURCE_BOARD_PAGE)
    {
      GtkWidget *open = gtk_button_new_from_icon_name ("document-edit-symbolic");
      GtkWidget *export = gtk_button_new_from_icon_name ("document-save-as-symbolic");

      gtk_widget_set_name (open, "open-board-button");
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (open, _("Open on the Board"));
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_add_css_class (open, "circular");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "lesson.open-board");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", urok_resource_get_uuid (resource));
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), open);

      gtk_widget_set_valign (export, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (export, _("Export Board Page…"));
      gtk_widget_add_css_class (export, "flat");
      gtk_widget_add_css_class (export, "circular");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "lesson.export-board-page");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (export), "s", urok_resource_get_uuid (resource));
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), export);
    }

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Resource"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "lesson.remove-resource");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", urok_resource_get_uuid (resource));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), remove);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "lesson.edit-resource");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", urok_resource_get_uuid (resource));

  g_signal_connect_object (resource, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  urok_row_drag_setup (GTK_WIDGET (self), handle, G_OBJECT (resource));
  update (self);
  return GTK_WIDGET (self);
}

UrokResource *
urok_resource_row_get_resource (UrokResourceRow *self)
{
  g_return_val_if_fail (UROK_IS_RESOURCE_ROW (self), NULL);
  return self->resource;
}

static void
urok_resource_row_dispose (GObject *object)
{
  UrokResourceRow *self = (UrokResourceRow *)object;

  /* The model may outlive the row: no more updates to a disposed row. */
  if (self->resource != NULL)
    g_signal_handlers_disconnect_by_data (self->resource, self);
  g_clear_object (&self->resource);
  g_clear_object (&self->books);
  g_clear_object (&self->tests);

  G_OBJECT_CLASS (urok_resource_row_parent_class)->dispose (object);
}

static void
urok_resource_row_class_init (UrokResourceRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = urok_resource_row_dispose;
}

static void
urok_resource_row_init (UrokResourceRow *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "resource-row");
}
