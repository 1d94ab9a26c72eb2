/* urok-presentation-page.c: the Presentation section: lessons ready to show.
 *
 * Each lesson has a Present button (presentation.start with its uuid); the
 * lesson is loaded afresh from the store, so what is shown is what was
 * last saved, and handed to a UrokPresentationSession, which owns the
 * windows until the teacher ends it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-presentation-page.h"
#include "urok-section-util.h"

struct _UrokPresentationPage
{
  UrokSectionPage  parent_instance;

  GListModel      *lessons;
  UrokPresentationSession *session;
  UrokPresentationMode mode;

  GtkStack        *stack;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (UrokPresentationPage, urok_presentation_page, UROK_TYPE_SECTION_PAGE)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  UrokLessonInfo *lesson = item;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  int n_stages = urok_lesson_info_get_n_stages (lesson);
  GtkWidget *row = adw_action_row_new ();

  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%d stage", "%d stages", n_stages), n_stages);
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle, _("%d of %d min planned"),
                          urok_lesson_info_get_planned_minutes (lesson),
                          urok_lesson_info_get_duration_minutes (lesson));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), urok_lesson_info_get_title (lesson));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("video-display-symbolic"));
  {
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Present"));

    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (button, "suggested-action");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "presentation.start");
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", urok_lesson_info_get_uuid (lesson));
    gtk_widget_set_name (button, "present-button");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  }
  return row;
}

static void
reload (UrokSectionPage *page)
{
  UrokPresentationPage *self = UROK_PRESENTATION_PAGE (page);
  UrokStore *store = urok_section_page_get_store (page);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->lessons);
  if (store != NULL)
    self->lessons = urok_store_list_lessons (store, &error);
  if (error != NULL)
    g_warning ("Could not list lessons: %s", error->message);

  gtk_list_box_bind_model (self->list, self->lessons, create_row, self, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->lessons != NULL && g_list_model_get_n_items (self->lessons) > 0
                                    ? "list" : "empty");
}

void
urok_presentation_page_set_mode (UrokPresentationPage *self,
                                 UrokPresentationMode  mode)
{
  g_return_if_fail (UROK_IS_PRESENTATION_PAGE (self));
  self->mode = mode;
}

UrokPresentationSession *
urok_presentation_page_get_session (UrokPresentationPage *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION_PAGE (self), NULL);
  return self->session;
}

static void
session_ended_cb (UrokPresentationPage    *self,
                  UrokPresentationSession *session)
{
  if (self->session == session)
    g_clear_object (&self->session);
}

static void
end_session (UrokPresentationPage *self)
{
  g_autoptr(UrokPresentationSession) session = g_steal_pointer (&self->session);

  if (session != NULL)
    {
      g_signal_handlers_disconnect_by_data (session, self);
      urok_presentation_session_end (session);
    }
}

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  UrokPresentationPage *self = UROK_PRESENTATION_PAGE (widget);
  UrokStore *store = urok_section_page_get_store (UROK_SECTION_PAGE (self));
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokLesson) lesson = NULL;
  g_autoptr(GListModel) kinds = NULL;
  g_autofree char *media_dir = NULL;
  g_autoptr(UrokPresentationSession) session = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (store == NULL)
    return;
  lesson = urok_store_load_lesson (store, uuid, &error);
  if (lesson == NULL)
    {
      urok_section_show_error (widget, _("Could Not Open the Lesson"), error->message);
      return;
    }
  kinds = urok_store_list_stage_kinds (store, NULL);
  media_dir = urok_store_dup_lesson_media_dir (store, uuid);

  end_session (self);
  session = urok_presentation_session_new (lesson, kinds, media_dir);
  urok_presentation_session_set_mode (session, self->mode);
  urok_presentation_session_set_store (session, store);
  if (!urok_presentation_session_start (session, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error))
    {
      urok_section_show_error (widget, _("Nothing to Present"), error->message);
      return;
    }
  g_signal_connect_object (session, "ended", G_CALLBACK (session_ended_cb), self, G_CONNECT_SWAPPED);
  self->session = g_steal_pointer (&session);
}

static void
urok_presentation_page_dispose (GObject *object)
{
  UrokPresentationPage *self = (UrokPresentationPage *)object;

  end_session (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_PRESENTATION_PAGE);
  g_clear_object (&self->lessons);

  G_OBJECT_CLASS (urok_presentation_page_parent_class)->dispose (object);
}

static void
urok_presentation_page_class_init (UrokPresentationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UrokSectionPageClass *page_class = UROK_SECTION_PAGE_CLASS (klass);

  object_class->dispose = urok_presentation_page_dispose;

  page_class->store_detail = "lessons";
  page_class->reload = reload;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-presentation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokPresentationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UrokPresentationPage, list);

  /* The other presentation.* actions belong to the session's windows. */
  gtk_widget_class_install_action (widget_class, "presentation.start", "s", start_activated);
}

static void
urok_presentation_page_init (UrokPresentationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
