/* urok-board-input-select.c: the select tool and the selection.  A tap
 * picks the topmost item under it; a drag on empty space selects what a
 * loop encloses (a lasso), or, drawn straight, the rectangle it spans.
 * Dragging the selection moves it, its corner grips scale it about the
 * opposite corner keeping its aspect, its top grip turns it about its
 * centre.  Each drag is shown as a preview and lands on the page as one
 * undo step when the hand lifts.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-input-private.h"
#include "urok-board-item-private.h"

enum
{
  SELECT_NONE,   /* another hand is already editing the selection */
  SELECT_MOVE,
  SELECT_SCALE,
  SELECT_ROTATE,
  SELECT_LASSO,
};

/* How near a tap must be to a line to pick it, in screen px. */
#define PICK_TOLERANCE_PX 8.0
/* Smaller than this a corner grip does not shrink the selection: it
 * would vanish under the finger (and a zero scale has no undo). */
#define MIN_SCALE_FACTOR 0.05
/* A lasso whose area is less than this share of its box was drawn as a
 * stroke, not a loop: it selects the rectangle from its start to its end. */
#define LOOP_SHARE 0.3
/* Copies land this far (board units) down and right of the originals. */
#define DUPLICATE_SHIFT 24.0

static const UrokBoardColor selection_ink = { 0.15f, 0.45f, 0.95f, 1 };
static const UrokBoardColor selection_fill = { 0.15f, 0.45f, 0.95f, 0.08f };

/* The selection */

static gboolean
selected (UrokBoardInput *self,
          guint64         id)
{
  for (guint i = 0; i < self->selection->len; i++)
    if (g_array_index (self->selection, guint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Items undone, erased or removed by another hand leave the selection. */
static void
prune (UrokBoardInput *self)
{
  for (guint i = 0; i < self->selection->len;)
    {
      if (self->page == NULL || urok_board_page_lookup (self->page, g_array_index (self->selection, guint64, i)) == NULL)
        g_array_remove_index (self->selection, i);
      else
        i++;
    }
}

const guint64 *
urok_board_input_get_selection (UrokBoardInput *self,
                                gsize          *n_ids)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  prune (self);
  *n_ids = self->selection->len;
  return (const guint64 *)(gpointer)self->selection->data;
}

void
urok_board_input_set_selection (UrokBoardInput *self,
                                const guint64  *ids,
                                gsize           n_ids)
{
  g_return_if_fail (UROK_IS_BOARD_INPUT (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  g_array_set_size (self->selection, 0);
  for (gsize i = 0; i < n_ids; i++)
    if (self->page != NULL && urok_board_page_lookup (self->page, ids[i]) != NULL && !selected (self, ids[i]))
      g_array_append_val (self->selection, ids[i]);
  _urok_board_input_selection_changed (self);
}

void
urok_board_input_clear_selection (UrokBoardInput *self)
{
  g_return_if_fail (UROK_IS_BOARD_INPUT (self));

  if (self->selection->len == 0)
    return;
  g_array_set_size (self->selection, 0);
  _urok_board_input_selection_changed (self);
}

gboolean
urok_board_input_get_selection_bounds (UrokBoardInput *self,
                                       UrokBoardRect  *bounds)
{
  UrokBoardRect all = { 0, 0, 0, 0 };

  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  prune (self);
  for (guint i = 0; i < self->selection->len; i++)
    {
      UrokBoardItem *item = urok_board_page_lookup (self->page, g_array_index (self->selection, guint64, i));

      urok_board_rect_union (&all, urok_board_item_get_bounds (item), &all);
    }
  *bounds = all;
  return self->selection->len > 0;
}

gboolean
urok_board_input_get_handle (UrokBoardInput  *self,
                             UrokBoardHandle  handle,
                             double          *bx,
                             double          *by)
{
  UrokBoardRect r;

  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), FALSE);
  g_return_val_if_fail (bx != NULL && by != NULL, FALSE);

  if (!urok_board_input_get_selection_bounds (self, &r))
    return FALSE;
  switch (handle)
    {
    case UROK_BOARD_HANDLE_TOP_LEFT: *bx = r.x; *by = r.y; break;
    case UROK_BOARD_HANDLE_TOP_RIGHT: *bx = r.x + r.width; *by = r.y; break;
    case UROK_BOARD_HANDLE_BOTTOM_RIGHT: *bx = r.x + r.width; *by = r.y + r.height; break;
    case UROK_BOARD_HANDLE_BOTTOM_LEFT: *bx = r.x; *by = r.y + r.height; break;
    case UROK_BOARD_HANDLE_ROTATE:
      /* A grip's length above the top edge, clear of the corner grips. */
      *bx = r.x + r.width / 2;
      *by = r.y - 1.5 * UROK_BOARD_HANDLE_SIZE_PX / self->scale;
      break;
    case UROK_BOARD_HANDLE_NONE:
    case UROK_BOARD_N_HANDLES:
    default:
      return FALSE;
    }
  return TRUE;
}

gboolean
urok_board_input_delete_selection (UrokBoardInput *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), FALSE);

  prune (self);
  if (self->selection->len == 0)
    return FALSE;
  if (!urok_board_page_remove_items (self->page, (const guint64 *)(gpointer)self->selection->data,
                                     self->selection->len, &error))
    {
      g_warning ("The selection could not be deleted: %s", error->message);
      return FALSE;
    }
  urok_board_input_clear_selection (self);
  return TRUE;
}

