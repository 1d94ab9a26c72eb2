/* urok-lesson-history.c: undo and redo for every edit of a lesson.
 *
 * Each step is an operation that knows its inverse (the old and new value of
 * a property, where a stage or resource was inserted or removed) rather than
 * a snapshot of the lesson: a lesson of fifty stages with pictures costs a
 * few bytes per keystroke, and undo touches only what changed, so the editor
 * keeps its selection and scroll position.  Operations hold the very objects
 * they moved, so a stage removed and brought back by undo is the same object
 * and later steps that refer to it still apply.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-lesson-history.h"

/* Typing into one field within this long of the last keystroke is the same
 * step, as in text editors. */
#define MERGE_INTERVAL_USEC (G_USEC_PER_SEC)
/* Enough for a long evening of editing; the oldest steps go first. */
#define MAX_STEPS 1000

typedef enum
{
  OP_SET,
  OP_INSERT_STAGE,
  OP_REMOVE_STAGE,
  OP_MOVE_STAGE,
  OP_INSERT_RESOURCE,
  OP_REMOVE_RESOURCE,
  OP_MOVE_RESOURCE,
  OP_GROUP,
} OpKind;

typedef struct
{
  OpKind        kind;

  /* OP_SET */
  GObject      *object;
  GParamSpec   *pspec;
  GValue        old_value;
  GValue        new_value;
  gint64        time;

  /* Stages and resources: a stage is inserted at @to and removed from
   * @from; a resource leaves @from_stage at @from and enters @to_stage
   * at @to. */
  UrokStage    *stage;
  UrokResource *resource;
  UrokStage    *from_stage;
  UrokStage    *to_stage;
  guint         from;
  guint         to;

  /* OP_GROUP: steps applied in order, undone in reverse. */
  GPtrArray    *children;
} Op;

struct _UrokLessonHistory
{
  GObject     parent_instance;
  UrokLesson *lesson;
  GPtrArray  *undo_stack;
  GPtrArray  *redo_stack;
  Op         *group;       /* the open group, while group_depth > 0 */
  guint       group_depth;
  gboolean    can_merge;   /* the last step may absorb the next set of the same field */
  gboolean    can_undo;
  gboolean    can_redo;
};

G_DEFINE_FINAL_TYPE (UrokLessonHistory, urok_lesson_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LESSON,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
op_free (Op *op)
{
  g_clear_object (&op->object);
  if (G_IS_VALUE (&op->old_value))
    g_value_unset (&op->old_value);
  if (G_IS_VALUE (&op->new_value))
    g_value_unset (&op->new_value);
  g_clear_object (&op->stage);
  g_clear_object (&op->resource);
  g_clear_object (&op->from_stage);
  g_clear_object (&op->to_stage);
  g_clear_pointer (&op->children, g_ptr_array_unref);
  g_free (op);
}

static Op *
op_new (OpKind kind)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  return op;
}

static void
move_stage (UrokLesson *lesson,
            guint       from,
            guint       to)
{
  g_autoptr(UrokStage) stage = g_list_model_get_item (urok_lesson_get_stages (lesson), from);

  urok_lesson_remove_stage (lesson, from);
  urok_lesson_insert_stage (lesson, to, stage);
}

static void
move_resource (UrokStage *from_stage,
               guint      from,
               UrokStage *to_stage,
               guint      to)
{
  g_autoptr(UrokResource) resource = g_list_model_get_item (urok_stage_get_resources (from_stage), from);

  urok_stage_remove_resource (from_stage, from);
  urok_stage_insert_resource (to_stage, to, resource);
}

