/* urok-board-input.c: the router's settings, its view transform and its
 * live strokes; the routing itself is in urok-board-input-route.c.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-input-private.h"


G_DEFINE_FINAL_TYPE (UrokBoardInput, urok_board_input, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_TOOL,
  PROP_WIDTH,
  PROP_ERASER_RADIUS,
  PROP_PX_PER_MM,
  PROP_ZOOM_LOCKED,
  PROP_SCALE,
  PROP_OFFSET_X,
  PROP_OFFSET_Y,
  PROP_RECOGNIZE_SHAPES,
  N_PROPS
};

enum {
  LIVE_CHANGED,
  STROKE_FINISHED,
  VIEW_CHANGED,
  SELECTION_CHANGED,
  TEXT_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *const tool_names[UROK_BOARD_N_TOOL_KINDS] = {
  "pen", "highlighter", "eraser", "area-eraser",
  "select", "line", "arrow", "rectangle", "ellipse", "polygon",
  "text",
};

const char *
urok_board_tool_kind_to_string (UrokBoardToolKind kind)
{
  g_return_val_if_fail (kind < UROK_BOARD_N_TOOL_KINDS, NULL);
  return tool_names[kind];
}

gboolean
urok_board_tool_kind_from_string (const char        *name,
                                  UrokBoardToolKind *kind)
{
  for (guint i = 0; i < UROK_BOARD_N_TOOL_KINDS; i++)
    if (g_strcmp0 (name, tool_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const UrokBoardToolHandler *
_urok_board_input_handler_for (UrokBoardToolKind kind)
{
  switch (kind)
    {
    case UROK_BOARD_TOOL_KIND_PEN:
    case UROK_BOARD_TOOL_KIND_HIGHLIGHTER:
      return &_urok_board_ink_handler;
    case UROK_BOARD_TOOL_KIND_ERASER:
    case UROK_BOARD_TOOL_KIND_AREA_ERASER:
      return &_urok_board_erase_handler;
    case UROK_BOARD_TOOL_KIND_SELECT:
      return &_urok_board_select_handler;
    case UROK_BOARD_TOOL_KIND_LINE:
    case UROK_BOARD_TOOL_KIND_ARROW:
    case UROK_BOARD_TOOL_KIND_RECTANGLE:
    case UROK_BOARD_TOOL_KIND_ELLIPSE:
    case UROK_BOARD_TOOL_KIND_POLYGON:
      return &_urok_board_shape_handler;
    case UROK_BOARD_TOOL_KIND_TEXT:
      return &_urok_board_text_handler;
    case UROK_BOARD_N_TOOL_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
sequence_free (UrokBoardSequence *seq)
{
  g_clear_pointer (&seq->smoother, urok_board_smoother_free);
  g_clear_pointer (&seq->points, g_array_unref);
  g_clear_pointer (&seq->path, g_array_unref);
  g_free (seq);
}

/* Sequences ending while their stroke waits for the erasers stay alive in
 * self->live only. */
void
_urok_board_input_forget (UrokBoardInput    *self,
                          UrokBoardSequence *seq)
{
  gboolean waiting = seq->finished && g_ptr_array_find (self->live, seq, NULL);

  if (waiting)
    g_hash_table_steal (self->sequences, &seq->sequence);
  else
    g_hash_table_remove (self->sequences, &seq->sequence);
}

static void
urok_board_input_finalize (GObject *object)
{
  UrokBoardInput *self = UROK_BOARD_INPUT (object);

  /* Waiting strokes are in live only; the rest are freed by the hash. */
  for (guint i = 0; i < self->live->len; i++)
    {
      UrokBoardSequence *seq = self->live->pdata[i];

      if (seq->finished)
        sequence_free (seq);
    }
  g_clear_pointer (&self->live, g_ptr_array_unref);
  g_clear_pointer (&self->sequences, g_hash_table_unref);
  g_clear_pointer (&self->selection, g_array_unref);
  g_clear_pointer (&self->previews, g_ptr_array_unref);
  g_clear_pointer (&self->polygon, g_array_unref);
  g_clear_object (&self->page);

  G_OBJECT_CLASS (urok_board_input_parent_class)->finalize (object);
}

