/* urok-board-page-erase.c: hit tests and the two erasers of a board page.
 *
 * The eraser reports where it was at each motion event; between two events
 * a fast hand covers a long segment.  Both erasers test every segment of
 * that swept path against every segment of the candidate strokes (found by
 * the R-tree from the segment's box grown by the radius), so nothing the
 * eraser passed over escapes however far apart the samples are.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-item-private.h"
#include "urok-board-page-private.h"

typedef struct
{
  UrokBoardPage      *page;
  double              x, y, tolerance;
  UrokBoardPageEntry *best;
} HitSearch;

static gboolean
is_above (const UrokBoardPageEntry *a,
          const UrokBoardPageEntry *b)
{
  guint la = urok_board_item_get_layer (a->item), lb = urok_board_item_get_layer (b->item);

  if (la != lb)
    return la > lb;
  if (a->order != b->order)
    return a->order > b->order;
  return a->id > b->id;
}

static gboolean
hit_candidate (guint64              id,
               const UrokBoardRect *rect,
               gpointer             user_data)
{
  HitSearch *s = user_data;
  UrokBoardPageEntry *entry = _urok_board_page_lookup_entry (s->page, id);

  if ((s->best == NULL || is_above (entry, s->best))
      && urok_board_page_get_layer_visible (s->page, urok_board_item_get_layer (entry->item))
      && urok_board_item_touches_segment (entry->item, s->x, s->y, s->x, s->y, s->tolerance))
    s->best = entry;
  return TRUE;
}

UrokBoardItem *
urok_board_page_hit_test (UrokBoardPage *self,
                          double         x,
                          double         y,
                          double         tolerance)
{
  HitSearch s = { self, x, y, MAX (tolerance, 0), NULL };
  UrokBoardRect r = { x - s.tolerance, y - s.tolerance, 2 * s.tolerance, 2 * s.tolerance };

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), NULL);

  urok_rtree_query (_urok_board_page_get_tree (self), &r, hit_candidate, &s);
  return s.best != NULL ? s.best->item : NULL;
}

typedef struct
{
  UrokBoardPage *page;
  double         ax, ay, bx, by, radius;
  GHashTable    *seen;
  GArray        *ids;
} PathSearch;

static gboolean
path_candidate (guint64              id,
                const UrokBoardRect *rect,
                gpointer             user_data)
{
  PathSearch *s = user_data;
  UrokBoardPageEntry *entry = _urok_board_page_lookup_entry (s->page, id);

  if (urok_board_item_get_kind (entry->item) != UROK_BOARD_ITEM_STROKE
      || !urok_board_page_get_layer_visible (s->page, urok_board_item_get_layer (entry->item))
      || (s->seen != NULL && g_hash_table_contains (s->seen, &entry->id)))
    return TRUE;
  if (urok_board_item_touches_segment (entry->item, s->ax, s->ay, s->bx, s->by, s->radius))
    {
      g_array_append_val (s->ids, id);
      if (s->seen != NULL)
        g_hash_table_add (s->seen, &entry->id);
    }
  return TRUE;
}

GArray *
urok_board_page_strokes_along_path (UrokBoardPage *self,
                                    const double  *xy,
                                    gsize          n_points,
                                    double         radius)
{
  PathSearch s = { self, 0, 0, 0, 0, MAX (radius, 0), NULL, NULL };

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), NULL);
  g_return_val_if_fail (xy != NULL || n_points == 0, NULL);

  s.ids = g_array_new (FALSE, FALSE, sizeof (guint64));
  /* One segment (the common case, once per motion event) cannot find a
   * stroke twice; longer paths remember what they found. */
  if (n_points > 2)
    s.seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (gsize i = 0; i < n_points; i++)
    {
      gsize j = MIN (i + 1, n_points - 1);
      UrokBoardRect r;

      if (i == j && n_points > 1)
        break;
      s.ax = xy[2 * i];
      s.ay = xy[2 * i + 1];
      s.bx = xy[2 * j];
      s.by = xy[2 * j + 1];
      r = (UrokBoardRect) { MIN (s.ax, s.bx) - s.radius, MIN (s.ay, s.by) - s.radius,
                            fabs (s.bx - s.ax) + 2 * s.radius, fabs (s.by - s.ay) + 2 * s.radius };
      urok_rtree_query (_urok_board_page_get_tree (self), &r, path_candidate, &s);
    }
  g_clear_pointer (&s.seen, g_hash_table_unref);
  return s.ids;
}

