/*
 * A small XML writer for the office documents (export_docx.c,
 * export_odt.c): elements with attributes and escaped text, appended to
 * a buf.  Every string that reaches the output passes through the one
 * escaping function, which also drops what XML 1.0 cannot hold (control
 * characters other than tab and newline), so no text of a meeting can
 * break a document.
 */
#ifndef MINUTES_EXPORT_XML_H
#define MINUTES_EXPORT_XML_H

#include <stddef.h>

struct buf;
struct doc;
struct err;

/* Appends s with & < > " ' escaped and characters XML cannot hold left
 * out. */
void	 xml_esc(struct buf *, const char *s);
/* Appends <name a1="v1" a2="v2" ...>: the variable arguments are pairs of
 * attribute name and value, ended by NULL; values are escaped.  xml_empty
 * appends the same as an empty element <name .../>. */
void	 xml_open(struct buf *, const char *name, ...);
void	 xml_empty(struct buf *, const char *name, ...);
void	 xml_close(struct buf *, const char *name);
/* <name>escaped text</name> */
void	 xml_elem(struct buf *, const char *name, const char *text);

/* A file of a zip package: its name; its bytes, fixed (data, len) or
 * written from the document by build; and whether it is stored
 * uncompressed (an ODF package's mimetype must be).  A format lists its
 * package's files in a table. */
struct export_zip_file {
	const char	*name;
	const char	*data;
	size_t		 len;
	int		 store;
	void		(*build)(struct buf *, const struct doc *);
};
/* Appends a zip archive of the n files, in order, to b (export_zip.c),
 * the built ones written from d.  0, or an error code with a message. */
int	 export_zip(struct buf *b, const struct export_zip_file *, size_t n,
	    const struct doc *d, struct err *);

#endif
