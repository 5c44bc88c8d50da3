/*
 * Benchmark of the screens, driven through a pseudo-terminal the way a
 * terminal emulator drives the program:
 *
 *   - time to the first screen of the meeting list on a database of many
 *     meetings (the one bench_store -k leaves behind);
 *   - a replayed typing session: 20,000 keystrokes of Vietnamese text with
 *     corrections and cursor moves, typed into a section that already holds
 *     50 KB, one key at a time, each waiting for the screen update it
 *     causes.  Reports the program's CPU time per keystroke (from
 *     /proc/PID/stat, so start-up is not counted), the bytes it wrote to the
 *     terminal per keystroke, and its peak memory;
 *   - the editor as an assistant, on a meeting whose conclusions hold
 *     2,000 words of directives: directives typed at a typist's pace,
 *     timing each key to its echo and the completing key to the new
 *     suggestion in the panel, and the CPU per key with suggestions on
 *     and hidden (F7), at that pace and for the replayed session;
 *   - typing into a 10 MB section (issue 12): each key's echo, while the
 *     text is saved every second (on the editor's save thread);
 *   - the action review on the database bench_actions -k leaves behind
 *     (100,000 items): time from `a` to its first screen, and from each
 *     key typed into its filter (0.3 s later, as a person would) to the
 *     screen update it causes.
 *
 *   bench_tui BINARY DIR        (DIR/bench.db: the list's database,
 *                                DIR/actions.db: the review's)
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "benchlib.h"
#include "lib/buf.h"
#include "lib/xmalloc.h"

#define NKEYS_DEFAULT	20000

static void
report(const char *what, double value, const char *unit, double target)
{
	printf("%-36s %10.3f %-10s target <= %g  %s\n", what, value, unit,
	    target, value <= target ? "ok" : "MISSED");
}

struct child {
	pid_t	 pid;
	int	 fd;
	struct buf screen;	/* everything it wrote since the last reset */
};

