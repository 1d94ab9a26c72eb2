/* urok-presenter-window.c: the teacher's window during a presentation.
 *
 * It only observes: every command in it is a presentation.* action of the
 * session (buttons, the switch, the thumbnails, the timeline), so the
 * keyboard, the class's toolbar and tests do exactly what a click does.
 * The preview of the class's screen is a live paintable of the audience
 * view itself, so it shows what the class sees, frozen picture included,
 * at no cost of a second rendering of the resource.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-audience-view.h"
#include "urok-board-thumbnail.h"
#include "urok-presenter-window.h"
#include "urok-resource-view.h"
#include "urok-stage-kind.h"
#include "urok-timeline.h"

#define THUMB_WIDTH  144
#define THUMB_HEIGHT 81

struct _UrokPresenterWindow
{
  AdwWindow         parent_instance;

  UrokPresentation *presentation;
  GListModel       *kinds;
  char             *media_dir;
  UrokStage        *thumbs_stage;
  /* Board pages' thumbnails draw the pages the class's view holds. */
  UrokAudienceView *audience;

  AdwWindowTitle   *window_title;
  GtkMenuButton    *screen_button;
  GtkWidget        *record_pause_button;
  GtkLabel         *record_label;
  GtkLabel         *stage_timer;
  GtkLabel         *lesson_timer;
  GtkLabel         *schedule_label;
  UrokTimeline     *timeline;
  GtkLabel         *stage_label;
  GtkLabel         *kind_label;
  GtkLabel         *next_label;
  GtkLabel         *notes_label;
  GtkPicture       *preview;
  GtkLabel         *hidden_label;
  GtkBox           *thumbnails;
  GtkLabel        *problem_label;
};

G_DEFINE_FINAL_TYPE (UrokPresenterWindow, urok_presenter_window, ADW_TYPE_WINDOW)

char *
urok_presenter_format_time (gint64 usec)
{
  gint64 seconds = MAX (usec, 0) / G_USEC_PER_SEC;

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int)(seconds / 3600), (int)(seconds / 60 % 60), (int)(seconds % 60));
  return g_strdup_printf ("%d:%02d", (int)(seconds / 60), (int)(seconds % 60));
}

static void
set_error_style (GtkLabel *label,
                 gboolean  error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

void
urok_presenter_window_set_recording_status (UrokPresenterWindow *self,
                                            const char          *status)
{
  g_return_if_fail (UROK_IS_PRESENTER_WINDOW (self));

  gtk_label_set_text (self->record_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->record_label), status != NULL);
  gtk_widget_set_visible (self->record_pause_button, status != NULL);
}

const char *
urok_presenter_window_get_recording_status (UrokPresenterWindow *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTER_WINDOW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->record_label)) ? gtk_label_get_text (self->record_label) : NULL;
}

