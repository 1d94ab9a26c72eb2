/* urok-rtree.c: the R-tree behind board pages' spatial queries.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "urok-rtree.h"

#define MAX_ENTRIES 16
#define MIN_ENTRIES 6
/* Bulk-loaded nodes are left a little room, so that the first inserts do
 * not split every node they touch. */
#define BULK_FILL   14

typedef struct
{
  double x1, y1, x2, y2;
} Box;

typedef struct _Node Node;
struct _Node
{
  Node   *parent;
  guint16 n;
  guint8  leaf;
  /* One more than the maximum: a node overflows, then splits. */
  Box     box[MAX_ENTRIES + 1];
  union
  {
    guint64 id[MAX_ENTRIES + 1];
    Node   *child[MAX_ENTRIES + 1];
  } e;
};

typedef struct
{
  guint64 id;
  Node   *leaf;
} Slot;

struct _UrokRTree
{
  Node  *root;
  guint  height;
  /* id → leaf, open addressing with linear probing; id 0 is empty. */
  Slot  *slots;
  gsize  n_slots;
  gsize  size;
  gsize  n_nodes;
};

/* Boxes */

static inline Box
box_from_rect (const UrokBoardRect *r)
{
  return (Box) { r->x, r->y, r->x + r->width, r->y + r->height };
}

static inline UrokBoardRect
rect_from_box (const Box *b)
{
  return (UrokBoardRect) { b->x1, b->y1, b->x2 - b->x1, b->y2 - b->y1 };
}

static inline double
box_area (const Box *b)
{
  return (b->x2 - b->x1) * (b->y2 - b->y1);
}

static inline double
box_margin (const Box *b)
{
  return (b->x2 - b->x1) + (b->y2 - b->y1);
}

static inline Box
box_union (const Box *a,
           const Box *b)
{
  return (Box) { MIN (a->x1, b->x1), MIN (a->y1, b->y1), MAX (a->x2, b->x2), MAX (a->y2, b->y2) };
}

static inline gboolean
box_intersects (const Box *a,
                const Box *b)
{
  return a->x1 <= b->x2 && b->x1 <= a->x2 && a->y1 <= b->y2 && b->y1 <= a->y2;
}

static double
box_overlap (const Box *a,
             const Box *b)
{
  double w = MIN (a->x2, b->x2) - MAX (a->x1, b->x1);
  double h = MIN (a->y2, b->y2) - MAX (a->y1, b->y1);

  return w > 0 && h > 0 ? w * h : 0;
}

static Box
node_box (const Node *node)
{
  Box b = node->box[0];

  for (guint i = 1; i < node->n; i++)
    b = box_union (&b, &node->box[i]);
  return b;
}

/* The id → leaf hash */

