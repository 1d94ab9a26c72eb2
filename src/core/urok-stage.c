/* urok-stage.c: one stage of a lesson, with its ordered resources.
 *
 * A stage tells its lesson about every change to itself or to its resources
 * through one "changed" signal, so that the lesson (and through it autosave
 * and the timeline) needs to watch its stages only, not every resource.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-stage.h"
#include "urok-lesson-private.h"

#define MAX_MINUTES 600

struct _UrokStage
{
  GObject        parent_instance;
  char          *uuid;
  char          *title;
  char          *kind;
  int            duration_minutes;
  char          *teacher_activity;
  char          *student_activity;
  char          *methods;
  char          *planned_results;
  char          *notes;
  UrokStagePace  pace;
  GListStore    *resources;
};

G_DEFINE_FINAL_TYPE (UrokStage, urok_stage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_TITLE,
  PROP_KIND,
  PROP_DURATION_MINUTES,
  PROP_TEACHER_ACTIVITY,
  PROP_STUDENT_ACTIVITY,
  PROP_METHODS,
  PROP_PLANNED_RESULTS,
  PROP_NOTES,
  PROP_PACE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GType
urok_stage_pace_get_type (void)
{
  static gsize type_id;
  static const GEnumValue values[] = {
    { UROK_STAGE_PACE_TEACHER, "UROK_STAGE_PACE_TEACHER", "teacher" },
    { UROK_STAGE_PACE_STUDENT, "UROK_STAGE_PACE_STUDENT", "student" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type_id))
    {
      GType type = g_enum_register_static (g_intern_static_string ("UrokStagePace"), values);
      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

static void
emit_changed (UrokStage *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_resource_notify (UrokStage  *self,
                    GParamSpec *pspec,
                    gpointer    resource)
{
  emit_changed (self);
}

static void
on_resources_changed (UrokStage  *self,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GListModel *model)
{
  emit_changed (self);
}

static void
urok_stage_dispose (GObject *object)
{
  UrokStage *self = (UrokStage *)object;

  if (self->resources != NULL)
    {
      _urok_unwatch_items (G_LIST_MODEL (self->resources), on_resource_notify, on_resources_changed, self);
      g_clear_object (&self->resources);
    }

  G_OBJECT_CLASS (urok_stage_parent_class)->dispose (object);
}

static void
urok_stage_finalize (GObject *object)
{
  UrokStage *self = (UrokStage *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->teacher_activity, g_free);
  g_clear_pointer (&self->student_activity, g_free);
  g_clear_pointer (&self->methods, g_free);
  g_clear_pointer (&self->planned_results, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (urok_stage_parent_class)->finalize (object);
}

static void
urok_stage_constructed (GObject *object)
{
  UrokStage *self = (UrokStage *)object;

  G_OBJECT_CLASS (urok_stage_parent_class)->constructed (object);

  _urok_ensure_uuid (&self->uuid);
}

/* The class handler of "notify": every property change is a change of the
 * stage, whoever made it (a setter or g_object_set()). */
static void
urok_stage_notify (GObject    *object,
                   GParamSpec *pspec)
{
  emit_changed (UROK_STAGE (object));
}

