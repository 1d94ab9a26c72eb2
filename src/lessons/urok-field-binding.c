/* urok-field-binding.c: form fields that edit a lesson through its history.
 *
 * Each edit becomes one history step (the history merges typing into one
 * field); the field then ignores the model's echo of its own edit, so text
 * being typed ("a, b,") is never rewritten under the cursor.  Changes that
 * come from elsewhere (undo, redo, another field) are read back.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-field-binding.h"

typedef struct
{
  GtkWidget         *widget;   /* not owned: the field lives on it */
  char              *property;
  UrokLessonHistory *history;
  GObject           *object;
  gulong             notify_id;
  GType              value_type;
  gboolean           writing;  /* our own edit is reaching the model */
  gboolean           reading;  /* the widget is being set from the model */
} UrokField;

static GQuark
field_quark (void)
{
  return g_quark_from_static_string ("urok-field");
}

static UrokField *
get_field (GtkWidget *widget)
{
  return g_object_get_qdata (G_OBJECT (widget), field_quark ());
}

static GtkTextBuffer *
get_buffer (UrokField *field)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
}

static char *
widget_get_text (UrokField *field)
{
  if (GTK_IS_TEXT_VIEW (field->widget))
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (get_buffer (field), &start, &end);
      return gtk_text_buffer_get_text (get_buffer (field), &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
}

static void
widget_set_text (UrokField  *field,
                 const char *text)
{
  g_autofree char *current = widget_get_text (field);

  if (g_strcmp0 (current, text) == 0)
    return;
  if (GTK_IS_TEXT_VIEW (field->widget))
    gtk_text_buffer_set_text (get_buffer (field), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
}

/* Tags are typed as "fractions, 6th grade": split, trimmed, no empties. */
static GStrv
parse_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
read_model (UrokField *field)
{
  field->reading = TRUE;
  if (field->object == NULL)
    {
      if (GTK_IS_SPIN_BUTTON (field->widget))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->widget), 0);
      else
        widget_set_text (field, "");
    }
  else if (field->value_type == G_TYPE_INT)
    {
      int value;

      g_object_get (field->object, field->property, &value, NULL);
      if (GTK_IS_SPIN_BUTTON (field->widget))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->widget), value);
      else
        {
          g_autofree char *text = g_strdup_printf ("%d", value);
          widget_set_text (field, text);
        }
    }
  else if (field->value_type == G_TYPE_STRV)
    {
      g_auto(GStrv) list = NULL;
      g_autofree char *text = NULL;

      g_object_get (field->object, field->property, &list, NULL);
      text = list != NULL ? g_strjoinv (", ", list) : g_strdup ("");
      widget_set_text (field, text);
    }
  else
    {
      g_autofree char *text = NULL;

      g_object_get (field->object, field->property, &text, NULL);
      widget_set_text (field, text != NULL ? text : "");
    }
  field->reading = FALSE;
}

static void
write_model (UrokField *field)
{
  if (field->reading || field->object == NULL || field->history == NULL)
    return;

  field->writing = TRUE;
  if (field->value_type == G_TYPE_INT)
    {
      int value;

      if (GTK_IS_SPIN_BUTTON (field->widget))
        value = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->widget));
      else
        {
          g_autofree char *text = widget_get_text (field);
          value = (int)g_ascii_strtoll (text, NULL, 10);
        }
      urok_lesson_history_set_int (field->history, field->object, field->property, value);
    }
  else if (field->value_type == G_TYPE_STRV)
    {
      g_autofree char *text = widget_get_text (field);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRV);
      g_value_take_boxed (&value, parse_list (text));
      urok_lesson_history_set (field->history, field->object, field->property, &value);
    }
  else
    {
      g_autofree char *text = widget_get_text (field);
      urok_lesson_history_set_string (field->history, field->object, field->property, text);
    }
  field->writing = FALSE;
}

static void
property_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    UrokField  *field)
{
  if (!field->writing)
    read_model (field);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                UrokField               *field)
{
  /* The next edit of this field is a new undo step, and a half-typed list
   * shows as it was understood. */
  if (field->history != NULL)
    urok_lesson_history_break_merge (field->history);
  if (field->value_type == G_TYPE_STRV)
    read_model (field);
}

static void
field_free (gpointer data)
{
  UrokField *field = data;

  if (field->notify_id != 0)
    g_signal_handler_disconnect (field->object, field->notify_id);
  g_clear_object (&field->object);
  g_clear_object (&field->history);
  g_free (field->property);
  g_free (field);
}

void
urok_field_bind (GtkWidget  *widget,
                 const char *property)
{
  UrokField *field;
  GtkEventController *focus;

  g_return_if_fail (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget));
  g_return_if_fail (property != NULL);
  g_return_if_fail (get_field (widget) == NULL);

  field = g_new0 (UrokField, 1);
  field->widget = widget;
  field->property = g_strdup (property);
  g_object_set_qdata_full (G_OBJECT (widget), field_quark (), field, field_free);

  if (GTK_IS_SPIN_BUTTON (widget))
    {
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
      g_signal_connect_swapped (widget, "value-changed", G_CALLBACK (write_model), field);
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      gtk_text_buffer_set_enable_undo (get_buffer (field), FALSE);
      g_signal_connect_swapped (get_buffer (field), "changed", G_CALLBACK (write_model), field);
    }
  else
    {
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
      g_signal_connect_swapped (widget, "changed", G_CALLBACK (write_model), field);
    }

  /* Focus leaves the inner GtkText of a row or spin button too, so the
   * controller watches the whole widget. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), field);
  gtk_widget_add_controller (widget, focus);

  gtk_widget_set_sensitive (widget, FALSE);
}

void
urok_field_set_target (GtkWidget         *widget,
                       UrokLessonHistory *history,
                       GObject           *object)
{
  UrokField *field = get_field (widget);

  g_return_if_fail (field != NULL);
  g_return_if_fail (history == NULL || UROK_IS_LESSON_HISTORY (history));
  g_return_if_fail (object == NULL || G_IS_OBJECT (object));

  if (field->notify_id != 0)
    g_clear_signal_handler (&field->notify_id, field->object);
  g_set_object (&field->history, history);
  g_set_object (&field->object, object);

  if (object != NULL)
    {
      g_autofree char *signal = g_strconcat ("notify::", field->property, NULL);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), field->property);

      g_return_if_fail (pspec != NULL);
      field->value_type = pspec->value_type;
      field->notify_id = g_signal_connect (object, signal, G_CALLBACK (property_notify_cb), field);
    }

  read_model (field);
  gtk_widget_set_sensitive (widget, object != NULL && history != NULL);
}
