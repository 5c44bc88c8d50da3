/*
 * UTF-8 text utilities for Vietnamese: validation, NFC normalisation, the
 * case- and diacritic-folded form used by search and filters, display
 * width, grapheme stepping and word wrapping by display width.
 *
 * Normalisation and character properties come from utf8proc, so there is no
 * home-made Unicode table here.  Widths use utf8proc's tables rather than
 * wcwidth(3) so that exports wrap the same way whatever the locale; the TUI
 * uses the same functions, so the screen and the export agree.
 */
#ifndef MINUTES_UTF8_H
#define MINUTES_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

/* True if s[0..len) is valid UTF-8; else *bad (if not NULL) is the offset of
 * the first bad byte.  NUL bytes count as invalid: stored text never holds them. */
bool	 utf8_valid(const char *s, size_t len, size_t *bad);
/* The 1-based line number of byte offset off. */
size_t	 utf8_line_at(const char *s, size_t off);

/* NFC form of valid UTF-8 s[0..len), malloc'd.  *outlen (if not NULL) gets
 * its length. */
char	*utf8_nfc(const char *s, size_t len, size_t *outlen);
/* True if s is already NFC (cheap for ASCII). */
bool	 utf8_is_nfc(const char *s, size_t len);

/* Folded form for matching: case folded, marks removed, đ/Đ -> d, so that
 * "giam sat" matches "Giám sát" and "dang vien" matches "đảng viên".
 * malloc'd.  Byte offsets do not correspond to the input. */
char	*utf8_fold(const char *s, size_t len);
/* Case folded and decomposed (NFD), marks kept: "Thành Ủy" and "thành
 * ủy" give the same bytes, "thành ủy" and "thanh uy" do not.  malloc'd. */
char	*utf8_casefold(const char *s, size_t len);
/* True if folded needle occurs in folded haystack (both plain strings). */
bool	 utf8_fold_contains(const char *haystack, const char *needle);

/* Decodes one code point at s[*i], advances *i; U+FFFD and one byte for
 * invalid input. */
int32_t	 utf8_decode(const char *s, size_t len, size_t *i);
/* Appends the UTF-8 encoding of cp. */
void	 utf8_encode(struct buf *, int32_t cp);

/* Character properties, so that no other module needs utf8proc: a
 * combining mark (Mn, Mc, Me); a letter, digit, private-use character or
 * mark (what search counts as part of a word); simple lower and upper
 * case. */
bool	 utf8_is_mark(int32_t cp);
bool	 utf8_is_word(int32_t cp);
int32_t	 utf8_tolower(int32_t cp);
int32_t	 utf8_toupper(int32_t cp);
/* Appends the folded form of one code point (as utf8_fold does for a
 * string: decomposed, case folded, marks stripped, đ -> d). */
void	 utf8_fold_cp(struct buf *, int32_t cp);
/* The Unicode library's version, recorded with anything built from its
 * tables (the search index). */
const char *utf8_unicode_version(void);

/* Columns a code point or string takes on a terminal: 0 for combining marks,
 * 2 for wide characters; control characters count as the width of their
 * escaped form (see utf8_escape_ctrl). */
int	 utf8_cpwidth(int32_t cp);
size_t	 utf8_width(const char *s, size_t len);
/* The same, and in *plain whether s is valid UTF-8 that utf8_escape_ctrl
 * would leave as it is (U+FFFD, which a bad byte decodes as, counts as
 * not plain): a caller that measured text first can then copy it. */
size_t	 utf8_width_plain(const char *s, size_t len, bool *plain);

/* Byte offset of the next/previous grapheme boundary (a base letter with its
 * combining marks is one step). */
size_t	 utf8_next(const char *s, size_t len, size_t i);
size_t	 utf8_prev(const char *s, size_t i);

/* Bytes of s that fit in width columns, whole graphemes only. */
size_t	 utf8_fit(const char *s, size_t len, size_t width);

/* True for the bidirectional formatting characters utf8_escape_ctrl
 * shows by name. */
bool	 utf8_is_bidi_control(int32_t cp);

/* Word wrap: the length in bytes of the first display line of s[0..len)
 * that fits in width columns (breaking after a space, or inside a word
 * longer than the line), and in *next the offset where the following line
 * starts (spaces at the break are skipped).  Stops at '\n'. */
size_t	 utf8_wrap(const char *s, size_t len, size_t width, size_t *next);

/* Appends s[0..len) with each ill-formed sequence (a bad or stray byte
 * and the continuation bytes after it) replaced by U+FFFD, so that the
 * output is valid UTF-8 whatever was stored; NUL bytes are kept.  Returns
 * the number of replacements. */
size_t	 utf8_repair(struct buf *, const char *s, size_t len);

/* Appends s with control characters shown as ^X (DEL as ^?, the C1
 * controls U+0080-U+009F as <9B>), so stored text can never send raw
 * escapes to a terminal, and with the bidirectional embeddings, overrides
 * and isolates (U+202A-U+202E, U+2066-U+2069) shown by their names
 * (<RLO>), so they cannot reorder what is shown.  Tabs become one space. */
void	 utf8_escape_ctrl(struct buf *, const char *s, size_t len);

#endif
