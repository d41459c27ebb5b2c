/* rj-passphrase.h: a plain-words hint about how hard a passphrase is to guess.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RJ_PASSPHRASE_EMPTY,
  RJ_PASSPHRASE_SHORT,
  RJ_PASSPHRASE_GOOD,
  RJ_PASSPHRASE_STRONG,
} RjPassphraseStrength;

RjPassphraseStrength rj_passphrase_rate                (const char *passphrase);
const char          *rj_passphrase_strength_get_hint   (RjPassphraseStrength strength);
RjPassphraseStrength rj_passphrase_check               (const char *passphrase,
                                                        const char **hint_out);

G_END_DECLS
