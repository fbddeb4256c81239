package org.custseg.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportLabelsTest {

  private static final ReportLabels EN = ReportLabels.forLocale(Locale.ENGLISH);
  private static final ReportLabels ZH = ReportLabels.forLanguageTag("zh-CN");

  @Test
  void bothBundlesHaveExactlyTheSameKeys() throws Exception {
    Properties en = load("report/messages.properties");
    Properties zh = load("report/messages_zh_CN.properties");

    assertThat(zh.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    assertThat(en.values()).allSatisfy(v -> assertThat((String) v).isNotEmpty());
    assertThat(zh.values()).allSatisfy(v -> assertThat((String) v).isNotEmpty());
  }

  /** Keys whose words are the same in both languages: abbreviations and model names. */
  private static final List<String> SAME_IN_BOTH =
      List.of(
          "nav.rfm",
          "tier.vip",
          "col.pAlive",
          "feature.p_alive",
          "feature.short.p_alive",
          "feature.short.clv",
          "model.name.bgnbd",
          "model.name.mbgnbd",
          "model.name.pareto-nbd",
          "model.name.gamma-gamma");

  /** Latin words a Chinese label may hold besides codes and abbreviations in capitals. */
  private static final List<String> LATIN_IN_CHINESE =
      List.of("alive", "Gamma-Gamma", "Pareto", "csv", "manifest", "zh-CN");

  @Test
  void everyChineseLabelIsInChineseExceptCodesAndAbbreviations() throws Exception {
    Properties en = load("report/messages.properties");
    Properties zh = load("report/messages_zh_CN.properties");
    Pattern word = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(?:[-'][A-Za-z0-9_]+)*");
    List<String> untranslated = new ArrayList<>();
    for (String key : en.stringPropertyNames()) {
      String z = zh.getProperty(key);
      if (z.equals(en.getProperty(key)) && !SAME_IN_BOTH.contains(key)) {
        untranslated.add(key + " = " + z);
      }
      Matcher m = word.matcher(z);
      while (m.find()) {
        String w = m.group();
        boolean code =
            w.length() == 1
                || w.contains("_")
                || w.matches(".*\\d.*")
                || w.equals(w.toUpperCase(Locale.ROOT));
        if (!code && !LATIN_IN_CHINESE.contains(w)) {
          untranslated.add(key + ": '" + w + "' in " + z);
        }
      }
    }
    assertThat(untranslated).as("zh-CN labels left in English").isEmpty();
  }

  @Test
  void patternsWithArgumentsKeepTheirApostrophes() throws Exception {
    for (String name : List.of("report/messages.properties", "report/messages_zh_CN.properties")) {
      Properties labels = load(name);
      for (String key : labels.stringPropertyNames()) {
        String v = labels.getProperty(key);
        if (v.contains("{0}")) {
          String out =
              new MessageFormat(v, Locale.ROOT).format(new Object[] {"a", "b", "c", "d", "e"});
          assertThat(out.chars().filter(c -> c == '\'').count())
              .as(name + " " + key + " (a quote in a pattern with arguments is written '')")
              .isEqualTo(v.replace("''", "'").chars().filter(c -> c == '\'').count());
        }
      }
    }
  }

  @Test
  void everyLabelTheScriptsUseIsInTheCatalogues() throws Exception {
    Properties en = load("report/messages.properties");
    Pattern used = Pattern.compile("\\bT\\.([A-Za-z]+)");
    for (String js : List.of("common.js", "charts.js", "main.js")) {
      String code = Files.readString(Path.of("src/main/resources/report/js", js));
      Matcher m = used.matcher(code);
      while (m.find()) {
        assertThat(en.getProperty("chart." + m.group(1)))
            .as(js + " uses T." + m.group(1))
            .isNotNull();
      }
    }
  }

  @Test
  void everyFixedKeyTheSectionsUseIsInTheCatalogues() throws Exception {
    Properties en = load("report/messages.properties");
    Pattern literal =
        Pattern.compile(
            "(?:text|format|optional|has)\\(\\s*\"([a-z][A-Za-z]*(?:\\.[A-Za-z0-9_-]+)+)\"");
    int found = 0;
    try (var files = Files.list(Path.of("src/main/java/org/custseg/report/html"))) {
      for (Path f : files.toList()) {
        Matcher m = literal.matcher(Files.readString(f));
        while (m.find()) {
          found++;
          assertThat(en.getProperty(m.group(1)))
              .as(f.getFileName() + ": " + m.group(1))
              .isNotNull();
        }
      }
    }
    assertThat(found).as("keys found in the renderers").isGreaterThan(100);
  }

  @Test
  void everyTierQuadrantSegmentAndAxisHasALabelInBothLanguages() throws Exception {
    Properties en = load("report/messages.properties");
    Properties zh = load("report/messages_zh_CN.properties");
    List<String> keys = new ArrayList<>();
    ReportLabels.TIERS.forEach(k -> keys.add("tier." + k));
    List.of("new", "lost").forEach(k -> keys.add("tier." + k));
    ReportLabels.STAGES.forEach(k -> keys.add("stage." + k));
    ReportLabels.QUADRANTS.forEach(k -> keys.add("quadrant." + k));
    ReportLabels.SEGMENTS.forEach(k -> keys.add("segment." + k));

    for (String key : keys) {
      assertThat(en.getProperty(key)).as("en " + key).isNotBlank();
      assertThat(zh.getProperty(key)).as("zh-CN " + key).isNotBlank();
    }
    // the Chinese labels are really Chinese (VIP stays VIP)
    for (String key : keys) {
      if (!key.equals("tier.vip")) {
        assertThat(zh.getProperty(key)).as("zh-CN " + key).containsPattern("\\p{IsHan}");
      }
    }
  }

  @Test
  void chineseLabelsAreTheAgreedOnes() {
    assertThat(ReportLabels.TIERS.stream().map(ZH::tier))
        .containsExactly("VIP", "重要", "中等", "小客户", "不活跃");
    assertThat(ReportLabels.QUADRANTS.stream().map(ZH::quadrant))
        .containsExactly("明星", "问题", "现金牛", "瘦狗");
    assertThat(ZH.languageTag()).isEqualTo("zh-CN");
    assertThat(ZH.text("page.title")).isEqualTo("客户细分报告");
  }

  @Test
  void englishStaysEnglishWhateverTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      ReportLabels en = ReportLabels.forLocale(Locale.ENGLISH);
      assertThat(en.tier("key")).isEqualTo("Key");
      assertThat(en.languageTag()).isEqualTo("en");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void unknownKeysAreShownAsGivenAndTraditionalChineseGetsChinese() {
    assertThat(EN.segment("big_spenders")).isEqualTo("big_spenders");
    Units units = new Units("EUR", 365, 12, 30.4375, 365);
    assertThat(EN.measure("my own axis", units)).isEqualTo("my own axis");
    assertThat(EN.measure("trailing_value", units)).isEqualTo("Net spend, trailing 365 days");
    assertThat(ReportLabels.forLanguageTag("zh-TW").segment("champions")).isEqualTo("冠军客户");
    assertThat(ReportLabels.forLanguageTag("fr").segment("champions")).isEqualTo("Champions");
    assertThat(EN.format("page.subtitle", "2024-06-30", "EUR"))
        .isEqualTo("Run date 2024-06-30 · amounts in EUR");
  }

  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = ReportLabelsTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
