/* urok-lessons-page-search.c: the lesson library's search, filters,
 * sorting and paging: what the list shows of the store.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-lesson-row.h"
#include "urok-lessons-page-private.h"

/* A filter's chosen string, or NULL for its first item, "all". */
static const char *
get_choice (GtkDropDown *dropdown)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (model == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
}

/* Fills a filter with "all" and @choices, keeping what was chosen if it is
 * still there. */
static void
set_choices (GtkDropDown        *dropdown,
             const char         *all,
             const char *const  *choices)
{
  g_autofree char *chosen = g_strdup (get_choice (dropdown));
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (model, all);
  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    {
      gtk_string_list_append (model, choices[i]);
      if (g_strcmp0 (choices[i], chosen) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
refresh_filters (UrokLessonsPage *self)
{
  UrokStore *store = _urok_lessons_page_get_store (self);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) subjects = NULL;
  g_auto(GStrv) tags = NULL;

  subjects = urok_store_list_lesson_subjects (store, &error);
  if (error != NULL)
    g_warning ("Could not list the subjects: %s", error->message);
  g_clear_error (&error);
  tags = urok_store_list_lesson_tags (store, &error);
  if (error != NULL)
    g_warning ("Could not list the tags: %s", error->message);

  self->updating_filters = TRUE;
  set_choices (self->subject_filter, _("All Subjects"), (const char *const *)subjects);
  set_choices (self->tag_filter, _("All Tags"), (const char *const *)tags);
  self->updating_filters = FALSE;

  /* A filter with nothing to choose is only clutter. */
  gtk_widget_set_visible (GTK_WIDGET (self->subject_filter), subjects != NULL && subjects[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_filter), tags != NULL && tags[0] != NULL);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return urok_lesson_row_new (item);
}

static gboolean
is_filtered (UrokLessonsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  return *text != '\0' ||
         get_choice (self->subject_filter) != NULL ||
         gtk_drop_down_get_selected (self->grade_filter) > 0 ||
         get_choice (self->tag_filter) != NULL;
}

/* Whether the store holds any lesson or template the teacher has not just
 * deleted: if not, the page offers its first steps instead of a library. */
static gboolean
store_has_any (UrokLessonsPage *self)
{
  UrokStore *store = _urok_lessons_page_get_store (self);

  for (guint templates = 0; templates <= 1; templates++)
    {
      UrokLessonQuery query = {
        .templates = templates,
        .limit = g_hash_table_size (self->pending_deletes) + 1,
      };
      g_autoptr(GListModel) found = urok_store_search_lessons (store, &query, NULL);

      for (guint i = 0; found != NULL && i < g_list_model_get_n_items (found); i++)
        {
          g_autoptr(UrokLessonInfo) info = g_list_model_get_item (found, i);

          if (!g_hash_table_contains (self->pending_deletes, urok_lesson_info_get_uuid (info)))
            return TRUE;
        }
    }
  return FALSE;
}

void
_urok_lessons_page_requery (UrokLessonsPage *self)
{
  static const UrokLessonSort sorts[] = {
    UROK_LESSON_SORT_MODIFIED, UROK_LESSON_SORT_TOPIC, UROK_LESSON_SORT_PLANNED_DATE,
  };
  UrokStore *store = _urok_lessons_page_get_store (self);
  guint sort = gtk_drop_down_get_selected (self->sort_dropdown);
  guint grade_level = gtk_drop_down_get_selected (self->grade_filter);
  UrokLessonQuery query = {
    .text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
    .subject = get_choice (self->subject_filter),
    .grade_level = grade_level <= MAX_GRADE ? (int)grade_level : 0,
    .tag = get_choice (self->tag_filter),
    .templates = _urok_lessons_page_showing_templates (self),
    .sort = sorts[MIN (sort, G_N_ELEMENTS (sorts) - 1)],
    /* The hidden deletions, and one more to know whether there is more. */
    .limit = self->limit + g_hash_table_size (self->pending_deletes) + 1,
  };
  g_autoptr(GListStore) shown = g_list_store_new (UROK_TYPE_LESSON_INFO);
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  gboolean more = FALSE;
  const char *view;

  if (store == NULL)
    return;

  found = urok_store_search_lessons (store, &query, &error);
  if (found == NULL)
    g_warning ("Could not search the lessons: %s", error->message);
  for (guint i = 0; found != NULL && i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(UrokLessonInfo) info = g_list_model_get_item (found, i);

      if (g_hash_table_contains (self->pending_deletes, urok_lesson_info_get_uuid (info)))
        continue;
      if (g_list_model_get_n_items (G_LIST_MODEL (shown)) == self->limit)
        {
          more = TRUE;
          break;
        }
      g_list_store_append (shown, info);
    }

  g_set_object (&self->results, G_LIST_MODEL (shown));
  gtk_list_box_bind_model (self->list, self->results, create_row, self, NULL);
  gtk_widget_set_visible (self->more_button, more);

  if (g_list_model_get_n_items (self->results) > 0)
    view = "results";
  else if (is_filtered (self))
    view = "no-results";
  else
    view = _urok_lessons_page_showing_templates (self) ? "no-templates" : "no-lessons";
  gtk_stack_set_visible_child_name (self->results_stack, view);

  if (!_urok_lessons_page_showing (self, "editor"))
    _urok_lessons_page_show_view (self, g_str_equal (view, "results") || store_has_any (self) ? "library" : "empty");
}

/* The store changed: what the filters offer and what they find. */
void
_urok_lessons_page_refresh (UrokLessonsPage *self)
{
  if (_urok_lessons_page_get_store (self) == NULL)
    return;
  refresh_filters (self);
  _urok_lessons_page_requery (self);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (widget);

  if (!_urok_lessons_page_showing (self, "library"))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (widget);

  self->updating_filters = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->subject_filter, 0);
  gtk_drop_down_set_selected (self->grade_filter, 0);
  gtk_drop_down_set_selected (self->tag_filter, 0);
  self->updating_filters = FALSE;
  self->limit = PAGE_SIZE;
  _urok_lessons_page_requery (self);
}

static void
show_more_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (widget);

  self->limit += PAGE_SIZE;
  _urok_lessons_page_requery (self);
}

static void
filter_changed_cb (UrokLessonsPage *self)
{
  if (self->updating_filters)
    return;
  self->limit = PAGE_SIZE;
  _urok_lessons_page_requery (self);
}

/* Enter in the search goes to the first result. */
static void
search_activate_cb (UrokLessonsPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, 0);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Down from the search goes to the results, as in a file chooser. */
static gboolean
search_key_pressed_cb (UrokLessonsPage       *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;
  search_activate_cb (self);
  return GDK_EVENT_STOP;
}

static void
search_stop_cb (UrokLessonsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
_urok_lessons_page_class_init_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_key_pressed_cb);

  /* Ctrl+F is bound to lesson.search in the template, while the library is
   * on screen. */
  gtk_widget_class_install_action (widget_class, "lesson.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "lesson.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "lesson.show-more", NULL, show_more_activated);
}

void
_urok_lessons_page_init_search (UrokLessonsPage *self)
{
  g_autoptr(GtkStringList) grades = gtk_string_list_new (NULL);

  /* Position n is grade n. */
  gtk_string_list_append (grades, _("All Grades"));
  for (int grade = 1; grade <= MAX_GRADE; grade++)
    {
      g_autofree char *name = g_strdup_printf (_("Grade %d"), grade);

      gtk_string_list_append (grades, name);
    }
  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->grade_filter, G_LIST_MODEL (grades));
  self->updating_filters = FALSE;
}
