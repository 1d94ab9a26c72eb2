/* urok-window.c: the main window: five sections behind a view switcher.
 *
 * The window owns nothing but navigation: each section is its own widget
 * that reads the store through the core's API.  Size and the last section
 * are kept in GSettings.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-gradebook-page.h"
#include "urok-lessons-page.h"
#include "urok-library-page.h"
#include "urok-presentation-page.h"
#include "urok-quiz-page.h"
#include "urok-window.h"

struct _UrokWindow
{
  AdwApplicationWindow  parent_instance;

  AdwViewStack         *stack;
  AdwToastOverlay      *toasts;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (UrokWindow, urok_window, ADW_TYPE_APPLICATION_WINDOW)

/* The section each "New" shortcut means, and the action that does it there. */
static const struct
{
  const char *section;
  const char *new_action;
} sections[] = {
  { "lessons", "lesson.new" },
  { "presentation", NULL },
  { "library", "library.import" },
  { "quiz", "quiz.new" },
  { "gradebook", "gradebook.new-class-group" },
};


const char *
urok_window_get_section (UrokWindow *self)
{
  g_return_val_if_fail (UROK_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

GtkWidget *
urok_window_get_page (UrokWindow *self,
                      const char *section)
{
  g_return_val_if_fail (UROK_IS_WINDOW (self), NULL);
  return adw_view_stack_get_child_by_name (self->stack, section);
}

void
urok_window_show_section (UrokWindow *self,
                          const char *section)
{
  g_return_if_fail (UROK_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->stack, section) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, section);
}

void
urok_window_show_toast (UrokWindow *self,
                        const char *message)
{
  g_return_if_fail (UROK_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

void
urok_window_show_error (UrokWindow *self,
                        const char *heading,
                        const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (UROK_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
visible_child_changed_cb (UrokWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "section");

  if (name == NULL)
    return;
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (name));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-section", name);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (sections[i].section, name))
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", sections[i].new_action != NULL);
}

static void
section_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  urok_window_show_section (UROK_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

/* From the lesson editor or the lesson library: the Presentation section
 * starts the lesson as its own Present button would. */
static void
present_lesson_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  UrokWindow *self = UROK_WINDOW (user_data);

  urok_window_show_section (self, "presentation");
  gtk_widget_activate_action_variant (urok_window_get_page (self, "presentation"), "presentation.start", parameter);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UrokWindow *self = UROK_WINDOW (widget);
  const char *name = urok_window_get_section (self);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].section, name) == 0 && sections[i].new_action != NULL)
      gtk_widget_activate_action (urok_window_get_page (self, name), sections[i].new_action, NULL);
}

static void
import_book_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UrokWindow *self = UROK_WINDOW (widget);

  urok_window_show_section (self, "library");
  gtk_widget_activate_action (urok_window_get_page (self, "library"), "library.import", NULL);
}

static void
urok_window_dispose (GObject *object)
{
  UrokWindow *self = (UrokWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (urok_window_parent_class)->dispose (object);
}

static void
urok_window_class_init (UrokWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_window_dispose;

  g_type_ensure (UROK_TYPE_LESSONS_PAGE);
  g_type_ensure (UROK_TYPE_PRESENTATION_PAGE);
  g_type_ensure (UROK_TYPE_LIBRARY_PAGE);
  g_type_ensure (UROK_TYPE_QUIZ_PAGE);
  g_type_ensure (UROK_TYPE_GRADEBOOK_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, UrokWindow, toasts);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);

  /* Shortcuts are the application's accels (urok-application.c), so that
   * the shortcuts window shows exactly what exists. */
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.import-book", NULL, import_book_activated);
}

static const GActionEntry win_actions[] = {
  { "section", section_activated, "s", "'lessons'" },
  { "present-lesson", present_lesson_activated, "s" },
};

static void
urok_window_init (UrokWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
}

/* The application is only known after construction, so the store and the
 * settings are wired here rather than in constructed(). */
UrokWindow *
urok_window_new (UrokApplication *application)
{
  UrokWindow *self;
  UrokStore *store = urok_application_get_store (application);
  g_autofree char *last = NULL;

  self = g_object_new (UROK_TYPE_WINDOW, "application", application, NULL);

  self->settings = g_object_ref (urok_application_get_settings (application));
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_object_set (urok_window_get_page (self, sections[i].section), "store", store, NULL);

  last = g_settings_get_string (self->settings, "last-section");
  urok_window_show_section (self, last);
  visible_child_changed_cb (self);

  return self;
}
