/* rj-model-test-util.c: what the record-form tests of the model share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-model-test-util"

#include "config.h"

#include <string.h>

#include "rj-model-test-util.h"

/* Serialises @variant and reads it back the way the store reads a decrypted record. */
static GVariant *
through_bytes (GVariant *variant)
{
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (variant);
  g_autoptr(GError) error = NULL;
  GVariant *back = rj_variant_from_untrusted (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (back);
  return back;
}

RjEntry *
entry_round_trip (const RjEntry *entry)
{
  g_autoptr(GVariant) variant = rj_entry_to_variant (entry);
  g_autoptr(GVariant) back = through_bytes (variant);
  g_autoptr(GError) error = NULL;
  RjEntry *result = rj_entry_from_variant (back, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

RjProfile *
profile_round_trip (const RjProfile *profile)
{
  g_autoptr(GVariant) variant = rj_profile_to_variant (profile);
  g_autoptr(GVariant) back = through_bytes (variant);
  g_autoptr(GError) error = NULL;
  RjProfile *result = rj_profile_from_variant (back, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* A copy of the a{sv} @dict with @key set to @value (or removed when @value is NULL). */
GVariant *
dict_replace (GVariant *dict,
              const char *key,
              GVariant *value)
{
  GVariantBuilder b;
  GVariantIter iter;
  const char *k;
  GVariant *v;
  gboolean done = FALSE;

  g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_next (&iter, "{&sv}", &k, &v))
    {
      if (strcmp (k, key) == 0)
        {
          if (value != NULL)
            g_variant_builder_add (&b, "{sv}", k, value);
          done = TRUE;
        }
      else
        g_variant_builder_add (&b, "{sv}", k, v);
      g_variant_unref (v);
    }
  if (!done && value != NULL)
    g_variant_builder_add (&b, "{sv}", key, value);
  return g_variant_ref_sink (g_variant_builder_end (&b));
}

void
assert_entry_rejected (GVariant *variant,
                       const char *what)
{
  g_autoptr(GError) error = NULL;
  /* Takes over the caller's reference, floating or not. */
  g_autoptr(GVariant) sunk = g_variant_take_ref (variant);
  g_autoptr(RjEntry) entry = NULL;

  g_test_message ("A record with %s", what);
  entry = rj_entry_from_variant (sunk, &error);
  g_assert_null (entry);
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DAMAGED);
}

void
assert_profile_rejected (GVariant *variant,
                         const char *what)
{
  g_autoptr(GError) error = NULL;
  /* Takes over the caller's reference, floating or not. */
  g_autoptr(GVariant) sunk = g_variant_take_ref (variant);
  g_autoptr(RjProfile) profile = NULL;

  g_test_message ("A profile with %s", what);
  profile = rj_profile_from_variant (sunk, &error);
  g_assert_null (profile);
  g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DAMAGED);
}
