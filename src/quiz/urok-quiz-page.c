/* urok-quiz-page.c: the Tests section: the tests the teacher designs.
 *
 * Lists the tests in the store and creates new ones.  The question editor,
 * variants and answer sheets live in their own widgets (test issue).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "urok-quiz-page.h"
#include "urok-section-util.h"

struct _UrokQuizPage
{
  UrokSectionPage  parent_instance;

  GListModel      *tests;

  GtkStack        *stack;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (UrokQuizPage, urok_quiz_page, UROK_TYPE_SECTION_PAGE)

/* The number that picks the plural form for @points.  A fraction takes the
 * form of 2 in both English and Russian («1,5 балла», "1.5 points"). */
static gulong
points_plural (double points)
{
  if (points == floor (points) && points >= 0 && points < 1e9)
    return (gulong)points;
  return 2;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  UrokTestInfo *test = item;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *subject = urok_test_info_get_subject (test);
  int grade_level = urok_test_info_get_grade_level (test);
  int n_questions = urok_test_info_get_n_questions (test);
  double points = urok_test_info_get_points (test);
  GtkWidget *row = adw_action_row_new ();

  if (*subject != '\0')
    g_string_append_printf (subtitle, "%s · ", subject);
  if (grade_level > 0)
    g_string_append_printf (subtitle, _("grade %d · "), grade_level);
  g_string_append_printf (subtitle,
                          g_dngettext (GETTEXT_PACKAGE, "%d question", "%d questions", n_questions),
                          n_questions);
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle,
                          /* Translators: a test's total score; a fraction such as 1.5 takes the form of 2 */
                          g_dngettext (GETTEXT_PACKAGE, "%g point", "%g points", points_plural (points)),
                          points);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), urok_test_info_get_title (test));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
  /* Nothing opens a test until the editor exists (test issue). */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
reload (UrokSectionPage *page)
{
  UrokQuizPage *self = UROK_QUIZ_PAGE (page);
  UrokStore *store = urok_section_page_get_store (page);
  g_autoptr(GError) error = NULL;

  /* Without a store there is nowhere to create a test. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.new", store != NULL);

  g_clear_object (&self->tests);
  if (store != NULL)
    self->tests = urok_store_list_tests (store, &error);
  if (error != NULL)
    g_warning ("Could not list tests: %s", error->message);

  gtk_list_box_bind_model (self->list, self->tests, create_row, self, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->tests != NULL && g_list_model_get_n_items (self->tests) > 0
                                    ? "list" : "empty");
}

static void
create_test (GtkWidget  *page,
             const char *title)
{
  UrokStore *store = urok_section_page_get_store (UROK_SECTION_PAGE (page));
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;
  if (urok_store_create_test (store, title, &error) == 0)
    urok_section_show_error (page, _("Could not create the test"), error->message);
}

static void
new_test_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  urok_section_ask_name (widget,
                         _("New Test"),
                         _("What is the test called?"),
                         _("_Create"),
                         create_test);
}

static void
urok_quiz_page_dispose (GObject *object)
{
  UrokQuizPage *self = (UrokQuizPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_QUIZ_PAGE);
  g_clear_object (&self->tests);

  G_OBJECT_CLASS (urok_quiz_page_parent_class)->dispose (object);
}

static void
urok_quiz_page_class_init (UrokQuizPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UrokSectionPageClass *page_class = UROK_SECTION_PAGE_CLASS (klass);

  object_class->dispose = urok_quiz_page_dispose;

  page_class->store_detail = "tests";
  page_class->reload = reload;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-quiz-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokQuizPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UrokQuizPage, list);

  gtk_widget_class_install_action (widget_class, "quiz.new", NULL, new_test_activated);
}

static void
urok_quiz_page_init (UrokQuizPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.new", FALSE);
}
