/* urok-store-packages.h: what lesson packages need of the store besides
 * lessons: the tests a lesson uses, as JSON, and whether a lesson is there.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "urok-store.h"

G_BEGIN_DECLS

/* The test @uuid with its questions, as a package carries it:
 * {"uuid", "title", "subject", "grade-level" (0 unset), "questions":
 * [{"kind", "text", "points", "data"}]}, "data" being the question's own
 * JSON (choices, answer…).  UROK_STORE_ERROR_NOT_FOUND if there is none. */
JsonNode   *urok_store_dup_test_json   (UrokStore   *self,
                                        const char  *uuid,
                                        GError     **error);
/* Inserts such a test, or replaces the one with the same uuid and all its
 * questions.  The caller has checked the JSON (kinds, types); it may be
 * called inside urok_store_begin(). */
gboolean    urok_store_save_test_json  (UrokStore   *self,
                                        JsonObject  *test,
                                        GError     **error);
gboolean    urok_store_lesson_exists   (UrokStore   *self,
                                        const char  *uuid,
                                        gboolean    *exists,
                                        GError     **error);

G_END_DECLS
