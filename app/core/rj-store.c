/* rj-store.c: the encrypted journal file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SQLite file holds two tables. `keyslots` keeps the random master key wrapped
 * twice: under a key derived from the passphrase (Argon2id) and under one derived
 * from the recovery code. `records` keeps every piece of the client's content as
 * XChaCha20-Poly1305 ciphertext under a subkey of the master key. A record is found
 * by its tag, a keyed BLAKE2b hash of its name ("entry:2026-11-23", "profile"), so no
 * date is ever written in the clear. The row's id, kind and tag and the format
 * version are the associated data of its encryption: a row that is moved, swapped or
 * changed no longer opens, and is reported as damaged on its own.
 *
 * On unlock the whole journal is decrypted into memory (ten years are a few MB);
 * reads never touch the file. Writes go through one writer thread, in order.
 */

#define G_LOG_DOMAIN "rj-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rj-backup.h"
#include "rj-codec.h"
#include "rj-keyslot.h"
#include "rj-store.h"
#include "rj-store-private.h"

#define RJ_APPLICATION_ID 0x524a4e4c  /* "RJNL" */
#define RECORD_AD_BYTES (2 + 2 + 1 + 8 + RJ_TAG_BYTES)
#define PROFILE_TAG_NAME "profile"
#define CALIBRATION_SECONDS 1.0

typedef struct {
  gint64 row_id;
  RjEntry *entry;
} StoredEntry;

/* Everything that unlocking produces, built off the main thread and then moved into
 * the store in one step. */
typedef struct {
  sqlite3 *db;
  RjKey *master;
  RjKey *record_key;
  RjKey *tag_key;
  RjKdfParams kdf;
  GTree *entries;           /* julian day → StoredEntry* */
  RjProfile *profile;
  gint64 profile_row;
  GPtrArray *damaged;       /* of GBytes: tags of rows that did not open */
  GPtrArray *undeleted;     /* of GBytes: tags of days cleared in memory whose row a
                             * failed write left in the file */
  guint n_damaged_untagged; /* damaged rows whose tag is itself unusable */
} Session;

typedef struct {
  RjRecordKind kind;
  gint64 row_id;
  guint8 tag[RJ_TAG_BYTES];
  GBytes *plain;            /* NULL: delete the row that holds the tag */
  gboolean noop;            /* nothing to write: deleting a day that has no row */
  GTask *task;
} WriteJob;

struct _RjStore
{
  GObject parent_instance;

  char *path;

  /* Guards everything below: the session is used by the writer thread too. */
  GMutex mutex;
  GCond idle;
  Session *session;
  guint pending_writes;
  GThreadPool *writer;
};

G_DEFINE_FINAL_TYPE (RjStore, rj_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_UNLOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ENTRY_CHANGED,
  PROFILE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (rj-store-error-quark, rj_store_error)

/* The database, one function a step. */

static gboolean
sqlite_error (sqlite3 *db,
              int rc,
              const char *what,
              GError **error)
{
  int code = rc & 0xff;

  g_debug ("SQLite error while %s: %s (%d)", what, db ? sqlite3_errmsg (db) : "", rc);
  switch (code)
    {
    case SQLITE_FULL:
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DISK_FULL,
                   _("The disk is full, so the journal could not be saved. Free some space "
                     "on the disk."));
      break;
    case SQLITE_NOTADB:
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NOT_A_JOURNAL,
                   _("This file is not a Recovery Journal, or its beginning is damaged. If "
                     "you have a backup, you can restore it."));
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DAMAGED,
                   _("The journal file is damaged. If you have a backup, you can restore it."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_BUSY,
                   _("The journal is in use by another program. Close it there and try again."));
      break;
    case SQLITE_NOMEM:
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NO_MEMORY,
                   _("The computer ran out of memory. Close some other programs and try again."));
      break;
    default:
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_IO,
                   _("The journal file could not be read or written (%s). Check that the disk "
                     "is connected and that you may write to the folder."),
                   sqlite3_errstr (rc));
      break;
    }
  return FALSE;
}

static gboolean
db_exec (sqlite3 *db,
         const char *sql,
         GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return sqlite_error (db, rc, sql, error);
  return TRUE;
}

static gboolean
db_get_int (sqlite3 *db,
            const char *sql,
            gint64 *value,
            GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }
  sqlite3_finalize (stmt);
  return sqlite_error (db, rc, sql, error);
}

/* Schema migrations, one a version. Index 0 takes an empty file to version 1. */
static const char *const migrations[] = {
  "CREATE TABLE keyslots ("
  "  kind INTEGER PRIMARY KEY,"
  "  data BLOB NOT NULL);"
  "CREATE TABLE records ("
  "  id INTEGER PRIMARY KEY,"
  "  kind INTEGER NOT NULL,"
  "  tag BLOB NOT NULL UNIQUE,"
  "  nonce BLOB NOT NULL,"
  "  data BLOB NOT NULL);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RJ_SCHEMA_VERSION);

static gboolean
db_migrate (sqlite3 *db,
            gint64 from_version,
            GError **error)
{
  for (gint64 version = from_version; version < RJ_SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT,
                                               version + 1);

      if (!db_exec (db, migrations[version], error) || !db_exec (db, bump, error))
        return FALSE;
    }
  return TRUE;
}

static void
db_close (sqlite3 *db)
{
  if (db == NULL)
    return;
  /* Fold the WAL back into the file and empty it, so that no old page lingers there. */
  sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
}

static gboolean
ensure_private_file (const char *path,
                     GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_name = g_path_get_basename (dir);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_IO,
                   _("The folder for the journal could not be made: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  /* The app's own folder is private whoever made it; a folder the client chose for
   * the journal keeps the mode they gave it. */
  if (g_str_equal (dir_name, APP_ID))
    g_chmod (dir, 0700);

  /* SQLite gives its -wal and -shm files the mode of the main file: make it 0600
   * before SQLite first opens it. */
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_IO,
                   _("The journal file could not be made: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

/* Opens the file and checks it is a journal this version understands. With @create,
 * a missing or blank file is made into an empty journal of the current schema.
 * *@blank tells whether the file held no journal yet. */
static sqlite3 *
db_open (const char *path,
         gboolean create,
         gboolean *blank,
         GError **error)
{
  sqlite3 *db = NULL;
  gint64 app_id = 0, version = 0, n_tables = 0;
  int rc;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NOT_A_JOURNAL,
                   _("“%s” is a folder, not a Recovery Journal. Choose the journal file "
                     "itself."), path);
      return NULL;
    }
  if (create && !ensure_private_file (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
        g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NOT_FOUND,
                     _("There is no journal at “%s”."), path);
      else
        sqlite_error (db, rc, "opening", error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, 5000);

  if (!db_get_int (db, "PRAGMA application_id", &app_id, error) ||
      !db_get_int (db, "PRAGMA user_version", &version, error) ||
      !db_get_int (db, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    goto fail;

  *blank = (app_id == 0 && version == 0 && n_tables == 0);
  if (!*blank && app_id != RJ_APPLICATION_ID)
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NOT_A_JOURNAL,
                   _("This file is not a Recovery Journal."));
      goto fail;
    }
  /* A file that holds no journal is only looked at, never written, unless it is to
   * become one. */
  if (*blank && !create)
    return db;
  if (version > RJ_SCHEMA_VERSION)
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NEWER_FORMAT,
                   _("This journal was written by a newer version of Recovery Journal. "
                     "Update the app to open it; nothing in it has been changed."));
      goto fail;
    }

  /* secure_delete overwrites deleted content; WAL with synchronous=FULL makes every
   * commit durable before it returns, and a crash can only lose an uncommitted one. */
  if (!db_exec (db,
                "PRAGMA journal_mode = WAL;"
                "PRAGMA synchronous = FULL;"
                "PRAGMA secure_delete = ON;"
                "PRAGMA temp_store = MEMORY;"
                "PRAGMA cell_size_check = ON;",
                error))
    goto fail;

  if (!*blank && version < RJ_SCHEMA_VERSION)
    {
      if (!db_exec (db, "BEGIN IMMEDIATE", error))
        goto fail;
      if (!db_migrate (db, version, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          goto fail;
        }
      if (!db_exec (db, "COMMIT", error))
        goto fail;
    }
  return db;

fail:
  sqlite3_close_v2 (db);
  return NULL;
}

static gboolean
db_put_keyslot (sqlite3 *db,
                const RjKeyslot *slot,
                GError **error)
{
  g_autoptr(GBytes) data = rj_keyslot_serialize (slot);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO keyslots (kind, data) VALUES (?, ?)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, slot->kind);
      sqlite3_bind_blob (stmt, 2, g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                         SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_error (db, rc, "writing a key slot", error);
  return TRUE;
}

static gboolean
db_get_keyslot (sqlite3 *db,
                RjKeyslotKind kind,
                RjKeyslot *slot,
                GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean parsed = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT data FROM keyslots WHERE kind = ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, kind);
      rc = sqlite3_step (stmt);
    }
  /* A slot of the other kind copied into this row is as good as damaged. */
  if (rc == SQLITE_ROW)
    parsed = rj_keyslot_parse (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0),
                               slot) && slot->kind == kind;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sqlite_error (db, rc, "reading a key slot", error);
  if (!parsed)
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DAMAGED,
                   kind == RJ_KEYSLOT_PASSPHRASE
                   ? _("The part of the journal that holds its key is damaged. Your recovery "
                       "code may still open it.")
                   : _("The part of the journal that the recovery code opens is damaged. Your "
                       "passphrase may still open it."));
      return FALSE;
    }
  return TRUE;
}

