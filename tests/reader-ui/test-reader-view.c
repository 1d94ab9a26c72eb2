/* test-reader-view.c: the reader view on the demo textbook and on books
 * written here to try its limits.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <webkit/webkit.h>

#include "core-test-util.h"
#include "ui-test-util.h"
#include "urok-book-source-dir.h"
#include "urok-reader-view.h"

typedef struct
{
  GtkWindow      *window;
  UrokReaderView *view;
  GPtrArray      *blocked;
  GPtrArray      *external;
  guint           relocations;
} Fixture;

static void
on_relocated (UrokReaderView *view,
              int             spine_index,
              double          progression,
              Fixture        *fixture)
{
  g_assert_cmpint (spine_index, ==, urok_reader_view_get_spine_index (view));
  g_assert_cmpfloat (progression, ==, urok_reader_view_get_progression (view));
  fixture->relocations++;
}

static void
on_blocked (UrokReaderView *view,
            const char     *uri,
            Fixture        *fixture)
{
  g_ptr_array_add (fixture->blocked, g_strdup (uri));
}

static void
on_external (UrokReaderView *view,
             const char     *uri,
             Fixture        *fixture)
{
  g_ptr_array_add (fixture->external, g_strdup (uri));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->view = UROK_READER_VIEW (urok_reader_view_new ());
  fixture->blocked = g_ptr_array_new_with_free_func (g_free);
  fixture->external = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->view, "blocked-request", G_CALLBACK (on_blocked), fixture);
  g_signal_connect (fixture->view, "external-link", G_CALLBACK (on_external), fixture);
  g_signal_connect (fixture->view, "relocated", G_CALLBACK (on_relocated), fixture);
  gtk_window_set_default_size (fixture->window, 900, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  ui_test_wait_frames (GTK_WIDGET (fixture->window), 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->view, fixture);
  gtk_window_destroy (fixture->window);
  g_ptr_array_unref (fixture->blocked);
  g_ptr_array_unref (fixture->external);
  ui_test_iterate ();
}

static gboolean
is_ready (gpointer data)
{
  return urok_reader_view_is_ready (data);
}

static void
wait_ready (UrokReaderView *view)
{
  ui_test_wait_for (is_ready, view);
}

typedef struct
{
  UrokReaderView *view;
  int             spine_index;
  int             page;
} Place;

static gboolean
is_at (gpointer data)
{
  Place *place = data;

  return urok_reader_view_is_ready (place->view) &&
         urok_reader_view_get_spine_index (place->view) == place->spine_index &&
         (place->page < 0 || urok_reader_view_get_page (place->view) == place->page);
}

/* Waits until the view shows @page (any page if -1) of spine item @index. */
static void
wait_at (UrokReaderView *view,
         int             index,
         int             page)
{
  Place place = { view, index, page };

  ui_test_wait_for (is_at, &place);
}

/* Runs the expression @script in the reader's script world and returns
 * its value (a promise's, once settled) as a string. */
static char *
evaluate (UrokReaderView *view,
          const char     *script)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;
  g_autofree char *body = g_strconcat ("return ", script, ";", NULL);

  urok_reader_view_evaluate_async (view, body, NULL, ui_test_keep_result, &result);
  ui_test_wait_result (&result);
  value = urok_reader_view_evaluate_finish (view, result, &error);
  g_assert_no_error (error);
  return jsc_value_to_string (value);
}

/* Waits until WebKit has painted what the page now says, and GTK shown it. */
static void
wait_painted (Fixture *fixture)
{
  g_free (evaluate (fixture->view, "new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r('ok'))))"));
  ui_test_wait_frames (GTK_WIDGET (fixture->window), 5);
}

static UrokBookSource *
open_demo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  UrokBookSourceDir *source = urok_book_source_dir_new (DEMO_TEXTBOOK_DIR, &error);

  g_assert_no_error (error);
  urok_reader_view_open (fixture->view, UROK_BOOK_SOURCE (source), NULL);
  wait_ready (fixture->view);
  return UROK_BOOK_SOURCE (source);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL));
}

typedef struct
{
  UrokReaderView *view;
  const char     *script;
  const char     *expected;
} Expect;

