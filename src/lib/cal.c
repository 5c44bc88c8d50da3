/*
 * Calendar arithmetic (see cal.h).  The day-number conversion is the usual
 * era-based civil calendar algorithm, exact for every Gregorian date.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/cal.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
cal_mdays(int y, int m)
{
	static const int n[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && leap(y) ? 29 : n[m - 1];
}

bool
cal_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 &&
	    d >= 1 && d <= cal_mdays(y, m);
}

static bool
digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool
cal_parse_iso(const char *s, struct ymd *out)
{
	struct ymd t;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (!digits(s, 4, &t.y) || !digits(s + 5, 2, &t.m) ||
	    !digits(s + 8, 2, &t.d) || !cal_valid(t.y, t.m, t.d))
		return false;
	if (out)
		*out = t;
	return true;
}

void
cal_format_iso(struct ymd t, char out[11])
{
	unsigned y = (unsigned)t.y % 10000, m = (unsigned)t.m % 100,
	    d = (unsigned)t.d % 100;

	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

bool
cal_parse_hhmm(const char *s, int *h, int *m)
{
	int hh, mm;

	if (s == NULL || strlen(s) != 5 || s[2] != ':' ||
	    !digits(s, 2, &hh) || !digits(s + 3, 2, &mm) || hh > 23 || mm > 59)
		return false;
	if (h)
		*h = hh;
	if (m)
		*m = mm;
	return true;
}

/* Reads 1 to max digits at *p into *v; false if there is none. */
static bool
number(const char **p, int max, int *v, int *len)
{
	int n = 0, x = 0;

	while (n < max && **p >= '0' && **p <= '9') {
		x = x * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (len)
		*len = n;
	*v = x;
	return n > 0 && !(**p >= '0' && **p <= '9');
}

static bool
date_sep(char c)
{
	return c == '/' || c == '-' || c == '.';
}

/* The parts of a typed date; *has_year false for dd/mm. */
static enum cal_read
date_parts(const char *s, struct ymd *t, bool *has_year)
{
	const char *p;
	int a, b, c, la, lc;
	char sep;

	while (*s == ' ' || *s == '\t')
		s++;
	p = s;
	if (!number(&p, 4, &a, &la) || !date_sep(*p))
		return CAL_FORM;
	sep = *p++;
	if (!number(&p, 2, &b, NULL))
		return CAL_FORM;
	*has_year = date_sep(*p);
	if (*has_year) {
		if (*p++ != sep || !number(&p, 4, &c, &lc))
			return CAL_FORM;
	} else
		c = 0, lc = 0;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '\0')
		return CAL_FORM;
	if (la == 4 && lc >= 1 && lc <= 2)	/* yyyy-mm-dd */
		*t = (struct ymd){ a, b, c };
	else if (la <= 2 && (lc == 4 || !*has_year))	/* dd/mm/yyyy, dd/mm */
		*t = (struct ymd){ c, b, a };
	else
		return CAL_FORM;
	return CAL_OK;
}

enum cal_read
cal_read_date(const char *s, const struct ymd *year_of, struct ymd *out)
{
	struct ymd t;
	bool has_year;
	enum cal_read r;

	if (s == NULL || (r = date_parts(s, &t, &has_year)) != CAL_OK)
		return CAL_FORM;
	if (!has_year) {
		if (year_of == NULL)
			return CAL_NOYEAR;
		t.y = year_of->y;
	}
	if (!cal_valid(t.y, t.m, t.d))
		return CAL_NODAY;
	if (out)
		*out = t;
	return CAL_OK;
}

static const char *
skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* p past word w (ASCII, folded) and the blanks after it, else NULL. */
static const char *
word(const char *p, const char *w)
{
	size_t n = strlen(w);

	return strncmp(p, w, n) == 0 ? skip_blanks(p + n) : NULL;
}

enum cal_read
cal_read_time(const char *s, int *h, int *m)
{
	char *f;
	const char *p, *q;
	int hh, mm = 0, len;
	enum cal_read r = CAL_FORM;

	if (s == NULL)
		return CAL_FORM;
	/* Folded: "14 Giờ 30 phút" reads as "14 gio 30 phut". */
	f = utf8_fold(s, strlen(s));
	p = skip_blanks(f);
	if (!number(&p, 2, &hh, NULL))
		goto out;
	if (*p == ':') {
		p++;
		if (!number(&p, 2, &mm, &len) || len != 2)
			goto out;
	} else {
		p = skip_blanks(p);
		if ((q = word(p, "gio")) == NULL && (q = word(p, "h")) == NULL &&
		    (q = word(p, "g")) == NULL)
			goto out;
		p = q;
		if (*p >= '0' && *p <= '9') {
			if (!number(&p, 2, &mm, NULL))
				goto out;
			p = skip_blanks(p);
			if ((q = word(p, "phut")) != NULL)
				p = q;
		}
	}
	if (*skip_blanks(p) != '\0')
		goto out;
	r = hh > 23 || mm > 59 ? CAL_NOTIME : CAL_OK;
	if (r == CAL_OK && h)
		*h = hh;
	if (r == CAL_OK && m)
		*m = mm;
out:
	free(f);
	return r;
}

