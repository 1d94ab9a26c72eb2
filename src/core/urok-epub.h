/* urok-epub.h: an open EPUB book: its container, package and navigation.
 *
 * Every other part of the reader (the web view's URI scheme, the search
 * indexer, import) reads a book through this model.  Once open, a UrokEpub
 * never changes, so its getters may be called from any thread, and
 * urok_epub_read_entry() is thread-safe.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UROK_EPUB_ERROR (urok_epub_error_quark ())

typedef enum
{
  UROK_EPUB_ERROR_NOT_EPUB,  /* not a ZIP, or a ZIP of something else */
  UROK_EPUB_ERROR_INVALID,   /* an EPUB whose required parts are missing or broken */
  UROK_EPUB_ERROR_TOO_LARGE, /* a part larger than any real book has */
  UROK_EPUB_ERROR_NOT_FOUND, /* no such file in the book */
} UrokEpubError;

GQuark urok_epub_error_quark (void);

typedef enum
{
  UROK_EPUB_LAYOUT_REFLOWABLE,
  UROK_EPUB_LAYOUT_PRE_PAGINATED,
} UrokEpubLayout;

typedef enum
{
  UROK_EPUB_DIRECTION_DEFAULT,
  UROK_EPUB_DIRECTION_LTR,
  UROK_EPUB_DIRECTION_RTL,
} UrokEpubDirection;

typedef enum
{
  UROK_EPUB_PAGE_SPREAD_NONE,
  UROK_EPUB_PAGE_SPREAD_LEFT,
  UROK_EPUB_PAGE_SPREAD_RIGHT,
  UROK_EPUB_PAGE_SPREAD_CENTER,
} UrokEpubPageSpread;

/* One manifest item.  Fields are read-only. */
typedef struct
{
  char  *id;
  char  *href;          /* as written in the package document */
  char  *path;          /* entry path in the container, resolved and decoded; NULL for a remote resource */
  char  *media_type;
  char **properties;    /* never NULL */
  char  *fallback;      /* a manifest id, or NULL */
  char  *media_overlay; /* a manifest id, or NULL */
  /*< private >*/
  gatomicrefcount ref_count;
} UrokEpubManifestItem;

/* One spine (reading order) item.  Fields are read-only. */
typedef struct
{
  char                 *idref;
  UrokEpubManifestItem *item; /* never NULL: spine items with no manifest item are dropped */
  gboolean              linear;
  UrokEpubPageSpread    page_spread;
  char                **properties; /* never NULL */
  /*< private >*/
  gatomicrefcount ref_count;
} UrokEpubSpineItem;

/* One entry of the table of contents, page list or landmarks. */
typedef struct
{
  char      *label;    /* whitespace collapsed */
  char      *path;     /* entry path, or NULL (a heading with no link, or a link out of the book) */
  char      *fragment; /* without '#', or NULL */
  char      *type;     /* epub:type (landmarks: "toc", "bodymatter"...), or NULL */
  GPtrArray *children; /* of UrokEpubNavPoint, never NULL */
  /*< private >*/
  gatomicrefcount ref_count;
} UrokEpubNavPoint;

#define UROK_TYPE_EPUB_MANIFEST_ITEM (urok_epub_manifest_item_get_type ())
#define UROK_TYPE_EPUB_SPINE_ITEM (urok_epub_spine_item_get_type ())
#define UROK_TYPE_EPUB_NAV_POINT (urok_epub_nav_point_get_type ())

GType                 urok_epub_manifest_item_get_type (void) G_GNUC_CONST;
UrokEpubManifestItem *urok_epub_manifest_item_ref      (UrokEpubManifestItem *item);
void                  urok_epub_manifest_item_unref    (UrokEpubManifestItem *item);
gboolean              urok_epub_manifest_item_has_property (UrokEpubManifestItem *item,
                                                            const char           *property);
