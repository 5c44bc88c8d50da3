/*
 * Generated Vietnamese meeting minutes for the extractor's benchmark:
 * whole meetings as liaison bodies publish them (heading, dateline,
 * opening, who attended, results with figures, limitations, discussion,
 * conclusions with directives, sometimes a list of tasks), or only their
 * directive paragraphs.  The same seed gives the same text.
 */
#ifndef MINUTES_BENCH_MINUTES_H
#define MINUTES_BENCH_MINUTES_H

#include <stddef.h>

struct buf;

/* What was written so far, by kind of sentence. */
enum minutes_kind {
	MK_FRAME,	/* heading, dateline, opening, attendance */
	MK_RESULT,	/* results, mostly with figures */
	MK_NARRATIVE,	/* limitations, discussion, plain statements */
	MK_DIRECTIVE,	/* conclusions and tasks */
	MK_NKINDS
};

struct minutes_gen {
	unsigned long long	seed;
	size_t			sentences[MK_NKINDS];
	size_t			meetings;
};

/* Appends one meeting's minutes. */
void	minutes_meeting(struct buf *, struct minutes_gen *);
/* Appends one paragraph of directives, as a meeting's conclusions. */
void	minutes_directives(struct buf *, struct minutes_gen *);

#endif
