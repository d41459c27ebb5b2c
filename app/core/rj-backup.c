/* rj-backup.c: encrypted backups of the journal, and restoring them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is described in rj-backup-private.h. A backup holds the SQLite file as
 * it is on disk, so the records inside stay encrypted under the master key, and the
 * whole of it is encrypted again under a subkey of that key. The header carries the
 * journal's key slots, so the passphrase or the recovery code that opened the journal
 * when the backup was made opens the backup, and nothing else does.
 *
 * A backup is small (ten years of journal are a few MB), so it is built and read in
 * memory; only whole, synced files are ever put in place under their final name.
 */

#define G_LOG_DOMAIN "rj-backup"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rj-backup.h"
#include "rj-backup-private.h"
#include "rj-file.h"

#define RJ_APPLICATION_ID 0x524a4e4c  /* "RJNL", as rj-store.c writes it */
#define FOLDER_PREFIX "Recovery Journal backup "
#define FOLDER_PATTERN "^Recovery Journal backup (\\d{4}-\\d{2}-\\d{2} \\d{6})" \
                       "(?: \\((\\d{1,6})\\))?\\.rjbackup$"
#define MAX_APP_VERSION_BYTES 64
#define MESSAGE_ABYTES crypto_secretstream_xchacha20poly1305_ABYTES
#define TAG_MESSAGE crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
#define TAG_FINAL crypto_secretstream_xchacha20poly1305_TAG_FINAL
#define INFO_TYPE "(xuts)"

G_STATIC_ASSERT (sizeof RJ_BACKUP_SUBKEY_CONTEXT - 1 == crypto_kdf_CONTEXTBYTES);
G_STATIC_ASSERT (crypto_secretstream_xchacha20poly1305_KEYBYTES == RJ_KEY_BYTES);

struct _RjBackup
{
  char *path;
  GBytes *header_bytes;     /* as first read; checked again before decrypting */
  RjBackupHeader header;

  RjKey *stream_key;        /* after unlock */
  RjKey *master;
  RjBackupInfo info;
  GDateTime *created;

  char *journal_path;       /* after verify */
  char *verified_path;      /* the checked copy, until it is installed */
  gboolean verified;
  char *claim;              /* the restore name held in restores_in_flight */
};

G_DEFINE_QUARK (rj-backup-error-quark, rj_backup_error)

/* Errors. */

static void
set_damaged (GError **error,
             const char *why)
{
  g_debug ("Backup damaged: %s", why);
  g_set_error_literal (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_DAMAGED,
                       _("This backup is damaged or incomplete, so it cannot be restored. "
                         "Nothing has been changed. If you have another backup, try that "
                         "one."));
}

static void
set_not_a_backup (GError **error)
{
  g_set_error_literal (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_NOT_A_BACKUP,
                       _("This file is not a Recovery Journal backup. Choose a file whose "
                         "name ends in .rjbackup."));
}

static void
set_newer_format (GError **error)
{
  g_set_error_literal (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_NEWER_FORMAT,
                       _("This backup was made by a newer version of Recovery Journal. "
                         "Update the app to restore it; the backup has not been changed."));
}

/* G_IO_ERROR_NO_SPACE from rj-file becomes the store's disk-full error. */
static void
propagate_write_error (GError **error,
                       GError *local)
{
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    {
      g_set_error_literal (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DISK_FULL, local->message);
      g_error_free (local);
    }
  else
    g_propagate_error (error, local);
}

/* The header. */

typedef struct {
  const guint8 *p;
  gsize left;
} Reader;

static gboolean
take (Reader *r,
      gsize n,
      const guint8 **out)
{
  if (r->left < n)
    return FALSE;
  *out = r->p;
  r->p += n;
  r->left -= n;
  return TRUE;
}

static gboolean
take_u16 (Reader *r,
          guint16 *value)
{
  const guint8 *p;

  if (!take (r, 2, &p))
    return FALSE;
  *value = (guint16) (p[0] | p[1] << 8);
  return TRUE;
}

