/*
 * Speakers in a text section (tui_speaker.c): F8 starts a paragraph with
 * the next attendee who has not spoken yet ("Đồng chí Lê Thị Thu, Chủ
 * tịch Ủy ban MTTQ quận: "), and Ctrl-N completes a name typed at the
 * start of a paragraph from the roster and the people of earlier
 * meetings.  A text page (tui_text.c) owns one and hands it those keys.
 */
#ifndef MINUTES_TUI_SPEAKER_H
#define MINUTES_TUI_SPEAKER_H

#include <stdbool.h>
#include <stddef.h>

struct page_host;
struct textbuf;

struct speaker {
	unsigned long	 changes;	/* the text's changes after F8 put one */
	size_t		 next;		/* the attendee F8 offers after it */
	bool		 put;		/* F8 put one and nothing came since */
};

/* F8: the next speaker at the start of a new paragraph; F8 again at
 * once puts the one after instead. */
void	 tui_speaker_next(struct speaker *, struct page_host *,
	    struct textbuf *);
/* Ctrl-N: the name before the cursor completed into a speaker's
 * opening words. */
void	 tui_speaker_complete(struct page_host *, struct textbuf *);

#endif