gboolean
urok_board_input_duplicate_selection (UrokBoardInput *self)
{
  g_autoptr(GArray) copies = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), FALSE);

  prune (self);
  if (self->selection->len == 0)
    return FALSE;
  copies = urok_board_page_duplicate_items (self->page, (const guint64 *)(gpointer)self->selection->data,
                                            self->selection->len, DUPLICATE_SHIFT, DUPLICATE_SHIFT, &error);
  if (copies == NULL)
    {
      g_warning ("The selection could not be duplicated: %s", error->message);
      return FALSE;
    }
  urok_board_input_set_selection (self, (const guint64 *)(gpointer)copies->data, copies->len);
  return TRUE;
}

/* The tool */

static UrokBoardHandle
handle_at (UrokBoardInput *self,
           double          x,
           double          y)
{
  double radius = UROK_BOARD_HANDLE_SIZE_PX / 2 / self->scale;

  for (UrokBoardHandle h = UROK_BOARD_HANDLE_TOP_LEFT; h < UROK_BOARD_N_HANDLES; h++)
    {
      double hx, hy;

      if (urok_board_input_get_handle (self, h, &hx, &hy) && hypot (x - hx, y - hy) <= radius)
        return h;
    }
  return UROK_BOARD_HANDLE_NONE;
}

static UrokBoardItem *
lasso_preview (UrokBoardInput *self,
               GArray         *path)
{
  g_autofree UrokBoardPoint *p = g_new0 (UrokBoardPoint, path->len / 2);
  gsize n = path->len / 2;

  for (gsize i = 0; i < n; i++)
    {
      p[i].x = g_array_index (path, double, 2 * i);
      p[i].y = g_array_index (path, double, 2 * i + 1);
    }
  if (n < 2)
    return NULL;
  return urok_board_item_new_shape (G_MAXUINT64, 0, n < 3 ? UROK_BOARD_SHAPE_LINE : UROK_BOARD_SHAPE_POLYGON,
                                    &selection_ink, 1.5 / self->scale, n < 3 ? NULL : &selection_fill, p, n);
}

static void
show_moved (UrokBoardInput    *self,
            UrokBoardSequence *seq)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_board_item_unref);

  for (guint i = 0; i < self->selection->len; i++)
    {
      UrokBoardItem *item = urok_board_page_lookup (self->page, g_array_index (self->selection, guint64, i));

      if (item != NULL)
        g_ptr_array_add (copies, urok_board_item_transformed (item, &seq->matrix));
    }
  _urok_board_input_set_previews (self, copies);
}

