/*
 * Minimal JSON writing: string escaping is the only part worth sharing.
 * Output is UTF-8 as is (no \u escapes beyond control characters), which
 * keeps Vietnamese readable in `extract` and `--json` output.
 */
#ifndef MINUTES_JSON_H
#define MINUTES_JSON_H

#include <stddef.h>

struct buf;

/* Appends "s" quoted and escaped; NULL is written as null. */
void	json_str(struct buf *, const char *s);
void	json_strn(struct buf *, const char *s, size_t len);

#endif
