/*
 * A new meeting, before it is stored: its header from the template chosen
 * and what the secretary typed, and what the next meeting of a series
 * inherits from the last one.  The core neither reads nor writes the
 * database: the caller reads the series' last meeting (store_series_previous)
 * between the two calls, and stores the result (store_meeting_insert).
 * Both the new-meeting dialog and `minutes new` go this way.
 */
#ifndef MINUTES_MEETING_NEW_H
#define MINUTES_MEETING_NEW_H

struct err;
struct meeting;
struct tmpl;

/* Fills m (initialised, empty) as a draft of template tp.  title and date
 * may be NULL or empty: the template's title (else its name) and today
 * stand in.  date is read as a person types it (cal_read_date: 03/07/2024,
 * 3/7 for this year, 2024-07-03).  series may be NULL or empty for none;
 * its blanks are made single spaces.  Every string is put in NFC, then the
 * meeting is validated: 0, or ERR_INPUT with a message naming the field
 * (m is then to be freed and not stored). */
int	 meeting_new(struct meeting *m, const struct tmpl *tp,
	    const char *series, const char *title, const char *date,
	    struct err *);
/* What the next meeting of a series starts with, from prev, the series'
 * last meeting before it: its header (organisation, place, place of
 * issue, chair, secretary, start time, style, recipients, the number's
 * pattern and the series' own spelling: series_copy_header) and its
 * roster, everyone present (toggling the absent is quicker than typing
 * everyone again).  prev may be NULL, or have id 0 when the series has no
 * earlier meeting: then nothing is inherited. */
void	 meeting_new_inherit(struct meeting *m, const struct meeting *prev);

#endif
