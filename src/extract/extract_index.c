/*
 * Where in a text each rule may start: one pass over the text finds
 * every place where a head of some rule (extract_head.c) begins, and
 * lists that place, with the set of rules that may start there, under
 * each rule type among them.  The matcher (extract.c) then tries a rule,
 * anchored, at its candidates only: the same matches a scan would find,
 * without running forty patterns over every byte of every sentence.
 *
 * The heads of all rules of a language are kept in one tree of folded
 * characters.  The pass walks it from each place a head may begin: at a
 * word's start for all rules (most of them open on \b, so that their
 * matches start words); inside a word only for the others, and only at
 * a character some head opens with exactly: a punctuation mark, or a
 * letter of a case-sensitive rule ("Phòng", "UBND").  Rules that may
 * match inside a word and open with a letter caselessly are not indexed:
 * they would need a walk from nearly every letter.  So the pass skips
 * most of each word at a few instructions a byte.  The text is folded
 * as the heads were, character by character through small tables, so
 * the walk never misses a place PCRE2 would match; it may find more, and
 * those cost one anchored attempt each.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "lib/xmalloc.h"

/* A node of the tree: the folded character that leads to it (HEAD_DIGIT:
 * any digit), its children (kid[first..first+n), sorted by character),
 * and the set of rules whose heads end here or above it: [0] where a
 * word may start, [1] inside a word (-1: none). */
struct inode {
	int32_t		cp;
	uint32_t	first, n;
	int32_t		set[2];
};

/* A set of rules a place may start, while the tree is built, and the
 * types among them. */
struct iset {
	size_t		*rule;
	size_t		 n;
	unsigned	 types;		/* 1 << type */
};

/* Text characters go through tables: below CLS_LAT, and from CLS_EXT on
 * for 256 (the Vietnamese letters). */
#define CLS_LAT		0x250
#define CLS_EXT		0x1e00
/* Classes of text characters: none a head holds, a digit none holds,
 * then one for each folded character the heads hold. */
#define CLS_NONE	0
#define CLS_DIGIT	1
/* Nodes this near the root step through a table of classes: most walks
 * end there. */
#define DENSE_DEPTH	4

/* While building: a node's children as a list, and the rules whose
 * heads end there, by whether they need a word's start. */
struct bnode {
	int32_t		 cp;
	size_t		 child, next;	/* 0: none (node 0 is the root) */
	size_t		*ends[2];	/* [0] start words, [1] may start anywhere */
	size_t		 nends[2], capends[2];
};

/* What a walk reads of a node at each step, together: its row of the
 * dense table (or -1), its two sets, and whether it has children (a walk
 * that reaches a leaf ends there, without reading another character). */
struct ihot {
	int32_t		row;
	int32_t		set[2];
	uint32_t	kids;
};

/* Characters below this may open a head inside a word (inword): the
 * Latin letters and general punctuation. */
#define INWORD_CPS	0x2080

struct extract_index {
	struct bnode	*b;
	size_t		 nb, capb;
	unsigned	*rtype;		/* type of each rule added, by index */
	size_t		 nrtype, caprtype;
	/* Built by extract_index_ready. */
	struct inode	*node;
	uint32_t	*kid;
	int32_t		*kidcp;		/* the character of each kid, beside it */
	struct iset	*set;
	size_t		 nset, capset;
	/* The sets as bits, words a set, and their types. */
	uint64_t	*bits;
	size_t		 words;
	unsigned	*types;
	/* The class of each text character below CLS_LAT and in the block
	 * from CLS_EXT, folding included; the folded characters of other
	 * classes, sorted (class: 2 + index). */
	uint16_t	 cls_lat[CLS_LAT], cls_ext[0x100];
	int32_t		*cls_cp;
	size_t		 ncls;		/* classes in all */
	/* The rows of the nodes near the root: hot[k].row (or -1), and the
	 * child for each class in dense[row * ncls + class]; nodes are
	 * numbered below 65536 when there are rows.  Small, so that a
	 * walk's steps stay in the cache; so is hot, what a step reads of
	 * each node, apart from the rest of the node. */
	struct ihot	*hot;
	uint16_t	*dense;
	/* Bytes that may open a character some head opens with: [0] where a
	 * word may start, [1] inside a word (punctuation); and the letters
	 * that open a case-sensitive head that may start inside a word, as
	 * bits. */
	bool		 lead[2][256];
	uint64_t	 inword[INWORD_CPS / 64];
	bool		 any_inword;
	/* What skip_word does with a character by its first byte. */
	unsigned char	 skip[256];
	/* Folded characters: U+0080..U+024F and U+1E00..U+1EFF. */
	int32_t		 fold_lat[CLS_LAT - 0x80];
	int32_t		 fold_ext[0x100];
	bool		 ready;
};

