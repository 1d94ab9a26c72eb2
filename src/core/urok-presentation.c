/* urok-presentation.c: a lesson being shown: position and clocks.
 *
 * Time is settled on every change that affects it (a stage change, a pause)
 * rather than sampled by a timer: the elapsed time of the running stretch
 * is "now - mark", and the windows poll it as often as they redraw.  Stage
 * times are kept by stage uuid, so that a stage moved or removed in the
 * lesson while it is shown keeps its own time.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-presentation.h"

#define USEC_PER_MINUTE ((gint64)60 * G_USEC_PER_SEC)

struct _UrokPresentation
{
  GObject        parent_instance;

  UrokLesson    *lesson;
  UrokClockFunc  clock;
  gpointer       clock_data;

  int            stage;
  int            resource;
  /* The stage at @stage, held so that its running time is charged to it
   * even when the lesson changes under the presentation. */
  UrokStage     *current;
  gboolean       started;
  gboolean       paused;
  gboolean       hidden;
  gboolean       blacked_out;

  /* Time before the running stretch; the stretch began at mark. */
  gint64         lesson_time;
  GHashTable    *stage_time;     /* stage uuid → gint64 * */
  gint64         mark;
};

G_DEFINE_FINAL_TYPE (UrokPresentation, urok_presentation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LESSON,
  PROP_STAGE_INDEX,
  PROP_RESOURCE_INDEX,
  PROP_STARTED,
  PROP_PAUSED,
  PROP_HIDDEN,
  PROP_BLACKED_OUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gboolean
running (UrokPresentation *self)
{
  return self->started && !self->paused;
}

static gint64
now (UrokPresentation *self)
{
  return self->clock (self->clock_data);
}

static UrokStage *
stage_at (UrokPresentation *self,
          int               index)
{
  GListModel *stages = urok_lesson_get_stages (self->lesson);
  g_autoptr(UrokStage) stage = NULL;

  if (index < 0 || (guint)index >= g_list_model_get_n_items (stages))
    return NULL;
  /* The lesson keeps a reference. */
  stage = g_list_model_get_item (stages, index);
  return stage;
}

static guint
n_resources (UrokStage *stage)
{
  return stage != NULL ? g_list_model_get_n_items (urok_stage_get_resources (stage)) : 0;
}

static gint64 *
stage_slot (UrokPresentation *self,
            UrokStage        *stage)
{
  gint64 *slot = g_hash_table_lookup (self->stage_time, urok_stage_get_uuid (stage));

  if (slot == NULL)
    {
      slot = g_new0 (gint64, 1);
      g_hash_table_insert (self->stage_time, g_strdup (urok_stage_get_uuid (stage)), slot);
    }
  return slot;
}

/* Moves the running stretch's time into the totals and starts a new one. */
static void
settle (UrokPresentation *self)
{
  gint64 t = now (self);

  if (running (self))
    {
      gint64 stretch = MAX (t - self->mark, 0);

      self->lesson_time += stretch;
      if (self->current != NULL)
        *stage_slot (self, self->current) += stretch;
    }
  self->mark = t;
}

static void
set_position (UrokPresentation *self,
              int               stage,
              int               resource)
{
  gboolean stage_changed = stage != self->stage;
  gboolean resource_changed = resource != self->resource;

  if (stage_changed || stage_at (self, stage) != self->current)
    {
      settle (self);
      g_set_object (&self->current, stage_at (self, stage));
    }
  self->stage = stage;
  self->resource = resource;
  if (stage_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_INDEX]);
  if (resource_changed || stage_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOURCE_INDEX]);
}

/* Follows the shown stage when stages move, and keeps the position inside
 * the lesson when stages or resources go. */
static void
lesson_changed_cb (UrokPresentation *self)
{
  guint n = urok_presentation_get_n_stages (self);
  int stage = n == 0 ? -1 : CLAMP (self->stage, 0, (int)n - 1);
  guint n_res;
  int resource;

  for (guint i = 0; i < n && self->current != NULL; i++)
    if (stage_at (self, i) == self->current)
      stage = (int)i;
  n_res = n_resources (stage_at (self, stage));
  resource = n_res == 0 ? -1 : CLAMP (self->resource, 0, (int)n_res - 1);

  if (stage != self->stage || resource != self->resource || stage_at (self, stage) != self->current)
    set_position (self, stage, resource);
}

UrokPresentation *
urok_presentation_new (UrokLesson *lesson)
{
  g_return_val_if_fail (UROK_IS_LESSON (lesson), NULL);

  return g_object_new (UROK_TYPE_PRESENTATION, "lesson", lesson, NULL);
}

void
urok_presentation_set_clock (UrokPresentation *self,
                             UrokClockFunc     func,
                             gpointer          user_data)
{
  g_return_if_fail (UROK_IS_PRESENTATION (self));

  settle (self);
  self->clock = func != NULL ? func : monotonic_clock;
  self->clock_data = func != NULL ? user_data : NULL;
  self->mark = now (self);
}

