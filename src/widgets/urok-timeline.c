/* urok-timeline.c: a lesson's stages as a strip, each as wide as its
 * duration and coloured by its kind, with the total against the length.
 *
 * The strip is drawn with GtkSnapshot; the total and the warning above it
 * are real labels, so that they follow the theme (dark style included) and
 * reach screen readers.  The scale is max(lesson length, planned total), so
 * an overrun stays visible instead of running off the edge.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "urok-timeline.h"
#include "urok-stage-kind.h"

/* Tall enough for a finger on a classroom panel. */
#define STRIP_HEIGHT   56
#define STRIP_RADIUS   10
#define STATUS_SPACING 8
/* Room around the strip for the focus ring, the selection bar and the
 * length mark. */
#define PAD            4
#define SEGMENT_GAP    2
#define FALLBACK_COLOR "#9a9996"

struct _UrokTimeline
{
  GtkWidget   parent_instance;

  UrokLesson *lesson;
  GListModel *kinds;
  int         selected;
  double      position;

  GtkWidget  *status;
  GtkWidget  *total_label;
  GtkWidget  *warning_icon;
  GtkWidget  *warning_label;
  char       *warning;
};

G_DEFINE_FINAL_TYPE (UrokTimeline, urok_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LESSON,
  PROP_STAGE_KINDS,
  PROP_SELECTED,
  PROP_POSITION,
  N_PROPS
};

enum {
  STAGE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
urok_timeline_new (void)
{
  return g_object_new (UROK_TYPE_TIMELINE, NULL);
}

static guint
n_stages (UrokTimeline *self)
{
  if (self->lesson == NULL)
    return 0;
  return g_list_model_get_n_items (urok_lesson_get_stages (self->lesson));
}

/* The strip's rectangle inside the widget. */
static void
get_strip (UrokTimeline    *self,
           graphene_rect_t *strip)
{
  int status_height = gtk_widget_get_height (self->status);
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  graphene_rect_init (strip, PAD, status_height + STATUS_SPACING + PAD,
                      MAX (width - 2 * PAD, 1), STRIP_HEIGHT);
}

/* Minutes the strip spans: the lesson, or the stages when they run over. */
static int
get_scale_minutes (UrokTimeline *self)
{
  if (self->lesson == NULL)
    return 1;
  return MAX (1, MAX (urok_lesson_get_duration_minutes (self->lesson),
                      urok_lesson_get_planned_minutes (self->lesson)));
}

gboolean
urok_timeline_get_segment (UrokTimeline    *self,
                           guint            index,
                           graphene_rect_t *bounds)
{
  GListModel *stages;
  graphene_rect_t strip;
  double per_minute;
  int start = 0;

  g_return_val_if_fail (UROK_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (index >= n_stages (self) || gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    return FALSE;

  stages = urok_lesson_get_stages (self->lesson);
  get_strip (self, &strip);
  per_minute = strip.size.width / get_scale_minutes (self);
  for (guint i = 0; i < index; i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (stages, i);
      start += urok_stage_get_duration_minutes (stage);
    }

  {
    g_autoptr(UrokStage) stage = g_list_model_get_item (stages, index);

    graphene_rect_init (bounds, strip.origin.x + start * per_minute, strip.origin.y,
                        urok_stage_get_duration_minutes (stage) * per_minute, strip.size.height);
  }
  return TRUE;
}

int
urok_timeline_stage_at (UrokTimeline *self,
                        double        x)
{
  guint n;

  g_return_val_if_fail (UROK_IS_TIMELINE (self), -1);

  n = n_stages (self);
  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t bounds;

      if (urok_timeline_get_segment (self, i, &bounds) &&
          x >= bounds.origin.x && x < bounds.origin.x + MAX (bounds.size.width, 1))
        return (int)i;
    }
  return -1;
}

const char *
urok_timeline_get_warning (UrokTimeline *self)
{
  g_return_val_if_fail (UROK_IS_TIMELINE (self), NULL);
  return self->warning;
}

/* The stage kind with @code, for its colour and name; a new reference. */
static UrokStageKind *
lookup_kind (UrokTimeline *self,
             const char   *code)
{
  guint n = self->kinds != NULL ? g_list_model_get_n_items (self->kinds) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStageKind) kind = g_list_model_get_item (self->kinds, i);

      if (g_strcmp0 (urok_stage_kind_get_code (kind), code) == 0)
        return g_steal_pointer (&kind);
    }
  return NULL;
}

