/* rj-model-test-util.h: what the tests of the record form of entries and profiles share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rj-test-util.h"

G_BEGIN_DECLS

/* Writes, serialises and reads back; fails the test if the record does not read. */
RjEntry   *entry_round_trip        (const RjEntry *entry);
RjProfile *profile_round_trip      (const RjProfile *profile);

/* A copy of the a{sv} @dict with @key set to @value (or removed when @value is NULL). */
GVariant  *dict_replace            (GVariant *dict,
                                    const char *key,
                                    GVariant *value);

/* Fails the test unless the record is refused as damaged. Takes over @variant. */
void       assert_entry_rejected   (GVariant *variant,
                                    const char *what);
void       assert_profile_rejected (GVariant *variant,
                                    const char *what);

G_END_DECLS
