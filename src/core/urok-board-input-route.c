/* urok-board-input-route.c: who does what: each sequence to a tool, a
 * pinch or nowhere (palms, a third finger), and the pinch's view.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-input-private.h"

UrokBoardRoute
urok_board_input_get_route (UrokBoardInput *self,
                            guint64         sequence)
{
  UrokBoardSequence *seq;

  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), UROK_BOARD_ROUTE_NONE);
  seq = g_hash_table_lookup (self->sequences, &sequence);
  return seq != NULL ? seq->route : UROK_BOARD_ROUTE_NONE;
}

gboolean
urok_board_input_get_stylus_near (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), FALSE);
  return self->stylus_near || self->pens_down > 0;
}

static void
anchor_pinch (UrokBoardInput *self)
{
  for (guint i = 0; i < 2; i++)
    if (self->pinch[i] != NULL)
      {
        self->anchor_x[i] = self->pinch[i]->vx;
        self->anchor_y[i] = self->pinch[i]->vy;
      }
  self->anchor_scale = self->scale;
  self->anchor_ox = self->offset_x;
  self->anchor_oy = self->offset_y;
}

/* Two fingers: the board point under the first centre follows the
 * centre, and the scale follows the fingers' distance.  One finger left
 * (the other lifted): it pans. */
static void
update_pinch (UrokBoardInput *self)
{
  UrokBoardSequence *a = self->pinch[0], *b = self->pinch[1];
  double c0x, c0y, cx, cy, scale = self->anchor_scale;
  double bx, by;

  if (a != NULL && b != NULL)
    {
      double d0 = hypot (self->anchor_x[1] - self->anchor_x[0], self->anchor_y[1] - self->anchor_y[0]);
      double d = hypot (b->vx - a->vx, b->vy - a->vy);

      c0x = (self->anchor_x[0] + self->anchor_x[1]) / 2;
      c0y = (self->anchor_y[0] + self->anchor_y[1]) / 2;
      cx = (a->vx + b->vx) / 2;
      cy = (a->vy + b->vy) / 2;
      if (d0 > 1 && d > 1)
        scale = CLAMP (self->anchor_scale * d / d0, UROK_BOARD_MIN_SCALE, UROK_BOARD_MAX_SCALE);
    }
  else
    {
      guint i = a != NULL ? 0 : 1;

      if (self->pinch[i] == NULL)
        return;
      c0x = self->anchor_x[i];
      c0y = self->anchor_y[i];
      cx = self->pinch[i]->vx;
      cy = self->pinch[i]->vy;
    }
  bx = (c0x - self->anchor_ox) / self->anchor_scale;
  by = (c0y - self->anchor_oy) / self->anchor_scale;
  urok_board_input_set_view (self, scale, cx - bx * scale, cy - by * scale);
}

static gboolean
palm_time (UrokBoardInput *self,
           guint32         time_ms)
{
  if (self->stylus_near || self->pens_down > 0)
    return TRUE;
  return self->stylus_left && time_ms - self->stylus_left_ms < UROK_BOARD_PALM_AFTER_MS;
}

/* The touch that began last, if it is still drawing: the partner a new
 * touch may make a pinch with. */
static UrokBoardSequence *
pinch_partner (UrokBoardInput       *self,
               UrokBoardSequence    *self_seq,
               const UrokBoardEvent *event)
{
  GHashTableIter iter;
  gpointer value;
  UrokBoardSequence *newest = NULL;

  g_hash_table_iter_init (&iter, self->sequences);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      UrokBoardSequence *seq = value;

      if (seq != self_seq && seq->device == UROK_BOARD_DEVICE_TOUCH &&
          (newest == NULL || seq->begin_ms > newest->begin_ms))
        newest = seq;
    }
  if (newest == NULL || newest->route != UROK_BOARD_ROUTE_DRAW)
    return NULL;
  if (event->time_ms - newest->begin_ms > UROK_BOARD_GESTURE_WINDOW_MS)
    return NULL;
  if (hypot (event->x - newest->vx, event->y - newest->vy) / self->px_per_mm > UROK_BOARD_GESTURE_SPAN_MM)
    return NULL;
  return newest;
}

static void
stop_drawing (UrokBoardInput    *self,
              UrokBoardSequence *seq,
              UrokBoardRoute     route)
{
  if (seq->route == UROK_BOARD_ROUTE_DRAW)
    _urok_board_input_handler_for (seq->tool)->cancel (self, seq);
  seq->route = route;
}

static void
route_touch (UrokBoardInput       *self,
             UrokBoardSequence    *seq,
             const UrokBoardEvent *event)
{
  UrokBoardSequence *partner;

  if (palm_time (self, event->time_ms))
    {
      seq->route = UROK_BOARD_ROUTE_IGNORED;
      return;
    }
  if (self->zoom_locked)
    return;
  if (self->pinch[0] != NULL || self->pinch[1] != NULL)
    {
      /* A third finger, or one put back after lifting: ignored until the
       * pinch ends rather than drawing through it. */
      seq->route = UROK_BOARD_ROUTE_IGNORED;
      return;
    }
  partner = pinch_partner (self, seq, event);
  if (partner == NULL)
    return;
  /* The first finger's ink began a few ms ago: it was a pinch all along. */
  stop_drawing (self, partner, UROK_BOARD_ROUTE_GESTURE);
  seq->route = UROK_BOARD_ROUTE_GESTURE;
  self->pinch[0] = partner;
  self->pinch[1] = seq;
  anchor_pinch (self);
  update_pinch (self);
}

/* A palm often lands a moment before the stylus is seen: touches that
 * began just before were that palm.  Older ones are another pupil's
 * finger and go on. */
