/*
 * The extractor's front half: reading rule files, compiling each rule once
 * with PCRE2 (UTF and UCP for Vietnamese, JIT when the platform has it,
 * match limits so that no user pattern can hang the editor), and
 * answering the assembler's questions about a text: which hits of a type
 * lie in a sentence (a scan, skipped for rules whose gate words the
 * sentence lacks), or which hit starts at a position (an anchored match).
 * Running every rule over every byte would cost several times more.  The
 * assembly of hits into action items is in extract_items.c, which never
 * sees PCRE2: this is the only file that includes pcre2.h.
 *
 * Text is validated once, brought to NFC (rules are normalised the same
 * way), and then matched with PCRE2_NO_UTF_CHECK: re-validating the whole
 * subject on every call would make matching quadratic.  When the input is
 * not already NFC, a map from NFC offsets back to input offsets lets every
 * span refer to the text as the caller gave it.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "buf.h"
#include "dates.h"
#include "err.h"
#include "extract.h"
#include "extract_int.h"
#include "i18n.h"
#include "paths.h"
#include "utf8.h"
#include "xmalloc.h"

/* Limits for every rule, shipped or not: generous for sane patterns,
 * small enough that a catastrophic one fails in milliseconds. */
#define MATCH_LIMIT	200000
#define DEPTH_LIMIT	2000
#define HEAP_LIMIT	4096	/* KiB */


static const char *const type_names[RT_NTYPES] = {
	"cue", "modal", "verb", "past", "assignee", "lead", "line", "owner",
	"skip", "due"
};

/* Named groups a deadline rule may use, in struct dates_parts order. */
static const char *const part_names[] = {
	"day", "month", "year", "quarter", "count", "unit", "weekday", "rel",
	"part", "half"
};
#define NPARTS (sizeof part_names / sizeof part_names[0])

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
	int		 ngidx;
	bool		 has_part[NPARTS];
	bool		 has_who, has_what;
	bool		 digit_first;	/* every match starts with a \d */
	int		 req;		/* a byte every match holds, or -1 */
	bool		 has_first;	/* first says which bytes may start */
	uint8_t		 first[32];	/* a match, as PCRE2 worked out */
};

struct extractor {
	unsigned		 langs;		/* requested */
	struct rule		*rules;
	size_t			 nrules;
	char			**problems;
	size_t			 nproblems;
	char			**gwords;	/* gate words, each once */
	struct extract_sig	**gsigs;	/* their alternatives' signatures */
	size_t			*gnsigs;
	size_t			 ngwords;
	pcre2_match_context	*mctx;
	pcre2_jit_stack		*jstack;
	pcre2_match_data	*md;
	/* The rules of each type, in file order: every question is about
	 * one type. */
	size_t			*bytype[RT_NTYPES];
	size_t			 nbytype[RT_NTYPES];
};

