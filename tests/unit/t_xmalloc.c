/*
 * Unit tests of the allocation helpers, above all XPUSH: an array grown
 * one element at a time from NULL keeps every element, its capacity
 * doubles (so n pushes cost O(log n) reallocations), and a push into room
 * already there moves nothing.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xmalloc.h"
#include "tap.h"

struct pair {
	int	 a;
	char	 b[13];
};

static void
test_push_ints(void)
{
	int *v = NULL;
	size_t n = 0, cap = 0, grew = 0, bad = 0;

	for (int i = 0; i < 10000; i++) {
		size_t was = cap;

		XPUSH(v, n, cap);
		if (cap != was)
			grew++;
		v[n++] = i * 7;
	}
	for (size_t i = 0; i < n; i++)
		if (v[i] != (int)i * 7)
			bad++;
	is_int((intmax_t)bad, 0, "10,000 pushes keep every element");
	ok(cap >= n, "capacity %zu holds the %zu elements", cap, n);
	ok(grew <= 12, "the array grew %zu times, doubling", grew);
	free(v);
}

static void
test_push_structs(void)
{
	struct pair *v = NULL;
	size_t n = 0, cap = 0;

	for (int i = 0; i < 100; i++) {
		XPUSH(v, n, cap);
		v[n].a = i;
		snprintf(v[n].b, sizeof v[n].b, "item %d", i);
		n++;
	}
	ok(v[0].a == 0 && strcmp(v[0].b, "item 0") == 0, "first struct kept");
	ok(v[99].a == 99 && strcmp(v[99].b, "item 99") == 0, "last struct kept");
	free(v);
}

static void
test_room_left(void)
{
	char *v = NULL, *before;
	size_t n = 0, cap = 0;

	XPUSH(v, n, cap);
	v[n++] = 'x';
	if (!ok(cap > 1, "the first push makes room for more (cap %zu)", cap)) {
		free(v);
		return;
	}
	before = v;
	XPUSH(v, n, cap);
	ok(v == before, "a push into room already there does not move the array");
	free(v);
}

/* An array that was filled some other way (n == cap) still grows. */
static void
test_full_array(void)
{
	size_t n = 3, cap = 3;
	long *v = xcalloc(n, sizeof *v);

	v[2] = 42;
	XPUSH(v, n, cap);
	ok(cap > 3 && v[2] == 42, "a full array grows and keeps its elements");
	v[n++] = 43;
	ok(v[3] == 43, "the new element is writable");
	free(v);
}

int
main(void)
{
	test_push_ints();
	test_push_structs();
	test_room_left();
	test_full_array();
	return tap_done();
}