static gboolean
evaluates_to (gpointer data)
{
  Expect *expect = data;
  g_autofree char *value = evaluate (expect->view, expect->script);

  return g_strcmp0 (value, expect->expected) == 0;
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(UrokBookSource) source = open_demo (fixture);
  int chapter = urok_book_source_find_spine (source, "EPUB/chapter1.xhtml");
  g_autofree char *where = NULL;
  g_autofree char *heading = NULL;
  int n_pages;

  g_assert_cmpint (urok_reader_view_get_spine_index (fixture->view), ==, 0);
  g_assert_cmpint (urok_reader_view_get_page (fixture->view), ==, 0);
  where = evaluate (fixture->view, "JSON.stringify([urokReader.where().page, location.protocol, location.pathname])");
  g_assert_cmpstr (where, ==, "[0,\"urok-book:\",\"/EPUB/cover.xhtml\"]");

  g_assert_cmpint (chapter, >, 0);
  urok_reader_view_go_to (fixture->view, "EPUB/chapter1.xhtml");
  wait_at (fixture->view, chapter, 0);
  n_pages = urok_reader_view_get_n_pages (fixture->view);
  g_test_message ("chapter 1: %d pages", n_pages);
  g_assert_cmpint (n_pages, >, 2);
  /* Page 1 shows the chapter's heading, inside the window. */
  heading = evaluate (fixture->view,
                      "(() => { const r = document.querySelector('h1').getBoundingClientRect();"
                      " return r.left >= 0 && r.right <= innerWidth && r.top >= 0; })()");
  g_assert_cmpstr (heading, ==, "true");
  wait_painted (fixture);
  ui_test_save_png (GTK_WIDGET (fixture->view), "reader-page-1");

  activate (fixture, "reader.next-page");
  wait_at (fixture->view, chapter, 1);
  {
    g_autofree char *hidden = evaluate (fixture->view,
                                        "document.querySelector('h1').getBoundingClientRect().right <= 0");

    g_assert_cmpstr (hidden, ==, "true");
  }
  /* Past the last page: the next chapter at its first page. */
  for (int page = 2; page < n_pages; page++)
    {
      activate (fixture, "reader.next-page");
      wait_at (fixture->view, chapter, page);
    }
  g_assert_cmpfloat (urok_reader_view_get_progression (fixture->view), ==, 1.0);
  activate (fixture, "reader.next-page");
  wait_at (fixture->view, chapter + 1, 0);
  g_assert_cmpfloat (urok_reader_view_get_progression (fixture->view), ==, 0.0);
  /* And back: the previous chapter at its last page. */
  activate (fixture, "reader.previous-page");
  wait_at (fixture->view, chapter, n_pages - 1);
  g_assert_cmpint (urok_reader_view_get_n_pages (fixture->view), ==, n_pages);
  g_assert_cmpuint (fixture->relocations, >=, (guint)n_pages + 2);

  /* A table-of-contents link: the page that shows the section. */
  urok_reader_view_go_to (fixture->view, "EPUB/chapter1.xhtml#sec-1-3");
  {
    Expect expect = { fixture->view,
                      "(() => { const r = document.getElementById('sec-1-3').getBoundingClientRect();"
                      " return String(r.left >= 0 && r.left < innerWidth); })()", "true" };

    wait_at (fixture->view, chapter, -1);
    ui_test_wait_for (evaluates_to, &expect);
    g_assert_cmpint (urok_reader_view_get_page (fixture->view), >, 0);
    g_assert_cmpint (urok_reader_view_get_page (fixture->view), <, n_pages - 1);
  }
  /* From another chapter, through a load. */
  urok_reader_view_go_to (fixture->view, "EPUB/chapter2.xhtml");
  wait_at (fixture->view, chapter + 1, 0);
  urok_reader_view_go_to (fixture->view, "EPUB/chapter1.xhtml#sec-1-3");
  {
    Expect expect = { fixture->view,
                      "(() => { const r = document.getElementById('sec-1-3').getBoundingClientRect();"
                      " return String(r.left >= 0 && r.left < innerWidth); })()", "true" };

    wait_at (fixture->view, chapter, -1);
    ui_test_wait_for (evaluates_to, &expect);
  }
}

static gboolean
has_more_pages (gpointer data)
{
  Place *place = data;

  return urok_reader_view_get_n_pages (place->view) > place->page;
}

