#!/usr/bin/env python3
"""Generate src/core/tet_table.c: the first day of the Vietnamese lunar year
(Tet Nguyen dan) for every Gregorian year from 1990 to 2100.

The Vietnamese lunisolar calendar is the Chinese one computed for the
UTC+7 meridian, which is why a handful of years (1985, 2007, ...) start a
day apart from China's.  Its rules, applied here:

  * a lunar month starts on the local civil day of an astronomical new moon;
  * month 11 is the month that contains the December (winter) solstice;
  * a year with 13 months between two months 11 has a leap month: the first
    month after month 11 during which the sun enters no new 30-degree
    sector of longitude (no "major solar term"); it repeats the number of
    the month before it;
  * Tet is the start of month 1, two months after month 11 (three when the
    leap month is 11 or 12).

New moons use the mean lunation with the principal periodic terms from
Jean Meeus, "Astronomical Algorithms" (ch. 49, in the truncated form given
in his earlier "Astronomical Formulae for Calculators"), with a polynomial
Delta-T; the sun's apparent longitude uses Meeus' low-accuracy series
(ch. 25).  Both are far more accurate than the half-day needed to place a
new moon on its civil day, except in rare borderline cases, which the unit
test guards with known dates.

Usage: tools/gen-tet.py > src/core/tet_table.c
"""

import math
import sys

TZ = 7.0                 # hours east of Greenwich: Vietnam's meridian
FIRST, LAST = 1990, 2100
SYNODIC = 29.530588853   # mean synodic month, days
K0_JD = 2415021.076998695  # mean new moon of 1900-01-01 (lunation k = 0)


def jd_from_date(y, m, d):
    """Julian day number of a Gregorian date (integer, noon-based)."""
    a = (14 - m) // 12
    yy = y + 4800 - a
    mm = m + 12 * a - 3
    return d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - yy // 100 \
        + yy // 400 - 32045


def date_from_jd(jd):
    a = jd + 32044
    b = (4 * a + 3) // 146097
    c = a - 146097 * b // 4
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = 100 * b + d - 4800 + m // 10
    return year, month, day


def new_moon(k):
    """Julian date (UT) of the k-th new moon after 1900-01-01."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 \
        - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) \
        + 0.0021 * math.sin(2 * dr * m)
    c1 += -0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 += -0.0004 * math.sin(dr * 3 * mpr)
    c1 += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 += -0.0074 * math.sin(dr * (m - mpr)) \
        + 0.0004 * math.sin(dr * (2 * f + m))
    c1 += -0.0004 * math.sin(dr * (2 * f - m)) \
        - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 += 0.0010 * math.sin(dr * (2 * f - mpr)) \
        + 0.0005 * math.sin(dr * (2 * mpr + m))
    # Delta-T (TT - UT), in days.
    if t < -11:
        dt = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 \
            - 0.000000081 * t * t3
    else:
        dt = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - dt


def new_moon_day(k):
    """Local civil day (Julian day number) of the k-th new moon."""
    return int(math.floor(new_moon(k) + 0.5 + TZ / 24))


def sun_longitude(jdn):
    """The sun's apparent longitude at the start of local day jdn, as the
    index (0..11) of its 30-degree sector; 0 starts at the March equinox."""
    jd = jdn - 0.5 - TZ / 24
    t = (jd - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) \
        + 0.000290 * math.sin(dr * 3 * m)
    lon = (l0 + dl) * dr
    lon -= 2 * math.pi * math.floor(lon / (2 * math.pi))
    return int(lon / math.pi * 6)


def month11(y):
    """Local day on which the lunar month 11 containing the winter solstice
    of Gregorian year y begins."""
    off = jd_from_date(y, 12, 31) - 2415021
    k = int(off / SYNODIC)
    nm = new_moon_day(k)
    # Sector 9 starts at longitude 270 degrees, the winter solstice: a new
    # moon already at or past it means the solstice fell in the month
    # before, which is then month 11.
    if sun_longitude(nm) >= 9:
        nm = new_moon_day(k - 1)
    return nm


def leap_offset(a11):
    """Months after month 11 (starting a11) to the leap month: the first
    month whose start and the next month's start lie in the same sector."""
    k = int(math.floor((a11 - K0_JD) / SYNODIC + 0.5))
    i = 1
    arc = sun_longitude(new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = sun_longitude(new_moon_day(k + i))
        if arc == last or i >= 14:
            break
    return i - 1


def tet(y):
    """(year, month, day) of the first day of lunar year y."""
    a11 = month11(y - 1)
    b11 = month11(y)
    k = int(math.floor((a11 - K0_JD) / SYNODIC + 0.5))
    off = 2
    if b11 - a11 > 365:
        lo = leap_offset(a11)
        # Leap month 11 (offset 1) or leap month 12 (offset 2) comes before
        # month 1 and pushes it one month later.
        if lo <= 2:
            off = 3
    return date_from_jd(new_moon_day(k + off))


def main():
    out = sys.stdout
    out.write("/*\n"
              " * GENERATED by tools/gen-tet.py -- do not edit; rerun\n"
              " * \"tools/gen-tet.py > src/core/tet_table.c\" instead.\n"
              " *\n"
              " * First day of the Vietnamese lunar year (Tet Nguyen dan) for\n"
              " * %d-%d, from astronomical new moons and solar terms\n"
              " * computed for the UTC+7 meridian.  Each entry is the month\n"
              " * and day in the Gregorian year of its index.\n"
              " */\n" % (FIRST, LAST))
    out.write('#include "config.h"\n\n#include "core/tet.h"\n\n')
    out.write("const int tet_first_year = %d;\n" % FIRST)
    out.write("const int tet_last_year = %d;\n\n" % LAST)
    out.write("const unsigned char tet_table[][2] = {\n")
    for y in range(FIRST, LAST + 1):
        ty, tm, td = tet(y)
        assert ty == y and tm in (1, 2), (y, ty, tm, td)
        out.write("\t{ %d, %2d },\t/* %d-%02d-%02d */\n" % (tm, td, y, tm, td))
    out.write("};\n")


if __name__ == "__main__":
    main()
