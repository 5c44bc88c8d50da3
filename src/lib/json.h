/*
 * Minimal JSON writing: string escaping is the only part worth sharing
 * (and an object member written with it).
 * Output is UTF-8 as is, which keeps Vietnamese readable in `extract` and
 * `--json` output; \u escapes are used only for what must not reach a
 * terminal raw: the C0 and C1 controls and DEL (U+009B is an 8-bit CSI)
 * and the bidirectional embeddings, overrides and isolates (U+202E
 * reverses the line it is on).  A JSON reader gets the same text back.
 */
#ifndef MINUTES_JSON_H
#define MINUTES_JSON_H

#include <stddef.h>

struct buf;

/* Appends "s" quoted and escaped; NULL is written as null. */
void	json_str(struct buf *, const char *s);
void	json_strn(struct buf *, const char *s, size_t len);
/* Appends a member after an object's first: ,"key": then s as json_str
 * writes it.  key is written as it is (the callers' are literals). */
void	json_member(struct buf *, const char *key, const char *s);

#endif
