/* urok-board-tiles.c: rendered tiles of a board page, made on worker
 * threads and kept in a least-recently-used cache.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "urok-board-render.h"
#include "urok-board-tiles.h"

#define TILE_BYTES ((gsize)UROK_BOARD_TILE_SIZE * UROK_BOARD_TILE_SIZE * 4)

typedef struct
{
  double scale;
  int    tx;
  int    ty;
} TileKey;

typedef struct
{
  TileKey     key;
  GdkTexture *texture;
  GList       lru;        /* link in self->lru; data is the tile */
  guint       wanted;     /* bumped when the page changes under it */
  guint       have;       /* the version its texture shows (0: none) */
  gboolean    pending;
  guint       used_frame;
} Tile;

/* What workers hand back, shared with them: the cache may be freed while
 * a worker still holds a job. */
typedef struct
{
  gatomicrefcount  ref_count;
  GMutex           lock;
  GQueue           done;       /* Job */
  GCond            arrived;    /* a job was put in done */
  gboolean         scheduled;
  UrokBoardTiles  *owner;      /* main thread only; NULL once freed */
  gint             generation; /* atomic: jobs of older ones are skipped */
} Inbox;

typedef struct
{
  Inbox              *inbox;
  TileKey             key;
  guint               version;
  gint                generation;
  UrokBoardRect       rect;
  GPtrArray          *items;
  UrokBoardBackground background;
  double              page_width;
  double              page_height;
  GBytes             *background_data;
  gboolean            transparent;
  GdkTexture         *texture;
} Job;

struct _UrokBoardTiles
{
  UrokBoardPage           *page;
  gboolean                 transparent;
  GHashTable              *tiles;   /* TileKey → Tile (owned) */
  GQueue                   lru;     /* most recent first */
  gsize                    max_bytes;
  gsize                    bytes;
  guint                    n_pending;
  guint                    frame;
  double                   complete_scale;
  double                   request_scale;
  GThreadPool             *pool;
  Inbox                   *inbox;
  UrokBoardTilesReadyFunc  ready;
  gpointer                 user_data;
};

static guint
tile_key_hash (gconstpointer p)
{
  const TileKey *k = p;
  guint64 bits;

  memcpy (&bits, &k->scale, sizeof bits);
  return (guint)(bits ^ (bits >> 32)) * 31u + (guint)k->tx * 7919u + (guint)k->ty;
}

static gboolean
tile_key_equal (gconstpointer a,
                gconstpointer b)
{
  const TileKey *x = a, *y = b;

  return x->scale == y->scale && x->tx == y->tx && x->ty == y->ty;
}

static void
tile_free (Tile *tile)
{
  g_clear_object (&tile->texture);
  g_free (tile);
}

static Inbox *
inbox_ref (Inbox *inbox)
{
  g_atomic_ref_count_inc (&inbox->ref_count);
  return inbox;
}

static void job_free (Job *job);

static void
inbox_unref (Inbox *inbox)
{
  if (!g_atomic_ref_count_dec (&inbox->ref_count))
    return;
  g_queue_clear_full (&inbox->done, (GDestroyNotify)job_free);
  g_mutex_clear (&inbox->lock);
  g_cond_clear (&inbox->arrived);
  g_free (inbox);
}

static void
job_free (Job *job)
{
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_pointer (&job->background_data, g_bytes_unref);
  g_clear_object (&job->texture);
  g_clear_pointer (&job->inbox, inbox_unref);
  g_free (job);
}

static void
tile_rect (const TileKey *key,
           UrokBoardRect *rect)
{
  double size = UROK_BOARD_TILE_SIZE / key->scale;

  *rect = (UrokBoardRect) { key->tx * size, key->ty * size, size, size };
}