static void
test_text_size (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(UrokBookSource) source = open_demo (fixture);
  int chapter = urok_book_source_find_spine (source, "EPUB/chapter1.xhtml");
  Place place = { fixture->view, chapter, 0 };
  g_autofree char *size_before = NULL;
  g_autofree char *size_after = NULL;
  g_autofree char *zoom = NULL;

  urok_reader_view_go_to (fixture->view, "EPUB/chapter1.xhtml");
  wait_at (fixture->view, chapter, 0);
  place.page = urok_reader_view_get_n_pages (fixture->view);
  size_before = evaluate (fixture->view, "getComputedStyle(document.querySelector('p')).fontSize");

  activate (fixture, "reader.larger-text");
  activate (fixture, "reader.larger-text");
  activate (fixture, "reader.larger-text");
  g_assert_cmpfloat (urok_reader_view_get_text_scale (fixture->view), >, 1.3);
  ui_test_wait_for (has_more_pages, &place);
  size_after = evaluate (fixture->view, "getComputedStyle(document.querySelector('p')).fontSize");
  g_test_message ("pages %d → %d, text %s → %s", place.page, urok_reader_view_get_n_pages (fixture->view),
                  size_before, size_after);
  g_assert_cmpstr (size_before, !=, size_after);
  /* Reflowed, not zoomed: the page is still as wide as the window. */
  zoom = evaluate (fixture->view, "String(innerWidth)");
  g_assert_cmpint (atoi (zoom), ==, gtk_widget_get_width (GTK_WIDGET (fixture->view)));
  wait_painted (fixture);
  ui_test_save_png (GTK_WIDGET (fixture->view), "reader-larger-text");

  activate (fixture, "reader.smaller-text");
  g_assert_cmpfloat (urok_reader_view_get_text_scale (fixture->view), <, urok_reader_view_get_text_scale (fixture->view) + 0.01);
}

static void
test_themes (Fixture       *fixture,
             gconstpointer  data)
{
  static const char *themes[][2] = {
    { "sepia", "rgb(244, 236, 216)" },
    { "dark", "rgb(30, 30, 30)" },
    { "light", "rgb(255, 255, 255)" },
  };
  g_autoptr(UrokBookSource) source = open_demo (fixture);
  int chapter = urok_book_source_find_spine (source, "EPUB/chapter1.xhtml");

  urok_reader_view_go_to (fixture->view, "EPUB/chapter1.xhtml");
  wait_at (fixture->view, chapter, 0);
  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      Expect expect = { fixture->view, "getComputedStyle(document.body).backgroundColor", themes[i][1] };
      g_autofree char *name = g_strconcat ("reader-theme-", themes[i][0], NULL);
      g_autofree char *image = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "reader.theme", "s", themes[i][0]));
      g_assert_cmpstr (urok_reader_view_get_theme (fixture->view), ==, themes[i][0]);
      ui_test_wait_for (evaluates_to, &expect);
      /* Pictures keep their own colours in every theme. */
      image = evaluate (fixture->view, "getComputedStyle(document.querySelector('img')).filter");
      g_assert_cmpstr (image, ==, "none");
      wait_painted (fixture);
      ui_test_save_png (GTK_WIDGET (fixture->view), name);
    }

  /* Font, line spacing and margins come from the reader's settings. */
  urok_reader_view_set_font_family (fixture->view, "DejaVu Sans Mono");
  urok_reader_view_set_line_spacing (fixture->view, 2.0);
  urok_reader_view_set_margin (fixture->view, 80);
  {
    Expect family = { fixture->view, "getComputedStyle(document.querySelector('p')).fontFamily", "\"DejaVu Sans Mono\"" };
    Expect spacing = { fixture->view,
                       "(() => { const s = getComputedStyle(document.querySelector('p'));"
                       " return String(parseFloat(s.lineHeight) / parseFloat(s.fontSize)); })()", "2" };
    Expect margin = { fixture->view, "getComputedStyle(document.documentElement).paddingLeft", "80px" };

    ui_test_wait_for (evaluates_to, &family);
    ui_test_wait_for (evaluates_to, &spacing);
    ui_test_wait_for (evaluates_to, &margin);
  }

  /* Scrolled: no columns, the page grows downwards. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "reader.layout", "s", "scrolled"));
  {
    Expect expect = { fixture->view, "String(document.documentElement.scrollHeight > 2 * innerHeight)", "true" };

    ui_test_wait_for (evaluates_to, &expect);
  }
  activate (fixture, "reader.next-page");
  {
    Expect expect = { fixture->view, "String(scrollY > 0)", "true" };

    ui_test_wait_for (evaluates_to, &expect);
  }
}

/* A book of two chapters that tries to reach the network, has a footnote
 * and links in and out. */
