/* urok-board-page.c: the board page model: settings, layers, items in
 * z-order.  Undo, redo and the change journal are in
 * urok-board-page-history.c, erasing and hit tests in
 * urok-board-page-erase.c, JSON in urok-board-page-json.c.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "urok-board-page-private.h"

G_DEFINE_FINAL_TYPE (UrokBoardPage, urok_board_page, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_WIDTH,
  PROP_HEIGHT,
  PROP_BACKGROUND,
  PROP_BACKGROUND_PARAMETER,
  PROP_BACKGROUND_DATA,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *const background_names[] = {
  "plain", "squares", "lines", "slanted", "staves", "graph", "coordinates", "image", "pdf",
};

const char *
urok_board_background_to_string (UrokBoardBackground background)
{
  g_return_val_if_fail (background < G_N_ELEMENTS (background_names), "plain");

  return background_names[background];
}

gboolean
urok_board_background_from_string (const char          *name,
                                   UrokBoardBackground *background)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (background_names); i++)
    if (g_str_equal (name, background_names[i]))
      {
        *background = i;
        return TRUE;
      }
  return FALSE;
}

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char      **target,
         const char *value)
{
  if (g_strcmp0 (*target, value) == 0)
    return FALSE;
  g_free (*target);
  *target = g_strdup (value);
  return TRUE;
}

static void
layer_clear (gpointer data)
{
  g_free (((UrokBoardPageLayer *)data)->name);
}

static void
entry_free (gpointer data)
{
  UrokBoardPageEntry *entry = data;

  urok_board_item_unref (entry->item);
  g_free (entry);
}

static void
urok_board_page_finalize (GObject *object)
{
  UrokBoardPage *self = UROK_BOARD_PAGE (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->background_parameter, g_free);
  g_clear_pointer (&self->background_data, g_bytes_unref);
  g_clear_pointer (&self->layers, g_array_unref);
  g_clear_pointer (&self->z_cache, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->tree, urok_rtree_free);
  g_clear_pointer (&self->removed, g_hash_table_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->group, g_ptr_array_unref);

  G_OBJECT_CLASS (urok_board_page_parent_class)->finalize (object);
}

static void
urok_board_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UrokBoardPage *self = UROK_BOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_WIDTH:
      g_value_set_double (value, self->width);
      break;
    case PROP_HEIGHT:
      g_value_set_double (value, self->height);
      break;
    case PROP_BACKGROUND:
      g_value_set_uint (value, self->background);
      break;
    case PROP_BACKGROUND_PARAMETER:
      g_value_set_string (value, self->background_parameter);
      break;
    case PROP_BACKGROUND_DATA:
      g_value_set_boxed (value, self->background_data);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, urok_board_page_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, urok_board_page_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_board_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  UrokBoardPage *self = UROK_BOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      urok_board_page_set_uuid (self, g_value_get_string (value));
      break;
    case PROP_BACKGROUND:
      urok_board_page_set_background (self, g_value_get_uint (value));
      break;
    case PROP_BACKGROUND_PARAMETER:
      urok_board_page_set_background_parameter (self, g_value_get_string (value));
      break;
    case PROP_BACKGROUND_DATA:
      urok_board_page_set_background_data (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_board_page_class_init (UrokBoardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = urok_board_page_finalize;
  object_class->get_property = urok_board_page_get_property;
  object_class->set_property = urok_board_page_set_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, rw);
  properties[PROP_WIDTH] = g_param_spec_double ("width", NULL, NULL, 0, G_MAXDOUBLE, 1920, ro);
  properties[PROP_HEIGHT] = g_param_spec_double ("height", NULL, NULL, 0, G_MAXDOUBLE, 1080, ro);
  properties[PROP_BACKGROUND] = g_param_spec_uint ("background", NULL, NULL, 0, UROK_BOARD_BACKGROUND_PDF,
                                                   UROK_BOARD_BACKGROUND_PLAIN, rw);
  properties[PROP_BACKGROUND_PARAMETER] = g_param_spec_string ("background-parameter", NULL, NULL, NULL, rw);
  properties[PROP_BACKGROUND_DATA] = g_param_spec_boxed ("background-data", NULL, NULL, G_TYPE_BYTES, rw);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UrokBoardPage::changed:
   * @dirty: (type UrokBoardRect): the part of the page to draw again
   *
   * After any change that shows: items added, removed or replaced (also by
   * undo and redo), a layer hidden or shown, the background (the whole
   * page).  Read urok_board_page_get_sequence() for the journal.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                   UROK_TYPE_BOARD_RECT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
urok_board_page_init (UrokBoardPage *self)
{
  UrokBoardPageLayer layer = { g_strdup (""), TRUE };

  self->uuid = g_uuid_string_random ();
  self->width = 1920;
  self->height = 1080;
  self->layers = g_array_new (FALSE, FALSE, sizeof (UrokBoardPageLayer));
  g_array_set_clear_func (self->layers, layer_clear);
  g_array_append_val (self->layers, layer);
  self->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, entry_free);
  self->tree = urok_rtree_new ();
  self->removed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->next_order = 1;
  self->next_id = 1;
}

UrokBoardPage *
urok_board_page_new (void)
{
  return g_object_new (UROK_TYPE_BOARD_PAGE, NULL);
}

static void
emit_changed (UrokBoardPage       *self,
              const UrokBoardRect *dirty)
{
  g_signal_emit (self, signals[CHANGED], 0, dirty);
}

static void
emit_whole_page (UrokBoardPage *self)
{
  UrokBoardRect all = { -G_MAXFLOAT, -G_MAXFLOAT, G_MAXFLOAT, G_MAXFLOAT };

  if (!urok_board_page_is_infinite (self))
    all = (UrokBoardRect) { 0, 0, self->width, self->height };
  emit_changed (self, &all);
}

/* Settings */

