/* urok-lesson-editor.c: the lesson editor: the lesson's details, its
 * stages and their resources, over a timeline of the stages.
 *
 * The editor changes the lesson only through UrokLessonHistory, so every
 * edit, from typing a title to dragging a stage, is undone by Ctrl+Z from
 * anywhere in the editor (the text widgets' own undo is off).  Whatever
 * changes the lesson, the widgets follow its signals rather than the other
 * way round.  Each change is saved to the store half a second later, by
 * the store's writer thread from a copy of the lesson, so a busy database
 * never stalls typing; closing the editor waits until the store has it.  A
 * failed save keeps the edits in memory and says so until a save succeeds.
 *
 * Split along its seams: the lesson's own details
 * (urok-lesson-editor-details.c), resources (-resources.c), drag and drop
 * (-dnd.c), printing and export (-export.c), saving (-save.c).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-lesson-editor-private.h"
#include "urok-lesson-util.h"
#include "urok-stage-row.h"

/* Well within the promised second, yet a burst of typing is one write. */
#define SAVE_DELAY_MS      500
#define NEW_STAGE_MINUTES  5

G_DEFINE_FINAL_TYPE (UrokLessonEditor, urok_lesson_editor, GTK_TYPE_WIDGET)

enum {
  CLOSE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reconcile_selection (UrokLessonEditor *self);

UrokLesson *
urok_lesson_editor_get_lesson (UrokLessonEditor *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_EDITOR (self), NULL);
  return self->lesson;
}

int
urok_lesson_editor_get_selected_stage (UrokLessonEditor *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_EDITOR (self), -1);
  return urok_lesson_find_stage (self->lesson, self->selected);
}

GtkWindow *
_urok_lesson_editor_get_window (UrokLessonEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Sections do not know the window: the nearest toast overlay shows it. */
void
_urok_lesson_editor_show_toast (UrokLessonEditor *self,
                                AdwToast         *toast)
{
  g_autoptr(AdwToast) owned = toast;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
}

static void
undo_toast_clicked_cb (UrokLessonEditor *self)
{
  if (self->history != NULL)
    urok_lesson_history_undo (self->history);
}

/* Offers to undo what was just removed.  The offer goes with the next
 * change of the lesson: its Undo would undo something else by then. */
void
_urok_lesson_editor_show_undo_toast (UrokLessonEditor *self,
                                     const char       *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_clicked_cb), self, G_CONNECT_SWAPPED);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_set_weak_pointer (&self->undo_toast, toast);
  _urok_lesson_editor_show_toast (self, toast);
}

static void
fill_add_stage_menu (UrokLessonEditor *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n = self->kinds != NULL ? g_list_model_get_n_items (self->kinds) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStageKind) kind = g_list_model_get_item (self->kinds, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (urok_stage_kind_get_name (kind), NULL);

      g_menu_item_set_action_and_target_value (item, "lesson.add-stage",
                                               g_variant_new_string (urok_stage_kind_get_code (kind)));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->add_stage_button, G_MENU_MODEL (menu));
}

/* The stages */

static GtkWidget *
create_stage_row (gpointer item,
                  gpointer user_data)
{
  UrokLessonEditor *self = user_data;

  return urok_stage_row_new (item, self->kinds);
}

static void
update_details_title (UrokLessonEditor *self)
{
  int index = urok_lesson_find_stage (self->lesson, self->selected);

  if (index >= 0)
    {
      guint n = g_list_model_get_n_items (urok_lesson_get_stages (self->lesson));
      g_autofree char *title = g_strdup_printf (_("Stage %d of %u"), index + 1, n);

      gtk_label_set_text (self->details_title, title);
    }
  else
    gtk_label_set_text (self->details_title, _("About the Lesson"));
}

