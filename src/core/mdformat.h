/*
 * The Markdown minutes format (SPEC section 8): the interchange format read
 * by `import` and written by `export --format md`.  Reading validates
 * everything and reports the first fault with its line; writing is
 * canonical, so writing what was read gives back the same bytes.
 */
#ifndef MINUTES_MDFORMAT_H
#define MINUTES_MDFORMAT_H

#include <stddef.h>

struct buf;
struct err;
struct meeting;
struct tmpl_set;

/* Parses text[0..len) into *out (initialised here; free with meeting_free
 * even on error).  name is used in messages ("name: line N: ...").  The
 * result is NFC and validated. */
int	 md_read(const char *text, size_t len, const char *name,
	    const struct tmpl_set *, struct meeting *out, struct err *);
/* Appends the canonical Markdown form of m, whose template must be in the
 * set. */
int	 md_write(struct buf *, const struct meeting *m,
	    const struct tmpl_set *, struct err *);

#endif