static void
urok_board_input_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UrokBoardInput *self = UROK_BOARD_INPUT (object);

  switch (prop_id)
    {
    case PROP_PAGE: g_value_set_object (value, self->page); break;
    case PROP_TOOL: g_value_set_int (value, self->tool); break;
    case PROP_WIDTH: g_value_set_double (value, self->width); break;
    case PROP_ERASER_RADIUS: g_value_set_double (value, self->eraser_radius); break;
    case PROP_PX_PER_MM: g_value_set_double (value, self->px_per_mm); break;
    case PROP_ZOOM_LOCKED: g_value_set_boolean (value, self->zoom_locked); break;
    case PROP_SCALE: g_value_set_double (value, self->scale); break;
    case PROP_OFFSET_X: g_value_set_double (value, self->offset_x); break;
    case PROP_OFFSET_Y: g_value_set_double (value, self->offset_y); break;
    case PROP_RECOGNIZE_SHAPES: g_value_set_boolean (value, self->recognize_shapes); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_board_input_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UrokBoardInput *self = UROK_BOARD_INPUT (object);

  switch (prop_id)
    {
    case PROP_PAGE: urok_board_input_set_page (self, g_value_get_object (value)); break;
    case PROP_TOOL: urok_board_input_set_tool (self, g_value_get_int (value)); break;
    case PROP_WIDTH: urok_board_input_set_width (self, g_value_get_double (value)); break;
    case PROP_ERASER_RADIUS: urok_board_input_set_eraser_radius (self, g_value_get_double (value)); break;
    case PROP_PX_PER_MM: urok_board_input_set_px_per_mm (self, g_value_get_double (value)); break;
    case PROP_ZOOM_LOCKED: urok_board_input_set_zoom_locked (self, g_value_get_boolean (value)); break;
    case PROP_SCALE:
      urok_board_input_set_view (self, g_value_get_double (value), self->offset_x, self->offset_y);
      break;
    case PROP_OFFSET_X:
      urok_board_input_set_view (self, self->scale, g_value_get_double (value), self->offset_y);
      break;
    case PROP_OFFSET_Y:
      urok_board_input_set_view (self, self->scale, self->offset_x, g_value_get_double (value));
      break;
    case PROP_RECOGNIZE_SHAPES:
      urok_board_input_set_recognize_shapes (self, g_value_get_boolean (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_board_input_class_init (UrokBoardInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = urok_board_input_finalize;
  object_class->get_property = urok_board_input_get_property;
  object_class->set_property = urok_board_input_set_property;

  properties[PROP_PAGE] = g_param_spec_object ("page", NULL, NULL, UROK_TYPE_BOARD_PAGE, rw);
  properties[PROP_TOOL] = g_param_spec_int ("tool", NULL, NULL, 0, UROK_BOARD_N_TOOL_KINDS - 1, 0, rw);
  properties[PROP_WIDTH] = g_param_spec_double ("width", NULL, NULL, 0.5, 200, 4, rw);
  properties[PROP_ERASER_RADIUS] = g_param_spec_double ("eraser-radius", NULL, NULL, 1, 500, 16, rw);
  properties[PROP_PX_PER_MM] = g_param_spec_double ("px-per-mm", NULL, NULL, 0.1, 100, UROK_BOARD_UNITS_PER_MM, rw);
  properties[PROP_ZOOM_LOCKED] = g_param_spec_boolean ("zoom-locked", NULL, NULL, FALSE, rw);
  properties[PROP_SCALE] = g_param_spec_double ("scale", NULL, NULL, UROK_BOARD_MIN_SCALE, UROK_BOARD_MAX_SCALE, 1, rw);
  properties[PROP_OFFSET_X] = g_param_spec_double ("offset-x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_OFFSET_Y] = g_param_spec_double ("offset-y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_RECOGNIZE_SHAPES] = g_param_spec_boolean ("recognize-shapes", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LIVE_CHANGED] = g_signal_new ("live-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        UROK_TYPE_BOARD_RECT | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[STROKE_FINISHED] = g_signal_new ("stroke-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                           UROK_TYPE_BOARD_ITEM | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[VIEW_CHANGED] = g_signal_new ("view-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[TEXT_REQUESTED] = g_signal_new ("text-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                          G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_UINT64);
}

static void
urok_board_input_init (UrokBoardInput *self)
{
  self->color = (UrokBoardColor) { 0.08f, 0.12f, 0.35f, 1 };
  self->width = 4;
  self->eraser_radius = 16;
  self->px_per_mm = UROK_BOARD_UNITS_PER_MM;
  self->scale = 1;
  self->sequences = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify)sequence_free);
  self->live = g_ptr_array_new ();
  self->selection = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->previews = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_board_item_unref);
  self->polygon = g_array_new (FALSE, FALSE, sizeof (UrokBoardPoint));
}

UrokBoardInput *
urok_board_input_new (UrokBoardPage *page)
{
  return g_object_new (UROK_TYPE_BOARD_INPUT, "page", page, NULL);
}

/* Settings */

UrokBoardPage *
urok_board_input_get_page (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), NULL);
  return self->page;
}

