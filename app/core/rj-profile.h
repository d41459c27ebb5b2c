/* rj-profile.h: the journal-wide data: the client's lists, contacts and schedule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rj-entry.h"

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

/* An item of the client's list (a trigger, a skill) in the plan, with their own words
 * about it. */
typedef struct {
  char *item_id;
  RjNote words;
} RjPlanItem;

#define RJ_MAX_PLAN_ITEMS 100

/* The relapse-prevention plan the client fills in with their counsellor. */
typedef struct {
  RjNote reasons;           /* my reasons for recovery */
  GPtrArray *triggers;      /* of RjPlanItem*: ids from the trigger list */
  RjNote warning_signs;     /* early warning signs */
  GPtrArray *strategies;    /* of RjPlanItem*: ids from the skill list */
  GPtrArray *people;        /* of char*: ids of RjProfile.contacts */
  RjNote if_lapse;          /* what I will do if I lapse */
} RjPlan;

/* A skill the journal shows helped, and how many times it was logged as helping. */
typedef struct {
  char *skill_id;
  guint n_helped;
} RjSkillSuggestion;

typedef struct {
  char *client_name;        /* name or initials for the printed page, or NULL */
  GDate sober_start;        /* invalid when not set */
  GPtrArray *lists[RJ_N_LISTS];   /* of RjListItem*, in the client's order */
  GPtrArray *contacts;      /* of RjContact* */
  GArray *schedule;         /* of RjSessionSlot */
  RjPlan plan;
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
RjContact    *rj_profile_find_contact    (const RjProfile *self,
                                          const char *id);

RjPlanItem   *rj_plan_add_trigger        (RjPlan *plan,
                                          const char *trigger_id,
                                          const char *words,
                                          gboolean is_private);
RjPlanItem   *rj_plan_add_strategy       (RjPlan *plan,
                                          const char *skill_id,
                                          const char *words,
                                          gboolean is_private);
void          rj_plan_add_person         (RjPlan *plan,
                                          const char *contact_id);
gboolean      rj_plan_is_empty           (const RjPlan *plan);
void          rj_plan_item_free          (RjPlanItem *item);

/* The skills of @profile's list (not hidden) that @entries (of RjEntry*) log as having
 * helped, most often first, at most @max_n: what the plan offers as strategies. */
GArray       *rj_plan_suggest_strategies (const RjProfile *profile,
                                          GPtrArray *entries,
                                          guint max_n) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjProfile, rj_profile_unref)

G_END_DECLS
