/* urok-lesson-package.c: a lesson with its media and tests as one .urok
 * file: writing it, and what writing and reading share.
 *
 * A package is a ZIP whose first entry is manifest.json (the lesson's JSON,
 * the list of media with their size and SHA-256, the tests) followed by
 * media/<name> for each media file and boards/<uuid>.json for each board
 * page with its items (docs/formats/lesson-package.md).  The
 * ZIP is written beside its destination and renamed into place, so a
 * failed export never leaves half a file under the name the user chose.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "urok-lesson-package-private.h"
#include "urok-store-packages.h"

#define MAX_NAME_LENGTH 255

G_DEFINE_QUARK (urok-package-error-quark, urok_package_error)

typedef struct archive_entry UrokArchiveEntry;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokArchiveEntry, archive_entry_free)

/* File names and folders */

gboolean
_urok_package_has_control_chars (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      return TRUE;
  return FALSE;
}

gboolean
_urok_package_is_safe_name (const char *name)
{
  return name != NULL &&
         *name != '\0' &&
         *name != '.' &&
         strlen (name) <= MAX_NAME_LENGTH &&
         g_utf8_validate (name, -1, NULL) &&
         strchr (name, '/') == NULL &&
         strchr (name, '\\') == NULL &&
         !_urok_package_has_control_chars (name);
}

gboolean
_urok_package_set_io_error (GError     **error,
                            int          saved_errno,
                            const char  *format,
                            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), message);
  return FALSE;
}

/* The ZIP writer */

struct _UrokZipWriter
{
  struct archive *archive;
  char           *path;
  char           *tmp_path;
  int             fd;
  gboolean        finished;
};

static gboolean
set_write_error (UrokZipWriter  *self,
                 GError        **error)
{
  const char *detail = self->archive != NULL ? archive_error_string (self->archive) : NULL;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), self->path,
               detail != NULL ? detail : g_strerror (EIO));
  return FALSE;
}

