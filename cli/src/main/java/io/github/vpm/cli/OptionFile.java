package io.github.vpm.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file an option names ({@code --kafka-properties}, the portal's {@code --users-file} and PEM files),
 * read whole once at start, so a missing or unreadable one is a bad option like any other: one line
 * naming the option and the file, e.g. {@code --users-file: no such file "/etc/vpm-portal/users"}.
 */
public final class OptionFile {

    private OptionFile() {
    }

    /**
     * The file's text.
     *
     * @param option  the option, with its {@code --}, for the error line
     * @param file    the option's value (surrounding blanks ignored)
     * @param charset how the file is written; text that does not decode is an error
     * @throws InvalidOptionException no such file, unreadable, or not in {@code charset}
     */
    public static String read(String option, String file, Charset charset) {
        String quoted = InvalidOptionException.quote(file);
        try {
            return Files.readString(Path.of(file.strip()), charset);
        } catch (InvalidPathException e) {
            throw InvalidOptionException.expected(option, "a file name", file);
        } catch (NoSuchFileException e) {
            throw new InvalidOptionException(option + ": no such file " + quoted);
        } catch (CharacterCodingException e) {
            throw new InvalidOptionException(option + ": " + quoted + " is not " + charset.name());
        } catch (IOException e) {
            throw new InvalidOptionException(option + ": cannot read " + quoted + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
