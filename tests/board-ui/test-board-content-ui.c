/* test-board-content-ui.c: the canvas's text boxes (typed into the real
 * GtkTextView), pictures, backgrounds (through board.background, compared
 * with the core renderer) and the presenter's board thumbnails.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ui-test-util.h"
#include "urok-board-canvas.h"
#include "urok-board-render.h"
#include "urok-board-thumbnail.h"

typedef struct
{
  GtkWindow       *window;
  UrokBoardCanvas *canvas;
  UrokBoardPage   *page;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (fx->window, FALSE);
  gtk_window_set_default_size (fx->window, 800, 600);
  fx->canvas = UROK_BOARD_CANVAS (urok_board_canvas_new ());
  fx->page = urok_board_page_new ();
  urok_board_page_set_size (fx->page, 1600, 900);
  urok_board_canvas_set_page (fx->canvas, fx->page);
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->canvas));
  gtk_window_present (fx->window);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 3);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fx->canvas)), ==, 800);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  gtk_window_destroy (fx->window);
  ui_test_iterate ();
  g_clear_object (&fx->page);
}

static UrokBoardInput *
input (Fixture *fx)
{
  return urok_board_canvas_get_input (fx->canvas);
}

static void
tap (Fixture *fx,
     double   x,
     double   y)
{
  static guint32 t;
  UrokBoardEvent event = { 1, UROK_BOARD_DEVICE_MOUSE, UROK_BOARD_PHASE_BEGIN, x, y, -1, t += 1000 };

  urok_board_canvas_feed_event (fx->canvas, &event);
  event.phase = UROK_BOARD_PHASE_END;
  event.time_ms += 60;
  urok_board_canvas_feed_event (fx->canvas, &event);
}

static void
xdotool (const char *args)
{
  g_autofree char *command = g_strdup_printf ("%s %s", XDOTOOL, args);
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
settle (void)
{
  for (guint i = 0; i < 5; i++)
    {
      g_usleep (20000);
      ui_test_iterate ();
    }
}

static char *
editor_text (GtkWidget *editor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Types @text into the focused editor: real key presses through XTest
 * when there is an X server and xdotool, else the text view's own
 * insert-at-cursor (what its input method does). */
static gboolean
type_text (Fixture    *fx,
           GtkWidget  *editor,
           const char *text)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (editor));
  g_autofree char *before = editor_text (editor);

  if (XDOTOOL[0] != '\0' && GDK_IS_X11_SURFACE (surface))
    {
      g_autofree char *focus = g_strdup_printf ("windowfocus --sync %u", (guint)gdk_x11_surface_get_xid (surface));
      g_autofree char *type = g_strdup_printf ("type --delay 30 '%s'", text);
      g_autofree char *after = NULL;

      xdotool (focus);
      settle ();
      xdotool (type);
      settle ();
      after = editor_text (editor);
      if (g_str_has_suffix (after, text) && strlen (after) == strlen (before) + strlen (text))
        return TRUE;
      g_test_message ("XTest keys did not reach the editor (\"%s\"); inserting at the cursor", after);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), before, -1);
    }
  g_signal_emit_by_name (editor, "insert-at-cursor", text);
  return FALSE;
}

