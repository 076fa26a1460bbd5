package io.github.vpm.admin;

import io.github.vpm.cli.InvalidOptionException;
import io.github.vpm.cli.OptionFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared shape of the topics and ACLs files: one entry per line, fields separated by white space,
 * {@code #} comment lines and blank lines ignored. The file is an option's value, so a malformed line is a
 * bad option like any other: one line naming the option, the file and the line number
 * ({@code --topics: /etc/vpm/topics line 3: partitions must be a positive integer, not 'x'}).
 */
final class DesiredStateFile {

    /** One entry of the file, with what an error about it must name. */
    record Line(String option, String file, int number, List<String> fields) {

        Line {
            fields = List.copyOf(fields);
        }

        String field(int index) {
            return fields.get(index);
        }

        /** The line as written (fields joined by one space), for messages. */
        String text() {
            return String.join(" ", fields);
        }

        /** A bad line: {@code <option>: <file> line <n>: <problem>}. */
        InvalidOptionException error(String problem) {
            return new InvalidOptionException(option + ": " + file + " line " + number + ": " + problem);
        }
    }

    private DesiredStateFile() {
    }

    /**
     * The file's entries, read whole once.
     *
     * @param option the option naming the file, with its {@code --}
     * @throws InvalidOptionException the file is missing, unreadable or not UTF-8
     */
    static List<Line> read(String option, String file) {
        String text = OptionFile.read(option, file, StandardCharsets.UTF_8);
        List<Line> lines = new ArrayList<>();
        int number = 0;
        for (String raw : text.split("\\R", -1)) {
            number++;
            String stripped = raw.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            lines.add(new Line(option, file.strip(), number, List.of(stripped.split("\\s+"))));
        }
        return List.copyOf(lines);
    }

    /** {@code 'value'}: how the files' messages quote what they found. */
    static String quote(String value) {
        return "'" + value + "'";
    }
}