void
urok_presenter_window_update_clock (UrokPresenterWindow *self)
{
  UrokPresentation *p;
  UrokLesson *lesson;
  int stage;
  g_autofree char *stage_elapsed = NULL;
  g_autofree char *stage_planned = NULL;
  g_autofree char *lesson_elapsed = NULL;
  g_autofree char *lesson_planned = NULL;
  g_autofree char *stage_text = NULL;
  g_autofree char *lesson_text = NULL;
  g_autofree char *schedule = NULL;
  gint64 offset;
  int minutes;

  g_return_if_fail (UROK_IS_PRESENTER_WINDOW (self));

  p = self->presentation;
  lesson = urok_presentation_get_lesson (p);
  stage = urok_presentation_get_stage_index (p);

  stage_elapsed = urok_presenter_format_time (stage >= 0 ? urok_presentation_get_stage_elapsed (p, stage) : 0);
  stage_planned = urok_presenter_format_time (stage >= 0 ? urok_presentation_get_stage_planned (p, stage) : 0);
  lesson_elapsed = urok_presenter_format_time (urok_presentation_get_lesson_elapsed (p));
  lesson_planned = urok_presenter_format_time ((gint64)urok_lesson_get_duration_minutes (lesson) * 60 * G_USEC_PER_SEC);
  /* TRANSLATORS: a timer: time taken of the time planned, e.g. "3:12 / 5:00". */
  stage_text = g_strdup_printf (_("%s / %s"), stage_elapsed, stage_planned);
  lesson_text = g_strdup_printf (_("%s / %s"), lesson_elapsed, lesson_planned);
  gtk_label_set_text (self->stage_timer, stage_text);
  gtk_label_set_text (self->lesson_timer, lesson_text);
  set_error_style (self->stage_timer, urok_presentation_get_stage_overrun (p));
  set_error_style (self->lesson_timer, urok_presentation_get_lesson_overrun (p));

  /* Within a minute either way is on plan: a teacher cannot act on less. */
  offset = urok_presentation_get_schedule_offset (p);
  minutes = (int)((offset < 0 ? -offset : offset) / (60 * G_USEC_PER_SEC));
  if (urok_presentation_get_paused (p))
    schedule = g_strdup (_("Timers paused"));
  else if (minutes == 0)
    schedule = g_strdup (_("On plan"));
  else if (offset > 0)
    schedule = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min behind the plan", "%d min behind the plan", minutes), minutes);
  else
    schedule = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min ahead of the plan", "%d min ahead of the plan", minutes), minutes);
  gtk_label_set_text (self->schedule_label, schedule);
  set_error_style (self->schedule_label, offset >= 60 * G_USEC_PER_SEC);

  urok_timeline_set_position (self->timeline, urok_presentation_get_lesson_elapsed (p) / (60.0 * G_USEC_PER_SEC));
}

static const char *
kind_icon (UrokResource *resource)
{
  switch (urok_resource_get_kind (resource))
    {
    case UROK_RESOURCE_BOARD_PAGE:
      return "document-edit-symbolic";
    case UROK_RESOURCE_BOOK_PLACE:
      return "accessories-dictionary-symbolic";
    case UROK_RESOURCE_MEDIA:
      return g_str_has_prefix (urok_resource_get_media_type (resource), "audio/") ? "audio-x-generic-symbolic"
           : g_str_has_prefix (urok_resource_get_media_type (resource), "video/") ? "video-x-generic-symbolic"
           : "image-x-generic-symbolic";
    case UROK_RESOURCE_TEST:
      return "emblem-ok-symbolic";
    case UROK_RESOURCE_LINK:
      return "web-browser-symbolic";
    case UROK_RESOURCE_TEXT:
      return "format-justify-left-symbolic";
    default:
      g_assert_not_reached ();
    }
}

/* A button showing the resource small; an image shows itself. */
static GtkWidget *
thumbnail_new (UrokPresenterWindow *self,
               UrokResource        *resource,
               int                  index)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (urok_resource_get_title (resource));
  GtkWidget *image = NULL;

  if (urok_resource_get_kind (resource) == UROK_RESOURCE_MEDIA &&
      g_str_has_prefix (urok_resource_get_media_type (resource), "image/") &&
      self->media_dir != NULL && *urok_resource_get_target (resource) != '\0')
    {
      g_autofree char *path = g_build_filename (self->media_dir, urok_resource_get_target (resource), NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          image = gtk_picture_new_for_filename (path);
          gtk_picture_set_content_fit (GTK_PICTURE (image), GTK_CONTENT_FIT_CONTAIN);
        }
    }
  if (urok_resource_get_kind (resource) == UROK_RESOURCE_BOARD_PAGE && self->audience != NULL)
    {
      UrokBoardPage *page = urok_resource_view_get_board_page (urok_audience_view_get_live (self->audience), resource);

      if (page != NULL)
        image = urok_board_thumbnail_new (page, THUMB_WIDTH, THUMB_HEIGHT);
    }
  if (image == NULL)
    {
      image = gtk_image_new_from_icon_name (kind_icon (resource));
      gtk_image_set_pixel_size (GTK_IMAGE (image), 48);
    }
  gtk_widget_set_size_request (image, THUMB_WIDTH, THUMB_HEIGHT);
  gtk_widget_add_css_class (image, "thumbnail-image");

  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 18);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), title);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, urok_resource_get_title (resource));
  gtk_widget_add_css_class (button, "thumbnail");
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "presentation.show-resource");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", index);
  return button;
}