void
urok_board_input_set_page (UrokBoardInput *self,
                           UrokBoardPage  *page)
{
  g_return_if_fail (UROK_IS_BOARD_INPUT (self));
  g_return_if_fail (page == NULL || UROK_IS_BOARD_PAGE (page));

  if (self->page == page)
    return;
  urok_board_input_cancel_all (self);
  _urok_board_input_drop_polygon (self);
  g_set_object (&self->page, page);
  urok_board_input_clear_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

UrokBoardToolKind
urok_board_input_get_tool (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), 0);
  return self->tool;
}

/* Strokes already begun keep their tool: a student mid-letter is not
 * turned into an eraser by the teacher's click on the palette. */
void
urok_board_input_set_tool (UrokBoardInput    *self,
                           UrokBoardToolKind  tool)
{
  g_return_if_fail (UROK_IS_BOARD_INPUT (self));
  g_return_if_fail (tool < UROK_BOARD_N_TOOL_KINDS);

  if (self->tool == tool)
    return;
  /* A half-tapped polygon and the selection's grips belong to their tool. */
  _urok_board_input_drop_polygon (self);
  if (tool != UROK_BOARD_TOOL_KIND_SELECT)
    urok_board_input_clear_selection (self);
  self->tool = tool;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

const UrokBoardColor *
urok_board_input_get_color (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), NULL);
  return &self->color;
}

void
urok_board_input_set_color (UrokBoardInput       *self,
                            const UrokBoardColor *color)
{
  g_return_if_fail (UROK_IS_BOARD_INPUT (self));
  g_return_if_fail (color != NULL);
  self->color = *color;
}

double
urok_board_input_get_width (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), 0);
  return self->width;
}

void
urok_board_input_set_width (UrokBoardInput *self,
                            double          width)
{
  g_return_if_fail (UROK_IS_BOARD_INPUT (self));
  width = CLAMP (width, 0.5, 200);
  if (self->width == width)
    return;
  self->width = width;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
}

double
urok_board_input_get_eraser_radius (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), 0);
  return self->eraser_radius;
}

void
urok_board_input_set_eraser_radius (UrokBoardInput *self,
                                    double          radius)
{
  g_return_if_fail (UROK_IS_BOARD_INPUT (self));
  radius = CLAMP (radius, 1, 500);
  if (self->eraser_radius == radius)
    return;
  self->eraser_radius = radius;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERASER_RADIUS]);
}

double
urok_board_input_get_px_per_mm (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), 0);
  return self->px_per_mm;
}

void
urok_board_input_set_px_per_mm (UrokBoardInput *self,
                                double          px_per_mm)
{
  g_return_if_fail (UROK_IS_BOARD_INPUT (self));
  g_return_if_fail (px_per_mm > 0);
  if (self->px_per_mm == px_per_mm)
    return;
  self->px_per_mm = px_per_mm;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PX_PER_MM]);
}

gboolean
urok_board_input_get_zoom_locked (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), FALSE);
  return self->zoom_locked;
}

void
urok_board_input_set_zoom_locked (UrokBoardInput *self,
                                  gboolean        locked)
{
  g_return_if_fail (UROK_IS_BOARD_INPUT (self));
  locked = !!locked;
  if (self->zoom_locked == locked)
    return;
  self->zoom_locked = locked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_LOCKED]);
}

/* The view */

double
urok_board_input_get_scale (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), 1);
  return self->scale;
}

double
urok_board_input_get_offset_x (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), 0);
  return self->offset_x;
}

double
urok_board_input_get_offset_y (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), 0);
  return self->offset_y;
}

void
urok_board_input_set_view (UrokBoardInput *self,
                           double          scale,
                           double          offset_x,
                           double          offset_y)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (UROK_IS_BOARD_INPUT (self));
  g_return_if_fail (isfinite (scale) && isfinite (offset_x) && isfinite (offset_y));

  scale = CLAMP (scale, UROK_BOARD_MIN_SCALE, UROK_BOARD_MAX_SCALE);
  if (scale == self->scale && offset_x == self->offset_x && offset_y == self->offset_y)
    return;
  g_object_freeze_notify (object);
  if (scale != self->scale)
    g_object_notify_by_pspec (object, properties[PROP_SCALE]);
  if (offset_x != self->offset_x)
    g_object_notify_by_pspec (object, properties[PROP_OFFSET_X]);
  if (offset_y != self->offset_y)
    g_object_notify_by_pspec (object, properties[PROP_OFFSET_Y]);
  self->scale = scale;
  self->offset_x = offset_x;
  self->offset_y = offset_y;
  g_signal_emit (self, signals[VIEW_CHANGED], 0);
  g_object_thaw_notify (object);
}

