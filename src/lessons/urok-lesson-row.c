/* urok-lesson-row.c: one lesson or template in the lesson library.
 *
 * Shows what a teacher looks for when picking a lesson (topic, subject,
 * grade, how full it is, when it is planned, its tags) and carries the
 * lesson's menu.  Its commands are the page's lesson.* actions with the
 * lesson's uuid as parameter, so the menu, the keyboard and tests share them.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-lesson-row.h"
#include "urok-stage-kind.h"

struct _UrokLessonRow
{
  GtkListBoxRow   parent_instance;

  UrokLessonInfo *info;

  GtkImage       *icon;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkBox         *tags_box;
  GtkLabel       *minutes_label;
  GtkLabel       *date_label;
  GtkMenuButton  *menu_button;
};

G_DEFINE_FINAL_TYPE (UrokLessonRow, urok_lesson_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_INFO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
urok_lesson_row_new (UrokLessonInfo *info)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (info), NULL);

  return g_object_new (UROK_TYPE_LESSON_ROW, "info", info, NULL);
}

UrokLessonInfo *
urok_lesson_row_get_info (UrokLessonRow *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_ROW (self), NULL);
  return self->info;
}

const char *
urok_lesson_row_get_uuid (UrokLessonRow *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_ROW (self), NULL);
  return urok_lesson_info_get_uuid (self->info);
}

void
urok_lesson_row_popup_menu (UrokLessonRow *self)
{
  g_return_if_fail (UROK_IS_LESSON_ROW (self));
  gtk_menu_button_popup (self->menu_button);
}

static void
append_item (GMenu      *section,
             const char *label,
             const char *action,
             const char *uuid)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (uuid));
  g_menu_append_item (section, item);
}

static GMenuModel *
create_menu (UrokLessonRow *self)
{
  const char *uuid = urok_lesson_info_get_uuid (self->info);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) commands = g_menu_new ();
  g_autoptr(GMenu) removal = g_menu_new ();

  if (urok_lesson_info_get_is_template (self->info))
    {
      append_item (commands, _("_New Lesson from Template"), "lesson.new-from-template", uuid);
      append_item (commands, _("_Edit Template"), "lesson.open", uuid);
      append_item (commands, _("D_uplicate"), "lesson.duplicate", uuid);
    }
  else
    {
      append_item (commands, _("_Open"), "lesson.open", uuid);
      /* The window's: it switches to the Presentation section. */
      append_item (commands, _("_Present"), "win.present-lesson", uuid);
      append_item (commands, _("D_uplicate"), "lesson.duplicate", uuid);
      append_item (commands, _("Save as _Template"), "lesson.save-as-template", uuid);
    }
  append_item (removal, _("_Delete"), "lesson.delete", uuid);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (commands));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removal));
  return G_MENU_MODEL (menu);
}

/* "2026-11-24" as the teacher's language writes a date; NULL if unset. */
static char *
format_planned_date (const char *iso_date)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (iso_date == NULL || *iso_date == '\0')
    return NULL;
  iso = g_strconcat (iso_date, "T00:00:00", NULL);
  date = g_date_time_new_from_iso8601 (iso, tz);
  if (date == NULL)
    return NULL;
  /* Translators: a lesson's planned date in the lesson list; see
   * g_date_time_format() ("%B" is the month's name in the genitive). */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static void
add_tag (UrokLessonRow *self,
         const char    *tag)
{
  GtkWidget *label = gtk_label_new (tag);

  gtk_widget_add_css_class (label, "lesson-tag");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (self->tags_box, label);
}

