/* fuzz-backup.c: libFuzzer harness for the backup reader.
 *
 * Each input is taken as a whole backup file, as rj-backup.c reads one before it
 * trusts anything in it (rj-backup-private.h): its header is parsed, then it is
 * decrypted with a fixed stream key, for its description only and whole. The seeds
 * (make-fuzz-corpus) are backups made under that key, so that mutations reach past
 * the authentication of the first message, plus the real backup fixture.
 *
 * Checked: a call that fails says why with an RJ_BACKUP_ERROR of the kinds the header
 * promises; a header that parses lies within the input and holds key slots that
 * parse; a backup that decrypts gives an image of the size its description gives,
 * and encrypted again with the same slots and key it decrypts to the same image. A
 * GLib warning or critical counts as a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-backup"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-backup-key.h"
#include "rj-backup-private.h"
#include "rj-crypto.h"
#include "rj-keyslot.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
fail (const char *what)
{
  g_printerr ("fuzz-backup: %s\n", what);
  abort ();
}

static void
check_error (const GError *error)
{
  if (error == NULL)
    fail ("a backup was refused without an error");
  if (error->domain != RJ_BACKUP_ERROR ||
      (error->code != RJ_BACKUP_ERROR_NOT_A_BACKUP &&
       error->code != RJ_BACKUP_ERROR_NEWER_FORMAT &&
       error->code != RJ_BACKUP_ERROR_DAMAGED))
    fail ("a backup was refused with an unexpected error");
  if (error->message == NULL || error->message[0] == '\0')
    fail ("a backup was refused with an empty message");
}

static void
check_header (const guint8 *data,
              gsize size)
{
  RjBackupHeader header;
  g_autoptr(GError) error = NULL;
  RjKeyslot slot;

  memset (&header, 0, sizeof header);
  if (!rj_backup_header_parse (data, size, &header, &error))
    {
      check_error (error);
      return;
    }
  if (error != NULL)
    fail ("a header parsed and set an error");
  if (header.header_len == 0 || header.header_len > size)
    fail ("a header parsed beyond the end of the input");
  if (header.version != RJ_BACKUP_FORMAT_VERSION)
    fail ("a header of another version parsed");
  if (header.chunk_size < RJ_BACKUP_MIN_CHUNK_SIZE || header.chunk_size > RJ_BACKUP_MAX_CHUNK_SIZE)
    fail ("a header with a chunk size out of bounds parsed");
  if (header.passphrase_slot_bytes == NULL || header.recovery_slot_bytes == NULL)
    fail ("a header parsed without its key slots");
  if (!rj_keyslot_parse (g_bytes_get_data (header.passphrase_slot_bytes, NULL),
                         g_bytes_get_size (header.passphrase_slot_bytes), &slot) ||
      !rj_keyslot_parse (g_bytes_get_data (header.recovery_slot_bytes, NULL),
                         g_bytes_get_size (header.recovery_slot_bytes), &slot))
    fail ("a header parsed with a key slot that does not");
  rj_backup_header_clear (&header);
}

/* What decrypts, encrypted again with the same slots and key, decrypts the same. */
static void
check_round_trip (const guint8 *data,
                  gsize size,
                  GBytes *image,
                  const RjBackupInfo *info)
{
  RjBackupHeader header;
  RjBackupInfo again_info = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) encrypted = NULL;
  g_autoptr(GBytes) again = NULL;

  memset (&header, 0, sizeof header);
  if (!rj_backup_header_parse (data, size, &header, &error))
    fail ("a backup decrypted but its header does not parse");
  encrypted = rj_backup_encrypt_buffer (g_bytes_get_data (image, NULL), g_bytes_get_size (image),
                                        header.passphrase_slot_bytes, header.recovery_slot_bytes,
                                        rj_fuzz_backup_key, info);
  rj_backup_header_clear (&header);
  again = rj_backup_decrypt_buffer (g_bytes_get_data (encrypted, NULL),
                                    g_bytes_get_size (encrypted), rj_fuzz_backup_key, FALSE,
                                    &again_info, &error);
  if (again == NULL)
    fail ("a decrypted backup, encrypted again, does not decrypt");
  if (!g_bytes_equal (again, image))
    fail ("a decrypted backup, encrypted again, decrypts to another image");
  if (again_info.created != info->created || again_info.n_entries != info->n_entries ||
      g_strcmp0 (again_info.app_version, info->app_version) != 0)
    fail ("a decrypted backup, encrypted again, has another description");
  rj_backup_info_clear (&again_info);
}

static void
check_decrypt (const guint8 *data,
               gsize size,
               gboolean info_only)
{
  RjBackupInfo info = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) image = NULL;

  image = rj_backup_decrypt_buffer (data, size, rj_fuzz_backup_key, info_only, &info, &error);
  if (image == NULL)
    {
      check_error (error);
      return;
    }
  if (error != NULL)
    fail ("a backup decrypted and set an error");
  if (info.app_version == NULL)
    fail ("a backup decrypted without the app's version");
  if (info_only)
    {
      if (g_bytes_get_size (image) != 0)
        fail ("a description-only read returned an image");
    }
  else
    {
      if (g_bytes_get_size (image) != info.image_size)
        fail ("a backup decrypted to an image of another size than described");
      check_round_trip (data, size, image, &info);
    }
  rj_backup_info_clear (&info);
}

int
LLVMFuzzerInitialize (int *argc,
                      char ***argv)
{
  if (!rj_crypto_init ())
    fail ("libsodium does not initialise");
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t size)
{
  check_header (data, size);
  check_decrypt (data, size, TRUE);
  check_decrypt (data, size, FALSE);
  return 0;
}
