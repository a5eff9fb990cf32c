package dev.gannet.bench.discrimination.suite;

/** A suite's file cannot be read as cases; the message names the file and line and reads as one line. */
public final class CaseFormatException extends IllegalArgumentException {
    public CaseFormatException(String message) {
        super(message);
    }
}
