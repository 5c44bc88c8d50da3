/*
 * What the extractor's files share: the hit lists the matcher (extract.c,
 * which with extract_rules.c alone sees PCRE2) fills on the assembler's
 * demand, with deadline phrases already resolved to dates; the assembler
 * (extract_items.c, extract_ask.c, extract_task.c); the gates (extract_gate.c) and the text helpers
 * (extract_text.c).  Private to the extractor.
 */
#ifndef MINUTES_EXTRACT_INT_H
#define MINUTES_EXTRACT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/cal.h"

enum rule_type {
	RT_CUE,		/* addresses a task: "đề nghị", "giao", "please" */
	RT_MODAL,	/* between addressee and task: "cần", "will", "to" */
	RT_VERB,	/* starts a task: "rà soát", "triển khai" */
	RT_PAST,	/* marks a report of the past: "đã", "has" */
	RT_ASSIGNEE,	/* names a body: "Hội Phụ nữ quận" */
	RT_LEAD,	/* leads into a clause: "Đồng thời,", "agreed that" */
	RT_LINE,	/* shorthand line: "TODO:", "@X", "Giao X:" */
	RT_OWNER,	/* names the owner after the task: "assigned to X" */
	RT_INTRO,	/* before a ':' that opens a list: "như sau:", "gồm:" */
	RT_SKIP,	/* never a deadline: stamps, fractions, numbers */
	RT_DUE,		/* a deadline phrase */
	RT_NTYPES
};

/* Rule flags. */
#define RF_CASELESS	0x01	/* i */
#define RF_WEAK		0x02	/* w: a deadline only where no past is told */
#define RF_NAME		0x04	/* n: the subject before it must be a name */
#define RF_STRONG	0x08	/* s: a verb that may follow a subject directly */

struct span {
	size_t	s, e;		/* e == s: unset */
};

/* What a paragraph is for, as far as tasks go.  The caller may know it
 * from the section the text sits in (extract_set_section); otherwise
 * the assembler infers it paragraph by paragraph. */
enum extract_role {
	ROLE_ANY,	/* not known: inferred from the paragraph's cues */
	ROLE_RESULTS,	/* results, limitations: only a cue makes a task */
	ROLE_REPORT,	/* inferred: a paragraph of past work, no cue, no
			 * modal; a subject needs a modal, a bare verb is
			 * a report */
	ROLE_TASKS	/* conclusions, tasks: directives expected */
};

/* Word lists: the words the assembler compares as words, not patterns,
 * read from the rule files like the rules ("pronoun i họ | they").  One
 * set per language; a text is read with the set of its language. */
enum word_kind {
	WK_PRONOUN,	/* stands for the addressee already named: "họ" */
	WK_DETERMINER,	/* opens an addressee in lower case: "các" */
	WK_ABBREV,	/* a '.' after it ends no sentence: "TP", "Mr" */
	WK_CONJ,	/* joins two subjects, each with a task: "và" */
	WK_JOINER,	/* a small word inside a capitalised name: "of" */
	WK_COMPLETE,	/* ", hoàn thành" before a deadline: a lead-in */
	WK_ALSO,	/* after a modal, not part of the task: "cũng" */
	WK_ARTICLE,	/* left out at the start of an assignee: "the" */
	WK_REFER,	/* opens a sentence that refers back: "Theo đó," */
	WK_PASSIVE,	/* after a modal, makes it passive: "sẽ được", "will be" */
	WK_NKINDS
};

struct word_list {
	char	**v;
	size_t	  n, cap;
};

struct extract_words {
	struct word_list k[WK_NKINDS];
};

/* Adds the words of "a | b c | d" (caseless: also with a capital first
 * letter) to the list. */
void	 extract_words_add(struct word_list *, const char *list, size_t len,
	    bool caseless);
void	 extract_words_free(struct extract_words *);
/* Length of the listed word that t[s..e) starts with, followed by a
 * space, a comma ("cán bộ, công chức") or e; 0 if none. */
