/* urok-gradebook-page.c: the Grade Book section: each class group's marks.
 *
 * One class group at a time, chosen in a drop-down: a row per student with
 * the marks in date order, the weighted average and the term mark it
 * suggests.  Entering marks and attendance comes with the grade book issue.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-gradebook-page.h"
#include "urok-marks.h"
#include "urok-section-util.h"

struct _UrokGradebookPage
{
  UrokSectionPage  parent_instance;

  GListModel      *groups;
  /* The class group shown, kept by id across reloads; 0 for none. */
  gint64           group_id;
  gboolean         reloading;

  GtkStack        *stack;
  GtkDropDown     *groups_dropdown;
  GtkStack        *students_stack;
  GtkColumnView   *students_view;
};

G_DEFINE_FINAL_TYPE (UrokGradebookPage, urok_gradebook_page, UROK_TYPE_SECTION_PAGE)

static char *
group_label (UrokClassGroup *group,
             gpointer        user_data)
{
  int n_students;

  if (group == NULL)
    return NULL;
  n_students = urok_class_group_get_n_students (group);
  /* Translators: a class group in the grade book's drop-down, such as «6А · 25 students» */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d student", "%s · %d students", n_students),
                          urok_class_group_get_name (group), n_students);
}

static void
load_students (UrokGradebookPage *self)
{
  UrokStore *store = urok_section_page_get_store (UROK_SECTION_PAGE (self));
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GtkSelectionModel) selection = NULL;
  g_autoptr(GError) error = NULL;

  if (self->students_view == NULL)
    return;

  if (store != NULL && self->group_id != 0)
    records = urok_store_list_student_records (store, self->group_id, &error);
  if (error != NULL)
    g_warning ("Could not list the students: %s", error->message);

  if (records != NULL)
    selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (records)));
  gtk_column_view_set_model (self->students_view, selection);
  gtk_stack_set_visible_child_name (self->students_stack,
                                    records != NULL && g_list_model_get_n_items (records) > 0
                                    ? "students" : "no-students");
}

static void
group_selected_cb (UrokGradebookPage *self)
{
  UrokClassGroup *group;

  if (self->reloading || self->groups_dropdown == NULL)
    return;

  group = gtk_drop_down_get_selected_item (self->groups_dropdown);
  self->group_id = group != NULL ? urok_class_group_get_id (group) : 0;
  load_students (self);
}

static void
select_group (UrokGradebookPage *self,
              gint64             group_id)
{
  guint n_groups = self->groups != NULL ? g_list_model_get_n_items (self->groups) : 0;

  for (guint i = 0; i < n_groups; i++)
    {
      g_autoptr(UrokClassGroup) group = g_list_model_get_item (self->groups, i);

      if (urok_class_group_get_id (group) == group_id)
        {
          gtk_drop_down_set_selected (self->groups_dropdown, i);
          return;
        }
    }
}

static void
reload (UrokSectionPage *page)
{
  UrokGradebookPage *self = UROK_GRADEBOOK_PAGE (page);
  UrokStore *store = urok_section_page_get_store (page);
  g_autoptr(GError) error = NULL;
  gint64 group_id = self->group_id;

  /* Without a store there is nowhere to create a class group. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gradebook.new-class-group", store != NULL);

  g_clear_object (&self->groups);
  if (store != NULL)
    self->groups = urok_store_list_class_groups (store, &error);
  if (error != NULL)
    g_warning ("Could not list class groups: %s", error->message);

  /* Stay on the same class group if it still exists, else show the first. */
  self->reloading = TRUE;
  gtk_drop_down_set_model (self->groups_dropdown, self->groups);
  select_group (self, group_id);
  self->reloading = FALSE;
  group_selected_cb (self);

  gtk_stack_set_visible_child_name (self->stack,
                                    self->groups != NULL && g_list_model_get_n_items (self->groups) > 0
                                    ? "gradebook" : "empty");
}

/* The grade level is the number a class group's name starts with: «7Б» is
 * in grade 7.  Returns 0 when the name has no such number. */
static int
parse_grade_level (const char *name)
{
  guint64 grade_level;
  const char *end = name;

  while (g_ascii_isdigit (*end))
    end++;
  if (end == name || end - name > 2)
    return 0;
  grade_level = g_ascii_strtoull (name, NULL, 10);
  return grade_level >= 1 && grade_level <= 11 ? (int)grade_level : 0;
}