static void
update_thumbnails (UrokPresenterWindow *self)
{
  UrokStage *stage = urok_presentation_get_stage (self->presentation);
  int current = urok_presentation_get_resource_index (self->presentation);
  GtkWidget *child;
  int i = 0;

  if (stage != self->thumbs_stage)
    {
      GListModel *resources = stage != NULL ? urok_stage_get_resources (stage) : NULL;
      guint n = resources != NULL ? g_list_model_get_n_items (resources) : 0;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->thumbnails))) != NULL)
        gtk_box_remove (self->thumbnails, child);
      for (guint k = 0; k < n; k++)
        {
          g_autoptr(UrokResource) resource = g_list_model_get_item (resources, k);

          gtk_box_append (self->thumbnails, thumbnail_new (self, resource, (int)k));
        }
      if (n == 0)
        {
          GtkWidget *none = gtk_label_new (_("This stage has no resources: the class sees its title."));

          gtk_widget_add_css_class (none, "dim-label");
          gtk_box_append (self->thumbnails, none);
        }
      g_set_object (&self->thumbs_stage, stage);
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->thumbnails)); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    if (i == current)
      gtk_widget_add_css_class (child, "current");
    else
      gtk_widget_remove_css_class (child, "current");
}

/* The stage kind with @code: the teacher's own or a built-in one. */
static UrokStageKind *
lookup_kind (UrokPresenterWindow *self,
             const char          *code)
{
  guint n = self->kinds != NULL ? g_list_model_get_n_items (self->kinds) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStageKind) kind = g_list_model_get_item (self->kinds, i);

      /* The model keeps a reference. */
      if (g_strcmp0 (urok_stage_kind_get_code (kind), code) == 0)
        return kind;
    }
  return urok_stage_kind_lookup_built_in (code);
}

static void
position_changed_cb (UrokPresenterWindow *self)
{
  UrokStage *stage = urok_presentation_get_stage (self->presentation);
  UrokStage *next = urok_presentation_get_next_stage (self->presentation);
  UrokStageKind *kind = stage != NULL ? lookup_kind (self, urok_stage_get_kind (stage)) : NULL;
  int index = urok_presentation_get_stage_index (self->presentation);
  g_autofree char *kind_text = NULL;
  g_autofree char *next_text = NULL;

  if (stage != NULL)
    /* TRANSLATORS: under the current stage's title: "Stage 3 of 9 · New material · 9 min". */
    kind_text = g_strdup_printf (_("Stage %d of %u · %s%s%d min"), index + 1,
                                 urok_presentation_get_n_stages (self->presentation),
                                 kind != NULL ? urok_stage_kind_get_name (kind) : "",
                                 kind != NULL ? " · " : "",
                                 urok_stage_get_duration_minutes (stage));
  if (next != NULL)
    /* TRANSLATORS: the next stage: its title and planned minutes. */
    next_text = g_strdup_printf (_("%s (%d min)"), urok_stage_get_title (next), urok_stage_get_duration_minutes (next));

  gtk_label_set_text (self->stage_label, stage != NULL ? urok_stage_get_title (stage) : _("No stages"));
  gtk_label_set_text (self->kind_label, kind_text != NULL ? kind_text : "");
  gtk_label_set_text (self->next_label, next_text != NULL ? next_text : _("This is the last stage"));
  gtk_label_set_text (self->notes_label,
                      stage != NULL && *urok_stage_get_notes (stage) != '\0' ? urok_stage_get_notes (stage)
                                                                             : _("No notes for this stage."));
  urok_timeline_set_selected (self->timeline, index);
  update_thumbnails (self);
  urok_presenter_window_update_clock (self);
}

static void
hidden_changed_cb (UrokPresenterWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->hidden_label), urok_presentation_get_hidden (self->presentation));
}

static void
stage_activated_cb (UrokPresenterWindow *self,
                    int                  index)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "presentation.go-to-stage", "i", index);
}

