/*
 * Deadline normaliser (see dates.h).  Every word a phrase may use for a
 * number, month, weekday or relative position is looked up in its folded
 * form (lower case, no tone marks, đ as d), so "Thứ Sáu", "thứ sáu" and
 * "thu sau" are one entry and rule files need not spell each variant.
 * Each table is separate because the same folded word means different
 * things in different slots: "sau" is 6 as a weekday, "next" as a
 * relative word; "nam" is 5 as a count, "year" as a unit.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/tet.h"
#include "lib/utf8.h"

const char *const dates_kind_names[] = {
	"date", "month", "part", "quarter", "year", "week", "weekday",
	"day", "within", "business", "tet", NULL
};

struct word {
	const char	*w;
	int		 v;
};

static const struct word count_words[] = {
	{ "mot", 1 }, { "hai", 2 }, { "ba", 3 }, { "bon", 4 }, { "tu", 4 },
	{ "nam", 5 }, { "sau", 6 }, { "bay", 7 }, { "tam", 8 }, { "chin", 9 },
	{ "muoi", 10 }, { "muoi lam", 15 }, { "hai muoi", 20 },
	{ "ba muoi", 30 }, { "mot vai", 3 },
	{ "a", 1 }, { "an", 1 }, { "one", 1 }, { "two", 2 }, { "three", 3 },
	{ "four", 4 }, { "five", 5 }, { "six", 6 }, { "seven", 7 },
	{ "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
	{ "twelve", 12 }, { "fifteen", 15 }, { "twenty", 20 },
	{ "thirty", 30 }, { "a couple of", 2 }, { "couple of", 2 },
	{ NULL, 0 }
};

static const struct word weekday_words[] = {
	{ "hai", 1 }, { "ba", 2 }, { "tu", 3 }, { "nam", 4 }, { "sau", 5 },
	{ "bay", 6 }, { "chu nhat", 7 }, { "cn", 7 },
	{ "2", 1 }, { "3", 2 }, { "4", 3 }, { "5", 4 }, { "6", 5 }, { "7", 6 },
	{ "mon", 1 }, { "tue", 2 }, { "wed", 3 }, { "thu", 4 }, { "fri", 5 },
	{ "sat", 6 }, { "sun", 7 },
	{ NULL, 0 }
};

static const struct word rel_words[] = {
	{ "nay", 0 }, { "hom nay", 0 }, { "hien tai", 0 }, { "this", 0 },
	{ "current", 0 }, { "the current", 0 }, { "today", 0 },
	{ "the", 0 },
	{ "sau", 1 }, { "toi", 1 }, { "tiep theo", 1 }, { "ke tiep", 1 },
	{ "mai", 1 }, { "ngay mai", 1 }, { "next", 1 }, { "coming", 1 },
	{ "the coming", 1 }, { "following", 1 }, { "the following", 1 },
	{ "the next", 1 }, { "tomorrow", 1 },
	{ "kia", 2 }, { "ngay kia", 2 }, { "day after tomorrow", 2 },
	{ "the day after tomorrow", 2 },
	{ NULL, 0 }
};

/* Part of a month: the day it ends on, 0 for the month's last day. */
static const struct word part_words[] = {
	{ "thuong", 10 }, { "dau", 10 }, { "early", 10 }, { "beginning", 10 },
	{ "start", 10 }, { "trung", 20 }, { "giua", 20 }, { "mid", 20 },
	{ "middle", 20 }, { "ha", 0 }, { "cuoi", 0 }, { "late", 0 },
	{ "end", 0 },
	{ NULL, 0 }
};

static const struct word half_words[] = {
	{ "dau", 1 }, { "first", 1 }, { "h1", 1 },
	{ "cuoi", 2 }, { "second", 2 }, { "last", 2 }, { "h2", 2 },
	{ NULL, 0 }
};

enum unit { U_DAY = 1, U_WEEK, U_MONTH, U_YEAR };

static const struct word unit_words[] = {
	{ "ngay", U_DAY }, { "day", U_DAY }, { "days", U_DAY },
	{ "tuan", U_WEEK }, { "week", U_WEEK }, { "weeks", U_WEEK },
	{ "thang", U_MONTH }, { "month", U_MONTH }, { "months", U_MONTH },
	{ "nam", U_YEAR }, { "year", U_YEAR }, { "years", U_YEAR },
	{ NULL, 0 }
};

