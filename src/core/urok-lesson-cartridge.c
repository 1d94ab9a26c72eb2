/* urok-lesson-cartridge.c: a lesson as an IMS Common Cartridge (.imscc),
 * version 1.3 for platforms that read it, 1.1 for Moodle, whose course
 * restore converts Common Cartridge 1.0 and 1.1 only.
 *
 * One module (organization item) per stage, in order; in it first the
 * stage's own page, then its resources: links as CC web links, media files
 * as they are, tests as QTI 1.2.1 assessments where their questions allow,
 * and whatever a platform cannot play (board pages, places in a textbook,
 * text cards) as small HTML pages that say what they are.  The manifest is
 * written last, once every file and identifier is known.  This file walks
 * the lesson and writes the manifest; pages, media and links are in
 * urok-lesson-cartridge-content.c, tests in urok-lesson-cartridge-qti.c.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "urok-lesson-cartridge-private.h"
#include "urok-store-packages.h"

#define CC13_NS_CP "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
#define CC13_NS_LOM_MANIFEST "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
#define CC13_NS_LOM_RESOURCE "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource"
#define CC13_NS_WEBLINK "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"
#define CC13_PROFILE "http://www.imsglobal.org/profile/cc/ccv1p3/"

/* Moodle tells a 1.1 cartridge by the default namespace of the manifest
 * (backup/converter/imscc11/lib.php) and reads it with these namespaces
 * and types (backup/cc/cc112moodle.php). */
#define CC11_NS_CP "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
#define CC11_NS_LOM_MANIFEST "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
#define CC11_NS_LOM_RESOURCE "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"
#define CC11_NS_WEBLINK "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1"
#define CC11_PROFILE "http://www.imsglobal.org/profile/cc/ccv1p1/"

static const UrokCartridgeProfile profile_1_3 = {
  .ns_cp = CC13_NS_CP,
  .ns_lom_manifest = CC13_NS_LOM_MANIFEST,
  .ns_lom_resource = CC13_NS_LOM_RESOURCE,
  .ns_weblink = CC13_NS_WEBLINK,
  .schema_location = CC13_NS_CP " " CC13_PROFILE "ccv1p3_imscp_v1p2_v1p0.xsd "
                     CC13_NS_LOM_MANIFEST " " CC13_PROFILE "LOM/ccv1p3_lommanifest_v1p0.xsd "
                     CC13_NS_LOM_RESOURCE " " CC13_PROFILE "LOM/ccv1p3_lomresource_v1p0.xsd",
  .weblink_schema_location = CC13_NS_WEBLINK " " CC13_PROFILE "ccv1p3_imswl_v1p3.xsd",
  .qti_schema_location = UROK_CARTRIDGE_NS_QTI " " CC13_PROFILE "ccv1p3_qtiasiv1p2p1_v1p0.xsd",
  .schema_version = "1.3.0",
  .type_weblink = "imswl_xmlv1p3",
  .type_assessment = "imsqti_xmlv1p2/imscc_xmlv1p3/assessment",
};

static const UrokCartridgeProfile profile_1_1 = {
  .ns_cp = CC11_NS_CP,
  .ns_lom_manifest = CC11_NS_LOM_MANIFEST,
  .ns_lom_resource = CC11_NS_LOM_RESOURCE,
  .ns_weblink = CC11_NS_WEBLINK,
  .schema_location = CC11_NS_CP " " CC11_PROFILE "ccv1p1_imscp_v1p2_v1p0.xsd "
                     CC11_NS_LOM_MANIFEST " " CC11_PROFILE "LOM/ccv1p1_lommanifest_v1p0.xsd "
                     CC11_NS_LOM_RESOURCE " " CC11_PROFILE "LOM/ccv1p1_lomresource_v1p0.xsd",
  .weblink_schema_location = CC11_NS_WEBLINK " " CC11_PROFILE "ccv1p1_imswl_v1p1.xsd",
  .qti_schema_location = UROK_CARTRIDGE_NS_QTI " " CC11_PROFILE "ccv1p1_qtiasiv1p2p1_v1p0.xsd",
  .schema_version = "1.1.0",
  .type_weblink = "imswl_xmlv1p1",
  .type_assessment = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment",
};

static void
cc_resource_free (UrokCcResource *resource)
{
  g_free (resource->identifier);
  g_free (resource->href);
  g_free (resource->file);
  g_free (resource);
}

static void
cc_item_free (UrokCcItem *item)
{
  g_free (item->identifier);
  g_free (item->title);
  g_free (item->identifierref);
  g_free (item);
}

