/* rj-codec.h: records as GVariant, and the checks on everything read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rj-entry.h"
#include "rj-profile.h"

G_BEGIN_DECLS

/* Records are a{sv} dictionaries: a value that was not logged is simply absent, and a
 * later version can add keys that this one ignores. */
GVariant   *rj_entry_to_variant      (const RjEntry *entry) G_GNUC_WARN_UNUSED_RESULT;
RjEntry    *rj_entry_from_variant    (GVariant *variant,
                                      GError **error) G_GNUC_WARN_UNUSED_RESULT;
GVariant   *rj_profile_to_variant    (const RjProfile *profile) G_GNUC_WARN_UNUSED_RESULT;
RjProfile  *rj_profile_from_variant  (GVariant *variant,
                                      GError **error) G_GNUC_WARN_UNUSED_RESULT;

/* Takes untrusted bytes (a decrypted record); never trusts their shape. The variant
 * keeps a reference on @bytes, which may be wiping memory. */
GVariant   *rj_variant_from_untrusted (GBytes *bytes,
                                       GError **error) G_GNUC_WARN_UNUSED_RESULT;

/* Days in text form, as they go into a day tag. */
char       *rj_date_to_iso           (const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
gboolean    rj_date_from_iso         (const char *text,
                                      GDate *date);

G_END_DECLS
