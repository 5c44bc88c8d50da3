/*
 * Loading the extractor's rules: reading rule files (a user's file
 * shadows a shipped one of the same name), compiling each rule once with
 * PCRE2 (UTF and UCP for Vietnamese, JIT when the platform has it, match
 * limits so that no user pattern can hang the editor), and learning what
 * makes it cheap to run: its gate (extract_gate.c), the bytes a match
 * can start with, whether it starts with a digit, a byte every match
 * needs.  Matching is in extract.c.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/extract_re.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/paths.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* Limits for every rule, shipped or not: generous for sane patterns,
 * small enough that a catastrophic one fails in milliseconds. */
#define MATCH_LIMIT	200000
#define DEPTH_LIMIT	2000
#define HEAP_LIMIT	4096	/* KiB */


const char *const extract_part_names[NPARTS] = {
	"day", "month", "year", "quarter", "count", "unit", "weekday", "rel",
	"part", "half"
};

static const char *const type_names[RT_NTYPES] = {
	"cue", "modal", "verb", "past", "assignee", "lead", "line", "owner",
	"intro", "skip", "due"
};

/* The word lists' types, in enum word_kind order. */
static const char *const word_type_names[WK_NKINDS] = {
	"pronoun", "determiner", "abbrev", "conj", "joiner", "complete", "also",
	"article", "refer", "passive"
};

/* Appends s, which the list then owns. */
static void
strs_add(struct strs *l, char *s)
{
	XPUSH(l->v, l->n, l->cap);
	l->v[l->n++] = s;
}

/* String i of the list, or NULL past its end. */
static const char *
strs_at(const struct strs *l, size_t i)
{
	return i < l->n ? l->v[i] : NULL;
}

static void
strs_free(struct strs *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

static void
problem(struct extractor *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
problem(struct extractor *x, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strs_add(&x->problems, xvasprintf(fmt, ap));
	va_end(ap);
}

const char *
extract_problem(const struct extractor *x, size_t i)
{
	return strs_at(&x->problems, i);
}

size_t
extract_nrules(const struct extractor *x)
{
	return x->nrules;
}

void
extract_set_section(struct extractor *x, const char *key)
{
	x->role = ROLE_ANY;
	if (key && (strcmp(key, "results") == 0 || strcmp(key, "limitations") == 0))
		x->role = ROLE_RESULTS;
	else if (key && (strcmp(key, "conclusions") == 0 ||
	    strcmp(key, "tasks") == 0))
		x->role = ROLE_TASKS;
}

void
extract_limit_hit(struct extractor *x, struct rule *r)
{
	x->nlimit++;
	if (r->nlimit++ > 0)
		return;
	strs_add(&x->warnings, xasprintf(_("%s:%d: the rule hit PCRE2's "
	    "match limit and may have missed text; simplify its pattern"),
	    r->file, r->line));
}

const char *
extract_warning(const struct extractor *x, size_t i)
{
	return strs_at(&x->warnings, i);
}

size_t
extract_limit_hits(const struct extractor *x)
{
	return x->nlimit;
}

/* Which languages a rule file serves, from its name: vi*.rules serves
 * Vietnamese, en*.rules English, any other name both. */
static unsigned
file_langs(const char *name)
{
	if (strncmp(name, "vi", 2) == 0)
		return LANG_VI;
	if (strncmp(name, "en", 2) == 0)
		return LANG_EN;
	return LANG_VI | LANG_EN;
}

static bool
parse_flags(const char *s, size_t n, unsigned *flags)
{
	*flags = 0;
	if (n == 1 && s[0] == '-')
		return true;
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case 'i': *flags |= RF_CASELESS; break;
		case 'w': *flags |= RF_WEAK; break;
		case 'n': *flags |= RF_NAME; break;
		case 's': *flags |= RF_STRONG; break;
		default: return false;
		}
	}
	return n > 0;
}

static bool
has_name(const pcre2_code *re, const char *name)
{
	PCRE2_SPTR first, last;

	return pcre2_substring_nametable_scan(re, (PCRE2_SPTR)name, &first,
	    &last) > 0;
}

/* True if every match of the pattern starts with a \d, after at most a
 * \b: PCRE2 then knows no first character to look for (with UCP, \d is
 * any decimal digit of any script), and tries the pattern everywhere. */