size_t	 extract_word_at(const struct word_list *, const char *t, size_t s,
	    size_t e);
/* True if t[s..e) is exactly one of the listed words. */
bool	 extract_word_is(const struct word_list *, const char *t, size_t s,
	    size_t e);
/* Length of the listed word that ends t[s..e), starting at s or after
 * a space or comma; 0 if none. */
size_t	 extract_word_before(const struct word_list *, const char *t,
	    size_t s, size_t e);

struct hit {
	size_t		s, e;
	unsigned	flags;
	struct span	who, what;	/* line/owner rules: assignee, task */
	struct ymd	due;		/* deadlines */
};

#define HF_KEEP		0x100	/* a deadline that counts (set by assemble) */

struct hits {
	struct hit	*v[RT_NTYPES];
	size_t		 n[RT_NTYPES], cap[RT_NTYPES];
	/* Rules are run only where the assembler needs to know: scan runs
	 * the rules of one type over one sentence t[s..e) and appends their
	 * hits (deadline rules with the skips); at answers "which hit of
	 * this type starts exactly at p?" with an anchored match.  Most
	 * sentences of a meeting hold figures but no task, and most of the
	 * assembler's questions are about one position. */
	void		(*scan)(void *arg, struct hits *, enum rule_type,
			    size_t s, size_t e);
	bool		(*at)(void *arg, enum rule_type, size_t p, size_t e,
			    struct hit *out);
	/* scan_to is scan by halves, for the types the assembler asks
	 * about only near a clause's start (verbs, bodies): it appends the
	 * hits of the sentence t[s..e) that start before p and that are
	 * not listed yet (fresh: none are, a new sentence), and returns
	 * where the next one starts, or SIZE_MAX.  The hits are those a
	 * scan would find, in the same order. */
	size_t		(*scan_to)(void *arg, struct hits *, enum rule_type,
			    size_t s, size_t e, size_t p, bool fresh);
	/* may is false where no rule of the type can start a hit at p:
	 * none that the index lists may start there, and every one of the
	 * type is listed.  A sentence need not be scanned for a question
	 * about p alone. */
	bool		(*may)(void *arg, enum rule_type, size_t p);
	void		*arg;
	/* The word lists of the text's language. */
	const struct extract_words *words;
	/* The section's role, ROLE_ANY if the caller named none. */
	enum extract_role role;
	/* Periods a skip vetoed, in text order: they name a meeting or a
	 * plan and are no deadline, but the plan's period may govern the
	 * directives that refer back to it ("Theo đó, ..."). */
	struct hit	*named;
	size_t		 nnamed, capnamed;
	/* Where the last look-up in each list ended (extract_hits_lower). */
	size_t		 hint[RT_NTYPES];
};

/* The first index of v[0..n), in order by key, whose key is at least p.
 * Questions come mostly in order, and in turns about nearby places: the
 * search gallops from *hint, the last answer, and leaves the answer
 * there.  Inline, so that key is known when compiled. */