/* Vietnamese months in words, as minutes write them: "tháng Giêng",
 * "tháng Tư", "tháng Mười một", "tháng Chạp". */
static const struct word month_words[] = {
	{ "gieng", 1 }, { "mot", 1 }, { "hai", 2 }, { "ba", 3 }, { "tu", 4 },
	{ "bon", 4 }, { "nam", 5 }, { "sau", 6 }, { "bay", 7 }, { "tam", 8 },
	{ "chin", 9 }, { "muoi", 10 }, { "muoi mot", 11 }, { "muoi hai", 12 },
	{ "chap", 12 }, { NULL, 0 }
};

static const char *const month_names[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

static const char *const quarter_words[] = {
	"i", "ii", "iii", "iv"
};

static const char *const quarter_ordinals[] = {
	"first", "second", "third", "fourth"
};

bool
dates_kind(const char *s, enum dates_kind *k)
{
	for (int i = 0; dates_kind_names[i]; i++)
		if (strcmp(s, dates_kind_names[i]) == 0) {
			*k = (enum dates_kind)i;
			return true;
		}
	return false;
}

/* Folded copy with runs of spaces, dashes and dots squeezed to one space
 * and trimmed: "mid-", "Thứ  Sáu" and "thu sau" compare alike. */
static char *
fold(const char *s)
{
	char *f = utf8_fold(s, strlen(s)), *w = f;
	bool space = true;

	for (const char *r = f; *r; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '-' ||
		    *r == '.' || *r == '\xc2') {
			/* \xc2 starts a no-break space; its tail is skipped
			 * below as it is not a letter anyone looks up. */
			if (*r == '\xc2' && r[1])
				r++;
			if (!space)
				*w++ = ' ';
			space = true;
		} else {
			*w++ = *r;
			space = false;
		}
	}
	if (w > f && w[-1] == ' ')
		w--;
	*w = '\0';
	return f;
}

/* The value of the folded word f in table t. */
static bool
find(const struct word *t, const char *f, int *v)
{
	for (; t->w; t++)
		if (strcmp(t->w, f) == 0) {
			*v = t->v;
			return true;
		}
	return false;
}

static bool
lookup(const struct word *t, const char *s, int *v)
{
	char *f = fold(s);
	bool found = find(t, f, v);

	free(f);
	return found;
}

