/*
 * Fuzz target for the UTF-8 utilities.  The first byte is a display width,
 * the rest the text.  Functions documented for any bytes (validation,
 * decoding, width, stepping, escaping) get the text as it is; the others
 * get it only when it is valid, as their callers guarantee.  Besides
 * memory safety it checks the promises the screens and exports lean on:
 * NFC is idempotent and agrees with utf8_is_nfc, folding is the same
 * whichever of the two folders is used, stepping always moves forward and
 * lands inside the text, wrapping and fitting stay within the width unless
 * a single grapheme is wider, and escaped text holds no control character.
 */
#include "config.h"

#include <string.h>

#include "lib/buf.h"
#include "fuzz.h"
#include "core/search.h"
#include "lib/utf8.h"

static void
check_escaped(const char *s, size_t len)
{
	struct buf b = BUF_INIT;
	size_t i = 0;

	utf8_escape_ctrl(&b, s, len);
	while (i < b.len) {
		int32_t cp = utf8_decode(b.s, b.len, &i);

		FUZZ_CHECK(cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0),
		    "a control character survived utf8_escape_ctrl");
		FUZZ_CHECK(!utf8_is_bidi_control(cp),
		    "a bidi override survived utf8_escape_ctrl");
	}
	buf_free(&b);
}

static void
check_steps(const char *s, size_t len, size_t width)
{
	size_t i = 0, fit;

	while (i < len) {
		size_t j = utf8_next(s, len, i);

		FUZZ_CHECK(j > i && j <= len, "utf8_next did not move forward");
		FUZZ_CHECK(utf8_prev(s, j) < j, "utf8_prev did not move back");
		i = j;
	}
	fit = utf8_fit(s, len, width);
	FUZZ_CHECK(fit <= len && utf8_width(s, fit) <= width,
	    "utf8_fit overran the width");
	for (i = 0; i < len; ) {
		size_t next, n = utf8_wrap(s + i, len - i, width, &next);

		FUZZ_CHECK(n <= next && next <= len - i, "utf8_wrap's offsets");
		FUZZ_CHECK(next > 0, "utf8_wrap made no progress");
		FUZZ_CHECK(utf8_width(s + i, n) <= (width ? width : 1) ||
		    utf8_next(s + i, n, 0) == n,
		    "a wrapped line wider than the width");
		i += next;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s;
	size_t len, width, bad, nlen, n2;
	char *nfc, *nfc2, *f1, *f2;

	if (size < 1)
		return 0;
	width = data[0];
	s = (const char *)data + 1;
	len = size - 1;
	for (size_t i = 0; i < len; )
		(void)utf8_decode(s, len, &i);
	(void)utf8_width(s, len);
	check_escaped(s, len);
	if (!utf8_valid(s, len, &bad)) {
		FUZZ_CHECK(bad < len, "utf8_valid's bad offset");
		return 0;
	}
	check_steps(s, len, width);
	nfc = utf8_nfc(s, len, &nlen);
	FUZZ_CHECK(utf8_valid(nfc, nlen, NULL), "NFC made invalid UTF-8");
	nfc2 = utf8_nfc(nfc, nlen, &n2);
	FUZZ_CHECK(n2 == nlen && memcmp(nfc, nfc2, nlen) == 0,
	    "NFC is not idempotent");
	FUZZ_CHECK(utf8_is_nfc(nfc, nlen), "utf8_is_nfc refuses NFC text");
	FUZZ_CHECK(utf8_is_nfc(s, len) == (nlen == len &&
	    memcmp(s, nfc, len) == 0), "utf8_is_nfc disagrees with utf8_nfc");
	f1 = utf8_fold(nfc, nlen);
	f2 = search_fold(nfc, nlen);
	FUZZ_CHECK(strcmp(f1, f2) == 0, "utf8_fold and search_fold disagree");
	FUZZ_CHECK(utf8_fold_contains(nfc, nfc), "text does not contain itself");
	check_steps(nfc, nlen, width);
	free(f1);
	free(f2);
	free(nfc);
	free(nfc2);
	return 0;
}