static char *
write_test_book (void)
{
  static const char *files[][2] = {
    { "mimetype", "application/epub+zip" },
    { "META-INF/container.xml",
      "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
      "<rootfiles><rootfile full-path=\"OPS/package.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>" },
    { "OPS/package.opf",
      "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"id\">"
      "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:identifier id=\"id\">test</dc:identifier>"
      "<dc:title>Test</dc:title><dc:language>en</dc:language></metadata>"
      "<manifest><item id=\"c1\" href=\"one.xhtml\" media-type=\"application/xhtml+xml\"/>"
      "<item id=\"c2\" href=\"two.xhtml\" media-type=\"application/xhtml+xml\"/>"
      "<item id=\"d\" href=\"data.txt\" media-type=\"text/plain\"/></manifest>"
      "<spine><itemref idref=\"c1\"/><itemref idref=\"c2\"/></spine></package>" },
    { "OPS/data.txt", "from the book" },
    { "OPS/one.xhtml",
      "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\">"
      "<head><title>One</title><script>//<![CDATA[\n"
      "document.addEventListener('DOMContentLoaded', () => {"
      " const b = document.body.dataset;"
      " b.reader = typeof window.urokReader;"
      " b.handlers = String(!!(window.webkit && window.webkit.messageHandlers && window.webkit.messageHandlers.urok));"
      " fetch('data.txt').then(r => r.text()).then(t => { b.own = t; }, e => { b.own = 'failed: ' + e; });"
      " fetch('http://example.com/steal').then(() => { b.net = 'reached'; }, () => { b.net = 'refused'; });"
      "});\n//]]></script></head><body><h1>One</h1>"
      "<p>Text<a id=\"ref\" epub:type=\"noteref\" href=\"#note\">1</a>.</p>"
      "<p><img src=\"http://example.com/pixel.png\" alt=\"\"/></p>"
      "<p><a id=\"next\" href=\"two.xhtml#end\">Two</a> <a id=\"out\" href=\"https://example.org/\">out</a></p>"
      "<aside id=\"note\" epub:type=\"footnote\"><p>The note’s text.</p></aside></body></html>" },
    { "OPS/two.xhtml",
      "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Two</title></head>"
      "<body><h1>Two</h1><p id=\"end\">End.</p></body></html>" },
  };
  char *dir = core_test_path ("book");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i][0], NULL);
      g_autofree char *parent = g_path_get_dirname (path);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      g_file_set_contents (path, files[i][1], -1, &error);
      g_assert_no_error (error);
    }
  return dir;
}

static gboolean
saw_blocked (gpointer data)
{
  Fixture *fixture = data;
  gboolean image = FALSE, fetch = FALSE;
  static guint reported;

  for (; reported < fixture->blocked->len; reported++)
    g_test_message ("refused: %s", (char *)g_ptr_array_index (fixture->blocked, reported));

  for (guint i = 0; i < fixture->blocked->len; i++)
    {
      const char *uri = g_ptr_array_index (fixture->blocked, i);

      image = image || g_str_has_prefix (uri, "http://example.com/pixel.png");
      fetch = fetch || g_str_has_prefix (uri, "http://example.com/steal");
    }
  return image && fetch;
}

static gboolean
footnote_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
has_external (gpointer data)
{
  return ((Fixture *)data)->external->len > 0;
}

