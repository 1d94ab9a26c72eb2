/* urok-annotation.c: a bookmark, highlight or note in a textbook.
 *
 * An annotation belongs to a book by the book's identifier (dc:identifier),
 * not by its row in the catalogue: it outlives removing the book and comes
 * back to a re-downloaded or re-issued copy of it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "urok-annotation.h"

struct _UrokAnnotation
{
  GObject             parent_instance;

  char               *uuid;
  char               *book_identifier;
  UrokAnnotationKind  kind;
  UrokBookLocation   *location;
  char               *colour;
  char               *note;
  GDateTime          *created;
  GDateTime          *modified;
};

G_DEFINE_FINAL_TYPE (UrokAnnotation, urok_annotation, G_TYPE_OBJECT)

static const struct
{
  const char *name;
  const char *label;
  const char *rgb;
} palette[] = {
  { "yellow", N_("Yellow"), "#f6d32d" },
  { "green", N_("Green"), "#8ff0a4" },
  { "blue", N_("Blue"), "#99c1f1" },
  { "pink", N_("Pink"), "#f5a3c7" },
  { "orange", N_("Orange"), "#ffbe6f" },
  { "purple", N_("Purple"), "#dc8add" },
};

static const char *kinds[] = { "bookmark", "highlight", "note" };

static void
urok_annotation_finalize (GObject *object)
{
  UrokAnnotation *self = UROK_ANNOTATION (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->book_identifier, g_free);
  g_clear_object (&self->location);
  g_clear_pointer (&self->colour, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (urok_annotation_parent_class)->finalize (object);
}

static void
urok_annotation_class_init (UrokAnnotationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = urok_annotation_finalize;
}

static void
urok_annotation_init (UrokAnnotation *self)
{
}

/* Whole seconds: what the store and the exported JSON keep. */
static GDateTime *
now (void)
{
  g_autoptr(GDateTime) exact = g_date_time_new_now_utc ();

  return g_date_time_new_utc (g_date_time_get_year (exact), g_date_time_get_month (exact),
                              g_date_time_get_day_of_month (exact), g_date_time_get_hour (exact),
                              g_date_time_get_minute (exact), g_date_time_get_second (exact));
}

UrokAnnotation *
urok_annotation_new (const char         *book_identifier,
                     UrokAnnotationKind  kind,
                     UrokBookLocation   *location)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GDateTime) time = now ();

  return urok_annotation_new_full (uuid, book_identifier, kind, location,
                                   palette[0].name, "", time, time);
}

UrokAnnotation *
urok_annotation_new_full (const char         *uuid,
                          const char         *book_identifier,
                          UrokAnnotationKind  kind,
                          UrokBookLocation   *location,
                          const char         *colour,
                          const char         *note,
                          GDateTime          *created,
                          GDateTime          *modified)
{
  UrokAnnotation *self;

  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (book_identifier != NULL, NULL);
  g_return_val_if_fail (kind <= UROK_ANNOTATION_NOTE, NULL);
  g_return_val_if_fail (UROK_IS_BOOK_LOCATION (location), NULL);
  g_return_val_if_fail (urok_annotation_colour_is_valid (colour), NULL);
  g_return_val_if_fail (created != NULL && modified != NULL, NULL);

  self = g_object_new (UROK_TYPE_ANNOTATION, NULL);
  self->uuid = g_strdup (uuid);
  self->book_identifier = g_strdup (book_identifier);
  self->kind = kind;
  self->location = g_object_ref (location);
  self->colour = g_strdup (colour);
  self->note = g_strdup (note != NULL ? note : "");
  self->created = g_date_time_ref (created);
  self->modified = g_date_time_ref (modified);
  return self;
}

const char *
urok_annotation_get_uuid (UrokAnnotation *self)
{
  g_return_val_if_fail (UROK_IS_ANNOTATION (self), NULL);
  return self->uuid;
}

const char *
urok_annotation_get_book_identifier (UrokAnnotation *self)
{
  g_return_val_if_fail (UROK_IS_ANNOTATION (self), NULL);
  return self->book_identifier;
}

