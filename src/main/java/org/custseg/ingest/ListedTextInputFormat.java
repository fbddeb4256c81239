package org.custseg.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;

/**
 * Hadoop's text input over exactly the listed files: no glob interpretation of their names (a file
 * called {@code weird[1].csv} is that file, not a pattern), no hidden-file filter (the listing
 * decided), and byte-range splits of uncompressed files only ({@link TextChunks} keeps their line
 * numbers exact). Lines end at LF only (a CR before it is the parser's to drop), which is how
 * {@code wc -l} counts them.
 */
public final class ListedTextInputFormat extends TextInputFormat {

  /** The configuration that reads {@code files}, on top of {@code base}. */
  static Configuration reading(List<String> files, Configuration base) throws IOException {
    Job job = Job.getInstance(new Configuration(base));
    FileInputFormat.setInputPaths(job, files.stream().map(Path::new).toArray(Path[]::new));
    Configuration conf = job.getConfiguration();
    conf.set("textinputformat.record.delimiter", "\n");
    return conf;
  }

  @Override
  protected List<FileStatus> listStatus(JobContext job) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    for (Path p : getInputPaths(job)) {
      out.add(p.getFileSystem(job.getConfiguration()).getFileStatus(p));
    }
    return out;
  }

  /**
   * Uncompressed files split into byte ranges ({@link TextChunks} numbers their lines); a
   * compressed file can only be read from its start.
   */
  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return new CompressionCodecFactory(context.getConfiguration()).getCodec(file) == null;
  }
}
