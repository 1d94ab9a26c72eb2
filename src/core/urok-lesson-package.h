/* urok-lesson-package.h: a lesson with everything it uses as one file
 * (.urok: a ZIP with manifest.json, the lesson, its media and its tests),
 * and export as an IMS Common Cartridge (.imscc) for learning platforms.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-store.h"

G_BEGIN_DECLS

#define UROK_PACKAGE_ERROR (urok_package_error_quark ())

typedef enum
{
  UROK_PACKAGE_ERROR_INVALID,       /* not a lesson package, or damaged */
  UROK_PACKAGE_ERROR_UNSAFE,        /* a path leaving the package, a link, a device… */
  UROK_PACKAGE_ERROR_TOO_LARGE,     /* beyond the limits (zip bomb) */
  UROK_PACKAGE_ERROR_VERSION,       /* made by a newer Urok */
  UROK_PACKAGE_ERROR_MISSING_MEDIA, /* the manifest names a file that is not there */
} UrokPackageError;

#define UROK_LESSON_PACKAGE_MIME_TYPE "application/x-urok-lesson"
#define UROK_LESSON_PACKAGE_EXTENSION ".urok"

GQuark      urok_package_error_quark    (void);

gboolean    urok_lesson_package_export  (UrokStore   *store,
                                         UrokLesson  *lesson,
                                         const char  *path,
                                         GError     **error);
/* Imports into @store, or changes nothing and fails.  A package of a
 * lesson already in the store replaces it (same uuid): importing twice
 * does not duplicate. */
UrokLesson *urok_lesson_package_import  (UrokStore   *store,
                                         const char  *path,
                                         gboolean    *out_was_new,
                                         GError     **error);

/* Versions of IMS Common Cartridge a lesson can be exported as: 1.3 for
 * the platforms that read it (Canvas, Brightspace, Schoology…), 1.1 for
 * Moodle, whose course restore reads only 1.0 and 1.1. */
typedef enum
{
  UROK_CARTRIDGE_1_3,
  UROK_CARTRIDGE_1_1,
} UrokCartridgeVersion;

#define UROK_LESSON_CARTRIDGE_EXTENSION ".imscc"

/* Writes a Common Cartridge 1.3. */
gboolean    urok_lesson_cartridge_export (UrokStore   *store,
                                          UrokLesson  *lesson,
                                          const char  *path,
                                          GError     **error);
gboolean    urok_lesson_cartridge_export_version (UrokStore             *store,
                                                  UrokLesson            *lesson,
                                                  UrokCartridgeVersion   version,
                                                  const char            *path,
                                                  GError               **error);

G_END_DECLS