static gboolean
take_u32 (Reader *r,
          guint32 *value)
{
  const guint8 *p;

  if (!take (r, 4, &p))
    return FALSE;
  *value = (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
  return TRUE;
}

static void
put_u16 (GByteArray *out,
         guint16 value)
{
  guint8 b[2] = { value & 0xff, value >> 8 };

  g_byte_array_append (out, b, sizeof b);
}

static void
put_u32 (GByteArray *out,
         guint32 value)
{
  guint8 b[4] = { value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, value >> 24 };

  g_byte_array_append (out, b, sizeof b);
}

static gboolean
take_slot (Reader *r,
           RjKeyslotKind kind,
           RjKeyslot *slot,
           GBytes **bytes)
{
  const guint8 *data;
  guint16 len;

  if (!take_u16 (r, &len) || len == 0 || len > RJ_BACKUP_MAX_SLOT_BYTES || !take (r, len, &data))
    return FALSE;
  if (!rj_keyslot_parse (data, len, slot) || slot->kind != kind)
    return FALSE;
  *bytes = g_bytes_new (data, len);
  return TRUE;
}

void
rj_backup_header_clear (RjBackupHeader *header)
{
  g_clear_pointer (&header->passphrase_slot_bytes, g_bytes_unref);
  g_clear_pointer (&header->recovery_slot_bytes, g_bytes_unref);
  memset (header, 0, sizeof *header);
}

void
rj_backup_info_clear (RjBackupInfo *info)
{
  g_clear_pointer (&info->app_version, g_free);
  memset (info, 0, sizeof *info);
}

gboolean
rj_backup_header_parse (const guint8 *data,
                        gsize len,
                        RjBackupHeader *header,
                        GError **error)
{
  guint8 checksum[RJ_BACKUP_CHECKSUM_BYTES];
  Reader r = { data, len };
  Reader body;
  const guint8 *p;
  guint16 version;
  guint32 header_len;

  g_return_val_if_fail (header != NULL, FALSE);

  memset (header, 0, sizeof *header);
  if (data == NULL)
    len = 0;

  if (len < RJ_BACKUP_MAGIC_BYTES)
    {
      /* The start of our magic: a backup cut short. */
      if (len > 0 && memcmp (data, RJ_BACKUP_MAGIC, len) == 0)
        set_damaged (error, "shorter than the magic");
      else if (len == 0)
        set_damaged (error, "empty");
      else
        set_not_a_backup (error);
      return FALSE;
    }
  if (memcmp (data, RJ_BACKUP_MAGIC, RJ_BACKUP_MAGIC_BYTES) != 0)
    {
      set_not_a_backup (error);
      return FALSE;
    }
  take (&r, RJ_BACKUP_MAGIC_BYTES, &p);

  if (!take_u16 (&r, &version) || !take_u32 (&r, &header_len))
    {
      set_damaged (error, "header cut short");
      return FALSE;
    }
  if (header_len < RJ_BACKUP_MAGIC_BYTES + 2 + 4 + RJ_BACKUP_CHECKSUM_BYTES ||
      header_len > RJ_BACKUP_MAX_HEADER_BYTES)
    {
      set_damaged (error, "impossible header length");
      return FALSE;
    }
  if (header_len > len)
    {
      set_damaged (error, "header cut short");
      return FALSE;
    }

  /* Every version ends its header with the checksum, so damage is found first. */
  crypto_generichash (checksum, sizeof checksum, data, header_len - RJ_BACKUP_CHECKSUM_BYTES,
                      NULL, 0);
  if (sodium_memcmp (checksum, data + header_len - RJ_BACKUP_CHECKSUM_BYTES,
                     RJ_BACKUP_CHECKSUM_BYTES) != 0)
    {
      set_damaged (error, "header checksum");
      return FALSE;
    }
  if (version > RJ_BACKUP_FORMAT_VERSION)
    {
      set_newer_format (error);
      return FALSE;
    }
  if (version == 0)
    {
      set_damaged (error, "version 0");
      return FALSE;
    }

  body.p = r.p;
  body.left = header_len - RJ_BACKUP_MAGIC_BYTES - 2 - 4 - RJ_BACKUP_CHECKSUM_BYTES;
  header->version = version;
  header->header_len = header_len;
  if (!take_u32 (&body, &header->chunk_size) ||
      header->chunk_size < RJ_BACKUP_MIN_CHUNK_SIZE ||
      header->chunk_size > RJ_BACKUP_MAX_CHUNK_SIZE ||
      !take_slot (&body, RJ_KEYSLOT_PASSPHRASE, &header->passphrase_slot,
                  &header->passphrase_slot_bytes) ||
      !take_slot (&body, RJ_KEYSLOT_RECOVERY, &header->recovery_slot,
                  &header->recovery_slot_bytes) ||
      !take (&body, sizeof header->stream_header, &p) ||
      body.left != 0)
    {
      rj_backup_header_clear (header);
      set_damaged (error, "header fields");
      return FALSE;
    }
  memcpy (header->stream_header, p, sizeof header->stream_header);
  return TRUE;
}

/* The stream. */

static gboolean
next_message (const guint8 *data,
              gsize len,
              gsize *pos,
              guint32 chunk_size,
              crypto_secretstream_xchacha20poly1305_state *state,
              const guint8 *ad,
              gsize ad_len,
              guint8 *plain,
              gsize *plain_len,
              guint8 *tag)
{
  Reader r = { data + *pos, len - *pos };
  const guint8 *cipher;
  unsigned long long n = 0;
  guint32 cipher_len;

  if (!take_u32 (&r, &cipher_len) || cipher_len < MESSAGE_ABYTES ||
      cipher_len > chunk_size + MESSAGE_ABYTES || !take (&r, cipher_len, &cipher))
    return FALSE;
  if (crypto_secretstream_xchacha20poly1305_pull (state, plain, &n, tag, cipher, cipher_len,
                                                  ad, ad_len) != 0)
    return FALSE;
  *plain_len = n;
  *pos = len - r.left;
  return TRUE;
}

static gboolean
parse_info (const guint8 *plain,
            gsize plain_len,
            gsize file_len,
            RjBackupInfo *info)
{
  g_autoptr(GBytes) bytes = g_bytes_new (plain, plain_len);
  g_autoptr(GVariant) variant = NULL;
  const char *version = NULL;
  guint32 n_entries = 0;

  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (INFO_TYPE), bytes,
                                                         FALSE));
  if (!g_variant_is_normal_form (variant))
    return FALSE;
  g_variant_get (variant, "(xut&s)", &info->created, &n_entries, &info->image_size, &version);
  info->n_entries = n_entries;
  /* The image is smaller than the file that holds it encrypted: no huge allocation
   * for a made-up size. */
  if (info->image_size > file_len || strlen (version) > MAX_APP_VERSION_BYTES ||
      !g_utf8_validate (version, -1, NULL))
    return FALSE;
  info->app_version = g_strdup (version);
  return TRUE;
}