int
cal_date_error(struct err *e, enum cal_read r, const char *what,
    const char *s)
{
	struct ymd t;
	bool has_year;

	if (r == CAL_NOYEAR)
		return err_set(e, ERR_INPUT, _("%s: \"%s\" has no year: write "
		    "the date as 03/07/2024"), what, s);
	if (r == CAL_NODAY && date_parts(s, &t, &has_year) == CAL_OK) {
		if (t.y < 1 || t.y > 9999)
			return err_set(e, ERR_INPUT, _("%s: \"%s\": the year "
			    "must be from 1 to 9999"), what, s);
		if (t.m < 1 || t.m > 12)
			return err_set(e, ERR_INPUT, _("%s: \"%s\": there is "
			    "no month %d"), what, s, t.m);
		if (has_year)
			return err_set(e, ERR_INPUT, _("%s: \"%s\": month %d "
			    "of %d has %d days"), what, s, t.m, t.y,
			    cal_mdays(t.y, t.m));
		return err_set(e, ERR_INPUT, _("%s: \"%s\": there is no such "
		    "day"), what, s);
	}
	return err_set(e, ERR_INPUT, _("%s: \"%s\" is not a date: write "
	    "03/07/2024 or 2024-07-03"), what, s);
}

int
cal_time_error(struct err *e, enum cal_read r, const char *what,
    const char *s)
{
	if (r == CAL_NOTIME)
		return err_set(e, ERR_INPUT, _("%s: \"%s\": hours go from 0 "
		    "to 23 and minutes from 0 to 59"), what, s);
	return err_set(e, ERR_INPUT, _("%s: \"%s\" is not a time: write "
	    "14:30 or 14h30"), what, s);
}

const char *
cal_date_form(void)
{
	/* How dates are written in the interface's language: yyyy, mm
	 * and dd in its order, with its separators, ten characters. */
	return _("yyyy-mm-dd");
}

void
cal_format_pattern(struct ymd t, const char *pat, char out[11])
{
	char iso[11];
	size_t o = 0;
	bool y = false, m = false, d = false;

	cal_format_iso(t, iso);
	if (pat == NULL || strlen(pat) != 10) {
		memcpy(out, iso, 11);
		return;
	}
	for (size_t i = 0; i < 10; ) {
		if (strncmp(pat + i, "yyyy", 4) == 0 && !y) {
			memcpy(out + o, iso, 4);
			o += 4, i += 4, y = true;
		} else if (strncmp(pat + i, "mm", 2) == 0 && !m) {
			memcpy(out + o, iso + 5, 2);
			o += 2, i += 2, m = true;
		} else if (strncmp(pat + i, "dd", 2) == 0 && !d) {
			memcpy(out + o, iso + 8, 2);
			o += 2, i += 2, d = true;
		} else if (pat[i] == 'y' || pat[i] == 'm' || pat[i] == 'd' ||
		    (unsigned char)pat[i] >= 0x80) {
			break;
		} else
			out[o++] = pat[i++];
	}
	if (o != 10 || !y || !m || !d) {
		memcpy(out, iso, 11);
		return;
	}
	out[10] = '\0';
}

void
cal_format_date(struct ymd t, char out[11])
{
	cal_format_pattern(t, cal_date_form(), out);
}

const char *
cal_show(const char *iso, char out[11])
{
	struct ymd t;

	if (iso == NULL)
		return "";
	if (!cal_parse_iso(iso, &t))
		return iso;
	cal_format_date(t, out);
	return out;
}

long
cal_days(struct ymd t)
{
	long y = t.y - (t.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (t.m + (t.m > 2 ? -3 : 9)) + 2) / 5 + t.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct ymd
cal_from_days(long z)
{
	struct ymd t;
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	t.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	t.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	t.y = (int)(yoe + era * 400 + (t.m <= 2));
	return t;
}

int
cal_weekday(struct ymd t)
{
	long z = cal_days(t);	/* 1970-01-01 was a Thursday */
	long w = (z + 3) % 7;

	if (w < 0)
		w += 7;
	return (int)w + 1;
}

struct ymd
cal_add_days(struct ymd t, long n)
{
	return cal_from_days(cal_days(t) + n);
}

struct ymd
cal_add_months(struct ymd t, int n)
{
	long m = (long)t.y * 12 + (t.m - 1) + n;
	struct ymd r;

	r.y = (int)(m / 12);
	r.m = (int)(m % 12) + 1;
	r.d = t.d;
	if (r.d > cal_mdays(r.y, r.m))
		r.d = cal_mdays(r.y, r.m);
	return r;
}

int
cal_cmp(struct ymd a, struct ymd b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

int
cal_today(struct ymd *out, struct err *e)
{
	const char *env = getenv("MINUTES_TODAY");
	time_t now;
	struct tm tm;

	if (env && *env) {
		if (!cal_parse_iso(env, out))
			return err_set(e, ERR_INPUT,
			    _("MINUTES_TODAY \"%s\" is not a date (YYYY-MM-DD)"), env);
		return 0;
	}
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return err_set(e, ERR_RUNTIME, _("cannot read the clock"));
	out->y = tm.tm_year + 1900;
	out->m = tm.tm_mon + 1;
	out->d = tm.tm_mday;
	return 0;
}

void
cal_local_stamp(const char *utc, char out[32])
{
	struct tm tm = { 0 };
	time_t t;

	if (sscanf(utc, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, 32, "%s", utc);
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(out, 32, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(out, 32, "%s", utc);
}
