/* urok-screen-choice.c: which monitor the class sees during a presentation.
 *
 * GTK 4 has no "primary monitor", so the teacher's screen is the one the
 * main window is on; the class gets the biggest of the others, which in a
 * classroom is the panel or the projector.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-screen-choice.h"

static gboolean
is_built_in (const char *connector)
{
  return connector != NULL &&
         (g_str_has_prefix (connector, "eDP") || g_str_has_prefix (connector, "LVDS") ||
          g_str_has_prefix (connector, "DSI"));
}

static gint64
device_area (const UrokScreenInfo *screen)
{
  gint64 scale = MAX (screen->scale, 1);

  return (gint64)MAX (screen->width, 0) * MAX (screen->height, 0) * scale * scale;
}

int
urok_screen_guess_presenter (const UrokScreenInfo *screens,
                             guint                 n_screens)
{
  g_return_val_if_fail (screens != NULL || n_screens == 0, -1);

  for (guint i = 0; i < n_screens; i++)
    if (is_built_in (screens[i].connector))
      return (int)i;
  return n_screens > 0 ? 0 : -1;
}

int
urok_screen_choose_audience (const UrokScreenInfo *screens,
                             guint                 n_screens,
                             int                   presenter,
                             const char           *preferred)
{
  int best = -1;

  g_return_val_if_fail (screens != NULL || n_screens == 0, -1);

  if (n_screens < 2)
    return -1;
  if (presenter < 0 || (guint)presenter >= n_screens)
    presenter = urok_screen_guess_presenter (screens, n_screens);

  if (preferred != NULL && *preferred != '\0')
    for (guint i = 0; i < n_screens; i++)
      if (g_strcmp0 (screens[i].connector, preferred) == 0)
        return (int)i == presenter ? -1 : (int)i;

  for (guint i = 0; i < n_screens; i++)
    {
      if ((int)i == presenter)
        continue;
      if (best < 0 || device_area (&screens[i]) > device_area (&screens[best]))
        best = (int)i;
    }
  return best;
}
