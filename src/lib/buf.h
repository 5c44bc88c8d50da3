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
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc(struct buf *, char);
void	 buf_addrep(struct buf *, char, size_t count);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list);
void	 buf_truncate(struct buf *, size_t len);
/* The contents ("" when empty) as a malloc'd string; the buf is emptied. */
char	*buf_steal(struct buf *);
/* The contents, never NULL. */
const char *buf_str(const struct buf *);

#endif