UrokZipWriter *
_urok_zip_writer_new (const char  *path,
                      GError     **error)
{
  g_autoptr(UrokZipWriter) self = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (UrokZipWriter, 1);
  dir = g_path_get_dirname (path);
  self->fd = -1;
  self->path = g_strdup (path);
  self->tmp_path = g_build_filename (dir, ".urok-export-XXXXXX", NULL);
  /* A document like any other the user saves: 0666 less the umask. */
  self->fd = g_mkstemp_full (self->tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      _urok_package_set_io_error (error, errno, _("Could not write “%s”: %s"), path, g_strerror (errno));
      g_clear_pointer (&self->tmp_path, g_free);
      return NULL;
    }

  self->archive = archive_write_new ();
  archive_write_set_format_zip (self->archive);
  archive_write_set_bytes_in_last_block (self->archive, 1);
  if (archive_write_open_fd (self->archive, self->fd) != ARCHIVE_OK)
    {
      set_write_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static gboolean
write_header (UrokZipWriter  *self,
              const char     *name,
              gint64          size,
              gboolean        compress,
              GError        **error)
{
  g_autoptr(UrokArchiveEntry) entry = archive_entry_new ();

  if (compress)
    archive_write_zip_set_compression_deflate (self->archive);
  else
    archive_write_zip_set_compression_store (self->archive);

  archive_entry_set_pathname_utf8 (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  archive_entry_set_mtime (entry, (time_t)(g_get_real_time () / G_USEC_PER_SEC), 0);
  if (archive_write_header (self->archive, entry) != ARCHIVE_OK)
    return set_write_error (self, error);
  return TRUE;
}

gboolean
_urok_zip_writer_add_bytes (UrokZipWriter  *self,
                            const char     *name,
                            const void     *data,
                            gsize           size,
                            gboolean        compress,
                            GError        **error)
{
  g_return_val_if_fail (self != NULL && !self->finished, FALSE);

  if (!write_header (self, name, (gint64)size, compress, error))
    return FALSE;
  if (size > 0 && archive_write_data (self->archive, data, size) != (la_ssize_t)size)
    return set_write_error (self, error);
  return TRUE;
}

gboolean
_urok_zip_writer_add_file (UrokZipWriter  *self,
                           const char     *name,
                           const char     *file_path,
                           gint64          size,
                           gboolean        compress,
                           GError        **error)
{
  g_autofree guint8 *buffer = g_malloc (65536);
  gint64 written = 0;
  int fd;

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);

  fd = g_open (file_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return _urok_package_set_io_error (error, errno, _("Could not read the media file “%s”: %s"), file_path, g_strerror (errno));
  if (!write_header (self, name, size, compress, error))
    {
      g_close (fd, NULL);
      return FALSE;
    }

  for (;;)
    {
      gssize n = read (fd, buffer, 65536);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          g_close (fd, NULL);
          return _urok_package_set_io_error (error, saved_errno, _("Could not read the media file “%s”: %s"), file_path, g_strerror (saved_errno));
        }
      if (n == 0)
        break;
      /* The manifest already promised a size and checksum. */
      if (written + n > size)
        break;
      if (archive_write_data (self->archive, buffer, (size_t)n) != n)
        {
          g_close (fd, NULL);
          return set_write_error (self, error);
        }
      written += n;
    }
  g_close (fd, NULL);

  if (written != size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The media file “%s” changed while the lesson was being exported; try again"),
                   file_path);
      return FALSE;
    }
  return TRUE;
}

gboolean
_urok_zip_writer_finish (UrokZipWriter  *self,
                         GError        **error)
{
  g_return_val_if_fail (self != NULL && !self->finished, FALSE);

  if (archive_write_close (self->archive) != ARCHIVE_OK)
    return set_write_error (self, error);
  g_clear_pointer (&self->archive, archive_write_free);

  /* On disk in full before it takes the name the user chose. */
  if (fsync (self->fd) != 0 || !g_close (self->fd, NULL))
    {
      int saved_errno = errno;
      self->fd = -1;
      return _urok_package_set_io_error (error, saved_errno, _("Could not write “%s”: %s"), self->path, g_strerror (saved_errno));
    }
  self->fd = -1;
  if (g_rename (self->tmp_path, self->path) != 0)
    return _urok_package_set_io_error (error, errno, _("Could not write “%s”: %s"), self->path, g_strerror (errno));

  self->finished = TRUE;
  return TRUE;
}

void
_urok_zip_writer_free (UrokZipWriter *self)
{
  if (self == NULL)
    return;
  if (self->archive != NULL)
    {
      if (!self->finished)
        archive_write_fail (self->archive);
      archive_write_free (self->archive);
    }
  if (self->fd >= 0)
    g_close (self->fd, NULL);
  if (!self->finished && self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self);
}

/* Export */

typedef struct
{
  char   *name;
  char   *path;
  char   *media_type;
  char   *sha256;
  gint64  size;
} PackedMedia;

static void
packed_media_free (PackedMedia *media)
{
  g_free (media->name);
  g_free (media->path);
  g_free (media->media_type);
  g_free (media->sha256);
  g_free (media);
}

GPtrArray *
_urok_lesson_resources (UrokLesson *lesson)
{
  GListModel *stages = urok_lesson_get_stages (lesson);
  GPtrArray *resources = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (stages, i);
      GListModel *list = urok_stage_get_resources (stage);

      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        g_ptr_array_add (resources, g_list_model_get_item (list, j));
    }
  return resources;
}

/* Already compressed formats are stored: deflating them again only costs time. */
gboolean
_urok_package_worth_compressing (const char *media_type)
{
  static const char *const packed[] = {
    "image/png", "image/jpeg", "image/gif", "image/webp", "application/zip",
    "application/epub+zip", "application/x-urok-lesson",
  };

  if (g_str_has_prefix (media_type, "audio/") || g_str_has_prefix (media_type, "video/"))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (packed); i++)
    if (g_str_equal (media_type, packed[i]))
      return FALSE;
  return TRUE;
}