struct extract_index *
extract_index_new(void)
{
	struct extract_index *ix = xcalloc(1, sizeof *ix);

	XPUSH(ix->b, ix->nb, ix->capb);
	memset(&ix->b[0], 0, sizeof ix->b[0]);
	ix->nb = 1;
	return ix;
}

/* The child of node k for character cp, made if missing. */
static size_t
bchild(struct extract_index *ix, size_t k, int32_t cp)
{
	size_t c;

	for (c = ix->b[k].child; c != 0; c = ix->b[c].next)
		if (ix->b[c].cp == cp)
			return c;
	XPUSH(ix->b, ix->nb, ix->capb);
	c = ix->nb++;
	memset(&ix->b[c], 0, sizeof ix->b[c]);
	ix->b[c].cp = cp;
	ix->b[c].next = ix->b[k].child;
	ix->b[k].child = c;
	return c;
}

/* Where the rule's matches may start, for the index: 0 only where a
 * word may start; 1 anywhere, each head opening with ASCII punctuation
 * or, case-sensitively, with a letter below INWORD_CPS; -1 if the index
 * cannot list them (no heads; a head that may start inside a word
 * opening caselessly with a letter, or with a digit). */
static int
kind_of(const struct extract_heads *h)
{
	if (h->n == 0)
		return -1;
	if (h->word)
		return 0;
	for (size_t i = 0; i < h->n; i++) {
		const unsigned char *s = (const unsigned char *)h->v[i];
		size_t j = 0;
		int32_t cp = s[0] == (unsigned char)HEAD_DIGIT ? -1 : extract_decode(s, &j);
		bool punct = cp > 0x20 && cp < 0x7f && !(cp >= 'a' && cp <= 'z') &&
		    !(cp >= 'A' && cp <= 'Z') && !(cp >= '0' && cp <= '9') &&
		    cp != '_';

		if (!punct && !(h->exact && cp > 0x20 && cp < INWORD_CPS))
			return -1;
	}
	return 1;
}

bool
extract_index_add(struct extract_index *ix, size_t rule, unsigned type,
    const struct extract_heads *h)
{
	int w = kind_of(h);

	if (w < 0)
		return false;
	while (ix->nrtype <= rule) {
		XPUSH(ix->rtype, ix->nrtype, ix->caprtype);
		ix->rtype[ix->nrtype++] = 0;
	}
	ix->rtype[rule] = type;
	for (size_t i = 0; i < h->n; i++) {
		const unsigned char *s = (const unsigned char *)h->v[i];
		size_t k = 0, j = 0;

		while (s[j]) {
			int32_t cp = s[j] == (unsigned char)HEAD_DIGIT ?
			    (j++, HEAD_DIGIT) : extract_decode(s, &j);

			/* A letter that opens a head inside a word, exactly. */
			if (k == 0 && w == 1 && cp >= 0x7f) {
				ix->inword[cp / 64] |= (uint64_t)1 << (cp % 64);
				ix->any_inword = true;
			} else if (k == 0 && w == 1 && ((cp >= 'a' && cp <= 'z') ||
			    (cp >= 'A' && cp <= 'Z'))) {
				ix->inword[cp / 64] |= (uint64_t)1 << (cp % 64);
				ix->any_inword = true;
			}
			k = bchild(ix, k, cp == HEAD_DIGIT ? HEAD_DIGIT :
			    extract_fold(cp));
		}
		XPUSH(ix->b[k].ends[w], ix->b[k].nends[w], ix->b[k].capends[w]);
		ix->b[k].ends[w][ix->b[k].nends[w]++] = rule;
	}
	return true;
}