guint
urok_board_page_erase_strokes (UrokBoardPage *self,
                               const double  *xy,
                               gsize          n_points,
                               double         radius)
{
  g_autoptr(GArray) ids = urok_board_page_strokes_along_path (self, xy, n_points, radius);

  if (ids == NULL || ids->len == 0)
    return 0;
  urok_board_page_begin_group (self);
  for (guint i = 0; i < ids->len; i++)
    {
      UrokBoardPageEntry *entry = _urok_board_page_lookup_entry (self, g_array_index (ids, guint64, i));

      _urok_board_page_change (self, entry->item, NULL, 0);
    }
  urok_board_page_end_group (self);
  return ids->len;
}

static double
path_distance2 (const double *xy,
                gsize         n_points,
                double        px,
                double        py)
{
  double best = G_MAXDOUBLE;

  if (n_points == 1)
    return _urok_board_point_segment_distance2 (px, py, xy[0], xy[1], xy[0], xy[1]);
  for (gsize i = 0; i + 1 < n_points; i++)
    best = MIN (best, _urok_board_point_segment_distance2 (px, py, xy[2 * i], xy[2 * i + 1],
                                                           xy[2 * i + 2], xy[2 * i + 3]));
  return best;
}

static double
path_segment_distance2 (const double *xy,
                        gsize         n_points,
                        const UrokBoardPoint *a,
                        const UrokBoardPoint *b)
{
  double best = G_MAXDOUBLE;

  for (gsize i = 0; i < MAX (n_points, 2) - 1; i++)
    {
      gsize j = MIN (i + 1, n_points - 1);

      best = MIN (best, _urok_board_segment_segment_distance2 (xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1],
                                                               a->x, a->y, b->x, b->y));
    }
  return best;
}

/* The stroke's points, with points added on the segments the eraser comes
 * near (every radius / 3), so that a cut falls close to the eraser's edge
 * even when the stroke's own points are far apart. */
static GArray *
densify (const UrokBoardItem *stroke,
         const double        *xy,
         gsize                n_xy,
         double               radius)
{
  gsize n;
  const UrokBoardPoint *p = urok_board_item_get_points (stroke, &n);
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (UrokBoardPoint), n);
  double near = 2 * radius;

  for (gsize i = 0; i < n; i++)
    {
      g_array_append_val (out, p[i]);
      if (i + 1 < n && path_segment_distance2 (xy, n_xy, &p[i], &p[i + 1]) <= near * near)
        {
          double len = hypot (p[i + 1].x - p[i].x, p[i + 1].y - p[i].y);
          int steps = (int)MIN (ceil (len / MAX (radius / 3, 0.5)), 4096);

          for (int k = 1; k < steps; k++)
            {
              double t = (double)k / steps;
              UrokBoardPoint q = {
                p[i].x + t * (p[i + 1].x - p[i].x),
                p[i].y + t * (p[i + 1].y - p[i].y),
                p[i].pressure + t * (p[i + 1].pressure - p[i].pressure),
                p[i].time_ms + (guint32)(t * ((double)p[i + 1].time_ms - p[i].time_ms)),
              };

              g_array_append_val (out, q);
            }
        }
    }
  return out;
}

guint
urok_board_page_erase_area (UrokBoardPage *self,
                            const double  *xy,
                            gsize          n_points,
                            double         radius)
{
  g_autoptr(GArray) ids = urok_board_page_strokes_along_path (self, xy, n_points, radius);
  guint changed = 0;

  if (ids == NULL || ids->len == 0)
    return 0;
  urok_board_page_begin_group (self);
  for (guint i = 0; i < ids->len; i++)
    {
      UrokBoardPageEntry *entry = _urok_board_page_lookup_entry (self, g_array_index (ids, guint64, i));
      g_autoptr(UrokBoardItem) stroke = urok_board_item_ref (entry->item);
      guint64 order = entry->order;
      g_autoptr(GArray) dense = densify (stroke, xy, n_points, radius);
      const UrokBoardPoint *p = (const UrokBoardPoint *)(gpointer)dense->data;
      g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_board_item_unref);
      gboolean any_covered = FALSE;
      gsize run = 0;

      /* Runs of points the eraser did not cover become the new strokes;
       * a run of one point on a longer stroke is a speck and goes too. */
      for (gsize k = 0; k <= dense->len; k++)
        {
          gboolean covered = k < dense->len && path_distance2 (xy, n_points, p[k].x, p[k].y) <= radius * radius;

          any_covered |= covered;
          if (k < dense->len && !covered)
            continue;
          if (k - run >= 2 || (k - run == 1 && dense->len == 1))
            g_ptr_array_add (pieces, urok_board_item_with_points (stroke, urok_board_page_next_id (self),
                                                                  p + run, k - run));
          run = k + 1;
        }
      if (!any_covered)
        continue;
      changed++;
      _urok_board_page_change (self, stroke, NULL, 0);
      for (guint k = 0; k < pieces->len; k++)
        _urok_board_page_change (self, NULL, pieces->pdata[k], order);
    }
  urok_board_page_end_group (self);
  return changed;
}
