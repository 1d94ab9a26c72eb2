/* urok-lesson-cartridge-private.h: what the parts of the Common Cartridge
 * writer share: the cartridge being written (its files, resources and
 * modules), the version's names, XML and HTML helpers.
 *
 * urok-lesson-cartridge.c walks the lesson and writes the manifest;
 * urok-lesson-cartridge-content.c writes pages, media and web links;
 * urok-lesson-cartridge-qti.c writes tests as QTI assessments.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/xmlwriter.h>

#include "urok-lesson-package-private.h"

G_BEGIN_DECLS

#define UROK_CARTRIDGE_NS_QTI "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
#define UROK_CARTRIDGE_NS_XSI "http://www.w3.org/2001/XMLSchema-instance"
#define UROK_CARTRIDGE_TYPE_WEBCONTENT "webcontent"

/* The names one version of the specification gives things; the content
 * of the cartridge is the same in every version. */
typedef struct
{
  const char *ns_cp;
  const char *ns_lom_manifest;
  const char *ns_lom_resource;
  const char *ns_weblink;
  const char *schema_location;          /* of the manifest */
  const char *weblink_schema_location;
  const char *qti_schema_location;
  const char *schema_version;
  const char *type_weblink;
  const char *type_assessment;
} UrokCartridgeProfile;

typedef struct
{
  char       *identifier;
  const char *type;
  char       *href;  /* NULL: not launched directly (web links, assessments) */
  char       *file;
} UrokCcResource;

typedef struct
{
  char *identifier;
  char *title;
  char *identifierref;
} UrokCcItem;

typedef struct
{
  char      *identifier;
  char      *title;
  GPtrArray *items;    /* UrokCcItem */
} UrokCcModule;

typedef struct
{
  const UrokCartridgeProfile *profile;
  UrokStore                  *store;
  UrokLesson                 *lesson;
  UrokZipWriter              *zip;
  char                       *media_dir;
  GPtrArray                  *resources; /* UrokCcResource */
  GPtrArray                  *modules;   /* UrokCcModule, one per stage */
  GHashTable                 *media_ids; /* media file name → resource identifier */
  GHashTable                 *test_ids;  /* test uuid → resource identifier */
  GHashTable                 *files;     /* names written to the ZIP */
  guint                       n_ids;
} UrokCartridge;

/* XML documents are written with xmlTextWriter into memory, then parsed
 * back once, so that a cartridge never carries a file a platform cannot
 * read. */
typedef struct
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr writer;
} UrokXmlOut;

xmlTextWriterPtr _urok_cartridge_xml_begin         (UrokXmlOut        *out);
/* Ends and frees the writer; the document's bytes, or NULL and @error
 * naming @name when it does not parse. */
GBytes          *_urok_cartridge_xml_end           (UrokXmlOut        *out,
                                                    const char        *name,
                                                    GError           **error);
void             _urok_cartridge_xml_attribute     (xmlTextWriterPtr   writer,
                                                    const char        *name,
                                                    const char        *value);
void             _urok_cartridge_xml_element       (xmlTextWriterPtr   writer,
                                                    const char        *name,
                                                    const char        *text);
void             _urok_cartridge_xml_text          (xmlTextWriterPtr   writer,
                                                    const char        *text);

static inline void
_urok_cartridge_xml_start (xmlTextWriterPtr  writer,
                           const char       *name)
{
  xmlTextWriterStartElement (writer, (const xmlChar *)name);
}

static inline void
_urok_cartridge_xml_close (xmlTextWriterPtr writer)
{
  xmlTextWriterEndElement (writer);
}

/* HTML text, escaped; blank lines part paragraphs. */
void             _urok_cartridge_append_escaped    (GString           *html,
                                                    const char        *text);
void             _urok_cartridge_append_paragraphs (GString           *html,
                                                    const char        *text);
void             _urok_cartridge_append_section    (GString           *html,
                                                    const char        *heading,
                                                    const char        *text);

char            *_urok_cartridge_new_identifier    (UrokCartridge     *self,
                                                    const char        *prefix);
gboolean         _urok_cartridge_add_file          (UrokCartridge     *self,
                                                    const char        *name,
                                                    GBytes            *bytes,
                                                    GError           **error);
/* A resource of @type for @file; @launchable ones get an href.  Returns
 * its identifier, owned by @self. */
const char      *_urok_cartridge_add_resource      (UrokCartridge     *self,
                                                    const char        *type,
                                                    const char        *file,
                                                    gboolean           launchable);
/* An HTML page titled @title in @folder, as a web content resource. */
const char      *_urok_cartridge_add_page          (UrokCartridge     *self,
                                                    const char        *folder,
                                                    const char        *title,
                                                    GString           *body,
                                                    GError           **error);
const char      *_urok_cartridge_add_media         (UrokCartridge     *self,
                                                    UrokResource      *resource,
                                                    GError           **error);
const char      *_urok_cartridge_add_link          (UrokCartridge     *self,
                                                    UrokResource      *resource,
                                                    const char        *title,
                                                    GError           **error);
/* A QTI assessment of the questions a platform can play, or a page that
 * lists the questions when there are none. */
const char      *_urok_cartridge_add_test          (UrokCartridge     *self,
                                                    UrokResource      *resource,
                                                    const char        *title,
                                                    GError           **error);

G_END_DECLS
