/* epub-conformance.c: the W3C EPUB 3 reading-system tests, as Urok shows them.
 *
 * Opens every *.epub of the corpus folder (argv[1], else $UROK_CORPUS_DIR/
 * epub-tests, else /work/shared/corpus/epub-tests) through UrokEpub in a real
 * UrokReaderView of 800×600, saves the first page, and up to two more pages
 * when the test goes on, as <out>/screenshots/<test>-<n>.png (argv[2], else
 * docs/epub-tests of the source tree), and writes what it saw to
 * <out>/harness.json: whether the book opened and laid out, its warnings,
 * what its package says passes, and the verdict of tests that judge
 * themselves (a #pass or #fail block shown by their script).  People judge
 * the rest from the screenshots: docs/epub-tests.json is theirs, never this
 * program's.  Needs a display: run through tests/run-with-display.sh
 * (`meson compile -C build epub-conformance`).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <webkit/webkit.h>

#include "urok-epub.h"
#include "urok-reader-view.h"

#define DEFAULT_CORPUS "/work/shared/corpus/epub-tests"
#define WIDTH 800
#define HEIGHT 600
#define MAX_PAGES 3

typedef gboolean (*Check) (gpointer data);

/* Runs the main loop until @check says yes or @seconds have passed. */
static gboolean
wait_for (Check    check,
          gpointer data,
          double   seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)(seconds * G_USEC_PER_SEC);

  while (!check (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
is_ready (gpointer data)
{
  return urok_reader_view_is_ready (data);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **)data != NULL;
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* Runs @body in the reader's world; its value as a string, or NULL. */
static char *
evaluate (UrokReaderView *view,
          const char     *body)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;

  urok_reader_view_evaluate_async (view, body, NULL, keep_result, &result);
  if (!wait_for (has_result, &result, 15))
    return NULL;
  value = urok_reader_view_evaluate_finish (view, result, &error);
  if (value == NULL)
    {
      g_printerr ("  script: %s\n", error->message);
      return NULL;
    }
  return jsc_value_to_string (value);
}

static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 target = gdk_frame_clock_get_frame_counter (clock) + n;
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (gdk_frame_clock_get_frame_counter (clock) < target && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* WebKit has painted what the page now says, and GTK has shown it. */
static void
wait_painted (UrokReaderView *view,
              GtkWidget      *window)
{
  g_free (evaluate (view, "return await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r('ok'))));"));
  wait_frames (window, 5);
}

static gboolean
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  for (guint tries = 0; node == NULL && tries < 20; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (tries > 0)
        wait_frames (widget, 1);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

/* dc:description and dc:coverage of the package: what the test says passes. */
static void
add_package_text (JsonBuilder *builder,
                  UrokEpub    *epub)
{
  static const char *const fields[][2] = {
    { "description", "//dc:description" },
    { "coverage", "//dc:coverage" },
    { "title", "//dc:title" },
  };
  g_autoptr(GBytes) bytes = urok_epub_read_entry (epub, urok_epub_get_package_path (epub), NULL);
  xmlDocPtr doc;
  xmlXPathContextPtr xpath;

  if (bytes == NULL)
    return;
  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int)g_bytes_get_size (bytes), NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    return;
  xpath = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (xpath, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      xmlXPathObjectPtr found = xmlXPathEvalExpression (BAD_CAST fields[i][1], xpath);

      if (found != NULL && found->nodesetval != NULL && found->nodesetval->nodeNr > 0)
        {
          xmlChar *text = xmlNodeGetContent (found->nodesetval->nodeTab[0]);
          g_auto(GStrv) words = g_strsplit_set ((char *)text, " \t\r\n", -1);
          g_autoptr(GString) collapsed = g_string_new (NULL);

          for (guint w = 0; words[w] != NULL; w++)
            if (words[w][0] != '\0')
              g_string_append_printf (collapsed, "%s%s", collapsed->len > 0 ? " " : "", words[w]);
          json_builder_set_member_name (builder, fields[i][0]);
          json_builder_add_string_value (builder, collapsed->str);
          xmlFree (text);
        }
      xmlXPathFreeObject (found);
    }
  xmlXPathFreeContext (xpath);
  xmlFreeDoc (doc);
}

/* A test judges itself when its script shows #pass or #fail, in the page or
 * in one of its frames; the others' script says "Test passes" or "Test
 * fails" in the page's text, kept for the people who judge ("pass:text").
 * Returns "verdict\ntext". */
static const char verdict_script[] =
  "await new Promise((r) => setTimeout(r, 400));"
  "const texts = [];"
  "const look = (doc) => {"
  "  const shown = (id) => { const e = doc.getElementById(id);"
  "    return e !== null && doc.defaultView.getComputedStyle(e).display !== 'none'; };"
  "  if (doc.body) texts.push(doc.body.innerText || doc.body.textContent || '');"
  "  else if (doc.documentElement) texts.push(doc.documentElement.textContent || '');"
  "  let v = shown('fail') ? 'fail' : shown('pass') ? 'pass' : 'none';"
  "  for (const f of doc.querySelectorAll('iframe, object, embed')) {"
  "    let inner = null; try { inner = f.contentDocument || f.getSVGDocument(); } catch (e) {}"
  "    if (inner) { const w = look(inner); if (v === 'none') v = w; } }"
  "  return v; };"
  "let v = look(document);"
  "const text = texts.join(' | ').replace(/\\s+/g, ' ').trim().slice(0, 800);"
  "if (v === 'none' && /test fails\\s*[.!]/i.test(text) && !/test passes\\s*[.!]/i.test(text)) v = 'fail:text';"
  "else if (v === 'none' && /test passes\\s*[.!]/i.test(text) && !/test fails\\s*[.!]/i.test(text)) v = 'pass:text';"
  "return v + '\\n' + text;";

typedef struct
{
  UrokReaderView *view;
  int             spine_index;
  int             page;
} Position;

static gboolean
moved (gpointer data)
{
  Position *at = data;

  return urok_reader_view_is_ready (at->view)
         && (urok_reader_view_get_spine_index (at->view) != at->spine_index
             || urok_reader_view_get_page (at->view) != at->page);
}

static void
run_book (UrokReaderView *view,
          GtkWidget      *window,
          const char     *epub_path,
          const char     *id,
          const char     *shots,
          JsonBuilder    *builder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokEpub) epub = urok_epub_open (epub_path, &error);
  g_autofree char *verdict = NULL;
  char *text;
  guint n_shots = 0;

  json_builder_set_member_name (builder, id);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "opened");
  json_builder_add_boolean_value (builder, epub != NULL);
  if (epub == NULL)
    {
      g_print ("%s: not opened: %s\n", id, error->message);
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error->message);
      json_builder_end_object (builder);
      return;
    }
  add_package_text (builder, epub);
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (const char * const *w = urok_epub_get_warnings (epub); *w != NULL; w++)
    json_builder_add_string_value (builder, *w);
  json_builder_end_array (builder);

  urok_reader_view_open (view, UROK_BOOK_SOURCE (epub), NULL);
  /* Opening is asynchronous: let the old book go before asking if the new one is laid out. */
  wait_frames (window, 2);
  json_builder_set_member_name (builder, "ready");
  json_builder_add_boolean_value (builder, wait_for (is_ready, view, 20));
  if (urok_reader_view_is_ready (view))
    {
      verdict = evaluate (view, verdict_script);
      for (guint n = 1; n <= MAX_PAGES; n++)
        {
          g_autofree char *file = g_strdup_printf ("%s-%u.png", id, n);
          g_autofree char *path = g_build_filename (shots, file, NULL);
          Position at = { view, urok_reader_view_get_spine_index (view), urok_reader_view_get_page (view) };

          wait_painted (view, window);
          if (!save_png (GTK_WIDGET (view), path))
            break;
          n_shots++;
          /* A test of one page says so at once; waiting to see the
           * page not turn would cost seconds a book. */
          if (n == MAX_PAGES
              || (urok_reader_view_get_spine_index (view) + 1 >= (int)urok_epub_get_spine (epub)->len
                  && urok_reader_view_get_page (view) + 1 >= urok_reader_view_get_n_pages (view)))
            break;
          /* Go on only where the test does: the next page or spine item. */
          gtk_widget_activate_action (GTK_WIDGET (view), "reader.next-page", NULL);
          if (!wait_for (moved, &at, 3))
            break;
        }
    }
  text = verdict != NULL ? strchr (verdict, '\n') : NULL;
  if (text != NULL)
    *text++ = '\0';
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, verdict != NULL ? verdict : "none");
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text != NULL ? text : "");
  json_builder_set_member_name (builder, "screenshots");
  json_builder_add_int_value (builder, n_shots);
  json_builder_end_object (builder);
  g_print ("%s: %s, %u screenshot(s), verdict %s\n", id,
           urok_reader_view_is_ready (view) ? "laid out" : "NOT laid out", n_shots,
           verdict != NULL ? verdict : "none");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char *const *)a, *(char *const *)b);
}

