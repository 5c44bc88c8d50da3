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