static void
update_stage_actions (UrokLessonEditor *self)
{
  int index = urok_lesson_find_stage (self->lesson, self->selected);
  int n = self->lesson != NULL ? (int)g_list_model_get_n_items (urok_lesson_get_stages (self->lesson)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.remove-stage", index >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.move-stage-up", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.move-stage-down", index >= 0 && index < n - 1);
  gtk_widget_set_visible (self->stage_buttons, index >= 0);
  _urok_lesson_editor_update_resource_actions (self);
}

void
_urok_lesson_editor_select_stage (UrokLessonEditor *self,
                                  UrokStage        *stage)
{
  int index = urok_lesson_find_stage (self->lesson, stage);
  gboolean changed;

  if (index < 0)
    stage = NULL;
  changed = self->selected != stage;
  g_set_object (&self->selected, stage);

  self->updating = TRUE;
  if (stage != NULL)
    {
      gtk_list_box_select_row (self->stage_list, gtk_list_box_get_row_at_index (self->stage_list, index));
      gtk_list_box_unselect_all (self->lesson_list);
    }
  else
    {
      gtk_list_box_unselect_all (self->stage_list);
      gtk_list_box_select_row (self->lesson_list, GTK_LIST_BOX_ROW (self->details_row));
    }
  self->updating = FALSE;

  urok_timeline_set_selected (self->timeline, index);
  urok_stage_editor_set_stage (self->stage_editor, stage != NULL ? self->history : NULL, stage);
  gtk_stack_set_visible_child_name (self->details_stack, stage != NULL ? "stage" : "lesson");
  if (changed && stage != NULL)
    urok_stage_editor_scroll_to_top (self->stage_editor);
  update_details_title (self);
  update_stage_actions (self);
}

/* Shows the details on a narrow window, where the leaflet is folded. */
static void
show_details (UrokLessonEditor *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

static void
back_to_stages_cb (UrokLessonEditor *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

static void
stage_row_selected_cb (UrokLessonEditor *self,
                       GtkListBoxRow    *row)
{
  /* Rows vanish and reappear as the list changes; only the teacher's
   * choice of a row counts. */
  if (self->updating || row == NULL || !UROK_IS_STAGE_ROW (row))
    return;
  _urok_lesson_editor_select_stage (self, urok_stage_row_get_stage (UROK_STAGE_ROW (row)));
}

static void
stage_row_activated_cb (UrokLessonEditor *self,
                        GtkListBoxRow    *row)
{
  stage_row_selected_cb (self, row);
  show_details (self);
}

static void
timeline_stage_activated_cb (UrokLessonEditor *self,
                             int               index)
{
  g_autoptr(UrokStage) stage = NULL;

  if (self->lesson == NULL || index < 0)
    return;
  stage = g_list_model_get_item (urok_lesson_get_stages (self->lesson), index);
  _urok_lesson_editor_select_stage (self, stage);
  show_details (self);
}

/* After stages were added, removed or moved (a move may arrive as a
 * removal and an insertion), once the list has its rows again: keep the
 * shown stage selected, or show a neighbour of a removed one. */
static gboolean
reconcile_idle_cb (gpointer user_data)
{
  UrokLessonEditor *self = user_data;

  g_object_steal_data (G_OBJECT (self), "reconcile-source");
  reconcile_selection (self);
  return G_SOURCE_REMOVE;
}

static void
reconcile_selection (UrokLessonEditor *self)
{
  GListModel *stages;
  guint n;
  guint hint = GPOINTER_TO_UINT (g_object_steal_data (G_OBJECT (self), "removed-at"));
  GtkWidget *row;

  if (self->lesson == NULL)
    return;
  stages = urok_lesson_get_stages (self->lesson);
  n = g_list_model_get_n_items (stages);

  if (self->selected != NULL && urok_lesson_find_stage (self->lesson, self->selected) < 0)
    {
      g_autoptr(UrokStage) neighbour = n > 0 ? g_list_model_get_item (stages, MIN (hint, n - 1)) : NULL;
      _urok_lesson_editor_select_stage (self, neighbour);
    }
  else
    _urok_lesson_editor_select_stage (self, self->selected);

  /* A row moved with Alt+Up/Down keeps the keyboard focus. */
  row = GTK_WIDGET (gtk_list_box_get_selected_row (self->stage_list));
  if (self->restore_focus && row != NULL)
    gtk_widget_grab_focus (row);
  self->restore_focus = FALSE;
}

static void
stages_changed_cb (GListModel       *stages,
                   guint             position,
                   guint             removed,
                   guint             added,
                   UrokLessonEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stage_list)))
    self->restore_focus = TRUE;
  if (removed > 0 && g_object_get_data (G_OBJECT (self), "removed-at") == NULL)
    g_object_set_data (G_OBJECT (self), "removed-at", GUINT_TO_POINTER (position));
  if (g_object_get_data (G_OBJECT (self), "reconcile-source") == NULL)
    g_object_set_data (G_OBJECT (self), "reconcile-source",
                       GUINT_TO_POINTER (g_idle_add_full (G_PRIORITY_HIGH_IDLE, reconcile_idle_cb, self, NULL)));
  update_details_title (self);
  update_stage_actions (self);
}

/* The lesson */

