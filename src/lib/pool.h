/*
 * A pool of strings that are freed together: a long list read from the
 * store (10,000 review items) keeps its text in a few large blocks
 * instead of three allocations a row, which a command then spends as
 * long freeing as it did making.  Blocks never move, so a string's
 * address stays good until pool_free.
 */
#ifndef MINUTES_POOL_H
#define MINUTES_POOL_H

#include <stddef.h>

struct pool_block;

struct pool {
	struct pool_block	*head;	/* the block being filled, first */
	size_t			 left;	/* bytes free in it */
};
#define POOL_INIT { NULL, 0 }

/* A copy of s[0..len) with a NUL after it, kept in p. */
char	*pool_strndup(struct pool *p, const char *s, size_t len);
/* Frees every string of p; p is empty again. */
void	 pool_free(struct pool *p);

#endif