static void
urok_stage_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  UrokStage *self = UROK_STAGE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_DURATION_MINUTES:
      g_value_set_int (value, self->duration_minutes);
      break;

    case PROP_TEACHER_ACTIVITY:
      g_value_set_string (value, self->teacher_activity);
      break;

    case PROP_STUDENT_ACTIVITY:
      g_value_set_string (value, self->student_activity);
      break;

    case PROP_METHODS:
      g_value_set_string (value, self->methods);
      break;

    case PROP_PLANNED_RESULTS:
      g_value_set_string (value, self->planned_results);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_PACE:
      g_value_set_enum (value, self->pace);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_stage_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  UrokStage *self = UROK_STAGE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      urok_stage_set_title (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      urok_stage_set_kind (self, g_value_get_string (value));
      break;

    case PROP_DURATION_MINUTES:
      urok_stage_set_duration_minutes (self, g_value_get_int (value));
      break;

    case PROP_TEACHER_ACTIVITY:
      urok_stage_set_teacher_activity (self, g_value_get_string (value));
      break;

    case PROP_STUDENT_ACTIVITY:
      urok_stage_set_student_activity (self, g_value_get_string (value));
      break;

    case PROP_METHODS:
      urok_stage_set_methods (self, g_value_get_string (value));
      break;

    case PROP_PLANNED_RESULTS:
      urok_stage_set_planned_results (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      urok_stage_set_notes (self, g_value_get_string (value));
      break;

    case PROP_PACE:
      urok_stage_set_pace (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_stage_class_init (UrokStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = urok_stage_dispose;
  object_class->finalize = urok_stage_finalize;
  object_class->constructed = urok_stage_constructed;
  object_class->notify = urok_stage_notify;
  object_class->get_property = urok_stage_get_property;
  object_class->set_property = urok_stage_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, "Stable identity across stores and packages (random when not given)",
                         NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "Shown on the timeline and in the plan", "", flags);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, "Code of the stage kind, or empty", "", flags);
  properties[PROP_DURATION_MINUTES] =
    g_param_spec_int ("duration-minutes", NULL, "Planned length", 0, MAX_MINUTES, 5, flags);
  properties[PROP_TEACHER_ACTIVITY] =
    g_param_spec_string ("teacher-activity", NULL, "What the teacher does", "", flags);
  properties[PROP_STUDENT_ACTIVITY] =
    g_param_spec_string ("student-activity", NULL, "What the students do", "", flags);
  properties[PROP_METHODS] =
    g_param_spec_string ("methods", NULL, "Methods and forms of work", "", flags);
  properties[PROP_PLANNED_RESULTS] =
    g_param_spec_string ("planned-results", NULL, "Results the stage aims at", "", flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, "Notes for the teacher only", "", flags);
  properties[PROP_PACE] =
    g_param_spec_enum ("pace", NULL, "Who sets the pace", UROK_TYPE_STAGE_PACE, UROK_STAGE_PACE_TEACHER, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UrokStage::changed:
   *
   * A property of the stage or of one of its resources changed, or a
   * resource was added, removed or moved.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
urok_stage_init (UrokStage *self)
{
  self->title = g_strdup ("");
  self->kind = g_strdup ("");
  self->duration_minutes = 5;
  self->teacher_activity = g_strdup ("");
  self->student_activity = g_strdup ("");
  self->methods = g_strdup ("");
  self->planned_results = g_strdup ("");
  self->notes = g_strdup ("");
  self->pace = UROK_STAGE_PACE_TEACHER;
  self->resources = g_list_store_new (UROK_TYPE_RESOURCE);
  g_signal_connect_swapped (self->resources, "items-changed", G_CALLBACK (on_resources_changed), self);
}

UrokStage *
urok_stage_new (const char *title,
                int         duration_minutes)
{
  g_return_val_if_fail (duration_minutes >= 0 && duration_minutes <= MAX_MINUTES, NULL);

  return g_object_new (UROK_TYPE_STAGE,
                       "title", title,
                       "duration-minutes", duration_minutes,
                       NULL);
}

UrokStage *
urok_stage_copy (UrokStage *self,
                 gboolean   new_uuids)
{
  UrokStage *copy;
  guint n;

  g_return_val_if_fail (UROK_IS_STAGE (self), NULL);

  copy = g_object_new (UROK_TYPE_STAGE, "uuid", new_uuids ? NULL : self->uuid, NULL);
  _urok_replace_string (&copy->title, self->title);
  _urok_replace_string (&copy->kind, self->kind);
  copy->duration_minutes = self->duration_minutes;
  _urok_replace_string (&copy->teacher_activity, self->teacher_activity);
  _urok_replace_string (&copy->student_activity, self->student_activity);
  _urok_replace_string (&copy->methods, self->methods);
  _urok_replace_string (&copy->planned_results, self->planned_results);
  _urok_replace_string (&copy->notes, self->notes);
  copy->pace = self->pace;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->resources));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokResource) resource = g_list_model_get_item (G_LIST_MODEL (self->resources), i);
      g_autoptr(UrokResource) resource_copy = urok_resource_copy (resource, new_uuids);

      urok_stage_insert_resource (copy, i, resource_copy);
    }
  return copy;
}

gboolean
urok_stage_equal (UrokStage *a,
                  UrokStage *b)
{
  guint n;

  g_return_val_if_fail (UROK_IS_STAGE (a), FALSE);
  g_return_val_if_fail (UROK_IS_STAGE (b), FALSE);

  if (!(g_str_equal (a->uuid, b->uuid)
        && g_str_equal (a->title, b->title)
        && g_str_equal (a->kind, b->kind)
        && a->duration_minutes == b->duration_minutes
        && g_str_equal (a->teacher_activity, b->teacher_activity)
        && g_str_equal (a->student_activity, b->student_activity)
        && g_str_equal (a->methods, b->methods)
        && g_str_equal (a->planned_results, b->planned_results)
        && g_str_equal (a->notes, b->notes)
        && a->pace == b->pace))
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (a->resources));
  if (n != g_list_model_get_n_items (G_LIST_MODEL (b->resources)))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokResource) ra = g_list_model_get_item (G_LIST_MODEL (a->resources), i);
      g_autoptr(UrokResource) rb = g_list_model_get_item (G_LIST_MODEL (b->resources), i);

      if (!urok_resource_equal (ra, rb))
        return FALSE;
    }
  return TRUE;
}

const char *
urok_stage_get_uuid (UrokStage *self)
{
  g_return_val_if_fail (UROK_IS_STAGE (self), NULL);
  return self->uuid;
}

