package org.custseg.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every key of the bundled {@code conf/application.yml} has a row in {@code docs/configuration.md}:
 * a row naming it, a row {@code `segmentation.x.*`} for its section, or a row starting with its
 * section that names its last part (such as {@code `segmentation.pyramid.vip-share` /
 * `key-share`}). Keys under sections whose names the user chooses (segments, relationship levels)
 * are covered by their section's row. Spring's own keys other than the job repository's data source
 * are not settings of this job.
 */
class ConfigurationDocTest {

  private static final List<String> OPEN_SECTIONS =
      List.of(
          "segmentation.rfm.segments",
          "segmentation.relationship.levels",
          "segmentation.relationship.depth");

  @Test
  void everySettingHasARowInTheConfigurationPage() throws IOException {
    List<String> firstCells = new ArrayList<>();
    for (String line :
        Files.readAllLines(Path.of("docs/configuration.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("| `")) {
        firstCells.add(line.substring(1, line.indexOf('|', 1)));
      }
    }
    List<String> keys = new ArrayList<>();
    Map<String, Object> yaml =
        new Yaml().load(Files.readString(Path.of("conf/application.yml"), StandardCharsets.UTF_8));
    flatten("", yaml, keys);
    keys.removeIf(k -> !k.startsWith("segmentation.") && !k.startsWith("spring.datasource."));

    assertThat(keys).hasSizeGreaterThan(50);
    assertThat(keys.stream().filter(k -> !documented(k, firstCells)).toList())
        .as("keys of conf/application.yml without a row in docs/configuration.md")
        .isEmpty();
  }

  @Test
  void aKeyIsFoundByNameBySectionOrByItsLastPartInItsSectionsRow() {
    List<String> cells =
        List.of(
            " `segmentation.input.path` ",
            " `segmentation.lifecycle.*` ",
            " `segmentation.pyramid.vip-share` / `key-share` ");

    assertThat(documented("segmentation.input.path", cells)).isTrue();
    assertThat(documented("segmentation.lifecycle.overdue-factor", cells)).isTrue();
    assertThat(documented("segmentation.pyramid.key-share", cells)).isTrue();
    assertThat(documented("segmentation.pyramid.other-share", cells)).isFalse();
    assertThat(documented("segmentation.input.paths", cells)).isFalse();
    assertThat(documented("segmentation.lifecycle.rules.x", cells)).isTrue();
  }

  private static boolean documented(String key, List<String> firstCells) {
    int dot = key.lastIndexOf('.');
    String section = key.substring(0, dot);
    String last = key.substring(dot + 1);
    for (String cell : firstCells) {
      if (cell.contains("`" + key + "`")) {
        return true;
      }
      for (int i = key.indexOf('.'); i > 0; i = key.indexOf('.', i + 1)) {
        if (cell.contains("`" + key.substring(0, i) + ".*`")) {
          return true;
        }
      }
      if (cell.contains("`" + section + ".") && cell.contains("`" + last + "`")) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Map<String, Object> map, List<String> keys) {
    for (Map.Entry<String, Object> e : map.entrySet()) {
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (OPEN_SECTIONS.contains(key)) {
        keys.add(key + ".x");
      } else if (e.getValue() instanceof Map<?, ?> child) {
        flatten(key, (Map<String, Object>) child, keys);
      } else {
        keys.add(key);
      }
    }
  }
}
