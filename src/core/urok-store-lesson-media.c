/* urok-store-lesson-media.c: a lesson's media files: copied into its folder
 * beside the store under their content's hash, atomically.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "urok-store-private.h"

char *
urok_store_dup_lesson_media_dir (UrokStore  *self,
                                 const char *lesson_uuid)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  g_return_val_if_fail (lesson_uuid != NULL && g_uuid_string_is_valid (lesson_uuid), NULL);

  dir = _urok_store_dup_lesson_dir (self, lesson_uuid);
  return g_build_filename (dir, "media", NULL);
}

/* A short lower-case extension of @name (".png"), or "" for none or a
 * strange one: the file name we make must stay plain. */
static char *
media_extension (const char *name)
{
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;
  gsize length;

  if (dot == NULL || dot == name)
    return g_strdup ("");
  length = strlen (dot + 1);
  if (length == 0 || length > 8)
    return g_strdup ("");
  for (const char *p = dot + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p))
        return g_strdup ("");
    }
  return g_ascii_strdown (dot, -1);
}

#define SNIFF_SIZE 4096
#define COPY_BUFFER (64 * 1024)

/* Copies @input to @output, hashing it and keeping its first bytes in @head
 * for guessing its type. */
static gboolean
copy_hashing (GInputStream   *input,
              GOutputStream  *output,
              GChecksum      *checksum,
              guint8         *head,
              gsize          *head_length,
              GError        **error)
{
  g_autofree guint8 *buffer = g_malloc (COPY_BUFFER);

  for (;;)
    {
      gssize n = g_input_stream_read (input, buffer, COPY_BUFFER, NULL, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      if (*head_length < SNIFF_SIZE)
        {
          gsize take = MIN ((gsize)n, SNIFF_SIZE - *head_length);

          memcpy (head + *head_length, buffer, take);
          *head_length += take;
        }
      g_checksum_update (checksum, buffer, n);
      if (!g_output_stream_write_all (output, buffer, n, NULL, NULL, error))
        return FALSE;
    }
  return g_output_stream_close (output, NULL, error);
}

static char *
guess_media_type (const char   *basename,
                  const guint8 *head,
                  gsize         head_length)
{
  g_autofree char *content_type = NULL;
  g_autofree char *mime = NULL;
  gboolean uncertain = TRUE;

  /* By content first: a name can lie. */
  content_type = g_content_type_guess (NULL, head, head_length, &uncertain);
  if (uncertain)
    {
      g_free (content_type);
      content_type = g_content_type_guess (basename, head, head_length, NULL);
    }
  mime = g_content_type_get_mime_type (content_type);
  return mime != NULL ? g_steal_pointer (&mime) : g_strdup ("application/octet-stream");
}

char *
urok_store_add_lesson_media (UrokStore   *self,
                             const char  *lesson_uuid,
                             GFile       *source,
                             char       **media_type,
                             GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *random = g_uuid_string_random ();
  g_autofree char *tmp_name = g_strconcat (".incoming-", random, NULL);
  g_autofree char *tmp_path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *extension = NULL;
  g_autofree char *name = NULL;
  g_autofree char *final_path = NULL;
  g_autoptr(GFile) tmp = NULL;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileOutputStream) output = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 head[SNIFF_SIZE];
  gsize head_length = 0;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);
  g_return_val_if_fail (lesson_uuid != NULL && g_uuid_string_is_valid (lesson_uuid), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);

  dir = urok_store_dup_lesson_media_dir (self, lesson_uuid);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  input = g_file_read (source, NULL, error);
  if (input == NULL)
    return NULL;

  /* Copied under a hidden temporary name and renamed when complete, so
   * the folder never holds half a file under a real name. */
  tmp_path = g_build_filename (dir, tmp_name, NULL);
  tmp = g_file_new_for_path (tmp_path);
  output = g_file_create (tmp, G_FILE_CREATE_PRIVATE, NULL, error);
  if (output == NULL)
    return NULL;
  if (!copy_hashing (G_INPUT_STREAM (input), G_OUTPUT_STREAM (output), checksum, head, &head_length, error))
    {
      g_output_stream_close (G_OUTPUT_STREAM (output), NULL, NULL);
      g_unlink (tmp_path);
      return NULL;
    }

  basename = g_file_get_basename (source);
  extension = media_extension (basename);
  name = g_strdup_printf ("%.32s%s", g_checksum_get_string (checksum), extension);
  final_path = g_build_filename (dir, name, NULL);
  /* The same content already there is the same file: replacing it is fine. */
  if (g_rename (tmp_path, final_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save “%s” in the lesson: %s"), basename, g_strerror (saved_errno));
      g_unlink (tmp_path);
      return NULL;
    }

  if (media_type != NULL)
    *media_type = guess_media_type (basename, head, head_length);
  return g_steal_pointer (&name);
}
