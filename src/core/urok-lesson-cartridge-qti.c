/* urok-lesson-cartridge-qti.c: a lesson's tests in a Common Cartridge, as
 * QTI 1.2.1 assessments of the cartridge profile (cc.exam.v0p1) where
 * their questions allow, else as a page that lists the questions.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "urok-lesson-cartridge-private.h"
#include "urok-store-packages.h"

typedef struct
{
  const char *profile;      /* cc.multiple_choice.v0p1… */
  const char *cardinality;  /* "Single" or "Multiple" */
  GPtrArray  *choices;      /* char *, borrowed */
  GArray     *correct;      /* gboolean per choice */
} QtiQuestion;

/* The test designer's question data: "choices" (strings) and "answer"
 * (choice indices, or one index; a boolean for true/false).  It may come
 * from someone else's package: every member is checked for its type. */
static gboolean
read_choice_answers (JsonObject *data,
                     GPtrArray  *choices,
                     GArray     *correct)
{
  JsonNode *choices_node = json_object_get_member (data, "choices");
  JsonArray *list = choices_node != NULL && JSON_NODE_HOLDS_ARRAY (choices_node) ? json_node_get_array (choices_node) : NULL;
  JsonNode *answer = json_object_get_member (data, "answer");
  g_autoptr(JsonArray) single = NULL;
  JsonArray *answers;
  guint n_correct = 0;

  if (list == NULL || json_array_get_length (list) < 2 || answer == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *choice = json_array_get_element (list, i);
      gboolean no = FALSE;

      if (!JSON_NODE_HOLDS_VALUE (choice) || json_node_get_value_type (choice) != G_TYPE_STRING)
        return FALSE;
      g_ptr_array_add (choices, (gpointer)json_node_get_string (choice));
      g_array_append_val (correct, no);
    }

  if (JSON_NODE_HOLDS_ARRAY (answer))
    answers = json_node_get_array (answer);
  else
    {
      single = json_array_new ();
      json_array_add_element (single, json_node_copy (answer));
      answers = single;
    }
  for (guint i = 0; i < json_array_get_length (answers); i++)
    {
      JsonNode *index = json_array_get_element (answers, i);
      gint64 value;

      if (!JSON_NODE_HOLDS_VALUE (index) || json_node_get_value_type (index) != G_TYPE_INT64)
        return FALSE;
      value = json_node_get_int (index);
      if (value < 0 || value >= (gint64)choices->len)
        return FALSE;
      if (!g_array_index (correct, gboolean, value))
        n_correct++;
      g_array_index (correct, gboolean, value) = TRUE;
    }
  return n_correct > 0;
}

static gboolean
read_question (JsonObject  *question,
               QtiQuestion *qti)
{
  const char *kind = json_object_get_string_member_with_default (question, "kind", "");
  JsonNode *data_node = json_object_get_member (question, "data");
  JsonObject *data = data_node != NULL && JSON_NODE_HOLDS_OBJECT (data_node) ? json_node_get_object (data_node) : NULL;

  if (data == NULL)
    return FALSE;

  if (g_str_equal (kind, "true_false"))
    {
      JsonNode *answer = json_object_get_member (data, "answer");
      gboolean is_true;
      gboolean is_false;

      if (answer == NULL || !JSON_NODE_HOLDS_VALUE (answer) || json_node_get_value_type (answer) != G_TYPE_BOOLEAN)
        return FALSE;
      is_true = json_node_get_boolean (answer);
      is_false = !is_true;
      qti->profile = "cc.true_false.v0p1";
      qti->cardinality = "Single";
      g_ptr_array_add (qti->choices, (gpointer)C_("true-false answer", "True"));
      g_ptr_array_add (qti->choices, (gpointer)C_("true-false answer", "False"));
      g_array_append_val (qti->correct, is_true);
      g_array_append_val (qti->correct, is_false);
      return TRUE;
    }
  if (g_str_equal (kind, "single_choice"))
    {
      guint n_correct = 0;

      qti->profile = "cc.multiple_choice.v0p1";
      qti->cardinality = "Single";
      if (!read_choice_answers (data, qti->choices, qti->correct))
        return FALSE;
      for (guint i = 0; i < qti->correct->len; i++)
        n_correct += g_array_index (qti->correct, gboolean, i) ? 1 : 0;
      return n_correct == 1;
    }
  if (g_str_equal (kind, "multiple_choice"))
    {
      qti->profile = "cc.multiple_response.v0p1";
      qti->cardinality = "Multiple";
      return read_choice_answers (data, qti->choices, qti->correct);
    }
  /* Short answers, numbers, matching and essays have no place in the
   * cartridge's QTI profile that Moodle reads back faithfully. */
  return FALSE;
}

