/* urok-lesson-editor-save.c: how the lesson editor saves: autosave through
 * the store's writer thread, from a copy of the lesson, so a busy database
 * never stalls typing; a flush that waits, for closing and quitting; the
 * status under the title and the banner of a failed save.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-lesson-editor-private.h"

/* Whether some edit has not reached the store yet, as far as we know. */
static gboolean
has_unsaved (UrokLessonEditor *self)
{
  return self->dirty || self->queued_save != self->confirmed_save;
}

/* The status under the title, and the banner, which stays until a save
 * succeeds. */
void
_urok_lesson_editor_update_save_status (UrokLessonEditor *self,
                                        const GError     *error)
{
  const char *status = NULL;

  if (error != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The lesson could not be saved: %s. Your changes are kept here; "
                           "Urok tries again with your next change."),
                         error->message);

      gtk_label_set_text (self->banner_label, message);
      self->save_failed = TRUE;
    }
  else if (!has_unsaved (self))
    self->save_failed = FALSE;

  if (self->lesson == NULL)
    status = "";
  else if (self->save_failed)
    status = _("Not saved");
  else if (has_unsaved (self))
    status = _("Saving…");
  else
    status = _("Saved");
  adw_window_title_set_subtitle (self->window_title, status);
  gtk_revealer_set_reveal_child (self->banner, self->save_failed && self->lesson != NULL);
}

static void
save_failed (UrokLessonEditor *self,
             const GError     *error)
{
  g_message ("Could not save lesson %s: %s", urok_lesson_get_uuid (self->lesson), error->message);
  /* The next flush or edit tries again. */
  self->dirty = TRUE;
  _urok_lesson_editor_update_save_status (self, error);
}

typedef struct
{
  UrokLessonEditor *self;
  guint64           number;
} SaveData;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autofree SaveData *data = user_data;
  g_autoptr(UrokLessonEditor) self = data->self;
  g_autoptr(GError) error = NULL;

  urok_store_writer_save_lesson_finish (UROK_STORE_WRITER (source), result, &error);
  /* A newer save, or another lesson, has the last word. */
  if (data->number != self->queued_save || self->lesson == NULL)
    return;
  if (error != NULL)
    {
      save_failed (self, error);
      return;
    }
  self->confirmed_save = data->number;
  _urok_lesson_editor_update_save_status (self, NULL);
}

/* Autosave: a copy of the lesson (cheap) goes to the writer thread, which
 * may wait for a busy database without the window waiting with it. */
static void
queue_save (UrokLessonEditor *self)
{
  g_autoptr(UrokLesson) copy = NULL;
  SaveData *data;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->lesson == NULL || self->writer == NULL)
    return;

  copy = urok_lesson_copy (self->lesson, FALSE);
  self->dirty = FALSE;
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->number = ++self->queued_save;
  urok_store_writer_save_lesson_async (self->writer, copy, saved_cb, data);
}

/* Saves what is on screen and waits until it is in the store (after any
 * save queued before): for closing, opening another lesson, quitting. */
gboolean
_urok_lesson_editor_save_now (UrokLessonEditor  *self,
                              GError           **error)
{
  g_autoptr(UrokLesson) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 number;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!has_unsaved (self) && !self->save_failed)
    return TRUE;
  if (self->lesson == NULL || self->writer == NULL)
    return TRUE;

  copy = urok_lesson_copy (self->lesson, FALSE);
  self->dirty = FALSE;
  number = ++self->queued_save;
  if (!urok_store_writer_save_lesson (self->writer, copy, &local_error))
    {
      save_failed (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->confirmed_save = number;
  _urok_lesson_editor_update_save_status (self, NULL);
  return TRUE;
}

gboolean
_urok_lesson_editor_save_timeout_cb (gpointer user_data)
{
  UrokLessonEditor *self = user_data;

  self->save_source = 0;
  queue_save (self);
  return G_SOURCE_REMOVE;
}

gboolean
urok_lesson_editor_flush (UrokLessonEditor  *self,
                          GError           **error)
{
  g_return_val_if_fail (UROK_IS_LESSON_EDITOR (self), FALSE);
  return _urok_lesson_editor_save_now (self, error);
}

void
_urok_lesson_editor_queue_save (UrokLessonEditor *self)
{
  queue_save (self);
}