/* Black or white, whichever reads better on @background (WCAG luminance). */
static GdkRGBA
text_color_on (const GdkRGBA *background)
{
  double channel[3] = { background->red, background->green, background->blue };
  double luminance;

  for (guint i = 0; i < 3; i++)
    channel[i] = channel[i] <= 0.04045 ? channel[i] / 12.92 : pow ((channel[i] + 0.055) / 1.055, 2.4);
  luminance = 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];

  if (luminance > 0.22)
    return (GdkRGBA) { 0, 0, 0, 0.85 };
  return (GdkRGBA) { 1, 1, 1, 1 };
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *color)
{
  /* GTK 4.8 has no other way to read the theme's named colours; the call is
   * deprecated only from 4.10. */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, fallback);
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             const GdkRGBA *color,
             double         x,
             double         y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Title and minutes, each only when it fits. */
static void
draw_segment_text (UrokTimeline          *self,
                   GtkSnapshot           *snapshot,
                   UrokStage             *stage,
                   const graphene_rect_t *bounds,
                   const GdkRGBA         *color)
{
  g_autofree char *minutes = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) time = NULL;
  PangoAttrList *attrs;
  int inner = (int)bounds->size.width - 16;
  int title_width, time_width, title_height, time_height;
  double y;

  if (inner < 14)
    return;

  minutes = g_strdup_printf (_("%d min"), urok_stage_get_duration_minutes (stage));
  time = gtk_widget_create_pango_layout (GTK_WIDGET (self), minutes);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (time, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (time, &time_width, &time_height);
  if (time_width > inner)
    {
      /* Too narrow even for "7 min": just the number. */
      g_autofree char *number = g_strdup_printf ("%d", urok_stage_get_duration_minutes (stage));

      pango_layout_set_text (time, number, -1);
      pango_layout_get_pixel_size (time, &time_width, &time_height);
      if (time_width > inner)
        return;
    }

  title = gtk_widget_create_pango_layout (GTK_WIDGET (self), urok_stage_get_title (stage));
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (title, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_width (title, inner * PANGO_SCALE);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (title, TRUE);
  pango_layout_get_pixel_size (title, &title_width, &title_height);

  y = bounds->origin.y + (bounds->size.height - title_height - time_height) / 2;
  /* A title cut to "…" or to a letter says nothing: then only minutes. */
  if (inner >= 40 && *urok_stage_get_title (stage) != '\0')
    {
      append_text (snapshot, title, color, bounds->origin.x + 8, y);
      append_text (snapshot, time, color, bounds->origin.x + 8, y + title_height);
    }
  else
    append_text (snapshot, time, color,
                 bounds->origin.x + (bounds->size.width - time_width) / 2,
                 bounds->origin.y + (bounds->size.height - time_height) / 2);
}

/* The minutes past the lesson's end: a tint over the stages there, and
 * diagonal stripes along the strip's foot, below the stages' text. */
static void
draw_overrun (GtkSnapshot           *snapshot,
              const graphene_rect_t *area,
              const GdkRGBA         *color)
{
  graphene_rect_t band = GRAPHENE_RECT_INIT (area->origin.x, area->origin.y + area->size.height - 8,
                                             area->size.width, 8);
  cairo_t *cr;

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 0.18 }, area);

  cr = gtk_snapshot_append_cairo (snapshot, &band);
  cairo_rectangle (cr, band.origin.x, band.origin.y, band.size.width, band.size.height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, 4);
  for (double x = band.origin.x - band.size.height; x < band.origin.x + band.size.width; x += 10)
    {
      cairo_move_to (cr, x, band.origin.y + band.size.height);
      cairo_line_to (cr, x + band.size.height, band.origin.y);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
urok_timeline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  UrokTimeline *self = UROK_TIMELINE (widget);
  GskRoundedRect rounded;
  graphene_rect_t strip;
  GdkRGBA fg, accent, error, track;
  double per_minute;
  int length, planned;
  guint n = n_stages (self);

  gtk_widget_snapshot_child (widget, self->status, snapshot);

  get_strip (self, &strip);
  lookup_color (widget, "window_fg_color", "#000000", &fg);
  lookup_color (widget, "accent_color", "#1c71d8", &accent);
  lookup_color (widget, "error_color", "#c01c28", &error);
  track = fg;
  track.alpha = 0.1;

  length = self->lesson != NULL ? urok_lesson_get_duration_minutes (self->lesson) : 0;
  planned = self->lesson != NULL ? urok_lesson_get_planned_minutes (self->lesson) : 0;
  per_minute = strip.size.width / get_scale_minutes (self);

  gsk_rounded_rect_init_from_rect (&rounded, &strip, STRIP_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &track, &strip);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (urok_lesson_get_stages (self->lesson), i);
      graphene_rect_t bounds;
      g_autoptr(UrokStageKind) kind = lookup_kind (self, urok_stage_get_kind (stage));
      GdkRGBA color, text;

      urok_timeline_get_segment (self, i, &bounds);
      if (kind == NULL || !gdk_rgba_parse (&color, urok_stage_kind_get_color (kind)))
        gdk_rgba_parse (&color, FALLBACK_COLOR);
      text = text_color_on (&color);

      /* A stage of no minutes still shows as a sliver, so it can be found. */
      bounds.size.width = MAX (bounds.size.width - SEGMENT_GAP, 3);
      if (i > 0)
        bounds.origin.x += SEGMENT_GAP / 2.0;
      gtk_snapshot_append_color (snapshot, &color, &bounds);

      gtk_snapshot_push_clip (snapshot, &bounds);
      draw_segment_text (self, snapshot, stage, &bounds, &text);
      if ((int)i == self->selected)
        {
          GskRoundedRect ring;
          const float widths[4] = { 3, 3, 3, 3 };
          GdkRGBA colors[4] = { text, text, text, text };

          gsk_rounded_rect_init_from_rect (&ring, &bounds, 0);
          gtk_snapshot_append_border (snapshot, &ring, widths, colors);
        }
      gtk_snapshot_pop (snapshot);
    }

  if (planned > length && length > 0)
    draw_overrun (snapshot,
                  &GRAPHENE_RECT_INIT (strip.origin.x + length * per_minute, strip.origin.y,
                                       (planned - length) * per_minute, strip.size.height),
                  &error);
  else if (planned < length && n > 0)
    {
      /* Name the unplanned minutes where there is room for it. */
      g_autofree char *free_text = g_strdup_printf (_("%d min free"), length - planned);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, free_text);
      double free_width = (length - planned) * per_minute;
      GdkRGBA dim = fg;
      int w, h;

      dim.alpha = 0.6;
      pango_layout_get_pixel_size (layout, &w, &h);
      if (w + 16 <= free_width)
        append_text (snapshot, layout, &dim,
                     strip.origin.x + planned * per_minute + (free_width - w) / 2,
                     strip.origin.y + (strip.size.height - h) / 2);
    }
  gtk_snapshot_pop (snapshot);

  /* The lesson's end, sticking out of the strip when stages run past it. */
  if (planned > length && length > 0)
    gtk_snapshot_append_color (snapshot, &error,
                               &GRAPHENE_RECT_INIT (strip.origin.x + length * per_minute - 1.5,
                                                    strip.origin.y - PAD, 3, strip.size.height + 2 * PAD));

  /* Where the lesson stands now (presentation). */
  if (self->position >= 0 && self->lesson != NULL)
    {
      double x = strip.origin.x + MIN (self->position, get_scale_minutes (self)) * per_minute;

      gtk_snapshot_append_color (snapshot, &fg,
                                 &GRAPHENE_RECT_INIT (x - 1.5, strip.origin.y - PAD, 3,
                                                      strip.size.height + 2 * PAD));
    }

  /* The selection also shows under the strip, in the accent colour, for
   * kinds whose colour is close to the ring's. */
  if (self->selected >= 0 && (guint)self->selected < n)
    {
      graphene_rect_t bounds;

      urok_timeline_get_segment (self, self->selected, &bounds);
      gsk_rounded_rect_init_from_rect (&rounded,
                                       &GRAPHENE_RECT_INIT (bounds.origin.x + 2,
                                                            strip.origin.y + strip.size.height + 1,
                                                            MAX (bounds.size.width - 4, 3), 3),
                                       1.5);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &accent, &rounded.bounds);
      gtk_snapshot_pop (snapshot);
    }

  if (gtk_widget_has_visible_focus (widget))
    {
      const float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA ring = accent;
      GdkRGBA colors[4];

      ring.alpha = 0.5;
      for (guint i = 0; i < 4; i++)
        colors[i] = ring;
      graphene_rect_inset (&strip, -3, -3);
      gsk_rounded_rect_init_from_rect (&rounded, &strip, STRIP_RADIUS + 3);
      gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
    }
}

