/* urok-reader-view.c: a book's pages, as the teacher reads them.
 *
 * A WebKitWebView showing one spine document at a time from a
 * UrokBookSource (see urok-reader-scheme.c), laid out and driven by
 * resources/reader/urok-reader.js, which runs in the reader's own script
 * world.  Page turns cross chapters: past a chapter's last page the next
 * document opens at its first page, before its first the previous one at
 * its last.  The location is the spine index and the fraction read of
 * that document.
 *
 * Nothing leaves the machine: a Content-Security-Policy admits only the
 * book's own origin (and data:/blob:), navigation elsewhere is refused,
 * and the shared network session is ephemeral with a proxy that leads
 * nowhere.  What the policy refuses is reported as blocked-request;
 * links out of the book are not followed but reported as external-link.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <webkit/webkit.h>

#include "urok-reader-scheme.h"
#include "urok-reader-view-private.h"

#define WORLD "urok-reader"
#define SCRIPT_RESOURCE "/ru/urok/Urok/reader/urok-reader.js"
#define READING_SYSTEM_RESOURCE "/ru/urok/Urok/reader/urok-reading-system.js"

/* Scripts and styles from the book itself; media, fonts, frames and
 * fetch() from it, data: and blob:; nothing else.  Policies add up, so a
 * book's own policy can only narrow this one. */
#define BOOK_POLICY \
  "default-src 'self' data: blob:; " \
  "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; " \
  "style-src 'self' 'unsafe-inline' data:; " \
  "img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' data: blob:; " \
  "connect-src 'self' data: blob:; frame-src 'self' data: blob:; " \
  "object-src 'none'; form-action 'none'; base-uri 'self'"

static const double text_scales[] = { 0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.4, 2.8 };

G_DEFINE_FINAL_TYPE (UrokReaderView, urok_reader_view, GTK_TYPE_WIDGET)

enum {
  RELOCATED,
  EXTERNAL_LINK,
  BLOCKED_REQUEST,
  N_SIGNALS
};

#define properties _urok_reader_view_properties

static guint signals[N_SIGNALS];

GtkWidget *
urok_reader_view_new (void)
{
  return g_object_new (UROK_TYPE_READER_VIEW, NULL);
}

static gboolean
is_book_uri (UrokReaderView *self,
             const char     *uri)
{
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;

  if (self->source == NULL)
    return FALSE;
  path = urok_reader_scheme_parse_uri (uri, &host);
  return path != NULL && g_strcmp0 (host, urok_book_source_get_id (self->source)) == 0;
}

/* @text as a JavaScript string literal's contents: quotes, backslashes
 * and control characters escaped, UTF-8 kept as it is. */
static char *
js_escape (const char *text)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (escaped, "\\%c", *p);
      else if ((guchar)*p < 0x20)
        g_string_append_printf (escaped, "\\u%04x", (guchar)*p);
      else
        g_string_append_c (escaped, *p);
    }
  return g_string_free (escaped, FALSE);
}

/* The settings as the page script takes them (a JSON object). */
char *
_urok_reader_view_settings_json (UrokReaderView *self)
{
  char scale[G_ASCII_DTOSTR_BUF_SIZE], spacing[G_ASCII_DTOSTR_BUF_SIZE], zoom[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *family = js_escape (self->font_family);

  g_ascii_dtostr (scale, sizeof scale, self->text_scale);
  g_ascii_dtostr (spacing, sizeof spacing, self->line_spacing);
  g_ascii_dtostr (zoom, sizeof zoom, self->zoom);
  return g_strdup_printf ("{\"theme\":\"%s\",\"layout\":\"%s\",\"scale\":%s,\"fontFamily\":\"%s\","
                          "\"lineHeight\":%s,\"margin\":%d,\"zoom\":%s,\"fixed\":%s}",
                          self->theme, self->layout, scale, family, spacing, self->margin, zoom,
                          self->source != NULL && urok_book_source_is_fixed_layout (self->source) ? "true" : "false");
}

static void
evaluate_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  JSCValue *value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result,
                                                                           &error);

  if (value == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, value, g_object_unref);
}

/* @body is the body of an async function: its value is what it returns,
 * a promise's once settled. */
