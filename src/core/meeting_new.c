/*
 * A new meeting before it is stored (see meeting_new.h): the header a
 * template gives it, the defaults for what was left empty, and the roster
 * carried over from the last meeting of its series.
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>

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
	char today[11] = "", *iso = NULL, *name;
	struct ymd d;
	struct err te;

	if (cal_today(&d, &te) == 0)
		cal_format_iso(d, today);
	else if (model_blank(date)) {
		*e = te;
		return ERR_INPUT;
	}
	/* Typed as a person writes it; day and month alone are this year's. */
	if (field_input(F_DATE, date, *today ? today : NULL, &iso, e) != 0)
		return ERR_INPUT;
	if (title == NULL || *title == '\0')
		title = tp->title ? tp->title : tp->name;
	name = series_clean(series);
	meeting_set(m, F_TEMPLATE, tp->id);
	meeting_set(m, F_TITLE, title);
	meeting_set(m, F_DATE, iso ? iso : today);
	meeting_set(m, F_SERIES, name);
	meeting_set(m, F_STYLE, tp->style);
	meeting_set(m, F_STATUS, "draft");
	free(iso);
	free(name);
	meeting_normalise(m);
	return meeting_validate(m, e);
}

void
meeting_new_inherit(struct meeting *m, const struct meeting *prev)
{
	if (prev == NULL || prev->id == 0)
		return;
	series_copy_header(m, prev);
	series_copy_roster(m, prev);
}
