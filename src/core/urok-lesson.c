/* urok-lesson.c: a lesson: its header and its ordered stages.
 *
 * The lesson forwards every change of itself, its stages and their resources
 * as one "changed" signal: autosave and the timeline then need one handler
 * instead of tracking each object that a lesson is made of.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-lesson.h"
#include "urok-lesson-private.h"

#define MAX_MINUTES 600

struct _UrokLesson
{
  GObject     parent_instance;
  char       *uuid;
  char       *topic;
  char       *subject;
  int         grade_level;
  char       *class_group_uuid;
  char       *lesson_type;
  char       *planned_date;
  int         duration_minutes;
  char       *goals;
  char       *planned_results;
  GStrv       tags;
  gboolean    is_template;
  GListStore *stages;
};

G_DEFINE_FINAL_TYPE (UrokLesson, urok_lesson, G_TYPE_OBJECT)
G_DEFINE_QUARK (urok-lesson-error-quark, urok_lesson_error)

enum {
  PROP_0,
  PROP_UUID,
  PROP_TOPIC,
  PROP_SUBJECT,
  PROP_GRADE_LEVEL,
  PROP_CLASS_GROUP_UUID,
  PROP_LESSON_TYPE,
  PROP_PLANNED_DATE,
  PROP_DURATION_MINUTES,
  PROP_GOALS,
  PROP_PLANNED_RESULTS,
  PROP_TAGS,
  PROP_IS_TEMPLATE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
strv_equal (const char *const *a,
            const char *const *b)
{
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    {
      if (!g_str_equal (a[i], b[i]))
        return FALSE;
    }
  return a[i] == NULL && b[i] == NULL;
}

static void
emit_changed (UrokLesson *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_stage_changed (UrokLesson *self,
                  UrokStage  *stage)
{
  emit_changed (self);
}

static void
on_stages_changed (UrokLesson *self,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GListModel *model)
{
  emit_changed (self);
}

static void
urok_lesson_dispose (GObject *object)
{
  UrokLesson *self = (UrokLesson *)object;

  if (self->stages != NULL)
    {
      _urok_unwatch_items (G_LIST_MODEL (self->stages), on_stage_changed, on_stages_changed, self);
      g_clear_object (&self->stages);
    }

  G_OBJECT_CLASS (urok_lesson_parent_class)->dispose (object);
}

static void
urok_lesson_finalize (GObject *object)
{
  UrokLesson *self = (UrokLesson *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->topic, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->class_group_uuid, g_free);
  g_clear_pointer (&self->lesson_type, g_free);
  g_clear_pointer (&self->planned_date, g_free);
  g_clear_pointer (&self->goals, g_free);
  g_clear_pointer (&self->planned_results, g_free);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (urok_lesson_parent_class)->finalize (object);
}

static void
urok_lesson_constructed (GObject *object)
{
  UrokLesson *self = (UrokLesson *)object;

  G_OBJECT_CLASS (urok_lesson_parent_class)->constructed (object);

  _urok_ensure_uuid (&self->uuid);
}

/* Every property change is a change of the lesson, whoever made it. */
static void
urok_lesson_notify (GObject    *object,
                    GParamSpec *pspec)
{
  emit_changed (UROK_LESSON (object));
}

