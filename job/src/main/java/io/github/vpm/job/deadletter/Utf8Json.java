package io.github.vpm.job.deadletter;

/**
 * Sizes and cuts of text as the job's JSON writers (Jackson's UTF-8 generator) put it on the wire:
 * UTF-8, with {@code "} and {@code \} escaped to two bytes, {@code \b \t \n \f \r} to two, and
 * every other control character and each half of a surrogate pair to a six-byte escape (Jackson
 * 2.18 does not combine pairs into 4 bytes of UTF-8). Cuts fall on character boundaries and never
 * split a surrogate pair.
 */
public final class Utf8Json {

    /** The most bytes one UTF-16 char can take in the JSON (a control character as a six-byte escape). */
    public static final int MAX_ESCAPED_BYTES_PER_CHAR = 6;

    private Utf8Json() {}

    /** UTF-8 bytes of {@code text}; a lone surrogate counts 3 (the most any writer makes of it). */
    public static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            bytes += utf8Bytes(text, i);
        }
        return bytes;
    }

    /** The longest prefix of {@code text} of at most {@code maxBytes} bytes of UTF-8. */
    public static String cutUtf8(String text, long maxBytes) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = utf8Bytes(text, i);
            if (isPair(text, i)) {
                if (bytes + size > maxBytes) {
                    return text.substring(0, i);
                }
                bytes += size;
                i++; // the low half is part of the 4 bytes counted
            } else if ((bytes += size) > maxBytes) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /** Bytes of {@code text} inside a JSON string, escapes included, quotes excluded. */
    public static long jsonLength(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            bytes += jsonBytes(text, i);
        }
        return bytes;
    }

    /** The longest prefix of {@code text} whose {@link #jsonLength} is at most {@code maxBytes}. */
    public static String cutJson(String text, long maxBytes) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = jsonBytes(text, i);
            if (bytes + size > maxBytes) {
                return text.substring(0, i);
            }
            bytes += size;
            if (isPair(text, i)) {
                i++;
            }
        }
        return text;
    }

    /** Bytes the char at {@code i} starts; a surrogate pair counts 4 at its high half and 0 at its low half. */
    private static int utf8Bytes(CharSequence text, int i) {
        char ch = text.charAt(i);
        if (ch < 0x80) {
            return 1;
        }
        if (ch < 0x800) {
            return 2;
        }
        if (Character.isHighSurrogate(ch)) {
            return isPair(text, i) ? 4 : 3;
        }
        if (Character.isLowSurrogate(ch)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? 0 : 3;
        }
        return 3;
    }

    private static int jsonBytes(CharSequence text, int i) {
        char ch = text.charAt(i);
        if (ch == '"' || ch == '\\') {
            return 2;
        }
        if (ch < 0x20) {
            return ch == '\b' || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r' ? 2 : 6;
        }
        if (Character.isSurrogate(ch)) {
            // The generator writes each half of a pair (and a lone half) as a six-byte escape.
            return isPair(text, i) ? 12 : Character.isLowSurrogate(ch) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)) ? 0 : 6;
        }
        return utf8Bytes(text, i);
    }

    private static boolean isPair(CharSequence text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
