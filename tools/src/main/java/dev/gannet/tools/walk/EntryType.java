package dev.gannet.tools.walk;

/** What a walk found at a path; symbolic links are reported, never followed. */
public enum EntryType {
    FILE, DIRECTORY, SYMLINK, OTHER
}
