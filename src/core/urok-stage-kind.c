/* urok-stage-kind.c: the kinds of lesson stage and the types of lesson.
 *
 * Built-in kinds follow the stages the federal standard names for a lesson;
 * their codes are stored in stages, so they never change, while their names
 * are translated each time they are read (the locale may be set after the
 * list is first built).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "urok-stage-kind.h"

struct _UrokStageKind
{
  GObject   parent_instance;
  char     *code;
  char     *name;
  char     *color;
  gboolean  built_in;
};

G_DEFINE_FINAL_TYPE (UrokStageKind, urok_stage_kind, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_COLOR,
  PROP_BUILT_IN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order stages usually come in a lesson.  Colours are distinct hues
 * dark enough to carry white text on the timeline. */
static const struct
{
  const char *code;
  const char *name;
  const char *color;
} built_in_kinds[] = {
  { "organisation", N_("Organisational moment"), "#6b6b73" },
  { "motivation", N_("Motivation"), "#d35400" },
  { "updating_knowledge", N_("Updating knowledge"), "#1c71d8" },
  { "goal_setting", N_("Setting the goal"), "#4a4fc4" },
  { "new_material", N_("New material"), "#c01c28" },
  { "primary_consolidation", N_("Primary consolidation"), "#26a269" },
  { "practice", N_("Practice"), "#128a8a" },
  { "independent_work", N_("Independent work"), "#6e7d12" },
  { "check", N_("Checking"), "#b0306f" },
  { "physical_break", N_("Physical break"), "#c17d00" },
  { "summary", N_("Summing up"), "#3f6f8a" },
  { "reflection", N_("Reflection"), "#8740a8" },
  { "homework", N_("Homework"), "#865e3c" },
};

static const UrokLessonType lesson_types[] = {
  { "new_knowledge", N_("Discovery of new knowledge") },
  { "reflection", N_("Reflection (practising skills)") },
  { "general_method", N_("General methodological focus (systematising)") },
  { "developmental_control", N_("Developmental control") },
  { "combined", N_("Combined lesson") },
};

static void
urok_stage_kind_finalize (GObject *object)
{
  UrokStageKind *self = (UrokStageKind *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (urok_stage_kind_parent_class)->finalize (object);
}

static void
urok_stage_kind_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UrokStageKind *self = UROK_STAGE_KIND (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, urok_stage_kind_get_name (self));
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_BUILT_IN:
      g_value_set_boolean (value, self->built_in);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_stage_kind_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  UrokStageKind *self = UROK_STAGE_KIND (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_COLOR:
      self->color = g_value_dup_string (value);
      break;

    case PROP_BUILT_IN:
      self->built_in = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_stage_kind_class_init (UrokStageKindClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = urok_stage_kind_finalize;
  object_class->get_property = urok_stage_kind_get_property;
  object_class->set_property = urok_stage_kind_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, "Stored in stages", "", flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "Shown (translated for built-in kinds)", "", flags);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, "#rrggbb on the timeline", "#6b6b73", flags);
  properties[PROP_BUILT_IN] =
    g_param_spec_boolean ("built-in", NULL, "Shipped with Urok, not added by the teacher", FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
urok_stage_kind_init (UrokStageKind *self)
{
}

UrokStageKind *
urok_stage_kind_new (const char *code,
                     const char *name,
                     const char *color,
                     gboolean    built_in)
{
  g_return_val_if_fail (code != NULL, NULL);

  return g_object_new (UROK_TYPE_STAGE_KIND,
                       "code", code,
                       "name", name != NULL ? name : "",
                       "color", color != NULL ? color : "#6b6b73",
                       "built-in", built_in,
                       NULL);
}

const char *
urok_stage_kind_get_code (UrokStageKind *self)
{
  g_return_val_if_fail (UROK_IS_STAGE_KIND (self), NULL);
  return self->code;
}

const char *
urok_stage_kind_get_name (UrokStageKind *self)
{
  g_return_val_if_fail (UROK_IS_STAGE_KIND (self), NULL);

  if (self->built_in && self->name[0] != '\0')
    return g_dgettext (GETTEXT_PACKAGE, self->name);
  return self->name;
}

const char *
urok_stage_kind_get_color (UrokStageKind *self)
{
  g_return_val_if_fail (UROK_IS_STAGE_KIND (self), NULL);
  return self->color;
}

gboolean
urok_stage_kind_get_built_in (UrokStageKind *self)
{
  g_return_val_if_fail (UROK_IS_STAGE_KIND (self), FALSE);
  return self->built_in;
}

/* One shared set of objects: kinds are immutable, and the timeline looks
 * them up for every stage it draws. */
static GListStore *
built_in_store (void)
{
  static GListStore *store;

  if (g_once_init_enter (&store))
    {
      GListStore *kinds = g_list_store_new (UROK_TYPE_STAGE_KIND);

      for (guint i = 0; i < G_N_ELEMENTS (built_in_kinds); i++)
        {
          g_autoptr(UrokStageKind) kind = urok_stage_kind_new (built_in_kinds[i].code,
                                                               built_in_kinds[i].name,
                                                               built_in_kinds[i].color,
                                                               TRUE);
          g_list_store_append (kinds, kind);
        }
      g_once_init_leave (&store, kinds);
    }
  return store;
}

GListModel *
urok_stage_kinds_built_in (void)
{
  return g_object_ref (G_LIST_MODEL (built_in_store ()));
}

UrokStageKind *
urok_stage_kind_lookup_built_in (const char *code)
{
  GListModel *kinds = G_LIST_MODEL (built_in_store ());

  if (code == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (built_in_kinds); i++)
    {
      if (g_str_equal (code, built_in_kinds[i].code))
        {
          UrokStageKind *kind = g_list_model_get_item (kinds, i);

          /* The shared list keeps the kind alive: hand out a borrowed pointer. */
          g_object_unref (kind);
          return kind;
        }
    }
  return NULL;
}

const UrokLessonType *
urok_lesson_types (guint *n_types)
{
  static UrokLessonType *translated;

  /* Translated once, on first use, after main() has set the locale. */
  if (g_once_init_enter (&translated))
    {
      UrokLessonType *types = g_new0 (UrokLessonType, G_N_ELEMENTS (lesson_types) + 1);

      for (guint i = 0; i < G_N_ELEMENTS (lesson_types); i++)
        {
          types[i].code = lesson_types[i].code;
          types[i].name = g_dgettext (GETTEXT_PACKAGE, lesson_types[i].name);
        }
      g_once_init_leave (&translated, types);
    }

  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (lesson_types);
  return translated;
}

const char *
urok_lesson_type_name (const char *code)
{
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (lesson_types); i++)
    {
      if (g_str_equal (code, lesson_types[i].code))
        return g_dgettext (GETTEXT_PACKAGE, lesson_types[i].name);
    }
  return NULL;
}
