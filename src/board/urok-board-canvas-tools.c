/* urok-board-canvas-tools.c: the canvas's select and shape tools (their
 * actions, the selection's frame and grips, the tools' previews) and the
 * drawing instruments' part in the ink: pens snap to a ruler's or a set
 * square's edge, the compass's arcs become strokes.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-canvas-private.h"

/* Points of a compass arc: no farther apart than this (screen px). */
#define ARC_STEP_PX 2.0

static const GdkRGBA selection_blue = { 0.15f, 0.45f, 0.95f, 1 };

/* Drawing (device pixels: the canvas's snapshot is scaled by 1 / sf) */

static void
append_grip (GtkSnapshot *snapshot,
             double       x,
             double       y,
             double       size)
{
  GskRoundedRect outline;
  GdkRGBA fill = { 1, 1, 1, 0.85f };
  GdkRGBA edge[4] = { selection_blue, selection_blue, selection_blue, selection_blue };
  float widths[4] = { 3, 3, 3, 3 };
  graphene_rect_t box = GRAPHENE_RECT_INIT (x - size / 2, y - size / 2, size, size);

  gsk_rounded_rect_init_from_rect (&outline, &box, size / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &fill, &box);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &outline, widths, edge);
}

static void
append_frame (GtkSnapshot *snapshot,
              double       x,
              double       y,
              double       width,
              double       height)
{
  GskRoundedRect frame;
  GdkRGBA edge[4] = { selection_blue, selection_blue, selection_blue, selection_blue };
  float widths[4] = { 2, 2, 2, 2 };

  gsk_rounded_rect_init_from_rect (&frame, &GRAPHENE_RECT_INIT (x - 1, y - 1, width + 2, height + 2), 0);
  gtk_snapshot_append_border (snapshot, &frame, widths, edge);
}

void
_urok_board_canvas_snapshot_tools (UrokBoardCanvas *self,
                                   GtkSnapshot     *snapshot,
                                   double           scale,
                                   double           ox,
                                   double           oy)
{
  guint n_previews = urok_board_input_get_n_previews (self->input);
  int sf = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  UrokBoardRect r;

  for (guint i = 0; i < n_previews; i++)
    {
      g_autoptr(GskRenderNode) node = _urok_board_canvas_item_node (urok_board_input_get_preview (self->input, i),
                                                                     scale, ox, oy);

      gtk_snapshot_append_node (snapshot, node);
    }
  if (urok_board_input_get_tool (self->input) != UROK_BOARD_TOOL_KIND_SELECT ||
      !urok_board_input_get_selection_bounds (self->input, &r))
    return;
  if (n_previews > 0)
    {
      /* Being moved: the frame goes with the copies, the grips wait. */
      UrokBoardRect moved = { 0, 0, 0, 0 };

      for (guint i = 0; i < n_previews; i++)
        urok_board_rect_union (&moved, urok_board_item_get_bounds (urok_board_input_get_preview (self->input, i)),
                               &moved);
      append_frame (snapshot, moved.x * scale + ox, moved.y * scale + oy, moved.width * scale, moved.height * scale);
      return;
    }
  append_frame (snapshot, r.x * scale + ox, r.y * scale + oy, r.width * scale, r.height * scale);
  {
    double tx, ty;

    /* The turn grip hangs from the top edge. */
    if (urok_board_input_get_handle (self->input, UROK_BOARD_HANDLE_ROTATE, &tx, &ty))
      {
        double x = tx * scale + ox;

        gtk_snapshot_append_color (snapshot, &selection_blue,
                                   &GRAPHENE_RECT_INIT (x - 1, ty * scale + oy, 2, r.y * scale + oy - (ty * scale + oy)));
      }
  }
  for (UrokBoardHandle h = UROK_BOARD_HANDLE_TOP_LEFT; h < UROK_BOARD_N_HANDLES; h++)
    {
      double hx, hy;

      if (urok_board_input_get_handle (self->input, h, &hx, &hy))
        append_grip (snapshot, hx * scale + ox, hy * scale + oy, UROK_BOARD_HANDLE_SIZE_PX * sf);
    }
}

/* Actions */

static void
selection_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UrokBoardCanvas *self = UROK_BOARD_CANVAS (widget);

  if (g_str_equal (action_name, "board.delete-selection"))
    urok_board_input_delete_selection (self->input);
  else
    urok_board_input_duplicate_selection (self->input);
}

