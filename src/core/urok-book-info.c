/* urok-book-info.c: A textbook's catalogue entry: what its package document says of it.
 *
 * Immutable once built: lists show a snapshot and are reloaded on change.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-book-info.h"

struct _UrokBookInfo
{
  GObject parent_instance;
  gint64 id;
  char *identifier;
  char *format;
  char *title;
  char *authors;
  char *language;
  char *subject;
  int grade_level;
  char *file;
};

G_DEFINE_FINAL_TYPE (UrokBookInfo, urok_book_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_IDENTIFIER,
  PROP_FORMAT,
  PROP_TITLE,
  PROP_AUTHORS,
  PROP_LANGUAGE,
  PROP_SUBJECT,
  PROP_GRADE_LEVEL,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
urok_book_info_finalize (GObject *object)
{
  UrokBookInfo *self = (UrokBookInfo *)object;

  g_clear_pointer (&self->identifier, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->authors, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->file, g_free);

  G_OBJECT_CLASS (urok_book_info_parent_class)->finalize (object);
}

static void
urok_book_info_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UrokBookInfo *self = UROK_BOOK_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_IDENTIFIER:
      g_value_set_string (value, self->identifier);
      break;

    case PROP_FORMAT:
      g_value_set_string (value, self->format);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_AUTHORS:
      g_value_set_string (value, self->authors);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_GRADE_LEVEL:
      g_value_set_int (value, self->grade_level);
      break;

    case PROP_FILE:
      g_value_set_string (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_book_info_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UrokBookInfo *self = UROK_BOOK_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_IDENTIFIER:
      self->identifier = g_value_dup_string (value);
      break;

    case PROP_FORMAT:
      self->format = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_AUTHORS:
      self->authors = g_value_dup_string (value);
      break;

    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;

    case PROP_SUBJECT:
      self->subject = g_value_dup_string (value);
      break;

    case PROP_GRADE_LEVEL:
      self->grade_level = g_value_get_int (value);
      break;

    case PROP_FILE:
      self->file = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_book_info_class_init (UrokBookInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = urok_book_info_finalize;
  object_class->get_property = urok_book_info_get_property;
  object_class->set_property = urok_book_info_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "Row id in the store, 0 before it is stored", 0, G_MAXINT64, 0, flags);
  properties[PROP_IDENTIFIER] =
    g_param_spec_string ("identifier", NULL, "The book's dc:identifier", "", flags);
  properties[PROP_FORMAT] =
    g_param_spec_string ("format", NULL, "epub or pdf", "", flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Title", "", flags);
  properties[PROP_AUTHORS] =
    g_param_spec_string ("authors", NULL, "Authors, comma-separated", "", flags);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, "BCP 47 language tag", "", flags);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, "School subject", "", flags);
  properties[PROP_GRADE_LEVEL] =
    g_param_spec_int ("grade-level", NULL, "Grade level 1–11, or 0 when unknown", 0, G_MAXINT, 0, flags);
  properties[PROP_FILE] =
    g_param_spec_string ("file", NULL, "Path of the book file", "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
urok_book_info_init (UrokBookInfo *self)
{
}

gint64
urok_book_info_get_id (UrokBookInfo *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_INFO (self), 0);
  return self->id;
}

const char *
urok_book_info_get_identifier (UrokBookInfo *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_INFO (self), NULL);
  return self->identifier != NULL ? self->identifier : "";
}

const char *
urok_book_info_get_format (UrokBookInfo *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_INFO (self), NULL);
  return self->format != NULL ? self->format : "";
}

const char *
urok_book_info_get_title (UrokBookInfo *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_INFO (self), NULL);
  return self->title != NULL ? self->title : "";
}

const char *
urok_book_info_get_authors (UrokBookInfo *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_INFO (self), NULL);
  return self->authors != NULL ? self->authors : "";
}

const char *
urok_book_info_get_language (UrokBookInfo *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_INFO (self), NULL);
  return self->language != NULL ? self->language : "";
}

const char *
urok_book_info_get_subject (UrokBookInfo *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_INFO (self), NULL);
  return self->subject != NULL ? self->subject : "";
}

int
urok_book_info_get_grade_level (UrokBookInfo *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_INFO (self), 0);
  return self->grade_level;
}

const char *
urok_book_info_get_file (UrokBookInfo *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_INFO (self), NULL);
  return self->file != NULL ? self->file : "";
}

UrokBookInfo *
urok_book_info_copy_with_file (UrokBookInfo *self,
                               const char   *file)
{
  g_return_val_if_fail (UROK_IS_BOOK_INFO (self), NULL);

  return g_object_new (UROK_TYPE_BOOK_INFO,
                       "id", self->id,
                       "identifier", self->identifier,
                       "format", self->format,
                       "title", self->title,
                       "authors", self->authors,
                       "language", self->language,
                       "subject", self->subject,
                       "grade-level", self->grade_level,
                       "file", file,
                       NULL);
}