static void
test_policy (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *dir = write_test_book ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBookSourceDir) source = urok_book_source_dir_new (dir, &error);
  GtkWidget *footnote;

  g_assert_no_error (error);
  urok_reader_view_open (fixture->view, UROK_BOOK_SOURCE (source), NULL);
  wait_ready (fixture->view);

  /* The page's policy refused both requests to the network, and said so. */
  ui_test_wait_for (saw_blocked, fixture);
  {
    Expect expect = { fixture->view, "JSON.stringify(document.body.dataset)", NULL };
    g_autofree char *seen = NULL;
    Expect net = { fixture->view, "String(document.body.dataset.net)", "refused" };
    Expect own = { fixture->view, "String(document.body.dataset.own)", "from the book" };

    ui_test_wait_for (evaluates_to, &net);
    ui_test_wait_for (evaluates_to, &own);
    seen = evaluate (expect.view, expect.script);
    g_test_message ("the book's script saw %s", seen);
    /* The book's own script sees nothing of the reader. */
    g_assert_nonnull (strstr (seen, "\"reader\":\"undefined\""));
    g_assert_nonnull (strstr (seen, "\"handlers\":\"false\""));
  }

  /* A note reference opens the note in a popover, and the page stays. */
  footnote = ui_test_find_named (GTK_WIDGET (fixture->view), "reader-footnote");
  g_assert_nonnull (footnote);
  g_free (evaluate (fixture->view, "(document.getElementById('ref').click(), 'ok')"));
  ui_test_wait_for (footnote_shown, footnote);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_popover_get_child (GTK_POPOVER (footnote)))), ==,
                   "The note’s text.");
  g_assert_cmpint (urok_reader_view_get_spine_index (fixture->view), ==, 0);
  wait_painted (fixture);
  ui_test_save_png (GTK_WIDGET (fixture->window), "reader-footnote-page");
  /* The popover is a surface of its own, not in the window's picture. */
  ui_test_save_png (footnote, "reader-footnote");
  gtk_popover_popdown (GTK_POPOVER (footnote));

  /* A link out of the book is reported, not followed. */
  g_free (evaluate (fixture->view, "(document.getElementById('out').click(), 'ok')"));
  ui_test_wait_for (has_external, fixture);
  g_assert_cmpstr (g_ptr_array_index (fixture->external, 0), ==, "https://example.org/");
  g_assert_cmpint (urok_reader_view_get_spine_index (fixture->view), ==, 0);

  /* A link inside the book goes there. */
  g_free (evaluate (fixture->view, "(document.getElementById('next').click(), 'ok')"));
  wait_at (fixture->view, 1, 0);
  {
    g_autofree char *path = evaluate (fixture->view, "location.pathname");

    g_assert_cmpstr (path, ==, "/OPS/two.xhtml");
  }
  /* Other books' files are not served to this one, nor missing ones. */
  {
    Expect other = { fixture->view,
                     "fetch('urok-book://dir-000000000000000000000000/OPS/data.txt')"
                     ".then(() => 'reached', () => 'refused')", "refused" };
    Expect missing = { fixture->view,
                       "fetch('/OPS/none.txt').then((r) => r.ok ? 'reached' : 'bad', () => 'refused')", "refused" };

    ui_test_wait_for (evaluates_to, &other);
    ui_test_wait_for (evaluates_to, &missing);
  }
}

/* A fixed-layout book whose pages turn right to left. */
static void
test_fixed_rtl (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *page =
    "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>P</title>"
    "<meta name=\"viewport\" content=\"width=600, height=800\"/></head>"
    "<body style=\"margin:0;width:600px;height:800px;background:#cde\"><h1>Page</h1></body></html>";
  g_autofree char *dir = core_test_path ("fixed");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBookSourceDir) source = NULL;
  g_autofree char *scale = NULL;
  g_autofree char *zoomed = NULL;
  const char *files[][2] = {
    { "META-INF/container.xml",
      "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles>"
      "<rootfile full-path=\"p.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>" },
    { "p.opf",
      "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><metadata>"
      "<meta property=\"rendition:layout\">pre-paginated</meta></metadata><manifest>"
      "<item id=\"a\" href=\"a.xhtml\" media-type=\"application/xhtml+xml\"/>"
      "<item id=\"b\" href=\"b.xhtml\" media-type=\"application/xhtml+xml\"/></manifest>"
      "<spine page-progression-direction=\"rtl\"><itemref idref=\"a\"/><itemref idref=\"b\"/></spine></package>" },
    { "a.xhtml", page },
    { "b.xhtml", page },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i][0], NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      g_file_set_contents (path, files[i][1], -1, &error);
      g_assert_no_error (error);
    }
  source = urok_book_source_dir_new (dir, &error);
  g_assert_no_error (error);
  urok_reader_view_open (fixture->view, UROK_BOOK_SOURCE (source), NULL);
  wait_at (fixture->view, 0, 0);

  /* The 600×800 page fits the 900×700 view: scaled by 700/800. */
  scale = evaluate (fixture->view, "new DOMMatrix(getComputedStyle(document.documentElement).transform).a.toFixed(3)");
  g_assert_cmpstr (scale, ==, "0.875");
  /* Its own colours, whatever the theme. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "reader.theme", "s", "dark"));
  {
    Expect expect = { fixture->view, "getComputedStyle(document.body).backgroundColor", "rgb(204, 221, 238)" };

    ui_test_wait_for (evaluates_to, &expect);
  }
  wait_painted (fixture);
  ui_test_save_png (GTK_WIDGET (fixture->view), "reader-fixed-layout");

  /* Right to left: the left arrow turns forwards, the right one back. */
  activate (fixture, "reader.page-left");
  wait_at (fixture->view, 1, 0);
  activate (fixture, "reader.page-right");
  wait_at (fixture->view, 0, 0);

  /* Larger text on a fixed page zooms it instead. */
  activate (fixture, "reader.larger-text");
  g_assert_cmpfloat_with_epsilon (urok_reader_view_get_zoom (fixture->view), 1.25, 1e-9);
  {
    Expect expect = { fixture->view,
                      "new DOMMatrix(getComputedStyle(document.documentElement).transform).a.toFixed(3)", "1.094" };

    ui_test_wait_for (evaluates_to, &expect);
  }
  activate (fixture, "reader.smaller-text");
  activate (fixture, "reader.smaller-text");
  g_assert_cmpfloat (urok_reader_view_get_zoom (fixture->view), ==, 1.0);
}

