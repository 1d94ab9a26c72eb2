/* urok-presentation-page.c: the Presentation section: lessons ready to show.
 *
 * Presentation mode itself (full screen, the whiteboard, the stage timer)
 * comes with the presentation issue.  Until then this page says so plainly
 * and lists what each lesson will show, rather than offering a fake start.
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
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
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

static void
urok_presentation_page_dispose (GObject *object)
{
  UrokPresentationPage *self = (UrokPresentationPage *)object;

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

  /* No presentation.* actions yet: starting a presentation is the
   * presentation issue, and the empty state's only command is win.section. */
}

static void
urok_presentation_page_init (UrokPresentationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
