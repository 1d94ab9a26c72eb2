/* urok-lesson-editor-details.c: the lesson's own details in the editor:
 * topic, subject, grade, class, lesson type, planned date, length, tags,
 * goals and planned results.
 *
 * Text fields go through urok-field-binding.c; the choosers (grade, class,
 * lesson type, date) map their rows to the lesson's codes here, and follow
 * the lesson when undo or redo change it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-lesson-editor-private.h"
#include "urok-field-binding.h"

static void
update_title (UrokLessonEditor *self)
{
  const char *topic = self->lesson != NULL ? urok_lesson_get_topic (self->lesson) : "";

  adw_window_title_set_title (self->window_title, *topic != '\0' ? topic : _("Untitled Lesson"));
}

/* A "YYYY-MM-DD" date as local midnight, or NULL. */
static GDateTime *
parse_date (const char *date)
{
  int year, month, day;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

static char *
format_date (const char *date)
{
  g_autoptr(GDateTime) time = parse_date (date);

  if (date == NULL || *date == '\0')
    return NULL;
  if (time == NULL)
    return g_strdup (date);
  /* TRANSLATORS: a lesson's planned date, as g_date_time_format() takes it. */
  return g_date_time_format (time, _("%-d %B %Y"));
}

void
_urok_lesson_editor_update_details_row (UrokLessonEditor *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *date = NULL;
  const char *subject;
  int grade;

  if (self->lesson == NULL)
    return;
  subject = urok_lesson_get_subject (self->lesson);
  grade = urok_lesson_get_grade_level (self->lesson);
  date = format_date (urok_lesson_get_planned_date (self->lesson));

  if (*subject != '\0')
    g_string_append (subtitle, subject);
  if (grade > 0)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("grade %d"), grade);
    }
  if (date != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, date);
    }
  if (subtitle->len == 0)
    g_string_append (subtitle, _("Topic, class, goals and planned results"));
  adw_action_row_set_subtitle (self->details_row, subtitle->str);
}

static void
sync_grade (UrokLessonEditor *self)
{
  self->updating = TRUE;
  adw_combo_row_set_selected (self->grade_row, self->lesson != NULL ? urok_lesson_get_grade_level (self->lesson) : 0);
  self->updating = FALSE;
}

static void
grade_selected_cb (UrokLessonEditor *self)
{
  int grade = (int)adw_combo_row_get_selected (self->grade_row);

  if (self->updating || self->lesson == NULL || grade == urok_lesson_get_grade_level (self->lesson))
    return;
  urok_lesson_history_set_int (self->history, G_OBJECT (self->lesson), "grade-level", grade);
}

/* Chooses the row whose code is @code among @codes, adding a row for a
 * code the list does not know (a class since deleted, a lesson type from
 * an older template) so that it is shown rather than silently replaced. */
static void
sync_code_row (UrokLessonEditor *self,
               AdwComboRow      *row,
               GPtrArray        *codes,
               const char       *code,
               const char       *unknown_label)
{
  guint index = 0;
  gboolean found = FALSE;

  for (guint i = 0; i < codes->len && !found; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      {
        index = i;
        found = TRUE;
      }

  self->updating = TRUE;
  if (!found && code != NULL && *code != '\0')
    {
      g_ptr_array_add (codes, g_strdup (code));
      gtk_string_list_append (GTK_STRING_LIST (adw_combo_row_get_model (row)), unknown_label);
      index = codes->len - 1;
    }
  adw_combo_row_set_selected (row, index);
  self->updating = FALSE;
}

static void
sync_class_group (UrokLessonEditor *self)
{
  if (self->lesson == NULL)
    return;
  sync_code_row (self, self->class_group_row, self->class_group_uuids,
                 urok_lesson_get_class_group_uuid (self->lesson), _("A deleted class"));
}

static void
sync_lesson_type (UrokLessonEditor *self)
{
  const char *code;

  if (self->lesson == NULL)
    return;
  code = urok_lesson_get_lesson_type (self->lesson);
  sync_code_row (self, self->lesson_type_row, self->lesson_type_codes, code, code);
}

static void
code_selected (UrokLessonEditor *self,
               AdwComboRow      *row,
               GPtrArray        *codes,
               const char       *property)
{
  guint index = adw_combo_row_get_selected (row);
  g_autofree char *current = NULL;

  if (self->updating || self->lesson == NULL || index >= codes->len)
    return;
  g_object_get (self->lesson, property, &current, NULL);
  if (g_strcmp0 (current, g_ptr_array_index (codes, index)) != 0)
    urok_lesson_history_set_string (self->history, G_OBJECT (self->lesson), property,
                                    g_ptr_array_index (codes, index));
}

static void
class_group_selected_cb (UrokLessonEditor *self)
{
  code_selected (self, self->class_group_row, self->class_group_uuids, "class-group-uuid");
}

static void
lesson_type_selected_cb (UrokLessonEditor *self)
{
  code_selected (self, self->lesson_type_row, self->lesson_type_codes, "lesson-type");
}

static void
sync_date (UrokLessonEditor *self)
{
  const char *date = self->lesson != NULL ? urok_lesson_get_planned_date (self->lesson) : "";
  g_autofree char *label = format_date (date);

  gtk_menu_button_set_label (self->date_button, label != NULL ? label : _("Not planned"));
  if (label != NULL)
    {
      g_autoptr(GDateTime) time = parse_date (date);

      self->updating = TRUE;
      if (time != NULL)
        gtk_calendar_select_day (self->calendar, time);
      self->updating = FALSE;
    }
}

static void
day_selected_cb (UrokLessonEditor *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

  if (self->updating || self->lesson == NULL)
    return;
  if (g_strcmp0 (date, urok_lesson_get_planned_date (self->lesson)) != 0)
    urok_lesson_history_set_string (self->history, G_OBJECT (self->lesson), "planned-date", date);
  gtk_menu_button_popdown (self->date_button);
}

static void
clear_date_cb (UrokLessonEditor *self)
{
  if (self->lesson != NULL && *urok_lesson_get_planned_date (self->lesson) != '\0')
    urok_lesson_history_set_string (self->history, G_OBJECT (self->lesson), "planned-date", "");
  gtk_menu_button_popdown (self->date_button);
}

/* Choosers whose rows come from the store are rebuilt for each lesson. */
static void
fill_choosers (UrokLessonEditor *self)
{
  g_autoptr(GtkStringList) classes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  const UrokLessonType *lesson_types;
  guint n_types = 0;
  guint n;

  g_ptr_array_set_size (self->class_group_uuids, 0);
  gtk_string_list_append (classes, _("No class"));
  g_ptr_array_add (self->class_group_uuids, g_strdup (""));
  n = self->class_groups != NULL ? g_list_model_get_n_items (self->class_groups) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokClassGroup) group = g_list_model_get_item (self->class_groups, i);

      gtk_string_list_append (classes, urok_class_group_get_name (group));
      g_ptr_array_add (self->class_group_uuids, g_strdup (urok_class_group_get_uuid (group)));
    }

  g_ptr_array_set_size (self->lesson_type_codes, 0);
  gtk_string_list_append (types, _("Not set"));
  g_ptr_array_add (self->lesson_type_codes, g_strdup (""));
  lesson_types = urok_lesson_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      gtk_string_list_append (types, lesson_types[i].name);
      g_ptr_array_add (self->lesson_type_codes, g_strdup (lesson_types[i].code));
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->class_group_row, G_LIST_MODEL (classes));
  adw_combo_row_set_model (self->lesson_type_row, G_LIST_MODEL (types));
  self->updating = FALSE;
}