const char *
urok_board_page_get_uuid (UrokBoardPage *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), NULL);

  return self->uuid;
}

void
urok_board_page_set_uuid (UrokBoardPage *self,
                          const char    *uuid)
{
  g_return_if_fail (UROK_IS_BOARD_PAGE (self));
  g_return_if_fail (uuid != NULL && g_uuid_string_is_valid (uuid));

  if (set_str (&self->uuid, uuid))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

double
urok_board_page_get_width (UrokBoardPage *self)
{
  return self->width;
}

double
urok_board_page_get_height (UrokBoardPage *self)
{
  return self->height;
}

gboolean
urok_board_page_is_infinite (UrokBoardPage *self)
{
  return self->width <= 0 || self->height <= 0;
}

void
urok_board_page_set_size (UrokBoardPage *self,
                          double         width,
                          double         height)
{
  g_return_if_fail (UROK_IS_BOARD_PAGE (self));
  g_return_if_fail (width >= 0 && height >= 0 && (width > 0) == (height > 0));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->width != width)
    {
      self->width = width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
    }
  if (self->height != height)
    {
      self->height = height;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEIGHT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  emit_whole_page (self);
}

UrokBoardBackground
urok_board_page_get_background (UrokBoardPage *self)
{
  return self->background;
}

void
urok_board_page_set_background (UrokBoardPage       *self,
                                UrokBoardBackground  background)
{
  g_return_if_fail (UROK_IS_BOARD_PAGE (self));
  g_return_if_fail (background <= UROK_BOARD_BACKGROUND_PDF);

  if (self->background == background)
    return;
  self->background = background;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKGROUND]);
  emit_whole_page (self);
}

const char *
urok_board_page_get_background_parameter (UrokBoardPage *self)
{
  return self->background_parameter;
}

void
urok_board_page_set_background_parameter (UrokBoardPage *self,
                                          const char    *parameter)
{
  g_return_if_fail (UROK_IS_BOARD_PAGE (self));

  if (!set_str (&self->background_parameter, parameter))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKGROUND_PARAMETER]);
  emit_whole_page (self);
}

GBytes *
urok_board_page_get_background_data (UrokBoardPage *self)
{
  return self->background_data;
}

void
urok_board_page_set_background_data (UrokBoardPage *self,
                                     GBytes        *data)
{
  g_return_if_fail (UROK_IS_BOARD_PAGE (self));

  if (self->background_data == data)
    return;
  g_clear_pointer (&self->background_data, g_bytes_unref);
  if (data != NULL)
    self->background_data = g_bytes_ref (data);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKGROUND_DATA]);
  emit_whole_page (self);
}

/* Layers */

guint
urok_board_page_get_n_layers (UrokBoardPage *self)
{
  return self->layers->len;
}

