package org.custseg.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custseg.state.FileStamp;
import org.custseg.state.StateMeta;

/**
 * Whether a run can continue the state of an earlier run (reading only the exports that arrived
 * since) or must recompute from all history, and why.
 *
 * @param base the state to continue, empty for a full run
 * @param files the export files to read: all of them for a full run, the new ones otherwise
 * @param reason why the run is full (or "incremental from D")
 */
public record IngestPlan(Optional<StateMeta> base, List<String> files, String reason) {

  public boolean incremental() {
    return base.isPresent();
  }

  public LocalDate baseDate() {
    return LocalDate.parse(base.orElseThrow().runDate());
  }

  public static IngestPlan full(List<String> files, String reason) {
    return new IngestPlan(Optional.empty(), files, reason);
  }

  /**
   * Plans a run: full when asked, when there is no earlier state, when the state was made under
   * other settings, or when a file the state took in has changed; otherwise incremental over the
   * files the state has not seen.
   */
  public static IngestPlan of(
      boolean forceFull,
      Optional<StateMeta> latest,
      String fingerprint,
      List<String> files,
      Map<String, FileStamp> stamps) {
    if (forceFull) {
      return full(files, "full recompute requested (--full)");
    }
    if (latest.isEmpty()) {
      return full(files, "no earlier state");
    }
    StateMeta base = latest.get();
    if (base.formatVersion() != StateMeta.FORMAT_VERSION) {
      return full(
          files,
          "the state of "
              + base.runDate()
              + " has format version "
              + base.formatVersion()
              + " and this version reads "
              + StateMeta.FORMAT_VERSION
              + " (refunds now net against their purchase day)");
    }
    if (!fingerprint.equals(base.fingerprint())) {
      return full(
          files,
          "the settings that shape the state changed since the state of "
              + base.runDate()
              + " (fingerprint "
              + base.fingerprint()
              + " -> "
              + fingerprint
              + ")");
    }
    List<String> fresh = new ArrayList<>();
    for (String f : files) {
      FileStamp seen = base.files().get(f);
      if (seen == null) {
        fresh.add(f);
      } else if (!seen.equals(stamps.get(f))) {
        return full(files, "export file " + f + " changed since the state of " + base.runDate());
      }
    }
    return new IngestPlan(
        latest,
        fresh,
        "incremental from the state of "
            + base.runDate()
            + ": "
            + fresh.size()
            + " new file(s) of "
            + files.size());
  }
}