/* Records. */

/* Lists of tags (GBytes), kept short: damaged rows, rows a failed deletion left. */
static gboolean
tag_list_contains (GPtrArray *tags,
                   const guint8 tag[RJ_TAG_BYTES])
{
  for (guint i = 0; i < tags->len; i++)
    if (memcmp (g_bytes_get_data (g_ptr_array_index (tags, i), NULL), tag, RJ_TAG_BYTES) == 0)
      return TRUE;
  return FALSE;
}

static void
tag_list_remove (GPtrArray *tags,
                 const guint8 tag[RJ_TAG_BYTES])
{
  for (guint i = 0; i < tags->len; i++)
    if (memcmp (g_bytes_get_data (g_ptr_array_index (tags, i), NULL), tag, RJ_TAG_BYTES) == 0)
      {
        g_ptr_array_remove_index_fast (tags, i);
        return;
      }
}

static void
record_ad (guint8 ad[RECORD_AD_BYTES],
           RjRecordKind kind,
           gint64 row_id,
           const guint8 tag[RJ_TAG_BYTES])
{
  guint16 format = GUINT16_TO_LE (RJ_FORMAT_VERSION);
  gint64 id = GINT64_TO_LE (row_id);

  ad[0] = 'R';
  ad[1] = 'J';
  memcpy (ad + 2, &format, 2);
  ad[4] = (guint8) kind;
  memcpy (ad + 5, &id, 8);
  memcpy (ad + 13, tag, RJ_TAG_BYTES);
}

