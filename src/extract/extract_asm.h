/*
 * What the three files of the assembler share (see extract_items.c): the
 * state of one reading of a text, the questions it asks the matcher
 * (extract_ask.c), and the making of an item (extract_task.c).  Private
 * to the assembler; no PCRE2 here either.
 */
#ifndef MINUTES_EXTRACT_ASM_H
#define MINUTES_EXTRACT_ASM_H

#include <stdbool.h>
#include <stddef.h>

#include "extract/extract.h"
#include "extract/extract_int.h"

/* One reading of a text t[0..n): where it stands, the items made so far. */
struct ctx {
	const char		*t;
	size_t			 n;
	struct hits		*h;
	struct ymd		 ref;
	bool			 all;		/* every deadline is wanted */
	size_t			 cur_s, cur_e;	/* the current sentence */
	/* The sentence each type was last scanned for. */
	int			 scanned[RT_NTYPES];
	/* For the types scanned by halves: the sentence, how far its
	 * hits are listed, and where the next one starts. */
	size_t			 lazy_s[RT_NTYPES], lazy_e[RT_NTYPES];
	size_t			 reached[RT_NTYPES], next[RT_NTYPES];
	struct hit		 slot[16];	/* answers of look-ups */
	unsigned		 nslot;
	struct extract_item	*items;
	size_t			 nitems, cap;
	int			 sentence;
	/* Items of the current sentence and their deadline hit (or -1). */
	size_t			 first_of_sentence;
	long			*dl;
	size_t			 dlcap;
	enum extract_role	 role;		/* of the current paragraph */
	/* The period that governs the directives read now: one the
	 * sentence opens on, or the one of a list's heading (an index into
	 * the deadline hits), or a plan's named period that a sentence
	 * refers back to (-2 - its index in the named ones); -1: none. */
	long			 scope;
	size_t			 prev_ls;	/* the paragraph before */
	/* Sentences whose deadlines were asked about only where no rule
	 * could start one, and so not looked for: they are, out of turn,
	 * if a sentence after refers back to them (owed: the paragraph
	 * before and this one; owe: the current sentence). */
	struct span		*owed;
	size_t			 nowed, capowed;
	bool			 owe;
	/* The addressee last named in this paragraph: the headless
	 * directives that follow continue its run. */
	struct span		 run_who;
};

/* ---- questions to the matcher (extract_ask.c) ---------------------- */

/* Makes sure the hits of type t in the current sentence are listed. */
void	 ask_need(struct ctx *, enum rule_type t);
/* The longest hit of type t starting exactly at p, within t[..e); at p
 * in the current sentence. */
const struct hit *ask_hit_at_in(struct ctx *, enum rule_type t, size_t p,
	    size_t e);
const struct hit *ask_hit_at(struct ctx *, enum rule_type t, size_t p);
/* The first hit of type t starting in [s, e). */
const struct hit *ask_first_in(struct ctx *, enum rule_type t, size_t s,
	    size_t e);
/* The first verb in [s, e) that is not part of a body's name, or e. */
size_t	 ask_first_verb(struct ctx *, size_t s, size_t e);
/* A verb starting at p that does not start a body's name. */
const struct hit *ask_verb_at(struct ctx *, size_t p);
/* Past the modals at p, or p itself. */
size_t	 ask_skip_modals(struct ctx *, size_t p, size_t e);
/* The deadline of the current sentence that starts at q, the sentence
 * scanned only if one may; ask_repay scans the sentences passed over
 * before the deadlines before p are read; ask_sentence_done ends a
 * sentence. */
const struct hit *ask_due_at(struct ctx *, size_t q);
void	 ask_repay(struct ctx *, size_t p);
void	 ask_sentence_done(struct ctx *);

/* ---- items (extract_task.c) ----------------------------------------- */

/* Records an item for the clause whose directive starts at start, whose
 * task is t[ts..te) and whose addressee is who (s == e: none). */
void	 item_add(struct ctx *, size_t start, size_t ts, size_t te,
	    struct span who);
/* Gives the deadlines of the sentence [s, e) outside its items to the
 * nearest item without one, and marks those that count. */
void	 item_settle(struct ctx *, size_t s, size_t e);

#endif
