/* urok-board-page-private.h: what the page's files share: its entries and
 * the one primitive every change of items goes through.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-page.h"
#include "urok-rtree.h"

G_BEGIN_DECLS

typedef struct
{
  char    *name;
  gboolean visible;
} UrokBoardPageLayer;

/* One change: before → after (NULL before: added; NULL after: removed). */
typedef struct
{
  UrokBoardItem *before;
  UrokBoardItem *after;
  guint64        order_before;
  guint64        order_after;
} UrokBoardPageOp;

struct _UrokBoardPage
{
  GObject              parent_instance;

  char                *uuid;
  double               width;
  double               height;
  UrokBoardBackground  background;
  char                *background_parameter;
  GBytes              *background_data;
  GArray              *layers;

  GHashTable          *entries; /* &entry->id → UrokBoardPageEntry */
  UrokRTree           *tree;
  GPtrArray           *z_cache; /* entries bottom first, or NULL */
  guint64              next_order;
  guint64              next_id;

  guint64              sequence;
  GHashTable          *removed; /* guint64 id → guint64 sequence (both boxed) */

  GPtrArray           *undo;    /* steps: GPtrArray of UrokBoardPageOp */
  GPtrArray           *redo;
  GPtrArray           *group;
  guint                group_depth;
};

typedef struct
{
  guint64        id;    /* the hash key */
  UrokBoardItem *item;
  guint64        order; /* z-order within the layer: higher is on top */
  guint64        seq;   /* journal sequence of the last change */
} UrokBoardPageEntry;

UrokBoardPageEntry *_urok_board_page_lookup_entry (UrokBoardPage *self,
                                                   guint64        id);
UrokRTree          *_urok_board_page_get_tree     (UrokBoardPage *self);
/* Replaces @before by @after (either may be NULL; same id when both are
 * set) at z-order @order, recorded for undo. */
void                _urok_board_page_change       (UrokBoardPage *self,
                                                   UrokBoardItem *before,
                                                   UrokBoardItem *after,
                                                   guint64        order);
/* Changes the items with no undo record: entries, index, journal,
 * "changed". */
void                _urok_board_page_apply        (UrokBoardPage *self,
                                                   UrokBoardItem *before,
                                                   UrokBoardItem *after,
                                                   guint64        order);
void                _urok_board_page_notify_history (UrokBoardPage *self);
GPtrArray          *_urok_board_page_step_new     (void);
/* Loading: adds without undo, journal or signals; the caller bulk-loads
 * the index after. */
void                _urok_board_page_load_item    (UrokBoardPage *self,
                                                   UrokBoardItem *item);
void                _urok_board_page_set_layers   (UrokBoardPage *self,
                                                   GPtrArray     *names,
                                                   GArray        *visible);
void                _urok_board_page_reindex      (UrokBoardPage *self);
/* The page's JSON with or without its items; without them it is the
 * page's settings, as the store keeps them beside its item rows. */
JsonNode           *_urok_board_page_to_json      (UrokBoardPage *self,
                                                   gboolean       with_items);
char               *_urok_board_page_settings_to_string (UrokBoardPage *self);
/* Loading from the store: the item at its saved z-order (higher on top). */
void                _urok_board_page_load_item_at (UrokBoardPage *self,
                                                   UrokBoardItem *item,
                                                   guint64        order);

G_END_DECLS
