/* urok-board-page.h: one page of the whiteboard: its size, background and
 * layers, and its items in z-order with a spatial index, undo and redo,
 * and a change journal for saving.
 *
 * Every change to the items goes through this API; each call is one undo
 * step (begin_group/end_group make several calls one).  Layers, size and
 * background are settings, not undoable edits.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-item.h"

G_BEGIN_DECLS

/* The board's unit: CSS px at 96 dpi. */
#define UROK_BOARD_UNITS_PER_MM (96.0 / 25.4)

typedef enum
{
  UROK_BOARD_BACKGROUND_PLAIN,
  UROK_BOARD_BACKGROUND_SQUARES,     /* exercise-book squares, 5 mm («клетка») */
  UROK_BOARD_BACKGROUND_LINES,       /* ruled lines («линейка») */
  UROK_BOARD_BACKGROUND_SLANTED,     /* primary-school slanted ruling («косая линейка») */
  UROK_BOARD_BACKGROUND_STAVES,      /* music staves («нотный стан») */
  UROK_BOARD_BACKGROUND_GRAPH,       /* millimetre graph paper («миллиметровка») */
  UROK_BOARD_BACKGROUND_COORDINATES, /* squares with x and y axes */
  UROK_BOARD_BACKGROUND_IMAGE,       /* an image (background data: its bytes) */
  UROK_BOARD_BACKGROUND_PDF,         /* a PDF page (data: the PDF; parameter: page number) */
} UrokBoardBackground;

const char *urok_board_background_to_string   (UrokBoardBackground background);
/* Returns FALSE for an unknown name. */
gboolean    urok_board_background_from_string (const char          *name,
                                               UrokBoardBackground *background);

#define UROK_TYPE_BOARD_PAGE (urok_board_page_get_type ())

G_DECLARE_FINAL_TYPE (UrokBoardPage, urok_board_page, UROK, BOARD_PAGE, GObject)

/* A blank page of 1920×1080 with one layer, a new uuid and a plain
 * background. */
UrokBoardPage       *urok_board_page_new                (void);

/* Properties: "uuid", "width", "height" (0 for an infinite page),
 * "background", "background-parameter" (string), "background-data"
 * (GBytes), "can-undo", "can-redo". */
const char          *urok_board_page_get_uuid           (UrokBoardPage       *self);
void                 urok_board_page_set_uuid           (UrokBoardPage       *self,
                                                         const char          *uuid);
double               urok_board_page_get_width          (UrokBoardPage       *self);
double               urok_board_page_get_height         (UrokBoardPage       *self);
gboolean             urok_board_page_is_infinite        (UrokBoardPage       *self);
/* Both 0: infinite. */
void                 urok_board_page_set_size           (UrokBoardPage       *self,
                                                         double               width,
                                                         double               height);
UrokBoardBackground  urok_board_page_get_background     (UrokBoardPage       *self);
void                 urok_board_page_set_background     (UrokBoardPage       *self,
                                                         UrokBoardBackground  background);
const char          *urok_board_page_get_background_parameter (UrokBoardPage *self);
void                 urok_board_page_set_background_parameter (UrokBoardPage *self,
                                                               const char    *parameter);
GBytes              *urok_board_page_get_background_data (UrokBoardPage      *self);
void                 urok_board_page_set_background_data (UrokBoardPage      *self,
                                                          GBytes             *data);

/* Layers are drawn in order, 0 at the bottom.  A page has at least one. */
guint                urok_board_page_get_n_layers       (UrokBoardPage       *self);
guint                urok_board_page_add_layer          (UrokBoardPage       *self,
                                                         const char          *name);
const char          *urok_board_page_get_layer_name     (UrokBoardPage       *self,
                                                         guint                layer);
void                 urok_board_page_set_layer_name     (UrokBoardPage       *self,
                                                         guint                layer,
                                                         const char          *name);
gboolean             urok_board_page_get_layer_visible  (UrokBoardPage       *self,
                                                         guint                layer);
/* Emits "changed" with the whole page. */
void                 urok_board_page_set_layer_visible  (UrokBoardPage       *self,
                                                         guint                layer,
                                                         gboolean             visible);

/* Items */

guint                urok_board_page_get_n_items        (UrokBoardPage       *self);
/* An id no item of the page has had (for new items). */
guint64              urok_board_page_next_id            (UrokBoardPage       *self);
/* Transfer none; NULL if missing. */
UrokBoardItem       *urok_board_page_lookup             (UrokBoardPage       *self,
                                                         guint64              id);
/* Adds on top of its layer.  Fails for an id already on the page or a
 * layer the page does not have. */
gboolean             urok_board_page_add_item           (UrokBoardPage       *self,
                                                         UrokBoardItem       *item,
                                                         GError             **error);
gboolean             urok_board_page_remove_item        (UrokBoardPage       *self,
                                                         guint64              id,
                                                         GError             **error);
