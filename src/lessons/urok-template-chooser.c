/* urok-template-chooser.c: where a new lesson starts from.
 *
 * The topic entry and a list of starts: a blank lesson, the templates we
 * bundle (typical lesson types, in the resource bundle) and the teacher's own
 * templates.  The widget is a GtkEditable delegating to its topic entry, so
 * the New Lesson dialog treats it like the one-line entry it replaced.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-template-chooser.h"

#define TEMPLATES_PATH APP_PATH "templates/"

struct _UrokTemplateChooser
{
  GtkWidget       parent_instance;

  UrokStore      *store;
  /* id → UrokLesson for the bundled templates, id → GtkCheckButton for all. */
  GHashTable     *bundled;
  GHashTable     *checks;
  GtkCheckButton *group;
  guint           scroll_ticks;

  GtkEntry       *topic_entry;
  GtkWidget      *scroller;
  GtkListBox     *bundled_list;
  GtkWidget      *own_heading;
  GtkListBox     *own_list;
};

static void editable_iface_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UrokTemplateChooser, urok_template_chooser, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE, editable_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
urok_template_chooser_new (UrokStore *store)
{
  g_return_val_if_fail (UROK_IS_STORE (store), NULL);

  return g_object_new (UROK_TYPE_TEMPLATE_CHOOSER, "store", store, NULL);
}

static UrokLesson *
load_template (const char  *path,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize size = 0;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, (gssize)size, error))
    return NULL;
  return urok_lesson_new_from_json (json_parser_get_root (parser), error);
}

/* Where a lesson type comes in the standard's list of types. */
static guint
type_rank (UrokLesson *lesson)
{
  const char *code = urok_lesson_get_lesson_type (lesson);
  guint n_types = 0;
  const UrokLessonType *types = urok_lesson_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    if (g_strcmp0 (types[i].code, code) == 0)
      return i;
  return n_types;
}

static int
compare_templates (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  UrokLesson *lesson_a = UROK_LESSON ((gpointer)a);
  UrokLesson *lesson_b = UROK_LESSON ((gpointer)b);
  guint rank_a = type_rank (lesson_a);
  guint rank_b = type_rank (lesson_b);

  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  return g_strcmp0 (g_object_get_data (G_OBJECT (lesson_a), "template-id"),
                    g_object_get_data (G_OBJECT (lesson_b), "template-id"));
}

