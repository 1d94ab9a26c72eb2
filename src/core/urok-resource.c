/* urok-resource.c: one resource of a lesson stage.
 *
 * A resource is a small record: what it is (its kind, fixed at birth) and a
 * few strings whose meaning depends on the kind.  Keeping one type for every
 * kind lets a stage hold them in one ordered list and lets kinds that have no
 * section yet travel through the store and packages untouched.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-resource.h"
#include "urok-lesson-private.h"

struct _UrokResource
{
  GObject          parent_instance;
  char            *uuid;
  UrokResourceKind kind;
  char            *title;
  char            *target;
  char            *location;
  char            *text;
  char            *media_type;
  char            *board;
};

G_DEFINE_FINAL_TYPE (UrokResource, urok_resource, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_KIND,
  PROP_TITLE,
  PROP_TARGET,
  PROP_LOCATION,
  PROP_TEXT,
  PROP_MEDIA_TYPE,
  PROP_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Indexed by UrokResourceKind; these names are stored, never change them. */
static const GEnumValue kind_values[] = {
  { UROK_RESOURCE_BOARD_PAGE, "UROK_RESOURCE_BOARD_PAGE", "board_page" },
  { UROK_RESOURCE_BOOK_PLACE, "UROK_RESOURCE_BOOK_PLACE", "book_place" },
  { UROK_RESOURCE_MEDIA, "UROK_RESOURCE_MEDIA", "media" },
  { UROK_RESOURCE_TEST, "UROK_RESOURCE_TEST", "test" },
  { UROK_RESOURCE_LINK, "UROK_RESOURCE_LINK", "link" },
  { UROK_RESOURCE_TEXT, "UROK_RESOURCE_TEXT", "text" },
  { 0, NULL, NULL }
};

GType
urok_resource_kind_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      GType type = g_enum_register_static (g_intern_static_string ("UrokResourceKind"), kind_values);
      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

const char *
urok_resource_kind_to_string (UrokResourceKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kind_values) - 1, NULL);
  return kind_values[kind].value_nick;
}

