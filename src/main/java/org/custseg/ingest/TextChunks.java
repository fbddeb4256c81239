package org.custseg.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;
import org.apache.spark.util.TaskCompletionListener;
import scala.Tuple2;

/**
 * Text exports cut into byte ranges ("chunks") that tasks read in parallel, with exact line
 * numbers, and packed so that many small files do not cost a task each.
 *
 * <p>An uncompressed file larger than the split size is cut into ranges of about that size;
 * Hadoop's line reader gives each line to the range in which it starts (a range after byte 0 skips
 * to the first line that starts after its first byte, and reads past its end to finish its last
 * line). A compressed file is one range: it can only be read from its start. To number the lines of
 * a range that does not start at byte 0, a first pass counts the LF bytes of every range of the
 * files that have several (only a list of (file, start, count) reaches the driver); a range's first
 * line number is then known from the LF bytes before it ({@link ExportLineParser#rows}). The header
 * (line 1) of such a file is read again by each of its later ranges.
 *
 * <p>The ranges, in file and byte order, are then packed into contiguous groups of about equal
 * weight (bytes plus a fixed cost per file), one Spark partition each: a multiple of the
 * parallelism, so that no core waits at the end.
 */
final class TextChunks {

  /**
   * Hadoop configuration key: the largest byte range of a file that one task reads (default 32
   * MiB). Files are cut into ranges of {@code min(this, max(1 MiB, total bytes / (2 x
   * parallelism)))}.
   */
  static final String MAX_SPLIT_BYTES = "custseg.ingest.max-split-bytes";

  static final long DEFAULT_MAX_SPLIT_BYTES = 32L << 20;
  static final long MIN_SPLIT_BYTES = 1L << 20;

  /** What opening one more file costs, in bytes of reading (for the packing only). */
  static final long OPEN_COST_BYTES = 256L << 10;

  /** The most bytes (and opening costs) one partition reads, unless fewer partitions are idle. */
  static final long MAX_PARTITION_BYTES = 128L << 20;

  private TextChunks() {}

  /**
   * One byte range of a file, as Hadoop's {@link FileSplit}, with the LF bytes of the file before
   * it.
   */
  record Chunk(String file, long start, long length, long newlinesBefore) implements Serializable {
    FileSplit split() {
      return new FileSplit(new Path(file), start, length, new String[0]);
    }
  }

  /** The chunks of {@code files} and their partitions: in file and byte order. */
  record Plan(List<List<Chunk>> partitions, int files, int chunks, long splitBytes)
      implements Serializable {}

  /** The split size for {@code totalBytes} read by {@code parallelism} cores. */
  static long splitBytes(long totalBytes, int parallelism, Configuration conf) {
    long max = conf.getLong(MAX_SPLIT_BYTES, DEFAULT_MAX_SPLIT_BYTES);
    long perTask = (totalBytes + 2L * parallelism - 1) / (2L * parallelism);
    return Math.max(1, Math.min(max, Math.max(MIN_SPLIT_BYTES, perTask)));
  }

  /**
   * Plans the reading of {@code files} with {@code reading} ({@link
   * ListedTextInputFormat#reading}): splits, LF counts (a Spark job, when a file has several
   * splits), packing.
   */
  static Plan plan(JavaSparkContext jsc, List<String> files, Configuration reading) {
    int parallelism = Math.max(jsc.defaultParallelism(), 1);
    List<FileSplit> splits;
    try {
      Job job = Job.getInstance(reading);
      long total = 0;
      for (org.apache.hadoop.fs.FileStatus s : new ListedTextInputFormat().listStatus(job)) {
        total += s.getLen();
      }
      Configuration conf = reading;
      long split = splitBytes(total, parallelism, conf);
      FileInputFormat.setMinInputSplitSize(job, split);
      FileInputFormat.setMaxInputSplitSize(job, split);
      splits = new ArrayList<>();
      for (InputSplit s : new ListedTextInputFormat().getSplits(job)) {
        splits.add((FileSplit) s);
      }
      List<Chunk> chunks = chunks(jsc, splits, conf);
      return new Plan(pack(chunks, parallelism), files.size(), chunks.size(), split);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot plan reading the exports: " + e.getMessage(), e);
    }
  }