void
urok_presenter_window_set_audience_view (UrokPresenterWindow *self,
                                         UrokAudienceView    *view)
{
  g_autoptr(GdkPaintable) paintable = NULL;

  g_return_if_fail (UROK_IS_PRESENTER_WINDOW (self));
  g_return_if_fail (view == NULL || UROK_IS_AUDIENCE_VIEW (view));

  if (view != NULL)
    paintable = gtk_widget_paintable_new (GTK_WIDGET (view));
  gtk_picture_set_paintable (self->preview, paintable);
  if (g_set_object (&self->audience, view))
    {
      /* Board pages can show themselves now. */
      g_clear_object (&self->thumbs_stage);
      update_thumbnails (self);
    }
}

void
urok_presenter_window_set_screen_menu (UrokPresenterWindow *self,
                                       GMenuModel          *menu)
{
  g_return_if_fail (UROK_IS_PRESENTER_WINDOW (self));

  gtk_menu_button_set_menu_model (self->screen_button, menu);
  gtk_widget_set_visible (GTK_WIDGET (self->screen_button), menu != NULL);
}

GtkPopover *
urok_presenter_window_get_screen_popover (UrokPresenterWindow *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTER_WINDOW (self), NULL);
  return gtk_menu_button_get_popover (self->screen_button);
}

UrokPresenterWindow *
urok_presenter_window_new (UrokPresentation *presentation,
                           GListModel       *kinds,
                           const char       *media_dir)
{
  UrokPresenterWindow *self;
  UrokLesson *lesson;

  g_return_val_if_fail (UROK_IS_PRESENTATION (presentation), NULL);

  self = g_object_new (UROK_TYPE_PRESENTER_WINDOW, NULL);
  self->presentation = g_object_ref (presentation);
  self->media_dir = g_strdup (media_dir);
  self->kinds = kinds != NULL ? g_object_ref (kinds) : NULL;
  lesson = urok_presentation_get_lesson (presentation);

  adw_window_title_set_title (self->window_title, urok_lesson_get_topic (lesson));
  gtk_window_set_title (GTK_WINDOW (self), urok_lesson_get_topic (lesson));
  urok_timeline_set_lesson (self->timeline, lesson);
  urok_timeline_set_stage_kinds (self->timeline, kinds);

  g_signal_connect_object (presentation, "notify::stage-index", G_CALLBACK (position_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (presentation, "notify::resource-index", G_CALLBACK (position_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (presentation, "notify::paused", G_CALLBACK (urok_presenter_window_update_clock), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (presentation, "notify::hidden", G_CALLBACK (hidden_changed_cb), self, G_CONNECT_SWAPPED);
  position_changed_cb (self);
  hidden_changed_cb (self);
  return self;
}

void
urok_presenter_window_set_problem (UrokPresenterWindow *self,
                                   const char          *message)
{
  g_return_if_fail (UROK_IS_PRESENTER_WINDOW (self));

  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

const char *
urok_presenter_window_get_problem (UrokPresenterWindow *self)
{
  g_return_val_if_fail (UROK_IS_PRESENTER_WINDOW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->problem_label)) ? gtk_label_get_text (self->problem_label) : NULL;
}

static void
urok_presenter_window_dispose (GObject *object)
{
  UrokPresenterWindow *self = (UrokPresenterWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_PRESENTER_WINDOW);
  g_clear_object (&self->presentation);
  g_clear_object (&self->thumbs_stage);
  g_clear_object (&self->audience);
  g_clear_object (&self->kinds);
  g_clear_pointer (&self->media_dir, g_free);

  G_OBJECT_CLASS (urok_presenter_window_parent_class)->dispose (object);
}

static void
urok_presenter_window_class_init (UrokPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_presenter_window_dispose;

  g_type_ensure (UROK_TYPE_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, screen_button);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, record_pause_button);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, record_label);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, stage_timer);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, lesson_timer);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, stage_label);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, next_label);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, notes_label);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, hidden_label);
  gtk_widget_class_bind_template_child (widget_class, UrokPresenterWindow, thumbnails);
}

static void
urok_presenter_window_init (UrokPresenterWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->timeline, "stage-activated", G_CALLBACK (stage_activated_cb), self);
}
