/* urok-pdf-tiles.c: rendered tiles of PDF pages, made on a worker thread
 * and kept in a memory-capped least-recently-used cache.
 *
 * One worker thread, with a UrokPdf of its own: poppler documents are not
 * thread-safe, and one thread per document is also what poppler is fastest
 * at (its font and image caches stay warm).  Jobs carry the generation
 * they were asked in; when the zoom changes the generation moves on and
 * the worker skips what nobody wants any more.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-pdf-tiles.h"

typedef struct
{
  guint page;
  int   level; /* the scale in thousandths */
  int   tx;
  int   ty;
} TileKey;

typedef struct
{
  TileKey     key;
  double      scale;
  GdkTexture *texture; /* NULL while pending */
  gsize       bytes;
  GList       lru;     /* link in self->lru, data is the tile */
} Tile;

/* Shared with the worker, which may outlive the cache by a job. */
typedef struct
{
  gatomicrefcount ref_count;
  GMutex          lock;
  GQueue          done;       /* Job */
  gboolean        scheduled;
  UrokPdfTiles   *owner;      /* main thread only; NULL once freed */
  gint            generation; /* atomic */
  UrokPdf        *pdf;        /* the worker's own */
} Inbox;

typedef struct
{
  Inbox      *inbox;
  TileKey     key;
  double      scale;
  int         width;
  int         height;
  gint        generation;
  GdkTexture *texture;
} Job;

struct _UrokPdfTiles
{
  GHashTable            *tiles; /* TileKey → Tile (owned) */
  GQueue                 lru;   /* most recent first; finished tiles only */
  gsize                  max_bytes;
  gsize                  bytes;
  guint                  n_pending;
  guint                  n_rendered;
  GThreadPool           *pool;
  Inbox                 *inbox;
  UrokPdfTilesReadyFunc  ready;
  gpointer               user_data;
};

static guint
key_hash (gconstpointer p)
{
  const TileKey *k = p;

  return (guint)k->page * 2654435761u ^ (guint)k->level * 40503u ^ (guint)k->tx * 977u ^ (guint)k->ty;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const TileKey *x = a, *y = b;

  return x->page == y->page && x->level == y->level && x->tx == y->tx && x->ty == y->ty;
}

static int
scale_level (double scale)
{
  return (int)lround (scale * 1000);
}

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  g_clear_object (&tile->texture);
  g_free (tile);
}

static Inbox *
inbox_ref (Inbox *inbox)
{
  g_atomic_ref_count_inc (&inbox->ref_count);
  return inbox;
}

static void
inbox_unref (Inbox *inbox)
{
  if (!g_atomic_ref_count_dec (&inbox->ref_count))
    return;
  g_queue_clear_full (&inbox->done, NULL);
  g_clear_object (&inbox->pdf);
  g_mutex_clear (&inbox->lock);
  g_free (inbox);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->texture);
  inbox_unref (job->inbox);
  g_free (job);
}

static void
evict (UrokPdfTiles *self)
{
  while (self->bytes > self->max_bytes && self->lru.tail != NULL)
    {
      Tile *tile = self->lru.tail->data;

      g_queue_unlink (&self->lru, &tile->lru);
      self->bytes -= tile->bytes;
      g_hash_table_remove (self->tiles, &tile->key);
    }
}

