/* urok-pdf.h: a PDF textbook opened for reading: pages, text, outline.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define UROK_PDF_ERROR (urok_pdf_error_quark ())

typedef enum
{
  UROK_PDF_ERROR_NOT_PDF,   /* no PDF header: some other kind of file */
  UROK_PDF_ERROR_ENCRYPTED, /* needs a password */
  UROK_PDF_ERROR_DAMAGED,   /* a PDF poppler cannot read, or one with no pages */
  UROK_PDF_ERROR_NO_PAGE,   /* a page number past the end */
} UrokPdfError;

/* A rectangle on a page, in PDF points from the page's top-left corner. */
typedef struct
{
  guint  page; /* from 0 */
  double x;
  double y;
  double width;
  double height;
} UrokPdfRect;

#define UROK_TYPE_PDF (urok_pdf_get_type ())

G_DECLARE_FINAL_TYPE (UrokPdf, urok_pdf, UROK, PDF, GObject)

GQuark           urok_pdf_error_quark         (void);
gboolean         urok_pdf_has_header          (const char        *data,
                                               gsize              length);
UrokPdf         *urok_pdf_new_from_file       (const char        *path,
                                               GError           **error);
UrokPdf         *urok_pdf_new_from_bytes      (GBytes            *bytes,
                                               GError           **error);
UrokPdf         *urok_pdf_open_another        (UrokPdf           *self,
                                               GError           **error);
GBytes          *urok_pdf_get_bytes           (UrokPdf           *self);
guint            urok_pdf_get_n_pages         (UrokPdf           *self);
gboolean         urok_pdf_get_page_size       (UrokPdf           *self,
                                               guint              page,
                                               double            *width,
                                               double            *height);
char            *urok_pdf_dup_page_label      (UrokPdf           *self,
                                               guint              page);
char            *urok_pdf_dup_title           (UrokPdf           *self);
char            *urok_pdf_dup_author          (UrokPdf           *self);
char            *urok_pdf_dup_subject         (UrokPdf           *self);
char            *urok_pdf_dup_permanent_id    (UrokPdf           *self);
cairo_surface_t *urok_pdf_render              (UrokPdf           *self,
                                               guint              page,
                                               double             scale,
                                               int                x,
                                               int                y,
                                               int                width,
                                               int                height,
                                               GError           **error);
GListModel      *urok_pdf_get_outline         (UrokPdf           *self);
GArray          *urok_pdf_find_on_page        (UrokPdf           *self,
                                               guint              page,
                                               const char        *text);
GArray          *urok_pdf_find                (UrokPdf           *self,
                                               const char        *text,
                                               GCancellable      *cancellable);
char            *urok_pdf_dup_selected_text   (UrokPdf           *self,
                                               const UrokPdfRect *area);
GArray          *urok_pdf_get_selection_rects (UrokPdf           *self,
                                               const UrokPdfRect *area);

G_END_DECLS
