/* urok-board-canvas.c: the whiteboard widget: its page drawn from cached
 * tiles, live ink drawn incrementally on top, and its board.* actions.
 * Events are turned into router events in urok-board-canvas-events.c.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-canvas-private.h"
#include "urok-board-palette.h"
#include "urok-board-render.h"

/* Live ink is drawn in chunks of this many points; a finished chunk is a
 * render node kept until the stroke ends, so a frame draws only the tip. */
#define LIVE_CHUNK 32
/* How long the scale must be still before sharp tiles are requested. */
#define SETTLE_MS 120
#define ZOOM_STEP 1.25
#define PAN_STEP 80.0
/* Tiles kept: two 4K screens' worth at two scales. */
#define TILE_MEMORY ((gsize)160 * 1024 * 1024)

typedef struct
{
  guint64    sequence;
  double     scale;
  double     ox;
  double     oy;
  gsize      done;    /* points drawn into chunks */
  GPtrArray *chunks;  /* GskRenderNode */
} LiveCache;

G_DEFINE_FINAL_TYPE (UrokBoardCanvas, urok_board_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_TOOL,
  PROP_COLOR,
  PROP_WIDTH,
  PROP_ZOOM_LOCKED,
  PROP_SHOW_PALETTE,
  PROP_RECOGNIZE_SHAPES,
  PROP_BACKGROUND,
  PROP_TRANSPARENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
live_cache_free (LiveCache *cache)
{
  g_clear_pointer (&cache->chunks, g_ptr_array_unref);
  g_free (cache);
}

/* Drawing */

static void
device_view (UrokBoardCanvas *self,
             double          *scale,
             double          *ox,
             double          *oy)
{
  int sf = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  *scale = urok_board_input_get_scale (self->input) * sf;
  /* Whole device pixels: tiles land on the pixel grid, sharp. */
  *ox = round (urok_board_input_get_offset_x (self->input) * sf);
  *oy = round (urok_board_input_get_offset_y (self->input) * sf);
}

/* A node drawing @item (board units) at the device view. */
GskRenderNode *
_urok_board_canvas_item_node (const UrokBoardItem *item,
                              double               scale,
                              double               ox,
                              double               oy)
{
  const UrokBoardRect *b = urok_board_item_get_bounds (item);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  graphene_rect_t bounds;
  cairo_t *cr;

  bounds.origin.x = floor (b->x * scale + ox) - 1;
  bounds.origin.y = floor (b->y * scale + oy) - 1;
  bounds.size.width = ceil (b->width * scale) + 3;
  bounds.size.height = ceil (b->height * scale) + 3;
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, scale, scale);
  urok_board_render_item (cr, item, UROK_BOARD_RENDER_LOD_PX / scale);
  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static GskRenderNode *
points_node (UrokBoardTool         tool,
             const UrokBoardColor *color,
             float                 width,
             const UrokBoardPoint *points,
             gsize                 n,
             double                scale,
             double                ox,
             double                oy)
{
  g_autoptr(UrokBoardItem) item = urok_board_item_new_stroke (1, 0, tool, color, width, points, n);

  return _urok_board_canvas_item_node (item, scale, ox, oy);
}

static LiveCache *
live_cache_for (UrokBoardCanvas *self,
                guint64          sequence,
                double           scale,
                double           ox,
                double           oy)
{
  LiveCache *cache = NULL;

  for (guint i = 0; i < self->live_cache->len && cache == NULL; i++)
    if (((LiveCache *)self->live_cache->pdata[i])->sequence == sequence)
      cache = self->live_cache->pdata[i];
  if (cache == NULL)
    {
      cache = g_new0 (LiveCache, 1);
      cache->sequence = sequence;
      cache->chunks = g_ptr_array_new_with_free_func ((GDestroyNotify)gsk_render_node_unref);
      g_ptr_array_add (self->live_cache, cache);
    }
  if (cache->scale != scale || cache->ox != ox || cache->oy != oy)
    {
      /* The view moved under the pen: the chunks are drawn again. */
      g_ptr_array_set_size (cache->chunks, 0);
      cache->done = 0;
      cache->scale = scale;
      cache->ox = ox;
      cache->oy = oy;
    }
  return cache;
}

static void
snapshot_live (UrokBoardCanvas *self,
               GtkSnapshot     *snapshot,
               double           scale,
               double           ox,
               double           oy)
{
  guint n_live = urok_board_input_get_n_live (self->input);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  for (guint i = 0; i < n_live; i++)
    {
      UrokBoardTool tool;
      UrokBoardColor color;
      float width;
      guint64 sequence;
      gsize n;
      const UrokBoardPoint *p = urok_board_input_get_live (self->input, i, &n, &sequence, &tool, &color, &width);
      LiveCache *cache;
      g_autoptr(GskRenderNode) tail = NULL;

      if (n == 0)
        continue;
      cache = live_cache_for (self, sequence, scale, ox, oy);
      g_ptr_array_add (seen, cache);
      /* A highlighter is translucent: overlapping chunks would show their
       * seams, so it is drawn whole (it is short and straight). */
      if (tool == UROK_BOARD_TOOL_PEN)
        while (n - cache->done > LIVE_CHUNK + 1)
          {
            g_ptr_array_add (cache->chunks, points_node (tool, &color, width, p + cache->done, LIVE_CHUNK + 1,
                                                         scale, ox, oy));
            cache->done += LIVE_CHUNK;
          }
      for (guint c = 0; c < cache->chunks->len; c++)
        gtk_snapshot_append_node (snapshot, cache->chunks->pdata[c]);
      tail = points_node (tool, &color, width, p + cache->done, n - cache->done, scale, ox, oy);
      gtk_snapshot_append_node (snapshot, tail);
    }
  for (guint i = 0; i < self->live_cache->len;)
    if (!g_ptr_array_find (seen, self->live_cache->pdata[i], NULL))
      g_ptr_array_remove_index_fast (self->live_cache, i);
    else
      i++;
}

static void
urok_board_canvas_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  UrokBoardCanvas *self = UROK_BOARD_CANVAS (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int sf = gtk_widget_get_scale_factor (widget);
  double scale, ox, oy;
  GdkRGBA desk = { 0.36f, 0.38f, 0.40f, 1 };

  if (!self->transparent)
    gtk_snapshot_append_color (snapshot, &desk, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->page != NULL)
    {
      device_view (self, &scale, &ox, &oy);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_scale (snapshot, 1.0 / sf, 1.0 / sf);
      urok_board_tiles_snapshot (self->tiles, snapshot, scale, ox, oy, width * sf, height * sf, self->settled);
      /* Strokes just finished, until their tiles are drawn again. */
      for (guint i = 0; i < self->overlay->len;)
        {
          const UrokBoardItem *item = self->overlay->pdata[i];

          if (self->settled && urok_board_tiles_is_current (self->tiles, scale, urok_board_item_get_bounds (item)))
            {
              g_ptr_array_remove_index (self->overlay, i);
              continue;
            }
          {
            g_autoptr(GskRenderNode) node = _urok_board_canvas_item_node (item, scale, ox, oy);

            gtk_snapshot_append_node (snapshot, node);
          }
          i++;
        }
      snapshot_live (self, snapshot, scale, ox, oy);
      _urok_board_canvas_snapshot_tools (self, snapshot, scale, ox, oy);
      gtk_snapshot_restore (snapshot);
      gtk_snapshot_pop (snapshot);
    }
  _urok_board_canvas_text_snapshot (self, snapshot);
  if (self->palette != NULL && gtk_widget_get_visible (self->palette) && self->palette_fits)
    gtk_widget_snapshot_child (widget, self->palette, snapshot);
}

/* Page and view */

static void
on_tiles_ready (gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (user_data));
}

