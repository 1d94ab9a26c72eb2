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

enum {
  PROP_0,
  PROP_UUID,
  PROP_BOOK_IDENTIFIER,
  PROP_KIND,
  PROP_LOCATION,
  PROP_COLOUR,
  PROP_NOTE,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
urok_annotation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UrokAnnotation *self = UROK_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_BOOK_IDENTIFIER:
      g_value_set_string (value, self->book_identifier);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_LOCATION:
      g_value_set_object (value, self->location);
      break;
    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_annotation_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  UrokAnnotation *self = UROK_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_LOCATION:
      urok_annotation_set_location (self, g_value_get_object (value));
      break;
    case PROP_COLOUR:
      urok_annotation_set_colour (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      urok_annotation_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_annotation_class_init (UrokAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = urok_annotation_finalize;
  object_class->get_property = urok_annotation_get_property;
  object_class->set_property = urok_annotation_set_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, ro);
  properties[PROP_BOOK_IDENTIFIER] = g_param_spec_string ("book-identifier", NULL, NULL, NULL, ro);
  /* A UrokAnnotationKind. */
  properties[PROP_KIND] = g_param_spec_uint ("kind", NULL, NULL, 0, UROK_ANNOTATION_NOTE, 0, ro);
  properties[PROP_LOCATION] = g_param_spec_object ("location", NULL, NULL, UROK_TYPE_BOOK_LOCATION, rw);
  properties[PROP_COLOUR] = g_param_spec_string ("colour", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_MODIFIED] = g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
touch (UrokAnnotation *self,
       guint           prop_id)
{
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = now ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
urok_annotation_set_colour (UrokAnnotation *self,
                            const char     *colour)
{
  g_return_if_fail (UROK_IS_ANNOTATION (self));
  g_return_if_fail (urok_annotation_colour_is_valid (colour));

  if (g_strcmp0 (self->colour, colour) == 0)
    return;
  g_free (self->colour);
  self->colour = g_strdup (colour);
  touch (self, PROP_COLOUR);
}

void
urok_annotation_set_note (UrokAnnotation *self,
                          const char     *note)
{
  g_return_if_fail (UROK_IS_ANNOTATION (self));

  if (g_strcmp0 (self->note, note != NULL ? note : "") == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note != NULL ? note : "");
  touch (self, PROP_NOTE);
}

void
urok_annotation_set_location (UrokAnnotation   *self,
                              UrokBookLocation *location)
{
  g_return_if_fail (UROK_IS_ANNOTATION (self));
  g_return_if_fail (UROK_IS_BOOK_LOCATION (location));

  if (g_set_object (&self->location, location))
    touch (self, PROP_LOCATION);
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
