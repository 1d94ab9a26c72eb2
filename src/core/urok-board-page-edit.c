/* urok-board-page-edit.c: edits of several items at once (the select
 * tool's move, resize, rotate, delete and duplicate), each one undo step.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "urok-board-page.h"

/* Every id must be on the page before anything changes: a stale selection
 * (another hand erased an item meanwhile) fails whole, not half done. */
static gboolean
check_ids (UrokBoardPage  *self,
           const guint64  *ids,
           gsize           n_ids,
           GError        **error)
{
  for (gsize i = 0; i < n_ids; i++)
    if (urok_board_page_lookup (self, ids[i]) == NULL)
      {
        g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_NOT_FOUND,
                     _("The board page has no item %llu"), (unsigned long long) ids[i]);
        return FALSE;
      }
  return TRUE;
}

gboolean
urok_board_page_transform_items (UrokBoardPage        *self,
                                 const guint64        *ids,
                                 gsize                 n_ids,
                                 const cairo_matrix_t *matrix,
                                 GError              **error)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_board_item_unref);

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!isfinite (matrix->xx) || !isfinite (matrix->yx) || !isfinite (matrix->xy) ||
      !isfinite (matrix->yy) || !isfinite (matrix->x0) || !isfinite (matrix->y0) ||
      fabs (matrix->xx * matrix->yy - matrix->xy * matrix->yx) < 1e-9)
    {
      g_set_error_literal (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID,
                           _("The items cannot be squashed flat: scale them by a number other than zero"));
      return FALSE;
    }
  if (!check_ids (self, ids, n_ids, error))
    return FALSE;
  /* All copies first: a failure leaves the page as it was. */
  for (gsize i = 0; i < n_ids; i++)
    {
      UrokBoardItem *item = urok_board_item_transformed (urok_board_page_lookup (self, ids[i]), matrix);
      const UrokBoardRect *b = urok_board_item_get_bounds (item);

      g_ptr_array_add (moved, item);
      /* Past the range of doubles: no place on any page. */
      if (!isfinite (b->x) || !isfinite (b->y) || !isfinite (b->width) || !isfinite (b->height))
        {
          g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID,
                       _("Board item %llu cannot be moved that far"), (unsigned long long) ids[i]);
          return FALSE;
        }
    }
  urok_board_page_begin_group (self);
  for (guint i = 0; i < moved->len; i++)
    {
      gboolean ok = urok_board_page_replace_item (self, moved->pdata[i], NULL);

      g_assert (ok);
    }
  urok_board_page_end_group (self);
  return TRUE;
}

gboolean
urok_board_page_remove_items (UrokBoardPage  *self,
                              const guint64  *ids,
                              gsize           n_ids,
                              GError        **error)
{
  g_autofree guint64 *own = NULL;

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_ids (self, ids, n_ids, error))
    return FALSE;
  /* Our own copy: a "changed" handler may edit the caller's array (a
   * selection dropping what is gone) while we walk it. */
  own = g_memdup2 (ids, n_ids * sizeof (guint64));
  urok_board_page_begin_group (self);
  for (gsize i = 0; i < n_ids; i++)
    urok_board_page_remove_item (self, own[i], NULL); /* a repeated id is gone already */
  urok_board_page_end_group (self);
  return TRUE;
}

GArray *
urok_board_page_duplicate_items (UrokBoardPage  *self,
                                 const guint64  *ids,
                                 gsize           n_ids,
                                 double          dx,
                                 double          dy,
                                 GError        **error)
{
  g_autoptr(GArray) copies = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GPtrArray) order = NULL;
  cairo_matrix_t shift;

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_ids (self, ids, n_ids, error))
    return NULL;
  cairo_matrix_init_translate (&shift, dx, dy);
  /* In z-order, so the copies stack as the originals do. */
  order = urok_board_page_get_items (self);
  /* Chosen before the first copy lands (see remove_items). */
  for (guint i = 0; i < order->len;)
    {
      guint64 id = urok_board_item_get_id (order->pdata[i]);
      gboolean wanted = FALSE;

      for (gsize k = 0; k < n_ids && !wanted; k++)
        wanted = ids[k] == id;
      if (wanted)
        i++;
      else
        g_ptr_array_remove_index (order, i);
    }
  urok_board_page_begin_group (self);
  for (guint i = 0; i < order->len; i++)
    {
      UrokBoardItem *item = order->pdata[i];
      g_autoptr(UrokBoardItem) moved = NULL;
      g_autoptr(UrokBoardItem) copy = NULL;
      guint64 id;

      moved = urok_board_item_transformed (item, &shift);
      id = urok_board_page_next_id (self);
      copy = urok_board_item_with_id (moved, id);
      if (urok_board_page_add_item (self, copy, NULL))
        g_array_append_val (copies, id);
    }
  urok_board_page_end_group (self);
  return g_steal_pointer (&copies);
}