/* A decimal number of at most 4 digits, else -1. */
static int
number(const char *s)
{
	int v = 0, n = 0;

	for (; *s; s++, n++) {
		if (!isdigit((unsigned char)*s) || n >= 4)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return n ? v : -1;
}

static int
count_of(const char *s)
{
	int v = number(s);

	if (v < 0 && !lookup(count_words, s, &v))
		return -1;
	return v;
}

static int
month_of(const char *s)
{
	int v = number(s);
	char *f;

	if (v >= 0)
		return v >= 1 && v <= 12 ? v : -1;
	if (lookup(month_words, s, &v))
		return v;
	f = fold(s);
	v = -1;
	/* English names and their abbreviations: "Sep", "Sept", "September". */
	if (strlen(f) >= 3)
		for (int i = 0; i < 12; i++)
			if (strncmp(month_names[i], f, strlen(f)) == 0) {
				v = i + 1;
				break;
			}
	free(f);
	return v;
}

static int
year_of(const char *s)
{
	int v = number(s);

	if (v >= 0 && strlen(s) == 2)
		v += 2000;
	return v >= 1900 && v <= 9999 ? v : -1;
}

static int
quarter_of(const char *s)
{
	int v = number(s);
	char *f;

	if (v >= 0)
		return v >= 1 && v <= 4 ? v : -1;
	f = fold(s);
	for (int i = 0; i < 4; i++)
		if (strcmp(f, quarter_words[i]) == 0 ||
		    strcmp(f, quarter_ordinals[i]) == 0)
			v = i + 1;
	free(f);
	return v;
}

static int
weekday_of(const char *s)
{
	int v;
	char *f;

	if (lookup(weekday_words, s, &v))
		return v;
	f = fold(s);
	v = -1;
	/* "thứ Sáu" is "sáu" as a weekday. */
	if (strncmp(f, "thu ", 4) == 0) {
		int found = -1;

		lookup(weekday_words, f + 4, &found);
		free(f);
		return found;
	}
	/* English names by their first three letters: "Fri", "Friday". */
	if (strlen(f) >= 3) {
		char three[4] = { f[0], f[1], f[2], '\0' };

		for (const struct word *w = weekday_words; w->w; w++)
			if (strlen(w->w) == 3 && strcmp(w->w, three) == 0)
				v = w->v;
	}
	free(f);
	return v;
}

/* First word's value in a table, for parts such as "mid-" or "end of". */
static bool
lookup_first(const struct word *t, const char *s, int *v)
{
	char *f = fold(s), *sp;
	bool found;

	if ((sp = strchr(f, ' ')) != NULL)
		*sp = '\0';
	found = find(t, f, v);
	free(f);
	return found;
}

static int
rel_of(const char *s, int dflt)
{
	int v;

	if (s == NULL)
		return dflt;
	return lookup(rel_words, s, &v) ? v : -1;
}

static struct ymd
month_end(int y, int m)
{
	return (struct ymd){ y, m, cal_mdays(y, m) };
}

/* The month (y, m) a month phrase names: explicit, or relative to ref. */
static bool
which_month(const struct dates_parts *p, struct ymd ref, int *y, int *m)
{
	if (p->month) {
		if ((*m = month_of(p->month)) < 0)
			return false;
		if (p->year) {
			if ((*y = year_of(p->year)) < 0)
				return false;
		} else
			*y = *m >= ref.m ? ref.y : ref.y + 1;
		return true;
	}
	int r = rel_of(p->rel, 0);

	if (r < 0)
		return false;
	struct ymd first = cal_add_months((struct ymd){ ref.y, ref.m, 1 }, r);

	*y = first.y;
	*m = first.m;
	return true;
}

static bool
resolve_date(const struct dates_parts *p, struct ymd ref, struct ymd *due)
{
	int d, m, y;

	if (!p->day || (d = number(p->day)) < 1 || d > 31)
		return false;
	/* A day alone ("by the 20th"): its next occurrence in a month. */
	if (!p->month) {
		struct ymd first = { ref.y, ref.m, 1 };

		for (int i = 0; i < 13; i++) {
			struct ymd f = cal_add_months(first, i);

			if (cal_valid(f.y, f.m, d) &&
			    cal_cmp((struct ymd){ f.y, f.m, d }, ref) >= 0) {
				*due = (struct ymd){ f.y, f.m, d };
				return true;
			}
		}
		return false;
	}
	if ((m = month_of(p->month)) < 0)
		return false;
	if (p->year) {
		if ((y = year_of(p->year)) < 0 || !cal_valid(y, m, d))
			return false;
		*due = (struct ymd){ y, m, d };
		return true;
	}
	/* No year: the next occurrence on or after ref (29 February may
	 * be up to eight years off). */
	for (y = ref.y; y <= ref.y + 8; y++)
		if (cal_valid(y, m, d) &&
		    cal_cmp((struct ymd){ y, m, d }, ref) >= 0) {
			*due = (struct ymd){ y, m, d };
			return true;
		}
	return false;
}

static bool
resolve_part(const struct dates_parts *p, struct ymd ref, struct ymd *due)
{
	int part, y, m;

	if (!p->part || !lookup_first(part_words, p->part, &part) ||
	    !which_month(p, ref, &y, &m))
		return false;
	*due = (struct ymd){ y, m, part ? part : cal_mdays(y, m) };
	/* A year-less part already over is next year's. */
	if (p->month && !p->year && cal_cmp(*due, ref) < 0) {
		y++;
		*due = (struct ymd){ y, m, part ? part : cal_mdays(y, m) };
	}
	return true;
}

static bool
resolve_quarter(const struct dates_parts *p, struct ymd ref, struct ymd *due)
{
	int q, y;

	if (p->quarter) {
		if ((q = quarter_of(p->quarter)) < 0)
			return false;
		if (p->year) {
			if ((y = year_of(p->year)) < 0)
				return false;
		} else {
			y = ref.y;
			if (cal_cmp(month_end(y, q * 3), ref) < 0)
				y++;
		}
	} else {
		int r = rel_of(p->rel, 0);

		if (r < 0)
			return false;
		q = (ref.m - 1) / 3 + 1 + r;
		y = ref.y + (q - 1) / 4;
		q = (q - 1) % 4 + 1;
	}
	*due = month_end(y, q * 3);
	return true;
}

static bool
resolve_year(const struct dates_parts *p, struct ymd ref, struct ymd *due)
{
	int half = 2, y;

	if (p->half && !lookup_first(half_words, p->half, &half))
		return false;
	if (p->year) {
		if ((y = year_of(p->year)) < 0)
			return false;
	} else {
		int r = rel_of(p->rel, 0);

		if (r < 0)
			return false;
		y = ref.y + r;
	}
	/* No rolling forward: "6 tháng đầu năm" in a July meeting is the
	 * half-year just reported on, not next year's. */
	*due = half == 1 ? (struct ymd){ y, 6, 30 } : (struct ymd){ y, 12, 31 };
	return true;
}

static bool
resolve_within(const struct dates_parts *p, struct ymd ref, struct ymd *due)
{
	int n, u;

	if (!p->count || (n = count_of(p->count)) < 1 || n > 3660 ||
	    !p->unit || !lookup_first(unit_words, p->unit, &u))
		return false;
	switch (u) {
	case U_DAY:
		*due = cal_add_days(ref, n);
		break;
	case U_WEEK:
		*due = cal_add_days(ref, 7L * n);
		break;
	case U_MONTH:
		*due = cal_add_months(ref, n);
		break;
	default:
		*due = cal_add_months(ref, 12 * n);
		break;
	}
	return true;
}

static bool
resolve_business(const struct dates_parts *p, struct ymd ref, struct ymd *due)
{
	int n;
	struct ymd d = ref;

	if (!p->count || (n = count_of(p->count)) < 1 || n > 1000)
		return false;
	/* Counting starts the day after ref; weekends do not count. */
	while (n > 0) {
		d = cal_add_days(d, 1);
		if (cal_weekday(d) <= 5)
			n--;
	}
	*due = d;
	return true;
}

static bool
resolve(enum dates_kind k, const struct dates_parts *p, struct ymd ref,
    struct ymd *due)
{
	int y, m, r, wd;
	struct ymd t;

	switch (k) {
	case DATES_DATE:
		return resolve_date(p, ref, due);
	case DATES_MONTH:
		if (!which_month(p, ref, &y, &m))
			return false;
		*due = month_end(y, m);
		return true;
	case DATES_PART:
		return resolve_part(p, ref, due);
	case DATES_QUARTER:
		return resolve_quarter(p, ref, due);
	case DATES_YEAR:
		return resolve_year(p, ref, due);
	case DATES_WEEK:
		if ((r = rel_of(p->rel, 0)) < 0)
			return false;
		wd = p->weekday ? weekday_of(p->weekday) : 7;
		if (wd < 0)
			return false;
		/* Weeks run Monday to Sunday. */
		t = cal_add_days(ref, 1 - cal_weekday(ref) + 7L * r);
		*due = cal_add_days(t, wd - 1);
		return true;
	case DATES_WEEKDAY:
		if (!p->weekday || (wd = weekday_of(p->weekday)) < 0)
			return false;
		r = (wd - cal_weekday(ref) + 7) % 7;
		*due = cal_add_days(ref, r ? r : 7);
		return true;
	case DATES_DAY:
		if ((r = rel_of(p->rel, 1)) < 0)
			return false;
		*due = cal_add_days(ref, r);
		return true;
	case DATES_WITHIN:
		return resolve_within(p, ref, due);
	case DATES_BUSINESS:
		return resolve_business(p, ref, due);
	case DATES_TET:
		if (!tet_next(ref, &t))
			return false;
		*due = cal_add_days(t, -1);
		return true;
	}
	return false;
}

/* Counting forward or back from a date near either end of the calendar
 * (a meeting on 9999-12-21, "within 3 weeks") leaves the years a date
 * can be written in: such a phrase names no date either. */
bool
dates_resolve(enum dates_kind k, const struct dates_parts *p, struct ymd ref,
    struct ymd *due)
{
	struct ymd t;

	if (!resolve(k, p, ref, &t) || !cal_valid(t.y, t.m, t.d))
		return false;
	*due = t;
	return true;
}