int
urok_stage_get_duration_minutes (UrokStage *self)
{
  g_return_val_if_fail (UROK_IS_STAGE (self), 0);
  return self->duration_minutes;
}

void
urok_stage_set_duration_minutes (UrokStage *self,
                                 int        minutes)
{
  g_return_if_fail (UROK_IS_STAGE (self));
  g_return_if_fail (minutes >= 0 && minutes <= MAX_MINUTES);

  if (self->duration_minutes == minutes)
    return;
  self->duration_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_MINUTES]);
}

UrokStagePace
urok_stage_get_pace (UrokStage *self)
{
  g_return_val_if_fail (UROK_IS_STAGE (self), UROK_STAGE_PACE_TEACHER);
  return self->pace;
}

void
urok_stage_set_pace (UrokStage     *self,
                     UrokStagePace  pace)
{
  g_return_if_fail (UROK_IS_STAGE (self));
  g_return_if_fail (pace == UROK_STAGE_PACE_TEACHER || pace == UROK_STAGE_PACE_STUDENT);

  if (self->pace == pace)
    return;
  self->pace = pace;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACE]);
}

GListModel *
urok_stage_get_resources (UrokStage *self)
{
  g_return_val_if_fail (UROK_IS_STAGE (self), NULL);
  return G_LIST_MODEL (self->resources);
}

void
urok_stage_insert_resource (UrokStage    *self,
                            guint         position,
                            UrokResource *resource)
{
  g_return_if_fail (UROK_IS_STAGE (self));
  g_return_if_fail (UROK_IS_RESOURCE (resource));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (self->resources)));

  g_signal_connect_swapped (resource, "notify", G_CALLBACK (on_resource_notify), self);
  g_list_store_insert (self->resources, position, resource);
}

void
urok_stage_remove_resource (UrokStage *self,
                            guint      position)
{
  g_autoptr(UrokResource) resource = NULL;

  g_return_if_fail (UROK_IS_STAGE (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->resources)));

  resource = g_list_model_get_item (G_LIST_MODEL (self->resources), position);
  g_signal_handlers_disconnect_by_func (resource, on_resource_notify, self);
  g_list_store_remove (self->resources, position);
}

const char *
urok_stage_get_title (UrokStage *self)
{
  g_return_val_if_fail (UROK_IS_STAGE (self), NULL);
  return self->title;
}

void
urok_stage_set_title (UrokStage *self,
                      const char *title)
{
  g_return_if_fail (UROK_IS_STAGE (self));
  if (_urok_replace_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
urok_stage_get_kind (UrokStage *self)
{
  g_return_val_if_fail (UROK_IS_STAGE (self), NULL);
  return self->kind;
}

void
urok_stage_set_kind (UrokStage *self,
                     const char *kind)
{
  g_return_if_fail (UROK_IS_STAGE (self));
  if (_urok_replace_string (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
urok_stage_get_teacher_activity (UrokStage *self)
{
  g_return_val_if_fail (UROK_IS_STAGE (self), NULL);
  return self->teacher_activity;
}

void
urok_stage_set_teacher_activity (UrokStage *self,
                                 const char *teacher_activity)
{
  g_return_if_fail (UROK_IS_STAGE (self));
  if (_urok_replace_string (&self->teacher_activity, teacher_activity))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEACHER_ACTIVITY]);
}

const char *
urok_stage_get_student_activity (UrokStage *self)
{
  g_return_val_if_fail (UROK_IS_STAGE (self), NULL);
  return self->student_activity;
}

void
urok_stage_set_student_activity (UrokStage *self,
                                 const char *student_activity)
{
  g_return_if_fail (UROK_IS_STAGE (self));
  if (_urok_replace_string (&self->student_activity, student_activity))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDENT_ACTIVITY]);
}

const char *
urok_stage_get_methods (UrokStage *self)
{
  g_return_val_if_fail (UROK_IS_STAGE (self), NULL);
  return self->methods;
}

void
urok_stage_set_methods (UrokStage *self,
                        const char *methods)
{
  g_return_if_fail (UROK_IS_STAGE (self));
  if (_urok_replace_string (&self->methods, methods))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHODS]);
}

const char *
urok_stage_get_planned_results (UrokStage *self)
{
  g_return_val_if_fail (UROK_IS_STAGE (self), NULL);
  return self->planned_results;
}

void
urok_stage_set_planned_results (UrokStage *self,
                                const char *planned_results)
{
  g_return_if_fail (UROK_IS_STAGE (self));
  if (_urok_replace_string (&self->planned_results, planned_results))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNED_RESULTS]);
}

const char *
urok_stage_get_notes (UrokStage *self)
{
  g_return_val_if_fail (UROK_IS_STAGE (self), NULL);
  return self->notes;
}

void
urok_stage_set_notes (UrokStage *self,
                      const char *notes)
{
  g_return_if_fail (UROK_IS_STAGE (self));
  if (_urok_replace_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}
