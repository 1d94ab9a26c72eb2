/* urok-store.h: the one SQLite database that holds a teacher's data.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "urok-board-page.h"
#include "urok-book-info.h"
#include "urok-class-group.h"
#include "urok-lesson-info.h"
#include "urok-lesson.h"
#include "urok-stage-kind.h"
#include "urok-student-record.h"
#include "urok-test-info.h"

G_BEGIN_DECLS

#define UROK_STORE_ERROR (urok_store_error_quark ())

typedef enum
{
  UROK_STORE_ERROR_CORRUPT,   /* the file is not a readable database */
  UROK_STORE_ERROR_TOO_NEW,   /* written by a newer Urok than this one */
  UROK_STORE_ERROR_MIGRATION, /* an upgrade failed and was rolled back */
  UROK_STORE_ERROR_BACKUP,    /* a backup could not be written or restored */
  UROK_STORE_ERROR_QUERY,     /* a statement failed */
  UROK_STORE_ERROR_NOT_FOUND,
} UrokStoreError;

#define UROK_TYPE_STORE (urok_store_get_type ())

G_DECLARE_FINAL_TYPE (UrokStore, urok_store, UROK, STORE, GObject)

GQuark       urok_store_error_quark        (void);
UrokStore   *urok_store_open               (const char  *path,
                                            GError     **error);
/* Another connection to the store at @path, already opened (and migrated)
 * by urok_store_open(), for a worker thread: a UrokStore is used by one
 * thread at a time, and its "changed" signal is emitted in that thread. */
UrokStore   *urok_store_open_connection    (const char  *path,
                                            GError     **error);
/* Emits "changed::@what" for a change committed on another connection. */
void         urok_store_announce_change    (UrokStore   *self,
                                            const char  *what);
const char  *urok_store_get_path           (UrokStore   *self);
char        *urok_store_dup_books_dir      (UrokStore   *self);
/* Case folded, composed, ё as е: text as the store's search compares it. */
char        *urok_fold_text                (const char  *text);
int          urok_store_get_schema_version (UrokStore   *self);
int          urok_store_latest_version     (void);
gboolean     urok_store_is_empty           (UrokStore   *self);

gboolean     urok_store_begin              (UrokStore   *self,
                                            GError     **error);
gboolean     urok_store_commit             (UrokStore   *self,
                                            GError     **error);
void         urok_store_rollback           (UrokStore   *self);

gboolean     urok_store_backup             (UrokStore   *self,
                                            const char  *dest_path,
                                            GError     **error);

char        *urok_store_default_path       (void);
char        *urok_store_backup_path        (const char  *path);
char        *urok_store_find_backup        (const char  *path);
gboolean     urok_store_restore_backup     (const char  *path,
                                            const char  *backup_path,
                                            char       **damaged_path,
                                            GError     **error);

/* urok-store-lessons.c, urok-store-lesson-search.c, -lesson-media.c and
 * urok-store-stage-kinds.c */
GListModel     *urok_store_list_lessons        (UrokStore   *self,
                                                GError     **error);
gint64          urok_store_create_lesson       (UrokStore   *self,
                                                const char  *title,
                                                int          duration_minutes,
                                                GError     **error);

typedef enum
{
  UROK_LESSON_SORT_MODIFIED,     /* most recently changed first */
  UROK_LESSON_SORT_TOPIC,        /* alphabetically by topic */
  UROK_LESSON_SORT_PLANNED_DATE, /* soonest planned first, unplanned last */
} UrokLessonSort;

/* What the lesson list asks for; zero-filled means every lesson (not
 * templates), newest first, no limit. */
typedef struct
{
  const char     *text;        /* words in topic, goals, stages (FTS5); NULL or "" for all */
  const char     *subject;     /* NULL for any */
  int             grade_level; /* 0 for any */
  const char     *tag;         /* NULL for any */
  gboolean        templates;   /* TRUE: templates only; FALSE: lessons only */
  UrokLessonSort  sort;
  guint           offset;
  guint           limit;       /* 0 for no limit */
} UrokLessonQuery;

/* Items are UrokLessonInfo. */
GListModel     *urok_store_search_lessons      (UrokStore             *self,
                                                const UrokLessonQuery *query,
                                                GError               **error);