void
urok_board_input_zoom_at (UrokBoardInput *self,
                          double          factor,
                          double          cx,
                          double          cy)
{
  double bx, by, scale;

  g_return_if_fail (UROK_IS_BOARD_INPUT (self));
  g_return_if_fail (factor > 0);

  urok_board_input_view_to_board (self, cx, cy, &bx, &by);
  scale = CLAMP (self->scale * factor, UROK_BOARD_MIN_SCALE, UROK_BOARD_MAX_SCALE);
  urok_board_input_set_view (self, scale, cx - bx * scale, cy - by * scale);
}

void
urok_board_input_pan (UrokBoardInput *self,
                      double          dx,
                      double          dy)
{
  g_return_if_fail (UROK_IS_BOARD_INPUT (self));
  urok_board_input_set_view (self, self->scale, self->offset_x + dx, self->offset_y + dy);
}

void
urok_board_input_view_to_board (UrokBoardInput *self,
                                double          vx,
                                double          vy,
                                double         *bx,
                                double         *by)
{
  g_return_if_fail (UROK_IS_BOARD_INPUT (self));
  *bx = (vx - self->offset_x) / self->scale;
  *by = (vy - self->offset_y) / self->scale;
}

/* For the tool handlers */

UrokBoardPage *
_urok_board_input_page (UrokBoardInput *self)
{
  return self->page;
}

double
_urok_board_input_eraser_radius (UrokBoardInput *self)
{
  return self->eraser_radius;
}

void
_urok_board_input_fill_style (UrokBoardInput    *self,
                              UrokBoardSequence *seq)
{
  seq->color = self->color;
  seq->width = self->width;
  seq->ink = seq->tool == UROK_BOARD_TOOL_KIND_HIGHLIGHTER ? UROK_BOARD_TOOL_HIGHLIGHTER : UROK_BOARD_TOOL_PEN;
  if (seq->ink == UROK_BOARD_TOOL_HIGHLIGHTER)
    seq->width = self->width * 4; /* a highlighter covers a line of text */
}

void
_urok_board_input_live_changed (UrokBoardInput      *self,
                                const UrokBoardRect *dirty)
{
  g_signal_emit (self, signals[LIVE_CHANGED], 0, dirty);
}

void
_urok_board_input_add_live (UrokBoardInput    *self,
                            UrokBoardSequence *seq)
{
  g_ptr_array_add (self->live, seq);
}

void
_urok_board_input_drop_live (UrokBoardInput    *self,
                             UrokBoardSequence *seq)
{
  if (g_ptr_array_remove (self->live, seq) && seq->finished)
    sequence_free (seq); /* its sequence ended: live held the last ref */
}

void
_urok_board_input_commit (UrokBoardInput    *self,
                          UrokBoardSequence *seq)
{
  g_autoptr(UrokBoardItem) item = NULL;
  g_autoptr(GError) error = NULL;
  UrokBoardRect dirty;

  if (self->page == NULL || seq->points == NULL || seq->points->len == 0)
    {
      _urok_board_input_drop_live (self, seq);
      return;
    }
  item = urok_board_item_new_stroke (urok_board_page_next_id (self->page), 0, seq->ink, &seq->color,
                                     seq->width, (const UrokBoardPoint *)(gpointer)seq->points->data,
                                     seq->points->len);
  dirty = *urok_board_item_get_bounds (item);
  /* Off the live list first: the page's "changed" redraws the tiles, and
   * the stroke must not show twice in that frame. */
  _urok_board_input_drop_live (self, seq);
  if (!urok_board_page_add_item (self->page, item, &error))
    {
      g_warning ("A stroke could not be added to the board: %s", error->message);
      return;
    }
  _urok_board_input_live_changed (self, &dirty);
  if (self->recognize_shapes && seq->ink == UROK_BOARD_TOOL_PEN)
    {
      g_autoptr(UrokBoardItem) shape = _urok_board_input_recognize (self, item);

      /* A step of its own: undo gives back the hand-drawn stroke. */
      if (shape != NULL && urok_board_page_replace_item (self->page, shape, NULL))
        {
          urok_board_item_unref (item);
          item = urok_board_item_ref (shape);
        }
    }
  g_signal_emit (self, signals[STROKE_FINISHED], 0, item);
}

