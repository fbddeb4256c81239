package org.custseg.job;

import java.time.LocalDate;

/** What the command line asks for. {@code runDate} may be null: the latest date in the input. */
public record RunRequest(LocalDate runDate, String inputPath, boolean force) {}