  /** The splits as chunks, each with the LF bytes before it (counted when a file has several). */
  private static List<Chunk> chunks(
      JavaSparkContext jsc, List<FileSplit> splits, Configuration conf) {
    List<Chunk> toCount = toCount(splits);
    Map<Chunk, Long> counted = new HashMap<>();
    if (!toCount.isEmpty()) {
      Broadcast<SerializableConfiguration> shared =
          jsc.broadcast(new SerializableConfiguration(forReaders(conf)));
      int slices = Math.min(toCount.size(), Math.max(jsc.defaultParallelism(), 1) * 4);
      List<Tuple2<Chunk, Long>> counts =
          jsc.parallelize(toCount, slices)
              .map(c -> new Tuple2<>(c, newlines(c, shared.value().value())))
              .collect();
      for (Tuple2<Chunk, Long> t : counts) {
        counted.put(t._1(), t._2());
      }
      shared.destroy();
    }
    return numbered(splits, counted);
  }

  /**
   * The ranges whose LF bytes number the lines after them: every split of a file with several but
   * its last (as chunks without a count).
   */
  static List<Chunk> toCount(List<FileSplit> splits) {
    List<Chunk> out = new ArrayList<>();
    for (int i = 0; i + 1 < splits.size(); i++) {
      FileSplit s = splits.get(i);
      if (splits.get(i + 1).getPath().equals(s.getPath())) {
        out.add(new Chunk(s.getPath().toString(), s.getStart(), s.getLength(), 0));
      }
    }
    return out;
  }

  /**
   * The splits (a file's in byte order) as chunks, with the LF bytes before each: the sum of the
   * counts of the file's earlier splits ({@code counted}, keyed by {@link #toCount}'s chunks).
   */
  static List<Chunk> numbered(List<FileSplit> splits, Map<Chunk, Long> counted) {
    List<Chunk> out = new ArrayList<>(splits.size());
    String file = null;
    long before = 0;
    for (FileSplit s : splits) {
      String f = s.getPath().toString();
      if (!f.equals(file)) {
        file = f;
        before = 0;
      } else if (s.getStart() == 0) {
        throw new IllegalStateException("a second split at byte 0 of " + f);
      }
      out.add(new Chunk(f, s.getStart(), s.getLength(), before));
      Long n = counted.get(new Chunk(f, s.getStart(), s.getLength(), 0));
      if (n == null
          && out.size() < splits.size()
          && splits.get(out.size()).getPath().equals(s.getPath())) {
        throw new IllegalStateException("no line count for " + s);
      }
      before += n == null ? 0 : n;
    }
    return out;
  }

