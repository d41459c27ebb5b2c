/* rj-crypto.c: key derivation, key wrapping, record sealing, recovery codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-crypto"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "rj-crypto.h"
#include "rj-store.h"

struct _RjKey {
  guint8 bytes[RJ_KEY_BYTES];
};

G_STATIC_ASSERT (RJ_SALT_BYTES == crypto_pwhash_SALTBYTES);
G_STATIC_ASSERT (RJ_KEY_BYTES == crypto_kdf_KEYBYTES);
G_STATIC_ASSERT (RJ_KEY_BYTES == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

/* Crockford's base 32: no I, L, O or U, so a code copied by hand reads back. */
static const char recovery_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

gboolean
rj_crypto_init (void)
{
  return sodium_init () >= 0;
}

static RjKey *
key_alloc (void)
{
  RjKey *key = sodium_malloc (sizeof (RjKey));

  if (key == NULL)
    g_error ("Could not allocate protected memory for a key");
  return key;
}

RjKey *
rj_key_new_random (void)
{
  RjKey *key = key_alloc ();

  randombytes_buf (key->bytes, sizeof key->bytes);
  return key;
}

RjKey *
rj_key_new_from_bytes (const guint8 *bytes)
{
  RjKey *key;

  g_return_val_if_fail (bytes != NULL, NULL);

  key = key_alloc ();
  memcpy (key->bytes, bytes, sizeof key->bytes);
  return key;
}

RjKey *
rj_key_derive_subkey (const RjKey *master,
                      guint64 subkey_id,
                      const char context[8])
{
  RjKey *key;

  g_return_val_if_fail (master != NULL, NULL);

  key = key_alloc ();
  crypto_kdf_derive_from_key (key->bytes, sizeof key->bytes, subkey_id, context, master->bytes);
  return key;
}

const guint8 *
rj_key_get_bytes (const RjKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->bytes;
}

void
rj_key_free (RjKey *key)
{
  /* sodium_free() wipes the memory before it releases it. */
  if (key != NULL)
    sodium_free (key);
}

void
rj_secure_free (gpointer mem)
{
  if (mem != NULL)
    sodium_free (mem);
}

void
rj_kdf_params_default (RjKdfParams *params)
{
  g_return_if_fail (params != NULL);

  params->opslimit = RJ_KDF_OPSLIMIT_MIN;
  params->memlimit = RJ_KDF_MEMLIMIT_DEFAULT;
}

void
rj_kdf_params_fast_for_tests (RjKdfParams *params)
{
  g_return_if_fail (params != NULL);

  params->opslimit = crypto_pwhash_OPSLIMIT_MIN;
  params->memlimit = crypto_pwhash_MEMLIMIT_MIN;
}

static gboolean
derive_raw (guint8 out[RJ_KEY_BYTES],
            const char *secret,
            gsize secret_len,
            const guint8 salt[RJ_SALT_BYTES],
            const RjKdfParams *params,
            GError **error)
{
  if (crypto_pwhash (out, RJ_KEY_BYTES, secret, secret_len, salt,
                     params->opslimit, params->memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      /* libsodium fails here only when it cannot get the memory. */
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NO_MEMORY,
                   _("The computer does not have enough free memory to open the journal "
                     "(it needs about %u MB). Close some other programs and try again."),
                   (guint) (params->memlimit / (1024 * 1024)));
      return FALSE;
    }
  return TRUE;
}

gboolean
rj_kdf_params_calibrate (RjKdfParams *params,
                         double target_seconds,
                         GError **error)
{
  guint8 salt[RJ_SALT_BYTES];
  guint8 out[RJ_KEY_BYTES];
  RjKdfParams probe;
  gint64 start;
  double seconds;
  double ops;

  g_return_val_if_fail (params != NULL, FALSE);

  /* Time the minimum, then scale: Argon2id's time grows linearly with its passes. */
  rj_kdf_params_default (&probe);
  randombytes_buf (salt, sizeof salt);
  start = g_get_monotonic_time ();
  if (!derive_raw (out, "calibration", strlen ("calibration"), salt, &probe, error))
    return FALSE;
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  sodium_memzero (out, sizeof out);

  ops = seconds > 0 ? probe.opslimit * target_seconds / seconds : RJ_KDF_OPSLIMIT_MIN;
  params->memlimit = probe.memlimit;
  params->opslimit = (guint64) CLAMP (ops, RJ_KDF_OPSLIMIT_MIN, 64);
  g_debug ("Argon2id calibrated: %.3f s for %u passes, choosing %u passes",
           seconds, (guint) probe.opslimit, (guint) params->opslimit);
  return TRUE;
}

RjKey *
rj_kdf_derive_passphrase_key (const char *passphrase,
                              gsize passphrase_len,
                              const guint8 salt[RJ_SALT_BYTES],
                              const RjKdfParams *params,
                              GError **error)
{
  RjKey *key;

  g_return_val_if_fail (passphrase != NULL || passphrase_len == 0, NULL);
  g_return_val_if_fail (params != NULL, NULL);

  key = key_alloc ();
  if (!derive_raw (key->bytes, passphrase != NULL ? passphrase : "", passphrase_len,
                   salt, params, error))
    {
      rj_key_free (key);
      return NULL;
    }
  return key;
}