void
extract_index_add_gate(struct extract_index *ix, size_t id, const char *word)
{
	const unsigned char *s = (const unsigned char *)word;
	size_t j = 0;

	while (ix->nrtype <= id) {
		XPUSH(ix->rtype, ix->nrtype, ix->caprtype);
		ix->rtype[ix->nrtype++] = 0;
	}
	ix->rtype[id] = EXTRACT_GATES;
	while (s[j]) {
		size_t k = 0;

		for (; s[j] && s[j] != 0x02; )
			k = bchild(ix, k, extract_fold(extract_decode(s, &j)));
		if (k != 0) {
			XPUSH(ix->b[k].ends[0], ix->b[k].nends[0],
			    ix->b[k].capends[0]);
			ix->b[k].ends[0][ix->b[k].nends[0]++] = id;
		}
		if (s[j] == 0x02)
			j++;
	}
}

/* True if the rule list v[0..n) holds r. */
static bool
holds(const size_t *v, size_t n, size_t r)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == r)
			return true;
	return false;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* A new set: the rules of from (set index, or -1) and the rules ending
 * at node k of the given kinds; -1 if it would be empty. */
static int32_t
make_set(struct extract_index *ix, int32_t from, size_t k, bool anywhere_only)
{
	struct iset s = { 0 };
	size_t cap = 0;

	if (from >= 0)
		for (size_t i = 0; i < ix->set[from].n; i++) {
			XPUSH(s.rule, s.n, cap);
			s.rule[s.n++] = ix->set[from].rule[i];
		}
	for (int w = anywhere_only ? 1 : 0; w < 2; w++)
		for (size_t i = 0; i < ix->b[k].nends[w]; i++)
			if (!holds(s.rule, s.n, ix->b[k].ends[w][i])) {
				XPUSH(s.rule, s.n, cap);
				s.rule[s.n++] = ix->b[k].ends[w][i];
			}
	if (s.n == 0) {
		free(s.rule);
		return from;
	}
	if (from >= 0 && s.n == ix->set[from].n) {
		free(s.rule);
		return from;
	}
	/* In rule order: a candidate is listed under its rules in order. */
	qsort(s.rule, s.n, sizeof *s.rule, cmp_size);
	for (size_t i = 0; i < s.n; i++)
		s.types |= 1u << ix->rtype[s.rule[i]];
	XPUSH(ix->set, ix->nset, ix->capset);
	ix->set[ix->nset] = s;
	return (int32_t)ix->nset++;
}

/* Sorts kid[0..n) by their characters (a node has few children). */
static void
sort_kids(uint32_t *kid, size_t n, const struct inode *node)
{
	for (size_t i = 1; i < n; i++) {
		uint32_t k = kid[i];
		size_t j = i;

		for (; j > 0 && node[kid[j - 1]].cp > node[k].cp; j--)
			kid[j] = kid[j - 1];
		kid[j] = k;
	}
}

/* Node k of the tree and all below it, in the final form; its sets are
 * those of its parent's plus its own. */
