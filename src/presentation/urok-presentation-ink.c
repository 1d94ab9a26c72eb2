/* urok-presentation-ink.c: the ink of one presentation.
 *
 * Pages are named as in the store (urok-store-boards.c): a board page by
 * its resource's uuid, the ink over a picture, video, web page or card by
 * that resource's uuid, the ink over a stage's title card by the stage's.
 * All carry the lesson's uuid, so they go when the lesson goes.  A page
 * the store has no row for is not written until it is drawn on: showing a
 * picture must not leave an empty page behind.  Its first change writes
 * it whole (the saver alone would not know the lesson); then a
 * UrokBoardSaver follows it, so a finished stroke is durable within
 * UROK_BOARD_SAVER_DELAY_MS.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-board-saver.h"
#include "urok-presentation-ink.h"

struct _UrokPresentationInk
{
  GObject     parent_instance;

  UrokStore  *store;
  char       *lesson_uuid;
  GHashTable *pages;   /* uuid → UrokBoardPage */
  GHashTable *savers;  /* uuid → UrokBoardSaver */
};

G_DEFINE_FINAL_TYPE (UrokPresentationInk, urok_presentation_ink, G_TYPE_OBJECT)

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

UrokPresentationInk *
urok_presentation_ink_new (UrokStore  *store,
                           const char *lesson_uuid)
{
  UrokPresentationInk *self;

  g_return_val_if_fail (store == NULL || UROK_IS_STORE (store), NULL);

  self = g_object_new (UROK_TYPE_PRESENTATION_INK, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->lesson_uuid = g_strdup (lesson_uuid);
  return self;
}

static void
saver_failed_cb (UrokBoardSaver      *saver,
                 GError              *error,
                 UrokPresentationInk *self)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

static void
follow (UrokPresentationInk *self,
        UrokBoardPage       *page)
{
  UrokBoardSaver *saver = urok_board_saver_new (self->store, page);

  g_signal_connect_object (saver, "save-failed", G_CALLBACK (saver_failed_cb), self, 0);
  g_hash_table_insert (self->savers, g_strdup (urok_board_page_get_uuid (page)), saver);
}

/* The first change of a page the store has not seen: the page is written
 * whole, with its lesson, and followed from then on. */
static void
first_change_cb (UrokBoardPage       *page,
                 const UrokBoardRect *dirty,
                 UrokPresentationInk *self)
{
  g_autoptr(GError) error = NULL;

  if (!urok_store_save_board_page (self->store, page, self->lesson_uuid, &error))
    {
      /* Not followed yet: the next change tries again. */
      g_signal_emit (self, signals[SAVE_FAILED], 0, error);
      return;
    }
  g_signal_handlers_disconnect_by_func (page, first_change_cb, self);
  follow (self, page);
}

UrokBoardPage *
urok_presentation_ink_get_page (UrokPresentationInk  *self,
                                const char           *uuid,
                                const char           *seed,
                                GError              **error)
{
  g_autoptr(UrokBoardPage) page = NULL;
  g_autoptr(GError) local_error = NULL;
  UrokBoardPage *known;

  g_return_val_if_fail (UROK_IS_PRESENTATION_INK (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  known = g_hash_table_lookup (self->pages, uuid);
  if (known != NULL)
    return known;

  if (self->store != NULL)
    {
      page = urok_store_load_board_page (self->store, uuid, &local_error);
      if (page == NULL && !g_error_matches (local_error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (page != NULL)
    follow (self, page);
  else
    {
      if (seed != NULL)
        page = urok_board_page_new_from_string (seed, error);
      else
        {
          page = urok_board_page_new ();
          urok_board_page_set_size (page, UROK_PRESENTATION_INK_WIDTH, UROK_PRESENTATION_INK_HEIGHT);
        }
      if (page == NULL)
        return NULL;
      urok_board_page_set_uuid (page, uuid);
      if (self->store != NULL)
        g_signal_connect_object (page, "changed", G_CALLBACK (first_change_cb), self, 0);
    }
  g_hash_table_insert (self->pages, g_strdup (uuid), g_object_ref (page));
  return page;
}

gboolean
urok_presentation_ink_has_pending (UrokPresentationInk *self)
{
  GHashTableIter iter;
  gpointer saver;

  g_return_val_if_fail (UROK_IS_PRESENTATION_INK (self), FALSE);

  g_hash_table_iter_init (&iter, self->savers);
  while (g_hash_table_iter_next (&iter, NULL, &saver))
    if (urok_board_saver_has_pending (saver))
      return TRUE;
  return FALSE;
}

gboolean
urok_presentation_ink_flush (UrokPresentationInk  *self,
                             GError              **error)
{
  g_autoptr(GError) first = NULL;
  GHashTableIter iter;
  gpointer saver;

  g_return_val_if_fail (UROK_IS_PRESENTATION_INK (self), FALSE);

  g_hash_table_iter_init (&iter, self->savers);
  while (g_hash_table_iter_next (&iter, NULL, &saver))
    {
      g_autoptr(GError) local_error = NULL;

      if (!urok_board_saver_flush (saver, &local_error) && first == NULL)
        first = g_steal_pointer (&local_error);
    }
  if (first != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }
  return TRUE;
}

static void
urok_presentation_ink_dispose (GObject *object)
{
  UrokPresentationInk *self = (UrokPresentationInk *)object;

  /* Each saver writes what is pending as it goes. */
  g_clear_pointer (&self->savers, g_hash_table_unref);
  if (self->pages != NULL)
    {
      GHashTableIter iter;
      gpointer page;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, NULL, &page))
        g_signal_handlers_disconnect_by_data (page, self);
      g_clear_pointer (&self->pages, g_hash_table_unref);
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->lesson_uuid, g_free);

  G_OBJECT_CLASS (urok_presentation_ink_parent_class)->dispose (object);
}

static void
urok_presentation_ink_class_init (UrokPresentationInkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = urok_presentation_ink_dispose;

  /**
   * UrokPresentationInk::save-failed:
   * @error: (type GError): why
   *
   * Ink could not be written; it stays on the page and is tried again.
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
urok_presentation_ink_init (UrokPresentationInk *self)
{
  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->savers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}
