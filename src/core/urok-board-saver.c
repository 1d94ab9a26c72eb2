/* urok-board-saver.c: saving a whiteboard page as it changes.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-board-saver.h"
#include "urok-store-private.h"

/* After a failed save, the next try. */
#define RETRY_MS 1000

struct _UrokBoardSaver
{
  GObject        parent_instance;

  UrokStore     *store;
  UrokBoardPage *page;
  GMainContext  *context;
  GSource       *timeout;
  guint64        saved_sequence;
  gboolean       settings_dirty;
  gulong         changed_id;
  gulong         notify_id;
};

G_DEFINE_FINAL_TYPE (UrokBoardSaver, urok_board_saver, G_TYPE_OBJECT)

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
on_timeout (gpointer user_data)
{
  UrokBoardSaver *self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->timeout, g_source_unref);
  if (!urok_board_saver_flush (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);
  return G_SOURCE_REMOVE;
}

static void
schedule (UrokBoardSaver *self,
          guint           delay_ms)
{
  /* The first unsaved change starts the clock; later ones ride along, so
   * steady drawing is saved every DELAY_MS, not postponed forever. */
  if (self->timeout != NULL)
    return;
  self->timeout = g_timeout_source_new (delay_ms);
  g_source_set_callback (self->timeout, on_timeout, self, NULL);
  g_source_set_static_name (self->timeout, "[urok] board saver");
  g_source_attach (self->timeout, self->context);
}

static void
on_page_changed (UrokBoardPage       *page,
                 const UrokBoardRect *dirty,
                 UrokBoardSaver      *self)
{
  /* A change that took no journal number is a setting (a layer shown or
   * hidden, the background). */
  if (urok_board_page_get_sequence (page) == self->saved_sequence)
    self->settings_dirty = TRUE;
  schedule (self, UROK_BOARD_SAVER_DELAY_MS);
}

static void
on_page_notify (UrokBoardPage  *page,
                GParamSpec     *pspec,
                UrokBoardSaver *self)
{
  if (g_str_equal (pspec->name, "can-undo") || g_str_equal (pspec->name, "can-redo"))
    return;
  self->settings_dirty = TRUE;
  schedule (self, UROK_BOARD_SAVER_DELAY_MS);
}

static void
urok_board_saver_dispose (GObject *object)
{
  UrokBoardSaver *self = UROK_BOARD_SAVER (object);

  if (self->page != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* Closing the board must not lose the last stroke. */
      if (urok_board_saver_has_pending (self) && !urok_board_saver_flush (self, &error))
        g_warning ("Could not save the whiteboard page: %s", error->message);
      g_clear_signal_handler (&self->changed_id, self->page);
      g_clear_signal_handler (&self->notify_id, self->page);
    }
  if (self->timeout != NULL)
    {
      g_source_destroy (self->timeout);
      g_clear_pointer (&self->timeout, g_source_unref);
    }
  g_clear_object (&self->page);
  g_clear_object (&self->store);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (urok_board_saver_parent_class)->dispose (object);
}

static void
urok_board_saver_class_init (UrokBoardSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = urok_board_saver_dispose;

  /**
   * UrokBoardSaver::save-failed:
   * @error: (type GError): why
   *
   * A timed save failed; the changes stay pending and are tried again.
   */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
urok_board_saver_init (UrokBoardSaver *self)
{
}

UrokBoardSaver *
urok_board_saver_new (UrokStore     *store,
                      UrokBoardPage *page)
{
  UrokBoardSaver *self;

  g_return_val_if_fail (UROK_IS_STORE (store), NULL);
  g_return_val_if_fail (UROK_IS_BOARD_PAGE (page), NULL);

  self = g_object_new (UROK_TYPE_BOARD_SAVER, NULL);
  self->store = g_object_ref (store);
  self->page = g_object_ref (page);
  self->context = g_main_context_ref_thread_default ();
  self->saved_sequence = urok_board_page_get_sequence (page);
  self->changed_id = g_signal_connect (page, "changed", G_CALLBACK (on_page_changed), self);
  self->notify_id = g_signal_connect (page, "notify", G_CALLBACK (on_page_notify), self);
  return self;
}

UrokBoardPage *
urok_board_saver_get_page (UrokBoardSaver *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_SAVER (self), NULL);
  return self->page;
}

gboolean
urok_board_saver_has_pending (UrokBoardSaver *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_SAVER (self), FALSE);
  return self->settings_dirty || urok_board_page_get_sequence (self->page) != self->saved_sequence;
}

gboolean
urok_board_saver_flush (UrokBoardSaver  *self,
                        GError         **error)
{
  guint64 sequence;

  g_return_val_if_fail (UROK_IS_BOARD_SAVER (self), FALSE);

  if (self->timeout != NULL)
    {
      g_source_destroy (self->timeout);
      g_clear_pointer (&self->timeout, g_source_unref);
    }
  if (!urok_board_saver_has_pending (self))
    return TRUE;

  sequence = urok_board_page_get_sequence (self->page);
  if (!_urok_store_save_board_changes (self->store, self->page, self->saved_sequence,
                                       self->settings_dirty, error))
    {
      schedule (self, RETRY_MS);
      return FALSE;
    }
  self->saved_sequence = sequence;
  self->settings_dirty = FALSE;
  urok_board_page_forget_removals (self->page, sequence);
  return TRUE;
}
