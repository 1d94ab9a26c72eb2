/* urok-lessons-page.c: the Lessons section: the teacher's lessons.
 *
 * Lists the lessons in the store, newest first, and creates new ones.  The
 * stage editor and the timeline live in their own widgets (lesson issue).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-lessons-page.h"
#include "urok-section-util.h"

struct _UrokLessonsPage
{
  UrokSectionPage  parent_instance;

  GListModel      *lessons;

  GtkStack        *stack;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (UrokLessonsPage, urok_lessons_page, UROK_TYPE_SECTION_PAGE)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  UrokLessonInfo *lesson = item;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *subject = urok_lesson_info_get_subject (lesson);
  int grade_level = urok_lesson_info_get_grade_level (lesson);
  int n_stages = urok_lesson_info_get_n_stages (lesson);
  GtkWidget *row = adw_action_row_new ();

  if (*subject != '\0')
    g_string_append_printf (subtitle, "%s · ", subject);
  if (grade_level > 0)
    g_string_append_printf (subtitle, _("grade %d · "), grade_level);
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%d stage", "%d stages", n_stages), n_stages);
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle, _("%d of %d min planned"),
                          urok_lesson_info_get_planned_minutes (lesson),
                          urok_lesson_info_get_duration_minutes (lesson));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), urok_lesson_info_get_title (lesson));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-presentation-symbolic"));
  return row;
}

static void
reload (UrokSectionPage *page)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (page);
  UrokStore *store = urok_section_page_get_store (page);
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.new", store != NULL);
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
create_lesson (GtkWidget  *page,
               const char *title)
{
  UrokStore *store = urok_section_page_get_store (UROK_SECTION_PAGE (page));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  if (urok_store_create_lesson (store, title, g_settings_get_int (settings, "lesson-length"), &error) == 0)
    urok_section_show_error (page, _("Could not create the lesson"), error->message);
}

static void
new_lesson_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  urok_section_ask_name (widget,
                         _("New Lesson"),
                         _("What is the lesson’s topic?"),
                         _("_Create"),
                         create_lesson);
}

static void
urok_lessons_page_dispose (GObject *object)
{
  UrokLessonsPage *self = (UrokLessonsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_LESSONS_PAGE);
  g_clear_object (&self->lessons);

  G_OBJECT_CLASS (urok_lessons_page_parent_class)->dispose (object);
}

static void
urok_lessons_page_class_init (UrokLessonsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UrokSectionPageClass *page_class = UROK_SECTION_PAGE_CLASS (klass);

  object_class->dispose = urok_lessons_page_dispose;

  page_class->store_detail = "lessons";
  page_class->reload = reload;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-lessons-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, list);

  gtk_widget_class_install_action (widget_class, "lesson.new", NULL, new_lesson_activated);
}

static void
urok_lessons_page_init (UrokLessonsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.new", FALSE);
}