static void
urok_timeline_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  UrokTimeline *self = UROK_TIMELINE (widget);
  int child_min, child_nat;

  gtk_widget_measure (self->status, orientation, for_size, &child_min, &child_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (child_min, 120);
      *natural = MAX (child_nat, 480);
    }
  else
    {
      *minimum = child_min + STATUS_SPACING + STRIP_HEIGHT + 2 * PAD;
      *natural = child_nat + STATUS_SPACING + STRIP_HEIGHT + 2 * PAD;
    }
}

static void
urok_timeline_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  UrokTimeline *self = UROK_TIMELINE (widget);
  int status_height;

  gtk_widget_measure (self->status, GTK_ORIENTATION_VERTICAL, width - 2 * PAD, NULL, &status_height, NULL, NULL);
  gtk_widget_size_allocate (self->status,
                            &(GtkAllocation) { PAD, 0, width - 2 * PAD, status_height }, -1);
}

static void
update_status (UrokTimeline *self)
{
  g_autofree char *total = NULL;
  g_autofree char *warning = NULL;
  const char *style = NULL;
  const char *icon = NULL;
  int length = 0, planned = 0;

  if (self->lesson != NULL)
    {
      length = urok_lesson_get_duration_minutes (self->lesson);
      planned = urok_lesson_get_planned_minutes (self->lesson);
    }

  /* TRANSLATORS: planned minutes of the stages against the lesson's length. */
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d min", "%d of %d min", length),
                           planned, length);

  if (self->lesson == NULL)
    ;
  else if (n_stages (self) == 0)
    {
      warning = g_strdup (_("No stages yet"));
      icon = "dialog-information-symbolic";
      style = "dim-label";
    }
  else if (planned > length)
    {
      warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%d minute over the lesson: shorten or remove stages",
                                              "%d minutes over the lesson: shorten or remove stages",
                                              planned - length),
                                 planned - length);
      icon = "dialog-warning-symbolic";
      style = "error";
    }
  else if (planned < length)
    {
      warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%d minute of the lesson is not planned",
                                              "%d minutes of the lesson are not planned",
                                              length - planned),
                                 length - planned);
      icon = "dialog-warning-symbolic";
      style = "warning";
    }

  gtk_label_set_text (GTK_LABEL (self->total_label), self->lesson != NULL ? total : "");
  gtk_label_set_text (GTK_LABEL (self->warning_label), warning != NULL ? warning : _("Fits the lesson"));
  gtk_image_set_from_icon_name (GTK_IMAGE (self->warning_icon), icon != NULL ? icon : "emblem-ok-symbolic");
  for (guint i = 0; i < 3; i++)
    {
      static const char *const styles[] = { "error", "warning", "dim-label" };

      gtk_widget_remove_css_class (self->warning_icon, styles[i]);
      gtk_widget_remove_css_class (self->warning_label, styles[i]);
    }
  gtk_widget_remove_css_class (self->warning_icon, "success");
  gtk_widget_remove_css_class (self->warning_label, "success");
  gtk_widget_add_css_class (self->warning_icon, style != NULL ? style : "success");
  gtk_widget_add_css_class (self->warning_label, style != NULL ? style : "success");
  gtk_widget_set_visible (self->warning_icon, self->lesson != NULL);
  gtk_widget_set_visible (self->warning_label, self->lesson != NULL);

  g_free (self->warning);
  self->warning = style != NULL && g_str_equal (style, "dim-label") ? NULL : g_steal_pointer (&warning);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (GTK_LABEL (self->warning_label)),
                                  -1);
}

