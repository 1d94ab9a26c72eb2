/* urok-lesson-private.h: what the lesson model's objects (lesson, stage,
 * resource) share: they are built alike, each a record of strings that
 * forwards its children's changes.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Replaces *@field with a copy of @value (NULL counts as empty); TRUE if it
 * changed, so that callers notify only then. */
static inline gboolean
_urok_replace_string (char       **field,
                      const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* A uuid given at construction, or a new random one. */
static inline void
_urok_ensure_uuid (char **uuid)
{
  if (*uuid == NULL || (*uuid)[0] == '\0')
    {
      g_free (*uuid);
      *uuid = g_uuid_string_random ();
    }
}

/* Disconnects @handler (connected with @data) from every item of @items and
 * @list_handler from @items itself: an owner letting go of its children. */
static inline void
_urok_unwatch_items (GListModel *items,
                     gpointer    handler,
                     gpointer    list_handler,
                     gpointer    data)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_signal_handlers_disconnect_by_func (item, handler, data);
    }
  g_signal_handlers_disconnect_by_func (items, list_handler, data);
}

G_END_DECLS
