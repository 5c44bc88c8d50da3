/*
 * What the extractor's PCRE2 side shares (extract_rules.c compiles the
 * rules, extract.c matches them): a compiled rule with what was learnt
 * of it at load time, and the extractor.  Only these two files include
 * it, and with it pcre2.h.
 */
#ifndef MINUTES_EXTRACT_RE_H
#define MINUTES_EXTRACT_RE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "core/dates.h"
#include "extract/extract_int.h"

/* Named groups a deadline rule may use, in struct dates_parts order. */
#define NPARTS	10
extern const char *const extract_part_names[NPARTS];

struct rule {
	enum rule_type	 type;
	unsigned	 flags;
	unsigned	 langs;
	enum dates_kind	 kind;
	pcre2_code	*re;
	pcre2_code	*anch;		/* the same, anchored, for look-ups */
	bool		 jit, anch_jit;
	struct extract_gate gate;	/* what a sentence must hold */
	size_t		 gidx[2 * EXTRACT_GATE_MAX];	/* its words in gwords */
	const char	*file;		/* where it was read (in x->files) */
	int		 line;
	size_t		 nlimit;	/* matches stopped by a limit */
	int		 ngidx;
	bool		 has_part[NPARTS];
	bool		 has_who, has_what;
	/* The numbers of the groups named as each part, then "assignee"
	 * and "task" (a name may be used more than once): grp[gfirst[i]
	 * .. gfirst[i + 1]), found once rather than at every hit. */
	uint16_t	*grp;
	size_t		 gfirst[NPARTS + 3];
	bool		 digit_first;	/* every match starts with a \d */
	int		 req;		/* a byte every match holds, or -1 */
	bool		 has_first;	/* first says which bytes may start */
	uint8_t		 first[32];	/* a match, as PCRE2 worked out */
	struct extract_heads heads;	/* what its matches start with */
	bool		 indexed;	/* x->index lists where it may start */
};

/* A gate word, kept once however many rules need it ("tháng"), with the
 * signatures of its alternatives. */
struct gate_word {
	char			*word;
	struct extract_sig	*sigs;
	size_t			 nsigs;
	/* Every match holds it where a word starts, and it has no wildcard:
	 * the index finds it (as id nrules + its index). */
	bool			 starts, indexed;
};

/* Strings the extractor keeps, and frees with it. */
struct strs {
	char		**v;
	size_t		  n, cap;
};

struct extractor {
	unsigned		 langs;		/* requested */
	struct rule		*rules;
	size_t			 nrules, caprules;
	struct strs		 problems;
	struct strs		 files;		/* the rule files read */
	/* Rules stopped by a match limit while running, each told once. */
	struct strs		 warnings;
	size_t			 nlimit;
	enum extract_role	 role;		/* the section's, or ROLE_ANY */
	struct gate_word	*gwords;
	size_t			 ngwords, capgwords;
	/* Word lists, [0] Vietnamese, [1] English. */
	struct extract_words	 words[2];
	pcre2_match_context	*mctx;
	pcre2_jit_stack		*jstack;
	pcre2_match_data	*md;
	/* Where the rules of each language ([0] Vietnamese, [1] English)
	 * may start in a text, and the places found in the text being
	 * read. */
	struct extract_index	*index[2];
	struct extract_found	 found;
	int			 lang;		/* the index the text was read with */
	/* Rules as bits, words of 64 a set: for each language and type,
	 * all its rules, and those not indexed. */
	size_t			 nbits;
	uint64_t		*oftype[2][RT_NTYPES], *unindexed[2][RT_NTYPES];
	/* The rules of each type, in file order: every question is about
	 * one type. */
	size_t			*bytype[RT_NTYPES];
	size_t			 nbytype[RT_NTYPES], capbytype[RT_NTYPES];
};

/* Counts a match of r stopped by a limit; the first for r adds a
 * warning naming its file and line. */
void	 extract_limit_hit(struct extractor *, struct rule *);

#endif
