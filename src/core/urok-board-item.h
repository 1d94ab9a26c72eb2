/* urok-board-item.h: one thing drawn on a whiteboard page: a stroke, a
 * shape, a text, an image or a media reference.
 *
 * Items are small refcounted boxed structs, not GObjects: a page holds tens
 * of thousands of strokes.  An item is immutable once made (edits make a new
 * item with the same id and replace the old one), so a renderer on another
 * thread may keep a reference while the page changes.
 *
 * Coordinates are board units (CSS px at 96 dpi: 1 mm = 96 / 25.4 units).
 * Strokes keep their points in page coordinates (moving one bakes the
 * transform into the points); shapes, texts, images and media keep their
 * local geometry and an affine transform (so an ellipse or a picture can be
 * rotated without losing what it is).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define UROK_BOARD_ERROR (urok_board_error_quark ())

typedef enum
{
  UROK_BOARD_ERROR_INVALID,   /* bytes or JSON that are not a board item/page */
  UROK_BOARD_ERROR_VERSION,   /* written by a newer Urok */
  UROK_BOARD_ERROR_DUPLICATE, /* an item id already on the page */
  UROK_BOARD_ERROR_NOT_FOUND, /* no item with that id on the page */
} UrokBoardError;

GQuark urok_board_error_quark (void);

/* Version of the binary item encoding (docs/formats/board.md). */
#define UROK_BOARD_ITEM_FORMAT_VERSION 1

typedef enum
{
  UROK_BOARD_ITEM_STROKE,
  UROK_BOARD_ITEM_SHAPE,
  UROK_BOARD_ITEM_TEXT,
  UROK_BOARD_ITEM_IMAGE,
  UROK_BOARD_ITEM_MEDIA,
} UrokBoardItemKind;

typedef enum
{
  UROK_BOARD_TOOL_PEN,
  UROK_BOARD_TOOL_HIGHLIGHTER, /* translucent, constant width */
} UrokBoardTool;

typedef enum
{
  UROK_BOARD_SHAPE_LINE,      /* 2 points */
  UROK_BOARD_SHAPE_ARROW,     /* 2 points, head at the second */
  UROK_BOARD_SHAPE_RECTANGLE, /* 2 points: opposite corners */
  UROK_BOARD_SHAPE_ELLIPSE,   /* 2 points: opposite corners of its box */
  UROK_BOARD_SHAPE_POLYGON,   /* 3 or more points, closed */
} UrokBoardShapeKind;

/* A sample of ink.  Pressure is 0..1 (0.5 where the device has none); time
 * is milliseconds since the stroke began.  16 bytes: a million points are
 * 16 MB. */
typedef struct
{
  float   x;
  float   y;
  float   pressure;
  guint32 time_ms;
} UrokBoardPoint;

/* Same layout as GdkRGBA, so the UI may cast one to the other. */
typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} UrokBoardColor;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} UrokBoardRect;

#define UROK_TYPE_BOARD_RECT (urok_board_rect_get_type ())
GType          urok_board_rect_get_type      (void) G_GNUC_CONST;
UrokBoardRect *urok_board_rect_copy          (const UrokBoardRect *rect);
void           urok_board_rect_free          (UrokBoardRect       *rect);
gboolean       urok_board_rect_intersects    (const UrokBoardRect *a,
                                              const UrokBoardRect *b);
/* The smallest rectangle holding both; an empty (0×0) @a is ignored. */
void           urok_board_rect_union         (const UrokBoardRect *a,
                                              const UrokBoardRect *b,
                                              UrokBoardRect       *result);

#define UROK_TYPE_BOARD_ITEM (urok_board_item_get_type ())
typedef struct _UrokBoardItem UrokBoardItem;

GType          urok_board_item_get_type      (void) G_GNUC_CONST;
UrokBoardItem *urok_board_item_ref           (UrokBoardItem *self);
void           urok_board_item_unref         (UrokBoardItem *self);

/* Constructors.  @id must not be 0 (0 means "no item").  They return NULL
 * (with a critical) for arguments no caller should pass: NaN coordinates,
 * too few points for a shape. */
UrokBoardItem *urok_board_item_new_stroke    (guint64               id,
                                              guint                 layer,
                                              UrokBoardTool         tool,
                                              const UrokBoardColor *color,
                                              float                 width,
                                              const UrokBoardPoint *points,
                                              gsize                 n_points);
/* @fill may be NULL (not filled).  Only x and y of @points are used. */
UrokBoardItem *urok_board_item_new_shape     (guint64               id,
                                              guint                 layer,
                                              UrokBoardShapeKind    shape,
                                              const UrokBoardColor *color,
                                              float                 width,
                                              const UrokBoardColor *fill,
                                              const UrokBoardPoint *points,
                                              gsize                 n_points);
UrokBoardItem *urok_board_item_new_text      (guint64               id,
                                              guint                 layer,
                                              const char           *text,
                                              float                 font_size,
                                              const UrokBoardColor *color,
                                              const UrokBoardRect  *box);