void
urok_reader_view_evaluate_async (UrokReaderView      *self,
                                 const char          *body,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (UROK_IS_READER_VIEW (self));
  g_return_if_fail (body != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, urok_reader_view_evaluate_async);
  webkit_web_view_call_async_javascript_function (self->web_view, body, -1, NULL, WORLD, NULL, cancellable,
                                                  evaluate_ready_cb, task);
}

JSCValue *
urok_reader_view_evaluate_finish (UrokReaderView  *self,
                                  GAsyncResult    *result,
                                  GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Fire and forget: failures (a page still loading) are only logged. */
static void
run_script_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);

  if (value == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Reader script failed: %s", error->message);
}

void
_urok_reader_view_run_script (UrokReaderView *self,
                              const char     *script)
{
  webkit_web_view_evaluate_javascript (self->web_view, script, -1, WORLD, NULL, self->cancellable,
                                       run_script_cb, NULL);
}

/* Opens spine document @index; @target (JSON) says where in it. */
static void
load_spine (UrokReaderView *self,
            guint           index,
            const char     *target)
{
  g_autofree char *uri = urok_reader_scheme_build_uri (self->source, urok_book_source_get_spine_path (self->source, index));

  g_free (self->pending_target);
  self->pending_target = g_strdup (target);
  self->spine_index = (int)index;
  if (self->ready)
    {
      self->ready = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPINE_INDEX]);
  webkit_web_view_load_uri (self->web_view, uri);
}

static char *
fragment_target (const char *fragment)
{
  g_autofree char *escaped = js_escape (fragment);

  return g_strdup_printf ("{\"fragment\":\"%s\"}", escaped);
}

/* @path: a book path, maybe with a #fragment (a TOC entry, a link). */
void
urok_reader_view_go_to (UrokReaderView *self,
                        const char     *path)
{
  const char *hash;
  int index;

  g_return_if_fail (UROK_IS_READER_VIEW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->source != NULL);

  index = urok_book_source_find_spine (self->source, path);
  if (index < 0)
    {
      g_warning ("“%s” is not in the book’s spine", path);
      return;
    }
  hash = strchr (path, '#');
  if (index == self->spine_index && self->ready && hash != NULL)
    {
      g_autofree char *escaped = js_escape (hash + 1);
      g_autofree char *script = g_strdup_printf ("urokReader.goToFragment(\"%s\")", escaped);

      _urok_reader_view_run_script (self, script);
      return;
    }
  {
    g_autofree char *target = hash != NULL ? fragment_target (hash + 1) : g_strdup ("{}");

    load_spine (self, (guint)index, target);
  }
}