static void
on_page_changed (UrokBoardPage       *page,
                 const UrokBoardRect *dirty,
                 UrokBoardCanvas     *self)
{
  urok_board_tiles_invalidate (self->tiles, dirty);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_page_settings (UrokBoardPage   *page,
                  GParamSpec      *pspec,
                  UrokBoardCanvas *self)
{
  /* Size or background: every tile is another picture now. */
  if (g_str_equal (g_param_spec_get_name (pspec), "background"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKGROUND]);
  urok_board_tiles_set_page (self->tiles, NULL);
  urok_board_tiles_set_page (self->tiles, page);
  if (self->fitted)
    urok_board_canvas_zoom_reset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_history (UrokBoardPage   *page,
            GParamSpec      *pspec,
            UrokBoardCanvas *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.undo", urok_board_page_can_undo (page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.redo", urok_board_page_can_redo (page));
}

static gboolean
settle_cb (gpointer data)
{
  UrokBoardCanvas *self = data;

  self->settle_id = 0;
  self->settled = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
on_view_changed (UrokBoardInput  *input,
                 UrokBoardCanvas *self)
{
  double scale = urok_board_input_get_scale (input);

  /* A pan keeps the scale: its new tiles are wanted at once. */
  if (scale != self->last_scale)
    {
      self->last_scale = scale;
      self->settled = FALSE;
      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_live_changed (UrokBoardInput      *input,
                 const UrokBoardRect *dirty,
                 UrokBoardCanvas     *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_stroke_finished (UrokBoardInput  *input,
                    UrokBoardItem   *item,
                    UrokBoardCanvas *self)
{
  g_ptr_array_add (self->overlay, urok_board_item_ref (item));
}

UrokBoardPage *
urok_board_canvas_get_page (UrokBoardCanvas *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_CANVAS (self), NULL);
  return self->page;
}

void
urok_board_canvas_set_page (UrokBoardCanvas *self,
                            UrokBoardPage   *page)
{
  g_return_if_fail (UROK_IS_BOARD_CANVAS (self));
  g_return_if_fail (page == NULL || UROK_IS_BOARD_PAGE (page));

  if (self->page == page)
    return;
  _urok_board_canvas_text_commit (self);
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  g_set_object (&self->page, page);
  urok_board_input_set_page (self->input, page);
  urok_board_tiles_set_page (self->tiles, page);
  g_ptr_array_set_size (self->overlay, 0);
  if (page != NULL)
    {
      g_signal_connect (page, "changed", G_CALLBACK (on_page_changed), self);
      g_signal_connect (page, "notify::width", G_CALLBACK (on_page_settings), self);
      g_signal_connect (page, "notify::height", G_CALLBACK (on_page_settings), self);
      g_signal_connect (page, "notify::background", G_CALLBACK (on_page_settings), self);
      g_signal_connect (page, "notify::background-data", G_CALLBACK (on_page_settings), self);
      g_signal_connect (page, "notify::background-parameter", G_CALLBACK (on_page_settings), self);
      g_signal_connect (page, "notify::can-undo", G_CALLBACK (on_history), self);
      g_signal_connect (page, "notify::can-redo", G_CALLBACK (on_history), self);
      on_history (page, NULL, self);
    }
  _urok_board_canvas_tools_set_page (self, page);
  self->fitted = TRUE;
  urok_board_canvas_zoom_reset (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKGROUND]);
}

void
urok_board_canvas_zoom_reset (UrokBoardCanvas *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_if_fail (UROK_IS_BOARD_CANVAS (self));

  self->fitted = TRUE;
  if (self->page == NULL || urok_board_page_is_infinite (self->page) || w <= 0 || h <= 0)
    {
      urok_board_input_set_view (self->input, 1, 0, 0);
      return;
    }
  {
    double pw = urok_board_page_get_width (self->page), ph = urok_board_page_get_height (self->page);
    double scale = MIN (w / pw, h / ph);

    urok_board_input_set_view (self->input, scale, round ((w - pw * scale) / 2), round ((h - ph * scale) / 2));
  }
}

UrokBoardInput *
urok_board_canvas_get_input (UrokBoardCanvas *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_CANVAS (self), NULL);
  return self->input;
}

gboolean
urok_board_canvas_feed_event (UrokBoardCanvas      *self,
                              const UrokBoardEvent *event)
{
  UrokBoardEvent snapped;

  g_return_val_if_fail (UROK_IS_BOARD_CANVAS (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  /* A tap outside an open text box finishes the text (and only that). */
  if (event->phase == UROK_BOARD_PHASE_BEGIN && _urok_board_canvas_text_commit (self))
    return TRUE;
  snapped = *event;
  _urok_board_canvas_snap_event (self, &snapped);
  return urok_board_input_handle_event (self->input, &snapped);
}

gboolean
urok_board_canvas_get_show_palette (UrokBoardCanvas *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_CANVAS (self), FALSE);
  return gtk_widget_get_visible (self->palette);
}

void
urok_board_canvas_set_show_palette (UrokBoardCanvas *self,
                                    gboolean         show)
{
  g_return_if_fail (UROK_IS_BOARD_CANVAS (self));
  if (gtk_widget_get_visible (self->palette) == !!show)
    return;
  gtk_widget_set_visible (self->palette, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PALETTE]);
}

gboolean
urok_board_canvas_get_transparent (UrokBoardCanvas *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_CANVAS (self), FALSE);
  return self->transparent;
}

void
urok_board_canvas_set_transparent (UrokBoardCanvas *self,
                                   gboolean         transparent)
{
  g_return_if_fail (UROK_IS_BOARD_CANVAS (self));
  transparent = !!transparent;
  if (self->transparent == transparent)
    return;
  self->transparent = transparent;
  urok_board_tiles_set_transparent (self->tiles, transparent);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSPARENT]);
}

