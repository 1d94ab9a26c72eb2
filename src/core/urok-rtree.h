/* urok-rtree.h: a spatial index of (id, rectangle) pairs: which items of a
 * board page lie in a rectangle, without looking at all of them.
 *
 * An R-tree (nodes of up to 16 entries, split along the axis of least
 * margin as in the R*-tree) with a hash of id → leaf, so that removing or
 * moving an entry needs only its id.  Bulk loading packs the tree by
 * sort-tile-recursive (STR), for opening big pages fast.  Not thread-safe.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-item.h"

G_BEGIN_DECLS

typedef struct _UrokRTree UrokRTree;

typedef struct
{
  guint64       id;
  UrokBoardRect rect;
} UrokRTreeEntry;

/* Called for each entry found; return FALSE to stop the query. */
typedef gboolean (*UrokRTreeFunc) (guint64              id,
                                   const UrokBoardRect *rect,
                                   gpointer             user_data);

UrokRTree *urok_rtree_new       (void);
void       urok_rtree_free      (UrokRTree            *self);
guint      urok_rtree_get_size  (UrokRTree            *self);
void       urok_rtree_clear     (UrokRTree            *self);

/* Adds @id (not 0) with @rect; an @id already there is moved to @rect. */
void       urok_rtree_insert    (UrokRTree            *self,
                                 guint64               id,
                                 const UrokBoardRect  *rect);
/* Returns whether @id was there. */
gboolean   urok_rtree_remove    (UrokRTree            *self,
                                 guint64               id);
/* The same as insert: moves @id to @rect (adds it if missing). */
void       urok_rtree_update    (UrokRTree            *self,
                                 guint64               id,
                                 const UrokBoardRect  *rect);
gboolean   urok_rtree_lookup    (UrokRTree            *self,
                                 guint64               id,
                                 UrokBoardRect        *rect);

/* Replaces the whole content with @entries (ids unique, not 0). */
void       urok_rtree_bulk_load (UrokRTree            *self,
                                 const UrokRTreeEntry *entries,
                                 gsize                 n_entries);

/* Every entry whose rectangle intersects @rect (edges touching count), in
 * no particular order. */
void       urok_rtree_query     (UrokRTree            *self,
                                 const UrokBoardRect  *rect,
                                 UrokRTreeFunc         func,
                                 gpointer              user_data);
/* The same, as an array of guint64 ids. */
GArray    *urok_rtree_query_ids (UrokRTree            *self,
                                 const UrokBoardRect  *rect);

/* The tree's height (1: the root is a leaf) and its own memory in bytes,
 * for tests and benchmarks. */
guint      urok_rtree_get_height      (UrokRTree      *self);
gsize      urok_rtree_get_memory_size (UrokRTree      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokRTree, urok_rtree_free)

G_END_DECLS