void
urok_reader_view_go_to_location (UrokReaderView *self,
                                 guint           spine_index,
                                 double          progression)
{
  char fraction[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *target = NULL;

  g_return_if_fail (UROK_IS_READER_VIEW (self));
  g_return_if_fail (self->source != NULL);
  g_return_if_fail (spine_index < urok_book_source_get_n_spine (self->source));

  g_ascii_dtostr (fraction, sizeof fraction, CLAMP (progression, 0.0, 1.0));
  if ((int)spine_index == self->spine_index && self->ready)
    {
      g_autofree char *script = g_strdup_printf ("urokReader.goToProgression(%s)", fraction);

      _urok_reader_view_run_script (self, script);
      return;
    }
  target = g_strdup_printf ("{\"progression\":%s}", fraction);
  load_spine (self, spine_index, target);
}

/* Opens @source at @path (a spine document, maybe with a fragment), or
 * at its start when @path is NULL. */
void
urok_reader_view_open (UrokReaderView *self,
                       UrokBookSource *source,
                       const char     *path)
{
  g_return_if_fail (UROK_IS_READER_VIEW (self));
  g_return_if_fail (UROK_IS_BOOK_SOURCE (source));
  g_return_if_fail (urok_book_source_is_valid_id (urok_book_source_get_id (source)));

  g_set_object (&self->source, source);
  urok_reader_scheme_set_view_source (self->web_view, source);
  self->spine_index = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
  if (path != NULL && urok_book_source_find_spine (source, path) >= 0)
    urok_reader_view_go_to (self, path);
  else
    load_spine (self, 0, "{}");
}

UrokBookSource *
urok_reader_view_get_source (UrokReaderView *self)
{
  g_return_val_if_fail (UROK_IS_READER_VIEW (self), NULL);

  return self->source;
}

int
urok_reader_view_get_spine_index (UrokReaderView *self)
{
  g_return_val_if_fail (UROK_IS_READER_VIEW (self), -1);

  return self->spine_index;
}

int
urok_reader_view_get_page (UrokReaderView *self)
{
  g_return_val_if_fail (UROK_IS_READER_VIEW (self), 0);

  return self->page;
}

int
urok_reader_view_get_n_pages (UrokReaderView *self)
{
  g_return_val_if_fail (UROK_IS_READER_VIEW (self), 0);

  return self->n_pages;
}

double
urok_reader_view_get_progression (UrokReaderView *self)
{
  g_return_val_if_fail (UROK_IS_READER_VIEW (self), 0);

  return self->progression;
}

/* TRUE once the document shown is laid out at its target. */
gboolean
urok_reader_view_is_ready (UrokReaderView *self)
{
  g_return_val_if_fail (UROK_IS_READER_VIEW (self), FALSE);

  return self->ready;
}

/* Page turns.  The page script turns within the document and says when it
 * is at an end; crossing into the neighbouring document happens here. */
static void
turn_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(UrokReaderView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);
  g_autofree char *outcome = NULL;

  if (value == NULL || self->source == NULL)
    return;
  outcome = jsc_value_to_string (value);
  if (g_strcmp0 (outcome, "end") == 0 &&
      self->spine_index + 1 < (int)urok_book_source_get_n_spine (self->source))
    load_spine (self, (guint)self->spine_index + 1, "{}");
  else if (g_strcmp0 (outcome, "start") == 0 && self->spine_index > 0)
    load_spine (self, (guint)self->spine_index - 1, "{\"end\":true}");
}

static void
turn (UrokReaderView *self,
      int             delta)
{
  if (!self->ready)
    return;
  webkit_web_view_evaluate_javascript (self->web_view, delta > 0 ? "urokReader.next()" : "urokReader.previous()",
                                       -1, WORLD, NULL, self->cancellable, turn_done_cb, g_object_ref (self));
}

static gboolean
is_rtl (UrokReaderView *self)
{
  return self->source != NULL && g_strcmp0 (urok_book_source_get_page_progression (self->source), "rtl") == 0;
}

static void
turn_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UrokReaderView *self = UROK_READER_VIEW (widget);

  if (g_str_equal (action_name, "reader.next-page"))
    turn (self, 1);
  else if (g_str_equal (action_name, "reader.previous-page"))
    turn (self, -1);
  /* The arrow keys follow the book's page progression. */
  else if (g_str_equal (action_name, "reader.page-right"))
    turn (self, is_rtl (self) ? -1 : 1);
  else
    turn (self, is_rtl (self) ? 1 : -1);
}

static guint
nearest_scale (double scale)
{
  guint best = 0;

  for (guint i = 1; i < G_N_ELEMENTS (text_scales); i++)
    if (fabs (text_scales[i] - scale) < fabs (text_scales[best] - scale))
      best = i;
  return best;
}

static void
text_size_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UrokReaderView *self = UROK_READER_VIEW (widget);
  gboolean larger = g_str_equal (action_name, "reader.larger-text");

  /* A fixed-layout page has no text to reflow: it is zoomed instead. */
  if (self->source != NULL && urok_book_source_is_fixed_layout (self->source))
    {
      urok_reader_view_set_zoom (self, larger ? self->zoom * 1.25 : self->zoom / 1.25);
      return;
    }
  {
    guint i = nearest_scale (self->text_scale);

    if (larger && i + 1 < G_N_ELEMENTS (text_scales))
      i++;
    else if (!larger && i > 0)
      i--;
    urok_reader_view_set_text_scale (self, text_scales[i]);
  }
}

double
_urok_reader_view_get_number (JSCValue   *object,
                              const char *name)
{
  g_autoptr(JSCValue) value = jsc_value_object_get_property (object, name);

  return jsc_value_is_number (value) ? jsc_value_to_double (value) : 0.0;
}

