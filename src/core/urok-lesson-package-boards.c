/* urok-lesson-package-boards.c: a lesson package's board pages, each as
 * boards/<resource uuid>.json with its items: gathered from the store for
 * export, checked and saved to the store on import.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "urok-lesson-package-private.h"
#include "urok-store.h"

/* Export */

void
_urok_packed_board_free (UrokPackedBoard *board)
{
  g_free (board->name);
  g_bytes_unref (board->json);
  g_free (board->sha256);
  g_free (board);
}

GPtrArray *
_urok_package_collect_boards (UrokStore   *store,
                              UrokLesson  *lesson,
                              GError     **error)
{
  g_autoptr(GPtrArray) resources = _urok_lesson_resources (lesson);
  g_autoptr(GPtrArray) boards = g_ptr_array_new_with_free_func ((GDestroyNotify)_urok_packed_board_free);

  for (guint i = 0; i < resources->len; i++)
    {
      UrokResource *resource = resources->pdata[i];
      g_autoptr(UrokBoardPage) page = NULL;
      g_autoptr(GError) local_error = NULL;
      UrokPackedBoard *board;
      char *text;

      if (urok_resource_get_kind (resource) != UROK_RESOURCE_BOARD_PAGE
          || !g_uuid_string_is_valid (urok_resource_get_uuid (resource)))
        continue;
      page = urok_store_load_board_page (store, urok_resource_get_uuid (resource), &local_error);
      if (page == NULL)
        {
          /* Never drawn on: the lesson's string is the whole page. */
          if (g_error_matches (local_error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      text = urok_board_page_to_string (page);
      board = g_new0 (UrokPackedBoard, 1);
      board->name = g_strconcat (urok_resource_get_uuid (resource), ".json", NULL);
      board->json = g_bytes_new_take (text, strlen (text));
      board->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, board->json);
      if (g_bytes_get_size (board->json) > UROK_PACKAGE_MAX_BOARD_SIZE)
        {
          _urok_packed_board_free (board);
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_TOO_LARGE,
                       _("A whiteboard page of the lesson is larger than a lesson package may carry (128 MB)"));
          return NULL;
        }
      g_ptr_array_add (boards, board);
    }
  return g_steal_pointer (&boards);
}

/* Import */

gboolean
_urok_package_json_depth_ok (const char *data,
                             gsize       size)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > UROK_PACKAGE_MAX_JSON_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* The member @name of object @node if it is of @type, or NULL. */
static JsonNode *
member (JsonNode   *node,
        const char *name,
        JsonNodeType type)
{
  JsonNode *m;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  m = json_object_get_member (json_node_get_object (node), name);
  return m != NULL && json_node_get_node_type (m) == type ? m : NULL;
}

/* Board pages are JSON text inside a JSON string, which the lesson reader
 * parses in turn: their nesting is bounded here too. */
gboolean
_urok_package_boards_depth_ok (JsonNode *lesson)
{
  JsonNode *stages = member (lesson, "stages", JSON_NODE_ARRAY);

  for (guint i = 0; stages != NULL && i < json_array_get_length (json_node_get_array (stages)); i++)
    {
      JsonNode *stage = json_array_get_element (json_node_get_array (stages), i);
      JsonNode *resources = member (stage, "resources", JSON_NODE_ARRAY);

      for (guint j = 0; resources != NULL && j < json_array_get_length (json_node_get_array (resources)); j++)
        {
          JsonNode *board = member (json_array_get_element (json_node_get_array (resources), j), "board",
                                    JSON_NODE_VALUE);

          if (board != NULL && json_node_get_value_type (board) == G_TYPE_STRING
              && !_urok_package_json_depth_ok (json_node_get_string (board), strlen (json_node_get_string (board))))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
_urok_package_is_board_name (const char *name)
{
  g_autofree char *uuid = NULL;

  if (!g_str_has_suffix (name, ".json"))
    return FALSE;
  uuid = g_strndup (name, strlen (name) - 5);
  return g_uuid_string_is_valid (uuid);
}

/* After the lesson, in the same transaction: the page rows then belong
 * to it. */
gboolean
_urok_package_save_boards (UrokStore   *store,
                           UrokLesson  *lesson,
                           const char  *staging_dir,
                           GHashTable  *boards,
                           GError     **error)
{
  g_autoptr(GPtrArray) resources = _urok_lesson_resources (lesson);

  for (guint i = 0; i < resources->len; i++)
    {
      UrokResource *resource = resources->pdata[i];
      g_autofree char *name = g_strconcat (urok_resource_get_uuid (resource), ".json", NULL);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autoptr(UrokBoardPage) page = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize length;

      if (urok_resource_get_kind (resource) != UROK_RESOURCE_BOARD_PAGE
          || !g_hash_table_contains (boards, name))
        continue;
      path = g_build_filename (staging_dir, "boards", name, NULL);
      if (!g_file_get_contents (path, &text, &length, error))
        return FALSE;
      if (!g_utf8_validate (text, (gssize)length, NULL) || !_urok_package_json_depth_ok (text, length))
        {
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                       _("The lesson in the package is not valid: %s"), _("a whiteboard page is not JSON text"));
          return FALSE;
        }
      page = urok_board_page_new_from_string (text, &local_error);
      if (page == NULL)
        {
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                       _("The lesson in the package is not valid: %s"), local_error->message);
          return FALSE;
        }
      urok_board_page_set_uuid (page, urok_resource_get_uuid (resource));
      if (!urok_store_save_board_page (store, page, urok_lesson_get_uuid (lesson), error))
        return FALSE;
    }
  return TRUE;
}
