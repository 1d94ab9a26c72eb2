/* urok-section-util.c: what every section page does the same way.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-section-util.h"

/* Sections do not know the window; the nearest toast overlay shows it. */
void
urok_section_show_toast (GtkWidget  *page,
                         const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (page, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

void
urok_section_show_error (GtkWidget  *page,
                         const char *heading,
                         const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (page)), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
entry_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "accept", *text != '\0');
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  GtkWidget        *page)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  UrokNameCallback callback = g_object_get_data (G_OBJECT (dialog), "callback");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "accept") && *text != '\0')
    callback (page, text);
}

/* Asks for one line of text, such as a new lesson's topic, and hands it to
 * @callback unless the teacher cancels. */
void
urok_section_ask_name (GtkWidget        *page,
                       const char       *heading,
                       const char       *body,
                       const char       *accept_label,
                       UrokNameCallback  callback)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (page)), heading, body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "accept", accept_label);
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "accept", FALSE);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), dialog);

  g_object_set_data (G_OBJECT (dialog), "callback", callback);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), page, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