/* Worker thread: only immutable data (items, background bytes). */
static void
render_job (Job *job)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, UROK_BOARD_TILE_SIZE, UROK_BOARD_TILE_SIZE);
  cr = cairo_create (surface);
  if (!job->transparent)
    urok_board_render_background (cr, job->background, job->page_width, job->page_height, job->background_data,
                                  &job->rect, job->key.scale);
  urok_board_render_item_list (cr, job->items, &job->rect, job->key.scale, UROK_BOARD_RENDER_DEFAULT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* The texture keeps the surface's pixels: no copy. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)cairo_image_surface_get_stride (surface) * UROK_BOARD_TILE_SIZE,
                                      (GDestroyNotify)cairo_surface_destroy, surface);
  job->texture = gdk_memory_texture_new (UROK_BOARD_TILE_SIZE, UROK_BOARD_TILE_SIZE, GDK_MEMORY_DEFAULT, bytes,
                                         cairo_image_surface_get_stride (surface));
}

static gboolean deliver_idle (gpointer data);

static void
worker (gpointer data,
        gpointer user_data)
{
  Job *job = data;
  Inbox *inbox = job->inbox;
  gboolean schedule;

  /* A job of a scale the view has left: skip the work, report it done. */
  if (job->generation == g_atomic_int_get (&inbox->generation))
    render_job (job);

  g_mutex_lock (&inbox->lock);
  g_queue_push_tail (&inbox->done, job);
  g_cond_signal (&inbox->arrived);
  schedule = !inbox->scheduled;
  inbox->scheduled = TRUE;
  g_mutex_unlock (&inbox->lock);
  if (schedule)
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, deliver_idle, inbox_ref (inbox), (GDestroyNotify)inbox_unref);
}

static void
evict (UrokBoardTiles *self)
{
  while (self->bytes > self->max_bytes && self->lru.tail != NULL)
    {
      Tile *tile = self->lru.tail->data;

      if (tile->used_frame == self->frame)
        break; /* everything left is on screen */
      g_queue_unlink (&self->lru, &tile->lru);
      if (tile->texture != NULL)
        self->bytes -= TILE_BYTES;
      g_hash_table_remove (self->tiles, &tile->key);
    }
}

static void
apply (UrokBoardTiles *self,
       Job            *job)
{
  Tile *tile = g_hash_table_lookup (self->tiles, &job->key);

  g_assert (self->n_pending > 0);
  self->n_pending--;
  if (tile == NULL || !tile->pending)
    return; /* evicted or forgotten meanwhile */
  tile->pending = FALSE;
  if (job->texture == NULL)
    return;
  if (tile->texture == NULL)
    self->bytes += TILE_BYTES;
  g_set_object (&tile->texture, job->texture);
  tile->have = job->version;
}

void
urok_board_tiles_deliver (UrokBoardTiles *self)
{
  GQueue done = G_QUEUE_INIT;
  Job *job;

  g_mutex_lock (&self->inbox->lock);
  done = self->inbox->done;
  g_queue_init (&self->inbox->done);
  self->inbox->scheduled = FALSE;
  g_mutex_unlock (&self->inbox->lock);

  while ((job = g_queue_pop_head (&done)) != NULL)
    {
      apply (self, job);
      job_free (job);
    }
  evict (self);
}

void
urok_board_tiles_wait (UrokBoardTiles *self)
{
  while (self->n_pending > 0)
    {
      g_mutex_lock (&self->inbox->lock);
      while (g_queue_is_empty (&self->inbox->done))
        g_cond_wait (&self->inbox->arrived, &self->inbox->lock);
      g_mutex_unlock (&self->inbox->lock);
      urok_board_tiles_deliver (self);
    }
}

static gboolean
deliver_idle (gpointer data)
{
  Inbox *inbox = data;
  UrokBoardTiles *self = inbox->owner;

  if (self == NULL)
    return G_SOURCE_REMOVE;
  urok_board_tiles_deliver (self);
  if (self->ready != NULL)
    self->ready (self->user_data);
  return G_SOURCE_REMOVE;
}

