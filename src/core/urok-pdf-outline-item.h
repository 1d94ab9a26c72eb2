/* urok-pdf-outline-item.h: one entry of a PDF's outline (its table of contents).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UROK_TYPE_PDF_OUTLINE_ITEM (urok_pdf_outline_item_get_type ())

G_DECLARE_FINAL_TYPE (UrokPdfOutlineItem, urok_pdf_outline_item, UROK, PDF_OUTLINE_ITEM, GObject)

UrokPdfOutlineItem *urok_pdf_outline_item_new          (const char         *title,
                                                        int                 page,
                                                        GListModel         *children);
const char         *urok_pdf_outline_item_get_title    (UrokPdfOutlineItem *self);
int                 urok_pdf_outline_item_get_page     (UrokPdfOutlineItem *self);
GListModel         *urok_pdf_outline_item_get_children (UrokPdfOutlineItem *self);

G_END_DECLS
