/* urok-lesson-package-import.c: reading a .urok lesson package into the store.
 *
 * Packages come from other people, so every one is treated as hostile: the
 * ZIP is read once, in order; links, devices, odd paths, duplicate names and
 * anything the manifest does not name are refused; every entry stops as soon
 * as it grows past its limits or unpacks far beyond its packed size.  Media
 * are unpacked into a temporary folder and checked against the manifest
 * before anything is saved; then the store and the lesson's media folder
 * change together or not at all.
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
#include <sys/stat.h>
#include <unistd.h>

#include "urok-lesson-package-private.h"
#include "urok-store-packages.h"

typedef struct archive UrokArchive;

/* A relative path of plain components; a folder entry may end in "/". */
static gboolean
is_safe_path (const char *path)
{
  g_auto(GStrv) parts = NULL;
  guint n_parts;

  if (*path == '\0' || *path == '/' || strchr (path, '\\') != NULL ||
      !g_utf8_validate (path, -1, NULL) || _urok_package_has_control_chars (path))
    return FALSE;
  /* "C:foo" means a drive to some unpackers. */
  if (g_ascii_isalpha (path[0]) && path[1] == ':')
    return FALSE;

  parts = g_strsplit (path, "/", -1);
  n_parts = g_strv_length (parts);
  for (guint i = 0; i < n_parts; i++)
    {
      if (*parts[i] == '\0' && !(i == n_parts - 1 && i > 0))
        return FALSE;
      if (g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
        return FALSE;
    }
  return TRUE;
}

/* A name from a hostile package, fit to show: valid UTF-8, no control
 * characters that could garble the message. */
static char *
printable (const char *name)
{
  char *text = g_utf8_make_valid (name, -1);

  for (char *p = text; *p != '\0'; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      *p = '?';
  return text;
}

/* Removes what import created; never follows a link out of it. */
static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static gboolean
write_all (int          fd,
           const void  *data,
           gsize        size)
{
  const guint8 *p = data;

  while (size > 0)
    {
      gssize n = write (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n == 0)
        errno = EIO;
      if (n <= 0)
        return FALSE;
      p += n;
      size -= (gsize)n;
    }
  return TRUE;
}

typedef struct
{
  char     *name;
  char     *sha256;
  gint64    size;
  gboolean  present;
  gboolean  is_board; /* boards/<uuid>.json, not media/<name> */
} MediaEntry;

static void
media_entry_free (MediaEntry *entry)
{
  g_free (entry->name);
  g_free (entry->sha256);
  g_free (entry);
}

typedef struct
{
  UrokStore   *store;
  UrokArchive *archive;
  int          fd;

  JsonParser  *parser;     /* owns the manifest */
  UrokLesson  *lesson;
  JsonArray   *tests;      /* the parser's */
  GHashTable  *media;      /* name → MediaEntry */
  GHashTable  *boards;     /* name → MediaEntry (is_board) */
  GHashTable  *seen;       /* entry names, without a trailing "/" */
  guint        n_entries;
  gint64       total_size;

  char        *lessons_dir;
  gboolean     created_lessons_dir;
  char        *staging_dir;
} Import;

static void
import_clear (Import *self)
{
  if (self->staging_dir != NULL)
    remove_tree (self->staging_dir);
  /* Only succeeds if nothing else is in it: then it was ours alone. */
  if (self->created_lessons_dir)
    g_rmdir (self->lessons_dir);

  g_clear_pointer (&self->archive, archive_read_free);
  if (self->fd >= 0)
    g_close (self->fd, NULL);
  g_clear_object (&self->parser);
  g_clear_object (&self->lesson);
  g_clear_pointer (&self->media, g_hash_table_unref);
  g_clear_pointer (&self->boards, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->lessons_dir, g_free);
  g_clear_pointer (&self->staging_dir, g_free);
}

static gboolean
set_damaged (Import  *self,
             GError **error)
{
  const char *detail = archive_error_string (self->archive);

  if (detail != NULL)
    g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                 _("The lesson package is damaged or incomplete: %s"), detail);
  else
    g_set_error_literal (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                         _("The lesson package is damaged or incomplete"));
  return FALSE;
}

static gboolean
set_not_valid (GError     **error,
               const char  *detail)
{
  g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
               _("The lesson package’s manifest is not valid: %s"), detail);
  return FALSE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
element_object (JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
read_media_list (Import      *self,
                 JsonArray   *media,
                 gboolean     boards,
                 GError     **error)
{
  guint n = media != NULL ? json_array_get_length (media) : 0;
  GHashTable *table = boards ? self->boards : self->media;

  if (n > UROK_PACKAGE_MAX_ENTRIES)
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_TOO_LARGE,
                   _("The lesson package has more files than any lesson needs"));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = element_object (media, i);
      const char *name = item != NULL ? member_string (item, "name") : NULL;
      const char *sha256 = item != NULL ? member_string (item, "sha256") : NULL;
      MediaEntry *entry;
      gint64 size = -1;

      if (name == NULL || !is_sha256 (sha256) || !member_int (item, "size", &size) || size < 0)
        return set_not_valid (error, _("its list of media files is not valid"));
      if (boards && !_urok_package_is_board_name (name))
        return set_not_valid (error, _("its list of whiteboard pages is not valid"));
      if (boards && size > UROK_PACKAGE_MAX_BOARD_SIZE)
        {
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_TOO_LARGE,
                       _("A whiteboard page in the lesson package is larger than any lesson needs"));
          return FALSE;
        }
      if (!_urok_package_is_safe_name (name))
        {
          g_autofree char *shown = printable (name);

          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_UNSAFE,
                       _("The lesson package names an unsafe media file “%s”; it was not opened"), shown);
          return FALSE;
        }
      if (g_hash_table_contains (table, name))
        return set_not_valid (error, _("its list of media files is not valid"));
      if (size > UROK_PACKAGE_MAX_MEDIA_SIZE)
        {
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_TOO_LARGE,
                       _("The media file “%s” in the lesson package is larger than any lesson needs"), name);
          return FALSE;
        }
      self->total_size += size;
      if (self->total_size > UROK_PACKAGE_MAX_TOTAL_SIZE)
        {
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_TOO_LARGE,
                       _("The media files of the lesson package are larger than any lesson needs"));
          return FALSE;
        }

      entry = g_new0 (MediaEntry, 1);
      entry->name = g_strdup (name);
      entry->sha256 = g_strdup (sha256);
      entry->size = size;
      entry->is_board = boards;
      g_hash_table_insert (table, entry->name, entry);
    }
  return TRUE;
}

