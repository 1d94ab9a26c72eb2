/* urok-reader-scheme.c: books served to the reader as urok-book://<id>/<path>.
 *
 * Every reader view shares one web context, on which the scheme is
 * registered once.  A request is answered only from the book its own view
 * shows, and only when the URI's host is that book's id: each book is its
 * own origin and cannot read another's files.  Entries are read off the
 * main thread (UrokBookSource.read is thread-safe) and served with the
 * media type the package gives them.  The shared network session is
 * ephemeral and its proxy leads nowhere, so even a request that slipped
 * past the views' policies could not reach the network.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "urok-reader-scheme.h"

#define SOURCE_KEY "urok-reader-source"

typedef struct
{
  UrokBookSource *source;
  char           *path;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->source);
  g_free (job->path);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GError *error = NULL;
  GBytes *bytes = urok_book_source_read (job->source, job->path, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify)g_bytes_unref);
}

static void
read_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WebKitURISchemeRequest) request = user_data;
  ReadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(WebKitURISchemeResponse) response = NULL;
  const char *type;

  if (bytes == NULL)
    {
      g_autoptr(GError) not_found = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "404: %s", error->message);

      webkit_uri_scheme_request_finish_error (request, not_found);
      return;
    }
  type = urok_book_source_get_media_type (job->source, job->path);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  response = webkit_uri_scheme_response_new (stream, (gint64)g_bytes_get_size (bytes));
  webkit_uri_scheme_response_set_content_type (response, type);
  webkit_uri_scheme_response_set_status (response, 200, NULL);
  webkit_uri_scheme_request_finish_with_response (request, response);
}

/* The path part of a urok-book URI, unescaped, without the leading '/';
 * NULL for anything else. */
char *
urok_reader_scheme_parse_uri (const char  *uri,
                              char       **host)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_PATH, NULL);
  const char *path;

  if (host != NULL)
    *host = NULL;
  if (parsed == NULL || g_strcmp0 (g_uri_get_scheme (parsed), UROK_READER_SCHEME) != 0 ||
      g_uri_get_host (parsed) == NULL)
    return NULL;
  path = g_uri_get_path (parsed);
  while (*path == '/')
    path++;
  if (host != NULL)
    *host = g_ascii_strdown (g_uri_get_host (parsed), -1);
  return g_uri_unescape_string (path, NULL);
}

char *
urok_reader_scheme_build_uri (UrokBookSource *source,
                              const char     *path)
{
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  return g_strdup_printf (UROK_READER_SCHEME "://%s/%s", urok_book_source_get_id (source), escaped);
}

static void
handle_request (WebKitURISchemeRequest *request,
                gpointer                user_data)
{
  WebKitWebView *web_view = webkit_uri_scheme_request_get_web_view (request);
  UrokBookSource *source = web_view != NULL ? g_object_get_data (G_OBJECT (web_view), SOURCE_KEY) : NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = urok_reader_scheme_parse_uri (webkit_uri_scheme_request_get_uri (request), &host);
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  if (source == NULL || path == NULL || g_strcmp0 (host, urok_book_source_get_id (source)) != 0)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "404: %s",
                                             webkit_uri_scheme_request_get_uri (request));

      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }
  job = g_new0 (ReadJob, 1);
  job->source = g_object_ref (source);
  job->path = g_steal_pointer (&path);
  task = g_task_new (NULL, NULL, read_done, g_object_ref (request));
  g_task_set_task_data (task, job, (GDestroyNotify)read_job_free);
  g_task_run_in_thread (task, read_thread);
}

WebKitWebContext *
urok_reader_scheme_get_context (void)
{
  static WebKitWebContext *context;

  if (context == NULL)
    {
      WebKitSecurityManager *security;

      context = webkit_web_context_new ();
      webkit_web_context_set_cache_model (context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
      webkit_web_context_register_uri_scheme (context, UROK_READER_SCHEME, handle_request, NULL, NULL);
      security = webkit_web_context_get_security_manager (context);
      /* Secure: book pages are secure contexts (some scripts need it).
       * CORS-enabled: a book's scripts may fetch() its own files.  Not
       * "local": WebKit would then make every page a unique origin. */
      webkit_security_manager_register_uri_scheme_as_secure (security, UROK_READER_SCHEME);
      webkit_security_manager_register_uri_scheme_as_cors_enabled (security, UROK_READER_SCHEME);
    }
  return context;
}

WebKitNetworkSession *
urok_reader_scheme_get_session (void)
{
  static WebKitNetworkSession *session;

  if (session == NULL)
    {
      WebKitNetworkProxySettings *proxy = webkit_network_proxy_settings_new ("http://127.0.0.1:9", NULL);

      session = webkit_network_session_new_ephemeral ();
      webkit_network_session_set_proxy_settings (session, WEBKIT_NETWORK_PROXY_MODE_CUSTOM, proxy);
      webkit_network_proxy_settings_free (proxy);
    }
  return session;
}

/* The book @web_view shows: the only one its requests are answered from. */
void
urok_reader_scheme_set_view_source (WebKitWebView  *web_view,
                                    UrokBookSource *source)
{
  g_object_set_data_full (G_OBJECT (web_view), SOURCE_KEY, source != NULL ? g_object_ref (source) : NULL,
                          g_object_unref);
}
