/* urok-board-canvas-content.c: pictures and backgrounds on the canvas:
 * board.insert-image, board.background-image, board.background-pdf (file
 * choosers), image files dropped on the board, a picture pasted from the
 * clipboard.  The core checks and scales what comes in; this file turns
 * JPEG into PNG (GdkTexture decodes it), places it, and tells the teacher
 * in a toast what it refused.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "urok-board-canvas-private.h"
#include "urok-board-content.h"

/* A new picture takes at most this share of the visible board. */
#define FIT_SHARE 0.8
/* Pictures dropped together are fanned out by this much (view px). */
#define DROP_STEP 32.0
#define MAX_DROPPED 12
/* Anything larger is no lesson's PDF (and is not read into memory). */
#define MAX_PDF_BYTES ((goffset)256 * 1024 * 1024)

typedef enum
{
  LOAD_INSERT,
  LOAD_BACKGROUND_IMAGE,
  LOAD_BACKGROUND_PDF,
} LoadKind;

typedef struct
{
  LoadKind kind;
  double   x;
  double   y;
} Load;

void
_urok_board_canvas_toast (UrokBoardCanvas *self,
                          const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* Pictures */

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
jpeg_to_png (GBytes  *bytes,
             GError **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GByteArray) png = NULL;
  cairo_surface_t *surface, *scaled = NULL;
  int w, h;
  cairo_status_t status;

  texture = gdk_texture_new_from_bytes (bytes, NULL);
  if (texture == NULL)
    {
      g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID, _("Could not use the picture: %s"),
                   _("the file is damaged"));
      return NULL;
    }
  w = gdk_texture_get_width (texture);
  h = gdk_texture_get_height (texture);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID, _("Could not use the picture: %s"),
                   _("it has too many pixels"));
      return NULL;
    }
  gdk_texture_download (texture, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  /* Scaled here, not by the core: a PNG of a camera's full size is slow
   * to write only to be scaled down again. */
  if (MAX (w, h) > UROK_BOARD_IMAGE_MAX_SIDE)
    {
      double f = (double)UROK_BOARD_IMAGE_MAX_SIDE / MAX (w, h);
      int sw = MAX (1, (int)lround (w * f)), sh = MAX (1, (int)lround (h * f));
      cairo_t *cr;

      scaled = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sw, sh);
      cr = cairo_create (scaled);
      cairo_scale (cr, (double)sw / w, (double)sh / h);
      cairo_set_source_surface (cr, surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      surface = scaled;
    }
  png = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID, _("Could not use the picture: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/* PNG bytes for an IMAGE item or background, checked and scaled. */
static GBytes *
prepare_picture (GBytes  *bytes,
                 int     *width,
                 int     *height,
                 GError **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autoptr(GBytes) png = NULL;

  if (len >= 3 && len <= UROK_BOARD_IMAGE_MAX_BYTES && memcmp (data, "\xff\xd8\xff", 3) == 0)
    {
      png = jpeg_to_png (bytes, error);
      if (png == NULL)
        return NULL;
    }
  else
    png = g_bytes_ref (bytes);
  return urok_board_image_prepare (png, width, height, error);
}

gboolean
urok_board_canvas_insert_image (UrokBoardCanvas *self,
                                GBytes          *bytes,
                                double           x,
                                double           y,
                                GError         **error)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(UrokBoardItem) item = NULL;
  double scale, vw, vh, fit, bx, by, left, top;
  int w = 0, h = 0;
  UrokBoardRect box;

  g_return_val_if_fail (UROK_IS_BOARD_CANVAS (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (self->page == NULL)
    return TRUE;
  png = prepare_picture (bytes, &w, &h, error);
  if (png == NULL)
    return FALSE;

  /* One picture pixel per board unit, unless it does not fit the view. */
  scale = urok_board_input_get_scale (self->input);
  vw = gtk_widget_get_width (GTK_WIDGET (self)) / scale;
  vh = gtk_widget_get_height (GTK_WIDGET (self)) / scale;
  if (vw <= 0 || vh <= 0)
    {
      vw = urok_board_page_is_infinite (self->page) ? 1920 : urok_board_page_get_width (self->page);
      vh = urok_board_page_is_infinite (self->page) ? 1080 : urok_board_page_get_height (self->page);
    }
  fit = MIN (1.0, MIN (FIT_SHARE * vw / w, FIT_SHARE * vh / h));
  box.width = w * fit;
  box.height = h * fit;
  if (x < 0 || y < 0)
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  urok_board_input_view_to_board (self->input, x, y, &bx, &by);
  urok_board_input_view_to_board (self->input, 0, 0, &left, &top);
  /* Centred on the point, and wholly in view. */
  box.x = CLAMP (bx - box.width / 2, left, MAX (left, left + vw - box.width));
  box.y = CLAMP (by - box.height / 2, top, MAX (top, top + vh - box.height));
  item = urok_board_item_new_image (urok_board_page_next_id (self->page), 0, png, "image/png", &box);
  return urok_board_page_add_item (self->page, item, error);
}

gboolean
urok_board_canvas_set_background_image (UrokBoardCanvas *self,
                                        GBytes          *bytes,
                                        GError         **error)
{
  g_autoptr(GBytes) png = NULL;
  int w, h;

  g_return_val_if_fail (UROK_IS_BOARD_CANVAS (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (self->page == NULL)
    return TRUE;
  png = prepare_picture (bytes, &w, &h, error);
  if (png == NULL)
    return FALSE;
  urok_board_page_set_background_data (self->page, png);
  urok_board_page_set_background_parameter (self->page, NULL);
  urok_board_page_set_background (self->page, UROK_BOARD_BACKGROUND_IMAGE);
  return TRUE;
}

gboolean
urok_board_canvas_set_background_pdf (UrokBoardCanvas *self,
                                      GBytes          *pdf,
                                      guint            number,
                                      GError         **error)
{
  g_autoptr(GBytes) one = NULL;
  double w, h;

  g_return_val_if_fail (UROK_IS_BOARD_CANVAS (self), FALSE);
  g_return_val_if_fail (pdf != NULL, FALSE);

  if (self->page == NULL)
    return TRUE;
  /* The page alone: a board page does not carry the whole book. */
  one = urok_board_pdf_extract_page (pdf, number, &w, &h, error);
  if (one == NULL)
    return FALSE;
  /* The board keeps its width and takes the sheet's proportions, so the
   * sheet is not stretched. */
  if (!urok_board_page_is_infinite (self->page))
    urok_board_page_set_size (self->page, urok_board_page_get_width (self->page),
                              round (urok_board_page_get_width (self->page) * h / w));
  urok_board_page_set_background_data (self->page, one);
  urok_board_page_set_background_parameter (self->page, "1");
  urok_board_page_set_background (self->page, UROK_BOARD_BACKGROUND_PDF);
  return TRUE;
}

/* Files: read off the main thread, refused before reading when huge. */

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  const Load *load = g_object_get_data (G_OBJECT (task), "load");
  g_autoptr(GFileInfo) info = NULL;
  GError *error = NULL;
  GBytes *bytes;
  goffset limit = load->kind == LOAD_BACKGROUND_PDF ? MAX_PDF_BYTES : (goffset)UROK_BOARD_IMAGE_MAX_BYTES;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_file_info_get_size (info) > limit)
    {
      g_task_return_new_error (task, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID, "%s",
                               _("The file is too large for the board"));
      return;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify)g_bytes_unref);
}

static void
ask_pdf_page (UrokBoardCanvas *self,
              GBytes          *pdf,
              guint            n_pages);

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  UrokBoardCanvas *self = UROK_BOARD_CANVAS (source);
  const Load *load = g_object_get_data (G_OBJECT (result), "load");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  bytes = g_task_propagate_pointer (G_TASK (result), &error);
  if (bytes != NULL)
    switch (load->kind)
      {
      case LOAD_INSERT:
        ok = urok_board_canvas_insert_image (self, bytes, load->x, load->y, &error);
        break;
      case LOAD_BACKGROUND_IMAGE:
        ok = urok_board_canvas_set_background_image (self, bytes, &error);
        break;
      case LOAD_BACKGROUND_PDF:
        {
          guint n = urok_board_pdf_count_pages (bytes, &error);

          if (n > 1)
            {
              ask_pdf_page (self, bytes, n);
              ok = TRUE;
            }
          else if (n == 1)
            ok = urok_board_canvas_set_background_pdf (self, bytes, 1, &error);
          break;
        }
      default:
        g_assert_not_reached ();
      }
  if (!ok && error != NULL)
    _urok_board_canvas_toast (self, error->message);
}

static void
load_file (UrokBoardCanvas *self,
           GFile           *file,
           LoadKind         kind,
           double           x,
           double           y)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, load_done, NULL);
  Load *load = g_new (Load, 1);

  *load = (Load) { kind, x, y };
  g_object_set_data_full (G_OBJECT (task), "load", load, g_free);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/* The PDF's page, asked in a dialog when it has several. */