static bool
digit_first(const char *p, size_t n)
{
	/* A branch at the top could start with anything. */
	if (extract_pat_has_alt(p, 0, n))
		return false;
	if (n >= 2 && strncmp(p, "\\b", 2) == 0) {
		p += 2;
		n -= 2;
	}
	if (n < 2 || strncmp(p, "\\d", 2) != 0)
		return false;
	return n == 2 || !(p[2] == '?' || p[2] == '*' ||
	    (p[2] == '{' && n > 3 && (p[3] == '0' || p[3] == ',')));
}

/* The byte PCRE2 found that every match holds after its first character
 * (the ':' of "\d{1,2}:\d{2}"), if it is no letter, whose case would
 * matter; else -1. */
static int
required_byte(const pcre2_code *re)
{
	uint32_t type = 0, unit = 0;

	if (pcre2_pattern_info(re, PCRE2_INFO_LASTCODETYPE, &type) != 0 ||
	    type != 1 ||
	    pcre2_pattern_info(re, PCRE2_INFO_LASTCODEUNIT, &unit) != 0 ||
	    unit >= 0x80 || (unit >= 'a' && unit <= 'z') ||
	    (unit >= 'A' && unit <= 'Z'))
		return -1;
	return (int)unit;
}

/* The bytes that may start a match, from PCRE2's own study of the
 * pattern (the set it skips to in a scan); false if it has none. */
static bool
first_bytes(const pcre2_code *re, uint8_t map[32])
{
	const uint8_t *bm = NULL;
	uint32_t type = 0, unit = 0;

	if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTBITMAP, &bm) == 0 && bm) {
		memcpy(map, bm, 32);
		return true;
	}
	if (pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODETYPE, &type) != 0 ||
	    type != 1 ||
	    pcre2_pattern_info(re, PCRE2_INFO_FIRSTCODEUNIT, &unit) != 0 ||
	    unit >= 0x80)
		return false;	/* a caseless letter's other case may differ */
	memset(map, 0, 32);
	map[unit / 8] |= (uint8_t)(1u << (unit % 8));
	/* Whether the unit is caseless is not told: allow both cases. */
	if ((unit | 0x20) >= 'a' && (unit | 0x20) <= 'z') {
		unit ^= 0x20;
		map[unit / 8] |= (uint8_t)(1u << (unit % 8));
	}
	return true;
}

/* For a pattern "\b(?<!L)(?:A)...", the same with the words first:
 * "\b(?=(?:A))(?<!L)(?:A)...", or NULL.  PCRE2 checks the look-behind
 * at every place that starts with a letter A may start with, before
 * trying A; most of those places start no word of A, and the look-ahead
 * turns them away first.  What matches is the same: A must match there
 * either way.  Only for an A without groups that capture or refer to
 * one, so that the copy changes no group's number. */
static char *
look_first(const char *p)
{
	size_t lb, alt, n = strlen(p);

	if (strncmp(p, "\\b(?<!", 6) != 0 ||
	    (lb = extract_pat_close(p, n, 2)) == 0 ||
	    strncmp(p + lb, "(?:", 3) != 0 ||
	    (alt = extract_pat_close(p, n, lb)) == 0 || strstr(p, "(*"))
		return NULL;
	for (size_t i = lb; i < alt; i++) {
		if (p[i] == '\\') {
			i++;
			if ((p[i] >= '1' && p[i] <= '9') || p[i] == 'g' ||
			    p[i] == 'k' || p[i] == 'K')
				return NULL;
		} else if (p[i] == '(' && (p[i + 1] != '?' || p[i + 2] == '<' ||
		    p[i + 2] == 'P' || p[i + 2] == '\'' || p[i + 2] == '|'))
			/* "(?<=" and "(?<!" are look-behinds, but refusing
			 * them too keeps this simple. */
			return NULL;
	}
	return xasprintf("\\b(?=%.*s)%.*s%s", (int)(alt - lb), p + lb,
	    (int)(lb - 2), p + 2, p + lb);
}

/* The fields of a rule line: TYPE FLAGS PATTERN.  False for a blank
 * line or a comment. */
