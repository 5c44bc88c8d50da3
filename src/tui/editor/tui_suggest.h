/*
 * The suggestions panel of a text page (tui_suggest.c): the tasks the
 * extractor finds in the paragraph being typed, with the keys that take
 * or dismiss them.  A text page (tui_text.c) owns one and hands it its
 * keys, ticks and drawing.
 */
#ifndef MINUTES_TUI_SUGGEST_H
#define MINUTES_TUI_SUGGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct page_host;
struct suggestion;
struct textbuf;
struct tui_event;

struct suggest_panel {
	struct page_host *host;
	const char	*key;		/* the section's key */
	struct textbuf	*tb;		/* the section's text */
	struct suggestion *sug;		/* for the paragraph at the cursor */
	size_t		 nsug, sel, pstart, pend;
	unsigned long	 changes;	/* the text's changes when found */
	int64_t		 cost_ms;	/* how long the last look took */
	bool		 valid;
	char		**seen;		/* answered digests of the section */
	size_t		 nseen, seencap;
	bool		 seen_valid;	/* loaded for this visit */
	bool		 muted;		/* F7: none in this section */
};

void	 tui_suggest_init(struct suggest_panel *, struct page_host *,
	    const char *key, struct textbuf *);
/* Looks for suggestions once keys pause; true to redraw. */
bool	 tui_suggest_tick(struct suggest_panel *, int64_t now);
/* Rows the panel wants (0 when there are none). */
int	 tui_suggest_rows(const struct suggest_panel *);
void	 tui_suggest_draw(struct suggest_panel *, int y, int x, int h, int w);
/* Underlines the selected suggestion's words in the text just drawn. */
void	 tui_suggest_highlight(struct suggest_panel *, int y, int x, int h,
	    int w);
/* F7: no suggestions in this section of this meeting, or them again;
 * remembered in the store with the answered ones. */
void	 tui_suggest_mute(struct suggest_panel *);
/* F3/F4/F5 and Ctrl-Up/Down; true if used. */
bool	 tui_suggest_key(struct suggest_panel *, const struct tui_event *);
/* Forgets the list and the answered digests (the page is left, or
 * freed): the next visit reads them again. */
void	 tui_suggest_free(struct suggest_panel *);

#endif
