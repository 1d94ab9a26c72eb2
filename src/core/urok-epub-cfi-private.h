/* urok-epub-cfi-private.h: the parsed form of an EPUB CFI, shared by the
 * parser (urok-epub-cfi.c) and the document side (urok-epub-cfi-dom.c).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "urok-epub-cfi.h"

G_BEGIN_DECLS

typedef struct
{
  guint    index;
  char    *assertion;  /* the id assertion, unescaped; NULL if none */
  gboolean redirect;   /* "!" before this step */
} UrokCfiStep;

typedef struct
{
  GArray  *steps;            /* UrokCfiStep */
  gboolean has_char_offset;
  guint    char_offset;      /* UTF-16 code units */
  char    *before;           /* text location assertion, unescaped */
  char    *after;
  char     side;             /* 'a', 'b' or 0 */
  char    *temporal;         /* as written, e.g. "23.5" */
  char    *spatial;          /* "x:y" as written */
} UrokCfiPath;

struct _UrokEpubCfi
{
  UrokCfiPath parent;
  gboolean    range;
  UrokCfiPath start;         /* local paths of a range */
  UrokCfiPath end;
};

UrokEpubCfi *_urok_epub_cfi_new  (void);
void         _urok_cfi_path_init (UrokCfiPath *path);

G_END_DECLS
