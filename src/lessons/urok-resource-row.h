/* urok-resource-row.h: one resource of a stage in the editor's list: its
 * kind's icon, title and what it points to; dragged to reorder or to move
 * to another stage.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-resource.h"

G_BEGIN_DECLS

#define UROK_TYPE_RESOURCE_ROW (urok_resource_row_get_type ())

G_DECLARE_FINAL_TYPE (UrokResourceRow, urok_resource_row, UROK, RESOURCE_ROW, AdwActionRow)

/* @books (UrokBookInfo) and @tests (UrokTestInfo) name what a textbook
 * place or a test points to; either may be NULL. */
GtkWidget    *urok_resource_row_new          (UrokResource    *resource,
                                              GListModel      *books,
                                              GListModel      *tests);
UrokResource *urok_resource_row_get_resource (UrokResourceRow *self);

/* The icon of a kind of resource (a media file's by its MIME type). */
const char   *urok_resource_icon_name        (UrokResource    *resource);

G_END_DECLS