void
_urok_lesson_editor_details_set_lesson (UrokLessonEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->topic_row), GTK_WIDGET (self->subject_row), GTK_WIDGET (self->tags_row),
    GTK_WIDGET (self->length_spin), GTK_WIDGET (self->goals_view), GTK_WIDGET (self->results_view),
  };
  UrokLesson *lesson = self->lesson;

  fill_choosers (self);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    urok_field_set_target (fields[i], self->history, G_OBJECT (lesson));
  gtk_widget_set_sensitive (GTK_WIDGET (self->grade_row), lesson != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->class_group_row), lesson != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->lesson_type_row), lesson != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_button), lesson != NULL);

  /* The editor disconnects everything it connected to the lesson at once
   * (by its data) when it changes lessons. */
  if (lesson != NULL)
    {
      g_signal_connect_swapped (lesson, "notify::topic", G_CALLBACK (update_title), self);
      g_signal_connect_swapped (lesson, "notify::grade-level", G_CALLBACK (sync_grade), self);
      g_signal_connect_swapped (lesson, "notify::class-group-uuid", G_CALLBACK (sync_class_group), self);
      g_signal_connect_swapped (lesson, "notify::lesson-type", G_CALLBACK (sync_lesson_type), self);
      g_signal_connect_swapped (lesson, "notify::planned-date", G_CALLBACK (sync_date), self);
    }

  update_title (self);
  _urok_lesson_editor_update_details_row (self);
  sync_grade (self);
  sync_class_group (self);
  sync_lesson_type (self);
  sync_date (self);
}

void
_urok_lesson_editor_class_init_details (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_date_cb);
}

void
_urok_lesson_editor_init_details (UrokLessonEditor *self)
{
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);

  self->class_group_uuids = g_ptr_array_new_with_free_func (g_free);
  self->lesson_type_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_add_css_class (GTK_WIDGET (self->date_button), "flat");

  urok_field_bind (GTK_WIDGET (self->topic_row), "topic");
  urok_field_bind (GTK_WIDGET (self->subject_row), "subject");
  urok_field_bind (GTK_WIDGET (self->tags_row), "tags");
  urok_field_bind (GTK_WIDGET (self->length_spin), "duration-minutes");
  urok_field_bind (GTK_WIDGET (self->goals_view), "goals");
  urok_field_bind (GTK_WIDGET (self->results_view), "planned-results");

  gtk_string_list_append (grades, _("Not set"));
  for (int grade = 1; grade <= 11; grade++)
    {
      g_autofree char *label = g_strdup_printf ("%d", grade);
      gtk_string_list_append (grades, label);
    }
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (grades));
  g_signal_connect_swapped (self->grade_row, "notify::selected", G_CALLBACK (grade_selected_cb), self);
  g_signal_connect_swapped (self->class_group_row, "notify::selected", G_CALLBACK (class_group_selected_cb), self);
  g_signal_connect_swapped (self->lesson_type_row, "notify::selected", G_CALLBACK (lesson_type_selected_cb), self);
}