/* Main thread: take in what the worker finished. */
static gboolean
drain (gpointer data)
{
  Inbox *inbox = data;
  UrokPdfTiles *self = inbox->owner;
  GQueue done = G_QUEUE_INIT;
  gboolean any = FALSE;
  Job *job;

  g_mutex_lock (&inbox->lock);
  done = inbox->done;
  g_queue_init (&inbox->done);
  inbox->scheduled = FALSE;
  g_mutex_unlock (&inbox->lock);

  while ((job = g_queue_pop_head (&done)) != NULL)
    {
      Tile *tile = self != NULL ? g_hash_table_lookup (self->tiles, &job->key) : NULL;

      if (tile != NULL && tile->texture == NULL)
        {
          /* A skipped job of an older generation leaves a tile asked
           * for again alone; a finished one fills it just as well. */
          if (job->texture != NULL)
            {
              self->n_pending--;
              tile->texture = g_steal_pointer (&job->texture);
              tile->bytes = (gsize)job->width * job->height * 4;
              self->bytes += tile->bytes;
              self->n_rendered++;
              g_queue_push_head_link (&self->lru, &tile->lru);
              any = TRUE;
            }
          else if (job->generation == g_atomic_int_get (&inbox->generation))
            {
              self->n_pending--;
              g_hash_table_remove (self->tiles, &job->key);
            }
        }
      job_free (job);
    }
  if (self != NULL)
    {
      evict (self);
      if (any && self->ready != NULL)
        self->ready (self->user_data);
    }
  return G_SOURCE_REMOVE;
}

static void
work (gpointer data,
      gpointer pool_data)
{
  Job *job = data;
  Inbox *inbox = job->inbox;
  gboolean schedule;

  (void)pool_data;
  if (g_atomic_int_get (&inbox->generation) == job->generation)
    {
      cairo_surface_t *surface = urok_pdf_render (inbox->pdf, job->key.page, job->scale,
                                                  job->key.tx * UROK_PDF_TILE_SIZE, job->key.ty * UROK_PDF_TILE_SIZE,
                                                  job->width, job->height, NULL);

      if (surface != NULL)
        {
          guint8 *pixels = cairo_image_surface_get_data (surface);
          int stride = cairo_image_surface_get_stride (surface);
          g_autoptr(GBytes) bytes = NULL;

          /* RGB24 leaves the alpha byte undefined; GDK's default format wants it opaque. */
          for (int y = 0; y < job->height; y++)
            {
              guint32 *row = (guint32 *)(pixels + (gsize)y * stride);

              for (int x = 0; x < job->width; x++)
                row[x] |= 0xff000000u;
            }
          bytes = g_bytes_new (pixels, (gsize)stride * job->height);
          job->texture = gdk_memory_texture_new (job->width, job->height, GDK_MEMORY_DEFAULT, bytes, stride);
          cairo_surface_destroy (surface);
        }
    }

  g_mutex_lock (&inbox->lock);
  g_queue_push_tail (&inbox->done, job);
  schedule = !inbox->scheduled;
  inbox->scheduled = TRUE;
  g_mutex_unlock (&inbox->lock);
  if (schedule)
    g_idle_add_full (G_PRIORITY_DEFAULT, drain, inbox_ref (inbox), (GDestroyNotify)inbox_unref);
}

UrokPdfTiles *
urok_pdf_tiles_new (UrokPdf              *render_pdf,
                    gsize                 max_bytes,
                    UrokPdfTilesReadyFunc ready,
                    gpointer              user_data)
{
  UrokPdfTiles *self = g_new0 (UrokPdfTiles, 1);

  g_return_val_if_fail (UROK_IS_PDF (render_pdf), NULL);

  self->tiles = g_hash_table_new_full (key_hash, key_equal, NULL, tile_free);
  self->max_bytes = max_bytes;
  self->ready = ready;
  self->user_data = user_data;
  self->inbox = g_new0 (Inbox, 1);
  g_atomic_ref_count_init (&self->inbox->ref_count);
  g_mutex_init (&self->inbox->lock);
  self->inbox->owner = self;
  self->inbox->pdf = g_object_ref (render_pdf);
  self->pool = g_thread_pool_new (work, NULL, 1, FALSE, NULL);
  return self;
}

void
urok_pdf_tiles_free (UrokPdfTiles *self)
{
  if (self == NULL)
    return;
  /* Every queued job is skipped by its generation but still goes through
   * the inbox, whose idle frees it: the inbox lives until the last job
   * lets go of it.  This waits at most for the one render under way. */
  g_atomic_int_inc (&self->inbox->generation);
  self->inbox->owner = NULL;
  g_thread_pool_free (self->pool, FALSE, TRUE);
  inbox_unref (self->inbox);
  g_queue_init (&self->lru);
  g_hash_table_destroy (self->tiles);
  g_free (self);
}