static void
on_page_chosen (AdwMessageDialog *dialog,
                const char       *response,
                UrokBoardCanvas  *self)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (adw_message_dialog_get_extra_child (dialog));
  GBytes *pdf = g_object_get_data (G_OBJECT (dialog), "pdf");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "use"))
    return;
  if (!urok_board_canvas_set_background_pdf (self, pdf, (guint)gtk_spin_button_get_value_as_int (spin), &error))
    _urok_board_canvas_toast (self, error->message);
}

static void
ask_pdf_page (UrokBoardCanvas *self,
              GBytes          *pdf,
              guint            n_pages)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *spin;
  g_autofree char *body = NULL;

  /* Translators: %u is the number of pages of the PDF. */
  body = g_strdup_printf (ngettext ("The PDF has %u page.", "The PDF has %u pages.", n_pages), n_pages);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Which Page for the Background?"), body);
  spin = gtk_spin_button_new_with_range (1, n_pages, 1);
  gtk_widget_set_halign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spin, -1, 48);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spin);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "use", _("_Use Page"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "use");
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "use", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "pdf", g_bytes_ref (pdf), (GDestroyNotify)g_bytes_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_page_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     UrokBoardCanvas *self)
{
  LoadKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        load_file (self, file, kind, -1, -1);
    }
  /* Drops the chooser. */
  g_object_set_data (G_OBJECT (self), "urok-board-chooser", NULL);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UrokBoardCanvas *self = UROK_BOARD_CANVAS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean pdf = g_str_equal (action_name, "board.background-pdf");
  LoadKind kind = pdf ? LOAD_BACKGROUND_PDF : g_str_equal (action_name, "board.insert-image") ? LOAD_INSERT
                                                                                               : LOAD_BACKGROUND_IMAGE;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->page == NULL)
    return;
  chooser = gtk_file_chooser_native_new (pdf ? _("Choose a PDF for the Background")
                                             : kind == LOAD_INSERT ? _("Insert a Picture")
                                                                   : _("Choose a Picture for the Background"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  if (pdf)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Pictures (PNG, JPEG)"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_mime_type (filter, "image/jpeg");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  g_object_set_data_full (G_OBJECT (self), "urok-board-chooser", chooser, g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
paste_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(UrokBoardCanvas) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;

  texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _urok_board_canvas_toast (self, _("The clipboard holds no picture"));
      return;
    }
  png = gdk_texture_save_to_png_bytes (texture);
  if (!urok_board_canvas_insert_image (self, png, -1, -1, &error))
    _urok_board_canvas_toast (self, error->message);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (widget), NULL, paste_done, g_object_ref (widget));
}

/* Drag and drop */

static gboolean
on_drop (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         UrokBoardCanvas *self)
{
  GSList *files;
  guint n = 0;

  if (self->page == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL && n < MAX_DROPPED; l = l->next, n++)
    load_file (self, l->data, LOAD_INSERT, x + n * DROP_STEP, y + n * DROP_STEP);
  g_slist_free (files);
  return n > 0;
}

void
_urok_board_canvas_content_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.insert-image", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "board.background-image", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "board.background-pdf", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "board.paste", NULL, paste_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "board.insert-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "board.paste", NULL);
}

void
_urok_board_canvas_content_init (UrokBoardCanvas *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