static void
entry_tag (const RjKey *tag_key,
           const GDate *date,
           guint8 tag[RJ_TAG_BYTES])
{
  char name[32];

  g_snprintf (name, sizeof name, "entry:%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  rj_crypto_tag (tag_key, name, tag);
}

static gint64
new_row_id (void)
{
  gint64 id = 0;

  /* Random ids say nothing about the order in which days were written. */
  while (id <= 0)
    {
      randombytes_buf (&id, sizeof id);
      id &= G_MAXINT64;
    }
  return id;
}

/* Serialises @variant into wiping memory. */
static GBytes *
secure_bytes_from_variant (GVariant *variant)
{
  gsize size = g_variant_get_size (variant);
  /* sodium_malloc() puts the block at the end of its page: a size rounded up to 16
   * gives the alignment that GVariant asks of its buffer. */
  guint8 *data = sodium_malloc (MAX ((size + 15) & ~(gsize) 15, 16));

  g_assert (data != NULL);
  g_variant_store (variant, data);
  return g_bytes_new_with_free_func (data, size, rj_secure_free, data);
}

static gboolean
db_write_record (Session *session,
                 const WriteJob *job,
                 GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (job->plain == NULL)
    {
      /* By tag, so that a damaged row of the same day goes too. */
      rc = sqlite3_prepare_v2 (session->db, "DELETE FROM records WHERE tag = ?", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_blob (stmt, 1, job->tag, RJ_TAG_BYTES, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
        }
    }
  else
    {
      guint8 ad[RECORD_AD_BYTES];
      guint8 nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
      g_autoptr(GBytes) cipher = NULL;
      gsize plain_len;
      const guint8 *plain = g_bytes_get_data (job->plain, &plain_len);

      record_ad (ad, job->kind, job->row_id, job->tag);
      cipher = rj_seal (session->record_key, plain, plain_len, ad, sizeof ad, nonce);

      /* REPLACE also drops a damaged row that holds the same tag. */
      rc = sqlite3_prepare_v2 (session->db,
                               "INSERT OR REPLACE INTO records (id, kind, tag, nonce, data) "
                               "VALUES (?, ?, ?, ?, ?)", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_int64 (stmt, 1, job->row_id);
          sqlite3_bind_int (stmt, 2, job->kind);
          sqlite3_bind_blob (stmt, 3, job->tag, RJ_TAG_BYTES, SQLITE_STATIC);
          sqlite3_bind_blob (stmt, 4, nonce, sizeof nonce, SQLITE_STATIC);
          sqlite3_bind_blob (stmt, 5, g_bytes_get_data (cipher, NULL), g_bytes_get_size (cipher),
                             SQLITE_STATIC);
          rc = sqlite3_step (stmt);
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_error (session->db, rc, "writing a record", error);

  /* Both statements remove a damaged row that held this tag, and a row that an
   * earlier, failed deletion left behind. */
  tag_list_remove (session->damaged, job->tag);
  tag_list_remove (session->undeleted, job->tag);
  return TRUE;
}

/* Sessions. */

static void
stored_entry_free (gpointer data)
{
  StoredEntry *stored = data;

  g_clear_pointer (&stored->entry, rj_entry_unref);
  g_free (stored);
}

static gint
compare_julian (gconstpointer a,
                gconstpointer b,
                gpointer user_data)
{
  guint ja = GPOINTER_TO_UINT (a), jb = GPOINTER_TO_UINT (b);

  return ja < jb ? -1 : ja > jb;
}

static Session *
session_new (void)
{
  Session *session = g_new0 (Session, 1);

  session->entries = g_tree_new_full (compare_julian, NULL, NULL, stored_entry_free);
  session->damaged = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  session->undeleted = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  return session;
}

static void
session_free (Session *session)
{
  if (session == NULL)
    return;
  db_close (session->db);
  rj_key_free (session->master);
  rj_key_free (session->record_key);
  rj_key_free (session->tag_key);
  /* Entries wipe their text as they are freed. */
  g_tree_destroy (session->entries);
  g_clear_pointer (&session->profile, rj_profile_unref);
  g_ptr_array_unref (session->damaged);
  g_ptr_array_unref (session->undeleted);
  g_free (session);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Session, session_free)

static void
session_set_master (Session *session,
                    RjKey *master)
{
  session->master = master;
  session->record_key = rj_key_derive_subkey (master, 1, "RJrecord");
  session->tag_key = rj_key_derive_subkey (master, 2, "RJdaytag");
}

/* A row as read from the file, and what decrypting it gave. */
typedef struct {
  gint64 row_id;
  gint64 kind;
  guint8 tag[RJ_TAG_BYTES];
  gboolean has_tag;
  guint8 nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
  gboolean has_nonce;
  guint8 *cipher;
  gsize cipher_len;
  RjEntry *entry;
  RjProfile *profile;
} LoadRow;

static void
load_row_clear (gpointer data)
{
  LoadRow *row = data;

  g_free (row->cipher);
  g_clear_pointer (&row->entry, rj_entry_unref);
  g_clear_pointer (&row->profile, rj_profile_unref);
}

/* Decrypts and checks one row. Reads the session's keys only, so that rows can be
 * decoded on several threads at once. @buffer holds at least the ciphertext's size. */
static gboolean
load_row_decode (const Session *session,
                 LoadRow *row,
                 guint8 *buffer)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) variant = NULL;
  guint8 ad[RECORD_AD_BYTES];
  guint8 expected_tag[RJ_TAG_BYTES];
  gsize plain_len = 0;
  gboolean ok = FALSE;

  if (!row->has_tag || !row->has_nonce ||
      (row->kind != RJ_RECORD_ENTRY && row->kind != RJ_RECORD_PROFILE))
    return FALSE;

  record_ad (ad, row->kind, row->row_id, row->tag);
  if (!rj_open (session->record_key, row->cipher, row->cipher_len, ad, sizeof ad,
                row->nonce, buffer, &plain_len))
    return FALSE;

  /* The buffer is wiped below; the variant never outlives it. */
  bytes = g_bytes_new_static (buffer, plain_len);
  variant = rj_variant_from_untrusted (bytes, NULL);
  if (variant != NULL && row->kind == RJ_RECORD_PROFILE)
    {
      rj_crypto_tag (session->tag_key, PROFILE_TAG_NAME, expected_tag);
      if (sodium_memcmp (expected_tag, row->tag, RJ_TAG_BYTES) == 0)
        row->profile = rj_profile_from_variant (variant, NULL);
      ok = row->profile != NULL;
    }
  else if (variant != NULL)
    {
      row->entry = rj_entry_from_variant (variant, NULL);
      if (row->entry != NULL)
        {
          /* The day inside must be the day the tag names. */
          entry_tag (session->tag_key, &row->entry->date, expected_tag);
          ok = sodium_memcmp (expected_tag, row->tag, RJ_TAG_BYTES) == 0;
        }
    }
  g_clear_pointer (&variant, g_variant_unref);
  g_clear_pointer (&bytes, g_bytes_unref);
  sodium_memzero (buffer, row->cipher_len);
  return ok;
}

/* Decodes every row. Decoding on several threads was tried and was slower: GVariant
 * takes a global lock for every boxed value it unpacks. */
static void
load_rows_decode (const Session *session,
                  GArray *rows)
{
  gsize buffer_size = 0;
  guint8 *buffer = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      LoadRow *row = &g_array_index (rows, LoadRow, i);

      /* One wiping buffer for all rows; a size that is a multiple of 16 keeps the start
       * aligned as GVariant wants it (sodium_malloc ends the block at its page). */
      if (buffer == NULL || row->cipher_len > buffer_size)
        {
          rj_secure_free (buffer);
          buffer_size = MAX ((row->cipher_len + 4095) & ~(gsize) 4095, 4096);
          buffer = sodium_malloc (buffer_size);
          g_assert (buffer != NULL);
        }
      if (!load_row_decode (session, row, buffer))
        {
          g_clear_pointer (&row->entry, rj_entry_unref);
          g_clear_pointer (&row->profile, rj_profile_unref);
        }
    }
  rj_secure_free (buffer);
}

static void
session_add_damaged (Session *session,
                     const LoadRow *row)
{
  g_debug ("Record %" G_GINT64_FORMAT " is damaged", row->row_id);
  if (row->has_tag)
    g_ptr_array_add (session->damaged, g_bytes_new (row->tag, RJ_TAG_BYTES));
  else
    session->n_damaged_untagged++;
}

/* Copies the row that @stmt (SELECT id, kind, tag, nonce, data) stands on. */
static void
load_row_read (sqlite3_stmt *stmt,
               LoadRow *row)
{
  row->row_id = sqlite3_column_int64 (stmt, 0);
  row->kind = sqlite3_column_int64 (stmt, 1);
  row->has_tag = sqlite3_column_bytes (stmt, 2) == RJ_TAG_BYTES;
  if (row->has_tag)
    memcpy (row->tag, sqlite3_column_blob (stmt, 2), RJ_TAG_BYTES);
  row->has_nonce = sqlite3_column_bytes (stmt, 3) == sizeof row->nonce;
  if (row->has_nonce)
    memcpy (row->nonce, sqlite3_column_blob (stmt, 3), sizeof row->nonce);
  row->cipher_len = sqlite3_column_bytes (stmt, 4);
  row->cipher = g_memdup2 (sqlite3_column_blob (stmt, 4), row->cipher_len);
}

/* Reads every row in one scan of the table. Returns a SQLite result code. */
static int
load_rows_scan (sqlite3 *db,
                GArray *rows)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT id, kind, tag, nonce, data FROM records", -1, &stmt,
                           NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LoadRow row = { 0 };

      load_row_read (stmt, &row);
      g_array_append_val (rows, row);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* When a damaged page stops the scan, the rows are found again through the index of
 * their tags (a separate part of the file) and read one by one: a row on the damaged
 * page is reported damaged on its own, with its day's tag, and every other opens.
 * Returns a SQLite result code. */
static int
load_rows_by_tag (sqlite3 *db,
                  GArray *rows)
{
  sqlite3_stmt *list = NULL;
  sqlite3_stmt *read = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT id, tag FROM records INDEXED BY sqlite_autoindex_records_1 "
                           "ORDER BY tag", -1, &list, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT id, kind, tag, nonce, data FROM records WHERE id = ?",
                             -1, &read, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (list)) == SQLITE_ROW)
    {
      LoadRow row = { 0 };

      sqlite3_bind_int64 (read, 1, sqlite3_column_int64 (list, 0));
      if (sqlite3_step (read) == SQLITE_ROW)
        load_row_read (read, &row);
      else
        {
          /* Unreadable: kept with its tag alone, so that decoding fails. */
          row.row_id = sqlite3_column_int64 (list, 0);
          row.has_tag = sqlite3_column_bytes (list, 1) == RJ_TAG_BYTES;
          if (row.has_tag)
            memcpy (row.tag, sqlite3_column_blob (list, 1), RJ_TAG_BYTES);
        }
      sqlite3_reset (read);
      g_array_append_val (rows, row);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (read);
  sqlite3_finalize (list);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static gboolean
session_load (Session *session,
              GError **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (LoadRow));
  int rc;

  g_array_set_clear_func (rows, load_row_clear);

  rc = load_rows_scan (session->db, rows);
  if ((rc & 0xff) == SQLITE_CORRUPT)
    {
      g_debug ("A page of records is damaged; reading the rows one by one");
      g_array_set_size (rows, 0);
      rc = load_rows_by_tag (session->db, rows);
    }
  if (rc != SQLITE_OK)
    return sqlite_error (session->db, rc, "reading records", error);

  load_rows_decode (session, rows);

  for (guint i = 0; i < rows->len; i++)
    {
      LoadRow *row = &g_array_index (rows, LoadRow, i);

      if (row->profile != NULL && session->profile == NULL)
        {
          session->profile = g_steal_pointer (&row->profile);
          session->profile_row = row->row_id;
        }
      else if (row->entry != NULL &&
               g_tree_lookup (session->entries,
                              GUINT_TO_POINTER (g_date_get_julian (&row->entry->date))) == NULL)
        {
          StoredEntry *stored = g_new0 (StoredEntry, 1);

          stored->row_id = row->row_id;
          stored->entry = g_steal_pointer (&row->entry);
          g_tree_insert (session->entries,
                         GUINT_TO_POINTER (g_date_get_julian (&stored->entry->date)), stored);
        }
      else
        session_add_damaged (session, row);
    }

  if (session->profile == NULL)
    session->profile = rj_profile_new_default ();
  return TRUE;
}