static gboolean
checksum_file (const char  *path,
               const char  *name,
               char       **sha256,
               gint64      *size,
               GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (65536);
  gint64 total = 0;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        {
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_MISSING_MEDIA,
                       _("The media file “%s” of the lesson is missing. Remove it from the lesson or add it again, then export."),
                       name);
          return FALSE;
        }
      return _urok_package_set_io_error (error, saved_errno, _("Could not read the media file “%s”: %s"), name, g_strerror (saved_errno));
    }

  for (;;)
    {
      gssize n = read (fd, buffer, 65536);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          g_close (fd, NULL);
          return _urok_package_set_io_error (error, saved_errno, _("Could not read the media file “%s”: %s"), name, g_strerror (saved_errno));
        }
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
      total += n;
      if (total > UROK_PACKAGE_MAX_MEDIA_SIZE)
        {
          g_close (fd, NULL);
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_TOO_LARGE,
                       _("The media file “%s” is larger than a lesson package may carry (512 MB)"), name);
          return FALSE;
        }
    }
  g_close (fd, NULL);

  *sha256 = g_strdup (g_checksum_get_string (checksum));
  *size = total;
  return TRUE;
}

static GPtrArray *
collect_media (UrokStore   *store,
               UrokLesson  *lesson,
               GError     **error)
{
  g_autoptr(GPtrArray) resources = _urok_lesson_resources (lesson);
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func ((GDestroyNotify)packed_media_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *media_dir = urok_store_dup_lesson_media_dir (store, urok_lesson_get_uuid (lesson));
  gint64 total = 0;

  for (guint i = 0; i < resources->len; i++)
    {
      UrokResource *resource = resources->pdata[i];
      const char *name = urok_resource_get_target (resource);
      const char *media_type = urok_resource_get_media_type (resource);
      PackedMedia *packed;

      if (urok_resource_get_kind (resource) != UROK_RESOURCE_MEDIA || *name == '\0' ||
          g_hash_table_contains (seen, name))
        continue;
      if (!_urok_package_is_safe_name (name))
        {
          /* Not a file of the lesson's folder, whatever it is: the store is damaged. */
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_MISSING_MEDIA,
                       _("The media file “%s” of the lesson is missing. Remove it from the lesson or add it again, then export."),
                       name);
          return NULL;
        }

      packed = g_new0 (PackedMedia, 1);
      packed->name = g_strdup (name);
      packed->path = g_build_filename (media_dir, name, NULL);
      if (*media_type != '\0')
        packed->media_type = g_strdup (media_type);
      else
        {
          g_autofree char *content_type = g_content_type_guess (name, NULL, 0, NULL);
          packed->media_type = g_content_type_get_mime_type (content_type);
          if (packed->media_type == NULL)
            packed->media_type = g_strdup ("application/octet-stream");
        }
      g_ptr_array_add (media, packed);
      g_hash_table_add (seen, packed->name);

      if (!checksum_file (packed->path, name, &packed->sha256, &packed->size, error))
        return NULL;
      total += packed->size;
      if (total > UROK_PACKAGE_MAX_TOTAL_SIZE)
        {
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_TOO_LARGE,
                       _("The lesson’s media files are larger than a lesson package may carry (2 GB in all)"));
          return NULL;
        }
    }

  return g_steal_pointer (&media);
}

static JsonArray *
collect_tests (UrokStore   *store,
               UrokLesson  *lesson,
               GError     **error)
{
  g_autoptr(GPtrArray) resources = _urok_lesson_resources (lesson);
  g_autoptr(JsonArray) tests = json_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < resources->len; i++)
    {
      UrokResource *resource = resources->pdata[i];
      const char *uuid = urok_resource_get_target (resource);
      g_autoptr(GError) local_error = NULL;
      JsonNode *test;

      if (urok_resource_get_kind (resource) != UROK_RESOURCE_TEST || *uuid == '\0' ||
          g_hash_table_contains (seen, uuid))
        continue;
      g_hash_table_add (seen, (gpointer)uuid);

      test = urok_store_dup_test_json (store, uuid, &local_error);
      /* A deleted test stays a resource, shown as missing, as it is here. */
      if (g_error_matches (local_error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND))
        continue;
      if (test == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      json_array_add_element (tests, test);
    }

  return g_steal_pointer (&tests);
}

