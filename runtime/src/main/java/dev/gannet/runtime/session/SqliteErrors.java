package dev.gannet.runtime.session;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's failures into one line naming the database file and what the user can do about it. */
final class SqliteErrors {
    private SqliteErrors() {
    }

    static SessionStoreException describe(Path file, SQLException e) {
        String what = switch (primaryCode(e)) {
            case 26 /* SQLITE_NOTADB */ -> file + " is not an SQLite database; move it aside or choose another data directory";
            case 11 /* SQLITE_CORRUPT */ -> file + " is damaged (database disk image is malformed); move it aside to start afresh";
            case 14 /* SQLITE_CANTOPEN */ -> "cannot open " + file + "; check that its directory exists and is writable";
            case 8 /* SQLITE_READONLY */ -> file + " is read-only; check the file's and its directory's permissions";
            case 13 /* SQLITE_FULL */ -> "the disk holding " + file + " is full";
            case 5, 6 /* SQLITE_BUSY, SQLITE_LOCKED */ -> file + " is locked by another process; try again";
            case 10 /* SQLITE_IOERR */ -> "cannot read or write " + file + " (I/O error)";
            default -> file + ": " + firstLine(e.getMessage());
        };
        return new SessionStoreException(what, e);
    }

    /** SQLite's primary result code (the low byte of an extended one), or -1 when it is not SQLite's. */
    private static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException sqlite && sqlite.getResultCode() != SQLiteErrorCode.UNKNOWN_ERROR) {
            return sqlite.getResultCode().code & 0xff;
        }
        return e.getErrorCode() > 0 ? e.getErrorCode() & 0xff : -1;
    }

    private static String firstLine(String message) {
        return message == null ? "unknown SQLite error" : message.lines().findFirst().orElse(message);
    }
}