GBytes *
rj_backup_decrypt_buffer (const guint8 *data,
                          gsize len,
                          const guint8 key[RJ_KEY_BYTES],
                          gboolean info_only,
                          RjBackupInfo *info_out,
                          GError **error)
{
  RjBackupHeader header;
  RjBackupInfo info = { 0 };
  crypto_secretstream_xchacha20poly1305_state *state;
  g_autoptr(GByteArray) image = NULL;
  g_autofree guint8 *plain = NULL;
  gsize plain_len = 0;
  gsize pos;
  guint8 tag = 0;
  const char *why = NULL;

  g_return_val_if_fail (key != NULL, NULL);

  if (!rj_backup_header_parse (data, len, &header, error))
    return NULL;

  state = sodium_malloc (sizeof *state);
  g_assert (state != NULL);
  plain = g_malloc (header.chunk_size);
  pos = header.header_len;

  if (crypto_secretstream_xchacha20poly1305_init_pull (state, header.stream_header, key) != 0)
    why = "stream header";
  /* The description; its additional data is the whole header. */
  else if (!next_message (data, len, &pos, header.chunk_size, state, data, header.header_len,
                          plain, &plain_len, &tag) || tag != TAG_MESSAGE)
    why = "first message";
  /* Only a whole file bounds the image's size; the description alone is read from
   * the start of the file. */
  else if (!parse_info (plain, plain_len, info_only ? G_MAXSIZE : len, &info))
    why = "description";
  else if (!info_only)
    {
      image = g_byte_array_sized_new (info.image_size);
      do
        {
          if (pos == len)
            why = "ends before its last part";
          else if (!next_message (data, len, &pos, header.chunk_size, state, NULL, 0,
                                  plain, &plain_len, &tag) ||
                   (tag != TAG_MESSAGE && tag != TAG_FINAL))
            why = "message";
          else if (image->len + plain_len > info.image_size)
            why = "longer than described";
          else
            g_byte_array_append (image, plain, plain_len);
        }
      while (why == NULL && tag != TAG_FINAL);

      if (why == NULL && pos != len)
        why = "data after the last part";
      else if (why == NULL && image->len != info.image_size)
        why = "shorter than described";
    }

  sodium_free (state);
  rj_backup_header_clear (&header);
  if (why != NULL)
    {
      rj_backup_info_clear (&info);
      set_damaged (error, why);
      return NULL;
    }
  if (info_out != NULL)
    *info_out = info;
  else
    rj_backup_info_clear (&info);
  if (info_only)
    return g_bytes_new (NULL, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&image));
}

static void
push_message (GByteArray *out,
              crypto_secretstream_xchacha20poly1305_state *state,
              const guint8 *plain,
              gsize plain_len,
              const guint8 *ad,
              gsize ad_len,
              guint8 tag)
{
  gsize start = out->len;
  unsigned long long n = 0;

  put_u32 (out, plain_len + MESSAGE_ABYTES);
  g_byte_array_set_size (out, start + 4 + plain_len + MESSAGE_ABYTES);
  crypto_secretstream_xchacha20poly1305_push (state, out->data + start + 4, &n, plain, plain_len,
                                              ad, ad_len, tag);
  g_assert (n == plain_len + MESSAGE_ABYTES);
}