static void
urok_lesson_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  UrokLesson *self = UROK_LESSON (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_GRADE_LEVEL:
      g_value_set_int (value, self->grade_level);
      break;

    case PROP_CLASS_GROUP_UUID:
      g_value_set_string (value, self->class_group_uuid);
      break;

    case PROP_LESSON_TYPE:
      g_value_set_string (value, self->lesson_type);
      break;

    case PROP_PLANNED_DATE:
      g_value_set_string (value, self->planned_date);
      break;

    case PROP_DURATION_MINUTES:
      g_value_set_int (value, self->duration_minutes);
      break;

    case PROP_GOALS:
      g_value_set_string (value, self->goals);
      break;

    case PROP_PLANNED_RESULTS:
      g_value_set_string (value, self->planned_results);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_IS_TEMPLATE:
      g_value_set_boolean (value, self->is_template);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_lesson_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  UrokLesson *self = UROK_LESSON (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_TOPIC:
      urok_lesson_set_topic (self, g_value_get_string (value));
      break;

    case PROP_SUBJECT:
      urok_lesson_set_subject (self, g_value_get_string (value));
      break;

    case PROP_GRADE_LEVEL:
      urok_lesson_set_grade_level (self, g_value_get_int (value));
      break;

    case PROP_CLASS_GROUP_UUID:
      urok_lesson_set_class_group_uuid (self, g_value_get_string (value));
      break;

    case PROP_LESSON_TYPE:
      urok_lesson_set_lesson_type (self, g_value_get_string (value));
      break;

    case PROP_PLANNED_DATE:
      urok_lesson_set_planned_date (self, g_value_get_string (value));
      break;

    case PROP_DURATION_MINUTES:
      urok_lesson_set_duration_minutes (self, g_value_get_int (value));
      break;

    case PROP_GOALS:
      urok_lesson_set_goals (self, g_value_get_string (value));
      break;

    case PROP_PLANNED_RESULTS:
      urok_lesson_set_planned_results (self, g_value_get_string (value));
      break;

    case PROP_TAGS:
      urok_lesson_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_IS_TEMPLATE:
      urok_lesson_set_is_template (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_lesson_class_init (UrokLessonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = urok_lesson_dispose;
  object_class->finalize = urok_lesson_finalize;
  object_class->constructed = urok_lesson_constructed;
  object_class->notify = urok_lesson_notify;
  object_class->get_property = urok_lesson_get_property;
  object_class->set_property = urok_lesson_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, "Stable identity across stores and packages (random when not given)",
                         NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, "Topic of the lesson", "", flags);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, "School subject", "", flags);
  properties[PROP_GRADE_LEVEL] =
    g_param_spec_int ("grade-level", NULL, "Grade level 1–11, or 0 when unset", 0, 11, 0, flags);
  properties[PROP_CLASS_GROUP_UUID] =
    g_param_spec_string ("class-group-uuid", NULL, "The class group taught, or empty", "", flags);
  properties[PROP_LESSON_TYPE] =
    g_param_spec_string ("lesson-type", NULL, "Code of the lesson type, or empty", "", flags);
  properties[PROP_PLANNED_DATE] =
    g_param_spec_string ("planned-date", NULL, "YYYY-MM-DD, or empty", "", flags);
  properties[PROP_DURATION_MINUTES] =
    g_param_spec_int ("duration-minutes", NULL, "Length of the lesson", 1, MAX_MINUTES, 45, flags);
  properties[PROP_GOALS] =
    g_param_spec_string ("goals", NULL, "Goals of the lesson", "", flags);
  properties[PROP_PLANNED_RESULTS] =
    g_param_spec_string ("planned-results", NULL, "Planned results (subject, meta-subject, personal)", "", flags);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, "The teacher's own labels", G_TYPE_STRV, flags);
  properties[PROP_IS_TEMPLATE] =
    g_param_spec_boolean ("is-template", NULL, "Whether new lessons start from this one", FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UrokLesson::changed:
   *
   * Any field of the lesson, of a stage or of a resource changed, or a stage
   * or resource was added, removed or moved.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
urok_lesson_init (UrokLesson *self)
{
  self->topic = g_strdup ("");
  self->subject = g_strdup ("");
  self->class_group_uuid = g_strdup ("");
  self->lesson_type = g_strdup ("");
  self->planned_date = g_strdup ("");
  self->duration_minutes = 45;
  self->goals = g_strdup ("");
  self->planned_results = g_strdup ("");
  self->tags = g_new0 (char *, 1);
  self->stages = g_list_store_new (UROK_TYPE_STAGE);
  g_signal_connect_swapped (self->stages, "items-changed", G_CALLBACK (on_stages_changed), self);
}

UrokLesson *
urok_lesson_new (void)
{
  return g_object_new (UROK_TYPE_LESSON, NULL);
}

UrokLesson *
urok_lesson_copy (UrokLesson *self,
                  gboolean    new_uuids)
{
  UrokLesson *copy;
  guint n;

  g_return_val_if_fail (UROK_IS_LESSON (self), NULL);

  copy = g_object_new (UROK_TYPE_LESSON, "uuid", new_uuids ? NULL : self->uuid, NULL);
  _urok_replace_string (&copy->topic, self->topic);
  _urok_replace_string (&copy->subject, self->subject);
  copy->grade_level = self->grade_level;
  _urok_replace_string (&copy->class_group_uuid, self->class_group_uuid);
  _urok_replace_string (&copy->lesson_type, self->lesson_type);
  _urok_replace_string (&copy->planned_date, self->planned_date);
  copy->duration_minutes = self->duration_minutes;
  _urok_replace_string (&copy->goals, self->goals);
  _urok_replace_string (&copy->planned_results, self->planned_results);
  g_strfreev (copy->tags);
  copy->tags = g_strdupv (self->tags);
  copy->is_template = self->is_template;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->stages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (G_LIST_MODEL (self->stages), i);
      g_autoptr(UrokStage) stage_copy = urok_stage_copy (stage, new_uuids);

      urok_lesson_insert_stage (copy, i, stage_copy);
    }
  return copy;
}

gboolean
urok_lesson_equal (UrokLesson *a,
                   UrokLesson *b)
{
  guint n;

  g_return_val_if_fail (UROK_IS_LESSON (a), FALSE);
  g_return_val_if_fail (UROK_IS_LESSON (b), FALSE);

  if (!(g_str_equal (a->uuid, b->uuid)
        && g_str_equal (a->topic, b->topic)
        && g_str_equal (a->subject, b->subject)
        && a->grade_level == b->grade_level
        && g_str_equal (a->class_group_uuid, b->class_group_uuid)
        && g_str_equal (a->lesson_type, b->lesson_type)
        && g_str_equal (a->planned_date, b->planned_date)
        && a->duration_minutes == b->duration_minutes
        && g_str_equal (a->goals, b->goals)
        && g_str_equal (a->planned_results, b->planned_results)
        && strv_equal ((const char *const *)a->tags, (const char *const *)b->tags)
        && a->is_template == b->is_template))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (a->stages));
  if (n != g_list_model_get_n_items (G_LIST_MODEL (b->stages)))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStage) sa = g_list_model_get_item (G_LIST_MODEL (a->stages), i);
      g_autoptr(UrokStage) sb = g_list_model_get_item (G_LIST_MODEL (b->stages), i);

      if (!urok_stage_equal (sa, sb))
        return FALSE;
    }
  return TRUE;
}