guint
urok_board_page_add_layer (UrokBoardPage *self,
                           const char    *name)
{
  UrokBoardPageLayer layer;

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), 0);
  g_return_val_if_fail (self->layers->len < 1024, 0);

  layer = (UrokBoardPageLayer) { g_strdup (name != NULL ? name : ""), TRUE };
  g_array_append_val (self->layers, layer);
  return self->layers->len - 1;
}

const char *
urok_board_page_get_layer_name (UrokBoardPage *self,
                                guint          layer)
{
  g_return_val_if_fail (layer < self->layers->len, NULL);

  return g_array_index (self->layers, UrokBoardPageLayer, layer).name;
}

void
urok_board_page_set_layer_name (UrokBoardPage *self,
                                guint          layer,
                                const char    *name)
{
  g_return_if_fail (layer < self->layers->len && name != NULL);

  set_str (&g_array_index (self->layers, UrokBoardPageLayer, layer).name, name);
}

gboolean
urok_board_page_get_layer_visible (UrokBoardPage *self,
                                   guint          layer)
{
  return layer < self->layers->len && g_array_index (self->layers, UrokBoardPageLayer, layer).visible;
}

void
urok_board_page_set_layer_visible (UrokBoardPage *self,
                                   guint          layer,
                                   gboolean       visible)
{
  g_return_if_fail (layer < self->layers->len);

  if (g_array_index (self->layers, UrokBoardPageLayer, layer).visible == !!visible)
    return;
  g_array_index (self->layers, UrokBoardPageLayer, layer).visible = !!visible;
  emit_whole_page (self);
}

void
_urok_board_page_set_layers (UrokBoardPage *self,
                             GPtrArray     *names,
                             GArray        *visible)
{
  g_array_set_size (self->layers, 0);
  for (guint i = 0; i < names->len; i++)
    {
      UrokBoardPageLayer layer = { g_strdup (g_ptr_array_index (names, i)), g_array_index (visible, gboolean, i) };

      g_array_append_val (self->layers, layer);
    }
}

/* Items */

guint
urok_board_page_get_n_items (UrokBoardPage *self)
{
  return g_hash_table_size (self->entries);
}

guint64
urok_board_page_next_id (UrokBoardPage *self)
{
  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), 0);

  return self->next_id++;
}

UrokBoardPageEntry *
_urok_board_page_lookup_entry (UrokBoardPage *self,
                               guint64        id)
{
  return g_hash_table_lookup (self->entries, &id);
}

UrokRTree *
_urok_board_page_get_tree (UrokBoardPage *self)
{
  return self->tree;
}

UrokBoardItem *
urok_board_page_lookup (UrokBoardPage *self,
                        guint64        id)
{
  UrokBoardPageEntry *entry;

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), NULL);

  entry = _urok_board_page_lookup_entry (self, id);
  return entry != NULL ? entry->item : NULL;
}

static void
journal_removed (UrokBoardPage *self,
                 guint64        id)
{
  g_hash_table_replace (self->removed, g_memdup2 (&id, sizeof id),
                        g_memdup2 (&self->sequence, sizeof self->sequence));
}

/* The one place where items change: the entries, the index, the journal
 * and the signal.  No undo here; callers record. */
void
_urok_board_page_apply (UrokBoardPage *self,
       UrokBoardItem *before,
       UrokBoardItem *after,
       guint64        order)
{
  UrokBoardRect dirty = { 0 };

  self->sequence++;
  g_clear_pointer (&self->z_cache, g_ptr_array_unref);
  if (before != NULL)
    {
      guint64 id = urok_board_item_get_id (before);

      dirty = *urok_board_item_get_bounds (before);
      if (after == NULL || urok_board_item_get_id (after) != id)
        {
          g_hash_table_remove (self->entries, &id);
          urok_rtree_remove (self->tree, id);
          journal_removed (self, id);
        }
    }
  if (after != NULL)
    {
      guint64 id = urok_board_item_get_id (after);
      UrokBoardPageEntry *entry = _urok_board_page_lookup_entry (self, id);

      if (entry == NULL)
        {
          entry = g_new0 (UrokBoardPageEntry, 1);
          entry->id = id;
          g_hash_table_insert (self->entries, &entry->id, entry);
        }
      else
        urok_board_item_unref (entry->item);
      entry->item = urok_board_item_ref (after);
      entry->order = order;
      entry->seq = self->sequence;
      urok_rtree_insert (self->tree, id, urok_board_item_get_bounds (after));
      g_hash_table_remove (self->removed, &id);
      self->next_id = MAX (self->next_id, id + 1);
      self->next_order = MAX (self->next_order, order + 1);
      urok_board_rect_union (&dirty, urok_board_item_get_bounds (after), &dirty);
    }
  emit_changed (self, &dirty);
}