RjKey *
rj_kdf_derive_recovery_key (const guint8 code[RJ_RECOVERY_CODE_BYTES],
                            const guint8 salt[RJ_SALT_BYTES])
{
  RjKey *key = key_alloc ();

  /* 160 random bits cannot be guessed, so a keyed hash is enough: no stretching. */
  crypto_generichash (key->bytes, sizeof key->bytes, code, RJ_RECOVERY_CODE_BYTES,
                      salt, RJ_SALT_BYTES);
  return key;
}

void
rj_recovery_code_generate (guint8 code[RJ_RECOVERY_CODE_BYTES])
{
  randombytes_buf (code, RJ_RECOVERY_CODE_BYTES);
}

char *
rj_recovery_code_format (const guint8 code[RJ_RECOVERY_CODE_BYTES])
{
  GString *out = g_string_sized_new (RJ_RECOVERY_CODE_GROUPS * 5);
  guint bits = 0;
  guint32 acc = 0;
  guint n_chars = 0;

  G_STATIC_ASSERT (RJ_RECOVERY_CODE_BYTES * 8 == RJ_RECOVERY_CODE_GROUPS * 4 * 5);

  for (guint i = 0; i < RJ_RECOVERY_CODE_BYTES; i++)
    {
      acc = (acc << 8) | code[i];
      bits += 8;
      while (bits >= 5)
        {
          bits -= 5;
          if (n_chars > 0 && n_chars % 4 == 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, recovery_alphabet[(acc >> bits) & 0x1f]);
          n_chars++;
        }
    }
  sodium_memzero (&acc, sizeof acc);
  return g_string_free (out, FALSE);
}

static int
recovery_char_value (char c)
{
  const char *pos;

  c = g_ascii_toupper (c);
  switch (c)
    {
    case 'O': c = '0'; break;
    case 'I': case 'L': c = '1'; break;
    default: break;
    }
  pos = strchr (recovery_alphabet, c);
  return (c != '\0' && pos != NULL) ? (int) (pos - recovery_alphabet) : -1;
}

gboolean
rj_recovery_code_parse (const char *text,
                        guint8 code[RJ_RECOVERY_CODE_BYTES])
{
  guint bits = 0;
  guint32 acc = 0;
  guint n_bytes = 0;
  guint n_chars = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p++)
    {
      int value;

      if (*p == ' ' || *p == '-' || *p == '\t' || *p == '\n' || *p == '\r')
        continue;
      value = recovery_char_value (*p);
      if (value < 0 || n_chars == RJ_RECOVERY_CODE_GROUPS * 4)
        return FALSE;
      n_chars++;
      acc = (acc << 5) | (guint32) value;
      bits += 5;
      if (bits >= 8)
        {
          bits -= 8;
          code[n_bytes++] = (acc >> bits) & 0xff;
        }
    }
  sodium_memzero (&acc, sizeof acc);
  return n_chars == RJ_RECOVERY_CODE_GROUPS * 4 && n_bytes == RJ_RECOVERY_CODE_BYTES;
}

GBytes *
rj_seal (const RjKey *key,
         const guint8 *plain,
         gsize plain_len,
         const guint8 *ad,
         gsize ad_len,
         guint8 nonce_out[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES])
{
  gsize padded_max = plain_len + RJ_PAD_BLOCK;
  gsize padded_len = 0;
  guint8 *padded;
  guint8 *cipher;
  unsigned long long cipher_len = 0;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (plain != NULL || plain_len == 0, NULL);

  /* Padding hides the exact size of what was written. */
  padded = sodium_malloc (padded_max);
  g_assert (padded != NULL);
  if (plain_len > 0)
    memcpy (padded, plain, plain_len);
  if (sodium_pad (&padded_len, padded, plain_len, RJ_PAD_BLOCK, padded_max) != 0)
    g_assert_not_reached ();

  cipher = g_malloc (padded_len + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  randombytes_buf (nonce_out, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (cipher, &cipher_len, padded, padded_len,
                                              ad, ad_len, NULL, nonce_out, key->bytes);
  sodium_free (padded);
  return g_bytes_new_take (cipher, cipher_len);
}

gboolean
rj_open (const RjKey *key,
         const guint8 *cipher,
         gsize cipher_len,
         const guint8 *ad,
         gsize ad_len,
         const guint8 *nonce,
         guint8 *out,
         gsize *plain_len)
{
  unsigned long long decrypted_len = 0;
  gsize unpadded_len = 0;

  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (out != NULL && plain_len != NULL, FALSE);

  if (cipher == NULL || nonce == NULL || cipher_len < crypto_aead_xchacha20poly1305_ietf_ABYTES)
    return FALSE;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (out, &decrypted_len, NULL, cipher, cipher_len,
                                                  ad, ad_len, nonce, key->bytes) != 0)
    return FALSE;
  if (sodium_unpad (&unpadded_len, out, decrypted_len, RJ_PAD_BLOCK) != 0)
    {
      sodium_memzero (out, decrypted_len);
      return FALSE;
    }
  *plain_len = unpadded_len;
  return TRUE;
}

void
rj_crypto_tag (const RjKey *tag_key,
               const char *name,
               guint8 tag_out[RJ_TAG_BYTES])
{
  g_return_if_fail (tag_key != NULL);
  g_return_if_fail (name != NULL);

  crypto_generichash (tag_out, RJ_TAG_BYTES, (const guint8 *) name, strlen (name),
                      tag_key->bytes, sizeof tag_key->bytes);
}
