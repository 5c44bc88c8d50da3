/*
 * Speakers in a text section (see tui_speaker.h).  A secretary typing
 * "Ý kiến đại biểu" starts each opinion with who spoke, in the words of
 * the minutes: "Đồng chí NAME, POSITION ORGANISATION: ".  The words are
 * those of the template's language (the minutes'), not the interface's.
 * The next speaker is the first attendee present, other than the
 * secretary, whose name is not in the section yet; an attendee who was
 * represented speaks through the one who came in their place.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/search.h"
#include "core/textbuf.h"
#include "core/tmpl.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/editor/tui_page.h"
#include "tui/editor/tui_speaker.h"
#include "tui/tui.h"

/* The minutes' words for a speaker, by the template's language. */
struct words {
	const char	*lang;
	const char	*title;		/* before the name */
	const char	*instead;	/* "in place of" a represented one */
};
static const struct words words[] = {
	{ "vi", "Đồng chí ", "dự thay đồng chí " },
	{ "en", "", "for " },
};

static const struct words *
words_of(const struct page_host *h)
{
	const char *lang = h->tp && h->tp->lang ? h->tp->lang : "vi";

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(words[i].lang, lang) == 0)
			return &words[i];
	return &words[0];
}

/* Appends the opening words for a person: title, name, what they are. */
static void
opening(struct buf *b, const struct words *w, const char *name,
    const char *position, const char *organisation, const char *instead)
{
	bool org = organisation && *organisation && !(position &&
	    utf8_fold_contains(position, organisation));

	buf_printf(b, "%s%s", w->title, name);
	if (instead)
		buf_printf(b, ", %s%s", w->instead, instead);
	if ((position && *position) || org)
		buf_adds(b, ", ");
	if (position && *position)
		buf_printf(b, "%s%s", position, org ? " " : "");
	if (org)
		buf_adds(b, organisation);
	buf_adds(b, ": ");
}

/* The opening words of attendee a, malloc'd. */
static char *
attendee_opening(const struct page_host *h, const struct attendee *a)
{
	struct buf b = BUF_INIT;

	if (a->presence == PRES_REPRESENTED && a->proxy && *a->proxy)
		opening(&b, words_of(h), a->proxy, NULL, a->organisation,
		    a->name);
	else
		opening(&b, words_of(h), a->name, a->position, a->organisation,
		    NULL);
	return buf_steal(&b);
}

static bool
may_speak(const struct attendee *a)
{
	return a->name && a->presence != PRES_ABSENT &&
	    a->role != ROLE_SECRETARY;
}

/* What breaks the line before the cursor into a new paragraph: nothing
 * when the cursor already starts one. */
static const char *
new_paragraph(const struct textbuf *tb)
{
	const char *s = tb_text(tb);
	size_t c = tb->cur;

	if (c == 0 || (c >= 2 && s[c - 1] == '\n' && s[c - 2] == '\n'))
		return "";
	return s[c - 1] == '\n' ? "\n" : "\n\n";
}

/* The order the floor goes round: members and guests as the roster
 * lists them, the chair last (who opens and concludes the meeting).
 * Fills order[] with attendee indexes; returns how many. */
static size_t
floor_order(const struct meeting *m, size_t *order)
{
	size_t n = 0;

	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < m->natt; i++)
			if (may_speak(&m->att[i]) &&
			    (m->att[i].role == ROLE_CHAIR) == (pass == 1))
				order[n++] = i;
	return n;
}

/* Whether the attendee's name (or their stand-in's) is in the text. */
static bool
has_spoken(const struct attendee *a, const char *text)
{
	return utf8_fold_contains(text, a->presence == PRES_REPRESENTED &&
	    a->proxy ? a->proxy : a->name);
}

void
tui_speaker_next(struct speaker *sp, struct page_host *h, struct textbuf *tb)
{
	const struct meeting *m = h->m;
	size_t *order = xcalloc(m->natt + 1, sizeof *order);
	size_t n = floor_order(m, order), pick = n;
	bool again = sp->put && sp->changes == tb->changes;
	char *o, *a;

	if (h->readonly || h->final) {
		h->status(h, true, _("Read-only: nothing is typed here"));
		free(order);
		return;
	}
	/* F8 again at once: the one put is taken back for the next. */
	if (again) {
		tb_undo(tb);
		pick = n ? sp->next % n : 0;
	} else {
		/* The first who has not spoken; everyone has: the first. */
		for (size_t k = 0; k < n && pick == n; k++)
			if (!has_spoken(&m->att[order[k]], tb_text(tb)))
				pick = k;
		if (pick == n)
			pick = 0;
	}
	sp->put = false;
	if (n == 0) {
		h->status(h, true, _("No one on the attendees' list to give "
		    "the floor to: add them in the attendees section"));
		free(order);
		return;
	}
	/* One insertion, so that one undo takes it back. */
	tb_break_undo(tb);
	a = attendee_opening(h, &m->att[order[pick]]);
	o = xasprintf("%s%s", new_paragraph(tb), a);
	tb_insert(tb, o, strlen(o));
	tb_break_undo(tb);
	free(a);
	free(o);
	free(order);
	sp->put = true;
	sp->changes = tb->changes;
	sp->next = pick + 1;
	h->status(h, false, _("F8 again: the next attendee instead"));
}

