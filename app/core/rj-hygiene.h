/* rj-hygiene.h: what the process does at start so that nothing of the journal reaches
 * the disk by the side door: no core dumps, temporary files only in a private folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Set to 1 to let the process dump core, for debugging a crash on a machine that holds
 * no real journal: a core file holds whatever the journal showed. */
#define RJ_HYGIENE_ALLOW_CORE_DUMPS_VARIABLE "RJ_ALLOW_CORE_DUMPS"

gboolean    rj_hygiene_core_dumps_allowed (void);
gboolean    rj_hygiene_portals_needed     (void);
gboolean    rj_hygiene_forbid_core_dumps  (GError **error);

gboolean    rj_hygiene_apply              (const char *runtime_dir,
                                           GError **error);
const char *rj_hygiene_get_tmp_dir        (void);
void        rj_hygiene_cleanup            (void);

G_END_DECLS
