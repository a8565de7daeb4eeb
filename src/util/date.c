/*
 * date.c - calendar dates as day numbers (see date.h).
 *
 * The conversions use the well-known era-based civil calendar arithmetic
 * (400-year cycles), exact for the proleptic Gregorian calendar.
 */
#include "util/date.h"
#include "util/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

long date_days(int year, int month, int day)
{
	long y = year - (month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_civil(long days, int *year, int *month, int *day)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	*year = (int)(y + (m <= 2));
	*month = (int)m;
	*day = (int)d;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool date_valid(int year, int month, int day)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1)
		return false;
	int max = mdays[month - 1] + (month == 2 && leap(year));
	return day <= max;
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse(const char *s, long *days)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return SAMEN_EINVAL;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !date_valid(y, m, d))
		return SAMEN_EINVAL;
	*days = date_days(y, m, d);
	return 0;
}

void date_format(long days, char out[11])
{
	int y, m, d;
	date_civil(days, &y, &m, &d);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
}

int date_weekday(long days)
{
	/* 1970-01-01 was a Thursday (ISO 4). */
	long w = (days + 3) % 7;
	if (w < 0)
		w += 7;
	return (int)w + 1;
}

int date_age(long born, long on)
{
	int by, bm, bd, y, m, d;
	date_civil(born, &by, &bm, &bd);
	date_civil(on, &y, &m, &d);
	int age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

long date_today(void)
{
	const char *fixed = getenv("SAMEN_TODAY");
	long days;
	if (fixed && date_parse(fixed, &days) == 0)
		return days;
	time_t now = time(NULL);
	struct tm tm;
	/* localtime_r honours TZ; the service runs with TZ=Europe/Amsterdam. */
	localtime_r(&now, &tm);
	return date_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
