/* urok-lesson-util.c: finding things in a lesson, for the editor's widgets.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-lesson-util.h"

gpointer
urok_list_find (GListModel *model,
                const char *property,
                const char *value,
                guint      *position)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *key = NULL;

      g_object_get (item, property, &key, NULL);
      if (g_strcmp0 (key, value) == 0)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&item);
        }
    }
  return NULL;
}

gpointer
urok_stage_kind_lookup (GListModel *kinds,
                        const char *code)
{
  return urok_list_find (kinds, "code", code, NULL);
}

gboolean
urok_stage_kind_rgba (GListModel *kinds,
                      const char *code,
                      GdkRGBA    *color)
{
  g_autoptr(UrokStageKind) kind = urok_stage_kind_lookup (kinds, code);

  return kind != NULL && gdk_rgba_parse (color, urok_stage_kind_get_color (kind));
}

int
urok_lesson_find_stage (UrokLesson *lesson,
                        UrokStage  *stage)
{
  GListModel *stages;
  guint n;

  if (lesson == NULL || stage == NULL)
    return -1;
  stages = urok_lesson_get_stages (lesson);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStage) item = g_list_model_get_item (stages, i);

      if (item == stage)
        return (int)i;
    }
  return -1;
}

gboolean
urok_lesson_find_resource (UrokLesson  *lesson,
                           const char  *uuid,
                           UrokStage  **stage,
                           guint       *position)
{
  GListModel *stages;
  guint n;

  g_return_val_if_fail (UROK_IS_LESSON (lesson), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  stages = urok_lesson_get_stages (lesson);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStage) item = g_list_model_get_item (stages, i);
      GListModel *resources = urok_stage_get_resources (item);
      guint n_resources = g_list_model_get_n_items (resources);

      for (guint j = 0; j < n_resources; j++)
        {
          g_autoptr(UrokResource) resource = g_list_model_get_item (resources, j);

          if (g_str_equal (urok_resource_get_uuid (resource), uuid))
            {
              if (stage != NULL)
                *stage = item; /* the lesson keeps it */
              if (position != NULL)
                *position = j;
              return TRUE;
            }
        }
    }
  return FALSE;
}