static void
lesson_changed_cb (UrokTimeline *self)
{
  guint n = n_stages (self);

  if (self->selected >= (int)n)
    urok_timeline_set_selected (self, -1);
  update_status (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
urok_timeline_set_lesson (UrokTimeline *self,
                          UrokLesson   *lesson)
{
  g_return_if_fail (UROK_IS_TIMELINE (self));
  g_return_if_fail (lesson == NULL || UROK_IS_LESSON (lesson));

  if (self->lesson == lesson)
    return;

  if (self->lesson != NULL)
    g_signal_handlers_disconnect_by_func (self->lesson, lesson_changed_cb, self);
  g_set_object (&self->lesson, lesson);
  if (lesson != NULL)
    g_signal_connect_swapped (lesson, "changed", G_CALLBACK (lesson_changed_cb), self);

  self->selected = -1;
  lesson_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LESSON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

UrokLesson *
urok_timeline_get_lesson (UrokTimeline *self)
{
  g_return_val_if_fail (UROK_IS_TIMELINE (self), NULL);
  return self->lesson;
}

void
urok_timeline_set_stage_kinds (UrokTimeline *self,
                               GListModel   *kinds)
{
  g_return_if_fail (UROK_IS_TIMELINE (self));
  g_return_if_fail (kinds == NULL || G_IS_LIST_MODEL (kinds));

  if (self->kinds != NULL)
    g_signal_handlers_disconnect_by_func (self->kinds, gtk_widget_queue_draw, self);
  if (!g_set_object (&self->kinds, kinds))
    return;
  if (kinds != NULL)
    g_signal_connect_swapped (kinds, "items-changed", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_KINDS]);
}

GListModel *
urok_timeline_get_stage_kinds (UrokTimeline *self)
{
  g_return_val_if_fail (UROK_IS_TIMELINE (self), NULL);
  return self->kinds;
}

int
urok_timeline_get_selected (UrokTimeline *self)
{
  g_return_val_if_fail (UROK_IS_TIMELINE (self), -1);
  return self->selected;
}

void
urok_timeline_set_selected (UrokTimeline *self,
                            int           index)
{
  g_return_if_fail (UROK_IS_TIMELINE (self));

  index = index >= 0 && (guint)index < n_stages (self) ? index : -1;
  if (self->selected == index)
    return;
  self->selected = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

double
urok_timeline_get_position (UrokTimeline *self)
{
  g_return_val_if_fail (UROK_IS_TIMELINE (self), -1);
  return self->position;
}

void
urok_timeline_set_position (UrokTimeline *self,
                            double        minutes)
{
  g_return_if_fail (UROK_IS_TIMELINE (self));

  minutes = minutes < 0 ? -1 : minutes;
  if (self->position == minutes)
    return;
  self->position = minutes;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static void
activate_stage (UrokTimeline *self,
                int           index)
{
  urok_timeline_set_selected (self, index);
  g_signal_emit (self, signals[STAGE_ACTIVATED], 0, index);
}

/* Released rather than pressed, so that a finger sliding off cancels. */
static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   UrokTimeline    *self)
{
  graphene_rect_t strip;
  int index;

  get_strip (self, &strip);
  if (y < strip.origin.y - PAD || y > strip.origin.y + strip.size.height + PAD)
    return;
  index = urok_timeline_stage_at (self, x);
  if (index >= 0)
    activate_stage (self, index);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                UrokTimeline          *self)
{
  int n = (int)n_stages (self);
  int index = self->selected;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      index = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? index + 1 : index - 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      index = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? index - 1 : index + 1;
      break;
    case GDK_KEY_Home:
      index = 0;
      break;
    case GDK_KEY_End:
      index = n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      index = MAX (index, 0);
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  activate_stage (self, CLAMP (index, 0, n - 1));
  return GDK_EVENT_STOP;
}

static gboolean
urok_timeline_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  UrokTimeline *self = UROK_TIMELINE (widget);
  g_autoptr(UrokStage) stage = NULL;
  g_autoptr(UrokStageKind) kind = NULL;
  g_autofree char *text = NULL;
  graphene_rect_t bounds;
  int index = keyboard ? self->selected : urok_timeline_stage_at (self, x);
  int start = 0;

  if (index < 0 || !urok_timeline_get_segment (self, index, &bounds))
    return FALSE;
  if (!keyboard && (y < bounds.origin.y || y > bounds.origin.y + bounds.size.height))
    return FALSE;

  for (int i = 0; i < index; i++)
    {
      g_autoptr(UrokStage) before = g_list_model_get_item (urok_lesson_get_stages (self->lesson), i);
      start += urok_stage_get_duration_minutes (before);
    }
  stage = g_list_model_get_item (urok_lesson_get_stages (self->lesson), index);
  kind = lookup_kind (self, urok_stage_get_kind (stage));
  /* TRANSLATORS: a stage's tooltip on the timeline: its title, then its
   * kind, length and the minutes of the lesson it takes. */
  text = g_strdup_printf (_("%s\n%s · %d min, minutes %d–%d"),
                          urok_stage_get_title (stage),
                          kind != NULL ? urok_stage_kind_get_name (kind) : _("Stage"),
                          urok_stage_get_duration_minutes (stage),
                          start, start + urok_stage_get_duration_minutes (stage));
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int)bounds.origin.x, (int)bounds.origin.y,
                                                       MAX ((int)bounds.size.width, 1),
                                                       (int)bounds.size.height });
  return TRUE;
}