GBytes *
rj_backup_encrypt_buffer (const guint8 *image,
                          gsize image_len,
                          GBytes *passphrase_slot,
                          GBytes *recovery_slot,
                          const guint8 key[RJ_KEY_BYTES],
                          const RjBackupInfo *info)
{
  guint8 stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  guint8 checksum[RJ_BACKUP_CHECKSUM_BYTES];
  crypto_secretstream_xchacha20poly1305_state *state;
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(GVariant) description = NULL;
  gsize header_len;
  gsize p_len, r_len;
  gsize off = 0;

  g_return_val_if_fail (image != NULL || image_len == 0, NULL);
  g_return_val_if_fail (passphrase_slot != NULL && recovery_slot != NULL, NULL);
  g_return_val_if_fail (key != NULL && info != NULL, NULL);

  p_len = g_bytes_get_size (passphrase_slot);
  r_len = g_bytes_get_size (recovery_slot);
  g_return_val_if_fail (p_len > 0 && p_len <= RJ_BACKUP_MAX_SLOT_BYTES, NULL);
  g_return_val_if_fail (r_len > 0 && r_len <= RJ_BACKUP_MAX_SLOT_BYTES, NULL);

  header_len = RJ_BACKUP_MAGIC_BYTES + 2 + 4 + 4 + 2 + p_len + 2 + r_len +
               sizeof stream_header + RJ_BACKUP_CHECKSUM_BYTES;
  out = g_byte_array_sized_new (header_len + image_len +
                                (image_len / RJ_BACKUP_CHUNK_SIZE + 3) * (4 + MESSAGE_ABYTES) +
                                256);

  state = sodium_malloc (sizeof *state);
  g_assert (state != NULL);
  crypto_secretstream_xchacha20poly1305_init_push (state, stream_header, key);

  g_byte_array_append (out, (const guint8 *) RJ_BACKUP_MAGIC, RJ_BACKUP_MAGIC_BYTES);
  put_u16 (out, RJ_BACKUP_FORMAT_VERSION);
  put_u32 (out, header_len);
  put_u32 (out, RJ_BACKUP_CHUNK_SIZE);
  put_u16 (out, p_len);
  g_byte_array_append (out, g_bytes_get_data (passphrase_slot, NULL), p_len);
  put_u16 (out, r_len);
  g_byte_array_append (out, g_bytes_get_data (recovery_slot, NULL), r_len);
  g_byte_array_append (out, stream_header, sizeof stream_header);
  crypto_generichash (checksum, sizeof checksum, out->data, out->len, NULL, 0);
  g_byte_array_append (out, checksum, sizeof checksum);
  g_assert (out->len == header_len);

  description = g_variant_ref_sink (g_variant_new (INFO_TYPE, info->created,
                                                   (guint32) info->n_entries,
                                                   (guint64) image_len,
                                                   info->app_version != NULL
                                                   ? info->app_version : ""));
  {
    /* The header is the additional data: copy it, as pushing grows the array. */
    g_autofree guint8 *ad = g_memdup2 (out->data, header_len);

    push_message (out, state, g_variant_get_data (description), g_variant_get_size (description),
                  ad, header_len, TAG_MESSAGE);
  }

  do
    {
      gsize n = MIN (image_len - off, (gsize) RJ_BACKUP_CHUNK_SIZE);

      /* An empty image may come as NULL, and NULL + 0 is undefined in C. */
      push_message (out, state, n > 0 ? image + off : image, n, NULL, 0,
                    off + n == image_len ? TAG_FINAL : TAG_MESSAGE);
      off += n;
    }
  while (off < image_len);

  sodium_free (state);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Files. */

/* Reads at most @max_len bytes from the start of @path; with @whole, fails on a file
 * longer than that instead. A file picked by mistake (a film, a disk image) is never
 * read into memory whole. */
static GBytes *
read_backup_file (const char *path,
                  gsize max_len,
                  gboolean whole,
                  GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree guint8 *data = NULL;
  gsize len = 0;
  gsize got = 0;
  guint8 extra;

  stream = g_file_read (file, NULL, &local);
  if (stream != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_input_stream_query_info (stream,
                                                                  G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                                  NULL, &local);
      goffset size = info != NULL ? g_file_info_get_size (info) : -1;

      if (whole && size > 0 && (guint64) size > max_len)
        {
          set_damaged (error, "too large");
          return NULL;
        }
      if (size >= 0)
        {
          len = MIN ((guint64) size, (guint64) max_len);
          data = g_malloc (MAX (len, 1));
          if (g_input_stream_read_all (G_INPUT_STREAM (stream), data, len, &got, NULL, &local))
            {
              len = got;
              /* Longer than allowed, or grown since its size was asked. */
              if (whole && g_input_stream_read (G_INPUT_STREAM (stream), &extra, 1, NULL, NULL) > 0)
                {
                  set_damaged (error, "too large");
                  return NULL;
                }
            }
        }
    }
  if (local != NULL)
    {
      g_autofree char *display = g_filename_display_basename (path);

      if (local->domain == G_IO_ERROR)
        g_set_error (error, G_IO_ERROR, local->code,
                     _("The backup “%s” could not be read. Check that the disk is connected "
                       "and try again."), display);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("The backup “%s” could not be read. Check that the disk is connected "
                       "and try again."), display);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

/* Writing. */

gboolean
rj_store_write_backup (RjStore *store,
                       const char *path,
                       GError **error)
{
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GBytes) passphrase_slot = NULL;
  g_autoptr(GBytes) recovery_slot = NULL;
  g_autoptr(GBytes) backup = NULL;
  g_autoptr(RjKey) key = NULL;
  GError *local = NULL;
  RjBackupInfo info = { 0 };
  guint n_entries = 0;

  g_return_val_if_fail (RJ_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  key = rj_store_derive_subkey (store, RJ_BACKUP_SUBKEY_ID, RJ_BACKUP_SUBKEY_CONTEXT, error);
  if (key == NULL ||
      !rj_store_snapshot (store, &image, &passphrase_slot, &recovery_slot, &n_entries, error))
    return FALSE;

  info.created = g_get_real_time () / G_USEC_PER_SEC;
  info.n_entries = n_entries;
  info.app_version = (char *) PACKAGE_VERSION;
  backup = rj_backup_encrypt_buffer (g_bytes_get_data (image, NULL), g_bytes_get_size (image),
                                     passphrase_slot, recovery_slot, rj_key_get_bytes (key),
                                     &info);
  if (!rj_file_replace_private (path, g_bytes_get_data (backup, NULL), g_bytes_get_size (backup),
                                &local))
    {
      propagate_write_error (error, local);
      return FALSE;
    }
  return TRUE;
}

static void
write_backup_thread (GTask *task,
                     gpointer source_object,
                     gpointer task_data,
                     GCancellable *cancellable)
{
  GError *error = NULL;

  if (rj_store_write_backup (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rj_store_write_backup_async (RjStore *store,
                             const char *path,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RJ_IS_STORE (store));
  g_return_if_fail (path != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rj_store_write_backup_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, write_backup_thread);
}

gboolean
rj_store_write_backup_finish (RjStore *store,
                              GAsyncResult *result,
                              GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct {
  char *stamp;
  guint64 number;
  char *path;
} FolderBackup;

static void
folder_backup_free (gpointer data)
{
  FolderBackup *backup = data;

  g_free (backup->stamp);
  g_free (backup->path);
  g_free (backup);
}

static gint
folder_backup_compare (gconstpointer a,
                       gconstpointer b)
{
  const FolderBackup *fa = *(FolderBackup **) a;
  const FolderBackup *fb = *(FolderBackup **) b;
  int cmp = strcmp (fa->stamp, fb->stamp);

  if (cmp != 0)
    return cmp;
  return fa->number < fb->number ? -1 : fa->number > fb->number;
}

static gboolean
starts_with_magic (const char *path)
{
  g_autoptr(GBytes) start = read_backup_file (path, RJ_BACKUP_MAGIC_BYTES, FALSE, NULL);

  return start != NULL && g_bytes_get_size (start) == RJ_BACKUP_MAGIC_BYTES &&
         memcmp (g_bytes_get_data (start, NULL), RJ_BACKUP_MAGIC, RJ_BACKUP_MAGIC_BYTES) == 0;
}

/* Deletes the oldest of our backups in @folder, but never @newest, so that @keep are
 * left. Only files with the names this file gives, that are backups, are looked at. */
static void
prune_folder (const char *folder,
              const char *newest,
              guint keep)
{
  g_autoptr(GRegex) regex = g_regex_new (FOLDER_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (folder_backup_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *path = g_build_filename (folder, name, NULL);
      FolderBackup *backup;

      if (!g_regex_match (regex, name, 0, &match) || g_str_equal (path, newest) ||
          !g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
          g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !starts_with_magic (path))
        continue;
      backup = g_new0 (FolderBackup, 1);
      backup->stamp = g_match_info_fetch (match, 1);
      {
        g_autofree char *number = g_match_info_fetch (match, 2);

        backup->number = number != NULL && *number != '\0'
                         ? g_ascii_strtoull (number, NULL, 10) : 1;
      }
      backup->path = g_steal_pointer (&path);
      g_ptr_array_add (found, backup);
    }

  g_ptr_array_sort (found, folder_backup_compare);
  /* The new backup counts as one of the @keep. */
  for (guint i = 0; i + (keep - 1) < found->len; i++)
    {
      FolderBackup *backup = g_ptr_array_index (found, i);

      if (g_unlink (backup->path) != 0)
        g_debug ("Could not delete the old backup %s: %s", backup->path, g_strerror (errno));
    }
}

char *
rj_backup_write_to_folder (RjStore *store,
                           const char *folder,
                           guint keep,
                           GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H%M%S");
  g_autofree char *path = NULL;

  g_return_val_if_fail (RJ_IS_STORE (store), NULL);
  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (keep >= 1, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The folder is one the client chose, and may be on a drive that is not plugged in:
   * making it again would put the backups on whatever disk holds its mount point. */
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The folder for backups “%s” cannot be found. If it is on a USB drive "
                     "or a network folder, connect it; the next backup will be made then."),
                   display);
      return NULL;
    }

  /* Two backups in the same second get numbered names rather than replacing. */
  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = NULL;

      g_free (path);
      name = n == 1 ? g_strdup_printf (FOLDER_PREFIX "%s." RJ_BACKUP_EXTENSION, stamp)
                    : g_strdup_printf (FOLDER_PREFIX "%s (%u)." RJ_BACKUP_EXTENSION, stamp, n);
      path = g_build_filename (folder, name, NULL);
    }

  if (!rj_store_write_backup (store, path, error))
    return NULL;
  prune_folder (folder, path, keep);
  return g_steal_pointer (&path);
}

/* Reading. */

/* Restores in flight in this process. A verify writes its copy to a hidden file
 * beside the journal, ".<journal> restoring.XXXXXX"; a crash or a kill during verify
 * leaves it behind, so rj_backup_remove_leftovers() deletes such files, but never one
 * that a verify of this process is writing or holds until rj_backup_install(). The
 * table counts, per journal, the RjBackups that hold such a file (or are about to
 * make one): its key is the name rj_file_write_beside() is given. */
G_LOCK_DEFINE_STATIC (restores_in_flight);
static GHashTable *restores_in_flight;

static char *
restore_name_for (const char *journal_path)
{
  g_autofree char *dir = g_path_get_dirname (journal_path);
  g_autofree char *base = g_path_get_basename (journal_path);
  g_autofree char *name = g_strdup_printf ("%s restoring", base);

  return g_build_filename (dir, name, NULL);
}

static void
restore_claim (RjBackup *self,
               const char *journal_path)
{
  char *name = restore_name_for (journal_path);

  G_LOCK (restores_in_flight);
  if (restores_in_flight == NULL)
    restores_in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (restores_in_flight, g_strdup (name),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (restores_in_flight, name)) + 1));
  G_UNLOCK (restores_in_flight);
  self->claim = name;
}

static void
restore_release (RjBackup *self)
{
  guint count;

  if (self->claim == NULL)
    return;
  G_LOCK (restores_in_flight);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (restores_in_flight, self->claim));
  if (count <= 1)
    g_hash_table_remove (restores_in_flight, self->claim);
  else
    g_hash_table_insert (restores_in_flight, g_strdup (self->claim), GUINT_TO_POINTER (count - 1));
  G_UNLOCK (restores_in_flight);
  g_clear_pointer (&self->claim, g_free);
}

