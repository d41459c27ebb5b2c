/* rj-profile.h: the journal-wide data: the client's lists, contacts and schedule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  RJ_LIST_TRIGGERS,
  RJ_LIST_SKILLS,
  RJ_LIST_SUBSTANCES,
  RJ_N_LISTS
} RjListKind;

/* An item of one of the client's lists. Built-in items have a fixed id and a NULL
 * @name until the client renames them, so that they show in the reader's language.
 * Hiding an item keeps it, so that history that names it still reads. */
typedef struct {
  char *id;
  char *name;
  gboolean hidden;
} RjListItem;

typedef struct {
  char *id;
  char *name;               /* first name or role, as it may appear on the page */
  char *phone;
  char *note;
} RjContact;

typedef struct {
  GDateWeekday weekday;
  int start_minutes;        /* minutes after midnight */
} RjSessionSlot;

typedef struct {
  char *client_name;        /* name or initials for the printed page, or NULL */
  GDate sober_start;        /* invalid when not set */
  GPtrArray *lists[RJ_N_LISTS];   /* of RjListItem*, in the client's order */
  GPtrArray *contacts;      /* of RjContact* */
  GArray *schedule;         /* of RjSessionSlot */
  /*< private >*/
  gatomicrefcount ref_count;
} RjProfile;

#define RJ_TYPE_PROFILE (rj_profile_get_type ())

GType         rj_profile_get_type        (void) G_GNUC_CONST;
RjProfile    *rj_profile_new             (void) G_GNUC_WARN_UNUSED_RESULT;
RjProfile    *rj_profile_new_default     (void) G_GNUC_WARN_UNUSED_RESULT;
RjProfile    *rj_profile_ref             (RjProfile *self);
void          rj_profile_unref           (RjProfile *self);
RjProfile    *rj_profile_copy            (const RjProfile *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean      rj_profile_equal           (const RjProfile *a,
                                          const RjProfile *b);
RjListItem   *rj_profile_add_item        (RjProfile *self,
                                          RjListKind kind,
                                          const char *name);
RjListItem   *rj_profile_find_item       (const RjProfile *self,
                                          RjListKind kind,
                                          const char *id);
const char   *rj_profile_item_label      (const RjProfile *self,
                                          RjListKind kind,
                                          const char *id);
RjContact    *rj_profile_add_contact     (RjProfile *self,
                                          const char *name,
                                          const char *phone);
void          rj_profile_add_session     (RjProfile *self,
                                          GDateWeekday weekday,
                                          int start_minutes);

const char   *rj_list_item_get_label     (const RjListItem *item);
RjListItem   *rj_list_item_new           (const char *id,
                                          const char *name,
                                          gboolean hidden) G_GNUC_WARN_UNUSED_RESULT;
void          rj_list_item_free          (RjListItem *item);
void          rj_contact_free            (RjContact *contact);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjProfile, rj_profile_unref)

G_END_DECLS