/* A person Ctrl-N may offer: from the roster or an earlier meeting. */
struct cand {
	char	*label;		/* as listed */
	char	*open;		/* the opening words */
};

/* The name being typed: from the start of the paragraph's line (after
 * the title, "Đồng chí ", if typed) to the cursor; false when the cursor
 * is past a name's place (a colon or a full stop is typed). */
static bool
typed_name(const struct page_host *h, const struct textbuf *tb,
    size_t *start)
{
	const char *s = tb_text(tb), *title = words_of(h)->title;
	size_t a = tb->cur, tl = strlen(title);

	while (a > 0 && s[a - 1] != '\n')
		a--;
	if (tl && tb->cur - a >= tl) {
		char *f = search_fold(s + a, tl), *ft = search_fold(title, tl);

		if (strcmp(f, ft) == 0)
			a += tl;
		free(f);
		free(ft);
	}
	*start = a;
	return tb->cur - a <= 60 && memchr(s + a, ':', tb->cur - a) == NULL &&
	    memchr(s + a, '.', tb->cur - a) == NULL;
}

static void
add_cand(struct cand **v, size_t *n, size_t *cap, const struct words *w,
    const char *name, const char *position, const char *organisation,
    const char *from)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i].open + strlen(w->title), name) == 0 ||
		    strncmp((*v)[i].label, name, strlen(name)) == 0)
			return;	/* the same person twice */
	XPUSH(*v, *n, *cap);
	opening(&b, w, name, position, organisation, NULL);
	(*v)[*n].open = buf_steal(&b);
	(*v)[*n].label = xasprintf("%s — %s%s%s (%s)", name, position ? position :
	    "", position && organisation ? ", " : "", organisation ?
	    organisation : "", from);
	(*n)++;
}

/* The people whose name holds frag: the roster first, then those of
 * earlier meetings. */
static size_t
candidates(struct page_host *h, const char *frag, struct cand **v)
{
	const struct words *w = words_of(h);
	const struct meeting *m = h->m;
	struct person *pp = NULL;
	size_t n = 0, cap = 0, np = 0;
	struct err e;

	*v = NULL;
	for (size_t i = 0; i < m->natt; i++)
		if (m->att[i].name && utf8_fold_contains(m->att[i].name, frag))
			add_cand(v, &n, &cap, w, m->att[i].name,
			    m->att[i].position, m->att[i].organisation,
			    _("attendee"));
	err_clear(&e);
	if (store_people(h->t->store, &pp, &np, &e) == 0)
		for (size_t i = 0; i < np; i++)
			if (pp[i].name && utf8_fold_contains(pp[i].name, frag))
				add_cand(v, &n, &cap, w, pp[i].name,
				    pp[i].position, pp[i].organisation,
				    _("earlier meeting"));
	store_people_free(pp, np);
	return n;
}

/* Deletes text[from, to), leaving the cursor at from. */
static void
erase_range(struct textbuf *tb, size_t from, size_t to)
{
	size_t want = to - from;

	tb_goto(tb, from);
	while (want > 0) {
		size_t before = tb->len;

		tb_delete(tb);
		if (tb->len >= before)
			break;
		want -= before - tb->len < want ? before - tb->len : want;
	}
}

void
tui_speaker_complete(struct page_host *h, struct textbuf *tb)
{
	struct cand *v;
	size_t start, n;
	char *frag;
	int r = 0;

	if (!typed_name(h, tb, &start)) {
		h->status(h, true, _("Ctrl-N completes a speaker's name typed "
		    "at the start of a paragraph"));
		return;
	}
	frag = xstrndup(tb_text(tb) + start, tb->cur - start);
	n = candidates(h, frag, &v);
	if (n == 0)
		h->status(h, true, tui_fmt(_("No attendee, now or at an earlier "
		    "meeting, is called \"%s\""), frag));
	else if (n > 1) {
		const char **items = xcalloc(n, sizeof *items);

		for (size_t i = 0; i < n; i++)
			items[i] = v[i].label;
		r = tui_choose(_("Who speaks?"), items, n, 0);
		free(items);
	}
	if (n > 0 && r >= 0) {
		/* The typed part, title included, gives way to the whole. */
		size_t line = start;

		while (line > 0 && tb_text(tb)[line - 1] != '\n')
			line--;
		tb_break_undo(tb);
		erase_range(tb, line, start + strlen(frag));
		tb_insert(tb, v[r].open, strlen(v[r].open));
		tb_break_undo(tb);
	}
	for (size_t i = 0; i < n; i++) {
		free(v[i].label);
		free(v[i].open);
	}
	free(v);
	free(frag);
}
