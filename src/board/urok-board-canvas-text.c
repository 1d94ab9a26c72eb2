/* urok-board-canvas-text.c: the text tool's editor.  A tap of the tool
 * opens a GtkTextView on the canvas where the text will be (a real text
 * widget: input methods and on-screen keyboards work), its font at the
 * text's size at the current zoom; Escape or a tap outside commits it
 * through the router as one undoable TEXT item.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "urok-board-canvas-private.h"
#include "urok-board-content.h"

/* A new text's size in board units follows the palette's width, so the
 * same four buttons give 30, 40, 60 and 100 units (8 to 26 mm letters:
 * the back row reads the larger ones). */
#define TEXT_SIZE_BASE 20.0
#define TEXT_SIZE_PER_WIDTH 5.0

static void
update_style (UrokBoardCanvas *self)
{
  const UrokBoardColor *c;
  g_autofree char *css = NULL;
  double scale = urok_board_input_get_scale (self->input);
  UrokBoardItem *item = self->text_id != 0 && self->page != NULL ? urok_board_page_lookup (self->page, self->text_id) : NULL;
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  c = item != NULL ? urok_board_item_get_color (item) : urok_board_input_get_color (self->input);
  self->text_scale = scale;
  g_ascii_formatd (size, sizeof size, "%.2f", MAX (self->text_size * scale, 4));
  /* A light sheet under the text: white ink stays readable while typed. */
  css = g_strdup_printf ("textview.board-text, textview.board-text text {"
                         " font-family: Sans; font-size: %spx; color: rgb(%d,%d,%d);"
                         " background-color: rgba(250,250,250,0.92); }"
                         "textview.board-text { outline: 2px dashed alpha(currentColor,0.6);"
                         " outline-offset: 2px; }",
                         size, (int)lround (c->red * 255), (int)lround (c->green * 255),
                         (int)lround (c->blue * 255));
  gtk_css_provider_load_from_data (self->text_css, css, -1);
}

static void
close_editor (UrokBoardCanvas *self)
{
  if (self->text_view == NULL)
    return;
  gtk_widget_unparent (g_steal_pointer (&self->text_view));
  self->text_id = 0;
  /* The keyboard goes back to the board's shortcuts. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
_urok_board_canvas_text_commit (UrokBoardCanvas *self)
{
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->text_view == NULL)
    return FALSE;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* An edited text the page lost meanwhile (undo) is not brought back. */
  if (self->page != NULL && (self->text_id == 0 || urok_board_page_lookup (self->page, self->text_id) != NULL))
    urok_board_input_commit_text (self->input, self->text_id, self->text_x, self->text_y, self->text_size, text);
  close_editor (self);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                UrokBoardCanvas       *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  _urok_board_canvas_text_commit (self);
  return TRUE;
}

static void
open_editor (UrokBoardCanvas *self,
             double           x,
             double           y,
             guint64          id)
{
  UrokBoardItem *item = id != 0 ? urok_board_page_lookup (self->page, id) : NULL;
  GtkEventController *keys;

  _urok_board_canvas_text_commit (self);

  self->text_id = item != NULL ? id : 0;
  self->text_x = x;
  self->text_y = y;
  self->text_size = TEXT_SIZE_BASE + TEXT_SIZE_PER_WIDTH * urok_board_input_get_width (self->input);
  if (item != NULL)
    {
      const UrokBoardRect *box = urok_board_item_get_box (item);

      /* Where its text starts on the page (its transform moves it). */
      self->text_x = box->x;
      self->text_y = box->y;
      cairo_matrix_transform_point (urok_board_item_get_transform (item), &self->text_x, &self->text_y);
      self->text_size = urok_board_item_get_font_size (item);
    }

  self->text_view = gtk_text_view_new ();
  gtk_widget_add_css_class (self->text_view, "board-text");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_NONE);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->text_view), FALSE);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (self->text_view),
                                  GTK_STYLE_PROVIDER (self->text_css), GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (item != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)),
                              urok_board_item_get_text (item), -1);
  /* It grows as one types. */
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)), "changed",
                            G_CALLBACK (gtk_widget_queue_allocate), self);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->text_view, keys);
  update_style (self);
  gtk_widget_set_parent (self->text_view, GTK_WIDGET (self));
  /* Below the palette in the picking order: the palette stays usable. */
  if (self->palette != NULL)
    gtk_widget_insert_before (self->text_view, GTK_WIDGET (self), self->palette);
  gtk_widget_grab_focus (self->text_view);
}

static void
on_text_requested (UrokBoardInput  *input,
                   double           x,
                   double           y,
                   guint64          id,
                   UrokBoardCanvas *self)
{
  if (self->page == NULL)
    return;
  open_editor (self, x, y, id);
}

static void
on_view_changed (UrokBoardInput  *input,
                 UrokBoardCanvas *self)
{
  if (self->text_view == NULL)
    return;
  if (urok_board_input_get_scale (input) != self->text_scale)
    update_style (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_tool_changed (UrokBoardInput  *input,
                 GParamSpec      *pspec,
                 UrokBoardCanvas *self)
{
  if (urok_board_input_get_tool (input) != UROK_BOARD_TOOL_KIND_TEXT)
    _urok_board_canvas_text_commit (self);
}

void
_urok_board_canvas_text_allocate (UrokBoardCanvas *self)
{
  double scale = urok_board_input_get_scale (self->input);
  double vx = self->text_x * scale + urok_board_input_get_offset_x (self->input);
  double vy = self->text_y * scale + urok_board_input_get_offset_y (self->input);
  int min_w, w, min_h, h;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  double tw, th;

  if (self->text_view == NULL)
    return;
  gtk_widget_measure (self->text_view, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &w, NULL, NULL);
  /* Room for the next few letters: the box grows as one types. */
  w = MAX (w + (int)(self->text_size * scale * 2), min_w);
  gtk_widget_measure (self->text_view, GTK_ORIENTATION_VERTICAL, w, &min_h, &h, NULL, NULL);
  /* A text view measures its lines only once laid out (in an idle): until
   * then it would be a sliver. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  urok_board_text_measure (text, self->text_size, &tw, &th);
  w = MAX (w, (int)ceil ((tw + self->text_size * 2) * scale));
  h = MAX (MAX (h, min_h), (int)ceil (th * scale));
  gtk_widget_allocate (self->text_view, w, h, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (floor (vx), floor (vy))));
}

void
_urok_board_canvas_text_snapshot (UrokBoardCanvas *self,
                                  GtkSnapshot     *snapshot)
{
  if (self->text_view != NULL)
    gtk_widget_snapshot_child (GTK_WIDGET (self), self->text_view, snapshot);
}

void
_urok_board_canvas_text_dispose (UrokBoardCanvas *self)
{
  g_clear_pointer (&self->text_view, gtk_widget_unparent);
  g_clear_object (&self->text_css);
}

void
_urok_board_canvas_text_init (UrokBoardCanvas *self)
{
  self->text_css = gtk_css_provider_new ();
  g_signal_connect (self->input, "text-requested", G_CALLBACK (on_text_requested), self);
  g_signal_connect (self->input, "view-changed", G_CALLBACK (on_view_changed), self);
  g_signal_connect (self->input, "notify::tool", G_CALLBACK (on_tool_changed), self);
}

GtkWidget *
urok_board_canvas_get_text_editor (UrokBoardCanvas *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_CANVAS (self), NULL);
  return self->text_view;
}
