/* urok-board-import.h: other whiteboard programs' files as board pages:
 * Xournal++ (.xopp) and the IWB Common File Format (.iwb).
 *
 * Every file is treated as hostile: sizes are capped while unpacking, XML
 * is read with no network and no entity expansion (a file with a DTD is
 * refused), every number is checked.  A bad file gives a
 * UROK_BOARD_ERROR_INVALID that names the problem and returns no page.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-board-page.h"

G_BEGIN_DECLS

/* Unpacked documents bigger than this are refused (zip or gzip bombs). */
#define UROK_BOARD_IMPORT_MAX_DOCUMENT (256u << 20)
#define UROK_BOARD_IMPORT_MAX_PAGES    1000u

/* A Xournal++ file (gzip'd or plain XML): new pages (UrokBoardPage) with
 * their strokes (per-point widths become pressure; highlighters stay
 * highlighters), texts, PNG images, page sizes and ruled/graph/staves
 * backgrounds.  Xournal++ measures in points; pages keep their size. */
GPtrArray *urok_board_import_xopp (GBytes  *bytes,
                                   GError **error);

/* An IWB Common File Format file (a zip with content.xml): one page per
 * svg:page (or the svg itself), with strokes for polylines and open paths,
 * shapes for lines, rectangles, ellipses and polygons, texts, PNG and JPEG
 * images (JPEGs converted to PNG) and the image marked as background.
 * SVG user units are CSS px, the board's unit: sizes are kept. */
GPtrArray *urok_board_import_iwb  (GBytes  *bytes,
                                   GError **error);

G_END_DECLS
