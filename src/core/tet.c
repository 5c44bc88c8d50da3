/*
 * Look-ups in the generated table of Tết dates (see tet.h).  Kept apart from
 * the table so that regenerating it never touches hand-written code.
 */
#include "config.h"

#include "core/tet.h"

bool
tet_of_year(int y, struct ymd *out)
{
	if (y < tet_first_year || y > tet_last_year)
		return false;
	out->y = y;
	out->m = tet_table[y - tet_first_year][0];
	out->d = tet_table[y - tet_first_year][1];
	return true;
}

bool
tet_next(struct ymd ref, struct ymd *out)
{
	struct ymd t;

	/* Tết falls in January or February, so this year's or next year's. */
	for (int y = ref.y; y <= ref.y + 1; y++)
		if (tet_of_year(y, &t) && cal_cmp(t, ref) > 0) {
			*out = t;
			return true;
		}
	return false;
}
