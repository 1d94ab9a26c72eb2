/* urok-store-annotations.h: textbook annotations and reading positions in
 * the store (urok-store-annotations.c).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-annotation.h"
#include "urok-store.h"

G_BEGIN_DECLS

/* Inserts or replaces (by uuid).  Emits "changed::annotations". */
gboolean        urok_store_save_annotation         (UrokStore         *self,
                                                    UrokAnnotation    *annotation,
                                                    GError           **error);
/* All of @annotations or none.  One already stored (same uuid) is replaced
 * only by a newer one (by "modified"); @n_saved (may be NULL) counts the
 * rows written. */
gboolean        urok_store_save_annotations        (UrokStore         *self,
                                                    GPtrArray         *annotations,
                                                    guint             *n_saved,
                                                    GError           **error);
gboolean        urok_store_delete_annotation       (UrokStore         *self,
                                                    const char        *uuid,
                                                    GError           **error);
UrokAnnotation *urok_store_find_annotation         (UrokStore         *self,
                                                    const char        *uuid,
                                                    GError           **error);
/* A book's annotations in reading order (urok_book_location_compare()). */
GListModel     *urok_store_list_annotations        (UrokStore         *self,
                                                    const char        *book_identifier,
                                                    GError           **error);
/* Removes the book's catalogue entry; its annotations and reading position
 * too unless @keep_annotations.  The book's file is the caller's. */
gboolean        urok_store_remove_book             (UrokStore         *self,
                                                    const char        *book_identifier,
                                                    gboolean           keep_annotations,
                                                    GError           **error);

/* Imports a Web Annotation collection (urok-web-annotation.h) into the
 * book's annotations: all or nothing.  @n_imported counts annotations
 * written (new, or newer than the stored copy), @n_skipped those of other
 * books; either may be NULL. */
gboolean        urok_store_import_annotations      (UrokStore         *self,
                                                    const char        *book_identifier,
                                                    const char        *json,
                                                    gssize             length,
                                                    guint             *n_imported,
                                                    guint             *n_skipped,
                                                    GError           **error);
/* The book's annotations as a Web Annotation collection. */
char           *urok_store_export_annotations      (UrokStore         *self,
                                                    const char        *book_identifier,
                                                    const char        *label,
                                                    GError           **error);

/* Where the book was left open: TRUE with *@location NULL when never. */
gboolean        urok_store_get_reading_position    (UrokStore         *self,
                                                    const char        *book_identifier,
                                                    UrokBookLocation **location,
                                                    GError           **error);
gboolean        urok_store_set_reading_position    (UrokStore         *self,
                                                    const char        *book_identifier,
                                                    UrokBookLocation  *location,
                                                    GError           **error);

G_END_DECLS
