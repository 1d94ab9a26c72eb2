/* urok-class-group.c: A class group such as «6А»: students taught together.
 *
 * Immutable once built: lists show a snapshot and are reloaded on change.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-class-group.h"

struct _UrokClassGroup
{
  GObject parent_instance;
  gint64 id;
  char *uuid;
  char *name;
  int grade_level;
  char *school_year;
  int n_students;
};

G_DEFINE_FINAL_TYPE (UrokClassGroup, urok_class_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_GRADE_LEVEL,
  PROP_SCHOOL_YEAR,
  PROP_N_STUDENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
urok_class_group_finalize (GObject *object)
{
  UrokClassGroup *self = (UrokClassGroup *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->school_year, g_free);

  G_OBJECT_CLASS (urok_class_group_parent_class)->finalize (object);
}

static void
urok_class_group_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UrokClassGroup *self = UROK_CLASS_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_GRADE_LEVEL:
      g_value_set_int (value, self->grade_level);
      break;

    case PROP_SCHOOL_YEAR:
      g_value_set_string (value, self->school_year);
      break;

    case PROP_N_STUDENTS:
      g_value_set_int (value, self->n_students);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_class_group_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UrokClassGroup *self = UROK_CLASS_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_GRADE_LEVEL:
      self->grade_level = g_value_get_int (value);
      break;

    case PROP_SCHOOL_YEAR:
      self->school_year = g_value_dup_string (value);
      break;

    case PROP_N_STUDENTS:
      self->n_students = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_class_group_class_init (UrokClassGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = urok_class_group_finalize;
  object_class->get_property = urok_class_group_get_property;
  object_class->set_property = urok_class_group_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "Row id in the store", 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, "Stable identity across stores", "", flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "Name, such as 6А", "", flags);
  properties[PROP_GRADE_LEVEL] =
    g_param_spec_int ("grade-level", NULL, "Grade level 1–11", 0, G_MAXINT, 0, flags);
  properties[PROP_SCHOOL_YEAR] =
    g_param_spec_string ("school-year", NULL, "School year, such as 2026/2027", "", flags);
  properties[PROP_N_STUDENTS] =
    g_param_spec_int ("n-students", NULL, "Number of students", 0, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
urok_class_group_init (UrokClassGroup *self)
{
}

gint64
urok_class_group_get_id (UrokClassGroup *self)
{
  g_return_val_if_fail (UROK_IS_CLASS_GROUP (self), 0);
  return self->id;
}

const char *
urok_class_group_get_uuid (UrokClassGroup *self)
{
  g_return_val_if_fail (UROK_IS_CLASS_GROUP (self), NULL);
  return self->uuid != NULL ? self->uuid : "";
}

const char *
urok_class_group_get_name (UrokClassGroup *self)
{
  g_return_val_if_fail (UROK_IS_CLASS_GROUP (self), NULL);
  return self->name != NULL ? self->name : "";
}

int
urok_class_group_get_grade_level (UrokClassGroup *self)
{
  g_return_val_if_fail (UROK_IS_CLASS_GROUP (self), 0);
  return self->grade_level;
}

const char *
urok_class_group_get_school_year (UrokClassGroup *self)
{
  g_return_val_if_fail (UROK_IS_CLASS_GROUP (self), NULL);
  return self->school_year != NULL ? self->school_year : "";
}

int
urok_class_group_get_n_students (UrokClassGroup *self)
{
  g_return_val_if_fail (UROK_IS_CLASS_GROUP (self), 0);
  return self->n_students;
}