void
_urok_board_page_notify_history (UrokBoardPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
fail_not_found (guint64  id,
                GError **error)
{
  g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_NOT_FOUND,
               _("The board page has no item %llu"), (unsigned long long) id);
  return FALSE;
}

gboolean
urok_board_page_add_item (UrokBoardPage *self,
                          UrokBoardItem *item,
                          GError       **error)
{
  guint64 id;

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  id = urok_board_item_get_id (item);
  if (_urok_board_page_lookup_entry (self, id) != NULL)
    {
      g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_DUPLICATE,
                   _("The board page already has an item %llu"), (unsigned long long) id);
      return FALSE;
    }
  if (urok_board_item_get_layer (item) >= self->layers->len)
    {
      g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID,
                   _("The board page has no layer %u"), urok_board_item_get_layer (item));
      return FALSE;
    }
  _urok_board_page_change (self, NULL, item, self->next_order);
  return TRUE;
}

gboolean
urok_board_page_remove_item (UrokBoardPage *self,
                             guint64        id,
                             GError       **error)
{
  UrokBoardPageEntry *entry;

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), FALSE);

  entry = _urok_board_page_lookup_entry (self, id);
  if (entry == NULL)
    return fail_not_found (id, error);
  _urok_board_page_change (self, entry->item, NULL, 0);
  return TRUE;
}

gboolean
urok_board_page_replace_item (UrokBoardPage *self,
                              UrokBoardItem *item,
                              GError       **error)
{
  UrokBoardPageEntry *entry;

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  entry = _urok_board_page_lookup_entry (self, urok_board_item_get_id (item));
  if (entry == NULL)
    return fail_not_found (urok_board_item_get_id (item), error);
  if (urok_board_item_get_layer (item) >= self->layers->len)
    {
      g_set_error (error, UROK_BOARD_ERROR, UROK_BOARD_ERROR_INVALID,
                   _("The board page has no layer %u"), urok_board_item_get_layer (item));
      return FALSE;
    }
  _urok_board_page_change (self, entry->item, item, entry->order);
  return TRUE;
}

gboolean
urok_board_page_raise_item (UrokBoardPage *self,
                            guint64        id,
                            GError       **error)
{
  UrokBoardPageEntry *entry;

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), FALSE);

  entry = _urok_board_page_lookup_entry (self, id);
  if (entry == NULL)
    return fail_not_found (id, error);
  _urok_board_page_change (self, entry->item, entry->item, self->next_order);
  return TRUE;
}

void
_urok_board_page_load_item (UrokBoardPage *self,
                            UrokBoardItem *item)
{
  UrokBoardPageEntry *entry = g_new0 (UrokBoardPageEntry, 1);

  entry->id = urok_board_item_get_id (item);
  entry->item = urok_board_item_ref (item);
  entry->order = self->next_order++;
  g_hash_table_insert (self->entries, &entry->id, entry);
  self->next_id = MAX (self->next_id, entry->id + 1);
}

void
_urok_board_page_load_item_at (UrokBoardPage *self,
                               UrokBoardItem *item,
                               guint64        order)
{
  UrokBoardPageEntry *entry = g_new0 (UrokBoardPageEntry, 1);

  entry->id = urok_board_item_get_id (item);
  entry->item = urok_board_item_ref (item);
  entry->order = order;
  g_hash_table_insert (self->entries, &entry->id, entry);
  self->next_id = MAX (self->next_id, entry->id + 1);
  /* New items go above every saved one. */
  self->next_order = MAX (self->next_order, order + 1);
}