UrokBoardTiles *
urok_board_tiles_new (guint                   n_threads,
                      gsize                   max_bytes,
                      UrokBoardTilesReadyFunc ready,
                      gpointer                user_data)
{
  UrokBoardTiles *self = g_new0 (UrokBoardTiles, 1);

  if (n_threads == 0)
    n_threads = CLAMP (g_get_num_processors (), 1, 8);
  /* For measuring: UROK_BOARD_TILE_THREADS=1 shows the pool's gain. */
  if (g_getenv ("UROK_BOARD_TILE_THREADS") != NULL)
    n_threads = CLAMP (atoi (g_getenv ("UROK_BOARD_TILE_THREADS")), 1, 64);
  self->tiles = g_hash_table_new_full (tile_key_hash, tile_key_equal, NULL, (GDestroyNotify)tile_free);
  self->max_bytes = MAX (max_bytes, 16 * TILE_BYTES);
  self->ready = ready;
  self->user_data = user_data;
  self->inbox = g_new0 (Inbox, 1);
  g_atomic_ref_count_init (&self->inbox->ref_count);
  g_mutex_init (&self->inbox->lock);
  g_cond_init (&self->inbox->arrived);
  self->inbox->owner = self;
  self->pool = g_thread_pool_new (worker, NULL, (int)n_threads, FALSE, NULL);
  return self;
}

void
urok_board_tiles_free (UrokBoardTiles *self)
{
  /* Queued jobs are dropped, running ones finished; what they hand back
   * then goes nowhere. */
  g_atomic_int_inc (&self->inbox->generation);
  g_thread_pool_free (self->pool, TRUE, TRUE);
  self->inbox->owner = NULL;
  g_clear_pointer (&self->inbox, inbox_unref);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_object (&self->page);
  g_free (self);
}

static void
forget_all (UrokBoardTiles *self)
{
  /* Pending jobs still count until they come back. */
  g_atomic_int_inc (&self->inbox->generation);
  g_hash_table_remove_all (self->tiles);
  g_queue_init (&self->lru);
  self->bytes = 0;
  self->complete_scale = 0;
}

void
urok_board_tiles_set_page (UrokBoardTiles *self,
                           UrokBoardPage  *page)
{
  if (self->page == page)
    return;
  forget_all (self);
  g_set_object (&self->page, page);
}

void
urok_board_tiles_set_transparent (UrokBoardTiles *self,
                                  gboolean        transparent)
{
  if (self->transparent == transparent)
    return;
  forget_all (self);
  self->transparent = transparent;
}

void
urok_board_tiles_invalidate (UrokBoardTiles      *self,
                             const UrokBoardRect *dirty)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Tile *tile = value;
      UrokBoardRect rect;

      tile_rect (&tile->key, &rect);
      if (urok_board_rect_intersects (&rect, dirty))
        tile->wanted++;
    }
}

static Job *
new_job (UrokBoardTiles *self,
         Tile           *tile)
{
  Job *job = g_new0 (Job, 1);

  job->inbox = inbox_ref (self->inbox);
  job->key = tile->key;
  job->version = tile->wanted;
  job->generation = g_atomic_int_get (&self->inbox->generation);
  tile_rect (&tile->key, &job->rect);
  job->background = urok_board_page_get_background (self->page);
  job->transparent = self->transparent;
  job->page_width = urok_board_page_get_width (self->page);
  job->page_height = urok_board_page_get_height (self->page);
  job->background_data = urok_board_page_get_background_data (self->page);
  if (job->background_data != NULL)
    g_bytes_ref (job->background_data);
  tile->pending = TRUE;
  self->n_pending++;
  return job;
}

/* The tiles of @tiles (all of one scale) to the workers.  Their items are
 * gathered here, since the page and its R-tree belong to the main thread,
 * a row of tiles at a time: one query per row, each item then handed to
 * the tiles its bounds meet (keeping the z-order), and the row's jobs
 * queued at once, so the workers draw the first row while the next is
 * gathered. */
