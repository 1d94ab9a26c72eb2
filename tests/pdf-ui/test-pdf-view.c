/* test-pdf-view.c: the PDF view under Xvfb (issue 5, point 3): tiles,
 * scrolling, zoom, search highlights and copying a selection, on a PDF the
 * test makes with cairo.  Screenshots go to screenshots/ in this build folder.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <math.h>
#include <string.h>

#include "core-test-util.h"
#include "pdf-test-make.h"
#include "ui-test-util.h"
#include "urok-pdf-view.h"

#define N_PAGES 20

typedef struct
{
  GtkWindow   *window;
  UrokPdfView *view;
  GtkWidget   *scrolled;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autofree char *path = core_test_path ("book.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(UrokPdf) pdf = NULL;

  pdf_test_make (path, N_PAGES, TRUE);
  pdf = urok_pdf_new_from_file (path, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 700, 560);
  f->scrolled = gtk_scrolled_window_new ();
  f->view = UROK_PDF_VIEW (urok_pdf_view_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (f->scrolled), GTK_WIDGET (f->view));
  gtk_window_set_child (f->window, f->scrolled);
  g_assert_true (urok_pdf_view_set_document (f->view, pdf, &error));
  g_assert_no_error (error);
  gtk_window_present (f->window);
  ui_test_wait_frames (GTK_WIDGET (f->view), 2);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  gtk_window_destroy (f->window);
  ui_test_iterate ();
}

static gboolean
tiles_done (gpointer data)
{
  UrokPdfView *view = data;

  gtk_widget_queue_draw (GTK_WIDGET (view));
  return urok_pdf_view_get_n_pending_tiles (view) == 0 && urok_pdf_view_get_n_rendered_tiles (view) > 0;
}

/* Waits for the sharp tiles of what is on screen. */
static void
wait_sharp (Fixture *f)
{
  ui_test_wait_frames (GTK_WIDGET (f->view), 2);
  ui_test_wait_for (tiles_done, f->view);
  ui_test_wait_frames (GTK_WIDGET (f->view), 2);
  g_assert_cmpuint (urok_pdf_view_get_n_pending_tiles (f->view), ==, 0);
}

/* The view as it draws now, as 8-bit BGRA (cairo's order) rows. */
static guint8 *
grab (Fixture *f,
      gsize   *stride)
{
  GtkWidget *widget = GTK_WIDGET (f->view);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint8 *pixels;

  /* The view's own drawing, now: a paintable shows the last frame's. */
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  *stride = (gsize)gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (*stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, *stride);
  return pixels;
}

/* The colour at page point (@px, @py) of @page as 0xRRGGBB. */
static guint32
color_at (Fixture *f,
          guint    page,
          double   px,
          double   py)
{
  g_autofree guint8 *pixels = NULL;
  gsize stride;
  double x, y;
  const guint8 *p;

  g_assert_true (urok_pdf_view_page_to_view (f->view, page, px, py, &x, &y));
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (f->view)));
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (f->view)));
  pixels = grab (f, &stride);
  p = pixels + (gsize)y * stride + (gsize)x * 4;
  return (guint32)p[2] << 16 | (guint32)p[1] << 8 | p[0];
}

static void
test_open (Fixture      *f,
           gconstpointer data)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));
  double zoom;

  wait_sharp (f);
  /* Fit width by default: 400 pt across 700 px less the margins. */
  g_assert_cmpint (urok_pdf_view_get_zoom_mode (f->view), ==, UROK_PDF_ZOOM_FIT_WIDTH);
  zoom = urok_pdf_view_get_zoom (f->view);
  g_assert_cmpfloat (zoom, >, 1.0);
  g_assert_cmpfloat (zoom * 400 * 96 / 72, <=, gtk_widget_get_width (GTK_WIDGET (f->view)));
  /* Twenty pages are taller than the window. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, 20 * 600 * zoom);
  g_assert_cmpuint (urok_pdf_view_get_page (f->view), ==, 0);

  /* The red square where the page has it, white paper around. */
  g_assert_cmphex (color_at (f, 0, 125, 225), ==, 0xff0000);
  g_assert_cmphex (color_at (f, 0, 90, 225), ==, 0xffffff);
  g_assert_cmphex (color_at (f, 0, 125, 260), ==, 0xffffff);
  ui_test_save_png (GTK_WIDGET (f->window), "pdf-view-open");

  /* The outline is there for a sidebar. */
  g_assert_cmpuint (g_list_model_get_n_items (urok_pdf_view_get_outline (f->view)), ==, 2);
}