  /** The LF bytes in the chunk's range. */
  static long newlines(Chunk c, Configuration conf) throws IOException {
    Path path = new Path(c.file());
    FileSystem fs = path.getFileSystem(conf);
    long count = 0;
    byte[] buffer = new byte[1 << 20];
    try (FSDataInputStream in = fs.open(path)) {
      in.seek(c.start());
      long left = c.length();
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            count++;
          }
        }
        left -= n;
      }
    }
    return count;
  }

  /**
   * Contiguous groups of chunks of about equal weight (length plus {@link #OPEN_COST_BYTES} per
   * chunk): as many as a multiple of {@code parallelism} that keeps each under {@link
   * #MAX_PARTITION_BYTES}. A chunk goes to the group in which its middle falls.
   */
  static List<List<Chunk>> pack(List<Chunk> chunks, int parallelism) {
    long total = 0;
    for (Chunk c : chunks) {
      total += c.length() + OPEN_COST_BYTES;
    }
    int base = Math.max(2 * parallelism, 1);
    long rounds =
        Math.max(1, (total + (long) base * MAX_PARTITION_BYTES - 1) / (base * MAX_PARTITION_BYTES));
    int groups = (int) Math.min(chunks.size(), base * rounds);
    List<List<Chunk>> out = new ArrayList<>();
    for (int g = 0; g < Math.max(groups, 1); g++) {
      out.add(new ArrayList<>());
    }
    long before = 0;
    for (Chunk c : chunks) {
      long w = c.length() + OPEN_COST_BYTES;
      double middle = before + w / 2.0;
      int g = (int) Math.min(out.size() - 1, Math.floor(middle * out.size() / total));
      out.get(g).add(c);
      before += w;
    }
    out.removeIf(List::isEmpty);
    return out;
  }

  /**
   * Reads {@code files} in parallel, one partition per group of chunks, rows in file and line order
   * within a partition.
   */
  static JavaRDD<Row> read(
      JavaSparkContext jsc, List<String> files, Configuration base, ExportLineParser parser) {
    Configuration conf;
    try {
      conf = ListedTextInputFormat.reading(files, base);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up reading the exports: " + e.getMessage(), e);
    }
    Plan plan = plan(jsc, files, conf);
    Broadcast<SerializableConfiguration> shared =
        jsc.broadcast(new SerializableConfiguration(forReaders(conf)));
    return jsc.parallelize(plan.partitions(), Math.max(plan.partitions().size(), 1))
        .flatMap(group -> new GroupRows(group, shared.value().value(), parser));
  }

  /** The rows of a group of chunks, one chunk after the other, each reader closed when done. */
  private static final class GroupRows implements Iterator<Row> {
    private final Iterator<Chunk> chunks;
    private final Configuration conf;
    private final ExportLineParser parser;
    private final TaskContext task = TaskContext.get();
    private RecordReader<LongWritable, Text> reader;
    private Iterator<Row> rows = java.util.Collections.emptyIterator();
    private long linesRead;

    GroupRows(List<Chunk> group, Configuration conf, ExportLineParser parser) {
      this.chunks = group.iterator();
      this.conf = new JobConf(conf);
      this.parser = parser;
      if (task != null) {
        task.addTaskCompletionListener((TaskCompletionListener) t -> close());
      }
    }

    @Override
    public boolean hasNext() {
      while (!rows.hasNext()) {
        close();
        if (!chunks.hasNext()) {
          return false;
        }
        open(chunks.next());
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return rows.next();
    }

    private void open(Chunk c) {
      try {
        FileSplit split = c.split();
        reader = reader(split, conf);
        RecordReader<LongWritable, Text> r = reader;
        rows =
            parser.rows(
                c.file(),
                c.start(),
                c.newlinesBefore(),
                () -> firstLine(c.file(), conf),
                records(r, () -> linesRead++));
        if (task != null) {
          task.taskMetrics().inputMetrics().incBytesRead(c.length());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + c.file() + ": " + e.getMessage(), e);
      }
    }

    private void close() {
      if (task != null && linesRead > 0) {
        task.taskMetrics().inputMetrics().incRecordsRead(linesRead);
      }
      linesRead = 0;
      if (reader != null) {
        try {
          reader.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          reader = null;
        }
      }
    }
  }

  /**
   * The reader's records as Spark hands them over (one reused key and value, read lazily); {@code
   * onRecord} runs for each record taken.
   */
  static Iterator<Tuple2<LongWritable, Text>> records(
      RecordReader<LongWritable, Text> r, Runnable onRecord) {
    return new Iterator<>() {
      private Boolean ahead;

      @Override
      public boolean hasNext() {
        if (ahead == null) {
          try {
            ahead = r.nextKeyValue();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        }
        return ahead;
      }

      @Override
      public Tuple2<LongWritable, Text> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ahead = null;
        onRecord.run();
        try {
          return new Tuple2<>(r.getCurrentKey(), r.getCurrentValue());
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  /**
   * The reading configuration as the readers need it: without the list of input files, which only
   * the planning reads (the readers' copies of it grew with the number of files).
   */
  static Configuration forReaders(Configuration reading) {
    Configuration conf = new Configuration(reading);
    conf.unset(FileInputFormat.INPUT_DIR);
    return conf;
  }

  /**
   * A line reader over {@code split}, as the ingest reads every text file. Given a {@link JobConf},
   * the reader's context uses it as it is; any other configuration is copied whole first, which
   * costs more than opening a small file.
   */
  static RecordReader<LongWritable, Text> reader(FileSplit split, Configuration conf)
      throws IOException {
    TaskAttemptContext context =
        new TaskAttemptContextImpl(
            conf instanceof JobConf job ? job : new JobConf(conf), new TaskAttemptID());
    RecordReader<LongWritable, Text> reader =
        new ListedTextInputFormat().createRecordReader(split, context);
    try {
      reader.initialize(split, context);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return reader;
  }

  /** Line 1 of {@code file}, as its reader returns it (an empty text for an empty file). */
  static Text firstLine(String file, Configuration conf) {
    try (RecordReader<LongWritable, Text> r =
        reader(new FileSplit(new Path(file), 0, 1, new String[0]), conf)) {
      return r.nextKeyValue() ? new Text(r.getCurrentValue()) : new Text();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read line 1 of " + file + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
