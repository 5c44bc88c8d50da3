/*
 * A new meeting before it is stored (see meeting_new.h): the header a
 * template gives it, the defaults for what was left empty, and the roster
 * carried over from the last meeting of its series.
 */
#include "config.h"

#include <stddef.h>

#include "core/meeting_new.h"
#include "core/model.h"
#include "core/series.h"
#include "core/tmpl.h"
#include "lib/cal.h"
#include "lib/err.h"

int
meeting_new(struct meeting *m, const struct tmpl *tp, const char *series,
    const char *title, const char *date, struct err *e)
{
	char today[11];
	struct ymd d;

	if (date == NULL || *date == '\0') {
		if (cal_today(&d, e))
			return ERR_INPUT;
		cal_format_iso(d, today);
		date = today;
	}
	if (title == NULL || *title == '\0')
		title = tp->title ? tp->title : tp->name;
	meeting_set(m, F_TEMPLATE, tp->id);
	meeting_set(m, F_TITLE, title);
	meeting_set(m, F_DATE, date);
	meeting_set(m, F_SERIES, series);
	meeting_set(m, F_STYLE, tp->style);
	meeting_set(m, F_STATUS, "draft");
	meeting_normalise(m);
	return meeting_validate(m, e);
}

void
meeting_new_inherit(struct meeting *m, const struct meeting *prev)
{
	if (prev != NULL && prev->id != 0)
		series_copy_roster(m, prev);
}