/* Replaces the item with @item's id (moved, restyled, transformed), in its
 * place in the z-order. */
gboolean             urok_board_page_replace_item       (UrokBoardPage       *self,
                                                         UrokBoardItem       *item,
                                                         GError             **error);
/* Puts the item on top of its layer. */
gboolean             urok_board_page_raise_item         (UrokBoardPage       *self,
                                                         guint64              id,
                                                         GError             **error);
/* Several items at once, each call one undo step; they fail (changing
 * nothing) when an id is not on the page.  transform_items replaces the
 * items with copies moved/scaled/rotated by @matrix (in page
 * coordinates, after each item's own transform); it also fails for a
 * matrix that is not invertible. */
gboolean             urok_board_page_transform_items    (UrokBoardPage        *self,
                                                         const guint64        *ids,
                                                         gsize                 n_ids,
                                                         const cairo_matrix_t *matrix,
                                                         GError              **error);
gboolean             urok_board_page_remove_items       (UrokBoardPage       *self,
                                                         const guint64       *ids,
                                                         gsize                n_ids,
                                                         GError             **error);
/* Copies shifted by (dx, dy), on top of their layers in the originals'
 * order; returns the copies' ids (guint64). */
GArray              *urok_board_page_duplicate_items    (UrokBoardPage       *self,
                                                         const guint64       *ids,
                                                         gsize                n_ids,
                                                         double               dx,
                                                         double               dy,
                                                         GError             **error);
/* Every item, bottom first (a new array of refs). */
GPtrArray           *urok_board_page_get_items          (UrokBoardPage       *self);
/* The items of visible layers whose bounds meet @rect, bottom first (a new
 * array of refs), found through the spatial index. */
GPtrArray           *urok_board_page_items_in_rect      (UrokBoardPage       *self,
                                                         const UrokBoardRect *rect);
/* The topmost item of a visible layer within @tolerance of (x, y), or NULL
 * (transfer none). */
UrokBoardItem       *urok_board_page_hit_test           (UrokBoardPage       *self,
                                                         double               x,
                                                         double               y,
                                                         double               tolerance);

/* Erasing.  @xy holds @n_points x,y pairs: the eraser's swept path since
 * the last motion event.  Every segment between samples counts, so a fast
 * eraser misses nothing it passed over. */

/* The ids of strokes (of visible layers) within @radius of the path. */
GArray              *urok_board_page_strokes_along_path (UrokBoardPage       *self,
                                                         const double        *xy,
                                                         gsize                n_points,
                                                         double               radius);
/* Removes those strokes as one undo step; returns how many. */
guint                urok_board_page_erase_strokes      (UrokBoardPage       *self,
                                                         const double        *xy,
                                                         gsize                n_points,
                                                         double               radius);
/* Area erasing: removes the parts of strokes within @radius of the path;
 * what remains of each becomes new strokes (new ids, the same place in
 * the z-order).  One undo step; returns the number of strokes changed. */
guint                urok_board_page_erase_area         (UrokBoardPage       *self,
                                                         const double        *xy,
                                                         gsize                n_points,
                                                         double               radius);

/* Undo and redo */

void                 urok_board_page_begin_group        (UrokBoardPage       *self);
void                 urok_board_page_end_group          (UrokBoardPage       *self);
gboolean             urok_board_page_can_undo           (UrokBoardPage       *self);
gboolean             urok_board_page_can_redo           (UrokBoardPage       *self);
gboolean             urok_board_page_undo               (UrokBoardPage       *self);
gboolean             urok_board_page_redo               (UrokBoardPage       *self);
void                 urok_board_page_clear_history      (UrokBoardPage       *self);

/* The change journal, for saving only what changed.  Every change of the
 * items (edits, undo, redo) takes the next sequence number.  After saving
 * at sequence S, changes_since (S) lists the ids to write (added or
 * replaced since, and still there) and to delete (gone since). */
guint64              urok_board_page_get_sequence       (UrokBoardPage       *self);
void                 urok_board_page_changes_since      (UrokBoardPage       *self,
                                                         guint64              sequence,
                                                         GArray             **changed_ids,
                                                         GArray             **removed_ids);
/* Forgets removals up to @sequence (call after they are saved). */
void                 urok_board_page_forget_removals    (UrokBoardPage       *self,
                                                         guint64              sequence);

/* The page as JSON (docs/formats/board.md): the `board` string of a
 * lesson's board_page resource.  "{}" is a blank page. */
JsonNode            *urok_board_page_to_json            (UrokBoardPage       *self);
char                *urok_board_page_to_string          (UrokBoardPage       *self);
UrokBoardPage       *urok_board_page_new_from_json      (JsonNode            *node,
                                                         GError             **error);
UrokBoardPage       *urok_board_page_new_from_string    (const char          *text,
                                                         GError             **error);

/* Bytes the page's items and index hold (for the memory benchmark). */
gsize                urok_board_page_get_memory_size    (UrokBoardPage       *self);

G_END_DECLS