/* Creates the file; slow (key derivation), so it runs off the main thread. */
static Session *
session_create (const char *path,
                const char *passphrase,
                const RjKdfParams *params,
                char **recovery_code_out,
                GError **error)
{
  g_autoptr(Session) session = session_new ();
  g_autoptr(RjKey) passphrase_key = NULL;
  g_autoptr(RjKey) recovery_key = NULL;
  guint8 code[RJ_RECOVERY_CODE_BYTES];
  RjKeyslot passphrase_slot = { .kind = RJ_KEYSLOT_PASSPHRASE };
  RjKeyslot recovery_slot = { .kind = RJ_KEYSLOT_RECOVERY };
  g_autoptr(GVariant) profile = NULL;
  g_autoptr(GBytes) profile_bytes = NULL;
  WriteJob job = { RJ_RECORD_PROFILE };
  gboolean blank = FALSE;

  if (params != NULL)
    session->kdf = *params;
  else if (!rj_kdf_params_calibrate (&session->kdf, CALIBRATION_SECONDS, error))
    return NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      struct stat st;

      /* Only a file that holds no journal yet (an interrupted creation) is reused. */
      if (g_stat (path, &st) == 0 && st.st_size > 0)
        {
          sqlite3 *probe = db_open (path, FALSE, &blank, NULL);

          sqlite3_close_v2 (probe);
          if (probe == NULL || !blank)
            {
              g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_EXISTS,
                           _("There is already a journal at “%s”."), path);
              return NULL;
            }
        }
    }

  session->db = db_open (path, TRUE, &blank, error);
  if (session->db == NULL)
    return NULL;
  if (!blank)
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_EXISTS,
                   _("There is already a journal at “%s”."), path);
      return NULL;
    }

  session_set_master (session, rj_key_new_random ());
  session->profile = rj_profile_new_default ();

  passphrase_slot.kdf = session->kdf;
  randombytes_buf (passphrase_slot.salt, sizeof passphrase_slot.salt);
  passphrase_key = rj_kdf_derive_passphrase_key (passphrase, strlen (passphrase),
                                                 passphrase_slot.salt, &session->kdf, error);
  if (passphrase_key == NULL)
    return NULL;
  rj_keyslot_seal (&passphrase_slot, passphrase_key, session->master);

  rj_recovery_code_generate (code);
  randombytes_buf (recovery_slot.salt, sizeof recovery_slot.salt);
  recovery_key = rj_kdf_derive_recovery_key (code, recovery_slot.salt);
  rj_keyslot_seal (&recovery_slot, recovery_key, session->master);

  profile = rj_profile_to_variant (session->profile);
  profile_bytes = secure_bytes_from_variant (profile);
  session->profile_row = job.row_id = new_row_id ();
  rj_crypto_tag (session->tag_key, PROFILE_TAG_NAME, job.tag);
  job.plain = profile_bytes;

  /* One transaction: a crash leaves either no journal or a whole one. */
  if (!db_exec (session->db, "BEGIN IMMEDIATE", error))
    return NULL;
  if (!db_migrate (session->db, 0, error) ||
      !db_exec (session->db, "PRAGMA application_id = 1380601420", error) ||
      !db_put_keyslot (session->db, &passphrase_slot, error) ||
      !db_put_keyslot (session->db, &recovery_slot, error) ||
      !db_write_record (session, &job, error) ||
      !db_exec (session->db, "COMMIT", error))
    {
      sqlite3_exec (session->db, "ROLLBACK", NULL, NULL, NULL);
      return NULL;
    }

  if (recovery_code_out != NULL)
    *recovery_code_out = rj_recovery_code_format (code);
  sodium_memzero (code, sizeof code);
  return g_steal_pointer (&session);
}

G_STATIC_ASSERT (RJ_APPLICATION_ID == 1380601420);

/* Opens the file and unwraps the master key with the passphrase or the recovery code,
 * then decrypts everything. Slow by design; runs off the main thread. */
static Session *
session_unlock (const char *path,
                const char *secret,
                gsize secret_len,
                gboolean is_recovery_code,
                GError **error)
{
  g_autoptr(Session) session = session_new ();
  g_autoptr(RjKey) wrapping_key = NULL;
  RjKeyslot slot;
  RjKey *master;
  gboolean blank = FALSE;
  guint8 code[RJ_RECOVERY_CODE_BYTES];

  rj_backup_remove_leftovers (path);
  if (is_recovery_code)
    {
      g_autofree char *text = g_strndup (secret, secret_len);
      gboolean parsed = rj_recovery_code_parse (text, code);

      sodium_memzero (text, strlen (text));
      if (!parsed)
        {
          g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_RECOVERY_CODE,
                       _("That doesn't look like a whole recovery code. It has 32 letters "
                         "and digits, in 8 groups of 4."));
          return NULL;
        }
    }

  session->db = db_open (path, FALSE, &blank, error);
  if (session->db == NULL)
    return NULL;
  if (blank)
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NOT_FOUND,
                   _("The journal at “%s” was never finished. You can create it again."), path);
      return NULL;
    }

  if (!db_get_keyslot (session->db, is_recovery_code ? RJ_KEYSLOT_RECOVERY : RJ_KEYSLOT_PASSPHRASE,
                       &slot, error))
    return NULL;

  if (is_recovery_code)
    {
      wrapping_key = rj_kdf_derive_recovery_key (code, slot.salt);
      sodium_memzero (code, sizeof code);
    }
  else
    {
      wrapping_key = rj_kdf_derive_passphrase_key (secret, secret_len, slot.salt, &slot.kdf, error);
      if (wrapping_key == NULL)
        return NULL;
    }

  master = rj_keyslot_open (&slot, wrapping_key);
  if (master == NULL)
    {
      if (is_recovery_code)
        g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_RECOVERY_CODE,
                     _("That recovery code didn't open the journal. Check each group and "
                       "try again."));
      else
        g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_WRONG_PASSPHRASE,
                     _("That passphrase didn't open the journal. Check Caps Lock and try "
                       "again."));
      return NULL;
    }
  session_set_master (session, master);

  if (is_recovery_code)
    {
      RjKeyslot passphrase_slot;

      /* Keep the passphrase's parameters for the new passphrase the client will set. */
      if (db_get_keyslot (session->db, RJ_KEYSLOT_PASSPHRASE, &passphrase_slot, NULL))
        session->kdf = passphrase_slot.kdf;
      else
        rj_kdf_params_default (&session->kdf);
    }
  else
    session->kdf = slot.kdf;

  if (!session_load (session, error))
    return NULL;
  return g_steal_pointer (&session);
}

/* The store. */

static void
write_job_free (WriteJob *job)
{
  g_clear_pointer (&job->plain, g_bytes_unref);
  g_clear_object (&job->task);
  g_free (job);
}

static void
store_finish_write (RjStore *self)
{
  g_mutex_lock (&self->mutex);
  g_assert (self->pending_writes > 0);
  if (--self->pending_writes == 0)
    g_cond_broadcast (&self->idle);
  g_mutex_unlock (&self->mutex);
}

