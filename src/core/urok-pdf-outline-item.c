/* urok-pdf-outline-item.c: one entry of a PDF's outline (its table of contents).
 *
 * Immutable; the children are a GListModel (NULL for a leaf) so a sidebar
 * can hand the tree to a GtkTreeListModel as it is.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-pdf-outline-item.h"

struct _UrokPdfOutlineItem
{
  GObject     parent_instance;
  char       *title;
  int         page; /* from 0; -1 when the entry leads nowhere in the book */
  GListModel *children;
};

G_DEFINE_FINAL_TYPE (UrokPdfOutlineItem, urok_pdf_outline_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
urok_pdf_outline_item_finalize (GObject *object)
{
  UrokPdfOutlineItem *self = (UrokPdfOutlineItem *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (urok_pdf_outline_item_parent_class)->finalize (object);
}

static void
urok_pdf_outline_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  UrokPdfOutlineItem *self = UROK_PDF_OUTLINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
urok_pdf_outline_item_class_init (UrokPdfOutlineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = urok_pdf_outline_item_finalize;
  object_class->get_property = urok_pdf_outline_item_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, -1, G_MAXINT, -1,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
urok_pdf_outline_item_init (UrokPdfOutlineItem *self)
{
  self->page = -1;
}

UrokPdfOutlineItem *
urok_pdf_outline_item_new (const char *title,
                           int         page,
                           GListModel *children)
{
  UrokPdfOutlineItem *self = g_object_new (UROK_TYPE_PDF_OUTLINE_ITEM, NULL);

  self->title = g_strdup (title != NULL ? title : "");
  self->page = page;
  if (children != NULL && g_list_model_get_n_items (children) > 0)
    self->children = g_object_ref (children);
  return self;
}

const char *
urok_pdf_outline_item_get_title (UrokPdfOutlineItem *self)
{
  g_return_val_if_fail (UROK_IS_PDF_OUTLINE_ITEM (self), NULL);
  return self->title;
}

int
urok_pdf_outline_item_get_page (UrokPdfOutlineItem *self)
{
  g_return_val_if_fail (UROK_IS_PDF_OUTLINE_ITEM (self), -1);
  return self->page;
}

/* The entries under this one, or NULL for a leaf. */
GListModel *
urok_pdf_outline_item_get_children (UrokPdfOutlineItem *self)
{
  g_return_val_if_fail (UROK_IS_PDF_OUTLINE_ITEM (self), NULL);
  return self->children;
}
