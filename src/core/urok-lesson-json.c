/* urok-lesson-json.c: a lesson as JSON and back (docs/formats/lesson.md).
 *
 * The same text travels in lesson packages from other teachers and in our
 * bundled templates, so reading trusts nothing: every member is checked for
 * its type and range, unknown members are refused (a typo in a template is
 * caught, not silently dropped), and each error names the member by its path,
 * e.g. "stages[2].resources[0].target", so the author can find it.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "urok-lesson.h"
#include "urok-stage-kind.h"

#define FORMAT_NAME     "urok-lesson"
#define FORMAT_VERSION  1

/* Far beyond any real lesson, low enough that a hostile file cannot make us
 * build millions of objects. */
#define MAX_STAGES      500
#define MAX_RESOURCES   1000
#define MAX_TAGS        100
#define MAX_TEXT        (1 << 20)
#define MAX_BOARD       (32 << 20)
#define MAX_MINUTES     600

typedef struct
{
  GHashTable *uuids; /* every uuid seen in this lesson, to refuse duplicates */
} Reader;

static char *
member_path (const char *where,
             const char *name)
{
  if (name == NULL)
    return g_strdup (where);
  if (where == NULL || where[0] == '\0')
    return g_strdup (name);
  return g_strconcat (where, ".", name, NULL);
}

static gboolean
fail (GError     **error,
      const char  *where,
      const char  *name,
      const char  *problem)
{
  g_autofree char *path = member_path (where, name);

  /* Translators: the first %s is where in the lesson file, e.g.
   * "stages[2].title"; the second says what is wrong with it. */
  g_set_error (error, UROK_LESSON_ERROR, UROK_LESSON_ERROR_INVALID,
               _("Not a valid lesson: %s: %s"), path, problem);
  return FALSE;
}

/* Refuses members not in @allowed, so that misspelt names do not vanish. */
static gboolean
check_members (JsonObject         *object,
               const char         *where,
               const char *const  *allowed,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        return fail (error, where, l->data, _("unknown member"));
    }
  return TRUE;
}

/* The value of @name in @object as text, or @fallback when it is absent. */
static gboolean
read_string (JsonObject  *object,
             const char  *where,
             const char  *name,
             gsize        max_length,
             const char **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *value;

  if (node == NULL)
    {
      *out = "";
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, where, name, _("must be a string"));
  value = json_node_get_string (node);
  if (value == NULL)
    value = "";
  if (strlen (value) > max_length)
    return fail (error, where, name, _("is too long"));
  if (!g_utf8_validate (value, -1, NULL))
    return fail (error, where, name, _("is not valid UTF-8 text"));
  *out = value;
  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *where,
          const char  *name,
          gboolean     required,
          int          min,
          int          max,
          int          fallback,
          int         *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  gint64 value;

  if (node == NULL)
    {
      if (required)
        return fail (error, where, name, _("is missing"));
      *out = fallback;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, where, name, _("must be a whole number"));
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_autofree char *problem = g_strdup_printf (_("must be from %d to %d"), min, max);
      return fail (error, where, name, problem);
    }
  *out = (int)value;
  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *where,
           const char  *name,
           gboolean    *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      *out = FALSE;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (error, where, name, _("must be true or false"));
  *out = json_node_get_boolean (node);
  return TRUE;
}

static JsonArray *
read_array (JsonObject  *object,
            const char  *where,
            const char  *name,
            guint        max_length,
            gboolean    *ok,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  *ok = TRUE;
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      *ok = fail (error, where, name, _("must be a list"));
      return NULL;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) > max_length)
    {
      g_autofree char *problem = g_strdup_printf (_("has more than %u entries"), max_length);
      *ok = fail (error, where, name, problem);
      return NULL;
    }
  return array;
}

/* A uuid, unique within the lesson; absent means a new one. */
static gboolean
read_uuid (Reader      *reader,
           JsonObject  *object,
           const char  *where,
           const char **out,
           GError     **error)
{
  const char *uuid;

  if (!read_string (object, where, "uuid", 64, &uuid, error))
    return FALSE;
  if (uuid[0] == '\0')
    {
      *out = NULL;
      return TRUE;
    }
  if (!g_uuid_string_is_valid (uuid))
    return fail (error, where, "uuid", _("is not a UUID"));
  if (!g_hash_table_add (reader->uuids, g_ascii_strdown (uuid, -1)))
    return fail (error, where, "uuid", _("is used twice in the lesson"));
  *out = uuid;
  return TRUE;
}

