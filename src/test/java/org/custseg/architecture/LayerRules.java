package org.custseg.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Optional;

/**
 * The layering of the main code as ArchUnit rules. Packages are pipeline stages and imports run one
 * way, bottom to top: {@link #LAYERS}; {@code job} also holds the root class {@code
 * org.custseg.SegmentationApplication} and the Spring binding package {@code
 * org.custseg.config.binding}. The tools {@code sample} and {@code bench} may use lower layers, but
 * nothing uses them. Spring stays in {@code job}.
 *
 * <p>A package directly under {@code org.custseg.archfixture} counts as the package of the same
 * name under {@code org.custseg}: the test-only fixture there shows that the rules do fail.
 */
public final class LayerRules {

  /** The layers, lowest first. */
  public static final List<String> LAYERS =
      List.of(
          "schema",
          "config",
          "ingest",
          "features",
          "state",
          "scoring",
          "segmentation",
          "report",
          "spark",
          "job");

  /** Standalone tools: they may use lower layers; nothing may use them. */
  public static final List<String> TOOLS = List.of("sample", "bench");

  private static final String ROOT = "org.custseg";
  private static final String FIXTURE = "archfixture";
  private static final String APPLICATION = "SegmentationApplication";

  /** The layer name {@link #layerOf} gives Spring's classes. */
  private static final String SPRING = "(spring)";

  /** No class depends on a class of a higher layer. */
  public static final ArchRule DEPENDENCIES_RUN_DOWN_THE_LAYERS =
      noDependency(
          "depend only on classes of their own or lower layers",
          (from, to) -> {
            int own = LAYERS.indexOf(from);
            int target = LAYERS.indexOf(to);
            return own >= 0 && target > own
                ? Optional.of(from + " -> " + to + " (against the pipeline order)")
                : Optional.empty();
          });

  /** Nothing outside a tool depends on it. */
  public static final ArchRule NOTHING_USES_THE_TOOLS =
      noDependency(
          "not depend on the sample or bench tools",
          (from, to) ->
              TOOLS.contains(to) && !to.equals(from)
                  ? Optional.of("the tool " + to + " is used")
                  : Optional.empty());

  /** Spring only in job (with the root class and config.binding). */
  public static final ArchRule SPRING_ONLY_IN_JOB =
      noDependency(
          "use Spring only in the job layer",
          (from, to) ->
              !from.equals("job") && to.equals(SPRING)
                  ? Optional.of("Spring outside job")
                  : Optional.empty());

  public static final List<ArchRule> ALL =
      List.of(DEPENDENCIES_RUN_DOWN_THE_LAYERS, NOTHING_USES_THE_TOOLS, SPRING_ONLY_IN_JOB);

  private LayerRules() {}

  /** Judges one dependency by the layers of its two ends: a violation's reason, or empty. */
  private interface DependencyCheck {
    Optional<String> violation(String fromLayer, String toLayer);
  }

  private static ArchRule noDependency(String description, DependencyCheck check) {
    return classes()
        .should(
            new ArchCondition<JavaClass>(description) {
              @Override
              public void check(JavaClass c, ConditionEvents events) {
                String from = layerOf(c).orElse("");
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                  String to = layerOf(d.getTargetClass()).orElse("");
                  check
                      .violation(from, to)
                      .ifPresent(
                          why ->
                              events.add(
                                  SimpleConditionEvent.violated(
                                      d, why + ": " + d.getDescription())));
                }
              }
            });
  }

  /**
   * The layer (or tool) of a class of this code base, {@link #SPRING} for Spring's classes, empty
   * for other classes.
   */
  static Optional<String> layerOf(JavaClass c) {
    String name = c.getName();
    if (name.startsWith("org.springframework.")) {
      return Optional.of(SPRING);
    }
    if (!name.startsWith(ROOT + ".")) {
      return Optional.empty();
    }
    String rest = name.substring(ROOT.length() + 1);
    if (rest.startsWith(FIXTURE + ".")) {
      rest = rest.substring(FIXTURE.length() + 1);
    }
    if (rest.equals(APPLICATION) || rest.startsWith(APPLICATION + "$")) {
      return Optional.of("job");
    }
    if (rest.startsWith("config.binding.")) {
      return Optional.of("job");
    }
    int dot = rest.indexOf('.');
    return dot < 0 ? Optional.empty() : Optional.of(rest.substring(0, dot));
  }
}