UrokAnnotationKind
urok_annotation_get_kind (UrokAnnotation *self)
{
  g_return_val_if_fail (UROK_IS_ANNOTATION (self), UROK_ANNOTATION_BOOKMARK);
  return self->kind;
}

UrokBookLocation *
urok_annotation_get_location (UrokAnnotation *self)
{
  g_return_val_if_fail (UROK_IS_ANNOTATION (self), NULL);
  return self->location;
}

const char *
urok_annotation_get_colour (UrokAnnotation *self)
{
  g_return_val_if_fail (UROK_IS_ANNOTATION (self), NULL);
  return self->colour;
}

const char *
urok_annotation_get_note (UrokAnnotation *self)
{
  g_return_val_if_fail (UROK_IS_ANNOTATION (self), NULL);
  return self->note;
}

GDateTime *
urok_annotation_get_created (UrokAnnotation *self)
{
  g_return_val_if_fail (UROK_IS_ANNOTATION (self), NULL);
  return self->created;
}

GDateTime *
urok_annotation_get_modified (UrokAnnotation *self)
{
  g_return_val_if_fail (UROK_IS_ANNOTATION (self), NULL);
  return self->modified;
}

static void
touch (UrokAnnotation *self)
{
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = now ();
}

void
urok_annotation_set_colour (UrokAnnotation *self,
                            const char     *colour)
{
  g_return_if_fail (UROK_IS_ANNOTATION (self));
  g_return_if_fail (urok_annotation_colour_is_valid (colour));

  g_free (self->colour);
  self->colour = g_strdup (colour);
  touch (self);
}

void
urok_annotation_set_note (UrokAnnotation *self,
                          const char     *note)
{
  g_return_if_fail (UROK_IS_ANNOTATION (self));

  g_free (self->note);
  self->note = g_strdup (note != NULL ? note : "");
  touch (self);
}

void
urok_annotation_set_location (UrokAnnotation   *self,
                              UrokBookLocation *location)
{
  g_return_if_fail (UROK_IS_ANNOTATION (self));
  g_return_if_fail (UROK_IS_BOOK_LOCATION (location));

  g_set_object (&self->location, location);
  touch (self);
}

gboolean
urok_annotation_equal (UrokAnnotation *a,
                       UrokAnnotation *b)
{
  g_return_val_if_fail (UROK_IS_ANNOTATION (a) && UROK_IS_ANNOTATION (b), FALSE);

  return g_str_equal (a->uuid, b->uuid)
         && g_str_equal (a->book_identifier, b->book_identifier)
         && a->kind == b->kind
         && urok_book_location_equal (a->location, b->location)
         && g_str_equal (a->colour, b->colour)
         && g_str_equal (a->note, b->note)
         && g_date_time_equal (a->created, b->created)
         && g_date_time_equal (a->modified, b->modified);
}

const char *
urok_annotation_kind_to_string (UrokAnnotationKind kind)
{
  g_return_val_if_fail (kind <= UROK_ANNOTATION_NOTE, NULL);
  return kinds[kind];
}

gboolean
urok_annotation_kind_from_string (const char         *text,
                                  UrokAnnotationKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (text, kinds[i]) == 0)
      {
        *kind = (UrokAnnotationKind) i;
        return TRUE;
      }
  return FALSE;
}

const char * const *
urok_annotation_colours (void)
{
  static const char * const names[] = {
    "yellow", "green", "blue", "pink", "orange", "purple", NULL
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (palette) + 1);
  return names;
}

static int
colour_index (const char *colour)
{
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    if (g_strcmp0 (colour, palette[i].name) == 0)
      return (int) i;
  return -1;
}

gboolean
urok_annotation_colour_is_valid (const char *colour)
{
  return colour_index (colour) >= 0;
}

const char *
urok_annotation_colour_get_rgb (const char *colour)
{
  int i = colour_index (colour);

  g_return_val_if_fail (i >= 0, NULL);
  return palette[i].rgb;
}

const char *
urok_annotation_colour_get_label (const char *colour)
{
  int i = colour_index (colour);

  g_return_val_if_fail (i >= 0, NULL);
  return _(palette[i].label);
}
