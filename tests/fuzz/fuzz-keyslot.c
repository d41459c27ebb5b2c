/* fuzz-keyslot.c: libFuzzer harness for the key-slot parser.
 *
 * Each input is taken as the blob in a row of the `keyslots` table, which is read
 * before anything else in the journal is authenticated. rj_keyslot_parse() must
 * reject it or give a slot whose parameters are within the limits that keep a
 * hostile file from making unlocking take hours or all of memory; a slot it accepts
 * serializes back to the very same bytes (only the normal form is accepted) and is
 * opened with a fixed wrapping key without harm. The same bytes are also given to
 * the recovery-code parser, the other thing a person's input goes through before the
 * journal opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-keyslot"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rj-crypto.h"
#include "rj-keyslot.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Must match the limits in rj-keyslot.c: they are what this harness checks. */
#define MAX_OPSLIMIT 64
#define MAX_MEMLIMIT ((guint64) 1024 * 1024 * 1024)

static RjKey *wrapping_key;

static void
fail (const char *what)
{
  g_printerr ("fuzz-keyslot: %s\n", what);
  abort ();
}

static void
check_slot (const guint8 *data,
            gsize size,
            const RjKeyslot *slot)
{
  g_autoptr(GBytes) serialized = NULL;
  RjKey *master;

  switch (slot->kind)
    {
    case RJ_KEYSLOT_PASSPHRASE:
      if (slot->kdf.opslimit < crypto_pwhash_OPSLIMIT_MIN ||
          slot->kdf.opslimit > MAX_OPSLIMIT ||
          slot->kdf.memlimit < crypto_pwhash_MEMLIMIT_MIN ||
          slot->kdf.memlimit > MAX_MEMLIMIT)
        fail ("a passphrase slot with Argon2id costs out of bounds was accepted");
      break;
    case RJ_KEYSLOT_RECOVERY:
      if (slot->kdf.opslimit != 0 || slot->kdf.memlimit != 0)
        fail ("a recovery slot with Argon2id costs was accepted");
      break;
    default:
      fail ("a slot of an unknown kind was accepted");
    }

  serialized = rj_keyslot_serialize (slot);
  if (g_bytes_get_size (serialized) != size ||
      memcmp (g_bytes_get_data (serialized, NULL), data, size) != 0)
    fail ("an accepted slot does not serialize back to the same bytes");

  /* A forged slot that opens under a fixed key would take 2^128 tries. */
  master = rj_keyslot_open (slot, wrapping_key);
  if (master != NULL)
    fail ("a slot from the fuzzer opened under the fixed key");
}

static void
parse_recovery_code (const guint8 *data,
                     gsize size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  guint8 code[RJ_RECOVERY_CODE_BYTES];

  if (rj_recovery_code_parse (text, code))
    {
      /* A code that parses formats to a code that parses to the same bytes. */
      g_autofree char *formatted = rj_recovery_code_format (code);
      guint8 again[RJ_RECOVERY_CODE_BYTES];

      if (!rj_recovery_code_parse (formatted, again) || memcmp (code, again, sizeof code) != 0)
        fail ("a recovery code does not survive formatting");
    }
}

int
LLVMFuzzerInitialize (int *argc,
                      char ***argv)
{
  static const guint8 key_bytes[RJ_KEY_BYTES] = "fuzz-keyslot: fixed wrapping key";

  if (!rj_crypto_init ())
    fail ("libsodium does not initialise");
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  wrapping_key = rj_key_new_from_bytes (key_bytes);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t size)
{
  RjKeyslot slot;

  memset (&slot, 0xa5, sizeof slot);
  if (rj_keyslot_parse (data, size, &slot))
    check_slot (data, size, &slot);
  parse_recovery_code (data, size);
  return 0;
}