static void
submit (UrokBoardTiles *self,
        GPtrArray      *tiles)
{
  g_autofree Job **grid = NULL;
  double scale, size;
  int tx0 = G_MAXINT, ty0 = G_MAXINT, tx1 = G_MININT, ty1 = G_MININT, columns;

  if (tiles->len == 0)
    return;
  scale = ((Tile *)tiles->pdata[0])->key.scale;
  size = UROK_BOARD_TILE_SIZE / scale;
  for (guint i = 0; i < tiles->len; i++)
    {
      const TileKey *key = &((Tile *)tiles->pdata[i])->key;

      tx0 = MIN (tx0, key->tx), tx1 = MAX (tx1, key->tx);
      ty0 = MIN (ty0, key->ty), ty1 = MAX (ty1, key->ty);
    }
  columns = tx1 - tx0 + 1;
  grid = g_new0 (Job *, (gsize)columns * (ty1 - ty0 + 1));
  for (guint i = 0; i < tiles->len; i++)
    {
      Tile *tile = tiles->pdata[i];
      Job *job = new_job (self, tile);

      job->items = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_board_item_unref);
      grid[(tile->key.ty - ty0) * columns + (tile->key.tx - tx0)] = job;
    }

  for (int ty = ty0; ty <= ty1; ty++)
    {
      Job **row = grid + (gsize)(ty - ty0) * columns;
      int rx0 = G_MAXINT, rx1 = G_MININT;
      g_autoptr(GPtrArray) items = NULL;
      UrokBoardRect rect;

      for (int tx = tx0; tx <= tx1; tx++)
        if (row[tx - tx0] != NULL)
          rx0 = MIN (rx0, tx), rx1 = MAX (rx1, tx);
      if (rx0 > rx1)
        continue;
      rect = (UrokBoardRect) { rx0 * size, ty * size, (rx1 - rx0 + 1) * size, size };
      items = urok_board_page_items_in_rect (self->page, &rect);
      for (guint i = 0; i < items->len; i++)
        {
          const UrokBoardRect *b = urok_board_item_get_bounds (items->pdata[i]);
          /* A little wider than exact: the worker culls again, exactly. */
          int x0 = MAX (rx0, (int)floor ((b->x - 1e-3) / size));
          int x1 = MIN (rx1, (int)floor ((b->x + b->width + 1e-3) / size));

          for (int tx = x0; tx <= x1; tx++)
            if (row[tx - tx0] != NULL)
              g_ptr_array_add (row[tx - tx0]->items, urok_board_item_ref (items->pdata[i]));
        }
      for (int tx = rx0; tx <= rx1; tx++)
        if (row[tx - tx0] != NULL)
          g_thread_pool_push (self->pool, row[tx - tx0], NULL);
    }
}

/* The range of tile indices covering board [x0, x1) at @scale. */
static void
tile_range (double  scale,
            double  x0,
            double  x1,
            int    *first,
            int    *last)
{
  *first = (int)floor (x0 * scale / UROK_BOARD_TILE_SIZE);
  *last = (int)floor ((x1 * scale - 1e-6) / UROK_BOARD_TILE_SIZE);
}

static gboolean
on_page (UrokBoardTiles      *self,
         const UrokBoardRect *rect)
{
  UrokBoardRect page;

  if (urok_board_page_is_infinite (self->page))
    return TRUE;
  page = (UrokBoardRect) { 0, 0, urok_board_page_get_width (self->page), urok_board_page_get_height (self->page) };
  return urok_board_rect_intersects (&page, rect) &&
         rect->x < page.width && rect->y < page.height && rect->x + rect->width > 0 && rect->y + rect->height > 0;
}

static void
touch (UrokBoardTiles *self,
       Tile           *tile)
{
  g_queue_unlink (&self->lru, &tile->lru);
  g_queue_push_head_link (&self->lru, &tile->lru);
  tile->used_frame = self->frame;
}