GListModel *
urok_bundled_templates_load (void)
{
  GListStore *templates = g_list_store_new (UROK_TYPE_LESSON);
  g_auto(GStrv) names = g_resources_enumerate_children (TEMPLATES_PATH, 0, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (TEMPLATES_PATH, names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(UrokLesson) lesson = NULL;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      lesson = load_template (path, &error);
      if (lesson == NULL)
        {
          g_warning ("Bundled template %s: %s", path, error->message);
          continue;
        }
      g_object_set_data_full (G_OBJECT (lesson), "template-id", g_steal_pointer (&path), g_free);
      g_list_store_append (templates, lesson);
    }
  /* In the order the standard lists lesson types, as teachers learnt them;
   * the resource order is a hash's. */
  g_list_store_sort (templates, compare_templates, NULL);
  return G_LIST_MODEL (templates);
}

static int
get_blank_length (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_int (settings, "lesson-length");
}

static char *
describe (const char *lesson_type,
          int         n_stages,
          int         minutes)
{
  const char *type_name = lesson_type != NULL && *lesson_type != '\0' ? urok_lesson_type_name (lesson_type) : NULL;
  GString *text = g_string_new (NULL);

  if (type_name != NULL && *type_name != '\0')
    g_string_append_printf (text, "%s · ", type_name);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d stage", "%d stages", n_stages), n_stages);
  g_string_append (text, " · ");
  g_string_append_printf (text, _("%d min"), minutes);
  return g_string_free (text, FALSE);
}

static void
add_row (UrokTemplateChooser *self,
         GtkListBox          *list,
         const char          *id,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (self->group == NULL)
    self->group = GTK_CHECK_BUTTON (check);
  else
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->group);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  /* The whole row is the radio button's target, for fingers. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  g_hash_table_insert (self->checks, g_strdup (id), check);
  gtk_list_box_append (list, row);
}

static void
fill (UrokTemplateChooser *self)
{
  g_autoptr(GListModel) bundled = urok_bundled_templates_load ();
  UrokLessonQuery query = { .templates = TRUE, .sort = UROK_LESSON_SORT_TOPIC };
  g_autoptr(GListModel) own = NULL;
  g_autoptr(GError) error = NULL;
  int blank_length = get_blank_length ();
  g_autofree char *blank = NULL;

  blank = g_strdup_printf (_("No stages yet · %d min"), blank_length);
  add_row (self, self->bundled_list, UROK_TEMPLATE_BLANK, _("Blank Lesson"), blank);

  for (guint i = 0; i < g_list_model_get_n_items (bundled); i++)
    {
      g_autoptr(UrokLesson) lesson = g_list_model_get_item (bundled, i);
      const char *id = g_object_get_data (G_OBJECT (lesson), "template-id");
      const char *type_name = urok_lesson_type_name (urok_lesson_get_lesson_type (lesson));
      g_autofree char *about = describe (NULL,
                                         (int)g_list_model_get_n_items (urok_lesson_get_stages (lesson)),
                                         urok_lesson_get_duration_minutes (lesson));

      /* Ours are named by their lesson type, in the teacher's language. */
      add_row (self, self->bundled_list, id,
               type_name != NULL ? type_name : urok_lesson_get_topic (lesson), about);
      g_hash_table_insert (self->bundled, g_strdup (id), g_object_ref (lesson));
    }

  own = urok_store_search_lessons (self->store, &query, &error);
  if (own == NULL)
    g_warning ("Could not list the templates: %s", error->message);
  for (guint i = 0; own != NULL && i < g_list_model_get_n_items (own); i++)
    {
      g_autoptr(UrokLessonInfo) info = g_list_model_get_item (own, i);
      g_autofree char *about = describe (urok_lesson_info_get_lesson_type (info),
                                         urok_lesson_info_get_n_stages (info),
                                         urok_lesson_info_get_duration_minutes (info));

      add_row (self, self->own_list, urok_lesson_info_get_uuid (info), urok_lesson_info_get_title (info), about);
    }
  gtk_widget_set_visible (self->own_heading, own != NULL && g_list_model_get_n_items (own) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->own_list), own != NULL && g_list_model_get_n_items (own) > 0);

  gtk_check_button_set_active (self->group, TRUE);
}

gboolean
urok_template_chooser_select (UrokTemplateChooser *self,
                              const char          *id)
{
  GtkCheckButton *check;

  g_return_val_if_fail (UROK_IS_TEMPLATE_CHOOSER (self), FALSE);

  check = g_hash_table_lookup (self->checks, id != NULL ? id : UROK_TEMPLATE_BLANK);
  if (check == NULL)
    return FALSE;
  gtk_check_button_set_active (check, TRUE);
  return TRUE;
}

const char *
urok_template_chooser_get_selected (UrokTemplateChooser *self)
{
  GHashTableIter iter;
  gpointer id, check;

  g_return_val_if_fail (UROK_IS_TEMPLATE_CHOOSER (self), NULL);

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &id, &check))
    if (gtk_check_button_get_active (check))
      return id;
  return UROK_TEMPLATE_BLANK;
}

UrokLesson *
urok_template_chooser_create_lesson (UrokTemplateChooser  *self,
                                     GError              **error)
{
  const char *id = urok_template_chooser_get_selected (self);
  g_autofree char *topic = NULL;
  g_autoptr(UrokLesson) lesson = NULL;
  UrokLesson *bundled;

  g_return_val_if_fail (UROK_IS_TEMPLATE_CHOOSER (self), NULL);

  topic = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  bundled = g_hash_table_lookup (self->bundled, id);
  if (g_str_equal (id, UROK_TEMPLATE_BLANK))
    {
      lesson = urok_lesson_new ();
      urok_lesson_set_duration_minutes (lesson, get_blank_length ());
    }
  else if (bundled != NULL)
    lesson = urok_lesson_copy (bundled, TRUE);
  else
    {
      /* Through the store, which copies the template's media too. */
      lesson = urok_store_duplicate_lesson (self->store, id, FALSE, error);
      if (lesson == NULL)
        return NULL;
    }

  urok_lesson_set_is_template (lesson, FALSE);
  if (*topic != '\0')
    urok_lesson_set_topic (lesson, topic);
  if (!urok_store_save_lesson (self->store, lesson, error))
    return NULL;
  return g_steal_pointer (&lesson);
}