/* A school year runs from September to May: «2026/2027». */
static char *
current_school_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  if (g_date_time_get_month (now) >= 9)
    return g_strdup_printf ("%d/%d", year, year + 1);
  return g_strdup_printf ("%d/%d", year - 1, year);
}

static void
create_class_group (GtkWidget  *page,
                    const char *name)
{
  UrokGradebookPage *self = UROK_GRADEBOOK_PAGE (page);
  UrokStore *store = urok_section_page_get_store (UROK_SECTION_PAGE (page));
  g_autoptr(GError) error = NULL;
  g_autofree char *school_year = NULL;
  int grade_level = parse_grade_level (name);
  gint64 id;

  if (store == NULL)
    return;

  if (grade_level == 0)
    {
      urok_section_show_error (page,
                               _("Could not create the class"),
                               _("A class name starts with its grade number, from 1 to 11, as in “7Б”."));
      return;
    }

  school_year = current_school_year ();
  id = urok_store_create_class_group (store, name, grade_level, school_year, &error);
  if (id == 0)
    {
      urok_section_show_error (page, _("Could not create the class"), error->message);
      return;
    }

  /* The store's change already reloaded the list; show the new class. */
  select_group (self, id);
}

static void
new_class_group_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  urok_section_ask_name (widget,
                         _("New Class"),
                         _("What is the class called, such as “7Б”?"),
                         _("_Create"),
                         create_class_group);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                UrokGradebookPage        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
setup_marks_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                UrokGradebookPage        *self)
{
  setup_label_cb (factory, item, self);
  gtk_widget_add_css_class (gtk_list_item_get_child (item), "gradebook-marks");
}

static void
setup_number_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 UrokGradebookPage        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
setup_average_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  UrokGradebookPage        *self)
{
  setup_number_cb (factory, item, self);
  gtk_widget_add_css_class (gtk_list_item_get_child (item), "average");
}

static void
set_item_text (GtkListItem *item,
               const char  *text)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              UrokGradebookPage        *self)
{
  set_item_text (item, urok_student_record_get_full_name (gtk_list_item_get_item (item)));
}

static void
bind_marks_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               UrokGradebookPage        *self)
{
  set_item_text (item, urok_student_record_get_marks (gtk_list_item_get_item (item)));
}

static void
bind_average_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 UrokGradebookPage        *self)
{
  g_autofree char *text =
    urok_mark_format_average (urok_student_record_get_average (gtk_list_item_get_item (item)));

  set_item_text (item, text);
}

static void
bind_suggested_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   UrokGradebookPage        *self)
{
  int mark = urok_mark_suggest_period_mark (urok_student_record_get_average (gtk_list_item_get_item (item)));
  g_autofree char *text = mark > 0 ? g_strdup_printf ("%d", mark) : g_strdup ("—");

  set_item_text (item, text);
}

static void
bind_absences_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  UrokGradebookPage        *self)
{
  g_autofree char *text =
    g_strdup_printf ("%d", urok_student_record_get_n_absences (gtk_list_item_get_item (item)));

  set_item_text (item, text);
}

static void
urok_gradebook_page_dispose (GObject *object)
{
  UrokGradebookPage *self = (UrokGradebookPage *)object;

  /* The drop-down reports its last change while it goes; nothing to load. */
  self->reloading = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_GRADEBOOK_PAGE);
  g_clear_object (&self->groups);

  G_OBJECT_CLASS (urok_gradebook_page_parent_class)->dispose (object);
}

static void
urok_gradebook_page_class_init (UrokGradebookPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UrokSectionPageClass *page_class = UROK_SECTION_PAGE_CLASS (klass);

  object_class->dispose = urok_gradebook_page_dispose;

  page_class->store_detail = "gradebook";
  page_class->reload = reload;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-gradebook-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokGradebookPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UrokGradebookPage, groups_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UrokGradebookPage, students_stack);
  gtk_widget_class_bind_template_child (widget_class, UrokGradebookPage, students_view);
  gtk_widget_class_bind_template_callback (widget_class, group_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_marks_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_average_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_marks_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_average_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_suggested_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_absences_cb);

  gtk_widget_class_install_action (widget_class, "gradebook.new-class-group", NULL, new_class_group_activated);
}

static void
urok_gradebook_page_init (UrokGradebookPage *self)
{
  g_autoptr(GtkExpression) label = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gradebook.new-class-group", FALSE);

  label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (group_label), NULL, NULL);
  gtk_drop_down_set_expression (self->groups_dropdown, label);
}
