/* urok-lesson-info.c: A lesson as the lesson list shows it: its header and the sum of its stages.
 *
 * Immutable once built: lists show a snapshot and are reloaded on change.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-lesson-info.h"

struct _UrokLessonInfo
{
  GObject parent_instance;
  gint64 id;
  char *uuid;
  char *topic;
  char *subject;
  int grade_level;
  int duration_minutes;
  int n_stages;
  int planned_minutes;
  char *planned_date;
  char *lesson_type;
  GStrv tags;
  gboolean is_template;
  char *modified;
};

G_DEFINE_FINAL_TYPE (UrokLessonInfo, urok_lesson_info, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TITLE,
  PROP_SUBJECT,
  PROP_GRADE_LEVEL,
  PROP_DURATION_MINUTES,
  PROP_N_STAGES,
  PROP_PLANNED_MINUTES,
  PROP_PLANNED_DATE,
  PROP_TOPIC,
  PROP_LESSON_TYPE,
  PROP_TAGS,
  PROP_IS_TEMPLATE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
urok_lesson_info_finalize (GObject *object)
{
  UrokLessonInfo *self = (UrokLessonInfo *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->topic, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->planned_date, g_free);
  g_clear_pointer (&self->lesson_type, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->modified, g_free);

  G_OBJECT_CLASS (urok_lesson_info_parent_class)->finalize (object);
}

static void
urok_lesson_info_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UrokLessonInfo *self = UROK_LESSON_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_TITLE:
    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_GRADE_LEVEL:
      g_value_set_int (value, self->grade_level);
      break;

    case PROP_DURATION_MINUTES:
      g_value_set_int (value, self->duration_minutes);
      break;

    case PROP_N_STAGES:
      g_value_set_int (value, self->n_stages);
      break;

    case PROP_PLANNED_MINUTES:
      g_value_set_int (value, self->planned_minutes);
      break;

    case PROP_PLANNED_DATE:
      g_value_set_string (value, self->planned_date);
      break;

    case PROP_LESSON_TYPE:
      g_value_set_string (value, self->lesson_type);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_IS_TEMPLATE:
      g_value_set_boolean (value, self->is_template);
      break;

    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_lesson_info_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UrokLessonInfo *self = UROK_LESSON_INFO (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_TITLE:
    case PROP_TOPIC:
      /* "title" is the name this had before lessons had topics; either sets it. */
      if (g_value_get_string (value) != NULL)
        {
          g_free (self->topic);
          self->topic = g_value_dup_string (value);
        }
      break;

    case PROP_SUBJECT:
      self->subject = g_value_dup_string (value);
      break;

    case PROP_GRADE_LEVEL:
      self->grade_level = g_value_get_int (value);
      break;

    case PROP_DURATION_MINUTES:
      self->duration_minutes = g_value_get_int (value);
      break;

    case PROP_N_STAGES:
      self->n_stages = g_value_get_int (value);
      break;

    case PROP_PLANNED_MINUTES:
      self->planned_minutes = g_value_get_int (value);
      break;

    case PROP_PLANNED_DATE:
      self->planned_date = g_value_dup_string (value);
      break;

    case PROP_LESSON_TYPE:
      self->lesson_type = g_value_dup_string (value);
      break;

    case PROP_TAGS:
      self->tags = g_value_dup_boxed (value);
      break;

    case PROP_IS_TEMPLATE:
      self->is_template = g_value_get_boolean (value);
      break;

    case PROP_MODIFIED:
      self->modified = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_lesson_info_class_init (UrokLessonInfoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = urok_lesson_info_finalize;
  object_class->get_property = urok_lesson_info_get_property;
  object_class->set_property = urok_lesson_info_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "Row id in the store", 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, "Stable identity across stores", "", flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Topic of the lesson (the older name of “topic”)", NULL, flags);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, "School subject", "", flags);
  properties[PROP_GRADE_LEVEL] =
    g_param_spec_int ("grade-level", NULL, "Grade level 1–11, or 0 when unset", 0, G_MAXINT, 0, flags);
  properties[PROP_DURATION_MINUTES] =
    g_param_spec_int ("duration-minutes", NULL, "Planned length of the lesson", 0, G_MAXINT, 0, flags);
  properties[PROP_N_STAGES] =
    g_param_spec_int ("n-stages", NULL, "Number of stages", 0, G_MAXINT, 0, flags);
  properties[PROP_PLANNED_MINUTES] =
    g_param_spec_int ("planned-minutes", NULL, "Sum of the stages' durations", 0, G_MAXINT, 0, flags);
  properties[PROP_PLANNED_DATE] =
    g_param_spec_string ("planned-date", NULL, "ISO date the lesson is planned for, or empty", "", flags);
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, "Topic of the lesson", NULL, flags);
  properties[PROP_LESSON_TYPE] =
    g_param_spec_string ("lesson-type", NULL, "Code of the lesson type, or empty", "", flags);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, "The teacher's own labels", G_TYPE_STRV, flags);
  properties[PROP_IS_TEMPLATE] =
    g_param_spec_boolean ("is-template", NULL, "Whether new lessons start from this one", FALSE, flags);
  properties[PROP_MODIFIED] =
    g_param_spec_string ("modified", NULL, "When the lesson was last saved (ISO 8601, UTC)", "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
urok_lesson_info_init (UrokLessonInfo *self)
{
}

gint64
urok_lesson_info_get_id (UrokLessonInfo *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), 0);
  return self->id;
}

const char *
urok_lesson_info_get_uuid (UrokLessonInfo *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), NULL);
  return self->uuid != NULL ? self->uuid : "";
}

const char *
urok_lesson_info_get_title (UrokLessonInfo *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), NULL);
  return self->topic != NULL ? self->topic : "";
}

const char *
urok_lesson_info_get_topic (UrokLessonInfo *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), NULL);
  return self->topic != NULL ? self->topic : "";
}

const char *
urok_lesson_info_get_lesson_type (UrokLessonInfo *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), NULL);
  return self->lesson_type != NULL ? self->lesson_type : "";
}

const char *const *
urok_lesson_info_get_tags (UrokLessonInfo *self)
{
  static const char *const none[] = { NULL };

  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), NULL);
  return self->tags != NULL ? (const char *const *)self->tags : none;
}

gboolean
urok_lesson_info_get_is_template (UrokLessonInfo *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), FALSE);
  return self->is_template;
}

const char *
urok_lesson_info_get_modified (UrokLessonInfo *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), NULL);
  return self->modified != NULL ? self->modified : "";
}

const char *
urok_lesson_info_get_subject (UrokLessonInfo *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), NULL);
  return self->subject != NULL ? self->subject : "";
}

int
urok_lesson_info_get_grade_level (UrokLessonInfo *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), 0);
  return self->grade_level;
}

int
urok_lesson_info_get_duration_minutes (UrokLessonInfo *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), 0);
  return self->duration_minutes;
}

int
urok_lesson_info_get_n_stages (UrokLessonInfo *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), 0);
  return self->n_stages;
}

int
urok_lesson_info_get_planned_minutes (UrokLessonInfo *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), 0);
  return self->planned_minutes;
}

const char *
urok_lesson_info_get_planned_date (UrokLessonInfo *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_INFO (self), NULL);
  return self->planned_date != NULL ? self->planned_date : "";
}