static void
draw_level (UrokBoardTiles *self,
            GtkSnapshot    *snapshot,
            double          level,
            double          scale,
            double          ox,
            double          oy,
            int             width,
            int             height,
            gboolean        current,
            gboolean        request,
            GPtrArray      *to_submit,
            gboolean       *complete)
{
  double ratio = scale / level, size = UROK_BOARD_TILE_SIZE * ratio;
  int tx0, tx1, ty0, ty1;

  tile_range (level, -ox / scale, (width - ox) / scale, &tx0, &tx1);
  tile_range (level, -oy / scale, (height - oy) / scale, &ty0, &ty1);
  for (int ty = ty0; ty <= ty1; ty++)
    for (int tx = tx0; tx <= tx1; tx++)
      {
        TileKey key = { level, tx, ty };
        Tile *tile = g_hash_table_lookup (self->tiles, &key);
        UrokBoardRect rect;

        if (tile == NULL && current)
          {
            tile_rect (&key, &rect);
            if (!on_page (self, &rect))
              continue;
            if (!request)
              {
                *complete = FALSE;
                continue;
              }
            tile = g_new0 (Tile, 1);
            tile->key = key;
            tile->wanted = 1;
            tile->lru.data = tile;
            g_hash_table_insert (self->tiles, &tile->key, tile);
            g_queue_push_head_link (&self->lru, &tile->lru);
          }
        if (tile == NULL)
          continue;
        if (current)
          {
            touch (self, tile);
            if (tile->have != tile->wanted)
              {
                *complete = FALSE;
                if (request && !tile->pending)
                  g_ptr_array_add (to_submit, tile);
              }
          }
        if (tile->texture != NULL)
          gtk_snapshot_append_texture (snapshot, tile->texture,
                                       &GRAPHENE_RECT_INIT (ox + tx * size, oy + ty * size, size, size));
      }
}

void
urok_board_tiles_snapshot (UrokBoardTiles *self,
                           GtkSnapshot    *snapshot,
                           double          scale,
                           double          ox,
                           double          oy,
                           int             width,
                           int             height,
                           gboolean        request)
{
  g_autoptr(GPtrArray) to_submit = NULL;
  gboolean complete = TRUE;

  if (self->page == NULL || width <= 0 || height <= 0)
    return;
  to_submit = g_ptr_array_new ();
  self->frame++;
  if (request && scale != self->request_scale)
    {
      /* Work queued for the scale the view left is skipped. */
      g_atomic_int_inc (&self->inbox->generation);
      self->request_scale = scale;
    }
  /* The last complete scale under the current one: no hole while the
   * sharp tiles come. */
  if (self->complete_scale > 0 && self->complete_scale != scale)
    draw_level (self, snapshot, self->complete_scale, scale, ox, oy, width, height, FALSE, FALSE, to_submit,
                &complete);
  draw_level (self, snapshot, scale, scale, ox, oy, width, height, TRUE, request, to_submit, &complete);
  submit (self, to_submit);
  if (complete)
    self->complete_scale = scale;
  evict (self);
}

gboolean
urok_board_tiles_is_current (UrokBoardTiles      *self,
                             double               scale,
                             const UrokBoardRect *rect)
{
  int tx0, tx1, ty0, ty1;

  tile_range (scale, rect->x, rect->x + rect->width, &tx0, &tx1);
  tile_range (scale, rect->y, rect->y + rect->height, &ty0, &ty1);
  for (int ty = ty0; ty <= ty1; ty++)
    for (int tx = tx0; tx <= tx1; tx++)
      {
        TileKey key = { scale, tx, ty };
        Tile *tile = g_hash_table_lookup (self->tiles, &key);

        if (tile == NULL || tile->have != tile->wanted)
          return FALSE;
      }
  return TRUE;
}

guint
urok_board_tiles_get_n_pending (UrokBoardTiles *self)
{
  return self->n_pending;
}

guint
urok_board_tiles_get_n_cached (UrokBoardTiles *self)
{
  return g_hash_table_size (self->tiles);
}

gsize
urok_board_tiles_get_memory (UrokBoardTiles *self)
{
  return self->bytes;
}
