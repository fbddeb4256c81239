package org.custseg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark's Parquet input: converts every CSV export of a directory into one Parquet file of
 * the same name ({@code transactions_2025-12-30.csv -> transactions_2025-12-30.parquet}), the way a
 * team that converts its exports once would feed them. Columns stay as the export's text (the job
 * types and validates them as it does CSV fields).
 *
 * <p>Usage: {@code ExportsToParquet CSV_DIR PARQUET_DIR}
 */
public final class ExportsToParquet {

  private ExportsToParquet() {}

  public static void main(String[] args) throws IOException {
    SparkSession spark =
        SparkSession.builder()
            .appName("exports-to-parquet")
            .master(System.getProperty("spark.master", "local[*]"))
            .config("spark.ui.showConsoleProgress", false)
            .getOrCreate();
    try {
      convert(spark, new Path(args[0]), new Path(args[1]));
    } finally {
      spark.stop();
    }
  }

  static void convert(SparkSession spark, Path in, Path out) throws IOException {
    FileSystem fs = in.getFileSystem(spark.sparkContext().hadoopConfiguration());
    fs.mkdirs(out);
    for (FileStatus f : fs.listStatus(in)) {
      String name = f.getPath().getName();
      if (!name.endsWith(".csv")) {
        continue;
      }
      Path target = new Path(out, name.substring(0, name.length() - 4) + ".parquet");
      Path tmp = new Path(out, "_tmp_" + name);
      spark
          .read()
          .option("header", true)
          .csv(f.getPath().toString())
          .coalesce(1)
          .write()
          .mode("overwrite")
          .parquet(tmp.toString());
      FileStatus[] parts = fs.globStatus(new Path(tmp, "part-*.parquet"));
      if (parts == null || parts.length != 1 || !fs.rename(parts[0].getPath(), target)) {
        throw new UncheckedIOException(new IOException("cannot convert " + f.getPath()));
      }
      fs.delete(tmp, true);
    }
  }
}