static gboolean
store_write_locked (RjStore *self,
                    const WriteJob *job,
                    GError **error)
{
  if (self->session == NULL)
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_LOCKED,
                   _("The journal was locked before this change could be saved."));
      return FALSE;
    }
  if (db_write_record (self->session, job, error))
    return TRUE;

  /* The day is already gone from memory, so the next write of it, empty again, would
   * find nothing to delete: remember that its row is still in the file. */
  if (job->plain == NULL && job->kind == RJ_RECORD_ENTRY &&
      !tag_list_contains (self->session->undeleted, job->tag))
    g_ptr_array_add (self->session->undeleted, g_bytes_new (job->tag, RJ_TAG_BYTES));
  return FALSE;
}

static void
writer_thread (gpointer data,
               gpointer user_data)
{
  WriteJob *job = data;
  RjStore *self = user_data;
  GError *error = NULL;
  gboolean ok;

  g_mutex_lock (&self->mutex);
  ok = store_write_locked (self, job, &error);
  g_mutex_unlock (&self->mutex);

  if (ok)
    g_task_return_boolean (job->task, TRUE);
  else
    g_task_return_error (job->task, error);
  write_job_free (job);
  store_finish_write (self);
}

static void
store_set_session (RjStore *self,
                   Session *session)
{
  Session *old;

  g_mutex_lock (&self->mutex);
  old = self->session;
  self->session = session;
  g_mutex_unlock (&self->mutex);

  session_free (old);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNLOCKED]);
}

static gboolean
require_unlocked (RjStore *self,
                  GError **error)
{
  if (self->session == NULL)
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_LOCKED,
                   _("The journal is locked."));
      return FALSE;
    }
  return TRUE;
}

/* Applies an entry to the journal in memory and prepares the write that stores it.
 * Called with the mutex held. */
static WriteJob *
store_prepare_entry_locked (RjStore *self,
                            const RjEntry *entry,
                            gboolean delete,
                            GError **error)
{
  Session *session = self->session;
  guint julian = g_date_get_julian (&entry->date);
  StoredEntry *stored;
  WriteJob *job;

  if (!require_unlocked (self, error))
    return NULL;

  stored = g_tree_lookup (session->entries, GUINT_TO_POINTER (julian));
  job = g_new0 (WriteJob, 1);
  job->kind = RJ_RECORD_ENTRY;
  entry_tag (session->tag_key, &entry->date, job->tag);

  if (delete || rj_entry_is_empty (entry))
    {
      /* A day with nothing logged is not kept, not even as an empty record. */
      if (stored == NULL)
        {
          /* No row to delete, unless a damaged one holds the day, or one that an
           * earlier deletion failed to remove. */
          job->noop = !tag_list_contains (session->damaged, job->tag) &&
                      !tag_list_contains (session->undeleted, job->tag);
          return job;
        }
      job->row_id = stored->row_id;
      g_tree_remove (session->entries, GUINT_TO_POINTER (julian));
      return job;
    }

  if (stored == NULL)
    {
      stored = g_new0 (StoredEntry, 1);
      stored->row_id = new_row_id ();
      g_tree_insert (session->entries, GUINT_TO_POINTER (julian), stored);
    }
  g_clear_pointer (&stored->entry, rj_entry_unref);
  stored->entry = rj_entry_copy (entry);
  job->row_id = stored->row_id;
  {
    g_autoptr(GVariant) variant = rj_entry_to_variant (entry);
    job->plain = secure_bytes_from_variant (variant);
  }
  return job;
}

static WriteJob *
store_prepare_profile_locked (RjStore *self,
                              const RjProfile *profile,
                              GError **error)
{
  Session *session = self->session;
  g_autoptr(GVariant) variant = NULL;
  WriteJob *job;

  if (!require_unlocked (self, error))
    return NULL;

  g_clear_pointer (&session->profile, rj_profile_unref);
  session->profile = rj_profile_copy (profile);
  if (session->profile_row == 0)
    session->profile_row = new_row_id ();

  job = g_new0 (WriteJob, 1);
  job->kind = RJ_RECORD_PROFILE;
  job->row_id = session->profile_row;
  rj_crypto_tag (session->tag_key, PROFILE_TAG_NAME, job->tag);
  variant = rj_profile_to_variant (profile);
  job->plain = secure_bytes_from_variant (variant);
  return job;
}

/* Runs a prepared write now, after every write queued before it. */
static gboolean
store_run_job (RjStore *self,
               WriteJob *job,
               GError **error)
{
  gboolean ok = TRUE;

  if (!job->noop)
    ok = store_write_locked (self, job, error);
  write_job_free (job);
  return ok;
}

static void
store_queue_job (RjStore *self,
                 WriteJob *job,
                 GTask *task)
{
  if (job->noop)
    {
      g_task_return_boolean (task, TRUE);
      write_job_free (job);
      return;
    }
  job->task = g_object_ref (task);
  self->pending_writes++;
  g_thread_pool_push (self->writer, job, NULL);
}

static void
rj_store_dispose (GObject *object)
{
  RjStore *self = RJ_STORE (object);

  if (self->session != NULL)
    rj_store_lock (self, NULL);

  G_OBJECT_CLASS (rj_store_parent_class)->dispose (object);
}

static void
rj_store_finalize (GObject *object)
{
  RjStore *self = RJ_STORE (object);

  g_thread_pool_free (self->writer, FALSE, TRUE);
  session_free (self->session);
  g_free (self->path);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->idle);

  G_OBJECT_CLASS (rj_store_parent_class)->finalize (object);
}

static void
rj_store_get_property (GObject *object,
                       guint prop_id,
                       GValue *value,
                       GParamSpec *pspec)
{
  RjStore *self = RJ_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_UNLOCKED:
      g_value_set_boolean (value, rj_store_is_unlocked (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_store_set_property (GObject *object,
                       guint prop_id,
                       const GValue *value,
                       GParamSpec *pspec)
{
  RjStore *self = RJ_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_store_class_init (RjStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rj_store_dispose;
  object_class->finalize = rj_store_finalize;
  object_class->get_property = rj_store_get_property;
  object_class->set_property = rj_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNLOCKED] =
    g_param_spec_boolean ("unlocked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RjStore::entry-changed:
   * @store: the store
   * @date: the day whose entry was saved or deleted
   *
   * Emitted in the thread that asked for the change, once the journal in memory holds
   * it (the write to the file may still be under way), so that what reads the journal
   * in memory, such as the search index, can follow it.
   */
  signals[ENTRY_CHANGED] =
    g_signal_new ("entry-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * RjStore::profile-changed:
   * @store: the store
   *
   * Emitted as #RjStore::entry-changed is, for the profile: its lists name what the
   * entries refer to by id.
   */
  signals[PROFILE_CHANGED] =
    g_signal_new ("profile-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  if (!rj_crypto_init ())
    g_error ("libsodium could not be initialised");
}

static void
rj_store_init (RjStore *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->idle);
  /* One thread: writes land in the order they were asked for. */
  self->writer = g_thread_pool_new (writer_thread, self, 1, FALSE, NULL);
}

/* Public API. */

char *
rj_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "com.example.RecoveryJournal", "journal.db",
                           NULL);
}

RjStore *
rj_store_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (RJ_TYPE_STORE, "path", path, NULL);
}

const char *
rj_store_get_path (RjStore *self)
{
  g_return_val_if_fail (RJ_IS_STORE (self), NULL);

  return self->path;
}

gboolean
rj_store_exists (RjStore *self)
{
  struct stat st;
  gboolean blank = FALSE;
  sqlite3 *db;

  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);

  if (self->session != NULL)
    return TRUE;
  if (g_stat (self->path, &st) != 0 || st.st_size == 0)
    return FALSE;
  /* A file left by an interrupted creation holds no journal; anything else that is
   * there counts, so that it is never overwritten. */
  db = db_open (self->path, FALSE, &blank, NULL);
  if (db == NULL)
    return TRUE;
  db_close (db);
  return !blank;
}

gboolean
rj_store_is_unlocked (RjStore *self)
{
  gboolean unlocked;

  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);

  g_mutex_lock (&self->mutex);
  unlocked = self->session != NULL;
  g_mutex_unlock (&self->mutex);
  return unlocked;
}