static gboolean
is_valid_date (const char *text)
{
  int year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  return g_date_valid_dmy (day, month, year);
}

/* Built-in codes and the store's "custom-<uuid>" for a teacher's own kinds. */
static gboolean
is_valid_stage_kind (const char *code)
{
  if (code[0] == '\0' || urok_stage_kind_lookup_built_in (code) != NULL)
    return TRUE;
  return g_str_has_prefix (code, "custom-") && g_uuid_string_is_valid (code + strlen ("custom-"));
}

/* A plain name inside the lesson's media folder: never a path out of it. */
static gboolean
is_valid_media_name (const char *name)
{
  return name[0] != '\0' && name[0] != '.'
         && strlen (name) <= 255
         && strchr (name, '/') == NULL && strchr (name, '\\') == NULL;
}

static gboolean
is_valid_media_type (const char *type)
{
  const char *slash = strchr (type, '/');

  if (slash == NULL || slash == type || slash[1] == '\0' || strchr (slash + 1, '/') != NULL)
    return FALSE;
  for (const char *p = type; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("/.+-_", *p) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_valid_web_link (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
         && g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0';
}

/* json-glib parses recursively: a board nested a few hundred thousand
 * levels deep (well under MAX_BOARD) would overflow the stack, so depth is
 * checked on the text first.  No real board nests deeper than a few levels. */
#define MAX_BOARD_DEPTH 64

static gboolean
json_depth_within (const char *text,
                   guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((*p == '}' || *p == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

static gboolean
is_json_object_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  return json_depth_within (text, MAX_BOARD_DEPTH)
         && json_parser_load_from_data (parser, text, -1, NULL)
         && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser));
}

static UrokResource *
read_resource (Reader      *reader,
               JsonNode    *node,
               const char  *where,
               GError     **error)
{
  static const char *const allowed[] = {
    "uuid", "kind", "title", "target", "location", "text", "media_type", "board", NULL
  };
  g_autoptr(UrokResource) resource = NULL;
  JsonObject *object;
  UrokResourceKind kind;
  const char *uuid, *kind_name, *title, *target, *location, *text, *media_type, *board;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, where, NULL, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_members (object, where, allowed, error)
      || !read_uuid (reader, object, where, &uuid, error)
      || !read_string (object, where, "kind", 64, &kind_name, error)
      || !read_string (object, where, "title", MAX_TEXT, &title, error)
      || !read_string (object, where, "target", MAX_TEXT, &target, error)
      || !read_string (object, where, "location", MAX_TEXT, &location, error)
      || !read_string (object, where, "text", MAX_TEXT, &text, error)
      || !read_string (object, where, "media_type", 255, &media_type, error)
      || !read_string (object, where, "board", MAX_BOARD, &board, error))
    return NULL;

  if (kind_name[0] == '\0')
    {
      fail (error, where, "kind", _("is missing"));
      return NULL;
    }
  if (!urok_resource_kind_from_string (kind_name, &kind))
    {
      fail (error, where, "kind", _("is not a known kind of resource"));
      return NULL;
    }

  /* An empty target is a resource the teacher has not filled in yet. */
  if (target[0] != '\0')
    {
      if (kind == UROK_RESOURCE_LINK && !is_valid_web_link (target))
        {
          fail (error, where, "target", _("is not an http or https address"));
          return NULL;
        }
      if (kind == UROK_RESOURCE_MEDIA && !is_valid_media_name (target))
        {
          fail (error, where, "target", _("is not a file name in the lesson’s media folder"));
          return NULL;
        }
      if (kind == UROK_RESOURCE_TEST && !g_uuid_string_is_valid (target))
        {
          fail (error, where, "target", _("is not the UUID of a test"));
          return NULL;
        }
    }
  if (media_type[0] != '\0' && !is_valid_media_type (media_type))
    {
      fail (error, where, "media_type", _("is not a MIME type"));
      return NULL;
    }
  if (board[0] != '\0' && !is_json_object_text (board))
    {
      fail (error, where, "board", _("is not a JSON object"));
      return NULL;
    }

  resource = g_object_new (UROK_TYPE_RESOURCE, "uuid", uuid, "kind", kind, NULL);
  urok_resource_set_title (resource, title);
  urok_resource_set_target (resource, target);
  urok_resource_set_location (resource, location);
  urok_resource_set_text (resource, text);
  urok_resource_set_media_type (resource, media_type);
  urok_resource_set_board (resource, board);
  return g_steal_pointer (&resource);
}

static UrokStage *
read_stage (Reader      *reader,
            JsonNode    *node,
            const char  *where,
            GError     **error)
{
  static const char *const allowed[] = {
    "uuid", "title", "kind", "duration_minutes", "teacher_activity", "student_activity",
    "methods", "planned_results", "notes", "pace", "resources", NULL
  };
  g_autoptr(UrokStage) stage = NULL;
  JsonObject *object;
  JsonArray *resources;
  const char *uuid, *title, *kind, *teacher, *student, *methods, *results, *notes, *pace;
  int minutes;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, where, NULL, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!check_members (object, where, allowed, error)
      || !read_uuid (reader, object, where, &uuid, error)
      || !read_string (object, where, "title", MAX_TEXT, &title, error)
      || !read_string (object, where, "kind", 64, &kind, error)
      || !read_int (object, where, "duration_minutes", TRUE, 0, MAX_MINUTES, 0, &minutes, error)
      || !read_string (object, where, "teacher_activity", MAX_TEXT, &teacher, error)
      || !read_string (object, where, "student_activity", MAX_TEXT, &student, error)
      || !read_string (object, where, "methods", MAX_TEXT, &methods, error)
      || !read_string (object, where, "planned_results", MAX_TEXT, &results, error)
      || !read_string (object, where, "notes", MAX_TEXT, &notes, error)
      || !read_string (object, where, "pace", 16, &pace, error))
    return NULL;

  if (!is_valid_stage_kind (kind))
    {
      fail (error, where, "kind", _("is not a known kind of stage"));
      return NULL;
    }
  if (pace[0] != '\0' && !g_str_equal (pace, "teacher") && !g_str_equal (pace, "student"))
    {
      fail (error, where, "pace", _("must be “teacher” or “student”"));
      return NULL;
    }

  resources = read_array (object, where, "resources", MAX_RESOURCES, &ok, error);
  if (!ok)
    return NULL;

  stage = g_object_new (UROK_TYPE_STAGE, "uuid", uuid, NULL);
  urok_stage_set_title (stage, title);
  urok_stage_set_kind (stage, kind);
  urok_stage_set_duration_minutes (stage, minutes);
  urok_stage_set_teacher_activity (stage, teacher);
  urok_stage_set_student_activity (stage, student);
  urok_stage_set_methods (stage, methods);
  urok_stage_set_planned_results (stage, results);
  urok_stage_set_notes (stage, notes);
  urok_stage_set_pace (stage, g_str_equal (pace, "student") ? UROK_STAGE_PACE_STUDENT : UROK_STAGE_PACE_TEACHER);

  for (guint i = 0; resources != NULL && i < json_array_get_length (resources); i++)
    {
      g_autofree char *resource_where = g_strdup_printf ("%s.resources[%u]", where, i);
      g_autoptr(UrokResource) resource = read_resource (reader, json_array_get_element (resources, i),
                                                        resource_where, error);
      if (resource == NULL)
        return NULL;
      urok_stage_insert_resource (stage, i, resource);
    }
  return g_steal_pointer (&stage);
}

