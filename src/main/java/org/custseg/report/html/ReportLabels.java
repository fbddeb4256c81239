package org.custseg.report.html;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The report's labels in one language, read from the {@code report/messages*.properties} bundles
 * (the single source of truth for every label on the page).
 *
 * <p>Two languages: English (the default, also for any unsupported locale) and Simplified Chinese
 * (any {@code zh} locale, e.g. {@code zh-CN}). Tier, quadrant and segment keys that have no label
 * are shown as given, so a business-defined segment name still appears.
 */
public final class ReportLabels {

  /** Value-pyramid tiers, top first. */
  public static final List<String> TIERS = List.of("vip", "key", "medium", "small", "inactive");

  /** Portfolio quadrants of active customers. */
  public static final List<String> QUADRANTS = List.of("star", "question_mark", "cash_cow", "dog");

  /** Lifecycle stages, in the order of a relationship. */
  public static final List<String> STAGES =
      List.of("exploration", "formation", "stability", "decline");

  /** The default RFM segments, best first. */
  public static final List<String> SEGMENTS =
      List.of(
          "champions",
          "loyal",
          "potential_loyalist",
          "new_customers",
          "promising",
          "need_attention",
          "about_to_sleep",
          "at_risk",
          "cant_lose_them",
          "hibernating",
          "lost");

  private static final String BUNDLE = "report.messages";

  private final Locale locale;
  private final ResourceBundle bundle;

  private ReportLabels(Locale locale, ResourceBundle bundle) {
    this.locale = locale;
    this.bundle = bundle;
  }

  /** Labels for a locale: Simplified Chinese for any {@code zh} locale, English otherwise. */
  public static ReportLabels forLocale(Locale requested) {
    Locale locale =
        requested != null && "zh".equals(requested.getLanguage())
            ? Locale.SIMPLIFIED_CHINESE
            : Locale.ENGLISH;
    // No fallback to the JVM's default locale: English must stay English on a Chinese machine.
    ResourceBundle.Control control =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale == Locale.ENGLISH ? Locale.ROOT : locale,
            ReportLabels.class.getClassLoader(),
            control);
    return new ReportLabels(locale, bundle);
  }

  /** Labels for a BCP 47 language tag such as {@code en} or {@code zh-CN}; null means English. */
  public static ReportLabels forLanguageTag(String languageTag) {
    return forLocale(languageTag == null ? Locale.ENGLISH : Locale.forLanguageTag(languageTag));
  }

  /** The locale used for number formatting: {@code en} or {@code zh-CN}. */
  public Locale locale() {
    return locale;
  }

  /** The page's language tag: {@code en} or {@code zh-CN}. */
  public String languageTag() {
    return text("page.lang");
  }

  /** The label for a key; fails when a key is missing, since that is a bug in the bundles. */
  public String text(String key) {
    return bundle.getString(key);
  }

  /**
   * The label for a key with {@code {0}}-style arguments filled in (arguments are preformatted).
   */
  public String format(String key, Object... args) {
    return new MessageFormat(text(key), locale).format(args);
  }

  /** Whether the bundle has a label for the key. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  public String tier(String key) {
    return optional("tier." + key, key);
  }

  public String quadrant(String key) {
    return optional("quadrant." + key, key);
  }

  public String segment(String key) {
    return optional("segment." + key, key);
  }

  public String stage(String key) {
    return optional("stage." + key, key);
  }

  /**
   * A cluster's label (English words from its centre, e.g. "recent frequent high-spenders"),
   * translated word by word ({@code cluster.word.<word>}); "(cluster n)" becomes the catalogue's
   * {@code cluster.numbered}. Words without a translation stay as they are.
   */
  public String clusterLabel(String label) {
    String text = label;
    String suffix = "";
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(" \\(cluster (\\d+)\\)$").matcher(text);
    if (m.find()) {
      suffix = format("cluster.numbered", m.group(1));
      text = text.substring(0, m.start());
    }
    List<String> words = new java.util.ArrayList<>();
    for (String word : text.split(" ")) {
      words.add(optional("cluster.word." + word, word));
    }
    return String.join(text("cluster.separator"), words) + suffix;
  }

  /**
   * The vocabulary's label of a measure (a customer-table column such as {@code trailing_value}),
   * with its window: the one set of words the CSVs, the data dictionary and the report share. A
   * column without a {@code measure.*} label is shown as given.
   */
  public String measure(String column, Units units) {
    return has("measure." + column)
        ? format("measure." + column, units.measureArguments())
        : column;
  }

  /** A measure's name for a chart axis: its short form when the label is a long definition. */
  public String measureAxis(String column, Units units) {
    String key = "measure." + column + ".axis";
    return has(key) ? format(key, units.measureArguments()) : measure(column, units);
  }

  /** The reporting currency: its code, or the words for "not stated" (or "any" in the docs). */
  public String currency(Units units) {
    if (units.currency() == null) {
      return text("currency.any");
    }
    return units.currencyStated() ? units.currency() : text("currency.notStated");
  }

  /**
   * A money label with its currency, e.g. "Net spend, all time (EUR)", or "(currency not stated)".
   */
  public String inCurrency(String label, Units units) {
    return format(
        "unit.inCurrency",
        label,
        units.currency() != null && !units.currencyStated()
            ? text("currency.notStated.short")
            : currency(units));
  }

  /**
   * What the relationship-marketing theory recommends for a segment (domain.md section 7): the
   * level's action and the depth's typical instruments, e.g. "Accountable: call after the sale to
   * check; Social bonds: a customer club, personal contact". Empty without a level.
   */
  public String recommendedAction(String level, String depth) {
    if (level == null) {
      return "";
    }
    return format(
        "relationship.recommended",
        optional("relationship.level." + level, level),
        optional("relationship.level." + level + ".action", ""),
        optional("relationship.depth." + depth, String.valueOf(depth)),
        optional("relationship.depth." + depth + ".instruments", ""));
  }

  /** Every label, for tests and tools. */
  public Map<String, String> all() {
    Map<String, String> all = new LinkedHashMap<>();
    for (String key : Collections.list(bundle.getKeys())) {
      all.put(key, bundle.getString(key));
    }
    return all;
  }

  /** The label for a key, or {@code fallback} when the catalogue has none. */
  public String optional(String key, String fallback) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return fallback;
    }
  }
}