static void
fill (UrokLessonRow *self)
{
  UrokLessonInfo *info = self->info;
  const char *title = urok_lesson_info_get_title (info);
  const char *subject = urok_lesson_info_get_subject (info);
  int grade_level = urok_lesson_info_get_grade_level (info);
  int n_stages = urok_lesson_info_get_n_stages (info);
  int planned = urok_lesson_info_get_planned_minutes (info);
  int length = urok_lesson_info_get_duration_minutes (info);
  const char *const *tags = urok_lesson_info_get_tags (info);
  gboolean is_template = urok_lesson_info_get_is_template (info);
  const char *lesson_type = urok_lesson_type_name (urok_lesson_info_get_lesson_type (info));
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *minutes = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GMenuModel) menu = NULL;

  gtk_label_set_text (self->title_label, *title != '\0' ? title : _("Untitled Lesson"));

  /* A template is chosen by the kind of lesson it is. */
  if (is_template && lesson_type != NULL)
    g_string_append_printf (subtitle, "%s · ", lesson_type);
  if (*subject != '\0')
    g_string_append_printf (subtitle, "%s · ", subject);
  if (grade_level > 0)
    {
      g_string_append_printf (subtitle, _("grade %d"), grade_level);
      g_string_append (subtitle, " · ");
    }
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%d stage", "%d stages", n_stages), n_stages);
  gtk_label_set_text (self->subtitle_label, subtitle->str);

  /* How full the lesson is matters most when it overruns. */
  /* Translators: minutes the stages take of the lesson's length, short. */
  minutes = g_strdup_printf (C_("lesson length", "%d of %d min"), planned, length);
  gtk_label_set_text (self->minutes_label, minutes);
  if (planned > length)
    gtk_widget_add_css_class (GTK_WIDGET (self->minutes_label), "warning");
  else if (planned < length)
    gtk_widget_add_css_class (GTK_WIDGET (self->minutes_label), "dim-label");

  date = format_planned_date (urok_lesson_info_get_planned_date (info));
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), date != NULL);
  if (date != NULL)
    gtk_label_set_text (self->date_label, g_strstrip (date));

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    add_tag (self, tags[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), tags != NULL && tags[0] != NULL);

  if (is_template)
    gtk_image_set_from_icon_name (self->icon, "folder-templates-symbolic");

  menu = create_menu (self);
  gtk_menu_button_set_menu_model (self->menu_button, menu);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button),
                               is_template ? _("Template Menu") : _("Lesson Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle->str,
                                  -1);
}

static gboolean
delete_binding (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  UrokLessonRow *self = UROK_LESSON_ROW (widget);

  return gtk_widget_activate_action (widget, "lesson.delete", "s", urok_lesson_row_get_uuid (self));
}

static gboolean
menu_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  urok_lesson_row_popup_menu (UROK_LESSON_ROW (widget));
  return TRUE;
}

static void
urok_lesson_row_constructed (GObject *object)
{
  G_OBJECT_CLASS (urok_lesson_row_parent_class)->constructed (object);
  fill (UROK_LESSON_ROW (object));
}

static void
urok_lesson_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UrokLessonRow *self = UROK_LESSON_ROW (object);

  switch (prop_id)
    {
    case PROP_INFO:
      g_value_set_object (value, self->info);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_lesson_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  UrokLessonRow *self = UROK_LESSON_ROW (object);

  switch (prop_id)
    {
    case PROP_INFO:
      self->info = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_lesson_row_dispose (GObject *object)
{
  UrokLessonRow *self = (UrokLessonRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_LESSON_ROW);
  g_clear_object (&self->info);

  G_OBJECT_CLASS (urok_lesson_row_parent_class)->dispose (object);
}

static void
urok_lesson_row_class_init (UrokLessonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = urok_lesson_row_constructed;
  object_class->dispose = urok_lesson_row_dispose;
  object_class->get_property = urok_lesson_row_get_property;
  object_class->set_property = urok_lesson_row_set_property;

  properties[PROP_INFO] =
    g_param_spec_object ("info", NULL, NULL,
                         UROK_TYPE_LESSON_INFO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-lesson-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokLessonRow, icon);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonRow, tags_box);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonRow, minutes_label);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonRow, menu_button);

  /* The keys of a file manager's list: Delete, and the context-menu keys. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_binding, NULL);
}

static void
urok_lesson_row_init (UrokLessonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