GType                 urok_epub_spine_item_get_type    (void) G_GNUC_CONST;
UrokEpubSpineItem    *urok_epub_spine_item_ref         (UrokEpubSpineItem    *item);
void                  urok_epub_spine_item_unref       (UrokEpubSpineItem    *item);
GType                 urok_epub_nav_point_get_type     (void) G_GNUC_CONST;
UrokEpubNavPoint     *urok_epub_nav_point_ref          (UrokEpubNavPoint     *point);
void                  urok_epub_nav_point_unref        (UrokEpubNavPoint     *point);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokEpubManifestItem, urok_epub_manifest_item_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokEpubSpineItem, urok_epub_spine_item_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UrokEpubNavPoint, urok_epub_nav_point_unref)

#define UROK_TYPE_EPUB (urok_epub_get_type ())
G_DECLARE_FINAL_TYPE (UrokEpub, urok_epub, UROK, EPUB, GObject)

/* Opening.  Entries are read from the file when asked for: it must not
 * change while the book is open (books live in the store's own folder,
 * written once at import). */
UrokEpub           *urok_epub_open                 (const char  *path,
                                                    GError     **error);
UrokEpub           *urok_epub_open_bytes           (GBytes      *bytes,
                                                    GError     **error);

/* Problems a reading system forgives (a wrong mimetype, a missing image,
 * a broken navigation document), as translated sentences; never NULL. */
const char * const *urok_epub_get_warnings         (UrokEpub    *self);

/* The container. */
gboolean            urok_epub_has_entry            (UrokEpub    *self,
                                                    const char  *path);
gint64              urok_epub_get_entry_size       (UrokEpub    *self,
                                                    const char  *path);
GPtrArray          *urok_epub_list_entries         (UrokEpub    *self);
GBytes             *urok_epub_read_entry           (UrokEpub    *self,
                                                    const char  *path,
                                                    GError     **error);
const char         *urok_epub_get_media_type       (UrokEpub    *self,
                                                    const char  *path);
char               *urok_epub_resolve_href         (UrokEpub    *self,
                                                    const char  *base_path,
                                                    const char  *href,
                                                    char       **fragment);

/* The package. */
const char         *urok_epub_get_package_path     (UrokEpub    *self);
const char         *urok_epub_get_version          (UrokEpub    *self);
const char         *urok_epub_get_identifier       (UrokEpub    *self);
const char         *urok_epub_get_title            (UrokEpub    *self);
const char * const *urok_epub_get_titles           (UrokEpub    *self);
const char * const *urok_epub_get_creators         (UrokEpub    *self);
const char * const *urok_epub_get_languages        (UrokEpub    *self);
const char * const *urok_epub_get_subjects         (UrokEpub    *self);
const char         *urok_epub_get_modified         (UrokEpub    *self);
const char         *urok_epub_get_cover_path       (UrokEpub    *self);
GPtrArray          *urok_epub_get_manifest         (UrokEpub    *self);
UrokEpubManifestItem *urok_epub_lookup_item        (UrokEpub    *self,
                                                    const char  *id);
UrokEpubManifestItem *urok_epub_lookup_item_by_path (UrokEpub   *self,
                                                     const char *path);
GPtrArray          *urok_epub_get_spine            (UrokEpub    *self);
UrokEpubDirection   urok_epub_get_page_progression_direction (UrokEpub *self);
UrokEpubLayout      urok_epub_get_layout           (UrokEpub    *self);
const char         *urok_epub_get_spread           (UrokEpub    *self);
const char         *urok_epub_get_orientation      (UrokEpub    *self);
const char         *urok_epub_get_flow             (UrokEpub    *self);

/* Navigation: the EPUB 3 navigation document, or the NCX of EPUB 2. */
const char         *urok_epub_get_nav_path         (UrokEpub    *self);
GPtrArray          *urok_epub_get_toc              (UrokEpub    *self);
GPtrArray          *urok_epub_get_page_list        (UrokEpub    *self);
GPtrArray          *urok_epub_get_landmarks        (UrokEpub    *self);

G_END_DECLS