void
_urok_board_input_text_requested (UrokBoardInput *self,
                                  double          x,
                                  double          y,
                                  guint64         id)
{
  g_signal_emit (self, signals[TEXT_REQUESTED], 0, x, y, id);
}

void
_urok_board_input_eraser_hold (UrokBoardInput *self)
{
  if (self->eraser_holds++ == 0 && self->page != NULL)
    urok_board_page_begin_group (self->page);
}

void
_urok_board_input_eraser_release (UrokBoardInput *self)
{
  g_return_if_fail (self->eraser_holds > 0);

  if (--self->eraser_holds > 0)
    return;
  if (self->page != NULL)
    urok_board_page_end_group (self->page);
  /* Strokes that finished while the eraser worked, in the order drawn. */
  for (guint i = 0; i < self->live->len;)
    {
      UrokBoardSequence *seq = self->live->pdata[i];

      if (seq->finished)
        _urok_board_input_commit (self, seq);
      else
        i++;
    }
}

gboolean
_urok_board_input_erasers_active (UrokBoardInput *self)
{
  return self->eraser_holds > 0;
}

/* Live strokes */

guint
urok_board_input_get_n_live (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), 0);
  return self->live->len;
}

const UrokBoardPoint *
urok_board_input_get_live (UrokBoardInput *self,
                           guint           index,
                           gsize          *n_points,
                           guint64        *sequence,
                           UrokBoardTool  *tool,
                           UrokBoardColor *color,
                           float          *width)
{
  UrokBoardSequence *seq;

  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), NULL);
  if (index >= self->live->len)
    return NULL;
  seq = self->live->pdata[index];
  if (n_points != NULL)
    *n_points = seq->points->len;
  if (sequence != NULL)
    *sequence = seq->sequence;
  if (tool != NULL)
    *tool = seq->ink;
  if (color != NULL)
    *color = seq->color;
  if (width != NULL)
    *width = seq->width;
  return (const UrokBoardPoint *)(gpointer)seq->points->data;
}

/* Shape recognition */

gboolean
urok_board_input_get_recognize_shapes (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), FALSE);
  return self->recognize_shapes;
}

void
urok_board_input_set_recognize_shapes (UrokBoardInput *self,
                                       gboolean        recognize)
{
  g_return_if_fail (UROK_IS_BOARD_INPUT (self));

  recognize = !!recognize;
  if (self->recognize_shapes == recognize)
    return;
  self->recognize_shapes = recognize;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOGNIZE_SHAPES]);
}

UrokBoardItem *
_urok_board_input_recognize (UrokBoardInput *self,
                             UrokBoardItem  *stroke)
{
  /* The same id: replacing the stroke keeps its place in the z-order. */
  return urok_board_ink_recognize_shape (stroke, urok_board_item_get_id (stroke));
}

/* Previews */

guint
urok_board_input_get_n_previews (UrokBoardInput *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), 0);
  return self->previews->len;
}

UrokBoardItem *
urok_board_input_get_preview (UrokBoardInput *self,
                              guint           index)
{
  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), NULL);
  return index < self->previews->len ? self->previews->pdata[index] : NULL;
}

void
_urok_board_input_set_previews (UrokBoardInput *self,
                                GPtrArray      *items)
{
  UrokBoardRect area = { 0, 0, 0, 0 }, dirty;

  g_ptr_array_set_size (self->previews, 0);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      g_ptr_array_add (self->previews, urok_board_item_ref (items->pdata[i]));
      urok_board_rect_union (&area, urok_board_item_get_bounds (items->pdata[i]), &area);
    }
  if (items != NULL)
    g_ptr_array_unref (items);
  if (area.width <= 0 && area.height <= 0)
    dirty = self->previews_area;
  else
    urok_board_rect_union (&self->previews_area, &area, &dirty);
  self->previews_area = area;
  if (dirty.width > 0 || dirty.height > 0)
    {
      /* Arrow heads and grips reach a little beyond the bounds. */
      dirty.x -= 8;
      dirty.y -= 8;
      dirty.width += 16;
      dirty.height += 16;
      _urok_board_input_live_changed (self, &dirty);
    }
}

void
_urok_board_input_finished (UrokBoardInput *self,
                            UrokBoardItem  *item)
{
  g_signal_emit (self, signals[STROKE_FINISHED], 0, item);
}

void
_urok_board_input_selection_changed (UrokBoardInput *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}