static void
problem(struct extractor *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
problem(struct extractor *x, const char *fmt, ...)
{
	va_list ap;

	x->problems = xreallocarray(x->problems, x->nproblems + 1,
	    sizeof *x->problems);
	va_start(ap, fmt);
	x->problems[x->nproblems++] = xvasprintf(fmt, ap);
	va_end(ap);
}

const char *
extract_problem(const struct extractor *x, size_t i)
{
	return i < x->nproblems ? x->problems[i] : NULL;
}

size_t
extract_nrules(const struct extractor *x)
{
	return x->nrules;
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
	int depth = 0;
	bool cls = false;

	/* A branch at the top could start with anything. */
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\\')
			i++;
		else if (cls)
			cls = p[i] != ']';
		else if (p[i] == '[') {
			cls = true;
			if (i + 1 < n && p[i + 1] == '^')
				i++;
			if (i + 1 < n && p[i + 1] == ']')
				i++;
		} else if (p[i] == '(')
			depth++;
		else if (p[i] == ')')
			depth--;
		else if (p[i] == '|' && depth == 0)
			return false;
	}
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

/* Parses and compiles one line; adds the rule or records a problem. */
static void
add_rule(struct extractor *x, const char *file, int lineno, const char *line,
    unsigned langs)
{
	const char *p = line, *type, *flags, *pat;
	size_t tlen, flen, plen;
	struct rule r = { 0 };
	char tname[32];
	int errcode;
	PCRE2_SIZE erroff;
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES |
	    PCRE2_MULTILINE | PCRE2_NO_UTF_CHECK;
	char *nfc;
	size_t nfclen;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0' || *p == '#')
		return;
	type = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	tlen = (size_t)(p - type);
	while (*p == ' ' || *p == '\t')
		p++;
	flags = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	flen = (size_t)(p - flags);
	while (*p == ' ' || *p == '\t')
		p++;
	pat = p;
	plen = strlen(pat);
	while (plen > 0 && (pat[plen - 1] == ' ' || pat[plen - 1] == '\t' ||
	    pat[plen - 1] == '\r'))
		plen--;

	snprintf(tname, sizeof tname, "%.*s", (int)(tlen < 31 ? tlen : 31), type);
	r.type = RT_NTYPES;
	if (strncmp(tname, "due.", 4) == 0) {
		if (!dates_kind(tname + 4, &r.kind)) {
			problem(x, _("%s:%d: unknown deadline kind \"%s\""),
			    file, lineno, tname + 4);
			return;
		}
		r.type = RT_DUE;
	} else
		for (int i = 0; i < RT_NTYPES; i++)
			if (i != RT_DUE && strcmp(tname, type_names[i]) == 0)
				r.type = (enum rule_type)i;
	if (r.type == RT_NTYPES) {
		problem(x, _("%s:%d: unknown rule type \"%s\""), file, lineno,
		    tname);
		return;
	}
	if (plen == 0 || !parse_flags(flags, flen, &r.flags)) {
		problem(x, _("%s:%d: expected \"TYPE FLAGS PATTERN\""), file,
		    lineno);
		return;
	}
	if (r.flags & RF_CASELESS)
		opts |= PCRE2_CASELESS;
	/* Text is matched in NFC, so the pattern must be NFC too. */
	nfc = utf8_nfc(pat, plen, &nfclen);
	r.re = pcre2_compile((PCRE2_SPTR)nfc, nfclen, opts, &errcode, &erroff,
	    NULL);
	free(nfc);
	if (r.re == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(errcode, msg, sizeof msg);
		problem(x, _("%s:%d: pattern error at offset %zu: %s"), file,
		    lineno, (size_t)erroff, (const char *)msg);
		return;
	}
	r.langs = langs;
	r.jit = pcre2_jit_compile(r.re, PCRE2_JIT_COMPLETE) == 0;
	/* Most questions the assembler asks are "does a verb start here?":
	 * an anchored copy answers them without scanning the sentence. */
	nfc = utf8_nfc(pat, plen, &nfclen);
	r.anch = pcre2_compile((PCRE2_SPTR)nfc, nfclen, opts | PCRE2_ANCHORED,
	    &errcode, &erroff, NULL);
	extract_gate_make(nfc, &r.gate);
	free(nfc);
	/* Many rules share a gate word ("tháng"): keep each once, with the
	 * signatures of its alternatives. */
	for (int i = 0; i < r.gate.nneed + r.gate.nalts; i++) {
		const char *w = i < r.gate.nneed ? r.gate.need[i] :
		    r.gate.alts[i - r.gate.nneed];
		size_t k = 0;

		while (k < x->ngwords && strcmp(x->gwords[k], w))
			k++;
		if (k == x->ngwords) {
			x->gwords = xreallocarray(x->gwords, k + 1, sizeof *x->gwords);
			x->gsigs = xreallocarray(x->gsigs, k + 1, sizeof *x->gsigs);
			x->gnsigs = xreallocarray(x->gnsigs, k + 1, sizeof *x->gnsigs);
			x->gnsigs[k] = extract_sig_word(w, &x->gsigs[k]);
			x->gwords[x->ngwords++] = xstrdup(w);
		}
		r.gidx[r.ngidx++] = k;
	}
	if (r.anch == NULL) {
		extract_gate_free(&r.gate);
		pcre2_code_free(r.re);
		problem(x, _("%s:%d: pattern error at offset %zu: %s"), file,
		    lineno, (size_t)erroff, "anchored copy");
		return;
	}
	r.anch_jit = pcre2_jit_compile(r.anch, PCRE2_JIT_COMPLETE) == 0;
	r.digit_first = digit_first(pat, plen);
	r.req = required_byte(r.re);
	r.has_first = !strstr(pat, "(*") && first_bytes(r.re, r.first);
	for (size_t i = 0; i < NPARTS; i++)
		r.has_part[i] = has_name(r.re, part_names[i]);
	r.has_who = has_name(r.re, "assignee");
	r.has_what = has_name(r.re, "task");
	x->rules = xreallocarray(x->rules, x->nrules + 1, sizeof *x->rules);
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

struct extractor *
extract_new_dirs(const char *lang, char *const *dirs, struct err *e)
{
	struct extractor *x;
	char **seen = NULL;
	size_t nseen = 0;
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
	/* A user's file shadows a shipped file of the same name; files with
	 * other names add to the rules. */
	for (size_t d = 0; dirs && dirs[d]; d++) {
		DIR *dir = opendir(dirs[d]);
		struct dirent *de;
		char **names = NULL;
		size_t nn = 0;

		if (dir == NULL)
			continue;
		while ((de = readdir(dir)) != NULL) {
			size_t l = strlen(de->d_name);

			if (l > 6 && de->d_name[0] != '.' &&
			    strcmp(de->d_name + l - 6, ".rules") == 0) {
				names = xreallocarray(names, nn + 1, sizeof *names);
				names[nn++] = xstrdup(de->d_name);
			}
		}
		closedir(dir);
		if (nn > 1)
			qsort(names, nn, sizeof *names, cmp_str);
		for (size_t i = 0; i < nn; i++) {
			bool dup = false;

			for (size_t j = 0; j < nseen; j++)
				dup |= strcmp(seen[j], names[i]) == 0;
			if (!dup && (file_langs(names[i]) & langs)) {
				char *path = xasprintf("%s/%s", dirs[d], names[i]);

				load_file(x, path, file_langs(names[i]));
				free(path);
			}
			if (dup)
				free(names[i]);
			else {
				seen = xreallocarray(seen, nseen + 1, sizeof *seen);
				seen[nseen++] = names[i];
			}
		}
		free(names);
	}
	for (size_t i = 0; i < nseen; i++)
		free(seen[i]);
	free(seen);
	if (x->nrules == 0) {
		err_set(e, ERR_RUNTIME, _("no extraction rules found for \"%s\"%s%s"),
		    lang ? lang : "auto", x->nproblems ? ": " : "",
		    x->nproblems ? x->problems[0] : "");
		extract_free(x);
		return NULL;
	}
	for (size_t i = 0; i < x->nrules; i++) {
		enum rule_type t = x->rules[i].type;

		x->bytype[t] = xreallocarray(x->bytype[t], x->nbytype[t] + 1,
		    sizeof *x->bytype[t]);
		x->bytype[t][x->nbytype[t]++] = i;
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
	}
	free(x->rules);
	for (int t = 0; t < RT_NTYPES; t++)
		free(x->bytype[t]);
	for (size_t i = 0; i < x->ngwords; i++) {
		free(x->gwords[i]);
		free(x->gsigs[i]);
	}
	free(x->gwords);
	free(x->gsigs);
	free(x->gnsigs);
	for (size_t i = 0; i < x->nproblems; i++)
		free(x->problems[i]);
	free(x->problems);
	pcre2_match_data_free(x->md);
	pcre2_jit_stack_free(x->jstack);
	pcre2_match_context_free(x->mctx);
	free(x);
}

/* The span of a named group that took part in the match (with duplicate
 * names, the first one set). */
static bool
named_span(const struct rule *r, pcre2_match_data *md, const char *name,
    struct span *sp)
{
	PCRE2_SPTR first, last;
	int size = pcre2_substring_nametable_scan(r->re, (PCRE2_SPTR)name,
	    &first, &last);
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	uint32_t nov = pcre2_get_ovector_count(md);

	if (size <= 0)
		return false;
	for (PCRE2_SPTR ent = first; ent <= last; ent += size) {
		unsigned g = (unsigned)(ent[0] << 8 | ent[1]);

		if (g < nov && ov[2 * g] != PCRE2_UNSET) {
			sp->s = ov[2 * g];
			sp->e = ov[2 * g + 1];
			return true;
		}
	}
	return false;
}

/* The hit for a match of r at [s, e), its groups read from x->md;
 * false for a deadline phrase that names no real date. */
static bool
make_hit(struct extractor *x, const struct rule *r, const char *t,
    struct ymd ref, size_t s, size_t e, struct hit *out)
{
	struct hit hit = { .s = s, .e = e, .flags = r->flags };
	struct span sp;

	if (r->type == RT_DUE) {
		const char *vals[NPARTS] = { 0 };
		char *owned[NPARTS] = { 0 };
		struct dates_parts p;
		bool ok;

		for (size_t i = 0; i < NPARTS; i++)
			if (r->has_part[i] && named_span(r, x->md, part_names[i], &sp))
				vals[i] = owned[i] = xstrndup(t + sp.s, sp.e - sp.s);
		p = (struct dates_parts){ vals[0], vals[1], vals[2], vals[3],
		    vals[4], vals[5], vals[6], vals[7], vals[8], vals[9] };
		ok = dates_resolve(r->kind, &p, ref, &hit.due);
		for (size_t i = 0; i < NPARTS; i++)
			free(owned[i]);
		if (!ok)
			return false;
	}
	if (r->has_who && named_span(r, x->md, "assignee", &sp))
		hit.who = sp;
	if (r->has_what && named_span(r, x->md, "task", &sp))
		hit.what = sp;
	*out = hit;
	return true;
}

/* Index of the first character in t[p..to) that may be a decimal digit:
 * an ASCII one, or any character from U+0640 on outside the Latin
 * Extended Additional and Greek Extended blocks (no digit lies below or
 * in those in any version of Unicode), to be safe. */
static size_t
next_digit(const char *t, size_t p, size_t to)
{
	for (; p < to; p++) {
		unsigned char c = (unsigned char)t[p];

		if (c < 0x80) {
			if (c >= '0' && c <= '9')
				return p;
		} else if (c >= 0xd9) {
			/* From U+0640 on, except U+1E00-U+1FFF (E1 B8-BF),
			 * where the Vietnamese letters lie. */
			if (!(c == 0xe1 && p + 1 < to &&
			    (unsigned char)t[p + 1] >= 0xb8))
				return p;
		}
	}
	return to;
}

/* Where a rule's scan of one sentence stands: the next offset to try,
 * and for rules that start with a digit, the last place worth it. */
struct cursor {
	size_t	off, last;
	bool	done;
};

static void
cursor_start(const struct rule *r, const char *t, size_t from, size_t to,
    struct cursor *c)
{
	c->off = from;
	c->last = to;
	c->done = false;
	/* PCRE2 looks for the required byte before it tries anything; so
	 * must a digit rule: most sentences have digits, few a ':'. */
	if (r->digit_first && r->anch_jit && r->req >= 0) {
		const char *q = memrchr(t + from, r->req, to - from);

		if (q == NULL)
			c->done = true;
		else
			c->last = (size_t)(q - t);
	}
}

/* The next hit of r in t[..to) from the cursor on, as a scan finds them:
 * each search starts where the last match ended.  A rule whose matches
 * start with a digit is tried, anchored, at each character that may be
 * one: that finds the same hits in the same order without trying every
 * other place on the way. */
static bool
next_hit(struct extractor *x, const struct rule *r, const char *t, size_t to,
    struct ymd ref, struct cursor *c, struct hit *out)
{
	bool digits = r->digit_first && r->anch_jit;

	while (!c->done) {
		PCRE2_SIZE *ov, s, e;
		int rc;

		if (digits) {
			if ((c->off = next_digit(t, c->off, c->last)) >= c->last)
				break;
			rc = pcre2_jit_match(r->anch, (PCRE2_SPTR)t, to, c->off, 0,
			    x->md, x->mctx);
			if (rc == PCRE2_ERROR_NOMATCH) {
				c->off++;
				continue;
			}
		} else {
			if (c->off > to)
				break;
			if (r->jit)
				rc = pcre2_jit_match(r->re, (PCRE2_SPTR)t, to, c->off,
				    0, x->md, x->mctx);
			else
				rc = pcre2_match(r->re, (PCRE2_SPTR)t, to, c->off,
				    PCRE2_NO_UTF_CHECK, x->md, x->mctx);
		}
		if (rc < 0)
			break;	/* no match, or a limit hit: drop the rest */
		ov = pcre2_get_ovector_pointer(x->md);
		s = ov[0];
		e = ov[1];
		c->off = e > s ? e : e + 1;
		/* Never restart inside a character. */
		while (c->off < to && ((unsigned char)t[c->off] & 0xc0) == 0x80)
			c->off++;
		if (e > s && make_hit(x, r, t, ref, s, e, out))
			return true;
	}
	c->done = true;
	return false;
}

/* Runs one rule over t[from..to) (lookbehind may see before from). */
static void
run_rule(struct extractor *x, const struct rule *r, const char *t, size_t from,
    size_t to, struct ymd ref, struct hits *h)
{
	struct cursor c;
	struct hit hit;

	cursor_start(r, t, from, to, &c);
	while (next_hit(x, r, t, to, ref, &c, &hit))
		extract_hits_add(h, r->type, &hit);
}

/* A sentence scanned as far as the assembler asked (hits.scan_to):
 * for each rule whose gate is open, its cursor and the first hit found
 * but not listed yet. */
struct lazy_rule {
	const struct rule	*r;
	struct cursor		 c;
	bool			 pend;
	struct hit		 hit;
};

/* What the assembler's questions need: the extractor, the text, the
 * reference date and the language picked for this text. */
struct scan_ctx {
	struct extractor	*x;
	const char		*t;
	struct ymd		 ref;
	unsigned		 lang;
	/* The signature of the sentence last scanned: the assembler
	 * asks about several types in a row for the same sentence. */
	size_t			 sig_s, sig_e;
	struct extract_sig	 sig;
	bool			 sig_digit;
	struct lazy_rule	*lazy[RT_NTYPES];
	size_t			 nlazy[RT_NTYPES];
};

/* Does the rule's gate let it run in the sentence whose signature sc
 * holds?  Each of its words must be there, in one of its alternatives. */
static bool
gate_open(const struct scan_ctx *sc, const struct rule *r)
{
	const struct extractor *x = sc->x;

	if (r->gate.digit && !sc->sig_digit)
		return false;
	for (int i = 0; i < r->ngidx; i++) {
		size_t k = r->gidx[i], a = 0;

		while (a < x->gnsigs[k] && !extract_sig_may(&sc->sig, &x->gsigs[k][a]))
			a++;
		if (a == x->gnsigs[k])
			return false;
	}
	return true;
}

/* Makes the signature of t[s..e) ready for gate_open; false if gates
 * are not to be used there: over a whole text, every gate would pass. */
static bool
sign(struct scan_ctx *sc, size_t s, size_t e)
{
	if (e - s >= 65536)
		return false;
	if (sc->sig_s != s || sc->sig_e != e) {
		extract_sig_text(sc->t, s, e, &sc->sig, &sc->sig_digit);
		sc->sig_s = s;
		sc->sig_e = e;
	}
	return true;
}

/* hits.scan_to: each rule's hits are pulled from its cursor until one
 * starts at or after p; that one waits for the next call. */
static size_t
scan_to(void *arg, struct hits *h, enum rule_type type, size_t s, size_t e,
    size_t p, bool fresh)
{
	struct scan_ctx *sc = arg;
	struct extractor *x = sc->x;
	struct lazy_rule *v;
	size_t from = h->n[type], next = SIZE_MAX;

	if (fresh) {
		bool gated = sign(sc, s, e);

		if (sc->lazy[type] == NULL)
			sc->lazy[type] = xcalloc(x->nbytype[type] + 1,
			    sizeof *sc->lazy[type]);
		sc->nlazy[type] = 0;
		for (size_t i = 0; i < x->nbytype[type]; i++) {
			const struct rule *r = &x->rules[x->bytype[type][i]];

			if (!(r->langs & sc->lang) || (gated && !gate_open(sc, r)))
				continue;
			v = &sc->lazy[type][sc->nlazy[type]++];
			v->r = r;
			v->pend = false;
			cursor_start(r, sc->t, s, e, &v->c);
		}
	}
	for (size_t i = 0; i < sc->nlazy[type]; i++) {
		v = &sc->lazy[type][i];
		for (;;) {
			if (!v->pend && !(v->pend = next_hit(x, v->r, sc->t, e,
			    sc->ref, &v->c, &v->hit)))
				break;
			if (v->hit.s >= p) {
				if (v->hit.s < next)
					next = v->hit.s;
				break;
			}
			extract_hits_add(h, type, &v->hit);
			v->pend = false;
		}
	}
	/* Hits added by earlier calls all start before p's of then, so
	 * the list stays in order. */
	extract_hits_sort_from(h, type, from);
	return next;
}

/* Runs the rules of type t over one sentence t[s..e) (deadline rules
 * together with the skips that veto them). */
static void
scan_type(void *arg, struct hits *h, enum rule_type type, size_t s, size_t e)
{
	struct scan_ctx *sc = arg;
	size_t from = h->n[type], due_from = h->n[RT_DUE],
	    skip_from = h->n[RT_SKIP];
	bool due = type == RT_DUE || type == RT_SKIP;
	bool gated = sign(sc, s, e);

	/* Skips only veto deadlines: they run where a deadline was found. */
	for (int pass = 0; pass < (due ? 2 : 1); pass++) {
		enum rule_type want = !due ? type : pass == 0 ? RT_DUE : RT_SKIP;

		if (pass == 1 && h->n[RT_DUE] == due_from)
			break;
		for (size_t i = 0; i < sc->x->nbytype[want]; i++) {
			const struct rule *r = &sc->x->rules[sc->x->bytype[want][i]];

			if (!(r->langs & sc->lang))
				continue;
			if (gated && !gate_open(sc, r))
				continue;
			run_rule(sc->x, r, sc->t, s, e, sc->ref, h);
		}
	}
	if (due)
		extract_hits_finish_due(h, due_from, skip_from);
	else
		extract_hits_sort_from(h, type, from);
}

/* The longest hit of a rule of type t that starts exactly at p, the
 * text ending at e for it. */
static bool
hit_anchored(void *arg, enum rule_type type, size_t p, size_t e,
    struct hit *out)
{
	struct scan_ctx *sc = arg;
	struct extractor *x = sc->x;
	bool found = false;

	for (size_t i = 0; i < x->nbytype[type]; i++) {
		const struct rule *r = &x->rules[x->bytype[type][i]];
		struct hit h;
		PCRE2_SIZE *ov;
		int rc;

		if (!(r->langs & sc->lang))
			continue;
		/* Most questions are about places no rule of the type can
		 * start at: answer those without calling PCRE2. */
		if (r->has_first && p < e &&
		    !(r->first[(unsigned char)sc->t[p] / 8] &
		    (1u << ((unsigned char)sc->t[p] % 8))))
			continue;
		if (r->anch_jit)
			rc = pcre2_jit_match(r->anch, (PCRE2_SPTR)sc->t, e, p, 0,
			    x->md, x->mctx);
		else
			rc = pcre2_match(r->anch, (PCRE2_SPTR)sc->t, e, p,
			    PCRE2_NO_UTF_CHECK, x->md, x->mctx);
		if (rc < 0)
			continue;
		ov = pcre2_get_ovector_pointer(x->md);
		if (ov[1] > ov[0] && (!found || ov[1] > out->e) &&
		    make_hit(x, r, sc->t, sc->ref, ov[0], ov[1], &h)) {
			*out = h;
			found = true;
		}
	}
	return found;
}

/* Validates, normalises and matches: the common front of both calls.
 * The rules run later, as the assembler asks, through sc. */
static int
prepare(struct extractor *x, const char *text, size_t len, struct ymd ref,
    const char **t, size_t *n, char **owned, size_t **map, struct hits *h,
    struct scan_ctx *ds, struct err *e)
{
	size_t bad;
	unsigned lang;

	memset(h, 0, sizeof *h);
	if (!utf8_valid(text, len, &bad))
		return err_set(e, ERR_INPUT, _("line %zu: invalid UTF-8"),
		    utf8_line_at(text, bad));
	*owned = extract_nfc_map(text, len, n, map);
	*t = *owned ? *owned : text;
	lang = x->langs;
	if (lang == (LANG_VI | LANG_EN))
		lang = extract_guess_lang(*t, *n);
	/* Nothing is matched yet: the assembler asks, sentence by
	 * sentence, only what it needs to know. */
	memset(ds, 0, sizeof *ds);
	ds->x = x;
	ds->t = *t;
	ds->ref = ref;
	ds->lang = lang;
	ds->sig_s = 1;	/* no signature yet */
	h->scan = scan_type;
	h->scan_to = scan_to;
	h->at = hit_anchored;
	h->arg = ds;
	return 0;
}

static void
scan_ctx_free(struct scan_ctx *sc)
{
	for (int t = 0; t < RT_NTYPES; t++)
		free(sc->lazy[t]);
}

static size_t
back(const size_t *map, size_t off)
{
	return map ? map[off] : off;
}

int
extract_items(struct extractor *x, const char *text, size_t len,
    struct ymd ref, struct extract_item **out, size_t *n, struct err *e)
{
	const char *t;
	size_t tn, *map;
	char *owned;
	struct hits h;
	struct scan_ctx ds;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = prepare(x, text, len, ref, &t, &tn, &owned, &map, &h, &ds, e)))
		return rc;
	extract_assemble(t, tn, &h, ref, out, n, false);
	for (size_t i = 0; i < *n; i++) {
		(*out)[i].start = back(map, (*out)[i].start);
		(*out)[i].end = back(map, (*out)[i].end);
	}
	extract_hits_free(&h);
	scan_ctx_free(&ds);
	free(owned);
	free(map);
	return 0;
}