static char *
manifest_text (UrokLesson  *lesson,
               GPtrArray   *media,
               GPtrArray   *boards,
               JsonArray   *tests,
               gsize       *length)
{
  JsonArray *boards_array = json_array_new ();

  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *object = json_object_new ();
  JsonArray *media_array = json_array_new ();

  json_object_set_string_member (object, "format", UROK_PACKAGE_FORMAT);
  json_object_set_int_member (object, "version", UROK_PACKAGE_FORMAT_VERSION);
  json_object_set_string_member (object, "generator", "Urok " PACKAGE_VERSION);
  json_object_set_member (object, "lesson", urok_lesson_to_json (lesson));

  for (guint i = 0; i < media->len; i++)
    {
      PackedMedia *packed = media->pdata[i];
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "name", packed->name);
      json_object_set_string_member (item, "sha256", packed->sha256);
      json_object_set_int_member (item, "size", packed->size);
      json_object_set_string_member (item, "media-type", packed->media_type);
      json_array_add_object_element (media_array, item);
    }
  json_object_set_array_member (object, "media", media_array);
  for (guint i = 0; i < boards->len; i++)
    {
      UrokPackedBoard *packed = boards->pdata[i];
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "name", packed->name);
      json_object_set_string_member (item, "sha256", packed->sha256);
      json_object_set_int_member (item, "size", (gint64)g_bytes_get_size (packed->json));
      json_array_add_object_element (boards_array, item);
    }
  json_object_set_array_member (object, "boards", boards_array);
  json_object_set_array_member (object, "tests", json_array_ref (tests));

  json_node_take_object (root, object);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, length);
}

gboolean
urok_lesson_package_export (UrokStore   *store,
                            UrokLesson  *lesson,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GPtrArray) media = NULL;
  g_autoptr(GPtrArray) boards = NULL;
  g_autoptr(JsonArray) tests = NULL;
  g_autoptr(UrokZipWriter) writer = NULL;
  g_autofree char *manifest = NULL;
  gsize manifest_length = 0;

  g_return_val_if_fail (UROK_IS_STORE (store), FALSE);
  g_return_val_if_fail (UROK_IS_LESSON (lesson), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  media = collect_media (store, lesson, error);
  if (media == NULL)
    return FALSE;
  tests = collect_tests (store, lesson, error);
  if (tests == NULL)
    return FALSE;
  boards = _urok_package_collect_boards (store, lesson, error);
  if (boards == NULL)
    return FALSE;
  manifest = manifest_text (lesson, media, boards, tests, &manifest_length);
  if (manifest_length > UROK_PACKAGE_MAX_MANIFEST_SIZE)
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_TOO_LARGE,
                   _("The lesson is too large for a lesson package: its text and tests take more than 8 MB"));
      return FALSE;
    }

  writer = _urok_zip_writer_new (path, error);
  if (writer == NULL)
    return FALSE;
  /* The manifest first: import reads it before any media and refuses
   * whatever it does not name.  Stored, not deflated, so that its opening
   * ("format": "urok-lesson-package") is the file's magic for file
   * managers (data/ru.urok.Urok.mime.xml.in). */
  if (!_urok_zip_writer_add_bytes (writer, UROK_PACKAGE_MANIFEST, manifest, manifest_length, FALSE, error))
    return FALSE;
  for (guint i = 0; i < media->len; i++)
    {
      PackedMedia *packed = media->pdata[i];
      g_autofree char *entry_name = g_strconcat (UROK_PACKAGE_MEDIA_PREFIX, packed->name, NULL);

      if (!_urok_zip_writer_add_file (writer, entry_name, packed->path, packed->size,
                                      _urok_package_worth_compressing (packed->media_type), error))
        return FALSE;
    }
  for (guint i = 0; i < boards->len; i++)
    {
      UrokPackedBoard *packed = boards->pdata[i];
      g_autofree char *entry_name = g_strconcat (UROK_PACKAGE_BOARDS_PREFIX, packed->name, NULL);

      if (!_urok_zip_writer_add_bytes (writer, entry_name, g_bytes_get_data (packed->json, NULL),
                                       g_bytes_get_size (packed->json), TRUE, error))
        return FALSE;
    }
  return _urok_zip_writer_finish (writer, error);
}
