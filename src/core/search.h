/*
 * Search queries, independent of the database: parsing what the user typed
 * (words in any order, "quoted phrases", a trailing * for a prefix) into
 * phrases, writing them as FTS5 query text in which every phrase is a
 * quoted string (so no character the user types is FTS5 syntax), and
 * finding the phrases again in a text to pick the part of a meeting that
 * matched and to draw a one-line snippet with the matches marked.
 *
 * Matching folds case and diacritics, đ/Đ included, exactly as utf8_fold
 * does, because the index's shadow columns hold utf8_fold's output.
 */
#ifndef MINUTES_SEARCH_H
#define MINUTES_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct err;

/* More phrases than this is not a search but a paste; refused. */
#define SEARCH_MAX_PHRASES 32

enum search_flags {
	/* Treat the last word as a prefix, as a search-as-you-type box
	 * wants while the word is still being typed. */
	SEARCH_PREFIX_LAST = 1
};

struct search_phrase {
	char	*raw;		/* as typed, NFC */
	char	**tok;		/* its words, folded */
	size_t	 ntok;		/* at least 1 */
	bool	 prefix;	/* the last word may be the start of a word */
};

struct search_query {
	struct search_phrase *ph;
	size_t	 n;		/* at least 1 after a successful parse */
	size_t	 cap;		/* room in ph */
};

/* The folded form of s[0..len), as utf8_fold makes it (case folded, marks
 * removed, đ/Đ -> d), but faster: the index folds every text it holds.
 * malloc'd. */
char	*search_fold(const char *s, size_t len);

/* Parses text; ERR_INPUT with a one-line message for an unbalanced quote,
 * invalid UTF-8, no word at all, or too many phrases. */
int	 search_query_parse(const char *text, int flags, struct search_query *,
	    struct err *);
void	 search_query_free(struct search_query *);

/* FTS5 query text: every phrase, restricted to the column filter cols
 * (e.g. "{title body}"), joined with AND; or with whole, all of them as
 * one phrase (the words next to each other, in the order typed).  exact
 * uses the phrases as typed (for columns that keep diacritics), otherwise
 * their folded words.  malloc'd. */
char	*search_query_fts(const struct search_query *, const char *cols,
	    bool exact, bool whole);

/* How many of the query's phrases occur in text[0..len), counted twice
 * when they also occur all together, in order: a score for choosing the
 * part of a meeting to show. */
size_t	 search_count(const char *text, size_t len,
	    const struct search_query *);

/* Appends one line taken from text around the first match, each match
 * between open and close, runs of white space shown as one space, control
 * characters escaped, "…" where text was cut; at most width columns
 * (display width).  Without a match, the start of the text. */
void	 search_snippet(struct buf *, const char *text,
	    const struct search_query *, size_t width, const char *open,
	    const char *close);

#endif
