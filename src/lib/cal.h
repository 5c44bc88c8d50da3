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

/*
 * Dates and times as people type them: the one reader of every date and
 * time a person types (options, forms, table cells).  Files and the
 * database keep YYYY-MM-DD and HH:MM; these take what a Vietnamese
 * secretary writes as well.
 */
enum cal_read {
	CAL_OK,
	CAL_FORM,	/* in none of the forms taken */
	CAL_NODAY,	/* a date's form, but no such day (31/02/2024) */
	CAL_NOYEAR,	/* a day and month with no year where none is implied */
	CAL_NOTIME	/* a time's form, but no such time (25:00, 14h75) */
};
/* dd/mm/yyyy or d/m/yyyy (the separator / . or -, the same twice),
 * yyyy-mm-dd (or yyyy/mm/dd), and dd/mm meaning a day of year_of's year
 * when year_of is not NULL.  Blanks around it are ignored. */
enum cal_read cal_read_date(const char *, const struct ymd *year_of,
	    struct ymd *out);
/* 14:30, 9:05, 14h30, 14h, 14g30, 14 giờ 30, 14 giờ (and "phút" after
 * the minutes; marks and case do not matter: "14 gio 30" too). */
enum cal_read cal_read_time(const char *, int *h, int *m);
/* The message for a date or time s that could not be read (r is not
 * CAL_OK): what is the field or option ("--date", "Ngày"), the message
 * says which forms are taken, in the interface language.  Returns
 * ERR_INPUT. */
int	 cal_date_error(struct err *, enum cal_read r, const char *what,
	    const char *s);
int	 cal_time_error(struct err *, enum cal_read r, const char *what,
	    const char *s);

/* How the interface language writes a date ("dd/mm/yyyy" in
 * Vietnamese, "yyyy-mm-dd" in English): a translated pattern of yyyy, mm
 * and dd with separators, shown to people as a hint. */
const char *cal_date_form(void);
/* t written by a pattern such as cal_date_form's into out[11] (ISO when
 * the pattern is not one). */
void	 cal_format_pattern(struct ymd t, const char *pattern, char out[11]);
/* t as the interface language writes it. */
void	 cal_format_date(struct ymd t, char out[11]);
/* A stored YYYY-MM-DD as the interface writes it, in out; iso itself when
 * it is no such date (and "" for NULL). */
const char *cal_show(const char *iso, char out[11]);
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
