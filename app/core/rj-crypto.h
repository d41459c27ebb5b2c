/* rj-crypto.h: key derivation, key wrapping, record sealing, recovery codes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sodium.h>

G_BEGIN_DECLS

#define RJ_KEY_BYTES 32
#define RJ_SALT_BYTES 16           /* crypto_pwhash_SALTBYTES */
#define RJ_TAG_BYTES 32            /* keyed BLAKE2b of a record's name or date */
#define RJ_RECOVERY_CODE_BYTES 20  /* 160 bits */
#define RJ_RECOVERY_CODE_GROUPS 8  /* shown as 8 groups of 4 characters */
#define RJ_KDF_MEMLIMIT_DEFAULT ((gsize) 256 * 1024 * 1024)
#define RJ_KDF_OPSLIMIT_MIN 3
#define RJ_PAD_BLOCK 256

/* Argon2id cost of the passphrase slot. Stored beside the wrapped key, so a journal
 * opens with whatever it was created with; injectable so that tests run fast. */
typedef struct {
  guint64 opslimit;
  gsize memlimit;
} RjKdfParams;

/* A key held in sodium_malloc() memory: guarded pages, never swapped where the
 * system allows it, wiped on free. */
typedef struct _RjKey RjKey;

RjKey        *rj_key_new_random            (void) G_GNUC_WARN_UNUSED_RESULT;
RjKey        *rj_key_new_from_bytes        (const guint8 *bytes) G_GNUC_WARN_UNUSED_RESULT;
RjKey        *rj_key_derive_subkey         (const RjKey *master,
                                            guint64 subkey_id,
                                            const char context[8]) G_GNUC_WARN_UNUSED_RESULT;
const guint8 *rj_key_get_bytes             (const RjKey *key);
void          rj_key_free                  (RjKey *key);

void          rj_kdf_params_default        (RjKdfParams *params);
void          rj_kdf_params_fast_for_tests (RjKdfParams *params);
gboolean      rj_kdf_params_calibrate      (RjKdfParams *params,
                                            double target_seconds,
                                            GError **error);

/* Derives the key that wraps the master key. Returns NULL and sets an RJ_STORE_ERROR
 * (no memory) when the machine cannot spare the memory Argon2id needs. */
RjKey        *rj_kdf_derive_passphrase_key (const char *passphrase,
                                            gsize passphrase_len,
                                            const guint8 salt[RJ_SALT_BYTES],
                                            const RjKdfParams *params,
                                            GError **error) G_GNUC_WARN_UNUSED_RESULT;
RjKey        *rj_kdf_derive_recovery_key   (const guint8 code[RJ_RECOVERY_CODE_BYTES],
                                            const guint8 salt[RJ_SALT_BYTES]) G_GNUC_WARN_UNUSED_RESULT;

/* Recovery codes: 160 random bits written as 8 groups of 4 characters from an
 * alphabet without look-alikes (Crockford's base 32). Parsing is forgiving about
 * case, spaces, dashes, and O/0, I/L/1. */
void          rj_recovery_code_generate    (guint8 code[RJ_RECOVERY_CODE_BYTES]);
char         *rj_recovery_code_format      (const guint8 code[RJ_RECOVERY_CODE_BYTES]) G_GNUC_WARN_UNUSED_RESULT;
gboolean      rj_recovery_code_parse       (const char *text,
                                            guint8 code[RJ_RECOVERY_CODE_BYTES]);

/* XChaCha20-Poly1305-IETF with padding to RJ_PAD_BLOCK. The returned ciphertext does
 * not include the nonce, which the caller stores beside it. */
GBytes       *rj_seal                      (const RjKey *key,
                                            const guint8 *plain,
                                            gsize plain_len,
                                            const guint8 *ad,
                                            gsize ad_len,
                                            guint8 nonce_out[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES]) G_GNUC_WARN_UNUSED_RESULT;
/* Decrypts into @out, which must hold @cipher_len bytes (a wiping buffer the caller
 * reuses and clears), and removes the padding. FALSE when authentication fails. */
gboolean      rj_open                      (const RjKey *key,
                                            const guint8 *cipher,
                                            gsize cipher_len,
                                            const guint8 *ad,
                                            gsize ad_len,
                                            const guint8 *nonce,
                                            guint8 *out,
                                            gsize *plain_len);
void          rj_secure_free               (gpointer mem);

void          rj_crypto_tag                (const RjKey *tag_key,
                                            const char *name,
                                            guint8 tag_out[RJ_TAG_BYTES]);

gboolean      rj_crypto_init               (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjKey, rj_key_free)

G_END_DECLS