static gboolean
is_question_kind (const char *kind)
{
  static const char *const kinds[] = {
    "single_choice", "multiple_choice", "short_answer", "numeric", "true_false", "matching", "essay",
  };

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i]))
      return TRUE;
  return FALSE;
}

static gboolean
test_is_valid (JsonObject *test,
               GHashTable *uuids)
{
  const char *uuid = member_string (test, "uuid");
  JsonArray *questions = member_array (test, "questions");
  gint64 grade_level = 0;

  if (uuid == NULL || !g_uuid_string_is_valid (uuid) || g_hash_table_contains (uuids, uuid) ||
      member_string (test, "title") == NULL || questions == NULL)
    return FALSE;
  if (json_object_has_member (test, "subject") && member_string (test, "subject") == NULL)
    return FALSE;
  if (json_object_has_member (test, "grade-level") &&
      (!member_int (test, "grade-level", &grade_level) || grade_level < 0 || grade_level > 11))
    return FALSE;
  g_hash_table_add (uuids, (gpointer)uuid);

  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *question = element_object (questions, i);
      JsonNode *points = question != NULL ? json_object_get_member (question, "points") : NULL;
      JsonNode *data = question != NULL ? json_object_get_member (question, "data") : NULL;
      GType points_type = points != NULL && JSON_NODE_HOLDS_VALUE (points) ? json_node_get_value_type (points) : G_TYPE_INVALID;
      double value;

      if (question == NULL || !is_question_kind (member_string (question, "kind")) ||
          member_string (question, "text") == NULL)
        return FALSE;
      if (points_type != G_TYPE_INT64 && points_type != G_TYPE_DOUBLE)
        return FALSE;
      value = json_node_get_double (points);
      if (!(value >= 0 && value <= 1000))
        return FALSE;
      if (data != NULL && !JSON_NODE_HOLDS_OBJECT (data))
        return FALSE;
    }
  return TRUE;
}

