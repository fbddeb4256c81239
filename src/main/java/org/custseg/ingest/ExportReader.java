package org.custseg.ingest;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads text exports (plain or compressed, e.g. {@code .gz}) line by line into the
 * {@link ExportSchema#PARSED} schema. Each file is read whole by one task, so every row keeps its
 * file name and exact line number; many small daily files are then packed into fewer partitions.
 */
public final class ExportReader {

  private ExportReader() {}

  public static Dataset<Row> read(SparkSession spark, List<String> files, ReadSpec spec) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = new Configuration(jsc.hadoopConfiguration());
    conf.setLong("mapreduce.input.fileinputformat.split.minsize", Long.MAX_VALUE);
    conf.setBoolean("mapreduce.input.fileinputformat.input.dir.recursive", false);
    @SuppressWarnings("unchecked")
    JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>)
        jsc.newAPIHadoopFile(String.join(",", escape(files)), TextInputFormat.class,
            LongWritable.class, Text.class, conf);
    JavaRDD<Row> rows = lines.mapPartitionsWithInputSplit(new ExportLineParser(spec), true);
    int target = Math.max(spark.sparkContext().defaultParallelism() * 2, 1);
    if (rows.getNumPartitions() > target) {
      rows = rows.coalesce(target);
    }
    return spark.createDataFrame(rows, ExportSchema.PARSED);
  }

  /** Hadoop reads a comma-separated path list: escape commas inside names. */
  private static List<String> escape(List<String> files) {
    return files.stream().map(f -> f.replace(",", "\\,")).toList();
  }
}