static void
lesson_changed_cb (UrokLessonEditor *self)
{
  if (self->undo_toast != NULL)
    {
      adw_toast_dismiss (self->undo_toast);
      g_clear_weak_pointer (&self->undo_toast);
    }
  self->dirty = TRUE;
  _urok_lesson_editor_update_save_status (self, NULL);
  _urok_lesson_editor_update_details_row (self);
  if (self->save_source == 0)
    self->save_source = g_timeout_add (SAVE_DELAY_MS, _urok_lesson_editor_save_timeout_cb, self);
}

static void
history_notify_cb (UrokLessonEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.undo",
                                 self->history != NULL && urok_lesson_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.redo",
                                 self->history != NULL && urok_lesson_history_get_can_redo (self->history));
}

static GListModel *
load_list (UrokStore   *store,
           GListModel *(*list) (UrokStore *, GError **),
           const char  *what)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = list (store, &error);

  if (model == NULL)
    g_warning ("Could not list %s: %s", what, error->message);
  return model;
}

static void
disconnect_lesson (UrokLessonEditor *self)
{
  guint source = GPOINTER_TO_UINT (g_object_steal_data (G_OBJECT (self), "reconcile-source"));

  if (source != 0)
    g_source_remove (source);
  g_object_steal_data (G_OBJECT (self), "removed-at");
  if (self->lesson != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->lesson, self);
      g_signal_handlers_disconnect_by_data (urok_lesson_get_stages (self->lesson), self);
    }
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
}

static void
set_lesson (UrokLessonEditor *self,
            UrokStore        *store,
            UrokLesson       *lesson)
{
  disconnect_lesson (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->dirty = FALSE;
  self->save_failed = FALSE;
  _urok_lesson_editor_select_stage (self, NULL);

  g_set_object (&self->store, store);
  g_set_object (&self->lesson, lesson);
  g_clear_object (&self->writer);
  if (store != NULL)
    self->writer = g_object_ref (urok_store_writer_get (store));
  /* Saves of the previous lesson still under way say nothing of this one. */
  self->confirmed_save = ++self->queued_save;
  g_clear_object (&self->history);
  g_clear_object (&self->kinds);
  g_clear_object (&self->class_groups);
  g_clear_object (&self->books);
  g_clear_object (&self->tests);

  if (lesson != NULL)
    {
      self->history = urok_lesson_history_new (lesson);
      self->kinds = load_list (store, urok_store_list_stage_kinds, "stage kinds");
      if (self->kinds == NULL)
        self->kinds = urok_stage_kinds_built_in ();
      self->class_groups = load_list (store, urok_store_list_class_groups, "class groups");
      self->books = load_list (store, urok_store_list_books, "books");
      self->tests = load_list (store, urok_store_list_tests, "tests");
    }

  fill_add_stage_menu (self);
  urok_stage_editor_set_models (self->stage_editor, self->kinds, self->books, self->tests);
  urok_timeline_set_stage_kinds (self->timeline, self->kinds);
  urok_timeline_set_lesson (self->timeline, lesson);

  gtk_list_box_bind_model (self->stage_list, lesson != NULL ? urok_lesson_get_stages (lesson) : NULL,
                           create_stage_row, self, NULL);

  if (lesson != NULL)
    {
      /* After bind_model, so that the list has its new rows by then. */
      g_signal_connect (urok_lesson_get_stages (lesson), "items-changed", G_CALLBACK (stages_changed_cb), self);
      g_signal_connect_swapped (lesson, "changed", G_CALLBACK (lesson_changed_cb), self);
      g_signal_connect_swapped (self->history, "notify::can-undo", G_CALLBACK (history_notify_cb), self);
      g_signal_connect_swapped (self->history, "notify::can-redo", G_CALLBACK (history_notify_cb), self);
    }

  _urok_lesson_editor_details_set_lesson (self);
  _urok_lesson_editor_update_save_status (self, NULL);
  history_notify_cb (self);
  _urok_lesson_editor_select_stage (self, NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->lesson_scroller), 0);

  for (guint i = 0; i < 7; i++)
    {
      static const char *const actions[] = {
        "lesson.save", "lesson.print", "lesson.export-pdf", "lesson.export-odt",
        "lesson.export-package", "lesson.export-cartridge", "lesson.export-cartridge-1-3",
      };

      gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], lesson != NULL);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.add-stage", lesson != NULL);
}