static gboolean
read_tags (JsonObject  *object,
           GStrv       *out,
           GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *tags;
  gboolean ok;

  tags = read_array (object, NULL, "tags", MAX_TAGS, &ok, error);
  if (!ok)
    return FALSE;
  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    {
      JsonNode *node = json_array_get_element (tags, i);
      g_autofree char *where = g_strdup_printf ("tags[%u]", i);
      const char *tag;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (error, where, NULL, _("must be a string"));
      tag = json_node_get_string (node);
      if (tag == NULL || tag[0] == '\0' || strlen (tag) > 200 || !g_utf8_validate (tag, -1, NULL))
        return fail (error, where, NULL, _("must be a short non-empty text"));
      g_strv_builder_add (builder, tag);
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

UrokLesson *
urok_lesson_new_from_json (JsonNode  *node,
                           GError   **error)
{
  static const char *const allowed[] = {
    "format", "version", "uuid", "topic", "subject", "grade_level", "class_group_uuid",
    "lesson_type", "planned_date", "duration_minutes", "goals", "planned_results", "tags",
    "is_template", "stages", NULL
  };
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader reader = { uuids };
  g_autoptr(UrokLesson) lesson = NULL;
  g_auto(GStrv) tags = NULL;
  JsonObject *object;
  JsonArray *stages;
  const char *format, *uuid, *topic, *subject, *class_group, *lesson_type, *date, *goals, *results;
  int version, grade_level, minutes;
  gboolean is_template, ok;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, UROK_LESSON_ERROR, UROK_LESSON_ERROR_INVALID,
                   _("Not a valid lesson: the file does not hold a JSON object"));
      return NULL;
    }
  object = json_node_get_object (node);

  /* The format first: a newer file deserves "update Urok", not a complaint
   * about a member this version does not know. */
  if (!read_string (object, NULL, "format", 64, &format, error))
    return NULL;
  if (!g_str_equal (format, FORMAT_NAME))
    {
      g_autofree char *problem = g_strdup_printf (_("must be “%s”"), FORMAT_NAME);

      fail (error, NULL, "format", problem);
      return NULL;
    }
  if (!read_int (object, NULL, "version", TRUE, 1, G_MAXINT, 0, &version, error))
    return NULL;
  if (version > FORMAT_VERSION)
    {
      g_set_error (error, UROK_LESSON_ERROR, UROK_LESSON_ERROR_INVALID,
                   _("The lesson was written by a newer version of Urok (format %d, this version "
                     "reads %d). Update Urok to open it."), version, FORMAT_VERSION);
      return NULL;
    }

  if (!check_members (object, NULL, allowed, error)
      || !read_uuid (&reader, object, NULL, &uuid, error)
      || !read_string (object, NULL, "topic", MAX_TEXT, &topic, error)
      || !read_string (object, NULL, "subject", MAX_TEXT, &subject, error)
      || !read_int (object, NULL, "grade_level", FALSE, 0, 11, 0, &grade_level, error)
      || !read_string (object, NULL, "class_group_uuid", 64, &class_group, error)
      || !read_string (object, NULL, "lesson_type", 64, &lesson_type, error)
      || !read_string (object, NULL, "planned_date", 16, &date, error)
      || !read_int (object, NULL, "duration_minutes", FALSE, 1, MAX_MINUTES, 45, &minutes, error)
      || !read_string (object, NULL, "goals", MAX_TEXT, &goals, error)
      || !read_string (object, NULL, "planned_results", MAX_TEXT, &results, error)
      || !read_tags (object, &tags, error)
      || !read_bool (object, NULL, "is_template", &is_template, error))
    return NULL;

  if (class_group[0] != '\0' && !g_uuid_string_is_valid (class_group))
    {
      fail (error, NULL, "class_group_uuid", _("is not a UUID"));
      return NULL;
    }
  if (lesson_type[0] != '\0' && urok_lesson_type_name (lesson_type) == NULL)
    {
      fail (error, NULL, "lesson_type", _("is not a known type of lesson"));
      return NULL;
    }
  if (date[0] != '\0' && !is_valid_date (date))
    {
      fail (error, NULL, "planned_date", _("is not a date written as YYYY-MM-DD"));
      return NULL;
    }

  stages = read_array (object, NULL, "stages", MAX_STAGES, &ok, error);
  if (!ok)
    return NULL;

  lesson = g_object_new (UROK_TYPE_LESSON, "uuid", uuid, NULL);
  urok_lesson_set_topic (lesson, topic);
  urok_lesson_set_subject (lesson, subject);
  urok_lesson_set_grade_level (lesson, grade_level);
  urok_lesson_set_class_group_uuid (lesson, class_group);
  urok_lesson_set_lesson_type (lesson, lesson_type);
  urok_lesson_set_planned_date (lesson, date);
  urok_lesson_set_duration_minutes (lesson, minutes);
  urok_lesson_set_goals (lesson, goals);
  urok_lesson_set_planned_results (lesson, results);
  urok_lesson_set_tags (lesson, (const char *const *)tags);
  urok_lesson_set_is_template (lesson, is_template);

  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    {
      g_autofree char *where = g_strdup_printf ("stages[%u]", i);
      g_autoptr(UrokStage) stage = read_stage (&reader, json_array_get_element (stages, i), where, error);

      if (stage == NULL)
        return NULL;
      urok_lesson_insert_stage (lesson, i, stage);
    }

  return g_steal_pointer (&lesson);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* Resources carry only the members their kind uses, so that a package or a
 * template stays readable; reading treats a missing member as empty. */
static void
add_string_if_set (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  if (value[0] != '\0')
    add_string (builder, name, value);
}

static void
add_resource (JsonBuilder  *builder,
              UrokResource *resource)
{
  json_builder_begin_object (builder);
  add_string (builder, "uuid", urok_resource_get_uuid (resource));
  add_string (builder, "kind", urok_resource_kind_to_string (urok_resource_get_kind (resource)));
  add_string (builder, "title", urok_resource_get_title (resource));
  add_string_if_set (builder, "target", urok_resource_get_target (resource));
  add_string_if_set (builder, "location", urok_resource_get_location (resource));
  add_string_if_set (builder, "text", urok_resource_get_text (resource));
  add_string_if_set (builder, "media_type", urok_resource_get_media_type (resource));
  add_string_if_set (builder, "board", urok_resource_get_board (resource));
  json_builder_end_object (builder);
}

static void
add_stage (JsonBuilder *builder,
           UrokStage   *stage)
{
  GListModel *resources = urok_stage_get_resources (stage);
  guint n = g_list_model_get_n_items (resources);

  json_builder_begin_object (builder);
  add_string (builder, "uuid", urok_stage_get_uuid (stage));
  add_string (builder, "title", urok_stage_get_title (stage));
  add_string (builder, "kind", urok_stage_get_kind (stage));
  json_builder_set_member_name (builder, "duration_minutes");
  json_builder_add_int_value (builder, urok_stage_get_duration_minutes (stage));
  add_string (builder, "teacher_activity", urok_stage_get_teacher_activity (stage));
  add_string (builder, "student_activity", urok_stage_get_student_activity (stage));
  add_string (builder, "methods", urok_stage_get_methods (stage));
  add_string (builder, "planned_results", urok_stage_get_planned_results (stage));
  add_string (builder, "notes", urok_stage_get_notes (stage));
  add_string (builder, "pace", urok_stage_get_pace (stage) == UROK_STAGE_PACE_STUDENT ? "student" : "teacher");
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokResource) resource = g_list_model_get_item (resources, i);
      add_resource (builder, resource);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
urok_lesson_to_json (UrokLesson *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *const *tags;
  GListModel *stages;
  guint n;

  g_return_val_if_fail (UROK_IS_LESSON (self), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  add_string (builder, "uuid", urok_lesson_get_uuid (self));
  add_string (builder, "topic", urok_lesson_get_topic (self));
  add_string (builder, "subject", urok_lesson_get_subject (self));
  json_builder_set_member_name (builder, "grade_level");
  json_builder_add_int_value (builder, urok_lesson_get_grade_level (self));
  add_string (builder, "class_group_uuid", urok_lesson_get_class_group_uuid (self));
  add_string (builder, "lesson_type", urok_lesson_get_lesson_type (self));
  add_string (builder, "planned_date", urok_lesson_get_planned_date (self));
  json_builder_set_member_name (builder, "duration_minutes");
  json_builder_add_int_value (builder, urok_lesson_get_duration_minutes (self));
  add_string (builder, "goals", urok_lesson_get_goals (self));
  add_string (builder, "planned_results", urok_lesson_get_planned_results (self));

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  tags = urok_lesson_get_tags (self);
  for (guint i = 0; tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "is_template");
  json_builder_add_boolean_value (builder, urok_lesson_get_is_template (self));

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  stages = urok_lesson_get_stages (self);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (stages, i);
      add_stage (builder, stage);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