/* The lesson may only point at media it brings: its media folder is the
 * package's, and a name is used as a path later on. */
static gboolean
check_lesson_media (Import  *self,
                    GError **error)
{
  g_autoptr(GPtrArray) resources = _urok_lesson_resources (self->lesson);

  for (guint i = 0; i < resources->len; i++)
    {
      UrokResource *resource = resources->pdata[i];
      const char *name = urok_resource_get_target (resource);

      if (urok_resource_get_kind (resource) != UROK_RESOURCE_MEDIA || *name == '\0')
        continue;
      if (!_urok_package_is_safe_name (name))
        {
          g_autofree char *shown = printable (name);

          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_UNSAFE,
                       _("The lesson package names an unsafe media file “%s”; it was not opened"), shown);
          return FALSE;
        }
      if (!g_hash_table_contains (self->media, name))
        {
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_MISSING_MEDIA,
                       _("The lesson uses the media file “%s”, which is not in the package"), name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_manifest (Import      *self,
               GBytes      *bytes,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) test_uuids = g_hash_table_new (g_str_hash, g_str_equal);
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonNode *root;
  JsonObject *manifest;
  JsonNode *lesson;
  const char *format;
  gint64 version = 0;

  if (size == 0 || !g_utf8_validate (data, (gssize)size, NULL) || !_urok_package_json_depth_ok (data, size))
    return set_not_valid (error, _("it is not JSON text"));

  self->parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (self->parser, data, (gssize)size, &local_error))
    return set_not_valid (error, local_error->message);
  root = json_parser_get_root (self->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return set_not_valid (error, _("it is not a JSON object"));
  manifest = json_node_get_object (root);

  format = member_string (manifest, "format");
  if (g_strcmp0 (format, UROK_PACKAGE_FORMAT) != 0)
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                   _("The file is not a lesson package (its manifest names the format “%s”)"),
                   format != NULL ? format : "");
      return FALSE;
    }
  if (!member_int (manifest, "version", &version) || version < 1)
    return set_not_valid (error, _("it has no valid version"));
  if (version > UROK_PACKAGE_FORMAT_VERSION)
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_VERSION,
                   _("The lesson package was made by a newer version of Urok (package version %d; "
                     "this version reads up to %d). Update Urok to open it."),
                   (int)MIN (version, G_MAXINT), UROK_PACKAGE_FORMAT_VERSION);
      return FALSE;
    }

  lesson = json_object_get_member (manifest, "lesson");
  if (lesson == NULL)
    return set_not_valid (error, _("it has no lesson"));
  if (!_urok_package_boards_depth_ok (lesson))
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                   _("The lesson in the package is not valid: %s"), _("a whiteboard page is nested too deeply"));
      return FALSE;
    }
  self->lesson = urok_lesson_new_from_json (lesson, &local_error);
  if (self->lesson == NULL)
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                   _("The lesson in the package is not valid: %s"), local_error->message);
      return FALSE;
    }
  /* The uuid names the lesson's media folder. */
  if (!g_uuid_string_is_valid (urok_lesson_get_uuid (self->lesson)))
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                   _("The lesson in the package is not valid: %s"), _("its identifier is not a UUID"));
      return FALSE;
    }

  if (json_object_has_member (manifest, "media") && member_array (manifest, "media") == NULL)
    return set_not_valid (error, _("its list of media files is not valid"));
  if (!read_media_list (self, member_array (manifest, "media"), FALSE, error))
    return FALSE;
  if (json_object_has_member (manifest, "boards") && member_array (manifest, "boards") == NULL)
    return set_not_valid (error, _("its list of whiteboard pages is not valid"));
  if (!read_media_list (self, member_array (manifest, "boards"), TRUE, error))
    return FALSE;

  if (json_object_has_member (manifest, "tests") && member_array (manifest, "tests") == NULL)
    return set_not_valid (error, _("its list of tests is not valid"));
  self->tests = member_array (manifest, "tests");
  for (guint i = 0; self->tests != NULL && i < json_array_get_length (self->tests); i++)
    {
      JsonObject *test = element_object (self->tests, i);

      if (test == NULL || !test_is_valid (test, test_uuids))
        return set_not_valid (error, _("its list of tests is not valid"));
    }

  return check_lesson_media (self, error);
}