static void
finish_node(struct extract_index *ix, size_t k, const int32_t parent[2],
    size_t *nkid)
{
	struct inode *n = &ix->node[k];
	size_t first = *nkid;

	n->cp = ix->b[k].cp;
	n->set[0] = make_set(ix, parent[0], k, false);
	n->set[1] = make_set(ix, parent[1], k, true);
	for (size_t c = ix->b[k].child; c != 0; c = ix->b[c].next)
		ix->kid[(*nkid)++] = (uint32_t)c;
	n->first = (uint32_t)first;
	n->n = (uint32_t)(*nkid - first);
	for (uint32_t i = 0; i < n->n; i++)
		ix->node[ix->kid[first + i]].cp = ix->b[ix->kid[first + i]].cp;
	sort_kids(ix->kid + first, n->n, ix->node);
	for (uint32_t i = 0; i < n->n; i++)
		finish_node(ix, ix->kid[n->first + i], n->set, nkid);
}

/* True if the character cp may be a decimal digit under UCP: an ASCII
 * one, or anything from U+0640 on outside the Latin Extended Additional
 * and Greek Extended blocks (no digit lies below or in those). */
static inline bool
may_digit(int32_t cp)
{
	return (cp >= '0' && cp <= '9') ||
	    (cp >= 0x640 && !(cp >= 0x1e00 && cp <= 0x1fff));
}

static inline int32_t
fold(const struct extract_index *ix, int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp;
	if (cp < CLS_LAT)
		return ix->fold_lat[cp - 0x80];
	if (cp >= 0x1e00 && cp <= 0x1eff)
		return ix->fold_ext[cp - 0x1e00];
	return extract_fold(cp);
}

/* The bytes a text character may open with where a head starting with
 * the folded character f may begin: f itself and, for a head where a
 * word starts, every byte that opens a character of more than one byte
 * (some letters fold from far away: U+2C7E to U+023F, the Kelvin sign
 * to k), and the ASCII letters that fold to f.  A head where no word
 * starts opens with ASCII punctuation, which has no other case. */
static void
mark_leads(struct extract_index *ix, int w, int32_t f)
{
	if (w == 1) {
		/* Letters inside a word are told by ix->inword. */
		if (f > 0x20 && f < 0x7f && !(f >= 'a' && f <= 'z') &&
		    !(f >= '0' && f <= '9') && f != '_')
			ix->lead[1][f] = true;
		return;
	}
	if (f < 0x80)
		ix->lead[w][f] = true;
	for (int b = 0xc0; b < 0x100; b++)
		ix->lead[w][b] = true;
	for (int32_t cp = 0; cp < 0x80; cp++)
		if (fold(ix, cp) == f || (f == HEAD_DIGIT && may_digit(cp)))
			ix->lead[w][cp] = true;
}

static uint32_t step_search(const struct extract_index *, uint32_t, int32_t);
static inline bool word_cp(int32_t);
static inline bool opens_inword(const struct extract_index *, int32_t);

static int
cmp_cp(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return x < y ? -1 : x > y;
}

/* The class of a folded character the heads hold (2 on), or 0. */
static uint16_t
head_class(const struct extract_index *ix, int32_t f)
{
	const int32_t *c = bsearch(&f, ix->cls_cp, ix->ncls - 2, sizeof f, cmp_cp);

	return c ? (uint16_t)(c - ix->cls_cp + 2) : CLS_NONE;
}

/* The class of text character cp. */
static inline uint16_t
text_class(const struct extract_index *ix, int32_t cp)
{
	uint16_t c;

	if (cp < CLS_LAT)
		return ix->cls_lat[cp];
	if (cp >= CLS_EXT && cp < CLS_EXT + 0x100)
		return ix->cls_ext[cp - CLS_EXT];
	c = head_class(ix, fold(ix, cp));
	return c != CLS_NONE ? c : may_digit(cp) ? CLS_DIGIT : CLS_NONE;
}