/* The distinct subjects and tags of the stored lessons, sorted (filters). */
GStrv           urok_store_list_lesson_subjects (UrokStore  *self,
                                                 GError    **error);
GStrv           urok_store_list_lesson_tags    (UrokStore   *self,
                                                GError     **error);

UrokLesson     *urok_store_load_lesson         (UrokStore   *self,
                                                const char  *uuid,
                                                GError     **error);
/* Inserts or replaces the lesson with its stages and resources, in one
 * transaction; emits changed::lessons. */
gboolean        urok_store_save_lesson         (UrokStore   *self,
                                                UrokLesson  *lesson,
                                                GError     **error);
/* Deletes the lesson and its media folder. */
gboolean        urok_store_delete_lesson       (UrokStore   *self,
                                                const char  *uuid,
                                                GError     **error);
/* A copy with new uuids (and its media), saved; returns it. */
UrokLesson     *urok_store_duplicate_lesson    (UrokStore   *self,
                                                const char  *uuid,
                                                gboolean     as_template,
                                                GError     **error);

/* Media files of a lesson live in <data dir>/lessons/<uuid>/media. */
char           *urok_store_dup_lesson_media_dir (UrokStore  *self,
                                                 const char *lesson_uuid);
/* Copies @source into the lesson's media folder (atomically, named by its
 * content's SHA-256 and extension) and returns that file name; the MIME
 * type guessed from content goes to @media_type. */
char           *urok_store_add_lesson_media    (UrokStore   *self,
                                                const char  *lesson_uuid,
                                                GFile       *source,
                                                char       **media_type,
                                                GError     **error);

/* Stage kinds: the built-in ones, then those the teacher added (items are
 * UrokStageKind). */
GListModel     *urok_store_list_stage_kinds    (UrokStore   *self,
                                                GError     **error);
UrokStageKind  *urok_store_add_stage_kind      (UrokStore   *self,
                                                const char  *name,
                                                const char  *color,
                                                GError     **error);
gboolean        urok_store_remove_stage_kind   (UrokStore   *self,
                                                const char  *code,
                                                GError     **error);

/* urok-store-boards.c: whiteboard pages, named by the uuid of their
 * board_page resource.  Items live in rows of their own; UrokBoardSaver
 * saves a page's changes as they happen. */
/* The page with its items (NOT_FOUND when the store has none). */
UrokBoardPage  *urok_store_load_board_page     (UrokStore      *self,
                                                const char     *uuid,
                                                GError        **error);
/* The whole page, replacing its stored items, in one transaction; the
 * page belongs to the lesson @lesson_uuid (NULL or "": keep what the row
 * says).  Emits changed::boards. */
gboolean        urok_store_save_board_page     (UrokStore      *self,
                                                UrokBoardPage  *page,
                                                const char     *lesson_uuid,
                                                GError        **error);
gboolean        urok_store_delete_board_page   (UrokStore      *self,
                                                const char     *uuid,
                                                GError        **error);

/* urok-store-books.c */
GListModel     *urok_store_list_books          (UrokStore   *self,
                                                GError     **error);
UrokBookInfo   *urok_store_save_book           (UrokStore    *self,
                                                UrokBookInfo *info,
                                                GError      **error);
UrokBookInfo   *urok_store_find_book           (UrokStore   *self,
                                                const char  *identifier,
                                                GError     **error);
/* Removes the row and the file; urok_store_remove_book() the rows only. */
gboolean        urok_store_delete_book         (UrokStore   *self,
                                                const char  *identifier,
                                                gboolean     keep_notes,
                                                GError     **error);

/* urok-store-tests.c */
GListModel     *urok_store_list_tests          (UrokStore   *self,
                                                GError     **error);
gint64          urok_store_create_test         (UrokStore   *self,
                                                const char  *title,
                                                GError     **error);

/* urok-store-gradebook.c */
GListModel     *urok_store_list_class_groups   (UrokStore   *self,
                                                GError     **error);
gint64          urok_store_create_class_group  (UrokStore   *self,
                                                const char  *name,
                                                int          grade_level,
                                                const char  *school_year,
                                                GError     **error);
GListModel     *urok_store_list_student_records (UrokStore  *self,
                                                 gint64      class_group_id,
                                                 GError    **error);

G_END_DECLS