static GBytes *
read_manifest_bytes (Import  *self,
                     la_int64_t declared_size,
                     GError **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  const void *block;
  size_t size;
  la_int64_t offset;
  int rc;

  /* The declared size can lie; the cap holds on what is inflated. */
  if (declared_size > UROK_PACKAGE_MAX_MANIFEST_SIZE)
    goto too_large;

  while ((rc = archive_read_data_block (self->archive, &block, &size, &offset)) == ARCHIVE_OK)
    {
      if (offset != (la_int64_t)buffer->len)
        {
          set_damaged (self, error);
          return NULL;
        }
      if (buffer->len + size > UROK_PACKAGE_MAX_MANIFEST_SIZE)
        goto too_large;
      g_byte_array_append (buffer, block, (guint)size);
    }
  if (rc != ARCHIVE_EOF)
    {
      set_damaged (self, error);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

too_large:
  g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_TOO_LARGE,
               _("The lesson package’s manifest is larger than any lesson needs"));
  return NULL;
}

static gboolean
prepare_staging (Import  *self,
                 GError **error)
{
  g_autofree char *media_dir = urok_store_dup_lesson_media_dir (self->store, urok_lesson_get_uuid (self->lesson));
  g_autofree char *lesson_dir = g_path_get_dirname (media_dir);
  g_autofree char *staging_media = NULL;

  /* Beside the lessons' folders, on the same file system: moving the
   * unpacked media into place is a rename. */
  self->lessons_dir = g_path_get_dirname (lesson_dir);
  if (!g_file_test (self->lessons_dir, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir_with_parents (self->lessons_dir, 0700) != 0)
        return _urok_package_set_io_error (error, errno, _("Could not create the folder “%s”: %s"), self->lessons_dir, g_strerror (errno));
      self->created_lessons_dir = TRUE;
    }

  self->staging_dir = g_build_filename (self->lessons_dir, ".import-XXXXXX", NULL);
  if (g_mkdtemp_full (self->staging_dir, 0700) == NULL)
    {
      int saved_errno = errno;
      g_clear_pointer (&self->staging_dir, g_free);
      return _urok_package_set_io_error (error, saved_errno, _("Could not create the folder “%s”: %s"), self->lessons_dir, g_strerror (saved_errno));
    }
  staging_media = g_build_filename (self->staging_dir, "media", NULL);
  if (g_mkdir (staging_media, 0700) != 0)
    return _urok_package_set_io_error (error, errno, _("Could not create the folder “%s”: %s"), staging_media, g_strerror (errno));
  g_free (staging_media);
  staging_media = g_build_filename (self->staging_dir, "boards", NULL);
  if (g_mkdir (staging_media, 0700) != 0)
    return _urok_package_set_io_error (error, errno, _("Could not create the folder “%s”: %s"), staging_media, g_strerror (errno));
  return TRUE;
}

static gboolean
too_large (GError     **error,
           const char  *name)
{
  g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_TOO_LARGE,
               _("The media file “%s” in the lesson package is larger than any lesson needs"), name);
  return FALSE;
}