/* The classes: every folded character of a head, and the tables. */
static void
make_classes(struct extract_index *ix)
{
	size_t n = 0;

	ix->cls_cp = xcalloc(ix->nb + 1, sizeof *ix->cls_cp);
	for (size_t k = 1; k < ix->nb; k++)
		if (ix->node[k].cp != HEAD_DIGIT)
			ix->cls_cp[n++] = ix->node[k].cp;
	qsort(ix->cls_cp, n, sizeof *ix->cls_cp, cmp_cp);
	for (size_t i = 0; i < n; i++)
		if (ix->ncls == 0 || ix->cls_cp[ix->ncls - 1] != ix->cls_cp[i])
			ix->cls_cp[ix->ncls++] = ix->cls_cp[i];
	ix->ncls += 2;
	for (int32_t cp = 0; cp < CLS_LAT; cp++) {
		uint16_t c = head_class(ix, fold(ix, cp));

		ix->cls_lat[cp] = c != CLS_NONE ? c : may_digit(cp) ? CLS_DIGIT :
		    CLS_NONE;
	}
	for (int32_t cp = 0; cp < 0x100; cp++)
		ix->cls_ext[cp] = head_class(ix, fold(ix, CLS_EXT + cp));
}

/* Rows of classes for the nodes near the root. */
static void
make_rows(struct extract_index *ix, uint32_t k, int depth, size_t *nrows)
{
	size_t r = (*nrows)++;

	ix->hot[k].row = (int32_t)r;
	ix->dense = xreallocarray(ix->dense, *nrows * ix->ncls, sizeof *ix->dense);
	for (size_t c = 0; c < ix->ncls; c++) {
		int32_t rep = c == CLS_NONE ? -1 : c == CLS_DIGIT ? '0' :
		    ix->cls_cp[c - 2];

		ix->dense[r * ix->ncls + c] = (uint16_t)(rep < 0 ? 0 :
		    step_search(ix, k, rep));
	}
	if (depth < DENSE_DEPTH)
		for (uint32_t i = 0; i < ix->node[k].n; i++)
			make_rows(ix, ix->kid[ix->node[k].first + i], depth + 1, nrows);
}

/* The sets as bits, for the matcher's questions. */
static void
set_bits(struct extract_index *ix)
{
	ix->words = ix->nrtype / 64 + 1;
	ix->bits = xcalloc(ix->nset * ix->words + 1, sizeof *ix->bits);
	ix->types = xcalloc(ix->nset + 1, sizeof *ix->types);
	for (size_t s = 0; s < ix->nset; s++) {
		for (size_t i = 0; i < ix->set[s].n; i++) {
			size_t r = ix->set[s].rule[i];

			ix->bits[s * ix->words + r / 64] |= (uint64_t)1 << (r % 64);
		}
		ix->types[s] = ix->set[s].types;
	}
}

/* True if node k or one below it has a set for w. */
static bool
reaches(const struct extract_index *ix, uint32_t k, int w)
{
	if (ix->node[k].set[w] >= 0)
		return true;
	for (uint32_t i = 0; i < ix->node[k].n; i++)
		if (reaches(ix, ix->kid[ix->node[k].first + i], w))
			return true;
	return false;
}

