/* urok-resource-view.c: one lesson resource as the class sees it.
 *
 * Each kind of resource gets the toolkit's own viewer: GtkPicture for
 * images, GtkVideo (GTK's GStreamer media backend) for video, whose paused
 * frame stays on screen to be drawn over, GtkMediaControls for sound,
 * WebKitWebView for links.  Web pages load in one ephemeral network
 * session: nothing a page stores (cookies, cache) outlives the
 * presentation or mixes with a teacher's browser.  Textbook places and
 * tests open in their own sections; here they are a card that says so.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <webkit/webkit.h>

#include "urok-board-canvas.h"
#include "urok-board-placeholder.h"
#include "urok-presentation-ink.h"
#include "urok-resource-view.h"

struct _UrokResourceView
{
  GtkWidget     parent_instance;

  UrokResource *resource;
  char         *title;
  char         *media_dir;
  GtkWidget    *content;
  /* Board pages, kept (and saved) for the session: the ink written on
   * them stays when the teacher steps away and comes back. */
  UrokPresentationInk *ink;
  /* The drawing instruments over this view (weak): board pages' pens
   * follow their edges. */
  UrokBoardInstrumentView *instruments;
};

G_DEFINE_FINAL_TYPE (UrokResourceView, urok_resource_view, GTK_TYPE_WIDGET)

GtkWidget *
urok_resource_view_new (void)
{
  return g_object_new (UROK_TYPE_RESOURCE_VIEW, NULL);
}

/* One session for every web view of the process, created on first use. */
static WebKitNetworkSession *
web_session (void)
{
  static WebKitNetworkSession *session;

  if (session == NULL)
    session = webkit_network_session_new_ephemeral ();
  return session;
}

static GtkWidget *
named (GtkWidget  *widget,
       const char *name)
{
  gtk_widget_set_name (widget, name);
  return widget;
}

static GtkWidget *
label_new (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* A centred card: an icon, a heading and what to do about it. */
static GtkWidget *
card_new (const char *name,
          const char *icon_name,
          const char *heading,
          const char *body)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 48);
  gtk_widget_set_margin_end (box, 48);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 128);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label_new (heading, "resource-card-heading"));
  if (body != NULL)
    gtk_box_append (GTK_BOX (box), label_new (body, "resource-card-body"));
  gtk_widget_add_css_class (box, "resource-card");
  return named (box, name);
}

/* Large type for the back of the classroom; long texts scroll. */
static GtkWidget *
text_card_new (UrokResource *resource)
{
  g_autofree char *text = g_strstrip (g_strdup (urok_resource_get_text (resource)));
  gsize len = strlen (text);
  /* A card that is one formula, "$…$": its TeX, shown as written until a
   * formula renderer comes. */
  gboolean formula = len >= 2 && text[0] == '$' && text[len - 1] == '$' &&
                     strchr (text + 1, '$') == text + len - 1;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *body;

  if (formula)
    {
      text[len - 1] = '\0';
      body = label_new (text + 1, "formula-card");
    }
  else
    body = label_new (text, "text-card");
  gtk_label_set_selectable (GTK_LABEL (body), FALSE);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 64);
  gtk_widget_set_margin_end (box, 64);
  gtk_widget_set_margin_top (box, 48);
  gtk_widget_set_margin_bottom (box, 48);
  if (*urok_resource_get_title (resource) != '\0')
    gtk_box_append (GTK_BOX (box), label_new (urok_resource_get_title (resource), "text-card-title"));
  gtk_box_append (GTK_BOX (box), body);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  return named (scrolled, formula ? "resource-formula" : "resource-text");
}

/* A board page is the whiteboard's canvas on the page the store holds for
 * the resource (or, the first time, the page its string describes); a
 * page that does not load is shown as the placeholder, not as a blank
 * board that would hide the problem. */