static void
on_selection_changed (UrokBoardInput  *input,
                      UrokBoardCanvas *self)
{
  gsize n;

  urok_board_input_get_selection (input, &n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.delete-selection", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.duplicate-selection", n > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Undo may take selected items away. */
static void
on_page_changed_for_selection (UrokBoardPage       *page,
                               const UrokBoardRect *dirty,
                               UrokBoardCanvas     *self)
{
  on_selection_changed (self->input, self);
}

void
_urok_board_canvas_tools_set_page (UrokBoardCanvas *self,
                                   UrokBoardPage   *page)
{
  if (page != NULL)
    g_signal_connect (page, "changed", G_CALLBACK (on_page_changed_for_selection), self);
  on_selection_changed (self->input, self);
}

void
_urok_board_canvas_tools_class_init (GtkWidgetClass *widget_class)
{
  static const char *const tools[] = { "select", "line", "arrow", "rectangle", "ellipse", "polygon" };
  /* Letters with Shift for the shapes: plain letters belong to the
   * presentation (l is the laser, r the ruler, p pauses). */
  static const struct { const char *action; guint key; GdkModifierType mods; } keys[] = {
    { "board.tool-select", GDK_KEY_v, 0 },
    { "board.tool-line", GDK_KEY_l, GDK_SHIFT_MASK },
    { "board.tool-arrow", GDK_KEY_a, GDK_SHIFT_MASK },
    { "board.tool-rectangle", GDK_KEY_r, GDK_SHIFT_MASK },
    { "board.tool-ellipse", GDK_KEY_e, GDK_SHIFT_MASK },
    { "board.tool-polygon", GDK_KEY_p, GDK_SHIFT_MASK },
    { "board.recognize-shapes", GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "board.delete-selection", GDK_KEY_Delete, 0 },
    { "board.duplicate-selection", GDK_KEY_d, GDK_CONTROL_MASK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *name = g_strconcat ("board.tool-", tools[i], NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, _urok_board_canvas_tool_action);
    }
  gtk_widget_class_install_action (widget_class, "board.delete-selection", NULL, selection_action);
  gtk_widget_class_install_action (widget_class, "board.duplicate-selection", NULL, selection_action);
  gtk_widget_class_install_property_action (widget_class, "board.recognize-shapes", "recognize-shapes");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action, NULL);
}

void
_urok_board_canvas_tools_init (UrokBoardCanvas *self)
{
  self->snapped = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_signal_connect (self->input, "selection-changed", G_CALLBACK (on_selection_changed), self);
  on_selection_changed (self->input, self);
}

/* The instruments */

/* From the canvas's coordinates to the instruments' (and back, with
 * @back): they are overlaid, so an offset. */
static gboolean
to_instruments (UrokBoardCanvas *self,
                double           x,
                double           y,
                double          *ix,
                double          *iy,
                gboolean         back)
{
  GtkWidget *canvas = GTK_WIDGET (self), *instruments = GTK_WIDGET (self->instruments);

  if (back)
    return gtk_widget_translate_coordinates (instruments, canvas, x, y, ix, iy);
  return gtk_widget_translate_coordinates (canvas, instruments, x, y, ix, iy);
}

/* A pen that begins within the snap tolerance of a ruler's or set
 * square's edge follows that instrument's edges to the end of its stroke
 * (a straight line along the ruler even where the hand strays), as a pen
 * held against a real ruler does. */
gboolean
_urok_board_canvas_snap_event (UrokBoardCanvas *self,
                               UrokBoardEvent  *event)
{
  static const UrokBoardInstrumentKind edges[] = {
    UROK_BOARD_INSTRUMENT_RULER, UROK_BOARD_INSTRUMENT_SET_SQUARE_45, UROK_BOARD_INSTRUMENT_SET_SQUARE_30_60,
  };
  UrokBoardInstrument *tool;
  double ix, iy, sx, sy;

  if (event->phase == UROK_BOARD_PHASE_END || event->phase == UROK_BOARD_PHASE_CANCEL)
    {
      gboolean had = g_hash_table_contains (self->snapped, &event->sequence);
      double last[2];

      /* The stroke ends where it last snapped, not off the edge. */
      if (had && self->instruments != NULL && to_instruments (self, event->x, event->y, &ix, &iy, FALSE) &&
          urok_board_instrument_snap (g_hash_table_lookup (self->snapped, &event->sequence), ix, iy, G_MAXDOUBLE,
                                      &sx, &sy) &&
          to_instruments (self, sx, sy, &last[0], &last[1], TRUE))
        {
          event->x = last[0];
          event->y = last[1];
        }
      g_hash_table_remove (self->snapped, &event->sequence);
      return had;
    }
  if (self->instruments == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->instruments)))
    return FALSE;
  if (event->phase == UROK_BOARD_PHASE_BEGIN)
    {
      UrokBoardToolKind kind = urok_board_input_get_tool (self->input);
      double best = G_MAXDOUBLE;
      UrokBoardInstrument *nearest = NULL;

      g_hash_table_remove (self->snapped, &event->sequence);
      if (event->device == UROK_BOARD_DEVICE_ERASER ||
          (kind != UROK_BOARD_TOOL_KIND_PEN && kind != UROK_BOARD_TOOL_KIND_HIGHLIGHTER) ||
          !to_instruments (self, event->x, event->y, &ix, &iy, FALSE) ||
          !urok_board_instrument_view_snap (self->instruments, ix, iy, &sx, &sy))
        return FALSE;
      /* Which instrument the view snapped to: its edges only from now. */
      for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
        {
          double tx, ty;

          tool = urok_board_instrument_view_get_instrument (self->instruments, edges[i]);
          if (tool != NULL && urok_board_instrument_snap (tool, ix, iy, G_MAXDOUBLE, &tx, &ty) &&
              hypot (tx - sx, ty - sy) < best)
            {
              best = hypot (tx - sx, ty - sy);
              nearest = tool;
            }
        }
      if (nearest == NULL || best > 0.5)
        return FALSE; /* the protractor or compass: curves are theirs */
      g_hash_table_insert (self->snapped, g_memdup2 (&event->sequence, sizeof (guint64)), g_object_ref (nearest));
    }
  tool = g_hash_table_lookup (self->snapped, &event->sequence);
  if (tool == NULL || (event->phase != UROK_BOARD_PHASE_BEGIN && event->phase != UROK_BOARD_PHASE_UPDATE))
    return FALSE;
  if (!to_instruments (self, event->x, event->y, &ix, &iy, FALSE) ||
      !urok_board_instrument_snap (tool, ix, iy, G_MAXDOUBLE, &sx, &sy) ||
      !to_instruments (self, sx, sy, &event->x, &event->y, TRUE))
    return FALSE;
  return TRUE;
}