const char *
urok_lesson_get_uuid (UrokLesson *self)
{
  g_return_val_if_fail (UROK_IS_LESSON (self), NULL);
  return self->uuid;
}

int
urok_lesson_get_grade_level (UrokLesson *self)
{
  g_return_val_if_fail (UROK_IS_LESSON (self), 0);
  return self->grade_level;
}

void
urok_lesson_set_grade_level (UrokLesson *self,
                             int         grade_level)
{
  g_return_if_fail (UROK_IS_LESSON (self));
  g_return_if_fail (grade_level >= 0 && grade_level <= 11);

  if (self->grade_level == grade_level)
    return;
  self->grade_level = grade_level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRADE_LEVEL]);
}

int
urok_lesson_get_duration_minutes (UrokLesson *self)
{
  g_return_val_if_fail (UROK_IS_LESSON (self), 0);
  return self->duration_minutes;
}

void
urok_lesson_set_duration_minutes (UrokLesson *self,
                                  int         minutes)
{
  g_return_if_fail (UROK_IS_LESSON (self));
  g_return_if_fail (minutes >= 1 && minutes <= MAX_MINUTES);

  if (self->duration_minutes == minutes)
    return;
  self->duration_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_MINUTES]);
}

const char *const *
urok_lesson_get_tags (UrokLesson *self)
{
  g_return_val_if_fail (UROK_IS_LESSON (self), NULL);
  return (const char *const *)self->tags;
}

void
urok_lesson_set_tags (UrokLesson        *self,
                      const char *const *tags)
{
  static const char *const none[] = { NULL };

  g_return_if_fail (UROK_IS_LESSON (self));

  if (tags == NULL)
    tags = none;
  if (strv_equal ((const char *const *)self->tags, tags))
    return;
  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **)tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
urok_lesson_get_is_template (UrokLesson *self)
{
  g_return_val_if_fail (UROK_IS_LESSON (self), FALSE);
  return self->is_template;
}

void
urok_lesson_set_is_template (UrokLesson *self,
                             gboolean    is_template)
{
  g_return_if_fail (UROK_IS_LESSON (self));

  is_template = !!is_template;
  if (self->is_template == is_template)
    return;
  self->is_template = is_template;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_TEMPLATE]);
}

GListModel *
urok_lesson_get_stages (UrokLesson *self)
{
  g_return_val_if_fail (UROK_IS_LESSON (self), NULL);
  return G_LIST_MODEL (self->stages);
}

