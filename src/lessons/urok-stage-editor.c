/* urok-stage-editor.c: the details of one stage and its resources.
 *
 * Every field edits the stage through the lesson's history, so each change
 * is undoable from anywhere in the lesson editor.  Resources are reordered
 * by dragging (or Alt+Up/Down on a focused row) and moved here from other
 * stages the same way; files dropped anywhere on the page are handed to the
 * lesson editor, which copies them into the lesson.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-stage-editor.h"
#include "urok-field-binding.h"
#include "urok-lesson-util.h"
#include "urok-resource-row.h"

struct _UrokStageEditor
{
  GtkWidget          parent_instance;

  UrokLessonHistory *history;
  UrokStage         *stage;
  GListModel        *kinds;
  GListModel        *books;
  GListModel        *tests;
  gboolean           updating;

  GtkScrolledWindow *scroller;
  AdwEntryRow       *title_row;
  AdwComboRow       *kind_row;
  GtkWidget         *kind_swatch;
  GtkSpinButton     *duration_spin;
  AdwComboRow       *pace_row;
  GtkListBox        *resource_list;
  GtkTextView       *teacher_activity_view;
  GtkTextView       *student_activity_view;
  GtkTextView       *methods_view;
  GtkTextView       *planned_results_view;
  GtkTextView       *notes_view;
};

G_DEFINE_FINAL_TYPE (UrokStageEditor, urok_stage_editor, GTK_TYPE_WIDGET)

enum {
  FILES_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

UrokStage *
urok_stage_editor_get_stage (UrokStageEditor *self)
{
  g_return_val_if_fail (UROK_IS_STAGE_EDITOR (self), NULL);
  return self->stage;
}

static GtkWidget *
create_resource_row (gpointer item,
                     gpointer user_data)
{
  UrokStageEditor *self = user_data;

  return urok_resource_row_new (item, self->books, self->tests);
}

static void
bind_resources (UrokStageEditor *self)
{
  gtk_list_box_bind_model (self->resource_list,
                           self->stage != NULL ? urok_stage_get_resources (self->stage) : NULL,
                           create_resource_row, self, NULL);
}

static void
sync_kind (UrokStageEditor *self)
{
  guint selected = GTK_INVALID_LIST_POSITION;
  g_autoptr(UrokStageKind) kind = NULL;

  if (self->stage != NULL)
    kind = urok_list_find (self->kinds, "code", urok_stage_get_kind (self->stage), &selected);

  self->updating = TRUE;
  adw_combo_row_set_selected (self->kind_row, selected);
  self->updating = FALSE;
  gtk_widget_queue_draw (self->kind_swatch);
}

static void
sync_pace (UrokStageEditor *self)
{
  gboolean student = self->stage != NULL && urok_stage_get_pace (self->stage) == UROK_STAGE_PACE_STUDENT;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->pace_row, student);
  self->updating = FALSE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->pace_row),
                               student ? _("Each student works at their own speed")
                                       : _("The class moves on together"));
}

static void
kind_selected_cb (UrokStageEditor *self)
{
  UrokStageKind *kind = adw_combo_row_get_selected_item (self->kind_row);

  if (self->updating || self->stage == NULL || kind == NULL)
    return;
  if (g_strcmp0 (urok_stage_kind_get_code (kind), urok_stage_get_kind (self->stage)) != 0)
    urok_lesson_history_set_string (self->history, G_OBJECT (self->stage), "kind",
                                    urok_stage_kind_get_code (kind));
  gtk_widget_queue_draw (self->kind_swatch);
}

static void
pace_selected_cb (UrokStageEditor *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  UrokStagePace pace = adw_combo_row_get_selected (self->pace_row) == 1
                       ? UROK_STAGE_PACE_STUDENT : UROK_STAGE_PACE_TEACHER;

  if (self->updating || self->stage == NULL || urok_stage_get_pace (self->stage) == pace)
    return;
  g_value_init (&value, UROK_TYPE_STAGE_PACE);
  g_value_set_enum (&value, pace);
  urok_lesson_history_set (self->history, G_OBJECT (self->stage), "pace", &value);
}

static void
draw_kind_swatch (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  UrokStageEditor *self = user_data;
  GdkRGBA color;

  if (self->stage == NULL || !urok_stage_kind_rgba (self->kinds, urok_stage_get_kind (self->stage), &color))
    return;
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

void
urok_stage_editor_set_stage (UrokStageEditor   *self,
                             UrokLessonHistory *history,
                             UrokStage         *stage)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->duration_spin),
    GTK_WIDGET (self->teacher_activity_view), GTK_WIDGET (self->student_activity_view),
    GTK_WIDGET (self->methods_view), GTK_WIDGET (self->planned_results_view),
    GTK_WIDGET (self->notes_view),
  };

  g_return_if_fail (UROK_IS_STAGE_EDITOR (self));
  g_return_if_fail (history == NULL || UROK_IS_LESSON_HISTORY (history));
  g_return_if_fail (stage == NULL || UROK_IS_STAGE (stage));

  if (self->stage == stage && self->history == history)
    return;

  if (self->stage != NULL)
    g_signal_handlers_disconnect_by_data (self->stage, self);
  g_set_object (&self->history, history);
  g_set_object (&self->stage, stage);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    urok_field_set_target (fields[i], history, G_OBJECT (stage));

  if (stage != NULL)
    {
      g_signal_connect_swapped (stage, "notify::kind", G_CALLBACK (sync_kind), self);
      g_signal_connect_swapped (stage, "notify::pace", G_CALLBACK (sync_pace), self);
    }
  sync_kind (self);
  sync_pace (self);
  bind_resources (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), stage != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pace_row), stage != NULL);
}

void
urok_stage_editor_set_models (UrokStageEditor *self,
                              GListModel      *kinds,
                              GListModel      *books,
                              GListModel      *tests)
{
  g_return_if_fail (UROK_IS_STAGE_EDITOR (self));

  g_set_object (&self->kinds, kinds);
  g_set_object (&self->books, books);
  g_set_object (&self->tests, tests);

  self->updating = TRUE;
  adw_combo_row_set_model (self->kind_row, kinds);
  self->updating = FALSE;
  sync_kind (self);
  /* Rows name books and tests: rebuild them with the new lists. */
  bind_resources (self);
}