/* Whether @name is exactly ".<base> restoring.XXXXXX" as g_mkstemp() makes it, or
 * the -wal, -shm or -journal file SQLite keeps beside such a file. */
static gboolean
is_restore_leftover (const char *name,
                     const char *prefix)
{
  gsize prefix_len = strlen (prefix);
  const char *rest;
  guint i;

  if (strncmp (name, prefix, prefix_len) != 0)
    return FALSE;
  rest = name + prefix_len;
  for (i = 0; i < 6; i++)
    if (!g_ascii_isalnum (rest[i]))
      return FALSE;
  rest += 6;
  return *rest == '\0' || strcmp (rest, "-wal") == 0 || strcmp (rest, "-shm") == 0 ||
         strcmp (rest, "-journal") == 0;
}

guint
rj_backup_remove_leftovers (const char *journal_path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *claim = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *name;
  guint n_removed = 0;

  g_return_val_if_fail (journal_path != NULL, 0);

  dir = g_path_get_dirname (journal_path);
  base = g_path_get_basename (journal_path);
  claim = restore_name_for (journal_path);
  prefix = g_strdup_printf (".%s restoring.", base);

  folder = g_dir_open (dir, 0, NULL);
  if (folder == NULL)
    return 0;

  /* Held while deleting, so that no verify of this process starts in between. */
  G_LOCK (restores_in_flight);
  if (restores_in_flight == NULL || !g_hash_table_contains (restores_in_flight, claim))
    {
      while ((name = g_dir_read_name (folder)) != NULL)
        {
          g_autofree char *path = NULL;

          if (!is_restore_leftover (name, prefix))
            continue;
          path = g_build_filename (dir, name, NULL);
          if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
            continue;
          if (g_unlink (path) == 0)
            n_removed++;
          else
            g_debug ("A restore left over could not be removed: %s", g_strerror (errno));
        }
    }
  G_UNLOCK (restores_in_flight);
  return n_removed;
}