int
extract_deadlines(struct extractor *x, const char *text, size_t len,
    struct ymd ref, struct extract_deadline **out, size_t *n, struct err *e)
{
	const char *t;
	size_t tn, *map, ni;
	char *owned;
	struct hits h;
	struct extract_item *items;
	struct scan_ctx ds;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = prepare(x, text, len, ref, &t, &tn, &owned, &map, &h, &ds, e)))
		return rc;
	extract_assemble(t, tn, &h, ref, &items, &ni, true);
	extract_items_free(items, ni);
	*out = xcalloc(h.n[RT_DUE] + 1, sizeof **out);
	for (size_t i = 0; i < h.n[RT_DUE]; i++) {
		const struct hit *d = &h.v[RT_DUE][i];
		struct extract_deadline *o = &(*out)[*n];

		if (!(d->flags & HF_KEEP))
			continue;
		o->start = back(map, d->s);
		o->end = back(map, d->e);
		o->text = xstrndup(text + o->start, o->end - o->start);
		o->due = d->due;
		(*n)++;
	}
	extract_hits_free(&h);
	scan_ctx_free(&ds);
	free(owned);
	free(map);
	return 0;
}

void
extract_items_free(struct extract_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].assignee);
		free(v[i].task);
		free(v[i].deadline_text);
	}
	free(v);
}

void
extract_deadlines_free(struct extract_deadline *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}
