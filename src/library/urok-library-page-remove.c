/* urok-library-page-remove.c: taking a textbook out of the library, after
 * asking, with the teacher's notes on it kept unless they say otherwise.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "urok-library-page-private.h"
#include "urok-section-util.h"

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             UrokLibraryPage  *self)
{
  GtkCheckButton *keep = GTK_CHECK_BUTTON (adw_message_dialog_get_extra_child (dialog));
  UrokBookInfo *book = g_object_get_data (G_OBJECT (dialog), "book");
  UrokStore *store = urok_section_page_get_store (UROK_SECTION_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || store == NULL)
    return;
  if (!urok_store_delete_book (store, urok_book_info_get_identifier (book), gtk_check_button_get_active (keep),
                               &error))
    {
      urok_section_show_error (GTK_WIDGET (self), _("Could not remove the textbook"), error->message);
      return;
    }
  {
    g_autofree char *message = g_markup_printf_escaped (_("“%s” was removed from the library"),
                                                        urok_book_info_get_title (book));

    urok_section_show_toast (GTK_WIDGET (self), message);
  }
}

void
_urok_library_page_ask_remove (UrokLibraryPage *self,
                               UrokBookInfo    *book)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = g_strdup_printf (_("Remove “%s”?"), urok_book_info_get_title (book));
  GtkWidget *dialog, *keep;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The book’s file is deleted from this computer. You can import it again at any "
                                     "time."));
  keep = gtk_check_button_new_with_mnemonic (_("_Keep my highlights and notes"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (keep), TRUE);
  gtk_widget_set_halign (keep, GTK_ALIGN_CENTER);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), keep);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "book", g_object_ref (book), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
