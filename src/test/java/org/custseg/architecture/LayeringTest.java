package org.custseg.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The compiled main classes keep to {@link LayerRules}. */
class LayeringTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages("org.custseg");

  @Test
  void dependenciesRunDownThePipeline() {
    LayerRules.DEPENDENCIES_RUN_DOWN_THE_LAYERS.check(MAIN);
  }

  @Test
  void nothingUsesTheSampleOrBenchTools() {
    LayerRules.NOTHING_USES_THE_TOOLS.check(MAIN);
  }

  @Test
  void springStaysInTheJobLayer() {
    LayerRules.SPRING_ONLY_IN_JOB.check(MAIN);
  }

  @Test
  void everyLayerWasImported() {
    // An empty import would pass every rule.
    for (String layer : LayerRules.LAYERS) {
      assertThat(MAIN.containPackage("org.custseg." + layer)).as(layer).isTrue();
    }
  }
}
