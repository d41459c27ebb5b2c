/* fuzz-record.c: libFuzzer harness for the record decoder.
 *
 * Each input is taken as the plaintext of a record, exactly as it comes out of
 * rj_open() when a journal is unlocked, and goes through every way the store reads
 * one back:
 *
 *  - as an a{sv} GVariant built from untrusted bytes (rj_variant_from_untrusted(),
 *    which does not trust the data to be in normal form), decoded both as a day's
 *    entry and as the profile;
 *  - sealed with a fixed key by rj_seal() and opened again by rj_open(), which must
 *    give back the same bytes, then decoded;
 *  - encrypted as is, without padding, so that rj_open() unpads bytes it did not pad
 *    itself, then decoded;
 *  - given to rj_open() as a nonce and a ciphertext, as a hostile row would be.
 *
 * What the decoder accepts must survive a round trip: encoded again and decoded
 * again, it gives an equal entry or profile. A warning or a critical from GLib (a
 * g_return_if_fail() tripped by the data) counts as a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-record"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rj-codec.h"
#include "rj-crypto.h"
#include "rj-store.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* The same associated data as a row of the store: "RJ", the format, the kind, the
 * row's id and its tag. Its content does not matter here, only that it is bound in. */
#define FUZZ_AD_BYTES (2 + 2 + 1 + 8 + RJ_TAG_BYTES)

static RjKey *record_key;
static guint8 record_ad[FUZZ_AD_BYTES];

static void
fail (const char *what)
{
  g_printerr ("fuzz-record: %s\n", what);
  abort ();
}

static GVariant *
variant_from_data (const guint8 *data,
                   gsize size)
{
  /* A copy in memory of its own, as the store hands over a buffer of its own. */
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  GVariant *variant;

  variant = rj_variant_from_untrusted (bytes, &error);
  if (variant == NULL && error == NULL)
    fail ("rj_variant_from_untrusted() failed without an error");
  return variant;
}

static void
check_entry_round_trip (const RjEntry *entry)
{
  g_autoptr(GVariant) encoded = rj_entry_to_variant (entry);
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (encoded);
  g_autoptr(GVariant) reread = NULL;
  g_autoptr(RjEntry) again = NULL;
  g_autoptr(GError) error = NULL;

  reread = rj_variant_from_untrusted (bytes, &error);
  if (reread == NULL)
    fail ("an accepted entry, encoded again, is not a variant");
  again = rj_entry_from_variant (reread, &error);
  if (again == NULL)
    fail ("an accepted entry, encoded again, is rejected");
  if (!rj_entry_equal (entry, again))
    fail ("an accepted entry changes when it is encoded and decoded again");
}

static void
check_profile_round_trip (const RjProfile *profile)
{
  g_autoptr(GVariant) encoded = rj_profile_to_variant (profile);
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (encoded);
  g_autoptr(GVariant) reread = NULL;
  g_autoptr(RjProfile) again = NULL;
  g_autoptr(GError) error = NULL;

  reread = rj_variant_from_untrusted (bytes, &error);
  if (reread == NULL)
    fail ("an accepted profile, encoded again, is not a variant");
  again = rj_profile_from_variant (reread, &error);
  if (again == NULL)
    fail ("an accepted profile, encoded again, is rejected");
  if (!rj_profile_equal (profile, again))
    fail ("an accepted profile changes when it is encoded and decoded again");
}

static void
decode (const guint8 *data,
        gsize size)
{
  g_autoptr(GVariant) variant = variant_from_data (data, size);
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GError) entry_error = NULL;
  g_autoptr(GError) profile_error = NULL;

  if (variant == NULL)
    return;

  entry = rj_entry_from_variant (variant, &entry_error);
  if ((entry == NULL) != (entry_error != NULL))
    fail ("rj_entry_from_variant() must return an entry or set an error, not both");
  if (entry != NULL)
    check_entry_round_trip (entry);
  else if (!g_error_matches (entry_error, RJ_STORE_ERROR, RJ_STORE_ERROR_DAMAGED))
    fail ("a rejected entry must be reported as damaged");

  profile = rj_profile_from_variant (variant, &profile_error);
  if ((profile == NULL) != (profile_error != NULL))
    fail ("rj_profile_from_variant() must return a profile or set an error, not both");
  if (profile != NULL)
    check_profile_round_trip (profile);
  else if (!g_error_matches (profile_error, RJ_STORE_ERROR, RJ_STORE_ERROR_DAMAGED))
    fail ("a rejected profile must be reported as damaged");
}

