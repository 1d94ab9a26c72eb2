/* urok-store-writer.h: saves lessons from a thread of its own, on its own
 * connection, so that an editor never waits for the database.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-store.h"

G_BEGIN_DECLS

#define UROK_TYPE_STORE_WRITER (urok_store_writer_get_type ())

G_DECLARE_FINAL_TYPE (UrokStoreWriter, urok_store_writer, UROK, STORE_WRITER, GObject)

/* The one writer of @store (made on first use; it lives while @store or
 * anyone holding it does).  Call from the thread that uses @store: that
 * thread's main context hears of each write as @store's "changed". */
UrokStoreWriter *urok_store_writer_get                (UrokStore         *store);

/* Queues @lesson to be saved.  Writes are done in order; a lesson queued
 * again before its earlier save began is saved once, as queued last, and
 * both callers hear how that went.  The writer keeps @lesson and reads it
 * from its thread: pass a copy (urok_lesson_copy()) that nobody changes. */
void             urok_store_writer_save_lesson_async  (UrokStoreWriter   *self,
                                                       UrokLesson        *lesson,
                                                       GAsyncReadyCallback callback,
                                                       gpointer           user_data);
gboolean         urok_store_writer_save_lesson_finish (UrokStoreWriter   *self,
                                                       GAsyncResult      *result,
                                                       GError           **error);
/* The same, waiting until it is written (and so is everything queued
 * before it): for closing and quitting, when nothing may be left behind. */
gboolean         urok_store_writer_save_lesson        (UrokStoreWriter   *self,
                                                       UrokLesson        *lesson,
                                                       GError           **error);

G_END_DECLS
