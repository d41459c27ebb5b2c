/* rj-context.c: what every window and page of one journal shares.
 *
 * The context holds the journal store and the settings. Windows and pages are handed
 * one as a construct-only property and never open the journal themselves, so that
 * tests can give them a journal in a temporary folder and fast key derivation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-context"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-context.h"

struct _RjContext
{
  GObject parent_instance;

  RjStore *store;
  GSettings *settings;
  RjKdfParams kdf_params;
  gboolean has_kdf_params;
  gboolean demo;
  guint n_saved;
};

G_DEFINE_FINAL_TYPE (RjContext, rj_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rj_context_constructed (GObject *object)
{
  RjContext *self = (RjContext *) object;

  G_OBJECT_CLASS (rj_context_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  /* Without a store of its own, the context opens the journal the settings name, or
   * the one in the usual place. */
  if (self->store == NULL)
    {
      g_autofree char *path = g_settings_get_string (self->settings, "journal-path");

      if (path[0] == '\0')
        g_clear_pointer (&path, g_free);
      if (path == NULL)
        path = rj_store_default_path ();

      self->store = rj_store_new (path);
    }
}

static void
rj_context_dispose (GObject *object)
{
  RjContext *self = (RjContext *) object;

  /* The last holder of the journal locks it, whatever happened to its windows. */
  if (self->store != NULL && rj_store_is_unlocked (self->store))
    {
      g_autoptr(GError) error = NULL;

      if (!rj_store_lock (self->store, &error))
        g_warning ("Could not lock the journal: %s", error->message);
    }

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rj_context_parent_class)->dispose (object);
}

static void
rj_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RjContext *self = RJ_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RjContext *self = RJ_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_context_class_init (RjContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rj_context_constructed;
  object_class->dispose = rj_context_dispose;
  object_class->get_property = rj_context_get_property;
  object_class->set_property = rj_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         RJ_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rj_context_init (RjContext *self)
{
}

/**
 * rj_context_new:
 * @journal_path: (nullable): the journal file to use, or %NULL for the one the
 *   settings name or else the one in the usual place
 *
 * Returns: (transfer full): a new context
 */
RjContext *
rj_context_new (const char *journal_path)
{
  g_autoptr(RjStore) store = NULL;

  if (journal_path != NULL)
    store = rj_store_new (journal_path);

  return g_object_new (RJ_TYPE_CONTEXT,
                       "store", store,
                       NULL);
}

RjStore *
rj_context_get_store (RjContext *self)
{
  g_return_val_if_fail (RJ_IS_CONTEXT (self), NULL);

  return self->store;
}

GSettings *
rj_context_get_settings (RjContext *self)
{
  g_return_val_if_fail (RJ_IS_CONTEXT (self), NULL);

  return self->settings;
}

/**
 * rj_context_get_kdf_params:
 * @self: a #RjContext
 *
 * Returns: (nullable): the key derivation cost to create journals and passphrases
 *   with, or %NULL to calibrate it on this machine
 */
const RjKdfParams *
rj_context_get_kdf_params (RjContext *self)
{
  g_return_val_if_fail (RJ_IS_CONTEXT (self), NULL);

  return self->has_kdf_params ? &self->kdf_params : NULL;
}

/**
 * rj_context_set_kdf_params:
 * @self: a #RjContext
 * @params: (nullable): the key derivation cost, or %NULL to calibrate
 *
 * Sets the key derivation cost for new journals and new passphrases. Only tests set
 * this, to keep key derivation fast.
 */
void
rj_context_set_kdf_params (RjContext         *self,
                           const RjKdfParams *params)
{
  g_return_if_fail (RJ_IS_CONTEXT (self));

  self->has_kdf_params = params != NULL;
  if (params != NULL)
    self->kdf_params = *params;
}

/**
 * rj_context_get_demo:
 * @self: a #RjContext
 *
 * Returns: whether the journal is a demo journal of made-up entries (`--demo`)
 */
gboolean
rj_context_get_demo (RjContext *self)
{
  g_return_val_if_fail (RJ_IS_CONTEXT (self), FALSE);

  return self->demo;
}

void
rj_context_set_demo (RjContext *self,
                     gboolean   demo)
{
  g_return_if_fail (RJ_IS_CONTEXT (self));

  self->demo = !!demo;
}

/**
 * rj_context_note_saved:
 * @self: a #RjContext
 *
 * Counts a change handed to the store (which applies it in memory at once): an
 * entry, the profile, a new passphrase. The window compares the count with the one at
 * the last automatic backup to know whether there is anything new to back up. Only
 * views call this; the store knows nothing of backups made on a schedule.
 */
void
rj_context_note_saved (RjContext *self)
{
  g_return_if_fail (RJ_IS_CONTEXT (self));

  self->n_saved++;
}

/**
 * rj_context_get_n_saved:
 * @self: a #RjContext
 *
 * Returns: how many changes were handed to the store since the context was made
 */
guint
rj_context_get_n_saved (RjContext *self)
{
  g_return_val_if_fail (RJ_IS_CONTEXT (self), 0);

  return self->n_saved;
}