void
urok_lesson_insert_stage (UrokLesson *self,
                          guint       position,
                          UrokStage  *stage)
{
  g_return_if_fail (UROK_IS_LESSON (self));
  g_return_if_fail (UROK_IS_STAGE (stage));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (self->stages)));

  g_signal_connect_swapped (stage, "changed", G_CALLBACK (on_stage_changed), self);
  g_list_store_insert (self->stages, position, stage);
}

void
urok_lesson_remove_stage (UrokLesson *self,
                          guint       position)
{
  g_autoptr(UrokStage) stage = NULL;

  g_return_if_fail (UROK_IS_LESSON (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->stages)));

  stage = g_list_model_get_item (G_LIST_MODEL (self->stages), position);
  g_signal_handlers_disconnect_by_func (stage, on_stage_changed, self);
  g_list_store_remove (self->stages, position);
}

int
urok_lesson_get_planned_minutes (UrokLesson *self)
{
  guint n;
  int total = 0;

  g_return_val_if_fail (UROK_IS_LESSON (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->stages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (G_LIST_MODEL (self->stages), i);
      total += urok_stage_get_duration_minutes (stage);
    }
  return total;
}

UrokLessonFit
urok_lesson_get_fit (UrokLesson *self)
{
  int planned;

  g_return_val_if_fail (UROK_IS_LESSON (self), UROK_LESSON_FITS);

  planned = urok_lesson_get_planned_minutes (self);
  if (planned > self->duration_minutes)
    return UROK_LESSON_OVERRUNS;
  if (planned < self->duration_minutes)
    return UROK_LESSON_UNDERFILLS;
  return UROK_LESSON_FITS;
}

const char *
urok_lesson_get_topic (UrokLesson *self)
{
  g_return_val_if_fail (UROK_IS_LESSON (self), NULL);
  return self->topic;
}

void
urok_lesson_set_topic (UrokLesson *self,
                       const char *topic)
{
  g_return_if_fail (UROK_IS_LESSON (self));
  if (_urok_replace_string (&self->topic, topic))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}

const char *
urok_lesson_get_subject (UrokLesson *self)
{
  g_return_val_if_fail (UROK_IS_LESSON (self), NULL);
  return self->subject;
}

void
urok_lesson_set_subject (UrokLesson *self,
                         const char *subject)
{
  g_return_if_fail (UROK_IS_LESSON (self));
  if (_urok_replace_string (&self->subject, subject))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

const char *
urok_lesson_get_class_group_uuid (UrokLesson *self)
{
  g_return_val_if_fail (UROK_IS_LESSON (self), NULL);
  return self->class_group_uuid;
}

void
urok_lesson_set_class_group_uuid (UrokLesson *self,
                                  const char *class_group_uuid)
{
  g_return_if_fail (UROK_IS_LESSON (self));
  if (_urok_replace_string (&self->class_group_uuid, class_group_uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLASS_GROUP_UUID]);
}

const char *
urok_lesson_get_lesson_type (UrokLesson *self)
{
  g_return_val_if_fail (UROK_IS_LESSON (self), NULL);
  return self->lesson_type;
}

void
urok_lesson_set_lesson_type (UrokLesson *self,
                             const char *lesson_type)
{
  g_return_if_fail (UROK_IS_LESSON (self));
  if (_urok_replace_string (&self->lesson_type, lesson_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LESSON_TYPE]);
}

const char *
urok_lesson_get_planned_date (UrokLesson *self)
{
  g_return_val_if_fail (UROK_IS_LESSON (self), NULL);
  return self->planned_date;
}

void
urok_lesson_set_planned_date (UrokLesson *self,
                              const char *planned_date)
{
  g_return_if_fail (UROK_IS_LESSON (self));
  if (_urok_replace_string (&self->planned_date, planned_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_DATE]);
}

const char *
urok_lesson_get_goals (UrokLesson *self)
{
  g_return_val_if_fail (UROK_IS_LESSON (self), NULL);
  return self->goals;
}

void
urok_lesson_set_goals (UrokLesson *self,
                       const char *goals)
{
  g_return_if_fail (UROK_IS_LESSON (self));
  if (_urok_replace_string (&self->goals, goals))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOALS]);
}

const char *
urok_lesson_get_planned_results (UrokLesson *self)
{
  g_return_val_if_fail (UROK_IS_LESSON (self), NULL);
  return self->planned_results;
}

void
urok_lesson_set_planned_results (UrokLesson *self,
                                 const char *planned_results)
{
  g_return_if_fail (UROK_IS_LESSON (self));
  if (_urok_replace_string (&self->planned_results, planned_results))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_RESULTS]);
}
