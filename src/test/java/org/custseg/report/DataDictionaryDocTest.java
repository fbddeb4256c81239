package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.custseg.report.html.Units;
import org.custseg.schema.CustomerTableColumns;
import org.custseg.support.TestSettings;
import org.junit.jupiter.api.Test;

/**
 * docs/data-dictionary.md is generated from {@link DataDictionary}; this test fails when they
 * drift. Regenerate with: {@code mvn -q test -Dtest=DataDictionaryDocTest -Ddocs.update=true}.
 */
class DataDictionaryDocTest {

  private static final Path DOC = Path.of("docs/data-dictionary.md");

  @Test
  void theDocumentedDictionaryIsTheGeneratedOne() throws Exception {
    String generated = DataDictionary.markdown(Units.documentation(TestSettings.defaults()));
    if (Boolean.getBoolean("docs.update")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as(
            "docs/data-dictionary.md is stale: regenerate it with "
                + "mvn -q test -Dtest=DataDictionaryDocTest -Ddocs.update=true")
        .isEqualTo(generated);
  }

  @Test
  void everyCustomerTableColumnIsDescribedInTheTablesOrder() {
    assertThat(DataDictionary.customerColumnNames())
        .as("the customer table's columns in the data dictionary")
        .containsExactlyElementsOf(CustomerTableColumns.NAMES);
  }

  @Test
  void everyFileListsEachColumnOnceWithADescription() {
    for (DataDictionary.FileSpec f : DataDictionary.files()) {
      Set<String> seen = new HashSet<>();
      for (ColumnSpec c : f.columns()) {
        assertThat(seen.add(c.name())).as(f.fileName() + " repeats " + c.name()).isTrue();
        assertThat(c.description(Units.documentation(TestSettings.defaults())))
            .as(f.fileName() + "." + c.name())
            .isNotBlank();
      }
    }
  }
}
