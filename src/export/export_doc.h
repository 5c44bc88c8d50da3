/*
 * The layout model of the minutes: the document built once from a
 * meeting, its style and its language (export_bienban.c, export_en.c),
 * then rendered by every writer (text, HTML, DOCX, ODT) without a second
 * copy of the document's logic.
 *
 * A document is a list of blocks.  A block is one paragraph, or a table
 * of two columns (the header of the biên bản, the signatures) whose rows
 * hold paragraphs.  A paragraph is a list of runs, each with its own
 * emphasis and size, and says how it is laid out: alignment, its indents
 * in text columns (the text writer's unit, which the others scale), a
 * blank line before it, a rule beneath it, balanced lines.  The numbers
 * the paper layouts use (page, margins, sizes) are in one table,
 * export_spec (export_doc.c), with their sources.
 */
#ifndef MINUTES_EXPORT_DOC_H
#define MINUTES_EXPORT_DOC_H

#include <stdbool.h>
#include <stddef.h>

enum {
	RUN_BOLD = 1,
	RUN_ITALIC = 2,
	RUN_UNDERLINE = 4,
	RUN_CAPS = 8		/* written in capitals by every writer */
};

struct doc_run {
	char		*text;
	unsigned	 flags;		/* RUN_* */
	unsigned	 half_pt;	/* size in half points */
};

enum doc_align { ALIGN_LEFT, ALIGN_CENTER, ALIGN_JUSTIFY };
/* A rule beneath a paragraph: as long as its line (the motto, the
 * Party's name), or a short one (under the organisation, the title). */
enum doc_rule { RULE_NONE, RULE_LINE, RULE_SHORT };

struct doc_para {
	struct doc_run	*run;
	size_t		 nrun, caprun;
	enum doc_align	 align;
	unsigned	 ind_first, ind_rest;	/* in text columns */
	bool		 body;		/* a paragraph of running text: its
					   first line indented on paper */
	bool		 blank_before;	/* a blank line (a space) before */
	bool		 balance;	/* centred lines of even length */
	bool		 keep_next;	/* on the same page as the next */
	enum doc_rule	 rule;
};

/* Which table a column block is: the writers size them differently. */
enum doc_table { TABLE_HEADER, TABLE_SIGNATURES };

struct doc_row {
	struct doc_para	*col[2];
	size_t		 n[2], cap[2];
};

enum doc_kind { BLOCK_PARA, BLOCK_TABLE };

struct doc_block {
	enum doc_kind	 kind;
	struct doc_para	 para;		/* BLOCK_PARA */
	enum doc_table	 table;		/* BLOCK_TABLE */
	struct doc_row	*row;
	size_t		 nrow, caprow;
};

/* The paper layout of one style: page, margins, font and the sizes of
 * each part, in half points. */
struct export_spec {
	const char	*source;	/* the document the numbers come from */
	unsigned	 page_w_mm, page_h_mm;
	unsigned	 top_mm, bottom_mm, left_mm, right_mm;
	const char	*font;
	unsigned	 nation, motto, party;	/* the national title, the
						   motto, ĐẢNG CỘNG SẢN VIỆT NAM */
	unsigned	 org_sup, org, number, place_date;
	unsigned	 doc_name, summary, body, signer, page_number;
	unsigned	 recipients_head, recipients;
	unsigned	 first_indent_mm;	/* body paragraphs' first line */
	unsigned	 line_pct;	/* line spacing, percent of single */
	unsigned	 space_pt;	/* between paragraphs */
	bool		 recipients_underline;	/* "Nơi nhận:" underlined
						   (party) or bold italic */
};

extern const struct export_spec export_spec_state, export_spec_party;

struct doc {
	const struct export_spec *spec;
	const char	*lang;		/* "vi" or "en" */
	char		*title;		/* the page's title (HTML, metadata) */
	struct doc_block *blk;
	size_t		 nblk, capblk;
};

void	 doc_init(struct doc *, const struct export_spec *, const char *lang,
	    const char *title);
void	 doc_free(struct doc *);
/* A new paragraph block, left-aligned, no indents. */
struct doc_para *doc_para(struct doc *);
/* A new table of two columns with one empty row. */
struct doc_block *doc_table(struct doc *, enum doc_table);
/* A new paragraph at the end of column col of the table's last row. */
struct doc_para *doc_cell_para(struct doc_block *, int col);
/* A new empty row at the end of the table. */
void	 doc_row(struct doc_block *);
/* Appends a run (copying text, which NULL leaves empty). */
void	 doc_run(struct doc_para *, const char *text, unsigned flags,
	    unsigned half_pt);
/* The paragraph's text, runs joined, capitals applied; malloc'd. */
char	*doc_para_text(const struct doc_para *);
/* A run's text with capitals applied; malloc'd. */
char	*doc_run_text(const struct doc_run *);

/* Geometry the paper writers share: the width between the margins, the
 * widths of a table's two columns, the printed width of a paragraph's
 * text (an estimate from Times New Roman's proportions, to draw a rule
 * as long as the line), all in millimetres; and one text column of
 * indent on paper. */
double	 export_body_mm(const struct doc *);
void	 export_table_mm(const struct doc *, enum doc_table, double mm[2]);
double	 export_para_mm(const struct doc_para *);
/* The length of the rule beneath p in a space width mm wide: as long as
 * the text (RULE_LINE), or a third of it (RULE_SHORT, at least 15 mm). */
double	 export_rule_mm(const struct doc_para *p, double width);
#define EXPORT_COL_MM	2.2

#endif