static GtkWidget *
find_resource_row (UrokStageEditor *self,
                   UrokResource    *resource)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->resource_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (UROK_IS_RESOURCE_ROW (child) && urok_resource_row_get_resource (UROK_RESOURCE_ROW (child)) == resource)
      return child;
  return NULL;
}

void
urok_stage_editor_focus_resource (UrokStageEditor *self,
                                  UrokResource    *resource)
{
  GtkWidget *row;

  g_return_if_fail (UROK_IS_STAGE_EDITOR (self));

  row = find_resource_row (self, resource);
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

void
urok_stage_editor_focus_title (UrokStageEditor *self)
{
  g_return_if_fail (UROK_IS_STAGE_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

void
urok_stage_editor_scroll_to_top (UrokStageEditor *self)
{
  g_return_if_fail (UROK_IS_STAGE_EDITOR (self));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* Where a drop at (@x, @y) of the editor goes in the resource list: before
 * the row under it, or after it in its lower half; at the end outside the
 * list. */
static guint
drop_position (UrokStageEditor *self,
               double           x,
               double           y,
               GtkListBoxRow  **row_out)
{
  guint n = g_list_model_get_n_items (urok_stage_get_resources (self->stage));
  graphene_point_t point;
  graphene_rect_t bounds;
  GtkListBoxRow *row;
  guint index;

  if (row_out != NULL)
    *row_out = NULL;
  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->resource_list),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return n;
  row = gtk_list_box_get_row_at_y (self->resource_list, point.y);
  if (row == NULL || !UROK_IS_RESOURCE_ROW (row) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->resource_list), &bounds))
    return n;

  if (row_out != NULL)
    *row_out = row;
  index = gtk_list_box_row_get_index (row);
  return point.y > bounds.origin.y + bounds.size.height / 2 ? index + 1 : index;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget   *target,
                double           x,
                double           y,
                UrokStageEditor *self)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);
  GtkListBoxRow *row = NULL;

  if (self->stage == NULL)
    return 0;
  drop_position (self, x, y, &row);
  if (row != NULL)
    gtk_list_box_drag_highlight_row (self->resource_list, row);
  else
    gtk_list_box_drag_unhighlight_row (self->resource_list);

  if (drop != NULL && gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), UROK_TYPE_RESOURCE))
    return GDK_ACTION_MOVE;
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget   *target,
               UrokStageEditor *self)
{
  gtk_list_box_drag_unhighlight_row (self->resource_list);
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         UrokStageEditor *self)
{
  guint position;

  gtk_list_box_drag_unhighlight_row (self->resource_list);
  if (self->stage == NULL || self->history == NULL)
    return FALSE;
  position = drop_position (self, x, y, NULL);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      g_signal_emit (self, signals[FILES_DROPPED], 0, g_value_get_boxed (value), position);
      return TRUE;
    }

  if (G_VALUE_HOLDS (value, UROK_TYPE_RESOURCE))
    {
      UrokResource *resource = g_value_get_object (value);
      UrokLesson *lesson = urok_lesson_history_get_lesson (self->history);
      UrokStage *from_stage = NULL;
      guint from = 0;

      if (resource == NULL ||
          !urok_lesson_find_resource (lesson, urok_resource_get_uuid (resource), &from_stage, &from))
        return FALSE;

      /* Within the stage the gap is counted with the row still in place. */
      if (from_stage == self->stage)
        {
          guint to = position > from ? position - 1 : position;

          if (to != from)
            urok_lesson_history_move_resource (self->history, from_stage, from, self->stage, to);
        }
      else
        urok_lesson_history_move_resource (self->history, from_stage, from, self->stage, position);
      urok_stage_editor_focus_resource (self, resource);
      return TRUE;
    }

  return FALSE;
}