static void
write_metadata_field (xmlTextWriterPtr  writer,
                      const char       *label,
                      const char       *entry)
{
  _urok_cartridge_xml_start (writer, "qtimetadatafield");
  _urok_cartridge_xml_element (writer, "fieldlabel", label);
  _urok_cartridge_xml_element (writer, "fieldentry", entry);
  _urok_cartridge_xml_close (writer);
}

static void
write_mattext (xmlTextWriterPtr  writer,
               const char       *text)
{
  _urok_cartridge_xml_start (writer, "material");
  _urok_cartridge_xml_start (writer, "mattext");
  _urok_cartridge_xml_attribute (writer, "texttype", "text/plain");
  _urok_cartridge_xml_text (writer, text);
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);
}

/* Moodle's converter takes a true/false question's answers by their
 * labels "true" and "false" and refuses the question otherwise, as its
 * own cartridges label them (backup/cc/entity11.quiz.class.php). */
static char *
choice_ident (QtiQuestion *qti,
              const char  *item_ident,
              guint        index)
{
  if (g_str_equal (qti->profile, "cc.true_false.v0p1"))
    return g_strdup (index == 0 ? "true" : "false");
  return g_strdup_printf ("%s_A%u", item_ident, index + 1);
}

static void
write_qti_item (xmlTextWriterPtr  writer,
                guint             number,
                JsonObject       *question,
                QtiQuestion      *qti)
{
  g_autofree char *ident = g_strdup_printf ("Q%u", number);
  g_autofree char *title = g_strdup_printf (_("Question %u"), number);
  char points[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (points, sizeof points, "%g",
                   json_object_get_double_member_with_default (question, "points", 1));

  _urok_cartridge_xml_start (writer, "item");
  _urok_cartridge_xml_attribute (writer, "ident", ident);
  _urok_cartridge_xml_attribute (writer, "title", title);
  _urok_cartridge_xml_start (writer, "itemmetadata");
  _urok_cartridge_xml_start (writer, "qtimetadata");
  write_metadata_field (writer, "cc_profile", qti->profile);
  write_metadata_field (writer, "cc_weighting", points);
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);

  _urok_cartridge_xml_start (writer, "presentation");
  write_mattext (writer, json_object_get_string_member_with_default (question, "text", ""));
  _urok_cartridge_xml_start (writer, "response_lid");
  _urok_cartridge_xml_attribute (writer, "ident", "response1");
  _urok_cartridge_xml_attribute (writer, "rcardinality", qti->cardinality);
  _urok_cartridge_xml_start (writer, "render_choice");
  for (guint i = 0; i < qti->choices->len; i++)
    {
      g_autofree char *label = choice_ident (qti, ident, i);

      _urok_cartridge_xml_start (writer, "response_label");
      _urok_cartridge_xml_attribute (writer, "ident", label);
      write_mattext (writer, qti->choices->pdata[i]);
      _urok_cartridge_xml_close (writer);
    }
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);

  _urok_cartridge_xml_start (writer, "resprocessing");
  _urok_cartridge_xml_start (writer, "outcomes");
  _urok_cartridge_xml_start (writer, "decvar");
  _urok_cartridge_xml_attribute (writer, "varname", "SCORE");
  _urok_cartridge_xml_attribute (writer, "vartype", "Decimal");
  _urok_cartridge_xml_attribute (writer, "minvalue", "0");
  _urok_cartridge_xml_attribute (writer, "maxvalue", "100");
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_start (writer, "respcondition");
  _urok_cartridge_xml_attribute (writer, "continue", "No");
  _urok_cartridge_xml_start (writer, "conditionvar");
  /* Full marks for exactly the right choices: every right one chosen and,
   * for several answers, no wrong one.  Moodle counts the right choices
   * of several by their case="Yes" outside a <not>. */
  if (g_str_equal (qti->cardinality, "Multiple"))
    _urok_cartridge_xml_start (writer, "and");
  for (guint i = 0; i < qti->correct->len; i++)
    {
      g_autofree char *label = choice_ident (qti, ident, i);
      gboolean right = g_array_index (qti->correct, gboolean, i);

      if (!right && !g_str_equal (qti->cardinality, "Multiple"))
        continue;
      if (!right)
        _urok_cartridge_xml_start (writer, "not");
      _urok_cartridge_xml_start (writer, "varequal");
      _urok_cartridge_xml_attribute (writer, "respident", "response1");
      _urok_cartridge_xml_attribute (writer, "case", "Yes");
      _urok_cartridge_xml_text (writer, label);
      _urok_cartridge_xml_close (writer);
      if (!right)
        _urok_cartridge_xml_close (writer);
    }
  if (g_str_equal (qti->cardinality, "Multiple"))
    _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_start (writer, "setvar");
  _urok_cartridge_xml_attribute (writer, "varname", "SCORE");
  _urok_cartridge_xml_attribute (writer, "action", "Set");
  _urok_cartridge_xml_text (writer, "100");
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);

  _urok_cartridge_xml_close (writer);
}

