/* urok-board-page-window.c: a lesson's board page on the whiteboard in a
 * window of its own, opened from the lesson editor.
 *
 * The page is the store's (urok-store-boards.c), the same the presentation
 * shows; a UrokBoardSaver writes each change within a moment and what is
 * pending when the window closes.  A page whose save fails keeps the
 * window open once, with the reason, so that ink is not thrown away
 * unseen.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-board-page-window.h"
#include "urok-board-saver.h"

struct _UrokBoardPageWindow
{
  AdwWindow        parent_instance;

  UrokBoardCanvas *canvas;
  UrokBoardSaver  *saver;
  GtkLabel        *problem;
  gboolean         told;
};

G_DEFINE_FINAL_TYPE (UrokBoardPageWindow, urok_board_page_window, ADW_TYPE_WINDOW)

static void
show_problem (UrokBoardPageWindow *self,
              const GError        *error)
{
  g_autofree char *message = g_strdup_printf (_("The page is not being saved: %s"), error->message);

  gtk_label_set_text (self->problem, message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
}

static void
save_failed_cb (UrokBoardSaver      *saver,
                GError              *error,
                UrokBoardPageWindow *self)
{
  show_problem (self, error);
}

static gboolean
close_as_usual (GtkWindow *window)
{
  GtkWindowClass *parent = GTK_WINDOW_CLASS (urok_board_page_window_parent_class);

  return parent->close_request != NULL ? parent->close_request (window) : FALSE;
}

static gboolean
urok_board_page_window_close_request (GtkWindow *window)
{
  UrokBoardPageWindow *self = UROK_BOARD_PAGE_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (self->saver == NULL || urok_board_saver_flush (self->saver, &error))
    return close_as_usual (window);
  /* Closed again after being told: the teacher has decided. */
  if (self->told)
    return close_as_usual (window);
  self->told = TRUE;
  show_problem (self, error);
  return TRUE;
}

UrokBoardPageWindow *
urok_board_page_window_new (UrokStore     *store,
                            const char    *lesson_uuid,
                            UrokResource  *resource,
                            GError       **error)
{
  g_autoptr(UrokBoardPage) page = NULL;
  g_autoptr(GError) local_error = NULL;
  UrokBoardPageWindow *self;
  const char *title;

  g_return_val_if_fail (UROK_IS_STORE (store), NULL);
  g_return_val_if_fail (UROK_IS_RESOURCE (resource), NULL);
  g_return_val_if_fail (urok_resource_get_kind (resource) == UROK_RESOURCE_BOARD_PAGE, NULL);

  page = urok_store_load_board_page (store, urok_resource_get_uuid (resource), &local_error);
  if (page == NULL)
    {
      if (!g_error_matches (local_error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      page = urok_board_page_new_from_string (urok_resource_get_board (resource), error);
      if (page == NULL)
        return NULL;
      urok_board_page_set_uuid (page, urok_resource_get_uuid (resource));
      if (!urok_store_save_board_page (store, page, lesson_uuid, error))
        return NULL;
    }

  self = g_object_new (UROK_TYPE_BOARD_PAGE_WINDOW, NULL);
  title = urok_resource_get_title (resource);
  gtk_window_set_title (GTK_WINDOW (self), *title != '\0' ? title : _("Board Page"));
  urok_board_canvas_set_page (self->canvas, page);
  self->saver = urok_board_saver_new (store, page);
  g_signal_connect_object (self->saver, "save-failed", G_CALLBACK (save_failed_cb), self, 0);
  return self;
}

UrokBoardCanvas *
urok_board_page_window_get_canvas (UrokBoardPageWindow *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_PAGE_WINDOW (self), NULL);
  return self->canvas;
}

const char *
urok_board_page_window_get_problem (UrokBoardPageWindow *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_PAGE_WINDOW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->problem)) ? gtk_label_get_text (self->problem) : NULL;
}

static void
urok_board_page_window_dispose (GObject *object)
{
  UrokBoardPageWindow *self = (UrokBoardPageWindow *)object;

  /* The saver writes what is still pending as it goes. */
  g_clear_object (&self->saver);

  G_OBJECT_CLASS (urok_board_page_window_parent_class)->dispose (object);
}

static void
urok_board_page_window_class_init (UrokBoardPageWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = urok_board_page_window_dispose;
  window_class->close_request = urok_board_page_window_close_request;
}

static void
urok_board_page_window_init (UrokBoardPageWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 720);
  gtk_box_append (GTK_BOX (box), header);
  self->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->problem), "board-problem");
  gtk_label_set_wrap (self->problem, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->problem), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->problem), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem));
  self->canvas = UROK_BOARD_CANVAS (urok_board_canvas_new ());
  gtk_widget_set_name (GTK_WIDGET (self->canvas), "board-page-canvas");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->canvas));
  adw_window_set_content (ADW_WINDOW (self), box);
}