/* For tests and benchmarks */

guint
urok_board_canvas_get_n_pending_tiles (UrokBoardCanvas *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_CANVAS (self), 0);
  return urok_board_tiles_get_n_pending (self->tiles);
}

void
urok_board_canvas_request_tiles (UrokBoardCanvas *self)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  g_return_if_fail (UROK_IS_BOARD_CANVAS (self));
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settled = TRUE;
  urok_board_canvas_snapshot (GTK_WIDGET (self), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

void
urok_board_canvas_wait_tiles (UrokBoardCanvas *self)
{
  g_return_if_fail (UROK_IS_BOARD_CANVAS (self));
  urok_board_tiles_wait (self->tiles);
}

GdkTexture *
urok_board_canvas_render_texture (UrokBoardCanvas *self)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GtkNative *native;
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_val_if_fail (UROK_IS_BOARD_CANVAS (self), NULL);
  native = gtk_widget_get_native (GTK_WIDGET (self));
  g_return_val_if_fail (native != NULL && width > 0 && height > 0, NULL);

  urok_board_canvas_snapshot (GTK_WIDGET (self), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Actions */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UrokBoardCanvas *self = UROK_BOARD_CANVAS (widget);
  double cx = gtk_widget_get_width (widget) / 2.0, cy = gtk_widget_get_height (widget) / 2.0;

  if (g_str_equal (action_name, "board.zoom-reset"))
    {
      urok_board_canvas_zoom_reset (self);
      return;
    }
  self->fitted = FALSE;
  urok_board_input_zoom_at (self->input, g_str_equal (action_name, "board.zoom-in") ? ZOOM_STEP : 1 / ZOOM_STEP,
                            cx, cy);
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  UrokBoardCanvas *self = UROK_BOARD_CANVAS (widget);
  const char *where = action_name + strlen ("board.pan-");

  self->fitted = FALSE;
  /* The arrow says where the view goes: the board moves the other way. */
  urok_board_input_pan (self->input,
                        g_str_equal (where, "left") ? PAN_STEP : g_str_equal (where, "right") ? -PAN_STEP : 0,
                        g_str_equal (where, "up") ? PAN_STEP : g_str_equal (where, "down") ? -PAN_STEP : 0);
}

/* board.tool-NAME: the tool is the action's name. */
void
_urok_board_canvas_tool_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  g_object_set (widget, "tool", action_name + strlen ("board.tool-"), NULL);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UrokBoardCanvas *self = UROK_BOARD_CANVAS (widget);

  if (self->page == NULL)
    return;
  /* Ink in the air would land on a page that moved under it. */
  urok_board_input_cancel_all (self->input);
  if (g_str_equal (action_name, "board.undo"))
    urok_board_page_undo (self->page);
  else
    urok_board_page_redo (self->page);
}