RjBackup *
rj_backup_open (const char *path,
                GError **error)
{
  g_autoptr(RjBackup) self = NULL;
  g_autoptr(GBytes) contents = NULL;
  gsize len = 0;
  const guint8 *data;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rj_crypto_init ())
    g_error ("libsodium could not be initialised");

  contents = read_backup_file (path, RJ_BACKUP_MAX_HEADER_BYTES, FALSE, error);
  if (contents == NULL)
    return NULL;
  data = g_bytes_get_data (contents, &len);

  self = g_new0 (RjBackup, 1);
  self->path = g_strdup (path);
  if (!rj_backup_header_parse (data, len, &self->header, error))
    return NULL;
  self->header_bytes = g_bytes_new (data, self->header.header_len);
  return g_steal_pointer (&self);
}

void
rj_backup_free (RjBackup *self)
{
  if (self == NULL)
    return;
  if (self->verified_path != NULL)
    {
      g_autofree char *wal = g_strconcat (self->verified_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (self->verified_path, "-shm", NULL);

      /* A checked copy that was never installed is not left lying around. */
      g_unlink (self->verified_path);
      g_unlink (wal);
      g_unlink (shm);
    }
  rj_backup_header_clear (&self->header);
  g_clear_pointer (&self->header_bytes, g_bytes_unref);
  g_clear_pointer (&self->stream_key, rj_key_free);
  g_clear_pointer (&self->master, rj_key_free);
  rj_backup_info_clear (&self->info);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_free (self->journal_path);
  g_free (self->verified_path);
  restore_release (self);
  g_free (self->path);
  g_free (self);
}

const char *
rj_backup_get_path (RjBackup *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

/* Reads the file again, all of it or only the header and the description, and checks
 * that its header is still the one opened. */
static GBytes *
reread (RjBackup *self,
        gboolean whole,
        GError **error)
{
  g_autoptr(GBytes) contents = NULL;
  gsize len = 0;
  const guint8 *data;

  contents = read_backup_file (self->path,
                               whole ? RJ_BACKUP_MAX_FILE_BYTES
                                     : self->header.header_len + 4 + self->header.chunk_size +
                                       MESSAGE_ABYTES,
                               whole, error);
  if (contents == NULL)
    return NULL;
  data = g_bytes_get_data (contents, &len);
  if (len < self->header.header_len ||
      memcmp (data, g_bytes_get_data (self->header_bytes, NULL), self->header.header_len) != 0)
    {
      set_damaged (error, "changed since it was opened");
      return NULL;
    }
  return g_steal_pointer (&contents);
}

gboolean
rj_backup_unlock (RjBackup *self,
                  const char *secret,
                  gboolean is_recovery_code,
                  GError **error)
{
  g_autoptr(RjKey) wrapping_key = NULL;
  g_autoptr(RjKey) master = NULL;
  g_autoptr(RjKey) stream_key = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GBytes) nothing = NULL;
  RjBackupInfo info = { 0 };
  const RjKeyslot *slot;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (secret != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  slot = is_recovery_code ? &self->header.recovery_slot : &self->header.passphrase_slot;
  if (is_recovery_code)
    {
      guint8 code[RJ_RECOVERY_CODE_BYTES];

      if (!rj_recovery_code_parse (secret, code))
        {
          sodium_memzero (code, sizeof code);
          g_set_error_literal (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_WRONG_RECOVERY_CODE,
                               _("That doesn't look like a whole recovery code. It has 32 "
                                 "letters and digits, in 8 groups of 4."));
          return FALSE;
        }
      wrapping_key = rj_kdf_derive_recovery_key (code, slot->salt);
      sodium_memzero (code, sizeof code);
    }
  else
    {
      wrapping_key = rj_kdf_derive_passphrase_key (secret, strlen (secret), slot->salt,
                                                   &slot->kdf, error);
      if (wrapping_key == NULL)
        return FALSE;
    }

  master = rj_keyslot_open (slot, wrapping_key);
  if (master == NULL)
    {
      if (is_recovery_code)
        g_set_error_literal (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_WRONG_RECOVERY_CODE,
                             _("That recovery code didn't open the backup. It opens with the "
                               "recovery code the journal had when the backup was made."));
      else
        g_set_error_literal (error, RJ_BACKUP_ERROR, RJ_BACKUP_ERROR_WRONG_PASSPHRASE,
                             _("That passphrase didn't open the backup. It opens with the "
                               "passphrase the journal had when the backup was made. Check "
                               "Caps Lock and try again."));
      return FALSE;
    }
  stream_key = rj_key_derive_subkey (master, RJ_BACKUP_SUBKEY_ID, RJ_BACKUP_SUBKEY_CONTEXT);

  /* Read the description now, so that the client sees what the backup holds. */
  contents = reread (self, FALSE, error);
  if (contents == NULL)
    return FALSE;
  nothing = rj_backup_decrypt_buffer (g_bytes_get_data (contents, NULL),
                                      g_bytes_get_size (contents),
                                      rj_key_get_bytes (stream_key), TRUE, &info, error);
  if (nothing == NULL)
    return FALSE;

  rj_backup_info_clear (&self->info);
  self->info = info;
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = g_date_time_new_from_unix_utc (self->info.created);
  g_clear_pointer (&self->master, rj_key_free);
  g_clear_pointer (&self->stream_key, rj_key_free);
  self->master = g_steal_pointer (&master);
  self->stream_key = g_steal_pointer (&stream_key);
  return TRUE;
}

typedef struct {
  char *secret;
  gboolean is_recovery_code;
  char *journal_path;
} BackupTaskData;

static void
backup_task_data_free (BackupTaskData *data)
{
  if (data->secret != NULL)
    rj_wipe_string (data->secret);
  g_free (data->journal_path);
  g_free (data);
}

/* Runs @thread_func in a thread with @data (taken) as the task data and @self beside
 * it; the caller keeps @self alive until the callback. */
static void
backup_task_run (RjBackup *self,
                 BackupTaskData *data,
                 gpointer source_tag,
                 GTaskThreadFunc thread_func,
                 GCancellable *cancellable,
                 GAsyncReadyCallback callback,
                 gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) backup_task_data_free);
  g_object_set_data (G_OBJECT (task), "rj-backup", self);
  g_task_run_in_thread (task, thread_func);
}

