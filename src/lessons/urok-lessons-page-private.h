/* urok-lessons-page-private.h: the Lessons page's state, shared by the files
 * it is split into: the library's search and filters (-search.c), the
 * commands on a lesson (-actions.c) and importing packages (-import.c).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-lesson-editor.h"
#include "urok-lessons-page.h"

G_BEGIN_DECLS

/* Rows shown at first and added by "Show More": a boxed list is meant for
 * what a teacher scrolls through, not for ten thousand rows. */
#define PAGE_SIZE 100
#define MAX_GRADE 11

struct _UrokLessonsPage
{
  UrokSectionPage       parent_instance;

  GListModel           *results;
  /* uuid → AdwToast of each lesson deleted but not yet gone from the store. */
  GHashTable           *pending_deletes;
  char                 *collection;
  guint                 limit;
  gboolean              updating_filters;
  GtkFileChooserNative *chooser;
  /* Imports under way; cancelled when the page goes. */
  GCancellable         *cancellable;

  GtkStack             *stack;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *subject_filter;
  GtkDropDown          *grade_filter;
  GtkDropDown          *tag_filter;
  GtkDropDown          *sort_dropdown;
  GtkStack             *results_stack;
  GtkListBox           *list;
  GtkWidget            *more_button;
  UrokLessonEditor     *editor;
};

/* urok-lessons-page.c */
UrokStore *_urok_lessons_page_get_store        (UrokLessonsPage *self);
gboolean   _urok_lessons_page_showing_templates (UrokLessonsPage *self);
gboolean   _urok_lessons_page_showing          (UrokLessonsPage *self,
                                                const char      *view);
void       _urok_lessons_page_show_view        (UrokLessonsPage *self,
                                                const char      *view);

/* urok-lessons-page-search.c: lesson.search, clear-filters, show-more. */
void       _urok_lessons_page_class_init_search (GtkWidgetClass *widget_class);
void       _urok_lessons_page_init_search      (UrokLessonsPage *self);
/* The list again, as the filters ask. */
void       _urok_lessons_page_requery          (UrokLessonsPage *self);
/* The store changed: what the filters offer and what they find. */
void       _urok_lessons_page_refresh          (UrokLessonsPage *self);

/* urok-lessons-page-actions.c: lesson.new, open, duplicate, delete... */
void       _urok_lessons_page_class_init_actions (GtkWidgetClass *widget_class);
void       _urok_lessons_page_focus_row        (UrokLessonsPage *self,
                                                const char      *uuid);
void       _urok_lessons_page_keep_pending_deletes (UrokLessonsPage *self);

/* urok-lessons-page-import.c: lesson.import-package. */
void       _urok_lessons_page_class_init_import (GtkWidgetClass *widget_class);

G_END_DECLS
