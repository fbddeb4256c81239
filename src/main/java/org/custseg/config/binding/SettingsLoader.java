package org.custseg.config.binding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custseg.config.ConfigurationException;
import org.custseg.config.RfmSegmentTable;
import org.custseg.config.Settings;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads {@code segmentation.*} onto {@link Settings}: the one binding path of every mode (nightly
 * job, {@code --validate-only}, {@code --evaluate}), run before Spark starts.
 *
 * <p>Precedence, lowest first: the application.yml the jar carries (a copy of {@code
 * conf/application.yml}, the single place a default is written), {@code ./conf/application.yml}
 * when present, the {@code --config} file, environment variables and system properties (e.g. {@code
 * SEGMENTATION_SPARK_MASTER}), then the command-line options {@code --input} and {@code --output}.
 * Maps merge across the layers; every other value is replaced by a higher layer.
 *
 * <p>Every problem is a {@link ConfigurationException} naming the key (and the value, the file or
 * the line): a key under {@code segmentation.} that the bundled file does not define (with the
 * nearest valid key), a value of the wrong type, invalid YAML, a value a settings record rejects,
 * and an RFM code table with gaps or overlaps.
 */
public final class SettingsLoader {

  private static final String BUNDLED = "the bundled application.yml";

  private final Resource bundled;
  private final Path workingDirectoryConf;

  SettingsLoader(Resource bundled, Path workingDirectoryConf) {
    this.bundled = bundled;
    this.workingDirectoryConf = workingDirectoryConf;
  }

  /** The loader of the application: the jar's application.yml, then ./conf/application.yml. */
  public static SettingsLoader standard() {
    return new SettingsLoader(
        new ClassPathResource("application.yml"), Path.of("conf", "application.yml"));
  }

  /** The defaults alone: the bundled application.yml, nothing layered over it (tests, tools). */
  public static LoadedSettings bundledDefaults() {
    return standard().bind(List.of(new Layer(BUNDLED, standard().bundled)), Map.of(), false);
  }

  /**
   * Loads the settings.
   *
   * @param configFile the {@code --config} file, or {@code null}
   * @param overrides command-line values by key, e.g. {@code segmentation.input.path}
   */
  public LoadedSettings load(Path configFile, Map<String, String> overrides) {
    return bind(layers(configFile), overrides, true);
  }

  private List<Layer> layers(Path configFile) {
    List<Layer> layers = new ArrayList<>();
    layers.add(new Layer(BUNDLED, bundled));
    FileSystemResource local = new FileSystemResource(workingDirectoryConf);
    if (local.exists()) {
      layers.add(new Layer(workingDirectoryConf.toString(), local));
    }
    if (configFile != null) {
      layers.add(new Layer(configFile.toString(), new FileSystemResource(configFile)));
    }
    return layers;
  }

  private LoadedSettings bind(List<Layer> layers, Map<String, String> overrides, boolean system) {
    StandardEnvironment env = new StandardEnvironment();
    MutablePropertySources sources = env.getPropertySources();
    if (!system) {
      sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
      sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    }
    KnownKeys known = null;
    int n = 0;
    for (Layer layer : layers) {
      List<PropertySource<?>> parsed = layer.parse("settings-" + n++);
      if (known == null) {
        known = new KnownKeys(keys(parsed));
      } else {
        known.check(keys(parsed), layer.label());
      }
      for (PropertySource<?> ps : parsed) {
        // Each file (and each document in it) goes above the ones before, below the environment.
        if (system) {
          sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, ps);
        } else {
          sources.addFirst(ps);
        }
      }
    }
    Map<String, Object> options = new LinkedHashMap<>();
    overrides.forEach(
        (k, v) -> {
          if (v != null) {
            options.put(k, v);
          }
        });
    sources.addFirst(new MapPropertySource("command-line", options));
    Settings settings;
    try {
      settings =
          Binder.get(env)
              .bind("segmentation", Bindable.of(Settings.class))
              .orElseThrow(
                  () -> new ConfigurationException("no segmentation.* configuration found"));
    } catch (BindException e) {
      throw translate(e, layers);
    }
    return new LoadedSettings(settings, RfmSegmentTable.parse(settings.rfm().segments()));
  }

  private static Collection<String> keys(List<PropertySource<?>> sources) {
    List<String> keys = new ArrayList<>();
    for (PropertySource<?> ps : sources) {
      if (ps instanceof EnumerablePropertySource<?> e) {
        keys.addAll(List.of(e.getPropertyNames()));
      }
    }
    return keys;
  }

  /** A record's own message when it rejected a value; otherwise the key, the value and its type. */
  private static ConfigurationException translate(BindException e, List<Layer> layers) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ConfigurationException ce) {
        return ce;
      }
    }
    ConfigurationProperty property = e.getProperty();
    String key = property == null ? e.getName().toString() : property.getName().toString();
    if (property == null) {
      return new ConfigurationException(key + " cannot be read: " + rootMessage(e));
    }
    Class<?> type = e.getTarget().getType().resolve(Object.class);
    return new ConfigurationException(
        key
            + ": '"
            + property.getValue()
            + "' "
            + expectation(type)
            + where(property.getOrigin(), layers));
  }

  private static String expectation(Class<?> type) {
    if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
      return "is not a whole number";
    }
    if (type == double.class || type == Double.class || Number.class.isAssignableFrom(type)) {
      return "is not a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "is not true or false";
    }
    return "cannot be read as " + type.getSimpleName();
  }

  private static String where(Origin origin, List<Layer> layers) {
    if (origin instanceof PropertySourceOrigin p && p.getOrigin() != null) {
      origin = p.getOrigin();
    }
    if (origin instanceof TextResourceOrigin t && t.getResource() != null) {
      String file = t.getResource().getDescription();
      for (Layer layer : layers) {
        if (layer.resource().equals(t.getResource())) {
          file = layer.label();
        }
      }
      return t.getLocation() == null
          ? " (in " + file + ")"
          : " (in " + file + ", line " + (t.getLocation().getLine() + 1) + ")";
    }
    return "";
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** One YAML file of the settings, with the name messages give it. */
  private record Layer(String label, Resource resource) {

    List<PropertySource<?>> parse(String name) {
      try {
        return new YamlPropertySourceLoader().load(name, resource);
      } catch (IOException e) {
        throw new ConfigurationException("cannot read " + label + ": " + e.getMessage());
      } catch (RuntimeException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
          if (c instanceof MarkedYAMLException y && y.getProblemMark() != null) {
            throw new ConfigurationException(
                label
                    + " is not valid YAML: "
                    + y.getProblem()
                    + " at line "
                    + (y.getProblemMark().getLine() + 1)
                    + ", column "
                    + (y.getProblemMark().getColumn() + 1));
          }
        }
        throw new ConfigurationException(label + " is not valid YAML: " + rootMessage(e));
      }
    }
  }
}
