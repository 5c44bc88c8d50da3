/*
 * Type-ahead: keys typed before a question could be read.  A dialog that
 * may open while the secretary is typing (the editor's "Open elsewhere"
 * question, shown as the editor starts) must not take its answer from
 * the words already on their way: the "r" of "chủ trì" once chose
 * read-only and the rest of the sentence was lost.  Such a dialog holds
 * every key that is part of a burst of typing (pending when it opens, or
 * following another key within TYPING_GAP_MS) instead of reading it as
 * an answer; afterwards its caller either gives the held keys back, to be
 * read again by the screen that follows (tui_read takes them first), or
 * drops them, knowing how many there were.  The editor holds keys the
 * same way while a save runs on its own thread (tui_ahead_hold), and
 * gives them back when it ends.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/xmalloc.h"
#include "tui/tui.h"
#include "tui/tui_ahead.h"

/* A pause this long ends a burst of typing: a person reading a question
 * takes longer before they answer it, a typist less between keys. */
#define TYPING_GAP_MS	300

static struct tui_event *held;
static size_t nheld, capheld, next;	/* held[next..nheld) to replay */
static bool replaying;
static int64_t last_ms;

void
tui_ahead_drop_all(void)
{
	for (size_t i = 0; i < nheld; i++)
		if (held[i].kind == EV_PASTE)
			free((char *)held[i].paste);
	nheld = next = 0;
	replaying = false;
}

static void
hold(const struct tui_event *ev)
{
	if (nheld == capheld) {
		capheld = capheld ? 2 * capheld : 16;
		held = xreallocarray(held, capheld, sizeof *held);
	}
	held[nheld] = *ev;
	if (ev->kind == EV_PASTE) {
		char *p = xmalloc(ev->pastelen + 1);

		memcpy(p, ev->paste, ev->pastelen);
		p[ev->pastelen] = '\0';
		held[nheld].paste = p;
	}
	nheld++;
}

void
tui_ahead_begin(void)
{
	struct tui_event ev;

	tui_ahead_drop_all();
	last_ms = 0;
	/* What waits already was typed before the question showed. */
	for (;;) {
		tui_wake_in(0);
		tui_read(&ev);
		if (ev.kind == EV_TICK || ev.kind == EV_RESIZE)
			break;
		hold(&ev);
		last_ms = tui_now_ms();
	}
}

bool
tui_ahead_typing(const struct tui_event *ev, bool answer)
{
	int64_t now = tui_now_ms();

	if (ev->kind != EV_CHAR && ev->kind != EV_KEY && ev->kind != EV_PASTE)
		return false;
	if (answer && (last_ms == 0 || now - last_ms >= TYPING_GAP_MS))
		return false;
	hold(ev);
	last_ms = now;
	return true;
}

void
tui_ahead_hold(const struct tui_event *ev)
{
	/* An event being given back is held again: it is the one given
	 * last, so it goes back to the head, and the rest waits too. */
	if (replaying) {
		next--;
		replaying = false;
		return;
	}
	hold(ev);
}

size_t
tui_ahead_held(void)
{
	return nheld - next;
}

void
tui_ahead_replay(void)
{
	replaying = next < nheld;
}

size_t
tui_ahead_drop(void)
{
	size_t n = nheld - next;

	tui_ahead_drop_all();
	return n;
}

bool
tui_ahead_next(struct tui_event *ev)
{
	if (!replaying)
		return false;
	if (next == nheld) {
		/* The last one has been handled: its paste may go. */
		tui_ahead_drop_all();
		return false;
	}
	*ev = held[next++];
	return true;
}