/* The page script says where the reader now is. */
void
_urok_reader_view_relocated (UrokReaderView *self,
                             JSCValue       *message)
{
  int page = (int)_urok_reader_view_get_number (message, "page");
  int n_pages = MAX (1, (int)_urok_reader_view_get_number (message, "pages"));
  double progression = CLAMP (_urok_reader_view_get_number (message, "progression"), 0.0, 1.0);

  g_object_freeze_notify (G_OBJECT (self));
  if (page != self->page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
  if (n_pages != self->n_pages)
    {
      self->n_pages = n_pages;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
    }
  if (progression != self->progression)
    {
      self->progression = progression;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESSION]);
    }
  if (self->starting)
    {
      self->starting = FALSE;
      self->ready = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[RELOCATED], 0, self->spine_index, self->progression);
}

static void
show_footnote (UrokReaderView *self,
               JSCValue       *message)
{
  g_autoptr(JSCValue) text = jsc_value_object_get_property (message, "text");
  g_autofree char *string = jsc_value_to_string (text);
  GdkRectangle rect;

  rect.x = (int)_urok_reader_view_get_number (message, "x");
  rect.y = (int)_urok_reader_view_get_number (message, "y");
  rect.width = MAX (1, (int)_urok_reader_view_get_number (message, "width"));
  rect.height = MAX (1, (int)_urok_reader_view_get_number (message, "height"));
  gtk_label_set_text (self->footnote_label, string);
  gtk_popover_set_pointing_to (self->footnote, &rect);
  gtk_popover_popup (self->footnote);
}

static void
message_cb (WebKitUserContentManager *manager,
            JSCValue                 *message,
            UrokReaderView           *self)
{
  g_autoptr(JSCValue) type_value = NULL;
  g_autofree char *type = NULL;

  if (!jsc_value_is_object (message))
    return;
  type_value = jsc_value_object_get_property (message, "type");
  type = jsc_value_to_string (type_value);

  if (g_str_equal (type, "relocated"))
    _urok_reader_view_relocated (self, message);
  else if (g_str_equal (type, "footnote"))
    show_footnote (self, message);
  else if (g_str_equal (type, "link"))
    {
      g_autoptr(JSCValue) path = jsc_value_object_get_property (message, "path");
      g_autofree char *string = jsc_value_to_string (path);

      if (self->source != NULL && urok_book_source_find_spine (self->source, string) >= 0)
        urok_reader_view_go_to (self, string);
    }
  else if (g_str_equal (type, "external"))
    {
      g_autoptr(JSCValue) uri = jsc_value_object_get_property (message, "uri");
      g_autofree char *string = jsc_value_to_string (uri);

      g_signal_emit (self, signals[EXTERNAL_LINK], 0, string);
    }
  else if (g_str_equal (type, "blocked"))
    {
      g_autoptr(JSCValue) uri = jsc_value_object_get_property (message, "uri");
      g_autofree char *string = jsc_value_to_string (uri);

      g_debug ("Reader refused a request for %s", string);
      g_signal_emit (self, signals[BLOCKED_REQUEST], 0, string);
    }
}

/* Navigation stays inside the book; everything else is refused. */
static gboolean
decide_policy_cb (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  UrokReaderView           *self)
{
  WebKitNavigationAction *action;
  const char *uri;
  g_autofree char *scheme = NULL;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;
  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  scheme = g_uri_parse_scheme (uri);
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      (is_book_uri (self, uri) || g_strcmp0 (scheme, "about") == 0 ||
       g_strcmp0 (scheme, "data") == 0 || g_strcmp0 (scheme, "blob") == 0))
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }
  webkit_policy_decision_ignore (decision);
  if (webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED &&
      g_strcmp0 (scheme, UROK_READER_SCHEME) != 0)
    g_signal_emit (self, signals[EXTERNAL_LINK], 0, uri);
  else
    g_signal_emit (self, signals[BLOCKED_REQUEST], 0, uri);
  return TRUE;
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 UrokReaderView  *self)
{
  const char *uri = webkit_web_view_get_uri (web_view);

  if (event == WEBKIT_LOAD_COMMITTED && self->source != NULL && is_book_uri (self, uri))
    {
      g_autofree char *path = urok_reader_scheme_parse_uri (uri, NULL);
      int index = urok_book_source_find_spine (self->source, path);

      /* The book's own script may have navigated: follow it.  A spine
       * may list one document several times: staying on the item shown
       * keeps turning past its first copy. */
      if (index >= 0 && index != self->spine_index
          && (self->spine_index < 0
              || (guint)self->spine_index >= urok_book_source_get_n_spine (self->source)
              || g_strcmp0 (urok_book_source_get_spine_path (self->source, (guint)self->spine_index), path) != 0))
        {
          self->spine_index = index;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPINE_INDEX]);
        }
      if (self->pending_target == NULL)
        self->pending_target = g_strdup ("{}");
    }
  else if (event == WEBKIT_LOAD_FINISHED && self->pending_target != NULL && is_book_uri (self, uri))
    {
      g_autofree char *settings = _urok_reader_view_settings_json (self);
      g_autofree char *script = g_strdup_printf ("urokReader.start(%s, %s)", settings, self->pending_target);

      g_clear_pointer (&self->pending_target, g_free);
      self->starting = TRUE;
      _urok_reader_view_run_script (self, script);
    }
}

