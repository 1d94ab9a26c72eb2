/* urok-row-drag.h: dragging a stage or resource row by mouse, pen or (by
 * its handle) finger.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lets @row be dragged, carrying @item (a UrokStage or UrokResource) as a
 * GObject value that the lesson editor's drop targets accept.  With a mouse
 * the whole row drags; on a touchscreen only @handle does, so that a
 * finger elsewhere on the row scrolls the list. */
void urok_row_drag_setup (GtkWidget *row,
                          GtkWidget *handle,
                          GObject   *item);

G_END_DECLS