static void
test_scroll (Fixture      *f,
             gconstpointer data)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));
  double before, x, y;

  wait_sharp (f);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.go-to-page", "u", 9);
  wait_sharp (f);
  g_assert_cmpuint (urok_pdf_view_get_page (f->view), ==, 9);
  g_assert_cmphex (color_at (f, 9, 5, 5), ==, 0xffffff);
  ui_test_save_png (GTK_WIDGET (f->window), "pdf-view-page-10");

  /* Scrolling by the adjustment moves the current page along. */
  before = gtk_adjustment_get_value (vadj);
  g_assert_true (urok_pdf_view_page_to_view (f->view, 12, 0, 0, &x, &y));
  gtk_adjustment_set_value (vadj, before + y);
  ui_test_wait_frames (GTK_WIDGET (f->view), 2);
  g_assert_cmpuint (urok_pdf_view_get_page (f->view), ==, 12);
  gtk_adjustment_set_value (vadj, 0);
  ui_test_wait_frames (GTK_WIDGET (f->view), 2);
  g_assert_cmpuint (urok_pdf_view_get_page (f->view), ==, 0);
}

static void
test_zoom (Fixture      *f,
           gconstpointer data)
{
  double fit;

  wait_sharp (f);
  fit = urok_pdf_view_get_zoom (f->view);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.zoom-in", NULL);
  g_assert_cmpint (urok_pdf_view_get_zoom_mode (f->view), ==, UROK_PDF_ZOOM_FREE);
  g_assert_cmpfloat_with_epsilon (urok_pdf_view_get_zoom (f->view), fit * 1.2, 1e-9);

  /* Right after a zoom, before any tile of it is drawn, the stretched
   * tiles of the last zoom stand in: the square is there already. */
  urok_pdf_view_set_zoom (f->view, 3.0);
  g_assert_cmphex (color_at (f, 0, 145, 205), ==, 0xff0000);
  g_assert_cmpuint (urok_pdf_view_get_n_pending_tiles (f->view), >, 0);
  g_assert_cmphex (color_at (f, 0, 145, 195), ==, 0xffffff);
  ui_test_save_png (GTK_WIDGET (f->window), "pdf-view-zoom-300-first-frame");
  wait_sharp (f);
  ui_test_save_png (GTK_WIDGET (f->window), "pdf-view-zoom-300");

  urok_pdf_view_set_zoom (f->view, 10);
  g_assert_cmpfloat (urok_pdf_view_get_zoom (f->view), ==, UROK_PDF_VIEW_MAX_ZOOM);
  urok_pdf_view_set_zoom (f->view, 0.01);
  g_assert_cmpfloat (urok_pdf_view_get_zoom (f->view), ==, UROK_PDF_VIEW_MIN_ZOOM);
  urok_pdf_view_set_page (f->view, 0);
  wait_sharp (f);
  /* At 25 % the square is still where the page has it. */
  g_assert_cmphex (color_at (f, 0, 125, 225), ==, 0xff0000);
  ui_test_save_png (GTK_WIDGET (f->window), "pdf-view-zoom-25");

  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.fit-page", NULL);
  g_assert_cmpint (urok_pdf_view_get_zoom_mode (f->view), ==, UROK_PDF_ZOOM_FIT_PAGE);
  /* A whole 600 pt page in 560 px less margins. */
  g_assert_cmpfloat (urok_pdf_view_get_zoom (f->view) * 600 * 96 / 72, <=,
                     gtk_widget_get_height (GTK_WIDGET (f->view)));
  wait_sharp (f);
  ui_test_save_png (GTK_WIDGET (f->window), "pdf-view-fit-page");
}

static void
count_matches (GObject    *object,
               GParamSpec *pspec,
               gpointer    user_data)
{
  (*(guint *)user_data)++;
}

static gboolean
is_nonzero (gpointer data)
{
  return *(guint *)data != 0;
}

static void
find (Fixture    *f,
      const char *text)
{
  guint notified = 0;
  gulong id = g_signal_connect (f->view, "notify::n-matches", G_CALLBACK (count_matches), &notified);

  urok_pdf_view_find (f->view, text);
  ui_test_wait_for (is_nonzero, &notified);
  g_signal_handler_disconnect (f->view, id);
}