UrokLesson *
urok_presentation_get_lesson (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), NULL);
  return self->lesson;
}

void
urok_presentation_start (UrokPresentation *self)
{
  g_return_if_fail (UROK_IS_PRESENTATION (self));

  if (self->started)
    return;
  self->mark = now (self);
  self->started = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);
}

gboolean
urok_presentation_get_started (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), FALSE);
  return self->started;
}

gboolean
urok_presentation_get_paused (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), FALSE);
  return self->paused;
}

void
urok_presentation_set_paused (UrokPresentation *self,
                              gboolean          paused)
{
  g_return_if_fail (UROK_IS_PRESENTATION (self));

  paused = !!paused;
  if (self->paused == paused)
    return;
  settle (self);
  self->paused = paused;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

gboolean
urok_presentation_get_hidden (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), FALSE);
  return self->hidden;
}

void
urok_presentation_set_hidden (UrokPresentation *self,
                              gboolean          hidden)
{
  g_return_if_fail (UROK_IS_PRESENTATION (self));

  hidden = !!hidden;
  if (self->hidden == hidden)
    return;
  self->hidden = hidden;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN]);
}

gboolean
urok_presentation_get_blacked_out (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), FALSE);
  return self->blacked_out;
}

void
urok_presentation_set_blacked_out (UrokPresentation *self,
                                   gboolean          blacked_out)
{
  g_return_if_fail (UROK_IS_PRESENTATION (self));

  blacked_out = !!blacked_out;
  if (self->blacked_out == blacked_out)
    return;
  self->blacked_out = blacked_out;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLACKED_OUT]);
}

guint
urok_presentation_get_n_stages (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), 0);
  return g_list_model_get_n_items (urok_lesson_get_stages (self->lesson));
}

int
urok_presentation_get_stage_index (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), -1);
  return self->stage;
}

int
urok_presentation_get_resource_index (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), -1);
  return self->resource;
}

UrokStage *
urok_presentation_get_stage (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), NULL);
  return stage_at (self, self->stage);
}

UrokStage *
urok_presentation_get_next_stage (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), NULL);
  return self->stage < 0 ? NULL : stage_at (self, self->stage + 1);
}

UrokResource *
urok_presentation_get_resource (UrokPresentation *self)
{
  UrokStage *stage;
  g_autoptr(UrokResource) resource = NULL;

  g_return_val_if_fail (UROK_IS_PRESENTATION (self), NULL);

  stage = stage_at (self, self->stage);
  if (stage == NULL || self->resource < 0 || (guint)self->resource >= n_resources (stage))
    return NULL;
  /* The stage keeps a reference. */
  resource = g_list_model_get_item (urok_stage_get_resources (stage), self->resource);
  return resource;
}

gboolean
urok_presentation_go_to (UrokPresentation *self,
                         int               stage,
                         int               resource)
{
  guint n_res;

  g_return_val_if_fail (UROK_IS_PRESENTATION (self), FALSE);

  if (stage_at (self, stage) == NULL)
    return FALSE;
  n_res = n_resources (stage_at (self, stage));
  if (resource < 0)
    resource = n_res > 0 ? 0 : -1;
  else if ((guint)resource >= n_res)
    return FALSE;
  if (stage == self->stage && resource == self->resource)
    return FALSE;
  set_position (self, stage, resource);
  return TRUE;
}

gboolean
urok_presentation_next_resource (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), FALSE);

  if (self->resource >= 0 && (guint)(self->resource + 1) < n_resources (stage_at (self, self->stage)))
    return urok_presentation_go_to (self, self->stage, self->resource + 1);
  return urok_presentation_next_stage (self);
}

gboolean
urok_presentation_previous_resource (UrokPresentation *self)
{
  guint n_res;

  g_return_val_if_fail (UROK_IS_PRESENTATION (self), FALSE);

  if (self->resource > 0)
    return urok_presentation_go_to (self, self->stage, self->resource - 1);
  if (stage_at (self, self->stage - 1) == NULL)
    return FALSE;
  n_res = n_resources (stage_at (self, self->stage - 1));
  return urok_presentation_go_to (self, self->stage - 1, (int)n_res - 1);
}

gboolean
urok_presentation_next_stage (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), FALSE);
  return self->stage >= 0 && urok_presentation_go_to (self, self->stage + 1, -1);
}

gboolean
urok_presentation_previous_stage (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), FALSE);
  return self->stage > 0 && urok_presentation_go_to (self, self->stage - 1, -1);
}

gint64
urok_presentation_get_lesson_elapsed (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), 0);

  if (!running (self))
    return self->lesson_time;
  return self->lesson_time + MAX (now (self) - self->mark, 0);
}

gint64
urok_presentation_get_stage_elapsed (UrokPresentation *self,
                                     guint             index)
{
  UrokStage *stage;
  gint64 *slot;
  gint64 total;

  g_return_val_if_fail (UROK_IS_PRESENTATION (self), 0);

  stage = stage_at (self, index);
  if (stage == NULL)
    return 0;
  slot = g_hash_table_lookup (self->stage_time, urok_stage_get_uuid (stage));
  total = slot != NULL ? *slot : 0;
  if (running (self) && (int)index == self->stage)
    total += MAX (now (self) - self->mark, 0);
  return total;
}

