/* rj-heap-scan.c: looks for secrets in the test process's own writable memory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-heap-scan"

#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "rj-heap-scan.h"

/* Read in chunks; a copy that straddles two chunks is found through the overlap. */
#define CHUNK_BYTES ((gsize) 4 * 1024 * 1024)
#define MAPS_BYTES ((gsize) 1024 * 1024)

struct _RjNeedle {
  char *label;
  gsize len;
  gsize from;      /* the part looked for: bytes @from to @len */
  guint8 *masked;  /* secret XOR pad */
  guint8 *pad;
};

RjNeedle *
rj_needle_new (const char *label,
               const void *secret,
               gsize len)
{
  RjNeedle *needle = g_new0 (RjNeedle, 1);
  const guint8 *bytes = secret;

  g_assert (len >= 8);
  needle->label = g_strdup (label);
  needle->len = len;
  /* A freed heap block has its first 16 bytes overwritten by glibc's list pointers:
   * what is looked for is the rest, so that a copy freed without wiping is found too. */
  needle->from = MIN (16, len / 2);
  needle->masked = g_malloc (len);
  needle->pad = g_malloc (len);
  randombytes_buf (needle->pad, len);
  for (gsize i = 0; i < len; i++)
    needle->masked[i] = bytes[i] ^ needle->pad[i];
  return needle;
}

void
rj_needle_free (RjNeedle *needle)
{
  if (needle == NULL)
    return;
  g_free (needle->label);
  g_free (needle->masked);
  g_free (needle->pad);
  g_free (needle);
}

const char *
rj_needle_get_label (const RjNeedle *needle)
{
  return needle->label;
}

/* TRUE when @p holds the secret: each byte is masked and compared with the masked
 * copy, so that the secret itself is never put back together. */
static inline gboolean
needle_matches (const RjNeedle *needle,
                const guint8 *p)
{
  for (gsize i = needle->from; i < needle->len; i++)
    if ((guint8) (p[i - needle->from] ^ needle->pad[i]) != needle->masked[i])
      return FALSE;
  return TRUE;
}

static guint
scan_buffer (const RjNeedle *needle,
             const guint8 *buffer,
             gsize len,
             guintptr address,
             const char *name,
             GString *where)
{
  guint n = 0;
  /* The only byte of the secret ever unmasked, to find candidates quickly. */
  const guint8 first = needle->masked[needle->from] ^ needle->pad[needle->from];
  gsize tail_len = needle->len - needle->from;

  if (len < tail_len)
    return 0;
  for (const guint8 *p = buffer; p != NULL && p <= buffer + len - tail_len; p++)
    {
      p = memchr (p, first, buffer + len - tail_len + 1 - p);
      if (p == NULL)
        break;
      if (needle_matches (needle, p))
        {
          n++;
          if (where != NULL)
            g_string_append_printf (where, "#   %s at %#" G_GINTPTR_MODIFIER "x in %s\n",
                                    needle->label, address + (guintptr) (p - buffer), name);
        }
    }
  return n;
}

/* Nothing here allocates from the heap (unless @where is given): a block that the
 * scan allocated could take the place of a freed one that holds a secret, and hide it. */
guint
rj_heap_scan_count (const RjNeedle *needle,
                    GString *where)
{
  char *maps;
  gsize maps_len = 0;
  char *line, *next;
  guint8 *buffer;
  gsize buffer_len = CHUNK_BYTES + needle->len;
  guint n = 0;
  int fd;

  /* Its own mappings, skipped below: the buffer holds copies of what was read. */
  buffer = mmap (NULL, buffer_len + MAPS_BYTES, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_assert (buffer != MAP_FAILED);
  maps = (char *) buffer + buffer_len;

  fd = open ("/proc/self/maps", O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  for (gssize got; (got = read (fd, maps + maps_len, MAPS_BYTES - 1 - maps_len)) > 0;)
    maps_len += got;
  g_assert_cmpuint (maps_len, <, MAPS_BYTES - 1);
  maps[maps_len] = '\0';
  close (fd);

  fd = open ("/proc/self/mem", O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);

  for (line = maps; line != NULL && *line != '\0'; line = next)
    {
      guintptr start = 0, end = 0;
      char perms[5] = "";
      char name[512] = "";

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      if (sscanf (line, "%" G_GINTPTR_MODIFIER "x-%" G_GINTPTR_MODIFIER "x %4s %*s %*s %*s %511s",
                  &start, &end, perms, name) < 3)
        continue;
      if (perms[0] != 'r' || perms[1] != 'w' || perms[3] != 'p')
        continue;
      if (strcmp (name, "[vvar]") == 0 || strcmp (name, "[vsyscall]") == 0)
        continue;
      if (start <= (guintptr) buffer && (guintptr) buffer < end)
        continue;
      if (name[0] == '\0')
        strcpy (name, "[anonymous]");

      for (guintptr at = start; at < end; at += CHUNK_BYTES)
        {
          gsize want = MIN ((gsize) (end - at), buffer_len);
          gssize got = pread (fd, buffer, want, (off_t) at);

          if (got <= 0)
            continue;
          n += scan_buffer (needle, buffer, (gsize) got, at, name, where);
          /* A copy that starts in the overlap is found again by the next chunk. */
          if ((gsize) got > CHUNK_BYTES && at + CHUNK_BYTES < end)
            n -= scan_buffer (needle, buffer + CHUNK_BYTES, (gsize) got - CHUNK_BYTES,
                              at + CHUNK_BYTES, name, NULL);
        }
    }

  close (fd);
  sodium_memzero (buffer, buffer_len);
  munmap (buffer, buffer_len + MAPS_BYTES);
  return n;
}
