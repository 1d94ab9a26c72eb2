/* urok-section-page.h: the base of the section pages: a view of the store.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "urok-store.h"

G_BEGIN_DECLS

#define UROK_TYPE_SECTION_PAGE (urok_section_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (UrokSectionPage, urok_section_page, UROK, SECTION_PAGE, GtkWidget)

struct _UrokSectionPageClass
{
  GtkWidgetClass parent_class;

  /* The UrokStore::changed detail this page shows; NULL for every change. */
  const char *store_detail;

  /* Shows the store's current data, or the empty state without a store.
   * Called when the store is set and on each change of store_detail. */
  void (*reload) (UrokSectionPage *self);

  gpointer padding[8];
};

UrokStore *urok_section_page_get_store (UrokSectionPage *self);
void       urok_section_page_set_store (UrokSectionPage *self,
                                        UrokStore       *store);

G_END_DECLS
