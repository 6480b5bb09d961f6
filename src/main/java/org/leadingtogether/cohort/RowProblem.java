package org.leadingtogether.cohort;

import java.io.Serializable;

/**
 * Something in an enrolment file that stops it being imported, in words a programme manager can act on.
 *
 * @param line the physical line of the file (the header is line 1), or 0 when the problem is with the whole
 *             file, such as its size or encoding
 */
public record RowProblem(int line, String message) implements Serializable {
}