struct rule_line {
	char		 type[32];
	const char	*flags, *pat;
	size_t		 flen, plen;
};

static bool
split_line(const char *line, struct rule_line *l)
{
	const char *p = line, *type;
	size_t tlen;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0' || *p == '#')
		return false;
	type = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	tlen = (size_t)(p - type);
	snprintf(l->type, sizeof l->type, "%.*s", (int)(tlen < 31 ? tlen : 31),
	    type);
	while (*p == ' ' || *p == '\t')
		p++;
	l->flags = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	l->flen = (size_t)(p - l->flags);
	while (*p == ' ' || *p == '\t')
		p++;
	l->pat = p;
	l->plen = strlen(p);
	while (l->plen > 0 && (p[l->plen - 1] == ' ' || p[l->plen - 1] == '\t' ||
	    p[l->plen - 1] == '\r'))
		l->plen--;
	return true;
}

/* The word list a type names ("pronoun"), or -1. */
static int
word_kind(const char *name)
{
	for (int k = 0; k < WK_NKINDS; k++)
		if (strcmp(name, word_type_names[k]) == 0)
			return k;
	return -1;
}

/* The rule type a line names, with its deadline kind; false (and a
 * problem recorded) for an unknown one. */
static bool
parse_type(struct extractor *x, const char *file, int lineno,
    const char *name, struct rule *r)
{
	r->type = RT_NTYPES;
	if (strncmp(name, "due.", 4) == 0) {
		if (!dates_kind(name + 4, &r->kind)) {
			problem(x, _("%s:%d: unknown deadline kind \"%s\""),
			    file, lineno, name + 4);
			return false;
		}
		r->type = RT_DUE;
	} else
		for (int i = 0; i < RT_NTYPES; i++)
			if (i != RT_DUE && strcmp(name, type_names[i]) == 0)
				r->type = (enum rule_type)i;
	if (r->type == RT_NTYPES) {
		problem(x, _("%s:%d: unknown rule type \"%s\""), file, lineno,
		    name);
		return false;
	}
	return true;
}

/* Compiles the pattern (NFC, as the text is) into r->re and its anchored
 * copy r->anch, each the faster equivalent look_first makes when it can;
 * returns the NFC pattern, or NULL with a problem recorded. */
static char *
compile_rule(struct extractor *x, const char *file, int lineno,
    const struct rule_line *l, struct rule *r)
{
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES |
	    PCRE2_MULTILINE | PCRE2_NO_UTF_CHECK;
	int errcode;
	PCRE2_SIZE erroff;
	size_t nfclen;
	char *nfc, *fast;

	if (r->flags & RF_CASELESS)
		opts |= PCRE2_CASELESS;
	nfc = utf8_nfc(l->pat, l->plen, &nfclen);
	r->re = pcre2_compile((PCRE2_SPTR)nfc, nfclen, opts, &errcode, &erroff,
	    NULL);
	if (r->re == NULL) {
		PCRE2_UCHAR msg[256];

		free(nfc);
		pcre2_get_error_message(errcode, msg, sizeof msg);
		problem(x, _("%s:%d: pattern error at offset %zu: %s"), file,
		    lineno, (size_t)erroff, (const char *)msg);
		return NULL;
	}
	/* Errors are reported against the pattern as written; what runs
	 * may be a faster equivalent. */
	if ((fast = look_first(nfc)) != NULL) {
		pcre2_code *f = pcre2_compile((PCRE2_SPTR)fast,
		    PCRE2_ZERO_TERMINATED, opts, &errcode, &erroff, NULL);

		if (f != NULL) {
			pcre2_code_free(r->re);
			r->re = f;
		} else {
			free(fast);
			fast = NULL;
		}
	}
	r->jit = pcre2_jit_compile(r->re, PCRE2_JIT_COMPLETE) == 0;
	/* Most questions the assembler asks are "does a verb start here?":
	 * an anchored copy answers them without scanning the sentence.
	 * Before an anchored attempt, PCRE2 would look ahead for a byte
	 * every match needs (the ')' of an owner's phrase), as far as the
	 * end of the subject: a text's length on each attempt of a rule
	 * tried over the whole text.  The attempt itself fails as soon, so
	 * the look is left out; it may change what a verb such as
	 * (*COMMIT) does, so not for patterns with one. */
	r->anch = pcre2_compile((PCRE2_SPTR)(fast ? fast : nfc),
	    fast ? PCRE2_ZERO_TERMINATED : nfclen, opts | PCRE2_ANCHORED |
	    (strstr(nfc, "(*") ? 0 : PCRE2_NO_START_OPTIMIZE), &errcode, &erroff,
	    NULL);
	free(fast);
	if (r->anch == NULL) {
		pcre2_code_free(r->re);
		problem(x, _("%s:%d: pattern error at offset %zu: %s"), file,
		    lineno, (size_t)erroff, "anchored copy");
		free(nfc);
		return NULL;
	}
	r->anch_jit = pcre2_jit_compile(r->anch, PCRE2_JIT_COMPLETE) == 0;
	return nfc;
}