static gboolean
extract_media (Import      *self,
               MediaEntry  *media,
               GError     **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *dest = g_build_filename (self->staging_dir, media->is_board ? "boards" : "media", media->name, NULL);
  la_int64_t start = archive_filter_bytes (self->archive, -1);
  gint64 written = 0;
  const void *block;
  size_t size;
  la_int64_t offset;
  int fd;
  int rc;

  /* O_EXCL: two names one file system folds together cannot overwrite. */
  fd = g_open (dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    return _urok_package_set_io_error (error, errno, _("Could not unpack the media file “%s”: %s"), media->name, g_strerror (errno));

  while ((rc = archive_read_data_block (self->archive, &block, &size, &offset)) == ARCHIVE_OK)
    {
      la_int64_t packed;

      if (offset != written)
        {
          g_close (fd, NULL);
          return set_damaged (self, error);
        }
      written += (gint64)size;
      self->total_size += (gint64)size;

      /* Every limit is checked before the bytes are written anywhere. */
      if (written > (media->is_board ? UROK_PACKAGE_MAX_BOARD_SIZE : UROK_PACKAGE_MAX_MEDIA_SIZE))
        {
          g_close (fd, NULL);
          return too_large (error, media->name);
        }
      if (self->total_size > UROK_PACKAGE_MAX_TOTAL_SIZE)
        {
          g_close (fd, NULL);
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_TOO_LARGE,
                       _("The media files of the lesson package are larger than any lesson needs"));
          return FALSE;
        }
      packed = archive_filter_bytes (self->archive, -1) - start;
      if (written > UROK_PACKAGE_RATIO_FLOOR && written / MAX (packed, 1) > UROK_PACKAGE_MAX_RATIO)
        {
          g_close (fd, NULL);
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_TOO_LARGE,
                       _("The file “%s” in the lesson package unpacks to far more than its packed size "
                         "(a “zip bomb”); the package was not opened"),
                       media->name);
          return FALSE;
        }
      if (written > media->size)
        break;

      g_checksum_update (checksum, block, size);
      if (!write_all (fd, block, size))
        {
          int saved_errno = errno;
          g_close (fd, NULL);
          return _urok_package_set_io_error (error, saved_errno, _("Could not unpack the media file “%s”: %s"), media->name, g_strerror (saved_errno));
        }
    }
  if (rc != ARCHIVE_OK && rc != ARCHIVE_EOF)
    {
      g_close (fd, NULL);
      return set_damaged (self, error);
    }

  /* On disk before the store says the lesson has it (empty files have
   * nothing to flush). */
  if ((written > 0 && fsync (fd) != 0) || !g_close (fd, NULL))
    return _urok_package_set_io_error (error, errno, _("Could not unpack the media file “%s”: %s"), media->name, g_strerror (errno));

  if (written != media->size || !g_str_equal (g_checksum_get_string (checksum), media->sha256))
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_MISSING_MEDIA,
                   _("The media file “%s” in the lesson package is damaged: it is not the file the package lists"),
                   media->name);
      return FALSE;
    }
  media->present = TRUE;
  return TRUE;
}

static gboolean
check_entry (Import                *self,
             struct archive_entry  *entry,
             const char            *name,
             GError               **error)
{
  mode_t type = archive_entry_filetype (entry);
  g_autofree char *key = NULL;

  if (!is_safe_path (name))
    {
      g_autofree char *shown = printable (name);

      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_UNSAFE,
                   _("The lesson package contains an unsafe path “%s”; it was not opened"), shown);
      return FALSE;
    }
  if (archive_entry_hardlink (entry) != NULL || archive_entry_symlink (entry) != NULL ||
      (type != AE_IFREG && type != AE_IFDIR))
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_UNSAFE,
                   _("The lesson package contains a link or a special file “%s”; it was not opened"), name);
      return FALSE;
    }
  if (archive_entry_is_encrypted (entry))
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                   _("The lesson package contains an encrypted file “%s”"), name);
      return FALSE;
    }

  /* Two entries of one name: unpackers disagree on which one wins. */
  key = g_strdup (name);
  if (g_str_has_suffix (key, "/"))
    key[strlen (key) - 1] = '\0';
  if (g_hash_table_contains (self->seen, key))
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_UNSAFE,
                   _("The lesson package contains “%s” twice; it was not opened"), key);
      return FALSE;
    }
  g_hash_table_add (self->seen, g_steal_pointer (&key));
  return TRUE;
}