/* The finished tile, or NULL; a hit counts as a use. */
GdkTexture *
urok_pdf_tiles_lookup (UrokPdfTiles *self,
                       guint         page,
                       double        scale,
                       int           tx,
                       int           ty)
{
  TileKey key = { page, scale_level (scale), tx, ty };
  Tile *tile = g_hash_table_lookup (self->tiles, &key);

  if (tile == NULL || tile->texture == NULL)
    return NULL;
  g_queue_unlink (&self->lru, &tile->lru);
  g_queue_push_head_link (&self->lru, &tile->lru);
  return tile->texture;
}

/* Asks for the tile unless it is there or on its way. */
void
urok_pdf_tiles_request (UrokPdfTiles *self,
                        guint         page,
                        double        scale,
                        int           tx,
                        int           ty,
                        int           width,
                        int           height)
{
  TileKey key = { page, scale_level (scale), tx, ty };
  Tile *tile;
  Job *job;

  if (g_hash_table_contains (self->tiles, &key) || width <= 0 || height <= 0)
    return;
  tile = g_new0 (Tile, 1);
  tile->key = key;
  tile->scale = scale;
  tile->lru.data = tile;
  g_hash_table_add (self->tiles, tile);
  self->n_pending++;

  job = g_new0 (Job, 1);
  job->inbox = inbox_ref (self->inbox);
  job->key = key;
  job->scale = scale;
  job->width = width;
  job->height = height;
  job->generation = g_atomic_int_get (&self->inbox->generation);
  g_thread_pool_push (self->pool, job, NULL);
}

static gboolean
is_pending (gpointer key,
            gpointer value,
            gpointer user_data)
{
  Tile *tile = value;

  (void)key;
  (void)user_data;
  return tile->texture == NULL;
}

/* Forget every request not yet done: the view moved on. */
void
urok_pdf_tiles_drop_requests (UrokPdfTiles *self)
{
  g_atomic_int_inc (&self->inbox->generation);
  g_hash_table_foreach_remove (self->tiles, is_pending, NULL);
  self->n_pending = 0;
}

/* The scale nearest @scale (by ratio) at which some tile of @page is ready, or 0. */
double
urok_pdf_tiles_nearest_scale (UrokPdfTiles *self,
                              guint         page,
                              double        scale)
{
  double best = 0, best_distance = G_MAXDOUBLE;

  for (GList *l = self->lru.head; l != NULL; l = l->next)
    {
      Tile *tile = l->data;
      double distance;

      if (tile->key.page != page || tile->key.level == scale_level (scale))
        continue;
      distance = fabs (log (tile->scale / scale));
      if (distance < best_distance)
        {
          best = tile->scale;
          best_distance = distance;
        }
    }
  return best;
}

/* Calls @func on each finished tile of @page at @scale. */
void
urok_pdf_tiles_foreach (UrokPdfTiles    *self,
                        guint            page,
                        double           scale,
                        UrokPdfTilesFunc func,
                        gpointer         user_data)
{
  int level = scale_level (scale);

  for (GList *l = self->lru.head; l != NULL; l = l->next)
    {
      Tile *tile = l->data;

      if (tile->key.page == page && tile->key.level == level)
        func (tile->key.tx, tile->key.ty, tile->texture, user_data);
    }
}

guint
urok_pdf_tiles_get_n_pending (UrokPdfTiles *self)
{
  return self->n_pending;
}

guint
urok_pdf_tiles_get_n_rendered (UrokPdfTiles *self)
{
  return self->n_rendered;
}

gsize
urok_pdf_tiles_get_bytes (UrokPdfTiles *self)
{
  return self->bytes;
}
