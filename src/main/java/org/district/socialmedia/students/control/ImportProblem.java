package org.district.socialmedia.students.control;

import java.io.Serializable;
import java.util.Objects;

/**
 * A row (or a whole file, line 0) that the roster import could not use, in words a registrar can act
 * on. The other rows still load.
 *
 * @param file   the file's name inside the zip or folder, e.g. "users.csv"
 * @param line   the line the row starts on, counting the header as line 1; 0 for the whole file
 * @param reason what is wrong, naming the column and the value
 */
public record ImportProblem(String file, int line, String reason) implements Serializable {

    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return line == 0 ? file + ": " + reason : file + " line " + line + ": " + reason;
    }
}