/* Brings the chosen start into view once the list has its size: a
 * template picked from its menu may be below the fold. */
static gboolean
scroll_to_selected_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  UrokTemplateChooser *self = UROK_TEMPLATE_CHOOSER (widget);
  GtkWidget *check = g_hash_table_lookup (self->checks, urok_template_chooser_get_selected (self));
  GtkWidget *row = check != NULL ? gtk_widget_get_ancestor (check, GTK_TYPE_LIST_BOX_ROW) : NULL;
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_rect_t bounds;
  double page, value;

  if (row == NULL || content == NULL)
    return G_SOURCE_REMOVE;
  page = gtk_adjustment_get_page_size (adjustment);
  value = gtk_adjustment_get_value (adjustment);
  /* Ticks come before layout: the first ones may see no sizes yet. */
  if (!gtk_widget_compute_bounds (row, content, &bounds) || bounds.size.height <= 0 || page <= 0)
    return ++self->scroll_ticks < 10 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
  if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page);
  else if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y);
  return G_SOURCE_REMOVE;
}

static void
urok_template_chooser_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (urok_template_chooser_parent_class)->map (widget);
  UROK_TEMPLATE_CHOOSER (widget)->scroll_ticks = 0;
  gtk_widget_add_tick_callback (widget, scroll_to_selected_cb, NULL, NULL);
}

static GtkEditable *
get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (UROK_TEMPLATE_CHOOSER (editable)->topic_entry);
}

static void
editable_iface_init (GtkEditableInterface *iface)
{
  iface->get_delegate = get_delegate;
}

static gboolean
urok_template_chooser_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (UROK_TEMPLATE_CHOOSER (widget)->topic_entry));
}

static void
urok_template_chooser_constructed (GObject *object)
{
  G_OBJECT_CLASS (urok_template_chooser_parent_class)->constructed (object);
  fill (UROK_TEMPLATE_CHOOSER (object));
}

static void
urok_template_chooser_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UrokTemplateChooser *self = UROK_TEMPLATE_CHOOSER (object);

  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_template_chooser_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UrokTemplateChooser *self = UROK_TEMPLATE_CHOOSER (object);

  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_template_chooser_dispose (GObject *object)
{
  UrokTemplateChooser *self = (UrokTemplateChooser *)object;
  GtkWidget *child;

  if (self->topic_entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), UROK_TYPE_TEMPLATE_CHOOSER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->bundled, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (urok_template_chooser_parent_class)->dispose (object);
}

static void
urok_template_chooser_class_init (UrokTemplateChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = urok_template_chooser_constructed;
  object_class->dispose = urok_template_chooser_dispose;
  object_class->get_property = urok_template_chooser_get_property;
  object_class->set_property = urok_template_chooser_set_property;
  widget_class->grab_focus = urok_template_chooser_grab_focus;
  widget_class->map = urok_template_chooser_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         UROK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_editable_install_properties (object_class, N_PROPS);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "urok-template-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, UrokTemplateChooser, topic_entry);
  gtk_widget_class_bind_template_child (widget_class, UrokTemplateChooser, scroller);
  gtk_widget_class_bind_template_child (widget_class, UrokTemplateChooser, bundled_list);
  gtk_widget_class_bind_template_child (widget_class, UrokTemplateChooser, own_heading);
  gtk_widget_class_bind_template_child (widget_class, UrokTemplateChooser, own_list);
}

static void
urok_template_chooser_init (UrokTemplateChooser *self)
{
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bundled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_init_delegate (GTK_EDITABLE (self));
}
