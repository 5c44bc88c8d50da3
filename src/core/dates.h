/*
 * Deadline phrases to due dates.  The extractor's rules find a phrase and
 * capture its parts in named groups (day, month, year, quarter, ...); this
 * module turns those parts, the rule's kind and a reference date R (the
 * meeting's date) into the last day on which the task is still on time,
 * following the conventions of SPEC section 2.  It knows words, not
 * patterns: "thứ Sáu", "Friday", "IV", "hai", "next", "tới" are looked up
 * here, so rule files only say where the parts are.
 */
#ifndef MINUTES_DATES_H
#define MINUTES_DATES_H

#include <stdbool.h>

#include "lib/cal.h"

/* What a rule's phrase denotes; the name after "due." in a rules file. */
enum dates_kind {
	DATES_DATE,	/* day month [year]: that day; no year: next on or after R */
	DATES_MONTH,	/* [month [year]] [rel]: the month's last day */
	DATES_PART,	/* part month [year]: 10th, 20th or last day */
	DATES_QUARTER,	/* quarter [year] or rel: the quarter's last day */
	DATES_YEAR,	/* [year] [half] [rel]: 31 Dec, or 30 Jun for the first half,
			   of R's year when none is named */
	DATES_WEEK,	/* rel [weekday]: that day (Sunday) of this or next week */
	DATES_WEEKDAY,	/* weekday: the first such day after R */
	DATES_DAY,	/* rel: today, tomorrow, the day after */
	DATES_WITHIN,	/* count unit: R plus that many days, weeks, months, years */
	DATES_BUSINESS,	/* count: that many Monday-Friday days after R */
	DATES_TET	/* the day before the next Lunar New Year */
};

/* The captured parts, NUL-terminated, NULL when the group did not take
 * part in the match. */
struct dates_parts {
	const char	*day, *month, *year, *quarter, *count, *unit;
	const char	*weekday, *rel, *part, *half;
};

/* The kind named s ("date", "month", ...); false if there is none. */
bool	 dates_kind(const char *s, enum dates_kind *);
/* The kinds' names, for messages: NULL-terminated. */
extern const char *const dates_kind_names[];
/* Resolves a phrase against ref.  False when the parts do not make a real
 * date ("31/2", month 13, a count of zero): such a phrase is no deadline. */
bool	 dates_resolve(enum dates_kind, const struct dates_parts *,
	    struct ymd ref, struct ymd *due);

#endif
