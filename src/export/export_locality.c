/*
 * The place of issue (địa danh) of the biên bản's date line, derived
 * from the issuing body's name when the meeting gives none: Decree 30
 * (Appendix I) and Guidance 36 name the administrative unit where the
 * body sits, so "Thành ủy Hải Phòng" gives "Hải Phòng", "Đảng ủy phường
 * Phú Hòa Đông Nam thành phố Thủ Dầu Một" gives "Phú Hòa Đông Nam", and
 * "Quận ủy Quận 1" gives "Quận 1" (a numbered unit keeps its word).
 *
 * The name is the one after the first word that names a unit (tỉnh,
 * thành phố, quận, huyện, thị xã, xã, phường, thị trấn) or a party
 * committee of one (Tỉnh ủy, Thành ủy, Huyện ủy, Quận ủy, Thị ủy), up to
 * the next such word.  Words are compared folded (case and diacritics),
 * so "Thành Ủy", "Thành uỷ" and "UBND tỉnh" all count; the result keeps
 * the name as it was written.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export/export.h"
#include "lib/buf.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"

/* Folded, with the spaces that end them; a committee's "ủy" is part of
 * its word ("quận ủy "), so the name follows it. */
static const char *const units[] = {
	"thanh pho ", "thi tran ", "thi xa ", "thanh uy ", "tinh uy ",
	"huyen uy ", "quan uy ", "thi uy ", "quan ", "huyen ", "phuong ",
	"tinh ", "xa "
};

/* The byte length of the unit word that starts the folded text f (words
 * separated by single spaces, ending in one), or 0. */
static size_t
unit_at(const char *f)
{
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
		if (strncmp(f, units[u], strlen(units[u])) == 0)
			return strlen(units[u]);
	return 0;
}

/* The words of s, and of its folded form, as arrays of starts. */
struct words {
	char	**orig, **fold;
	size_t	 n, cap, capf;
};

static void
split(const char *s, struct words *w)
{
	size_t nf = 0;

	memset(w, 0, sizeof *w);
	for (const char *p = s; *p;) {
		size_t len;

		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		len = strcspn(p, " ");
		XPUSH(w->orig, w->n, w->cap);
		w->orig[w->n++] = xstrndup(p, len);
		XPUSH(w->fold, nf, w->capf);
		w->fold[nf++] = utf8_fold(p, len);
		p += len;
	}
}

static void
words_free(struct words *w)
{
	for (size_t i = 0; i < w->n; i++) {
		free(w->orig[i]);
		free(w->fold[i]);
	}
	free(w->orig);
	free(w->fold);
}

/* The number of words of the unit that starts at word i, or 0. */
static size_t
unit_words(const struct words *w, size_t i)
{
	struct buf f = BUF_INIT;
	size_t len, k = 0;

	for (size_t j = i; j < w->n && j < i + 2; j++)
		buf_printf(&f, "%s ", w->fold[j]);
	len = unit_at(buf_str(&f));
	for (size_t b = 0; b < len; b++)
		k += f.s[b] == ' ';
	buf_free(&f);
	return k;
}

char *
export_locality(const char *org)
{
	struct words w;
	struct buf out = BUF_INIT;
	size_t i, k = 0, from;

	if (org == NULL)
		return NULL;
	split(org, &w);
	for (i = 0; i < w.n && (k = unit_words(&w, i)) == 0; i++)
		;
	from = i + k;
	/* "Quận ủy Quận 1": the committee's unit named again, by number. */
	if (k == 2 && from + 1 < w.n && unit_words(&w, from) == 1 &&
	    w.orig[from + 1][0] >= '0' && w.orig[from + 1][0] <= '9') {
		i = from;
		k = 1;
		from = i + 1;
	}
	/* A numbered unit ("Quận 1", "Phường 5") is named with its word. */
	if (k == 1 && from < w.n && w.orig[from][0] >= '0' &&
	    w.orig[from][0] <= '9') {
		const char *u = w.orig[i];
		size_t n = 0;
		int32_t c = utf8_decode(u, strlen(u), &n);

		utf8_encode(&out, utf8_toupper(c));
		buf_printf(&out, "%s %s", u + n, w.orig[from]);
	} else {
		for (size_t j = from; k > 0 && j < w.n &&
		    unit_words(&w, j) == 0; j++)
			buf_printf(&out, "%s%s", out.len ? " " : "", w.orig[j]);
	}
	words_free(&w);
	if (out.len == 0) {
		buf_free(&out);
		return NULL;
	}
	return buf_steal(&out);
}