/* The focus ring depends on :focus-visible, which a custom snapshot does
 * not follow by itself. */
static void
urok_timeline_state_flags_changed (GtkWidget     *widget,
                                   GtkStateFlags  previous)
{
  if ((previous ^ gtk_widget_get_state_flags (widget)) & (GTK_STATE_FLAG_FOCUS_VISIBLE | GTK_STATE_FLAG_FOCUSED))
    gtk_widget_queue_draw (widget);
  GTK_WIDGET_CLASS (urok_timeline_parent_class)->state_flags_changed (widget, previous);
}

static void
urok_timeline_dispose (GObject *object)
{
  UrokTimeline *self = (UrokTimeline *)object;

  urok_timeline_set_lesson (self, NULL);
  urok_timeline_set_stage_kinds (self, NULL);
  g_clear_pointer (&self->status, gtk_widget_unparent);
  g_clear_pointer (&self->warning, g_free);

  G_OBJECT_CLASS (urok_timeline_parent_class)->dispose (object);
}

static void
urok_timeline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UrokTimeline *self = UROK_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_LESSON:
      g_value_set_object (value, self->lesson);
      break;
    case PROP_STAGE_KINDS:
      g_value_set_object (value, self->kinds);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    case PROP_POSITION:
      g_value_set_double (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_timeline_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UrokTimeline *self = UROK_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_LESSON:
      urok_timeline_set_lesson (self, g_value_get_object (value));
      break;
    case PROP_STAGE_KINDS:
      urok_timeline_set_stage_kinds (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      urok_timeline_set_selected (self, g_value_get_int (value));
      break;
    case PROP_POSITION:
      urok_timeline_set_position (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_timeline_class_init (UrokTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_timeline_dispose;
  object_class->get_property = urok_timeline_get_property;
  object_class->set_property = urok_timeline_set_property;

  widget_class->snapshot = urok_timeline_snapshot;
  widget_class->measure = urok_timeline_measure;
  widget_class->size_allocate = urok_timeline_size_allocate;
  widget_class->query_tooltip = urok_timeline_query_tooltip;
  widget_class->state_flags_changed = urok_timeline_state_flags_changed;

  properties[PROP_LESSON] =
    g_param_spec_object ("lesson", NULL, NULL, UROK_TYPE_LESSON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE_KINDS] =
    g_param_spec_object ("stage-kinds", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_double ("position", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STAGE_ACTIVATED] =
    g_signal_new ("stage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
urok_timeline_init (UrokTimeline *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->selected = -1;
  self->position = -1;

  self->status = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->status, GTK_WIDGET (self));
  self->total_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->total_label, "timeline-total");
  gtk_widget_add_css_class (self->total_label, "heading");
  gtk_widget_add_css_class (self->total_label, "numeric");
  gtk_widget_set_margin_end (self->total_label, 6);
  gtk_box_append (GTK_BOX (self->status), self->total_label);
  self->warning_icon = gtk_image_new ();
  gtk_box_append (GTK_BOX (self->status), self->warning_icon);
  self->warning_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->warning_label, "timeline-warning");
  gtk_label_set_wrap (GTK_LABEL (self->warning_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->warning_label), 0);
  gtk_widget_set_hexpand (self->warning_label, TRUE);
  gtk_box_append (GTK_BOX (self->status), self->warning_label);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  update_status (self);
}
