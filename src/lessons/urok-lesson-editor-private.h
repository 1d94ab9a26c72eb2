/* urok-lesson-editor-private.h: the lesson editor's state, shared by the
 * files it is split into (actions on resources, drag-and-drop, export).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-lesson-editor.h"
#include "urok-lesson-history.h"
#include "urok-stage-editor.h"
#include "urok-store-writer.h"
#include "urok-timeline.h"

G_BEGIN_DECLS

struct _UrokLessonEditor
{
  GtkWidget          parent_instance;

  UrokStore         *store;
  UrokLesson        *lesson;
  UrokLessonHistory *history;
  GListModel        *kinds;
  GListModel        *class_groups;
  GListModel        *books;
  GListModel        *tests;
  GSettings         *settings;
  /* The toast offering to undo a removal, while that is the last step. */
  AdwToast          *undo_toast;
  /* The stage shown in the details, or NULL for the lesson's own. */
  UrokStage         *selected;
  /* Codes behind the rows of the class and lesson type choosers. */
  GPtrArray         *class_group_uuids;
  GPtrArray         *lesson_type_codes;
  /* Saves go through the store's writer thread; each is numbered, and only
   * the outcome of the newest says whether the lesson is saved. */
  UrokStoreWriter   *writer;
  guint64            queued_save;
  guint64            confirmed_save;
  /* Exports running in threads, cancelled when the editor goes. */
  GCancellable      *cancellable;
  guint              n_exports;
  guint              save_source;
  /* Changed since the last copy was queued for saving. */
  gboolean           dirty;
  gboolean           save_failed;
  gboolean           updating;
  gboolean           restore_focus;

  AdwWindowTitle    *window_title;
  GtkWidget         *export_spinner;
  GtkRevealer       *banner;
  GtkLabel          *banner_label;
  UrokTimeline      *timeline;
  AdwLeaflet        *leaflet;
  GtkListBox        *lesson_list;
  AdwActionRow      *details_row;
  GtkMenuButton     *add_stage_button;
  GtkListBox        *stage_list;
  GtkWidget         *back_to_stages_button;
  GtkLabel          *details_title;
  GtkWidget         *stage_buttons;
  GtkStack          *details_stack;
  GtkScrolledWindow *lesson_scroller;
  UrokStageEditor   *stage_editor;
  AdwEntryRow       *topic_row;
  AdwEntryRow       *subject_row;
  AdwComboRow       *grade_row;
  AdwComboRow       *class_group_row;
  AdwComboRow       *lesson_type_row;
  GtkMenuButton     *date_button;
  GtkCalendar       *calendar;
  GtkSpinButton     *length_spin;
  AdwEntryRow       *tags_row;
  GtkTextView       *goals_view;
  GtkTextView       *results_view;
};

/* urok-lesson-editor.c */
void     _urok_lesson_editor_select_stage     (UrokLessonEditor *self,
                                               UrokStage        *stage);
void     _urok_lesson_editor_show_toast       (UrokLessonEditor *self,
                                               AdwToast         *toast);
void     _urok_lesson_editor_show_undo_toast  (UrokLessonEditor *self,
                                               const char       *title);
GtkWindow *_urok_lesson_editor_get_window     (UrokLessonEditor *self);

/* urok-lesson-editor-details.c: the lesson's own fields. */
void     _urok_lesson_editor_class_init_details (GtkWidgetClass *widget_class);
void     _urok_lesson_editor_init_details     (UrokLessonEditor *self);
void     _urok_lesson_editor_details_set_lesson (UrokLessonEditor *self);
void     _urok_lesson_editor_update_details_row (UrokLessonEditor *self);

/* urok-lesson-editor-resources.c: the lesson.add-*, edit-, move- and
 * remove-resource actions, and files dropped on a stage. */
void     _urok_lesson_editor_class_init_resources (GtkWidgetClass   *widget_class);
void     _urok_lesson_editor_add_files        (UrokLessonEditor *self,
                                               UrokStage        *stage,
                                               guint             position,
                                               GSList           *files);
void     _urok_lesson_editor_update_resource_actions (UrokLessonEditor *self);

/* urok-lesson-editor-boards.c: lesson.import-board-file and
 * lesson.export-board-page. */
void     _urok_lesson_editor_class_init_boards (GtkWidgetClass  *widget_class);

/* urok-lesson-editor-dnd.c: the stage list as a drop target. */
void     _urok_lesson_editor_init_dnd         (UrokLessonEditor *self);

/* urok-lesson-editor-save.c */
void     _urok_lesson_editor_update_save_status (UrokLessonEditor *self,
                                               const GError     *error);
/* Queues pending edits for the writer thread at once, without waiting. */
void     _urok_lesson_editor_queue_save       (UrokLessonEditor *self);
/* Saves and waits until the store has the lesson. */
gboolean _urok_lesson_editor_save_now         (UrokLessonEditor  *self,
                                               GError           **error);
gboolean _urok_lesson_editor_save_timeout_cb  (gpointer          user_data);

/* urok-lesson-editor-export.c: lesson.print and lesson.export-*. */
void     _urok_lesson_editor_class_init_export (GtkWidgetClass  *widget_class);

G_END_DECLS
