package org.custseg.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.custseg.archfixture.ingest.Reader;
import org.custseg.archfixture.job.Runner;
import org.custseg.archfixture.sample.Generator;
import org.custseg.archfixture.schema.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * The layering test can fail: the same rules report the deliberate violations of the fixture in
 * org.custseg.archfixture, and pass on its classes that keep to them.
 */
class LayerRulesTest {

  private static final JavaClasses FIXTURE =
      new ClassFileImporter().importPackages("org.custseg.archfixture");

  @Test
  void aLowerLayerImportingAHigherOneIsReported() {
    EvaluationResult result = LayerRules.DEPENDENCIES_RUN_DOWN_THE_LAYERS.evaluate(FIXTURE);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .singleElement()
        .asString()
        .contains("schema -> job")
        .contains(Vocabulary.class.getName())
        .contains(Runner.class.getName());
  }

  @Test
  void aStageUsingAToolIsReported() {
    EvaluationResult result = LayerRules.NOTHING_USES_THE_TOOLS.evaluate(FIXTURE);
    assertThat(result.getFailureReport().getDetails())
        .singleElement()
        .asString()
        .contains(Reader.class.getName())
        .contains(Generator.class.getName());
  }

  @Test
  void springOutsideTheJobLayerIsReported() {
    EvaluationResult result = LayerRules.SPRING_ONLY_IN_JOB.evaluate(FIXTURE);
    assertThat(result.getFailureReport().getDetails())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d).contains(Reader.class.getName()));
  }

  @Test
  void classesThatKeepToTheLayersPass() {
    JavaClasses clean = new ClassFileImporter().importClasses(Runner.class, Generator.class);
    for (var rule : LayerRules.ALL) {
      assertThat(rule.evaluate(clean).hasViolation()).as(rule.getDescription()).isFalse();
    }
  }
}
