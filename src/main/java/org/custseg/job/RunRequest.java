package org.custseg.job;

import java.time.LocalDate;

/**
 * What the command line asks for. {@code runDate} may be null: the latest date in the input. {@code
 * full}: recompute from all history instead of continuing the previous run's state.
 */
public record RunRequest(LocalDate runDate, String inputPath, boolean force, boolean full) {}