static inline size_t
extract_gallop(const void *v, size_t n, size_t *hint, size_t p,
    size_t (*key)(const void *v, size_t i))
{
	size_t i = *hint < n ? *hint : n, lo, hi, step = 1;

	if (i < n && key(v, i) < p) {
		/* Forward: v[lo] is before p; find hi at or after it. */
		lo = i;
		for (hi = i + 1; hi < n && key(v, hi) < p; hi += step, step *= 2)
			lo = hi;
		if (hi > n)
			hi = n;
		lo++;
	} else {
		/* Backward: v[hi] is at or after p, or hi == n. */
		hi = i;
		for (lo = i; lo > 0 && key(v, lo - 1) >= p; step *= 2) {
			hi = lo - 1;
			lo = lo > step ? lo - step : 0;
		}
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (key(v, mid) < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return *hint = lo;
}

void	 extract_hits_add(struct hits *, enum rule_type, const struct hit *);
/* Sorts the hits of type t from index from on, by start (longest first
 * at equal starts). */
void	 extract_hits_sort_from(struct hits *, enum rule_type, size_t from);
/* Sorts the deadline and skip hits added since the given counts, drops
 * new deadlines inside a skip span or overlapping a longer one. */
void	 extract_hits_finish_due(struct hits *, size_t due_from, size_t skip_from);
/* Puts the deadline and skip hits and named periods of a sentence
 * scanned out of turn (into late) in their places among h's; returns the
 * index of its first deadline, where the later ones moved from. */
size_t	 extract_hits_merge_due(struct hits *h, const struct hits *late);
void	 extract_hits_free(struct hits *);
/* Index of the first hit of type t starting at or after pos. */
size_t	 extract_hits_lower(struct hits *, enum rule_type, size_t pos);
/* True if a hit of type t overlaps [s, e); covers [s, e) entirely. */
bool	 extract_hits_overlaps(struct hits *, enum rule_type, size_t s, size_t e);
bool	 extract_hits_covered(struct hits *, enum rule_type, size_t s, size_t e);

/* Assembles items from text t[0..n) (NFC) and its hits.  With
 * all_deadlines, every sentence's deadlines are looked for, and those
 * that count (in an item, or outside reports of the past) get HF_KEEP. */
struct extract_item;
/* Returns the number of sentences read. */
int	 extract_assemble(const char *t, size_t n, struct hits *, struct ymd ref,
	    struct extract_item **out, size_t *nout, bool all_deadlines);

/* What a sentence must hold for a rule to match there (extract_gate.c):
 * a digit, and each word (compared as extract_gate.c explains).  need
 * and alts are what the signatures below test: the words again, with
 * their letters, and sets of words of which one must be there. */
#define EXTRACT_GATE_MAX	4
struct extract_gate {
	bool	 digit;
	int	 n;
	char	*words[EXTRACT_GATE_MAX];
	int	 nneed, nalts;
	char	*need[EXTRACT_GATE_MAX];
	char	*alts[EXTRACT_GATE_MAX];
	/* Whether every match holds the word (each alternative) where a
	 * word may start: after a space or punctuation, or a \b and a
	 * letter.  Such a word is looked for by the index. */
	bool	 need_starts[EXTRACT_GATE_MAX], alts_start[EXTRACT_GATE_MAX];
};

/* Reading a pattern's source (extract_pat.c): the index just past the
 * group or class that opens at p[i] ('(' or '['), or 0 if it does not
 * close before e; whether p[s..e) has a '|' at its own level (or a group
 * that does not close). */
size_t	 extract_pat_close(const char *p, size_t e, size_t i);
bool	 extract_pat_has_alt(const char *p, size_t s, size_t e);

/* Reads the gate from a pattern's source; an empty gate passes all. */
void	 extract_gate_make(const char *pattern, struct extract_gate *);
void	 extract_gate_free(struct extract_gate *);
/* True if a gate word occurs in t[s..e). */
bool	 extract_gate_find(const char *t, size_t s, size_t e, const char *word);
/* False if a rule with this gate cannot match in t[s..e). */
bool	 extract_gate_pass(const struct extract_gate *, const char *t,
	    size_t s, size_t e, bool has_digit);

/* Decodes the code point at s[*i] of valid UTF-8 (a text is checked
 * before anything reads it so), advancing *i: without checks, as it
 * runs over every character of a text. */
static inline int32_t
extract_decode(const unsigned char *s, size_t *i)
{
	const unsigned char *u = s + *i;

	if (u[0] < 0x80) {
		*i += 1;
		return u[0];
	}
	if (u[0] < 0xe0) {
		*i += 2;
		return (int32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f);
	}
	if (u[0] < 0xf0) {
		*i += 3;
		return (int32_t)(u[0] & 0x0f) << 12 |
		    (int32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f);
	}
	*i += 4;
	return (int32_t)(u[0] & 0x07) << 18 | (int32_t)(u[1] & 0x3f) << 12 |
	    (int32_t)(u[2] & 0x3f) << 6 | (u[3] & 0x3f);
}

/* The pairs of adjacent characters a text holds, in lower case, hashed
 * into 1024 bits.  A gate word can occur only where each of its pairs
 * does: a sentence's signature is made once, and a word is then tested
 * in a few instructions instead of a search. */
#define EXTRACT_SIG_BITS	1024	/* 1 << 10, as extract_gate.c hashes */
struct extract_sig {
	uint64_t	b[EXTRACT_SIG_BITS / 64];
};

/* The signature of t[s..e) (valid UTF-8), and whether it has a digit. */
void	 extract_sig_text(const char *t, size_t s, size_t e,
	    struct extract_sig *, bool *digit);
/* The signature of each alternative of a gate word, in a new array;
 * returns their number. */
size_t	 extract_sig_word(const char *word, struct extract_sig **);

/* True if text may hold what word needs. */
static inline bool
extract_sig_may(const struct extract_sig *text, const struct extract_sig *word)
{
	uint64_t miss = 0;

	for (int i = 0; i < EXTRACT_SIG_BITS / 64; i++)
		miss |= word->b[i] & ~text->b[i];
	return miss == 0;
}

/* What every match of a rule starts with (extract_head.c): its heads,
 * folded (extract_fold) unless the rule matches case-sensitively (then
 * exact), every digit HEAD_DIGIT; and whether a match never starts right
 * after a letter or digit (a \b, then a letter or digit; or a
 * look-behind for ", ").  No heads: a match may start anywhere. */
#define HEAD_DIGIT	'\x03'
struct extract_heads {
	char	**v;
	size_t	  n;
	bool	  word;
	bool	  exact;
};

void	 extract_heads_make(const char *pattern, bool caseless,
	    struct extract_heads *);
void	 extract_heads_free(struct extract_heads *);
/* A character as heads hold it: in lower case, with the letters PCRE2
 * also matches caselessly to a third form (long s, the Kelvin sign)
 * folded together. */
int32_t	 extract_fold(int32_t cp);

/* The places in a text where the rules may start (extract_index.c),
 * from the heads of the rules of one language: for each type, in
 * order, the places where one of its rules may start, each with the set
 * of rules that may start there (extract_index_has). */
struct extract_index;
struct extract_cand {
	uint32_t	pos;
	uint32_t	set;
};
/* The list of places where gate words start, beside the types' lists. */
#define EXTRACT_GATES	RT_NTYPES
struct extract_found {
	bool			 valid;		/* false: the text was not indexed */
	struct extract_cand	*type[RT_NTYPES + 1];
	size_t			 ntype[RT_NTYPES + 1], captype[RT_NTYPES + 1];
	/* Where the matcher's last look-up in each list ended. */
	size_t			 last_i[RT_NTYPES + 1];
};

struct extract_index *extract_index_new(void);
/* Adds the heads of rule number rule (of the given type); false if the
 * rule cannot be indexed (no heads, or one that may start inside a
 * word): it must then be scanned. */
bool	 extract_index_add(struct extract_index *, size_t rule, unsigned type,
	    const struct extract_heads *);
/* Adds a gate word (extract_gate.c: one that starts a word in every
 * match), its alternatives separated by '\x02', as number id (counted
 * with the rules, after them): the places where it starts are listed
 * under EXTRACT_GATES. */
void	 extract_index_add_gate(struct extract_index *, size_t id,
	    const char *word);
/* Builds the tree once all rules are added. */
void	 extract_index_ready(struct extract_index *);
void	 extract_index_free(struct extract_index *);
/* Lists the candidates of t[0..n) (valid UTF-8) into f, reusing its
 * memory; false (f->valid false) if the text cannot be indexed. */
bool	 extract_index_scan(const struct extract_index *, const char *t,
	    size_t n, struct extract_found *f);
/* The rules of a candidate's set, as bits: extract_index_words words
 * of 64 rules, or-ed into acc. */
size_t	 extract_index_words(const struct extract_index *);
void	 extract_index_or(const struct extract_index *, uint32_t set,
	    uint64_t *acc);
/* True if the set of a candidate holds the rule. */
bool	 extract_index_has(const struct extract_index *, uint32_t set,
	    size_t rule);
void	 extract_found_free(struct extract_found *);

/* Languages of rule files and texts. */
#define LANG_VI		1
#define LANG_EN		2

/* Text helpers (extract_text.c).  Offsets are bytes into t[0..n). */
bool	 extract_is_space(const char *t, size_t n, size_t p, size_t *len);
size_t	 extract_skip_ws(const char *t, size_t n, size_t p, size_t end);
/* Skips spaces and the punctuation that joins a lead to its clause. */
size_t	 extract_skip_sep(const char *t, size_t p, size_t end);
/* e without trailing spaces and ",;.:". */
size_t	 extract_trim_back(const char *t, size_t s, size_t e);
bool	 extract_is_upper_at(const char *t, size_t n, size_t p);
size_t	 extract_count_words(const char *t, size_t s, size_t e);
bool	 extract_has_char(const char *t, size_t s, size_t e, char c);
/* Index of the first byte of t[i..e) that is one of the n bytes of set,
 * or e.  The loops that look for a sentence's end or a clause's ';' go
 * over every byte of a text: eight bytes at a time, a word is tested for
 * all the bytes of set at once (the high bit of each byte equal to one
 * of them; of those set, the lowest is sure, and the one wanted).
 * Inline, so that the set is known when compiled. */
static inline size_t
extract_find_bytes(const char *t, size_t i, size_t e, const char *set,
    int n)
{
	const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;

	for (; i + 8 <= e; i += 8) {
		uint64_t w, m = 0;

		memcpy(&w, t + i, 8);
		for (int k = 0; k < n; k++) {
			uint64_t x = w ^ (ones * (unsigned char)set[k]);

			m |= (x - ones) & ~x & high;
		}
		if (m)
			return i + (size_t)__builtin_ctzll(m) / 8;
	}
	for (; i < e; i++)
		for (int k = 0; k < n; k++)
			if (t[i] == set[k])
				return i;
	return e;
}
/* Every word capitalised, or one of the joiners ("of", "và"). */
bool	 extract_all_capitalised(const char *t, size_t n, size_t s, size_t e,
	    const struct word_list *joiners);
/* A ':' that introduces what follows (not one in "14:00"), or e. */
size_t	 extract_find_colon(const char *t, size_t s, size_t e);
/* Length of a list marker at p ("- ", "• ", "1. ", "a) "), or 0. */
size_t	 extract_bullet(const char *t, size_t p, size_t e);
/* End of the sentence starting at s within the line [s, e); a '.' after
 * one of abbrevs, or after an initial, ends none. */
size_t	 extract_sentence_end(const char *t, size_t s, size_t e,
	    const struct word_list *abbrevs);
/* LANG_VI or LANG_EN, from the letters the text uses; addresses and
 * other long tokens do not count. */
unsigned extract_guess_lang(const char *t, size_t n);
/* The letters of t[0..n) that count for the guess, and how many of them
 * only Vietnamese (or French and Vietnamese) uses. */
void	 extract_count_letters(const char *t, size_t n, size_t *vi,
	    size_t *letters);
/* Cuts t[0..n) into runs of paragraphs (lines) of one language, each
 * guessed on its letters; a line with too few letters to tell goes with
 * the one before it.  Returns the number of runs; run i is
 * [start[i], start[i + 1]) with start[nruns] = n. */
size_t	 extract_lang_runs(const char *t, size_t n, size_t **start,
	    unsigned **lang);
/* True if s is valid UTF-8 without NUL and surely NFC: then neither
 * needs checking again (see extract_text.c). */
bool	 extract_plain(const char *s, size_t len);
/* NFC form of valid UTF-8 s, or NULL if s is NFC; then *mapp maps NFC
 * offsets back to s (see extract_text.c). */
char	*extract_nfc_map(const char *s, size_t len, size_t *outlen,
	    size_t **mapp);

#endif