static void
test_text (Fixture       *fx,
           gconstpointer  data)
{
  GtkWidget *editor;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *shown = NULL;
  UrokBoardItem *item;
  guint64 id;
  double bx, by;
  gboolean real_keys;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.tool-text", NULL));
  g_assert_cmpint (urok_board_input_get_tool (input (fx)), ==, UROK_BOARD_TOOL_KIND_TEXT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.color", "s", "#d22b2b"));

  /* An empty box commits nothing. */
  tap (fx, 300, 300);
  g_assert_nonnull (urok_board_canvas_get_text_editor (fx->canvas));
  tap (fx, 500, 400);
  g_assert_null (urok_board_canvas_get_text_editor (fx->canvas));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 0);

  tap (fx, 200, 150);
  editor = urok_board_canvas_get_text_editor (fx->canvas);
  g_assert_true (GTK_IS_TEXT_VIEW (editor));
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  g_assert_true (gtk_widget_has_focus (editor));
  /* At the tap, its font at the text's size at this zoom (0.5). */
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (editor, GTK_WIDGET (fx->canvas), &bounds));
    g_assert_cmpfloat (fabs (bounds.origin.x - 200), <=, 1);
    g_assert_cmpfloat (fabs (bounds.origin.y - 150), <=, 1);
    g_assert_cmpfloat (bounds.size.height, >=, 40 * 0.5);
  }
  real_keys = type_text (fx, editor, "x+2=7");
  g_test_message ("typed with %s", real_keys ? "XTest key presses" : "insert-at-cursor");
  shown = editor_text (editor);
  g_assert_cmpstr (shown, ==, "x+2=7");
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  ui_test_save_png (GTK_WIDGET (fx->window), "board-text-editing");

  /* Escape commits. */
  if (real_keys)
    {
      xdotool ("key Escape");
      settle ();
    }
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.tool-pen", NULL));
  g_assert_null (urok_board_canvas_get_text_editor (fx->canvas));
  items = urok_board_page_get_items (fx->page);
  g_assert_cmpuint (items->len, ==, 1);
  item = items->pdata[0];
  g_assert_cmpint (urok_board_item_get_kind (item), ==, UROK_BOARD_ITEM_TEXT);
  g_assert_cmpstr (urok_board_item_get_text (item), ==, "x+2=7");
  /* 20 + 5 × the palette's width (4). */
  g_assert_cmpfloat (urok_board_item_get_font_size (item), ==, 40);
  g_assert_cmpfloat_with_epsilon (urok_board_item_get_color (item)->red, 0xd2 / 255.0, 1e-3);
  urok_board_input_view_to_board (input (fx), 200, 150, &bx, &by);
  g_assert_cmpfloat_with_epsilon (urok_board_item_get_box (item)->x, bx, 1e-6);
  g_assert_cmpfloat_with_epsilon (urok_board_item_get_box (item)->y, by, 1e-6);
  id = urok_board_item_get_id (item);

  /* Tapping it with the text tool edits it; the change is one undo step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.tool-text", NULL));
  tap (fx, 210, 160);
  editor = urok_board_canvas_get_text_editor (fx->canvas);
  g_assert_nonnull (editor);
  g_free (shown);
  shown = editor_text (editor);
  g_assert_cmpstr (shown, ==, "x+2=7");
  g_signal_emit_by_name (editor, "move-cursor", GTK_MOVEMENT_BUFFER_ENDS, 1, FALSE);
  type_text (fx, editor, ", x=5");
  tap (fx, 600, 500);
  g_assert_null (urok_board_canvas_get_text_editor (fx->canvas));
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);
  g_assert_cmpstr (urok_board_item_get_text (urok_board_page_lookup (fx->page, id)), ==, "x+2=7, x=5");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.undo", NULL));
  g_assert_cmpstr (urok_board_item_get_text (urok_board_page_lookup (fx->page, id)), ==, "x+2=7");
}

static cairo_status_t
append (void                *closure,
        const unsigned char *data,
        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A 300 × 200 picture: green left half, orange right half. */
static GBytes *
make_png (void)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 200);
  cairo_t *cr = cairo_create (s);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0, 0.6, 0);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 0.5, 0);
  cairo_rectangle (cr, 150, 0, 150, 200);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (s, append, png);
  cairo_surface_destroy (s);
  return g_byte_array_free_to_bytes (png);
}