UrokBoardPage *
urok_resource_view_get_board_page (UrokResourceView *self,
                                   UrokResource     *resource)
{
  g_autoptr(GError) error = NULL;
  UrokBoardPage *page;

  g_return_val_if_fail (UROK_IS_RESOURCE_VIEW (self), NULL);
  g_return_val_if_fail (UROK_IS_RESOURCE (resource), NULL);
  g_return_val_if_fail (urok_resource_get_kind (resource) == UROK_RESOURCE_BOARD_PAGE, NULL);

  page = urok_presentation_ink_get_page (urok_resource_view_get_ink (self), urok_resource_get_uuid (resource),
                                         urok_resource_get_board (resource), &error);
  if (page == NULL)
    g_warning ("Board page “%s” does not load: %s", urok_resource_get_title (resource), error->message);
  return page;
}

static GtkWidget *
create_board_view (UrokResourceView *self,
                   UrokResource     *resource)
{
  UrokBoardPage *page = urok_resource_view_get_board_page (self, resource);
  GtkWidget *canvas;

  if (page == NULL)
    return urok_board_placeholder_new (resource);
  canvas = urok_board_canvas_new ();
  urok_board_canvas_set_page (UROK_BOARD_CANVAS (canvas), page);
  urok_board_canvas_set_instruments (UROK_BOARD_CANVAS (canvas), self->instruments);
  return named (canvas, "resource-board");
}

static GtkWidget *
create_media_view (UrokResourceView *self,
                   UrokResource     *resource)
{
  const char *target = urok_resource_get_target (resource);
  g_autofree char *path = NULL;
  g_autofree char *guessed = NULL;
  const char *type = urok_resource_get_media_type (resource);
  g_autoptr(GFile) file = NULL;

  if (*target == '\0' || self->media_dir == NULL)
    return card_new ("resource-card", "image-missing-symbolic", urok_resource_get_title (resource),
                     _("No file is chosen for this resource yet."));
  path = g_build_filename (self->media_dir, target, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *body = g_strdup_printf (_("The file “%s” is missing from the lesson’s folder. Add the file again in the lesson editor."),
                                               target);
      return card_new ("resource-card", "image-missing-symbolic", urok_resource_get_title (resource), body);
    }
  file = g_file_new_for_path (path);
  if (*type == '\0')
    {
      g_autofree char *content_type = g_content_type_guess (target, NULL, 0, NULL);

      guessed = g_content_type_get_mime_type (content_type);
      type = guessed != NULL ? guessed : "";
    }

  if (g_str_has_prefix (type, "image/"))
    {
      GtkWidget *picture = gtk_picture_new_for_file (file);

      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
      gtk_picture_set_alternative_text (GTK_PICTURE (picture), urok_resource_get_title (resource));
      return named (picture, "resource-picture");
    }
  if (g_str_has_prefix (type, "video/"))
    {
      GtkWidget *video = gtk_video_new_for_file (file);

      gtk_video_set_autoplay (GTK_VIDEO (video), FALSE);
      return named (video, "resource-video");
    }
  if (g_str_has_prefix (type, "audio/"))
    {
      g_autoptr(GtkMediaStream) stream = gtk_media_file_new_for_file (file);
      GtkWidget *card = card_new ("resource-audio", "audio-x-generic-symbolic",
                                  urok_resource_get_title (resource), NULL);
      GtkWidget *controls = gtk_media_controls_new (stream);

      gtk_widget_set_size_request (controls, 480, -1);
      gtk_box_append (GTK_BOX (card), controls);
      return card;
    }
  return card_new ("resource-card", "text-x-generic-symbolic", urok_resource_get_title (resource),
                   _("This kind of file cannot be shown in a presentation."));
}