static void
test_search (Fixture      *f,
             gconstpointer data)
{
  UrokPdfRect rect;
  guint32 color;

  wait_sharp (f);
  find (f, "photosynthesis");
  g_assert_cmpuint (urok_pdf_view_get_n_matches (f->view), ==, 1);
  g_assert_cmpint (urok_pdf_view_get_match (f->view), ==, 0);
  g_assert_true (urok_pdf_view_get_match_rect (f->view, &rect));
  g_assert_cmpuint (rect.page, ==, 2);
  wait_sharp (f);
  /* Highlighted: a corner of the word's box is paper under orange. */
  color = color_at (f, 2, rect.x + 1, rect.y + 1);
  g_test_message ("highlight %06x", color);
  g_assert_cmpuint (color >> 16, >, 0xe0);
  g_assert_cmpuint (color & 0xff, <, 0xa0);
  ui_test_save_png (GTK_WIDGET (f->window), "pdf-view-search");

  find (f, "Page");
  g_assert_cmpuint (urok_pdf_view_get_n_matches (f->view), ==, N_PAGES);
  /* From the page being read (page 3, where the last search went) on. */
  g_assert_cmpint (urok_pdf_view_get_match (f->view), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.find-next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.find-next", NULL);
  g_assert_cmpint (urok_pdf_view_get_match (f->view), ==, 4);
  for (guint i = 0; i < 5; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.find-previous", NULL);
  g_assert_cmpint (urok_pdf_view_get_match (f->view), ==, N_PAGES - 1);
  ui_test_wait_frames (GTK_WIDGET (f->view), 2);
  /* The view went to the last page's match. */
  g_assert_cmpuint (urok_pdf_view_get_page (f->view), >=, N_PAGES - 3);

  find (f, "mitochondria");
  g_assert_cmpuint (urok_pdf_view_get_n_matches (f->view), ==, 0);
  g_assert_cmpint (urok_pdf_view_get_match (f->view), ==, -1);
}

static void
read_text (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(char **)data != NULL;
}

static void
test_select_copy (Fixture      *f,
                  gconstpointer data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->view));
  g_autofree char *selected = NULL;
  g_autofree char *pasted = NULL;
  g_autoptr(GArray) found = urok_pdf_find_on_page (urok_pdf_view_get_document (f->view), 2, "photosynthesis");
  UrokPdfRect word = g_array_index (found, UrokPdfRect, 0);
  UrokPdfRect drag = { 2, word.x + 1, word.y + word.height / 2, word.width - 2, 0 };

  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.copy", NULL)
                  && urok_pdf_view_dup_selected_text (f->view) != NULL);
  urok_pdf_view_set_page (f->view, 2);
  urok_pdf_view_select (f->view, &drag);
  selected = urok_pdf_view_dup_selected_text (f->view);
  g_assert_cmpstr (g_strstrip (selected), ==, "photosynthesis");
  wait_sharp (f);
  ui_test_save_png (GTK_WIDGET (f->window), "pdf-view-selection");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "pdf.copy", NULL));
  gdk_clipboard_read_text_async (clipboard, NULL, read_text, &pasted);
  ui_test_wait_for (is_set, &pasted);
  g_assert_cmpstr (g_strstrip (pasted), ==, "photosynthesis");

  urok_pdf_view_select (f->view, NULL);
  g_assert_null (urok_pdf_view_dup_selected_text (f->view));
}

static void
xdotool (const char *format,
         ...) G_GNUC_PRINTF (1, 2);

