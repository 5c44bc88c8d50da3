/*
 * Growable byte strings.  Every writer in the program (exports, JSON, the
 * Markdown format, screen lines) builds its output in a struct buf and hands
 * it over once, so partial output never reaches a file or a terminal.
 * The contents are always NUL-terminated.
 */
#ifndef MINUTES_BUF_H
#define MINUTES_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char	*s;	/* NUL-terminated; NULL until the first write */
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

void	 buf_init(struct buf *);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);	/* length 0, memory kept */
void	 buf_grow(struct buf *, size_t extra);
void	 buf_adds(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list);
void	 buf_truncate(struct buf *, size_t len);
/* The contents ("" when empty) as a malloc'd string; the buf is emptied. */
char	*buf_steal(struct buf *);
/* The contents, never NULL. */
const char *buf_str(const struct buf *);

/*
 * Appending, inline: the writers call these for every field of every row
 * (five to fifteen a row of a 10,000-row table), and the call cost more
 * than the copy.  Only growing leaves the caller.
 */
static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->cap - b->len <= n)	/* len < cap once anything is in */
		buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void
buf_addc(struct buf *b, char c)
{
	if (b->cap - b->len <= 1)
		buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

static inline void
buf_addrep(struct buf *b, char c, size_t n)
{
	if (b->cap - b->len <= n)
		buf_grow(b, n);
	memset(b->s + b->len, c, n);
	b->len += n;
	b->s[b->len] = '\0';
}

#endif