static void
reject_recent_touches (UrokBoardInput *self,
                       guint32         time_ms)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->sequences);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      UrokBoardSequence *seq = value;

      if (seq->device == UROK_BOARD_DEVICE_TOUCH && seq->route == UROK_BOARD_ROUTE_DRAW &&
          time_ms - seq->begin_ms < UROK_BOARD_PALM_AFTER_MS)
        stop_drawing (self, seq, UROK_BOARD_ROUTE_IGNORED);
    }
}

static void
begin_sequence (UrokBoardInput       *self,
                const UrokBoardEvent *event)
{
  UrokBoardSequence *seq = g_new0 (UrokBoardSequence, 1);
  double bx, by;

  seq->sequence = event->sequence;
  seq->device = event->device;
  seq->begin_ms = event->time_ms;
  seq->vx = event->x;
  seq->vy = event->y;
  seq->route = UROK_BOARD_ROUTE_DRAW;
  seq->tool = event->device == UROK_BOARD_DEVICE_ERASER ? UROK_BOARD_TOOL_KIND_ERASER : self->tool;
  g_hash_table_insert (self->sequences, &seq->sequence, seq);

  switch (event->device)
    {
    case UROK_BOARD_DEVICE_TOUCH:
      route_touch (self, seq, event);
      break;
    case UROK_BOARD_DEVICE_PEN:
    case UROK_BOARD_DEVICE_ERASER:
      self->pens_down++;
      break;
    case UROK_BOARD_DEVICE_MOUSE:
    default:
      break;
    }
  if (seq->route != UROK_BOARD_ROUTE_DRAW || self->page == NULL)
    {
      if (self->page == NULL)
        seq->route = UROK_BOARD_ROUTE_IGNORED;
      return;
    }
  urok_board_input_view_to_board (self, event->x, event->y, &bx, &by);
  seq->bx = bx;
  seq->by = by;
  _urok_board_input_handler_for (seq->tool)->begin (self, seq, bx, by, event->pressure < 0 ? 0.5 : event->pressure, 0);
}

static void
end_sequence (UrokBoardInput    *self,
              UrokBoardSequence *seq,
              gboolean           cancel)
{
  if (seq->device == UROK_BOARD_DEVICE_PEN || seq->device == UROK_BOARD_DEVICE_ERASER)
    self->pens_down--;
  switch (seq->route)
    {
    case UROK_BOARD_ROUTE_DRAW:
      if (cancel)
        _urok_board_input_handler_for (seq->tool)->cancel (self, seq);
      else
        _urok_board_input_handler_for (seq->tool)->end (self, seq);
      break;
    case UROK_BOARD_ROUTE_GESTURE:
      for (guint i = 0; i < 2; i++)
        if (self->pinch[i] == seq)
          self->pinch[i] = NULL;
      anchor_pinch (self);
      break;
    case UROK_BOARD_ROUTE_NONE:
    case UROK_BOARD_ROUTE_IGNORED:
    default:
      break;
    }
  _urok_board_input_forget (self, seq);
}

gboolean
urok_board_input_handle_event (UrokBoardInput       *self,
                               const UrokBoardEvent *event)
{
  UrokBoardSequence *seq;

  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (!isfinite (event->x) || !isfinite (event->y))
    return FALSE;

  switch (event->phase)
    {
    case UROK_BOARD_PHASE_PROXIMITY_IN:
      self->stylus_near = TRUE;
      reject_recent_touches (self, event->time_ms);
      return TRUE;
    case UROK_BOARD_PHASE_PROXIMITY_OUT:
      self->stylus_near = FALSE;
      self->stylus_left = TRUE;
      self->stylus_left_ms = event->time_ms;
      return TRUE;
    case UROK_BOARD_PHASE_BEGIN:
      seq = g_hash_table_lookup (self->sequences, &event->sequence);
      if (seq != NULL)
        end_sequence (self, seq, TRUE); /* its end was lost */
      begin_sequence (self, event);
      return urok_board_input_get_route (self, event->sequence) != UROK_BOARD_ROUTE_IGNORED;
    case UROK_BOARD_PHASE_UPDATE:
      seq = g_hash_table_lookup (self->sequences, &event->sequence);
      if (seq == NULL)
        return FALSE;
      seq->vx = event->x;
      seq->vy = event->y;
      if (seq->route == UROK_BOARD_ROUTE_GESTURE)
        update_pinch (self);
      else if (seq->route == UROK_BOARD_ROUTE_DRAW)
        {
          double bx, by;
          guint32 t = event->time_ms - seq->begin_ms;

          urok_board_input_view_to_board (self, event->x, event->y, &bx, &by);
          _urok_board_input_handler_for (seq->tool)->motion (self, seq, bx, by, event->pressure < 0 ? 0.5 : event->pressure, t);
          seq->bx = bx;
          seq->by = by;
        }
      return seq->route != UROK_BOARD_ROUTE_IGNORED;
    case UROK_BOARD_PHASE_END:
    case UROK_BOARD_PHASE_CANCEL:
      seq = g_hash_table_lookup (self->sequences, &event->sequence);
      if (seq == NULL)
        return FALSE;
      {
        gboolean used = seq->route != UROK_BOARD_ROUTE_IGNORED;

        end_sequence (self, seq, event->phase == UROK_BOARD_PHASE_CANCEL);
        return used;
      }
    default:
      g_return_val_if_reached (FALSE);
    }
}

void
urok_board_input_cancel_all (UrokBoardInput *self)
{
  g_autoptr(GList) all = NULL;

  g_return_if_fail (UROK_IS_BOARD_INPUT (self));

  all = g_hash_table_get_values (self->sequences);
  for (GList *l = all; l != NULL; l = l->next)
    end_sequence (self, l->data, TRUE);
  self->pens_down = 0;
}