static void
xdotool (const char *format,
         ...)
{
  va_list args;
  g_autofree char *rest = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  va_start (args, format);
  rest = g_strdup_vprintf (format, args);
  va_end (args);
  command = g_strdup_printf ("%s %s", XDOTOOL, rest);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* Lets the X server deliver what xdotool sent and GTK handle it. */
static void
settle (void)
{
  for (guint i = 0; i < 3; i++)
    {
      g_usleep (20000);
      ui_test_iterate ();
    }
}

/* A real mouse through XTest: a drag over the word selects it, ctrl+c
 * copies it, ctrl+wheel zooms about the pointer. */
static void
test_xtest_input (Fixture      *f,
                  gconstpointer data)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (f->view));
  GdkSurface *surface = gtk_native_get_surface (native);
  g_autoptr(GArray) found = urok_pdf_find_on_page (urok_pdf_view_get_document (f->view), 2, "photosynthesis");
  UrokPdfRect word = g_array_index (found, UrokPdfRect, 0);
  g_autofree char *selected = NULL;
  double nx, ny, wx, wy, x0, y0, x1, y1, zoom, px, py, after_x, after_y;
  guint32 xid;

  if (XDOTOOL[0] == '\0' || !GDK_IS_X11_SURFACE (surface))
    {
      g_test_skip ("needs xdotool and X11");
      return;
    }
  xid = (guint32)gdk_x11_surface_get_xid (surface);
  gtk_native_get_surface_transform (native, &nx, &ny);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (f->view), GTK_WIDGET (native), 0, 0, &wx, &wy));
  wx += nx;
  wy += ny;
  urok_pdf_view_set_page (f->view, 2);
  wait_sharp (f);

  g_assert_true (urok_pdf_view_page_to_view (f->view, 2, word.x + 2, word.y + word.height / 2, &x0, &y0));
  g_assert_true (urok_pdf_view_page_to_view (f->view, 2, word.x + word.width - 2, word.y + word.height / 2, &x1, &y1));
  xdotool ("mousemove --window %u %d %d", xid, (int)(wx + x0), (int)(wy + y0));
  settle ();
  xdotool ("mousedown 1");
  settle ();
  for (int i = 1; i <= 10; i++)
    xdotool ("mousemove --window %u %d %d", xid, (int)(wx + x0 + (x1 - x0) * i / 10), (int)(wy + y0));
  settle ();
  xdotool ("mouseup 1");
  settle ();
  selected = urok_pdf_view_dup_selected_text (f->view);
  g_assert_nonnull (selected);
  g_test_message ("dragged over: “%s”", selected);
  g_assert_nonnull (strstr (selected, "hotosynthesi"));
  ui_test_save_png (GTK_WIDGET (f->window), "pdf-view-drag-selection");

  /* ctrl+wheel up zooms in, keeping the page point under the pointer. */
  zoom = urok_pdf_view_get_zoom (f->view);
  px = word.x + word.width / 2;
  py = word.y;
  g_assert_true (urok_pdf_view_page_to_view (f->view, 2, px, py, &x0, &y0));
  xdotool ("mousemove --window %u %d %d", xid, (int)(wx + x0), (int)(wy + y0));
  settle ();
  xdotool ("keydown ctrl click 4 keyup ctrl");
  settle ();
  g_assert_cmpfloat (urok_pdf_view_get_zoom (f->view), >, zoom * 1.1);
  g_assert_cmpint (urok_pdf_view_get_zoom_mode (f->view), ==, UROK_PDF_ZOOM_FREE);
  g_assert_true (urok_pdf_view_page_to_view (f->view, 2, px, py, &after_x, &after_y));
  g_assert_cmpfloat (fabs (after_x - x0), <, 3);
  g_assert_cmpfloat (fabs (after_y - y0), <, 3);
}

/* Every key the view binds is in the shortcuts window's Textbooks
 * section, names an action the view has, and every key listed there is bound. */
static void
test_shortcuts_listed (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (APP_PATH "gtk/help-overlay.ui");
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autoptr(GHashTable) actions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));
  GSList *objects = gtk_builder_get_objects (builder);
  const char *name, *property;
  const GVariantType *parameter_type;
  guint n_bound = 0;
  GType type;

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;
        g_autofree char *section_name = NULL;
        g_auto(GStrv) each = NULL;
        GtkWidget *section = gtk_widget_get_ancestor (l->data, GTK_TYPE_SHORTCUTS_SECTION);
        GtkWidget *group = gtk_widget_get_ancestor (l->data, GTK_TYPE_SHORTCUTS_GROUP);

        g_object_get (section, "section-name", &section_name, NULL);
        /* The PDF view's group; the EPUB reader's has its own test. */
        if (g_strcmp0 (section_name, "reader") != 0 || g_strcmp0 (gtk_widget_get_name (group), "pdf-textbooks") != 0)
          continue;
        g_object_get (l->data, "accelerator", &accelerator, NULL);
        each = g_strsplit (accelerator, " ", -1);
        for (guint k = 0; each[k] != NULL; k++)
          {
            guint key[2];

            g_assert_true (gtk_accelerator_parse (each[k], &key[0], (GdkModifierType *)&key[1]));
            g_array_append_val (listed, key);
          }
      }
  g_slist_free (objects);
  g_assert_cmpuint (listed->len, >=, 12);

  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (f->view), i, &type, &name, &parameter_type,
                                                   &property); i++)
    g_hash_table_add (actions, (gpointer)name);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          guint key[2];
          gboolean found = FALSE;

          if (!GTK_IS_NAMED_ACTION (action) || !GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          g_assert_true (g_hash_table_contains (actions, gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))));
          key[0] = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
          key[1] = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger));
          n_bound++;
          for (guint k = 0; k < listed->len && !found; k++)
            found = memcmp (&g_array_index (listed, guint, 2 * k), key, sizeof key) == 0;
          if (!found)
            g_test_message ("not listed: %s", gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
          g_assert_true (found);
        }
    }
  g_assert_cmpuint (n_bound, ==, listed->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = ui_test_isolate_dirs ();
  int ret;

  gtk_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/ui/pdf-view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("open", test_open);
  ADD ("scroll", test_scroll);
  ADD ("zoom", test_zoom);
  ADD ("search", test_search);
  ADD ("select-copy", test_select_copy);
  ADD ("shortcuts-listed", test_shortcuts_listed);
  ADD ("xtest-input", test_xtest_input);
#undef ADD
  ret = core_test_run ();
  return ret;
}
