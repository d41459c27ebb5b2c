/* rj-fault-vfs.c: a SQLite VFS over the default one that fails writes on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file it opens is the default VFS's file, wrapped: each method is passed on,
 * except that xWrite, xSync and xTruncate first ask whether they should fail. The
 * writer thread of the store calls them too, so the state is guarded by a mutex.
 */

#define G_LOG_DOMAIN "rj-fault-vfs"

#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "rj-fault-vfs.h"

typedef struct {
  sqlite3_file base;
  sqlite3_file *real;   /* follows this struct, in the same allocation */
} FaultFile;

static GMutex fault_mutex;
static RjFaultOps armed_ops;
static int armed_code = SQLITE_OK;
static guint n_ok_left;
static guint n_calls;
static guint n_failed;

static sqlite3_vfs fault_vfs;
static sqlite3_vfs *real_vfs;
static sqlite3_io_methods fault_methods;

/* Returns the code that a call of @op must fail with, or SQLITE_OK. */
static int
fault_check (RjFaultOps op)
{
  int rc = SQLITE_OK;

  g_mutex_lock (&fault_mutex);
  if ((armed_ops & op) != 0)
    {
      n_calls++;
      if (n_ok_left > 0)
        n_ok_left--;
      else
        {
          n_failed++;
          rc = armed_code;
        }
    }
  g_mutex_unlock (&fault_mutex);
  return rc;
}

#define REAL(file) (((FaultFile *) (file))->real)

static int
fault_close (sqlite3_file *file)
{
  int rc = REAL (file)->pMethods->xClose (REAL (file));

  file->pMethods = NULL;
  return rc;
}

static int
fault_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buf, amount, offset);
}

static int
fault_write (sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
  int rc = fault_check (RJ_FAULT_WRITE);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xWrite (REAL (file), buf, amount, offset);
}

static int
fault_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  int rc = fault_check (RJ_FAULT_TRUNCATE);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
fault_sync (sqlite3_file *file, int flags)
{
  int rc = fault_check (RJ_FAULT_SYNC);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
fault_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
fault_lock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xLock (REAL (file), level);
}

static int
fault_unlock (sqlite3_file *file, int level)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), level);
}

static int
fault_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
fault_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
fault_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
fault_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
fault_shm_map (sqlite3_file *file, int page, int page_size, int extend, void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, page_size, extend, out);
}

static int
fault_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
fault_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
fault_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultFile *fault = (FaultFile *) file;
  int rc;

  fault->real = (sqlite3_file *) (fault + 1);
  rc = real_vfs->xOpen (real_vfs, name, fault->real, flags, out_flags);
  /* SQLite calls xClose only when pMethods is set. */
  file->pMethods = fault->real->pMethods != NULL ? &fault_methods : NULL;
  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
fault_full_pathname (sqlite3_vfs *vfs, const char *name, int n_out, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n_out, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs, int n, char *out)
{
  real_vfs->xDlError (real_vfs, n, out);
}

static void (*fault_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
fault_dl_close (sqlite3_vfs *vfs, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
fault_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
fault_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

static int
fault_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

void
rj_fault_vfs_register (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert (real_vfs != NULL);
  /* WAL needs the shared-memory methods of version 2. Version 3 (memory-mapped reads)
   * is left out, so that every page goes through xRead. */
  g_assert_cmpint (real_vfs->iVersion, >=, 2);

  fault_methods = (sqlite3_io_methods) {
    .iVersion = 2,
    .xClose = fault_close,
    .xRead = fault_read,
    .xWrite = fault_write,
    .xTruncate = fault_truncate,
    .xSync = fault_sync,
    .xFileSize = fault_file_size,
    .xLock = fault_lock,
    .xUnlock = fault_unlock,
    .xCheckReservedLock = fault_check_reserved_lock,
    .xFileControl = fault_file_control,
    .xSectorSize = fault_sector_size,
    .xDeviceCharacteristics = fault_device_characteristics,
    .xShmMap = fault_shm_map,
    .xShmLock = fault_shm_lock,
    .xShmBarrier = fault_shm_barrier,
    .xShmUnmap = fault_shm_unmap,
  };

  fault_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = "rj-fault",
    .xOpen = fault_open,
    .xDelete = fault_delete,
    .xAccess = fault_access,
    .xFullPathname = fault_full_pathname,
    .xDlOpen = fault_dl_open,
    .xDlError = fault_dl_error,
    .xDlSym = fault_dl_sym,
    .xDlClose = fault_dl_close,
    .xRandomness = fault_randomness,
    .xSleep = fault_sleep,
    .xCurrentTime = fault_current_time,
    .xGetLastError = fault_get_last_error,
    .xCurrentTimeInt64 = fault_current_time_int64,
  };

  g_assert_cmpint (sqlite3_vfs_register (&fault_vfs, 1), ==, SQLITE_OK);
}

void
rj_fault_vfs_arm (RjFaultOps ops,
                  int sqlite_code,
                  guint n_ok)
{
  g_assert (real_vfs != NULL);
  g_assert (sqlite_code != SQLITE_OK);

  g_mutex_lock (&fault_mutex);
  armed_ops = ops;
  armed_code = sqlite_code;
  n_ok_left = n_ok;
  n_calls = 0;
  n_failed = 0;
  g_mutex_unlock (&fault_mutex);
}

void
rj_fault_vfs_disarm (void)
{
  g_mutex_lock (&fault_mutex);
  armed_ops = 0;
  armed_code = SQLITE_OK;
  g_mutex_unlock (&fault_mutex);
}

guint
rj_fault_vfs_get_n_calls (void)
{
  guint n;

  g_mutex_lock (&fault_mutex);
  n = n_calls;
  g_mutex_unlock (&fault_mutex);
  return n;
}

guint
rj_fault_vfs_get_n_failed (void)
{
  guint n;

  g_mutex_lock (&fault_mutex);
  n = n_failed;
  g_mutex_unlock (&fault_mutex);
  return n;
}
