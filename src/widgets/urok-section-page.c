/* urok-section-page.c: the base of the section pages: a view of the store.
 *
 * Each section shows one kind of the store's data.  This class holds the
 * store, reloads the page when that kind changes, and lays out the page's
 * one child; a subclass only says what it shows and how.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-section-page.h"

typedef struct
{
  UrokStore *store;
  gulong     changed_id;
} UrokSectionPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (UrokSectionPage, urok_section_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload (UrokSectionPage *self)
{
  UrokSectionPageClass *klass = UROK_SECTION_PAGE_GET_CLASS (self);

  if (klass->reload != NULL)
    klass->reload (self);
}

/* Only lets go: set_store() reloads afterwards, dispose must not. */
static void
release_store (UrokSectionPage *self)
{
  UrokSectionPagePrivate *priv = urok_section_page_get_instance_private (self);

  if (priv->store != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->store);
  g_clear_object (&priv->store);
}

UrokStore *
urok_section_page_get_store (UrokSectionPage *self)
{
  UrokSectionPagePrivate *priv = urok_section_page_get_instance_private (self);

  g_return_val_if_fail (UROK_IS_SECTION_PAGE (self), NULL);

  return priv->store;
}

/* Shows @store and follows its changes instead of the previous store's;
 * with a NULL @store the page shows its empty state. */
void
urok_section_page_set_store (UrokSectionPage *self,
                             UrokStore       *store)
{
  UrokSectionPagePrivate *priv = urok_section_page_get_instance_private (self);

  g_return_if_fail (UROK_IS_SECTION_PAGE (self));
  g_return_if_fail (store == NULL || UROK_IS_STORE (store));

  if (priv->store == store)
    return;

  release_store (self);
  if (store != NULL)
    {
      const char *detail = UROK_SECTION_PAGE_GET_CLASS (self)->store_detail;
      g_autofree char *detailed_signal = g_strconcat ("changed", detail != NULL ? "::" : "", detail, NULL);

      priv->store = g_object_ref (store);
      priv->changed_id = g_signal_connect_swapped (store, detailed_signal, G_CALLBACK (reload), self);
    }

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
urok_section_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UrokSectionPage *self = UROK_SECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, urok_section_page_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_section_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  UrokSectionPage *self = UROK_SECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      urok_section_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_section_page_dispose (GObject *object)
{
  release_store (UROK_SECTION_PAGE (object));

  G_OBJECT_CLASS (urok_section_page_parent_class)->dispose (object);
}

static void
urok_section_page_class_init (UrokSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = urok_section_page_dispose;
  object_class->get_property = urok_section_page_get_property;
  object_class->set_property = urok_section_page_set_property;

  /* The window sets it once it has the application's store. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         UROK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A page's template has one child, a stack of its states, to fill it. */
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
urok_section_page_init (UrokSectionPage *self)
{
}