static void
cc_module_free (UrokCcModule *module)
{
  g_free (module->identifier);
  g_free (module->title);
  g_ptr_array_unref (module->items);
  g_free (module);
}

static void
cartridge_clear (UrokCartridge *self)
{
  g_clear_pointer (&self->zip, _urok_zip_writer_free);
  g_clear_pointer (&self->media_dir, g_free);
  g_clear_pointer (&self->resources, g_ptr_array_unref);
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  g_clear_pointer (&self->media_ids, g_hash_table_unref);
  g_clear_pointer (&self->test_ids, g_hash_table_unref);
  g_clear_pointer (&self->files, g_hash_table_unref);
}

static char *
test_title (UrokCartridge *self,
            const char    *uuid)
{
  g_autoptr(JsonNode) test = *uuid != '\0' ? urok_store_dup_test_json (self->store, uuid, NULL) : NULL;
  const char *title = test != NULL ? json_object_get_string_member_with_default (json_node_get_object (test), "title", "") : "";

  return g_strdup (*title != '\0' ? title : _("Test"));
}

static char *
resource_title (UrokCartridge *self,
                UrokResource  *resource)
{
  const char *title = urok_resource_get_title (resource);
  const char *target = urok_resource_get_target (resource);

  if (*title != '\0')
    return g_strdup (title);

  switch (urok_resource_get_kind (resource))
    {
    case UROK_RESOURCE_BOARD_PAGE:
      return g_strdup (_("Whiteboard page"));
    case UROK_RESOURCE_BOOK_PLACE:
      return g_strdup (_("Place in the textbook"));
    case UROK_RESOURCE_MEDIA:
    case UROK_RESOURCE_LINK:
      return g_strdup (*target != '\0' ? target : _("Untitled resource"));
    case UROK_RESOURCE_TEST:
      return test_title (self, target);
    case UROK_RESOURCE_TEXT:
      return g_strdup (_("Text card"));
    default:
      return g_strdup (_("Untitled resource"));
    }
}

static const char *
add_book_place (UrokCartridge  *self,
                UrokResource   *resource,
                const char     *title,
                GError        **error)
{
  g_autoptr(UrokBookInfo) book = urok_store_find_book (self->store, urok_resource_get_target (resource), NULL);
  g_autoptr(GString) body = g_string_new ("<p>");
  g_autofree char *book_line = NULL;
  const char *location = urok_resource_get_location (resource);

  if (book != NULL && *urok_book_info_get_authors (book) != '\0')
    book_line = g_strdup_printf (_("Textbook: %s, %s"), urok_book_info_get_authors (book),
                                 urok_book_info_get_title (book));
  else
    book_line = g_strdup_printf (_("Textbook: %s"),
                                 book != NULL ? urok_book_info_get_title (book) : urok_resource_get_target (resource));
  _urok_cartridge_append_escaped (body, book_line);
  g_string_append (body, "</p>\n");
  if (*location != '\0')
    {
      g_autofree char *place = g_strdup_printf (_("Place in the book: %s"), location);

      g_string_append (body, "<p>");
      _urok_cartridge_append_escaped (body, place);
      g_string_append (body, "</p>\n");
    }
  _urok_cartridge_append_paragraphs (body, urok_resource_get_text (resource));
  return _urok_cartridge_add_page (self, "resources", title, body, error);
}

static const char *
add_lesson_resource (UrokCartridge  *self,
                     UrokResource   *resource,
                     const char     *title,
                     GError        **error)
{
  g_autoptr(GString) body = g_string_new (NULL);

  switch (urok_resource_get_kind (resource))
    {
    case UROK_RESOURCE_MEDIA:
      if (*urok_resource_get_target (resource) != '\0')
        return _urok_cartridge_add_media (self, resource, error);
      break;
    case UROK_RESOURCE_LINK:
      return _urok_cartridge_add_link (self, resource, title, error);
    case UROK_RESOURCE_TEST:
      return _urok_cartridge_add_test (self, resource, title, error);
    case UROK_RESOURCE_BOOK_PLACE:
      return add_book_place (self, resource, title, error);
    case UROK_RESOURCE_BOARD_PAGE:
      g_string_append (body, "<p>");
      _urok_cartridge_append_escaped (body, _("A whiteboard page of this lesson. It is shown in class with Urok."));
      g_string_append (body, "</p>\n");
      break;
    case UROK_RESOURCE_TEXT:
    default:
      break;
    }
  _urok_cartridge_append_paragraphs (body, urok_resource_get_text (resource));
  return _urok_cartridge_add_page (self, "resources", title, body, error);
}

