/*
 * String pools (see pool.h).  A block is a header and its bytes in one
 * allocation; a string longer than a block gets a block of its own,
 * linked behind the one being filled so that the rest of that block is
 * still used.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/pool.h"
#include "lib/xmalloc.h"

/* Large enough that a 10,000-row review takes a few dozen blocks; small
 * enough that a short list does not touch pages it does not fill. */
#define POOL_BLOCK (64 * 1024 - 64)

struct pool_block {
	struct pool_block	*next;
	size_t			 size;
	char			 bytes[];
};

static struct pool_block *
block_new(size_t size)
{
	struct pool_block *b = xmalloc(sizeof *b + size);

	b->next = NULL;
	b->size = size;
	return b;
}

char *
pool_strndup(struct pool *p, const char *s, size_t len)
{
	struct pool_block *b;
	char *d;

	if (len >= POOL_BLOCK / 4) {
		/* Its own block, behind the head: the head keeps filling. */
		b = block_new(len + 1);
		if (p->head) {
			b->next = p->head->next;
			p->head->next = b;
		} else {
			p->head = b;
			p->left = 0;
		}
		d = b->bytes;
	} else {
		if (p->head == NULL || p->left < len + 1) {
			b = block_new(POOL_BLOCK);
			b->next = p->head;
			p->head = b;
			p->left = POOL_BLOCK;
		}
		d = p->head->bytes + (p->head->size - p->left);
		p->left -= len + 1;
	}
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

void
pool_free(struct pool *p)
{
	struct pool_block *b = p->head, *next;

	for (; b; b = next) {
		next = b->next;
		free(b);
	}
	p->head = NULL;
	p->left = 0;
}