gint64
urok_presentation_get_stage_planned (UrokPresentation *self,
                                     guint             index)
{
  UrokStage *stage;

  g_return_val_if_fail (UROK_IS_PRESENTATION (self), 0);

  stage = stage_at (self, index);
  return stage != NULL ? (gint64)urok_stage_get_duration_minutes (stage) * USEC_PER_MINUTE : 0;
}

gint64
urok_presentation_get_stage_planned_start (UrokPresentation *self,
                                           guint             index)
{
  gint64 start = 0;

  g_return_val_if_fail (UROK_IS_PRESENTATION (self), 0);

  for (guint i = 0; i < index && i < urok_presentation_get_n_stages (self); i++)
    start += urok_presentation_get_stage_planned (self, i);
  return start;
}

gint64
urok_presentation_get_schedule_offset (UrokPresentation *self)
{
  gint64 planned;

  g_return_val_if_fail (UROK_IS_PRESENTATION (self), 0);

  if (self->stage < 0)
    return urok_presentation_get_lesson_elapsed (self);
  planned = urok_presentation_get_stage_planned_start (self, self->stage)
          + MIN (urok_presentation_get_stage_elapsed (self, self->stage),
                 urok_presentation_get_stage_planned (self, self->stage));
  return urok_presentation_get_lesson_elapsed (self) - planned;
}

gboolean
urok_presentation_get_stage_overrun (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), FALSE);

  return self->stage >= 0 &&
         urok_presentation_get_stage_elapsed (self, self->stage) > urok_presentation_get_stage_planned (self, self->stage);
}

gboolean
urok_presentation_get_lesson_overrun (UrokPresentation *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTATION (self), FALSE);

  return urok_presentation_get_lesson_elapsed (self) >
         (gint64)urok_lesson_get_duration_minutes (self->lesson) * USEC_PER_MINUTE;
}

static void
urok_presentation_constructed (GObject *object)
{
  UrokPresentation *self = (UrokPresentation *)object;

  G_OBJECT_CLASS (urok_presentation_parent_class)->constructed (object);

  g_assert (self->lesson != NULL);
  g_signal_connect_object (self->lesson, "changed", G_CALLBACK (lesson_changed_cb), self, G_CONNECT_SWAPPED);
  if (urok_presentation_get_n_stages (self) > 0)
    {
      self->stage = 0;
      self->current = g_object_ref (stage_at (self, 0));
      self->resource = n_resources (stage_at (self, 0)) > 0 ? 0 : -1;
    }
}

static void
urok_presentation_finalize (GObject *object)
{
  UrokPresentation *self = (UrokPresentation *)object;

  g_clear_object (&self->lesson);
  g_clear_object (&self->current);
  g_clear_pointer (&self->stage_time, g_hash_table_unref);

  G_OBJECT_CLASS (urok_presentation_parent_class)->finalize (object);
}

static void
urok_presentation_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UrokPresentation *self = UROK_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_LESSON:
      g_value_set_object (value, self->lesson);
      break;
    case PROP_STAGE_INDEX:
      g_value_set_int (value, self->stage);
      break;
    case PROP_RESOURCE_INDEX:
      g_value_set_int (value, self->resource);
      break;
    case PROP_STARTED:
      g_value_set_boolean (value, self->started);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_HIDDEN:
      g_value_set_boolean (value, self->hidden);
      break;
    case PROP_BLACKED_OUT:
      g_value_set_boolean (value, self->blacked_out);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_presentation_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UrokPresentation *self = UROK_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_LESSON:
      self->lesson = g_value_dup_object (value);
      break;
    case PROP_PAUSED:
      urok_presentation_set_paused (self, g_value_get_boolean (value));
      break;
    case PROP_HIDDEN:
      urok_presentation_set_hidden (self, g_value_get_boolean (value));
      break;
    case PROP_BLACKED_OUT:
      urok_presentation_set_blacked_out (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_presentation_class_init (UrokPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = urok_presentation_constructed;
  object_class->finalize = urok_presentation_finalize;
  object_class->get_property = urok_presentation_get_property;
  object_class->set_property = urok_presentation_set_property;

  properties[PROP_LESSON] =
    g_param_spec_object ("lesson", NULL, NULL, UROK_TYPE_LESSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE_INDEX] =
    g_param_spec_int ("stage-index", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOURCE_INDEX] =
    g_param_spec_int ("resource-index", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTED] =
    g_param_spec_boolean ("started", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDDEN] =
    g_param_spec_boolean ("hidden", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLACKED_OUT] =
    g_param_spec_boolean ("blacked-out", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
urok_presentation_init (UrokPresentation *self)
{
  self->clock = monotonic_clock;
  self->stage = -1;
  self->resource = -1;
  self->stage_time = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
