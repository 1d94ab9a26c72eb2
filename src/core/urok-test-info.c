/* urok-test-info.c: A designed test as lists show it.
 *
 * Immutable once built: lists show a snapshot and are reloaded on change.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-test-info.h"

struct _UrokTestInfo
{
  GObject parent_instance;
  gint64 id;
  char *uuid;
  char *title;
  char *subject;
  int grade_level;
  int n_questions;
  double points;
};

G_DEFINE_FINAL_TYPE (UrokTestInfo, urok_test_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TITLE,
  PROP_SUBJECT,
  PROP_GRADE_LEVEL,
  PROP_N_QUESTIONS,
  PROP_POINTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
urok_test_info_finalize (GObject *object)
{
  UrokTestInfo *self = (UrokTestInfo *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subject, g_free);

  G_OBJECT_CLASS (urok_test_info_parent_class)->finalize (object);
}

static void
urok_test_info_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UrokTestInfo *self = UROK_TEST_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_GRADE_LEVEL:
      g_value_set_int (value, self->grade_level);
      break;

    case PROP_N_QUESTIONS:
      g_value_set_int (value, self->n_questions);
      break;

    case PROP_POINTS:
      g_value_set_double (value, self->points);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_test_info_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UrokTestInfo *self = UROK_TEST_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_SUBJECT:
      self->subject = g_value_dup_string (value);
      break;

    case PROP_GRADE_LEVEL:
      self->grade_level = g_value_get_int (value);
      break;

    case PROP_N_QUESTIONS:
      self->n_questions = g_value_get_int (value);
      break;

    case PROP_POINTS:
      self->points = g_value_get_double (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_test_info_class_init (UrokTestInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = urok_test_info_finalize;
  object_class->get_property = urok_test_info_get_property;
  object_class->set_property = urok_test_info_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "Row id in the store", 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, "Stable identity across stores", "", flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Title", "", flags);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, "School subject", "", flags);
  properties[PROP_GRADE_LEVEL] =
    g_param_spec_int ("grade-level", NULL, "Grade level 1–11, or 0 when unset", 0, G_MAXINT, 0, flags);
  properties[PROP_N_QUESTIONS] =
    g_param_spec_int ("n-questions", NULL, "Number of questions", 0, G_MAXINT, 0, flags);
  properties[PROP_POINTS] =
    g_param_spec_double ("points", NULL, "Total points", 0, G_MAXDOUBLE, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
urok_test_info_init (UrokTestInfo *self)
{
}

gint64
urok_test_info_get_id (UrokTestInfo *self)
{
  g_return_val_if_fail (UROK_IS_TEST_INFO (self), 0);
  return self->id;
}

const char *
urok_test_info_get_uuid (UrokTestInfo *self)
{
  g_return_val_if_fail (UROK_IS_TEST_INFO (self), NULL);
  return self->uuid != NULL ? self->uuid : "";
}

const char *
urok_test_info_get_title (UrokTestInfo *self)
{
  g_return_val_if_fail (UROK_IS_TEST_INFO (self), NULL);
  return self->title != NULL ? self->title : "";
}

const char *
urok_test_info_get_subject (UrokTestInfo *self)
{
  g_return_val_if_fail (UROK_IS_TEST_INFO (self), NULL);
  return self->subject != NULL ? self->subject : "";
}

int
urok_test_info_get_grade_level (UrokTestInfo *self)
{
  g_return_val_if_fail (UROK_IS_TEST_INFO (self), 0);
  return self->grade_level;
}

int
urok_test_info_get_n_questions (UrokTestInfo *self)
{
  g_return_val_if_fail (UROK_IS_TEST_INFO (self), 0);
  return self->n_questions;
}

double
urok_test_info_get_points (UrokTestInfo *self)
{
  g_return_val_if_fail (UROK_IS_TEST_INFO (self), 0);
  return self->points;
}
