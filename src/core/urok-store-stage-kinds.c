/* urok-store-stage-kinds.c: the kinds of stage: the built-in ones and those
 * the teacher added, which the store keeps.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "urok-store-private.h"

GListModel *
urok_store_list_stage_kinds (UrokStore  *self,
                             GError    **error)
{
  g_autoptr(GListStore) kinds = g_list_store_new (UROK_TYPE_STAGE_KIND);
  g_autoptr(GListModel) built_in = urok_stage_kinds_built_in ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (built_in); i++)
    {
      g_autoptr(UrokStageKind) kind = g_list_model_get_item (built_in, i);
      g_list_store_append (kinds, kind);
    }

  stmt = _urok_store_prepare (self, "SELECT code, name, color FROM stage_kind ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UrokStageKind) kind = urok_stage_kind_new (_urok_column_text (stmt, 0),
                                                           _urok_column_text (stmt, 1),
                                                           _urok_column_text (stmt, 2),
                                                           FALSE);
      g_list_store_append (kinds, kind);
    }
  if (rc != SQLITE_DONE)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&kinds));
}

static gboolean
is_valid_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (color[i]))
        return FALSE;
    }
  return TRUE;
}

UrokStageKind *
urok_store_add_stage_kind (UrokStore   *self,
                           const char  *name,
                           const char  *color,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *code = g_strconcat ("custom-", uuid, NULL);
  g_autofree char *lower_color = NULL;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  trimmed = g_strstrip (g_strdup (name));
  if (trimmed[0] == '\0' || g_utf8_strlen (trimmed, -1) > 100 || !g_utf8_validate (trimmed, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A kind of stage needs a name of up to 100 characters"));
      return NULL;
    }
  if (!is_valid_color (color))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Choose a colour for the kind of stage"));
      return NULL;
    }
  lower_color = g_ascii_strdown (color, -1);

  stmt = _urok_store_prepare (self, "INSERT INTO stage_kind (code, name, color) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, lower_color, -1, SQLITE_STATIC);
  if (!_urok_store_step_done (self, stmt, error))
    return NULL;

  _urok_store_emit_changed (self, "lessons");
  return urok_stage_kind_new (code, trimmed, lower_color, FALSE);
}

/* Stages of that kind keep its code; they show as of no known kind. */
gboolean
urok_store_remove_stage_kind (UrokStore   *self,
                              const char  *code,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UROK_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (urok_stage_kind_lookup_built_in (code) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Built-in kinds of stage cannot be removed"));
      return FALSE;
    }

  stmt = _urok_store_prepare (self, "DELETE FROM stage_kind WHERE code = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (!_urok_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_urok_store_get_db (self)) == 0)
    {
      g_set_error (error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND,
                   _("The kind of stage was not found"));
      return FALSE;
    }

  _urok_store_emit_changed (self, "lessons");
  return TRUE;
}