static void
test_image (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("GIF89a not a picture we take", 28);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *jpeg = NULL;
  gsize jpeg_len = 0;
  g_autoptr(GBytes) jpeg_bytes = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const UrokBoardRect *box;
  double bx, by;

  /* A file the test writes, read back as the chooser and drops read. */
  path = g_build_filename (g_get_user_cache_dir (), "picture.png", NULL);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    loaded = g_file_load_bytes (file, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_true (urok_board_canvas_insert_image (fx->canvas, loaded, 400, 300, &error));
  g_assert_no_error (error);
  items = urok_board_page_get_items (fx->page);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (urok_board_item_get_kind (items->pdata[0]), ==, UROK_BOARD_ITEM_IMAGE);
  g_assert_true (g_bytes_equal (urok_board_item_get_bytes (items->pdata[0]), png));
  /* One picture pixel per board unit, centred on the drop point. */
  box = urok_board_item_get_box (items->pdata[0]);
  urok_board_input_view_to_board (input (fx), 400, 300, &bx, &by);
  g_assert_cmpfloat (box->width, ==, 300);
  g_assert_cmpfloat (box->height, ==, 200);
  g_assert_cmpfloat_with_epsilon (box->x + box->width / 2, bx, 1e-6);
  g_assert_cmpfloat_with_epsilon (box->y + box->height / 2, by, 1e-6);
  g_assert_true (urok_board_page_can_undo (fx->page));

  /* Not a PNG or JPEG: refused, nothing changes. */
  g_assert_false (urok_board_canvas_insert_image (fx->canvas, junk, 400, 300, &error));
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 1);

  /* A JPEG is turned into a PNG item; at the widget's centre it fits. */
  pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 3000, 1000);
  gdk_pixbuf_fill (pixbuf, 0x2040c0ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &jpeg_len, "jpeg", &error, NULL));
  jpeg_bytes = g_bytes_new (jpeg, jpeg_len);
  g_assert_true (urok_board_canvas_insert_image (fx->canvas, jpeg_bytes, -1, -1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = urok_board_page_get_items (fx->page);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (urok_board_item_get_text (items->pdata[1]), ==, "image/png");
  box = urok_board_item_get_box (items->pdata[1]);
  /* The visible board is 1600 units wide: 80 % of it. */
  g_assert_cmpfloat_with_epsilon (box->width, 1280, 1e-6);
  g_assert_cmpfloat_with_epsilon (box->height, 1280 / 3.0, 1e-6);
  g_remove (path);
}

/* Mean difference per channel and the share of pixels off by more than
 * 40 in some channel. */
static void
compare (GdkTexture      *texture,
         cairo_surface_t *reference,
         double          *mean,
         double          *bad)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  gsize stride = width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  const guchar *ref = cairo_image_surface_get_data (reference);
  int ref_stride = cairo_image_surface_get_stride (reference);
  double total = 0;
  guint n_bad = 0;

  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        int worst = 0;

        for (int c = 0; c < 3; c++)
          {
            int d = abs ((int)pixels[y * stride + x * 4 + c] - (int)ref[y * ref_stride + x * 4 + c]);

            total += d;
            worst = MAX (worst, d);
          }
        n_bad += worst > 40;
      }
  *mean = total / (3.0 * width * height);
  *bad = (double)n_bad / (width * height);
}

/* The canvas's picture against the core renderer's of the same view. */
static void
assert_matches_renderer (Fixture    *fx,
                         const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (fx->canvas)), height = gtk_widget_get_height (GTK_WIDGET (fx->canvas));
  double scale = urok_board_input_get_scale (input (fx));
  double ox = round (urok_board_input_get_offset_x (input (fx))), oy = round (urok_board_input_get_offset_y (input (fx)));
  UrokBoardRect view = { -ox / scale, -oy / scale, width / scale, height / scale };
  cairo_surface_t *reference = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (reference);
  double mean, bad;

  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  urok_board_canvas_request_tiles (fx->canvas);
  urok_board_canvas_wait_tiles (fx->canvas);
  texture = urok_board_canvas_render_texture (fx->canvas);

  cairo_set_source_rgb (cr, 0.36, 0.38, 0.40);
  cairo_paint (cr);
  urok_board_render_page (cr, fx->page, &view, scale, UROK_BOARD_RENDER_DEFAULT);
  cairo_destroy (cr);
  cairo_surface_flush (reference);
  compare (texture, reference, &mean, &bad);
  g_test_message ("%s: canvas vs renderer: mean difference %.3f, %.4f%% of pixels off", name, mean, bad * 100);
  g_assert_cmpfloat (mean, <, 1.5);
  g_assert_cmpfloat (bad, <, 0.002);
  {
    g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                             "screenshots", NULL);
    g_autofree char *file = g_strconcat (name, "-reference.png", NULL);
    g_autofree char *path = g_build_filename (dir, file, NULL);

    g_mkdir_with_parents (dir, 0755);
    cairo_surface_write_to_png (reference, path);
  }
  cairo_surface_destroy (reference);
}

static GBytes *
make_pdf (void)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append, pdf, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_show_page (cr);
  /* Page 2: a worksheet's frame and a title bar. */
  cairo_set_source_rgb (cr, 0.1, 0.3, 0.7);
  cairo_rectangle (cr, 40, 40, 515, 60);
  cairo_fill (cr);
  cairo_set_line_width (cr, 4);
  cairo_rectangle (cr, 40, 120, 515, 680);
  cairo_stroke (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (pdf);
}