/* Index of gate word w in x->gwords, added if new: many rules share a
 * gate word ("tháng"), kept once with its alternatives' signatures. */
static size_t
gate_word(struct extractor *x, const char *w, bool starts)
{
	size_t k = 0;

	while (k < x->ngwords && (strcmp(x->gwords[k].word, w) ||
	    x->gwords[k].starts != starts))
		k++;
	if (k == x->ngwords) {
		struct gate_word *g;

		XPUSH(x->gwords, x->ngwords, x->capgwords);
		g = &x->gwords[x->ngwords++];
		g->nsigs = extract_sig_word(w, &g->sigs);
		g->word = xstrdup(w);
		g->starts = starts;
		/* '\x01' is a wildcard (extract_gate.c). */
		g->indexed = starts && !strchr(w, '\x01');
	}
	return k;
}

/* The numbers of the groups of each name a hit reads (rule->grp). */
static void
group_numbers(struct rule *r)
{
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < NPARTS + 2; i++) {
		const char *name = i < NPARTS ? extract_part_names[i] :
		    i == NPARTS ? "assignee" : "task";
		PCRE2_SPTR first, last;
		int size = pcre2_substring_nametable_scan(r->re, (PCRE2_SPTR)name,
		    &first, &last);

		r->gfirst[i] = n;
		for (PCRE2_SPTR ent = first; size > 0 && ent <= last; ent += size) {
			XPUSH(r->grp, n, cap);
			r->grp[n++] = (uint16_t)(ent[0] << 8 | ent[1]);
		}
	}
	r->gfirst[NPARTS + 2] = n;
}

/* What makes a compiled rule cheap to run, learnt once: its gate, the
 * bytes its matches start with, a byte they need, its named groups. */
static void
learn_rule(struct extractor *x, struct rule *r, const char *nfc,
    const struct rule_line *l)
{
	extract_gate_make(nfc, &r->gate);
	for (int i = 0; i < r->gate.nneed + r->gate.nalts; i++) {
		int a = i - r->gate.nneed;

		r->gidx[r->ngidx++] = a < 0 ?
		    gate_word(x, r->gate.need[i], r->gate.need_starts[i]) :
		    gate_word(x, r->gate.alts[a], r->gate.alts_start[a]);
	}
	extract_heads_make(nfc, r->flags & RF_CASELESS, &r->heads);
	r->digit_first = digit_first(l->pat, l->plen);
	r->req = required_byte(r->re);
	r->has_first = !strstr(l->pat, "(*") && first_bytes(r->re, r->first);
	for (size_t i = 0; i < NPARTS; i++)
		r->has_part[i] = has_name(r->re, extract_part_names[i]);
	r->has_who = has_name(r->re, "assignee");
	r->has_what = has_name(r->re, "task");
	group_numbers(r);
}

/* Adds a word list to the languages the file serves. */
static void
add_words(struct extractor *x, int kind, unsigned langs,
    const struct rule_line *l, unsigned flags)
{
	size_t nfclen;
	char *nfc = utf8_nfc(l->pat, l->plen, &nfclen);

	for (int i = 0; i < 2; i++)
		if (langs & (i == 0 ? LANG_VI : LANG_EN))
			extract_words_add(&x->words[i].k[kind], nfc, nfclen,
			    flags & RF_CASELESS);
	free(nfc);
}

