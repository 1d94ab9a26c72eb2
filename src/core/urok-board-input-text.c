/* urok-board-input-text.c: the text tool.  A tap asks the canvas for an
 * editor ("text-requested", on the text item under it if any); what the
 * editor gives back becomes one undoable add or replace.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-board-content.h"
#include "urok-board-input-private.h"

/* A finger lands a few millimetres off: a tap this close to a text edits
 * it. */
#define HIT_TOLERANCE 8.0

static void
text_begin (UrokBoardInput    *input,
            UrokBoardSequence *seq,
            double             bx,
            double             by,
            double             pressure,
            guint32            time_ms)
{
}

static void
text_motion (UrokBoardInput    *input,
             UrokBoardSequence *seq,
             double             bx,
             double             by,
             double             pressure,
             guint32            time_ms)
{
}

/* On lifting, where the finger ended: the teacher may slide to the spot. */
static void
text_end (UrokBoardInput    *input,
          UrokBoardSequence *seq)
{
  UrokBoardPage *page = _urok_board_input_page (input);
  UrokBoardItem *hit;

  if (page == NULL)
    return;
  hit = urok_board_page_hit_test (page, seq->bx, seq->by, HIT_TOLERANCE);
  if (hit != NULL && urok_board_item_get_kind (hit) == UROK_BOARD_ITEM_TEXT)
    _urok_board_input_text_requested (input, seq->bx, seq->by, urok_board_item_get_id (hit));
  else
    _urok_board_input_text_requested (input, seq->bx, seq->by, 0);
}

static void
text_cancel (UrokBoardInput    *input,
             UrokBoardSequence *seq)
{
}

const UrokBoardToolHandler _urok_board_text_handler = {
  text_begin,
  text_motion,
  text_end,
  text_cancel,
};

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

guint64
urok_board_input_commit_text (UrokBoardInput *self,
                              guint64         id,
                              double          x,
                              double          y,
                              float           font_size,
                              const char     *text)
{
  UrokBoardPage *page;
  UrokBoardItem *old = NULL;
  g_autoptr(UrokBoardItem) item = NULL;
  g_autoptr(GError) error = NULL;
  UrokBoardRect box = { x, y, 0, 0 };
  const UrokBoardColor *color;

  g_return_val_if_fail (UROK_IS_BOARD_INPUT (self), 0);
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), 0);

  page = urok_board_input_get_page (self);
  if (page == NULL)
    return 0;
  if (id != 0)
    {
      old = urok_board_page_lookup (page, id);
      g_return_val_if_fail (old != NULL && urok_board_item_get_kind (old) == UROK_BOARD_ITEM_TEXT, 0);
    }
  if (is_blank (text))
    {
      if (old != NULL)
        urok_board_page_remove_item (page, id, NULL);
      return 0;
    }
  if (old != NULL)
    {
      box.x = urok_board_item_get_box (old)->x;
      box.y = urok_board_item_get_box (old)->y;
      font_size = urok_board_item_get_font_size (old);
      color = urok_board_item_get_color (old);
    }
  else
    color = urok_board_input_get_color (self);
  font_size = CLAMP (font_size, 4, 1000);
  urok_board_text_measure (text, font_size, &box.width, &box.height);
  item = urok_board_item_new_text (old != NULL ? id : urok_board_page_next_id (page), 0, text, font_size, color, &box);
  if (old != NULL)
    {
      g_autoptr(UrokBoardItem) moved = urok_board_item_transformed (item, urok_board_item_get_transform (old));
      g_autoptr(UrokBoardItem) layered = urok_board_item_with_layer (moved, urok_board_item_get_layer (old));

      if (!urok_board_page_replace_item (page, layered, &error))
        g_warning ("A text could not be changed on the board: %s", error->message);
      return id;
    }
  if (!urok_board_page_add_item (page, item, &error))
    {
      g_warning ("A text could not be added to the board: %s", error->message);
      return 0;
    }
  return urok_board_item_get_id (item);
}