static UrokCcItem *
new_item (UrokCartridge *self,
          const char    *title,
          const char    *identifierref)
{
  UrokCcItem *item = g_new0 (UrokCcItem, 1);

  item->identifier = _urok_cartridge_new_identifier (self, "I");
  item->title = g_strdup (title);
  item->identifierref = g_strdup (identifierref);
  return item;
}

static gboolean
add_stage (UrokCartridge  *self,
           guint           number,
           UrokStage      *stage,
           GError        **error)
{
  GListModel *resources = urok_stage_get_resources (stage);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *duration = NULL;
  const char *title = *urok_stage_get_title (stage) != '\0' ? urok_stage_get_title (stage) : _("Untitled stage");
  const char *page;
  UrokCcModule *module;
  int minutes = urok_stage_get_duration_minutes (stage);

  duration = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes), minutes);
  g_string_append (body, "<p>");
  _urok_cartridge_append_escaped (body, duration);
  g_string_append (body, "</p>\n");
  /* Notes are the teacher's own and stay out of a course students see. */
  _urok_cartridge_append_section (body, _("Teacher activity"), urok_stage_get_teacher_activity (stage));
  _urok_cartridge_append_section (body, _("Student activity"), urok_stage_get_student_activity (stage));
  _urok_cartridge_append_section (body, _("Methods and forms of work"), urok_stage_get_methods (stage));
  _urok_cartridge_append_section (body, _("Planned results"), urok_stage_get_planned_results (stage));

  page = _urok_cartridge_add_page (self, "stages", title, body, error);
  if (page == NULL)
    return FALSE;

  module = g_new0 (UrokCcModule, 1);
  module->identifier = _urok_cartridge_new_identifier (self, "M");
  module->title = g_strdup_printf ("%u. %s", number, title);
  module->items = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_item_free);
  g_ptr_array_add (self->modules, module);
  g_ptr_array_add (module->items, new_item (self, title, page));

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(UrokResource) resource = g_list_model_get_item (resources, i);
      g_autofree char *resource_name = resource_title (self, resource);
      const char *identifier = add_lesson_resource (self, resource, resource_name, error);

      if (identifier == NULL)
        return FALSE;
      g_ptr_array_add (module->items, new_item (self, resource_name, identifier));
    }
  return TRUE;
}

/* The manifest */

static void
write_lom_string (xmlTextWriterPtr  writer,
                  const char       *element,
                  const char       *text)
{
  _urok_cartridge_xml_start (writer, element);
  _urok_cartridge_xml_element (writer, "lomimscc:string", text);
  _urok_cartridge_xml_close (writer);
}