static void
op_apply (UrokLessonHistory *self,
          Op                *op,
          gboolean           forward)
{
  switch (op->kind)
    {
    case OP_SET:
      g_object_set_property (op->object, op->pspec->name, forward ? &op->new_value : &op->old_value);
      break;

    case OP_INSERT_STAGE:
      if (forward)
        urok_lesson_insert_stage (self->lesson, op->to, op->stage);
      else
        urok_lesson_remove_stage (self->lesson, op->to);
      break;

    case OP_REMOVE_STAGE:
      if (forward)
        urok_lesson_remove_stage (self->lesson, op->from);
      else
        urok_lesson_insert_stage (self->lesson, op->from, op->stage);
      break;

    case OP_MOVE_STAGE:
      if (forward)
        move_stage (self->lesson, op->from, op->to);
      else
        move_stage (self->lesson, op->to, op->from);
      break;

    case OP_INSERT_RESOURCE:
      if (forward)
        urok_stage_insert_resource (op->to_stage, op->to, op->resource);
      else
        urok_stage_remove_resource (op->to_stage, op->to);
      break;

    case OP_REMOVE_RESOURCE:
      if (forward)
        urok_stage_remove_resource (op->from_stage, op->from);
      else
        urok_stage_insert_resource (op->from_stage, op->from, op->resource);
      break;

    case OP_MOVE_RESOURCE:
      if (forward)
        move_resource (op->from_stage, op->from, op->to_stage, op->to);
      else
        move_resource (op->to_stage, op->to, op->from_stage, op->from);
      break;

    case OP_GROUP:
      for (guint i = 0; i < op->children->len; i++)
        {
          guint index = forward ? i : op->children->len - 1 - i;
          op_apply (self, g_ptr_array_index (op->children, index), forward);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
update_state (UrokLessonHistory *self)
{
  gboolean can_undo = self->undo_stack->len > 0;
  gboolean can_redo = self->redo_stack->len > 0;

  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
}

/* Records @op, already applied to the lesson, as the newest step (or as part
 * of the open group).  A new edit makes the undone steps unreachable. */
static void
record (UrokLessonHistory *self,
        Op                *op)
{
  if (self->group_depth > 0)
    {
      g_ptr_array_add (self->group->children, op);
      return;
    }

  g_ptr_array_add (self->undo_stack, op);
  if (self->undo_stack->len > MAX_STEPS)
    g_ptr_array_remove_index (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->can_merge = op->kind == OP_SET;
  update_state (self);
}

static void
urok_lesson_history_dispose (GObject *object)
{
  UrokLessonHistory *self = (UrokLessonHistory *)object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->group, op_free);
  g_clear_object (&self->lesson);

  G_OBJECT_CLASS (urok_lesson_history_parent_class)->dispose (object);
}

static void
urok_lesson_history_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  UrokLessonHistory *self = UROK_LESSON_HISTORY (object);

  switch (prop_id)
    {
    case PROP_LESSON:
      g_value_set_object (value, self->lesson);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_lesson_history_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UrokLessonHistory *self = UROK_LESSON_HISTORY (object);

  switch (prop_id)
    {
    case PROP_LESSON:
      self->lesson = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_lesson_history_class_init (UrokLessonHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = urok_lesson_history_dispose;
  object_class->get_property = urok_lesson_history_get_property;
  object_class->set_property = urok_lesson_history_set_property;

  properties[PROP_LESSON] =
    g_param_spec_object ("lesson", NULL, "The lesson edited", UROK_TYPE_LESSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, "Whether there is a step to undo", FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, "Whether there is an undone step to redo", FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
urok_lesson_history_init (UrokLessonHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)op_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify)op_free);
}

UrokLessonHistory *
urok_lesson_history_new (UrokLesson *lesson)
{
  g_return_val_if_fail (UROK_IS_LESSON (lesson), NULL);

  return g_object_new (UROK_TYPE_LESSON_HISTORY, "lesson", lesson, NULL);
}

UrokLesson *
urok_lesson_history_get_lesson (UrokLessonHistory *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_HISTORY (self), NULL);
  return self->lesson;
}

/* Boxed values (the tags) compare by pointer in GLib: compare lists of
 * strings by content, so that setting the same tags is no step. */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (pspec->value_type == G_TYPE_STRV)
    {
      const char *const *sa = g_value_get_boxed (a);
      const char *const *sb = g_value_get_boxed (b);
      static const char *const none[] = { NULL };

      return g_strv_equal (sa != NULL ? sa : none, sb != NULL ? sb : none);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

void
urok_lesson_history_set (UrokLessonHistory *self,
                         GObject           *object,
                         const char        *property,
                         const GValue      *value)
{
  g_auto(GValue) current = G_VALUE_INIT;
  g_auto(GValue) wanted = G_VALUE_INIT;
  GParamSpec *pspec;
  Op *last;
  Op *op;

  g_return_if_fail (UROK_IS_LESSON_HISTORY (self));
  g_return_if_fail (UROK_IS_LESSON (object) || UROK_IS_STAGE (object) || UROK_IS_RESOURCE (object));
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);
  g_return_if_fail ((pspec->flags & G_PARAM_WRITABLE) != 0 && (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0);

  /* Compare in the property's own type, after its own validation (an
   * out-of-range number is clamped the way the object would clamp it). */
  g_value_init (&wanted, pspec->value_type);
  if (!g_value_transform (value, &wanted))
    {
      g_critical ("Cannot set property “%s” of type %s from a %s", property,
                  g_type_name (pspec->value_type), G_VALUE_TYPE_NAME (value));
      return;
    }
  g_param_value_validate (pspec, &wanted);
  g_value_init (&current, pspec->value_type);
  g_object_get_property (object, pspec->name, &current);
  if (values_equal (pspec, &current, &wanted))
    return;

  g_object_set_property (object, pspec->name, &wanted);

  last = self->undo_stack->len > 0 ? g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1) : NULL;
  if (self->group_depth == 0 && self->can_merge && last != NULL && last->kind == OP_SET
      && last->object == object && last->pspec == pspec
      && g_get_monotonic_time () - last->time < MERGE_INTERVAL_USEC)
    {
      g_value_copy (&wanted, g_value_reset (&last->new_value));
      last->time = g_get_monotonic_time ();
      return;
    }

  op = op_new (OP_SET);
  op->object = g_object_ref (object);
  op->pspec = pspec;
  g_value_init (&op->old_value, pspec->value_type);
  g_value_copy (&current, &op->old_value);
  g_value_init (&op->new_value, pspec->value_type);
  g_value_copy (&wanted, &op->new_value);
  op->time = g_get_monotonic_time ();
  record (self, op);
}

void
urok_lesson_history_set_string (UrokLessonHistory *self,
                                GObject           *object,
                                const char        *property,
                                const char        *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value != NULL ? value : "");
  urok_lesson_history_set (self, object, property, &gvalue);
}

void
urok_lesson_history_set_int (UrokLessonHistory *self,
                             GObject           *object,
                             const char        *property,
                             int                value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_INT);
  g_value_set_int (&gvalue, value);
  urok_lesson_history_set (self, object, property, &gvalue);
}

static guint
n_stages (UrokLessonHistory *self)
{
  return g_list_model_get_n_items (urok_lesson_get_stages (self->lesson));
}

/* Whether @stage belongs to the edited lesson: steps on a stage elsewhere
 * could never be undone in the right place. */
static gboolean
owns_stage (UrokLessonHistory *self,
            UrokStage         *stage)
{
  GListModel *stages = urok_lesson_get_stages (self->lesson);
  guint n = g_list_model_get_n_items (stages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStage) item = g_list_model_get_item (stages, i);
      if (item == stage)
        return TRUE;
    }
  return FALSE;
}