static gboolean
unexpected (GError     **error,
            const char  *name)
{
  g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
               _("The lesson package contains an unexpected file “%s”"), name);
  return FALSE;
}

static gboolean
read_package (Import  *self,
              GError **error)
{
  struct archive_entry *entry;
  int rc;

  while ((rc = archive_read_next_header (self->archive, &entry)) == ARCHIVE_OK || rc == ARCHIVE_WARN)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      MediaEntry *media;

      /* Outside a UTF-8 locale libarchive cannot convert a UTF-8 name and
       * gives the bytes as they are; is_safe_path() insists on UTF-8. */
      if (name == NULL)
        name = archive_entry_pathname (entry);

      if (++self->n_entries > UROK_PACKAGE_MAX_ENTRIES)
        {
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_TOO_LARGE,
                       _("The lesson package has more files than any lesson needs"));
          return FALSE;
        }
      if (name == NULL)
        {
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_UNSAFE,
                       _("The lesson package contains a file name that cannot be read; it was not opened"));
          return FALSE;
        }
      if (!check_entry (self, entry, name, error))
        return FALSE;

      if (self->lesson == NULL)
        {
          g_autoptr(GBytes) bytes = NULL;

          if (!g_str_equal (name, UROK_PACKAGE_MANIFEST) || archive_entry_filetype (entry) != AE_IFREG)
            {
              g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                           _("The file is not a lesson package: it does not begin with a manifest (manifest.json)"));
              return FALSE;
            }
          bytes = read_manifest_bytes (self, archive_entry_size (entry), error);
          if (bytes == NULL || !read_manifest (self, bytes, error) || !prepare_staging (self, error))
            return FALSE;
          continue;
        }

      if (archive_entry_filetype (entry) == AE_IFDIR)
        {
          if (!g_str_equal (name, UROK_PACKAGE_MEDIA_PREFIX) && !g_str_equal (name, UROK_PACKAGE_BOARDS_PREFIX))
            return unexpected (error, name);
          continue;
        }
      if (g_str_has_prefix (name, UROK_PACKAGE_BOARDS_PREFIX))
        media = g_hash_table_lookup (self->boards, name + strlen (UROK_PACKAGE_BOARDS_PREFIX));
      else if (g_str_has_prefix (name, UROK_PACKAGE_MEDIA_PREFIX))
        media = g_hash_table_lookup (self->media, name + strlen (UROK_PACKAGE_MEDIA_PREFIX));
      else
        media = NULL;
      if (media == NULL)
        return unexpected (error, name);
      if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > UROK_PACKAGE_MAX_MEDIA_SIZE)
        return too_large (error, media->name);
      if (!extract_media (self, media, error))
        return FALSE;
    }

  if (rc != ARCHIVE_EOF)
    {
      if (self->n_entries == 0)
        {
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                       _("The file is not a lesson package (it is not a ZIP archive)"));
          return FALSE;
        }
      return set_damaged (self, error);
    }
  if (self->lesson == NULL)
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                   _("The file is not a lesson package: it has no manifest (manifest.json)"));
      return FALSE;
    }

  {
    GHashTableIter iter;
    MediaEntry *media;

    g_hash_table_iter_init (&iter, self->media);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&media))
      if (!media->present)
        {
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_MISSING_MEDIA,
                       _("The media file “%s” is missing from the lesson package"), media->name);
          return FALSE;
        }
    g_hash_table_iter_init (&iter, self->boards);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&media))
      if (!media->present)
        {
          g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_MISSING_MEDIA,
                       _("The whiteboard page “%s” is missing from the lesson package"), media->name);
          return FALSE;
        }
  }
  return TRUE;
}

/* Saves the lesson and its tests and puts the unpacked media in place of
 * the lesson's media folder, all or nothing: the old folder is moved aside
 * until the store has committed, and moved back if anything fails. */