static void
spawn(struct child *c, char *const argv[])
{
	struct winsize ws = { 24, 80, 0, 0 };

	buf_init(&c->screen);
	c->pid = forkpty(&c->fd, NULL, NULL, &ws);
	if (c->pid < 0) {
		perror("bench_tui: forkpty");
		exit(1);
	}
	if (c->pid == 0) {
		setenv("TERM", "xterm", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		execv(argv[0], argv);
		_exit(127);
	}
}

/* Reads what is there, waiting up to ms for the first byte; returns the
 * bytes read. */
static size_t
drain(struct child *c, int ms)
{
	char b[65536];
	size_t total = 0;
	struct pollfd p = { c->fd, POLLIN, 0 };

	while (poll(&p, 1, total ? 1 : ms) > 0) {
		ssize_t n = read(c->fd, b, sizeof b);

		if (n <= 0)
			break;
		buf_add(&c->screen, b, (size_t)n);
		total += (size_t)n;
	}
	return total;
}

/* Waits until the output holds text; false after the deadline. */
static bool
wait_text(struct child *c, const char *text, double secs)
{
	double end = bench_now() + secs;

	while (bench_now() < end) {
		if (c->screen.s && strstr(c->screen.s, text))
			return true;
		drain(c, 10);
	}
	return false;
}

static void
put(struct child *c, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(c->fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static void
finish(struct child *c, const char *quit, long *maxrss)
{
	struct rusage ru;
	int status;
	pid_t r;
	double end = bench_now() + 5;

	memset(&ru, 0, sizeof ru);
	put(c, quit, strlen(quit));
	while ((r = wait4(c->pid, &status, WNOHANG, &ru)) == 0 &&
	    bench_now() < end)
		drain(c, 10);
	if (r == 0) {
		kill(c->pid, SIGKILL);
		wait4(c->pid, &status, 0, &ru);
	}
	*maxrss = ru.ru_maxrss;
	close(c->fd);
	buf_free(&c->screen);
}

/* utime + stime of a running process, in seconds. */
static double
cpu_of(pid_t pid)
{
	char path[64], line[1024], *p;
	unsigned long ut = 0, st = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	if (fgets(line, sizeof line, f) && (p = strrchr(line, ')')))
		sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
		    &ut, &st);
	fclose(f);
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static const char *const sentences[] = {
	"Đồng chí Phó Bí thư Thường trực Quận ủy chủ trì hội nghị. ",
	"Ủy ban MTTQ quận đã phối hợp tổ chức 300 mô hình, tăng 27% so với kế hoạch. ",
	"12/12 phường hoàn thành chỉ tiêu, đạt 92,3% kế hoạch năm. ",
	"Hội Liên hiệp Phụ nữ vận động hội viên tham gia giữ gìn vệ sinh môi trường. ",
	"Đoàn Thanh niên tổ chức các hoạt động tình nguyện trong dịp hè. ",
	"Đề nghị Ủy ban MTTQ khẩn trương rà soát các chỉ tiêu được giao. ",
	"Hội Cựu chiến binh tiếp tục thực hiện cuộc vận động xây dựng nông thôn mới. ",
};
#define NSENT (sizeof sentences / sizeof sentences[0])

/* Writes a meeting whose results section holds about 50 KB. */
static void
write_fixture(const char *path)
{
	FILE *f = fopen(path, "w");
	size_t bytes = 0;
	unsigned i = 0;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	fputs("---\ntemplate: giaoban\ntitle: Hội nghị giao ban quý IV\n"
	    "date: 2023-12-20\n---\n\n## Kết quả đạt được {#results}\n\n", f);
	while (bytes < 50 * 1024) {
		const char *s = sentences[i++ % NSENT];

		fputs(s, f);
		bytes += strlen(s);
		if (i % 6 == 0) {
			fputs("\n", f);
			bytes++;
		}
	}
	fputs("\n", f);
	fclose(f);
}

/* The next keystroke of the session: text one code point at a time, a
 * correction (two backspaces and retyping) every 37 keys, a word back and
 * forward every 101, a new paragraph every 400. */
static size_t
next_key(unsigned k, const char **text, char out[16])
{
	size_t n;

	if (k % 37 == 0 || k % 37 == 1) {
		out[0] = 0x7f;
		return 1;
	}
	if (k % 101 == 0) {
		memcpy(out, "\033[1;5D", 6);
		return 6;
	}
	if (k % 101 == 1) {
		memcpy(out, "\033[1;5C", 6);
		return 6;
	}
	if (k % 400 == 2) {
		out[0] = '\r';
		return 1;
	}
	if (**text == '\0')
		*text = sentences[(k / 7) % NSENT];
	n = 1;
	while (((unsigned char)(*text)[n] & 0xc0) == 0x80)
		n++;
	memcpy(out, *text, n);
	*text += n;
	return n;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Waits for the update one key causes: the first byte, then quiet. */
static double
key_time(struct child *c, const char *key)
{
	double t0 = bench_now();

	buf_reset(&c->screen);
	put(c, key, strlen(key));
	drain(c, 2000);
	return bench_now() - t0;
}

/* Imports md into a new database db; the benchmark ends if it cannot. */
static void
import_fresh(const char *bin, const char *db, const char *md)
{
	char *cmd = xasprintf("'%s' --db '%s' import '%s' >/dev/null", bin, db,
	    md);

	unlink(db);
	if (system(cmd) != 0) {
		fprintf(stderr, "bench_tui: import failed\n");
		exit(1);
	}
	free(cmd);
}

/* 3. The action review: first screen, then filter keystrokes. */
static void
review(const char *bin, const char *dir)
{
	char *db = xasprintf("%s/actions.db", dir);
	char *av[] = { (char *)bin, "--db", db, NULL };
	static const char *const typed[] = { "u", "y", " ", "b", "a", "n",
	    "\177", "\177", "\177", "\177", "\177", "\177" };
	double first[5], k[sizeof typed / sizeof typed[0]];
	size_t nk = sizeof typed / sizeof typed[0];
	struct child c;
	long rss;

	if (access(db, R_OK) != 0) {
		printf("screens: %s missing; skipping the review timing\n", db);
		free(db);
		return;
	}
	for (int i = 0; i < 5; i++) {
		double t0;

		spawn(&c, av);
		if (!wait_text(&c, "F1 help", 10)) {
			fprintf(stderr, "bench_tui: the list never appeared\n");
			exit(1);
		}
		drain(&c, 100);
		buf_reset(&c.screen);
		t0 = bench_now();
		put(&c, "a", 1);
		if (!wait_text(&c, "items (", 10)) {
			fprintf(stderr, "bench_tui: the review never appeared\n");
			exit(1);
		}
		drain(&c, 5);
		first[i] = bench_now() - t0;
		if (i < 4) {
			finish(&c, "\021", &rss);
			continue;
		}
		/* A person reads the first screen before typing; the
		 * screen reads the rest of the review meanwhile. */
		usleep(300 * 1000);
		drain(&c, 5);
		put(&c, "/", 1);
		drain(&c, 500);
		for (size_t j = 0; j < nk; j++)
			k[j] = key_time(&c, typed[j]);
		finish(&c, "\033\021", &rss);
	}
	qsort(first, 5, sizeof first[0], cmp_double);
	qsort(k, nk, sizeof k[0], cmp_double);
	printf("screens: action review of %s (5 runs, best %.1f ms)\n", db,
	    first[0] * 1000);
	report("review: first screen (median)", first[2] * 1000, "ms", 30);
	report("review: filter keystroke (median)", k[nk / 2] * 1000, "ms",
	    30);
	report("review: filter keystroke (worst)", k[nk - 1] * 1000, "ms", 30);
	report("peak memory (review)", (double)rss / 1024, "MiB", 64);
	free(db);
}

/* 4. The editor as an assistant. */

/* What a giao ban's conclusions hold: findings, then directives built
 * from units, tasks and dates, one numbered item a line, so the section
 * is one paragraph and the extractor reads all of it after each key. */
static const char *const findings[] = {
	"Hội nghị thống nhất đánh giá trong quý IV năm 2023 các cơ quan, đơn vị "
	"đã bám sát chương trình công tác, phối hợp chặt chẽ trong triển khai "
	"nhiệm vụ chính trị của quận.",
	"Công tác tuyên truyền, vận động nhân dân được thực hiện thường xuyên, "
	"góp phần giữ vững ổn định chính trị, trật tự an toàn xã hội trên địa "
	"bàn.",
	"Tuy nhiên, việc phối hợp giữa một số phòng, ban chuyên môn với Ủy ban "
	"nhân dân các phường còn chưa kịp thời, có nội dung còn chậm so với kế "
	"hoạch.",
	"Tiến độ giải ngân vốn đầu tư công mới đạt 78,5% kế hoạch, thấp hơn "
	"cùng kỳ năm trước.",
	"Một số kiến nghị của cử tri tại các kỳ tiếp xúc trước chưa được trả "
	"lời dứt điểm, gây bức xúc trong nhân dân.",
	"Ủy ban MTTQ quận đề nghị các đơn vị chia sẻ thông tin sớm hơn để Mặt "
	"trận kịp tổng hợp ý kiến, kiến nghị của nhân dân.",
};
static const char *const units[] = {
	"Phòng Kinh tế", "Phòng Tài chính - Kế hoạch", "Phòng Quản lý đô thị",
	"Phòng Văn hóa và Thông tin", "Phòng Lao động - Thương binh và Xã hội",
	"Phòng Tài nguyên và Môi trường", "Văn phòng HĐND và UBND quận",
	"Ban Tuyên giáo Quận ủy", "Ban Dân vận Quận ủy", "Công an quận",
	"Ủy ban nhân dân các phường",
};
static const char *const tasks[] = {
	"rà soát, tổng hợp các kiến nghị của cử tri chưa được giải quyết",
	"xây dựng kế hoạch tổ chức Tết Nguyên đán Giáp Thìn năm 2024",
	"kiểm tra công tác phòng cháy, chữa cháy tại các chợ và trung tâm "
	"thương mại",
	"báo cáo tiến độ giải ngân vốn đầu tư công và đề xuất giải pháp",
	"lập danh sách hộ nghèo, hộ cận nghèo được thăm hỏi, tặng quà dịp Tết",
	"tuyên truyền bảo đảm trật tự an toàn giao thông dịp cuối năm",
	"hoàn thiện dự thảo báo cáo tổng kết công tác năm 2023",
};
static const char *const dates[] = {
	"15/12/2023", "22/12/2023", "29/12/2023", "05/01/2024", "12/01/2024",
	"19/01/2024", "31/01/2024",
};
#define NOF(a) (sizeof (a) / sizeof (a)[0])

/* Writes a meeting whose conclusions hold about 2,000 words. */
static void
write_assist_fixture(const char *path)
{
	FILE *f = fopen(path, "w");
	unsigned words = 0, item = 1;
	struct buf b;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	buf_init(&b);
	for (unsigned i = 0; words < 2000; i++) {
		const char *u = units[i % NOF(units)];
		const char *o = units[(i * 5 + 3) % NOF(units)];
		const char *t = tasks[(i / 2) % NOF(tasks)];
		const char *d = dates[i % NOF(dates)];
		size_t from = b.len;

		buf_printf(&b, "%u. ", item++);
		if (i % 3 == 0)
			buf_printf(&b, "%s ", findings[(i / 3) % NOF(findings)]);
		if (i % 3 == 2)
			buf_printf(&b, "Yêu cầu %s %s, báo cáo Thường trực Quận ủy "
			    "trước ngày %s.\n", u, t, d);
		else
			buf_printf(&b, "Giao %s chủ trì, phối hợp với %s %s, "
			    "hoàn thành trước ngày %s.\n", u, o == u ?
			    "Ủy ban MTTQ quận" : o, t, d);
		for (size_t k = from; k < b.len; k++)
			words += b.s[k] == ' ';
	}
	fprintf(f, "---\ntemplate: giaoban\ntitle: Hội nghị giao ban khối "
	    "Dân vận quý IV\ndate: 2023-12-20\n---\n\n## Kết luận của chủ trì "
	    "{#conclusions}\n\nĐồng chí Phó Bí thư Thường trực Quận ủy kết luận "
	    "như sau:\n%s\n", b.s);
	buf_free(&b);
	fclose(f);
}

/* Directives typed into the section, one key at a time: each is
 * complete with the last digit of its year, which no shorter prefix
 * resolves to, so the due date's appearance in the panel marks the
 * suggestion that key brought. */
static const struct { const char *text, *due; } directives[] = {
	{ "Giao Phòng Tư pháp chủ trì rà soát hồ sơ hộ tịch, hoàn thành "
	    "trước ngày 31/03/2025", "2025-03-31" },
	{ "Giao Quận đoàn chủ trì tổ chức Ngày hội thanh niên, hoàn thành "
	    "trước ngày 26/03/2025", "2025-03-26" },
	{ "Giao Phòng Y tế chủ trì kiểm tra an toàn thực phẩm, hoàn thành "
	    "trước ngày 15/04/2025", "2025-04-15" },
	{ "Giao Hội Nông dân quận rà soát hộ chăn nuôi, hoàn thành trước "
	    "ngày 30/06/2025", "2025-06-30" },
	{ "Giao Phòng Nội vụ chủ trì sắp xếp tổ dân phố, hoàn thành trước "
	    "ngày 20/05/2025", "2025-05-20" },
};

/* Opens the editor on the conclusions of db's meeting 1, the
 * suggestions hidden with F7 if off. */
static void
open_assist(struct child *c, const char *bin, const char *db, bool off)
{
	char *av[] = { (char *)bin, "--db", (char *)db, "edit", "1",
	    "--section", "conclusions", NULL };

	spawn(c, av);
	if (!wait_text(c, "F10", 10)) {
		fprintf(stderr, "bench_tui: the editor never appeared\n");
		exit(1);
	}
	drain(c, 200);
	if (!off)
		return;
	put(c, "\033[18~", 5);
	if (!wait_text(c, "hidden", 5)) {
		fprintf(stderr, "bench_tui: F7 did not hide the suggestions\n");
		exit(1);
	}
	drain(c, 200);
}

/* Sends one key at a fast typist's pace and returns the time to the
 * first byte of the screen update it causes (its echo).  The output is
 * read until the next key is due, so the program's timers (saving, a
 * deferred look) fire between keys as they do when a person types.
 * With want, *found is the time until the output since the key holds it
 * (-1 if it does not by the next key's time; with last, the key that
 * should bring it, waiting up to 2 s). */
#define TYPIST_MS	30

static double
key_echo(struct child *c, const char *key, size_t n, const char *want,
    double *found, bool last)
{
	double t0 = bench_now(), echo = 2, left;
	struct pollfd p = { c->fd, POLLIN, 0 };

	if (want)
		*found = -1;
	buf_reset(&c->screen);
	put(c, key, n);
	if (poll(&p, 1, 2000) > 0)
		echo = bench_now() - t0;
	for (;;) {
		if (want && *found < 0 && c->screen.s &&
		    strstr(c->screen.s, want))
			*found = bench_now() - t0;
		left = t0 + TYPIST_MS / 1000.0 - bench_now();
		if (left <= 0 && (!last || *found >= 0 || bench_now() - t0 > 2))
			break;
		drain(c, left > 0 ? (int)(left * 1000) + 1 : 5);
	}
	return echo;
}

/* Types the directives at a typist's pace into the editor on db, with
 * suggestions on (each new one timed into lat, then taken with F3) or
 * hidden; echo times go to *echo.  Returns the CPU per key in ms. */
static double
type_directives(const char *bin, const char *db, bool off, double *lat,
    double **echo, size_t *ne, int *taken)
{
	struct child c;
	double cpu0, found;
	unsigned nk = 0;
	long rss;

	open_assist(&c, bin, db, off);
	if (!off) {
		/* The secretary took the directives already there as
		 * tasks, so the panel is empty until a new one is typed. */
		if (!wait_text(&c, "Suggested tasks (", 5) ||
		    sscanf(strstr(c.screen.s, "Suggested tasks (") + 17, "%d",
		    taken) != 1) {
			fprintf(stderr, "bench_tui: no suggestions in the "
			    "fixture\n");
			exit(1);
		}
		for (int i = 0; i < *taken; i++) {
			put(&c, "\033OR", 3);
			drain(&c, 500);
		}
		if (!wait_text(&c, "Guidance", 5)) {
			fprintf(stderr, "bench_tui: suggestions left after "
			    "F3\n");
			exit(1);
		}
	}
	drain(&c, 600);
	cpu0 = cpu_of(c.pid);
	for (size_t d = 0; d < NOF(directives); d++) {
		const char *p = directives[d].text, *due = directives[d].due;

		key_echo(&c, "\r", 1, NULL, NULL, false);
		while (*p) {
			size_t n = 1;
			double e;

			while (((unsigned char)p[n] & 0xc0) == 0x80)
				n++;
			e = key_echo(&c, p, n, off ? NULL : due, &found,
			    !off && p[n] == '\0');
			p += n;
			nk++;
			*echo = xreallocarray(*echo, *ne + 1, sizeof **echo);
			(*echo)[(*ne)++] = e;
			if (off)
				continue;
			/* Only the last key completes the directive. */
			if ((*p != '\0') != (found < 0)) {
				fprintf(stderr, "bench_tui: %s %s\n", due,
				    *p ? "suggested too early" :
				    "never suggested");
				exit(1);
			}
			if (*p == '\0')
				lat[d] = found;
		}
		key_echo(&c, ".", 1, NULL, NULL, false);
		/* Taken, so the next directive is the only suggestion. */
		key_echo(&c, "\033OR", 3, NULL, NULL, false);
		nk += 3;
	}
	cpu0 = (cpu_of(c.pid) - cpu0) * 1000 / nk;
	finish(&c, "\021", &rss);
	return cpu0;
}

/* Directives typed at a typist's pace, suggestions on then hidden. */
static void
assist_pace(const char *bin, const char *db, const char *md)
{
	double lat[NOF(directives)], *echo = NULL, pcpu[2];
	size_t ne = 0, na = NOF(directives);
	int taken = 0;

	for (int off = 0; off < 2; off++) {
		import_fresh(bin, db, md);
		pcpu[off] = type_directives(bin, db, off, lat, &echo, &ne,
		    &taken);
		if (off)
			continue;
		qsort(lat, na, sizeof lat[0], cmp_double);
		qsort(echo, ne, sizeof echo[0], cmp_double);
		printf("assist: %zu directives typed into a 2,000-word section "
		    "(%d taken before), a key every %d ms\n", na, taken,
		    TYPIST_MS);
		report("key to new suggestion (median)", lat[na / 2] * 1000,
		    "ms", 50);
		report("key to new suggestion (worst)", lat[na - 1] * 1000,
		    "ms", 50);
		report("key to echo, suggestions on (median)",
		    echo[ne / 2] * 1000, "ms", 16);
		report("key to echo, suggestions on (worst)",
		    echo[ne - 1] * 1000, "ms", 50);
		ne = 0;
	}
	/* At this pace the text is saved every second, which the keys
	 * pay for either way; a look after every key is the point of the
	 * assistant, and its price is bounded here. */
	report("CPU per key, typist's pace, on", pcpu[0], "ms", 1);
	report("CPU per key, typist's pace, off", pcpu[1], "ms", 0.5);
	report("CPU on/off, typist's pace", pcpu[0] / (pcpu[1] > 0 ? pcpu[1] :
	    1e-9), "x", 5);
	free(echo);
}

/* The replayed session's first 5,000 keys (enough for a steady figure,
 * in a fifth of the time) with suggestions on, then hidden (F7); keys
 * follow each other without the pauses looks wait for. */
static void
assist_replay(const char *bin, const char *db, const char *md)
{
	double cpu[2];
	unsigned nkeys = 5000;
	struct child c;
	long rss;

	if (getenv("BENCH_ASSIST_KEYS"))
		nkeys = (unsigned)atoi(getenv("BENCH_ASSIST_KEYS"));
	for (int off = 0; off < 2; off++) {
		const char *text = "";
		double cpu0;
		char key[16];

		import_fresh(bin, db, md);
		open_assist(&c, bin, db, off);
		cpu0 = cpu_of(c.pid);
		for (unsigned k = 0; k < nkeys; k++) {
			size_t n = next_key(k, &text, key);

			put(&c, key, n);
			drain(&c, 50);
			buf_reset(&c.screen);
		}
		cpu[off] = (cpu_of(c.pid) - cpu0) * 1000 / nkeys;
		finish(&c, "\021", &rss);
	}
	printf("assist: the replayed session, %u keystrokes without pauses, "
	    "into the 2,000-word section\n", nkeys);
	report("CPU per keystroke, suggestions on", cpu[0], "ms", 0.2);
	report("CPU per keystroke, suggestions off", cpu[1], "ms", 0.2);
	report("CPU on/off, keys without pauses", cpu[0] / (cpu[1] > 0 ?
	    cpu[1] : 1e-9), "x", 1.5);
}

static void
assist(const char *bin, const char *dir)
{
	char *db = xasprintf("%s/bench_assist.db", dir);
	char *md = xasprintf("%s/bench_assist.md", dir);

	write_assist_fixture(md);
	assist_pace(bin, db, md);
	assist_replay(bin, db, md);
	free(db);
	free(md);
}

/* Typing into a 10 MB section: every key's echo, while the text is
 * saved (every second while typing goes on) and reindexed (left for
 * later), at a typist's pace. */
#define HUGE_MB		10
#define HUGE_KEYS	300

static void
huge(const char *bin, const char *dir)
{
	char *db = xasprintf("%s/bench_huge.db", dir);
	char *md = xasprintf("%s/bench_huge.md", dir);
	char *av[] = { (char *)bin, "--db", db, "edit", "1", "--section",
	    "results", NULL };
	const char *text = "";
	double echo[HUGE_KEYS];
	struct child c;
	char key[16];
	long rss;
	FILE *f;

	if ((f = fopen(md, "w")) == NULL) {
		perror(md);
		exit(1);
	}
	fputs("---\ntemplate: giaoban\ntitle: Báo cáo dài\n"
	    "date: 2023-12-20\n---\n\n## Kết quả đạt được {#results}\n\n", f);
	for (size_t i = 0, bytes = 0; bytes < HUGE_MB << 20; i++) {
		bytes += (size_t)fprintf(f, "%s", sentences[i % NSENT]);
		if (i % 6 == 5)
			bytes += (size_t)fprintf(f, "\n");
	}
	fputs("\n", f);
	fclose(f);
	import_fresh(bin, db, md);
	spawn(&c, av);
	if (!wait_text(&c, "F10", 30)) {
		fprintf(stderr, "bench_tui: the long meeting never opened\n");
		exit(1);
	}
	drain(&c, 500);
	for (unsigned k = 0; k < HUGE_KEYS; k++) {
		size_t n = next_key(k + 2, &text, key);

		echo[k] = key_echo(&c, key, n, NULL, NULL, false);
	}
	finish(&c, "\021", &rss);
	qsort(echo, HUGE_KEYS, sizeof echo[0], cmp_double);
	printf("screens: %d keys typed into a %d MB section, a key every "
	    "%d ms\n", HUGE_KEYS, HUGE_MB, TYPIST_MS);
	report("key to echo, 10 MB section (median)",
	    echo[HUGE_KEYS / 2] * 1000, "ms", 20);
	report("key to echo, 10 MB section (worst)",
	    echo[HUGE_KEYS - 1] * 1000, "ms", 20);
	unlink(db);
	unlink(md);
	free(db);
	free(md);
}

/* The first screen of the meeting list on db, five runs, the median
 * reported: the first is often slowed by a cold page cache. */
static void
list_screen(const char *bin, const char *db)
{
	char *av[] = { (char *)bin, "--db", (char *)db, NULL };
	double t[5];
	struct child c;
	long rss;

	if (access(db, R_OK) != 0) {
		printf("screens: %s missing; skipping the list timing\n", db);
		return;
	}
	for (int i = 0; i < 5; i++) {
		double t0 = bench_now();

		spawn(&c, av);
		if (!wait_text(&c, "F1 help", 10)) {
			fprintf(stderr, "bench_tui: the list never appeared\n");
			exit(1);
		}
		t[i] = bench_now() - t0;
		finish(&c, "q", &rss);
	}
	qsort(t, 5, sizeof t[0], cmp_double);
	printf("screens: meeting list of %s (5 runs, best %.1f ms)\n",
	    db, t[0] * 1000);
	report("time to first screen (median)", t[2] * 1000, "ms", 50);
	report("peak memory (list)", (double)rss / 1024, "MiB", 16);
}

/* The replayed typing session into a 50 KB section of a new database. */
static void
typing(const char *bin, const char *dir)
{
	char *db = xasprintf("%s/bench_tui.db", dir);
	char *md = xasprintf("%s/bench_tui.md", dir);
	char *av[] = { (char *)bin, "--db", db, "edit", "1", "--section",
	    "results", NULL };
	unsigned nkeys = getenv("BENCH_KEYS") ?
	    (unsigned)atoi(getenv("BENCH_KEYS")) : NKEYS_DEFAULT;
	const char *text = "";
	double t0, t1, cpu0, cpu1;
	size_t bytes = 0;
	struct child c;
	char key[16];
	long rss;

	write_fixture(md);
	import_fresh(bin, db, md);
	spawn(&c, av);
	if (!wait_text(&c, "F10", 10)) {
		fprintf(stderr, "bench_tui: the editor never appeared\n");
		exit(1);
	}
	drain(&c, 200);
	cpu0 = cpu_of(c.pid);
	t0 = bench_now();
	for (unsigned k = 0; k < nkeys; k++) {
		size_t n = next_key(k, &text, key);

		put(&c, key, n);
		bytes += drain(&c, 50);
		/* Keep memory flat: only byte counts matter from here. */
		buf_reset(&c.screen);
	}
	t1 = bench_now();
	cpu1 = cpu_of(c.pid);
	finish(&c, "\021", &rss);
	printf("screens: %d keystrokes into a 50 KB section, 80x24, "
	    "%.1f s wall\n", nkeys, t1 - t0);
	report("CPU time per keystroke", (cpu1 - cpu0) * 1000 / nkeys, "ms", 0.2);
	report("bytes to the terminal per keystroke", (double)bytes / nkeys,
	    "bytes", 200);
	report("peak memory (editor)", (double)rss / 1024, "MiB", 16);
	free(db);
	free(md);
}

int
main(int argc, char **argv)
{
	char *db;

	if (argc != 3) {
		fprintf(stderr, "usage: bench_tui BINARY DIR\n");
		return 2;
	}
	db = xasprintf("%s/bench.db", argv[2]);
	list_screen(argv[1], db);
	free(db);
	typing(argv[1], argv[2]);
	assist(argv[1], argv[2]);
	review(argv[1], argv[2]);
	huge(argv[1], argv[2]);
	return 0;
}