gboolean
rj_store_create (RjStore *self,
                 const char *passphrase,
                 const RjKdfParams *params,
                 char **recovery_code_out,
                 GError **error)
{
  Session *session;

  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (self->session != NULL)
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_EXISTS,
                   _("There is already a journal at “%s”."), self->path);
      return FALSE;
    }
  session = session_create (self->path, passphrase, params, recovery_code_out, error);
  if (session == NULL)
    return FALSE;
  store_set_session (self, session);
  return TRUE;
}

gboolean
rj_store_unlock (RjStore *self,
                 const char *passphrase,
                 gsize passphrase_len,
                 GError **error)
{
  Session *session;

  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (passphrase != NULL || passphrase_len == 0, FALSE);

  if (self->session != NULL)
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_EXISTS, _("The journal is already open."));
      return FALSE;
    }
  session = session_unlock (self->path, passphrase, passphrase_len, FALSE, error);
  if (session == NULL)
    return FALSE;
  store_set_session (self, session);
  return TRUE;
}

gboolean
rj_store_unlock_with_recovery_code (RjStore *self,
                                    const char *code,
                                    GError **error)
{
  Session *session;

  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (self->session != NULL)
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_EXISTS, _("The journal is already open."));
      return FALSE;
    }
  session = session_unlock (self->path, code, strlen (code), TRUE, error);
  if (session == NULL)
    return FALSE;
  store_set_session (self, session);
  return TRUE;
}