/* Properties */

static char *
color_to_string (const UrokBoardColor *c)
{
  return g_strdup_printf ("#%02x%02x%02x", (int)lround (c->red * 255), (int)lround (c->green * 255),
                          (int)lround (c->blue * 255));
}

static void
set_color_string (UrokBoardCanvas *self,
                  const char      *text)
{
  GdkRGBA rgba;
  UrokBoardColor color;

  if (text == NULL || !gdk_rgba_parse (&rgba, text))
    return;
  color = (UrokBoardColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
  urok_board_input_set_color (self->input, &color);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

/* A paper (not an image or PDF, which come with their data) is a page
 * setting: the store saves it with the page. */
static void
set_background_string (UrokBoardCanvas *self,
                       const char      *name)
{
  UrokBoardBackground background;

  if (self->page == NULL || name == NULL || !urok_board_background_from_string (name, &background)
      || background == UROK_BOARD_BACKGROUND_IMAGE || background == UROK_BOARD_BACKGROUND_PDF)
    return;
  if (urok_board_page_get_background (self->page) == background)
    return;
  /* The picture of an old image or PDF background is not kept unseen. */
  urok_board_page_set_background_data (self->page, NULL);
  urok_board_page_set_background_parameter (self->page, NULL);
  urok_board_page_set_background (self->page, background);
}

static void
on_input_notify (UrokBoardInput  *input,
                 GParamSpec      *pspec,
                 UrokBoardCanvas *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "tool"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
  else if (g_str_equal (name, "width"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
  else if (g_str_equal (name, "zoom-locked"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_LOCKED]);
  else if (g_str_equal (name, "recognize-shapes"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOGNIZE_SHAPES]);
}

/* The palette is drawn only once it has been placed again: after the
 * canvas moved to another parent, or a setting its buttons show changed,
 * another window's paintable of this one (the presenter's view of the
 * class's) may draw before this window's layout. */
static void
replace_palette (UrokBoardCanvas *self)
{
  self->palette_fits = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
urok_board_canvas_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (urok_board_canvas_parent_class)->root (widget);
  replace_palette (UROK_BOARD_CANVAS (widget));
}

static void
urok_board_canvas_dispatch_properties_changed (GObject     *object,
                                               guint        n_pspecs,
                                               GParamSpec **pspecs)
{
  G_OBJECT_CLASS (urok_board_canvas_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
  replace_palette (UROK_BOARD_CANVAS (object));
}

static void
urok_board_canvas_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UrokBoardCanvas *self = UROK_BOARD_CANVAS (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_object (value, self->page);
      break;
    case PROP_TOOL:
      g_value_set_string (value, urok_board_tool_kind_to_string (urok_board_input_get_tool (self->input)));
      break;
    case PROP_COLOR:
      g_value_take_string (value, color_to_string (urok_board_input_get_color (self->input)));
      break;
    case PROP_WIDTH:
      g_value_set_double (value, urok_board_input_get_width (self->input));
      break;
    case PROP_ZOOM_LOCKED:
      g_value_set_boolean (value, urok_board_input_get_zoom_locked (self->input));
      break;
    case PROP_SHOW_PALETTE:
      g_value_set_boolean (value, urok_board_canvas_get_show_palette (self));
      break;
    case PROP_RECOGNIZE_SHAPES:
      g_value_set_boolean (value, urok_board_input_get_recognize_shapes (self->input));
      break;
    case PROP_BACKGROUND:
      g_value_set_string (value, urok_board_background_to_string (self->page != NULL ? urok_board_page_get_background (self->page)
                                                                                     : UROK_BOARD_BACKGROUND_PLAIN));
      break;
    case PROP_TRANSPARENT:
      g_value_set_boolean (value, self->transparent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_board_canvas_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UrokBoardCanvas *self = UROK_BOARD_CANVAS (object);
  UrokBoardToolKind kind;

  switch (prop_id)
    {
    case PROP_PAGE:
      urok_board_canvas_set_page (self, g_value_get_object (value));
      break;
    case PROP_TOOL:
      if (urok_board_tool_kind_from_string (g_value_get_string (value), &kind))
        urok_board_input_set_tool (self->input, kind);
      break;
    case PROP_COLOR:
      set_color_string (self, g_value_get_string (value));
      break;
    case PROP_WIDTH:
      urok_board_input_set_width (self->input, g_value_get_double (value));
      break;
    case PROP_ZOOM_LOCKED:
      urok_board_input_set_zoom_locked (self->input, g_value_get_boolean (value));
      break;
    case PROP_SHOW_PALETTE:
      urok_board_canvas_set_show_palette (self, g_value_get_boolean (value));
      break;
    case PROP_RECOGNIZE_SHAPES:
      urok_board_input_set_recognize_shapes (self->input, g_value_get_boolean (value));
      break;
    case PROP_BACKGROUND:
      set_background_string (self, g_value_get_string (value));
      break;
    case PROP_TRANSPARENT:
      urok_board_canvas_set_transparent (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Layout: the palette floats at the bottom, centred. */

static void
urok_board_canvas_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  /* Any size: a palette that does not fit is not shown. */
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 360;
}

static void
urok_board_canvas_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  UrokBoardCanvas *self = UROK_BOARD_CANVAS (widget);

  if (gtk_widget_get_visible (self->palette))
    {
      int min_w, w, min_h, h;

      gtk_widget_measure (self->palette, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &w, NULL, NULL);
      w = CLAMP (width, min_w, w);
      gtk_widget_measure (self->palette, GTK_ORIENTATION_VERTICAL, w, &min_h, &h, NULL, NULL);
      self->palette_fits = w <= width && h + 12 <= height;
      if (self->palette_fits)
        gtk_widget_allocate (self->palette, w, h, -1,
                             gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT ((width - w) / 2, height - h - 12)));
    }
  if (self->fitted)
    urok_board_canvas_zoom_reset (self);
  _urok_board_canvas_text_allocate (self);
}

/* The hand's span is in millimetres: the screen says how many pixels
 * that is (a 65" panel has far fewer per mm than a laptop). */
static void
urok_board_canvas_map (GtkWidget *widget)
{
  UrokBoardCanvas *self = UROK_BOARD_CANVAS (widget);
  GtkNative *native;
  GdkSurface *surface;
  GdkMonitor *monitor = NULL;

  GTK_WIDGET_CLASS (urok_board_canvas_parent_class)->map (widget);

  native = gtk_widget_get_native (widget);
  surface = native != NULL ? gtk_native_get_surface (native) : NULL;
  if (surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget), surface);
  if (monitor != NULL && gdk_monitor_get_width_mm (monitor) > 0)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      urok_board_input_set_px_per_mm (self->input, (double)geometry.width / gdk_monitor_get_width_mm (monitor));
    }
}

static void
urok_board_canvas_dispose (GObject *object)
{
  UrokBoardCanvas *self = UROK_BOARD_CANVAS (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
  g_clear_object (&self->page);
  _urok_board_canvas_text_dispose (self);
  g_clear_pointer (&self->palette, gtk_widget_unparent);
  if (self->input != NULL)
    g_signal_handlers_disconnect_by_data (self->input, self);
  g_clear_object (&self->input);
  g_clear_pointer (&self->tiles, urok_board_tiles_free);
  g_clear_pointer (&self->overlay, g_ptr_array_unref);
  g_clear_pointer (&self->live_cache, g_ptr_array_unref);
  _urok_board_canvas_tools_dispose (self);

  G_OBJECT_CLASS (urok_board_canvas_parent_class)->dispose (object);
}

static void
urok_board_canvas_class_init (UrokBoardCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  static const struct { const char *action; guint key; GdkModifierType mods; } keys[] = {
    { "board.zoom-in", GDK_KEY_plus, 0 },
    { "board.zoom-in", GDK_KEY_equal, 0 },
    { "board.zoom-in", GDK_KEY_KP_Add, 0 },
    { "board.zoom-out", GDK_KEY_minus, 0 },
    { "board.zoom-out", GDK_KEY_KP_Subtract, 0 },
    { "board.zoom-reset", GDK_KEY_0, 0 },
    { "board.zoom-reset", GDK_KEY_KP_0, 0 },
    { "board.pan-left", GDK_KEY_Left, 0 },
    { "board.pan-right", GDK_KEY_Right, 0 },
    { "board.pan-up", GDK_KEY_Up, 0 },
    { "board.pan-down", GDK_KEY_Down, 0 },
    { "board.tool-pen", GDK_KEY_1, 0 },
    { "board.tool-highlighter", GDK_KEY_2, 0 },
    { "board.tool-eraser", GDK_KEY_3, 0 },
    { "board.tool-area-eraser", GDK_KEY_4, 0 },
    { "board.tool-text", GDK_KEY_t, 0 },
    { "board.undo", GDK_KEY_z, GDK_CONTROL_MASK },
    { "board.redo", GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "board.redo", GDK_KEY_y, GDK_CONTROL_MASK },
    { "board.lock-zoom", GDK_KEY_l, GDK_CONTROL_MASK },
  };

  object_class->dispose = urok_board_canvas_dispose;
  object_class->get_property = urok_board_canvas_get_property;
  object_class->set_property = urok_board_canvas_set_property;
  object_class->dispatch_properties_changed = urok_board_canvas_dispatch_properties_changed;
  widget_class->snapshot = urok_board_canvas_snapshot;
  widget_class->measure = urok_board_canvas_measure;
  widget_class->size_allocate = urok_board_canvas_size_allocate;
  widget_class->map = urok_board_canvas_map;
  widget_class->root = urok_board_canvas_root;

  properties[PROP_PAGE] = g_param_spec_object ("page", NULL, NULL, UROK_TYPE_BOARD_PAGE, rw);
  properties[PROP_TOOL] = g_param_spec_string ("tool", NULL, NULL, "pen", rw);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, rw);
  properties[PROP_WIDTH] = g_param_spec_double ("width", NULL, NULL, 0.5, 200, 4, rw);
  properties[PROP_ZOOM_LOCKED] = g_param_spec_boolean ("zoom-locked", NULL, NULL, FALSE, rw);
  properties[PROP_SHOW_PALETTE] = g_param_spec_boolean ("show-palette", NULL, NULL, TRUE, rw);
  properties[PROP_RECOGNIZE_SHAPES] = g_param_spec_boolean ("recognize-shapes", NULL, NULL, FALSE, rw);
  properties[PROP_BACKGROUND] = g_param_spec_string ("background", NULL, NULL, "plain", rw);
  properties[PROP_TRANSPARENT] = g_param_spec_boolean ("transparent", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "board.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "board.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "board.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "board.pan-left", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "board.pan-right", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "board.pan-up", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "board.pan-down", NULL, pan_action);
  gtk_widget_class_install_action (widget_class, "board.tool-pen", NULL, _urok_board_canvas_tool_action);
  gtk_widget_class_install_action (widget_class, "board.tool-highlighter", NULL, _urok_board_canvas_tool_action);
  gtk_widget_class_install_action (widget_class, "board.tool-eraser", NULL, _urok_board_canvas_tool_action);
  gtk_widget_class_install_action (widget_class, "board.tool-area-eraser", NULL, _urok_board_canvas_tool_action);
  gtk_widget_class_install_action (widget_class, "board.tool-text", NULL, _urok_board_canvas_tool_action);
  gtk_widget_class_install_action (widget_class, "board.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "board.redo", NULL, history_action);
  /* Stateful, for the palette's toggle buttons. */
  gtk_widget_class_install_property_action (widget_class, "board.tool", "tool");
  gtk_widget_class_install_property_action (widget_class, "board.color", "color");
  gtk_widget_class_install_property_action (widget_class, "board.width", "width");
  gtk_widget_class_install_property_action (widget_class, "board.lock-zoom", "zoom-locked");
  gtk_widget_class_install_property_action (widget_class, "board.background", "background");
  _urok_board_canvas_content_class_init (widget_class);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action, NULL);
  _urok_board_canvas_tools_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "boardcanvas");
}

static void
urok_board_canvas_init (UrokBoardCanvas *self)
{
  self->input = urok_board_input_new (NULL);
  self->tiles = urok_board_tiles_new (0, TILE_MEMORY, on_tiles_ready, self);
  self->overlay = g_ptr_array_new_with_free_func ((GDestroyNotify)urok_board_item_unref);
  self->live_cache = g_ptr_array_new_with_free_func ((GDestroyNotify)live_cache_free);
  self->settled = TRUE;
  self->last_scale = 1;
  self->fitted = TRUE;
  g_signal_connect (self->input, "view-changed", G_CALLBACK (on_view_changed), self);
  g_signal_connect (self->input, "live-changed", G_CALLBACK (on_live_changed), self);
  g_signal_connect (self->input, "stroke-finished", G_CALLBACK (on_stroke_finished), self);
  g_signal_connect (self->input, "notify", G_CALLBACK (on_input_notify), self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.redo", FALSE);

  self->palette = urok_board_palette_new ();
  gtk_widget_set_parent (self->palette, GTK_WIDGET (self));
  _urok_board_canvas_add_controllers (self);
  _urok_board_canvas_tools_init (self);
  _urok_board_canvas_text_init (self);
  _urok_board_canvas_content_init (self);
}

GtkWidget *
urok_board_canvas_new (void)
{
  return g_object_new (UROK_TYPE_BOARD_CANVAS, NULL);
}