static UrokResourceRow *
focused_resource_row (UrokStageEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, UROK_TYPE_RESOURCE_ROW) : NULL;

  return row != NULL ? UROK_RESOURCE_ROW (row) : NULL;
}

/* Alt+Up/Down and Delete on a focused resource row act on that resource;
 * elsewhere in the editor the same keys mean the stage. */
static gboolean
resource_key_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  UrokStageEditor *self = user_data;
  UrokResourceRow *row = focused_resource_row (self);
  const char *action = g_variant_get_string (args, NULL);

  if (row == NULL)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), action, "s",
                                     urok_resource_get_uuid (urok_resource_row_get_resource (row)));
}

static void
add_resource_shortcut (UrokStageEditor    *self,
                       GtkEventController *controller,
                       guint               keyval,
                       GdkModifierType     modifiers,
                       const char         *action)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_callback_action_new (resource_key_cb, self, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_string (action));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
}

static void
urok_stage_editor_dispose (GObject *object)
{
  UrokStageEditor *self = (UrokStageEditor *)object;

  if (self->stage != NULL)
    g_signal_handlers_disconnect_by_data (self->stage, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_STAGE_EDITOR);
  g_clear_object (&self->stage);
  g_clear_object (&self->history);
  g_clear_object (&self->kinds);
  g_clear_object (&self->books);
  g_clear_object (&self->tests);

  G_OBJECT_CLASS (urok_stage_editor_parent_class)->dispose (object);
}

static void
urok_stage_editor_class_init (UrokStageEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_stage_editor_dispose;

  signals[FILES_DROPPED] =
    g_signal_new ("files-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, GDK_TYPE_FILE_LIST, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stage-editor");
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-stage-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokStageEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, UrokStageEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, UrokStageEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, UrokStageEditor, kind_swatch);
  gtk_widget_class_bind_template_child (widget_class, UrokStageEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, UrokStageEditor, pace_row);
  gtk_widget_class_bind_template_child (widget_class, UrokStageEditor, resource_list);
  gtk_widget_class_bind_template_child (widget_class, UrokStageEditor, teacher_activity_view);
  gtk_widget_class_bind_template_child (widget_class, UrokStageEditor, student_activity_view);
  gtk_widget_class_bind_template_child (widget_class, UrokStageEditor, methods_view);
  gtk_widget_class_bind_template_child (widget_class, UrokStageEditor, planned_results_view);
  gtk_widget_class_bind_template_child (widget_class, UrokStageEditor, notes_view);
}

static void
urok_stage_editor_init (UrokStageEditor *self)
{
  GType types[] = { UROK_TYPE_RESOURCE, GDK_TYPE_FILE_LIST };
  GtkDropTarget *target;
  GtkEventController *keys;
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  urok_field_bind (GTK_WIDGET (self->title_row), "title");
  urok_field_bind (GTK_WIDGET (self->duration_spin), "duration-minutes");
  urok_field_bind (GTK_WIDGET (self->teacher_activity_view), "teacher-activity");
  urok_field_bind (GTK_WIDGET (self->student_activity_view), "student-activity");
  urok_field_bind (GTK_WIDGET (self->methods_view), "methods");
  urok_field_bind (GTK_WIDGET (self->planned_results_view), "planned-results");
  urok_field_bind (GTK_WIDGET (self->notes_view), "notes");

  adw_combo_row_set_expression (self->kind_row,
                                gtk_property_expression_new (UROK_TYPE_STAGE_KIND, NULL, "name"));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  g_signal_connect_swapped (self->pace_row, "notify::selected", G_CALLBACK (pace_selected_cb), self);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->kind_swatch), draw_kind_swatch, self, NULL);

  placeholder = gtk_label_new (_("No resources yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "resource-placeholder");
  gtk_list_box_set_placeholder (self->resource_list, placeholder);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY | GDK_ACTION_MOVE);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  keys = gtk_shortcut_controller_new ();
  add_resource_shortcut (self, keys, GDK_KEY_Up, GDK_ALT_MASK, "lesson.move-resource-up");
  add_resource_shortcut (self, keys, GDK_KEY_Down, GDK_ALT_MASK, "lesson.move-resource-down");
  add_resource_shortcut (self, keys, GDK_KEY_Delete, 0, "lesson.remove-resource");
  gtk_widget_add_controller (GTK_WIDGET (self->resource_list), keys);
}
