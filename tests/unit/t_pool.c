/*
 * Unit tests of lib/pool: every string comes back as it was copied, NUL
 * after it (an empty one and one with a NUL inside too), at an address
 * that stays good while later strings fill blocks and long ones get
 * blocks of their own; pool_free leaves an empty pool that can be used
 * again.  Run under valgrind and ASan, these also show that nothing
 * leaks and nothing is written past a block.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/pool.h"
#include "lib/xmalloc.h"
#include "tap.h"

static void
test_strings(void)
{
	struct pool p = POOL_INIT;
	char *v[5000], word[32], *big = xmalloc(100001), *b1 = NULL, *b2 = NULL;
	char *e, *z;
	bool same = true;

	e = pool_strndup(&p, "", 0);
	z = pool_strndup(&p, "a\0b", 3);
	memset(big, 'x', 100000);
	big[100000] = '\0';
	for (int i = 0; i < 5000; i++) {
		snprintf(word, sizeof word, "Nghị quyết số %d", i);
		v[i] = pool_strndup(&p, word, strlen(word));
		if (i == 1000)
			b1 = pool_strndup(&p, big, 100000);
		if (i == 3000)
			b2 = pool_strndup(&p, big, 20000);
	}
	for (int i = 0; i < 5000 && same; i++) {
		snprintf(word, sizeof word, "Nghị quyết số %d", i);
		same = strcmp(v[i], word) == 0;
	}
	ok(same, "5,000 strings over many blocks are all as copied");
	is_str(e, "", "an empty string");
	ok(memcmp(z, "a\0b", 4) == 0, "a NUL inside is copied, one after");
	ok(b1 && strlen(b1) == 100000 && b1[99999] == 'x',
	    "a string longer than a block has one of its own");
	ok(b2 && strlen(b2) == 20000, "so has one a quarter of a block long");
	pool_free(&p);
	ok(p.head == NULL && p.left == 0, "pool_free empties the pool");
	is_str(pool_strndup(&p, "lại", strlen("lại")), "lại",
	    "and it can be used again");
	pool_free(&p);
	free(big);
}

static void
test_long_first(void)
{
	struct pool p = POOL_INIT;
	char *big = xmalloc(40001), *a, *b;

	memset(big, 'y', 40000);
	big[40000] = '\0';
	a = pool_strndup(&p, big, 40000);
	b = pool_strndup(&p, "sau", 3);
	ok(strlen(a) == 40000 && strcmp(b, "sau") == 0,
	    "a long string first, then a short one");
	pool_free(&p);
	free(big);
}

int
main(void)
{
	test_strings();
	test_long_first();
	return tap_done();
}