static gboolean
load_failed_cb (WebKitWebView   *web_view,
                WebKitLoadEvent  event,
                const char      *uri,
                GError          *error,
                UrokReaderView  *self)
{
  /* A book's fault (an entry WebKit cannot show), not the program's. */
  if (!g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED))
    g_message ("The reader could not open %s: %s", uri, error->message);
  return FALSE;
}

static char *
resource_text (const char *path)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

  g_assert (bytes != NULL);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static WebKitWebView *
create_web_view (UrokReaderView *self)
{
  g_autoptr(WebKitUserContentManager) content = webkit_user_content_manager_new ();
  g_autoptr(WebKitSettings) settings = webkit_settings_new ();
  g_autoptr(WebKitUserScript) user_script = NULL;
  g_autoptr(WebKitUserScript) reading_system = NULL;
  g_autofree char *source = resource_text (SCRIPT_RESOURCE);
  g_autofree char *system_template = resource_text (READING_SYSTEM_RESOURCE);
  g_autoptr(GString) system_source = g_string_new (system_template);

  user_script = webkit_user_script_new_for_world (source, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                                  WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END, WORLD, NULL, NULL);
  webkit_user_content_manager_add_script (content, user_script);
  /* The book's world gets navigator.epubReadingSystem, before its scripts run. */
  g_string_replace (system_source, "@VERSION@", PACKAGE_VERSION, 1);
  reading_system = webkit_user_script_new (system_source->str, WEBKIT_USER_CONTENT_INJECT_ALL_FRAMES,
                                           WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START, NULL, NULL);
  webkit_user_content_manager_add_script (content, reading_system);
  /* Registered in the reader's world only: book scripts cannot post. */
  webkit_user_content_manager_register_script_message_handler (content, "urok", WORLD);
  g_signal_connect_object (content, "script-message-received::urok", G_CALLBACK (message_cb), self, 0);

  /* Books' scripts run (EPUB 3 allows them), in a sandbox with no way out. */
  g_object_set (settings,
                "enable-javascript", TRUE,
                "enable-developer-extras", FALSE,
                "javascript-can-open-windows-automatically", FALSE,
                "allow-file-access-from-file-urls", FALSE,
                "allow-universal-access-from-file-urls", FALSE,
                "allow-modal-dialogs", FALSE,
                "enable-back-forward-navigation-gestures", FALSE,
                "media-playback-requires-user-gesture", TRUE,
                "enable-webrtc", FALSE,
                NULL);
  return g_object_new (WEBKIT_TYPE_WEB_VIEW,
                       "web-context", urok_reader_scheme_get_context (),
                       "network-session", urok_reader_scheme_get_session (),
                       "user-content-manager", content,
                       "settings", settings,
                       "default-content-security-policy", BOOK_POLICY,
                       NULL);
}

static void
urok_reader_view_dispose (GObject *object)
{
  UrokReaderView *self = UROK_READER_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->footnote != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->footnote));
  self->footnote = NULL;
  if (self->web_view != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->web_view));
  self->web_view = NULL;
  g_clear_object (&self->source);

  G_OBJECT_CLASS (urok_reader_view_parent_class)->dispose (object);
}