/* Parses and compiles one line; adds the rule or records a problem. */
static void
add_rule(struct extractor *x, const char *file, int lineno, const char *line,
    unsigned langs)
{
	struct rule_line l;
	struct rule r = { 0 };
	int kind;
	char *nfc;

	if (!split_line(line, &l))
		return;
	kind = word_kind(l.type);
	if (kind < 0 && !parse_type(x, file, lineno, l.type, &r))
		return;
	if (l.plen == 0 || !parse_flags(l.flags, l.flen, &r.flags)) {
		problem(x, _("%s:%d: expected \"TYPE FLAGS PATTERN\""), file,
		    lineno);
		return;
	}
	if (kind >= 0) {
		add_words(x, kind, langs, &l, r.flags);
		return;
	}
	if ((nfc = compile_rule(x, file, lineno, &l, &r)) == NULL)
		return;
	r.langs = langs;
	r.file = x->files.v[x->files.n - 1];
	r.line = lineno;
	learn_rule(x, &r, nfc, &l);
	free(nfc);
	XPUSH(x->rules, x->nrules, x->caprules);
	x->rules[x->nrules++] = r;
}

static void
load_file(struct extractor *x, const char *path, unsigned langs)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, bad;
	ssize_t n;
	int lineno = 0;

	if (f == NULL) {
		problem(x, "%s: %s", path, strerror(errno));
		return;
	}
	strs_add(&x->files, xstrdup(path));
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (!utf8_valid(line, (size_t)n, &bad)) {
			problem(x, _("%s:%d: invalid UTF-8"), path, lineno);
			continue;
		}
		add_rule(x, path, lineno, line, langs);
	}
	if (ferror(f))
		problem(x, "%s: %s", path, strerror(errno));
	free(line);
	fclose(f);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the rule files in dir, sorted; *n of them. */
static char **
rule_files(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);

		if (l > 6 && de->d_name[0] != '.' &&
		    strcmp(de->d_name + l - 6, ".rules") == 0) {
			XPUSH(names, *n, cap);
			names[(*n)++] = xstrdup(de->d_name);
		}
	}
	closedir(d);
	if (*n > 1)
		qsort(names, *n, sizeof *names, cmp_str);
	return names;
}

/* Loads the rule files of the directories, first wins: a user's file
 * shadows a shipped file of the same name; files with other names add
 * to the rules. */
static void
load_dirs(struct extractor *x, char *const *dirs)
{
	char **seen = NULL;
	size_t nseen = 0, capseen = 0;

	for (size_t d = 0; dirs && dirs[d]; d++) {
		size_t nn;
		char **names = rule_files(dirs[d], &nn);

		for (size_t i = 0; i < nn; i++) {
			bool dup = false;

			for (size_t j = 0; j < nseen; j++)
				dup |= strcmp(seen[j], names[i]) == 0;
			if (dup) {
				free(names[i]);
				continue;
			}
			if (file_langs(names[i]) & x->langs) {
				char *path = xasprintf("%s/%s", dirs[d], names[i]);

				load_file(x, path, file_langs(names[i]));
				free(path);
			}
			XPUSH(seen, nseen, capseen);
			seen[nseen++] = names[i];
		}
		free(names);
	}
	for (size_t i = 0; i < nseen; i++)
		free(seen[i]);
	free(seen);
}

/* The match context every rule runs with, the rules by type, and the
 * index of their heads for each language. */