void
urok_lesson_history_insert_stage (UrokLessonHistory *self,
                                  guint              position,
                                  UrokStage         *stage)
{
  Op *op;

  g_return_if_fail (UROK_IS_LESSON_HISTORY (self));
  g_return_if_fail (UROK_IS_STAGE (stage));
  g_return_if_fail (position <= n_stages (self));

  op = op_new (OP_INSERT_STAGE);
  op->stage = g_object_ref (stage);
  op->to = position;
  op_apply (self, op, TRUE);
  record (self, op);
}

void
urok_lesson_history_remove_stage (UrokLessonHistory *self,
                                  guint              position)
{
  Op *op;

  g_return_if_fail (UROK_IS_LESSON_HISTORY (self));
  g_return_if_fail (position < n_stages (self));

  op = op_new (OP_REMOVE_STAGE);
  op->stage = g_list_model_get_item (urok_lesson_get_stages (self->lesson), position);
  op->from = position;
  op_apply (self, op, TRUE);
  record (self, op);
}

void
urok_lesson_history_move_stage (UrokLessonHistory *self,
                                guint              from,
                                guint              to)
{
  Op *op;

  g_return_if_fail (UROK_IS_LESSON_HISTORY (self));
  g_return_if_fail (from < n_stages (self));
  g_return_if_fail (to < n_stages (self));

  if (from == to)
    return;

  op = op_new (OP_MOVE_STAGE);
  op->from = from;
  op->to = to;
  op_apply (self, op, TRUE);
  record (self, op);
}

void
urok_lesson_history_insert_resource (UrokLessonHistory *self,
                                     UrokStage         *stage,
                                     guint              position,
                                     UrokResource      *resource)
{
  Op *op;

  g_return_if_fail (UROK_IS_LESSON_HISTORY (self));
  g_return_if_fail (UROK_IS_STAGE (stage));
  g_return_if_fail (UROK_IS_RESOURCE (resource));
  g_return_if_fail (owns_stage (self, stage));
  g_return_if_fail (position <= g_list_model_get_n_items (urok_stage_get_resources (stage)));

  op = op_new (OP_INSERT_RESOURCE);
  op->to_stage = g_object_ref (stage);
  op->to = position;
  op->resource = g_object_ref (resource);
  op_apply (self, op, TRUE);
  record (self, op);
}

