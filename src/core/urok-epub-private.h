/* urok-epub-private.h: the parts of UrokEpub shared by its container,
 * package and navigation files.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "urok-book-source.h"
#include "urok-epub.h"

G_BEGIN_DECLS

/* Caps no real book reaches; each keeps a hostile file from costing much. */
#define UROK_EPUB_MAX_ENTRIES 20000
#define UROK_EPUB_MAX_NAME 1024
#define UROK_EPUB_MAX_XML (4 * 1024 * 1024)
#define UROK_EPUB_MAX_ENTRY_SIZE (256 * 1024 * 1024)
#define UROK_EPUB_MAX_TOTAL_SIZE (G_GINT64_CONSTANT (4) * 1024 * 1024 * 1024)
/* Deflate reaches about 1000:1 on zeros; text and images stay far below
 * 200:1.  Under the floor the ratio is not checked. */
#define UROK_EPUB_MAX_RATIO 200
#define UROK_EPUB_RATIO_FLOOR (4 * 1024 * 1024)
#define UROK_EPUB_MAX_NAV_DEPTH 32
#define UROK_EPUB_MAX_CURSORS 4

#define UROK_NS_CONTAINER "urn:oasis:names:tc:opendocument:xmlns:container"
#define UROK_NS_OPF "http://www.idpf.org/2007/opf"
#define UROK_NS_DC "http://purl.org/dc/elements/1.1/"
#define UROK_NS_XHTML "http://www.w3.org/1999/xhtml"
#define UROK_NS_OPS "http://www.idpf.org/2007/ops"
#define UROK_NS_NCX "http://www.daisy.org/z3986/2005/ncx/"

typedef struct
{
  char  *path;
  gint64 size;            /* as declared in the central directory */
  gint64 compressed_size;
  guint  position;        /* the entry's place in libarchive's walk of the container */
} UrokEpubEntry;

struct _UrokEpub
{
  GObject parent_instance;

  /* The container: immutable after open, so shared by every thread.
   * Either a file each reader opens for itself, or bytes in memory. */
  char       *file;
  gint64      file_size;
  GBytes     *data;
  GHashTable *entries; /* path → UrokEpubEntry */
  GPtrArray  *warnings;
  /* Readers left where their last read ended, so reading on from there
   * does not walk the headers again; each is used by one thread at a time. */
  GMutex      cursor_lock;
  GPtrArray  *cursors;

  /* The package. */
  char             *package_path;
  char             *version;
  char             *identifier;
  GPtrArray        *titles;
  GPtrArray        *creators;
  GPtrArray        *languages;
  GPtrArray        *subjects;
  char             *modified;
  char             *cover_path;
  GPtrArray        *manifest;
  GHashTable       *manifest_by_id;
  GHashTable       *manifest_by_path;
  GPtrArray        *spine;
  char             *toc_id; /* the spine's NCX, EPUB 2 */
  UrokEpubDirection direction;
  UrokEpubLayout    layout;
  char             *spread;
  char             *orientation;
  char             *flow;

  /* Navigation. */
  char      *nav_path;
  GPtrArray *toc;
  GPtrArray *page_list;
  GPtrArray *landmarks;

  /* As a UrokBookSource: the host of the book's own web origin. */
  char      *source_id;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

void      _urok_epub_warn            (UrokEpub    *self,
                                      const char  *format,
                                      ...) G_GNUC_PRINTF (2, 3);

/* urok-epub-source.c */
void      _urok_epub_book_source_init (UrokBookSourceInterface *iface);
void      _urok_epub_set_source_id   (UrokEpub                *self);

/* urok-epub-container.c */
gboolean  _urok_epub_index_container (UrokEpub    *self,
                                      GError     **error);
GBytes   *_urok_epub_read_entry_capped (UrokEpub   *self,
                                        const char *path,
                                        gint64      cap,
                                        GError    **error);
char     *_urok_epub_normalise_path  (const char  *path);
void      _urok_epub_cursor_free     (gpointer     cursor);

/* urok-epub-xml.c: libxml2 with no network, no DTD, no entities. */
xmlDoc   *_urok_epub_parse_xml       (GBytes      *bytes,
                                      const char  *name,
                                      GError     **error);
xmlDoc   *_urok_epub_read_xml        (UrokEpub    *self,
                                      const char  *path,
                                      GError     **error);
gboolean  _urok_epub_is_element      (xmlNode     *node,
                                      const char  *ns,
                                      const char  *name);
xmlNode  *_urok_epub_find_child      (xmlNode     *parent,
                                      const char  *ns,
                                      const char  *name);
char     *_urok_epub_node_text       (xmlNode     *node);
char     *_urok_epub_node_attr       (xmlNode     *node,
                                      const char  *name);
char     *_urok_epub_node_attr_ns    (xmlNode     *node,
                                      const char  *name,
                                      const char  *ns);

/* urok-epub-package.c */
gboolean  _urok_epub_read_package    (UrokEpub    *self,
                                      GError     **error);
UrokEpubManifestItem *_urok_epub_manifest_item_new (void);

/* urok-epub-nav.c */
void      _urok_epub_read_navigation (UrokEpub    *self);

G_END_DECLS
