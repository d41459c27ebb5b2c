/* rj-keyslot.h: the master key, wrapped by a key derived from a secret.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rj-crypto.h"

G_BEGIN_DECLS

typedef enum {
  RJ_KEYSLOT_PASSPHRASE = 1,  /* Argon2id over the passphrase */
  RJ_KEYSLOT_RECOVERY = 2,    /* BLAKE2b over the 160-bit recovery code */
} RjKeyslotKind;

typedef struct {
  RjKeyslotKind kind;
  RjKdfParams kdf;            /* for RJ_KEYSLOT_PASSPHRASE */
  guint8 salt[RJ_SALT_BYTES];
  guint8 nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
  guint8 wrapped[RJ_KEY_BYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES];
} RjKeyslot;

/* Wraps @master under @wrapping_key; the slot's kind and parameters are bound in as
 * associated data, so that none of them can be changed without detection. */
void       rj_keyslot_seal   (RjKeyslot *slot,
                              const RjKey *wrapping_key,
                              const RjKey *master);
/* Returns NULL when @wrapping_key is not the one the slot was sealed with (or the
 * slot was changed). */
RjKey     *rj_keyslot_open   (const RjKeyslot *slot,
                              const RjKey *wrapping_key) G_GNUC_WARN_UNUSED_RESULT;

GBytes    *rj_keyslot_serialize (const RjKeyslot *slot) G_GNUC_WARN_UNUSED_RESULT;
/* Parses untrusted bytes; FALSE on anything that is not a well-formed slot with sane
 * parameters. */
gboolean   rj_keyslot_parse  (const guint8 *data,
                              gsize len,
                              RjKeyslot *slot);

G_END_DECLS