void
rj_store_flush (RjStore *self)
{
  g_return_if_fail (RJ_IS_STORE (self));

  g_mutex_lock (&self->mutex);
  while (self->pending_writes > 0)
    g_cond_wait (&self->idle, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

gboolean
rj_store_lock (RjStore *self,
               GError **error)
{
  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);

  /* Every change asked for before the lock is stored first. */
  rj_store_flush (self);
  if (self->session == NULL)
    return TRUE;
  store_set_session (self, NULL);
  return TRUE;
}

/* Async wrappers: the slow part runs in a thread; the store changes state on the
 * thread that asked, so that "notify::unlocked" reaches the UI where it lives. */

typedef struct {
  char *secret;
  gsize secret_len;
  gboolean is_recovery_code;
  gboolean has_params;
  RjKdfParams params;
  char *recovery_code;
  Session *session;
} OpenData;

static void
open_data_free (OpenData *data)
{
  if (data->secret != NULL)
    {
      sodium_memzero (data->secret, data->secret_len);
      g_free (data->secret);
    }
  if (data->recovery_code != NULL)
    rj_wipe_string (data->recovery_code);
  session_free (data->session);
  g_free (data);
}

static void
open_thread (GTask *task,
             gpointer source_object,
             gpointer task_data,
             GCancellable *cancellable)
{
  RjStore *self = source_object;
  OpenData *data = task_data;
  GError *error = NULL;

  if (g_task_get_source_tag (task) == rj_store_create_async)
    data->session = session_create (self->path, data->secret,
                                    data->has_params ? &data->params : NULL,
                                    &data->recovery_code, &error);
  else
    data->session = session_unlock (self->path, data->secret, data->secret_len,
                                    data->is_recovery_code, &error);

  if (data->session == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
open_async (RjStore *self,
            gpointer source_tag,
            OpenData *data,
            GCancellable *cancellable,
            GAsyncReadyCallback callback,
            gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

static gboolean
open_finish (RjStore *self,
             GAsyncResult *result,
             char **recovery_code_out,
             GError **error)
{
  OpenData *data = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (self->session != NULL)
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_EXISTS,
                   _("The journal is already open."));
      return FALSE;
    }
  store_set_session (self, g_steal_pointer (&data->session));
  if (recovery_code_out != NULL)
    *recovery_code_out = g_steal_pointer (&data->recovery_code);
  return TRUE;
}

void
rj_store_create_async (RjStore *self,
                       const char *passphrase,
                       const RjKdfParams *params,
                       GCancellable *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer user_data)
{
  OpenData *data;

  g_return_if_fail (RJ_IS_STORE (self));
  g_return_if_fail (passphrase != NULL);

  data = g_new0 (OpenData, 1);
  data->secret = g_strdup (passphrase);
  data->secret_len = strlen (passphrase);
  data->has_params = params != NULL;
  if (params != NULL)
    data->params = *params;
  open_async (self, rj_store_create_async, data, cancellable, callback, user_data);
}

gboolean
rj_store_create_finish (RjStore *self,
                        GAsyncResult *result,
                        char **recovery_code_out,
                        GError **error)
{
  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return open_finish (self, result, recovery_code_out, error);
}

void
rj_store_unlock_async (RjStore *self,
                       const char *secret,
                       gboolean is_recovery_code,
                       GCancellable *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer user_data)
{
  OpenData *data;

  g_return_if_fail (RJ_IS_STORE (self));
  g_return_if_fail (secret != NULL);

  data = g_new0 (OpenData, 1);
  data->secret = g_strdup (secret);
  data->secret_len = strlen (secret);
  data->is_recovery_code = is_recovery_code;
  open_async (self, rj_store_unlock_async, data, cancellable, callback, user_data);
}

gboolean
rj_store_unlock_finish (RjStore *self,
                        GAsyncResult *result,
                        GError **error)
{
  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return open_finish (self, result, NULL, error);
}

/* Key slots of an unlocked journal. */

gboolean
rj_store_change_passphrase (RjStore *self,
                            const char *new_passphrase,
                            const RjKdfParams *params,
                            GError **error)
{
  g_autoptr(RjKey) wrapping_key = NULL;
  RjKeyslot slot = { .kind = RJ_KEYSLOT_PASSPHRASE };
  gboolean ok;

  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (new_passphrase != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  ok = require_unlocked (self, error);
  if (ok)
    slot.kdf = params != NULL ? *params : self->session->kdf;
  g_mutex_unlock (&self->mutex);
  if (!ok)
    return FALSE;

  /* The slow derivation runs without the lock, so reads and writes go on meanwhile. */
  randombytes_buf (slot.salt, sizeof slot.salt);
  wrapping_key = rj_kdf_derive_passphrase_key (new_passphrase, strlen (new_passphrase),
                                               slot.salt, &slot.kdf, error);
  if (wrapping_key == NULL)
    return FALSE;

  g_mutex_lock (&self->mutex);
  ok = require_unlocked (self, error);
  if (ok)
    {
      rj_keyslot_seal (&slot, wrapping_key, self->session->master);
      /* One statement, one transaction: after a crash the old or the new passphrase
       * opens the journal, never neither. */
      ok = db_put_keyslot (self->session->db, &slot, error);
      if (ok)
        self->session->kdf = slot.kdf;
    }
  g_mutex_unlock (&self->mutex);
  return ok;
}

typedef struct {
  char *passphrase;
  gboolean has_params;
  RjKdfParams params;
} ChangeData;

static void
change_data_free (ChangeData *data)
{
  rj_wipe_string (data->passphrase);
  g_free (data);
}

static void
change_passphrase_thread (GTask *task,
                          gpointer source_object,
                          gpointer task_data,
                          GCancellable *cancellable)
{
  ChangeData *data = task_data;
  GError *error = NULL;

  if (rj_store_change_passphrase (source_object, data->passphrase,
                                  data->has_params ? &data->params : NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rj_store_change_passphrase_async (RjStore *self,
                                  const char *new_passphrase,
                                  const RjKdfParams *params,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  ChangeData *data;

  g_return_if_fail (RJ_IS_STORE (self));
  g_return_if_fail (new_passphrase != NULL);

  data = g_new0 (ChangeData, 1);
  data->passphrase = g_strdup (new_passphrase);
  data->has_params = params != NULL;
  if (params != NULL)
    data->params = *params;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rj_store_change_passphrase_async);
  g_task_set_task_data (task, data, (GDestroyNotify) change_data_free);
  g_task_run_in_thread (task, change_passphrase_thread);
}

gboolean
rj_store_change_passphrase_finish (RjStore *self,
                                   GAsyncResult *result,
                                   GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
rj_store_new_recovery_code (RjStore *self,
                            GError **error)
{
  g_autoptr(RjKey) wrapping_key = NULL;
  RjKeyslot slot = { .kind = RJ_KEYSLOT_RECOVERY };
  guint8 code[RJ_RECOVERY_CODE_BYTES];
  char *formatted = NULL;

  g_return_val_if_fail (RJ_IS_STORE (self), NULL);

  rj_recovery_code_generate (code);
  randombytes_buf (slot.salt, sizeof slot.salt);
  wrapping_key = rj_kdf_derive_recovery_key (code, slot.salt);

  g_mutex_lock (&self->mutex);
  if (require_unlocked (self, error))
    {
      rj_keyslot_seal (&slot, wrapping_key, self->session->master);
      if (db_put_keyslot (self->session->db, &slot, error))
        formatted = rj_recovery_code_format (code);
    }
  g_mutex_unlock (&self->mutex);
  sodium_memzero (code, sizeof code);
  return formatted;
}

const RjKdfParams *
rj_store_get_kdf_params (RjStore *self)
{
  g_return_val_if_fail (RJ_IS_STORE (self), NULL);
  g_return_val_if_fail (self->session != NULL, NULL);

  return &self->session->kdf;
}

/* Reading. */

RjEntry *
rj_store_dup_entry (RjStore *self,
                    const GDate *date)
{
  RjEntry *copy = NULL;

  g_return_val_if_fail (RJ_IS_STORE (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  g_mutex_lock (&self->mutex);
  if (self->session != NULL)
    {
      StoredEntry *stored = g_tree_lookup (self->session->entries,
                                           GUINT_TO_POINTER (g_date_get_julian (date)));
      if (stored != NULL)
        copy = rj_entry_copy (stored->entry);
    }
  g_mutex_unlock (&self->mutex);
  return copy;
}

GPtrArray *
rj_store_dup_entries (RjStore *self,
                      const GDate *first,
                      const GDate *last)
{
  GPtrArray *entries;

  g_return_val_if_fail (RJ_IS_STORE (self), NULL);
  g_return_val_if_fail (first != NULL && g_date_valid (first), NULL);
  g_return_val_if_fail (last != NULL && g_date_valid (last), NULL);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_entry_unref);
  g_mutex_lock (&self->mutex);
  if (self->session != NULL)
    {
      guint last_julian = g_date_get_julian (last);
      GTreeNode *node = g_tree_lower_bound (self->session->entries,
                                            GUINT_TO_POINTER (g_date_get_julian (first)));

      for (; node != NULL; node = g_tree_node_next (node))
        {
          StoredEntry *stored = g_tree_node_value (node);

          if (GPOINTER_TO_UINT (g_tree_node_key (node)) > last_julian)
            break;
          g_ptr_array_add (entries, rj_entry_copy (stored->entry));
        }
    }
  g_mutex_unlock (&self->mutex);
  return entries;
}

GArray *
rj_store_list_days (RjStore *self)
{
  GArray *days;

  g_return_val_if_fail (RJ_IS_STORE (self), NULL);

  days = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_mutex_lock (&self->mutex);
  if (self->session != NULL)
    {
      for (GTreeNode *node = g_tree_node_first (self->session->entries); node != NULL;
           node = g_tree_node_next (node))
        {
          StoredEntry *stored = g_tree_node_value (node);
          g_array_append_val (days, stored->entry->date);
        }
    }
  g_mutex_unlock (&self->mutex);
  return days;
}

void
rj_store_foreach_entry (RjStore *self,
                        const GDate *first,
                        const GDate *last,
                        gboolean reverse,
                        RjEntryFunc func,
                        gpointer user_data)
{
  guint first_julian, last_julian;

  g_return_if_fail (RJ_IS_STORE (self));
  g_return_if_fail (first == NULL || g_date_valid (first));
  g_return_if_fail (last == NULL || g_date_valid (last));
  g_return_if_fail (func != NULL);

  first_julian = first != NULL ? g_date_get_julian (first) : 0;
  last_julian = last != NULL ? g_date_get_julian (last) : G_MAXUINT;

  g_mutex_lock (&self->mutex);
  if (self->session != NULL)
    {
      GTreeNode *node;

      if (!reverse)
        node = g_tree_lower_bound (self->session->entries, GUINT_TO_POINTER (first_julian));
      else if (last_julian == G_MAXUINT)
        node = g_tree_node_last (self->session->entries);
      else
        {
          /* The last node at or before @last. */
          node = g_tree_upper_bound (self->session->entries, GUINT_TO_POINTER (last_julian));
          node = node != NULL ? g_tree_node_previous (node)
                              : g_tree_node_last (self->session->entries);
        }

      while (node != NULL)
        {
          guint julian = GPOINTER_TO_UINT (g_tree_node_key (node));
          StoredEntry *stored = g_tree_node_value (node);

          if (julian < first_julian || julian > last_julian)
            break;
          if (!func (stored->entry, user_data))
            break;
          node = reverse ? g_tree_node_previous (node) : g_tree_node_next (node);
        }
    }
  g_mutex_unlock (&self->mutex);
}

guint
rj_store_get_n_entries (RjStore *self)
{
  guint n = 0;

  g_return_val_if_fail (RJ_IS_STORE (self), 0);

  g_mutex_lock (&self->mutex);
  if (self->session != NULL)
    n = g_tree_nnodes (self->session->entries);
  g_mutex_unlock (&self->mutex);
  return n;
}

RjProfile *
rj_store_dup_profile (RjStore *self)
{
  RjProfile *copy = NULL;

  g_return_val_if_fail (RJ_IS_STORE (self), NULL);

  g_mutex_lock (&self->mutex);
  if (self->session != NULL)
    copy = rj_profile_copy (self->session->profile);
  g_mutex_unlock (&self->mutex);
  return copy;
}

guint
rj_store_get_n_damaged (RjStore *self)
{
  guint n = 0;

  g_return_val_if_fail (RJ_IS_STORE (self), 0);

  g_mutex_lock (&self->mutex);
  if (self->session != NULL)
    n = self->session->damaged->len + self->session->n_damaged_untagged;
  g_mutex_unlock (&self->mutex);
  return n;
}

gboolean
rj_store_copy_master_key_for_testing (RjStore *self,
                                      guint8 out[RJ_KEY_BYTES])
{
  gboolean unlocked;

  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  unlocked = self->session != NULL;
  if (unlocked)
    memcpy (out, rj_key_get_bytes (self->session->master), RJ_KEY_BYTES);
  g_mutex_unlock (&self->mutex);
  return unlocked;
}

/* Writing. */

static gboolean
store_save_sync (RjStore *self,
                 const RjEntry *entry,
                 const RjProfile *profile,
                 gboolean delete,
                 GError **error)
{
  WriteJob *job;
  gboolean ok;

  /* Writes queued earlier land first. */
  rj_store_flush (self);

  g_mutex_lock (&self->mutex);
  job = entry != NULL ? store_prepare_entry_locked (self, entry, delete, error)
                      : store_prepare_profile_locked (self, profile, error);
  ok = job != NULL && store_run_job (self, job, error);
  g_mutex_unlock (&self->mutex);

  /* The journal in memory holds the change even when writing it failed. */
  if (job != NULL && entry != NULL)
    g_signal_emit (self, signals[ENTRY_CHANGED], 0, &entry->date);
  else if (job != NULL)
    g_signal_emit (self, signals[PROFILE_CHANGED], 0);
  return ok;
}

gboolean
rj_store_save_entry (RjStore *self,
                     const RjEntry *entry,
                     GError **error)
{
  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  return store_save_sync (self, entry, NULL, FALSE, error);
}

gboolean
rj_store_delete_entry (RjStore *self,
                       const GDate *date,
                       GError **error)
{
  g_autoptr(RjEntry) empty = NULL;

  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  empty = rj_entry_new (date);
  return store_save_sync (self, empty, NULL, TRUE, error);
}

gboolean
rj_store_save_profile (RjStore *self,
                       const RjProfile *profile,
                       GError **error)
{
  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  return store_save_sync (self, NULL, profile, FALSE, error);
}

static void
store_save_async (RjStore *self,
                  const RjEntry *entry,
                  const RjProfile *profile,
                  gpointer source_tag,
                  GCancellable *cancellable,
                  GAsyncReadyCallback callback,
                  gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;
  WriteJob *job;

  g_task_set_source_tag (task, source_tag);

  g_mutex_lock (&self->mutex);
  job = entry != NULL ? store_prepare_entry_locked (self, entry, FALSE, &error)
                      : store_prepare_profile_locked (self, profile, &error);
  if (job != NULL)
    store_queue_job (self, job, task);
  g_mutex_unlock (&self->mutex);

  if (job == NULL)
    g_task_return_error (task, error);
  else if (entry != NULL)
    g_signal_emit (self, signals[ENTRY_CHANGED], 0, &entry->date);
  else
    g_signal_emit (self, signals[PROFILE_CHANGED], 0);
}

void
rj_store_save_entry_async (RjStore *self,
                           const RjEntry *entry,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (RJ_IS_STORE (self));
  g_return_if_fail (entry != NULL);

  store_save_async (self, entry, NULL, rj_store_save_entry_async, cancellable, callback,
                    user_data);
}

gboolean
rj_store_save_entry_finish (RjStore *self,
                            GAsyncResult *result,
                            GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
rj_store_save_profile_async (RjStore *self,
                             const RjProfile *profile,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (RJ_IS_STORE (self));
  g_return_if_fail (profile != NULL);

  store_save_async (self, NULL, profile, rj_store_save_profile_async, cancellable, callback,
                    user_data);
}

gboolean
rj_store_save_profile_finish (RjStore *self,
                              GAsyncResult *result,
                              GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* For backups. */

RjKey *
rj_store_derive_subkey (RjStore *self,
                        guint64 subkey_id,
                        const char context[8],
                        GError **error)
{
  RjKey *key = NULL;

  g_return_val_if_fail (RJ_IS_STORE (self), NULL);
  g_return_val_if_fail (context != NULL, NULL);

  g_mutex_lock (&self->mutex);
  if (require_unlocked (self, error))
    key = rj_key_derive_subkey (self->session->master, subkey_id, context);
  g_mutex_unlock (&self->mutex);
  return key;
}

static GBytes *
db_get_keyslot_blob (sqlite3 *db,
                     RjKeyslotKind kind,
                     GError **error)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *blob = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT data FROM keyslots WHERE kind = ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int (stmt, 1, kind);
      rc = sqlite3_step (stmt);
    }
  if (rc == SQLITE_ROW)
    blob = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DAMAGED,
                 _("The part of the journal that holds its key is missing."));
  else if (rc != SQLITE_ROW)
    sqlite_error (db, rc, "reading a key slot", error);
  return blob;
}

gboolean
rj_store_snapshot (RjStore *self,
                   GBytes **image_out,
                   GBytes **passphrase_slot_out,
                   GBytes **recovery_slot_out,
                   guint *n_entries_out,
                   GError **error)
{
  g_autoptr(GBytes) passphrase_slot = NULL;
  g_autoptr(GBytes) recovery_slot = NULL;
  sqlite3_int64 size = 0;
  unsigned char *image = NULL;
  gboolean ok;

  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (image_out != NULL && passphrase_slot_out != NULL, FALSE);
  g_return_val_if_fail (recovery_slot_out != NULL && n_entries_out != NULL, FALSE);

  /* Writes are queued under the mutex, so once none is pending and the mutex is held,
   * the file and the journal in memory agree, and stay so until it is released. */
  g_mutex_lock (&self->mutex);
  while (self->pending_writes > 0)
    g_cond_wait (&self->idle, &self->mutex);
  ok = require_unlocked (self, error);
  if (ok)
    {
      passphrase_slot = db_get_keyslot_blob (self->session->db, RJ_KEYSLOT_PASSPHRASE, error);
      recovery_slot = passphrase_slot == NULL ? NULL
                      : db_get_keyslot_blob (self->session->db, RJ_KEYSLOT_RECOVERY, error);
      ok = recovery_slot != NULL;
    }
  if (ok)
    {
      image = sqlite3_serialize (self->session->db, "main", &size, 0);
      if (image == NULL || size <= 0)
        {
          g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NO_MEMORY,
                       _("The computer ran out of memory. Close some other programs and try "
                         "again."));
          ok = FALSE;
        }
      else
        *n_entries_out = g_tree_nnodes (self->session->entries);
    }
  g_mutex_unlock (&self->mutex);

  if (!ok)
    {
      sqlite3_free (image);
      return FALSE;
    }
  *image_out = g_bytes_new_with_free_func (image, size, sqlite3_free, image);
  *passphrase_slot_out = g_steal_pointer (&passphrase_slot);
  *recovery_slot_out = g_steal_pointer (&recovery_slot);
  return TRUE;
}

static Session *
session_open_with_master (const char *path,
                          const RjKey *master,
                          GError **error)
{
  g_autoptr(Session) session = session_new ();
  RjKeyslot passphrase_slot;
  gboolean blank = FALSE;

  session->db = db_open (path, FALSE, &blank, error);
  if (session->db == NULL)
    return NULL;
  if (blank)
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_NOT_FOUND,
                   _("The journal at “%s” was never finished. You can create it again."), path);
      return NULL;
    }
  session_set_master (session, rj_key_new_from_bytes (rj_key_get_bytes (master)));
  if (db_get_keyslot (session->db, RJ_KEYSLOT_PASSPHRASE, &passphrase_slot, NULL))
    session->kdf = passphrase_slot.kdf;
  else
    rj_kdf_params_default (&session->kdf);
  if (!session_load (session, error))
    return NULL;
  return g_steal_pointer (&session);
}

gboolean
rj_store_unlock_with_master_key (RjStore *self,
                                 const RjKey *master,
                                 GError **error)
{
  Session *session;

  g_return_val_if_fail (RJ_IS_STORE (self), FALSE);
  g_return_val_if_fail (master != NULL, FALSE);

  if (self->session != NULL)
    {
      g_set_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_EXISTS, _("The journal is already open."));
      return FALSE;
    }
  session = session_open_with_master (self->path, master, error);
  if (session == NULL)
    return FALSE;
  store_set_session (self, session);
  return TRUE;
}