static inline gsize
slot_home (const UrokRTree *self,
           guint64          id)
{
  return (gsize)((id * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 20) & (self->n_slots - 1);
}

static Slot *
slot_find (UrokRTree *self,
           guint64    id)
{
  for (gsize i = slot_home (self, id);; i = (i + 1) & (self->n_slots - 1))
    {
      if (self->slots[i].id == id)
        return &self->slots[i];
      if (self->slots[i].id == 0)
        return NULL;
    }
}

static void slot_set (UrokRTree *self, guint64 id, Node *leaf);

static void
slots_grow (UrokRTree *self)
{
  Slot *old = self->slots;
  gsize n_old = self->n_slots;

  self->n_slots = MAX (64, n_old * 2);
  self->slots = g_new0 (Slot, self->n_slots);
  self->size = 0;
  for (gsize i = 0; i < n_old; i++)
    if (old[i].id != 0)
      slot_set (self, old[i].id, old[i].leaf);
  g_free (old);
}

static void
slot_set (UrokRTree *self,
          guint64    id,
          Node      *leaf)
{
  gsize i;

  if ((self->size + 1) * 2 > self->n_slots)
    slots_grow (self);
  for (i = slot_home (self, id); self->slots[i].id != 0; i = (i + 1) & (self->n_slots - 1))
    if (self->slots[i].id == id)
      {
        self->slots[i].leaf = leaf;
        return;
      }
  self->slots[i] = (Slot) { id, leaf };
  self->size++;
}

/* Removes by shifting the following run back, so lookups never need
 * tombstones. */
static void
slot_delete (UrokRTree *self,
             Slot      *slot)
{
  gsize mask = self->n_slots - 1;
  gsize i = slot - self->slots;

  for (gsize j = (i + 1) & mask; self->slots[j].id != 0; j = (j + 1) & mask)
    {
      gsize k = slot_home (self, self->slots[j].id);

      /* Move j back to i unless its home lies cyclically in (i, j]. */
      if (i <= j ? (k <= i || k > j) : (k <= i && k > j))
        {
          self->slots[i] = self->slots[j];
          i = j;
        }
    }
  self->slots[i] = (Slot) { 0, NULL };
  self->size--;
}

/* Nodes */

static Node *
node_new (UrokRTree *self,
          gboolean   leaf)
{
  Node *node = g_new0 (Node, 1);

  node->leaf = leaf;
  self->n_nodes++;
  return node;
}

static void
node_free_tree (UrokRTree *self,
                Node      *node)
{
  if (!node->leaf)
    for (guint i = 0; i < node->n; i++)
      node_free_tree (self, node->e.child[i]);
  self->n_nodes--;
  g_free (node);
}

static guint
child_index (const Node *parent,
             const Node *child)
{
  for (guint i = 0; i < parent->n; i++)
    if (parent->e.child[i] == child)
      return i;
  g_assert_not_reached ();
}

UrokRTree *
urok_rtree_new (void)
{
  UrokRTree *self = g_new0 (UrokRTree, 1);

  self->root = node_new (self, TRUE);
  self->height = 1;
  slots_grow (self);
  return self;
}

void
urok_rtree_clear (UrokRTree *self)
{
  g_return_if_fail (self != NULL);

  node_free_tree (self, self->root);
  self->root = node_new (self, TRUE);
  self->height = 1;
  g_clear_pointer (&self->slots, g_free);
  self->n_slots = 0;
  slots_grow (self);
}

void
urok_rtree_free (UrokRTree *self)
{
  if (self == NULL)
    return;
  node_free_tree (self, self->root);
  g_free (self->slots);
  g_free (self);
}

guint
urok_rtree_get_size (UrokRTree *self)
{
  return self->size;
}

guint
urok_rtree_get_height (UrokRTree *self)
{
  return self->height;
}

gsize
urok_rtree_get_memory_size (UrokRTree *self)
{
  return sizeof *self + self->n_nodes * sizeof (Node) + self->n_slots * sizeof (Slot);
}

/* Splitting */

typedef struct
{
  Box box;
  union
  {
    guint64 id;
    Node   *child;
  } e;
} Entry;

static int
compare_x (const void *a,
           const void *b)
{
  const Entry *ea = a, *eb = b;
  double ca = ea->box.x1 + ea->box.x2, cb = eb->box.x1 + eb->box.x2;

  return (ca > cb) - (ca < cb);
}

static int
compare_y (const void *a,
           const void *b)
{
  const Entry *ea = a, *eb = b;
  double ca = ea->box.y1 + ea->box.y2, cb = eb->box.y1 + eb->box.y2;

  return (ca > cb) - (ca < cb);
}

/* For a sorted run of entries, the boxes of every prefix and suffix. */
static void
prefix_suffix (const Entry *entries,
               guint        n,
               Box         *pre,
               Box         *suf)
{
  pre[0] = entries[0].box;
  for (guint i = 1; i < n; i++)
    pre[i] = box_union (&pre[i - 1], &entries[i].box);
  suf[n - 1] = entries[n - 1].box;
  for (guint i = n - 1; i-- > 0;)
    suf[i] = box_union (&suf[i + 1], &entries[i].box);
}

static void
node_set_entry (UrokRTree   *self,
                Node        *node,
                guint        i,
                const Entry *entry)
{
  node->box[i] = entry->box;
  if (node->leaf)
    {
      node->e.id[i] = entry->e.id;
      slot_set (self, entry->e.id, node);
    }
  else
    {
      node->e.child[i] = entry->e.child;
      entry->e.child->parent = node;
    }
}

/* Splits an overflowing node: the axis with the least total margin, then
 * the cut with the least overlap (then area), as the R*-tree does. */
static Node *
node_split (UrokRTree *self,
            Node      *node)
{
  Entry entries[MAX_ENTRIES + 1];
  Box pre[MAX_ENTRIES + 1], suf[MAX_ENTRIES + 1];
  guint n = node->n, best_k = 0;
  double best_margin = G_MAXDOUBLE, best_overlap = G_MAXDOUBLE, best_area = G_MAXDOUBLE;
  int (*best_cmp) (const void *, const void *) = compare_x;
  Node *sibling;

  for (guint i = 0; i < n; i++)
    {
      entries[i].box = node->box[i];
      if (node->leaf)
        entries[i].e.id = node->e.id[i];
      else
        entries[i].e.child = node->e.child[i];
    }
  for (int axis = 0; axis < 2; axis++)
    {
      int (*cmp) (const void *, const void *) = axis == 0 ? compare_x : compare_y;
      double margin = 0;

      qsort (entries, n, sizeof *entries, cmp);
      prefix_suffix (entries, n, pre, suf);
      for (guint k = MIN_ENTRIES; k <= n - MIN_ENTRIES; k++)
        margin += box_margin (&pre[k - 1]) + box_margin (&suf[k]);
      if (margin < best_margin)
        {
          best_margin = margin;
          best_cmp = cmp;
        }
    }
  qsort (entries, n, sizeof *entries, best_cmp);
  prefix_suffix (entries, n, pre, suf);
  for (guint k = MIN_ENTRIES; k <= n - MIN_ENTRIES; k++)
    {
      double overlap = box_overlap (&pre[k - 1], &suf[k]);
      double area = box_area (&pre[k - 1]) + box_area (&suf[k]);

      if (overlap < best_overlap || (overlap == best_overlap && area < best_area))
        {
          best_overlap = overlap;
          best_area = area;
          best_k = k;
        }
    }

  sibling = node_new (self, node->leaf);
  node->n = best_k;
  for (guint i = 0; i < best_k; i++)
    node_set_entry (self, node, i, &entries[i]);
  sibling->n = n - best_k;
  for (guint i = best_k; i < n; i++)
    node_set_entry (self, sibling, i - best_k, &entries[i]);
  return sibling;
}

/* Inserting */

static Node *
choose_leaf (Node      *node,
             const Box *box)
{
  while (!node->leaf)
    {
      guint best = 0;
      double best_growth = G_MAXDOUBLE, best_area = G_MAXDOUBLE;

      for (guint i = 0; i < node->n; i++)
        {
          Box u = box_union (&node->box[i], box);
          double area = box_area (&node->box[i]);
          double growth = box_area (&u) - area;

          if (growth < best_growth || (growth == best_growth && area < best_area))
            {
              best = i;
              best_growth = growth;
              best_area = area;
            }
        }
      node = node->e.child[best];
    }
  return node;
}

/* Walks up from @node after it gained an entry: splits what overflows and
 * widens the parents' boxes. */
static void
adjust_up (UrokRTree *self,
           Node      *node)
{
  while (node != NULL)
    {
      Node *parent = node->parent;
      Node *sibling = node->n > MAX_ENTRIES ? node_split (self, node) : NULL;

      if (parent == NULL)
        {
          if (sibling != NULL)
            {
              Node *root = node_new (self, FALSE);

              root->n = 2;
              root->box[0] = node_box (node);
              root->e.child[0] = node;
              root->box[1] = node_box (sibling);
              root->e.child[1] = sibling;
              node->parent = sibling->parent = root;
              self->root = root;
              self->height++;
            }
          return;
        }
      parent->box[child_index (parent, node)] = node_box (node);
      if (sibling != NULL)
        {
          parent->box[parent->n] = node_box (sibling);
          parent->e.child[parent->n] = sibling;
          parent->n++;
          sibling->parent = parent;
        }
      node = parent;
    }
}

static void
insert_entry (UrokRTree *self,
              guint64    id,
              const Box *box)
{
  Node *leaf = choose_leaf (self->root, box);

  leaf->box[leaf->n] = *box;
  leaf->e.id[leaf->n] = id;
  leaf->n++;
  slot_set (self, id, leaf);
  adjust_up (self, leaf);
}

void
urok_rtree_insert (UrokRTree           *self,
                   guint64              id,
                   const UrokBoardRect *rect)
{
  Box box;

  g_return_if_fail (self != NULL && rect != NULL && id != 0);

  box = box_from_rect (rect);
  if (slot_find (self, id) != NULL)
    urok_rtree_remove (self, id);
  insert_entry (self, id, &box);
}

void
urok_rtree_update (UrokRTree           *self,
                   guint64              id,
                   const UrokBoardRect *rect)
{
  urok_rtree_insert (self, id, rect);
}

gboolean
urok_rtree_lookup (UrokRTree     *self,
                   guint64        id,
                   UrokBoardRect *rect)
{
  Slot *slot;

  g_return_val_if_fail (self != NULL, FALSE);

  slot = id != 0 ? slot_find (self, id) : NULL;
  if (slot == NULL)
    return FALSE;
  for (guint i = 0; i < slot->leaf->n; i++)
    if (slot->leaf->e.id[i] == id)
      {
        if (rect != NULL)
          *rect = rect_from_box (&slot->leaf->box[i]);
        return TRUE;
      }
  g_assert_not_reached ();
}

/* Removing */

static void
collect_entries (Node   *node,
                 GArray *entries)
{
  if (node->leaf)
    for (guint i = 0; i < node->n; i++)
      {
        Entry e = { node->box[i], { .id = node->e.id[i] } };

        g_array_append_val (entries, e);
      }
  else
    for (guint i = 0; i < node->n; i++)
      collect_entries (node->e.child[i], entries);
}

static void
node_remove_at (Node *node,
                guint i)
{
  node->n--;
  node->box[i] = node->box[node->n];
  if (node->leaf)
    node->e.id[i] = node->e.id[node->n];
  else
    node->e.child[i] = node->e.child[node->n];
}

gboolean
urok_rtree_remove (UrokRTree *self,
                   guint64    id)
{
  g_autoptr(GArray) orphans = NULL;
  Slot *slot;
  Node *node;

  g_return_val_if_fail (self != NULL, FALSE);

  slot = id != 0 ? slot_find (self, id) : NULL;
  if (slot == NULL)
    return FALSE;
  node = slot->leaf;
  for (guint i = 0; i < node->n; i++)
    if (node->e.id[i] == id)
      {
        node_remove_at (node, i);
        break;
      }
  slot_delete (self, slot);

  /* Condense: underfull nodes leave the tree and their entries go back in
   * from the top; the others' boxes shrink. */
  orphans = g_array_new (FALSE, FALSE, sizeof (Entry));
  while (node->parent != NULL)
    {
      Node *parent = node->parent;
      guint i = child_index (parent, node);

      if (node->n < MIN_ENTRIES)
        {
          collect_entries (node, orphans);
          node_remove_at (parent, i);
          node_free_tree (self, node);
        }
      else
        parent->box[i] = node_box (node);
      node = parent;
    }
  while (!self->root->leaf && self->root->n == 1)
    {
      Node *old = self->root;

      self->root = old->e.child[0];
      self->root->parent = NULL;
      old->n = 0;
      node_free_tree (self, old);
      self->height--;
    }
  if (!self->root->leaf && self->root->n == 0)
    {
      self->root->leaf = TRUE;
      self->height = 1;
    }
  for (guint i = 0; i < orphans->len; i++)
    {
      Entry *e = &g_array_index (orphans, Entry, i);

      insert_entry (self, e->e.id, &e->box);
    }
  return TRUE;
}

/* Bulk loading */

/* Packs one level by sort-tile-recursive: sorted by x into vertical slices
 * of about sqrt(n / fill) nodes each, each slice sorted by y and cut into
 * nodes.  Returns the nodes of the new level as entries. */
static GArray *
pack_level (UrokRTree *self,
            Entry     *entries,
            gsize      n,
            gboolean   leaf)
{
  gsize n_nodes = (n + BULK_FILL - 1) / BULK_FILL;
  gsize n_slices = (gsize)ceil (sqrt ((double)n_nodes));
  gsize slice = n_slices * BULK_FILL;
  GArray *level = g_array_sized_new (FALSE, FALSE, sizeof (Entry), n_nodes);

  qsort (entries, n, sizeof *entries, compare_x);
  for (gsize s = 0; s < n; s += slice)
    {
      gsize len = MIN (slice, n - s);

      qsort (entries + s, len, sizeof *entries, compare_y);
      for (gsize j = s; j < s + len; j += BULK_FILL)
        {
          Node *node = node_new (self, leaf);
          Entry e;

          node->n = MIN (BULK_FILL, s + len - j);
          for (guint k = 0; k < node->n; k++)
            node_set_entry (self, node, k, &entries[j + k]);
          e.box = node_box (node);
          e.e.child = node;
          g_array_append_val (level, e);
        }
    }
  return level;
}

void
urok_rtree_bulk_load (UrokRTree            *self,
                      const UrokRTreeEntry *entries,
                      gsize                 n_entries)
{
  g_autoptr(GArray) level = NULL;
  gboolean leaf = TRUE;

  g_return_if_fail (self != NULL);
  g_return_if_fail (entries != NULL || n_entries == 0);

  urok_rtree_clear (self);
  if (n_entries == 0)
    return;
  level = g_array_sized_new (FALSE, FALSE, sizeof (Entry), n_entries);
  for (gsize i = 0; i < n_entries; i++)
    {
      Entry e = { box_from_rect (&entries[i].rect), { .id = entries[i].id } };

      g_return_if_fail (entries[i].id != 0);
      g_array_append_val (level, e);
    }
  node_free_tree (self, self->root);
  self->height = 0;
  do
    {
      GArray *next = pack_level (self, (Entry *)(gpointer)level->data, level->len, leaf);

      g_array_unref (level);
      level = next;
      leaf = FALSE;
      self->height++;
    }
  while (level->len > 1);
  self->root = g_array_index (level, Entry, 0).e.child;
  self->root->parent = NULL;
}

/* Querying */

static gboolean
query_node (Node          *node,
            const Box     *box,
            UrokRTreeFunc  func,
            gpointer       user_data)
{
  for (guint i = 0; i < node->n; i++)
    {
      if (!box_intersects (&node->box[i], box))
        continue;
      if (node->leaf)
        {
          UrokBoardRect r = rect_from_box (&node->box[i]);

          if (!func (node->e.id[i], &r, user_data))
            return FALSE;
        }
      else if (!query_node (node->e.child[i], box, func, user_data))
        return FALSE;
    }
  return TRUE;
}

void
urok_rtree_query (UrokRTree           *self,
                  const UrokBoardRect *rect,
                  UrokRTreeFunc        func,
                  gpointer             user_data)
{
  Box box;

  g_return_if_fail (self != NULL && rect != NULL && func != NULL);

  box = box_from_rect (rect);
  query_node (self->root, &box, func, user_data);
}

static gboolean
append_id (guint64              id,
           const UrokBoardRect *rect,
           gpointer             user_data)
{
  g_array_append_val ((GArray *)user_data, id);
  return TRUE;
}

GArray *
urok_rtree_query_ids (UrokRTree           *self,
                      const UrokBoardRect *rect)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint64));

  urok_rtree_query (self, rect, append_id, ids);
  return ids;
}
