/* urok-store.h: the one SQLite database that holds a teacher's data.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "urok-book-info.h"
#include "urok-class-group.h"
#include "urok-lesson-info.h"
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
const char  *urok_store_get_path           (UrokStore   *self);
char        *urok_store_dup_books_dir      (UrokStore   *self);
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

/* urok-store-lessons.c */
GListModel     *urok_store_list_lessons        (UrokStore   *self,
                                                GError     **error);
gint64          urok_store_create_lesson       (UrokStore   *self,
                                                const char  *title,
                                                int          duration_minutes,
                                                GError     **error);

/* urok-store-books.c */
GListModel     *urok_store_list_books          (UrokStore   *self,
                                                GError     **error);
UrokBookInfo   *urok_store_save_book           (UrokStore    *self,
                                                UrokBookInfo *info,
                                                GError      **error);
UrokBookInfo   *urok_store_find_book           (UrokStore   *self,
                                                const char  *identifier,
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