gboolean
urok_lesson_editor_open (UrokLessonEditor  *self,
                         UrokStore         *store,
                         const char        *uuid,
                         GError           **error)
{
  g_autoptr(UrokLesson) lesson = NULL;

  g_return_val_if_fail (UROK_IS_LESSON_EDITOR (self), FALSE);
  g_return_val_if_fail (UROK_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  /* The previous lesson's edits are not dropped for a failed save. */
  if (!_urok_lesson_editor_save_now (self, error))
    return FALSE;

  lesson = urok_store_load_lesson (store, uuid, error);
  if (lesson == NULL)
    return FALSE;
  set_lesson (self, store, lesson);
  return TRUE;
}

/* Actions */

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);

  /* On a failed save the banner says why and the lesson stays open. */
  if (_urok_lesson_editor_save_now (self, NULL))
    g_signal_emit (self, signals[CLOSE_REQUESTED], 0);
}

/* The lesson as the class will see it: saved first, so the presentation
 * (which loads it from the store) shows the newest stages. */
static void
present_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);

  /* On a failed save the banner says why, and nothing older is shown. */
  if (self->lesson == NULL || !_urok_lesson_editor_save_now (self, NULL))
    return;
  gtk_widget_activate_action (widget, "win.present-lesson", "s", urok_lesson_get_uuid (self->lesson));
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);

  /* A retry after an error saves even without a new change. */
  if (self->lesson != NULL)
    self->dirty = TRUE;
  _urok_lesson_editor_save_now (self, NULL);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);

  if (self->history != NULL)
    urok_lesson_history_undo (self->history);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);

  if (self->history != NULL)
    urok_lesson_history_redo (self->history);
}

static void
show_details_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);

  _urok_lesson_editor_select_stage (self, NULL);
  show_details (self);
}

static void
select_stage_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  int index = g_variant_get_int32 (parameter);
  g_autoptr(UrokStage) stage = NULL;

  if (self->lesson != NULL && index >= 0)
    stage = g_list_model_get_item (urok_lesson_get_stages (self->lesson), index);
  _urok_lesson_editor_select_stage (self, stage);
  show_details (self);
}

/* Without a kind named, a new stage is of the kind that usually follows
 * the shown one (the built-in kinds are listed in lesson order). */
static char *
next_kind_code (UrokLessonEditor *self)
{
  guint n = self->kinds != NULL ? g_list_model_get_n_items (self->kinds) : 0;
  guint next = 0;

  for (guint i = 0; i < n && self->selected != NULL; i++)
    {
      g_autoptr(UrokStageKind) kind = g_list_model_get_item (self->kinds, i);

      if (g_strcmp0 (urok_stage_kind_get_code (kind), urok_stage_get_kind (self->selected)) == 0)
        next = MIN (i + 1, n - 1);
    }
  if (n == 0)
    return g_strdup ("");
  {
    g_autoptr(UrokStageKind) kind = g_list_model_get_item (self->kinds, next);
    return g_strdup (urok_stage_kind_get_code (kind));
  }
}

static void
add_stage_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  g_autofree char *code = g_variant_dup_string (parameter, NULL);
  g_autoptr(UrokStageKind) kind = NULL;
  g_autoptr(UrokStage) stage = NULL;
  int index;

  if (self->lesson == NULL)
    return;
  if (*code == '\0')
    {
      g_free (code);
      code = next_kind_code (self);
    }
  kind = urok_stage_kind_lookup (self->kinds, code);
  index = urok_lesson_find_stage (self->lesson, self->selected);

  stage = urok_stage_new (kind != NULL ? urok_stage_kind_get_name (kind) : _("New stage"), NEW_STAGE_MINUTES);
  urok_stage_set_kind (stage, code);
  urok_lesson_history_insert_stage (self->history,
                                    index >= 0 ? (guint)index + 1
                                               : g_list_model_get_n_items (urok_lesson_get_stages (self->lesson)),
                                    stage);
  _urok_lesson_editor_select_stage (self, stage);
  show_details (self);
  urok_stage_editor_focus_title (self->stage_editor);
}

static void
remove_stage_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  int index = urok_lesson_find_stage (self->lesson, self->selected);
  g_autofree char *title = NULL;

  if (index < 0)
    return;
  title = g_markup_printf_escaped (_("Stage “%s” removed"), urok_stage_get_title (self->selected));
  urok_lesson_history_remove_stage (self->history, index);
  _urok_lesson_editor_show_undo_toast (self, title);
}

static void
move_stage (UrokLessonEditor *self,
            int               delta)
{
  int index = urok_lesson_find_stage (self->lesson, self->selected);
  int n = self->lesson != NULL ? (int)g_list_model_get_n_items (urok_lesson_get_stages (self->lesson)) : 0;

  if (index < 0 || index + delta < 0 || index + delta >= n)
    return;
  urok_lesson_history_move_stage (self->history, index, index + delta);
}

static void
move_stage_up_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  move_stage (UROK_LESSON_EDITOR (widget), -1);
}