static void
select_begin (UrokBoardInput    *input,
              UrokBoardSequence *seq,
              double             bx,
              double             by,
              double             pressure,
              guint32            time_ms)
{
  UrokBoardRect r;
  UrokBoardItem *hit;

  seq->ax = bx;
  seq->ay = by;
  cairo_matrix_init_identity (&seq->matrix);
  if (input->selecting != NULL)
    {
      seq->mode = SELECT_NONE;
      return;
    }
  input->selecting = seq;
  seq->handle = handle_at (input, bx, by);
  if (seq->handle != UROK_BOARD_HANDLE_NONE && urok_board_input_get_selection_bounds (input, &r))
    {
      seq->mode = seq->handle == UROK_BOARD_HANDLE_ROTATE ? SELECT_ROTATE : SELECT_SCALE;
      if (seq->mode == SELECT_ROTATE)
        {
          seq->ox = r.x + r.width / 2;
          seq->oy = r.y + r.height / 2;
        }
      else
        {
          /* The opposite corner stays put. */
          UrokBoardHandle opposite = (seq->handle - UROK_BOARD_HANDLE_TOP_LEFT + 2) % 4 + UROK_BOARD_HANDLE_TOP_LEFT;

          urok_board_input_get_handle (input, opposite, &seq->ox, &seq->oy);
        }
      return;
    }
  hit = urok_board_page_hit_test (input->page, bx, by, PICK_TOLERANCE_PX / input->scale);
  if (hit != NULL)
    {
      guint64 id = urok_board_item_get_id (hit);

      if (!selected (input, id))
        urok_board_input_set_selection (input, &id, 1);
      seq->mode = SELECT_MOVE;
      return;
    }
  if (urok_board_input_get_selection_bounds (input, &r) &&
      bx >= r.x && bx <= r.x + r.width && by >= r.y && by <= r.y + r.height)
    {
      seq->mode = SELECT_MOVE;
      return;
    }
  seq->mode = SELECT_LASSO;
  urok_board_input_clear_selection (input);
  seq->path = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (seq->path, bx);
  g_array_append_val (seq->path, by);
}

static void
select_motion (UrokBoardInput    *input,
               UrokBoardSequence *seq,
               double             bx,
               double             by,
               double             pressure,
               guint32            time_ms)
{
  switch (seq->mode)
    {
    case SELECT_MOVE:
      cairo_matrix_init_translate (&seq->matrix, bx - seq->ax, by - seq->ay);
      show_moved (input, seq);
      break;
    case SELECT_SCALE:
      {
        double hx, hy, ux, uy, len2, s;

        /* The grip follows the hand wherever on the grip it was taken;
         * the scale is the hand's way along the diagonal. */
        urok_board_input_get_handle (input, seq->handle, &hx, &hy);
        ux = hx - seq->ox;
        uy = hy - seq->oy;
        len2 = ux * ux + uy * uy;
        s = len2 > 0 ? ((bx - seq->ax + hx - seq->ox) * ux + (by - seq->ay + hy - seq->oy) * uy) / len2 : 1;

        s = MAX (s, MIN_SCALE_FACTOR);
        cairo_matrix_init_translate (&seq->matrix, seq->ox, seq->oy);
        cairo_matrix_scale (&seq->matrix, s, s);
        cairo_matrix_translate (&seq->matrix, -seq->ox, -seq->oy);
        show_moved (input, seq);
      }
      break;
    case SELECT_ROTATE:
      {
        double angle = atan2 (by - seq->oy, bx - seq->ox) - atan2 (seq->ay - seq->oy, seq->ax - seq->ox);

        cairo_matrix_init_translate (&seq->matrix, seq->ox, seq->oy);
        cairo_matrix_rotate (&seq->matrix, angle);
        cairo_matrix_translate (&seq->matrix, -seq->ox, -seq->oy);
        show_moved (input, seq);
      }
      break;
    case SELECT_LASSO:
      {
        double lx = g_array_index (seq->path, double, seq->path->len - 2);
        double ly = g_array_index (seq->path, double, seq->path->len - 1);
        GPtrArray *previews;
        UrokBoardItem *loop;

        if (hypot (bx - lx, by - ly) < 2 / input->scale)
          return;
        g_array_append_val (seq->path, bx);
        g_array_append_val (seq->path, by);
        loop = lasso_preview (input, seq->path);
        previews = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_board_item_unref);
        if (loop != NULL)
          g_ptr_array_add (previews, loop);
        _urok_board_input_set_previews (input, previews);
      }
      break;
    case SELECT_NONE:
    default:
      break;
    }
}