static GtkWidget *
create_content (UrokResourceView *self,
                UrokResource     *resource)
{
  const char *title;

  if (resource == NULL)
    return named (label_new (self->title != NULL ? self->title : "", "stage-title-card"), "resource-title");

  title = urok_resource_get_title (resource);
  switch (urok_resource_get_kind (resource))
    {
    case UROK_RESOURCE_BOARD_PAGE:
      return create_board_view (self, resource);
    case UROK_RESOURCE_MEDIA:
      return create_media_view (self, resource);
    case UROK_RESOURCE_TEXT:
      return text_card_new (resource);
    case UROK_RESOURCE_LINK:
      if (g_str_has_prefix (urok_resource_get_target (resource), "http://") ||
          g_str_has_prefix (urok_resource_get_target (resource), "https://"))
        {
          GtkWidget *web = g_object_new (WEBKIT_TYPE_WEB_VIEW, "network-session", web_session (), NULL);

          webkit_web_view_load_uri (WEBKIT_WEB_VIEW (web), urok_resource_get_target (resource));
          return named (web, "resource-web");
        }
      return card_new ("resource-card", "web-browser-symbolic", title, _("No web address is set for this link yet."));
    case UROK_RESOURCE_BOOK_PLACE:
      return card_new ("resource-card", "accessories-dictionary-symbolic", title,
                       _("A place in a textbook: it opens in the Library section."));
    case UROK_RESOURCE_TEST:
      return card_new ("resource-card", "emblem-ok-symbolic", title,
                       _("A test: it opens in the Tests section."));
    default:
      g_assert_not_reached ();
    }
}

void
urok_resource_view_show (UrokResourceView *self,
                         UrokResource     *resource,
                         const char       *title)
{
  g_return_if_fail (UROK_IS_RESOURCE_VIEW (self));
  g_return_if_fail (resource == NULL || UROK_IS_RESOURCE (resource));

  if (self->content != NULL && resource != NULL && resource == self->resource)
    return;
  if (self->content != NULL && resource == NULL && self->resource == NULL &&
      g_strcmp0 (title, self->title) == 0)
    return;

  g_set_object (&self->resource, resource);
  g_free (self->title);
  self->title = g_strdup (title);
  g_clear_pointer (&self->content, gtk_widget_unparent);
  self->content = create_content (self, resource);
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));
}

UrokResource *
urok_resource_view_get_resource (UrokResourceView *self)
{
  g_return_val_if_fail (UROK_IS_RESOURCE_VIEW (self), NULL);
  return self->resource;
}

GtkWidget *
urok_resource_view_get_content (UrokResourceView *self)
{
  g_return_val_if_fail (UROK_IS_RESOURCE_VIEW (self), NULL);
  return self->content;
}

void
urok_resource_view_set_instruments (UrokResourceView        *self,
                                    UrokBoardInstrumentView *instruments)
{
  g_return_if_fail (UROK_IS_RESOURCE_VIEW (self));
  g_return_if_fail (instruments == NULL || UROK_IS_BOARD_INSTRUMENT_VIEW (instruments));

  g_set_weak_pointer (&self->instruments, instruments);
  if (self->content != NULL && UROK_IS_BOARD_CANVAS (self->content))
    urok_board_canvas_set_instruments (UROK_BOARD_CANVAS (self->content), instruments);
}

void
urok_resource_view_set_media_dir (UrokResourceView *self,
                                  const char       *media_dir)
{
  g_return_if_fail (UROK_IS_RESOURCE_VIEW (self));

  g_free (self->media_dir);
  self->media_dir = g_strdup (media_dir);
}

void
urok_resource_view_set_ink (UrokResourceView    *self,
                            UrokPresentationInk *ink)
{
  g_return_if_fail (UROK_IS_RESOURCE_VIEW (self));
  g_return_if_fail (UROK_IS_PRESENTATION_INK (ink));

  g_set_object (&self->ink, ink);
}

UrokPresentationInk *
urok_resource_view_get_ink (UrokResourceView *self)
{
  g_return_val_if_fail (UROK_IS_RESOURCE_VIEW (self), NULL);

  /* Shown without a store (a preview, a test): ink for the session. */
  if (self->ink == NULL)
    self->ink = urok_presentation_ink_new (NULL, NULL);
  return self->ink;
}

static void
urok_resource_view_dispose (GObject *object)
{
  UrokResourceView *self = (UrokResourceView *)object;

  g_clear_pointer (&self->content, gtk_widget_unparent);
  g_clear_object (&self->resource);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->media_dir, g_free);
  g_clear_weak_pointer (&self->instruments);
  g_clear_object (&self->ink);

  G_OBJECT_CLASS (urok_resource_view_parent_class)->dispose (object);
}

static void
urok_resource_view_class_init (UrokResourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_resource_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "resourceview");
}

static void
urok_resource_view_init (UrokResourceView *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}