/* The compass was turned and let go: its arc is a stroke of the current
 * colour and width, one undo step. */
static void
on_arc (UrokBoardInstrumentView *instruments,
        UrokBoardInstrument     *compass,
        double                   start,
        double                   sweep,
        UrokBoardCanvas         *self)
{
  g_autofree UrokBoardVec2 *arc = NULL;
  g_autofree UrokBoardPoint *points = NULL;
  g_autoptr(UrokBoardItem) stroke = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (self->page == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  arc = urok_board_instrument_compass_arc (compass, start, sweep, ARC_STEP_PX, &n);
  if (arc == NULL || n < 2)
    return;
  points = g_new (UrokBoardPoint, n);
  for (guint i = 0; i < n; i++)
    {
      double cx, cy, bx, by;

      if (!to_instruments (self, arc[i].x, arc[i].y, &cx, &cy, TRUE))
        return;
      urok_board_input_view_to_board (self->input, cx, cy, &bx, &by);
      points[i] = (UrokBoardPoint) { bx, by, 0.5f, i * 8 };
    }
  stroke = urok_board_item_new_stroke (urok_board_page_next_id (self->page), 0, UROK_BOARD_TOOL_PEN,
                                       urok_board_input_get_color (self->input),
                                       urok_board_input_get_width (self->input), points, n);
  if (stroke == NULL || !urok_board_page_add_item (self->page, stroke, &error))
    {
      g_warning ("The compass's arc could not be added to the board: %s",
                 error != NULL ? error->message : "invalid points");
      return;
    }
  g_ptr_array_add (self->overlay, urok_board_item_ref (stroke));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
urok_board_canvas_set_instruments (UrokBoardCanvas         *self,
                                   UrokBoardInstrumentView *instruments)
{
  g_return_if_fail (UROK_IS_BOARD_CANVAS (self));
  g_return_if_fail (instruments == NULL || UROK_IS_BOARD_INSTRUMENT_VIEW (instruments));

  if (self->instruments == instruments)
    return;
  if (self->instruments != NULL)
    g_signal_handlers_disconnect_by_data (self->instruments, self);
  g_set_weak_pointer (&self->instruments, instruments);
  g_hash_table_remove_all (self->snapped);
  if (instruments != NULL)
    g_signal_connect (instruments, "arc", G_CALLBACK (on_arc), self);
}

UrokBoardInstrumentView *
urok_board_canvas_get_instruments (UrokBoardCanvas *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_CANVAS (self), NULL);
  return self->instruments;
}

void
_urok_board_canvas_tools_dispose (UrokBoardCanvas *self)
{
  if (self->instruments != NULL)
    g_signal_handlers_disconnect_by_data (self->instruments, self);
  g_clear_weak_pointer (&self->instruments);
  g_clear_pointer (&self->snapped, g_hash_table_unref);
}
