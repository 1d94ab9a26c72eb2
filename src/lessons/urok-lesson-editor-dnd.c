/* urok-lesson-editor-dnd.c: the stage list as a drop target.
 *
 * A stage dropped between two rows moves there; a resource dropped on a
 * stage's row moves to the end of that stage; files from the file manager
 * dropped on a row become media resources of that stage.  The shown
 * stage's own resource list takes drops too (urok-stage-editor.c).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-lesson-editor-private.h"
#include "urok-lesson-util.h"
#include "urok-stage-row.h"

/* The row under @y (stage list coordinates) and whether @y is in its lower
 * half; NULL between or below the rows. */
static UrokStageRow *
row_at (UrokLessonEditor *self,
        double            y,
        gboolean         *lower_half)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->stage_list, y);
  graphene_rect_t bounds;

  *lower_half = FALSE;
  if (row == NULL || !UROK_IS_STAGE_ROW (row) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->stage_list), &bounds))
    return NULL;
  *lower_half = y > bounds.origin.y + bounds.size.height / 2;
  return UROK_STAGE_ROW (row);
}

static void
clear_marks (UrokLessonEditor *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stage_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_remove_css_class (child, "drop-before");
      gtk_widget_remove_css_class (child, "drop-after");
    }
  gtk_list_box_drag_unhighlight_row (self->stage_list);
}

static gboolean
drop_carries (GtkDropTarget *target,
              GType          type)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);

  return drop != NULL && gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), type);
}

static GdkDragAction
motion_cb (GtkDropTarget    *target,
           double            x,
           double            y,
           UrokLessonEditor *self)
{
  gboolean lower;
  UrokStageRow *row = row_at (self, y, &lower);

  clear_marks (self);
  if (row == NULL)
    return 0;

  /* A stage goes between rows: mark the gap.  Anything else goes into
   * the stage: mark the row. */
  if (drop_carries (target, UROK_TYPE_STAGE))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), lower ? "drop-after" : "drop-before");
      return GDK_ACTION_MOVE;
    }
  gtk_list_box_drag_highlight_row (self->stage_list, GTK_LIST_BOX_ROW (row));
  return drop_carries (target, UROK_TYPE_RESOURCE) ? GDK_ACTION_MOVE : GDK_ACTION_COPY;
}

static void
leave_cb (GtkDropTarget    *target,
          UrokLessonEditor *self)
{
  clear_marks (self);
}

static gboolean
drop_stage (UrokLessonEditor *self,
            UrokStage        *stage,
            UrokStageRow     *row,
            gboolean          lower)
{
  int from = urok_lesson_find_stage (self->lesson, stage);
  int gap;
  int to;

  if (from < 0)
    return FALSE;
  gap = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + (lower ? 1 : 0);
  /* The gap is counted with the dragged row still in the list. */
  to = gap > from ? gap - 1 : gap;
  if (to != from)
    urok_lesson_history_move_stage (self->history, from, to);
  _urok_lesson_editor_select_stage (self, stage);
  return TRUE;
}

static gboolean
drop_resource (UrokLessonEditor *self,
               UrokResource     *resource,
               UrokStage        *to_stage)
{
  UrokStage *from_stage = NULL;
  guint from = 0;

  if (!urok_lesson_find_resource (self->lesson, urok_resource_get_uuid (resource), &from_stage, &from))
    return FALSE;
  if (from_stage != to_stage)
    urok_lesson_history_move_resource (self->history, from_stage, from, to_stage,
                                       g_list_model_get_n_items (urok_stage_get_resources (to_stage)));
  return TRUE;
}

static gboolean
drop_cb (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         UrokLessonEditor *self)
{
  gboolean lower;
  UrokStageRow *row = row_at (self, y, &lower);
  UrokStage *stage;

  clear_marks (self);
  if (self->lesson == NULL || row == NULL)
    return FALSE;
  stage = urok_stage_row_get_stage (row);

  if (G_VALUE_HOLDS (value, UROK_TYPE_STAGE) && g_value_get_object (value) != NULL)
    return drop_stage (self, g_value_get_object (value), row, lower);

  if (G_VALUE_HOLDS (value, UROK_TYPE_RESOURCE) && g_value_get_object (value) != NULL)
    return drop_resource (self, g_value_get_object (value), stage);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      _urok_lesson_editor_add_files (self, stage, g_list_model_get_n_items (urok_stage_get_resources (stage)), files);
      g_slist_free (files);
      return TRUE;
    }

  return FALSE;
}

void
_urok_lesson_editor_init_dnd (UrokLessonEditor *self)
{
  GType types[] = { UROK_TYPE_STAGE, UROK_TYPE_RESOURCE, GDK_TYPE_FILE_LIST };
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY | GDK_ACTION_MOVE);

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->stage_list), GTK_EVENT_CONTROLLER (target));
}
