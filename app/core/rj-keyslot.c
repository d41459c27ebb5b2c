/* rj-keyslot.c: the master key, wrapped by a key derived from a secret.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-keyslot"

#include "config.h"

#include <string.h>

#include "rj-keyslot.h"

#define KEYSLOT_VERSION 1
#define KEYSLOT_TYPE "(yyttayayay)"

/* A hostile file must not make unlocking take hours or all of memory. */
#define KEYSLOT_MAX_OPSLIMIT 64
#define KEYSLOT_MAX_MEMLIMIT ((guint64) 1024 * 1024 * 1024)

static void
keyslot_build_ad (const RjKeyslot *slot,
                  guint8 *ad,
                  gsize *ad_len)
{
  static const char label[] = "RJ keyslot";
  guint8 *p = ad;
  guint64 ops = GUINT64_TO_LE (slot->kdf.opslimit);
  guint64 mem = GUINT64_TO_LE ((guint64) slot->kdf.memlimit);

  memcpy (p, label, sizeof label); p += sizeof label;
  *p++ = KEYSLOT_VERSION;
  *p++ = (guint8) slot->kind;
  memcpy (p, &ops, sizeof ops); p += sizeof ops;
  memcpy (p, &mem, sizeof mem); p += sizeof mem;
  memcpy (p, slot->salt, sizeof slot->salt); p += sizeof slot->salt;
  *ad_len = p - ad;
}

#define KEYSLOT_AD_MAX (16 + 2 + 16 + RJ_SALT_BYTES)

void
rj_keyslot_seal (RjKeyslot *slot,
                 const RjKey *wrapping_key,
                 const RjKey *master)
{
  guint8 ad[KEYSLOT_AD_MAX];
  gsize ad_len;
  unsigned long long wrapped_len = 0;

  g_return_if_fail (slot != NULL);
  g_return_if_fail (wrapping_key != NULL && master != NULL);

  keyslot_build_ad (slot, ad, &ad_len);
  randombytes_buf (slot->nonce, sizeof slot->nonce);
  crypto_aead_xchacha20poly1305_ietf_encrypt (slot->wrapped, &wrapped_len,
                                              rj_key_get_bytes (master), RJ_KEY_BYTES,
                                              ad, ad_len, NULL, slot->nonce,
                                              rj_key_get_bytes (wrapping_key));
  g_assert (wrapped_len == sizeof slot->wrapped);
}

RjKey *
rj_keyslot_open (const RjKeyslot *slot,
                 const RjKey *wrapping_key)
{
  guint8 ad[KEYSLOT_AD_MAX];
  gsize ad_len;
  guint8 *master;
  unsigned long long master_len = 0;
  RjKey *key = NULL;

  g_return_val_if_fail (slot != NULL && wrapping_key != NULL, NULL);

  keyslot_build_ad (slot, ad, &ad_len);
  master = sodium_malloc (RJ_KEY_BYTES);
  g_assert (master != NULL);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (master, &master_len, NULL,
                                                  slot->wrapped, sizeof slot->wrapped,
                                                  ad, ad_len, slot->nonce,
                                                  rj_key_get_bytes (wrapping_key)) == 0 &&
      master_len == RJ_KEY_BYTES)
    key = rj_key_new_from_bytes (master);
  sodium_free (master);
  return key;
}

static GVariant *
bytes_variant (const guint8 *data,
               gsize len)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, data, len, 1);
}

GBytes *
rj_keyslot_serialize (const RjKeyslot *slot)
{
  g_autoptr(GVariant) variant = NULL;

  g_return_val_if_fail (slot != NULL, NULL);

  variant = g_variant_ref_sink (g_variant_new ("(yytt@ay@ay@ay)",
                                               KEYSLOT_VERSION,
                                               (guint8) slot->kind,
                                               (guint64) slot->kdf.opslimit,
                                               (guint64) slot->kdf.memlimit,
                                               bytes_variant (slot->salt, sizeof slot->salt),
                                               bytes_variant (slot->nonce, sizeof slot->nonce),
                                               bytes_variant (slot->wrapped, sizeof slot->wrapped)));
  return g_variant_get_data_as_bytes (variant);
}

static gboolean
copy_fixed (GVariant *array,
            guint8 *dest,
            gsize dest_len)
{
  gsize len = 0;
  const guint8 *data = g_variant_get_fixed_array (array, &len, 1);

  if (len != dest_len)
    return FALSE;
  memcpy (dest, data, len);
  return TRUE;
}

gboolean
rj_keyslot_parse (const guint8 *data,
                  gsize len,
                  RjKeyslot *slot)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) salt = NULL;
  g_autoptr(GVariant) nonce = NULL;
  g_autoptr(GVariant) wrapped = NULL;
  guint8 version, kind;
  guint64 ops, mem;

  g_return_val_if_fail (slot != NULL, FALSE);

  if (data == NULL || len == 0)
    return FALSE;

  /* Copy, so that GVariant sees memory with the alignment it wants. */
  bytes = g_bytes_new (data, len);
  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (KEYSLOT_TYPE),
                                                         bytes, FALSE));
  if (!g_variant_is_normal_form (variant))
    return FALSE;

  g_variant_get (variant, "(yytt@ay@ay@ay)", &version, &kind, &ops, &mem, &salt, &nonce,
                 &wrapped);
  if (version != KEYSLOT_VERSION)
    return FALSE;
  if (kind != RJ_KEYSLOT_PASSPHRASE && kind != RJ_KEYSLOT_RECOVERY)
    return FALSE;
  if (kind == RJ_KEYSLOT_PASSPHRASE &&
      (ops < crypto_pwhash_OPSLIMIT_MIN || ops > KEYSLOT_MAX_OPSLIMIT ||
       mem < crypto_pwhash_MEMLIMIT_MIN || mem > KEYSLOT_MAX_MEMLIMIT))
    return FALSE;
  if (kind == RJ_KEYSLOT_RECOVERY && (ops != 0 || mem != 0))
    return FALSE;

  memset (slot, 0, sizeof *slot);
  slot->kind = kind;
  slot->kdf.opslimit = ops;
  slot->kdf.memlimit = (gsize) mem;
  return copy_fixed (salt, slot->salt, sizeof slot->salt) &&
         copy_fixed (nonce, slot->nonce, sizeof slot->nonce) &&
         copy_fixed (wrapped, slot->wrapped, sizeof slot->wrapped);
}
