package org.custseg.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.custseg.schema.Columns;

/**
 * Reads exports into the {@link ExportSchema#PARSED} schema, whatever their format.
 *
 * <p>Text exports (delimited text and JSON lines, plain or compressed, e.g. {@code .gz}) are read
 * line by line, in byte ranges read in parallel ({@link TextChunks}: a large uncompressed file is
 * cut into several, many small files are packed into one partition), and every row keeps its file
 * name and exact line number. Parquet exports go through Spark's Parquet reader, one scan per group
 * of files with the same schema; their row locator is the 1-based row number in the file ({@code
 * _metadata.row_index + 1}), and their original text is the row as JSON.
 */
public final class ExportReader {

  private ExportReader() {}

  public static Dataset<Row> read(SparkSession spark, List<String> files, ReadSpec spec) {
    List<String> text = new ArrayList<>();
    List<String> parquet = new ArrayList<>();
    for (String f : files) {
      (spec.formatOf(f) == ReadSpec.FileFormat.PARQUET ? parquet : text).add(f);
    }
    Dataset<Row> out = text.isEmpty() ? null : readText(spark, text, spec);
    for (List<String> group : bySchema(parquet, spark.sparkContext().hadoopConfiguration())) {
      Dataset<Row> rows = readParquet(spark, group, spec);
      out = out == null ? rows : out.unionByName(rows);
    }
    return out == null ? spark.createDataFrame(List.of(), ExportSchema.PARSED) : out;
  }

  private static Dataset<Row> readText(SparkSession spark, List<String> files, ReadSpec spec) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows =
        TextChunks.read(jsc, files, jsc.hadoopConfiguration(), new ExportLineParser(spec));
    return spark.createDataFrame(rows, ExportSchema.PARSED);
  }

  /**
   * Parquet exports grouped by their schema (read from each file's footer, in list order), so that
   * every group is read in one scan: one scan per file costs some planning and scheduling per file,
   * which adds up over years of daily exports.
   */
  static List<List<String>> bySchema(List<String> files, Configuration conf) {
    Map<MessageType, List<String>> groups = new LinkedHashMap<>();
    for (String f : files) {
      groups.computeIfAbsent(footerSchema(f, conf), k -> new ArrayList<>()).add(f);
    }
    return new ArrayList<>(groups.values());
  }

  private static MessageType footerSchema(String file, Configuration conf) {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), conf))) {
      return reader.getFileMetaData().getSchema();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the Parquet export " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parquet exports of one schema, in one scan: mapped columns by name, rendered as text
   * (timestamps as {@code yyyy-MM-dd HH:mm:ss}, dates as {@code yyyy-MM-dd}); the source file is
   * the file's name as listed (Spark's {@code _metadata.file_path} is URI-encoded). The schema is
   * the files' header ({@link HeaderMapping}): a file lacking a required column, or naming a mapped
   * one twice, puts all its rows in quarantine; optional columns it lacks are read as empty.
   */
  static Dataset<Row> readParquet(SparkSession spark, List<String> files, ReadSpec spec) {
    Dataset<Row> df =
        spark.read().parquet(files.stream().map(ExportFiles::escape).toArray(String[]::new));
    StructType schema = df.schema();
    String[] names = schema.fieldNames();
    HeaderMapping header = HeaderMapping.of(List.of(names), spec.columns());
    Map<String, String> byPath = new LinkedHashMap<>();
    for (String f : files) {
      byPath.putIfAbsent(new Path(f).toUri().toString(), f);
    }
    List<Column> listed = new ArrayList<>();
    byPath.forEach(
        (path, f) -> {
          listed.add(lit(path));
          listed.add(lit(f));
        });
    Column filePath = col("_metadata.file_path");
    Column sourceFile =
        coalesce(try_element_at(map(listed.toArray(Column[]::new)), filePath), filePath);
    Column[] all = java.util.Arrays.stream(names).map(n -> col(quoted(n))).toArray(Column[]::new);
    Column raw = to_json(struct(all));
    List<String> logical = new ArrayList<>(spec.columns().keySet());
    List<Column> select = new ArrayList<>();
    for (StructField f : ExportSchema.PARSED.fields()) {
      String name = f.name();
      Column c;
      if (name.equals(Columns.SOURCE_FILE)) {
        c = sourceFile;
      } else if (name.equals(Columns.LINE_NUMBER)) {
        c = col("_metadata.row_index").plus(1);
      } else if (name.equals(Columns.RAW_LINE) || name.equals(ExportSchema.ALL_FIELDS)) {
        c = raw;
      } else if (name.equals(ExportSchema.PARSE_ERROR)) {
        c = header.problem() == null ? lit(null) : lit(header.problem().code());
      } else if (name.equals(ExportSchema.PARSE_DETAIL)) {
        c = lit(header.detail());
      } else if (name.equals(Columns.ABSENT_COLUMNS)) {
        c = lit(header.absentText());
      } else {
        int i = logical.indexOf(name);
        int at = i < 0 ? -1 : header.positions()[i];
        c = at < 0 ? lit(null) : asText(col(quoted(names[at])), schema.apply(at).dataType());
      }
      select.add(c.cast(f.dataType()).as(name));
    }
    return df.select(select.toArray(Column[]::new));
  }

  private static Column asText(Column c, DataType type) {
    Column text;
    if (type.equals(DataTypes.TimestampType) || type.equals(DataTypes.TimestampNTZType)) {
      text = date_format(c, "yyyy-MM-dd HH:mm:ss");
    } else if (type.equals(DataTypes.DateType)) {
      text = date_format(c, "yyyy-MM-dd");
    } else {
      text = trim(c.cast(DataTypes.StringType));
    }
    return when(text.equalTo(""), lit(null)).otherwise(text);
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
