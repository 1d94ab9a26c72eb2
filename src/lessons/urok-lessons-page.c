/* urok-lessons-page.c: the Lessons section: the lesson library and editor.
 *
 * The library finds a lesson (search in topics and stage texts, filters by
 * subject, grade and tag, sorting) among the teacher's lessons or templates;
 * opening one shows it in the editor, which hands back with
 * "close-requested".  New lessons start from a blank lesson or a template.
 *
 * Split along its seams: search and filters (urok-lessons-page-search.c),
 * the commands on a lesson (-actions.c), importing packages (-import.c).
 *
 * Deleting is delayed, not undone: the lesson stays in the store, hidden,
 * until its toast goes away, so "Undo" only has to show it again, and
 * quitting or a crash meanwhile loses nothing (the lesson is still there).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-lesson-row.h"
#include "urok-lessons-page-private.h"
#include "urok-section-util.h"

G_DEFINE_FINAL_TYPE (UrokLessonsPage, urok_lessons_page, UROK_TYPE_SECTION_PAGE)

enum {
  PROP_0,
  PROP_COLLECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The actions that need a store. */
static const char *const store_actions[] = {
  "lesson.new", "lesson.new-from-template", "lesson.open", "lesson.duplicate",
  "lesson.save-as-template", "lesson.delete", "lesson.import-package",
};

static void set_collection (UrokLessonsPage *self,
                            const char      *collection);

UrokStore *
_urok_lessons_page_get_store (UrokLessonsPage *self)
{
  return urok_section_page_get_store (UROK_SECTION_PAGE (self));
}

gboolean
_urok_lessons_page_showing_templates (UrokLessonsPage *self)
{
  return g_strcmp0 (self->collection, "templates") == 0;
}

gboolean
_urok_lessons_page_showing (UrokLessonsPage *self,
                            const char      *view)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), view) == 0;
}

/* Going into the editor and back is navigation, and slides; the library
 * and the empty state replace each other in place. */
void
_urok_lessons_page_show_view (UrokLessonsPage *self,
                              const char      *view)
{
  gboolean navigating = g_str_equal (view, "editor") || _urok_lessons_page_showing (self, "editor");

  if (_urok_lessons_page_showing (self, view))
    return;
  gtk_stack_set_transition_type (self->stack,
                                 navigating ? GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT
                                            : GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_set_visible_child_name (self->stack, view);
}

static void
reload (UrokSectionPage *page)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (page);
  UrokStore *store = urok_section_page_get_store (page);

  for (guint i = 0; i < G_N_ELEMENTS (store_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), store_actions[i], store != NULL);

  if (store == NULL)
    {
      g_clear_object (&self->results);
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      _urok_lessons_page_show_view (self, "empty");
      return;
    }

  /* The editor autosaves every second; the library catches up when it is
   * shown again. */
  if (_urok_lessons_page_showing (self, "editor"))
    return;
  _urok_lessons_page_refresh (self);
}

/* Deleting, delayed until the toast goes. */

/* Opening and importing */

/* New lessons */

/* The other commands on a lesson */

/* Template callbacks */

static void
row_activated_cb (UrokLessonsPage *self,
                  GtkListBoxRow   *row)
{
  if (UROK_IS_LESSON_ROW (row))
    gtk_widget_activate_action (GTK_WIDGET (self), "lesson.open", "s", urok_lesson_row_get_uuid (UROK_LESSON_ROW (row)));
}

static void
editor_close_requested_cb (UrokLessonsPage *self)
{
  UrokLesson *lesson = urok_lesson_editor_get_lesson (self->editor);
  g_autofree char *uuid = lesson != NULL ? g_strdup (urok_lesson_get_uuid (lesson)) : NULL;
  g_autoptr(GError) error = NULL;

  /* Unsaved edits keep the editor open: nothing is lost behind the list. */
  if (!urok_lesson_editor_flush (self->editor, &error))
    {
      urok_section_show_error (GTK_WIDGET (self), _("Could not save the lesson"), error->message);
      return;
    }
  _urok_lessons_page_show_view (self, "library");
  /* Back among its own kind, lessons or templates, to find it again. */
  if (lesson != NULL)
    set_collection (self, urok_lesson_get_is_template (lesson) ? "templates" : "lessons");
  _urok_lessons_page_refresh (self);
  if (uuid != NULL)
    _urok_lessons_page_focus_row (self, uuid);
}

/* GObject */

static void
set_collection (UrokLessonsPage *self,
                const char      *collection)
{
  if (g_strcmp0 (collection, "templates") != 0)
    collection = "lessons";
  if (g_strcmp0 (self->collection, collection) == 0)
    return;

  g_free (self->collection);
  self->collection = g_strdup (collection);
  self->limit = PAGE_SIZE;
  _urok_lessons_page_requery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLECTION]);
}

static void
urok_lessons_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_string (value, self->collection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_lessons_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UrokLessonsPage *self = UROK_LESSONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      set_collection (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_lessons_page_dispose (GObject *object)
{
  UrokLessonsPage *self = (UrokLessonsPage *)object;

  _urok_lessons_page_keep_pending_deletes (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
    }
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_LESSONS_PAGE);
  g_clear_object (&self->chooser);
  g_clear_object (&self->results);
  g_clear_pointer (&self->pending_deletes, g_hash_table_unref);

  G_OBJECT_CLASS (urok_lessons_page_parent_class)->dispose (object);
}

static void
urok_lessons_page_finalize (GObject *object)
{
  UrokLessonsPage *self = (UrokLessonsPage *)object;

  g_clear_pointer (&self->collection, g_free);

  G_OBJECT_CLASS (urok_lessons_page_parent_class)->finalize (object);
}

static void
urok_lessons_page_class_init (UrokLessonsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  UrokSectionPageClass *page_class = UROK_SECTION_PAGE_CLASS (klass);

  object_class->dispose = urok_lessons_page_dispose;
  object_class->finalize = urok_lessons_page_finalize;
  object_class->get_property = urok_lessons_page_get_property;
  object_class->set_property = urok_lessons_page_set_property;

  page_class->store_detail = "lessons";
  page_class->reload = reload;

  /* What the library lists: "lessons" or "templates". */
  properties[PROP_COLLECTION] =
    g_param_spec_string ("collection", NULL, NULL,
                         "lessons",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UROK_TYPE_LESSON_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-lessons-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, subject_filter);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, grade_filter);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, list);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_close_requested_cb);

  _urok_lessons_page_class_init_search (widget_class);
  _urok_lessons_page_class_init_actions (widget_class);
  _urok_lessons_page_class_init_import (widget_class);
  gtk_widget_class_install_property_action (widget_class, "lesson.collection", "collection");
}

static void
urok_lessons_page_init (UrokLessonsPage *self)
{
  self->collection = g_strdup ("lessons");
  self->limit = PAGE_SIZE;
  self->pending_deletes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  _urok_lessons_page_init_search (self);

  for (guint i = 0; i < G_N_ELEMENTS (store_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), store_actions[i], FALSE);
}