static GBytes *
manifest_bytes (UrokCartridge  *self,
                GError        **error)
{
  const char *topic = urok_lesson_get_topic (self->lesson);
  const char *const *tags = urok_lesson_get_tags (self->lesson);
  g_autofree char *identifier = g_strconcat ("M_", urok_lesson_get_uuid (self->lesson), NULL);
  UrokXmlOut out;
  xmlTextWriterPtr writer;

  /* An XML ID: letters, digits, "-", "_" and "." only. */
  g_strcanon (identifier, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", '_');

  writer = _urok_cartridge_xml_begin (&out);
  /* The default namespace first: Moodle looks for it in the manifest's
   * first 500 bytes to tell a 1.1 cartridge (detect_format ()). */
  _urok_cartridge_xml_start (writer, "manifest");
  _urok_cartridge_xml_attribute (writer, "xmlns", self->profile->ns_cp);
  _urok_cartridge_xml_attribute (writer, "identifier", identifier);
  _urok_cartridge_xml_attribute (writer, "xmlns:lomimscc", self->profile->ns_lom_manifest);
  _urok_cartridge_xml_attribute (writer, "xmlns:lom", self->profile->ns_lom_resource);
  _urok_cartridge_xml_attribute (writer, "xmlns:xsi", UROK_CARTRIDGE_NS_XSI);
  _urok_cartridge_xml_attribute (writer, "xsi:schemaLocation", self->profile->schema_location);

  _urok_cartridge_xml_start (writer, "metadata");
  _urok_cartridge_xml_element (writer, "schema", "IMS Common Cartridge");
  _urok_cartridge_xml_element (writer, "schemaversion", self->profile->schema_version);
  _urok_cartridge_xml_start (writer, "lomimscc:lom");
  _urok_cartridge_xml_start (writer, "lomimscc:general");
  write_lom_string (writer, "lomimscc:title", *topic != '\0' ? topic : _("Untitled lesson"));
  if (*urok_lesson_get_goals (self->lesson) != '\0')
    write_lom_string (writer, "lomimscc:description", urok_lesson_get_goals (self->lesson));
  for (guint i = 0; tags[i] != NULL; i++)
    write_lom_string (writer, "lomimscc:keyword", tags[i]);
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);

  _urok_cartridge_xml_start (writer, "organizations");
  _urok_cartridge_xml_start (writer, "organization");
  _urok_cartridge_xml_attribute (writer, "identifier", "O1");
  _urok_cartridge_xml_attribute (writer, "structure", "rooted-hierarchy");
  _urok_cartridge_xml_start (writer, "item");
  _urok_cartridge_xml_attribute (writer, "identifier", "LearningModules");
  for (guint i = 0; i < self->modules->len; i++)
    {
      UrokCcModule *module = self->modules->pdata[i];

      _urok_cartridge_xml_start (writer, "item");
      _urok_cartridge_xml_attribute (writer, "identifier", module->identifier);
      _urok_cartridge_xml_element (writer, "title", module->title);
      for (guint j = 0; j < module->items->len; j++)
        {
          UrokCcItem *item = module->items->pdata[j];

          _urok_cartridge_xml_start (writer, "item");
          _urok_cartridge_xml_attribute (writer, "identifier", item->identifier);
          _urok_cartridge_xml_attribute (writer, "identifierref", item->identifierref);
          _urok_cartridge_xml_element (writer, "title", item->title);
          _urok_cartridge_xml_close (writer);
        }
      _urok_cartridge_xml_close (writer);
    }
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);

  _urok_cartridge_xml_start (writer, "resources");
  for (guint i = 0; i < self->resources->len; i++)
    {
      UrokCcResource *resource = self->resources->pdata[i];

      _urok_cartridge_xml_start (writer, "resource");
      _urok_cartridge_xml_attribute (writer, "identifier", resource->identifier);
      _urok_cartridge_xml_attribute (writer, "type", resource->type);
      if (resource->href != NULL)
        _urok_cartridge_xml_attribute (writer, "href", resource->href);
      _urok_cartridge_xml_start (writer, "file");
      _urok_cartridge_xml_attribute (writer, "href", resource->file);
      _urok_cartridge_xml_close (writer);
      _urok_cartridge_xml_close (writer);
    }
  _urok_cartridge_xml_close (writer);

  _urok_cartridge_xml_close (writer);
  return _urok_cartridge_xml_end (&out, "imsmanifest.xml", error);
}

gboolean
urok_lesson_cartridge_export_version (UrokStore             *store,
                                      UrokLesson            *lesson,
                                      UrokCartridgeVersion   version,
                                      const char            *path,
                                      GError               **error)
{
  UrokCartridge self = { .store = store, .lesson = lesson };
  g_autoptr(GBytes) manifest = NULL;
  GListModel *stages;
  gboolean ok = FALSE;

  g_return_val_if_fail (UROK_IS_STORE (store), FALSE);
  g_return_val_if_fail (UROK_IS_LESSON (lesson), FALSE);
  g_return_val_if_fail (version == UROK_CARTRIDGE_1_3 || version == UROK_CARTRIDGE_1_1, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  self.profile = version == UROK_CARTRIDGE_1_1 ? &profile_1_1 : &profile_1_3;
  self.media_dir = urok_store_dup_lesson_media_dir (store, urok_lesson_get_uuid (lesson));
  self.resources = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_resource_free);
  self.modules = g_ptr_array_new_with_free_func ((GDestroyNotify)cc_module_free);
  self.media_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.test_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self.zip = _urok_zip_writer_new (path, error);
  if (self.zip == NULL)
    goto out;

  stages = urok_lesson_get_stages (lesson);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (stages, i);

      if (!add_stage (&self, i + 1, stage, error))
        goto out;
    }

  manifest = manifest_bytes (&self, error);
  if (manifest == NULL || !_urok_cartridge_add_file (&self, "imsmanifest.xml", manifest, error))
    goto out;
  ok = _urok_zip_writer_finish (self.zip, error);

out:
  cartridge_clear (&self);
  return ok;
}

gboolean
urok_lesson_cartridge_export (UrokStore   *store,
                              UrokLesson  *lesson,
                              const char  *path,
                              GError     **error)
{
  return urok_lesson_cartridge_export_version (store, lesson, UROK_CARTRIDGE_1_3, path, error);
}