gboolean
urok_resource_kind_from_string (const char       *name,
                                UrokResourceKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  for (guint i = 0; kind_values[i].value_nick != NULL; i++)
    {
      if (g_str_equal (name, kind_values[i].value_nick))
        {
          *kind = kind_values[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

static void
urok_resource_finalize (GObject *object)
{
  UrokResource *self = (UrokResource *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->media_type, g_free);
  g_clear_pointer (&self->board, g_free);

  G_OBJECT_CLASS (urok_resource_parent_class)->finalize (object);
}

static void
urok_resource_constructed (GObject *object)
{
  UrokResource *self = (UrokResource *)object;

  G_OBJECT_CLASS (urok_resource_parent_class)->constructed (object);

  _urok_ensure_uuid (&self->uuid);
}

static void
urok_resource_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UrokResource *self = UROK_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_MEDIA_TYPE:
      g_value_set_string (value, self->media_type);
      break;

    case PROP_BOARD:
      g_value_set_string (value, self->board);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_resource_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UrokResource *self = UROK_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_TITLE:
      urok_resource_set_title (self, g_value_get_string (value));
      break;

    case PROP_TARGET:
      urok_resource_set_target (self, g_value_get_string (value));
      break;

    case PROP_LOCATION:
      urok_resource_set_location (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      urok_resource_set_text (self, g_value_get_string (value));
      break;

    case PROP_MEDIA_TYPE:
      urok_resource_set_media_type (self, g_value_get_string (value));
      break;

    case PROP_BOARD:
      urok_resource_set_board (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_resource_class_init (UrokResourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = urok_resource_finalize;
  object_class->constructed = urok_resource_constructed;
  object_class->get_property = urok_resource_get_property;
  object_class->set_property = urok_resource_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, "Stable identity across stores and packages (random when not given)",
                         NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, "What the resource is", UROK_TYPE_RESOURCE_KIND, UROK_RESOURCE_TEXT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Shown in the stage's resource list", "", flags);
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, "Book id, media file name, test uuid or URL, by kind", "", flags);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, "Place inside a book", "", flags);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, "Text of a text or formula card", "", flags);
  properties[PROP_MEDIA_TYPE] =
    g_param_spec_string ("media-type", NULL, "MIME type of a media file", "", flags);
  properties[PROP_BOARD] =
    g_param_spec_string ("board", NULL, "The board page document (JSON), owned by the whiteboard", "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
urok_resource_init (UrokResource *self)
{
  self->title = g_strdup ("");
  self->target = g_strdup ("");
  self->location = g_strdup ("");
  self->text = g_strdup ("");
  self->media_type = g_strdup ("");
  self->board = g_strdup ("");
}

UrokResource *
urok_resource_new (UrokResourceKind kind)
{
  UrokResource *self;

  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kind_values) - 1, NULL);

  self = g_object_new (UROK_TYPE_RESOURCE, "kind", kind, NULL);
  /* A board page is never an invalid document, even before its first stroke. */
  if (kind == UROK_RESOURCE_BOARD_PAGE)
    _urok_replace_string (&self->board, "{}");
  return self;
}

UrokResource *
urok_resource_copy (UrokResource *self,
                    gboolean      new_uuid)
{
  UrokResource *copy;

  g_return_val_if_fail (UROK_IS_RESOURCE (self), NULL);

  copy = g_object_new (UROK_TYPE_RESOURCE,
                       "uuid", new_uuid ? NULL : self->uuid,
                       "kind", self->kind,
                       NULL);
  _urok_replace_string (&copy->title, self->title);
  _urok_replace_string (&copy->target, self->target);
  _urok_replace_string (&copy->location, self->location);
  _urok_replace_string (&copy->text, self->text);
  _urok_replace_string (&copy->media_type, self->media_type);
  _urok_replace_string (&copy->board, self->board);
  return copy;
}

gboolean
urok_resource_equal (UrokResource *a,
                     UrokResource *b)
{
  g_return_val_if_fail (UROK_IS_RESOURCE (a), FALSE);
  g_return_val_if_fail (UROK_IS_RESOURCE (b), FALSE);

  return a->kind == b->kind
         && g_str_equal (a->uuid, b->uuid)
         && g_str_equal (a->title, b->title)
         && g_str_equal (a->target, b->target)
         && g_str_equal (a->location, b->location)
         && g_str_equal (a->text, b->text)
         && g_str_equal (a->media_type, b->media_type)
         && g_str_equal (a->board, b->board);
}

const char *
urok_resource_get_uuid (UrokResource *self)
{
  g_return_val_if_fail (UROK_IS_RESOURCE (self), NULL);
  return self->uuid;
}

UrokResourceKind
urok_resource_get_kind (UrokResource *self)
{
  g_return_val_if_fail (UROK_IS_RESOURCE (self), UROK_RESOURCE_TEXT);
  return self->kind;
}

const char *
urok_resource_get_title (UrokResource *self)
{
  g_return_val_if_fail (UROK_IS_RESOURCE (self), NULL);
  return self->title;
}

void
urok_resource_set_title (UrokResource *self,
                         const char   *title)
{
  g_return_if_fail (UROK_IS_RESOURCE (self));
  if (_urok_replace_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
urok_resource_get_target (UrokResource *self)
{
  g_return_val_if_fail (UROK_IS_RESOURCE (self), NULL);
  return self->target;
}

void
urok_resource_set_target (UrokResource *self,
                          const char   *target)
{
  g_return_if_fail (UROK_IS_RESOURCE (self));
  if (_urok_replace_string (&self->target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

const char *
urok_resource_get_location (UrokResource *self)
{
  g_return_val_if_fail (UROK_IS_RESOURCE (self), NULL);
  return self->location;
}

void
urok_resource_set_location (UrokResource *self,
                            const char   *location)
{
  g_return_if_fail (UROK_IS_RESOURCE (self));
  if (_urok_replace_string (&self->location, location))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

const char *
urok_resource_get_text (UrokResource *self)
{
  g_return_val_if_fail (UROK_IS_RESOURCE (self), NULL);
  return self->text;
}

void
urok_resource_set_text (UrokResource *self,
                        const char   *text)
{
  g_return_if_fail (UROK_IS_RESOURCE (self));
  if (_urok_replace_string (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
urok_resource_get_media_type (UrokResource *self)
{
  g_return_val_if_fail (UROK_IS_RESOURCE (self), NULL);
  return self->media_type;
}

void
urok_resource_set_media_type (UrokResource *self,
                              const char   *media_type)
{
  g_return_if_fail (UROK_IS_RESOURCE (self));
  if (_urok_replace_string (&self->media_type, media_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDIA_TYPE]);
}

const char *
urok_resource_get_board (UrokResource *self)
{
  g_return_val_if_fail (UROK_IS_RESOURCE (self), NULL);
  return self->board;
}

void
urok_resource_set_board (UrokResource *self,
                         const char   *board)
{
  g_return_if_fail (UROK_IS_RESOURCE (self));
  if (_urok_replace_string (&self->board, board))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}