static void
remove_old_shots (const char *shots)
{
  g_autoptr(GDir) dir = g_dir_open (shots, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".png"))
      {
        g_autofree char *path = g_build_filename (shots, name, NULL);

        g_unlink (path);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *corpus = NULL;
  const char *out = argc > 2 ? argv[2] : CONFORMANCE_OUT_DIR;
  g_autofree char *shots = g_build_filename (out, "screenshots", NULL);
  g_autofree char *side = g_build_filename (out, "harness.json", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  GtkWidget *window;
  GtkWidget *view;
  const char *name;

  if (argc > 1)
    corpus = g_strdup (argv[1]);
  else if (g_getenv ("UROK_CORPUS_DIR") != NULL)
    corpus = g_build_filename (g_getenv ("UROK_CORPUS_DIR"), "epub-tests", NULL);
  else
    corpus = g_strdup (DEFAULT_CORPUS);
  listing = g_dir_open (corpus, 0, NULL);
  if (listing == NULL)
    {
      g_print ("No EPUB tests at %s: nothing to do (set UROK_CORPUS_DIR or pass the folder)\n", corpus);
      return 0;
    }
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".epub"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  gtk_init ();
  g_mkdir_with_parents (shots, 0755);
  remove_old_shots (shots);
  window = gtk_window_new ();
  view = urok_reader_view_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 2);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "corpus");
  json_builder_add_string_value (builder, corpus);
  json_builder_set_member_name (builder, "window");
  json_builder_add_string_value (builder, "800x600");
  json_builder_set_member_name (builder, "tests");
  json_builder_begin_object (builder);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (corpus, file, NULL);
      g_autofree char *id = g_strndup (file, strlen (file) - strlen (".epub"));

      run_book (UROK_READER_VIEW (view), window, path, id, shots, builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  if (!json_generator_to_file (generator, side, &error))
    {
      g_printerr ("Cannot write %s: %s\n", side, error->message);
      return 1;
    }
  g_print ("%u tests; screenshots in %s, results in %s\n", names->len, shots, side);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