static gboolean
backup_task_finish (GAsyncResult *result,
                    gpointer source_tag,
                    GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
unlock_thread (GTask *task,
               gpointer source_object,
               gpointer task_data,
               GCancellable *cancellable)
{
  BackupTaskData *data = task_data;
  GError *error = NULL;

  if (rj_backup_unlock (g_object_get_data (G_OBJECT (task), "rj-backup"), data->secret,
                        data->is_recovery_code, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rj_backup_unlock_async (RjBackup *self,
                        const char *secret,
                        gboolean is_recovery_code,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  BackupTaskData *data;

  g_return_if_fail (self != NULL);
  g_return_if_fail (secret != NULL);

  data = g_new0 (BackupTaskData, 1);
  data->secret = g_strdup (secret);
  data->is_recovery_code = is_recovery_code;
  backup_task_run (self, data, rj_backup_unlock_async, unlock_thread,
                   cancellable, callback, user_data);
}

gboolean
rj_backup_unlock_finish (RjBackup *self,
                         GAsyncResult *result,
                         GError **error)
{
  return backup_task_finish (result, rj_backup_unlock_async, error);
}

gboolean
rj_backup_is_unlocked (RjBackup *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->stream_key != NULL;
}

/* Verifying. */

static gboolean
db_check_blob (sqlite3 *db,
               int kind,
               GBytes *expected)
{
  sqlite3_stmt *stmt = NULL;
  gboolean same = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT data FROM keyslots WHERE kind = ?", -1, &stmt, NULL) ==
      SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, kind);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        same = g_bytes_get_size (expected) == (gsize) sqlite3_column_bytes (stmt, 0) &&
               memcmp (g_bytes_get_data (expected, NULL), sqlite3_column_blob (stmt, 0),
                       g_bytes_get_size (expected)) == 0;
    }
  sqlite3_finalize (stmt);
  return same;
}

static gboolean
db_int (sqlite3 *db,
        const char *sql,
        gint64 *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* SQLite's own checks of the restored file, and that it is the journal whose key
 * slots the header holds. */
static gboolean
check_database (RjBackup *self,
                const char *path,
                GError **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0, version = 0;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 &&
         sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);

  if (!ok)
    set_damaged (error, "integrity_check");
  else if (!db_int (db, "PRAGMA application_id", &app_id) ||
           !db_int (db, "PRAGMA user_version", &version) || app_id != RJ_APPLICATION_ID)
    {
      set_damaged (error, "not a journal inside");
      ok = FALSE;
    }
  else if (version > RJ_SCHEMA_VERSION)
    {
      set_newer_format (error);
      ok = FALSE;
    }
  else if (!db_check_blob (db, RJ_KEYSLOT_PASSPHRASE, self->header.passphrase_slot_bytes) ||
           !db_check_blob (db, RJ_KEYSLOT_RECOVERY, self->header.recovery_slot_bytes))
    {
      set_damaged (error, "key slots differ from the header's");
      ok = FALSE;
    }
  sqlite3_close_v2 (db);
  return ok;
}

/* Opens the restored file as the app will: the schema migrates, every record must
 * open under the master key, and the entries must be the ones the backup describes. */
static gboolean
check_journal (RjBackup *self,
               const char *path,
               GError **error)
{
  g_autoptr(RjStore) store = rj_store_new (path);
  g_autoptr(GError) local = NULL;
  guint n_damaged, n_entries;

  if (!rj_store_unlock_with_master_key (store, self->master, &local))
    {
      if (g_error_matches (local, RJ_STORE_ERROR, RJ_STORE_ERROR_NEWER_FORMAT))
        set_newer_format (error);
      else if (g_error_matches (local, RJ_STORE_ERROR, RJ_STORE_ERROR_NO_MEMORY) ||
               g_error_matches (local, RJ_STORE_ERROR, RJ_STORE_ERROR_DISK_FULL) ||
               g_error_matches (local, RJ_STORE_ERROR, RJ_STORE_ERROR_IO))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        set_damaged (error, local->message);
      return FALSE;
    }
  n_damaged = rj_store_get_n_damaged (store);
  n_entries = rj_store_get_n_entries (store);
  rj_store_lock (store, NULL);

  if (n_damaged != 0)
    {
      set_damaged (error, "records that do not open");
      return FALSE;
    }
  if (n_entries != self->info.n_entries)
    {
      set_damaged (error, "not the number of entries described");
      return FALSE;
    }
  return TRUE;
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

gboolean
rj_backup_verify (RjBackup *self,
                  const char *journal_path,
                  GError **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *restore_name = NULL;
  g_autofree char *restore_path = NULL;
  g_autofree char *tmp_path = NULL;
  GError *local = NULL;
  RjBackupInfo info = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (journal_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->stream_key == NULL)
    {
      g_set_error_literal (error, RJ_STORE_ERROR, RJ_STORE_ERROR_LOCKED,
                           _("Enter the backup's passphrase or recovery code first."));
      return FALSE;
    }

  /* A second verify starts again from scratch. */
  if (self->verified_path != NULL)
    remove_database (self->verified_path);
  g_clear_pointer (&self->verified_path, g_free);
  g_clear_pointer (&self->journal_path, g_free);
  self->verified = FALSE;
  restore_release (self);

  /* What an earlier verify that never finished left behind goes first. */
  rj_backup_remove_leftovers (journal_path);

  contents = reread (self, TRUE, error);
  if (contents == NULL)
    return FALSE;
  image = rj_backup_decrypt_buffer (g_bytes_get_data (contents, NULL),
                                    g_bytes_get_size (contents),
                                    rj_key_get_bytes (self->stream_key), FALSE, &info, error);
  g_clear_pointer (&contents, g_bytes_unref);
  if (image == NULL)
    return FALSE;
  rj_backup_info_clear (&self->info);
  self->info = info;

  dir = g_path_get_dirname (journal_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder for the journal could not be made: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }
  /* rj_file_write_beside() names the file after this one; it is never created. */
  restore_name = g_path_get_basename (journal_path);
  restore_path = g_strdup_printf ("%s%s%s restoring", dir, G_DIR_SEPARATOR_S, restore_name);
  /* Held until the copy is installed or removed, so that no one removes it in use. */
  restore_claim (self, journal_path);
  tmp_path = rj_file_write_beside (restore_path, g_bytes_get_data (image, NULL),
                                   g_bytes_get_size (image), &local);
  if (tmp_path == NULL)
    {
      restore_release (self);
      propagate_write_error (error, local);
      return FALSE;
    }

  if (!check_database (self, tmp_path, error) || !check_journal (self, tmp_path, error))
    {
      remove_database (tmp_path);
      restore_release (self);
      return FALSE;
    }

  self->verified_path = g_steal_pointer (&tmp_path);
  self->journal_path = g_strdup (journal_path);
  self->verified = TRUE;
  return TRUE;
}

static void
verify_thread (GTask *task,
               gpointer source_object,
               gpointer task_data,
               GCancellable *cancellable)
{
  BackupTaskData *data = task_data;
  GError *error = NULL;

  if (rj_backup_verify (g_object_get_data (G_OBJECT (task), "rj-backup"), data->journal_path,
                        &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rj_backup_verify_async (RjBackup *self,
                        const char *journal_path,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  BackupTaskData *data;

  g_return_if_fail (self != NULL);
  g_return_if_fail (journal_path != NULL);

  data = g_new0 (BackupTaskData, 1);
  data->journal_path = g_strdup (journal_path);
  backup_task_run (self, data, rj_backup_verify_async, verify_thread,
                   cancellable, callback, user_data);
}

gboolean
rj_backup_verify_finish (RjBackup *self,
                         GAsyncResult *result,
                         GError **error)
{
  return backup_task_finish (result, rj_backup_verify_async, error);
}

gboolean
rj_backup_is_verified (RjBackup *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->verified;
}

GDateTime *
rj_backup_get_created (RjBackup *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->created;
}

guint
rj_backup_get_n_entries (RjBackup *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->info.n_entries;
}

const char *
rj_backup_get_app_version (RjBackup *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->info.app_version;
}

/* Installing. */

/* Fails when a connection has the journal open: in WAL mode every open connection
 * holds a shared lock, so an exclusive one cannot be had. Otherwise folds the WAL
 * into the file, so the copy is whole on its own. A file that SQLite cannot read is
 * kept as it is. */
static gboolean
check_not_in_use (const char *path,
                  GError **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;",
                       NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close_v2 (db);

  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    {
      g_set_error_literal (error, RJ_STORE_ERROR, RJ_STORE_ERROR_BUSY,
                           _("The journal is still open. Lock it, then restore the backup."));
      return FALSE;
    }
  return TRUE;
}

static char *
previous_copy_path (const char *journal_path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H%M%S");
  g_autofree char *dir = g_path_get_dirname (journal_path);
  g_autofree char *base = g_path_get_basename (journal_path);
  const char *dot = strrchr (base, '.');
  g_autofree char *stem = dot != NULL && dot != base ? g_strndup (base, dot - base)
                                                     : g_strdup (base);
  const char *ext = dot != NULL && dot != base ? dot : "";
  char *path = NULL;

  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = NULL;

      g_free (path);
      /* TRANSLATORS: the name of the copy kept of a journal that a backup replaces:
       * "journal before restore 2026-11-23 214400.db". */
      name = n == 1 ? g_strdup_printf (_("%s before restore %s%s"), stem, stamp, ext)
                    : g_strdup_printf (_("%s before restore %s (%u)%s"), stem, stamp, n, ext);
      path = g_build_filename (dir, name, NULL);
    }
  return path;
}

gboolean
rj_backup_install (RjBackup *self,
                   const char *journal_path,
                   char **previous_copy_out,
                   GError **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) local = NULL;
  int saved_errno;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (journal_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->verified || self->verified_path == NULL ||
      g_strcmp0 (self->journal_path, journal_path) != 0)
    {
      g_set_error_literal (error, RJ_STORE_ERROR, RJ_STORE_ERROR_INVALID,
                           _("The backup has to be checked before it is restored."));
      return FALSE;
    }

  if (g_file_test (journal_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *wal = g_strconcat (journal_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (journal_path, "-shm", NULL);

      if (!check_not_in_use (journal_path, error))
        return FALSE;
      copy = previous_copy_path (journal_path);
      if (g_rename (journal_path, copy) != 0)
        {
          saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("The current journal could not be set aside, so nothing was "
                         "restored: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      /* A WAL that survived the checkpoint belongs with the copy; the -shm is only an
       * index that SQLite rebuilds. */
      if (g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_autofree char *copy_wal = g_strconcat (copy, "-wal", NULL);

          g_rename (wal, copy_wal);
        }
      g_unlink (shm);
    }

  if (g_rename (self->verified_path, journal_path) != 0)
    {
      saved_errno = errno;
      /* Put the current journal back where it was. */
      if (copy != NULL)
        g_rename (copy, journal_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The backup could not be put in place, so nothing was restored: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }
  g_clear_pointer (&self->verified_path, g_free);
  self->verified = FALSE;
  restore_release (self);

  /* The journal is in place; a folder that does not sync changes nothing of that. */
  dir = g_path_get_dirname (journal_path);
  if (!rj_file_sync_folder (dir, &local))
    g_debug ("%s", local->message);
  if (previous_copy_out != NULL)
    *previous_copy_out = g_steal_pointer (&copy);
  return TRUE;
}