void
_urok_board_page_reindex (UrokBoardPage *self)
{
  g_autofree UrokRTreeEntry *list = g_new (UrokRTreeEntry, g_hash_table_size (self->entries) + 1);
  GHashTableIter iter;
  gpointer value;
  gsize n = 0;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      UrokBoardPageEntry *entry = value;

      list[n++] = (UrokRTreeEntry) { entry->id, *urok_board_item_get_bounds (entry->item) };
    }
  urok_rtree_bulk_load (self->tree, list, n);
  g_clear_pointer (&self->z_cache, g_ptr_array_unref);
}

static int
compare_z (const void *a,
           const void *b)
{
  const UrokBoardPageEntry *ea = *(UrokBoardPageEntry * const *)a;
  const UrokBoardPageEntry *eb = *(UrokBoardPageEntry * const *)b;
  guint la = urok_board_item_get_layer (ea->item), lb = urok_board_item_get_layer (eb->item);

  if (la != lb)
    return la < lb ? -1 : 1;
  if (ea->order != eb->order)
    return ea->order < eb->order ? -1 : 1;
  return (ea->id > eb->id) - (ea->id < eb->id);
}

/* Every entry bottom first, kept until the next change. */
static GPtrArray *
z_ordered (UrokBoardPage *self)
{
  if (self->z_cache == NULL)
    {
      GHashTableIter iter;
      gpointer value;

      self->z_cache = g_ptr_array_sized_new (g_hash_table_size (self->entries));
      g_hash_table_iter_init (&iter, self->entries);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (self->z_cache, value);
      if (self->z_cache->len > 1)
        qsort (self->z_cache->pdata, self->z_cache->len, sizeof (gpointer), compare_z);
    }
  return self->z_cache;
}

GPtrArray *
urok_board_page_get_items (UrokBoardPage *self)
{
  GPtrArray *all, *items;

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), NULL);

  all = z_ordered (self);
  items = g_ptr_array_new_full (all->len, (GDestroyNotify)urok_board_item_unref);
  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (items, urok_board_item_ref (((UrokBoardPageEntry *)all->pdata[i])->item));
  return items;
}

typedef struct
{
  UrokBoardPage *page;
  GPtrArray     *entries;
} Collect;

static gboolean
collect_visible (guint64              id,
                 const UrokBoardRect *rect,
                 gpointer             user_data)
{
  Collect *c = user_data;
  UrokBoardPageEntry *entry = _urok_board_page_lookup_entry (c->page, id);

  if (urok_board_page_get_layer_visible (c->page, urok_board_item_get_layer (entry->item)))
    g_ptr_array_add (c->entries, entry);
  return TRUE;
}

GPtrArray *
urok_board_page_items_in_rect (UrokBoardPage       *self,
                               const UrokBoardRect *rect)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  Collect c = { self, found };
  GPtrArray *items;

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  urok_rtree_query (self->tree, rect, collect_visible, &c);
  items = g_ptr_array_new_full (found->len, (GDestroyNotify)urok_board_item_unref);
  if (found->len > urok_board_page_get_n_items (self) / 4 && found->len > 64)
    {
      /* Most of the page: filtering the z-ordered list beats sorting. */
      GPtrArray *all = z_ordered (self);

      for (guint i = 0; i < all->len; i++)
        {
          UrokBoardPageEntry *entry = all->pdata[i];

          if (urok_board_rect_intersects (urok_board_item_get_bounds (entry->item), rect)
              && urok_board_page_get_layer_visible (self, urok_board_item_get_layer (entry->item)))
            g_ptr_array_add (items, urok_board_item_ref (entry->item));
        }
      return items;
    }
  if (found->len > 1)
    qsort (found->pdata, found->len, sizeof (gpointer), compare_z);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (items, urok_board_item_ref (((UrokBoardPageEntry *)found->pdata[i])->item));
  return items;
}

gsize
urok_board_page_get_memory_size (UrokBoardPage *self)
{
  GHashTableIter iter;
  gpointer value;
  /* A GHashTable keeps a key, a value and a hash per bucket. */
  gsize size = urok_rtree_get_memory_size (self->tree)
               + g_hash_table_size (self->entries) * (sizeof (UrokBoardPageEntry) + 2 * sizeof (gpointer) * 2);

  g_return_val_if_fail (UROK_IS_BOARD_PAGE (self), 0);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    size += urok_board_item_get_memory_size (((UrokBoardPageEntry *)value)->item);
  return size;
}