void
extract_index_ready(struct extract_index *ix)
{
	int32_t none[2] = { -1, -1 };
	size_t nkid = 0, nrows = 0;

	for (int32_t cp = 0x80; cp < 0x250; cp++)
		ix->fold_lat[cp - 0x80] = extract_fold(cp);
	for (int32_t cp = 0x1e00; cp <= 0x1eff; cp++)
		ix->fold_ext[cp - 0x1e00] = extract_fold(cp);
	ix->node = xcalloc(ix->nb, sizeof *ix->node);
	ix->kid = xcalloc(ix->nb, sizeof *ix->kid);
	ix->kidcp = xcalloc(ix->nb, sizeof *ix->kidcp);
	finish_node(ix, 0, none, &nkid);
	for (size_t i = 0; i < nkid; i++)
		ix->kidcp[i] = ix->node[ix->kid[i]].cp;
	for (uint32_t i = 0; i < ix->node[0].n; i++) {
		uint32_t k = ix->kid[ix->node[0].first + i];

		for (int w = 0; w < 2; w++)
			if (reaches(ix, k, w))
				mark_leads(ix, w, ix->node[k].cp);
	}
	for (int b = 0; b < 256; b++)
		ix->skip[b] = b < 0x80 ? (word_cp(b) && !opens_inword(ix, b)) :
		    b >= 0xc3 && b <= 0xc9 ? 2 : b == 0xe1 ? 3 : 0;
	make_classes(ix);
	ix->hot = xcalloc(ix->nb, sizeof *ix->hot);
	for (size_t k = 0; k < ix->nb; k++)
		ix->hot[k] = (struct ihot){ -1, { ix->node[k].set[0],
		    ix->node[k].set[1] }, ix->node[k].n };
	/* Rows hold node numbers in 16 bits. */
	if (ix->nb <= UINT16_MAX)
		make_rows(ix, 0, 0, &nrows);
	set_bits(ix);
	ix->ready = true;
}

void
extract_index_free(struct extract_index *ix)
{
	if (ix == NULL)
		return;
	for (size_t i = 0; i < ix->nb; i++)
		for (int w = 0; w < 2; w++)
			free(ix->b[i].ends[w]);
	free(ix->b);
	free(ix->rtype);
	free(ix->node);
	free(ix->kid);
	free(ix->kidcp);
	free(ix->cls_cp);
	free(ix->hot);
	free(ix->dense);
	for (size_t i = 0; i < ix->nset; i++)
		free(ix->set[i].rule);
	free(ix->set);
	free(ix->bits);
	free(ix->types);
	free(ix);
}

/* ---- the pass over a text ------------------------------------------- */

/* True if the character cp is surely one \w matches with UCP: an ASCII
 * letter, digit or '_', or a letter of the Latin blocks up to U+027F and
 * of Latin Extended Additional.  Anything else might not be, and then a
 * word may start after it. */
static inline bool
word_cp(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9') || cp == '_';
	return (cp >= 0xc0 && cp < 0x280 && cp != 0xd7 && cp != 0xf7) ||
	    (cp >= 0x1e00 && cp < 0x1f00);
}

/* True if cp opens a head that may start inside a word. */
static inline bool
opens_inword(const struct extract_index *ix, int32_t cp)
{
	return cp < INWORD_CPS && (ix->inword[cp / 64] >> (cp % 64) & 1);
}

/* Past the characters from t[p] on that are surely \w and open no head
 * that may start inside a word (valid UTF-8: a lead byte is followed by
 * all its bytes).  ix->skip tells by the first byte: 1, an ASCII word
 * character to pass over; 2 and 3, a letter of two or three bytes (the
 * latter from U+1E00) to pass over unless it opens such a head; 0, a
 * stop. */
static inline size_t
skip_word(const struct extract_index *ix, const unsigned char *t, size_t p,
    size_t n)
{
	while (p < n) {
		unsigned char k = ix->skip[t[p]];
		int32_t cp;

		if (k == 1) {
			p++;
			continue;
		}
		if (k == 2) {
			cp = (int32_t)(t[p] & 0x1f) << 6 | (t[p + 1] & 0x3f);
			if (cp == 0xd7 || cp == 0xf7)
				break;
		} else if (k == 3 && t[p + 1] >= 0xb8 && t[p + 1] <= 0xbb)
			cp = 0x1000 | (int32_t)(t[p + 1] & 0x3f) << 6 |
			    (t[p + 2] & 0x3f);
		else
			break;
		if (ix->any_inword && opens_inword(ix, cp))
			break;
		p += k;
	}
	return p;
}