UrokBoardItem *urok_board_item_new_image     (guint64               id,
                                              guint                 layer,
                                              GBytes               *bytes,
                                              const char           *mime_type,
                                              const UrokBoardRect  *box);
/* @reference names a media file of the lesson (or a URI); the board keeps
 * the name, not the media. */
UrokBoardItem *urok_board_item_new_media     (guint64               id,
                                              guint                 layer,
                                              const char           *reference,
                                              const UrokBoardRect  *box);

/* New items made from @self: the same but with another id or layer, or
 * moved/scaled/rotated by @matrix (applied after the item's own transform:
 * baked into a stroke's points, its width scaled by sqrt|det|; composed
 * into the transform of other kinds).  Replacing the old item with the new
 * one on the page is what makes the edit undoable. */
UrokBoardItem *urok_board_item_with_id       (const UrokBoardItem  *self,
                                              guint64               id);
UrokBoardItem *urok_board_item_with_layer    (const UrokBoardItem  *self,
                                              guint                 layer);
UrokBoardItem *urok_board_item_transformed   (const UrokBoardItem  *self,
                                              const cairo_matrix_t *matrix);
/* A stroke with the same style and other points (erasing splits one). */
UrokBoardItem *urok_board_item_with_points   (const UrokBoardItem  *self,
                                              guint64               id,
                                              const UrokBoardPoint *points,
                                              gsize                 n_points);

UrokBoardItemKind     urok_board_item_get_kind       (const UrokBoardItem *self);
guint64               urok_board_item_get_id         (const UrokBoardItem *self);
guint                 urok_board_item_get_layer      (const UrokBoardItem *self);
/* In page coordinates, including half the (widest) line width. */
const UrokBoardRect  *urok_board_item_get_bounds     (const UrokBoardItem *self);
/* Identity for strokes. */
const cairo_matrix_t *urok_board_item_get_transform  (const UrokBoardItem *self);
const UrokBoardColor *urok_board_item_get_color      (const UrokBoardItem *self);
/* Base width of strokes and shapes' outlines (0 for other kinds). */
float                 urok_board_item_get_width      (const UrokBoardItem *self);
/* Strokes and shapes: the points (strokes: page coordinates; shapes:
 * local, before the transform).  NULL with 0 for other kinds. */
const UrokBoardPoint *urok_board_item_get_points     (const UrokBoardItem *self,
                                                      gsize               *n_points);
UrokBoardTool         urok_board_item_get_tool       (const UrokBoardItem *self);
UrokBoardShapeKind    urok_board_item_get_shape      (const UrokBoardItem *self);
/* The fill of a shape, or NULL. */
const UrokBoardColor *urok_board_item_get_fill       (const UrokBoardItem *self);
/* Text, image, media: the local box (before the transform). */
const UrokBoardRect  *urok_board_item_get_box        (const UrokBoardItem *self);
/* The text of a TEXT item, the MIME type of an IMAGE, the reference of a
 * MEDIA item; NULL otherwise. */
const char           *urok_board_item_get_text       (const UrokBoardItem *self);
float                 urok_board_item_get_font_size  (const UrokBoardItem *self);
GBytes               *urok_board_item_get_bytes      (const UrokBoardItem *self);

/* Bytes held by the item (for memory accounting). */
gsize                 urok_board_item_get_memory_size (const UrokBoardItem *self);
gboolean              urok_board_item_equal          (const UrokBoardItem *a,
                                                      const UrokBoardItem *b);

/* Geometry for hit tests, in page coordinates.  The outline polyline of a
 * stroke is its points; of a shape, its outline (ellipses as 64 segments);
 * of text/image/media, the transformed box (closed).  Appends x,y pairs
 * (doubles) to @xy and returns whether it is closed. */
gboolean              urok_board_item_get_polyline   (const UrokBoardItem *self,
                                                      GArray              *xy);
/* Whether any part of the item is within @radius of the segment a-b (a
 * point when a = b): strokes by their segments and width, shapes by their
 * outline (and inside when filled), boxes by their area. */
gboolean              urok_board_item_touches_segment (const UrokBoardItem *self,
                                                       double               ax,
                                                       double               ay,
                                                       double               bx,
                                                       double               by,
                                                       double               radius);

/* The compact binary encoding (docs/formats/board.md): versioned,
 * little-endian.  Reading checks every length and value: bytes from
 * anywhere give a GError, never a crash. */
GBytes        *urok_board_item_serialize     (const UrokBoardItem *self);
UrokBoardItem *urok_board_item_deserialize   (GBytes              *bytes,
                                              GError             **error);

/* One item as a JSON object (part of the page's JSON). */
JsonNode      *urok_board_item_to_json       (const UrokBoardItem *self);
UrokBoardItem *urok_board_item_new_from_json (JsonNode            *node,
                                              GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokBoardItem, urok_board_item_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokBoardRect, urok_board_rect_free)

G_END_DECLS
