/* urok-student-record.c: One student's line in the grade book: marks and what they add up to.
 *
 * Immutable once built: lists show a snapshot and are reloaded on change.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-student-record.h"

struct _UrokStudentRecord
{
  GObject parent_instance;
  gint64 id;
  char *full_name;
  char *marks;
  int n_marks;
  double average;
  int n_absences;
};

G_DEFINE_FINAL_TYPE (UrokStudentRecord, urok_student_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FULL_NAME,
  PROP_MARKS,
  PROP_N_MARKS,
  PROP_AVERAGE,
  PROP_N_ABSENCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
urok_student_record_finalize (GObject *object)
{
  UrokStudentRecord *self = (UrokStudentRecord *)object;

  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->marks, g_free);

  G_OBJECT_CLASS (urok_student_record_parent_class)->finalize (object);
}

static void
urok_student_record_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UrokStudentRecord *self = UROK_STUDENT_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;

    case PROP_MARKS:
      g_value_set_string (value, self->marks);
      break;

    case PROP_N_MARKS:
      g_value_set_int (value, self->n_marks);
      break;

    case PROP_AVERAGE:
      g_value_set_double (value, self->average);
      break;

    case PROP_N_ABSENCES:
      g_value_set_int (value, self->n_absences);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_student_record_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UrokStudentRecord *self = UROK_STUDENT_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_FULL_NAME:
      self->full_name = g_value_dup_string (value);
      break;

    case PROP_MARKS:
      self->marks = g_value_dup_string (value);
      break;

    case PROP_N_MARKS:
      self->n_marks = g_value_get_int (value);
      break;

    case PROP_AVERAGE:
      self->average = g_value_get_double (value);
      break;

    case PROP_N_ABSENCES:
      self->n_absences = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_student_record_class_init (UrokStudentRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = urok_student_record_finalize;
  object_class->get_property = urok_student_record_get_property;
  object_class->set_property = urok_student_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "Row id of the student", 0, G_MAXINT64, 0, flags);
  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, "Family name, given name", "", flags);
  properties[PROP_MARKS] =
    g_param_spec_string ("marks", NULL, "Marks in date order, space-separated", "", flags);
  properties[PROP_N_MARKS] =
    g_param_spec_int ("n-marks", NULL, "Number of marks", 0, G_MAXINT, 0, flags);
  properties[PROP_AVERAGE] =
    g_param_spec_double ("average", NULL, "Weighted average of numeric marks, 0 when none", 0, G_MAXDOUBLE, 0, flags);
  properties[PROP_N_ABSENCES] =
    g_param_spec_int ("n-absences", NULL, "Lessons missed", 0, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
urok_student_record_init (UrokStudentRecord *self)
{
}

gint64
urok_student_record_get_id (UrokStudentRecord *self)
{
  g_return_val_if_fail (UROK_IS_STUDENT_RECORD (self), 0);
  return self->id;
}

const char *
urok_student_record_get_full_name (UrokStudentRecord *self)
{
  g_return_val_if_fail (UROK_IS_STUDENT_RECORD (self), NULL);
  return self->full_name != NULL ? self->full_name : "";
}

const char *
urok_student_record_get_marks (UrokStudentRecord *self)
{
  g_return_val_if_fail (UROK_IS_STUDENT_RECORD (self), NULL);
  return self->marks != NULL ? self->marks : "";
}

int
urok_student_record_get_n_marks (UrokStudentRecord *self)
{
  g_return_val_if_fail (UROK_IS_STUDENT_RECORD (self), 0);
  return self->n_marks;
}

double
urok_student_record_get_average (UrokStudentRecord *self)
{
  g_return_val_if_fail (UROK_IS_STUDENT_RECORD (self), 0);
  return self->average;
}

int
urok_student_record_get_n_absences (UrokStudentRecord *self)
{
  g_return_val_if_fail (UROK_IS_STUDENT_RECORD (self), 0);
  return self->n_absences;
}