/* The child of node k for the character cp, by search (0: none). */
static uint32_t
step_search(const struct extract_index *ix, uint32_t k, int32_t cp)
{
	const struct inode *n = &ix->node[k];
	const int32_t *c = ix->kidcp + n->first;
	int32_t f = fold(ix, cp);
	uint32_t lo = 0, hi = n->n;

	while (hi - lo > 4) {
		uint32_t mid = (lo + hi) / 2;

		if (c[mid] <= f)
			lo = mid;
		else
			hi = mid;
	}
	for (; lo < hi && c[lo] <= f; lo++)
		if (c[lo] == f)
			return ix->kid[n->first + lo];
	/* HEAD_DIGIT sorts first. */
	if (n->n > 0 && c[0] == HEAD_DIGIT && may_digit(cp))
		return ix->kid[n->first];
	return 0;
}

/* The child of node k for the text character cp (0: none). */
static inline uint32_t
step(const struct extract_index *ix, uint32_t k, int32_t cp)
{
	if (ix->hot[k].row >= 0)
		return ix->dense[(size_t)ix->hot[k].row * ix->ncls +
		    text_class(ix, cp)];
	return step_search(ix, k, cp);
}

/* The set of the deepest node a walk reaches that has one for w, or
 * -1: the walk starts with the character cp, then goes on from t[p]. */
static int32_t
walk(const struct extract_index *ix, int32_t cp, const unsigned char *t,
    size_t p, size_t n, int w)
{
	uint32_t k = step(ix, 0, cp);
	int32_t best = -1;

	while (k != 0) {
		if (ix->hot[k].set[w] >= 0)
			best = ix->hot[k].set[w];
		if (p >= n || ix->hot[k].kids == 0)
			break;
		k = step(ix, k, extract_decode(t, &p));
	}
	return best;
}

/* Lists the place p under the types of set s. */
static void
record(const struct extract_index *ix, struct extract_found *f, size_t p,
    int32_t s)
{
	for (unsigned types = ix->types[s]; types != 0; types &= types - 1) {
		int ty = __builtin_ctz(types);

		if (f->ntype[ty] == f->captype[ty])
			XPUSH(f->type[ty], f->ntype[ty], f->captype[ty]);
		f->type[ty][f->ntype[ty]++] =
		    (struct extract_cand){ (uint32_t)p, (uint32_t)s };
	}
}

bool
extract_index_scan(const struct extract_index *ix, const char *text, size_t n,
    struct extract_found *f)
{
	const unsigned char *t = (const unsigned char *)text;
	bool after_word = false;

	for (int ty = 0; ty <= EXTRACT_GATES; ty++) {
		f->ntype[ty] = 0;
		f->last_i[ty] = 0;
	}
	f->valid = ix->ready && n < UINT32_MAX;
	if (!f->valid)
		return false;
	for (size_t p = 0; p < n; ) {
		int w = after_word;
		size_t q = p;
		int32_t s, cp = t[p] < 0x80 ? t[q++] : extract_decode(t, &q);

		if ((ix->lead[w][t[p]] || (w == 1 && opens_inword(ix, cp))) &&
		    (s = walk(ix, cp, t, q, n, w)) >= 0)
			record(ix, f, p, s);
		after_word = word_cp(cp);
		/* Inside a word, on to a character that may open a head. */
		p = after_word ? skip_word(ix, t, q, n) : q;
	}
	return true;
}

size_t
extract_index_words(const struct extract_index *ix)
{
	return ix->words;
}

void
extract_index_or(const struct extract_index *ix, uint32_t set, uint64_t *acc)
{
	for (size_t i = 0; i < ix->words; i++)
		acc[i] |= ix->bits[set * ix->words + i];
}

bool
extract_index_has(const struct extract_index *ix, uint32_t set, size_t rule)
{
	return ix->bits[set * ix->words + rule / 64] >> (rule % 64) & 1;
}

void
extract_found_free(struct extract_found *f)
{
	for (int ty = 0; ty <= EXTRACT_GATES; ty++)
		free(f->type[ty]);
	memset(f, 0, sizeof *f);
}
