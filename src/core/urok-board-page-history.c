/* urok-board-page-history.c: a board page's undo and redo, and the change
 * journal that tells persistence what to write.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-board-page-private.h"

/* Enough for a lesson; a step holds only the items it changed. */
#define MAX_UNDO_STEPS 500

static void
op_free (gpointer data)
{
  UrokBoardPageOp *op = data;

  g_clear_pointer (&op->before, urok_board_item_unref);
  g_clear_pointer (&op->after, urok_board_item_unref);
  g_free (op);
}

GPtrArray *
_urok_board_page_step_new (void)
{
  return g_ptr_array_new_with_free_func (op_free);
}

void
_urok_board_page_change (UrokBoardPage *self,
                         UrokBoardItem *before,
                         UrokBoardItem *after,
                         guint64        order)
{
  UrokBoardPageEntry *entry = before != NULL
                              ? _urok_board_page_lookup_entry (self, urok_board_item_get_id (before)) : NULL;
  UrokBoardPageOp *op = g_new0 (UrokBoardPageOp, 1);

  op->before = before != NULL ? urok_board_item_ref (before) : NULL;
  op->after = after != NULL ? urok_board_item_ref (after) : NULL;
  op->order_before = entry != NULL ? entry->order : 0;
  op->order_after = order;
  _urok_board_page_apply (self, before, after, order);

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group, op);
      return;
    }
  g_ptr_array_add (self->undo, _urok_board_page_step_new ());
  g_ptr_array_add (g_ptr_array_index (self->undo, self->undo->len - 1), op);
  if (self->undo->len > MAX_UNDO_STEPS)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  _urok_board_page_notify_history (self);
}

/* Undo and redo */

void
urok_board_page_begin_group (UrokBoardPage *self)
{
  g_return_if_fail (UROK_IS_BOARD_PAGE (self));

  if (self->group_depth++ == 0)
    self->group = _urok_board_page_step_new ();
}

void
urok_board_page_end_group (UrokBoardPage *self)
{
  g_return_if_fail (UROK_IS_BOARD_PAGE (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;
  if (self->group->len == 0)
    {
      g_clear_pointer (&self->group, g_ptr_array_unref);
      return;
    }
  g_ptr_array_add (self->undo, g_steal_pointer (&self->group));
  if (self->undo->len > MAX_UNDO_STEPS)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  _urok_board_page_notify_history (self);
}

gboolean
urok_board_page_can_undo (UrokBoardPage *self)
{
  return self->undo->len > 0 && self->group == NULL;
}

gboolean
urok_board_page_can_redo (UrokBoardPage *self)
{
  return self->redo->len > 0 && self->group == NULL;
}

gboolean
urok_board_page_undo (UrokBoardPage *self)
{
  GPtrArray *step;

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), FALSE);

  if (!urok_board_page_can_undo (self))
    return FALSE;
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = step->len; i-- > 0;)
    {
      UrokBoardPageOp *op = step->pdata[i];

      _urok_board_page_apply (self, op->after, op->before, op->order_before);
    }
  g_ptr_array_add (self->redo, step);
  _urok_board_page_notify_history (self);
  return TRUE;
}

gboolean
urok_board_page_redo (UrokBoardPage *self)
{
  GPtrArray *step;

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), FALSE);

  if (!urok_board_page_can_redo (self))
    return FALSE;
  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < step->len; i++)
    {
      UrokBoardPageOp *op = step->pdata[i];

      _urok_board_page_apply (self, op->before, op->after, op->order_after);
    }
  g_ptr_array_add (self->undo, step);
  _urok_board_page_notify_history (self);
  return TRUE;
}

void
urok_board_page_clear_history (UrokBoardPage *self)
{
  g_return_if_fail (UROK_IS_BOARD_PAGE (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  _urok_board_page_notify_history (self);
}

/* The journal */

guint64
urok_board_page_get_sequence (UrokBoardPage *self)
{
  return self->sequence;
}

void
urok_board_page_changes_since (UrokBoardPage *self,
                               guint64        sequence,
                               GArray       **changed_ids,
                               GArray       **removed_ids)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (UROK_IS_BOARD_PAGE (self));

  if (changed_ids != NULL)
    {
      *changed_ids = g_array_new (FALSE, FALSE, sizeof (guint64));
      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (((UrokBoardPageEntry *)value)->seq > sequence)
          g_array_append_val (*changed_ids, ((UrokBoardPageEntry *)value)->id);
    }
  if (removed_ids != NULL)
    {
      *removed_ids = g_array_new (FALSE, FALSE, sizeof (guint64));
      g_hash_table_iter_init (&iter, self->removed);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (*(guint64 *)value > sequence)
          g_array_append_val (*removed_ids, *(guint64 *)key);
    }
}

static gboolean
removed_before (gpointer key,
                gpointer value,
                gpointer user_data)
{
  return *(guint64 *)value <= *(guint64 *)user_data;
}

void
urok_board_page_forget_removals (UrokBoardPage *self,
                                 guint64        sequence)
{
  g_return_if_fail (UROK_IS_BOARD_PAGE (self));

  g_hash_table_foreach_remove (self->removed, removed_before, &sequence);
}

