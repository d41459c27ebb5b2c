/* rj-store-private.h: what only the tests may ask of the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rj-store.h"

G_BEGIN_DECLS

/* Copies the master key of an unlocked journal into @out, so that a test can look for
 * it in memory after the lock. FALSE when the journal is locked. Never for the app. */
gboolean    rj_store_copy_master_key_for_testing (RjStore *self,
                                                  guint8 out[RJ_KEY_BYTES]);

G_END_DECLS