void
urok_lesson_history_remove_resource (UrokLessonHistory *self,
                                     UrokStage         *stage,
                                     guint              position)
{
  Op *op;

  g_return_if_fail (UROK_IS_LESSON_HISTORY (self));
  g_return_if_fail (UROK_IS_STAGE (stage));
  g_return_if_fail (owns_stage (self, stage));
  g_return_if_fail (position < g_list_model_get_n_items (urok_stage_get_resources (stage)));

  op = op_new (OP_REMOVE_RESOURCE);
  op->from_stage = g_object_ref (stage);
  op->from = position;
  op->resource = g_list_model_get_item (urok_stage_get_resources (stage), position);
  op_apply (self, op, TRUE);
  record (self, op);
}

/* @to is the resource's position in @to_stage once moved. */
void
urok_lesson_history_move_resource (UrokLessonHistory *self,
                                   UrokStage         *from_stage,
                                   guint              from,
                                   UrokStage         *to_stage,
                                   guint              to)
{
  guint n_to;
  Op *op;

  g_return_if_fail (UROK_IS_LESSON_HISTORY (self));
  g_return_if_fail (UROK_IS_STAGE (from_stage));
  g_return_if_fail (UROK_IS_STAGE (to_stage));
  g_return_if_fail (owns_stage (self, from_stage));
  g_return_if_fail (owns_stage (self, to_stage));
  g_return_if_fail (from < g_list_model_get_n_items (urok_stage_get_resources (from_stage)));

  n_to = g_list_model_get_n_items (urok_stage_get_resources (to_stage));
  if (from_stage == to_stage)
    n_to--;
  g_return_if_fail (to <= n_to);

  if (from_stage == to_stage && from == to)
    return;

  op = op_new (OP_MOVE_RESOURCE);
  op->from_stage = g_object_ref (from_stage);
  op->from = from;
  op->to_stage = g_object_ref (to_stage);
  op->to = to;
  op_apply (self, op, TRUE);
  record (self, op);
}

void
urok_lesson_history_begin_group (UrokLessonHistory *self)
{
  g_return_if_fail (UROK_IS_LESSON_HISTORY (self));

  /* Nested groups are one step: only the outermost counts. */
  if (self->group_depth++ > 0)
    return;
  self->group = op_new (OP_GROUP);
  self->group->children = g_ptr_array_new_with_free_func ((GDestroyNotify)op_free);
}

void
urok_lesson_history_end_group (UrokLessonHistory *self)
{
  Op *group;

  g_return_if_fail (UROK_IS_LESSON_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  if (group->children->len == 0)
    {
      op_free (group);
      return;
    }
  record (self, group);
  /* A group is never the step that typing continues. */
  self->can_merge = FALSE;
}

void
urok_lesson_history_break_merge (UrokLessonHistory *self)
{
  g_return_if_fail (UROK_IS_LESSON_HISTORY (self));
  self->can_merge = FALSE;
}

gboolean
urok_lesson_history_get_can_undo (UrokLessonHistory *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_HISTORY (self), FALSE);
  return self->can_undo;
}

gboolean
urok_lesson_history_get_can_redo (UrokLessonHistory *self)
{
  g_return_val_if_fail (UROK_IS_LESSON_HISTORY (self), FALSE);
  return self->can_redo;
}

gboolean
urok_lesson_history_undo (UrokLessonHistory *self)
{
  Op *op;

  g_return_val_if_fail (UROK_IS_LESSON_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->undo_stack->len == 0)
    return FALSE;

  op = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  op_apply (self, op, FALSE);
  g_ptr_array_add (self->redo_stack, op);
  self->can_merge = FALSE;
  update_state (self);
  return TRUE;
}

gboolean
urok_lesson_history_redo (UrokLessonHistory *self)
{
  Op *op;

  g_return_val_if_fail (UROK_IS_LESSON_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->redo_stack->len == 0)
    return FALSE;

  op = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  op_apply (self, op, TRUE);
  g_ptr_array_add (self->undo_stack, op);
  self->can_merge = FALSE;
  update_state (self);
  return TRUE;
}