static void
test_backgrounds (Fixture       *fx,
                  gconstpointer  data)
{
  static const char *const papers[] = { "squares", "lines", "slanted", "staves", "graph", "coordinates", "plain" };
  g_autoptr(GBytes) pdf = make_pdf ();
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  guint64 before;

  urok_board_canvas_set_show_palette (fx->canvas, FALSE);
  before = urok_board_page_get_sequence (fx->page);
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      UrokBoardBackground expected;
      g_autofree char *name = g_strdup_printf ("board-background-%s", papers[i]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.background", "s", papers[i]));
      g_assert_true (urok_board_background_from_string (papers[i], &expected));
      g_assert_cmpint (urok_board_page_get_background (fx->page), ==, expected);
      g_free (state);
      g_object_get (fx->canvas, "background", &state, NULL);
      g_assert_cmpstr (state, ==, papers[i]);
      if (i == 2 || i == 5)
        assert_matches_renderer (fx, name);
    }
  /* A page setting, not an undoable edit of the items. */
  g_assert_false (urok_board_page_can_undo (fx->page));
  g_assert_cmpuint (urok_board_page_get_sequence (fx->page), ==, before);

  /* Image and PDF come with their data; the action takes papers only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.background", "s", "pdf"));
  g_assert_cmpint (urok_board_page_get_background (fx->page), ==, UROK_BOARD_BACKGROUND_PLAIN);

  g_assert_true (urok_board_canvas_set_background_image (fx->canvas, png, &error));
  g_assert_no_error (error);
  g_assert_cmpint (urok_board_page_get_background (fx->page), ==, UROK_BOARD_BACKGROUND_IMAGE);
  assert_matches_renderer (fx, "board-background-image");

  /* Page 2 of an A4 PDF: the board keeps its width, takes A4's shape. */
  g_assert_true (urok_board_canvas_set_background_pdf (fx->canvas, pdf, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (urok_board_page_get_background (fx->page), ==, UROK_BOARD_BACKGROUND_PDF);
  g_assert_cmpstr (urok_board_page_get_background_parameter (fx->page), ==, "1");
  g_assert_cmpfloat (urok_board_page_get_width (fx->page), ==, 1600);
  g_assert_cmpfloat (urok_board_page_get_height (fx->page), ==, round (1600 * 842 / 595.0));
  assert_matches_renderer (fx, "board-background-pdf");

  /* A bad PDF page changes nothing. */
  g_assert_false (urok_board_canvas_set_background_pdf (fx->canvas, pdf, 7, &error));
  g_assert_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID);
  g_assert_cmpint (urok_board_page_get_background (fx->page), ==, UROK_BOARD_BACKGROUND_PDF);

  /* Back to a paper: the PDF is not kept unseen in the page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.background", "s", "squares"));
  g_assert_null (urok_board_page_get_background_data (fx->page));
}

static gboolean
rendered_at_least (gpointer data)
{
  gpointer *args = data;

  return urok_board_thumbnail_get_n_renders (args[0]) >= GPOINTER_TO_UINT (args[1]);
}

static guint
dark_pixels (GdkTexture *texture)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize)w * h * 4);
  guint n = 0;

  gdk_texture_download (texture, pixels, w * 4);
  for (int i = 0; i < w * h; i++)
    n += pixels[i * 4] + pixels[i * 4 + 1] + pixels[i * 4 + 2] < 3 * 100;
  return n;
}

static void
add_stroke (UrokBoardPage *page,
            double         y)
{
  UrokBoardColor black = { 0, 0, 0, 1 };
  UrokBoardPoint p[2] = { { 100, y, 0.5f, 0 }, { 1500, y, 0.5f, 10 } };
  g_autoptr(UrokBoardItem) item = urok_board_item_new_stroke (urok_board_page_next_id (page), 0, UROK_BOARD_TOOL_PEN,
                                                              &black, 30, p, 2);

  g_assert_true (urok_board_page_add_item (page, item, NULL));
}

/* A board page drawn small by the core, again when it changes, at most
 * once a second while it keeps changing. */
static void
test_thumbnail (Fixture       *fx,
                gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *thumb = urok_board_thumbnail_new (fx->page, 144, 81);
  gpointer args[2] = { thumb, GUINT_TO_POINTER (1) };
  guint first_dark, n;

  gtk_window_set_child (GTK_WINDOW (window), thumb);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_for (rendered_at_least, args);
  g_assert_cmpint (gdk_texture_get_width (urok_board_thumbnail_get_texture (UROK_BOARD_THUMBNAIL (thumb))), ==, 144);
  first_dark = dark_pixels (urok_board_thumbnail_get_texture (UROK_BOARD_THUMBNAIL (thumb)));

  add_stroke (fx->page, 450);
  args[1] = GUINT_TO_POINTER (2);
  ui_test_wait_for (rendered_at_least, args);
  g_assert_cmpuint (dark_pixels (urok_board_thumbnail_get_texture (UROK_BOARD_THUMBNAIL (thumb))), >, first_dark + 100);

  /* Writing on: five changes in a row make one more picture, not five. */
  for (guint i = 0; i < 5; i++)
    add_stroke (fx->page, 100 + 60 * i);
  args[1] = GUINT_TO_POINTER (3);
  ui_test_wait_for (rendered_at_least, args);
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (50000);
      ui_test_iterate ();
    }
  n = urok_board_thumbnail_get_n_renders (UROK_BOARD_THUMBNAIL (thumb));
  g_assert_cmpuint (n, ==, 3);
  ui_test_save_png (window, "board-thumbnail");
  gtk_window_destroy (GTK_WINDOW (window));
}

static GskRenderNode *
widget_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* The window with its open popover where it is on screen (a popover is a
 * surface of its own, not in the window's picture). */
static void
save_with_popover (GtkWidget  *window,
                   GtkWidget  *popover,
                   const char *name)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) window_node = widget_node (window);
  g_autoptr(GskRenderNode) popover_node = widget_node (popover);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", ui_test_in_russian () ? "ru" : "", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  double sx, sy;
  int w = gtk_widget_get_width (window), h = gtk_widget_get_height (window);

  g_assert_nonnull (window_node);
  g_assert_nonnull (popover_node);
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &sx, &sy);
  gtk_snapshot_append_node (snapshot, window_node);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)) - sx,
                                                          gdk_popup_get_position_y (GDK_POPUP (surface)) - sy));
  gtk_snapshot_append_node (snapshot, popover_node);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* The screenshots for docs/: a page with a text being typed, and the
 * background menu. */
