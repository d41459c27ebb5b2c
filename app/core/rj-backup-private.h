/* rj-backup-private.h: the backup format without files, for tests and fuzzers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file, version 1 (integers little-endian):
 *
 *   "RJBACKUP"                      8 bytes
 *   format version                  u16 (1)
 *   header length                   u32, all of the header, checksum included
 *   chunk size                      u32, the most plaintext one message holds
 *   passphrase key slot             u16 length, then the slot as the journal stores it
 *   recovery-code key slot          u16 length, then the slot
 *   secretstream header             24 bytes
 *   checksum                        32 bytes, BLAKE2b-256 of all the above
 *
 * then crypto_secretstream_xchacha20poly1305 messages, each a u32 length and the
 * ciphertext. The key is a subkey of the journal's master key. The first message is
 * the description, a GVariant "(xuts)" (created, UTC Unix time; number of entries;
 * size of the database image; app version), with the whole header above as its
 * additional data. The messages after it hold the SQLite database image in chunks;
 * the last is tagged FINAL and nothing follows it.
 *
 * Every version keeps the first three fields and the checksum at the end of the
 * header, so that damage is told apart from a newer format. The checksum only tells
 * damage apart from a wrong secret; the header is authenticated by the first message.
 */

#pragma once

#include <glib.h>
#include <sodium.h>

#include "rj-backup.h"
#include "rj-keyslot.h"

G_BEGIN_DECLS

#define RJ_BACKUP_MAGIC "RJBACKUP"
#define RJ_BACKUP_MAGIC_BYTES 8
#define RJ_BACKUP_FORMAT_VERSION 1
#define RJ_BACKUP_CHUNK_SIZE (64 * 1024)
#define RJ_BACKUP_CHECKSUM_BYTES 32
#define RJ_BACKUP_MAX_SLOT_BYTES 1024
#define RJ_BACKUP_MIN_CHUNK_SIZE 4096
#define RJ_BACKUP_MAX_CHUNK_SIZE (1024 * 1024)
/* The largest backup that is read: a journal of ten years is a few MB. */
#define RJ_BACKUP_MAX_FILE_BYTES ((gsize) 1024 * 1024 * 1024)
/* The most a header of any version may take. */
#define RJ_BACKUP_MAX_HEADER_BYTES (64 * 1024)
/* The subkey of the master key that the stream is encrypted with. */
#define RJ_BACKUP_SUBKEY_ID 3
#define RJ_BACKUP_SUBKEY_CONTEXT "RJbackup"

typedef struct {
  guint16 version;
  guint32 chunk_size;
  RjKeyslot passphrase_slot;
  RjKeyslot recovery_slot;
  GBytes *passphrase_slot_bytes;   /* as the journal stores them */
  GBytes *recovery_slot_bytes;
  guint8 stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  gsize header_len;                /* bytes of the file the header takes */
} RjBackupHeader;

typedef struct {
  gint64 created;                  /* UTC Unix time */
  guint n_entries;
  guint64 image_size;
  char *app_version;
} RjBackupInfo;

void     rj_backup_header_clear  (RjBackupHeader *header);
void     rj_backup_info_clear    (RjBackupInfo *info);

/* Parses the header at the start of @data (which may go on past it). Any input is
 * safe: errors are RJ_BACKUP_ERROR_NOT_A_BACKUP, _NEWER_FORMAT or _DAMAGED. */
gboolean rj_backup_header_parse  (const guint8 *data,
                                  gsize len,
                                  RjBackupHeader *header,
                                  GError **error);

/* Decrypts a whole backup held in memory with the raw stream key, checking the
 * header, every message, the FINAL tag and the size. Returns the database image (not
 * checked as a database), or NULL and RJ_BACKUP_ERROR_DAMAGED (or the errors of
 * rj_backup_header_parse()). With @info_only, stops after the description and
 * returns an empty GBytes. Any input is safe. */
GBytes  *rj_backup_decrypt_buffer (const guint8 *data,
                                   gsize len,
                                   const guint8 key[RJ_KEY_BYTES],
                                   gboolean info_only,
                                   RjBackupInfo *info_out,
                                   GError **error) G_GNUC_WARN_UNUSED_RESULT;

/* Builds a whole backup in memory: what rj_store_write_backup() writes. */
GBytes  *rj_backup_encrypt_buffer (const guint8 *image,
                                   gsize image_len,
                                   GBytes *passphrase_slot,
                                   GBytes *recovery_slot,
                                   const guint8 key[RJ_KEY_BYTES],
                                   const RjBackupInfo *info) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
