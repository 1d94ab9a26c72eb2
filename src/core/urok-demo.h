/* urok-demo.h: the demo content a new teacher can start from.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-store.h"

G_BEGIN_DECLS

gboolean urok_demo_load (UrokStore   *store,
                         GBytes      *demo_json,
                         GFile       *demo_textbook,
                         const char  *books_dir,
                         GError     **error);

G_END_DECLS
