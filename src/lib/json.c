/*
 * JSON string escaping (see json.h), per RFC 8259 section 7.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/json.h"

/* Length of a C1 control (U+0080-U+009F) or bidirectional formatting
 * character (U+202A-U+202E, U+2066-U+2069) encoded at s[i], else 0; its
 * code point in *cp. */
static size_t
hidden(const unsigned char *s, size_t i, size_t len, unsigned *cp)
{
	if (s[i] == 0xc2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] < 0xa0) {
		*cp = s[i + 1];
		return 2;
	}
	if (s[i] == 0xe2 && i + 2 < len &&
	    ((s[i + 1] == 0x80 && s[i + 2] >= 0xaa && s[i + 2] <= 0xae) ||
	    (s[i + 1] == 0x81 && s[i + 2] >= 0xa6 && s[i + 2] <= 0xa9))) {
		*cp = 0x2000u | ((s[i + 1] & 0x3fu) << 6) | (s[i + 2] & 0x3fu);
		return 3;
	}
	return 0;
}

void
json_strn(struct buf *b, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t start = 0, n;
	unsigned cp = 0;

	buf_addc(b, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = s[i];
		const char *esc = NULL;
		char tmp[8];

		n = 0;
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			n = c >= 0x80 ? hidden(s, i, len, &cp) : 0;
			if (c < 0x20 || c == 0x7f || n) {
				snprintf(tmp, sizeof tmp, "\\u%04x",
				    n ? cp : (unsigned)c);
				esc = tmp;
			}
		}
		if (esc) {
			buf_add(b, str + start, i - start);
			buf_adds(b, esc);
			i += n ? n - 1 : 0;
			start = i + 1;
		}
	}
	buf_add(b, str + start, len - start);
	buf_addc(b, '"');
}

void
json_str(struct buf *b, const char *s)
{
	if (s == NULL)
		buf_adds(b, "null");
	else
		json_strn(b, s, strlen(s));
}

void
json_member(struct buf *b, const char *key, const char *s)
{
	buf_printf(b, ",\"%s\":", key);
	json_str(b, s);
}
