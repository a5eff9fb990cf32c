package dev.gannet.runtime.session;

import java.time.Instant;

/** A session as lists show it. */
public record SessionSummary(String id, String model, String workspace, String mode, String title,
                             Instant created, Instant updated, int messages, int turns) {
}
