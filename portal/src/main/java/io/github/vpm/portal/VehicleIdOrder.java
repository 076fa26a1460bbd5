package io.github.vpm.portal;

import java.util.Comparator;

/**
 * Orders vehicle ids the way people read them: case-insensitive, digit runs compared as numbers,
 * so "HONDA 9" comes before "HONDA 10". Ties fall back to plain string order to stay total.
 */
public final class VehicleIdOrder implements Comparator<String> {

    public static final VehicleIdOrder INSTANCE = new VehicleIdOrder();

    private VehicleIdOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byNumber = compareDigits(a, i, endA, b, j, endB);
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endA;
                j = endB;
            } else {
                int byChar = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (byChar != 0) {
                    return byChar;
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * Compares the digit runs {@code x[fromX, endX)} and {@code y[fromY, endY)} numerically without
     * overflow (ids may carry long numbers) and in place: the portal's id index compares ids on every
     * insert, a million of them on a start.
     */
    private static int compareDigits(String x, int fromX, int endX, String y, int fromY, int endY) {
        int a = skipLeadingZeros(x, fromX, endX);
        int b = skipLeadingZeros(y, fromY, endY);
        int lengthA = endX - a;
        int lengthB = endY - b;
        if (lengthA != lengthB) {
            return Integer.compare(lengthA, lengthB);
        }
        for (int k = 0; k < lengthA; k++) {
            char ca = x.charAt(a + k);
            char cb = y.charAt(b + k);
            if (ca != cb) {
                return ca - cb;
            }
        }
        return 0;
    }

    /** The start of the run without its leading zeros, keeping at least one digit. */
    private static int skipLeadingZeros(String s, int from, int end) {
        int k = from;
        while (k < end - 1 && s.charAt(k) == '0') {
            k++;
        }
        return k;
    }
}