static void
move_stage_down_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  move_stage (UROK_LESSON_EDITOR (widget), 1);
}

static void
stage_files_dropped_cb (UrokLessonEditor *self,
                        GdkFileList      *files,
                        guint             position)
{
  GSList *list = gdk_file_list_get_files (files);

  _urok_lesson_editor_add_files (self, self->selected, position, list);
  g_slist_free (list);
}

static void
urok_lesson_editor_dispose (GObject *object)
{
  UrokLessonEditor *self = (UrokLessonEditor *)object;

  /* Edits never wait for a timer that will not run. */
  _urok_lesson_editor_save_now (self, NULL);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  disconnect_lesson (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_LESSON_EDITOR);
  /* The template's outer box is not a bound child, which the call above
   * would have unparented. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  g_clear_weak_pointer (&self->undo_toast);
  g_clear_object (&self->selected);
  g_clear_object (&self->history);
  g_clear_object (&self->lesson);
  g_clear_object (&self->store);
  g_clear_object (&self->writer);
  g_clear_object (&self->kinds);
  g_clear_object (&self->class_groups);
  g_clear_object (&self->books);
  g_clear_object (&self->tests);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->class_group_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->lesson_type_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (urok_lesson_editor_parent_class)->dispose (object);
}

static void
urok_lesson_editor_class_init (UrokLessonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_lesson_editor_dispose;

  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (UROK_TYPE_TIMELINE);
  g_type_ensure (UROK_TYPE_STAGE_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lesson-editor");
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-lesson-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, banner);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, timeline);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, lesson_list);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, details_row);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, add_stage_button);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, stage_list);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, back_to_stages_button);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, details_title);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, stage_buttons);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, details_stack);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, lesson_scroller);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, stage_editor);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, topic_row);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, grade_row);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, class_group_row);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, lesson_type_row);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, length_spin);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, goals_view);
  gtk_widget_class_bind_template_child (widget_class, UrokLessonEditor, results_view);
  gtk_widget_class_bind_template_callback (widget_class, back_to_stages_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_files_dropped_cb);

  gtk_widget_class_install_action (widget_class, "lesson.close", NULL, close_activated);
  gtk_widget_class_install_action (widget_class, "lesson.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "lesson.present", NULL, present_activated);
  gtk_widget_class_install_action (widget_class, "lesson.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "lesson.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "lesson.show-details", NULL, show_details_activated);
  gtk_widget_class_install_action (widget_class, "lesson.select-stage", "i", select_stage_activated);
  gtk_widget_class_install_action (widget_class, "lesson.add-stage", "s", add_stage_activated);
  gtk_widget_class_install_action (widget_class, "lesson.remove-stage", NULL, remove_stage_activated);
  gtk_widget_class_install_action (widget_class, "lesson.move-stage-up", NULL, move_stage_up_activated);
  gtk_widget_class_install_action (widget_class, "lesson.move-stage-down", NULL, move_stage_down_activated);
  _urok_lesson_editor_class_init_details (widget_class);
  _urok_lesson_editor_class_init_resources (widget_class);
  _urok_lesson_editor_class_init_boards (widget_class);
  _urok_lesson_editor_class_init_export (widget_class);

  /* Widget shortcuts: they work while focus is anywhere in the editor,
   * after the focused widget had its turn (a text field keeps its own
   * keys; with their undo off, Ctrl+Z reaches these).  Every one is listed
   * in resources/help-overlay.ui, which a test checks. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "lesson.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "lesson.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "lesson.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "lesson.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "lesson.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "lesson.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "lesson.move-stage-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "lesson.move-stage-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "lesson.add-stage", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "lesson.print", NULL);
}

static void
urok_lesson_editor_init (UrokLessonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  _urok_lesson_editor_init_details (self);

  g_signal_connect_swapped (self->stage_list, "row-selected", G_CALLBACK (stage_row_selected_cb), self);
  g_signal_connect_swapped (self->stage_list, "row-activated", G_CALLBACK (stage_row_activated_cb), self);
  g_signal_connect_swapped (self->timeline, "stage-activated", G_CALLBACK (timeline_stage_activated_cb), self);
  g_object_bind_property (self->leaflet, "folded", self->back_to_stages_button, "visible", G_BINDING_SYNC_CREATE);

  {
    GtkWidget *placeholder = gtk_label_new (_("No stages yet: add the first one"));

    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_add_css_class (placeholder, "stage-placeholder");
    gtk_list_box_set_placeholder (self->stage_list, placeholder);
  }

  _urok_lesson_editor_init_dnd (self);
  set_lesson (self, NULL, NULL);
}
