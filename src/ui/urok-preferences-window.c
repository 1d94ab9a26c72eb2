/* urok-preferences-window.c: the app's preferences, on GSettings.
 *
 * Every row is bound to its key, so a change applies at once and there is
 * nothing to save.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-preferences-window.h"

struct _UrokPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  AdwComboRow          *color_scheme_row;
  AdwEntryRow          *teacher_name_row;
  AdwEntryRow          *school_name_row;
  GtkAdjustment        *lesson_length;
};

G_DEFINE_FINAL_TYPE (UrokPreferencesWindow, urok_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const color_schemes[] = { "default", "light", "dark" };

static gboolean
color_scheme_get (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (color_schemes[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
color_scheme_set (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return i < G_N_ELEMENTS (color_schemes) ? g_variant_new_string (color_schemes[i]) : NULL;
}

UrokPreferencesWindow *
urok_preferences_window_new (GSettings *settings)
{
  return g_object_new (UROK_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}

static void
urok_preferences_window_constructed (GObject *object)
{
  UrokPreferencesWindow *self = (UrokPreferencesWindow *)object;

  G_OBJECT_CLASS (urok_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_get, color_scheme_set, NULL, NULL);
  g_settings_bind (self->settings, "teacher-name", self->teacher_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "school-name", self->school_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "lesson-length", self->lesson_length, "value", G_SETTINGS_BIND_DEFAULT);
}

static void
urok_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  UrokPreferencesWindow *self = UROK_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_preferences_window_dispose (GObject *object)
{
  UrokPreferencesWindow *self = (UrokPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (urok_preferences_window_parent_class)->dispose (object);
}

static void
urok_preferences_window_class_init (UrokPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = urok_preferences_window_constructed;
  object_class->dispose = urok_preferences_window_dispose;
  object_class->set_property = urok_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, UrokPreferencesWindow, teacher_name_row);
  gtk_widget_class_bind_template_child (widget_class, UrokPreferencesWindow, school_name_row);
  gtk_widget_class_bind_template_child (widget_class, UrokPreferencesWindow, lesson_length);
}

static void
urok_preferences_window_init (UrokPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
