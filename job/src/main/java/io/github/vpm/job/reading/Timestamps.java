package io.github.vpm.job.reading;

/**
 * Reads the two accepted timestamp forms into epoch milliseconds and writes the seed form.
 *
 * <p>Hand-written rather than {@code java.time} because it runs once per record: fixed positions,
 * no allocation, no exceptions. Accepted:
 *
 * <ul>
 *   <li>seed form {@code yyyy-MM-dd HH:mm:ss[.f]Z} - space separator, literal {@code Z} (UTC);
 *   <li>ISO-8601 instant {@code yyyy-MM-ddTHH:mm:ss[.f](Z|+HH:MM|-HH:MM)};
 * </ul>
 *
 * where {@code [.f]} is absent or a dot and 1 to 9 digits. Digits beyond milliseconds are
 * truncated. Results outside years 0000..9999 UTC are rejected so the output always has four-digit
 * years.
 */
public final class Timestamps {

    /** Returned by {@link #parse} for anything that is not an accepted timestamp. */
    public static final long INVALID = Long.MIN_VALUE;

    /** Length of {@link #formatSeed}'s output: {@code 2025-07-22 22:30:45.123Z}. */
    public static final int SEED_LENGTH = 24;

    static final long MIN_MILLIS = -62_167_219_200_000L; // 0000-01-01T00:00:00.000Z
    static final long MAX_MILLIS = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Timestamps() {}

    public static long parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    /** Parses {@code len} chars at {@code off}; returns epoch millis or {@link #INVALID}. */
    public static long parse(char[] c, int off, int len) {
        // Shortest accepted text: "2025-07-22 22:30:45Z".
        if (len < 20) {
            return INVALID;
        }
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        int second = digits(c, off + 17, 2);
        char separator = c[off + 10];
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
                || c[off + 4] != '-' || c[off + 7] != '-'
                || (separator != ' ' && separator != 'T')
                || c[off + 13] != ':' || c[off + 16] != ':') {
            return INVALID;
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }

        int pos = off + 19;
        int end = off + len;
        int millis = 0;
        if (c[pos] == '.') {
            pos++;
            int fractionStart = pos;
            while (pos < end && pos - fractionStart < 10 && isDigit(c[pos])) {
                if (pos - fractionStart < 3) {
                    millis = millis * 10 + (c[pos] - '0');
                }
                pos++;
            }
            int fractionDigits = pos - fractionStart;
            if (fractionDigits == 0 || fractionDigits > 9) {
                return INVALID;
            }
            for (int i = fractionDigits; i < 3; i++) {
                millis *= 10;
            }
        }

        int offsetSeconds;
        if (pos == end - 1 && c[pos] == 'Z') {
            offsetSeconds = 0;
        } else if (separator == 'T' && pos == end - 6 && (c[pos] == '+' || c[pos] == '-')
                && c[pos + 3] == ':') {
            int offsetHours = digits(c, pos + 1, 2);
            int offsetMinutes = digits(c, pos + 4, 2);
            if (offsetHours < 0 || offsetMinutes < 0 || offsetHours > 18 || offsetMinutes > 59
                    || (offsetHours == 18 && offsetMinutes > 0)) {
                return INVALID;
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (c[pos] == '-' ? -1 : 1);
        } else {
            return INVALID;
        }

        long epochSeconds = daysFromCivil(year, month, day) * 86_400L
                + hour * 3600L + minute * 60L + second - offsetSeconds;
        long epochMillis = epochSeconds * 1000L + millis;
        return epochMillis < MIN_MILLIS || epochMillis > MAX_MILLIS ? INVALID : epochMillis;
    }

    /** The seed form with exactly three fraction digits, e.g. {@code 2025-07-22 22:30:45.123Z}. */
    public static String formatSeed(long epochMillis) {
        char[] out = new char[SEED_LENGTH];
        formatSeed(epochMillis, out);
        return new String(out);
    }

    /** Writes the seed form into {@code out[0..24)}; the caller may reuse the buffer. */
    public static void formatSeed(long epochMillis, char[] out) {
        if (epochMillis < MIN_MILLIS || epochMillis > MAX_MILLIS) {
            throw new IllegalArgumentException("timestamp out of range: " + epochMillis);
        }
        long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);

        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian).
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        int dayOfEra = (int) (z - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int mp = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);

        write(out, 0, year, 4);
        out[4] = '-';
        write(out, 5, month, 2);
        out[7] = '-';
        write(out, 8, day, 2);
        out[10] = ' ';
        write(out, 11, millisOfDay / 3_600_000, 2);
        out[13] = ':';
        write(out, 14, millisOfDay / 60_000 % 60, 2);
        out[16] = ':';
        write(out, 17, millisOfDay / 1000 % 60, 2);
        out[19] = '.';
        write(out, 20, millisOfDay % 1000, 3);
        out[23] = 'Z';
    }

    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        int yearOfEra = (int) (y - era * 400);
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** The non-negative number in {@code count} ASCII digits at {@code pos}, or -1. */
    private static int digits(char[] c, int pos, int count) {
        int value = 0;
        for (int i = pos; i < pos + count; i++) {
            if (!isDigit(c[i])) {
                return -1;
            }
            value = value * 10 + (c[i] - '0');
        }
        return value;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static void write(char[] out, int pos, int value, int width) {
        for (int i = pos + width - 1; i >= pos; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