/* Right-to-left text: pages run leftwards, and the last shows the end. */
static void
test_rtl_text (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *dir = core_test_path ("rtl");
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokBookSourceDir) source = NULL;
  const char *text = "שלום עולם, זהו ספר לימוד שנכתב מימין לשמאל. ";
  const char *files[][2] = {
    { "META-INF/container.xml",
      "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles>"
      "<rootfile full-path=\"p.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>" },
    { "p.opf",
      "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><metadata/><manifest>"
      "<item id=\"a\" href=\"a.xhtml\" media-type=\"application/xhtml+xml\"/></manifest>"
      "<spine page-progression-direction=\"rtl\"><itemref idref=\"a\"/></spine></package>" },
    { "a.xhtml", NULL },
  };
  int n_pages;

  g_string_append (body, "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" dir=\"rtl\" "
                         "lang=\"he\"><head><title>R</title></head><body><h1 id=\"first\">ספר</h1>");
  for (int i = 0; i < 40; i++)
    {
      g_string_append (body, "<p>");
      for (int j = 0; j < 8; j++)
        g_string_append (body, text);
      g_string_append (body, "</p>");
    }
  g_string_append (body, "<p id=\"last\">סוף</p></body></html>");
  files[2][1] = body->str;
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i][0], NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
      g_file_set_contents (path, files[i][1], -1, &error);
      g_assert_no_error (error);
    }
  source = urok_book_source_dir_new (dir, &error);
  g_assert_no_error (error);
  urok_reader_view_open (fixture->view, UROK_BOOK_SOURCE (source), NULL);
  wait_at (fixture->view, 0, 0);
  n_pages = urok_reader_view_get_n_pages (fixture->view);
  g_test_message ("right-to-left chapter: %d pages", n_pages);
  g_assert_cmpint (n_pages, >, 2);
  {
    Expect first = { fixture->view,
                     "(() => { const r = document.getElementById('first').getBoundingClientRect();"
                     " return String(r.right <= innerWidth && r.left >= 0); })()", "true" };

    ui_test_wait_for (evaluates_to, &first);
  }
  wait_painted (fixture);
  ui_test_save_png (GTK_WIDGET (fixture->view), "reader-rtl-text");
  /* The left arrow turns forwards in a right-to-left book. */
  activate (fixture, "reader.page-left");
  wait_at (fixture->view, 0, 1);
  urok_reader_view_go_to_location (fixture->view, 0, 1.0);
  wait_at (fixture->view, 0, n_pages - 1);
  {
    Expect last = { fixture->view,
                    "(() => { const r = document.getElementById('last').getBoundingClientRect();"
                    " return String(r.right <= innerWidth && r.left >= 0); })()", "true" };

    ui_test_wait_for (evaluates_to, &last);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  root = ui_test_isolate_dirs ();

  g_test_add ("/reader/view/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/reader/view/text-size", Fixture, NULL, fixture_set_up, test_text_size, fixture_tear_down);
  g_test_add ("/reader/view/themes", Fixture, NULL, fixture_set_up, test_themes, fixture_tear_down);
  g_test_add ("/reader/view/fixed-rtl", Fixture, NULL, fixture_set_up, test_fixed_rtl, fixture_tear_down);
  g_test_add ("/reader/view/rtl-text", Fixture, NULL, fixture_set_up, test_rtl_text, fixture_tear_down);
  g_test_add ("/reader/view/policy", Fixture, NULL, fixture_set_up, test_policy, fixture_tear_down);
  status = core_test_run ();
  {
    g_autoptr(GFile) home = g_file_new_for_path (root);

    core_test_remove_tree (home);
  }
  return status;
}