/* Shoelace area of a closed path (x,y pairs). */
static double
path_area (const double *xy,
           gsize         n)
{
  double a = 0;

  for (gsize i = 0; i < n; i++)
    {
      gsize j = (i + 1) % n;

      a += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
    }
  return fabs (a) / 2;
}

static void
select_enclosed (UrokBoardInput    *input,
                 UrokBoardSequence *seq)
{
  const double *xy = (const double *)(gpointer)seq->path->data;
  gsize n = seq->path->len / 2;
  UrokBoardRect box = { xy[0], xy[1], 0, 0 };
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint64));
  gboolean loop;

  for (gsize i = 1; i < n; i++)
    {
      UrokBoardRect p = { xy[2 * i], xy[2 * i + 1], 0, 0 };

      urok_board_rect_union (&box, &p, &box);
    }
  loop = n >= 3 && path_area (xy, n) >= LOOP_SHARE * box.width * box.height;
  if (!loop)
    {
      /* From where the hand began to where it lifted. */
      box.x = MIN (xy[0], xy[2 * n - 2]);
      box.y = MIN (xy[1], xy[2 * n - 1]);
      box.width = fabs (xy[2 * n - 2] - xy[0]);
      box.height = fabs (xy[2 * n - 1] - xy[1]);
    }
  candidates = urok_board_page_items_in_rect (input->page, &box);
  for (guint i = 0; i < candidates->len; i++)
    {
      const UrokBoardRect *b = urok_board_item_get_bounds (candidates->pdata[i]);
      gboolean in = TRUE;

      if (!loop)
        in = b->x >= box.x && b->y >= box.y && b->x + b->width <= box.x + box.width &&
             b->y + b->height <= box.y + box.height;
      else
        {
          g_autoptr(GArray) outline = g_array_new (FALSE, FALSE, sizeof (double));

          urok_board_item_get_polyline (candidates->pdata[i], outline);
          for (guint k = 0; k + 1 < outline->len && in; k += 2)
            in = _urok_board_point_in_polygon (xy, n, g_array_index (outline, double, k), g_array_index (outline, double, k + 1));
        }
      if (in)
        {
          guint64 id = urok_board_item_get_id (candidates->pdata[i]);

          g_array_append_val (ids, id);
        }
    }
  urok_board_input_set_selection (input, (const guint64 *)(gpointer)ids->data, ids->len);
}

static gboolean
is_identity (const cairo_matrix_t *m)
{
  return m->xx == 1 && m->yx == 0 && m->xy == 0 && m->yy == 1 && m->x0 == 0 && m->y0 == 0;
}

static void
select_end (UrokBoardInput    *input,
            UrokBoardSequence *seq)
{
  g_autoptr(GError) error = NULL;

  if (seq->mode == SELECT_NONE)
    return;
  input->selecting = NULL;
  _urok_board_input_set_previews (input, NULL);
  if (seq->mode == SELECT_LASSO)
    {
      select_enclosed (input, seq);
      return;
    }
  prune (input);
  if (is_identity (&seq->matrix) || input->selection->len == 0)
    return;
  if (!urok_board_page_transform_items (input->page, (const guint64 *)(gpointer)input->selection->data,
                                        input->selection->len, &seq->matrix, &error))
    g_warning ("The selection could not be moved: %s", error->message);
  _urok_board_input_selection_changed (input);
}

static void
select_cancel (UrokBoardInput    *input,
               UrokBoardSequence *seq)
{
  if (seq->mode == SELECT_NONE)
    return;
  input->selecting = NULL;
  _urok_board_input_set_previews (input, NULL);
}

const UrokBoardToolHandler _urok_board_select_handler = {
  select_begin,
  select_motion,
  select_end,
  select_cancel,
};