static gboolean
save_import (Import    *self,
             gboolean  *was_new,
             GError   **error)
{
  const char *uuid = urok_lesson_get_uuid (self->lesson);
  g_autofree char *media_dir = urok_store_dup_lesson_media_dir (self->store, uuid);
  g_autofree char *lesson_dir = g_path_get_dirname (media_dir);
  g_autofree char *staged_media = g_build_filename (self->staging_dir, "media", NULL);
  g_autofree char *old_media = g_build_filename (self->staging_dir, "old-media", NULL);
  gboolean created_lesson_dir = FALSE;
  gboolean moved_old = FALSE;
  gboolean moved_new = FALSE;
  gboolean exists = FALSE;

  if (!urok_store_lesson_exists (self->store, uuid, &exists, error))
    return FALSE;
  if (!urok_store_begin (self->store, error))
    return FALSE;

  if (!urok_store_save_lesson (self->store, self->lesson, error)
      || !_urok_package_save_boards (self->store, self->lesson, self->staging_dir, self->boards, error))
    goto fail_saving;
  for (guint i = 0; self->tests != NULL && i < json_array_get_length (self->tests); i++)
    if (!urok_store_save_test_json (self->store, json_array_get_object_element (self->tests, i), error))
      goto fail_saving;

  if (!g_file_test (lesson_dir, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir_with_parents (lesson_dir, 0700) != 0)
        {
          _urok_package_set_io_error (error, errno, _("Could not create the folder “%s”: %s"), lesson_dir, g_strerror (errno));
          goto fail;
        }
      created_lesson_dir = TRUE;
    }
  if (g_file_test (media_dir, G_FILE_TEST_EXISTS))
    {
      if (g_rename (media_dir, old_media) != 0)
        {
          _urok_package_set_io_error (error, errno, _("Could not replace the lesson’s media folder “%s”: %s"), media_dir, g_strerror (errno));
          goto fail;
        }
      moved_old = TRUE;
    }
  if (g_rename (staged_media, media_dir) != 0)
    {
      _urok_package_set_io_error (error, errno, _("Could not replace the lesson’s media folder “%s”: %s"), media_dir, g_strerror (errno));
      goto fail;
    }
  moved_new = TRUE;

  if (!urok_store_commit (self->store, error))
    goto fail;

  *was_new = !exists;
  return TRUE;

fail_saving:
  g_prefix_error (error, _("Could not save the imported lesson: "));
fail:
  urok_store_rollback (self->store);
  if (moved_new)
    g_rename (media_dir, staged_media);
  if (moved_old)
    g_rename (old_media, media_dir);
  if (created_lesson_dir)
    g_rmdir (lesson_dir);
  return FALSE;
}

UrokLesson *
urok_lesson_package_import (UrokStore   *store,
                            const char  *path,
                            gboolean    *out_was_new,
                            GError     **error)
{
  Import self = { .store = store, .fd = -1 };
  gboolean was_new = FALSE;
  UrokLesson *lesson = NULL;
  GStatBuf st;

  g_return_val_if_fail (UROK_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self.media = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)media_entry_free);
  self.boards = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)media_entry_free);
  self.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self.fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (self.fd < 0)
    {
      _urok_package_set_io_error (error, errno, _("Could not open “%s”: %s"), path, g_strerror (errno));
      goto out;
    }
  if (fstat (self.fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                   _("The file is not a lesson package (it is not a ZIP archive)"));
      goto out;
    }

  self.archive = archive_read_new ();
  archive_read_support_format_zip (self.archive);
  if (archive_read_open_fd (self.archive, self.fd, 65536) != ARCHIVE_OK)
    {
      g_set_error (error, UROK_PACKAGE_ERROR, UROK_PACKAGE_ERROR_INVALID,
                   _("The file is not a lesson package (it is not a ZIP archive)"));
      goto out;
    }

  if (!read_package (&self, error) || !save_import (&self, &was_new, error))
    goto out;

  if (out_was_new != NULL)
    *out_was_new = was_new;
  lesson = g_steal_pointer (&self.lesson);

out:
  import_clear (&self);
  return lesson;
}