static void
test_screenshots (Fixture       *fx,
                  gconstpointer  data)
{
  UrokBoardColor blue = { 0.11f, 0.31f, 0.85f, 1 };
  GtkWidget *editor, *button;
  GtkWidget *popover;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.background", "s", "squares"));
  urok_board_input_set_color (input (fx), &blue);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.tool-text", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.width", "d", 8.0));
  tap (fx, 60, 100);
  g_signal_emit_by_name (urok_board_canvas_get_text_editor (fx->canvas), "insert-at-cursor", "Задача 1");
  tap (fx, 700, 500);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.width", "d", 4.0));
  tap (fx, 60, 170);
  g_signal_emit_by_name (urok_board_canvas_get_text_editor (fx->canvas), "insert-at-cursor", "Ответ: x = 5");
  tap (fx, 700, 500);
  tap (fx, 60, 230);
  editor = urok_board_canvas_get_text_editor (fx->canvas);
  g_signal_emit_by_name (editor, "insert-at-cursor", "Проверка: 5 + 2 = 7");
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  urok_board_canvas_request_tiles (fx->canvas);
  urok_board_canvas_wait_tiles (fx->canvas);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  ui_test_save_png (GTK_WIDGET (fx->window), "board-text");
  g_assert_cmpuint (urok_board_page_get_n_items (fx->page), ==, 2);

  /* The background menu, open over a slanted page. */
  tap (fx, 700, 500);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->canvas), "board.background", "s", "slanted"));
  button = ui_test_find_named (GTK_WIDGET (fx->canvas), "board-backgrounds");
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  ui_test_wait_frames (popover, 3);
  urok_board_canvas_request_tiles (fx->canvas);
  urok_board_canvas_wait_tiles (fx->canvas);
  ui_test_wait_frames (GTK_WIDGET (fx->canvas), 2);
  save_with_popover (GTK_WIDGET (fx->window), popover, "board-backgrounds");
  /* Every choice is a finger's target. */
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_popover_get_child (GTK_POPOVER (popover))); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_h;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      g_assert_cmpint (min_h, >=, 48);
    }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = ui_test_isolate_dirs ();

  /* In Russian when LANG says so (the screenshots for docs/). */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UROK_LOCALEDIR") ? g_getenv ("UROK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
#define ADD(path, func) g_test_add ("/ui/board/content/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("text", test_text);
  ADD ("image", test_image);
  ADD ("backgrounds", test_backgrounds);
  ADD ("thumbnail", test_thumbnail);
  ADD ("screenshots", test_screenshots);
#undef ADD
  return g_test_run ();
}
