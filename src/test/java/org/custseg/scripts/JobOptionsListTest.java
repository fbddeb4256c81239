package org.custseg.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custseg.SegmentationApplication;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The drift guard of jobs/lib/job-options.sh, the option list that jobs/run-local.sh and
 * jobs/spark-submit.sh read: it must name exactly the options of the job's command line (picocli),
 * each in the right list (flag or valued), so that an option added to the Java code and not to the
 * scripts (which would refuse it, or hand it to spark-submit) fails the build.
 */
class JobOptionsListTest {

  private static final Path SCRIPT = Path.of("jobs/lib/job-options.sh");

  private static final List<OptionSpec> OPTIONS =
      new CommandLine(new SegmentationApplication()).getCommandSpec().options();

  /** The words of a bash array assignment {@code NAME=(...)} (may span lines) in the script. */
  static Set<String> scriptArray(String name) throws Exception {
    String text = Files.readString(SCRIPT);
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "=\\(([^)]*)\\)").matcher(text);
    assertThat(m.find()).as(name + "=(...) in " + SCRIPT).isTrue();
    assertThat(m.find()).as("a second " + name + "=(...) in " + SCRIPT).isFalse();
    m.reset().find();
    return new TreeSet<>(Arrays.asList(m.group(1).trim().split("\\s+")));
  }

  private static Set<String> javaNames(boolean flags) {
    Set<String> names = new TreeSet<>();
    for (OptionSpec option : OPTIONS) {
      if ((option.arity().max() == 0) == flags) {
        names.addAll(Arrays.asList(option.names()));
      }
    }
    return names;
  }

  @Test
  void theFlagOptionsAreThoseOfTheJob() throws Exception {
    assertThat(scriptArray("JOB_FLAG_OPTIONS")).isEqualTo(javaNames(true));
  }

  @Test
  void theValuedOptionsAreThoseOfTheJob() throws Exception {
    assertThat(scriptArray("JOB_VALUE_OPTIONS")).isEqualTo(javaNames(false));
  }

  @Test
  void pathOptionsAreValuedAndIncludeEveryFileOption() throws Exception {
    Set<String> paths = scriptArray("JOB_PATH_OPTIONS");
    assertThat(scriptArray("JOB_VALUE_OPTIONS")).containsAll(paths);
    List<String> fileOptions = new ArrayList<>();
    for (OptionSpec option : OPTIONS) {
      if (File.class.equals(option.type()) || Path.class.equals(option.type())) {
        fileOptions.addAll(Arrays.asList(option.names()));
      }
    }
    assertThat(paths).containsAll(fileOptions).contains("--input", "--output");
  }

  @Test
  void theInfoOptionsAreTheUsageAndVersionOptions() throws Exception {
    Set<String> info = new TreeSet<>();
    for (OptionSpec option : OPTIONS) {
      if (option.usageHelp() || option.versionHelp()) {
        info.addAll(Arrays.asList(option.names()));
      }
    }
    assertThat(scriptArray("JOB_INFO_OPTIONS")).isEqualTo(info);
  }
}
