/* fuzz-backup-key.h: the stream key that fuzz-backup decrypts with, and that
 * make-fuzz-corpus encrypts its seed backups under, so that the fuzzer starts from
 * backups whose every message authenticates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rj-crypto.h"

static const guint8 rj_fuzz_backup_key[RJ_KEY_BYTES] = "fuzz-backup: a fixed stream key!";