static void
urok_reader_view_finalize (GObject *object)
{
  UrokReaderView *self = UROK_READER_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending_target, g_free);
  g_clear_pointer (&self->theme, g_free);
  g_clear_pointer (&self->layout, g_free);
  g_clear_pointer (&self->font_family, g_free);

  G_OBJECT_CLASS (urok_reader_view_parent_class)->finalize (object);
}

static void
urok_reader_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (UROK_READER_VIEW (widget)->web_view), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
urok_reader_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  UrokReaderView *self = UROK_READER_VIEW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->web_view), width, height, baseline, NULL);
  gtk_popover_present (self->footnote);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              GdkModifierType        modifiers,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                                          gtk_named_action_new (action)));
}

static void
urok_reader_view_class_init (UrokReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_reader_view_dispose;
  object_class->finalize = urok_reader_view_finalize;
  object_class->get_property = _urok_reader_view_get_property;
  object_class->set_property = _urok_reader_view_set_property;
  widget_class->measure = urok_reader_view_measure;
  widget_class->size_allocate = urok_reader_view_size_allocate;

  _urok_reader_view_install_properties (object_class);

  /**
   * UrokReaderView::relocated:
   * @spine_index: the spine document shown
   * @progression: how far into it, 0 to 1
   */
  signals[RELOCATED] = g_signal_new ("relocated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_DOUBLE);
  /* A link out of the book, not followed: the page may offer it. */
  signals[EXTERNAL_LINK] = g_signal_new ("external-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A request the book made that the reader refused (network, files). */
  signals[BLOCKED_REQUEST] = g_signal_new ("blocked-request", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "reader.next-page", NULL, turn_action);
  gtk_widget_class_install_action (widget_class, "reader.previous-page", NULL, turn_action);
  gtk_widget_class_install_action (widget_class, "reader.page-left", NULL, turn_action);
  gtk_widget_class_install_action (widget_class, "reader.page-right", NULL, turn_action);
  gtk_widget_class_install_action (widget_class, "reader.larger-text", NULL, text_size_action);
  gtk_widget_class_install_action (widget_class, "reader.smaller-text", NULL, text_size_action);
  gtk_widget_class_install_property_action (widget_class, "reader.theme", "theme");
  gtk_widget_class_install_property_action (widget_class, "reader.layout", "layout");

  gtk_widget_class_set_css_name (widget_class, "readerview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
urok_reader_view_init (UrokReaderView *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkWidget *label = gtk_label_new (NULL);

  self->cancellable = g_cancellable_new ();
  self->spine_index = -1;
  self->n_pages = 1;
  self->theme = g_strdup ("light");
  self->layout = g_strdup ("paginated");
  self->font_family = g_strdup ("");
  self->text_scale = 1.0;
  self->line_spacing = 0.0;
  self->margin = 48;
  self->zoom = 1.0;

  self->web_view = create_web_view (self);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));
  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), self, 0);
  g_signal_connect_object (self->web_view, "load-changed", G_CALLBACK (load_changed_cb), self, 0);
  g_signal_connect_object (self->web_view, "load-failed", G_CALLBACK (load_failed_cb), self, 0);

  /* Footnotes open here rather than sending the reader away. */
  self->footnote = GTK_POPOVER (gtk_popover_new ());
  self->footnote_label = GTK_LABEL (label);
  gtk_widget_set_name (GTK_WIDGET (self->footnote), "reader-footnote");
  gtk_label_set_wrap (self->footnote_label, TRUE);
  gtk_label_set_max_width_chars (self->footnote_label, 50);
  gtk_label_set_selectable (self->footnote_label, TRUE);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_popover_set_child (self->footnote, label);
  gtk_widget_set_parent (GTK_WIDGET (self->footnote), GTK_WIDGET (self));

  /* Captured before the web view sees them, which would scroll. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Right, 0, "reader.page-right");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Left, 0, "reader.page-left");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Down, 0, "reader.next-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_space, 0, "reader.next-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Up, 0, "reader.previous-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_space, GDK_SHIFT_MASK, "reader.previous-page");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_plus, GDK_CONTROL_MASK, "reader.larger-text");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_equal, GDK_CONTROL_MASK, "reader.larger-text");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_minus, GDK_CONTROL_MASK, "reader.smaller-text");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
