/*
 * Calendar arithmetic on proleptic Gregorian dates, and "today".  Dates are
 * plain year/month/day triples; day numbers (days since 1970-01-01) make
 * differences and weekday sums trivial.  Today honours MINUTES_TODAY so
 * tests and "as of" reviews see a fixed date.
 */
#ifndef MINUTES_CAL_H
#define MINUTES_CAL_H

#include <stdbool.h>

struct err;

struct ymd {
	int	y, m, d;
};

bool	 cal_valid(int y, int m, int d);
int	 cal_mdays(int y, int m);
/* Strict YYYY-MM-DD naming a real date. */
bool	 cal_parse_iso(const char *, struct ymd *);
/* Writes YYYY-MM-DD and a NUL into out[11]. */
void	 cal_format_iso(struct ymd, char out[11]);
/* Strict HH:MM, 00:00 to 23:59. */
bool	 cal_parse_hhmm(const char *, int *h, int *m);
long	 cal_days(struct ymd);
struct ymd cal_from_days(long);
/* 1 = Monday ... 7 = Sunday. */
int	 cal_weekday(struct ymd);
struct ymd cal_add_days(struct ymd, long);
/* Same day n months later, clamped to the month's last day. */
struct ymd cal_add_months(struct ymd, int n);
int	 cal_cmp(struct ymd, struct ymd);
/* Today: MINUTES_TODAY if set (an error if it is not a real date), else
 * the local date. */
int	 cal_today(struct ymd *, struct err *);

/* A stored UTC stamp (YYYY-MM-DDTHH:MM:SSZ) as local time to the minute
 * ("YYYY-MM-DD HH:MM") in out; the stamp as it is if it does not parse. */
void	 cal_local_stamp(const char *utc, char out[32]);

#endif
