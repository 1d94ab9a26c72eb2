/* urok-lesson-package-private.h: what lesson packages and cartridges share:
 * writing a ZIP beside its destination and renaming it into place, which
 * file names a package may carry, and its board pages.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-lesson-package.h"

G_BEGIN_DECLS

#define UROK_PACKAGE_FORMAT "urok-lesson-package"
/* 2: board pages travel as boards/<resource uuid>.json (their items no
 * longer live in the lesson's JSON).  Version 1 packages still import. */
#define UROK_PACKAGE_FORMAT_VERSION 2
#define UROK_PACKAGE_MANIFEST "manifest.json"
#define UROK_PACKAGE_MEDIA_PREFIX "media/"
#define UROK_PACKAGE_BOARDS_PREFIX "boards/"

/* Far beyond any real lesson, far below what hurts a school computer.
 * Export keeps to them too: it never writes what import would refuse. */
#define UROK_PACKAGE_MAX_ENTRIES 10000
#define UROK_PACKAGE_MAX_MANIFEST_SIZE (8 * 1024 * 1024)
#define UROK_PACKAGE_MAX_MEDIA_SIZE ((gint64)512 * 1024 * 1024)
/* A board page's JSON is parsed in memory. */
#define UROK_PACKAGE_MAX_BOARD_SIZE ((gint64)128 * 1024 * 1024)
#define UROK_PACKAGE_MAX_TOTAL_SIZE ((gint64)2 * 1024 * 1024 * 1024)
/* Media are mostly compressed already and text rarely packs better than
 * 20:1, while a zip bomb packs better than 1000:1.  Below a megabyte the
 * ratio is not judged: small files may pack well and cannot hurt. */
#define UROK_PACKAGE_MAX_RATIO 200
#define UROK_PACKAGE_RATIO_FLOOR (1024 * 1024)

typedef struct _UrokZipWriter UrokZipWriter;

/* A plain file name (no folders, no leading dot, no control characters,
 * valid UTF-8): safe to use below a folder of ours. */
gboolean       _urok_package_is_safe_name    (const char     *name);
gboolean       _urok_package_has_control_chars (const char   *text);
/* A G_IO_ERROR from @saved_errno; @format's last "%s" is its reason. */
gboolean       _urok_package_set_io_error    (GError        **error,
                                              int             saved_errno,
                                              const char     *format,
                                              ...) G_GNUC_PRINTF (3, 4);
/* Every resource of the lesson, stage by stage, in order (a new array). */
GPtrArray     *_urok_lesson_resources        (UrokLesson     *lesson);

/* Whether deflating a file of @media_type is worth the time: not for
 * formats that are compressed already (PNG, JPEG, audio, video…). */
gboolean       _urok_package_worth_compressing (const char   *media_type);

/* Starts a ZIP in a temporary file in @path's folder; nothing appears at
 * @path until _urok_zip_writer_finish() succeeds. */
UrokZipWriter *_urok_zip_writer_new          (const char     *path,
                                              GError        **error);
gboolean       _urok_zip_writer_add_bytes    (UrokZipWriter  *self,
                                              const char     *name,
                                              const void     *data,
                                              gsize           size,
                                              gboolean        compress,
                                              GError        **error);
/* Adds the file at @file_path, which must still be @size bytes long. */
gboolean       _urok_zip_writer_add_file     (UrokZipWriter  *self,
                                              const char     *name,
                                              const char     *file_path,
                                              gint64          size,
                                              gboolean        compress,
                                              GError        **error);
gboolean       _urok_zip_writer_finish       (UrokZipWriter  *self,
                                              GError        **error);
/* Without a successful finish, removes the temporary file. */
void           _urok_zip_writer_free         (UrokZipWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokZipWriter, _urok_zip_writer_free)

/* urok-lesson-package-boards.c: board pages as boards/<uuid>.json. */

/* json-glib parses recursively: nesting is bounded before it sees the text. */
#define UROK_PACKAGE_MAX_JSON_DEPTH 64

typedef struct
{
  char   *name;   /* <resource uuid>.json */
  GBytes *json;
  char   *sha256;
} UrokPackedBoard;

void           _urok_packed_board_free       (UrokPackedBoard *board);
/* Every board page of @lesson that @store holds, as page JSON with its
 * items (the lesson's own JSON does not carry them). */
GPtrArray     *_urok_package_collect_boards  (UrokStore      *store,
                                              UrokLesson     *lesson,
                                              GError        **error);
/* Whether JSON text nests no deeper than UROK_PACKAGE_MAX_JSON_DEPTH. */
gboolean       _urok_package_json_depth_ok   (const char     *data,
                                              gsize           size);
/* The same for the board strings inside a lesson's JSON. */
gboolean       _urok_package_boards_depth_ok (JsonNode       *lesson);
/* A board file's name: its board_page resource's uuid, then ".json". */
gboolean       _urok_package_is_board_name   (const char     *name);
/* Saves each board page unpacked into @staging_dir/boards and listed in
 * @boards (names) as the page of its board_page resource of @lesson. */
gboolean       _urok_package_save_boards     (UrokStore      *store,
                                              UrokLesson     *lesson,
                                              const char     *staging_dir,
                                              GHashTable     *boards,
                                              GError        **error);

G_END_DECLS
