/* urok-book-hit.c: one place in a book that a full-text search found.
 *
 * Immutable once made: a results list shows a snapshot and searches again
 * when the index changes.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-book-hit.h"

struct _UrokBookHit
{
  GObject          parent_instance;
  gint64           book_id;
  guint            spine_index;
  char            *href;
  char            *locator;
  char            *snippet;
  UrokBookHitMark *marks;
  guint            n_marks;
};

G_DEFINE_FINAL_TYPE (UrokBookHit, urok_book_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BOOK_ID,
  PROP_SPINE_INDEX,
  PROP_HREF,
  PROP_LOCATOR,
  PROP_SNIPPET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
urok_book_hit_finalize (GObject *object)
{
  UrokBookHit *self = UROK_BOOK_HIT (object);

  g_clear_pointer (&self->href, g_free);
  g_clear_pointer (&self->locator, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->marks, g_free);

  G_OBJECT_CLASS (urok_book_hit_parent_class)->finalize (object);
}

static void
urok_book_hit_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UrokBookHit *self = UROK_BOOK_HIT (object);

  switch (prop_id)
    {
    case PROP_BOOK_ID:
      g_value_set_int64 (value, self->book_id);
      break;

    case PROP_SPINE_INDEX:
      g_value_set_uint (value, self->spine_index);
      break;

    case PROP_HREF:
      g_value_set_string (value, self->href);
      break;

    case PROP_LOCATOR:
      g_value_set_string (value, self->locator);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_book_hit_class_init (UrokBookHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = urok_book_hit_finalize;
  object_class->get_property = urok_book_hit_get_property;

  properties[PROP_BOOK_ID] =
    g_param_spec_int64 ("book-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPINE_INDEX] =
    g_param_spec_uint ("spine-index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HREF] =
    g_param_spec_string ("href", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCATOR] =
    g_param_spec_string ("locator", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
urok_book_hit_init (UrokBookHit *self)
{
}

UrokBookHit *
urok_book_hit_new (gint64                 book_id,
                   guint                  spine_index,
                   const char            *href,
                   const char            *locator,
                   const char            *snippet,
                   const UrokBookHitMark *marks,
                   guint                  n_marks)
{
  UrokBookHit *self = g_object_new (UROK_TYPE_BOOK_HIT, NULL);

  self->book_id = book_id;
  self->spine_index = spine_index;
  self->href = g_strdup (href != NULL ? href : "");
  self->locator = g_strdup (locator != NULL ? locator : "");
  self->snippet = g_strdup (snippet != NULL ? snippet : "");
  self->marks = n_marks > 0 ? g_memdup2 (marks, n_marks * sizeof *marks) : NULL;
  self->n_marks = n_marks;
  return self;
}

gint64
urok_book_hit_get_book_id (UrokBookHit *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_HIT (self), 0);
  return self->book_id;
}

guint
urok_book_hit_get_spine_index (UrokBookHit *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_HIT (self), 0);
  return self->spine_index;
}

const char *
urok_book_hit_get_href (UrokBookHit *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_HIT (self), NULL);
  return self->href;
}

const char *
urok_book_hit_get_locator (UrokBookHit *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_HIT (self), NULL);
  return self->locator;
}

const char *
urok_book_hit_get_snippet (UrokBookHit *self)
{
  g_return_val_if_fail (UROK_IS_BOOK_HIT (self), NULL);
  return self->snippet;
}

const UrokBookHitMark *
urok_book_hit_get_marks (UrokBookHit *self,
                         guint       *n_marks)
{
  g_return_val_if_fail (UROK_IS_BOOK_HIT (self), NULL);
  if (n_marks != NULL)
    *n_marks = self->n_marks;
  return self->marks;
}