/* rj_seal() then rj_open(): the bytes come back as they went in. */
static void
seal_and_open (const guint8 *data,
               gsize size)
{
  guint8 nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
  g_autoptr(GBytes) sealed = NULL;
  g_autofree guint8 *plain = NULL;
  gsize plain_len = 0;
  gsize sealed_len;

  sealed = rj_seal (record_key, data, size, record_ad, sizeof record_ad, nonce);
  sealed_len = g_bytes_get_size (sealed);
  if (sealed_len % RJ_PAD_BLOCK != crypto_aead_xchacha20poly1305_ietf_ABYTES)
    fail ("a sealed record is not padded to a whole block");

  /* Exactly the size of the ciphertext, so that AddressSanitizer sees any overrun. */
  plain = g_malloc (sealed_len);
  if (!rj_open (record_key, g_bytes_get_data (sealed, NULL), sealed_len, record_ad,
                sizeof record_ad, nonce, plain, &plain_len))
    fail ("a sealed record does not open");
  if (plain_len != size || (size > 0 && memcmp (plain, data, size) != 0))
    fail ("a sealed record opens to other bytes");
  decode (plain, plain_len);
}

/* Encrypted as is: rj_open() must refuse padding it did not write, or unpad within
 * the buffer. */
static void
open_unpadded (const guint8 *data,
               gsize size)
{
  guint8 nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES] = { 0 };
  gsize cipher_len = size + crypto_aead_xchacha20poly1305_ietf_ABYTES;
  g_autofree guint8 *cipher = g_malloc (cipher_len);
  g_autofree guint8 *plain = g_malloc (cipher_len);
  unsigned long long written = 0;
  gsize plain_len = 0;

  crypto_aead_xchacha20poly1305_ietf_encrypt (cipher, &written, data, size, record_ad,
                                              sizeof record_ad, NULL, nonce,
                                              rj_key_get_bytes (record_key));
  if (rj_open (record_key, cipher, cipher_len, record_ad, sizeof record_ad, nonce, plain,
               &plain_len))
    {
      if (plain_len >= size && size > 0)
        fail ("unpadding removed nothing from a padded record");
      decode (plain, plain_len);
    }
}

/* The input as a row: a nonce, then the ciphertext. */
static void
open_hostile_row (const guint8 *data,
                  gsize size)
{
  const gsize nonce_len = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  g_autofree guint8 *nonce = NULL;
  g_autofree guint8 *cipher = NULL;
  g_autofree guint8 *plain = NULL;
  gsize cipher_len;
  gsize plain_len = 0;

  if (size < nonce_len)
    return;
  /* Copies of the exact sizes a row's columns would have. */
  nonce = g_memdup2 (data, nonce_len);
  cipher_len = size - nonce_len;
  cipher = cipher_len > 0 ? g_memdup2 (data + nonce_len, cipher_len) : NULL;
  plain = g_malloc (MAX (cipher_len, 1));
  if (rj_open (record_key, cipher, cipher_len, record_ad, sizeof record_ad, nonce, plain,
               &plain_len))
    decode (plain, plain_len);
}

int
LLVMFuzzerInitialize (int *argc,
                      char ***argv)
{
  static const guint8 key_bytes[RJ_KEY_BYTES] = "fuzz-record: a fixed record key";

  if (!rj_crypto_init ())
    fail ("libsodium does not initialise");
  /* Hostile data must be rejected with an error, never with a GLib warning. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  record_key = rj_key_new_from_bytes (key_bytes);
  record_ad[0] = 'R';
  record_ad[1] = 'J';
  record_ad[2] = 1;
  record_ad[4] = RJ_RECORD_ENTRY;
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t size)
{
  decode (data, size);
  seal_and_open (data, size);
  open_unpadded (data, size);
  open_hostile_row (data, size);
  return 0;
}
