package org.custseg.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The incremental state kept under {@code <output>/_state/}: per completed run date D, {@code
 * run_date=D/customers} (the {@link org.custseg.features.CustomerState}), {@code
 * run_date=D/pending} (well-formed rows dated after D, used by later runs) and {@code
 * run_date=D/meta.json}; and {@code keys/run_date=D} (the row identities that run took in).
 */
public record StateStore(Path root) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static StateStore under(Path output) {
    return new StateStore(new Path(output, "_state"));
  }

  public Path state(LocalDate d) {
    return new Path(root, "run_date=" + d);
  }

  public Path customers(LocalDate d) {
    return new Path(state(d), "customers");
  }

  public Path pending(LocalDate d) {
    return new Path(state(d), "pending");
  }

  public Path meta(LocalDate d) {
    return new Path(state(d), "meta.json");
  }

  public Path keys(String runDate) {
    return new Path(new Path(root, "keys"), "run_date=" + runDate);
  }

  /** The description of the state of {@code d}. */
  public StateMeta read(LocalDate d, Configuration conf) {
    Path meta = meta(d);
    try (InputStream in = meta.getFileSystem(conf).open(meta)) {
      return JSON.readValue(in, StateMeta.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the state " + meta, e);
    }
  }

  /** The state of the latest run date before {@code d} that has one. */
  public Optional<StateMeta> latestBefore(LocalDate d, Configuration conf) {
    try {
      FileSystem fs = root.getFileSystem(conf);
      FileStatus[] metas = fs.globStatus(new Path(root, "run_date=*/meta.json"));
      StateMeta best = null;
      if (metas != null) {
        for (FileStatus s : metas) {
          try (InputStream in = fs.open(s.getPath())) {
            StateMeta m = JSON.readValue(in, StateMeta.class);
            LocalDate md = LocalDate.parse(m.runDate());
            if (md.isBefore(d) && (best == null || md.isAfter(LocalDate.parse(best.runDate())))) {
              best = m;
            }
          }
        }
      }
      return Optional.ofNullable(best);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the states under " + root, e);
    }
  }

  public static String json(StateMeta meta) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Size and modification time of each file. */
  public static Map<String, FileStamp> stamps(List<String> files, Configuration conf) {
    Map<String, FileStamp> out = new LinkedHashMap<>();
    try {
      for (String f : files) {
        Path p = new Path(f);
        FileStatus s = p.getFileSystem(conf).getFileStatus(p);
        out.put(f, new FileStamp(s.getLen(), s.getModificationTime()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stat the input files", e);
    }
    return out;
  }
}