static void
ready(struct extractor *x)
{
	for (int l = 0; l < 2; l++)
		x->index[l] = extract_index_new();
	for (size_t i = 0; i < x->nrules; i++) {
		enum rule_type t = x->rules[i].type;

		XPUSH(x->bytype[t], x->nbytype[t], x->capbytype[t]);
		x->bytype[t][x->nbytype[t]++] = i;
		/* A rule of both languages is in both indexes, or in
		 * neither. */
		x->rules[i].indexed = true;
		for (int l = 0; l < 2; l++)
			if (x->rules[i].langs & (l == 0 ? LANG_VI : LANG_EN))
				x->rules[i].indexed &= extract_index_add(x->index[l],
				    i, t, &x->rules[i].heads);
	}
	/* Gate words are numbered after the rules. */
	for (size_t k = 0; k < x->ngwords; k++)
		for (int l = 0; l < 2 && x->gwords[k].indexed; l++)
			extract_index_add_gate(x->index[l], x->nrules + k,
			    x->gwords[k].word);
	x->nbits = (x->nrules + x->ngwords) / 64 + 1;
	for (int l = 0; l < 2; l++) {
		extract_index_ready(x->index[l]);
		for (int t = 0; t < RT_NTYPES; t++) {
			x->oftype[l][t] = xcalloc(x->nbits, sizeof *x->oftype[l][t]);
			x->unindexed[l][t] = xcalloc(x->nbits,
			    sizeof *x->unindexed[l][t]);
		}
		for (size_t i = 0; i < x->nrules; i++) {
			const struct rule *r = &x->rules[i];
			uint64_t bit = (uint64_t)1 << (i % 64);

			if (!(r->langs & (l == 0 ? LANG_VI : LANG_EN)))
				continue;
			x->oftype[l][r->type][i / 64] |= bit;
			if (!r->indexed)
				x->unindexed[l][r->type][i / 64] |= bit;
		}
	}
	x->mctx = pcre2_match_context_create(NULL);
	pcre2_set_match_limit(x->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(x->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(x->mctx, HEAP_LIMIT);
	/* JIT ignores the depth limit; a bounded stack bounds it instead. */
	x->jstack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
	if (x->jstack)
		pcre2_jit_stack_assign(x->mctx, NULL, x->jstack);
	x->md = pcre2_match_data_create(64, NULL);
	if (x->mctx == NULL || x->md == NULL) {
		fputs("minutes: out of memory\n", stderr);
		abort();
	}
}

struct extractor *
extract_new_dirs(const char *lang, char *const *dirs, struct err *e)
{
	struct extractor *x;
	unsigned langs;

	if (lang == NULL || strcmp(lang, "auto") == 0)
		langs = LANG_VI | LANG_EN;
	else if (strcmp(lang, "vi") == 0)
		langs = LANG_VI;
	else if (strcmp(lang, "en") == 0)
		langs = LANG_EN;
	else {
		err_set(e, ERR_INPUT, _("language \"%s\" is not vi, en or auto"),
		    lang);
		return NULL;
	}
	x = xcalloc(1, sizeof *x);
	x->langs = langs;
	load_dirs(x, dirs);
	if (x->nrules == 0) {
		err_set(e, ERR_RUNTIME, _("no extraction rules found for \"%s\"%s%s"),
		    lang ? lang : "auto", x->problems.n ? ": " : "",
		    x->problems.n ? x->problems.v[0] : "");
		extract_free(x);
		return NULL;
	}
	ready(x);
	return x;
}

struct extractor *
extract_new(const char *lang, struct err *e)
{
	char **dirs = paths_search("rules");
	struct extractor *x = extract_new_dirs(lang, dirs, e);

	paths_free(dirs);
	return x;
}

void
extract_free(struct extractor *x)
{
	if (x == NULL)
		return;
	for (size_t i = 0; i < x->nrules; i++) {
		pcre2_code_free(x->rules[i].re);
		pcre2_code_free(x->rules[i].anch);
		extract_gate_free(&x->rules[i].gate);
		extract_heads_free(&x->rules[i].heads);
		free(x->rules[i].grp);
	}
	for (int l = 0; l < 2; l++) {
		extract_index_free(x->index[l]);
		for (int t = 0; t < RT_NTYPES; t++) {
			free(x->oftype[l][t]);
			free(x->unindexed[l][t]);
		}
	}
	extract_found_free(&x->found);
	free(x->rules);
	for (int t = 0; t < RT_NTYPES; t++)
		free(x->bytype[t]);
	for (size_t i = 0; i < x->ngwords; i++) {
		free(x->gwords[i].word);
		free(x->gwords[i].sigs);
	}
	free(x->gwords);
	extract_words_free(&x->words[0]);
	extract_words_free(&x->words[1]);
	strs_free(&x->problems);
	strs_free(&x->files);
	strs_free(&x->warnings);
	pcre2_match_data_free(x->md);
	pcre2_jit_stack_free(x->jstack);
	pcre2_match_context_free(x->mctx);
	free(x);
}