static const char *
add_assessment (UrokCartridge  *self,
                const char     *title,
                JsonArray      *questions,
                GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file = NULL;
  g_autofree char *ident = g_strdup_printf ("A%u", self->n_ids + 1);
  UrokXmlOut out;
  xmlTextWriterPtr writer;
  guint number = 0;

  writer = _urok_cartridge_xml_begin (&out);
  _urok_cartridge_xml_start (writer, "questestinterop");
  _urok_cartridge_xml_attribute (writer, "xmlns", UROK_CARTRIDGE_NS_QTI);
  _urok_cartridge_xml_attribute (writer, "xmlns:xsi", UROK_CARTRIDGE_NS_XSI);
  _urok_cartridge_xml_attribute (writer, "xsi:schemaLocation", self->profile->qti_schema_location);
  _urok_cartridge_xml_start (writer, "assessment");
  _urok_cartridge_xml_attribute (writer, "ident", ident);
  _urok_cartridge_xml_attribute (writer, "title", title);
  _urok_cartridge_xml_start (writer, "qtimetadata");
  write_metadata_field (writer, "cc_profile", "cc.exam.v0p1");
  write_metadata_field (writer, "qmd_assessmenttype", "Examination");
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_start (writer, "section");
  _urok_cartridge_xml_attribute (writer, "ident", "root_section");
  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *question = json_array_get_object_element (questions, i);
      g_autoptr(GPtrArray) choices = g_ptr_array_new ();
      g_autoptr(GArray) correct = g_array_new (FALSE, FALSE, sizeof (gboolean));
      QtiQuestion qti = { .choices = choices, .correct = correct };

      if (question != NULL && read_question (question, &qti))
        write_qti_item (writer, ++number, question, &qti);
    }
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);
  _urok_cartridge_xml_close (writer);

  file = g_strdup_printf ("tests/test-%u.xml", self->n_ids + 1);
  bytes = _urok_cartridge_xml_end (&out, file, error);
  if (bytes == NULL || !_urok_cartridge_add_file (self, file, bytes, error))
    return NULL;
  return _urok_cartridge_add_resource (self, self->profile->type_assessment, file, FALSE);
}

static guint
count_playable_questions (JsonArray *questions)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *question = json_array_get_object_element (questions, i);
      g_autoptr(GPtrArray) choices = g_ptr_array_new ();
      g_autoptr(GArray) correct = g_array_new (FALSE, FALSE, sizeof (gboolean));
      QtiQuestion qti = { .choices = choices, .correct = correct };

      if (question != NULL && read_question (question, &qti))
        n++;
    }
  return n;
}

const char *
_urok_cartridge_add_test (UrokCartridge  *self,
                          UrokResource   *resource,
                          const char     *title,
                          GError        **error)
{
  const char *uuid = urok_resource_get_target (resource);
  const char *identifier = g_hash_table_lookup (self->test_ids, uuid);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(JsonNode) test = NULL;
  JsonArray *questions = NULL;

  if (identifier != NULL)
    return identifier;

  if (*uuid != '\0')
    test = urok_store_dup_test_json (self->store, uuid, &local_error);
  if (test == NULL && local_error != NULL &&
      !g_error_matches (local_error, UROK_STORE_ERROR, UROK_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (test != NULL)
    questions = json_object_get_array_member (json_node_get_object (test), "questions");

  if (questions != NULL && count_playable_questions (questions) > 0)
    identifier = add_assessment (self, title, questions, error);
  else
    {
      /* No questions a platform can take: the teacher gives this test in
       * class; the page lists what it asks. */
      g_string_append (body, "<p>");
      _urok_cartridge_append_escaped (body, _("This test is given in class with Urok."));
      g_string_append (body, "</p>\n");
      if (questions != NULL && json_array_get_length (questions) > 0)
        {
          g_string_append (body, "<ol>\n");
          for (guint i = 0; i < json_array_get_length (questions); i++)
            {
              JsonObject *question = json_array_get_object_element (questions, i);

              g_string_append (body, "<li>");
              _urok_cartridge_append_escaped (body, json_object_get_string_member_with_default (question, "text", ""));
              g_string_append (body, "</li>\n");
            }
          g_string_append (body, "</ol>\n");
        }
      identifier = _urok_cartridge_add_page (self, "resources", title, body, error);
    }
  if (identifier != NULL && *uuid != '\0')
    g_hash_table_insert (self->test_ids, g_strdup (uuid), g_strdup (identifier));
  return identifier;
}

/* Stages and their resources */
