/* urok-lesson-editor.h: the lesson editor: header fields, the stage list
 * with its details and resources, the timeline; undoable, autosaved.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-store.h"

G_BEGIN_DECLS

#define UROK_TYPE_LESSON_EDITOR (urok_lesson_editor_get_type ())

G_DECLARE_FINAL_TYPE (UrokLessonEditor, urok_lesson_editor, UROK, LESSON_EDITOR, GtkWidget)

/* Loads lesson @uuid from @store for editing; returns FALSE with @error if
 * it cannot be loaded.  Pending edits of the previous lesson are saved
 * first. */
gboolean    urok_lesson_editor_open   (UrokLessonEditor  *self,
                                       UrokStore         *store,
                                       const char        *uuid,
                                       GError           **error);
/* Saves pending edits now (autosave does so within a second anyway). */
gboolean    urok_lesson_editor_flush  (UrokLessonEditor  *self,
                                       GError           **error);
/* The lesson being edited, or NULL. */
UrokLesson *urok_lesson_editor_get_lesson (UrokLessonEditor *self);
/* The position of the stage shown, or -1 when the lesson's own details
 * are (action lesson.select-stage changes it). */
int         urok_lesson_editor_get_selected_stage (UrokLessonEditor *self);

typedef enum
{
  UROK_LESSON_EXPORT_PDF,       /* the lesson plan */
  UROK_LESSON_EXPORT_ODT,       /* the lesson plan, for a word processor */
  UROK_LESSON_EXPORT_PACKAGE,   /* .urok, everything the lesson uses */
  UROK_LESSON_EXPORT_CARTRIDGE, /* .imscc, Common Cartridge 1.1: what Moodle imports */
  UROK_LESSON_EXPORT_CARTRIDGE_1_3, /* .imscc, Common Cartridge 1.3 (other LMSs) */
} UrokLessonExport;

/* What the lesson.export-* actions do once a file is chosen: writes @file
 * in a thread from a copy of the lesson as it is now (pending edits are
 * queued for saving too).  Cancelled when the editor goes. */
void        urok_lesson_editor_export_async  (UrokLessonEditor    *self,
                                              UrokLessonExport     format,
                                              GFile               *file,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean    urok_lesson_editor_export_finish (UrokLessonEditor    *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* What lesson.import-board-file does once a file is chosen: every page of
 * @file (Xournal++ .xopp, IWB .iwb, PDF: its pages as backgrounds) becomes
 * a board_page resource at the end of the shown stage, in one undoable
 * step, or, if any of it cannot be read, nothing does and the error says
 * why.  The file is read and converted in a thread. */
void        urok_lesson_editor_import_board_file_async  (UrokLessonEditor    *self,
                                                         GFile               *file,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean    urok_lesson_editor_import_board_file_finish (UrokLessonEditor    *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
/* What lesson.export-board-page does once a file is chosen: writes the
 * board page of resource @resource_uuid to @file, as PDF, SVG or PNG by
 * its extension, in a thread. */
void        urok_lesson_editor_export_board_page_async  (UrokLessonEditor    *self,
                                                         const char          *resource_uuid,
                                                         GFile               *file,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean    urok_lesson_editor_export_board_page_finish (UrokLessonEditor    *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
/* The print operation of lesson.print, set up (A4 landscape, the plan's
 * layout) but not run: the action runs it with the print dialog, tests in
 * export mode. */
GtkPrintOperation *urok_lesson_editor_new_print_operation (UrokLessonEditor *self);

/* Signal "close-requested": the teacher asked to go back to the list
 * (action lesson.close); the page switches views. */

G_END_DECLS
