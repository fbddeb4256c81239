package org.custseg.job;

import java.net.URI;
import java.nio.file.Path;

/** Where the embedded (H2 file) job repository lives by default. */
public final class JobRepositoryLocation {

  private JobRepositoryLocation() {}

  /**
   * {@code <output>/_jobrepo/batch} when the output is on the local file system, so a rerun sees
   * earlier runs; for an output on HDFS or S3 (where H2 cannot live) {@code ./_jobrepo/batch} in
   * the working directory: use PostgreSQL there.
   */
  public static String defaultH2Url(String output) {
    URI uri = URI.create(output.replace('\\', '/').replace(" ", "%20"));
    Path base;
    if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
      base = uri.getScheme() == null ? Path.of(output) : Path.of(uri);
    } else {
      base = Path.of(".");
    }
    Path db = base.toAbsolutePath().normalize().resolve("_jobrepo").resolve("batch");
    return "jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE";
  }
}
